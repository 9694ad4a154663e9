/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lekh-article.h"
#include "lekh-site.h"
#include "lekh-validator.h"
#include "lekh-cli-check.h"
#include "lekh-cli-walk.h"
#include "lekh-file.h"

enum
{
  CHECK_OK = 0,
  CHECK_ERRORS = 1,
  CHECK_USAGE = 2,
};

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_GITHUB,
  FORMAT_SARIF,
} Format;

/* One file to check and, once checked, what was found. */
typedef struct
{
  char      *path;          /* as walked, for the output */
  char      *absolute;      /* for reading and checking */
  int        dir_fd;        /* its folder held open (not owned), or -1 */
  const char *name;         /* its name in that folder (in absolute) */
  GPtrArray *diagnostics;   /* LekhDiagnostic*, or NULL when the file could not be read */
  char      *read_error;
} FileResult;

/* The check runs while the folders are walked: the walk (this thread) appends each file
 * found to FILES, and the workers take them in small batches as they come. */
typedef struct
{
  GMutex         lock;
  GCond          more;        /* a file was added, or the walk is over */
  GPtrArray     *files;       /* FileResult*, in the order found; under LOCK */
  guint          next;        /* the next file to take; under LOCK */
  gboolean       walk_done;   /* under LOCK */
  guint          n_waiting;   /* workers waiting for a file; under LOCK */
  LekhValidator *validator;
  const char    *cwd;
  GPtrArray     *walked;      /* char*: the paths as walked, for add_site_data() */
  GArray        *held;        /* int: the folders held open (job_add_folder) */
  guint          max_folders;
} Job;

#define BATCH 8

static void
file_result_free (gpointer data)
{
  FileResult *result = data;

  g_free (result->path);
  g_free (result->absolute);
  g_clear_pointer (&result->diagnostics, g_ptr_array_unref);
  g_free (result->read_error);
  g_free (result);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const FileResult *ra = *(const FileResult **) a;
  const FileResult *rb = *(const FileResult **) b;

  return strcmp (ra->path, rb->path);
}

static void
check_one (LekhValidator  *validator,
           LekhFileReader *reader,
           FileResult     *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LekhArticle) article = NULL;

  /* Read, never mapped: a file truncated while it is checked cannot crash the check. */
  if (result->dir_fd >= 0)
    bytes = lekh_file_reader_read_at (reader, result->dir_fd, result->name, result->absolute,
                                      &error);
  else
    bytes = lekh_file_reader_read_at (reader, AT_FDCWD, result->absolute, result->absolute,
                                      &error);
  if (bytes == NULL)
    {
      result->read_error = g_strdup (error->message);
      return;
    }
  article = lekh_article_new_from_bytes (bytes);
  result->diagnostics = lekh_validator_check (validator, article, result->absolute);
}

static gpointer
worker (gpointer data)
{
  Job *job = data;
  g_autoptr(LekhFileReader) reader = lekh_file_reader_new ();

  for (;;)
    {
      FileResult *batch[BATCH];
      guint n = 0;

      g_mutex_lock (&job->lock);
      while (job->next >= job->files->len && !job->walk_done)
        {
          job->n_waiting++;
          g_cond_wait (&job->more, &job->lock);
          job->n_waiting--;
        }
      /* copied under the lock: the walk may grow (and move) the array meanwhile */
      while (n < BATCH && job->next < job->files->len)
        batch[n++] = g_ptr_array_index (job->files, job->next++);
      g_mutex_unlock (&job->lock);

      if (n == 0)
        break;
      for (guint i = 0; i < n; i++)
        check_one (job->validator, reader, batch[i]);
    }
  return NULL;
}

/* Absolute paths, made against the current folder once: a relative path would have the
 * validator ask for the current folder (two stat() calls) for each of thousands of files. */
