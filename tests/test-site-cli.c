/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lekh-article.h"
#include "lekh-diff.h"
#include "lekh-new-article.h"
#include "lekh-cli-test.h"

/* lekh list, replace and new, run as the real executable. */

static char *tmpdir;

static void
become_nobody (gpointer data)
{
  if (setgid (65534) != 0 || setuid (65534) != 0)
    _exit (125);
}

/* Runs lekh with ARGS in CWD; AS_NOBODY: as user 65534 (for permission tests as root). */
static void
run_argv (Run                *run,
          const char         *cwd,
          gboolean            as_nobody,
          const char * const *args)
{
  lekh_test_run (run, cwd, as_nobody ? become_nobody : NULL, NULL, args);
}

#define RUN(run, cwd, ...) \
  G_STMT_START { const char *args_[] = { __VA_ARGS__, NULL }; \
                 run_argv (run, cwd, FALSE, args_); } G_STMT_END

static void
shell (const char *format,
       ...) G_GNUC_PRINTF (1, 2);

static void
shell (const char *format,
       ...)
{
  g_autofree char *command = NULL;
  va_list args;

  va_start (args, format);
  command = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_cmpint (system (command), ==, 0);
}

/* A fresh copy of a fixture site (below tests/data/sites) in the temporary folder. */
static char *
copy_site (const char *name)
{
  g_autofree char *from = g_test_build_filename (G_TEST_DIST, "data", "sites", name, NULL);
  char *to = g_build_filename (tmpdir, name, NULL);

  shell ("rm -rf '%s' && cp -r '%s' '%s'", to, from, to);
  return to;
}

static char *
read_file (const char *path,
           gsize      *len)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* Every article below DIR, relative path -> contents (GBytes). */
static void
snapshot_walk (const char *root,
               const char *dir,
               GHashTable *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        snapshot_walk (root, path, files);
      else if (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".mdx") ||
               g_str_has_suffix (name, ".markdown"))
        {
          gsize len;
          char *contents = read_file (path, &len);

          g_hash_table_insert (files, g_strdup (path + strlen (root) + 1),
                               g_bytes_new_take (contents, len));
        }
    }
}

static GHashTable *
snapshot (const char *root)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  snapshot_walk (root, root, files);
  return files;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* Parses a JSON document with Python and prints what SCRIPT says about it (in `d`). */
static char *
python_json (const char *json,
             const char *script)
{
  g_autofree char *file = g_build_filename (tmpdir, "list.json", NULL);
  g_autofree char *program = g_strdup_printf ("import json\nd = json.load(open(%s%s%s))\n%s",
                                              "'", file, "'", script);
  const char *argv[] = { "python3", "-c", program, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_list_json (void)
{
  g_autofree char *sites = g_test_build_filename (G_TEST_DIST, "data", "sites", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *summary = NULL;
  g_auto(Run) run = { 0 };

  RUN (&run, sites, "list", "--json", "docusaurus", "jekyll", "hugo");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  if (python == NULL)
    {
      g_test_skip ("python3 is needed to read the JSON back");
      return;
    }
  summary = python_json (run.out,
    "for a in d:\n"
    "    print('|'.join([a['path'], a['profile'], a['title'] or '-', a['date'] or '-',\n"
    "                    str(a['draft']), ','.join(a['tags']), ','.join(a['authors']),\n"
    "                    str(a['errors']), str(a['warnings'])]))\n"
    "print(sorted(d[0].keys()))\n");
  g_assert_cmpstr (summary, ==,
    "docusaurus/blog/2024-03-05-jaipur/index.md|docusaurus|जयपुर की यात्रा|2024-03-05|False|"
    "travel,हिंदी|asha,ravi|0|0\n"
    "docusaurus/blog/2024-04-01-bad.md|docusaurus|A post with problems in its metadata|"
    "2024-04-01|False|travel,food|asha,meera|1|2\n"
    "docusaurus/docs/guide/intro.md|docusaurus|Introduction|-|False|travel||0|0\n"
    "hugo/content/posts/first.md|hugo|First post|2024-03-05T10:30:00+05:30|False|||0|0\n"
    "jekyll/_posts/2024-03-05-trip.md|jekyll|A trip|2024-03-05 10:30:00 +0530|False|a,b||0|0\n"
    "['authors', 'date', 'draft', 'errors', 'path', 'profile', 'tags', 'title', 'warnings']\n");
}

static void
test_list_text (void)
{
  g_autofree char *sites = g_test_build_filename (G_TEST_DIST, "data", "sites", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) empty = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) missing = { 0 };

  RUN (&run, sites, "list", "jekyll");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "jekyll/_posts/2024-03-05-trip.md\tjekyll\tA trip\t"
                   "2024-03-05 10:30:00 +0530\tfalse\ta, b\t\t0\t0\n");

  RUN (&empty, tmpdir, "list", "--json", ".");
  g_assert_cmpint (empty.status, ==, 0);

  RUN (&usage, sites, "list");
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "Usage"));
  RUN (&missing, sites, "list", "no-such-folder");
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "no-such-folder"));
}

