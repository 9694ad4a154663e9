/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lekh-site-index.h"
#include "lekh-suggestion.h"

static char *
make_site (void)
{
  char *root = g_dir_make_tmp ("lekh-site-XXXXXX", NULL);
  static const struct { const char *path; const char *text; } files[] = {
    { "blog/2024-01-01-one.md", "---\ntitle: One\nslug: same\ntags: [GNOME, Rust, हिंदी]\nauthors: [priya]\n---\n" },
    { "blog/2024-02-01-two.md", "---\ntitle: Two\ntags:\n  - gnome\n  - Café\n  - हिंदी\nauthors: priya\n---\n" },
    { "blog/2024-03-01-three.mdx", "---\ntitle: One\nslug: same\ntags: [GNOME, guides]\nkeywords: [editor, markdown]\nauthors:\n  - name: Arjun\n---\n" },
    { "docs/intro.md", "---\ntitle: Intro\ntags: gnome tips\ncategories: [docs]\n---\n" },
    { "docs/broken.md", "---\ntitle: [unclosed\n---\n" },
    { "docs/plain.md", "no front matter\n" },
    { "node_modules/pkg/readme.md", "---\ntags: [ignored]\n---\n" },
    { ".git/x.md", "---\ntags: [ignored]\n---\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (root, files[i].path, NULL);
      g_autofree char *dir = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_true (g_file_set_contents (path, files[i].text, -1, NULL));
    }
  return root;
}

static void
remove_tree (const char *root)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", root);
  g_assert_cmpint (system (cmd), ==, 0);
}

static LekhSiteIndex *
build_index (const char *root)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  LekhSiteIndex *index = lekh_site_index_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (lekh_site_index_build (index, NULL, &error));
  g_assert_no_error (error);
  return index;
}

static char **
values_of (GPtrArray *suggestions)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **out;

  for (guint i = 0; i < suggestions->len; i++)
    g_strv_builder_add (builder, ((LekhSiteSuggestion *) g_ptr_array_index (suggestions, i))->value);
  out = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return out;
}

static void
test_site_index_counts (void)
{
  g_autofree char *root = make_site ();
  g_autoptr(LekhSiteIndex) index = build_index (root);

  g_assert_true (lekh_site_index_is_ready (index));
  g_assert_cmpuint (lekh_site_index_get_n_articles (index), ==, 6);
  /* GNOME, gnome, GNOME, and "gnome tips" as a Jekyll string: 4 articles */
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "gnome"), ==, 4);
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "हिंदी"), ==, 2);
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "cafe"), ==, 1);
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "ignored"), ==, 0);
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_AUTHORS, "priya"), ==, 2);
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_AUTHORS, "Arjun"), ==, 1);
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_KEYWORDS, "markdown"), ==, 1);
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_CATEGORIES, "docs"), ==, 1);
  remove_tree (root);
}

static void
test_site_index_suggest (void)
{
  g_autofree char *root = make_site ();
  g_autoptr(LekhSiteIndex) index = build_index (root);
  g_autoptr(GPtrArray) g = lekh_site_index_suggest (index, LEKH_SITE_FIELD_TAGS, "G", NULL, 10);
  g_autoptr(GPtrArray) cafe = lekh_site_index_suggest (index, LEKH_SITE_FIELD_TAGS, "cafe", NULL, 10);
  g_autoptr(GPtrArray) hindi = lekh_site_index_suggest (index, LEKH_SITE_FIELD_TAGS, "हिं", NULL, 10);
  g_autoptr(GPtrArray) excluded = lekh_site_index_suggest (index, LEKH_SITE_FIELD_TAGS, "g",
                                                           (const char *[]) { "Gnome", NULL }, 10);
  g_autoptr(GPtrArray) all = lekh_site_index_suggest (index, LEKH_SITE_FIELD_TAGS, "", NULL, 2);
  g_auto(GStrv) gv = values_of (g), cv = values_of (cafe), hv = values_of (hindi);
  g_auto(GStrv) ev = values_of (excluded), av = values_of (all);

  /* Most used first, canonical spelling (the most common one) */
  g_assert_cmpstrv (gv, ((const char *[]) { "GNOME", "guides", NULL }));
  g_assert_cmpstrv (cv, ((const char *[]) { "Café", NULL }));
  g_assert_cmpstrv (hv, ((const char *[]) { "हिंदी", NULL }));
  g_assert_cmpstrv (ev, ((const char *[]) { "guides", NULL }));
  g_assert_cmpstrv (av, ((const char *[]) { "GNOME", "हिंदी", NULL }));
  remove_tree (root);
}

static char **
suggestion_values (GPtrArray *suggestions)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; i < suggestions->len; i++)
    g_strv_builder_add (builder, lekh_suggestion_get_value (g_ptr_array_index (suggestions, i)));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static void
