/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-writing"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "lekh-editor.h"
#include "lekh-gui-test.h"
#include "lekh-window.h"

static LekhApplication *app;

static const char article[] =
  "---\n"
  "title: Writing\n"
  "---\n"
  "Hello world\n"
  "- milk\n"
  "Intro\n";

static LekhWindow *
open_article (void)
{
  g_autofree char *path = lekh_test_write_temp ("writing.md", article, -1);

  return lekh_test_open_window (app, path, 5000);
}

static GtkTextBuffer *
buffer_of (LekhWindow *window)
{
  return GTK_TEXT_BUFFER (lekh_window_get_document (window));
}

static GtkWidget *
view_of (LekhWindow *window)
{
  return GTK_WIDGET (lekh_editor_get_view (lekh_window_get_editor (window)));
}

/* Selects LEN characters of LINE (0-based) from COLUMN, or puts the cursor there (LEN 0). */
static void
select_at (LekhWindow *window,
           int         line,
           int         column,
           int         len)
{
  GtkTextBuffer *buffer = buffer_of (window);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line_offset (buffer, &start, line, column);
  end = start;
  gtk_text_iter_forward_chars (&end, len);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

static char *
line_text (LekhWindow *window,
           int         line)
{
  GtkTextBuffer *buffer = buffer_of (window);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_slice (&start, &end);
}

static char *
selected_text (LekhWindow *window)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (buffer_of (window), &start, &end);
  return gtk_text_iter_get_slice (&start, &end);
}

static void
assert_line (LekhWindow *window,
             int         line,
             const char *expected)
{
  g_autofree char *text = line_text (window, line);

  g_assert_cmpstr (text, ==, expected);
}

static void
undo (LekhWindow *window)
{
  g_assert_true (gtk_text_buffer_get_can_undo (buffer_of (window)));
  gtk_text_buffer_undo (buffer_of (window));
}

static GtkEventController *
controller_named (GtkWidget  *widget,
                  const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), name) == 0)
        return c;
    }
  return NULL;
}

static void
test_inline_marks (void)
{
  LekhWindow *window = open_article ();
  GtkWidget *view = view_of (window);
  g_autofree char *before = lekh_test_buffer_text (window);
  g_autofree char *after = NULL;
  g_autofree char *selected = NULL;

  /* The cursor in a word: the word gets the marks; undo takes them away in one step. */
  select_at (window, 3, 8, 0);
  g_assert_true (gtk_widget_activate_action (view, "editor.bold", NULL));
  assert_line (window, 3, "Hello **world**");
  undo (window);
  after = lekh_test_buffer_text (window);
  g_assert_cmpstr (after, ==, before);

  /* A selection: wrapped, still selected; the same key again unwraps it. */
  select_at (window, 3, 0, 5);
  gtk_widget_activate_action (view, "editor.italic", NULL);
  assert_line (window, 3, "*Hello* world");
  selected = selected_text (window);
  g_assert_cmpstr (selected, ==, "Hello");
  gtk_widget_activate_action (view, "editor.italic", NULL);
  assert_line (window, 3, "Hello world");

  select_at (window, 3, 6, 5);
  gtk_widget_activate_action (view, "editor.code", NULL);
  assert_line (window, 3, "Hello `world`");
  undo (window);

  select_at (window, 3, 6, 5);
  gtk_widget_activate_action (view, "editor.link", NULL);
  assert_line (window, 3, "Hello [world]()");
  undo (window);
  assert_line (window, 3, "Hello world");

  lekh_test_discard_and_close (window);
}

static void
test_headings (void)
{
  LekhWindow *window = open_article ();
  GtkWidget *view = view_of (window);

  select_at (window, 5, 2, 0);
  gtk_widget_activate_action (view, "editor.heading-up", NULL);
  assert_line (window, 5, "###### Intro");
  gtk_widget_activate_action (view, "editor.heading-down", NULL);
  assert_line (window, 5, "Intro");
  select_at (window, 5, 0, 0);
  for (int i = 0; i < 5; i++)
    gtk_widget_activate_action (view, "editor.heading-up", NULL);
  assert_line (window, 5, "## Intro");
  undo (window);
  assert_line (window, 5, "### Intro");

  lekh_test_discard_and_close (window);
}

