/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-editor-writing"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-editor-private.h"
#include "lekh-markup.h"

/* The edits themselves come from lekh-markup.c; here they are applied to the buffer, each
 * as one undoable user action, at BASE (the character offset their text starts at). */
static void
apply_edit (LekhEditor           *self,
            int                   base,
            const LekhMarkupEdit *edit)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, base + (int) edit->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, base + (int) edit->end);
  if (!gtk_text_iter_equal (&start, &end))
    gtk_text_buffer_delete (buffer, &start, &end);
  if (edit->replacement[0] != '\0')
    gtk_text_buffer_insert (buffer, &start, edit->replacement, -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, base + (int) edit->select_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, base + (int) edit->select_end);
  gtk_text_buffer_select_range (buffer, &end, &start);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer));
}

static gboolean
can_edit (LekhEditor *self)
{
  return self->document != NULL && gtk_text_view_get_editable (GTK_TEXT_VIEW (self->view));
}

static void
toggle_style (LekhEditor      *self,
              LekhMarkupStyle  style)
{
  GtkTextBuffer *buffer;
  GtkTextIter sel_start, sel_end, line_start, line_end;
  g_autofree char *text = NULL;
  LekhMarkupEdit edit;
  int base;

  if (!can_edit (self))
    return;

  buffer = GTK_TEXT_BUFFER (self->document);
  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  line_start = sel_start;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = sel_end;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  text = gtk_text_iter_get_slice (&line_start, &line_end);
  base = gtk_text_iter_get_offset (&line_start);

  if (lekh_markup_toggle (text, gtk_text_iter_get_offset (&sel_start) - base,
                          gtk_text_iter_get_offset (&sel_end) - base, style, &edit))
    apply_edit (self, base, &edit);
  lekh_markup_edit_clear (&edit);
}

static void
style_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LekhEditor *self = LEKH_EDITOR (widget);
  LekhMarkupStyle style;

  if (g_str_equal (action_name, "editor.bold"))
    style = LEKH_MARKUP_BOLD;
  else if (g_str_equal (action_name, "editor.italic"))
    style = LEKH_MARKUP_ITALIC;
  else if (g_str_equal (action_name, "editor.code"))
    style = LEKH_MARKUP_CODE;
  else
    style = LEKH_MARKUP_LINK;
  toggle_style (self, style);
}

static void
heading_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LekhEditor *self = LEKH_EDITOR (widget);
  GtkTextBuffer *buffer;
  GtkTextIter cursor, line_start, line_end;
  g_autofree char *line = NULL;
  LekhMarkupEdit edit;
  int delta = g_str_equal (action_name, "editor.heading-up") ? 1 : -1;
  int cursor_offset, base;

  if (!can_edit (self))
    return;

  buffer = GTK_TEXT_BUFFER (self->document);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  line_start = cursor;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_iter_get_slice (&line_start, &line_end);
  base = gtk_text_iter_get_offset (&line_start);
  cursor_offset = gtk_text_iter_get_offset (&cursor) - base;

  if (lekh_markup_change_heading (line, delta, &edit))
    {
      /* The cursor stays on the same text, past the new marker. */
      int shift = (int) g_utf8_strlen (edit.replacement, -1) - (int) (edit.end - edit.start);
      int at = MAX ((int) edit.select_start, cursor_offset + shift);

      edit.select_start = edit.select_end = (gsize) at;
      apply_edit (self, base, &edit);
    }
  lekh_markup_edit_clear (&edit);
}

gboolean
lekh_editor_continue_list (LekhEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter cursor, line_start, line_end;
  g_autofree char *line = NULL;
  LekhMarkupEdit edit;
  gboolean handled = FALSE;
  int base;

  g_return_val_if_fail (LEKH_IS_EDITOR (self), FALSE);

  if (!can_edit (self))
    return FALSE;

  buffer = GTK_TEXT_BUFFER (self->document);
  if (gtk_text_buffer_get_has_selection (buffer))
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  line_start = cursor;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_iter_get_slice (&line_start, &line_end);
  base = gtk_text_iter_get_offset (&line_start);

  if (lekh_markup_continue_list (line, gtk_text_iter_get_offset (&cursor) - base, &edit) != LEKH_LIST_NONE)
    {
      apply_edit (self, base, &edit);
      handled = TRUE;
    }
  lekh_markup_edit_clear (&edit);
  return handled;
}

static gboolean
key_pressed_cb (LekhEditor            *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0)
    return lekh_editor_continue_list (self);
  return FALSE;
}

/* A new article */

void
_lekh_editor_update_empty_state (LekhEditor *self)
{
  gboolean empty = self->document != NULL &&
                   lekh_document_get_file (self->document) == NULL &&
                   gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->document)) == 0;

  gtk_widget_set_visible (self->empty_page, empty);
}

