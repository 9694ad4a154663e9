/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lekh-application.h"
#include "lekh-document.h"
#include "lekh-site.h"
#include "lekh-window-site.h"

/* The root of the site the window's article belongs to, or NULL. */
static GFile *
dup_site_root (LekhWindow *window)
{
  GFile *file = lekh_document_get_file (lekh_window_get_document (window));
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
file_changed_cb (GtkWidget *button)
{
  LekhWindow *window = LEKH_WINDOW (gtk_widget_get_root (button));
  g_autoptr(GFile) root = dup_site_root (window);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), "show-site");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), root != NULL);
  gtk_widget_set_visible (button, root != NULL);
}

void
lekh_window_setup_site_overview (LekhWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-site", NULL);
  GtkWidget *button;

  g_return_if_fail (LEKH_IS_WINDOW (self));

  g_signal_connect_object (action, "activate", G_CALLBACK (show_site_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));

  button = gtk_button_new_from_icon_name ("view-list-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-site");
  gtk_widget_set_tooltip_text (button, _("Site Overview (Ctrl+Shift+O)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Site Overview"), -1);
  lekh_window_add_header_widget (self, button, GTK_PACK_START);

  g_signal_connect_object (lekh_window_get_document (self), "notify::file",
                           G_CALLBACK (file_changed_cb), button, G_CONNECT_SWAPPED);
  file_changed_cb (button);
}
