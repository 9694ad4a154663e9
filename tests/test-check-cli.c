/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
/* json-glib's include folder is there only when meson found it */
#if __has_include(<json-glib/json-glib.h>)
# define HAVE_JSON_GLIB 1
# include <json-glib/json-glib.h>
#endif
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lekh-cli-test.h"

static char *tmpdir;

static void
run_argv (Run         *run,
          const char  *cwd,
          const char **args)
{
  lekh_test_run (run, cwd, NULL, "check", args);
}

#define RUN(run, cwd, ...) \
  G_STMT_START { const char *args_[] = { __VA_ARGS__, NULL }; run_argv (run, cwd, args_); } G_STMT_END

static char *
sites_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sites", NULL);
}

static void
write_file (const char *relative,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (tmpdir, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static guint
count_lines (const char *text,
             const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      n++;
  return n;
}

static void
test_text_format (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *sites = sites_dir ();
  g_auto(GStrv) lines = NULL;

  RUN (&run, sites, "docusaurus");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "docusaurus/blog/2024-04-01-bad.md:3:17: error: The author “meera” is not in "
                   "authors.yml (known authors: asha, ravi) [unknown-author]\n"
                   "docusaurus/blog/2024-04-01-bad.md:4:16: warning: The tag “food” is not "
                   "defined in tags.yml [undefined-tag]\n"
                   "docusaurus/blog/2024-04-01-bad.md:5:8: warning: The image “/img/missing.png” "
                   "was found neither beside the article nor in the site’s static folder "
                   "[missing-local-image]\n"
                   /* two articles, blog/authors.yml and blog/tags.yml */
                   "Checked 5 files: 1 error, 2 warnings\n");
  (void) lines;
}

static void
test_exit_codes (void)
{
  g_autofree char *sites = sites_dir ();

  {
    g_auto(Run) run = { 0 };

    RUN (&run, sites, "hugo", "jekyll");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "Checked 2 files: 0 errors, 0 warnings\n");
  }
  {
    /* warnings alone pass */
    g_auto(Run) run = { 0 };

    write_file ("warn/post.md", "---\ntitle: Hello\ntag: [a]\n---\n", -1);
    RUN (&run, tmpdir, "warn");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (count_lines (run.out, "[unknown-key]"), ==, 1);
    g_assert_nonnull (strstr (run.out, "warn/post.md:3:1: warning: Unknown key “tag”"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, sites, "no-such-folder");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "no-such-folder"));
  }
  {
    /* a FIFO named like an article is refused, not read forever */
    g_auto(Run) run = { 0 };
    g_autofree char *fifo = g_build_filename (tmpdir, "pipe.md", NULL);

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    RUN (&run, tmpdir, "pipe.md");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "pipe.md"));
    g_remove (fifo);
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, sites, "--format", "xml", "hugo");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "xml"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, sites, "--profile", "gatsby", "hugo");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "gatsby"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, sites, "--bogus");
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    const char *args[] = { NULL };

    run_argv (&run, sites, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Usage"));
  }
}

/* Braces and brackets balance outside strings, and the document is one object. */
static gboolean
json_is_balanced (const char *s)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (const char *p = s; *p; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
          else if ((guchar) *p < 0x20)
            return FALSE;
          continue;
        }
      if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        depth++;
      else if (*p == '}' || *p == ']')
        {
          if (--depth < 0)
            return FALSE;
          if (depth == 0 && p[1] != '\n')
            return FALSE;
        }
    }
  return depth == 0 && !in_string;
}

