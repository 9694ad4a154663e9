/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "lekh-article-meta.h"
#include "lekh-heading.h"
#include "lekh-markdown.h"
#include "lekh-memory.h"
#include "lekh-preview-model.h"
#include "lekh-preview-render.h"
#include "lekh-site.h"
#include "lekh-preview-header.h"
#include "lekh-preview-private.h"
#include "lekh-table-view.h"
#include "lekh-wrap-box.h"

G_DEFINE_FINAL_TYPE (LekhPreview, lekh_preview, GTK_TYPE_WIDGET)

/* The preview's text view: it draws the rule left of block quotes, at the places the
 * "quote-rule" tags hold, which a text tag cannot. */
#define LEKH_TYPE_PREVIEW_VIEW (lekh_preview_view_get_type ())
G_DECLARE_FINAL_TYPE (LekhPreviewView, lekh_preview_view, LEKH, PREVIEW_VIEW, GtkTextView)

struct _LekhPreviewView
{
  GtkTextView  parent_instance;
  GdkRGBA      rule_color;
  GHashTable  *rule_tags;   /* GtkTextTag (of the buffer's table) -> the rule's x + 2 */
};

G_DEFINE_FINAL_TYPE (LekhPreviewView, lekh_preview_view, GTK_TYPE_TEXT_VIEW)

static void
lekh_preview_view_snapshot_layer (GtkTextView      *view,
                                  GtkTextViewLayer  layer,
                                  GtkSnapshot      *snapshot)
{
  LekhPreviewView *self = LEKH_PREVIEW_VIEW (view);
  GdkRectangle visible;
  GtkTextIter iter;

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    return;
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);
  do
    {
      GSList *tags = gtk_text_iter_get_tags (&iter);
      int y, height;

      gtk_text_view_get_line_yrange (view, &iter, &y, &height);
      if (y > visible.y + visible.height)
        {
          g_slist_free (tags);
          break;
        }
      for (GSList *l = tags; l != NULL; l = l->next)
        {
          int x = GPOINTER_TO_INT (g_hash_table_lookup (self->rule_tags, l->data));

          if (x > 0)
            gtk_snapshot_append_color (snapshot, &self->rule_color,
                                       &GRAPHENE_RECT_INIT (MARGIN_X + x - 1, y, 3, height));
        }
      g_slist_free (tags);
    }
  while (gtk_text_iter_forward_line (&iter));
}

static void
lekh_preview_view_finalize (GObject *object)
{
  g_clear_pointer (&LEKH_PREVIEW_VIEW (object)->rule_tags, g_hash_table_unref);
  G_OBJECT_CLASS (lekh_preview_view_parent_class)->finalize (object);
}

static void
lekh_preview_view_class_init (LekhPreviewViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lekh_preview_view_finalize;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = lekh_preview_view_snapshot_layer;
}

static void
lekh_preview_view_init (LekhPreviewView *self)
{
  self->rule_tags = g_hash_table_new (NULL, NULL);
}

enum
{
  PROP_0,
  PROP_BASE_FILE,
  PROP_LOAD_REMOTE_IMAGES,
  PROP_UPDATE_DELAY,
  PROP_SCROLL_SYNC,
  N_PROPS
};

enum
{
  LINE_ACTIVATED,
  TOP_LINE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Block views ------------------------------------------------------------- */

static void
block_view_free (gpointer data)
{
  BlockView *bv = data;

  if (bv->mark != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_mark_get_buffer (bv->mark);

      if (buffer != NULL)
        gtk_text_buffer_delete_mark (buffer, bv->mark);
      g_object_unref (bv->mark);
    }
  if (bv->links != NULL)
    {
      for (guint i = 0; i < bv->links->len; i++)
        lekh_preview_link_clear (&g_array_index (bv->links, LekhPreviewLink, i));
      g_array_unref (bv->links);
    }
  g_clear_pointer (&bv->lines, g_array_unref);
  g_free (bv);
}

static void
get_block_start (LekhPreview *self,
                 guint        index,
                 GtkTextIter *iter)
{
  if (index < self->blocks->len)
    {
      BlockView *bv = g_ptr_array_index (self->blocks, index);
      gtk_text_buffer_get_iter_at_mark (self->buffer, iter, bv->mark);
    }
  else
    gtk_text_buffer_get_end_iter (self->buffer, iter);
}

/* The block containing buffer offset OFFSET, or -1 (the header). */
static int
block_at_offset (LekhPreview *self,
                 int          offset)
{
  int lo = 0, hi = (int) self->blocks->len - 1, found = -1;

  while (lo <= hi)
    {
      int mid = lo + (hi - lo) / 2;
      GtkTextIter iter;

      get_block_start (self, (guint) mid, &iter);
      if (gtk_text_iter_get_offset (&iter) <= offset)
        {
          found = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }
  return found;
}

/* Tags --------------------------------------------------------------------- */

static GtkTextTag *
indent_tag (LekhPreview *self,
            int          margin,
            int          hang)
{
  g_autofree char *key = g_strdup_printf ("%d:%d", margin, hang);
  GtkTextTag *tag = g_hash_table_lookup (self->indent_tags, key);

  if (tag == NULL)
    {
      tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                        "left-margin", MARGIN_X + margin,
                                        "indent", -hang,
                                        NULL);
      if (hang > 0)
        {
          PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 0);
          g_object_set (tag, "tabs", tabs, NULL);
          pango_tab_array_free (tabs);
        }
      g_hash_table_insert (self->indent_tags, g_steal_pointer (&key), tag);
    }
  return tag;
}

