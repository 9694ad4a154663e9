/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-preferences-window.h"
#include "lekh-spell-checker.h"

struct _LekhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template children */
  GtkWidget            *font_kind_row;
  GtkWidget            *custom_font_row;
  GtkWidget            *custom_font_button;
  GtkWidget            *remote_images_switch;
  GtkWidget            *spelling_group;
  GtkWidget            *spell_check_switch;
  GtkWidget            *spell_language_row;
  char                **languages;
  GtkWidget            *draft_delay_spin;
  GtkWidget            *profile_row;
};

G_DEFINE_FINAL_TYPE (LekhPreferencesWindow, lekh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* An enum key and a combo row's position: the row's items are in the enum's order. */
static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[selected]);
}

static const char * const font_kinds[] = { "proportional", "monospace", "custom", NULL };
static const char * const profiles[] = { "generic", "docusaurus", "hugo", "jekyll", NULL };

static gboolean
kind_is_custom (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  g_value_set_boolean (value, g_str_equal (g_variant_get_string (variant, NULL), "custom"));
  return TRUE;
}

static void
lekh_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LEKH_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (lekh_preferences_window_parent_class)->dispose (object);
}

static void
lekh_preferences_window_finalize (GObject *object)
{
  LekhPreferencesWindow *self = LEKH_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->languages, g_strfreev);
  G_OBJECT_CLASS (lekh_preferences_window_parent_class)->finalize (object);
}

static void
lekh_preferences_window_class_init (LekhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_preferences_window_dispose;
  object_class->finalize = lekh_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lekh/Lekh/lekh-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LekhPreferencesWindow, font_kind_row);
  gtk_widget_class_bind_template_child (widget_class, LekhPreferencesWindow, custom_font_row);
  gtk_widget_class_bind_template_child (widget_class, LekhPreferencesWindow, custom_font_button);
  gtk_widget_class_bind_template_child (widget_class, LekhPreferencesWindow, remote_images_switch);
  gtk_widget_class_bind_template_child (widget_class, LekhPreferencesWindow, spelling_group);
  gtk_widget_class_bind_template_child (widget_class, LekhPreferencesWindow, spell_check_switch);
  gtk_widget_class_bind_template_child (widget_class, LekhPreferencesWindow, spell_language_row);
  gtk_widget_class_bind_template_child (widget_class, LekhPreferencesWindow, draft_delay_spin);
  gtk_widget_class_bind_template_child (widget_class, LekhPreferencesWindow, profile_row);
}

static void
lekh_preferences_window_init (LekhPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind_with_mapping (self->settings, "font-kind", self->font_kind_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                (gpointer) font_kinds, NULL);
  g_settings_bind_with_mapping (self->settings, "font-kind", self->custom_font_row, "sensitive",
                                G_SETTINGS_BIND_GET, kind_is_custom, NULL, NULL, NULL);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_settings_bind (self->settings, "custom-font", self->custom_font_button, "font",
                   G_SETTINGS_BIND_DEFAULT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_settings_bind (self->settings, "load-remote-images", self->remote_images_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "draft-delay", self->draft_delay_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "default-profile", self->profile_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                (gpointer) profiles, NULL);
  /* The language row lists enchant's dictionaries; its first row, "", means English. */
  {
    g_auto(GStrv) all = lekh_spell_checker_list_languages ();
    g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
    GPtrArray *nicks = g_ptr_array_new ();

    gtk_string_list_append (model, _("Automatic (English)"));
    g_ptr_array_add (nicks, g_strdup (""));
    for (guint i = 0; all[i] != NULL; i++)
      if (!g_str_has_prefix (all[i], "hi"))
        {
          gtk_string_list_append (model, all[i]);
          g_ptr_array_add (nicks, g_strdup (all[i]));
        }
    g_ptr_array_add (nicks, NULL);
    self->languages = (char **) g_ptr_array_free (nicks, FALSE);
    adw_combo_row_set_model (ADW_COMBO_ROW (self->spell_language_row), G_LIST_MODEL (model));
  }
  g_settings_bind (self->settings, "spell-check", self->spell_check_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "spell-check", self->spell_language_row, "sensitive",
                   G_SETTINGS_BIND_GET);
  /* NO_SENSITIVITY: the row's sensitivity follows spell-check, not this key's writability. */
  g_settings_bind_with_mapping (self->settings, "spell-language", self->spell_language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY, enum_to_selected, selected_to_enum,
                                self->languages, NULL);
}

GtkWidget *
lekh_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (LEKH_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