static void
job_add (Job        *job,
         const char *path,
         int         dir_fd)
{
  FileResult *result = g_new0 (FileResult, 1);

  result->path = g_strdup (path);
  result->absolute = g_canonicalize_filename (path, job->cwd);
  result->dir_fd = dir_fd;
  if (dir_fd >= 0)
    result->name = strrchr (result->absolute, G_DIR_SEPARATOR) + 1;

  g_mutex_lock (&job->lock);
  g_ptr_array_add (job->files, result);
  /* a wake-up is a system call: only when a worker waits */
  if (job->n_waiting > 0)
    g_cond_signal (&job->more);
  g_mutex_unlock (&job->lock);
}

static void
job_add_walked (const char *path,
                int         dir_fd,
                gpointer    user_data)
{
  Job *job = user_data;

  g_ptr_array_add (job->walked, g_strdup (path));
  job_add (job, path, dir_fd);
}

/* A folder the walk read: its names tell the validator whether a site starts there (so the
 * folder is not read again for that), and it is held open for reading its articles. */
static gboolean
job_add_folder (const char         *path,
                int                 fd,
                const char * const *names,
                gpointer            user_data)
{
  Job *job = user_data;
  g_autofree char *absolute = g_canonicalize_filename (path, job->cwd);

  lekh_validator_add_folder_listing (job->validator, absolute, names);
  if (job->held->len >= job->max_folders)
    return FALSE;
  g_array_append_val (job->held, fd);
  return TRUE;
}

static void
job_finish_walk (Job *job)
{
  g_mutex_lock (&job->lock);
  job->walk_done = TRUE;
  g_cond_broadcast (&job->more);
  g_mutex_unlock (&job->lock);
}

/* Docusaurus reads every authors.yml and tags.yml of a site, used or not, and refuses the site
 * when one is broken: each one in a folder on the way from a folder named on the command line
 * to its articles, and in the blog/ and docs/ of each Docusaurus site met, is checked too (once,
 * and only in a Docusaurus site). */
/* Long because its three stages (the folders between the named ones and the articles, the
 * Docusaurus sites among them, the data files in those folders) share five sets keyed by
 * folder or file; apart, each stage would take and return most of them. */