static gboolean
press_enter (LekhWindow *window)
{
  GtkEventController *keys = controller_named (view_of (window), "lekh-list-continuation");
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
  return handled;
}

static void
test_list_continuation (void)
{
  LekhWindow *window = open_article ();
  g_autofree char *before = lekh_test_buffer_text (window);
  g_autofree char *after = NULL;
  GtkTextIter cursor;

  select_at (window, 4, 6, 0);
  g_assert_true (press_enter (window));
  assert_line (window, 4, "- milk");
  assert_line (window, 5, "- ");
  gtk_text_buffer_get_iter_at_mark (buffer_of (window), &cursor,
                                    gtk_text_buffer_get_insert (buffer_of (window)));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 5);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 2);

  /* Enter on the empty item ends the list. */
  g_assert_true (press_enter (window));
  assert_line (window, 5, "");
  assert_line (window, 6, "Intro");

  undo (window);
  undo (window);
  after = lekh_test_buffer_text (window);
  g_assert_cmpstr (after, ==, before);

  /* Outside a list Enter is the view's. */
  select_at (window, 3, 5, 0);
  g_assert_false (press_enter (window));

  lekh_test_discard_and_close (window);
}

static gboolean
has_trigger (GtkEventController *controller,
             const char         *accel)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

      if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
        return TRUE;
    }
  return FALSE;
}

static gboolean
app_has_accel (const char *action,
               const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);
  guint key, wanted_key;
  GdkModifierType mods, wanted_mods;

  g_assert_true (gtk_accelerator_parse (accel, &wanted_key, &wanted_mods));
  for (guint i = 0; accels != NULL && accels[i] != NULL; i++)
    if (gtk_accelerator_parse (accels[i], &key, &mods) && key == wanted_key && mods == wanted_mods)
      return TRUE;
  return FALSE;
}

static void
test_keys (void)
{
  LekhWindow *window = open_article ();
  GtkEventController *keys = controller_named (view_of (window), "lekh-writing-keys");

  /* Taken before GtkSourceView's own bindings (Ctrl+L would lower the case). */
  g_assert_nonnull (keys);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (keys), ==, GTK_PHASE_CAPTURE);
  g_assert_true (has_trigger (keys, "<Control>b"));
  g_assert_true (has_trigger (keys, "<Control>i"));
  g_assert_true (has_trigger (keys, "<Control><Shift>c"));
  g_assert_true (has_trigger (keys, "<Control>k"));
  g_assert_true (has_trigger (keys, "<Control><Alt>Up"));
  g_assert_true (has_trigger (keys, "<Control><Alt>Down"));
  g_assert_true (has_trigger (keys, "<Control>l"));
  g_assert_true (app_has_accel ("app.zoom-in", "<Control>plus"));
  g_assert_true (app_has_accel ("app.zoom-out", "<Control>minus"));
  g_assert_true (app_has_accel ("app.zoom-reset", "<Control>0"));
  g_assert_true (app_has_accel ("win.fullscreen", "F11"));
  g_assert_true (app_has_accel ("win.focus-mode", "<Control><Shift>f"));
  g_assert_true (app_has_accel ("win.show-form", "F9"));
  /* No key is given twice. */
  g_assert_false (app_has_accel ("app.view-mode::source", "<Control><Shift>f"));

  lekh_test_discard_and_close (window);
}

static void
test_go_to_line (void)
{
  LekhWindow *window = open_article ();
  LekhEditor *editor = lekh_window_get_editor (window);
  GtkWidget *entry;
  GtkTextIter cursor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-to-line", NULL));
  lekh_test_spin (50);
  entry = lekh_editor_get_go_to_line_entry (editor);
  g_assert_true (gtk_widget_get_mapped (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "nonsense");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_get_mapped (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "5:3");
  g_signal_emit_by_name (entry, "activate");
  lekh_test_spin (50);
  g_assert_false (gtk_widget_get_mapped (entry));
  gtk_text_buffer_get_iter_at_mark (buffer_of (window), &cursor,
                                    gtk_text_buffer_get_insert (buffer_of (window)));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 4);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 2);

  lekh_test_discard_and_close (window);
}