static void
test_json_format (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *sites = sites_dir ();

  RUN (&run, sites, "--format=json", "docusaurus");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (json_is_balanced (run.out));
  g_assert_true (g_str_has_prefix (run.out, "{\n  \"diagnostics\": ["));
  g_assert_nonnull (strstr (run.out, "\"path\": \"docusaurus/blog/2024-04-01-bad.md\", \"line\": 3, "
                                     "\"column\": 17"));
  g_assert_nonnull (strstr (run.out, "\"rule\": \"unknown-author\""));
  g_assert_nonnull (strstr (run.out, "\"fix\": {\"kind\": \"add-author\""));
  g_assert_nonnull (strstr (run.out, "\"files\": 5,\n  \"errors\": 1,\n  \"warnings\": 2,"));

  {
    g_auto(Run) clean = { 0 };

    RUN (&clean, sites, "--format", "json", "hugo");
    g_assert_cmpint (clean.status, ==, 0);
    g_assert_true (json_is_balanced (clean.out));
    g_assert_true (g_str_has_prefix (clean.out, "{\n  \"diagnostics\": [],\n  \"files\": 1,"));
  }
}


/* SARIF 2.1.0, read back with json-glib: the tool, one rule per rule id with a short
 * description, and each result with its rule, level, message and place. */
static void
test_sarif_format (void)
{
#ifdef HAVE_JSON_GLIB
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };
  g_autofree char *sites = sites_dir ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) rule_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root, *run0, *driver;
  JsonArray *rules, *results;
  guint errors = 0;

  RUN (&run, sites, "--format", "sarif", "docusaurus", "hugo");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "2.1.0");
  run0 = json_array_get_object_element (json_object_get_array_member (root, "runs"), 0);
  driver = json_object_get_object_member (json_object_get_object_member (run0, "tool"), "driver");
  g_assert_cmpstr (json_object_get_string_member (driver, "name"), ==, "lekh");
  g_assert_cmpstr (json_object_get_string_member (driver, "version"), ==, PACKAGE_VERSION);

  rules = json_object_get_array_member (driver, "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);
      const char *id = json_object_get_string_member (rule, "id");
      const char *text = json_object_get_string_member (
        json_object_get_object_member (rule, "shortDescription"), "text");

      /* every rule is described, not merely named */
      g_assert_nonnull (text);
      g_assert_cmpstr (text, !=, id);
      g_hash_table_insert (rule_ids, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }
  g_assert_true (g_hash_table_contains (rule_ids, "unknown-author"));
  g_assert_true (g_hash_table_contains (rule_ids, "read-error"));

  results = json_object_get_array_member (run0, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *rule = json_object_get_string_member (result, "ruleId");
      const char *level = json_object_get_string_member (result, "level");
      JsonObject *location = json_object_get_object_member (
        json_array_get_object_element (json_object_get_array_member (result, "locations"), 0),
        "physicalLocation");
      JsonObject *region = json_object_get_object_member (location, "region");
      const char *uri = json_object_get_string_member (
        json_object_get_object_member (location, "artifactLocation"), "uri");

      g_assert_true (g_hash_table_contains (rule_ids, rule));
      g_assert_cmpint (json_object_get_int_member (result, "ruleIndex") + 1, ==,
                       GPOINTER_TO_UINT (g_hash_table_lookup (rule_ids, rule)));
      g_assert_true (g_strv_contains ((const char * const[]) { "error", "warning", "note", NULL },
                                      level));
      errors += strcmp (level, "error") == 0;
      g_assert_cmpstr (json_object_get_string_member (
                         json_object_get_object_member (result, "message"), "text"), !=, "");
      g_assert_cmpstr (uri, ==, "docusaurus/blog/2024-04-01-bad.md");
      g_assert_cmpint (json_object_get_int_member (region, "startLine"), >=, 3);
      g_assert_cmpint (json_object_get_int_member (region, "startColumn"), >=, 1);
    }
  g_assert_cmpuint (errors, ==, 1);

  /* the same findings as the JSON output */
  RUN (&json, sites, "--format", "json", "docusaurus", "hugo");
  g_assert_nonnull (strstr (json.out, "\"errors\": 1,\n  \"warnings\": 2,"));

  {
    /* a path with a space is a URI: escaped */
    g_auto(Run) spaced = { 0 };
    g_autoptr(JsonParser) spaced_parser = json_parser_new ();

    write_file ("my notes/post one.md", "---\ntitle: Hi\ndraft: maybe\n---\n", -1);
    RUN (&spaced, tmpdir, "--format", "sarif", "--profile", "generic", "my notes");
    g_assert_cmpint (spaced.status, ==, 1);
    g_assert_true (json_parser_load_from_data (spaced_parser, spaced.out, -1, NULL));
    g_assert_nonnull (strstr (spaced.out, "\"uri\": \"my%20notes/post%20one.md\""));
  }
#else
  g_test_skip ("json-glib is not available");
#endif
}

