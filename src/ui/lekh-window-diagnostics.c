/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-window-diagnostics"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-chip-editor.h"
#include "lekh-profile.h"
#include "lekh-validator.h"
#include "lekh-window-private.h"

/* The validator's limits (title-length, description-length): lekh-validator.c keeps them
 * private; they belong in its header. */

static const char * const field_keys[LEKH_WINDOW_N_FIELD_MARKS] = {
  "title", "description", "tags", "keywords", "authors", "image", "date", "draft",
};

/* Header bar status */

static void
update_status (LekhWindow *self)
{
  guint n_errors = lekh_diagnostics_get_n_errors (self->diagnostics);
  guint n_warnings = lekh_diagnostics_get_n_warnings (self->diagnostics);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  const char *icon;

  gtk_widget_remove_css_class (self->status_button, "error");
  gtk_widget_remove_css_class (self->status_button, "warning");
  if (n_errors > 0 && n_warnings > 0)
    {
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings),
                                                   n_warnings);

      /* Translators: the header's problem count, e.g. "1 error, 2 warnings" */
      text = g_strdup_printf (_("%s, %s"), errors, warnings);
      icon = "dialog-error-symbolic";
      gtk_widget_add_css_class (self->status_button, "error");
    }
  else if (n_errors > 0)
    {
      text = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
      icon = "dialog-error-symbolic";
      gtk_widget_add_css_class (self->status_button, "error");
    }
  else if (n_warnings > 0)
    {
      text = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
      icon = "dialog-warning-symbolic";
      gtk_widget_add_css_class (self->status_button, "warning");
    }
  else
    {
      text = g_strdup (_("No problems"));
      icon = "object-select-symbolic";
    }
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), icon);
  tooltip = g_strdup_printf (_("%s — show the problems list"), text);
  gtk_widget_set_tooltip_text (self->status_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
window_classes_cb (LekhWindow *self)
{
  /* A narrow window shows the problem count's icon only (the text is in its tooltip). */
  if (self->status_label != NULL)
    gtk_widget_set_visible (self->status_label,
                          !gtk_widget_has_css_class (GTK_WIDGET (self), "narrow"));
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LekhWindow *self = LEKH_WINDOW (widget);

  /* Reveal the side panel, then the list in it. */
  g_settings_set_boolean (self->settings, "show-sidebar", TRUE);
  gtk_widget_set_visible (self->metadata_panel, TRUE);
  lekh_problems_list_focus (LEKH_PROBLEMS_LIST (self->problems));
}

/* Form fields */

static LekhWindowFieldMark *
field_mark (LekhWindow *self,
            const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_keys); i++)
    if (g_strcmp0 (self->fields[i].key, key) == 0)
      return &self->fields[i];
  return NULL;
}

static void
update_fields (LekhWindow *self)
{
  GPtrArray *items = lekh_diagnostics_get_items (self->diagnostics);

  for (guint f = 0; f < G_N_ELEMENTS (field_keys); f++)
    {
      LekhWindowFieldMark *mark = &self->fields[f];
      LekhDiagnostic *worst = NULL;
      g_autoptr(GString) messages = g_string_new (NULL);

      if (mark->key == NULL)
        continue;
      for (guint i = 0; items && i < items->len; i++)
        {
          LekhDiagnostic *diagnostic = g_ptr_array_index (items, i);

          if (g_strcmp0 (diagnostic->key, mark->key) != 0 ||
              diagnostic->severity == LEKH_SEVERITY_INFO)
            continue;
          if (worst == NULL || diagnostic->severity < worst->severity)
            worst = diagnostic;
          if (messages->len > 0)
            g_string_append_c (messages, '\n');
          g_string_append (messages, diagnostic->message);
        }

      g_clear_pointer (&mark->message, g_free);
      if (worst != NULL)
        mark->message = g_string_free (g_steal_pointer (&messages), FALSE);
      lekh_metadata_panel_set_field_problem (LEKH_METADATA_PANEL (self->metadata_panel),
                                             mark->key,
                                             worst ? worst->severity : LEKH_SEVERITY_INFO,
                                             mark->message);
    }
}

static void
setup_fields (LekhWindow *self)
{
  LekhMetadataPanel *panel = LEKH_METADATA_PANEL (self->metadata_panel);

  /* Only the fields the form has show their problems. */
  for (guint i = 0; i < G_N_ELEMENTS (field_keys); i++)
    if (lekh_metadata_panel_get_field_widget (panel, field_keys[i]) != NULL)
      self->fields[i].key = field_keys[i];

  /* The validator's limits (title-length, description-length), for the live counters. */
  lekh_metadata_panel_set_length_limits (panel, "title", 0, LEKH_VALIDATOR_TITLE_MAX);
  lekh_metadata_panel_set_length_limits (panel, "description", LEKH_VALIDATOR_DESCRIPTION_MIN,
                                         LEKH_VALIDATOR_DESCRIPTION_MAX);
}