static void
update_colors (LekhPreview *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA code_bg, block_bg, quote_bg, link, muted, raw;

  gdk_rgba_parse (&code_bg, dark ? "rgba(255,255,255,0.10)" : "rgba(0,0,0,0.06)");
  gdk_rgba_parse (&block_bg, dark ? "rgba(255,255,255,0.07)" : "rgba(0,0,0,0.045)");
  gdk_rgba_parse (&quote_bg, dark ? "rgba(120,174,237,0.10)" : "rgba(28,113,216,0.06)");
  gdk_rgba_parse (&link, dark ? "#78aeed" : "#1c71d8");
  gdk_rgba_parse (&muted, dark ? "rgba(255,255,255,0.72)" : "rgba(0,0,0,0.68)");
  gdk_rgba_parse (&raw, dark ? "#f8e45c" : "#9c6e03");

  g_object_set (gtk_text_tag_table_lookup (table, "code"), "background-rgba", &code_bg, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "code-block"),
                "paragraph-background-rgba", &block_bg, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "quote"),
                "paragraph-background-rgba", &quote_bg, "foreground-rgba", &muted, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "link"), "foreground-rgba", &link, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "raw-html"), "foreground-rgba", &raw, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "image-alt"), "foreground-rgba", &muted, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "truncate"), "foreground-rgba", &muted, NULL);
  if (self->view != NULL)
    gdk_rgba_parse (&LEKH_PREVIEW_VIEW (self->view)->rule_color,
                    dark ? "rgba(120,174,237,0.45)" : "rgba(28,113,216,0.35)");
  g_object_set (gtk_text_tag_table_lookup (table, "chip"), "background-rgba", &code_bg,
                "foreground-rgba", &link, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "component-label"), "foreground-rgba", &link,
                NULL);
  {
    /* Docusaurus's admonition colours, as tints. */
    static const char * const light[] = { NULL, "rgba(120,120,120,0.10)", "rgba(0,164,0,0.10)",
                                          "rgba(84,199,236,0.14)", "rgba(230,167,0,0.14)",
                                          "rgba(250,56,62,0.12)", "rgba(230,167,0,0.14)",
                                          "rgba(28,113,216,0.06)" };
    static const char * const darker[] = { NULL, "rgba(200,200,200,0.10)", "rgba(0,164,0,0.16)",
                                           "rgba(84,199,236,0.16)", "rgba(230,167,0,0.16)",
                                           "rgba(250,56,62,0.16)", "rgba(230,167,0,0.16)",
                                           "rgba(120,174,237,0.08)" };

    for (guint i = LEKH_CALLOUT_NOTE; i <= LEKH_CALLOUT_COMPONENT; i++)
      {
        g_autofree char *name = g_strdup_printf ("callout-%s", lekh_callout_kind_to_string (i));
        GdkRGBA tint;

        gdk_rgba_parse (&tint, dark ? darker[i] : light[i]);
        g_object_set (gtk_text_tag_table_lookup (table, name),
                      "paragraph-background-rgba", &tint, NULL);
      }
  }
}

