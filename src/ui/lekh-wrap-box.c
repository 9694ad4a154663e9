/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-wrap-box"

#include "config.h"

#include "lekh-wrap-box.h"
#include "lekh-wrap-layout.h"

struct _LekhWrapBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LekhWrapBox, lekh_wrap_box, GTK_TYPE_WIDGET)

static void
lekh_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lekh_wrap_box_parent_class)->dispose (object);
}

static void
lekh_wrap_box_class_init (LekhWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_wrap_box_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, LEKH_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lekh_wrap_box_init (LekhWrapBox *self)
{
}

GtkWidget *
lekh_wrap_box_new (int spacing)
{
  LekhWrapBox *self = g_object_new (LEKH_TYPE_WRAP_BOX, NULL);

  lekh_wrap_layout_set_spacing (LEKH_WRAP_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                spacing);
  return GTK_WIDGET (self);
}

void
lekh_wrap_box_append (LekhWrapBox *self,
                      GtkWidget   *child)
{
  g_return_if_fail (LEKH_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}
