/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-window-layout"

#include "config.h"

#include "lekh-editor.h"
#include "lekh-fold-bin.h"
#include "lekh-window-private.h"

/* Which panes show is computed here, in one place, from the view settings (show-source,
 * show-preview, show-sidebar), the window's width and focus mode:
 *  - wide enough: the form beside the text and source beside preview, as the settings say;
 *  - narrower than form + text: the form becomes an overlay (AdwFlap folds), opened with F9
 *    or the form button and closed with Escape or a click beside it;
 *  - narrower than source + preview: one pane at a time (the fold bin folds), the preview
 *    button switches between them, and the source keeps its cursor and scroll position;
 *  - focus mode: the source alone, its text in a centred column. */

void
_lekh_window_update_panes (LekhWindow *self)
{
  gboolean source = g_settings_get_boolean (self->settings, "show-source");
  gboolean preview = self->preview != NULL && g_settings_get_boolean (self->settings, "show-preview");
  gboolean narrow = lekh_fold_bin_get_folded (LEKH_FOLD_BIN (self->fold_bin));
  GAction *action;

  if (self->focus_mode)
    {
      source = TRUE;
      preview = FALSE;
    }
  else if (narrow && source && preview)
    {
      preview = self->narrow_preview;
      source = !preview;
    }
  else if (!source && !preview)
    source = TRUE;

  gtk_widget_set_visible (self->editor, source);
  gtk_widget_set_visible (self->preview_slot, preview);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-preview-pane");
  if (action != NULL)
    {
      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (preview));
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->preview != NULL && !self->focus_mode);
    }
}

static void
ellipsize_button (GtkWidget *button)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  if (GTK_IS_LABEL (label))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
}

static void
update_form (LekhWindow *self)
{
  AdwFlap *flap = ADW_FLAP (self->flap);
  gboolean reveal;

  /* Narrow: Open is in the main menu, and the title needs the room. */
  gtk_widget_set_visible (self->open_button, !adw_flap_get_folded (flap));
  /* Other parts of the window (the problem count) follow this class. */
  if (adw_flap_get_folded (flap))
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
  if (adw_flap_get_folded (flap))
    gtk_button_set_icon_name (GTK_BUTTON (self->save_button), "document-save-symbolic");
  else if (self->save_label != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (self->save_button), self->save_label);
      ellipsize_button (self->save_button);
    }

  if (self->focus_mode)
    reveal = FALSE;
  else if (adw_flap_get_folded (flap))
    reveal = FALSE;
  else
    reveal = g_settings_get_boolean (self->settings, "show-sidebar");
  adw_flap_set_reveal_flap (flap, reveal);
}

static void
show_form_change_state_cb (GSimpleAction *action,
                           GVariant      *state,
                           LekhWindow    *self)
{
  adw_flap_set_reveal_flap (ADW_FLAP (self->flap), g_variant_get_boolean (state));
}

static void
fullscreen_change_state_cb (GSimpleAction *action,
                            GVariant      *state,
                            LekhWindow    *self)
{
  if (g_variant_get_boolean (state))
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

static void
fullscreened_cb (LekhWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "fullscreen");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (gtk_window_is_fullscreen (GTK_WINDOW (self))));
}

static gboolean
folded_idle_cb (gpointer data)
{
  LekhWindow *self = data;

  self->folded_idle = 0;
  update_form (self);
  return G_SOURCE_REMOVE;
}

static void
folded_cb (LekhWindow *self)
{
  /* AdwFlap folds from inside its allocation: answer after it. */
  if (self->folded_idle == 0)
    self->folded_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, folded_idle_cb, self, NULL);
}

static void
reveal_changed_cb (LekhWindow *self)
{
  gboolean reveal = adw_flap_get_reveal_flap (ADW_FLAP (self->flap));
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-form");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (reveal));

  /* Beside the text, the form's visibility is the setting; as an overlay it is only this
   * window's, and closing it does not hide the form of wide windows. */
  if (!self->focus_mode && !adw_flap_get_folded (ADW_FLAP (self->flap)) &&
      g_settings_get_boolean (self->settings, "show-sidebar") != reveal)
    g_settings_set_boolean (self->settings, "show-sidebar", reveal);
}

static void
sidebar_setting_cb (LekhWindow *self)
{
  if (!adw_flap_get_folded (ADW_FLAP (self->flap)))
    update_form (self);
}

