/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile and odd files, for the core and the `lekh` command line: each must give a
 * clear message (or work), never crash or hang, and never lose or rewrite a byte it was
 * not asked to change. Saving must never truncate the original on failure. Inputs
 * that the fuzzers (fuzz/) found are kept here as regression tests. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lekh-article.h"
#include "lekh-edit.h"
#include "lekh-file.h"

static char *tmpdir;

/* A generous bound that only a hang (or quadratic work) can reach, even under ASan. */
#define HANG_SECONDS 60.0

typedef struct
{
  int     status;
  char   *out;
  char   *err;
  double  seconds;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs `lekh ARGS...`, optionally as user nobody (AS_NOBODY) and with extra ENV. */
static void
run_lekh_full (Run                *run,
               gboolean            as_nobody,
               const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  const char *exe = g_getenv ("LEKH_EXE");
  int wait_status;

  g_assert_nonnull (exe);
  if (as_nobody)
    {
      g_ptr_array_add (argv, (char *) "setpriv");
      g_ptr_array_add (argv, (char *) "--reuid=65534");
      g_ptr_array_add (argv, (char *) "--regid=65534");
      g_ptr_array_add (argv, (char *) "--clear-groups");
    }
  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (tmpdir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->seconds = g_timer_elapsed (timer, NULL);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128 + WTERMSIG (wait_status);
  g_test_message ("lekh %s: exit %d in %.2f s: %s", args[0], run->status, run->seconds,
                  run->err && *run->err ? run->err : "(no message)");
  /* Whatever the input: no crash, no sanitizer report, no hang. */
  g_assert_cmpint (run->status, <, 128);
  g_assert_null (strstr (run->err, "Sanitizer"));
  g_assert_cmpfloat (run->seconds, <, HANG_SECONDS);
}

#define run_lekh(run, ...) \
  run_lekh_full (run, FALSE, (const char * const[]) { __VA_ARGS__, NULL })
#define run_lekh_as_nobody(run, ...) \
  run_lekh_full (run, TRUE, (const char * const[]) { __VA_ARGS__, NULL })

static char *
write_file (const char *name,
            const char *contents,
            gssize      len)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static void
assert_file_is (const char *path,
                const char *contents,
                gsize       len)
{
  g_autofree char *now = NULL;
  gsize now_len;

  g_assert_true (g_file_get_contents (path, &now, &now_len, NULL));
  g_assert_cmpuint (now_len, ==, len);
  g_assert_true (len == 0 || memcmp (now, contents, len) == 0);
}

/* A refusal: exit 2, one line on stderr that names the file and says WORDS. */
static void
assert_refused (const Run  *run,
                const char *path,
                const char *words)
{
  g_autofree char *base = g_path_get_basename (path);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, base));
  if (words != NULL && strstr (run->err, words) == NULL)
    g_error ("expected “%s” in: %s", words, run->err);
  g_assert_nonnull (strchr (run->err, '\n'));
  g_assert_null (strchr (strchr (run->err, '\n') + 1, '\n'));
}

/* get, set, set --list and unset all refuse FILE with WORDS (and WHERE, "file:line:col"),
 * and leave its bytes as they were. */
/* A string literal and its length, NUL bytes included. */
#define LIT(s) (s), (sizeof (s) - 1)

static void
assert_all_refused (const char *name,
                    const char *contents,
                    gsize       len,
                    const char *words,
                    const char *where)
{
  g_autofree char *path = write_file (name, contents, len);
  g_auto(Run) get = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) unset = { 0 };

  run_lekh (&get, "get", path, "title");
  run_lekh (&json, "get", "--json", path);
  run_lekh (&set, "set", path, "title", "new");
  run_lekh (&list, "set", path, "tags", "--list", "a", "b");
  run_lekh (&unset, "unset", path, "title");

  assert_refused (&get, path, words);
  assert_refused (&json, path, words);
  assert_refused (&set, path, words);
  assert_refused (&list, path, words);
  assert_refused (&unset, path, words);
  if (where != NULL && strstr (set.err, where) == NULL)
    g_error ("expected “%s” in: %s", where, set.err);
  assert_file_is (path, contents, len);
}

/* Invalid UTF-8 ------------------------------------------------------------------------ */

