/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-window-diagnostics"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-chip-editor.h"
#include "lekh-profile.h"
#include "lekh-text.h"
#include "lekh-window-diagnostics.h"

/* The validator's limits (title-length, description-length), for the live counters. */
#define TITLE_MAX 60
#define DESCRIPTION_MIN 50
#define DESCRIPTION_MAX 160

static const char * const field_keys[] = {
  "title", "description", "tags", "keywords", "authors", "image", "date", "draft",
};

typedef struct
{
  const char *key;
  GtkWidget  *widget;          /* the field's control or row */
  GtkWidget  *message_label;   /* below the field, or NULL for one-line rows */
  GtkWidget  *counter_label;   /* title and description */
  char       *message;
} FieldMark;

typedef struct
{
  LekhWindow         *window;
  gboolean            disposed;
  LekhValidator      *validator;
  GSettings          *settings;
  LekhSiteController *site;
  LekhDiagnostics    *diagnostics;
  GtkWidget          *problems;
  GtkWidget          *status_button;
  GtkWidget          *status_icon;
  GtkWidget          *status_label;
  GtkWidget          *permalink_group;
  GtkWidget          *permalink_row;
  char               *permalink;
  FieldMark           fields[G_N_ELEMENTS (field_keys)];
  GtkWidget          *description_view;
} WindowDiagnostics;

static WindowDiagnostics *
get_state (LekhWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "lekh-window-diagnostics");
}

static void
toast (WindowDiagnostics *wd,
       AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (lekh_window_get_editor (wd->window)),
                                                ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Header bar status */

static void
update_status (WindowDiagnostics *wd)
{
  guint n_errors = lekh_diagnostics_get_n_errors (wd->diagnostics);
  guint n_warnings = lekh_diagnostics_get_n_warnings (wd->diagnostics);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  const char *icon;

  gtk_widget_remove_css_class (wd->status_button, "error");
  gtk_widget_remove_css_class (wd->status_button, "warning");
  if (n_errors > 0 && n_warnings > 0)
    {
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings),
                                                   n_warnings);

      /* Translators: the header's problem count, e.g. "1 error, 2 warnings" */
      text = g_strdup_printf (_("%s, %s"), errors, warnings);
      icon = "dialog-error-symbolic";
      gtk_widget_add_css_class (wd->status_button, "error");
    }
  else if (n_errors > 0)
    {
      text = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
      icon = "dialog-error-symbolic";
      gtk_widget_add_css_class (wd->status_button, "error");
    }
  else if (n_warnings > 0)
    {
      text = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
      icon = "dialog-warning-symbolic";
      gtk_widget_add_css_class (wd->status_button, "warning");
    }
  else
    {
      text = g_strdup (_("No problems"));
      icon = "object-select-symbolic";
    }
  gtk_label_set_text (GTK_LABEL (wd->status_label), text);
  gtk_image_set_from_icon_name (GTK_IMAGE (wd->status_icon), icon);
  tooltip = g_strdup_printf (_("%s — show the problems list"), text);
  gtk_widget_set_tooltip_text (wd->status_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (wd->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
window_classes_cb (WindowDiagnostics *wd)
{
  /* A narrow window shows the problem count's icon only (the text is in its tooltip). */
  gtk_widget_set_visible (wd->status_label,
                          !gtk_widget_has_css_class (GTK_WIDGET (wd->window), "narrow"));
}

static void
status_clicked_cb (WindowDiagnostics *wd)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Reveal the side panel, then the list in it. */
  g_settings_set_boolean (settings, "show-sidebar", TRUE);
  gtk_widget_set_visible (GTK_WIDGET (lekh_window_get_metadata_panel (wd->window)), TRUE);
  lekh_problems_list_focus (LEKH_PROBLEMS_LIST (wd->problems));
}

/* Form fields */

static FieldMark *
field_mark (WindowDiagnostics *wd,
            const char        *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_keys); i++)
    if (g_strcmp0 (wd->fields[i].key, key) == 0)
      return &wd->fields[i];
  return NULL;
}