static void
add_site_data (LekhValidator      *validator,
               GPtrArray          *walked,
               const char * const *paths,
               const char         *cwd)
{
  static const char * const names[] = { "authors.yml", "authors.yaml", "tags.yml", "tags.yaml" };
  g_autoptr(GHashTable) roots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) docusaurus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) site_looked_up = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                NULL);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GPtrArray) site_folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  gsize cwd_len = strlen (cwd);
  GHashTableIter iter;
  gpointer folder;

  for (guint i = 0; paths[i] != NULL; i++)
    if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
      {
        char *root = g_strdup (paths[i]);
        gsize len = strlen (root);

        while (len > 1 && root[len - 1] == G_DIR_SEPARATOR)
          root[--len] = '\0';
        g_hash_table_add (roots, root);
      }
  if (g_hash_table_size (roots) == 0)
    return;
  g_hash_table_iter_init (&iter, roots);
  while (g_hash_table_iter_next (&iter, &folder, NULL))
    g_hash_table_add (folders, g_strdup (folder));

  for (guint i = 0; i < walked->len; i++)
    {
      const char *path = g_ptr_array_index (walked, i);
      g_autoptr(GPtrArray) chain = NULL;
      g_autofree char *base = g_path_get_basename (path);
      char *dir;

      /* Only a data file named on the command line can be met again below. */
      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        if (strcmp (base, names[n]) == 0)
          g_hash_table_add (seen, g_canonicalize_filename (path, cwd));
      dir = g_path_get_dirname (path);
      if (g_hash_table_contains (folders, dir))
        {
          g_free (dir);
          continue;
        }
      chain = g_ptr_array_new_with_free_func (g_free);
      for (;;)
        {
          gboolean known = g_hash_table_contains (folders, dir);
          char *parent;

          g_ptr_array_add (chain, dir);
          if (known)
            {
              /* reached a folder named on the command line, or one already known to be
               * below one: the whole chain is */
              for (guint c = 0; c < chain->len; c++)
                g_hash_table_add (folders, g_strdup (g_ptr_array_index (chain, c)));
              break;
            }
          parent = g_path_get_dirname (dir);
          if (strcmp (parent, dir) == 0)
            {
              g_free (parent);
              break;
            }
          dir = parent;
        }
    }

  /* The Docusaurus sites of the articles (each folder's site is looked up once, as the check
   * itself does): only folders inside one are looked at, so a Hugo or Jekyll site costs
   * nothing more. */
  for (guint i = 0; i < walked->len; i++)
    {
      g_autofree char *dir = g_path_get_dirname (g_ptr_array_index (walked, i));
      g_autofree char *absolute = NULL;
      g_autoptr(LekhSite) site = NULL;
      const char *root;

      /* A file's site is its folder's (a walked path is a file, never a folder). */
      if (!g_hash_table_add (site_looked_up, g_steal_pointer (&dir)))
        continue;
      absolute = g_canonicalize_filename (g_ptr_array_index (walked, i), cwd);
      site = lekh_validator_get_site (validator, absolute);
      root = lekh_site_get_root (site);
      if (root != NULL &&
          lekh_profile_get_id (lekh_site_get_profile (site)) == LEKH_PROFILE_DOCUSAURUS &&
          !g_hash_table_contains (docusaurus, root))
        g_hash_table_add (docusaurus, g_strdup (root));
    }
  /* and the sites of the folders named, which may have no article at all */
  g_hash_table_iter_init (&iter, roots);
  while (g_hash_table_iter_next (&iter, &folder, NULL))
    {
      g_autofree char *canonical = g_canonicalize_filename (folder, cwd);
      g_autofree char *absolute = g_build_filename (canonical, "index.md", NULL);
      g_autoptr(LekhSite) site = lekh_validator_get_site (validator, absolute);
      const char *root = lekh_site_get_root (site);

      if (root != NULL &&
          lekh_profile_get_id (lekh_site_get_profile (site)) == LEKH_PROFILE_DOCUSAURUS &&
          !g_hash_table_contains (docusaurus, root))
        g_hash_table_add (docusaurus, g_strdup (root));
    }
  if (g_hash_table_size (docusaurus) == 0)
    return;

  g_hash_table_iter_init (&iter, folders);
  while (g_hash_table_iter_next (&iter, &folder, NULL))
    {
      g_autofree char *canonical = g_canonicalize_filename (folder, cwd);
      GHashTableIter sites;
      gpointer root;

      g_hash_table_iter_init (&sites, docusaurus);
      while (g_hash_table_iter_next (&sites, &root, NULL))
        if (g_str_has_prefix (canonical, root) &&
            (canonical[strlen (root)] == '\0' || canonical[strlen (root)] == G_DIR_SEPARATOR))
          {
            g_ptr_array_add (ordered, folder);
            break;
          }
    }
  /* then each site's own blog/ and docs/, even without an article; below the current folder
   * shown relative to it */
  g_hash_table_iter_init (&iter, docusaurus);
  while (g_hash_table_iter_next (&iter, &folder, NULL))
    {
      const char *root = folder;
      const char *shown = strncmp (root, cwd, cwd_len) == 0 && root[cwd_len] == G_DIR_SEPARATOR ?
                          root + cwd_len + 1 : root;

      g_ptr_array_add (site_folders, g_strdup (shown));
      g_ptr_array_add (site_folders, g_build_filename (shown, "blog", NULL));
      g_ptr_array_add (site_folders, g_build_filename (shown, "docs", NULL));
    }
  for (guint i = 0; i < site_folders->len; i++)
    g_ptr_array_add (ordered, g_ptr_array_index (site_folders, i));

  for (guint f = 0; f < ordered->len; f++)
    for (guint n = 0; n < G_N_ELEMENTS (names); n++)
      {
        g_autofree char *path = g_build_filename (g_ptr_array_index (ordered, f), names[n], NULL);
        g_autofree char *canonical = g_canonicalize_filename (path, cwd);

        if (g_hash_table_contains (seen, canonical) ||
            !g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
            !lekh_validator_is_site_data (validator, path))
          continue;
        g_hash_table_add (seen, g_steal_pointer (&canonical));
        g_ptr_array_add (found, g_steal_pointer (&path));
      }
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (walked, g_ptr_array_index (found, i));
}