static void
test_invalid_utf8 (void)
{
  /* Latin-1 in the front matter and in the body, an overlong '/', a UTF-16 surrogate,
   * a sequence cut off by the end of the file. Never mangled: refused, untouched. */
  assert_all_refused ("latin1.md", LIT ("---\ntitle: caf\xe9\n---\nbody\n"),
                      "UTF-8", "latin1.md:2:11:");
  assert_all_refused ("body.md", LIT ("---\ntitle: a\n---\nline\nbad \xff here\n"),
                      "UTF-8", "body.md:5:5:");
  assert_all_refused ("overlong.md", LIT ("---\ntitle: \xc0\xaf\n---\n"), "UTF-8", "overlong.md:2:8:");
  assert_all_refused ("surrogate.md", LIT ("---\ntitle: \xed\xa0\x80x\n---\n"), "UTF-8",
                      "surrogate.md:2:8:");
  assert_all_refused ("cut.md", LIT ("---\ntitle: a\n---\nनमस्ते \xe0\xa4"), "UTF-8", "cut.md:4:8:");
}

static void
test_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autofree char *noise = g_malloc (65536);

  assert_all_refused ("image.md", LIT (png), "UTF-8", "image.md:1:1:");
  for (guint i = 0; i < 65536; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  assert_all_refused ("noise.md", noise, 65536, "error", NULL);
  /* A front matter, then binary data: refused too, the body is part of the file. */
  assert_all_refused ("half.md", LIT ("---\ntitle: a\n---\n\x7f" "ELF\x02\x01\x01\0\0\0"), "NUL",
                      "half.md:4:8:");
}

static void
test_nul_bytes (void)
{
  assert_all_refused ("nul-value.md", LIT ("---\ntitle: a\0b\n---\n"), "NUL", "nul-value.md:2:9:");
  assert_all_refused ("nul-key.md", LIT ("---\nti\0tle: a\n---\n"), "NUL", "nul-key.md:2:3:");
  assert_all_refused ("nul-body.md", LIT ("---\ntitle: a\n---\nbody\0\n"), "NUL", "nul-body.md:4:5:");
  assert_all_refused ("nul-only.md", LIT ("\0\0\0\0"), "NUL", "nul-only.md:1:1:");
}

/* Size ------------------------------------------------------------------------------------ */

static void
test_huge_file (void)
{
  const char *head = "---\ntitle: Big\ntags: [a, b]\n---\n";
  const char *line = "A paragraph of English and हिन्दी text, line after line, to make a large article.\n";
  g_autoptr(GString) text = g_string_new (head);
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) get = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) list = { 0 };
  gsize after_len, head_len = strlen (head);

  if (!g_test_slow () && g_getenv ("LEKH_TEST_QUICK") != NULL)
    {
      g_test_skip ("LEKH_TEST_QUICK is set");
      return;
    }
  while (text->len < 50 * 1024 * 1024)
    g_string_append (text, line);
  path = write_file ("huge.md", text->str, text->len);

  run_lekh (&get, "get", path, "title");
  g_assert_cmpint (get.status, ==, 0);
  g_assert_cmpstr (get.out, ==, "Big\n");

  run_lekh (&set, "set", path, "title", "Bigger");
  g_assert_cmpint (set.status, ==, 0);
  run_lekh (&list, "set", path, "tags", "--list", "x", "हिन्दी");
  g_assert_cmpint (list.status, ==, 0);
  g_test_message ("50 MB article: get %.2f s, set %.2f s, set --list %.2f s",
                  get.seconds, set.seconds, list.seconds);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_true (g_str_has_prefix (after, "---\ntitle: Bigger\ntags: [x, हिन्दी]\n---\n"));
  /* The body, all 50 MB of it, byte for byte. */
  g_assert_cmpuint (after_len - strlen ("---\ntitle: Bigger\ntags: [x, हिन्दी]\n---\n"), ==,
                    text->len - head_len);
  g_assert_true (memcmp (after + after_len - (text->len - head_len), text->str + head_len,
                         text->len - head_len) == 0);

  /* lekh check and lekh render take it too, in bounded time. */
  {
    g_autofree char *html = g_build_filename (tmpdir, "huge.html", NULL);
    g_auto(Run) check = { 0 };
    g_auto(Run) render = { 0 };
    GStatBuf st;

    run_lekh (&check, "check", path);
    g_assert_cmpint (check.status, <=, 1);
    run_lekh (&render, "render", path, "-o", html);
    g_assert_cmpint (render.status, ==, 0);
    g_assert_cmpint (g_stat (html, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 50 * 1024 * 1024);
    g_test_message ("50 MB article: check %.2f s, render %.2f s", check.seconds, render.seconds);
    g_unlink (html);
  }
  g_unlink (path);
}