static void
create_tags (LekhPreview *self)
{
  static const double scales[] = { 2.0, 1.6, 1.35, 1.18, 1.05, 0.95 };
  GtkTextBuffer *b = self->buffer;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("h%u", i + 1);

      gtk_text_buffer_create_tag (b, name,
                                  "scale", scales[i],
                                  "weight", i < 2 ? 800 : PANGO_WEIGHT_BOLD,
                                  "pixels-above-lines", (int) (18 * scales[i]),
                                  "pixels-below-lines", 8,
                                  NULL);
    }
  gtk_text_buffer_create_tag (b, "heading", NULL);
  gtk_text_buffer_create_tag (b, "paragraph", "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (b, "tight", "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (b, "emphasis", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (b, "strong", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (b, "code", "family", "monospace", "scale", 0.92, NULL);
  gtk_text_buffer_create_tag (b, "code-block",
                              "family", "monospace",
                              "scale", 0.92,
                              "pixels-below-lines", 0,
                              "pixels-above-lines", 0,
                              "right-margin", MARGIN_X,
                              NULL);
  gtk_text_buffer_create_tag (b, "code-block-first", "pixels-above-lines", 10, NULL);
  gtk_text_buffer_create_tag (b, "code-block-last", "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (b, "list-end", "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (b, "raw-html", "family", "monospace", "scale", 0.92, NULL);
  gtk_text_buffer_create_tag (b, "quote", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (b, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (b, "strikethrough", "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (b, "footnote-ref", "rise", 4 * PANGO_SCALE, "scale", 0.75, NULL);
  gtk_text_buffer_create_tag (b, "footnote", "scale", 0.9, NULL);
  gtk_text_buffer_create_tag (b, "hidden", "invisible", TRUE, NULL);
  gtk_text_buffer_create_tag (b, "chip", "family", "monospace", "scale", 0.88, NULL);
  gtk_text_buffer_create_tag (b, "truncate", "justification", GTK_JUSTIFY_CENTER,
                              "scale", 0.9, "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 10, "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (b, "callout-title", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (b, "component-label", "family", "monospace", "scale", 0.88,
                              "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (b, "callout-start", "pixels-above-lines", 10,
                              "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (b, "callout-end", "pixels-below-lines", 10, "scale", 0.5, NULL);
  for (guint i = LEKH_CALLOUT_NOTE; i <= LEKH_CALLOUT_COMPONENT; i++)
    {
      g_autofree char *name = g_strdup_printf ("callout-%s", lekh_callout_kind_to_string (i));

      gtk_text_buffer_create_tag (b, name, "right-margin", MARGIN_X, NULL);
    }
  gtk_text_buffer_create_tag (b, "image-alt", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (b, "rtl", "direction", GTK_TEXT_DIR_RTL, NULL);
  gtk_text_buffer_create_tag (b, "rule", "pixels-above-lines", 10, "pixels-below-lines", 14,
                              NULL);
  update_colors (self);
}

/* Rendering ---------------------------------------------------------------------- */

/* A table in a scroller of its own when it is wider than the view: the preview never
 * gets wider than its pane. */
static GtkWidget *
create_table (LekhPreview      *self,
              LekhPreviewTable *table)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = lekh_table_view_new (table);

  gtk_widget_set_halign (view, GTK_ALIGN_START);
  gtk_widget_set_valign (view, GTK_ALIGN_START);
  g_signal_connect_object (view, "link-activated", G_CALLBACK (lekh_preview_activate_link),
                           self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  return scroller;
}

static void
check_toggled_cb (GtkCheckButton *check,
                  gpointer        line_data)
{
  LekhPreview *self = LEKH_PREVIEW (gtk_widget_get_ancestor (GTK_WIDGET (check),
                                                             LEKH_TYPE_PREVIEW));
  GtkTextIter line_start, line_end;
  guint line = GPOINTER_TO_UINT (line_data);
  gboolean active = gtk_check_button_get_active (check);
  g_autofree char *text = NULL;
  const char *box;

  if (self == NULL || self->source == NULL || line == 0
      || line > (guint) gtk_text_buffer_get_line_count (self->source))
    return;
  /* "- [ ] task" in the source becomes "- [x] task", as one edit the writer can undo. */
  gtk_text_buffer_get_iter_at_line (self->source, &line_start, (int) line - 1);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  text = gtk_text_buffer_get_text (self->source, &line_start, &line_end, TRUE);
  box = strstr (text, active ? "[ ]" : "[x]");
  if (box == NULL && !active)
    box = strstr (text, "[X]");
  if (box == NULL)
    return;
  {
    GtkTextIter a = line_start, b;

    gtk_text_iter_forward_chars (&a, (int) g_utf8_strlen (text, box - text) + 1);
    b = a;
    gtk_text_iter_forward_char (&b);
    gtk_text_buffer_begin_user_action (self->source);
    gtk_text_buffer_delete (self->source, &a, &b);
    gtk_text_buffer_insert (self->source, &a, active ? "x" : " ", 1);
    gtk_text_buffer_end_user_action (self->source);
  }
}

static GtkWidget *
create_check (LekhPreview *self,
              gboolean     checked,
              guint        line)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), checked);
  gtk_widget_add_css_class (check, "lekh-task");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Task done"), -1);
  /* The source line it ticks is the handler's data. */
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), GUINT_TO_POINTER (line));
  return check;
}

/* A tag that puts a block quote's rule at X (from the left margin) on its lines. */
static GtkTextTag *
rule_tag (LekhPreview *self,
          int          x)
{
  g_autofree char *key = g_strdup_printf ("rule:%d", x);
  GtkTextTag *tag = g_hash_table_lookup (self->indent_tags, key);

  if (tag == NULL)
    {
      tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
      g_hash_table_insert (LEKH_PREVIEW_VIEW (self->view)->rule_tags, tag, GINT_TO_POINTER (x + 2));
      g_hash_table_insert (self->indent_tags, g_steal_pointer (&key), tag);
    }
  return tag;
}

static GtkTextTag *
style_tag (LekhPreview          *self,
           const LekhPreviewRun *run)
{
  if (run->style == NULL)
    return indent_tag (self, run->margin, run->hang);
  if (strcmp (run->style, "quote-rule") == 0)
    return rule_tag (self, run->margin);
  return gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), run->style);
}

/* Renders the model's N_ADDED blocks at POSITION into R (from the nodes of the model's last
 * update, or FROM_SOURCE parsed again from each block's text), and returns their views. */
static GPtrArray *
render_blocks (LekhPreview          *self,
               LekhPreviewRendering *r,
               guint                 position,
               guint                 n_added,
               gboolean              from_source)
{
  GPtrArray *added = g_ptr_array_new ();
  const char *text = lekh_preview_model_get_text (self->model, NULL);

  for (guint i = 0; i < n_added; i++)
    {
      const LekhPreviewBlock *block = lekh_preview_model_get_block (self->model, position + i);
      int first_line = 1;
      cmark_node *node = from_source
                         ? lekh_preview_model_parse_block (self->model, position + i, &first_line)
                         : lekh_preview_model_get_node (self->model, position + i);
      LekhPreviewBlockRendering *rendered;
      BlockView *bv = g_new0 (BlockView, 1);

      if (!from_source)
        first_line = (int) block->start_line
                     - lekh_preview_model_get_node_line_offset (self->model, position + i);
      lekh_preview_rendering_add_block (r, node, block->context, first_line, text + block->start,
                                        block->end - block->start);
      if (from_source)
        g_clear_pointer (&node, cmark_node_free);
      rendered = &g_array_index (r->blocks, LekhPreviewBlockRendering, r->blocks->len - 1);
      bv->links = g_steal_pointer (&rendered->links);
      bv->lines = g_steal_pointer (&rendered->lines);
      g_ptr_array_add (added, bv);
    }
  return added;
}

/* The widget SPEC asks for (a rule, a table, a task's check box, an image) at ANCHOR, in
 * rendering R of the blocks from POSITION. */
static void
add_anchored_child (LekhPreview          *self,
                    LekhPreviewRendering *r,
                    LekhPreviewAnchor    *spec,
                    guint                 position,
                    GtkTextChildAnchor   *anchor)
{
  GtkWidget *child;
  gboolean sized = TRUE;
  int natural_height = -1;

  switch (spec->kind)
    {
    case LEKH_PREVIEW_ANCHOR_RULE:
      child = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      natural_height = 0;
      break;
    case LEKH_PREVIEW_ANCHOR_TABLE:
      child = create_table (self, spec->table);
      break;
    case LEKH_PREVIEW_ANCHOR_CHECK:
      {
        guint block_index = 0;

        while (block_index + 1 < r->blocks->len
               && g_array_index (r->blocks, LekhPreviewBlockRendering,
                                 block_index + 1).offset <= spec->offset)
          block_index++;
        child = create_check (self, spec->checked,
                              lekh_preview_model_get_block (self->model,
                                                            position + block_index)->start_line
                              + spec->line_delta);
        sized = FALSE;
      }
      break;
    case LEKH_PREVIEW_ANCHOR_IMAGE:
    default:
      child = _lekh_preview_create_image (self, spec->url, spec->alt, FALSE);
      break;
    }
  gtk_text_view_add_child_at_anchor (self->view, child, anchor);
  if (sized)
    _lekh_preview_track_size (self, child, spec->indent, natural_height);
}

/* Replaces the views of N_REMOVED blocks at POSITION by renderings of the model's
 * N_ADDED blocks there: from the nodes of the model's last update, or (FROM_SOURCE)
 * parsed again from each block's text. */
void
_lekh_preview_apply_change (LekhPreview *self,
                            guint        position,
                            guint        n_removed,
                            guint        n_added,
                            gboolean     from_source)
{
  GtkTextIter start, end, iter;
  g_autoptr(LekhPreviewRendering) r = NULL;
  GtkTextMark *next_mark = NULL;
  GPtrArray *added;
  int base;
  gsize done_bytes = 0;

  get_block_start (self, position, &start);
  get_block_start (self, position + n_removed, &end);
  if (position + n_removed < self->blocks->len)
    next_mark = ((BlockView *) g_ptr_array_index (self->blocks, position + n_removed))->mark;
  if (!gtk_text_iter_equal (&start, &end))
    gtk_text_buffer_delete (self->buffer, &start, &end);
  if (n_removed > 0)
    g_ptr_array_remove_range (self->blocks, position, n_removed);
  if (n_added == 0)
    return;

  r = lekh_preview_rendering_new ();
  added = render_blocks (self, r, position, n_added, from_source);

  /* Insert the text, the embedded widgets, then the tags and marks by offset. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, gtk_text_iter_get_offset (&start));
  base = gtk_text_iter_get_offset (&iter);
  for (guint i = 0; i < r->anchors->len; i++)
    {
      LekhPreviewAnchor *spec = &g_array_index (r->anchors, LekhPreviewAnchor, i);
      GtkTextChildAnchor *anchor;

      gtk_text_buffer_insert (self->buffer, &iter, r->text->str + done_bytes,
                              (int) (spec->byte - done_bytes));
      done_bytes = spec->byte;
      anchor = gtk_text_buffer_create_child_anchor (self->buffer, &iter);
      add_anchored_child (self, r, spec, position, anchor);
    }
  gtk_text_buffer_insert (self->buffer, &iter, r->text->str + done_bytes,
                          (int) (r->text->len - done_bytes));

  if (next_mark != NULL)
    gtk_text_buffer_move_mark (self->buffer, next_mark, &iter);

  for (guint i = 0; i < r->runs->len; i++)
    {
      LekhPreviewRun *run = &g_array_index (r->runs, LekhPreviewRun, i);
      GtkTextTag *tag = style_tag (self, run);
      GtkTextIter a, b;

      if (tag == NULL)
        continue;
      gtk_text_buffer_get_iter_at_offset (self->buffer, &a, base + (int) run->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &b, base + (int) run->end);
      gtk_text_buffer_apply_tag (self->buffer, tag, &a, &b);
    }
  for (guint i = 0; i < added->len; i++)
    {
      BlockView *bv = g_ptr_array_index (added, i);
      GtkTextIter a;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &a,
                                          base + (int) g_array_index (r->blocks,
                                                                      LekhPreviewBlockRendering,
                                                                      i).offset);
      bv->mark = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &a, TRUE));
    }
  {
    guint old_len = self->blocks->len;

    g_ptr_array_set_size (self->blocks, old_len + added->len);
    memmove (self->blocks->pdata + position + added->len, self->blocks->pdata + position,
             (old_len - position) * sizeof (gpointer));
    memcpy (self->blocks->pdata + position, added->pdata, added->len * sizeof (gpointer));
  }
  g_ptr_array_unref (added);
}

/* The card from the front matter, with its cover image made like the body's. */
void
_lekh_preview_update_header (LekhPreview *self)
{
  LekhPreviewHeader *header = LEKH_PREVIEW_HEADER (self->header);
  const char *cover_url, *cover_alt = NULL;
  gboolean visible;

  visible = lekh_preview_header_update (header, lekh_preview_model_get_article (self->model),
                                        self->base_file, self->site, self->load_remote_images,
                                        self->cancellable);
  if ((cover_url = lekh_preview_header_get_cover (header, &cover_alt)) != NULL)
    {
      GtkWidget *cover = _lekh_preview_create_image (self, cover_url, cover_alt, TRUE);

      gtk_widget_set_margin_top (cover, 6);
      lekh_preview_header_set_cover (header, cover);
      _lekh_preview_track_size (self, cover, 40, -1);
    }
  gtk_widget_set_visible (self->header, visible);
}

/* Updates ------------------------------------------------------------------------ */

/* Renders the blocks that have no view yet, from the first one, until DEADLINE (a
 * monotonic time; 0: all of them). */
static void
render_pending (LekhPreview *self,
                gint64       deadline)
{
  guint n = lekh_preview_model_get_n_blocks (self->model);

  while (self->blocks->len < n)
    {
      guint chunk = deadline > 0 ? 32 : n - self->blocks->len;

      _lekh_preview_apply_change (self, self->blocks->len, 0, MIN (n - self->blocks->len, chunk), TRUE);
      if (deadline > 0 && g_get_monotonic_time () >= deadline)
        break;
    }
}

/* Whether a long article has rendered enough beyond what the view shows for now. */
static gboolean
rendered_far_enough (LekhPreview *self)
{
  GtkAdjustment *vadj;
  double page;

  if (self->catch_up_to > 0)
    {
      if (self->blocks->len < self->catch_up_to)
        return FALSE;
      self->catch_up_to = 0;
    }
  if (lekh_preview_model_get_n_blocks (self->model) <= LAZY_BLOCKS)
    return FALSE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return TRUE;
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  page = gtk_adjustment_get_page_size (vadj);
  if (page <= 0)
    return TRUE;
  return gtk_adjustment_get_upper (vadj) - (gtk_adjustment_get_value (vadj) + page)
         > LAZY_AHEAD_SCREENS * page;
}

static gboolean
background_render_cb (gpointer data)
{
  LekhPreview *self = data;

  /* Short slices, so typing and scrolling stay smooth while a long article renders. */
  render_pending (self, g_get_monotonic_time () + 8000);
  if (self->blocks->len < lekh_preview_model_get_n_blocks (self->model)
      && !rendered_far_enough (self))
    return G_SOURCE_CONTINUE;
  self->background_source = 0;
  return G_SOURCE_REMOVE;
}

void
_lekh_preview_render_more (LekhPreview *self)
{
  if (self->blocks->len < lekh_preview_model_get_n_blocks (self->model)
      && self->background_source == 0 && !rendered_far_enough (self))
    self->background_source = g_idle_add (background_render_cb, self);
}

/* Blocks have views from the first one up to the first that was not rendered yet; an
 * article too long to render at once gets the rest in the background. */
static void
apply_model_change (LekhPreview             *self,
                    const LekhPreviewChange *change)
{
  guint rendered = self->blocks->len;
  /* A model parsed in a thread has freed its tree there: parse each block again. */
  gboolean from_source = change->n_added > 0
                         && lekh_preview_model_get_node (self->model, change->position) == NULL;

  if (change->front_matter_changed)
    _lekh_preview_update_header (self);

  if (change->reset)
    {
      self->catch_up_to = 0;
      _lekh_preview_apply_change (self, 0, rendered, 0, FALSE);
      _lekh_preview_apply_change (self, 0, 0, MIN (change->n_added, FIRST_RENDER_BLOCKS), from_source);
    }
  else if (change->n_removed == 0 && change->n_added == 0)
    ;
  else if (change->position > rendered)
    ;                           /* among the blocks still to render */
  else if (change->position + change->n_removed <= rendered)
    _lekh_preview_apply_change (self, change->position, change->n_removed, change->n_added, from_source);
  else
    _lekh_preview_apply_change (self, change->position, rendered - change->position, 0, FALSE);

  /* Blocks now inside or outside an admonition or component that an edit opened or
   * closed elsewhere. */
  {
    guint position, n;

    if (!change->reset && lekh_preview_model_get_restyled (self->model, &position, &n)
        && position < self->blocks->len)
      {
        n = MIN (n, self->blocks->len - position);
        _lekh_preview_apply_change (self, position, n, n, TRUE);
      }
  }

  /* Blocks rendered later are parsed again from their own text; the tree of a long
   * article is most of the model's memory. */
  lekh_preview_model_release_nodes (self->model);
  if (change->reset && change->n_added > FIRST_RENDER_BLOCKS)
    lekh_memory_trim_soon ();
  _lekh_preview_render_more (self);
}

static gboolean update_sync (LekhPreview *self);
static void     drop_background_parse (LekhPreview *self);

gboolean
lekh_preview_flush (LekhPreview *self)
{
  gboolean changed;

  g_return_val_if_fail (LEKH_IS_PREVIEW (self), FALSE);

  /* Everything now, in this thread. */
  drop_background_parse (self);
  changed = update_sync (self);
  render_pending (self, 0);
  g_clear_handle_id (&self->background_source, g_source_remove);
  return changed;
}

/* A first parse of a long article (or of one replaced whole) is done on a model of its
 * own in a thread, from the text as it was then; typing goes on meanwhile (the model
 * mirrors every edit) and what was typed is parsed after, as one more edit. */
typedef struct
{
  GBytes           *text;
  LekhPreviewModel *model;
  LekhPreviewChange change;
  guint             generation;
} ParseJob;

static void
parse_job_free (ParseJob *job)
{
  g_clear_pointer (&job->text, g_bytes_unref);
  g_clear_pointer (&job->model, lekh_preview_model_free);
  g_free (job);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseJob *job = task_data;

  /* The new model shares the bytes (the document's article may too): no copy. */
  job->model = lekh_preview_model_new ();
  lekh_preview_model_set_text_bytes (job->model, job->text, &job->change);
  /* Freeing a long article's tree takes a while too: here, not in the main loop. */
  lekh_preview_model_release_nodes (job->model);
  g_task_return_boolean (task, TRUE);
}

static void
parse_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LekhPreview *self = LEKH_PREVIEW (object);
  ParseJob *job = g_task_get_task_data (G_TASK (result));
  LekhPreviewModel *old;
  g_autoptr(GBytes) now = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || job->generation != self->parse_generation)
    return;                     /* disposed, or the text was set again since */
  self->parsing = FALSE;

  /* What was typed during the parse is in the mirror (unless a U+2029 made it lose track,
   * and update_sync() reads the buffer). */
  if (!self->source_resync)
    now = lekh_preview_model_ref_text (self->model);

  old = self->model;
  self->model = g_steal_pointer (&job->model);
  lekh_preview_model_free (old);
  apply_model_change (self, &job->change);

  /* ...and is parsed as one more edit. */
  if (now != NULL && now != job->text)
    {
      gsize len = 0;
      const char *text = g_bytes_get_data (now, &len);

      lekh_preview_model_record_text (self->model, text != NULL ? text : "", len);
    }
  update_sync (self);
}

static void
start_background_parse (LekhPreview *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, parse_done_cb, NULL);
  ParseJob *job = g_new0 (ParseJob, 1);

  job->text = lekh_preview_model_ref_text (self->model);
  job->generation = ++self->parse_generation;
  self->parsing = TRUE;
  g_task_set_source_tag (task, start_background_parse);
  g_task_set_task_data (task, job, (GDestroyNotify) parse_job_free);
  g_task_run_in_thread (task, parse_thread);
}

/* Forgets a parse running in a thread: its result will not be used. */
static void
drop_background_parse (LekhPreview *self)
{
  if (self->parsing)
    {
      self->parse_generation++;
      self->parsing = FALSE;
    }
}

gboolean
_lekh_preview_update_now (LekhPreview *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  /* Edits during a background parse are parsed when it ends. */
  if (self->parsing)
    return FALSE;
  if (!self->source_resync
      && lekh_preview_model_update_is_large (self->model, BACKGROUND_PARSE_BYTES))
    {
      start_background_parse (self);
      return FALSE;
    }
  return update_sync (self);
}

static gboolean
update_sync (LekhPreview *self)
{
  LekhPreviewChange change;

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->source != NULL && self->source_resync)
    {
      GtkTextIter a, b;
      g_autofree char *text = NULL;

      self->source_resync = FALSE;
      gtk_text_buffer_get_bounds (self->source, &a, &b);
      text = gtk_text_buffer_get_text (self->source, &a, &b, TRUE);
      return lekh_preview_model_set_text (self->model, text, strlen (text), &change)
             && (apply_model_change (self, &change), TRUE);
    }
  if (!lekh_preview_model_update (self->model, &change))
    return FALSE;
  apply_model_change (self, &change);
  return TRUE;
}

