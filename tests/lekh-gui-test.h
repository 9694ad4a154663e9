/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Small helpers shared by the GUI tests. */

#include <string.h>

#include <adwaita.h>

#include "lekh-application.h"
#include "lekh-window.h"

typedef gboolean (*LekhCondition) (gpointer data);

G_GNUC_UNUSED static gboolean
lekh_test_wait_until (LekhCondition condition,
                      gpointer      data,
                      guint         timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

G_GNUC_UNUSED static void
lekh_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

G_GNUC_UNUSED static char *
lekh_test_buffer_text (LekhWindow *window)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  return gtk_text_buffer_get_text (buffer, &begin, &end, TRUE);
}

G_GNUC_UNUSED static gboolean
lekh_test_document_idle (gpointer data)
{
  LekhDocument *document = lekh_window_get_document (data);

  return !lekh_document_get_busy (document);
}

/* The window's document has its file and is not loading or saving. */
G_GNUC_UNUSED static gboolean
lekh_test_document_loaded (gpointer window)
{
  LekhDocument *document = lekh_window_get_document (window);

  return lekh_document_get_file (document) != NULL && !lekh_document_get_busy (document);
}

static gboolean
lekh_test_window_ready (gpointer window)
{
  /* A mapped window has no size until layout runs. */
  return lekh_test_document_loaded (window) && gtk_widget_get_width (GTK_WIDGET (window)) > 0;
}

/* A new 1200×800 window of APP showing PATH, once the file has loaded (within
 * TIMEOUT_MS) and the window has been laid out. */
G_GNUC_UNUSED static LekhWindow *
lekh_test_open_window (LekhApplication *app,
                       const char      *path,
                       guint            timeout_ms)
{
  LekhWindow *window = lekh_window_new (app);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  lekh_window_load_file (window, file);
  g_assert_true (lekh_test_wait_until (lekh_test_window_ready, window, timeout_ms));
  lekh_test_spin (50);
  return window;
}

/* A message dialog over PARENT (NULL: any), whose heading is HEADING (NULL: any). */
G_GNUC_UNUSED static AdwMessageDialog *
lekh_test_find_dialog (GtkWindow  *parent,
                       const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) &&
          gtk_widget_get_visible (GTK_WIDGET (w)) &&
          (parent == NULL || gtk_window_get_transient_for (w) == parent) &&
          (heading == NULL ||
           g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), heading) == 0))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

G_GNUC_UNUSED static gboolean
lekh_test_has_dialog (gpointer parent)
{
  return lekh_test_find_dialog (parent, NULL) != NULL;
}

G_GNUC_UNUSED static void
lekh_test_insert_at_end (LekhWindow *window,
                         const char *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkTextIter end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

G_GNUC_UNUSED static void
lekh_test_discard_and_close (LekhWindow *window)
{
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (lekh_window_get_document (window)), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  lekh_test_spin (20);
}

/* Makes a throwaway home for the data, config and cache folders, shared with the
 * subprocesses a test starts (through LEKH_TEST_HOME), so that drafts a "crashed" child
 * leaves behind are where the parent looks. */
G_GNUC_UNUSED static void
lekh_test_set_home (void)
{
  const char *home = g_getenv ("LEKH_TEST_HOME");
  g_autofree char *made = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;

  if (home == NULL)
    {
      made = g_dir_make_tmp ("lekh-test-home-XXXXXX", NULL);
      g_setenv ("LEKH_TEST_HOME", made, TRUE);
      home = made;
    }
  data = g_build_filename (home, "data", NULL);
  config = g_build_filename (home, "config", NULL);
  cache = g_build_filename (home, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
}

G_GNUC_UNUSED static void
lekh_test_no_display (void)
{
  g_test_skip ("No display: GUI tests need one (run under xvfb-run)");
}

/* The start of a GUI test's main(): a throwaway home, g_test_init(), GTK and a
 * registered application. Without a display it adds one skipped test, SUITE/no-display,
 * and returns NULL: main() then only runs that. */
G_GNUC_UNUSED static LekhApplication *
lekh_test_gui_init (int          *argc,
                    char       ***argv,
                    const char   *suite)
{
  LekhApplication *app;

  lekh_test_set_home ();
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_autofree char *path = g_strconcat (suite, "/no-display", NULL);

      g_test_add_func (path, lekh_test_no_display);
      return NULL;
    }

  app = lekh_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

G_GNUC_UNUSED static char *
lekh_test_write_temp (const char *name,
                      const char *contents,
                      gssize      len)
{
  g_autofree char *dir = g_dir_make_tmp ("lekh-file-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}
