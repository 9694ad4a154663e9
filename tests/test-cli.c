/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "key-shapes.h"
#include "lekh-cli-test.h"

static char *tmpdir;

static void
run_lekh (Run        *run,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  lekh_test_run (run, tmpdir, NULL, NULL, (const char * const *) args->pdata);
}

static char *
write_file (const char *name,
            const char *contents,
            gssize      len)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static const char *article =
  "---\n"
  "title: \"नमस्ते\"   # Hindi title\n"
  "tags: [a, b]\n"
  "count: 3\n"
  "---\n"
  "Body with --- inside\n";

static void
test_cli_get (void)
{
  g_autofree char *path = write_file ("get.md", article, -1);
  g_auto(Run) title = { 0 };
  g_auto(Run) tags = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(Run) missing = { 0 };

  run_lekh (&title, "get", path, "title", NULL);
  g_assert_cmpint (title.status, ==, 0);
  g_assert_cmpstr (title.out, ==, "नमस्ते\n");

  run_lekh (&tags, "get", path, "tags", NULL);
  g_assert_cmpstr (tags.out, ==, "a\nb\n");

  run_lekh (&json, "get", "--json", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.out, ==, "{\"title\":\"नमस्ते\",\"tags\":[\"a\",\"b\"],\"count\":3}\n");

  run_lekh (&one, "get", "--json", path, "tags", NULL);
  g_assert_cmpstr (one.out, ==, "[\"a\",\"b\"]\n");

  run_lekh (&missing, "get", path, "nope", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "nope"));
}

static void
test_cli_set_and_unset (void)
{
  g_autofree char *path = write_file ("set.md", article, -1);
  g_autofree char *after_set = NULL, *after_list = NULL, *after_unset = NULL, *after_empty = NULL;
  g_auto(Run) set = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) empty = { 0 };
  g_auto(Run) unset = { 0 };
  g_auto(Run) unset_missing = { 0 };

  run_lekh (&set, "set", path, "title", "नया: शीर्षक", NULL);
  g_assert_cmpint (set.status, ==, 0);
  after_set = read_file (path);
  g_assert_cmpstr (after_set, ==,
                   "---\ntitle: \"नया: शीर्षक\"   # Hindi title\ntags: [a, b]\ncount: 3\n---\n"
                   "Body with --- inside\n");

  run_lekh (&list, "set", path, "tags", "--list", "x", "y z", "-5", NULL);
  g_assert_cmpint (list.status, ==, 0);
  after_list = read_file (path);
  g_assert_nonnull (strstr (after_list, "tags: [x, y z, '-5']\n"));

  run_lekh (&empty, "set", path, "keywords", "--list", NULL);
  g_assert_cmpint (empty.status, ==, 0);
  after_empty = read_file (path);
  g_assert_nonnull (strstr (after_empty, "count: 3\nkeywords: []\n---\n"));

  run_lekh (&unset, "unset", path, "count", NULL);
  g_assert_cmpint (unset.status, ==, 0);
  after_unset = read_file (path);
  g_assert_null (strstr (after_unset, "count"));

  run_lekh (&unset_missing, "unset", path, "count", NULL);
  g_assert_cmpint (unset_missing.status, ==, 1);
}

typedef struct
{
  const char *name;
  const char *contents;
  gssize      len;
  const char *words;   /* the message must say this */
  const char *where;   /* and name this file:line:col */
} BadCase;

static const BadCase bad_cases[] = {
  { "yaml.md", "---\ntitle: [a\n---\nbody\n", -1, "YAML", "yaml.md:3:1:" },
  { "unterminated.md", "---\ntitle: a\nbody\n", -1, "closing", "unterminated.md:1:1:" },
  { "latin1.md", "---\ntitle: caf\xe9\n---\n", -1, "UTF-8", "latin1.md:2:11:" },
  { "binary.md", "---\n\0\0\0", 7, "NUL", "binary.md:2:1:" },
  { "toml.md", "+++\ntitle = 'a\n+++\n", -1, "TOML", "toml.md:2:11:" },
  { "toml-table.md", "+++\n[title]\nx = 1\n+++\n", -1, "table", "toml-table.md: error:" },
  { "json.md", "{\n  \"title\": \"a\",\n}\n", -1, "JSON", "json.md:2:15:" },
  { "list.md", "---\n- a\n---\n", -1, "key: value", "list.md:2:1:" },
};