void
lekh_preview_set_text (LekhPreview *self,
                       const char  *text,
                       gssize       len)
{
  LekhPreviewChange change;

  g_return_if_fail (LEKH_IS_PREVIEW (self));
  g_return_if_fail (text != NULL || len == 0);

  if (len < 0)
    len = (gssize) strlen (text);
  g_clear_handle_id (&self->update_source, g_source_remove);
  drop_background_parse (self);
  if (lekh_preview_model_set_text (self->model, text, (gsize) len, &change))
    apply_model_change (self, &change);
}

static gboolean
update_timeout_cb (gpointer data)
{
  LekhPreview *self = data;

  self->update_source = 0;
  _lekh_preview_update_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (LekhPreview *self)
{
  if (self->update_source != 0)
    return;
  /* Before the frame clock's layout and paint, so a keystroke shows in its frame. */
  if (self->update_delay == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, update_timeout_cb, self, NULL);
  else
    self->update_source = g_timeout_add (self->update_delay, update_timeout_cb, self);
}

static gsize
iter_to_offset (LekhPreview       *self,
                const GtkTextIter *iter)
{
  return lekh_preview_model_line_to_offset (self->model, (guint) gtk_text_iter_get_line (iter))
         + (gsize) gtk_text_iter_get_line_index (iter);
}

static void
source_insert_cb (LekhPreview *self,
                  GtkTextIter *location,
                  const char  *text,
                  int          len)
{
  if (len < 0)
    len = (int) strlen (text);
  /* GtkTextBuffer also breaks lines at U+2029, which the model does not: read all. */
  if (!self->source_resync && g_strstr_len (text, len, "\xE2\x80\xA9") == NULL)
    lekh_preview_model_replace (self->model, iter_to_offset (self, location), 0, text, (gsize) len);
  else
    self->source_resync = TRUE;
  schedule_update (self);
}

static void
source_delete_cb (LekhPreview *self,
                  GtkTextIter *start,
                  GtkTextIter *end)
{
  if (!self->source_resync)
    {
      gsize a = iter_to_offset (self, start);
      gsize b = iter_to_offset (self, end);

      lekh_preview_model_replace (self->model, MIN (a, b), (a > b ? a - b : b - a), "", 0);
    }
  schedule_update (self);
}

void
lekh_preview_set_buffer (LekhPreview   *self,
                         GtkTextBuffer *buffer)
{
  g_return_if_fail (LEKH_IS_PREVIEW (self));
  g_return_if_fail (buffer == NULL || GTK_IS_TEXT_BUFFER (buffer));

  if (self->source == buffer)
    return;
  if (self->source != NULL)
    {
      g_clear_signal_handler (&self->source_insert_id, self->source);
      g_clear_signal_handler (&self->source_delete_id, self->source);
      g_clear_object (&self->source);
    }
  if (buffer == NULL)
    return;

  self->source = g_object_ref (buffer);
  /* Before the default handlers: the iterators still point into the old text. */
  self->source_insert_id = g_signal_connect_swapped (buffer, "insert-text",
                                                     G_CALLBACK (source_insert_cb), self);
  self->source_delete_id = g_signal_connect_swapped (buffer, "delete-range",
                                                     G_CALLBACK (source_delete_cb), self);
  {
    GtkTextIter a, b;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &a, &b);
    text = gtk_text_buffer_get_text (buffer, &a, &b, TRUE);
    drop_background_parse (self);
    self->source_resync = strstr (text, "\xE2\x80\xA9") != NULL;
    /* As an edit: _lekh_preview_update_now() parses a long text in a thread (the preview shown again
     * over a very long article), a short one here, and reads the buffer again itself
     * when the model cannot mirror it. */
    if (!self->source_resync)
      lekh_preview_model_record_text (self->model, text, strlen (text));
    _lekh_preview_update_now (self);
  }
}

