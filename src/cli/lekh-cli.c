/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "lekh-article.h"
#include "lekh-edit.h"
#include "lekh-file.h"
#include "lekh-cli.h"
#include "lekh-cli-check.h"
#include "lekh-cli-render.h"
#include "lekh-cli-site.h"

/* Exit codes of get/set/unset. */
enum
{
  EXIT_OK = 0,
  EXIT_NOT_FOUND = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *usage;
  const char *summary;
} Command;

static int cli_get   (int argc, char **argv);
static int cli_set   (int argc, char **argv);
static int cli_unset (int argc, char **argv);

static const Command commands[] = {
  { "get", cli_get, N_("lekh get [--json] FILE [KEY]"),
    N_("print a front-matter key (or all of it as JSON)") },
  { "set", cli_set, N_("lekh set FILE KEY VALUE\n       lekh set FILE KEY --list [VALUE…]"),
    N_("set a key to a text or a list, keeping the rest of the file as it is") },
  { "unset", cli_unset, N_("lekh unset FILE KEY"), N_("remove a key") },
  { "check", lekh_cli_check,
    N_("lekh check [--profile PROFILE] [--format text|json|github|sarif] [--quiet] PATH…"),
    N_("check the front matter of articles against their site (folders are walked)") },
  { "render", lekh_cli_render, N_("lekh render FILE [-o OUT.html] [--unsafe]"),
    N_("write the article as a standalone HTML page") },
  { "list", lekh_cli_list, N_("lekh list [--json] PATH…"),
    N_("one line per article: title, date, draft, tags, authors, problems") },
  { "replace", lekh_cli_replace, N_("lekh replace [--dry-run] KEY OLD NEW PATH…"),
    N_("replace a value of a key in every article, changing only that value") },
  { "new", lekh_cli_new, N_("lekh new [--site DIR] [--section NAME] TITLE"),
    N_("create an article where and as the site expects it, and print its path") },
};

/* `lekh --help` and `lekh --version` are answered here, without a display; the window's
 * own options (GApplication, GTK) stay behind --help-all. */
static gboolean
is_global_option (const char *arg)
{
  return strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0 || strcmp (arg, "-?") == 0 ||
         strcmp (arg, "--version") == 0;
}

static int
cli_global_option (const char *arg)
{
  if (strcmp (arg, "--version") == 0)
    {
      g_print ("lekh %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_print ("%s\n  %s\n      %s\n", _("Usage:"), _("lekh [FILE…]"), _("open the editor"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) lines = g_strsplit (_(commands[i].usage), "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        g_print ("  %s\n", g_strstrip (lines[l]));
      g_print ("      %s\n", _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  -h, --help     %s\n", _("Show this help"));
  g_print ("  --version      %s\n", _("Print the version"));
  g_print ("  --help-all     %s\n", _("Show the window’s own options (GApplication, GTK)"));
  g_print ("\n%s\n", _("“lekh COMMAND --help” tells more about each command."));
  return 0;
}

gboolean
lekh_cli_is_command (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (is_global_option (name))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (name, commands[i].name) == 0)
      return TRUE;
  return FALSE;
}

char *
lekh_cli_dup_usage (void)
{
  GString *out = g_string_new (_("Commands (they need no display):"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) lines = g_strsplit (_(commands[i].usage), "\n", -1);

      for (guint j = 0; lines[j]; j++)
        g_string_append_printf (out, "\n  %s", g_strstrip (lines[j]));
    }
  return g_string_free (out, FALSE);
}

static int
usage_error (const char *command,
             const char *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (command, commands[i].name) == 0)
      {
        if (message != NULL)
          g_printerr ("lekh %s: %s\n", command, message);
        g_printerr (_("Usage: %s\n"), _(commands[i].usage));
      }
  return EXIT_USAGE;
}

static gboolean
wants_help (int    argc,
            char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        return FALSE;
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Reads PATH into an article; prints "PATH:LINE:COL: error: message" and returns NULL
 * when the file cannot be read or (with EDITABLE) cannot be edited safely. STAMP (may be
 * NULL) notes what the file was, so that saving can refuse when it changed meanwhile. */
static LekhArticle *
load_article (const char    *path,
              gboolean       editable,
              LekhFileStamp *stamp)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhArticle) article = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = lekh_file_read (path, stamp, &error);
  if (bytes == NULL)
    {
      g_printerr (_("%s: error: %s\n"), path, error->message);
      return NULL;
    }
  article = lekh_article_new_from_bytes (bytes);

  if (lekh_article_get_error (article) != NULL)
    {
      g_printerr (_("%s:%u:%u: error: %s\n"), path,
                  lekh_article_get_error_line (article),
                  lekh_article_get_error_column (article),
                  lekh_article_get_error (article)->message);
      return NULL;
    }
  if (editable && !lekh_article_check_editable (article, &error))
    {
      g_printerr (_("%s:1:1: error: %s\n"), path, error->message);
      return NULL;
    }
  return g_steal_pointer (&article);
}