static void
test_cli_bad_input_untouched (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autofree char *path = write_file (c->name, c->contents, c->len);
      gsize len = c->len < 0 ? strlen (c->contents) : (gsize) c->len;
      g_auto(Run) set = { 0 };
      g_auto(Run) unset = { 0 };
      g_autofree char *after = NULL;
      gsize after_len;

      run_lekh (&set, "set", path, "title", "new", NULL);
      g_test_message ("%s: %s", c->name, set.err);
      g_assert_cmpint (set.status, ==, 2);
      g_assert_nonnull (strstr (set.err, c->words));
      g_assert_nonnull (strstr (set.err, c->where));
      g_assert_null (strchr (strchr (set.err, '\n') + 1, '\n'));   /* one line */

      run_lekh (&unset, "unset", path, "title", NULL);
      g_assert_cmpint (unset.status, ==, 2);

      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert_cmpmem (after, after_len, c->contents, len);
    }
}

/* Hugo's TOML and JSON front matter: read, set and unset byte for byte, the file's line
 * ending and BOM kept, a boolean set from the command line still a boolean. */
static void
test_cli_toml_json (void)
{
  static const char toml[] =
    "\xef\xbb\xbf+++\r\n"
    "title = 'Old'  # the title\r\n"
    "draft = true\r\n"
    "date = 2024-03-05T10:00:00Z\r\n"
    "\r\n"
    "[params]\r\n"
    "  subtitle = 'x'\r\n"
    "+++\r\n"
    "Body\r\n";
  static const char json[] =
    "{\n"
    "  \"title\": \"Old\",\n"
    "  \"draft\": true\n"
    "}\n"
    "Body\n";
  g_autofree char *toml_path = write_file ("hugo.md", toml, -1);
  g_autofree char *json_path = write_file ("hugo-json.md", json, -1);
  g_autofree char *after = NULL;
  g_auto(Run) get = { 0 };
  g_auto(Run) get_json = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) set_bool = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) unset = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) jset = { 0 };
  g_auto(Run) jadd = { 0 };
  g_auto(Run) junset = { 0 };

  run_lekh (&get, "get", toml_path, "date", NULL);
  g_assert_cmpint (get.status, ==, 0);
  g_assert_cmpstr (get.out, ==, "2024-03-05T10:00:00Z\n");
  run_lekh (&get_json, "get", "--json", toml_path, "params", NULL);
  g_assert_cmpstr (get_json.out, ==, "{\"subtitle\":\"x\"}\n");

  run_lekh (&set, "set", toml_path, "title", "x", NULL);
  g_assert_cmpint (set.status, ==, 0);
  run_lekh (&set_bool, "set", toml_path, "draft", "false", NULL);
  g_assert_cmpint (set_bool.status, ==, 0);
  run_lekh (&add, "set", toml_path, "tags", "--list", "go", "hugo", NULL);
  g_assert_cmpint (add.status, ==, 0);
  after = read_file (toml_path);
  g_assert_cmpstr (after, ==,
                   "\xef\xbb\xbf+++\r\n"
                   "title = 'x'  # the title\r\n"
                   "draft = false\r\n"
                   "date = 2024-03-05T10:00:00Z\r\n"
                   "tags = [\"go\", \"hugo\"]\r\n"
                   "\r\n"
                   "[params]\r\n"
                   "  subtitle = 'x'\r\n"
                   "+++\r\n"
                   "Body\r\n");
  g_clear_pointer (&after, g_free);

  run_lekh (&unset, "unset", toml_path, "draft", NULL);
  g_assert_cmpint (unset.status, ==, 0);
  run_lekh (&table, "unset", toml_path, "params", NULL);
  g_assert_cmpint (table.status, ==, 2);
  g_assert_nonnull (strstr (table.err, "[params]"));
  after = read_file (toml_path);
  g_assert_null (strstr (after, "draft"));
  g_assert_nonnull (strstr (after, "[params]\r\n  subtitle = 'x'\r\n+++\r\nBody\r\n"));
  g_clear_pointer (&after, g_free);

  run_lekh (&jset, "set", json_path, "title", "New \"one\"", NULL);
  g_assert_cmpint (jset.status, ==, 0);
  run_lekh (&jadd, "set", json_path, "weight", "3", NULL);
  g_assert_cmpint (jadd.status, ==, 0);
  run_lekh (&junset, "unset", json_path, "draft", NULL);
  g_assert_cmpint (junset.status, ==, 0);
  after = read_file (json_path);
  g_assert_cmpstr (after, ==, "{\n  \"title\": \"New \\\"one\\\"\",\n  \"weight\": \"3\"\n}\nBody\n");
}

