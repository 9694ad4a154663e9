/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-drafts"

#include "config.h"

#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "lekh-draft-store.h"
#include "lekh-gui-test.h"

static LekhApplication *app;

/* CRLF on purpose: a draft must keep the file's line endings byte for byte. */
static const char article[] =
  "---\r\ntitle: मसौदा\r\ntags: [drafts]\r\n---\r\n\r\nपहला अनुच्छेद।\r\n";
static const char typed[] = "टाइप किया हुआ, सहेजा नहीं।\r\n";
static const char clean_article[] = "---\ntitle: साफ़\n---\n\nकोई बदलाव नहीं।\n";
static char *clean_path;
static const char new_text[] = "---\ntitle: नया लेख\n---\n\nकभी सहेजा नहीं गया।\n";

typedef struct
{
  char *path;
} PathWait;

static LekhDraftStore *
store (void)
{
  return lekh_application_get_draft_store (app);
}

static char *
draft_path_of (LekhWindow *window)
{
  const char *id = lekh_draft_store_get_draft_id (store (), lekh_window_get_document (window));

  g_assert_nonnull (id);
  return lekh_draft_store_dup_draft_path (store (), id);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
file_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
not_modified (gpointer data)
{
  return !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (lekh_window_get_document (data)));
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
set_short_delay (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_uint (settings, "draft-delay", 1);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static char *
drafts_dir (void)
{
  return g_build_filename (lekh_draft_store_get_dir (store ()), "drafts", NULL);
}

/* Typing writes a draft a moment later, never the file; saving or discarding deletes it. */
static void
test_draft_lifecycle (void)
{
  g_autofree char *path = lekh_test_write_temp ("lifecycle.md", article, -1);
  g_autofree char *draft = NULL;
  g_autofree char *draft_text = NULL;
  g_autofree char *buffer_text = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *session_dir = NULL;
  g_autoptr(GDir) sessions = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) before = NULL;
  g_autoptr(GFileInfo) after = NULL;
  g_autoptr(GDateTime) mtime_before = NULL;
  g_autoptr(GDateTime) mtime_after = NULL;
  LekhWindow *window;
  AdwMessageDialog *dialog;
  const char *name;
  gboolean session_lists_file = FALSE;
  gint64 typed_at;

  set_short_delay ();
  window = lekh_test_open_window (app, path, 5000);
  draft = draft_path_of (window);
  before = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                              G_FILE_QUERY_INFO_NONE, NULL, NULL);
  mtime_before = g_file_info_get_modification_date_time (before);

  /* Nothing unsaved yet: no draft. */
  lekh_test_spin (1300);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  typed_at = g_get_monotonic_time ();
  lekh_test_insert_at_end (window, typed);
  /* Debounced: not at once. */
  lekh_test_spin (300);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_true (lekh_test_wait_until (file_exists, draft, 5000));
  g_test_message ("draft written %.1f s after the edit (delay 1 s)",
                  (g_get_monotonic_time () - typed_at) / 1e6);

  g_assert_true (g_file_get_contents (draft, &draft_text, NULL, NULL));
  buffer_text = lekh_test_buffer_text (window);
  g_assert_cmpstr (draft_text, ==, buffer_text);
  g_assert_nonnull (strstr (draft_text, "\r\nटाइप किया हुआ"));

  /* The real file was not touched. */
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, article);
  after = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                             G_FILE_QUERY_INFO_NONE, NULL, NULL);
  mtime_after = g_file_info_get_modification_date_time (after);
  g_assert_true (g_date_time_equal (mtime_before, mtime_after));

  /* The session file names the window's file. */
  session_dir = g_build_filename (lekh_draft_store_get_dir (store ()), "sessions", NULL);
  sessions = g_dir_open (session_dir, 0, NULL);
  g_assert_nonnull (sessions);
  while ((name = g_dir_read_name (sessions)) != NULL)
    {
      g_autofree char *p = g_build_filename (session_dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *uri = g_file_get_uri (file);

      if (g_str_has_suffix (name, ".session") && g_file_get_contents (p, &contents, NULL, NULL))
        session_lists_file |= strstr (contents, uri) != NULL;
    }
  g_assert_true (session_lists_file);

  /* Save: the draft goes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (lekh_test_wait_until (not_modified, window, 5000));
  g_assert_true (lekh_test_wait_until (file_gone, draft, 2000));
  g_clear_pointer (&on_disk, g_free);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, buffer_text);

  /* Type again, then close and discard: the draft goes too. */
  lekh_test_insert_at_end (window, "और शब्द।");
  g_assert_true (lekh_test_wait_until (file_exists, draft, 5000));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (lekh_test_wait_until (lekh_test_has_dialog, window, 2000));
  dialog = lekh_test_find_dialog (GTK_WINDOW (window), NULL);
  adw_message_dialog_response (dialog, "discard");
  g_assert_true (lekh_test_wait_until (pointer_cleared, &window, 3000));
  g_assert_true (lekh_test_wait_until (file_gone, draft, 2000));

  g_clear_pointer (&on_disk, g_free);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, buffer_text);
}