static const char *
fix_kind_name (LekhFixKind kind)
{
  switch (kind)
    {
    case LEKH_FIX_RENAME_KEY: return "rename-key";
    case LEKH_FIX_REMOVE_KEY: return "remove-key";
    case LEKH_FIX_REMOVE_LIST_ITEM: return "remove-list-item";
    case LEKH_FIX_ADD_AUTHOR: return "add-author";
    case LEKH_FIX_ADD_TAG: return "add-tag";
    case LEKH_FIX_NONE:
    default: return NULL;
    }
}

/* Workflow commands: data escapes %, CR, LF; properties also : and , */
static void
github_escape (GString    *out,
               const char *s,
               gboolean    property)
{
  for (const char *p = s; *p; p++)
    {
      if (*p == '%')
        g_string_append (out, "%25");
      else if (*p == '\r')
        g_string_append (out, "%0D");
      else if (*p == '\n')
        g_string_append (out, "%0A");
      else if (property && *p == ':')
        g_string_append (out, "%3A");
      else if (property && *p == ',')
        g_string_append (out, "%2C");
      else
        g_string_append_c (out, *p);
    }
}

static const char *
text_severity (LekhSeverity severity)
{
  switch (severity)
    {
    case LEKH_SEVERITY_ERROR: return _("error");
    case LEKH_SEVERITY_WARNING: return _("warning");
    case LEKH_SEVERITY_INFO:
    default: return _("note");
    }
}

static void
print_text (GString          *out,
            const FileResult *result,
            gboolean          quiet)
{
  if (result->read_error != NULL)
    {
      g_string_append_printf (out, "%s: %s: %s [read-error]\n", result->path,
                              text_severity (LEKH_SEVERITY_ERROR), result->read_error);
      return;
    }
  for (guint i = 0; i < result->diagnostics->len; i++)
    {
      const LekhDiagnostic *d = g_ptr_array_index (result->diagnostics, i);

      if (quiet && d->severity != LEKH_SEVERITY_ERROR)
        continue;
      g_string_append_printf (out, "%s:%u:%u: %s: %s [%s]\n", result->path, d->line, d->column,
                              text_severity (d->severity), d->message, d->rule);
    }
}

static void
print_github (GString          *out,
              const FileResult *result,
              gboolean          quiet)
{
  if (result->read_error != NULL)
    {
      g_string_append (out, "::error file=");
      github_escape (out, result->path, TRUE);
      g_string_append (out, ",title=read-error::");
      github_escape (out, result->read_error, FALSE);
      g_string_append_c (out, '\n');
      return;
    }
  for (guint i = 0; i < result->diagnostics->len; i++)
    {
      const LekhDiagnostic *d = g_ptr_array_index (result->diagnostics, i);
      const char *command = d->severity == LEKH_SEVERITY_ERROR ? "error" :
                            d->severity == LEKH_SEVERITY_WARNING ? "warning" : "notice";

      if (quiet && d->severity != LEKH_SEVERITY_ERROR)
        continue;
      g_string_append_printf (out, "::%s file=", command);
      github_escape (out, result->path, TRUE);
      g_string_append_printf (out, ",line=%u,col=%u,title=", d->line, d->column);
      github_escape (out, d->rule, TRUE);
      g_string_append (out, "::");
      github_escape (out, d->message, FALSE);
      g_string_append_c (out, '\n');
    }
}