static void
update_fields (WindowDiagnostics *wd)
{
  GPtrArray *items = lekh_diagnostics_get_items (wd->diagnostics);

  for (guint f = 0; f < G_N_ELEMENTS (field_keys); f++)
    {
      FieldMark *mark = &wd->fields[f];
      LekhDiagnostic *worst = NULL;
      g_autoptr(GString) messages = g_string_new (NULL);

      if (mark->widget == NULL)
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

      gtk_widget_remove_css_class (mark->widget, "error");
      gtk_widget_remove_css_class (mark->widget, "warning");
      g_clear_pointer (&mark->message, g_free);
      if (worst != NULL)
        {
          gtk_widget_add_css_class (mark->widget,
                                    worst->severity == LEKH_SEVERITY_ERROR ? "error" : "warning");
          mark->message = g_string_free (g_steal_pointer (&messages), FALSE);
        }

      if (mark->message_label != NULL)
        {
          gtk_label_set_text (GTK_LABEL (mark->message_label), mark->message ? mark->message : "");
          gtk_widget_set_visible (mark->message_label, mark->message != NULL);
          gtk_widget_remove_css_class (mark->message_label, "error");
          gtk_widget_remove_css_class (mark->message_label, "warning");
          if (worst != NULL)
            gtk_widget_add_css_class (mark->message_label,
                                      worst->severity == LEKH_SEVERITY_ERROR ? "error" : "warning");
        }
      else
        gtk_widget_set_tooltip_text (mark->widget, mark->message);

      /* Screen readers hear the problem with the field. */
      if (mark->message != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (mark->widget),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mark->message, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (mark->widget),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
set_counter (GtkWidget  *label,
             const char *text,
             gsize       min,
             gsize       max)
{
  gsize n = lekh_text_count_graphemes (text, -1);
  g_autofree char *counter = g_strdup_printf ("%" G_GSIZE_FORMAT " / %" G_GSIZE_FORMAT, n, max);
  gboolean bad = n > max || (n > 0 && n < min);

  gtk_label_set_text (GTK_LABEL (label), counter);
  gtk_widget_set_visible (label, n > 0);
  if (bad)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
update_title_counter (WindowDiagnostics *wd)
{
  FieldMark *mark = field_mark (wd, "title");

  set_counter (mark->counter_label, gtk_editable_get_text (GTK_EDITABLE (mark->widget)), 0, TITLE_MAX);
}

static void
update_description_counter (WindowDiagnostics *wd)
{
  FieldMark *mark = field_mark (wd, "description");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (wd->description_view));
  g_autofree char *text = NULL;
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  text = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
  set_counter (mark->counter_label, text, DESCRIPTION_MIN, DESCRIPTION_MAX);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
create_message_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "lekh-field-message");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static GtkWidget *
create_counter_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "lekh-field-counter");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
setup_fields (WindowDiagnostics *wd)
{
  LekhMetadataPanel *panel = lekh_window_get_metadata_panel (wd->window);

  for (guint i = 0; i < G_N_ELEMENTS (field_keys); i++)
    {
      FieldMark *mark = &wd->fields[i];
      GtkWidget *parent;

      mark->key = field_keys[i];
      mark->widget = lekh_metadata_panel_get_field_widget (panel, mark->key);
      if (mark->widget == NULL)
        continue;

      if (LEKH_IS_CHIP_EDITOR (mark->widget) &&
          GTK_IS_BOX (parent = gtk_widget_get_parent (mark->widget)))
        {
          /* Below the chips, inside the field's row. */
          mark->message_label = create_message_label ();
          gtk_box_insert_child_after (GTK_BOX (parent), mark->message_label, mark->widget);
        }
      else if (g_str_equal (mark->key, "description"))
        {
          GtkWidget *view = find_descendant (mark->widget, GTK_TYPE_TEXT_VIEW);
          GtkWidget *box;
          GtkWidget *footer;

          if (view == NULL || !GTK_IS_BOX (box = gtk_widget_get_parent (view)))
            continue;
          wd->description_view = view;
          footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          mark->message_label = create_message_label ();
          gtk_widget_set_hexpand (mark->message_label, TRUE);
          mark->counter_label = create_counter_label ();
          gtk_widget_set_valign (mark->counter_label, GTK_ALIGN_START);
          gtk_box_append (GTK_BOX (footer), mark->message_label);
          gtk_box_append (GTK_BOX (footer), mark->counter_label);
          gtk_box_insert_child_after (GTK_BOX (box), footer, view);
          g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                                    G_CALLBACK (update_description_counter), wd);
        }
      else if (g_str_equal (mark->key, "title") && ADW_IS_ENTRY_ROW (mark->widget))
        {
          mark->counter_label = create_counter_label ();
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (mark->widget), mark->counter_label);
          g_signal_connect_swapped (mark->widget, "changed", G_CALLBACK (update_title_counter), wd);
        }
    }
}

