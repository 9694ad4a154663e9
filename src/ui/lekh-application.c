/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-application"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "lekh-application-private.h"
#include "lekh-draft-store.h"
#include "lekh-preferences-window.h"
#include "lekh-site-window.h"
#include "lekh-window.h"

#define MAX_RECENT 10

G_DEFINE_FINAL_TYPE (LekhApplication, lekh_application, ADW_TYPE_APPLICATION)

static void window_added_cb   (LekhApplication *self,
                               GtkWindow       *window);
static void window_removed_cb (LekhApplication *self,
                               GtkWindow       *window);

static LekhWindow *
create_window (LekhApplication *self)
{
  return lekh_window_new (self);
}

void
lekh_application_open_file (LekhApplication *self,
                            GFile           *file,
                            LekhWindow      *hint)
{
  LekhWindow *window = NULL;

  g_return_if_fail (LEKH_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A folder (`lekh ~/blog`) opens as a site overview. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      lekh_application_show_site (self, file);
      return;
    }

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *open;

      if (!LEKH_IS_WINDOW (l->data))
        continue;
      open = lekh_document_get_file (lekh_window_get_document (l->data));
      if (open != NULL && g_file_equal (open, file))
        {
          gtk_window_present (GTK_WINDOW (l->data));
          return;
        }
    }

  if (hint != NULL && lekh_document_is_untouched (lekh_window_get_document (hint)))
    window = hint;
  else
    window = create_window (self);

  lekh_window_load_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

void
lekh_application_show_site (LekhApplication *self,
                            GFile           *root)
{
  LekhSiteWindow *window;

  g_return_if_fail (LEKH_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (root));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (LEKH_IS_SITE_WINDOW (l->data) &&
        g_file_equal (lekh_site_window_get_root (l->data), root))
      {
        gtk_window_present (GTK_WINDOW (l->data));
        return;
      }
  window = lekh_site_window_new (self, root);
  gtk_window_present (GTK_WINDOW (window));
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  /* Borrowed references: owned by the infos. */
  GDateTime *ma = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *mb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (mb, ma);
}

static void
recent_changed_cb (LekhApplication *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  const char *app_name = g_get_application_name ();
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_recent_info_has_application (info, app_name) || !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (create_window (user_data)));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  LekhApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  lekh_application_open_file (self, file, LEKH_IS_WINDOW (active) ? LEKH_WINDOW (active) : NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  const char *developers[] = { "The Lekh developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Lekh"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Write Markdown articles with correct front matter"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (lekh_preferences_window_new (parent)));
}

typedef struct
{
  LekhApplication *app;
  gboolean         save;
} QuitAnswer;

static gpointer
ref_copy (gconstpointer object,
          gpointer      data)
{
  return g_object_ref ((gpointer) object);
}

static gboolean
quit_idle_cb (gpointer data)
{
  QuitAnswer *answer = data;
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (answer->app)),
                                     ref_copy, NULL);

  for (GList *l = windows; l != NULL; l = l->next)
    if (LEKH_IS_WINDOW (l->data))
      lekh_window_close_saving (l->data, answer->save);
  g_list_free_full (windows, g_object_unref);
  return G_SOURCE_REMOVE;
}

static void
quit_answer_free (gpointer data)
{
  QuitAnswer *answer = data;

  g_object_unref (answer->app);
  g_free (answer);
}

