/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview in the window: view modes, scroll sync both ways, HTML export. */
#define G_LOG_DOMAIN "test-window-preview"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "lekh-editor.h"
#include "lekh-gui-test.h"
#include "lekh-preview.h"
#include "lekh-window.h"

static LekhApplication *app;
static char *tmpdir;

static char *
write_long_article (void)
{
  g_autoptr(GString) text = g_string_new ("---\ntitle: लंबा लेख\ntags: [हिंदी]\n---\n\n");
  char *path = g_build_filename (tmpdir, "long.md", NULL);

  for (int i = 1; i <= 120; i++)
    g_string_append_printf (text, "## भाग %d\n\nयह अनुच्छेद %d है, with some English words to wrap "
                            "the line a little.\n\n", i, i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}

static LekhWindow *
open_window (const char *path)
{
  LekhWindow *window = lekh_test_open_window (app, path, 5000);

  lekh_preview_flush (LEKH_PREVIEW (lekh_window_get_preview (window)));
  lekh_test_spin (100);
  return window;
}

static void
close_window (LekhWindow *window)
{
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (lekh_window_get_document (window)), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  lekh_test_spin (20);
}

static void
test_view_modes (void)
{
  g_autofree char *path = write_long_article ();
  LekhWindow *window = open_window (path);
  GtkWidget *editor = GTK_WIDGET (lekh_window_get_editor (window));
  GtkWidget *preview = lekh_window_get_preview (window);
  GtkWidget *slot = gtk_widget_get_parent (preview);
  GSettings *settings = g_settings_new (APP_ID);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.view-mode", "s", "preview"));
  lekh_test_spin (20);
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_true (gtk_widget_get_visible (slot));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.view-mode", "s", "source"));
  lekh_test_spin (20);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_false (gtk_widget_get_visible (slot));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.view-mode", "s", "split"));
  lekh_test_spin (20);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (gtk_widget_get_visible (slot));

  /* Hiding the preview while it is shown alone brings the source back: never an empty window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.view-mode", "s", "preview"));
  lekh_test_spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.show-preview", NULL));
  lekh_test_spin (20);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_false (gtk_widget_get_visible (slot));
  g_assert_true (g_settings_get_boolean (settings, "show-source"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.view-mode", "s", "split"));
  lekh_test_spin (20);
  {
    GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app), "view-mode");
    g_autoptr(GVariant) state = g_action_get_state (action);
    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "split");
  }
  g_object_unref (settings);
  close_window (window);
}

typedef struct
{
  LekhPreview *preview;
  guint        min_line;
} TopLine;

static gboolean
preview_top_at_least (gpointer data)
{
  TopLine *t = data;
  return lekh_preview_get_top_line (t->preview) >= t->min_line;
}

static guint
source_top_line (LekhWindow *window)
{
  GtkTextView *view = GTK_TEXT_VIEW (lekh_editor_get_view (lekh_window_get_editor (window)));
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GtkTextIter iter;

  gtk_text_view_get_line_at_y (view, &iter, (int) gtk_adjustment_get_value (adj), NULL);
  return gtk_text_iter_get_line (&iter) + 1;
}

static gboolean
source_top_at_least (gpointer data)
{
  TopLine *t = data;

  return source_top_line (g_object_get_data (G_OBJECT (t->preview), "window")) >= t->min_line;
}

static gboolean
adjustment_tall (gpointer data)
{
  GtkAdjustment *adj = data;

  return gtk_adjustment_get_upper (adj) > 8 * gtk_adjustment_get_page_size (adj) &&
         gtk_adjustment_get_page_size (adj) > 0;
}

static void
test_scroll_sync (void)
{
  g_autofree char *path = write_long_article ();
  LekhWindow *window = open_window (path);
  LekhPreview *preview = LEKH_PREVIEW (lekh_window_get_preview (window));
  GtkTextView *view = GTK_TEXT_VIEW (lekh_editor_get_view (lekh_window_get_editor (window)));
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkTextIter iter;
  guint line;
  TopLine t = { preview, 0 };

  g_object_set_data (G_OBJECT (preview), "window", window);
  g_assert_cmpuint (lekh_preview_get_top_line (preview), <=, 6);

  /* Scroll the source to the heading "भाग 60" (line 5 + 59 * 4 = 241), once the view has
   * laid out that far (it lays out long text lazily). */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 240);
  g_assert_true (lekh_test_wait_until (adjustment_tall, adj, 5000));
  {
    GdkRectangle rect;

    gtk_text_view_get_iter_location (view, &iter, &rect);
    gtk_adjustment_set_value (adj, rect.y);
  }
  /* The view's estimate of line heights settles as it lays lines out: take whatever line
   * is on top now, and expect the preview to follow it. */
  lekh_test_spin (200);
  line = source_top_line (window);
  g_assert_cmpuint (line, >, 100);
  t.min_line = line - 10;
  g_assert_true (lekh_test_wait_until (preview_top_at_least, &t, 3000));
  g_assert_cmpuint (lekh_preview_get_top_line (preview), <=, line + 10);

  /* With sync off, the preview stays where it is. */
  {
    GSettings *settings = g_settings_new (APP_ID);
    guint before;

    g_settings_set_boolean (settings, "scroll-sync", FALSE);
    lekh_test_spin (300);
    before = lekh_preview_get_top_line (preview);
    gtk_adjustment_set_value (adj, 0);
    lekh_test_spin (300);
    g_assert_cmpuint (lekh_preview_get_top_line (preview), ==, before);
    g_settings_set_boolean (settings, "scroll-sync", TRUE);
    g_object_unref (settings);
  }

  /* And back: the writer scrolls the preview, and the source follows. */
  lekh_test_spin (300);
  {
    GtkAdjustment *padj = gtk_scrollable_get_vadjustment (
      GTK_SCROLLABLE (lekh_preview_get_text_view (preview)));
    guint top;

    g_assert_true (lekh_test_wait_until (adjustment_tall, padj, 5000));
    gtk_adjustment_set_value (padj, gtk_adjustment_get_upper (padj) * 0.75);
    lekh_test_spin (200);
    top = lekh_preview_get_top_line (preview);
    g_assert_cmpuint (top, >, 250);
    t.min_line = top - 10;
    g_assert_true (lekh_test_wait_until (source_top_at_least, &t, 3000));
    g_assert_cmpuint (source_top_line (window), <=, top + 10);
  }

  close_window (window);
}