/* Permalink */

static void
update_permalink (WindowDiagnostics *wd)
{
  LekhDocument *document = lekh_window_get_document (wd->window);

  g_clear_pointer (&wd->permalink, g_free);
  wd->permalink = lekh_site_controller_dup_permalink (wd->site, lekh_document_get_article (document));
  if (wd->permalink != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (wd->permalink_row), wd->permalink);
  gtk_widget_set_visible (wd->permalink_group, wd->permalink != NULL);
}

/* Quick fixes */

static void
undo_site_fix_cb (AdwToast          *toast,
                  WindowDiagnostics *wd)
{
  g_autoptr(GError) error = NULL;

  if (wd->disposed)
    return;
  if (!lekh_diagnostics_undo_site_fix (wd->diagnostics, &error))
    lekh_window_add_toast (wd->window, error->message);
}

static void
site_file_fixed_cb (WindowDiagnostics *wd,
                    const char        *description)
{
  AdwToast *t = adw_toast_new (description);

  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_timeout (t, 8);
  g_signal_connect (t, "button-clicked", G_CALLBACK (undo_site_fix_cb), wd);
  toast (wd, t);
}

static void
fix_failed_cb (WindowDiagnostics *wd,
               const char        *message)
{
  lekh_window_add_toast (wd->window, message);
}

static void
jump_to_cb (WindowDiagnostics *wd,
            guint              line,
            guint              column)
{
  LekhEditor *editor = lekh_window_get_editor (wd->window);

  lekh_editor_jump_to (editor, line, column);
  gtk_widget_grab_focus (GTK_WIDGET (lekh_editor_get_view (editor)));
}

static void
quick_fix_action (GSimpleAction     *action,
                  GVariant          *parameter,
                  WindowDiagnostics *wd)
{
  LekhDocument *document = lekh_window_get_document (wd->window);
  g_autoptr(GError) error = NULL;
  LekhDiagnostic *diagnostic;
  gboolean site_file;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (document), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (document)));
  diagnostic = lekh_diagnostics_get_at_iter (wd->diagnostics, &iter);
  if (diagnostic == NULL || diagnostic->fix_kind == LEKH_FIX_NONE)
    {
      lekh_window_add_toast (wd->window, diagnostic ? _("This problem has no quick fix")
                                                    : _("No problem with a quick fix here"));
      return;
    }
  site_file = diagnostic->fix_kind == LEKH_FIX_ADD_AUTHOR || diagnostic->fix_kind == LEKH_FIX_ADD_TAG;
  {
    g_autoptr(LekhDiagnostic) keep = lekh_diagnostic_ref (diagnostic);

    if (!lekh_diagnostics_apply_fix (wd->diagnostics, keep, &error))
      lekh_window_add_toast (wd->window, error->message);
    else if (site_file)
      site_file_fixed_cb (wd, keep->fix_description);
  }
}

static gboolean
quick_fix_shortcut_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  WindowDiagnostics *wd = user_data;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (wd->window));
  LekhDiagnostic *diagnostic;
  GtkTextIter iter;

  if (wd->disposed)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  diagnostic = lekh_diagnostics_get_at_iter (wd->diagnostics, &iter);
  if (diagnostic == NULL || diagnostic->fix_kind == LEKH_FIX_NONE)
    return FALSE;
  quick_fix_action (NULL, NULL, wd);
  return TRUE;
}

