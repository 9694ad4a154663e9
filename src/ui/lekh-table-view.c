/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-table-view.h"

typedef struct
{
  guint  cell;      /* row * n_columns + column */
  int    start;     /* byte indices in the cell's layout text */
  int    end;
  char  *url;
} CellLink;

static void
cell_link_clear (gpointer data)
{
  g_free (((CellLink *) data)->url);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* A table cell's rendering as Pango markup. */
static char *
cell_markup (LekhPreviewRendering *cell)
{
  GString *markup = g_string_new (NULL);
  const char *text = cell->text->str;
  guint n = cell->n_chars;
  g_autoptr(GPtrArray) opens = g_ptr_array_new_full (n + 1, string_free);
  const char *p = text;

  /* Inline runs nest: open each at its start, close at its end, innermost first. */
  for (guint i = 0; i <= n; i++)
    g_ptr_array_add (opens, g_string_new (NULL));
  for (guint i = 0; i < cell->runs->len; i++)
    {
      LekhPreviewRun *run = &g_array_index (cell->runs, LekhPreviewRun, i);
      const char *tag = NULL, *close = NULL;

      if (run->style == NULL || run->end > n)
        continue;
      if (strcmp (run->style, "strong") == 0)
        tag = "<b>", close = "</b>";
      else if (strcmp (run->style, "emphasis") == 0)
        tag = "<i>", close = "</i>";
      else if (strcmp (run->style, "strikethrough") == 0)
        tag = "<s>", close = "</s>";
      else if (strcmp (run->style, "code") == 0)
        tag = "<tt>", close = "</tt>";
      else if (strcmp (run->style, "link") == 0)
        tag = "<u>", close = "</u>";
      if (tag == NULL)
        continue;
      g_string_append (g_ptr_array_index (opens, run->start), tag);
      g_string_prepend (g_ptr_array_index (opens, run->end), close);
    }
  for (guint i = 0; i < n && *p != '\0'; i++)
    {
      const char *next = g_utf8_next_char (p);

      g_string_append (markup, ((GString *) g_ptr_array_index (opens, i))->str);
      {
        g_autofree char *escaped = g_markup_escape_text (p, next - p);
        g_string_append (markup, escaped);
      }
      p = next;
    }
  g_string_append (markup, ((GString *) g_ptr_array_index (opens, n))->str);
  return g_string_free (markup, FALSE);
}

/* A table drawn as one widget: a grid of wrapping Pango layouts. A widget per cell
 * (a GtkGrid of labels) costs the text view a measure and a snapshot of each of them in
 * every frame: too slow for an article of tables. */
#define CELL_PAD_X   10
#define CELL_PAD_Y   5
#define CELL_MAX_W   360
#define CELL_MIN_W   72

struct _LekhTableView
{
  GtkWidget   parent_instance;
  guint       serial;        /* of the Pango context the layouts were measured in */
  guint       n_rows;
  guint       n_columns;
  guint       n_header_rows;
  GPtrArray  *layouts;       /* PangoLayout, row-major, NULL for a missing cell */
  int        *natural;       /* per column: the widest cell without wrapping */
  int        *minimum;
  int        *widths;        /* per column, for the allocated width */
  int        *heights;       /* per row */
  GArray     *links;         /* CellLink */
  gboolean    over_link;
};

G_DEFINE_FINAL_TYPE (LekhTableView, lekh_table_view, GTK_TYPE_WIDGET)

enum {
  LINK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PangoLayout *
table_cell (LekhTableView *self,
            guint          row,
            guint          column)
{
  return g_ptr_array_index (self->layouts, row * self->n_columns + column);
}

/* Column widths for WIDTH (the cells' text, without padding): natural ones when they fit,
 * else the extra over the minimum shared in proportion. */
static void
table_widths (LekhTableView *self,
              int            width,
              int           *widths)
{
  int natural = 0, minimum = 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      natural += self->natural[c];
      minimum += self->minimum[c];
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (width >= natural || natural == minimum)
        widths[c] = self->natural[c];
      else
        widths[c] = self->minimum[c]
                    + (int) ((gint64) (self->natural[c] - self->minimum[c])
                             * MAX (0, width - minimum) / (natural - minimum));
    }
}

static int
table_height (LekhTableView *self,
              const int     *widths,
              int           *heights)
{
  int total = 1;

  for (guint r = 0; r < self->n_rows; r++)
    {
      int row = 0;

      for (guint c = 0; c < self->n_columns; c++)
        {
          PangoLayout *layout = table_cell (self, r, c);
          int h;

          if (layout == NULL)
            continue;
          pango_layout_set_width (layout, widths[c] * PANGO_SCALE);
          pango_layout_get_pixel_size (layout, NULL, &h);
          row = MAX (row, h);
        }
      row += 2 * CELL_PAD_Y + 1;
      if (heights != NULL)
        heights[r] = row;
      total += row;
    }
  return total;
}

/* The natural and minimum column widths, again when the font changed (the view's style
 * reaches the widget after it was made). */
static void
table_update (LekhTableView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (serial == self->serial)
    return;
  self->serial = serial;
  for (guint c = 0; c < self->n_columns; c++)
    self->natural[c] = self->minimum[c] = 0;
  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        PangoLayout *layout = table_cell (self, r, c);
        int w;

        if (layout == NULL)
          continue;
        pango_layout_context_changed (layout);
        pango_layout_set_width (layout, -1);
        pango_layout_get_pixel_size (layout, &w, NULL);
        self->natural[c] = MAX (self->natural[c], MIN (w, CELL_MAX_W));
        self->minimum[c] = MAX (self->minimum[c], MIN (w, CELL_MIN_W));
      }
}

