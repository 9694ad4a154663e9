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

/* Adding and removing a tag on chosen articles: only the list changes (one item's bytes),
 * files that have it already (or not) are left out, a list of objects keeps its objects,
 * a text is skipped with the reason. */
static void
test_add_remove (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LekhBulkEdit) add = NULL;
  g_autoptr(LekhBulkEdit) remove = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *e = NULL;
  const char *reason = NULL;

  g_ptr_array_add (paths, write_article ("a.md", "---\ntitle: A\ntags: [js, web]   # keep\n---\nBody\n"));
  g_ptr_array_add (paths, write_article ("b.md", "---\ntitle: B\ntags:\n  - web\n  - js   # the old one\n# end\n---\n"));
  g_ptr_array_add (paths, write_article ("c.md", "---\ntitle: C  # no tags\n---\nBody\n"));
  g_ptr_array_add (paths, write_article ("e.md", "---\ntitle: E\ntags:\n  - label: web\n---\n"));
  g_ptr_array_add (paths, write_article ("f.md", "---\ntitle: F\ntags: js web\n---\n"));

  add = lekh_bulk_edit_plan_add (paths, "tags", "gtk", NULL);
  g_assert_cmpuint (lekh_bulk_edit_get_n_files (add), ==, 4);
  g_assert_cmpuint (lekh_bulk_edit_get_n_skipped (add), ==, 1);
  lekh_bulk_edit_get_skipped (add, 0, &reason);
  g_assert_nonnull (strstr (reason, "not a list"));
  g_assert_cmpuint (lekh_bulk_edit_apply (add), ==, 4);
  a = read_article (g_ptr_array_index (paths, 0));
  b = read_article (g_ptr_array_index (paths, 1));
  c = read_article (g_ptr_array_index (paths, 2));
  e = read_article (g_ptr_array_index (paths, 3));
  g_assert_cmpstr (a, ==, "---\ntitle: A\ntags: [js, web, gtk]   # keep\n---\nBody\n");
  /* One item appended: the last item keeps its end-of-line comment. */
  g_assert_cmpstr (b, ==, "---\ntitle: B\ntags:\n  - web\n  - js   # the old one\n  - gtk\n# end\n---\n");
  g_assert_cmpstr (e, ==, "---\ntitle: E\ntags:\n  - label: web\n  - gtk\n---\n");
  g_assert_nonnull (g_str_has_prefix (c, "---\ntitle: C  # no tags\ntags:") ? c : NULL);
  g_assert_true (g_str_has_suffix (c, "---\nBody\n"));
  /* Adding again changes nothing. */
  {
    g_autoptr(LekhBulkEdit) again = lekh_bulk_edit_plan_add (paths, "tags", "gtk", NULL);
    g_assert_cmpuint (lekh_bulk_edit_get_n_files (again), ==, 0);
  }

  /* Removing js: only its bytes (a block item with its line, comment and all). */
  remove = lekh_bulk_edit_plan_remove (paths, "tags", "js", NULL);
  g_assert_cmpuint (lekh_bulk_edit_get_n_files (remove), ==, 2);
  g_assert_cmpuint (lekh_bulk_edit_apply (remove), ==, 2);
  g_clear_pointer (&a, g_free);
  g_clear_pointer (&b, g_free);
  a = read_article (g_ptr_array_index (paths, 0));
  b = read_article (g_ptr_array_index (paths, 1));
  g_assert_cmpstr (a, ==, "---\ntitle: A\ntags: [web, gtk]   # keep\n---\nBody\n");
  g_assert_cmpstr (b, ==, "---\ntitle: B\ntags:\n  - web\n  - gtk\n# end\n---\n");
  /* Undone as a whole. */
  g_assert_cmpuint (lekh_bulk_edit_undo (remove), ==, 2);
  g_clear_pointer (&a, g_free);
  a = read_article (g_ptr_array_index (paths, 0));
  g_assert_cmpstr (a, ==, "---\ntitle: A\ntags: [js, web, gtk]   # keep\n---\nBody\n");
  g_assert_cmpuint (lekh_bulk_edit_undo (add), ==, 4);
  g_clear_pointer (&a, g_free);
  a = read_article (g_ptr_array_index (paths, 0));
  g_assert_cmpstr (a, ==, "---\ntitle: A\ntags: [js, web]   # keep\n---\nBody\n");

  /* The only item removed leaves an empty list. */
  {
    g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(LekhBulkEdit) last = NULL;

    g_ptr_array_add (one, write_article ("g.md", "---\ntags: [solo]\n---\n"));
    last = lekh_bulk_edit_plan_remove (one, "tags", "solo", NULL);
    g_assert_cmpuint (lekh_bulk_edit_apply (last), ==, 1);
    g_clear_pointer (&e, g_free);
    e = read_article (g_ptr_array_index (one, 0));
    g_assert_cmpstr (e, ==, "---\ntags: []\n---\n");
  }
}