static void
test_github_format (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *sites = sites_dir ();

  RUN (&run, sites, "--format", "github", "docusaurus");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out,
                            "::error file=docusaurus/blog/2024-04-01-bad.md,line=3,col=17,"
                            "title=unknown-author::The author “meera” is not in authors.yml"));
  g_assert_nonnull (strstr (run.out, "::warning file=docusaurus/blog/2024-04-01-bad.md,line=4,col=16,"
                                     "title=undefined-tag::"));

  {
    /* commas and colons in a path are escaped in the properties */
    g_auto(Run) odd = { 0 };

    write_file ("odd,name:x/post.md", "---\ntitle: a\ndraft: maybe\n---\n", -1);
    RUN (&odd, tmpdir, "--format", "github", "odd,name:x");
    g_assert_cmpint (odd.status, ==, 1);
    g_assert_nonnull (strstr (odd.out, "::error file=odd%2Cname%3Ax/post.md,line=3,col=8,title=wrong-type::"));
  }
}

static void
test_quiet (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *sites = sites_dir ();

  RUN (&run, sites, "--quiet", "docusaurus");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.out, "error:"), ==, 1);
  g_assert_cmpuint (count_lines (run.out, "warning:"), ==, 0);
  g_assert_null (strstr (run.out, "Checked"));
}

/* Folders: only *.md, *.mdx, *.markdown; .git, node_modules and symlink loops skipped;
 * broken files give diagnostics; output sorted whatever the number of threads. */
static void
test_walk (void)
{
  g_autofree char *loop = g_build_filename (tmpdir, "walk", "sub", "loop", NULL);
  g_autofree char *link = g_build_filename (tmpdir, "walk", "link.md", NULL);
  static const char binary[] = "---\ntitle: x\n---\nGIF89a\0\0\0\x01";

  write_file ("walk/a.md", "---\ntitle: Hello\n---\n", -1);
  write_file ("walk/b.mdx", "---\ntitle: Hello\ndraft: nope\n---\n", -1);
  write_file ("walk/c.markdown", "---\ntitle: Hello\ndate: 2024-02-30\n---\n", -1);
  write_file ("walk/notes.txt", "---\ndraft: nope\n---\n", -1);
  write_file ("walk/.git/x.md", "---\ndraft: nope\n---\n", -1);
  write_file ("walk/node_modules/pkg/readme.md", "---\ndraft: nope\n---\n", -1);
  write_file ("walk/sub/latin1.md", "---\ntitle: caf\xe9\n---\n", -1);
  write_file ("walk/sub/binary.md", binary, sizeof binary - 1);
  write_file ("walk/sub/broken.md", "---\ntitle: [a\n---\n", -1);
  write_file ("walk/sub/open.md", "---\ntitle: a\n", -1);
  write_file ("walk/sub/empty.md", "", 0);
  g_assert_cmpint (symlink ("..", loop), ==, 0);
  g_assert_cmpint (symlink ("a.md", link), ==, 0);

  {
    g_auto(Run) one = { 0 };
    g_auto(Run) many = { 0 };
    g_auto(Run) nested = { 0 };

    RUN (&one, tmpdir, "-j", "1", "walk");
    RUN (&many, tmpdir, "--jobs=4", "walk", "walk/a.md");
    /* each file once, however the arguments overlap */
    RUN (&nested, tmpdir, "walk", "walk/sub/", "walk/sub/empty.md", "walk/b.mdx");
    g_assert_cmpint (one.status, ==, 1);
    g_assert_cmpstr (one.out, ==, many.out);
    g_assert_cmpstr (one.out, ==, nested.out);
    g_assert_cmpstr (one.out, ==,
                     "walk/b.mdx:3:8: error: “draft” should be true or false, not text [wrong-type]\n"
                     "walk/c.markdown:3:7: error: “2024-02-30” is not a valid date for “date” "
                     "(expected e.g. 2024-03-05 or 2024-03-05T10:30:00+05:30) [invalid-date]\n"
                     "walk/sub/binary.md:4:7: error: The file contains a NUL byte (is it a binary "
                     "file?) [invalid-utf8]\n"
                     "walk/sub/broken.md:2:8: error: A list in [ ] is not closed: a “]” is missing, "
                     "or a “,” between two items [yaml-syntax]\n"
                     "walk/sub/latin1.md:2:11: error: The file is not valid UTF-8 text (byte 0xE9) "
                     "[invalid-utf8]\n"
                     "walk/sub/open.md:1:1: error: The front matter that starts on line 1 has no "
                     "closing “---” line [unterminated-front-matter]\n"
                     "Checked 9 files: 6 errors, 0 warnings\n");
  }
}

