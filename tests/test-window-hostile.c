/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window-hostile"

#include "config.h"

#include <errno.h>
#include <sys/mount.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "lekh-gui-test.h"
#include "lekh-preview.h"
#include "lekh-window-private.h"

static LekhApplication *app;

static const char article[] = "---\ntitle: सुरक्षित\ntags: [safe]\n---\n\nजो लिखा, वह बचा रहे।\n";

static gboolean
run_quiet (const char *command)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_command_line_sync (command, &out, &err, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Save fails: a dialog explains, the buffer keeps the text and stays modified, the file on
 * disk is exactly EXPECTED and its folder holds no leftover temporary file. */
static void
assert_save_fails (LekhWindow *window,
                   const char *path,
                   const char *expected,
                   gsize       expected_len,
                   const char *message_part)
{
  g_autofree char *before = lekh_test_buffer_text (window);
  g_autofree char *after = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  guint entries = count_entries (dir);
  gsize len = 0;
  AdwMessageDialog *dialog;
  const char *body;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (lekh_test_wait_until (lekh_test_has_dialog, window, 10000));
  g_assert_true (lekh_test_wait_until (lekh_test_document_idle, window, 10000));
  dialog = lekh_test_find_dialog (GTK_WINDOW (window), NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the File");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("save error: %s", body);
  if (strstr (body, message_part) == NULL)
    g_error ("“%s” not in the error “%s”", message_part, body);

  after = lekh_test_buffer_text (window);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (lekh_window_get_document (window))));

  if (expected != NULL)
    {
      g_assert_true (g_file_get_contents (path, &on_disk, &len, NULL));
      g_assert_cmpmem (on_disk, len, expected, expected_len);
    }
  else
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, entries);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Disk full: a 64 KiB tmpfs, an article that grows past it. */
static void
test_save_disk_full (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lekh-full-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "full.md", NULL);
  g_autoptr(GString) more = g_string_new ("\n");
  LekhWindow *window;

  if (mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
    {
      g_autofree char *msg = g_strdup_printf ("Cannot mount a small tmpfs (%s): needs root",
                                              g_strerror (errno));
      g_test_skip (msg);
      return;
    }

  g_assert_true (g_file_set_contents (path, article, -1, NULL));
  window = lekh_test_open_window (app, path, 60000);
  while (more->len < 200 * 1024)
    g_string_append (more, "एक लंबा अनुच्छेद जो डिस्क भर देगा। ");
  lekh_test_insert_at_end (window, more->str);

  assert_save_fails (window, path, article, strlen (article), "disk is full");

  lekh_test_discard_and_close (window);
  g_assert_cmpint (umount (dir), ==, 0);
}

static gboolean
make_immutable (const char *path,
                gboolean    on)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("chattr %s %s", on ? "+i" : "-i", quoted);

  return run_quiet (command);
}

/* Read-only file: chmod stops a normal user; root needs the immutable attribute. */
static void
test_save_read_only_file (void)
{
  g_autofree char *path = lekh_test_write_temp ("read-only.md", article, -1);
  LekhWindow *window = lekh_test_open_window (app, path, 60000);
  gboolean immutable = FALSE;

  lekh_test_insert_at_end (window, "नया वाक्य।\n");
  if (getuid () == 0)
    {
      immutable = make_immutable (path, TRUE);
      if (!immutable)
        {
          g_test_skip ("Running as root and chattr +i is not supported here: cannot make a "
                       "file read-only");
          lekh_test_discard_and_close (window);
          return;
        }
    }
  else
    g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  assert_save_fails (window, path, article, strlen (article), "is read-only");

  if (immutable)
    g_assert_true (make_immutable (path, FALSE));
  lekh_test_discard_and_close (window);
}

/* Read-only folder with a writable file in it: g_file_replace() would fall back to
 * truncating the file in place; Lekh refuses before writing a byte. */