/* Formats NODE for `lekh get`: a scalar as text, a list one item per line, anything else
 * as JSON. Fails (e.g. on an alias bomb) without printing half of it. */
static gboolean
format_value (const LekhNode  *node,
              GString         *out,
              GError         **error)
{
  node = lekh_node_resolve (node);

  if (node != NULL && node->kind == LEKH_NODE_SCALAR)
    {
      if (lekh_node_get_value_type (node) != LEKH_VALUE_NULL)
        {
          g_string_append_len (out, node->scalar, node->scalar_len);
          g_string_append_c (out, '\n');
        }
      return TRUE;
    }

  if (node != NULL && node->kind == LEKH_NODE_SEQUENCE)
    {
      for (guint i = 0; i < lekh_node_get_n_items (node); i++)
        {
          const LekhNode *item = lekh_node_resolve (lekh_node_get_item (node, i));

          if (item != NULL && item->kind == LEKH_NODE_SCALAR)
            format_value (item, out, NULL);
          else
            {
              if (!lekh_node_to_json (item, out, error))
                return FALSE;
              g_string_append_c (out, '\n');
            }
        }
      return TRUE;
    }

  if (!lekh_node_to_json (node, out, error))
    return FALSE;
  g_string_append_c (out, '\n');
  return TRUE;
}

static int
cli_get (int    argc,
         char **argv)
{
  gboolean json = FALSE;
  const char *positional[2] = { NULL, NULL };
  guint n = 0;
  g_autoptr(LekhArticle) article = NULL;
  gboolean options_done = FALSE;

  if (wants_help (argc, argv))
    return usage_error ("get", NULL), EXIT_OK;

  for (int i = 1; i < argc; i++)
    {
      if (!options_done && strcmp (argv[i], "--json") == 0)
        json = TRUE;
      else if (!options_done && strcmp (argv[i], "--") == 0)
        options_done = TRUE;
      else if (!options_done && argv[i][0] == '-' && argv[i][1] == '-')
        return usage_error ("get", _("unknown option"));
      else if (n < 2)
        positional[n++] = argv[i];
      else
        return usage_error ("get", _("too many arguments"));
    }
  if (n == 0 || (!json && n < 2))
    return usage_error ("get", _("missing FILE or KEY"));

  if (!(article = load_article (positional[0], FALSE, NULL)))
    return EXIT_USAGE;

  if (positional[1] != NULL && lekh_article_lookup (article, positional[1]) == NULL)
    {
      g_printerr (_("%s: no key “%s”\n"), positional[0], positional[1]);
      return EXIT_NOT_FOUND;
    }

  if (json)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = lekh_article_to_json (article, positional[1], &error);

      if (out == NULL)
        {
          g_printerr ("%s: error: %s\n", positional[0], error->message);
          return EXIT_USAGE;
        }
      puts (out);
      return EXIT_OK;
    }

  {
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(GError) error = NULL;

    if (!format_value (lekh_article_get_value (article, positional[1]), out, &error))
      {
        g_printerr (_("%s: error: %s\n"), positional[0], error->message);
        return EXIT_USAGE;
      }
    fwrite (out->str, 1, out->len, stdout);
  }
  return EXIT_OK;
}