/* What changed between BEFORE and AFTER (relative path -> contents) is only KEY's entry
 * of each touched file; the others are byte-identical. Returns the files touched. */
static guint
assert_only_key_changed (GHashTable *before,
                         GHashTable *after,
                         const char *key,
                         const char *old_value,
                         const char *new_value)
{
  GHashTableIter iter;
  gpointer name, value;
  guint touched = 0;

  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      GBytes *old = value;
      GBytes *new = g_hash_table_lookup (after, name);
      g_autoptr(LekhArticle) a = NULL;
      g_autoptr(LekhArticle) b = NULL;
      const LekhEntry *ea, *eb;
      gsize old_len, new_len;
      const char *old_text, *new_text;

      g_assert_nonnull (new);
      if (g_bytes_equal (old, new))
        continue;
      touched++;
      a = lekh_article_new_from_bytes (old);
      b = lekh_article_new_from_bytes (new);
      ea = lekh_article_lookup (a, key);
      eb = lekh_article_lookup (b, key);
      g_assert_nonnull (ea);
      g_assert_nonnull (eb);
      old_text = lekh_article_get_text (a, &old_len);
      new_text = lekh_article_get_text (b, &new_len);
      /* Same bytes before the entry and after it. */
      g_assert_cmpuint (ea->entry_span.start, ==, eb->entry_span.start);
      g_assert_cmpmem (old_text, ea->entry_span.start, new_text, eb->entry_span.start);
      g_assert_cmpuint (old_len - ea->entry_span.end, ==, new_len - eb->entry_span.end);
      g_assert_cmpmem (old_text + ea->entry_span.end, old_len - ea->entry_span.end,
                       new_text + eb->entry_span.end, new_len - eb->entry_span.end);
      /* And the entry says NEW where it said OLD. */
      {
        g_autofree char *json = lekh_article_to_json (b, key, NULL);
        g_autofree char *old_json = g_strdup_printf ("\"%s\"", old_value);
        g_autofree char *new_json = g_strdup_printf ("\"%s\"", new_value);

        g_assert_null (strstr (json, old_json));
        g_assert_nonnull (strstr (json, new_json));
      }
    }
  return touched;
}