static void
setup_quick_fix (WindowDiagnostics *wd)
{
  GtkSourceView *view = lekh_editor_get_view (lekh_window_get_editor (wd->window));
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("quick-fix", NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GMenuModel *existing = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (view));
  GtkEventController *shortcuts;

  g_signal_connect (action, "activate", G_CALLBACK (quick_fix_action), wd);
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
                                                                                   wd, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), shortcuts);
}

/* Wiring */

static void
diagnostics_changed_cb (WindowDiagnostics *wd)
{
  if (wd->disposed)
    return;
  update_status (wd);
  update_fields (wd);
}

static void
article_changed_cb (WindowDiagnostics *wd)
{
  if (!wd->disposed)
    update_permalink (wd);
}

static void
teardown (WindowDiagnostics *wd)
{
  if (wd->disposed)
    return;
  wd->disposed = TRUE;
  g_signal_handlers_disconnect_by_data (wd->diagnostics, wd);
  g_signal_handlers_disconnect_by_data (wd->site, wd);
  g_signal_handlers_disconnect_by_data (wd->settings, wd);
  g_signal_handlers_disconnect_by_data (lekh_window_get_document (wd->window), wd);
  g_signal_handlers_disconnect_by_func (wd->window, window_classes_cb, wd);
  g_object_run_dispose (G_OBJECT (wd->diagnostics));
  g_object_run_dispose (G_OBJECT (wd->site));
}

static void
window_diagnostics_free (WindowDiagnostics *wd)
{
  teardown (wd);
  g_clear_object (&wd->diagnostics);
  g_clear_object (&wd->site);
  g_clear_pointer (&wd->validator, lekh_validator_unref);
  g_clear_object (&wd->settings);
  for (guint i = 0; i < G_N_ELEMENTS (field_keys); i++)
    g_free (wd->fields[i].message);
  g_free (wd->permalink);
  g_free (wd);
}

static void
default_profile_cb (WindowDiagnostics *wd)
{
  g_autofree char *name = g_settings_get_string (wd->settings, "default-profile");

  /* Preferences → Default Site Profile: the rules for articles outside any site. */
  lekh_validator_set_default_profile (wd->validator, lekh_profile_lookup (name));
  lekh_validator_invalidate (wd->validator);
  lekh_diagnostics_refresh (wd->diagnostics);
}

