/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <gtk/gtk.h>

#include "lekh-editor.h"
#include "lekh-gui-test.h"
#include "lekh-preferences-window.h"
#include "lekh-preview.h"
#include "lekh-window.h"

static LekhApplication *app;

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
open_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  lekh_test_spin (100);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (LEKH_IS_PREFERENCES_WINDOW (w))
        return w;
    }
  return NULL;
}

static void
test_bound (void)
{
  g_autofree char *path = lekh_test_write_temp ("prefs.md", "---\ntitle: P\n---\nText\n", -1);
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *prefs = open_preferences ();
  GtkWidget *remote, *spin, *font_row, *profile_row, *custom_row;
  GtkTextView *view = GTK_TEXT_VIEW (lekh_editor_get_view (lekh_window_get_editor (window)));
  gboolean preview_loads = TRUE;
  g_autofree char *profile = NULL;
  g_autofree char *kind = NULL;

  g_assert_nonnull (prefs);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));

  /* The preview's "Remote image not loaded (see Preferences)" is true: the switch is here. */
  remote = find_type (find_row (prefs, "Load _Remote Images"), GTK_TYPE_SWITCH);
  g_assert_nonnull (remote);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (remote)));
  gtk_switch_set_active (GTK_SWITCH (remote), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "load-remote-images"));
  g_object_get (lekh_window_get_preview (window), "load-remote-images", &preview_loads, NULL);
  g_assert_true (preview_loads);
  g_settings_set_boolean (settings, "load-remote-images", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (remote)));

  /* Writing font: proportional by default; monospace reaches the source view. */
  font_row = find_row (prefs, "_Font");
  custom_row = find_row (prefs, "_Custom Font");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (font_row)), ==, 0);
  g_assert_false (gtk_text_view_get_monospace (view));
  g_assert_false (gtk_widget_get_sensitive (custom_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (font_row), 1);
  kind = g_settings_get_string (settings, "font-kind");
  g_assert_cmpstr (kind, ==, "monospace");
  lekh_test_spin (50);
  g_assert_true (gtk_text_view_get_monospace (view));
  adw_combo_row_set_selected (ADW_COMBO_ROW (font_row), 2);
  g_assert_true (gtk_widget_get_sensitive (custom_row));
  g_settings_reset (settings, "font-kind");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (font_row)), ==, 0);

  /* Draft interval and the default site profile. */
  spin = find_type (find_row (prefs, "_Draft Interval"), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 10);
  g_assert_cmpuint (g_settings_get_uint (settings, "draft-delay"), ==, 10);
  g_settings_reset (settings, "draft-delay");

  profile_row = find_row (prefs, "Default _Site Profile");
  adw_combo_row_set_selected (ADW_COMBO_ROW (profile_row), 2);
  profile = g_settings_get_string (settings, "default-profile");
  g_assert_cmpstr (profile, ==, "hugo");
  g_settings_reset (settings, "default-profile");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (profile_row)), ==, 0);

  /* Spelling: on by default; the language row lists the dictionaries. */
  {
    GtkWidget *check = find_type (find_row (prefs, "Check _Spelling"), GTK_TYPE_SWITCH);
    GtkWidget *language = find_row (prefs, "_Language");
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (language));

    g_assert_true (gtk_switch_get_active (GTK_SWITCH (check)));
    gtk_switch_set_active (GTK_SWITCH (check), FALSE);
    g_assert_false (g_settings_get_boolean (settings, "spell-check"));
    g_assert_false (gtk_widget_get_sensitive (language));
    g_settings_reset (settings, "spell-check");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (language)), ==, 0);
    if (g_list_model_get_n_items (model) > 1)
      {
        g_autofree char *chosen = NULL;

        adw_combo_row_set_selected (ADW_COMBO_ROW (language), 1);
        chosen = g_settings_get_string (settings, "spell-language");
        g_assert_cmpstr (chosen, ==, gtk_string_list_get_string (GTK_STRING_LIST (model), 1));
        g_settings_reset (settings, "spell-language");
      }
  }

  gtk_window_destroy (GTK_WINDOW (prefs));
  lekh_test_discard_and_close (window);
}

int
main (int   argc,
      char *argv[])
{
  app = lekh_test_gui_init (&argc, &argv, "/preferences");
  if (app == NULL)
    return g_test_run ();

  g_test_add_func ("/preferences/bound", test_bound);
  return g_test_run ();
}
