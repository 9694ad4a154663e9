/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lekh-article-info.h"
#include "lekh-bulk-edit.h"
#include "lekh-diff.h"
#include "lekh-edit.h"
#include "lekh-file.h"
#include "lekh-new-article.h"
#include "lekh-site.h"
#include "lekh-site-index.h"
#include "lekh-cli-site.h"
#include "lekh-cli-walk.h"

enum
{
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

static GOptionContext *
option_context_new (const char         *prgname,
                    const char         *parameters,
                    const char         *description,
                    const GOptionEntry *entries)
{
  GOptionContext *context;

  g_set_prgname (prgname);
  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);
  return context;
}


static void
json_strv (GString            *out,
           const char * const *values)
{
  g_string_append_c (out, '[');
  for (guint i = 0; values[i]; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      lekh_cli_append_json_string (out, values[i]);
    }
  g_string_append_c (out, ']');
}

/* Writes out what has been gathered once it is large, so the output for a site of
 * many thousand articles is never held in memory whole. */
static void
flush_large (GString *out)
{
  if (out->len > 65536)
    {
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
}

/* A field of the tab-separated listing: tabs and line breaks would split it. */
static void
tsv_field (GString    *out,
           const char *s)
{
  for (const char *p = s ? s : ""; *p; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* One article of `lekh list --json`: an object on a line of its own. */
static void
append_info_json (GString         *out,
                  LekhArticleInfo *info,
                  gboolean         first)
{
  g_string_append (out, first ? "\n  {\"path\": " : ",\n  {\"path\": ");
  lekh_cli_append_json_string (out, lekh_article_info_get_path (info));
  g_string_append (out, ", \"profile\": ");
  lekh_cli_append_json_string (out, lekh_article_info_get_profile (info));
  g_string_append (out, ", \"title\": ");
  lekh_cli_append_json_string (out, lekh_article_info_get_title (info));
  g_string_append (out, ", \"date\": ");
  lekh_cli_append_json_string (out, lekh_article_info_get_date (info));
  g_string_append_printf (out, ", \"draft\": %s, \"tags\": ",
                          lekh_article_info_get_draft (info) ? "true" : "false");
  json_strv (out, lekh_article_info_get_tags (info));
  g_string_append (out, ", \"authors\": ");
  json_strv (out, lekh_article_info_get_authors (info));
  g_string_append_printf (out, ", \"errors\": %u, \"warnings\": %u}",
                          lekh_article_info_get_n_errors (info),
                          lekh_article_info_get_n_warnings (info));
}

/* One article of the tab-separated listing, in the order `lekh list --help` gives. */
static void
append_info_tsv (GString         *out,
                 LekhArticleInfo *info)
{
  g_autofree char *tags = g_strjoinv (", ", (char **) lekh_article_info_get_tags (info));
  g_autofree char *authors = g_strjoinv (", ", (char **) lekh_article_info_get_authors (info));

  tsv_field (out, lekh_article_info_get_path (info));
  g_string_append_c (out, '\t');
  tsv_field (out, lekh_article_info_get_profile (info));
  g_string_append_c (out, '\t');
  tsv_field (out, lekh_article_info_get_title (info));
  g_string_append_c (out, '\t');
  tsv_field (out, lekh_article_info_get_date (info));
  g_string_append_printf (out, "\t%s\t", lekh_article_info_get_draft (info) ? "true" : "false");
  tsv_field (out, tags);
  g_string_append_c (out, '\t');
  tsv_field (out, authors);
  g_string_append_printf (out, "\t%u\t%u\n", lekh_article_info_get_n_errors (info),
                          lekh_article_info_get_n_warnings (info));
}

int
lekh_cli_list (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) paths = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON array of objects instead of tab-separated lines"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) walked = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(LekhValidator) validator = NULL;
  g_autoptr(GString) out = NULL;
  gboolean failed = FALSE;

  context = option_context_new ("lekh list", _("PATH… — list the articles of a site"),
    _("One line per article, fields separated by tabs: path, profile, title, date, draft,\n"
      "tags, authors (comma-separated), errors, warnings. --json prints an array of objects\n"
      "with the keys path, profile, title, date, draft, tags, authors, errors, warnings.\n"
      "Exit status: 0 listed, 2 usage error or unreadable path."),
    entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("lekh list: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("lekh list: no file or folder to list\n"));
      g_printerr (_("Usage: %s\n"), _("lekh list [--json] PATH…"));
      return EXIT_USAGE;
    }

  walked = lekh_cli_walk ("lekh list", (const char * const *) paths, &failed);
  validator = lekh_validator_new ();
  infos = lekh_article_info_load_many (validator, walked, 0, NULL);

  out = g_string_new (json ? "[" : NULL);
  for (guint i = 0; i < infos->len; i++)
    {
      LekhArticleInfo *info = g_ptr_array_index (infos, i);

      if (json)
        append_info_json (out, info, i == 0);
      else
        append_info_tsv (out, info);
      flush_large (out);
    }
  if (json)
    g_string_append (out, infos->len > 0 ? "\n]\n" : "]\n");
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  return failed ? EXIT_USAGE : EXIT_OK;
}

/* lekh replace --------------------------------------------------------------------------- */

typedef enum
{
  REPLACE_UNCHANGED,
  REPLACE_CHANGED,
  REPLACE_SKIPPED,       /* the front matter cannot be edited; it does not mention OLD */
  REPLACE_FAILED,
} ReplaceResult;

/* Whether a file Lekh cannot edit might hold OLD: its front matter's text (or, when it
 * has no end, the whole file) mentions it. */
static gboolean
may_hold (LekhArticle *article,
          const char  *value)
{
  const LekhSplit *split = lekh_article_get_split (article);
  gsize len;
  const char *text = lekh_article_get_text (article, &len);
  gsize start = 0, end = len;

  if (split->format != LEKH_FRONT_MATTER_NONE && split->yaml_end > split->yaml_start &&
      lekh_article_get_error (article) == NULL)
    {
      start = split->yaml_start;
      end = split->yaml_end;
    }
  return g_strstr_len (text + start, end - start, value) != NULL;
}

static ReplaceResult
replace_in_file (const char *path,
                 const char *key,
                 const char *old_value,
                 const char *new_value,
                 gboolean    dry_run,
                 GString    *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) result = NULL;
  g_autoptr(LekhArticle) article = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  LekhFileStamp stamp;
  const char *old_text, *new_text;
  gsize old_len, new_len;

  bytes = lekh_file_read (path, &stamp, &error);
  if (bytes == NULL)
    {
      g_printerr (_("%s: error: %s\n"), path, error->message);
      return REPLACE_FAILED;
    }
  article = lekh_article_new_from_bytes (bytes);
  if (lekh_article_check_editable (article, &error))
    edit = lekh_article_edit_replace_value (article, key, old_value, new_value, &error);
  if (edit == NULL)
    {
      if (g_error_matches (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND))
        return REPLACE_UNCHANGED;
      /* A front matter Lekh cannot edit (TOML, JSON, broken YAML, one { } mapping) is
       * skipped; it counts as a failure when its text mentions OLD. */
      if (lekh_article_get_error (article) != NULL ||
          g_error_matches (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE))
        {
          /* TRANSLATORS: a file lekh replace leaves alone, and why */
          g_printerr (_("%s: skipped: %s\n"), path, error->message);
          return may_hold (article, old_value) ? REPLACE_FAILED : REPLACE_SKIPPED;
        }
      g_printerr (_("%s: error: %s\n"), path, error->message);
      return REPLACE_FAILED;
    }

  result = lekh_edit_apply (edit, article);
  old_text = lekh_article_get_text (article, &old_len);
  new_text = g_bytes_get_data (result, &new_len);
  if (dry_run)
    {
      g_autofree char *diff = lekh_diff_unified (path, old_text, old_len, new_text, new_len);
      g_string_append (out, diff);
      return REPLACE_CHANGED;
    }
  if (!lekh_file_write_atomic_checked (path, new_text, new_len, &stamp, &error))
    {
      g_printerr (_("%s: error: cannot save: %s\n"), path, error->message);
      return REPLACE_FAILED;
    }
  g_string_append_printf (out, "%s\n", path);
  return REPLACE_CHANGED;
}

static int
compare_strings_indirect (gconstpointer a,
                          gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The authors.yml entry OLD of an author renamed NEW (a merge into an author the file has
 * already leaves it alone). */
static ReplaceResult
rename_in_authors_file (const char *path,
                        const char *old_value,
                        const char *new_value,
                        gboolean    dry_run,
                        GString    *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) renamed = NULL;
  LekhFileStamp stamp;
  gsize old_len, new_len;
  const char *old_text, *new_text;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *shown = NULL;
  gsize cwd_len = strlen (cwd);

  /* Named as the articles are: below the current folder, from "./". */
  if (strncmp (path, cwd, cwd_len) == 0 && path[cwd_len] == G_DIR_SEPARATOR)
    shown = g_strconcat (".", path + cwd_len, NULL);
  else
    shown = g_strdup (path);
  bytes = lekh_file_read (path, &stamp, &error);
  if (bytes != NULL)
    renamed = lekh_bulk_edit_rename_data_key (bytes, old_value, new_value, &error);
  if (renamed == NULL)
    {
      if (g_error_matches (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND))
        return REPLACE_UNCHANGED;
      g_printerr (_("%s: error: %s\n"), shown, error->message);
      return REPLACE_FAILED;
    }
  old_text = g_bytes_get_data (bytes, &old_len);
  new_text = g_bytes_get_data (renamed, &new_len);
  if (dry_run)
    {
      g_autofree char *diff = lekh_diff_unified (shown, old_text, old_len, new_text, new_len);
      g_string_append (out, diff);
      return REPLACE_CHANGED;
    }
  if (!lekh_file_write_atomic_checked (path, new_text, new_len, &stamp, &error))
    {
      g_printerr (_("%s: error: cannot save: %s\n"), shown, error->message);
      return REPLACE_FAILED;
    }
  g_string_append_printf (out, "%s\n", shown);
  return REPLACE_CHANGED;
}

/* KEY OLD NEW PATH…: at least one path, KEY and NEW non-empty text, OLD text,
 * and NEW different from OLD. Says what is wrong when they are not. */
static gboolean
replace_arguments_valid (char **args)
{
  const char *key, *old_value, *new_value;

  if (args == NULL || g_strv_length (args) < 4)
    {
      g_printerr (_("lekh replace: missing KEY, OLD, NEW or PATH\n"));
      g_printerr (_("Usage: %s\n"), _("lekh replace [--dry-run] KEY OLD NEW PATH…"));
      return FALSE;
    }
  key = args[0];
  old_value = args[1];
  new_value = args[2];
  if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (old_value, -1, NULL) ||
      !g_utf8_validate (new_value, -1, NULL) || *key == '\0' || *new_value == '\0' ||
      strcmp (old_value, new_value) == 0)
    {
      g_printerr (_("lekh replace: KEY and NEW must be text, and NEW differ from OLD\n"));
      return FALSE;
    }
  return TRUE;
}

/* Notes the authors.yml the changed article at @path reads, once per file. */
static void
add_authors_file (GPtrArray  *authors_files,
                  const char *path)
{
  char *file = lekh_bulk_edit_dup_authors_file (path);

  if (file != NULL && !g_ptr_array_find_with_equal_func (authors_files, file, g_str_equal, NULL))
    g_ptr_array_add (authors_files, file);
  else
    g_free (file);
}

/* Renames OLD to NEW in each authors.yml the changed articles read, in path
 * order, adding to the counts of changed and failed files. */
static void
rename_in_authors_files (GPtrArray  *authors_files,
                         const char *old_value,
                         const char *new_value,
                         gboolean    dry_run,
                         GString    *out,
                         guint      *n_changed,
                         guint      *n_failed)
{
  g_ptr_array_sort (authors_files, compare_strings_indirect);
  for (guint i = 0; i < authors_files->len; i++)
    {
      switch (rename_in_authors_file (g_ptr_array_index (authors_files, i), old_value,
                                      new_value, dry_run, out))
        {
        case REPLACE_CHANGED:
          (*n_changed)++;
          break;
        case REPLACE_FAILED:
          (*n_failed)++;
          break;
        case REPLACE_SKIPPED:
        case REPLACE_UNCHANGED:
        default:
          break;
        }
    }
}

/* The closing line of `lekh replace`: "12 files changed, 1 not changed, 2 skipped". */
static void
append_replace_summary (GString *out,
                        guint    n_changed,
                        guint    n_failed,
                        guint    n_skipped)
{
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u file changed",
                                            "%u files changed", n_changed), n_changed);
  if (n_failed > 0 || n_skipped > 0)
    /* TRANSLATORS: follows "12 files changed" */
    g_string_append_printf (out, _(", %u not changed, %u skipped"), n_failed, n_skipped);
  g_string_append_c (out, '\n');
}