static void
quit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  LekhApplication  *self)
{
  QuitAnswer *answer;

  if (g_str_equal (response, "cancel"))
    return;
  /* Close the windows once the dialog is done with its response, not from inside it. */
  answer = g_new0 (QuitAnswer, 1);
  answer->app = g_object_ref (self);
  answer->save = g_str_equal (response, "save");
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, quit_idle_cb, answer, quit_answer_free);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  LekhApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_modified = 0;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (LEKH_IS_WINDOW (l->data) &&
        gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (lekh_window_get_document (l->data))))
      {
        g_autofree char *title = lekh_document_dup_title (lekh_window_get_document (l->data));

        g_string_append_printf (names, "\n• %s", title);
        n_modified++;
      }

  /* Nothing to lose, or one window: each window asks about its own changes. */
  if (n_modified <= 1)
    {
      for (GList *l = windows; l != NULL; l = l->next)
        gtk_window_close (l->data);
      g_list_free (windows);
      return;
    }
  g_list_free (windows);

  /* Several: one question listing them, not a stack of dialogs. */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u article has changes that are not saved:%s",
                                       "%u articles have changes that are not saved:%s",
                                       n_modified),
                          n_modified, names->str);
  dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   _("Save Changes Before Quitting?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard All"),
                                    "save", _("_Save All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (quit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

#define ZOOM_STEP 1.1

static void
zoom_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  LekhApplication *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  double scale = g_settings_get_double (self->settings, "font-scale");

  if (g_str_equal (name, "zoom-in"))
    scale *= ZOOM_STEP;
  else if (g_str_equal (name, "zoom-out"))
    scale /= ZOOM_STEP;
  else
    scale = 1.0;
  /* Whole percent steps, so zooming in and out again lands back on 100 %. */
  scale = CLAMP ((int) (scale * 100.0 + 0.5) / 100.0, 0.5, 4.0);
  if (scale > 0.95 && scale < 1.05)
    scale = 1.0;
  g_settings_set_double (self->settings, "font-scale", scale);
}

/* style-variant ("follow", "light", "dark") → AdwStyleManager:color-scheme */
static gboolean
style_variant_to_color_scheme (GValue   *value,
                               GVariant *variant,
                               gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  if (g_str_equal (nick, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (nick, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

static const GActionEntry app_entries[] = {
  { "new-window", new_window_action },
  { "open-recent", open_recent_action, "s" },
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
  { "zoom-in", zoom_action },
  { "zoom-out", zoom_action },
  { "zoom-reset", zoom_action },
};

static void
view_mode_changed_cb (LekhApplication *self,
                      const char      *key,
                      GSettings       *settings)
{
  gboolean source = g_settings_get_boolean (settings, "show-source");
  gboolean preview = g_settings_get_boolean (settings, "show-preview");
  GAction *action;

  /* Never hide both panes: hiding the preview of a preview-only window shows the source. */
  if (!source && !preview)
    {
      g_settings_set_boolean (settings, "show-source", TRUE);
      return;
    }

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "view-mode");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action),
                               g_variant_new_string (!preview ? "source" : !source ? "preview" : "split"));
}

static void
view_mode_activate_cb (GSimpleAction   *action,
                       GVariant        *parameter,
                       LekhApplication *self)
{
  const char *mode = g_variant_get_string (parameter, NULL);
  gboolean source = strcmp (mode, "preview") != 0;
  gboolean preview = strcmp (mode, "source") != 0;

  /* Turn on before turning off, so both panes are never hidden in between. */
  if (source)
    g_settings_set_boolean (self->settings, "show-source", TRUE);
  if (preview)
    g_settings_set_boolean (self->settings, "show-preview", TRUE);
  if (!source)
    g_settings_set_boolean (self->settings, "show-source", FALSE);
  if (!preview)
    g_settings_set_boolean (self->settings, "show-preview", FALSE);
}

static const struct
{
  const char *action;
  const char *accels[4];
} accels[] = {
  { "app.new-window", { "<Control>n" } },
  { "app.quit", { "<Control>q" } },
  { "win.show-site", { "<Control><Shift>o" } },
  { "app.view-mode::source", { "<Control>1" } },
  { "app.view-mode::split", { "<Control>2" } },
  { "app.view-mode::preview", { "<Control>3" } },
  { "app.preferences", { "<Control>comma" } },
  /* The form and the preview are per window: narrow windows show them in turn. */
  { "win.show-form", { "F9" } },
  { "win.show-preview-pane", { "<Control><Shift>p" } },
  { "win.fullscreen", { "F11" } },
  { "win.focus-mode", { "<Control><Shift>f" } },
  { "app.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add" } },
  { "app.zoom-out", { "<Control>minus", "<Control>KP_Subtract" } },
  { "app.zoom-reset", { "<Control>0", "<Control>KP_0" } },
};