static void
test_long_line (void)
{
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *path2 = NULL;
  g_autofree char *path3 = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_get = NULL;
  g_auto(Run) get = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) set2 = { 0 };
  g_auto(Run) set3 = { 0 };

  while (value->len < 200 * 1024)
    g_string_append (value, "लेख and words ");
  g_string_append (value, "end");

  /* A 200 KB title on one line: read back exactly, and the line beside it edits. */
  text = g_string_new ("---\ntitle: ");
  g_string_append_printf (text, "%s\ndescription: short\n---\nbody\n", value->str);
  path = write_file ("long-value.md", text->str, text->len);
  run_lekh (&get, "get", path, "title");
  g_assert_cmpint (get.status, ==, 0);
  expected_get = g_strconcat (value->str, "\n", NULL);
  g_assert_cmpstr (get.out, ==, expected_get);
  run_lekh (&set, "set", path, "description", "longer now");
  g_assert_cmpint (set.status, ==, 0);
  expected = g_strdup_printf ("---\ntitle: %s\ndescription: longer now\n---\nbody\n", value->str);
  assert_file_is (path, expected, strlen (expected));

  /* A 200 KB body on one line, without a final line break. */
  g_string_printf (text, "---\ntitle: a\n---\n%s", value->str);
  path2 = write_file ("long-body.md", text->str, text->len);
  run_lekh (&set2, "set", path2, "title", "b");
  g_assert_cmpint (set2.status, ==, 0);
  g_free (expected);
  expected = g_strdup_printf ("---\ntitle: b\n---\n%s", value->str);
  assert_file_is (path2, expected, strlen (expected));

  /* One 200 KB line and nothing else: a front matter block is put on top. */
  path3 = write_file ("one-line.md", value->str, value->len);
  run_lekh (&set3, "set", path3, "title", "x");
  g_assert_cmpint (set3.status, ==, 0);
  g_free (expected);
  expected = g_strdup_printf ("---\ntitle: x\n---\n%s", value->str);
  assert_file_is (path3, expected, strlen (expected));
}

/* YAML that tries to explode ----------------------------------------------------------- */

static void
test_alias_bomb (void)
{
  /* "Billion laughs": 9^9 values once expanded. */
  const char *bomb =
    "---\n"
    "title: Laughs\n"
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
    "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
    "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"
    "---\n"
    "body\n";
  g_autofree char *path = write_file ("bomb.md", bomb, -1);
  g_autofree char *expected = NULL;
  g_autoptr(GString) many = g_string_new ("---\nx: &x a\ny: [");
  g_autofree char *path2 = NULL;
  g_auto(Run) json = { 0 };
  g_auto(Run) json_key = { 0 };
  g_auto(Run) get = { 0 };
  g_auto(Run) get_i = { 0 };
  g_auto(Run) set = { 0 };

  run_lekh (&json, "get", "--json", path);
  assert_refused (&json, path, "alias");
  run_lekh (&json_key, "get", "--json", path, "i");
  assert_refused (&json_key, path, "alias");
  run_lekh (&get_i, "get", path, "i");
  g_assert_cmpint (get_i.status, ==, 2);

  /* The rest of the file still reads and edits, leaving the bomb as it was. */
  run_lekh (&get, "get", path, "title");
  g_assert_cmpint (get.status, ==, 0);
  g_assert_cmpstr (get.out, ==, "Laughs\n");
  run_lekh (&set, "set", path, "title", "Quiet");
  g_assert_cmpint (set.status, ==, 0);
  expected = g_strdup (bomb);
  memcpy (strstr (expected, "Laughs"), "Quiet\n", 6);
  memmove (strstr (expected, "Quiet\n") + 6, strstr (expected, "Quiet\n") + 7,
           strlen (strstr (expected, "Quiet\n") + 7) + 1);
  assert_file_is (path, expected, strlen (expected));

  /* More alias events than the model accepts: a clear limit, in milliseconds. */
  for (guint i = 0; i < 100001; i++)
    g_string_append (many, "*x, ");
  g_string_append (many, "*x]\n---\n");
  assert_all_refused ("aliases.md", many->str, many->len, "aliases", NULL);
  (void) path2;
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) flow = g_string_new ("---\ntitle: a\ndeep: ");
  g_autoptr(GString) map = g_string_new ("---\ntitle: a\ndeep: ");
  g_autoptr(GString) block = g_string_new ("---\ntitle: a\ndeep:\n  ");

  for (guint i = 0; i < 10000; i++)
    {
      g_string_append_c (flow, '[');
      g_string_append (map, "{a: ");
      g_string_append (block, "- ");
    }
  g_string_append (flow, "x");
  g_string_append (map, "x");
  g_string_append (block, "x\n---\nbody\n");
  for (guint i = 0; i < 10000; i++)
    {
      g_string_append_c (flow, ']');
      g_string_append_c (map, '}');
    }
  g_string_append (flow, "\n---\nbody\n");
  g_string_append (map, "\n---\nbody\n");

  assert_all_refused ("deep-flow.md", flow->str, flow->len, "nested", "deep-flow.md:3:");
  assert_all_refused ("deep-map.md", map->str, map->len, "nested", "deep-map.md:3:");
  assert_all_refused ("deep-block.md", block->str, block->len, "nested", "deep-block.md:4:");
}