static void
print_json_diagnostic (GString              *out,
                       const char           *path,
                       const LekhDiagnostic *d,
                       gboolean             *first)
{
  const char *fix = fix_kind_name (d->fix_kind);

  g_string_append (out, *first ? "\n    {" : ",\n    {");
  *first = FALSE;
  g_string_append (out, "\"path\": ");
  lekh_cli_append_json_string (out, path);
  g_string_append_printf (out, ", \"line\": %u, \"column\": %u, \"start\": %" G_GSIZE_FORMAT
                          ", \"end\": %" G_GSIZE_FORMAT ", \"severity\": \"%s\", \"rule\": ",
                          d->line, d->column, d->start, d->end,
                          lekh_severity_to_string (d->severity));
  lekh_cli_append_json_string (out, d->rule);
  g_string_append (out, ", \"message\": ");
  lekh_cli_append_json_string (out, d->message);
  if (d->key != NULL)
    {
      g_string_append (out, ", \"key\": ");
      lekh_cli_append_json_string (out, d->key);
    }
  if (fix != NULL)
    {
      g_string_append_printf (out, ", \"fix\": {\"kind\": \"%s\", \"description\": ", fix);
      lekh_cli_append_json_string (out, d->fix_description ? d->fix_description : "");
      if (d->fix_value != NULL)
        {
          g_string_append (out, ", \"value\": ");
          lekh_cli_append_json_string (out, d->fix_value);
        }
      if (d->fix_kind == LEKH_FIX_REMOVE_LIST_ITEM)
        g_string_append_printf (out, ", \"index\": %u", d->fix_index);
      if (d->fix_file != NULL)
        {
          g_string_append (out, ", \"file\": ");
          lekh_cli_append_json_string (out, d->fix_file);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

static void
print_json_read_error (GString          *out,
                       const FileResult *result,
                       gboolean         *first)
{
  g_string_append (out, *first ? "\n    {" : ",\n    {");
  *first = FALSE;
  g_string_append (out, "\"path\": ");
  lekh_cli_append_json_string (out, result->path);
  g_string_append (out, ", \"line\": 0, \"column\": 0, \"severity\": \"error\", "
                        "\"rule\": \"read-error\", \"message\": ");
  lekh_cli_append_json_string (out, result->read_error);
  g_string_append_c (out, '}');
}

/* One line per rule, for SARIF's rules[].shortDescription (and anyone reading the output). */
static const struct
{
  const char *rule;
  const char *description;
} rule_descriptions[] = {
  { "invalid-utf8", N_("The file is not UTF-8 text, or holds NUL bytes") },
  { "yaml-syntax", N_("The front matter is not valid YAML") },
  { "toml-syntax", N_("The front matter is not valid TOML") },
  { "json-syntax", N_("The front matter is not valid JSON") },
  { "unterminated-front-matter", N_("An opening --- without a closing line") },
  { "unsupported-front-matter", N_("Front matter in a format that is not checked") },
  { "duplicate-key", N_("A key given twice") },
  { "unknown-key", N_("A near miss of a known field") },
  { "wrong-type", N_("A value of the wrong type for its field") },
  { "empty-value", N_("A field or list item left empty") },
  { "duplicate-list-item", N_("The same item twice in a list") },
  { "title-length", N_("A title too long for search results") },
  { "description-length", N_("A description too long or too short for search results") },
  { "invalid-date", N_("A date the site generator cannot read, or reads differently") },
  { "invalid-url", N_("A malformed web address") },
  { "missing-local-image", N_("An image that is not where the site looks for it") },
  { "unknown-author", N_("An author key that the site's authors.yml does not define") },
  { "undefined-tag", N_("A tag that the site's tags.yml does not define") },
  { "draft-and-unlisted", N_("An article both draft and unlisted") },
  { "toc-levels", N_("Table of contents heading levels outside 2-6, or min above max") },
  { "required-field", N_("A required field is missing") },
  { "site-data", N_("The site's authors.yml or tags.yml is broken or refused") },
  { "conflicting-fields", N_("Fields the site generator refuses to see together") },
  { "site-unreadable", N_("Part of the site could not be read, so it was not checked") },
  { "post-file-name", N_("A file in _posts whose name Jekyll does not read as a post") },
  { "read-error", N_("The file could not be read") },
};

static const char *
describe_rule (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_descriptions); i++)
    if (strcmp (rule_descriptions[i].rule, rule) == 0)
      return _(rule_descriptions[i].description);
  return rule;
}

static const char *
sarif_level (LekhSeverity severity)
{
  switch (severity)
    {
    case LEKH_SEVERITY_ERROR: return "error";
    case LEKH_SEVERITY_WARNING: return "warning";
    case LEKH_SEVERITY_INFO:
    default: return "note";
    }
}

/* The rules SARIF lists: every rule of the validator, then read-error. */
static GPtrArray *
sarif_rules (void)
{
  const char * const *rules = lekh_validator_get_rules ();
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; rules[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) rules[i]);
  g_ptr_array_add (all, (gpointer) "read-error");
  return all;
}