/* The child of the crash tests (each runs itself again in a subprocess): types into a file's window and into a new document, waits
 * for both drafts, then dies by SIGKILL as a crash would, cleaning nothing up. */
static void
crash_child (void)
{
  const char *path = g_getenv ("LEKH_TEST_CRASH_FILE");
  LekhWindow *window;
  LekhWindow *fresh;
  g_autofree char *draft = NULL;
  g_autofree char *fresh_draft = NULL;

  set_short_delay ();
  window = lekh_test_open_window (app, path, 5000);
  /* A third window shows a file without changes: the session reopens it too. */
  lekh_test_open_window (app, g_getenv ("LEKH_TEST_CLEAN_FILE"), 5000);
  fresh = lekh_window_new (app);
  gtk_window_present (GTK_WINDOW (fresh));

  lekh_test_insert_at_end (window, typed);
  lekh_test_insert_at_end (fresh, new_text);
  draft = draft_path_of (window);
  fresh_draft = draft_path_of (fresh);
  g_assert_true (lekh_test_wait_until (file_exists, draft, 5000));
  g_assert_true (lekh_test_wait_until (file_exists, fresh_draft, 5000));

  kill (getpid (), SIGKILL);
}

static char *
crash_with_unsaved_work (void)
{
  g_autofree char *path = lekh_test_write_temp ("crashed.md", article, -1);
  g_autofree char *dir = drafts_dir ();

  g_clear_pointer (&clean_path, g_free);
  clean_path = lekh_test_write_temp ("clean.md", clean_article, -1);
  g_setenv ("LEKH_TEST_CLEAN_FILE", clean_path, TRUE);
  g_setenv ("LEKH_TEST_CRASH_FILE", path, TRUE);
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  /* Killed, not exited. */
  g_test_trap_assert_failed ();
  g_assert_cmpuint (count_files (dir), ==, 2);
  return g_steal_pointer (&path);
}

static gboolean
has_dialog_titled (gpointer title)
{
  return lekh_test_find_dialog (NULL, title) != NULL;
}

static gboolean
has_restore_dialog (gpointer data)
{
  return has_dialog_titled ((gpointer) "Restore Unsaved Changes?");
}

static LekhWindow *
window_with_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      GFile *open;

      if (!LEKH_IS_WINDOW (l->data))
        continue;
      open = lekh_document_get_file (lekh_window_get_document (l->data));
      if (open != NULL && g_file_equal (open, file))
        return l->data;
    }
  return NULL;
}

static gboolean
has_window_with_file (gpointer data)
{
  LekhWindow *window = window_with_file (data);

  return window != NULL && !lekh_document_get_busy (lekh_window_get_document (window));
}

static LekhWindow *
window_with_text (const char *text)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      g_autofree char *buffer = NULL;

      if (!LEKH_IS_WINDOW (l->data))
        continue;
      buffer = lekh_test_buffer_text (l->data);
      if (g_str_equal (buffer, text))
        return l->data;
    }
  return NULL;
}

static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    n += LEKH_IS_WINDOW (l->data);
  return n;
}

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l; l = l->next)
    if (LEKH_IS_WINDOW (l->data))
      lekh_test_discard_and_close (l->data);
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("LEKH_TEST_SCREENSHOTS");
  g_autofree char *out = NULL;
  g_autofree char *command = NULL;

  /* For looking at the dialog: LEKH_TEST_SCREENSHOTS=DIR takes a shot of the display. */
  if (dir == NULL)
    return;
  lekh_test_spin (500);
  out = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root '%s'", out);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