/* Permalink */

static void
update_permalink (LekhWindow *self)
{
  LekhDocument *document = self->document;

  g_clear_pointer (&self->permalink, g_free);
  self->permalink = lekh_site_controller_dup_permalink (self->site, lekh_document_get_article (document));
  if (self->permalink != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->permalink_row), self->permalink);
  gtk_widget_set_visible (self->permalink_group, self->permalink != NULL);
}

/* Quick fixes */

static void
undo_site_fix_cb (AdwToast   *toast,
                  LekhWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->diagnostics == NULL)
    return;
  if (!lekh_diagnostics_undo_site_fix (self->diagnostics, &error))
    lekh_window_add_toast (self, error->message);
}

static void
site_file_fixed_cb (LekhWindow *self,
                    const char *description)
{
  AdwToast *t = adw_toast_new (description);

  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_timeout (t, 8);
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_site_fix_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), t);
}

static void
fix_failed_cb (LekhWindow *self,
               const char *message)
{
  lekh_window_add_toast (self, message);
}

static void
jump_to_cb (LekhWindow *self,
            guint      line,
            guint      column)
{
  LekhEditor *editor = LEKH_EDITOR (self->editor);

  lekh_editor_jump_to (editor, line, column);
  gtk_widget_grab_focus (GTK_WIDGET (lekh_editor_get_view (editor)));
}

static void
quick_fix_action (GSimpleAction *action,
                  GVariant      *parameter,
                  LekhWindow    *self)
{
  LekhDocument *document = self->document;
  g_autoptr(GError) error = NULL;
  LekhDiagnostic *diagnostic;
  gboolean site_file;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (document), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (document)));
  diagnostic = lekh_diagnostics_get_at_iter (self->diagnostics, &iter);
  if (diagnostic == NULL || diagnostic->fix_kind == LEKH_FIX_NONE)
    {
      lekh_window_add_toast (self, diagnostic ? _("This problem has no quick fix")
                                                    : _("No problem with a quick fix here"));
      return;
    }
  site_file = diagnostic->fix_kind == LEKH_FIX_ADD_AUTHOR || diagnostic->fix_kind == LEKH_FIX_ADD_TAG;
  {
    g_autoptr(LekhDiagnostic) keep = lekh_diagnostic_ref (diagnostic);

    if (!lekh_diagnostics_apply_fix (self->diagnostics, keep, &error))
      lekh_window_add_toast (self, error->message);
    else if (site_file)
      site_file_fixed_cb (self, keep->fix_description);
  }
}

static gboolean
quick_fix_shortcut_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer  user_data)
{
  LekhWindow *self = user_data;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  LekhDiagnostic *diagnostic;
  GtkTextIter iter;

  if (self->diagnostics == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  diagnostic = lekh_diagnostics_get_at_iter (self->diagnostics, &iter);
  if (diagnostic == NULL || diagnostic->fix_kind == LEKH_FIX_NONE)
    return FALSE;
  quick_fix_action (NULL, NULL, self);
  return TRUE;
}

static void
setup_quick_fix (LekhWindow *self)
{
  GtkSourceView *view = lekh_editor_get_view (LEKH_EDITOR (self->editor));
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("quick-fix", NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GMenuModel *existing = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (view));
  GtkEventController *shortcuts;

  g_signal_connect_object (action, "activate", G_CALLBACK (quick_fix_action), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (view), "diagnostics", G_ACTION_GROUP (group));

  /* The context menu keeps what the editor put there and gains the quick fix. */
  item = g_menu_item_new (_("_Quick Fix"), "diagnostics.quick-fix");
  g_menu_item_set_attribute (item, "accel", "s", "<Control>period");
  g_menu_append_item (menu, item);
  if (existing != NULL)
    g_menu_append_section (menu, NULL, existing);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (view), G_MENU_MODEL (menu));

  /* GtkTextView binds Ctrl+. to the emoji chooser: take the key before it, but only
   * where there is something to fix, so the emoji chooser still opens elsewhere. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>period"),
                                                          gtk_callback_action_new (quick_fix_shortcut_cb,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), shortcuts);
}

/* Wiring */

static void
diagnostics_changed_cb (LekhWindow *self)
{
  if (self->diagnostics == NULL)
    return;
  update_status (self);
  update_fields (self);
}

static void
article_changed_cb (LekhWindow *self)
{
  if (self->site != NULL)
    update_permalink (self);
}

/* A handler, not a binding: the validator is not a GObject, and a change must re-check. */
static void
default_profile_cb (LekhWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "default-profile");

  if (self->validator == NULL)
    return;
  /* Preferences → Default Site Profile: the rules for articles outside any site. */
  lekh_validator_set_default_profile (self->validator, lekh_profile_lookup (name));
  lekh_validator_invalidate (self->validator);
  if (self->diagnostics != NULL)
    lekh_diagnostics_refresh (self->diagnostics);
}