int
lekh_cli_replace (int    argc,
                  char **argv)
{
  gboolean dry_run = FALSE;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Print what would change as a unified diff and change nothing"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) walked = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *key, *old_value, *new_value;
  gboolean walk_failed = FALSE;
  guint n_changed = 0, n_failed = 0, n_skipped = 0;
  gboolean author;
  g_autoptr(GPtrArray) authors_files = g_ptr_array_new_with_free_func (g_free);

  context = option_context_new ("lekh replace",
    _("KEY OLD NEW PATH… — in every article, the value OLD of KEY becomes NEW"),
    _("OLD is an item of KEY's list or KEY's whole value. When NEW is in the list already,\n"
      "OLD is removed (a merge). Only those bytes of each file change, and each file is\n"
      "written atomically. Files whose front matter Lekh cannot edit (TOML, JSON, broken\n"
      "YAML) are listed as skipped. For authors or author, the entry OLD of the authors.yml\n"
      "each changed article reads is renamed NEW too (left alone when it has NEW already).\n"
      "Exit status: 0 done; 1 a file that holds OLD (or might: a skipped file that mentions\n"
      "it) could not be changed, the others are; 2 usage error or unreadable path."),
    entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("lekh replace: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (!replace_arguments_valid (args))
    return EXIT_USAGE;
  key = args[0];
  old_value = args[1];
  new_value = args[2];

  author = strcmp (key, "authors") == 0 || strcmp (key, "author") == 0;
  walked = lekh_cli_walk ("lekh replace", (const char * const *) args + 3, &walk_failed);
  for (guint i = 0; i < walked->len; i++)
    {
      switch (replace_in_file (g_ptr_array_index (walked, i), key, old_value, new_value,
                               dry_run, out))
        {
        case REPLACE_CHANGED:
          n_changed++;
          if (author)
            add_authors_file (authors_files, g_ptr_array_index (walked, i));
          break;
        case REPLACE_FAILED:
          n_failed++;
          break;
        case REPLACE_SKIPPED:
          n_skipped++;
          break;
        case REPLACE_UNCHANGED:
        default:
          break;
        }
      flush_large (out);
    }
  rename_in_authors_files (authors_files, old_value, new_value, dry_run, out,
                           &n_changed, &n_failed);
  if (!dry_run)
    append_replace_summary (out, n_changed, n_failed, n_skipped);
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);

  if (walk_failed)
    return EXIT_USAGE;
  return n_failed > 0 ? EXIT_FAILED : EXIT_OK;
}

/* lekh new ------------------------------------------------------------------------------- */

/* The author most of the site's articles name, or NULL. */
static char *
usual_author (const char *root)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  g_autoptr(LekhSiteIndex) index = lekh_site_index_new (file);
  g_autoptr(GPtrArray) top = NULL;

  if (!lekh_site_index_build (index, NULL, NULL))
    return NULL;
  top = lekh_site_index_suggest (index, LEKH_SITE_FIELD_AUTHORS, "", NULL, 1);
  if (top->len == 0)
    return NULL;
  return g_strdup (((LekhSiteSuggestion *) g_ptr_array_index (top, 0))->value);
}