/* kill -9 with unsaved work → the next start offers it → restored, modified, until saved. */
static void
test_crash_restore (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = g_strconcat (article, typed, NULL);
  g_autofree char *dir = drafts_dir ();
  g_autofree char *on_disk = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *title = NULL;
  AdwMessageDialog *dialog;
  LekhWindow *restored;
  LekhWindow *fresh;

  if (g_test_subprocess ())
    {
      crash_child ();
      return;
    }
  path = crash_with_unsaved_work ();

  /* The next start: the app opens its window and offers what the crash left. */
  g_application_activate (G_APPLICATION (app));
  g_assert_true (lekh_test_wait_until (has_restore_dialog, NULL, 3000));
  dialog = lekh_test_find_dialog (NULL, "Restore Unsaved Changes?");
  screenshot ("restore-dialog.png");

  /* A second activation while it is open does not offer the same drafts twice. */
  g_application_activate (G_APPLICATION (app));
  lekh_test_spin (100);
  g_assert_cmpuint (count_windows (), ==, 2);
  g_assert_true (lekh_test_find_dialog (NULL, "Restore Unsaved Changes?") == dialog);
  {
    GtkWidget *list = adw_message_dialog_get_extra_child (dialog);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "clean.md");
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3));
  }

  adw_message_dialog_response (dialog, "restore");
  g_assert_true (lekh_test_wait_until (has_window_with_file, path, 5000));
  restored = window_with_file (path);
  lekh_test_spin (50);

  {
    g_autofree char *text = lekh_test_buffer_text (restored);

    g_assert_cmpstr (text, ==, expected);
  }
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (lekh_window_get_document (restored))));
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (restored)));
  g_assert_true (g_str_has_prefix (title, "*crashed.md"));
  /* The file itself still holds what was last saved. */
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, article);

  /* The file that was open without changes is open again, unchanged. */
  g_assert_true (lekh_test_wait_until (has_window_with_file, clean_path, 5000));
  g_assert_false (gtk_text_buffer_get_modified (
                    GTK_TEXT_BUFFER (lekh_window_get_document (window_with_file (clean_path)))));

  fresh = window_with_text (new_text);
  g_assert_nonnull (fresh);
  g_assert_null (lekh_document_get_file (lekh_window_get_document (fresh)));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (lekh_window_get_document (fresh))));
  screenshot ("restored.png");

  /* The restored documents kept their drafts: a second crash would not lose them. */
  g_assert_cmpuint (count_files (dir), ==, 2);

  /* Saving writes the restored text and deletes its draft. */
  draft = draft_path_of (restored);
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  gtk_widget_activate_action (GTK_WIDGET (restored), "win.save", NULL);
  g_assert_true (lekh_test_wait_until (not_modified, restored, 5000));
  g_assert_true (lekh_test_wait_until (file_gone, draft, 2000));
  g_clear_pointer (&on_disk, g_free);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, expected);

  close_all_windows ();
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* Nothing is offered again. */
  g_application_activate (G_APPLICATION (app));
  lekh_test_spin (200);
  g_assert_false (has_restore_dialog (NULL));
  close_all_windows ();
}

/* kill -9 → the next start offers → Discard All deletes the drafts, the file stays. */
static void
test_crash_discard (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = drafts_dir ();
  g_autofree char *on_disk = NULL;
  AdwMessageDialog *dialog;

  if (g_test_subprocess ())
    {
      crash_child ();
      return;
    }
  path = crash_with_unsaved_work ();

  g_application_activate (G_APPLICATION (app));
  g_assert_true (lekh_test_wait_until (has_restore_dialog, NULL, 3000));
  dialog = lekh_test_find_dialog (NULL, "Restore Unsaved Changes?");
  adw_message_dialog_response (dialog, "discard");
  lekh_test_spin (200);

  g_assert_cmpuint (count_files (dir), ==, 0);
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_null (window_with_file (path));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, article);
  close_all_windows ();
}

/* Closing the offer without an answer decides nothing: the next start asks again, and
 * unchecking a document restores only the others. */
static void
test_crash_later_and_choose (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = drafts_dir ();
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *check = NULL;

  if (g_test_subprocess ())
    {
      crash_child ();
      return;
    }
  path = crash_with_unsaved_work ();

  g_application_activate (G_APPLICATION (app));
  g_assert_true (lekh_test_wait_until (has_restore_dialog, NULL, 3000));
  dialog = lekh_test_find_dialog (NULL, "Restore Unsaved Changes?");
  gtk_window_close (GTK_WINDOW (dialog));
  lekh_test_spin (200);
  g_assert_cmpuint (count_files (dir), ==, 2);
  close_all_windows ();

  g_application_activate (G_APPLICATION (app));
  g_assert_true (lekh_test_wait_until (has_restore_dialog, NULL, 3000));
  dialog = lekh_test_find_dialog (NULL, "Restore Unsaved Changes?");

  /* Uncheck the file's row (listed first: its window came first). */
  list = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_LIST_BOX (list));
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "crashed.md");
    check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
    g_assert_true (GTK_IS_CHECK_BUTTON (check));
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2);
    /* A document without a file is named by its front matter's title. */
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "नया लेख");
  }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  adw_message_dialog_response (dialog, "restore");
  lekh_test_spin (300);

  g_assert_null (window_with_file (path));
  g_assert_nonnull (window_with_text (new_text));
  /* The unchecked draft is gone, the restored one kept. */
  g_assert_cmpuint (count_files (dir), ==, 1);
  close_all_windows ();
  g_assert_cmpuint (count_files (dir), ==, 0);
}