static int
apply_and_write (const char          *path,
                 LekhArticle         *article,
                 const LekhFileStamp *stamp,
                 LekhEdit            *edit,
                 GError              *error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) write_error = NULL;
  gconstpointer data;
  gsize len, old_len;
  const char *old;

  if (edit == NULL)
    {
      g_printerr (_("%s: error: %s\n"), path, error->message);
      return error->code == LEKH_ERROR_NOT_FOUND ? EXIT_NOT_FOUND : EXIT_USAGE;
    }

  bytes = lekh_edit_apply (edit, article);
  data = g_bytes_get_data (bytes, &len);
  old = lekh_article_get_text (article, &old_len);
  if (len == old_len && memcmp (data, old, len) == 0)
    return EXIT_OK;

  /* LEKH_DEBUG=stop-before-save: the tests stop here to change the file underneath. */
  if (g_strcmp0 (g_getenv ("LEKH_DEBUG"), "stop-before-save") == 0)
    raise (SIGSTOP);

  if (!lekh_file_write_atomic_checked (path, data, len, stamp, &write_error))
    {
      g_printerr (_("%s: error: cannot save: %s\n"), path, write_error->message);
      return EXIT_USAGE;
    }
  return EXIT_OK;
}

/* `lekh set` writes a string; in TOML and JSON, which type their values, a boolean,
 * number or date stays one when the new value reads as the same type (draft = true ->
 * draft = false, not draft = "false"). */
static LekhValueType
set_type (LekhArticle *article,
          const char  *key,
          const char  *value)
{
  LekhFrontMatterFormat format = lekh_article_get_split (article)->format;
  const LekhNode *old = lekh_article_get_value (article, key);
  LekhValueType type;

  if ((format != LEKH_FRONT_MATTER_TOML && format != LEKH_FRONT_MATTER_JSON) ||
      old == NULL || old->kind != LEKH_NODE_SCALAR)
    return LEKH_VALUE_STRING;
  type = lekh_node_get_value_type (old);
  if (type == LEKH_VALUE_FLOAT &&
      lekh_scalar_resolve_type (value, strlen (value), LEKH_STYLE_PLAIN, NULL) == LEKH_VALUE_INT)
    return LEKH_VALUE_INT;   /* a number stays a number */
  if ((type == LEKH_VALUE_BOOL || type == LEKH_VALUE_INT || type == LEKH_VALUE_FLOAT ||
       type == LEKH_VALUE_TIMESTAMP) &&
      lekh_scalar_resolve_type (value, strlen (value), LEKH_STYLE_PLAIN, NULL) == type)
    return type;
  return LEKH_VALUE_STRING;
}

static int
cli_set (int    argc,
         char **argv)
{
  g_autoptr(LekhArticle) article = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  const char *path, *key;
  LekhFileStamp stamp;

  if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    return usage_error ("set", NULL), EXIT_OK;
  if (argc < 4)
    return usage_error ("set", _("missing FILE, KEY or VALUE"));

  path = argv[1];
  key = argv[2];
  if (strcmp (argv[3], "--list") != 0 && argc > 4)
    return usage_error ("set", _("too many arguments (use --list for a list)"));

  if (!(article = load_article (path, TRUE, &stamp)))
    return EXIT_USAGE;

  if (strcmp (argv[3], "--list") == 0)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new ();

      for (int i = 4; i < argc; i++)
        g_ptr_array_add (items, argv[i]);
      g_ptr_array_add (items, NULL);
      edit = lekh_article_edit_set_list (article, key, (const char * const *) items->pdata, &error);
    }
  else
    edit = lekh_article_edit_set_scalar (article, key, argv[3],
                                         set_type (article, key, argv[3]), &error);

  return apply_and_write (path, article, &stamp, edit, error);
}

static int
cli_unset (int    argc,
           char **argv)
{
  g_autoptr(LekhArticle) article = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  LekhFileStamp stamp;

  if (wants_help (argc, argv))
    return usage_error ("unset", NULL), EXIT_OK;
  if (argc != 3)
    return usage_error ("unset", argc < 3 ? _("missing FILE or KEY") : _("too many arguments"));

  if (!(article = load_article (argv[1], TRUE, &stamp)))
    return EXIT_USAGE;
  if (lekh_article_lookup (article, argv[2]) == NULL)
    {
      g_printerr (_("%s: no key “%s”\n"), argv[1], argv[2]);
      return EXIT_NOT_FOUND;
    }
  edit = lekh_article_edit_remove (article, argv[2], &error);
  return apply_and_write (argv[1], article, &stamp, edit, error);
}

int
lekh_cli_main (int    argc,
               char **argv)
{
  g_return_val_if_fail (argc > 1, EXIT_USAGE);

  if (is_global_option (argv[1]))
    return cli_global_option (argv[1]);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("lekh: unknown command “%s”\n"), argv[1]);
  return EXIT_USAGE;
}
