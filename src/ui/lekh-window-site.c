/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-window-site"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-site.h"
#include "lekh-window-private.h"

/* The root of the site the window's article belongs to, or NULL. */
static GFile *
dup_site_root (LekhWindow *window)
{
  GFile *file = lekh_document_get_file (window->document);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(LekhSite) site = path ? lekh_site_detect (path) : NULL;

  if (site == NULL || lekh_site_get_root (site) == NULL)
    return NULL;
  return g_file_new_for_path (lekh_site_get_root (site));
}

static void
show_site_cb (GSimpleAction *action,
              GVariant      *parameter,
              LekhWindow    *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  g_autoptr(GFile) root = dup_site_root (window);

  if (root != NULL && LEKH_IS_APPLICATION (app))
    lekh_application_show_site (LEKH_APPLICATION (app), root);
}

static void
file_changed_cb (LekhWindow *self)
{
  g_autoptr(GFile) root = dup_site_root (self);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-site");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), root != NULL);
  gtk_widget_set_visible (self->site_button, root != NULL);
}

void
_lekh_window_site_init (LekhWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-site", NULL);

  g_assert (LEKH_IS_WINDOW (self));

  /* A GAction in the window's map (not a class action), so the app's accelerator and
   * tests reach it as "win.show-site". */
  g_signal_connect_object (action, "activate", G_CALLBACK (show_site_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));

  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (file_changed_cb), self,
                           G_CONNECT_SWAPPED);
  file_changed_cb (self);
}