static void
test_zoom (void)
{
  LekhWindow *window = open_article ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PangoFontDescription *before, *after;
  int size_before, size_after;
  GtkWidget *view = view_of (window);

  before = pango_font_description_copy (pango_context_get_font_description (gtk_widget_get_pango_context (view)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "font-scale"), 1.1, 0.001);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  lekh_test_spin (50);
  after = pango_font_description_copy (pango_context_get_font_description (gtk_widget_get_pango_context (view)));
  size_before = pango_font_description_get_size (before);
  size_after = pango_font_description_get_size (after);
  g_assert_cmpint (size_after, >, size_before);

  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-out", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "font-scale"), 1.0, 0.001);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-out", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "font-scale"), <, 1.0);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "font-scale"), 1.0, 0.001);

  pango_font_description_free (before);
  pango_font_description_free (after);
  lekh_test_discard_and_close (window);
}

static gboolean
text_centred (gpointer window)
{
  return gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view_of (window))) > 100;
}

static gboolean
text_not_centred (gpointer window)
{
  return gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view_of (window))) == 12;
}

static void
test_fullscreen_and_focus (void)
{
  LekhWindow *window = open_article ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *panel = GTK_WIDGET (lekh_window_get_metadata_panel (window));
  GtkWidget *preview = lekh_window_get_preview (window);
  GtkWidget *editor = GTK_WIDGET (lekh_window_get_editor (window));
  GtkWidget *flap = gtk_widget_get_ancestor (panel, ADW_TYPE_FLAP);
  g_autoptr(GVariant) state = NULL;

  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (gtk_widget_is_visible (preview));

  /* Focus mode: the source alone, its text centred; the settings are untouched. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-mode", NULL);
  lekh_test_spin (100);
  g_assert_true (lekh_window_get_focus_mode (window));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_false (gtk_widget_is_visible (preview));
  g_assert_true (gtk_widget_is_visible (editor));
  g_assert_true (lekh_test_wait_until (text_centred, window, 3000));
  g_assert_cmpint (gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view_of (window))), ==,
                   gtk_text_view_get_right_margin (GTK_TEXT_VIEW (view_of (window))));
  g_assert_true (g_settings_get_boolean (settings, "show-sidebar"));
  g_assert_true (g_settings_get_boolean (settings, "show-preview"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-mode", NULL);
  lekh_test_spin (100);
  g_assert_false (lekh_window_get_focus_mode (window));
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (gtk_widget_is_visible (preview));
  g_assert_true (lekh_test_wait_until (text_not_centred, window, 3000));

  /* F11 (win.fullscreen) is a toggle whose state follows the window. Not activated here:
   * Xvfb has no window manager to grant it. */
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "fullscreen");
  g_assert_nonnull (state);
  g_assert_false (g_variant_get_boolean (state));

  lekh_test_discard_and_close (window);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} WidthWait;

static gboolean
has_width (gpointer data)
{
  WidthWait *w = data;

  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (w->widget));

  /* As a writer drags the edge: the window gets narrower as the panes fold. (The surface:
   * the widget's width leaves out the client-side frame.) */
  if (gdk_surface_get_width (surface) != w->width)
    gtk_window_set_default_size (GTK_WINDOW (w->widget), w->width, w->height);
  return gdk_surface_get_width (surface) == w->width;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* On failure: which widgets ask for more than 40 pixels of width. */
static void
dump (GtkWidget *w,
      int        depth)
{
  int min = 0, nat = 0;
  if (depth > 7 || !gtk_widget_get_visible (w)) return;
  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (min > 40)
    g_printerr ("%*s%s %s min %d nat %d\n", depth * 2, "", G_OBJECT_TYPE_NAME (w), gtk_widget_get_css_name (w), min, nat);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    if (!ADW_IS_FLAP (w) || depth < 1) dump (c, depth + 1);
}