int
lekh_cli_new (int    argc,
              char **argv)
{
  g_autofree char *site_dir = NULL;
  g_autofree char *section = NULL;
  g_auto(GStrv) words = NULL;
  const GOptionEntry entries[] = {
    { "site", 's', 0, G_OPTION_ARG_FILENAME, &site_dir,
      N_("The site's folder, or a folder inside it (default: the current folder)"), N_("DIR") },
    { "section", 0, 0, G_OPTION_ARG_STRING, &section,
      N_("Hugo: the content section (default: the one with the most articles); Docusaurus: "
         "docs or a blog folder (default: blog)"), N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhSite) site = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *path = NULL;
  g_autofree char *root = NULL;
  LekhProfileId profile = LEKH_PROFILE_GENERIC;
  LekhNewArticleOptions options = { 0 };

  context = option_context_new ("lekh new", _("TITLE — create an article the site's way"),
    _("The file goes where the site's generator expects it, named after the title (a\n"
      "number is added when the name is taken; no file is ever replaced), with the title,\n"
      "date, the site's most frequent author and draft on in its front matter. Hugo sites\n"
      "start from archetypes/SECTION.md or archetypes/default.md. Prints the new file's path.\n"
      "Exit status: 0 created, 1 the file could not be created, 2 usage error."),
    entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("lekh new: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (words == NULL || words[0] == NULL)
    {
      g_printerr (_("lekh new: missing TITLE\n"));
      g_printerr (_("Usage: %s\n"), _("lekh new [--site DIR] [--section NAME] TITLE"));
      return EXIT_USAGE;
    }
  title = g_strjoinv (" ", words);
  if (!g_utf8_validate (title, -1, NULL) || *g_strstrip (title) == '\0')
    {
      g_printerr (_("lekh new: the title is empty or not valid text\n"));
      return EXIT_USAGE;
    }
  if (site_dir == NULL)
    site_dir = g_get_current_dir ();
  if (!g_file_test (site_dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("lekh new: “%s” is not a folder\n"), site_dir);
      return EXIT_USAGE;
    }

  site = lekh_site_detect (site_dir);
  if (site != NULL)
    {
      root = g_strdup (lekh_site_get_root (site));
      profile = lekh_profile_get_id (lekh_site_get_profile (site));
    }
  else
    root = g_strdup (site_dir);

  if (!(profile == LEKH_PROFILE_DOCUSAURUS && g_strcmp0 (section, "docs") == 0))
    author = usual_author (root);

  options.title = title;
  options.section = section;
  options.author = author;
  path = lekh_new_article_create (root, profile, &options, &error);
  if (path == NULL)
    {
      g_printerr ("lekh new: %s\n", error->message);
      return EXIT_FAILED;
    }
  g_print ("%s\n", path);
  return EXIT_OK;
}