static void
lekh_application_startup (GApplication *app)
{
  LekhApplication *self = LEKH_APPLICATION (app);
  const char *setting_actions[] = {
    "style-variant", "wrap-text", "show-line-numbers", "show-sidebar", "show-preview",
    "scroll-sync", "load-remote-images", NULL
  };

  G_APPLICATION_CLASS (lekh_application_parent_class)->startup (app);
  gtk_source_init ();
  g_set_application_name (_("Lekh"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; setting_actions[i] != NULL; i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, setting_actions[i]);

      g_action_map_add_action (G_ACTION_MAP (app), action);
    }
  g_settings_bind_with_mapping (self->settings, "style-variant",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET, style_variant_to_color_scheme, NULL,
                                NULL, NULL);

  /* View modes: source only, split, preview only — two settings, one radio action. */
  {
    g_autoptr(GSimpleAction) view_mode =
      g_simple_action_new_stateful ("view-mode", G_VARIANT_TYPE_STRING,
                                    g_variant_new_string ("split"));

    g_signal_connect_object (view_mode, "activate", G_CALLBACK (view_mode_activate_cb), self, 0);
    g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (view_mode));
    g_signal_connect_object (self->settings, "changed::show-source",
                             G_CALLBACK (view_mode_changed_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->settings, "changed::show-preview",
                             G_CALLBACK (view_mode_changed_cb), self, G_CONNECT_SWAPPED);
    view_mode_changed_cb (self, NULL, self->settings);
  }

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  self->recent_menu = g_menu_new ();
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  recent_changed_cb (self);

  self->drafts = lekh_draft_store_new (NULL);
  g_signal_connect (self, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_signal_connect (self, "window-removed", G_CALLBACK (window_removed_cb), NULL);
}

static void
window_added_cb (LekhApplication *self,
                 GtkWindow       *window)
{
  if (LEKH_IS_WINDOW (window))
    lekh_draft_store_add (self->drafts, lekh_window_get_document (LEKH_WINDOW (window)),
                          self->n_windows++);
}

static void
window_removed_cb (LekhApplication *self,
                   GtkWindow       *window)
{
  /* A window goes only once its changes are saved or the writer discarded them. */
  if (LEKH_IS_WINDOW (window))
    lekh_draft_store_remove (self->drafts, lekh_window_get_document (LEKH_WINDOW (window)));
}

static void
offer_recovery (LekhApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  _lekh_application_offer_recovery (self, LEKH_IS_WINDOW (active) ? LEKH_WINDOW (active) : NULL);
}

static void
lekh_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (create_window (LEKH_APPLICATION (app))));
  offer_recovery (LEKH_APPLICATION (app));
}

static void
lekh_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    lekh_application_open_file (LEKH_APPLICATION (app), files[i], NULL);
  offer_recovery (LEKH_APPLICATION (app));
}

static void
lekh_application_shutdown (GApplication *app)
{
  LekhApplication *self = LEKH_APPLICATION (app);

  if (self->drafts != NULL)
    lekh_draft_store_end_session (self->drafts);
  G_APPLICATION_CLASS (lekh_application_parent_class)->shutdown (app);
}

static void
lekh_application_dispose (GObject *object)
{
  LekhApplication *self = LEKH_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (lekh_application_parent_class)->dispose (object);
}

static void
lekh_application_class_init (LekhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lekh_application_dispose;
  app_class->activate = lekh_application_activate;
  app_class->open = lekh_application_open;
  app_class->startup = lekh_application_startup;
  app_class->shutdown = lekh_application_shutdown;
}

static void
lekh_application_init (LekhApplication *self)
{
}

LekhApplication *
lekh_application_new (void)
{
  return g_object_new (LEKH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/io/github/lekh/Lekh",
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}

GMenuModel *
lekh_application_get_recent_menu (LekhApplication *self)
{
  g_return_val_if_fail (LEKH_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}

LekhDraftStore *
lekh_application_get_draft_store (LekhApplication *self)
{
  g_return_val_if_fail (LEKH_IS_APPLICATION (self), NULL);
  return self->drafts;
}
