/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-wrap-layout"

#include "config.h"

#include "lekh-wrap-layout.h"

struct _LekhWrapLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
  GtkWidget       *fill;   /* weak: a child of the laid-out widget */
};

G_DEFINE_FINAL_TYPE (LekhWrapLayout, lekh_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_FILL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
takes_part (GtkWidget *child)
{
  return !GTK_IS_NATIVE (child) && gtk_widget_should_layout (child);
}

/* Places the children in lines WIDTH wide; returns the height they take. */
static int
arrange (GtkWidget *widget,
         int        width,
         int        spacing,
         GtkWidget *fill,
         gboolean   allocate)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, h, w;

      if (!takes_part (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      w = MAX (MIN (nat_w, width), min_w);
      if (x > 0 && x + w > width)
        {
          y += line_height + spacing;
          x = 0;
          line_height = 0;
        }
      if (child == fill)
        w = MAX (w, width - x);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, &h, NULL, NULL, NULL);

      if (allocate)
        {
          GtkAllocation alloc = { rtl ? width - x - w : x, y, w, h };

          gtk_widget_size_allocate (child, &alloc, -1);
        }
      x += w + spacing;
      line_height = MAX (line_height, h);
    }

  return y + line_height;
}

static GtkSizeRequestMode
lekh_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                   GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lekh_wrap_layout_measure (GtkLayoutManager *manager,
                          GtkWidget        *widget,
                          GtkOrientation    orientation,
                          int               for_size,
                          int              *minimum,
                          int              *natural,
                          int              *minimum_baseline,
                          int              *natural_baseline)
{
  LekhWrapLayout *self = LEKH_WRAP_LAYOUT (manager);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0;

      /* At least the widest child; at most everything on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!takes_part (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (nat > 0 ? self->spacing : 0);
        }
      *minimum = min;
      *natural = nat;
    }
  else
    {
      int width = for_size;

      if (width < 0)
        {
          int unused;

          lekh_wrap_layout_measure (manager, widget, GTK_ORIENTATION_HORIZONTAL, -1,
                                    &unused, &width, NULL, NULL);
        }
      *minimum = *natural = arrange (widget, width, self->spacing, self->fill, FALSE);
    }
}

static void
lekh_wrap_layout_allocate (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           int               width,
                           int               height,
                           int               baseline)
{
  LekhWrapLayout *self = LEKH_WRAP_LAYOUT (manager);

  arrange (widget, width, self->spacing, self->fill, TRUE);
}

static void
lekh_wrap_layout_dispose (GObject *object)
{
  LekhWrapLayout *self = LEKH_WRAP_LAYOUT (object);

  g_clear_weak_pointer (&self->fill);

  G_OBJECT_CLASS (lekh_wrap_layout_parent_class)->dispose (object);
}

static void
lekh_wrap_layout_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LekhWrapLayout *self = LEKH_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_FILL:
      g_value_set_object (value, self->fill);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_wrap_layout_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LekhWrapLayout *self = LEKH_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      lekh_wrap_layout_set_spacing (self, g_value_get_int (value));
      break;
    case PROP_FILL:
      lekh_wrap_layout_set_fill (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_wrap_layout_class_init (LekhWrapLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->dispose = lekh_wrap_layout_dispose;
  object_class->get_property = lekh_wrap_layout_get_property;
  object_class->set_property = lekh_wrap_layout_set_property;

  layout_class->get_request_mode = lekh_wrap_layout_get_request_mode;
  layout_class->measure = lekh_wrap_layout_measure;
  layout_class->allocate = lekh_wrap_layout_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILL] =
    g_param_spec_object ("fill", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lekh_wrap_layout_init (LekhWrapLayout *self)
{
}

void
lekh_wrap_layout_set_spacing (LekhWrapLayout *self,
                              int             spacing)
{
  g_return_if_fail (LEKH_IS_WRAP_LAYOUT (self));

  spacing = MAX (spacing, 0);
  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

int
lekh_wrap_layout_get_spacing (LekhWrapLayout *self)
{
  g_return_val_if_fail (LEKH_IS_WRAP_LAYOUT (self), 0);

  return self->spacing;
}

void
lekh_wrap_layout_set_fill (LekhWrapLayout *self,
                           GtkWidget      *fill)
{
  g_return_if_fail (LEKH_IS_WRAP_LAYOUT (self));
  g_return_if_fail (fill == NULL || GTK_IS_WIDGET (fill));

  if (g_set_weak_pointer (&self->fill, fill))
    {
      gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILL]);
    }
}

GtkWidget *
lekh_wrap_layout_get_fill (LekhWrapLayout *self)
{
  g_return_val_if_fail (LEKH_IS_WRAP_LAYOUT (self), NULL);

  return self->fill;
}