/* A draft whose file was deleted meanwhile comes back as a new, unsaved article. */
static void
test_crash_file_deleted (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = g_strconcat (article, typed, NULL);
  AdwMessageDialog *dialog;

  if (g_test_subprocess ())
    {
      crash_child ();
      return;
    }
  path = crash_with_unsaved_work ();

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_application_activate (G_APPLICATION (app));
  g_assert_true (lekh_test_wait_until (has_restore_dialog, NULL, 3000));
  dialog = lekh_test_find_dialog (NULL, "Restore Unsaved Changes?");
  adw_message_dialog_response (dialog, "restore");
  lekh_test_spin (300);

  {
    LekhWindow *window = window_with_text (expected);

    g_assert_nonnull (window);
    g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (lekh_window_get_document (window))));
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  close_all_windows ();
}

/* `lekh crashed.md` after the crash: the file opens, the offer appears, and restoring puts
 * the draft into that window rather than a second one. */
static void
test_crash_then_open_file (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = g_strconcat (article, typed, NULL);
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;
  LekhWindow *window;
  guint n = 0;

  if (g_test_subprocess ())
    {
      crash_child ();
      return;
    }
  path = crash_with_unsaved_work ();
  file = g_file_new_for_path (path);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (lekh_test_wait_until (has_restore_dialog, NULL, 3000));
  dialog = lekh_test_find_dialog (NULL, "Restore Unsaved Changes?");
  adw_message_dialog_response (dialog, "restore");
  g_assert_true (lekh_test_wait_until (has_window_with_file, path, 5000));
  lekh_test_spin (200);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      GFile *open;

      if (!LEKH_IS_WINDOW (l->data))
        continue;
      open = lekh_document_get_file (lekh_window_get_document (l->data));
      n += open != NULL && g_file_equal (open, file);
    }
  g_assert_cmpuint (n, ==, 1);
  window = window_with_file (path);
  {
    g_autofree char *text = lekh_test_buffer_text (window);

    g_assert_cmpstr (text, ==, expected);
  }
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (lekh_window_get_document (window))));
  close_all_windows ();
}

static char *
session_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".session", NULL);

  return g_build_filename (lekh_draft_store_get_dir (store ()), "sessions", file, NULL);
}

/* A crashed session as a crash leaves it: a session file (its lock not held) naming
 * documents, with a draft for those that had unsaved changes. */
static void
write_crashed_session (const char  *name,
                       const char **paths,
                       const char **drafts)
{
  g_autofree char *session = session_path (name);
  g_autofree char *dir = g_path_get_dirname (session);
  g_autofree char *draft_dir = drafts_dir ();
  g_autoptr(GString) keyfile = g_string_new ("[Session]\npid=1\n");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (draft_dir, 0700), ==, 0);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", name, i);
      g_autofree char *uri = g_filename_to_uri (paths[i], NULL, NULL);
      g_autofree char *base = g_path_get_basename (paths[i]);

      g_string_append_printf (keyfile, "\n[Document %s]\ndraft-id=%s\nwindow=%u\ntitle=%s\nuri=%s\n",
                              id, id, i, base, uri);
      if (drafts[i] != NULL)
        {
          g_autofree char *draft = g_build_filename (draft_dir, id, NULL);

          g_assert_true (g_file_set_contents (draft, drafts[i], -1, NULL));
        }
    }
  g_assert_true (g_file_set_contents (session, keyfile->str, keyfile->len, NULL));
}

/* Three crashed sessions had the same files open: each file is offered once, with its
 * unsaved changes where a session had some, and restoring opens one window for each. */
