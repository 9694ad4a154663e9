/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lekh-site.h"
#include "lekh-site-window.h"

struct _LekhSiteWindow
{
  AdwApplicationWindow  parent_instance;
  GtkWidget            *window_title;
  GtkWidget            *view;
};

G_DEFINE_FINAL_TYPE (LekhSiteWindow, lekh_site_window, ADW_TYPE_APPLICATION_WINDOW)

static void
open_article_cb (LekhSiteWindow *self,
                 GFile          *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* GApplication's own "open" (LekhApplication handles it with lekh_application_open_file
   * and no hint window), so this window needs no more of the application than its type. */
  if (app != NULL)
    g_application_open (G_APPLICATION (app), &file, 1, "");
}

static void
lekh_site_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LEKH_TYPE_SITE_WINDOW);
  G_OBJECT_CLASS (lekh_site_window_parent_class)->dispose (object);
}

static void
lekh_site_window_class_init (LekhSiteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_site_window_dispose;

  g_type_ensure (LEKH_TYPE_SITE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lekh/Lekh/lekh-site-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LekhSiteWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteWindow, view);
  gtk_widget_class_bind_template_callback (widget_class, open_article_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);

}

static void
lekh_site_window_init (LekhSiteWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LekhSiteWindow *
lekh_site_window_new (LekhApplication *app,
                      GFile           *root)
{
  LekhSiteWindow *self;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(LekhSite) site = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (G_IS_FILE (root), NULL);

  self = g_object_new (LEKH_TYPE_SITE_WINDOW, "application", app, NULL);
  path = g_file_get_path (root);
  name = g_file_get_basename (root);
  site = path ? lekh_site_detect (path) : NULL;
  if (site != NULL && g_strcmp0 (lekh_site_get_root (site), path) == 0)
    /* TRANSLATORS: the site window's subtitle: "Hugo site — /home/asha/blog" */
    subtitle = g_strdup_printf (_("%s site — %s"),
                                lekh_profile_get_name (lekh_site_get_profile (site)), path);
  else
    subtitle = g_strdup (path);
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), name);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), subtitle);
  gtk_window_set_title (GTK_WINDOW (self), name);
  lekh_site_view_set_root (LEKH_SITE_VIEW (self->view), root);
  return self;
}

GFile *
lekh_site_window_get_root (LekhSiteWindow *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_WINDOW (self), NULL);
  return lekh_site_view_get_root (LEKH_SITE_VIEW (self->view));
}

LekhSiteView *
lekh_site_window_get_view (LekhSiteWindow *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_WINDOW (self), NULL);
  return LEKH_SITE_VIEW (self->view);
}