static void
lekh_table_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LekhTableView *self = LEKH_TABLE_VIEW (widget);
  int pad = (int) self->n_columns * (2 * CELL_PAD_X + 1) + 1;

  table_update (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = pad;
      for (guint c = 0; c < self->n_columns; c++)
        {
          *minimum += self->minimum[c];
          *natural += self->natural[c];
        }
    }
  else
    {
      g_autofree int *widths = g_new0 (int, self->n_columns + 1);

      /* A scrolled window asks for the height at any width: the table gets the width its
       * scroller was given (wrapping), or its natural one. */
      if (for_size < 0)
        {
          GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
          int min_width = pad;

          for (guint c = 0; c < self->n_columns; c++)
            min_width += self->minimum[c];
          if (scroller != NULL)
            gtk_widget_get_size_request (scroller, &for_size, NULL);
          if (for_size > 0)
            for_size = MAX (for_size, min_width);
        }
      table_widths (self, for_size < 0 ? G_MAXINT : for_size - pad, widths);
      *minimum = *natural = table_height (self, widths, NULL);
    }
}

static GtkSizeRequestMode
lekh_table_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lekh_table_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LekhTableView *self = LEKH_TABLE_VIEW (widget);

  table_update (self);
  table_widths (self, width - (int) self->n_columns * (2 * CELL_PAD_X + 1) - 1, self->widths);
  table_height (self, self->widths, self->heights);
}

static void
lekh_table_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LekhTableView *self = LEKH_TABLE_VIEW (widget);
  GdkRGBA color, line, tint;
  int y = 0, width = 1;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
G_GNUC_END_IGNORE_DEPRECATIONS
  line = color;
  line.alpha *= 0.2f;
  tint = color;
  for (guint c = 0; c < self->n_columns; c++)
    width += self->widths[c] + 2 * CELL_PAD_X + 1;

  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, 0, width, 1));
  y = 1;
  for (guint r = 0; r < self->n_rows; r++)
    {
      int x = 1;

      tint.alpha = color.alpha * (r < self->n_header_rows ? 0.06f
                                  : (r - self->n_header_rows) % 2 == 1 ? 0.03f : 0.0f);
      if (tint.alpha > 0)
        gtk_snapshot_append_color (snapshot, &tint,
                                   &GRAPHENE_RECT_INIT (0, y, width, self->heights[r]));
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, y, 1, self->heights[r]));
      for (guint c = 0; c < self->n_columns; c++)
        {
          PangoLayout *layout = table_cell (self, r, c);

          if (layout != NULL)
            {
              pango_layout_set_width (layout, self->widths[c] * PANGO_SCALE);
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + CELL_PAD_X, y + CELL_PAD_Y));
              gtk_snapshot_append_layout (snapshot, layout, &color);
              gtk_snapshot_restore (snapshot);
            }
          x += self->widths[c] + 2 * CELL_PAD_X;
          gtk_snapshot_append_color (snapshot, &line,
                                     &GRAPHENE_RECT_INIT (x, y, 1, self->heights[r]));
          x++;
        }
      y += self->heights[r] - 1;
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, y, width, 1));
      y++;
    }
}