static void
test_cli_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) extra = { 0 };
  g_auto(Run) absent = { 0 };
  g_auto(Run) help = { 0 };

  run_lekh (&none, "set", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "Usage"));
  run_lekh (&extra, "set", "a.md", "k", "v", "w", NULL);
  g_assert_cmpint (extra.status, ==, 2);
  run_lekh (&absent, "get", "does-not-exist.md", "title", NULL);
  g_assert_cmpint (absent.status, ==, 2);
  g_assert_nonnull (strstr (absent.err, "does-not-exist.md"));
  run_lekh (&help, "get", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
}


/* lekh --help lists every subcommand (not GApplication's options); --version the version. */
static void
test_cli_help_and_version (void)
{
  static const char *commands[] = { "get", "set", "unset", "check", "render" };
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };

  run_lekh (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("\n  lekh %s ", commands[i]);

      g_assert_nonnull (strstr (help.out, usage));
    }
  g_assert_nonnull (strstr (help.out, "--version"));
  g_assert_nonnull (strstr (help.out, "sarif"));
  g_assert_null (strstr (help.out, "gapplication-service"));

  run_lekh (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "lekh " PACKAGE_VERSION "\n");
}

static void
test_cli_keeps_permissions_and_links (void)
{
  g_autofree char *path = write_file ("perm.md", article, -1);
  g_autofree char *link = g_build_filename (tmpdir, "link.md", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) set = { 0 };
  GStatBuf st;

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (symlink ("perm.md", link), ==, 0);

  run_lekh (&set, "set", link, "title", "via link", NULL);
  g_assert_cmpint (set.status, ==, 0);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "title: \"via link\""));
}

static void
test_cli_keeps_owner (void)
{
  g_autofree char *path = write_file ("owned.md", article, -1);
  g_auto(Run) set = { 0 };
  GStatBuf st;

  if (getuid () != 0)
    {
      g_test_skip ("only root can hand a file to another owner");
      return;
    }
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  run_lekh (&set, "set", path, "title", "owned", NULL);
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, 65534);
  g_assert_cmpint (st.st_gid, ==, 65534);
}

static void
test_cli_read_only_folder (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "ro", NULL);
  g_autofree char *path = g_build_filename (dir, "a.md", NULL);
  g_autofree char *after = NULL;
  g_auto(Run) set = { 0 };

  if (getuid () == 0)
    {
      g_test_skip ("root ignores folder permissions");
      return;
    }
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, article, -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  run_lekh (&set, "set", path, "title", "x", NULL);
  g_chmod (dir, 0755);
  g_assert_cmpint (set.status, ==, 2);
  g_assert_nonnull (strstr (set.err, "cannot save"));
  after = read_file (path);
  g_assert_cmpstr (after, ==, article);
}

static void
test_cli_crlf_bom_byte_exact (void)
{
  const char *text = "\xEF\xBB\xBF---\r\ntitle: a\r\ntags:\r\n  - x\r\n---\r\nbody\r\n";
  g_autofree char *path = write_file ("crlf.md", text, -1);
  g_autofree char *after = NULL;
  g_auto(Run) set = { 0 };
  g_auto(Run) list = { 0 };

  run_lekh (&set, "set", path, "title", "b", NULL);
  run_lekh (&list, "set", path, "tags", "--list", "x", "z", NULL);
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpint (list.status, ==, 0);
  after = read_file (path);
  g_assert_cmpstr (after, ==, "\xEF\xBB\xBF---\r\ntitle: b\r\ntags:\r\n  - x\r\n  - z\r\n---\r\nbody\r\n");
}