static void
resize (LekhWindow *window,
        int         width,
        int         height)
{
  WidthWait wait = { GTK_WIDGET (window), width, height };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (!lekh_test_wait_until (has_width, &wait, 5000))
    {
      int min = 0, nat = 0;
      GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      g_printerr ("window %d min %d nat %d\n", gtk_widget_get_width (GTK_WIDGET (window)), min, nat);
      for (GtkWidget *c = gtk_widget_get_first_child (content); c; c = gtk_widget_get_next_sibling (c))
        {
          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          g_printerr ("  %s min %d nat %d\n", G_OBJECT_TYPE_NAME (c), min, nat);
          for (GtkWidget *d = gtk_widget_get_first_child (c); d; d = gtk_widget_get_next_sibling (d))
            {
              gtk_widget_measure (d, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
              g_printerr ("    %s min %d nat %d\n", G_OBJECT_TYPE_NAME (d), min, nat);
            }
        }
      dump (content, 0);
      g_assert_not_reached ();
    }
  lekh_test_spin (200);
}

static void
test_narrow (void)
{
  LekhWindow *window = open_article ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *panel = GTK_WIDGET (lekh_window_get_metadata_panel (window));
  GtkWidget *editor = GTK_WIDGET (lekh_window_get_editor (window));
  GtkWidget *preview = lekh_window_get_preview (window);
  GtkWidget *flap = gtk_widget_get_ancestor (panel, ADW_TYPE_FLAP);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkTextIter cursor;
  int min = 0, nat = 0;

  /* GNOME's mobile size: nothing in the window asks for more than 360 pixels. The title
   * bar has GNOME's buttons (org.gnome.desktop.wm.preferences button-layout), not GTK's
   * default minimize, maximize and close of a bare X server. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  resize (window, 360, 640);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (editor), <=, 360);

  /* The header keeps the problem count's icon only. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "narrow"));

  /* The form is an overlay, closed; the source is shown, the preview waits for its button. */
  g_assert_true (adw_flap_get_folded (ADW_FLAP (flap)));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_false (gtk_widget_get_mapped (preview));

  /* Both can be reached, and the settings of wide windows are not touched. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-form", NULL);
  g_assert_true (lekh_test_wait_until (is_mapped, panel, 3000));
  g_assert_cmpint (gtk_widget_get_width (panel), <=, 360);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-form", NULL);
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (g_settings_get_boolean (settings, "show-sidebar"));

  select_at (window, 4, 3, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview-pane", NULL);
  g_assert_true (lekh_test_wait_until (is_mapped, preview, 3000));
  g_assert_true (lekh_test_wait_until (is_unmapped, editor, 3000));
  g_assert_cmpint (gtk_widget_get_width (preview), <=, 360);
  g_assert_true (g_settings_get_boolean (settings, "show-source"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview-pane", NULL);
  g_assert_true (lekh_test_wait_until (is_mapped, editor, 3000));
  g_assert_false (gtk_widget_get_mapped (preview));
  /* The writer's place is kept. */
  gtk_text_buffer_get_iter_at_mark (buffer_of (window), &cursor,
                                    gtk_text_buffer_get_insert (buffer_of (window)));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 4);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 3);

  /* Wide again: form beside the text, source beside preview. */
  resize (window, 1400, 900);
  g_assert_false (adw_flap_get_folded (ADW_FLAP (flap)));
  g_assert_true (lekh_test_wait_until (is_mapped, panel, 3000));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "narrow"));
  g_assert_true (lekh_test_wait_until (is_mapped, preview, 3000));
  g_assert_true (gtk_widget_get_mapped (editor));

  lekh_test_discard_and_close (window);
}

