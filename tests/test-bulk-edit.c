/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lekh-bulk-edit.h"

/* A change planned over many files, previewed, applied file by file and undone. */

static char *tmpdir;

static char *
write_article (const char *name,
               const char *text)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static char *
read_article (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static const char *a_text = "---\ntitle: A\ntags: [js, web]   # keep\n---\nBody js\n";
static const char *b_text = "---\ntitle: B\ntags:\n  - javascript\n  - js\n---\n";
static const char *c_text = "---\ntitle: C\ntags: [web]\n---\n";
static const char *d_text = "{\n  \"tags\": [\"js\"]\n}\n";   /* JSON: a one-line list is refused */

static GPtrArray *
make_site (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (paths, write_article ("a.md", a_text));
  g_ptr_array_add (paths, write_article ("b.md", b_text));
  g_ptr_array_add (paths, write_article ("c.md", c_text));
  g_ptr_array_add (paths, write_article ("d.md", d_text));
  return paths;
}

static void
test_plan_apply_undo (void)
{
  g_autoptr(GPtrArray) paths = make_site ();
  g_autoptr(LekhBulkEdit) edit = lekh_bulk_edit_plan_replace (paths, "tags", "js", "javascript",
                                                              NULL);
  g_autofree char *diff = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *a2 = NULL, *b2 = NULL;
  const char *reason = NULL;

  /* The plan: two files change, the JSON one is skipped, nothing is written yet. */
  g_assert_cmpuint (lekh_bulk_edit_get_n_files (edit), ==, 2);
  g_assert_cmpstr (lekh_bulk_edit_get_path (edit, 0), ==, paths->pdata[0]);
  g_assert_cmpuint (lekh_bulk_edit_get_n_skipped (edit), ==, 1);
  g_assert_cmpstr (lekh_bulk_edit_get_skipped (edit, 0, &reason), ==, paths->pdata[3]);
  g_assert_nonnull (strstr (reason, "tags"));
  diff = lekh_bulk_edit_dup_diff (edit, 0, tmpdir);
  g_assert_cmpstr (diff, ==, "--- a/a.md\n+++ b/a.md\n@@ -1,5 +1,5 @@\n ---\n title: A\n"
                             "-tags: [js, web]   # keep\n+tags: [javascript, web]   # keep\n"
                             " ---\n Body js\n");
  a = read_article (paths->pdata[0]);
  g_assert_cmpstr (a, ==, a_text);

  g_assert_cmpuint (lekh_bulk_edit_apply (edit), ==, 2);
  g_free (a);
  a = read_article (paths->pdata[0]);
  b = read_article (paths->pdata[1]);
  c = read_article (paths->pdata[2]);
  g_assert_cmpstr (a, ==, "---\ntitle: A\ntags: [javascript, web]   # keep\n---\nBody js\n");
  g_assert_cmpstr (b, ==, "---\ntitle: B\ntags:\n  - javascript\n---\n");
  g_assert_cmpstr (c, ==, c_text);
  g_assert_cmpint (lekh_bulk_edit_get_state (edit, 1), ==, LEKH_BULK_FILE_APPLIED);

  /* Undo restores every byte. */
  g_assert_cmpuint (lekh_bulk_edit_undo (edit), ==, 2);
  a2 = read_article (paths->pdata[0]);
  b2 = read_article (paths->pdata[1]);
  g_assert_cmpstr (a2, ==, a_text);
  g_assert_cmpstr (b2, ==, b_text);
  g_assert_cmpint (lekh_bulk_edit_get_state (edit, 0), ==, LEKH_BULK_FILE_UNDONE);
  /* Twice does nothing. */
  g_assert_cmpuint (lekh_bulk_edit_undo (edit), ==, 0);
}

static void
test_refuses_changed_files (void)
{
  g_autoptr(GPtrArray) paths = make_site ();
  g_autoptr(LekhBulkEdit) edit = lekh_bulk_edit_plan_replace (paths, "tags", "js", "javascript",
                                                              NULL);
  const char *changed = "---\ntitle: A, edited meanwhile\ntags: [js]\n---\n";
  const char *later = "---\ntitle: B, edited after\ntags: [javascript]\n---\n";
  g_autofree char *a = NULL, *b = NULL;

  /* Changed after the preview: not written, the other file is. */
  g_usleep (10000);
  g_assert_true (g_file_set_contents (paths->pdata[0], changed, -1, NULL));
  g_assert_cmpuint (lekh_bulk_edit_apply (edit), ==, 1);
  g_assert_cmpint (lekh_bulk_edit_get_state (edit, 0), ==, LEKH_BULK_FILE_FAILED);
  g_assert_nonnull (lekh_bulk_edit_get_error (edit, 0));
  a = read_article (paths->pdata[0]);
  g_assert_cmpstr (a, ==, changed);

  /* Changed after it was written: not restored. */
  g_usleep (10000);
  g_assert_true (g_file_set_contents (paths->pdata[1], later, -1, NULL));
  g_assert_cmpuint (lekh_bulk_edit_undo (edit), ==, 0);
  b = read_article (paths->pdata[1]);
  g_assert_cmpstr (b, ==, later);
  g_assert_nonnull (lekh_bulk_edit_get_error (edit, 1));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("lekh-test-bulk-edit-XXXXXX", NULL);

  g_test_add_func ("/bulk-edit/plan-apply-undo", test_plan_apply_undo);
  g_test_add_func ("/bulk-edit/refuses-changed-files", test_refuses_changed_files);

  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmpdir);
    if (system (command) != 0)
      g_warning ("could not remove %s", tmpdir);
  }
  g_free (tmpdir);
  return status;
}