/* Docusaurus reads every authors.yml and tags.yml and refuses the site when one is broken:
 * checked when named, and when the site is, even with no article using them. */
static void
test_site_data_files (void)
{
  g_auto(Run) site = { 0 };
  g_auto(Run) alone = { 0 };
  g_auto(Run) hugo = { 0 };

  write_file ("datasite/docusaurus.config.js", "module.exports = {};\n", -1);
  write_file ("datasite/blog/authors.yml",
              "asha:\n  name: Asha\n  image_url: /img/asha.png\nasha:\n  name: Again\n", -1);
  write_file ("datasite/blog/tags.yml", "- one\n- two\n", -1);
  write_file ("datasite/docs/tags.yml", "docs:\n  label: [unclosed\n", -1);

  RUN (&site, tmpdir, "datasite");
  g_assert_cmpint (site.status, ==, 1);
  g_assert_nonnull (strstr (site.out, "datasite/blog/authors.yml:1:1: error: Docusaurus refuses "
                                      "this authors.yml, so the site does not build: “asha” is "
                                      "given twice [site-data]"));
  g_assert_nonnull (strstr (site.out, "datasite/blog/authors.yml:3:14: warning: The picture of "
                                      "“asha”, “/img/asha.png”"));
  g_assert_nonnull (strstr (site.out, "datasite/blog/tags.yml:1:1: error: tags.yml should map"));
  g_assert_nonnull (strstr (site.out, "datasite/docs/tags.yml:3:1: error: This tags.yml is not "
                                      "valid YAML"));
  g_assert_nonnull (strstr (site.out, "Checked 3 files: 3 errors, 1 warning"));

  /* the same from the folder above, named "." (the new post leads to blog/) */
  {
    g_auto(Run) dot = { 0 };

    write_file ("datasite/blog/2024-01-01-post.md", "---\ntitle: Post\n---\n", -1);
    RUN (&dot, tmpdir, ".");
    g_assert_nonnull (strstr (dot.out, "./datasite/blog/tags.yml:1:1: error:"));
    /* docs/ has no article: found as the site's own, shown from the current folder */
    g_assert_nonnull (strstr (dot.out, "\ndatasite/docs/tags.yml:3:1: error:"));
  }

  RUN (&alone, tmpdir, "datasite/blog/tags.yml");
  g_assert_cmpint (alone.status, ==, 1);
  g_assert_nonnull (strstr (alone.out, "Checked 1 file: 1 error, 0 warnings"));

  /* a Hugo site's authors.yml is no Docusaurus data file, and a folder walk skips it */
  write_file ("hugodata/hugo.toml", "title = 'x'\n", -1);
  write_file ("hugodata/content/authors.yml", "- not a mapping\n", -1);
  write_file ("hugodata/content/post.md", "---\ntitle: Post\n---\n", -1);
  RUN (&hugo, tmpdir, "hugodata");
  g_assert_cmpint (hugo.status, ==, 0);
  g_assert_cmpstr (hugo.out, ==, "Checked 1 file: 0 errors, 0 warnings\n");
}