static void
test_replace_corpus (void)
{
  const char *shared = g_getenv ("LEKH_SHARED_DIR");
  g_autofree char *corpus = shared ? g_build_filename (shared, "corpus", NULL) : NULL;
  g_autofree char *copy = g_build_filename (tmpdir, "corpus", NULL);
  g_autoptr(GHashTable) original = NULL;
  g_autoptr(GHashTable) after_dry = NULL;
  g_autoptr(GHashTable) after_scalar = NULL;
  g_autoptr(GHashTable) after_list = NULL;
  g_autoptr(GHashTable) after_again = NULL;
  g_auto(Run) dry = { 0 };
  g_auto(Run) scalar = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) again = { 0 };
  guint touched;

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus is absent");
      return;
    }
  shell ("rm -rf '%s' && cp -r '%s' '%s'", copy, corpus, copy);
  original = snapshot (copy);
  g_test_message ("%u articles", g_hash_table_size (original));

  /* --dry-run prints diffs and changes nothing. */
  RUN (&dry, copy, "replace", "--dry-run", "category", "release", "releases", ".");
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "-category: release\n+category: releases\n"));
  after_dry = snapshot (copy);
  g_assert_cmpuint (assert_only_key_changed (original, after_dry, "category", "release",
                                             "releases"), ==, 0);

  /* A scalar in hundreds of files. */
  RUN (&scalar, copy, "replace", "category", "release", "releases", ".");
  g_test_message ("%s", scalar.err);
  after_scalar = snapshot (copy);
  touched = assert_only_key_changed (original, after_scalar, "category", "release", "releases");
  g_test_message ("category: %u files changed", touched);
  g_assert_cmpuint (touched, >=, 500);
  g_assert_cmpuint (count_lines (scalar.out), ==, touched + 1);
  {
    g_autofree char *summary = g_strdup_printf ("%u files changed", touched);
    g_assert_nonnull (strstr (scalar.out, summary));
  }
  g_assert_cmpint (scalar.status, ==, 0);
  /* The same number as --dry-run's diffs. */
  {
    guint hunks = 0;
    for (const char *p = dry.out; (p = strstr (p, "\n@@ ")) != NULL; p++)
      hunks++;
    g_assert_cmpuint (hunks, ==, touched);
  }

  /* An item of lists. */
  RUN (&list, copy, "replace", "keywords", "highlight", "syntax highlighting", ".");
  g_assert_cmpint (list.status, ==, 0);
  after_list = snapshot (copy);
  touched = assert_only_key_changed (after_scalar, after_list, "keywords", "highlight",
                                     "syntax highlighting");
  g_test_message ("keywords: %u files changed", touched);
  g_assert_cmpuint (touched, >=, 5);

  /* Again: nothing to do, nothing touched. */
  RUN (&again, copy, "replace", "category", "release", "releases", ".");
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "0 files changed"));
  after_again = snapshot (copy);
  g_assert_cmpuint (assert_only_key_changed (after_list, after_again, "category", "release",
                                             "releases"), ==, 0);
  shell ("rm -rf '%s'", copy);
}

static void
test_replace_merge (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "merge", NULL);
  g_autofree char *a = g_build_filename (dir, "a.md", NULL);
  g_autofree char *b = g_build_filename (dir, "b.md", NULL);
  g_autofree char *c = g_build_filename (dir, "c.md", NULL);
  g_autofree char *toml = g_build_filename (dir, "toml.md", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.md", NULL);
  g_autofree char *text_a = NULL, *text_b = NULL, *text_c = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) same = { 0 };

  write_file (a, "---\ntags:\n  - js   # old name\n  - javascript\n  - web\n---\njs\n");
  write_file (b, "---\ntags: [js, web] # keep\n---\n");
  write_file (c, "---\ntags: [web]\n---\n");
  write_file (toml, "+++\ntags = ['web']\n+++\n");
  write_file (broken, "---\ntags: [web\n---\n");

  RUN (&run, dir, "replace", "tags", "js", "javascript", ".");
  g_assert_cmpint (run.status, ==, 0);
  text_a = read_file (a, NULL);
  text_b = read_file (b, NULL);
  text_c = read_file (c, NULL);
  g_assert_cmpstr (text_a, ==, "---\ntags:\n  - javascript\n  - web\n---\njs\n");
  g_assert_cmpstr (text_b, ==, "---\ntags: [javascript, web] # keep\n---\n");
  g_assert_cmpstr (text_c, ==, "---\ntags: [web]\n---\n");
  /* TOML front matter is edited like YAML; broken front matter is skipped. */
  g_assert_cmpstr (run.out, ==, "./a.md\n./b.md\n2 files changed, 0 not changed, 1 skipped\n");
  g_assert_null (strstr (run.err, "./toml.md"));
  g_assert_nonnull (strstr (run.err, "./broken.md: skipped: "));

  /* A skipped file that mentions the value might hold it: that is a failure. */
  {
    g_auto(Run) web = { 0 };

    RUN (&web, dir, "replace", "tags", "web", "www", ".");
    g_autofree char *text_toml = NULL;

    g_assert_cmpint (web.status, ==, 1);
    g_assert_nonnull (strstr (web.out, "4 files changed, 1 not changed, 0 skipped"));
    text_toml = read_file (toml, NULL);
    g_assert_cmpstr (text_toml, ==, "+++\ntags = ['www']\n+++\n");
  }

  RUN (&usage, dir, "replace", "tags", "js", ".");
  g_assert_cmpint (usage.status, ==, 2);
  RUN (&same, dir, "replace", "tags", "js", "js", ".");
  g_assert_cmpint (same.status, ==, 2);
}