static void
test_save_read_only_folder (void)
{
  g_autofree char *path = lekh_test_write_temp ("in-read-only-folder.md", article, -1);
  g_autofree char *dir = g_path_get_dirname (path);
  LekhWindow *window = lekh_test_open_window (app, path, 60000);
  gboolean immutable = FALSE;

  lekh_test_insert_at_end (window, "नया वाक्य।\n");
  if (getuid () == 0)
    {
      immutable = make_immutable (dir, TRUE);
      if (!immutable)
        {
          g_test_skip ("Running as root and chattr +i is not supported here: cannot make a "
                       "folder read-only");
          lekh_test_discard_and_close (window);
          return;
        }
    }
  else
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  assert_save_fails (window, path, article, strlen (article), "is read-only");

  if (immutable)
    g_assert_true (make_immutable (dir, FALSE));
  else
    g_chmod (dir, 0755);
  lekh_test_discard_and_close (window);
}

/* A symlink in a read-only folder to an article elsewhere: saved through the link, which
 * stays a link. */
static void
test_save_through_symlink (void)
{
  g_autofree char *path = lekh_test_write_temp ("target.md", article, -1);
  g_autofree char *link_dir = g_dir_make_tmp ("lekh-link-XXXXXX", NULL);
  g_autofree char *link = g_build_filename (link_dir, "link.md", NULL);
  g_autofree char *on_disk = NULL;
  g_autofree char *text = NULL;
  LekhWindow *window;
  gboolean immutable = FALSE;

  g_assert_cmpint (symlink (path, link), ==, 0);
  window = lekh_test_open_window (app, link, 60000);
  lekh_test_insert_at_end (window, "कड़ी से सहेजा।\n");
  if (getuid () == 0)
    immutable = make_immutable (link_dir, TRUE);
  else
    g_chmod (link_dir, 0555);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (lekh_test_wait_until (lekh_test_document_idle, window, 5000));
  lekh_test_spin (50);
  g_assert_false (lekh_test_has_dialog (window));
  text = lekh_test_buffer_text (window);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, text);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  if (immutable)
    g_assert_true (make_immutable (link_dir, FALSE));
  else
    g_chmod (link_dir, 0755);
  lekh_test_discard_and_close (window);
}

/* Deleted underneath: an error, nothing written; Keep Mine then saves it again. */
static void
test_save_deleted_underneath (void)
{
  g_autofree char *path = lekh_test_write_temp ("deleted.md", article, -1);
  LekhWindow *window = lekh_test_open_window (app, path, 60000);
  g_autofree char *text = NULL;
  g_autofree char *on_disk = NULL;
  LekhDocument *document = lekh_window_get_document (window);

  lekh_test_insert_at_end (window, "नया वाक्य।\n");
  g_assert_cmpint (g_unlink (path), ==, 0);

  assert_save_fails (window, path, NULL, 0, "was deleted or moved");
  g_assert_true (lekh_document_get_externally_modified (document));

  /* The writer chooses to keep their text: the next save writes it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (lekh_test_wait_until (lekh_test_document_idle, window, 5000));
  lekh_test_spin (50);
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  text = lekh_test_buffer_text (window);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, text);

  lekh_test_discard_and_close (window);
}

/* Replaced underneath (another program's atomic save, within the same second): an error,
 * and the other program's file is left as it wrote it. */
static void
test_save_replaced_underneath (void)
{
  static const char theirs[] = "---\ntitle: उनका संस्करण\n---\n\nकिसी और ने लिखा।\n";
  g_autofree char *path = lekh_test_write_temp ("replaced.md", article, -1);
  g_autofree char *other = g_strconcat (path, ".other", NULL);
  LekhWindow *window = lekh_test_open_window (app, path, 60000);

  lekh_test_insert_at_end (window, "नया वाक्य।\n");
  g_assert_true (g_file_set_contents (other, theirs, -1, NULL));
  g_assert_cmpint (g_rename (other, path), ==, 0);

  assert_save_fails (window, path, theirs, strlen (theirs), "changed or replaced");
  lekh_test_discard_and_close (window);
}

/* Opening */

static void
assert_refused (const char *name,
                const char *contents,
                gsize       len,
                const char *message_part)
{
  g_autofree char *path = lekh_test_write_temp (name, contents, len);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *on_disk = NULL;
  LekhWindow *window = lekh_window_new (app);
  LekhDocument *document = lekh_window_get_document (window);
  AdwMessageDialog *dialog;
  gsize disk_len = 0;

  gtk_window_present (GTK_WINDOW (window));
  lekh_window_load_file (window, file);
  g_assert_true (lekh_test_wait_until (lekh_test_has_dialog, window, 10000));
  dialog = lekh_test_find_dialog (GTK_WINDOW (window), NULL);
  g_test_message ("%s: %s", name, adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), message_part));
  g_assert_null (lekh_document_get_file (document));
  g_assert_cmpint (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (document)), ==, 0);
  g_assert_true (g_file_get_contents (path, &on_disk, &disk_len, NULL));
  g_assert_cmpmem (on_disk, disk_len, contents, len);

  gtk_window_destroy (GTK_WINDOW (dialog));
  lekh_test_discard_and_close (window);
}