/* The cell at X, Y and the point in its text's coordinates; FALSE on a rule or outside. */
static gboolean
cell_at_point (LekhTableView *self,
               double         x,
               double         y,
               guint         *row,
               guint         *column,
               int           *cell_x,
               int           *cell_y)
{
  int top = 1, left = 1;
  guint r, c;

  for (r = 0; r < self->n_rows && y >= top + self->heights[r] - 1; r++)
    top += self->heights[r];
  for (c = 0; c < self->n_columns && x >= left + self->widths[c] + 2 * CELL_PAD_X; c++)
    left += self->widths[c] + 2 * CELL_PAD_X + 1;
  if (r >= self->n_rows || c >= self->n_columns || y < top || x < left)
    return FALSE;
  *row = r;
  *column = c;
  *cell_x = (int) x - left - CELL_PAD_X;
  *cell_y = (int) y - top - CELL_PAD_Y;
  return TRUE;
}

const char *
lekh_table_view_get_link_at (LekhTableView *self,
                             double         x,
                             double         y)
{
  PangoLayout *layout;
  guint row, column, cell;
  int cell_x, cell_y, index, trailing;

  g_return_val_if_fail (LEKH_IS_TABLE_VIEW (self), NULL);

  if (self->links == NULL || !cell_at_point (self, x, y, &row, &column, &cell_x, &cell_y))
    return NULL;
  cell = row * self->n_columns + column;
  layout = table_cell (self, row, column);
  if (layout == NULL
      || !pango_layout_xy_to_index (layout, cell_x * PANGO_SCALE, cell_y * PANGO_SCALE,
                                    &index, &trailing))
    return NULL;
  for (guint i = 0; i < self->links->len; i++)
    {
      CellLink *link = &g_array_index (self->links, CellLink, i);

      if (link->cell == cell && index >= link->start && index < link->end)
        return link->url;
    }
  return NULL;
}

gboolean
lekh_table_view_activate_at (LekhTableView *self,
                             double         x,
                             double         y)
{
  const char *url;

  g_return_val_if_fail (LEKH_IS_TABLE_VIEW (self), FALSE);

  url = lekh_table_view_get_link_at (self, x, y);
  if (url == NULL)
    return FALSE;
  g_signal_emit (self, signals[LINK_ACTIVATED], 0, url);
  return TRUE;
}