static void
test_export_html (void)
{
  g_autofree char *path = write_long_article ();
  g_autofree char *out = g_build_filename (tmpdir, "long.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  LekhWindow *window = open_window (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  g_assert_true (lekh_window_export_html (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "<title>लंबा लेख</title>"));
  g_assert_nonnull (strstr (html, "भाग 120"));
  g_assert_nonnull (strstr (html, "lang=\"hi\""));
  g_assert_null (strstr (html, "## "));

  /* A folder that cannot be written to gives an error and writes nothing. */
  {
    g_autoptr(GFile) bad = g_file_new_for_path ("/nonexistent-folder/x.html");
    g_autoptr(GError) bad_error = NULL;

    g_assert_false (lekh_window_export_html (window, bad, &bad_error));
    g_assert_nonnull (bad_error);
  }
  close_window (window);
}

/* GTK 4.8 warns "Trying to snapshot GtkGizmo … without a current allocation" when two
 * scrolled views move each other between a layout and the next frame (a scrollbar's slider
 * is drawn before its new allocation). It is harmless and gone in later GTK; every other
 * warning stays fatal. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (strcmp (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }
  if (g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      strstr (message, "without a current allocation") != NULL)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

static void
no_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("lekh-test-home-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  int status;

  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_build_filename (home, "articles", NULL);
  g_mkdir_with_parents (tmpdir, 0755);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/window-preview/no-display", no_display);
      return g_test_run ();
    }

  app = lekh_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window-preview/view-modes", test_view_modes);
  g_test_add_func ("/window-preview/scroll-sync", test_scroll_sync);
  g_test_add_func ("/window-preview/export-html", test_export_html);

  status = g_test_run ();
  g_clear_object (&app);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", home);
    if (system (cmd) != 0)
      g_warning ("could not remove %s", home);
  }
  return status;
}