GBytes *
lekh_preview_ref_source_text (LekhPreview   *self,
                              GtkTextBuffer *buffer)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW (self), NULL);

  /* The model mirrors the buffer edit by edit, unless a U+2029 made it read it again. */
  if (buffer == NULL || self->source != buffer || self->source_resync)
    return NULL;
  return lekh_preview_model_ref_text (self->model);
}

/* Lines, links, scrolling --------------------------------------------------------- */

guint
lekh_preview_get_line_at_offset (LekhPreview *self,
                                 int          offset)
{
  int index;
  BlockView *bv;
  const LekhPreviewBlock *block;
  GtkTextIter start;
  guint rel, delta = 0;

  g_return_val_if_fail (LEKH_IS_PREVIEW (self), 0);

  index = block_at_offset (self, offset);
  if (index < 0)
    return lekh_preview_model_get_article (self->model) != NULL ? 1 : 0;
  bv = g_ptr_array_index (self->blocks, index);
  block = lekh_preview_model_get_block (self->model, (guint) index);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, bv->mark);
  rel = (guint) (offset - gtk_text_iter_get_offset (&start));
  if (bv->lines != NULL)
    for (guint i = 0; i < bv->lines->len; i++)
      {
        LekhPreviewLine *anchor = &g_array_index (bv->lines, LekhPreviewLine, i);
        if (anchor->offset > rel)
          break;
        delta = anchor->line_delta;
      }
  return MIN (block->start_line + delta, block->end_line);
}