static void
front_matter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LekhEditor *self = LEKH_EDITOR (widget);
  GtkTextBuffer *buffer;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *profile = g_settings_get_string (self->settings, "default-profile");
  g_autofree char *text = NULL;
  GtkTextIter start;
  gsize title = 0;

  if (!can_edit (self))
    return;

  /* A new article has no site yet: the default profile says which generator it is for. */
  buffer = GTK_TEXT_BUFFER (self->document);
  text = lekh_markup_front_matter_template (profile, date, &title);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) title);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (self->view);
}

/* Go to Line */

static void
goto_activate_cb (LekhEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->goto_entry));
  guint line = 0, column = 0;

  if (!lekh_markup_parse_position (text, &line, &column))
    {
      gtk_widget_add_css_class (self->goto_entry, "error");
      gtk_widget_error_bell (self->goto_entry);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self->goto_popover));
  lekh_editor_jump_to (self, line, column);
}

static void
goto_changed_cb (LekhEditor *self)
{
  gtk_widget_remove_css_class (self->goto_entry, "error");
}

void
lekh_editor_show_go_to_line (LekhEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  GdkRectangle rect;
  g_autofree char *current = NULL;
  g_autofree char *placeholder = NULL;

  g_return_if_fail (LEKH_IS_EDITOR (self));

  if (self->document == NULL)
    return;

  buffer = GTK_TEXT_BUFFER (self->document);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  current = g_strdup_printf ("%d", gtk_text_iter_get_line (&cursor) + 1);
  /* Translators: the placeholder of Go to Line, with the number of lines */
  placeholder = g_strdup_printf (_("Line (1–%d), or line:column"),
                                 gtk_text_buffer_get_line_count (buffer));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->goto_entry), placeholder);
  gtk_editable_set_text (GTK_EDITABLE (self->goto_entry), current);
  gtk_widget_remove_css_class (self->goto_entry, "error");

  rect.x = gtk_widget_get_width (GTK_WIDGET (self)) / 2;
  rect.y = 0;
  rect.width = 1;
  rect.height = 1;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->goto_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->goto_popover));
  gtk_widget_grab_focus (self->goto_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->goto_entry), 0, -1);
}

static void
goto_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  lekh_editor_show_go_to_line (LEKH_EDITOR (widget));
}

GtkWidget *
lekh_editor_get_go_to_line_entry (LekhEditor *self)
{
  g_return_val_if_fail (LEKH_IS_EDITOR (self), NULL);
  return self->goto_entry;
}

/* Setup */

static const struct
{
  const char *action;
  const char *accel;
} writing_keys[] = {
  { "editor.bold", "<Control>b" },
  { "editor.italic", "<Control>i" },
  { "editor.code", "<Control><Shift>c" },
  { "editor.link", "<Control>k" },
  { "editor.heading-up", "<Control><Alt>Up" },
  { "editor.heading-down", "<Control><Alt>Down" },
  { "editor.go-to-line", "<Control>l" },
};

void
_lekh_editor_class_writing_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.bold", NULL, style_action);
  gtk_widget_class_install_action (widget_class, "editor.italic", NULL, style_action);
  gtk_widget_class_install_action (widget_class, "editor.code", NULL, style_action);
  gtk_widget_class_install_action (widget_class, "editor.link", NULL, style_action);
  gtk_widget_class_install_action (widget_class, "editor.heading-up", NULL, heading_action);
  gtk_widget_class_install_action (widget_class, "editor.heading-down", NULL, heading_action);
  gtk_widget_class_install_action (widget_class, "editor.go-to-line", NULL, goto_action);
  gtk_widget_class_install_action (widget_class, "editor.insert-front-matter", NULL, front_matter_action);
}

void
_lekh_editor_writing_init (LekhEditor *self)
{
  GtkEventController *shortcuts;
  GtkEventController *keys;
  GtkWidget *box;
  GtkWidget *label;

  /* GtkSourceView binds some of these keys itself (Ctrl+L lowers the case): the writing
   * keys are taken before the view sees them. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (shortcuts, "lekh-writing-keys");
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (writing_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (writing_keys[i].accel),
                                                            gtk_named_action_new (writing_keys[i].action)));
  gtk_widget_add_controller (self->view, shortcuts);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "lekh-list-continuation");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->view, keys);

  /* Go to Line: GtkSourceView has no dialog of its own. */
  self->goto_entry = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (self->goto_entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->goto_entry), 22);
  g_signal_connect_swapped (self->goto_entry, "activate", G_CALLBACK (goto_activate_cb), self);
  g_signal_connect_swapped (self->goto_entry, "changed", G_CALLBACK (goto_changed_cb), self);
  label = gtk_label_new_with_mnemonic (_("Go to _Line"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->goto_entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->goto_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->goto_entry);
  self->goto_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->goto_popover), box);
  gtk_popover_set_position (GTK_POPOVER (self->goto_popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->goto_popover, GTK_WIDGET (self));
  g_signal_connect_object (self->goto_popover, "closed", G_CALLBACK (gtk_widget_grab_focus),
                           self->view, G_CONNECT_SWAPPED);
}