static guint
sarif_rule_index (GPtrArray  *rules,
                  const char *rule)
{
  for (guint i = 0; i < rules->len; i++)
    if (strcmp (g_ptr_array_index (rules, i), rule) == 0)
      return i;
  return G_MAXUINT;
}

static void
print_sarif_start (GString   *out,
                   GPtrArray *rules)
{
  g_string_append (out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                        "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
                        "      \"tool\": {\n        \"driver\": {\n"
                        "          \"name\": \"lekh\",\n          \"version\": ");
  lekh_cli_append_json_string (out, PACKAGE_VERSION);
  g_string_append (out, ",\n          \"informationUri\": \"https://github.com/lekh/lekh\",\n"
                        "          \"rules\": [");
  for (guint i = 0; i < rules->len; i++)
    {
      const char *rule = g_ptr_array_index (rules, i);

      g_string_append (out, i == 0 ? "\n            {\"id\": " : ",\n            {\"id\": ");
      lekh_cli_append_json_string (out, rule);
      g_string_append (out, ", \"shortDescription\": {\"text\": ");
      lekh_cli_append_json_string (out, describe_rule (rule));
      g_string_append (out, "}}");
    }
  /* Columns count characters (Unicode code points), as in the text output. */
  g_string_append (out, "\n          ]\n        }\n      },\n"
                        "      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [");
}

/* A relative path stays relative (to the folder lekh ran in: SARIF viewers and GitHub code
 * scanning resolve it against the checkout); an absolute one becomes a file:// URI. */
static void
sarif_uri (GString    *out,
           const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_path_is_absolute (path) ? g_strconcat ("file://", escaped, NULL) :
                                                     g_strdup (escaped);

  lekh_cli_append_json_string (out, uri);
}

static void
print_sarif_result (GString      *out,
                    GPtrArray    *rules,
                    const char   *path,
                    const char   *rule,
                    LekhSeverity  severity,
                    const char   *message,
                    guint         line,
                    guint         column,
                    gboolean     *first)
{
  guint index = sarif_rule_index (rules, rule);

  g_string_append (out, *first ? "\n        {" : ",\n        {");
  *first = FALSE;
  g_string_append (out, "\"ruleId\": ");
  lekh_cli_append_json_string (out, rule);
  if (index != G_MAXUINT)
    g_string_append_printf (out, ", \"ruleIndex\": %u", index);
  g_string_append_printf (out, ", \"level\": \"%s\", \"message\": {\"text\": ",
                          sarif_level (severity));
  lekh_cli_append_json_string (out, message);
  g_string_append (out, "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
                        "{\"uri\": ");
  sarif_uri (out, path);
  g_string_append (out, "}");
  if (line > 0)
    g_string_append_printf (out, ", \"region\": {\"startLine\": %u, \"startColumn\": %u}",
                            line, MAX (column, 1));
  g_string_append (out, "}}]}");
}

static gboolean
parse_format (const char *name,
              Format     *format)
{
  if (name == NULL || strcmp (name, "text") == 0)
    *format = FORMAT_TEXT;
  else if (strcmp (name, "json") == 0)
    *format = FORMAT_JSON;
  else if (strcmp (name, "github") == 0)
    *format = FORMAT_GITHUB;
  else if (strcmp (name, "sarif") == 0)
    *format = FORMAT_SARIF;
  else
    return FALSE;
  return TRUE;
}

/* Checks every article under PATHS (and the site data files that come with them) on
 * N_JOBS threads (0: one per processor, at most 8): the results sorted by path. */