const char *
lekh_preview_get_link_at_offset (LekhPreview *self,
                                 int          offset)
{
  int index;
  BlockView *bv;
  GtkTextIter start;
  guint rel;

  g_return_val_if_fail (LEKH_IS_PREVIEW (self), NULL);

  index = block_at_offset (self, offset);
  if (index < 0)
    return NULL;
  bv = g_ptr_array_index (self->blocks, index);
  if (bv->links == NULL)
    return NULL;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, bv->mark);
  rel = (guint) (offset - gtk_text_iter_get_offset (&start));
  for (guint i = 0; i < bv->links->len; i++)
    {
      LekhPreviewLink *link = &g_array_index (bv->links, LekhPreviewLink, i);
      if (rel >= link->start && rel < link->end)
        return link->url;
    }
  return NULL;
}

static gboolean
offset_at_point (LekhPreview *self,
                 double       x,
                 double       y,
                 int         *offset)
{
  GtkTextIter iter;
  int bx, by, trailing;

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_position (self->view, &iter, &trailing, bx, by))
    return FALSE;
  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

static char *
resolve_link (LekhPreview *self,
              const char  *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  if (scheme != NULL)
    return g_strdup (url);
  if (url[0] == '#' || self->base_file == NULL)
    return NULL;
  {
    g_autoptr(GFile) parent = g_file_get_parent (self->base_file);
    g_autofree char *path = g_strndup (url, strcspn (url, "?#"));
    g_autoptr(GFile) target = parent != NULL ? g_file_resolve_relative_path (parent, path) : NULL;

    return target != NULL ? g_file_get_uri (target) : NULL;
  }
}