void
lekh_window_setup_diagnostics (LekhWindow *self)
{
  WindowDiagnostics *wd = g_new0 (WindowDiagnostics, 1);
  LekhMetadataPanel *panel = lekh_window_get_metadata_panel (self);
  LekhEditor *editor = lekh_window_get_editor (self);
  LekhDocument *document = lekh_window_get_document (self);
  static const struct { const char *key; LekhSiteField field; } chips[] = {
    { "tags", LEKH_SITE_FIELD_TAGS },
    { "keywords", LEKH_SITE_FIELD_KEYWORDS },
    { "authors", LEKH_SITE_FIELD_AUTHORS },
  };
  GtkWidget *box;

  g_return_if_fail (LEKH_IS_WINDOW (self));
  g_return_if_fail (get_state (self) == NULL);

  wd->window = self;
  g_object_set_data_full (G_OBJECT (self), "lekh-window-diagnostics", wd,
                          (GDestroyNotify) window_diagnostics_free);
  g_signal_connect_swapped (self, "destroy", G_CALLBACK (teardown), wd);

  wd->validator = lekh_validator_new ();
  wd->site = lekh_site_controller_new (wd->validator);
  wd->diagnostics = lekh_diagnostics_new (lekh_editor_get_view (editor), wd->validator, wd->site);
  wd->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (wd->settings, "changed::default-profile", G_CALLBACK (default_profile_cb), wd);
  {
    g_autofree char *name = g_settings_get_string (wd->settings, "default-profile");
    lekh_validator_set_default_profile (wd->validator, lekh_profile_lookup (name));
  }

  for (guint i = 0; i < G_N_ELEMENTS (chips); i++)
    {
      GtkWidget *chip_editor = lekh_metadata_panel_get_field_widget (panel, chips[i].key);

      if (LEKH_IS_CHIP_EDITOR (chip_editor))
        lekh_site_controller_attach (wd->site, LEKH_CHIP_EDITOR (chip_editor), chips[i].field);
    }

  /* The panel: the permalink, and above it the problems. */
  wd->permalink_group = adw_preferences_group_new ();
  wd->permalink_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (wd->permalink_row), _("Permalink"));
  gtk_widget_add_css_class (wd->permalink_row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (wd->permalink_group), wd->permalink_row);
  gtk_widget_set_visible (wd->permalink_group, FALSE);
  lekh_metadata_panel_add_section (panel, wd->permalink_group);

  wd->problems = lekh_problems_list_new (wd->diagnostics);
  lekh_metadata_panel_add_section (panel, wd->problems);
  g_signal_connect_swapped (wd->problems, "jump-to", G_CALLBACK (jump_to_cb), wd);
  g_signal_connect_swapped (wd->problems, "fix-failed", G_CALLBACK (fix_failed_cb), wd);
  g_signal_connect_swapped (wd->problems, "site-file-fixed", G_CALLBACK (site_file_fixed_cb), wd);

  /* The header bar: the state at a glance. */
  wd->status_button = gtk_button_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  wd->status_icon = gtk_image_new ();
  wd->status_label = gtk_label_new (NULL);
  /* Narrow windows: the count gives way before the window does. */
  gtk_label_set_ellipsize (GTK_LABEL (wd->status_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), wd->status_icon);
  gtk_box_append (GTK_BOX (box), wd->status_label);
  gtk_button_set_child (GTK_BUTTON (wd->status_button), box);
  gtk_widget_add_css_class (wd->status_button, "flat");
  gtk_widget_add_css_class (wd->status_button, "lekh-diagnostics-status");
  g_signal_connect_swapped (wd->status_button, "clicked", G_CALLBACK (status_clicked_cb), wd);
  lekh_window_add_header_widget (self, wd->status_button, GTK_PACK_END);
  g_signal_connect_swapped (self, "notify::css-classes", G_CALLBACK (window_classes_cb), wd);
  window_classes_cb (wd);

  setup_fields (wd);
  setup_quick_fix (wd);

  g_signal_connect_swapped (wd->diagnostics, "changed", G_CALLBACK (diagnostics_changed_cb), wd);
  g_signal_connect_swapped (wd->site, "changed", G_CALLBACK (article_changed_cb), wd);
  g_signal_connect_swapped (document, "article-changed", G_CALLBACK (article_changed_cb), wd);

  update_status (wd);
  update_permalink (wd);
}

LekhDiagnostics *
lekh_window_get_diagnostics (LekhWindow *self)
{
  WindowDiagnostics *wd = get_state (self);

  return wd ? wd->diagnostics : NULL;
}

LekhSiteController *
lekh_window_get_site_controller (LekhWindow *self)
{
  WindowDiagnostics *wd = get_state (self);

  return wd ? wd->site : NULL;
}

LekhProblemsList *
lekh_window_get_problems_list (LekhWindow *self)
{
  WindowDiagnostics *wd = get_state (self);

  return wd ? LEKH_PROBLEMS_LIST (wd->problems) : NULL;
}

GtkWidget *
lekh_window_get_diagnostics_status (LekhWindow *self)
{
  WindowDiagnostics *wd = get_state (self);

  return wd ? wd->status_button : NULL;
}

const char *
lekh_window_get_permalink (LekhWindow *self)
{
  WindowDiagnostics *wd = get_state (self);

  return wd && gtk_widget_get_visible (wd->permalink_group) ? wd->permalink : NULL;
}

const char *
lekh_window_get_field_message (LekhWindow *self,
                               const char *key)
{
  WindowDiagnostics *wd = get_state (self);
  FieldMark *mark = wd ? field_mark (wd, key) : NULL;

  return mark ? mark->message : NULL;
}

const char *
lekh_window_get_field_counter (LekhWindow *self,
                               const char *key)
{
  WindowDiagnostics *wd = get_state (self);
  FieldMark *mark = wd ? field_mark (wd, key) : NULL;

  if (mark == NULL || mark->counter_label == NULL || !gtk_widget_get_visible (mark->counter_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (mark->counter_label));
}