/* Line endings, BOM, tabs --------------------------------------------------------------- */

static void
check_set (const char *name,
           const char *before,
           const char *const *args,
           const char *after)
{
  g_autofree char *path = write_file (name, before, -1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(Run) run = { 0 };

  g_ptr_array_add (argv, (char *) args[0]);
  g_ptr_array_add (argv, path);
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  run_lekh_full (&run, FALSE, (const char * const *) argv->pdata);
  g_assert_cmpint (run.status, ==, 0);
  assert_file_is (path, after, strlen (after));
}

#define CHECK_SET(name, before, after, ...) \
  check_set (name, before, (const char * const[]) { __VA_ARGS__, NULL }, after)

static void
test_mixed_line_endings (void)
{
  /* The first line ending (CRLF) is the file's: new lines use it; no other byte moves,
   * not even the LF-only lines around the edit. */
  const char *mixed = "---\r\ntitle: a\nauthor: b\r\ntags:\n  - x\r\n---\nbody\r\nmore\n";

  CHECK_SET ("mixed-1.md", mixed,
             "---\r\ntitle: c\nauthor: b\r\ntags:\n  - x\r\n---\nbody\r\nmore\n",
             "set", "title", "c");
  CHECK_SET ("mixed-2.md", mixed,
             "---\r\ntitle: a\nauthor: b\r\ntags:\n  - x\r\nnew: v\r\n---\nbody\r\nmore\n",
             "set", "new", "v");
  CHECK_SET ("mixed-3.md", mixed,
             "---\r\ntitle: a\ntags:\n  - x\r\n---\nbody\r\nmore\n",
             "unset", "author");
  CHECK_SET ("mixed-4.md", mixed,
             "---\r\ntitle: a\nauthor: b\r\ntags:\n  - x\r\n  - z\r\n---\nbody\r\nmore\n",
             "set", "tags", "--list", "x", "z");
  /* LF first, CRLF later: LF it is. */
  CHECK_SET ("mixed-5.md", "---\ntitle: a\r\n---\r\nbody\n",
             "---\ntitle: a\r\nnew: v\n---\r\nbody\n",
             "set", "new", "v");
}

/* Found by fuzz-article: entries whose line spans overlapped the next entry, so that
 * removing one key would have taken part of its neighbour with it (the edit check
 * refused it, but the model was wrong):
 *  - a lone CR (an old Mac line end in a CRLF file), NEL, LS or PS is a line break to
 *    libyaml, and the key after it starts a line;
 *  - "? key" without a value: libyaml marks the empty value at the next token, which is
 *    the next entry's key. */
static void
test_fuzz_entry_spans (void)
{
  static const char * const inputs[] = {
    "---\r\ntags:\r\n- a\r\n- b\r\n- c\r$title: t\r\n---\r\n",
    "---\nt: ---\nqa\xdd\xa4:\r-t: --]\n---\n",
    "---\na: 1\xe2\x80\xa8" "b: 2\n---\n",
    "---\nta:\n  ? ---\ntitle: \"Jekyll MitHub HQ\"\ndate: 2015-01-20\n---\nbody\n",
    "---\ntags:\n?   - ? ---\ntags:\n?   - ? - a\n---\n a\n---\n",
  };

  for (guint n = 0; n < G_N_ELEMENTS (inputs); n++)
    {
      g_autoptr(LekhArticle) article = lekh_article_new (inputs[n], -1);
      gsize previous_end = 0;

      g_assert_null (lekh_article_get_error (article));
      g_assert_cmpuint (lekh_article_get_n_entries (article), >=, 2);
      for (guint i = 0; i < lekh_article_get_n_entries (article); i++)
        {
          const LekhEntry *entry = lekh_article_get_entry (article, i);
          g_autoptr(GError) error = NULL;
          g_autoptr(LekhEdit) edit = NULL;

          g_assert_cmpuint (entry->entry_span.start, >=, previous_end);
          g_assert_cmpuint (entry->entry_span.start, <=, entry->key_span.start);
          previous_end = entry->entry_span.end;

          /* Removing an entry removes exactly its bytes, or is refused as a whole. */
          edit = lekh_article_edit_remove (article, entry->key, &error);
          g_assert_true ((edit == NULL) != (error == NULL));
          if (edit != NULL)
            {
              g_autoptr(GBytes) bytes = lekh_edit_apply (edit, article);
              g_autoptr(LekhArticle) result = lekh_article_new_from_bytes (bytes);
              g_assert_cmpuint (edit->start, ==, entry->entry_span.start);
              g_assert_null (lekh_article_get_error (result));
              g_assert_null (lekh_article_lookup (result, entry->key));
              for (guint j = 0; j < lekh_article_get_n_entries (article); j++)
                {
                  const LekhEntry *other = lekh_article_get_entry (article, j);
                  g_autofree char *a = NULL;
                  g_autofree char *b = NULL;

                  if (j == i)
                    continue;
                  a = lekh_article_to_json (article, other->key, NULL);
                  b = lekh_article_to_json (result, other->key, NULL);
                  g_assert_cmpstr (a, ==, b);
                }
            }
        }
    }
}

static void
test_bom (void)
{
  CHECK_SET ("bom-1.md", "\xEF\xBB\xBF---\ntitle: a\n---\nbody\n",
             "\xEF\xBB\xBF---\ntitle: b\n---\nbody\n", "set", "title", "b");
  CHECK_SET ("bom-2.md", "\xEF\xBB\xBFHello\n",
             "\xEF\xBB\xBF---\ntitle: x\n---\nHello\n", "set", "title", "x");
  CHECK_SET ("bom-3.md", "\xEF\xBB\xBF---\r\ntitle: a\r\n---\r\nbody\r\n",
             "\xEF\xBB\xBF---\r\ntitle: a\r\ntags:\r\n  - x\r\n---\r\nbody\r\n", "set", "tags", "--list", "x");

  {
    g_autofree char *path = write_file ("bom-get.md", "\xEF\xBB\xBF---\ntitle: नमस्ते\n---\n", -1);
    g_auto(Run) get = { 0 };

    run_lekh (&get, "get", path, "title");
    g_assert_cmpint (get.status, ==, 0);
    g_assert_cmpstr (get.out, ==, "नमस्ते\n");
  }
}

static void
test_tabs (void)
{
  /* A tab in the indentation is an error with its place, said in plain words. */
  assert_all_refused ("tab-list.md", LIT ("---\ntags:\n\t- a\n---\nbody\n"), "tab", "tab-list.md:3:");
  assert_all_refused ("tab-map.md", LIT ("---\nauthor:\n\tname: A\n---\n"), "tab", "tab-map.md:3:");
  /* A tab after the colon is only a separator: fine, and kept. */
  CHECK_SET ("tab-sep.md", "---\ntitle:\tvalue\nx:\t1\n---\n",
             "---\ntitle:\tnew\nx:\t1\n---\n", "set", "title", "new");
}

/* Saving never truncates ---------------------------------------------------------------- */

static const char *article =
  "---\n"
  "title: \"नमस्ते\"   # Hindi title\n"
  "tags: [a, b]\n"
  "---\n"
  "Body text that must survive.\n";

static gboolean
run_quiet (const char * const *argv)
{
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* No temporary file of a failed save is left behind in DIR. */
static void
assert_only_file (const char *dir,
                  const char *name,
                  const char *also)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (strcmp (entry, name) != 0 && g_strcmp0 (entry, also) != 0)
      g_error ("a failed save left %s in %s", entry, dir);
}

static void
test_save_disk_full (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "full", NULL);
  g_autofree char *path = g_build_filename (dir, "a.md", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(GString) big = g_string_new (article);
  g_auto(Run) set = { 0 };
  char block[4096] = { 0 };
  int fd;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  if (!run_quiet ((const char * const[]) { "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir, NULL }))
    {
      g_test_skip ("cannot mount a small tmpfs to fill (needs root and CAP_SYS_ADMIN)");
      return;
    }

  while (big->len < 20000)
    g_string_append (big, "More of the body, so that a copy does not fit.\n");
  g_assert_true (g_file_set_contents (path, big->str, big->len, NULL));
  fd = g_open (filler, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  while (write (fd, block, 1) > 0)
    ;
  close (fd);

  run_lekh (&set, "set", path, "title", "A new title that needs space");
  assert_refused (&set, path, "cannot save");
  assert_file_is (path, big->str, big->len);
  assert_only_file (dir, "a.md", "filler");

  g_assert_true (run_quiet ((const char * const[]) { "umount", dir, NULL }));
}

static gboolean
can_run_as_nobody (void)
{
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");

  return getuid () == 0 && setpriv != NULL &&
         run_quiet ((const char * const[]) { "setpriv", "--reuid=65534", "--regid=65534",
                                             "--clear-groups", "true", NULL });
}

static void
test_save_read_only_file (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "rofile", NULL);
  g_autofree char *path = g_build_filename (dir, "a.md", NULL);
  g_autofree char *chattr = g_find_program_in_path ("chattr");
  gboolean tested = FALSE;

  g_assert_cmpint (g_mkdir (dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);   /* the folder is writable: only the file is not */
  g_assert_true (g_file_set_contents (path, article, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  if (getuid () != 0)
    {
      g_auto(Run) set = { 0 };

      run_lekh (&set, "set", path, "title", "x");
      assert_refused (&set, path, "read-only");
      assert_file_is (path, article, strlen (article));
      tested = TRUE;
    }
  if (can_run_as_nobody ())
    {
      g_auto(Run) set = { 0 };

      /* root owns the file, mode 0444: nobody may not write it, though it may the folder */
      run_lekh_as_nobody (&set, "set", path, "title", "x");
      assert_refused (&set, path, "read-only");
      assert_file_is (path, article, strlen (article));
      assert_only_file (dir, "a.md", NULL);
      tested = TRUE;
    }
  if (getuid () == 0 && chattr != NULL &&
      run_quiet ((const char * const[]) { "chattr", "+i", path, NULL }))
    {
      g_auto(Run) set = { 0 };

      /* immutable: not even root may replace it */
      g_chmod (path, 0644);
      run_lekh (&set, "set", path, "title", "x");
      run_quiet ((const char * const[]) { "chattr", "-i", path, NULL });
      assert_refused (&set, path, "cannot save");
      assert_file_is (path, article, strlen (article));
      assert_only_file (dir, "a.md", NULL);
      tested = TRUE;
    }
  if (!tested)
    g_test_skip ("as root, a read-only file needs setpriv (to run as nobody) or chattr +i");
}

static void
test_save_read_only_folder (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "rofolder", NULL);
  g_autofree char *path = g_build_filename (dir, "a.md", NULL);
  g_autofree char *chattr = g_find_program_in_path ("chattr");
  gboolean tested = FALSE;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, article, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);   /* the file is writable: only the folder is not */

  if (getuid () != 0)
    {
      g_auto(Run) set = { 0 };

      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      run_lekh (&set, "set", path, "title", "x");
      g_chmod (dir, 0755);
      assert_refused (&set, path, "cannot save");
      assert_file_is (path, article, strlen (article));
      tested = TRUE;
    }
  if (can_run_as_nobody ())
    {
      g_auto(Run) set = { 0 };

      run_lekh_as_nobody (&set, "set", path, "title", "x");
      assert_refused (&set, path, "cannot save");
      assert_file_is (path, article, strlen (article));
      assert_only_file (dir, "a.md", NULL);
      tested = TRUE;
    }
  if (getuid () == 0 && chattr != NULL &&
      run_quiet ((const char * const[]) { "chattr", "+i", dir, NULL }))
    {
      g_auto(Run) set = { 0 };

      run_lekh (&set, "set", path, "title", "x");
      run_quiet ((const char * const[]) { "chattr", "-i", dir, NULL });
      assert_refused (&set, path, "cannot save");
      assert_file_is (path, article, strlen (article));
      assert_only_file (dir, "a.md", NULL);
      tested = TRUE;
    }
  if (!tested)
    g_test_skip ("as root, a read-only folder needs setpriv (to run as nobody) or chattr +i");
}

typedef enum
{
  UNDERNEATH_NOTHING,
  UNDERNEATH_DELETE,
  UNDERNEATH_REPLACE,
  UNDERNEATH_CHANGE,
} Underneath;

/* Runs `lekh set`, stops it after it read the file and before it saves
 * (LEKH_DEBUG=stop-before-save), does WHAT to the file, and lets it go on. */
static void
run_with_change_underneath (Run        *run,
                            const char *path,
                            Underneath  what)
{
  const char *exe = g_getenv ("LEKH_EXE");
  const char *argv[] = { exe, "set", path, "title", "Mine", NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LEKH_DEBUG", "stop-before-save", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  GPid pid;
  int err_fd, status;
  gsize len;

  g_assert_true (g_spawn_async_with_pipes (tmpdir, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD |
                                           G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                                           NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);

  g_assert_cmpint (waitpid (pid, &status, WUNTRACED), ==, pid);
  g_assert_true (WIFSTOPPED (status));

  switch (what)
    {
    case UNDERNEATH_DELETE:
      g_assert_cmpint (g_unlink (path), ==, 0);
      break;
    case UNDERNEATH_REPLACE:
      {
        g_autofree char *other = g_strconcat (path, ".other", NULL);

        g_assert_true (g_file_set_contents (other, "Someone else's text\n", -1, NULL));
        g_assert_cmpint (g_rename (other, path), ==, 0);
      }
      break;
    case UNDERNEATH_CHANGE:
      {
        FILE *f = fopen (path, "a");

        g_assert_nonnull (f);
        fputs ("A line someone added.\n", f);
        fclose (f);
      }
      break;
    case UNDERNEATH_NOTHING:
    default:
      break;
    }

  kill (pid, SIGCONT);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  run->status = WEXITSTATUS (status);
  channel = g_io_channel_unix_new (err_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_read_to_end (channel, &run->err, &len, NULL);
  g_test_message ("changed underneath (%d): exit %d: %s", what, run->status, run->err);
  g_spawn_close_pid (pid);
}

static void
test_save_changed_underneath (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "under.md", NULL);
  g_autofree char *added = g_strconcat (article, "A line someone added.\n", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) nothing = { 0 };
  g_auto(Run) deleted = { 0 };
  g_auto(Run) replaced = { 0 };
  g_auto(Run) changed = { 0 };

  /* Unchanged: the save goes through (the check is not a refusal of everything). */
  g_assert_true (g_file_set_contents (path, article, -1, NULL));
  run_with_change_underneath (&nothing, path, UNDERNEATH_NOTHING);
  g_assert_cmpint (nothing.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "title: \"Mine\"   # Hindi title\n"));

  /* Deleted: not brought back to life. */
  g_assert_true (g_file_set_contents (path, article, -1, NULL));
  run_with_change_underneath (&deleted, path, UNDERNEATH_DELETE);
  assert_refused (&deleted, path, "deleted");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Replaced (another program saved atomically): theirs is kept. */
  g_assert_true (g_file_set_contents (path, article, -1, NULL));
  run_with_change_underneath (&replaced, path, UNDERNEATH_REPLACE);
  assert_refused (&replaced, path, "changed");
  assert_file_is (path, "Someone else's text\n", strlen ("Someone else's text\n"));

  /* Changed in place: theirs is kept. */
  g_assert_true (g_file_set_contents (path, article, -1, NULL));
  run_with_change_underneath (&changed, path, UNDERNEATH_CHANGE);
  assert_refused (&changed, path, "changed");
  assert_file_is (path, added, strlen (added));
}

static void
test_not_a_file (void)
{
  g_autofree char *fifo = g_build_filename (tmpdir, "pipe.md", NULL);
  g_auto(Run) pipe = { 0 };
  g_auto(Run) dev = { 0 };
  g_auto(Run) folder = { 0 };

  /* A named pipe must not block the command, nor /dev/zero fill the memory. */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  run_lekh (&pipe, "get", fifo, "title");
  assert_refused (&pipe, fifo, "regular file");
  run_lekh (&dev, "set", "/dev/zero", "title", "x");
  assert_refused (&dev, "/dev/zero", "regular file");
  run_lekh (&folder, "get", tmpdir, "title");
  assert_refused (&folder, tmpdir, "folder");
}

/* `lekh check` and `lekh render` ------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *contents;
  gsize       len;
  const char *where;      /* check: "file:line:col: error:" */
  const char *rule;       /* check: the rule id */
} CheckCase;

#define CHECK_CASE(name, text, where, rule) { name, text, sizeof (text) - 1, where, rule }

static const CheckCase check_cases[] = {
  CHECK_CASE ("c-latin1.md", "---\ntitle: caf\xe9\n---\nbody\n", "c-latin1.md:2:11: error:", "[invalid-utf8]"),
  CHECK_CASE ("c-nul.md", "---\ntitle: a\n---\nbody\0x\n", "c-nul.md:4:5: error:", "[invalid-utf8]"),
  CHECK_CASE ("c-png.md", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "c-png.md:1:1: error:", "[invalid-utf8]"),
  CHECK_CASE ("c-tab.md", "---\ntags:\n\t- a\n---\n", "c-tab.md:3:1: error:", "[yaml-syntax]"),
  CHECK_CASE ("c-open.md", "---\ntitle: a\nbody\n", "c-open.md:1:1: error:", "[unterminated-front-matter]"),
};

/* check: a diagnostic with its place and rule, exit 1, nothing written.
 * render: a one-line refusal, exit 2, no output file. */
static void
test_check_and_render (void)
{
  g_autoptr(GString) deep = g_string_new ("---\ntitle: a\ndeep: ");
  g_autofree char *fifo = g_build_filename (tmpdir, "c-pipe.md", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "c-out.html", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      const CheckCase *c = &check_cases[i];
      g_autofree char *path = write_file (c->name, c->contents, c->len);
      g_auto(Run) check = { 0 };
      g_auto(Run) json = { 0 };
      g_auto(Run) render = { 0 };

      run_lekh (&check, "check", path);
      g_assert_cmpint (check.status, ==, 1);
      if (strstr (check.out, c->where) == NULL || strstr (check.out, c->rule) == NULL)
        g_error ("expected “%s … %s” in: %s", c->where, c->rule, check.out);

      run_lekh (&json, "check", "--format", "json", path);
      g_assert_cmpint (json.status, ==, 1);
      g_assert_true (g_utf8_validate (json.out, -1, NULL));

      run_lekh (&render, "render", path, "-o", out);
      assert_refused (&render, path, "error");
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      assert_file_is (path, c->contents, c->len);
    }

  /* 10,000-deep nesting: a diagnostic at the 257th level, not a stack overflow. */
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "\n---\nbody\n");
  {
    g_autofree char *path = write_file ("c-deep.md", deep->str, deep->len);
    g_auto(Run) check = { 0 };
    g_auto(Run) render = { 0 };

    run_lekh (&check, "check", path);
    g_assert_cmpint (check.status, ==, 1);
    g_assert_nonnull (strstr (check.out, "c-deep.md:3:262: error:"));
    g_assert_nonnull (strstr (check.out, "nested"));
    run_lekh (&render, "render", path);
    assert_refused (&render, path, "nested");
  }

  /* An alias bomb elsewhere in the front matter: checked and rendered, in bounded time. */
  {
    const char *bomb =
      "---\ntitle: Laughs\n"
      "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
      "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
      "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
      "tags: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"
      "---\nbody\n";
    g_autofree char *path = write_file ("c-bomb.md", bomb, -1);
    g_auto(Run) check = { 0 };
    g_auto(Run) render = { 0 };

    run_lekh (&check, "check", path);
    g_assert_cmpint (check.status, <=, 1);
    run_lekh (&render, "render", path);
    g_assert_cmpint (render.status, ==, 0);
    g_assert_nonnull (strstr (render.out, "<title>Laughs</title>"));
    g_assert_cmpuint (strlen (render.out), <, 1024 * 1024);
    assert_file_is (path, bomb, strlen (bomb));
  }

  /* A named pipe: refused, not waited on. */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  {
    g_auto(Run) check = { 0 };
    g_auto(Run) render = { 0 };

    run_lekh (&check, "check", fifo);
    g_assert_cmpint (check.status, ==, 2);
    g_assert_nonnull (strstr (check.err, "c-pipe.md"));
    run_lekh (&render, "render", fifo);
    assert_refused (&render, fifo, "regular file");
  }

  /* render -o over a read-only file (to this user) or into a read-only folder: refused,
   * what was there stays. */
  if (can_run_as_nobody ())
    {
      g_autofree char *good = write_file ("c-good.md", "---\ntitle: Good\n---\nbody\n", -1);
      g_autofree char *old = write_file ("c-old.html", "old page\n", -1);
      g_auto(Run) render = { 0 };

      g_assert_cmpint (g_chmod (good, 0644), ==, 0);
      run_lekh_as_nobody (&render, "render", good, "-o", old);
      g_assert_cmpint (render.status, ==, 2);
      g_assert_nonnull (strstr (render.err, "c-old.html"));
      assert_file_is (old, "old page\n", strlen ("old page\n"));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("lekh-test-hostile-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  g_chmod (tmpdir, 0755);   /* user nobody must reach the folders below */

  g_test_add_func ("/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hostile/binary", test_binary);
  g_test_add_func ("/hostile/nul-bytes", test_nul_bytes);
  g_test_add_func ("/hostile/huge-file", test_huge_file);
  g_test_add_func ("/hostile/long-line", test_long_line);
  g_test_add_func ("/hostile/alias-bomb", test_alias_bomb);
  g_test_add_func ("/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hostile/mixed-line-endings", test_mixed_line_endings);
  g_test_add_func ("/hostile/fuzz-entry-spans", test_fuzz_entry_spans);
  g_test_add_func ("/hostile/bom", test_bom);
  g_test_add_func ("/hostile/tabs", test_tabs);
  g_test_add_func ("/hostile/not-a-file", test_not_a_file);
  g_test_add_func ("/hostile/check-and-render", test_check_and_render);
  g_test_add_func ("/hostile/save/disk-full", test_save_disk_full);
  g_test_add_func ("/hostile/save/read-only-file", test_save_read_only_file);
  g_test_add_func ("/hostile/save/read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/hostile/save/changed-underneath", test_save_changed_underneath);

  status = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("umount '%s/full' 2>/dev/null; chattr -R -i '%s' 2>/dev/null; rm -rf '%s'",
                                            tmpdir, tmpdir, tmpdir);
    if (system (cmd) != 0)
      g_warning ("could not remove %s", tmpdir);
  }
  g_free (tmpdir);
  return status;
}