static void
test_open_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff" "a";

  assert_refused ("image.md", png, sizeof png - 1, "not valid UTF-8");
}

static void
test_open_nul_bytes (void)
{
  static const char text[] = "---\ntitle: nul\n---\n\nbefore\0after\n";

  assert_refused ("nul.md", text, sizeof text - 1, "not valid UTF-8");
}

static void
test_open_latin1 (void)
{
  static const char text[] = "---\ntitle: Caf\xe9\n---\n\nNa\xefve r\xe9sum\xe9.\n";

  assert_refused ("latin1.md", text, sizeof text - 1, "not valid UTF-8");
}

/* Open → Save without edits is byte-identical, and an edit changes only its own bytes. */
static void
assert_round_trip (const char *name,
                   const char *contents,
                   gsize       len)
{
  g_autofree char *path = lekh_test_write_temp (name, contents, len);
  LekhWindow *window = lekh_test_open_window (app, path, 60000);
  LekhDocument *document = lekh_window_get_document (window);
  g_autofree char *on_disk = NULL;
  gsize disk_len = 0;

  /* Mark modified without changing a character, then save. */
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (lekh_test_wait_until (lekh_test_document_idle, window, 10000));
  lekh_test_spin (50);
  g_assert_false (lekh_test_has_dialog (window));
  g_assert_true (g_file_get_contents (path, &on_disk, &disk_len, NULL));
  g_assert_cmpmem (on_disk, disk_len, contents, len);

  lekh_test_discard_and_close (window);
}

static void
test_bom_and_crlf (void)
{
  static const char text[] = "\xef\xbb\xbf---\r\ntitle: BOM\r\n---\r\n\r\nशरीर\r\n";

  assert_round_trip ("bom.md", text, sizeof text - 1);
}

static void
test_mixed_line_endings (void)
{
  static const char text[] = "---\ntitle: mixed\r\ntags: [a]\n---\r\n\nline one\r\nline two\nline three\r\n";
  g_autofree char *path = lekh_test_write_temp ("mixed.md", text, sizeof text - 1);
  LekhWindow *window = lekh_test_open_window (app, path, 60000);
  LekhDocument *document = lekh_window_get_document (window);
  g_autofree char *buffer = lekh_test_buffer_text (window);

  /* The buffer holds every line ending as it was: nothing is normalised on the way in. */
  g_assert_cmpstr (buffer, ==, text);
  g_assert_cmpstr (lekh_article_get_text (lekh_document_get_article (document), NULL), ==, text);
  lekh_test_discard_and_close (window);

  assert_round_trip ("mixed-save.md", text, sizeof text - 1);
}