static void
test_save_as_name (void)
{
  LekhWindow *window = lekh_window_new (app);
  g_autofree char *plain = NULL;
  g_autofree char *titled = NULL;
  g_autofree char *dated = NULL;

  gtk_window_present (GTK_WINDOW (window));
  plain = lekh_window_suggest_file_name (window);
  g_assert_cmpstr (plain, ==, "article.md");
  lekh_test_insert_at_end (window, "---\ntitle: My First Post\n---\nText\n");
  titled = lekh_window_suggest_file_name (window);
  g_assert_cmpstr (titled, ==, "my-first-post.md");
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (lekh_window_get_document (window)),
                            "---\ntitle: My First Post\ndate: 2024-06-01\n---\nText\n", -1);
  dated = lekh_window_suggest_file_name (window);
  g_assert_cmpstr (dated, ==, "2024-06-01-my-first-post.md");

  lekh_test_discard_and_close (window);
}

static gboolean
message_dialogs (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        n++;
    }
  *(guint *) data = n;
  return n > 0;
}

static gboolean
pointers_cleared (gpointer data)
{
  gpointer *pointers = data;

  return pointers[0] == NULL && pointers[1] == NULL;
}

static void
test_quit_asks_once (void)
{
  LekhWindow *first = open_article ();
  LekhWindow *second = open_article ();
  gpointer windows[2] = { first, second };
  AdwMessageDialog *dialog;
  guint n = 0;

  g_object_add_weak_pointer (G_OBJECT (first), &windows[0]);
  g_object_add_weak_pointer (G_OBJECT (second), &windows[1]);
  lekh_test_insert_at_end (first, "one\n");
  lekh_test_insert_at_end (second, "two\n");

  /* Ctrl+Q with two modified windows: one dialog, naming both. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (lekh_test_wait_until (message_dialogs, &n, 3000));
  lekh_test_spin (100);
  message_dialogs (&n);
  g_assert_cmpuint (n, ==, 1);
  dialog = lekh_test_find_dialog (NULL, "Save Changes Before Quitting?");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 articles"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));

  adw_message_dialog_response (dialog, "discard");
  g_assert_true (lekh_test_wait_until (pointers_cleared, windows, 5000));
}

static GtkWidget *
find_status_page (GtkWidget *root)
{
  if (ADW_IS_STATUS_PAGE (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_status_page (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_new_article (void)
{
  LekhWindow *window = lekh_window_new (app);
  LekhEditor *editor = lekh_window_get_editor (window);
  GtkWidget *page = find_status_page (GTK_WIDGET (editor));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected = g_strdup_printf ("---\ntitle: \ndate: %s\ndraft: true\ntags: []\n---\n\n", today);
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkTextIter cursor;

  gtk_window_present (GTK_WINDOW (window));
  lekh_test_spin (100);

  /* Ctrl+N: not a blank page, an offer. */
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));

  g_settings_set_string (settings, "default-profile", "hugo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lekh_editor_get_view (editor)),
                                             "editor.insert-front-matter", NULL));
  text = lekh_test_buffer_text (window);
  g_assert_cmpstr (text, ==, expected);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 11);
  g_assert_false (gtk_widget_get_visible (page));

  /* One undo step; empty again, the offer is back. */
  gtk_text_buffer_undo (buffer);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  g_assert_true (gtk_widget_get_visible (page));
  g_settings_reset (settings, "default-profile");

  lekh_test_discard_and_close (window);
}

int
main (int   argc,
      char *argv[])
{
  app = lekh_test_gui_init (&argc, &argv, "/writing");
  if (app == NULL)
    return g_test_run ();

  g_test_add_func ("/writing/inline-marks", test_inline_marks);
  g_test_add_func ("/writing/headings", test_headings);
  g_test_add_func ("/writing/list-continuation", test_list_continuation);
  g_test_add_func ("/writing/keys", test_keys);
  g_test_add_func ("/writing/go-to-line", test_go_to_line);
  g_test_add_func ("/writing/zoom", test_zoom);
  g_test_add_func ("/writing/fullscreen-and-focus", test_fullscreen_and_focus);
  g_test_add_func ("/writing/narrow-window", test_narrow);
  g_test_add_func ("/writing/save-as-name", test_save_as_name);
  g_test_add_func ("/writing/quit-asks-once", test_quit_asks_once);
  g_test_add_func ("/writing/new-article", test_new_article);

  return g_test_run ();
}