/* lekh replace authors: the authors.yml entry is renamed too (a dry run shows its diff). */
static void
test_replace_author (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "author-site", NULL);
  g_autofree char *blog = g_build_filename (dir, "blog", NULL);
  g_autofree char *config = g_build_filename (dir, "docusaurus.config.js", NULL);
  g_autofree char *authors = g_build_filename (blog, "authors.yml", NULL);
  g_autofree char *a = g_build_filename (blog, "2024-01-01-a.md", NULL);
  g_autofree char *text = NULL;
  const char *authors_text = "asha:\n  name: Asha  # keep\nravi:\n  name: Ravi\n";
  g_auto(Run) dry = { 0 };
  g_auto(Run) run = { 0 };
  g_auto(Run) merge = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (blog, 0755), ==, 0);
  write_file (config, "module.exports = {};\n");
  write_file (authors, authors_text);
  write_file (a, "---\nauthors: [asha]\n---\n");

  RUN (&dry, dir, "replace", "--dry-run", "authors", "asha", "asha-k", ".");
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "\n-asha:\n+asha-k:\n"));
  text = read_file (authors, NULL);
  g_assert_cmpstr (text, ==, authors_text);
  g_clear_pointer (&text, g_free);

  RUN (&run, dir, "replace", "authors", "asha", "asha-k", ".");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "./blog/2024-01-01-a.md\n./blog/authors.yml\n2 files changed\n");
  text = read_file (authors, NULL);
  g_assert_cmpstr (text, ==, "asha-k:\n  name: Asha  # keep\nravi:\n  name: Ravi\n");
  g_clear_pointer (&text, g_free);

  /* Merged into an author the file has: the file is left alone. */
  RUN (&merge, dir, "replace", "authors", "asha-k", "ravi", ".");
  g_assert_cmpint (merge.status, ==, 0);
  g_assert_cmpstr (merge.out, ==, "./blog/2024-01-01-a.md\n1 file changed\n");
  text = read_file (authors, NULL);
  g_assert_cmpstr (text, ==, "asha-k:\n  name: Asha  # keep\nravi:\n  name: Ravi\n");
}

static void
test_replace_read_only (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "ro", NULL);
  const char *names[] = { "1.md", "2.md", "3.md" };
  const char *text = "---\ntitle: x\ntags: [old, b]\n---\n";
  const char *args[] = { "replace", "tags", "old", "new", dir, NULL };
  g_autofree char *locked = g_build_filename (dir, "2.md", NULL);
  g_auto(Run) run = { 0 };
  gboolean root = getuid () == 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      write_file (path, text);
    }
  g_assert_cmpint (g_chmod (locked, 0444), ==, 0);
  /* Root may write anything: the command runs as nobody, who owns the files. */
  if (root)
    shell ("chown -R 65534:65534 '%s' && chmod 755 '%s'", dir, tmpdir);
  run_argv (&run, tmpdir, root, args);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "2.md: error: cannot save"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *after = read_file (path, NULL);

      g_assert_cmpstr (after, ==, i == 1 ? text : "---\ntitle: x\ntags: [new, b]\n---\n");
    }
  g_assert_nonnull (strstr (run.out, "2 files changed, 1 not changed, 0 skipped"));
}

static char *
run_new (const char *site,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  va_list ap;

  g_ptr_array_add (args, (char *) "new");
  g_ptr_array_add (args, (char *) "--site");
  g_ptr_array_add (args, (char *) site);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_argv (&run, tmpdir, FALSE, (const char * const *) args->pdata);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, ".md\n"));
  run.out[strlen (run.out) - 1] = '\0';
  return g_steal_pointer (&run.out);
}

static char *
today (const char *format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, format);
}

static void
assert_new_file (const char *path,
                 const char *expected_path,
                 const char *expected_prefix)
{
  g_autofree char *text = read_file (path, NULL);

  g_assert_cmpstr (path, ==, expected_path);
  g_assert_true (g_str_has_prefix (text, expected_prefix));
}

