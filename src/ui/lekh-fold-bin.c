/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-fold-bin"

#include "config.h"

#include "lekh-fold-bin.h"

struct _LekhFoldBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  int        unfold_width;
  guint      notify_idle;
  guint      folded : 1;
};

enum {
  PROP_0,
  PROP_CHILD,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LekhFoldBin, lekh_fold_bin, GTK_TYPE_WIDGET)

static void
lekh_fold_bin_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LekhFoldBin *self = LEKH_FOLD_BIN (widget);

  *minimum = *natural = 0;
  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
  /* The width it needs is what folding is for; the height it needs stays. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 0;
}

static gboolean
notify_folded_cb (gpointer data)
{
  LekhFoldBin *self = data;

  self->notify_idle = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
  return G_SOURCE_REMOVE;
}

static void
set_folded (LekhFoldBin *self,
            gboolean     folded)
{
  if (self->folded == !!folded)
    return;
  self->folded = !!folded;
  /* The owner answers by showing or hiding widgets: not from inside this allocation,
   * which would leave the widgets above it without one when they are drawn. */
  if (self->notify_idle == 0)
    self->notify_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, notify_folded_cb, self, NULL);
}

static void
lekh_fold_bin_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LekhFoldBin *self = LEKH_FOLD_BIN (widget);
  int child_min = 0;

  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
  if (!self->folded && width < child_min)
    {
      self->unfold_width = child_min;
      set_folded (self, TRUE);
    }
  else if (self->folded && width >= self->unfold_width)
    set_folded (self, FALSE);

  /* Never less than the child needs: what does not fit is clipped, until the owner has
   * answered the fold. */
  gtk_widget_allocate (self->child, MAX (width, child_min), height, baseline, NULL);
}

static void
lekh_fold_bin_dispose (GObject *object)
{
  LekhFoldBin *self = LEKH_FOLD_BIN (object);

  g_clear_handle_id (&self->notify_idle, g_source_remove);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (lekh_fold_bin_parent_class)->dispose (object);
}

static void
lekh_fold_bin_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LekhFoldBin *self = LEKH_FOLD_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_fold_bin_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LekhFoldBin *self = LEKH_FOLD_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      lekh_fold_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_fold_bin_class_init (LekhFoldBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_fold_bin_dispose;
  object_class->get_property = lekh_fold_bin_get_property;
  object_class->set_property = lekh_fold_bin_set_property;
  widget_class->measure = lekh_fold_bin_measure;
  widget_class->size_allocate = lekh_fold_bin_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "foldbin");
}

static void
lekh_fold_bin_init (LekhFoldBin *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
lekh_fold_bin_new (void)
{
  return g_object_new (LEKH_TYPE_FOLD_BIN, NULL);
}

void
lekh_fold_bin_set_child (LekhFoldBin *self,
                         GtkWidget   *child)
{
  g_return_if_fail (LEKH_IS_FOLD_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
lekh_fold_bin_get_child (LekhFoldBin *self)
{
  g_return_val_if_fail (LEKH_IS_FOLD_BIN (self), NULL);
  return self->child;
}

gboolean
lekh_fold_bin_get_folded (LekhFoldBin *self)
{
  g_return_val_if_fail (LEKH_IS_FOLD_BIN (self), FALSE);
  return self->folded;
}