test_suggestion_for_site (void)
{
  g_autofree char *root = make_site ();
  g_autoptr(LekhSiteIndex) index = build_index (root);
  g_autoptr(GPtrArray) g = lekh_suggestion_for_site (index, NULL, LEKH_SITE_FIELD_TAGS, "G", NULL, 0);
  g_autoptr(GPtrArray) hindi = lekh_suggestion_for_site (index, NULL, LEKH_SITE_FIELD_TAGS, "हिं",
                                                         (const char *[]) { "rust", NULL }, 0);
  g_autoptr(GPtrArray) cafe = lekh_suggestion_for_site (index, NULL, LEKH_SITE_FIELD_TAGS, "CAFE", NULL, 0);
  g_autoptr(GPtrArray) none = lekh_suggestion_for_site (index, NULL, LEKH_SITE_FIELD_TAGS, "", NULL, 0);
  g_auto(GStrv) gv = suggestion_values (g), hv = suggestion_values (hindi);
  g_auto(GStrv) cv = suggestion_values (cafe);

  /* Most used first, in the canonical spelling, with the count of articles. */
  g_assert_cmpstrv (gv, ((const char *[]) { "GNOME", "guides", NULL }));
  g_assert_cmpuint (lekh_suggestion_get_count (g_ptr_array_index (g, 0)), ==, 4);
  g_assert_null (lekh_suggestion_get_detail (g_ptr_array_index (g, 0)));
  g_assert_cmpstrv (hv, ((const char *[]) { "हिंदी", NULL }));
  g_assert_cmpstrv (cv, ((const char *[]) { "Café", NULL }));
  g_assert_cmpuint (none->len, ==, 0);
  remove_tree (root);
}

static void
test_suggestion_rank (void)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) t = NULL, te = NULL, kum = NULL, hi = NULL, ha = NULL, excluded = NULL, empty = NULL;
  g_auto(GStrv) tv = NULL, tev = NULL, kv = NULL, hv = NULL, ev = NULL;

  g_ptr_array_add (candidates, lekh_suggestion_new ("gnome-tips", NULL, NULL, 5));
  g_ptr_array_add (candidates, lekh_suggestion_new ("tips", NULL, NULL, 3));
  g_ptr_array_add (candidates, lekh_suggestion_new ("Tèa", NULL, NULL, 2));
  g_ptr_array_add (candidates, lekh_suggestion_new ("tea", NULL, NULL, 1));
  g_ptr_array_add (candidates, lekh_suggestion_new ("ravi", "Ravi Kumar — Writer", "Ravi Kumar", 0));
  g_ptr_array_add (candidates, lekh_suggestion_new ("hindi", "हिंदी", "हिंदी", 0));

  /* Starts of the value first, then starts of a word, each in the candidates' order;
   * "tea" folds like "Tèa" and is a repeat. */
  t = lekh_suggestion_rank (candidates, "t", NULL, 0);
  tv = suggestion_values (t);
  g_assert_cmpstrv (tv, ((const char *[]) { "tips", "Tèa", "gnome-tips", NULL }));
  /* Case- and accent-insensitive. */
  te = lekh_suggestion_rank (candidates, "TE", NULL, 0);
  tev = suggestion_values (te);
  g_assert_cmpstrv (tev, ((const char *[]) { "Tèa", NULL }));
  /* Found by the alias (a word of an author's name), inserted as the value. */
  kum = lekh_suggestion_rank (candidates, "kum", NULL, 0);
  kv = suggestion_values (kum);
  g_assert_cmpstrv (kv, ((const char *[]) { "ravi", NULL }));
  g_assert_cmpstr (lekh_suggestion_get_detail (g_ptr_array_index (kum, 0)), ==, "Ravi Kumar — Writer");
  /* Devanagari: vowel signs are letters, not accents. */
  hi = lekh_suggestion_rank (candidates, "हिं", NULL, 0);
  hv = suggestion_values (hi);
  g_assert_cmpstrv (hv, ((const char *[]) { "hindi", NULL }));
  ha = lekh_suggestion_rank (candidates, "हा", NULL, 0);
  g_assert_cmpuint (ha->len, ==, 0);
  /* What is already chosen is not offered again; MAX cuts the list. */
  excluded = lekh_suggestion_rank (candidates, "t", (const char *[]) { "TIPS", NULL }, 1);
  ev = suggestion_values (excluded);
  g_assert_cmpstrv (ev, ((const char *[]) { "Tèa", NULL }));
  empty = lekh_suggestion_rank (candidates, "", NULL, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_site_index_duplicates (void)
{
  g_autofree char *root = make_site ();
  g_autoptr(LekhSiteIndex) index = build_index (root);
  g_autofree char *one = g_build_filename (root, "blog/2024-01-01-one.md", NULL);
  g_autoptr(GFile) one_file = g_file_new_for_path (one);
  g_autoptr(GPtrArray) titles = lekh_site_index_find_title (index, "one", one_file);
  g_autoptr(GPtrArray) slugs = lekh_site_index_find_slug (index, "same", one_file);
  g_autoptr(GPtrArray) none = lekh_site_index_find_title (index, "Intro", NULL);

  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (titles, 0), "2024-03-01-three.mdx"));
  g_assert_cmpuint (slugs->len, ==, 1);
  g_assert_cmpuint (none->len, ==, 1);
  remove_tree (root);
}