static GPtrArray *
check_paths (LekhValidator *validator,
             GStrv          paths,
             const char    *cwd,
             int            n_jobs,
             gboolean      *walk_failed)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (file_result_free);
  g_autoptr(GPtrArray) walked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_threads, first_data;
  Job job = { 0 };

  g_mutex_init (&job.lock);
  g_cond_init (&job.more);
  job.files = results;
  job.validator = validator;
  job.cwd = cwd;
  job.walked = walked;
  job.held = held;
  job.max_folders = lekh_file_max_held_folders ();

  n_threads = n_jobs > 0 ? (guint) n_jobs : MIN (g_get_num_processors (), 8);
  /* one thread less: this one walks, then checks too (more threads than processors would
   * slow the walk, which feeds them all) */
  for (guint i = 1; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("lekh-check", worker, &job));

  lekh_cli_walk_each ("lekh check", (const char * const *) paths, job_add_walked,
                      job_add_folder, &job, walk_failed);
  /* the site data files that come with the articles found; WALKED gets them appended */
  first_data = walked->len;
  add_site_data (validator, walked, (const char * const *) paths, cwd);
  for (guint i = first_data; i < walked->len; i++)
    job_add (&job, g_ptr_array_index (walked, i), -1);
  job_finish_walk (&job);

  worker (&job);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  for (guint i = 0; i < held->len; i++)
    close (g_array_index (held, int, i));
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.more);
  g_ptr_array_sort (results, compare_results);
  return results;
}

typedef struct
{
  guint n_errors;
  guint n_warnings;
  guint n_notes;
  guint n_unreadable;
} Counts;

static void
count_result (const FileResult *result,
              Counts           *counts)
{
  if (result->read_error != NULL)
    {
      counts->n_unreadable++;
      return;
    }
  for (guint j = 0; j < result->diagnostics->len; j++)
    {
      const LekhDiagnostic *d = g_ptr_array_index (result->diagnostics, j);

      if (d->severity == LEKH_SEVERITY_ERROR)
        counts->n_errors++;
      else if (d->severity == LEKH_SEVERITY_WARNING)
        counts->n_warnings++;
      else
        counts->n_notes++;
    }
}

/* RESULT in FORMAT (JSON and SARIF items after the first get a comma: FIRST). */
static void
print_result (GString          *out,
              const FileResult *result,
              Format            format,
              GPtrArray        *rules,
              gboolean          quiet,
              gboolean         *first)
{
  switch (format)
    {
    case FORMAT_TEXT:
      print_text (out, result, quiet);
      break;
    case FORMAT_GITHUB:
      print_github (out, result, quiet);
      break;
    case FORMAT_JSON:
      if (result->read_error != NULL)
        print_json_read_error (out, result, first);
      else
        for (guint j = 0; j < result->diagnostics->len; j++)
          {
            const LekhDiagnostic *d = g_ptr_array_index (result->diagnostics, j);

            if (!quiet || d->severity == LEKH_SEVERITY_ERROR)
              print_json_diagnostic (out, result->path, d, first);
          }
      break;
    case FORMAT_SARIF:
      if (result->read_error != NULL)
        print_sarif_result (out, rules, result->path, "read-error", LEKH_SEVERITY_ERROR,
                            result->read_error, 0, 0, first);
      else
        for (guint j = 0; j < result->diagnostics->len; j++)
          {
            const LekhDiagnostic *d = g_ptr_array_index (result->diagnostics, j);

            if (!quiet || d->severity == LEKH_SEVERITY_ERROR)
              print_sarif_result (out, rules, result->path, d->rule, d->severity, d->message,
                                  d->line, d->column, first);
          }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Prints RESULTS in FORMAT to stdout as it goes, with the format's ending (the text
 * summary unless QUIET), and counts them into COUNTS. */
static void
print_results (GPtrArray *results,
               Format     format,
               gboolean   quiet,
               Counts    *counts)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rules = NULL;
  gboolean first = TRUE;
  guint n_errors;

  if (format == FORMAT_JSON)
    g_string_append (out, "{\n  \"diagnostics\": [");
  else if (format == FORMAT_SARIF)
    {
      rules = sarif_rules ();
      print_sarif_start (out, rules);
    }

  for (guint i = 0; i < results->len; i++)
    {
      const FileResult *result = g_ptr_array_index (results, i);

      count_result (result, counts);
      print_result (out, result, format, rules, quiet, &first);
      /* Keep memory flat on big sites: print as we go. */
      if (out->len > 65536)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }

  n_errors = counts->n_errors + counts->n_unreadable;
  if (format == FORMAT_JSON)
    g_string_append_printf (out, "%s],\n  \"files\": %u,\n  \"errors\": %u,\n"
                            "  \"warnings\": %u,\n  \"notes\": %u,\n  \"unreadable\": %u\n}\n",
                            first ? "" : "\n  ", results->len, n_errors,
                            counts->n_warnings, counts->n_notes, counts->n_unreadable);
  else if (format == FORMAT_SARIF)
    g_string_append_printf (out, "%s]\n    }\n  ]\n}\n", first ? "" : "\n      ");
  else if (!quiet)
    {
      g_autofree char *files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files",
                                                             results->len), results->len);
      g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error",
                                                              "%u errors", n_errors),
                                                 n_errors);
      g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning",
                                                                "%u warnings", counts->n_warnings),
                                                   counts->n_warnings);

      /* TRANSLATORS: the summary line: "Checked 12 files: 3 errors, 5 warnings" */
      g_string_append_printf (out, _("Checked %s: %s, %s\n"), files, errors, warnings);
    }
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
}