static void
test_crash_same_file_in_several_sessions (void)
{
  g_autofree char *clean = lekh_test_write_temp ("open-twice.md", clean_article, -1);
  g_autofree char *changed = lekh_test_write_temp ("changed-once.md", article, -1);
  g_autofree char *expected = g_strconcat (article, typed, NULL);
  const char *first[] = { clean, changed, NULL };
  const char *first_drafts[] = { NULL, NULL };
  const char *second[] = { clean, NULL };
  const char *second_drafts[] = { NULL };
  const char *third[] = { changed, NULL };
  const char *third_drafts[] = { expected };
  AdwMessageDialog *dialog;
  GtkWidget *list;
  gboolean offered_clean = FALSE;
  gboolean offered_changes = FALSE;
  guint rows = 0;
  GtkListBoxRow *row;

  write_crashed_session ("crashed-first", first, first_drafts);
  write_crashed_session ("crashed-second", second, second_drafts);
  write_crashed_session ("crashed-third", third, third_drafts);

  g_application_activate (G_APPLICATION (app));
  g_assert_true (lekh_test_wait_until (has_restore_dialog, NULL, 3000));
  dialog = lekh_test_find_dialog (NULL, "Restore Unsaved Changes?");
  list = adw_message_dialog_get_extra_child (dialog);
  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), rows)) != NULL)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      if (g_str_equal (title, "open-twice.md"))
        {
          g_assert_false (offered_clean);
          offered_clean = TRUE;
        }
      else
        {
          g_assert_cmpstr (title, ==, "changed-once.md");
          g_assert_false (offered_changes);
          g_assert_true (g_str_has_prefix (subtitle, "Unsaved changes"));
          offered_changes = TRUE;
        }
      rows++;
    }
  g_assert_cmpuint (rows, ==, 2);
  g_assert_true (offered_clean && offered_changes);

  adw_message_dialog_response (dialog, "restore");
  g_assert_true (lekh_test_wait_until (has_window_with_file, clean, 5000));
  g_assert_true (lekh_test_wait_until (has_window_with_file, changed, 5000));
  lekh_test_spin (100);
  {
    g_autofree char *text = lekh_test_buffer_text (window_with_file (changed));

    g_assert_cmpstr (text, ==, expected);
  }
  g_assert_false (gtk_text_buffer_get_modified (
                    GTK_TEXT_BUFFER (lekh_window_get_document (window_with_file (clean)))));
  /* The window the activation opened took the first document: one window each. */
  g_assert_cmpuint (count_windows (), ==, 2);
  close_all_windows ();
}

static gboolean
session_file_exists (const char *name)
{
  g_autofree char *path = session_path (name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* `lekh FILE` after a crash that had FILE open without changes: it is open already, so
 * nothing is offered for it, and a crashed session with nothing else is tidied away. */
static void
test_crash_file_open_again (void)
{
  g_autofree char *clean = lekh_test_write_temp ("open-again.md", clean_article, -1);
  g_autofree char *other = lekh_test_write_temp ("not-open.md", clean_article, -1);
  const char *only[] = { clean, NULL };
  const char *no_drafts[] = { NULL, NULL };
  const char *both[] = { clean, other, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (clean);
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkListBoxRow *row;

  write_crashed_session ("crashed-open-again", only, no_drafts);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (lekh_test_wait_until (has_window_with_file, clean, 5000));
  lekh_test_spin (200);
  g_assert_null (lekh_test_find_dialog (NULL, "Reopen Documents?"));
  g_assert_false (session_file_exists ("crashed-open-again"));
  close_all_windows ();

  /* With another file in the crashed session, only that one is offered. */
  write_crashed_session ("crashed-two-files", both, no_drafts);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (lekh_test_wait_until (has_dialog_titled, (gpointer) "Reopen Documents?", 3000));
  dialog = lekh_test_find_dialog (NULL, "Reopen Documents?");
  list = adw_message_dialog_get_extra_child (dialog);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "not-open.md");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  adw_message_dialog_response (dialog, "discard");
  lekh_test_spin (100);
  g_assert_false (session_file_exists ("crashed-two-files"));
  g_assert_cmpuint (count_windows (), ==, 1);
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  app = lekh_test_gui_init (&argc, &argv, "/drafts");
  if (app == NULL)
    return g_test_run ();

  g_test_add_func ("/drafts/lifecycle", test_draft_lifecycle);
  g_test_add_func ("/drafts/crash-restore", test_crash_restore);
  g_test_add_func ("/drafts/crash-discard", test_crash_discard);
  g_test_add_func ("/drafts/crash-later-and-choose", test_crash_later_and_choose);
  g_test_add_func ("/drafts/crash-file-deleted", test_crash_file_deleted);
  g_test_add_func ("/drafts/crash-then-open-file", test_crash_then_open_file);
  g_test_add_func ("/drafts/crash-same-file-in-several-sessions",
                   test_crash_same_file_in_several_sessions);
  g_test_add_func ("/drafts/crash-file-open-again", test_crash_file_open_again);

  return g_test_run ();
}