static void
open_link_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       const char       *uri)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "open") == 0 && uri != NULL)
    {
#if GTK_CHECK_VERSION (4, 10, 0)
      /* Newer than the 4.8 the build is pinned to: only when built against GTK 4.10 or
       * later, where gtk_show_uri() is deprecated. */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
      gtk_uri_launcher_launch (launcher, parent, NULL, NULL, NULL);
      G_GNUC_END_IGNORE_DEPRECATIONS
#else
      gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
#endif
    }
}

static void
free_uri (gpointer  uri,
          GClosure *closure)
{
  g_free (uri);
}

static void
ask_open_link (LekhPreview *self,
               const char  *url)
{
  g_autofree char *uri = resolve_link (self, url);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (uri == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Open Link?"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), uri);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open Link"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (open_link_response_cb),
                         g_steal_pointer (&uri), free_uri, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
lekh_preview_activate_link (LekhPreview *self,
                            const char  *url)
{
  g_return_if_fail (LEKH_IS_PREVIEW (self));
  g_return_if_fail (url != NULL);

  /* A link into the article itself scrolls to its heading; others ask first. */
  if (url[0] == '#')
    {
      int index;

      _lekh_preview_update_now (self);
      index = lekh_preview_model_find_heading (self->model, url);
      /* Footnotes: "#fn-LABEL" is the note, "#fnref-LABEL" the text that refers to it. */
      if (index < 0 && g_str_has_prefix (url, "#fnref-"))
        index = lekh_preview_model_find_footnote (self->model, url + 7, FALSE);
      else if (index < 0 && g_str_has_prefix (url, "#fn-"))
        index = lekh_preview_model_find_footnote (self->model, url + 4, TRUE);
      if (index >= 0)
        lekh_preview_scroll_to_line (self,
                                     lekh_preview_model_get_block (self->model, (guint) index)->start_line);
      else
        gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  ask_open_link (self, url);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   LekhPreview     *self)
{
  GtkTextIter a, b;
  const char *url;
  int offset;

  if (n_press != 1 || gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b))
    return;
  if (!offset_at_point (self, x, y, &offset))
    return;
  url = lekh_preview_get_link_at_offset (self, offset);
  if (url != NULL)
    lekh_preview_activate_link (self, url);
  else
    {
      guint line = lekh_preview_get_line_at_offset (self, offset);
      if (line > 0)
        g_signal_emit (self, signals[LINE_ACTIVATED], 0, line);
    }
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           LekhPreview              *self)
{
  int offset;
  gboolean link = offset_at_point (self, x, y, &offset)
                  && lekh_preview_get_link_at_offset (self, offset) != NULL;

  if (link != self->over_link)
    {
      self->over_link = link;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self->view), link ? "pointer" : "text");
    }
}

static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  LekhPreview *self)
{
  int offset;
  const char *url;

  if (keyboard || !offset_at_point (self, x, y, &offset))
    return FALSE;
  url = lekh_preview_get_link_at_offset (self, offset);
  if (url == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, url);
  return TRUE;
}

void
_lekh_preview_emit_top_line_changed (LekhPreview *self,
                                     guint        line)
{
  g_signal_emit (self, signals[TOP_LINE_CHANGED], 0, line);
}

void
lekh_preview_set_scroll_sync (LekhPreview *self,
                              gboolean     sync)
{
  g_return_if_fail (LEKH_IS_PREVIEW (self));

  sync = !!sync;
  if (self->scroll_sync != sync)
    {
      self->scroll_sync = sync;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCROLL_SYNC]);
    }
}

gboolean
lekh_preview_get_scroll_sync (LekhPreview *self)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW (self), FALSE);

  return self->scroll_sync;
}

/* GObject ------------------------------------------------------------------------- */

GtkWidget *
lekh_preview_new (void)
{
  return g_object_new (LEKH_TYPE_PREVIEW, NULL);
}

void
lekh_preview_set_base_file (LekhPreview *self,
                            GFile       *file)
{
  g_return_if_fail (LEKH_IS_PREVIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->base_file, file))
    {
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      g_clear_pointer (&self->site, lekh_site_unref);
      if (path != NULL)
        self->site = lekh_site_detect (path);
      _lekh_preview_update_header (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_FILE]);
    }
}

GFile *
lekh_preview_get_base_file (LekhPreview *self)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW (self), NULL);

  return self->base_file;
}

void
lekh_preview_set_update_delay (LekhPreview *self,
                               guint        msec)
{
  g_return_if_fail (LEKH_IS_PREVIEW (self));

  if (self->update_delay != msec)
    {
      self->update_delay = msec;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATE_DELAY]);
    }
}

guint
lekh_preview_get_update_delay (LekhPreview *self)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW (self), 0);

  return self->update_delay;
}

void
lekh_preview_set_load_remote_images (LekhPreview *self,
                                     gboolean     load)
{
  g_return_if_fail (LEKH_IS_PREVIEW (self));

  load = !!load;
  if (self->load_remote_images != load)
    {
      self->load_remote_images = load;
      _lekh_preview_update_header (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_REMOTE_IMAGES]);
    }
}