/* The key shapes of test-edit through `lekh set` and `lekh unset` (renames have no
 * command): the file ends up exactly as expected, or is refused (exit 2, the reason on
 * stderr) and left byte for byte as it was. */
static void
test_cli_key_shapes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (shape_cases); i++)
    {
      const ShapeCase *c = &shape_cases[i];
      g_autofree char *path = NULL;
      g_autofree char *after = NULL;
      g_auto(Run) run = { 0 };

      if (c->op == SHAPE_RENAME)
        continue;
      g_test_message ("case %s", c->name);
      path = write_file ("shape.md", c->text, -1);
      switch (c->op)
        {
        case SHAPE_SET:
          run_lekh (&run, "set", path, c->key, c->arg, NULL);
          break;
        case SHAPE_LIST:
          run_lekh (&run, "set", path, c->key, "--list", "p", "q", NULL);
          break;
        case SHAPE_REMOVE:
        case SHAPE_RENAME:
        default:
          run_lekh (&run, "unset", path, c->key, NULL);
          break;
        }
      after = read_file (path);
      if (c->expected == NULL)
        {
          g_test_message ("  %s", run.err);
          g_assert_cmpint (run.status, ==, 2);
          g_assert_nonnull (strstr (run.err, c->message));
          g_assert_cmpstr (after, ==, c->text);
        }
      else
        {
          g_assert_cmpstr (run.err, ==, "");
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpstr (after, ==, c->expected);
        }
    }
}

/* Explicit and complex keys read back through `lekh get`. */
static void
test_cli_get_key_shapes (void)
{
  g_autofree char *path = write_file ("shapes-get.md",
                                      "---\n? a\n: 1\n? b\n? - c\n  - d\n: e\nf:\n  ? g\n---\nbody\n", -1);
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) json = { 0 };

  run_lekh (&a, "get", path, "a", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, "1\n");
  run_lekh (&b, "get", path, "b", NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (b.out, ==, "");
  run_lekh (&json, "get", "--json", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.out, ==, "{\"a\":1,\"b\":null,\"[\\\"c\\\",\\\"d\\\"]\":\"e\",\"f\":{\"g\":null}}\n");
}

/* A number beyond 64 bits is printed as the file holds it, never clamped. */
static void
test_cli_big_integer (void)
{
  g_autofree char *path = write_file ("big.md",
                                      "---\nr: 12345678901234567890\nh: 0x1FFFFFFFFFFFFFFFF\n---\n", -1);
  g_auto(Run) text = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(Run) all = { 0 };

  run_lekh (&text, "get", path, "r", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.out, ==, "12345678901234567890\n");
  run_lekh (&one, "get", "--json", path, "r", NULL);
  g_assert_cmpint (one.status, ==, 0);
  g_assert_cmpstr (one.out, ==, "12345678901234567890\n");
  run_lekh (&all, "get", "--json", path, NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpstr (all.out, ==, "{\"r\":12345678901234567890,\"h\":\"0x1FFFFFFFFFFFFFFFF\"}\n");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("lekh-test-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/get", test_cli_get);
  g_test_add_func ("/cli/set-and-unset", test_cli_set_and_unset);
  g_test_add_func ("/cli/bad-input-untouched", test_cli_bad_input_untouched);
  g_test_add_func ("/cli/toml-json", test_cli_toml_json);
  g_test_add_func ("/cli/usage", test_cli_usage);
  g_test_add_func ("/cli/help-and-version", test_cli_help_and_version);
  g_test_add_func ("/cli/keeps-permissions-and-links", test_cli_keeps_permissions_and_links);
  g_test_add_func ("/cli/keeps-owner", test_cli_keeps_owner);
  g_test_add_func ("/cli/read-only-folder", test_cli_read_only_folder);
  g_test_add_func ("/cli/crlf-bom-byte-exact", test_cli_crlf_bom_byte_exact);
  g_test_add_func ("/cli/key-shapes", test_cli_key_shapes);
  g_test_add_func ("/cli/get-key-shapes", test_cli_get_key_shapes);
  g_test_add_func ("/cli/big-integer", test_cli_big_integer);

  status = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    if (system (cmd) != 0)
      g_warning ("could not remove %s", tmpdir);
  }
  g_free (tmpdir);
  return status;
}