static void
test_new_docusaurus (void)
{
  g_autofree char *site = copy_site ("docusaurus");
  g_autofree char *folders = copy_site ("docusaurus-folders");
  g_autofree char *day = today ("%Y-%m-%d");
  g_autofree char *first = run_new (site, "जयपुर: गुलाबी शहर!", NULL);
  g_autofree char *second = run_new (site, "जयपुर: गुलाबी शहर!", NULL);
  g_autofree char *docs = run_new (site, "--section", "docs", "Getting", "Started", NULL);
  g_autofree char *folder = run_new (folders, "Four & more", NULL);
  g_autofree char *want = NULL;
  g_autofree char *header = g_strdup_printf ("---\ntitle: 'जयपुर: गुलाबी शहर!'\ndate: %s\n"
                                             "authors: [asha]\ndraft: true\n---\n", day);

  want = g_strdup_printf ("%s/blog/%s-जयपुर-गुलाबी-शहर.md", site, day);
  assert_new_file (first, want, header);
  g_free (want);
  want = g_strdup_printf ("%s/blog/%s-जयपुर-गुलाबी-शहर-2.md", site, day);
  assert_new_file (second, want, header);
  g_free (want);
  want = g_strdup_printf ("%s/docs/getting-started.md", site);
  assert_new_file (docs, want, "---\ntitle: Getting Started\ndraft: true\n---\n");
  g_free (want);
  /* Most of this blog's posts are folders; its most frequent author is ravi. */
  want = g_strdup_printf ("%s/blog/%s-four-more/index.md", folders, day);
  g_free (header);
  header = g_strdup_printf ("---\ntitle: Four & more\ndate: %s\nauthors: [ravi]\n"
                            "draft: true\n---\n", day);
  assert_new_file (folder, want, header);
}

static void
test_new_hugo (void)
{
  g_autofree char *plain = copy_site ("hugo");
  g_autofree char *site = copy_site ("hugo-archetype");
  g_autofree char *post = run_new (plain, "First post", NULL);
  g_autofree char *note = run_new (site, "Say \"hi\": now", NULL);
  g_autofree char *toml = run_new (site, "--section", "posts", "It's जयपुर", NULL);
  g_autofree char *date = today ("%Y-%m-%dT");
  g_autofree char *text = NULL;
  g_autofree char *want = NULL;

  /* first.md exists, but first-post.md does not. */
  want = g_strdup_printf ("%s/content/posts/first-post.md", plain);
  g_free (text);
  text = g_strdup_printf ("---\ntitle: First post\ndate: %s", date);
  assert_new_file (post, want, text);

  /* notes has the most articles; its archetype is filled and completed. */
  g_free (want);
  want = g_strdup_printf ("%s/content/notes/say-hi-now.md", site);
  g_free (text);
  text = g_strdup_printf ("---\n# SPDX-License-Identifier: GPL-3.0-or-later\n"
                          "title: \"Say \\\"hi\\\": now\"\ndate: %s", date);
  assert_new_file (note, want, text);
  g_free (text);
  text = read_file (note, NULL);
  g_assert_nonnull (strstr (text, "\nslug: say-hi-now\nseries: \ntags: []\nauthors: [Meera]\n"
                                  "draft: true\n---\n\nWrite the note here.\n"));

  /* The TOML default archetype: filled, the title escaped for TOML. */
  g_free (want);
  want = g_strdup_printf ("%s/content/posts/its-जयपुर.md", site);
  g_free (text);
  text = g_strdup_printf ("+++\n# SPDX-License-Identifier: GPL-3.0-or-later\ndate = '%s", date);
  assert_new_file (toml, want, text);
  g_free (text);
  text = read_file (toml, NULL);
  g_assert_nonnull (strstr (text, "'\ndraft = true\ntitle = \"It's जयपुर\"\n+++\n"));
}

static void
test_new_jekyll_and_generic (void)
{
  g_autofree char *site = copy_site ("jekyll");
  g_autofree char *plain = g_build_filename (tmpdir, "plain", NULL);
  g_autofree char *day = today ("%Y-%m-%d");
  g_autofree char *post = NULL;
  g_autofree char *note = NULL;
  g_autofree char *want = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) usage = { 0 };
  g_auto(Run) empty = { 0 };

  post = run_new (site, "A trip", NULL);
  want = g_strdup_printf ("%s/_posts/%s-a-trip.md", site, day);
  text = g_strdup_printf ("---\ntitle: A trip\ndate: %s ", day);
  assert_new_file (post, want, text);
  g_free (text);
  text = read_file (post, NULL);
  g_assert_nonnull (strstr (text, "\npublished: false\n---\n"));

  g_assert_cmpint (g_mkdir_with_parents (plain, 0755), ==, 0);
  note = run_new (plain, "?!", NULL);
  g_free (want);
  want = g_build_filename (plain, "untitled.md", NULL);
  g_free (text);
  text = g_strdup_printf ("---\ntitle: '?!'\ndate: %s\ndraft: true\n---\n", day);
  assert_new_file (note, want, text);

  RUN (&usage, tmpdir, "new");
  g_assert_cmpint (usage.status, ==, 2);
  RUN (&empty, tmpdir, "new", "--site", plain, "  ");
  g_assert_cmpint (empty.status, ==, 2);
}