gboolean
lekh_preview_get_load_remote_images (LekhPreview *self)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW (self), FALSE);

  return self->load_remote_images;
}

GtkTextView *
lekh_preview_get_text_view (LekhPreview *self)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW (self), NULL);

  return self->view;
}

GtkWidget *
lekh_preview_get_header (LekhPreview *self)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW (self), NULL);

  return self->header;
}

guint
lekh_preview_get_n_blocks (LekhPreview *self)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW (self), 0);

  return self->blocks->len;
}

gboolean
lekh_preview_is_rendering (LekhPreview *self)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW (self), FALSE);

  return self->background_source != 0 || self->parsing;
}

guint
lekh_preview_get_n_pending_blocks (LekhPreview *self)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW (self), 0);

  return lekh_preview_model_get_n_blocks (self->model) - self->blocks->len;
}

static void
lekh_preview_dispose (GObject *object)
{
  LekhPreview *self = LEKH_PREVIEW (object);

  lekh_preview_set_buffer (self, NULL);
  lekh_preview_set_source_view (self, NULL);
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->background_source, g_source_remove);
  g_clear_handle_id (&self->sync_check_id, g_source_remove);
  g_clear_handle_id (&self->scroll_check_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->blocks != NULL)
    g_ptr_array_set_size (self->blocks, 0);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (lekh_preview_parent_class)->dispose (object);
}

static void
lekh_preview_finalize (GObject *object)
{
  LekhPreview *self = LEKH_PREVIEW (object);

  _lekh_preview_untrack_sizes (self);
  g_hash_table_unref (self->sized_widgets);
  g_hash_table_unref (self->indent_tags);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->model, lekh_preview_model_free);
  g_clear_object (&self->base_file);
  g_clear_pointer (&self->site, lekh_site_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (lekh_preview_parent_class)->finalize (object);
}

static void
lekh_preview_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LekhPreview *self = LEKH_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_BASE_FILE:
      g_value_set_object (value, self->base_file);
      break;
    case PROP_LOAD_REMOTE_IMAGES:
      g_value_set_boolean (value, self->load_remote_images);
      break;
    case PROP_UPDATE_DELAY:
      g_value_set_uint (value, self->update_delay);
      break;
    case PROP_SCROLL_SYNC:
      g_value_set_boolean (value, self->scroll_sync);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_preview_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LekhPreview *self = LEKH_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_BASE_FILE:
      lekh_preview_set_base_file (self, g_value_get_object (value));
      break;
    case PROP_LOAD_REMOTE_IMAGES:
      lekh_preview_set_load_remote_images (self, g_value_get_boolean (value));
      break;
    case PROP_UPDATE_DELAY:
      lekh_preview_set_update_delay (self, g_value_get_uint (value));
      break;
    case PROP_SCROLL_SYNC:
      lekh_preview_set_scroll_sync (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_preview_class_init (LekhPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_preview_dispose;
  object_class->finalize = lekh_preview_finalize;
  object_class->get_property = lekh_preview_get_property;
  object_class->set_property = lekh_preview_set_property;

  properties[PROP_BASE_FILE] =
    g_param_spec_object ("base-file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOAD_REMOTE_IMAGES] =
    g_param_spec_boolean ("load-remote-images", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATE_DELAY] =
    g_param_spec_uint ("update-delay", NULL, NULL, 0, 10000, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCROLL_SYNC] =
    g_param_spec_boolean ("scroll-sync", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LINE_ACTIVATED] =
    g_signal_new ("line-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[TOP_LINE_CHANGED] =
    g_signal_new ("top-line-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lekhpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
load_css (void)
{
  static gboolean css_loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (css_loaded)
    return;
  /* Loaded here rather than from the application's style.css: the preview is also shown
   * without LekhApplication (its tests, the benchmarks, tests/preview-demo.c). */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/lekh/Lekh/lekh-preview.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  css_loaded = TRUE;
}

static void
create_view (LekhPreview *self)
{
  self->buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  create_tags (self);
  self->view = g_object_new (LEKH_TYPE_PREVIEW_VIEW, "buffer", self->buffer, NULL);
  update_colors (self);
  gtk_text_view_set_editable (self->view, FALSE);
  gtk_text_view_set_cursor_visible (self->view, FALSE);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->view, MARGIN_X);
  gtk_text_view_set_right_margin (self->view, MARGIN_X);
  gtk_text_view_set_top_margin (self->view, MARGIN_TOP);
  gtk_text_view_set_bottom_margin (self->view, 48);
  gtk_text_view_set_pixels_inside_wrap (self->view, 3);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "lekh-preview-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview"), -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

static void
create_header (LekhPreview *self)
{
  GtkTextIter iter;
  GtkTextChildAnchor *anchor;

  /* The header card scrolls with the text: it is the buffer's first "character". */
  self->header = lekh_preview_header_new ();
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  anchor = gtk_text_buffer_create_child_anchor (self->buffer, &iter);
  gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
  gtk_text_view_add_child_at_anchor (self->view, self->header, anchor);
  _lekh_preview_track_size (self, self->header, 0, -1);
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, "lekh-scroll", &iter, TRUE);
}

static void
lekh_preview_init (LekhPreview *self)
{
  GtkEventController *motion;
  GtkGesture *click;
  GtkAdjustment *hadj, *vadj;

  load_css ();
  self->scroll_sync = TRUE;
  self->model = lekh_preview_model_new ();
  self->blocks = g_ptr_array_new_with_free_func (block_view_free);
  self->sized_widgets = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->indent_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();

  create_view (self);
  create_header (self);

  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  g_signal_connect_object (hadj, "notify::page-size", G_CALLBACK (_lekh_preview_width_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vadj, "value-changed",
                           G_CALLBACK (_lekh_preview_vadjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadj, "notify::upper", G_CALLBACK (_lekh_preview_render_more), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadj, "notify::page-size", G_CALLBACK (_lekh_preview_render_more), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (_lekh_preview_render_more), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_colors), self, G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->view), TRUE);
  g_signal_connect (self->view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}