static void
test_long_line (void)
{
  g_autoptr(GString) text = g_string_new ("---\ntitle: एक पंक्ति\n---\n\n");
  g_autofree char *path = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;
  LekhWindow *window;
  gint64 start;

  while (text->len < 200 * 1024)
    g_string_append (text, "एक बहुत लंबी पंक्ति बिना किसी नई पंक्ति के ");
  g_string_append_c (text, '\n');
  path = lekh_test_write_temp ("long-line.md", text->str, text->len);

  start = g_get_monotonic_time ();
  window = lekh_test_open_window (app, path, 60000);
  g_test_message ("200 KB single line opened in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* Still usable: type, save, and only the typed bytes are new. */
  start = g_get_monotonic_time ();
  lekh_test_insert_at_end (window, "अंत।");
  lekh_test_spin (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (lekh_test_wait_until (lekh_test_document_idle, window, 10000));
  lekh_test_spin (50);
  g_test_message ("typed and saved in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  expected = g_strconcat (text->str, "अंत।", NULL);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, expected);

  lekh_test_discard_and_close (window);
}

static void
test_large_file (void)
{
  g_autoptr(GString) text = g_string_new ("---\ntitle: पचास मेगाबाइट\ntags: [big]\n---\n\n");
  g_autofree char *path = NULL;
  g_autofree char *buffer = NULL;
  LekhWindow *window;
  gint64 start;
  gsize size;

  while (text->len < 50 * 1024 * 1024)
    g_string_append (text, "## खंड\n\nयह एक लंबा लेख है जिसमें **बहुत** सारे शब्द हैं, "
                           "and some English words too, repeated many times.\n\n");
  size = text->len;
  path = lekh_test_write_temp ("large.md", text->str, text->len);

  start = g_get_monotonic_time ();
  window = lekh_test_open_window (app, path, 60000);
  g_test_message ("%.1f MB article opened in %.2f s", size / 1048576.0,
                  (g_get_monotonic_time () - start) / 1e6);

  /* The live preview would render 50 MB at once and block typing: it is paused, and a
   * notice in its place says so. */
  g_assert_true (lekh_window_get_preview_paused (window));
  g_assert_false (gtk_widget_get_visible (lekh_window_get_preview (window)));
  g_assert_cmpuint (lekh_preview_get_n_blocks (LEKH_PREVIEW (lekh_window_get_preview (window))), ==, 0);
  {
    GtkWidget *notice = gtk_widget_get_next_sibling (lekh_window_get_preview (window));

    g_assert_true (ADW_IS_STATUS_PAGE (notice));
    g_assert_true (gtk_widget_get_visible (notice));
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (notice)), ==, "Preview Paused");
    g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (notice)),
                              "large.md"));
  }

  /* The editor stays usable: an edit lands quickly, the title reads back, no dialog. */
  start = g_get_monotonic_time ();
  lekh_test_insert_at_end (window, "अंत।\n");
  lekh_test_spin (300);
  g_test_message ("edit + re-parse settled in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_false (lekh_test_has_dialog (window));
  g_assert_cmpstr (lekh_node_get_string (lekh_article_get_value (
                     lekh_document_ensure_article (lekh_window_get_document (window)), "title")),
                   ==, "पचास मेगाबाइट");
  buffer = lekh_test_buffer_text (window);
  g_assert_cmpuint (strlen (buffer), ==, size + strlen ("अंत।\n"));
  g_assert_true (g_str_has_suffix (buffer, "अंत।\n"));

  /* A normal article in the same window brings the live preview back. */
  {
    g_autofree char *small = lekh_test_write_temp ("small.md", article, -1);
    g_autoptr(GFile) file = g_file_new_for_path (small);
    LekhPreview *preview = LEKH_PREVIEW (lekh_window_get_preview (window));

    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (lekh_window_get_document (window)), FALSE);
    lekh_window_load_file (window, file);
    g_assert_true (lekh_test_wait_until (lekh_test_document_idle, window, 60000));
    lekh_test_spin (100);
    g_assert_false (lekh_window_get_preview_paused (window));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preview)));
    lekh_preview_flush (preview);
    g_assert_cmpuint (lekh_preview_get_n_blocks (preview), >, 0);
  }

  lekh_test_discard_and_close (window);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  app = lekh_test_gui_init (&argc, &argv, "/window-hostile");
  if (app == NULL)
    return g_test_run ();

  g_test_add_func ("/window-hostile/save-disk-full", test_save_disk_full);
  g_test_add_func ("/window-hostile/save-read-only-file", test_save_read_only_file);
  g_test_add_func ("/window-hostile/save-read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/window-hostile/save-through-symlink", test_save_through_symlink);
  g_test_add_func ("/window-hostile/save-deleted-underneath", test_save_deleted_underneath);
  g_test_add_func ("/window-hostile/save-replaced-underneath", test_save_replaced_underneath);
  g_test_add_func ("/window-hostile/open-binary", test_open_binary);
  g_test_add_func ("/window-hostile/open-nul-bytes", test_open_nul_bytes);
  g_test_add_func ("/window-hostile/open-latin1", test_open_latin1);
  g_test_add_func ("/window-hostile/bom-and-crlf", test_bom_and_crlf);
  g_test_add_func ("/window-hostile/mixed-line-endings", test_mixed_line_endings);
  g_test_add_func ("/window-hostile/long-line", test_long_line);
  g_test_add_func ("/window-hostile/large-file", test_large_file);

  return g_test_run ();
}