static void
setup_panel (LekhWindow *self)
{
  LekhMetadataPanel *panel = LEKH_METADATA_PANEL (self->metadata_panel);

  /* The permalink, and above it the problems. */
  self->permalink_group = adw_preferences_group_new ();
  self->permalink_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->permalink_row), _("Permalink"));
  gtk_widget_add_css_class (self->permalink_row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->permalink_group), self->permalink_row);
  gtk_widget_set_visible (self->permalink_group, FALSE);
  lekh_metadata_panel_add_section (panel, self->permalink_group);

  self->problems = lekh_problems_list_new (self->diagnostics);
  lekh_metadata_panel_add_section (panel, self->problems);
  g_signal_connect_object (self->problems, "jump-to", G_CALLBACK (jump_to_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->problems, "fix-failed", G_CALLBACK (fix_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->problems, "site-file-fixed", G_CALLBACK (site_file_fixed_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_lekh_window_diagnostics_init (LekhWindow *self)
{
  LekhMetadataPanel *panel = LEKH_METADATA_PANEL (self->metadata_panel);
  static const struct { const char *key; LekhSiteField field; } chips[] = {
    { "tags", LEKH_SITE_FIELD_TAGS },
    { "keywords", LEKH_SITE_FIELD_KEYWORDS },
    { "authors", LEKH_SITE_FIELD_AUTHORS },
  };
  g_autofree char *profile = NULL;

  g_assert (LEKH_IS_WINDOW (self));
  g_assert (self->diagnostics == NULL);

  self->validator = lekh_validator_new ();
  self->site = lekh_site_controller_new (self->validator);
  self->diagnostics = lekh_diagnostics_new (lekh_editor_get_view (LEKH_EDITOR (self->editor)),
                                            self->validator, self->site);
  g_signal_connect_object (self->settings, "changed::default-profile",
                           G_CALLBACK (default_profile_cb), self, G_CONNECT_SWAPPED);
  profile = g_settings_get_string (self->settings, "default-profile");
  lekh_validator_set_default_profile (self->validator, lekh_profile_lookup (profile));

  for (guint i = 0; i < G_N_ELEMENTS (chips); i++)
    {
      GtkWidget *chip_editor = lekh_metadata_panel_get_field_widget (panel, chips[i].key);

      if (LEKH_IS_CHIP_EDITOR (chip_editor))
        lekh_site_controller_attach (self->site, LEKH_CHIP_EDITOR (chip_editor), chips[i].field);
    }

  setup_panel (self);
  /* The header bar's status button (in the template): the state at a glance. */
  g_signal_connect_object (self, "notify::css-classes", G_CALLBACK (window_classes_cb), self,
                           G_CONNECT_SWAPPED);
  window_classes_cb (self);
  setup_fields (self);
  setup_quick_fix (self);

  g_signal_connect_object (self->diagnostics, "changed", G_CALLBACK (diagnostics_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->site, "changed", G_CALLBACK (article_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "article-changed", G_CALLBACK (article_changed_cb),
                           self, G_CONNECT_SWAPPED);

  update_status (self);
  update_permalink (self);
}

void
_lekh_window_class_diagnostics_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, status_label);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
}

void
_lekh_window_diagnostics_dispose (LekhWindow *self)
{
  if (self->diagnostics == NULL)
    return;

  /* The checker and the site index work in threads and on timeouts: stop them before the
   * widgets they update go away. */
  g_signal_handlers_disconnect_by_data (self->diagnostics, self);
  g_signal_handlers_disconnect_by_data (self->site, self);
  g_object_run_dispose (G_OBJECT (self->diagnostics));
  g_object_run_dispose (G_OBJECT (self->site));
  g_clear_object (&self->diagnostics);
  g_clear_object (&self->site);
  g_clear_pointer (&self->validator, lekh_validator_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    g_clear_pointer (&self->fields[i].message, g_free);
  g_clear_pointer (&self->permalink, g_free);
}

LekhDiagnostics *
lekh_window_get_diagnostics (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return self->diagnostics;
}

LekhSiteController *
lekh_window_get_site_controller (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return self->site;
}

LekhProblemsList *
lekh_window_get_problems_list (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return self->problems ? LEKH_PROBLEMS_LIST (self->problems) : NULL;
}

GtkWidget *
lekh_window_get_diagnostics_status (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return self->status_button;
}

const char *
lekh_window_get_permalink (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return gtk_widget_get_visible (self->permalink_group) ? self->permalink : NULL;
}

const char *
lekh_window_get_field_message (LekhWindow *self,
                               const char *key)
{
  LekhWindowFieldMark *mark;

  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  mark = field_mark (self, key);
  return mark ? mark->message : NULL;
}

const char *
lekh_window_get_field_counter (LekhWindow *self,
                               const char *key)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return lekh_metadata_panel_get_field_counter (LEKH_METADATA_PANEL (self->metadata_panel), key);
}