/* Renaming an author key renames its authors.yml entry too, only the key's bytes; a merge
 * into an author the file has already leaves the file alone. */
static void
test_rename_author (void)
{
  g_autofree char *site = g_build_filename (tmpdir, "authors-site", NULL);
  g_autofree char *blog = g_build_filename (site, "blog", NULL);
  g_autofree char *config = g_build_filename (site, "docusaurus.config.js", NULL);
  g_autofree char *authors = g_build_filename (blog, "authors.yml", NULL);
  g_autofree char *a = g_build_filename (blog, "2024-01-01-a.md", NULL);
  g_autofree char *b = g_build_filename (blog, "2024-01-02-b.md", NULL);
  const char *authors_text = "# The writers\nasha:\n  name: Asha   # she writes\n  title: Writer\n"
                             "ravi:\n  name: Ravi\n";
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(LekhBulkEdit) edit = NULL;
  g_autoptr(LekhBulkEdit) merge = NULL;
  g_autofree char *now = NULL;

  g_assert_cmpint (g_mkdir_with_parents (blog, 0755), ==, 0);
  g_assert_true (g_file_set_contents (config, "module.exports = {};\n", -1, NULL));
  g_assert_true (g_file_set_contents (authors, authors_text, -1, NULL));
  g_assert_true (g_file_set_contents (a, "---\nauthors: [asha, ravi]\n---\n", -1, NULL));
  g_assert_true (g_file_set_contents (b, "---\nauthors: asha  # one\n---\n", -1, NULL));
  g_ptr_array_add (paths, a);
  g_ptr_array_add (paths, b);

  edit = lekh_bulk_edit_plan_rename_author (paths, "authors", "asha", "asha-k", NULL);
  g_assert_cmpuint (lekh_bulk_edit_get_n_files (edit), ==, 3);
  g_assert_cmpstr (lekh_bulk_edit_get_path (edit, 2), ==, authors);
  {
    g_autofree char *diff = lekh_bulk_edit_dup_diff (edit, 2, site);
    g_assert_nonnull (strstr (diff, "\n-asha:\n+asha-k:\n"));
  }
  g_assert_cmpuint (lekh_bulk_edit_apply (edit), ==, 3);
  now = read_article (authors);
  g_assert_cmpstr (now, ==, "# The writers\nasha-k:\n  name: Asha   # she writes\n"
                            "  title: Writer\nravi:\n  name: Ravi\n");
  g_clear_pointer (&now, g_free);
  now = read_article (b);
  g_assert_cmpstr (now, ==, "---\nauthors: asha-k  # one\n---\n");
  g_assert_cmpuint (lekh_bulk_edit_undo (edit), ==, 3);
  g_clear_pointer (&now, g_free);
  now = read_article (authors);
  g_assert_cmpstr (now, ==, authors_text);

  /* Merged into ravi, whom the file has: the articles change, the file does not. */
  merge = lekh_bulk_edit_plan_rename_author (paths, "authors", "asha", "ravi", NULL);
  g_assert_cmpuint (lekh_bulk_edit_get_n_files (merge), ==, 2);
  g_assert_cmpuint (lekh_bulk_edit_get_n_skipped (merge), ==, 0);
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
  g_test_add_func ("/bulk-edit/add-remove", test_add_remove);
  g_test_add_func ("/bulk-edit/rename-author", test_rename_author);

  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmpdir);
    if (system (command) != 0)
      g_warning ("could not remove %s", tmpdir);
  }
  g_free (tmpdir);
  return status;
}