static void
view_settings_cb (LekhWindow *self)
{
  /* A mode chosen from the menu starts narrow windows on the source. */
  self->narrow_preview = !g_settings_get_boolean (self->settings, "show-source");
  _lekh_window_update_panes (self);
}

static void
show_preview_pane_activate_cb (GSimpleAction *action,
                               GVariant      *param,
                               LekhWindow    *self)
{
  gboolean narrow = lekh_fold_bin_get_folded (LEKH_FOLD_BIN (self->fold_bin));

  if (narrow && g_settings_get_boolean (self->settings, "show-source") &&
      g_settings_get_boolean (self->settings, "show-preview"))
    {
      /* One pane at a time: switch, and the settings (other windows) stay as they are. */
      self->narrow_preview = !self->narrow_preview;
      _lekh_window_update_panes (self);
      gtk_widget_grab_focus (self->narrow_preview ? self->preview_slot : self->editor);
    }
  else
    g_settings_set_boolean (self->settings, "show-preview",
                            !g_settings_get_boolean (self->settings, "show-preview"));
}

void
lekh_window_set_focus_mode (LekhWindow *self,
                            gboolean    focus_mode)
{
  GAction *action;

  g_return_if_fail (LEKH_IS_WINDOW (self));

  self->focus_mode = !!focus_mode;
  lekh_editor_set_focus_mode (LEKH_EDITOR (self->editor), self->focus_mode);
  update_form (self);
  _lekh_window_update_panes (self);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "focus-mode");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (self->focus_mode));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "show-form")),
                               !self->focus_mode);
  if (self->focus_mode)
    gtk_widget_grab_focus (self->editor);
}

gboolean
lekh_window_get_focus_mode (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), FALSE);
  return self->focus_mode;
}

static void
focus_mode_change_state_cb (GSimpleAction *action,
                            GVariant      *state,
                            LekhWindow    *self)
{
  lekh_window_set_focus_mode (self, g_variant_get_boolean (state));
}

static void
go_to_line_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LekhWindow *self = LEKH_WINDOW (widget);

  if (self->focus_mode || gtk_widget_get_visible (self->editor))
    lekh_editor_show_go_to_line (LEKH_EDITOR (self->editor));
}

void
_lekh_window_layout_dispose (LekhWindow *self)
{
  g_clear_handle_id (&self->folded_idle, g_source_remove);
  g_clear_pointer (&self->save_label, g_free);
}

void
_lekh_window_class_layout_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.go-to-line", NULL, go_to_line_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.go-to-line", NULL);
}

void
_lekh_window_layout_init (LekhWindow *self)
{
  g_autoptr(GSimpleAction) show_form = NULL;
  g_autoptr(GSimpleAction) fullscreen = NULL;
  g_autoptr(GSimpleAction) preview_pane = NULL;
  g_autoptr(GSimpleAction) focus_mode = NULL;

  /* Not GPropertyActions: those hold their object, and the window holds its actions. */
  show_form = g_simple_action_new_stateful ("show-form", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (show_form, "change-state", G_CALLBACK (show_form_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_form));
  fullscreen = g_simple_action_new_stateful ("fullscreen", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (fullscreen, "change-state", G_CALLBACK (fullscreen_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (fullscreen));
  g_signal_connect_object (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), self,
                           G_CONNECT_SWAPPED);
  preview_pane = g_simple_action_new_stateful ("show-preview-pane", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (preview_pane, "activate", G_CALLBACK (show_preview_pane_activate_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (preview_pane));
  focus_mode = g_simple_action_new_stateful ("focus-mode", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (focus_mode, "change-state", G_CALLBACK (focus_mode_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (focus_mode));

  /* The header's labelled buttons give way before the window does. */
  ellipsize_button (self->open_button);
  ellipsize_button (self->save_button);
  self->save_label = g_strdup (gtk_button_get_label (GTK_BUTTON (self->save_button)));

  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (folded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (reveal_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fold_bin, "notify::folded", G_CALLBACK (_lekh_window_update_panes),
                           self, G_CONNECT_SWAPPED);
  /* Not g_settings_bind(): which panes show is computed from three settings, the width
   * and focus mode together (_lekh_window_update_panes), and a folded form's overlay must
   * not change the wide window's choice. */
  g_signal_connect_object (self->settings, "changed::show-sidebar", G_CALLBACK (sidebar_setting_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-source", G_CALLBACK (view_settings_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-preview", G_CALLBACK (view_settings_cb),
                           self, G_CONNECT_SWAPPED);
  update_form (self);
  reveal_changed_cb (self);
  _lekh_window_update_panes (self);
}