static void
test_slug_and_archetype (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2024-03-05T10:30:00+05:30", NULL);
  const struct { const char *title; const char *slug; } slugs[] = {
    { "Hello, World!", "hello-world" },
    { "  --Lekh   2.0 -- _notes_  ", "lekh-20-notes" },
    { "हिंदी में लिखना", "हिंदी-में-लिखना" },
    { "क्षत्रिय: Café", "क्षत्रिय-café" },
    { "!!!", "untitled" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autofree char *slug = lekh_new_article_slug (slugs[i].title);
      g_assert_cmpstr (slug, ==, slugs[i].slug);
    }
  {
    g_autofree char *filled = lekh_new_article_fill_archetype (
      "---\ntitle: '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\n"
      "date: {{ .Date }}\nname: {{ .Name }}\nsite: {{ .Site.Title }}\n---\n{{ .Title }}\n",
      "It's", "its", now);
    g_assert_cmpstr (filled, ==, "---\ntitle: 'It''s'\ndate: 2024-03-05T10:30:00+05:30\n"
                     "name: its\nsite: \n---\nIt's\n");
  }
  {
    g_autofree char *filled = lekh_new_article_fill_archetype (
      "{\n\"title\": \"{{ .Title }}\"\n}\n", "a \"b\" \\", "a-b", now);
    g_assert_cmpstr (filled, ==, "{\n\"title\": \"a \\\"b\\\" \\\\\"\n}\n");
  }
}

static void
test_diff (void)
{
  const char *old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const char *new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  g_autofree char *diff = lekh_diff_unified ("x.md", old, strlen (old), new, strlen (new));
  g_autofree char *none = lekh_diff_unified ("x.md", old, strlen (old), old, strlen (old));
  g_autofree char *end = lekh_diff_unified ("/y.md", "a\nb", 3, "a\n", 2);

  g_assert_cmpstr (diff, ==, "--- a/x.md\n+++ b/x.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n"
                   " 6\n 7\n 8\n");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (end, ==, "--- /y.md\n+++ /y.md\n@@ -1,2 +1 @@\n a\n-b\n"
                   "\\ No newline at end of file\n");
}

static void
test_help_lists_commands (void)
{
  g_auto(Run) run = { 0 };

  RUN (&run, tmpdir, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "lekh list [--json] PATH…"));
  g_assert_nonnull (strstr (run.out, "lekh replace [--dry-run] KEY OLD NEW PATH…"));
  g_assert_nonnull (strstr (run.out, "lekh new [--site DIR] [--section NAME] TITLE"));
  g_assert_nonnull (strstr (run.out, "lekh check"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("lekh-test-site-cli-XXXXXX", NULL);

  g_test_add_func ("/site-cli/list-json", test_list_json);
  g_test_add_func ("/site-cli/list-text", test_list_text);
  g_test_add_func ("/site-cli/replace-corpus", test_replace_corpus);
  g_test_add_func ("/site-cli/replace-merge", test_replace_merge);
  g_test_add_func ("/site-cli/replace-author", test_replace_author);
  g_test_add_func ("/site-cli/replace-read-only", test_replace_read_only);
  g_test_add_func ("/site-cli/new-docusaurus", test_new_docusaurus);
  g_test_add_func ("/site-cli/new-hugo", test_new_hugo);
  g_test_add_func ("/site-cli/new-jekyll-and-generic", test_new_jekyll_and_generic);
  g_test_add_func ("/site-cli/slug-and-archetype", test_slug_and_archetype);
  g_test_add_func ("/site-cli/diff", test_diff);
  g_test_add_func ("/site-cli/help-lists-commands", test_help_lists_commands);

  status = g_test_run ();
  shell ("rm -rf '%s'", tmpdir);
  g_free (tmpdir);
  return status;
}