static void
changed_cb (LekhSiteIndex *index,
            gboolean      *changed)
{
  *changed = TRUE;
}

static gboolean
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  return *flag;
}

static void
test_site_index_watch (void)
{
  g_autofree char *root = make_site ();
  g_autoptr(LekhSiteIndex) index = build_index (root);
  g_autofree char *path = g_build_filename (root, "docs/new.md", NULL);
  g_autofree char *folder = g_build_filename (root, "blog/2025", NULL);
  g_autofree char *nested = g_build_filename (folder, "post.md", NULL);
  gboolean changed = FALSE;

  lekh_site_index_watch (index);
  g_signal_connect (index, "changed", G_CALLBACK (changed_cb), &changed);

  g_assert_true (g_file_set_contents (path, "---\ntags: [fresh, GNOME]\n---\n", -1, NULL));
  while (wait_for (&changed) && lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "fresh") == 0)
    changed = FALSE;
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "fresh"), ==, 1);
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "gnome"), ==, 5);

  changed = FALSE;
  g_assert_cmpint (g_unlink (path), ==, 0);
  while (wait_for (&changed) && lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "fresh") != 0)
    changed = FALSE;
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "fresh"), ==, 0);
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "gnome"), ==, 4);

  /* A new folder is watched too. */
  changed = FALSE;
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  wait_for (&changed);
  changed = FALSE;
  g_assert_true (g_file_set_contents (nested, "---\ntags: [nested]\n---\n", -1, NULL));
  while (wait_for (&changed) && lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "nested") == 0)
    changed = FALSE;
  g_assert_cmpuint (lekh_site_index_get_count (index, LEKH_SITE_FIELD_TAGS, "nested"), ==, 1);
  remove_tree (root);
}

static void
build_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (lekh_site_index_build_finish (LEKH_SITE_INDEX (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_site_index_async (void)
{
  g_autofree char *root = make_site ();
  g_autoptr(GFile) file = g_file_new_for_path (root);
  g_autoptr(LekhSiteIndex) index = lekh_site_index_new (file);
  gboolean done = FALSE;

  lekh_site_index_build_async (index, NULL, build_done_cb, &done);
  g_assert_false (lekh_site_index_is_ready (index));
  g_assert_true (wait_for (&done));
  g_assert_cmpuint (lekh_site_index_get_n_articles (index), ==, 6);
  remove_tree (root);
}

static void
test_site_index_fold (void)
{
  g_autofree char *a = lekh_site_fold ("Crème BRÛLÉE");
  g_autofree char *b = lekh_site_fold ("हिंदी");

  g_assert_cmpstr (a, ==, "creme brulee");
  /* Devanagari keeps its vowel signs */
  g_assert_cmpuint (g_utf8_strlen (b, -1), ==, 5);

  /* Plain ASCII takes a shorter way to the same result: every ASCII character, alone and
   * before a non-ASCII one (the longer way). */
  for (guint c = 1; c < 128; c++)
    {
      char plain[2] = { (char) c, '\0' };
      g_autofree char *mixed = g_strdup_printf ("%cé", c);
      g_autofree char *fast = lekh_site_fold (plain);
      g_autofree char *slow = lekh_site_fold (mixed);
      char expected[2] = { g_ascii_isupper (c) ? (char) (c - 'A' + 'a') : (char) c, '\0' };

      g_assert_cmpstr (fast, ==, expected);
      g_assert_cmpuint (strlen (slow), ==, 2);
      g_assert_cmpint (slow[0], ==, expected[0]);
      g_assert_cmpint (slow[1], ==, 'e');
    }
  {
    g_autofree char *path = lekh_site_fold ("Blog/2024-03-05-Jaipur/INDEX.md");

    g_assert_cmpstr (path, ==, "blog/2024-03-05-jaipur/index.md");
  }
}

static void
test_site_index_missing_root (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/lekh/site");
  g_autoptr(LekhSiteIndex) index = lekh_site_index_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_false (lekh_site_index_build (index, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_false (lekh_site_index_is_ready (index));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/site-index/counts", test_site_index_counts);
  g_test_add_func ("/site-index/suggest", test_site_index_suggest);
  g_test_add_func ("/site-index/suggestion-for-site", test_suggestion_for_site);
  g_test_add_func ("/site-index/suggestion-rank", test_suggestion_rank);
  g_test_add_func ("/site-index/duplicates", test_site_index_duplicates);
  g_test_add_func ("/site-index/watch", test_site_index_watch);
  g_test_add_func ("/site-index/async", test_site_index_async);
  g_test_add_func ("/site-index/fold", test_site_index_fold);
  g_test_add_func ("/site-index/missing-root", test_site_index_missing_root);

  return g_test_run ();
}