/* A Hugo site's archetypes are templates, its public/ folder is output: not articles. */
static void
test_generated_folders (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) explicit = { 0 };

  write_file ("hugosite/hugo.toml", "title = 'x'\n", -1);
  write_file ("hugosite/content/post.md", "---\ntitle: Post\nurl: https://example.org/\n---\n", -1);
  write_file ("hugosite/archetypes/default.md", "---\ntitle: {{ .Name }}\ndate: {{ .Date }}\n---\n", -1);
  write_file ("hugosite/public/post/index.md", "---\nurl: https://example.org/\n---\n", -1);
  write_file ("hugosite/content/public/page.md", "---\ntitle: Page\n---\n", -1);

  RUN (&run, tmpdir, "hugosite");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.out, "error:"), ==, 1);
  g_assert_nonnull (strstr (run.out, "hugosite/content/post.md:3:6: error:"));
  g_assert_nonnull (strstr (run.out, "Checked 2 files"));

  /* named on the command line, an archetype is checked all the same ("{{ .Name }}" is a
   * YAML mapping there, which Hugo would read as an empty title) */
  RUN (&explicit, tmpdir, "hugosite/archetypes/default.md");
  g_assert_cmpint (explicit.status, ==, 0);
  g_assert_nonnull (strstr (explicit.out, "default.md:2:8: warning: Hugo reads “title” as empty text"));
}

static void
test_profile_override (void)
{
  write_file ("override/post.md", "---\ntitle: Hello\nhideTableOfContents: true\n---\n", -1);

  {
    g_auto(Run) generic = { 0 };

    RUN (&generic, tmpdir, "override");
    g_assert_cmpint (generic.status, ==, 0);
    g_assert_cmpuint (count_lines (generic.out, "[unknown-key]"), ==, 0);
  }
  {
    g_auto(Run) docusaurus = { 0 };

    RUN (&docusaurus, tmpdir, "--profile", "docusaurus", "override");
    g_assert_cmpint (docusaurus.status, ==, 0);
    g_assert_nonnull (strstr (docusaurus.out, "did you mean “hide_table_of_contents”? [unknown-key]"));
  }
}

/* The whole shared corpus: no crash, every file counted, a real exit status. */
static void
test_corpus (void)
{
  const char *shared = g_getenv ("LEKH_SHARED_DIR");
  g_autofree char *corpus = shared ? g_build_filename (shared, "corpus", NULL) : NULL;
  g_auto(Run) run = { 0 };

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus is absent");
      return;
    }
  RUN (&run, corpus, ".");
  g_assert_cmpint (run.status, <=, 1);
  g_assert_nonnull (strstr (run.out, "Checked 43"));
  g_test_message ("%s", strrchr (g_strchomp (run.out), '\n') + 1);
}

static gboolean
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return FALSE;
  if (S_ISDIR (st.st_mode) && (dir = g_dir_open (path, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  return g_remove (path) == 0;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("lekh-check-XXXXXX", NULL);
  /* Site detection stops at a repository root: whatever lies above /tmp stays out. */
  {
    g_autofree char *git = g_build_filename (tmpdir, ".git", NULL);
    g_assert_cmpint (g_mkdir (git, 0755), ==, 0);
  }

  g_test_add_func ("/check-cli/text", test_text_format);
  g_test_add_func ("/check-cli/site-data-files", test_site_data_files);
  g_test_add_func ("/check-cli/exit-codes", test_exit_codes);
  g_test_add_func ("/check-cli/json", test_json_format);
  g_test_add_func ("/check-cli/github", test_github_format);
  g_test_add_func ("/check-cli/sarif", test_sarif_format);
  g_test_add_func ("/check-cli/quiet", test_quiet);
  g_test_add_func ("/check-cli/walk", test_walk);
  g_test_add_func ("/check-cli/generated-folders", test_generated_folders);
  g_test_add_func ("/check-cli/profile-override", test_profile_override);
  g_test_add_func ("/check-cli/corpus", test_corpus);

  status = g_test_run ();
  remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