int
lekh_cli_check (int    argc,
                char **argv)
{
  g_autofree char *profile_name = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *cwd = NULL;
  gboolean quiet = FALSE;
  int jobs = 0;
  const GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_name,
      N_("Check every file as this kind of site: docusaurus, hugo, jekyll or generic (default: detected per file)"),
      N_("PROFILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: text, json, github or sarif (default: text)"), N_("FORMAT") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Print errors only, without warnings, notes or the summary"), NULL },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      N_("Check this many files at once (default: one per processor)"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhValidator) validator = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const LekhProfile *profile = NULL;
  gboolean walk_failed = FALSE;
  Format format;
  Counts counts = { 0 };

  /* The usage line reads "lekh check [OPTION…] PATH…" */
  g_set_prgname ("lekh check");
  context = g_option_context_new (_("PATH… — check the front matter of Markdown articles"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Folders are searched for *.md, *.mdx and *.markdown files.\n"
      "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or unreadable path."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("lekh check: %s\n", error->message);
      return CHECK_USAGE;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("lekh check: no file or folder to check\n"));
      g_printerr (_("Usage: %s\n"),
                  _("lekh check [--profile PROFILE] [--format text|json|github|sarif] [--quiet] PATH…"));
      return CHECK_USAGE;
    }
  if (profile_name != NULL && (profile = lekh_profile_lookup (profile_name)) == NULL)
    {
      g_printerr (_("lekh check: unknown profile “%s” (choose from %s)\n"),
                  profile_name, lekh_profile_list_names ());
      return CHECK_USAGE;
    }
  if (!parse_format (format_name, &format))
    {
      g_printerr (_("lekh check: unknown format “%s” (choose from text, json, github, sarif)\n"),
                  format_name);
      return CHECK_USAGE;
    }
  if (jobs < 0)
    {
      g_printerr (_("lekh check: --jobs must be a positive number\n"));
      return CHECK_USAGE;
    }

  validator = lekh_validator_new ();
  lekh_validator_set_profile (validator, profile);
  cwd = g_get_current_dir ();
  results = check_paths (validator, paths, cwd, jobs, &walk_failed);
  print_results (results, format, quiet, &counts);

  if (walk_failed || counts.n_unreadable > 0)
    return CHECK_USAGE;
  return counts.n_errors > 0 ? CHECK_ERRORS : CHECK_OK;
}