gboolean
lekh_table_view_get_cell_area (LekhTableView   *self,
                               guint            row,
                               guint            column,
                               graphene_rect_t *area)
{
  int top = 1, left = 1;

  g_return_val_if_fail (LEKH_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (row >= self->n_rows || column >= self->n_columns)
    return FALSE;
  for (guint r = 0; r < row; r++)
    top += self->heights[r];
  for (guint c = 0; c < column; c++)
    left += self->widths[c] + 2 * CELL_PAD_X + 1;
  graphene_rect_init (area, left + CELL_PAD_X, top + CELL_PAD_Y,
                      self->widths[column], self->heights[row] - 2 * CELL_PAD_Y - 1);
  return TRUE;
}

/* A press on a link is the table's: the preview's own click (which moves the source to
 * the block's line) does not follow it. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            LekhTableView   *self)
{
  if (n_press == 1 && lekh_table_view_get_link_at (self, x, y) != NULL)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             LekhTableView   *self)
{
  if (n_press == 1)
    lekh_table_view_activate_at (self, x, y);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           LekhTableView            *self)
{
  gboolean link = lekh_table_view_get_link_at (self, x, y) != NULL;

  if (link != self->over_link)
    {
      self->over_link = link;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), link ? "pointer" : NULL);
    }
}

static gboolean
query_tooltip_cb (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  LekhTableView *self)
{
  const char *url = keyboard ? NULL : lekh_table_view_get_link_at (self, x, y);

  if (url == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, url);
  return TRUE;
}

static void
lekh_table_view_finalize (GObject *object)
{
  LekhTableView *self = LEKH_TABLE_VIEW (object);

  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_free (self->natural);
  g_free (self->minimum);
  g_free (self->widths);
  g_free (self->heights);
  G_OBJECT_CLASS (lekh_table_view_parent_class)->finalize (object);
}

static void
lekh_table_view_class_init (LekhTableViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lekh_table_view_finalize;
  widget_class->measure = lekh_table_view_measure;
  widget_class->get_request_mode = lekh_table_view_get_request_mode;
  widget_class->size_allocate = lekh_table_view_size_allocate;
  widget_class->snapshot = lekh_table_view_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TABLE);

  /* A link in a cell was clicked; URL as the article has it. */
  signals[LINK_ACTIVATED] =
    g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lekh_table_view_init (LekhTableView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->serial = G_MAXUINT;
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}

/* The cell's links, by byte index in its text: what Pango hit testing gives. */
static void
add_cell_links (LekhTableView        *self,
                LekhPreviewRendering *cell,
                guint                 index)
{
  LekhPreviewBlockRendering *block;
  const char *text = cell->text->str;
  glong n_chars = g_utf8_strlen (text, (gssize) cell->text->len);

  if (cell->blocks->len == 0)
    return;
  block = &g_array_index (cell->blocks, LekhPreviewBlockRendering, 0);
  for (guint i = 0; block->links != NULL && i < block->links->len; i++)
    {
      LekhPreviewLink *link = &g_array_index (block->links, LekhPreviewLink, i);
      CellLink copy;

      if (link->url == NULL || link->start >= link->end || link->start >= (guint) n_chars)
        continue;
      if (self->links == NULL)
        {
          self->links = g_array_new (FALSE, FALSE, sizeof (CellLink));
          g_array_set_clear_func (self->links, cell_link_clear);
        }
      copy.cell = index;
      copy.start = (int) (g_utf8_offset_to_pointer (text, link->start) - text);
      copy.end = (int) (g_utf8_offset_to_pointer (text, MIN (link->end, (guint) n_chars)) - text);
      copy.url = g_strdup (link->url);
      g_array_append_val (self->links, copy);
    }
}

GtkWidget *
lekh_table_view_new (LekhPreviewTable *table)
{
  LekhTableView *self = g_object_new (LEKH_TYPE_TABLE_VIEW, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  self->n_rows = table->rows->len;
  self->n_columns = MAX (table->n_columns, 1);
  self->n_header_rows = table->n_header_rows;
  self->layouts = g_ptr_array_new_full (self->n_rows * self->n_columns, g_object_unref);
  g_ptr_array_set_size (self->layouts, (int) (self->n_rows * self->n_columns));
  g_ptr_array_set_free_func (self->layouts, (GDestroyNotify) g_object_unref);
  self->natural = g_new0 (int, self->n_columns);
  self->minimum = g_new0 (int, self->n_columns);
  self->widths = g_new0 (int, self->n_columns);
  self->heights = g_new0 (int, self->n_rows + 1);

  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        LekhPreviewRendering *cell = lekh_preview_table_get_cell (table, r, c);
        g_autofree char *markup = NULL;
        PangoLayout *layout;
        char align = c < table->n_columns ? table->alignments[c] : 0;

        if (cell == NULL)
          continue;
        markup = cell_markup (cell);
        if (r < table->n_header_rows)
          {
            g_autofree char *plain = markup;
            markup = g_strdup_printf ("<b>%s</b>", plain);
          }
        layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
        pango_layout_set_markup (layout, markup, -1);
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment (layout, align == 'r' ? PANGO_ALIGN_RIGHT
                                            : align == 'c' ? PANGO_ALIGN_CENTER
                                            : PANGO_ALIGN_LEFT);
        g_ptr_array_index (self->layouts, r * self->n_columns + c) = layout;
        add_cell_links (self, cell, r * self->n_columns + c);
        if (text->len > 0)
          g_string_append_c (text, r < self->n_rows && c == 0 ? '\n' : '\t');
        g_string_append (text, cell->text->str);
      }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
  return GTK_WIDGET (self);
}

guint
lekh_table_view_get_n_rows (LekhTableView *self)
{
  g_return_val_if_fail (LEKH_IS_TABLE_VIEW (self), 0);

  return self->n_rows;
}

gboolean
lekh_table_view_is_header_row (LekhTableView *self,
                               guint          row)
{
  g_return_val_if_fail (LEKH_IS_TABLE_VIEW (self), FALSE);

  return row < self->n_header_rows;
}

PangoAlignment
lekh_table_view_get_alignment (LekhTableView *self,
                               guint          column)
{
  PangoLayout *layout;

  g_return_val_if_fail (LEKH_IS_TABLE_VIEW (self), PANGO_ALIGN_LEFT);

  for (guint r = 0; r < self->n_rows && column < self->n_columns; r++)
    if ((layout = table_cell (self, r, column)) != NULL)
      return pango_layout_get_alignment (layout);
  return PANGO_ALIGN_LEFT;
}

const char *
lekh_table_view_get_cell_text (LekhTableView *self,
                               guint          row,
                               guint          column)
{
  PangoLayout *layout;

  g_return_val_if_fail (LEKH_IS_TABLE_VIEW (self), NULL);

  if (row >= self->n_rows || column >= self->n_columns)
    return NULL;
  layout = table_cell (self, row, column);
  return layout != NULL ? pango_layout_get_text (layout) : NULL;
}

