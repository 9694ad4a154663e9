/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lekh-article-info.h"
#include "lekh-article-meta.h"
#include "lekh-file.h"
#include "lekh-site-index.h"

struct _LekhArticleInfo
{
  GObject     parent_instance;
  char       *path;
  const char *display_path; /* into path: below the site root */
  const char *profile;      /* static */
  char       *title;
  char       *date;
  /* Tags and authors repeat across a site: their strings (and folded forms) are interned
   * (lekh_site_intern), only the arrays are the article's own. */
  const char **tags;
  const char **authors;
  /* Title, tags, authors and path folded (see lekh_site_fold) once, for filters and
   * sorting, each ended by KEY_END: one strstr() finds a text in any of them. NULL until
   * prepared. */
  char       *keys;
  guint       tags_at;
  guint       authors_at;
  guint       path_at;
  const char **folded_tags;
  const char **folded_authors;
  /* Sort keys: the first bytes of the folded title and of the path as big-endian numbers
   * (most comparisons end there, without touching the strings), the date as a number. */
  guint64     title_key;
  guint64     path_key;
  gint64      date_key;
  /* The article's place among the site's by each column (see lekh_article_info_set_order),
   * or 0. */
  guint64     orders[LEKH_ARTICLE_N_COLUMNS];
  guint       n_errors;
  guint       n_warnings;
  gboolean    draft;
};

G_DEFINE_FINAL_TYPE (LekhArticleInfo, lekh_article_info, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PATH,
  PROP_DISPLAY_PATH,
  PROP_PROFILE,
  PROP_TITLE,
  PROP_DATE,
  PROP_DRAFT,
  PROP_TAGS_TEXT,
  PROP_AUTHORS_TEXT,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_PROBLEMS,
  PROP_PROBLEMS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lekh_article_info_finalize (GObject *object)
{
  LekhArticleInfo *self = LEKH_ARTICLE_INFO (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->tags, g_free);
  g_clear_pointer (&self->authors, g_free);
  g_clear_pointer (&self->keys, g_free);
  g_clear_pointer (&self->folded_tags, g_free);
  g_clear_pointer (&self->folded_authors, g_free);

  G_OBJECT_CLASS (lekh_article_info_parent_class)->finalize (object);
}

static void
lekh_article_info_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LekhArticleInfo *self = LEKH_ARTICLE_INFO (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_DISPLAY_PATH:
      g_value_set_string (value, self->display_path);
      break;
    case PROP_PROBLEMS_TEXT:
      g_value_take_string (value, lekh_article_info_dup_problems_text (self));
      break;
    case PROP_PROFILE:
      g_value_set_static_string (value, self->profile);
      break;
    /* Never NULL: sorters and labels take the properties. */
    case PROP_TITLE:
      g_value_set_string (value, self->title ? self->title : "");
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date ? self->date : "");
      break;
    case PROP_DRAFT:
      g_value_set_boolean (value, self->draft);
      break;
    case PROP_TAGS_TEXT:
      g_value_take_string (value, g_strjoinv (", ", (char **) self->tags));
      break;
    case PROP_AUTHORS_TEXT:
      g_value_take_string (value, g_strjoinv (", ", (char **) self->authors));
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_errors + self->n_warnings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_article_info_class_init (LekhArticleInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lekh_article_info_finalize;
  object_class->get_property = lekh_article_info_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_PATH] = g_param_spec_string ("display-path", NULL, NULL, NULL, flags);
  properties[PROP_PROBLEMS_TEXT] = g_param_spec_string ("problems-text", NULL, NULL, NULL,
                                                        flags);
  properties[PROP_PROFILE] = g_param_spec_string ("profile", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_DRAFT] = g_param_spec_boolean ("draft", NULL, NULL, FALSE, flags);
  properties[PROP_TAGS_TEXT] = g_param_spec_string ("tags-text", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORS_TEXT] = g_param_spec_string ("authors-text", NULL, NULL, NULL, flags);
  properties[PROP_N_ERRORS] = g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_WARNINGS] = g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                                                   flags);
  properties[PROP_N_PROBLEMS] = g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                                                   flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lekh_article_info_init (LekhArticleInfo *self)
{
}

/* Docusaurus blog posts and Jekyll posts take their date from "2024-03-05-slug.md" (or a
 * "2024-03-05-slug/" folder) when the front matter has none. */
static char *
date_from_path (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  if (g_str_has_prefix (name, "index.") || g_str_has_prefix (name, "README."))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_free (name);
      name = g_path_get_basename (dir);
    }
  if (strlen (name) >= 11 && g_ascii_isdigit (name[0]) && g_ascii_isdigit (name[3]) &&
      name[4] == '-' && g_ascii_isdigit (name[5]) && g_ascii_isdigit (name[6]) &&
      name[7] == '-' && g_ascii_isdigit (name[8]) && g_ascii_isdigit (name[9]) &&
      name[10] == '-')
    return g_strndup (name, 10);
  return NULL;
}

/* VALUES interned, in a new array (NULL-terminated, never NULL itself); FOLD: their folded
 * forms instead. */
static const char **
intern_all (const char * const *values,
            gboolean            fold)
{
  guint n = values ? g_strv_length ((char **) values) : 0;
  const char **interned = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      interned[i] = fold ? lekh_site_intern_fold (values[i]) : lekh_site_intern (values[i]);
    }
  return interned;
}

LekhArticleInfo *
lekh_article_info_new_for_article (LekhValidator *validator,
                                   const char    *path,
                                   LekhArticle   *article)
{
  g_autoptr(LekhArticleInfo) self = NULL;
  g_autoptr(LekhSite) site = NULL;
  LekhProfileId profile;

  g_return_val_if_fail (validator != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LEKH_TYPE_ARTICLE_INFO, NULL);
  self->path = g_strdup (path);
  site = lekh_validator_get_site (validator, path);
  self->profile = lekh_profile_get_name (lekh_site_get_profile (site));
  profile = lekh_profile_get_id (lekh_site_get_profile (site));

  if (article == NULL)
    self->n_errors = 1;
  else
    {
      g_autoptr(LekhArticleMeta) meta = lekh_article_meta_new (article);
      g_autoptr(GPtrArray) diagnostics = lekh_validator_check (validator, article, path);
      gboolean published;

      for (guint i = 0; i < diagnostics->len; i++)
        {
          const LekhDiagnostic *d = g_ptr_array_index (diagnostics, i);

          if (d->severity == LEKH_SEVERITY_ERROR)
            self->n_errors++;
          else if (d->severity == LEKH_SEVERITY_WARNING)
            self->n_warnings++;
        }
      self->title = g_steal_pointer (&meta->title);
      self->date = g_steal_pointer (&meta->date);
      self->draft = meta->draft;
      /* Jekyll's way of keeping a post back. */
      if (lekh_node_get_boolean (lekh_article_get_value (article, "published"), &published) &&
          !published)
        self->draft = TRUE;
      self->tags = intern_all ((const char * const *) meta->tags, FALSE);
      self->authors = intern_all ((const char * const *) meta->authors, FALSE);
    }

  if (self->date == NULL &&
      (profile == LEKH_PROFILE_DOCUSAURUS || profile == LEKH_PROFILE_JEKYLL))
    self->date = date_from_path (path);
  /* Jekyll publishes nothing from _drafts/. */
  if (profile == LEKH_PROFILE_JEKYLL && strstr (path, "/_drafts/") != NULL)
    self->draft = TRUE;
  if (self->tags == NULL)
    self->tags = g_new0 (const char *, 1);
  if (self->authors == NULL)
    self->authors = g_new0 (const char *, 1);
  self->display_path = self->path;
  if (lekh_site_get_root (site) != NULL)
    {
      const char *root = lekh_site_get_root (site);
      gsize len = strlen (root);

      if (strncmp (path, root, len) == 0 && path[len] == G_DIR_SEPARATOR)
        self->display_path = self->path + len + 1;
    }
  return g_steal_pointer (&self);
}

LekhArticleInfo *
lekh_article_info_new (LekhValidator *validator,
                       const char    *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LekhArticle) article = NULL;

  g_return_val_if_fail (validator != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  bytes = lekh_file_read (path, NULL, NULL);
  if (bytes != NULL)
    article = lekh_article_new_from_bytes (bytes);
  return lekh_article_info_new_for_article (validator, path, article);
}

/* Ends each key: a control character folding never makes from text. */
#define KEY_END '\x01'

static void
append_folded_key (GString *keys,
                   char    *folded)
{
  g_strdelimit (folded, "\x01", ' ');
  g_string_append (keys, folded);
  g_string_append_c (keys, KEY_END);
}

static void
append_key (GString    *keys,
            const char *text)
{
  g_autofree char *folded = lekh_site_fold (text ? text : "");

  append_folded_key (keys, folded);
}

/* The first 8 bytes of KEY (up to its KEY_END or NUL) as a big-endian number: comparing
 * two of them orders as strcmp() does on those bytes. */
static guint64
key_prefix (const char *key)
{
  guint64 n = 0;
  guint i;

  for (i = 0; i < 8 && key[i] != '\0' && key[i] != KEY_END; i++)
    n = (n << 8) | (guchar) key[i];
  for (; i < 8; i++)
    n <<= 8;
  return n;
}

/* An ISO date ("2024-03-05", "2024-03-05T10:30:00", "2024-03-05 10:30") as the number
 * 20240305103000, or -1 for none or anything else (those sort before the ISO dates, among
 * themselves as text). */
static gint64
date_number (const char *date)
{
  static const char shape[] = "dddd-dd-dd";
  gint64 n = 0;
  guint digits = 0;
  const char *p;

  if (date == NULL)
    return -1;
  for (guint i = 0; shape[i]; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (date[i]) : date[i] != shape[i])
      return -1;
  /* The time, when given, to the second; a zone is left to the text comparison. */
  for (p = date; *p && digits < 14; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          n = n * 10 + (*p - '0');
          digits++;
        }
      else if (digits >= 8 && !(*p == 'T' || *p == ' ' || *p == ':'))
        break;
    }
  for (; digits < 14; digits++)
    n *= 10;
  return n;
}

void
lekh_article_info_prepare_query (LekhArticleInfo *self)
{
  g_autofree char *tags = NULL;
  g_autofree char *authors = NULL;
  GString *keys;

  g_return_if_fail (LEKH_IS_ARTICLE_INFO (self));

  if (self->keys != NULL)
    return;
  self->folded_tags = intern_all (self->tags, TRUE);
  self->folded_authors = intern_all (self->authors, TRUE);
  /* Folding works character by character: the folded list is the list of the folded
   * values (each folded once per thread, interned), as shown with ", ". */
  tags = g_strjoinv (", ", (char **) self->folded_tags);
  authors = g_strjoinv (", ", (char **) self->folded_authors);

  keys = g_string_new (NULL);
  append_key (keys, self->title);
  self->tags_at = keys->len;
  append_folded_key (keys, tags);
  self->authors_at = keys->len;
  append_folded_key (keys, authors);
  self->path_at = keys->len;
  append_key (keys, self->display_path);
  self->keys = g_string_free (keys, FALSE);
  self->title_key = key_prefix (self->keys);
  self->path_key = key_prefix (self->display_path);
  self->date_key = date_number (self->date);
}

char *
lekh_article_info_dup_problems_text (LekhArticleInfo *self)
{
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), NULL);

  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                         self->n_errors), self->n_errors);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                           self->n_warnings), self->n_warnings);
  if (self->n_errors > 0 && self->n_warnings > 0)
    /* TRANSLATORS: "1 error, 2 warnings" in the site view's Problems column */
    return g_strdup_printf (_("%s, %s"), errors, warnings);
  if (self->n_errors > 0)
    return g_steal_pointer (&errors);
  if (self->n_warnings > 0)
    return g_steal_pointer (&warnings);
  return g_strdup ("");
}

static int
compare_strings (const char *a,
                 const char *b)
{
  return strcmp (a ? a : "", b ? b : "");
}

/* Compares two keys up to their KEY_END. */
static int
compare_keys (const char *a,
              const char *b)
{
  while (*a == *b && *a != KEY_END)
    a++, b++;
  return (guchar) *a - (guchar) *b;
}

int
lekh_article_info_compare (LekhArticleInfo   *a,
                           LekhArticleInfo   *b,
                           LekhArticleColumn  column)
{
  int cmp = 0;

  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (a), 0);
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (b), 0);

  /* Called ~800,000 times to sort 50,000 rows: the keys are checked, not made, here. */
  if (G_UNLIKELY (a->keys == NULL))
    lekh_article_info_prepare_query (a);
  if (G_UNLIKELY (b->keys == NULL))
    lekh_article_info_prepare_query (b);
  g_return_val_if_fail (column < LEKH_ARTICLE_N_COLUMNS, 0);

  if (a->orders[column] != 0 && b->orders[column] != 0)
    return (a->orders[column] > b->orders[column]) - (a->orders[column] < b->orders[column]);
  switch (column)
    {
    case LEKH_ARTICLE_COLUMN_TITLE:
      cmp = (a->title_key > b->title_key) - (a->title_key < b->title_key);
      if (cmp == 0)
        cmp = compare_keys (a->keys, b->keys);
      break;
    case LEKH_ARTICLE_COLUMN_DATE:
      cmp = (a->date_key > b->date_key) - (a->date_key < b->date_key);
      if (cmp == 0)
        cmp = compare_strings (a->date, b->date);
      break;
    case LEKH_ARTICLE_COLUMN_DRAFT:
      cmp = (a->draft > b->draft) - (a->draft < b->draft);
      break;
    case LEKH_ARTICLE_COLUMN_TAGS:
      cmp = compare_keys (a->keys + a->tags_at, b->keys + b->tags_at);
      break;
    case LEKH_ARTICLE_COLUMN_AUTHORS:
      cmp = compare_keys (a->keys + a->authors_at, b->keys + b->authors_at);
      break;
    case LEKH_ARTICLE_COLUMN_PROBLEMS:
      cmp = (a->n_errors > b->n_errors) - (a->n_errors < b->n_errors);
      if (cmp == 0)
        cmp = (a->n_warnings > b->n_warnings) - (a->n_warnings < b->n_warnings);
      break;
    case LEKH_ARTICLE_COLUMN_PATH:
    default:
      break;
    }
  if (cmp == 0 && a->orders[LEKH_ARTICLE_COLUMN_PATH] != 0 &&
      b->orders[LEKH_ARTICLE_COLUMN_PATH] != 0)
    return (a->orders[LEKH_ARTICLE_COLUMN_PATH] > b->orders[LEKH_ARTICLE_COLUMN_PATH]) -
           (a->orders[LEKH_ARTICLE_COLUMN_PATH] < b->orders[LEKH_ARTICLE_COLUMN_PATH]);
  if (cmp == 0)
    cmp = (a->path_key > b->path_key) - (a->path_key < b->path_key);
  if (cmp == 0)
    cmp = strcmp (a->display_path, b->display_path);
  if (cmp == 0)
    cmp = strcmp (a->path, b->path);
  return cmp;
}

void
lekh_article_info_set_order (LekhArticleInfo   *self,
                             LekhArticleColumn  column,
                             guint64            order)
{
  g_return_if_fail (LEKH_IS_ARTICLE_INFO (self));
  g_return_if_fail (column < LEKH_ARTICLE_N_COLUMNS);
  self->orders[column] = order;
}

guint64
lekh_article_info_get_order (LekhArticleInfo   *self,
                             LekhArticleColumn  column)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), 0);
  g_return_val_if_fail (column < LEKH_ARTICLE_N_COLUMNS, 0);
  return self->orders[column];
}

typedef struct
{
  LekhValidator *validator;
  GPtrArray     *paths;
  GPtrArray     *infos;
  GCancellable  *cancellable;
  guint          next;        /* atomic: the next path to read */
} LoadJob;

static gpointer
load_worker (gpointer data)
{
  LoadJob *job = data;

  for (;;)
    {
      guint index = (guint) g_atomic_int_add ((gint *) &job->next, 1);

      if (index >= job->paths->len || g_cancellable_is_cancelled (job->cancellable))
        break;
      job->infos->pdata[index] = lekh_article_info_new (job->validator,
                                                        g_ptr_array_index (job->paths, index));
    }
  return NULL;
}

GPtrArray *
lekh_article_info_load_many (LekhValidator *validator,
                             GPtrArray     *paths,
                             guint          n_threads,
                             GCancellable  *cancellable)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GPtrArray) infos = NULL;
  LoadJob job = { validator, paths, NULL, cancellable, 0 };

  g_return_val_if_fail (validator != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  infos = g_ptr_array_new_full (paths->len, g_object_unref);
  g_ptr_array_set_size (infos, paths->len);
  job.infos = infos;

  if (n_threads == 0)
    n_threads = MIN (g_get_num_processors (), 8);
  n_threads = MIN (n_threads, paths->len);
  if (n_threads <= 1)
    load_worker (&job);
  else
    {
      for (guint i = 0; i < n_threads; i++)
        g_ptr_array_add (threads, g_thread_new ("lekh-article-info", load_worker, &job));
      for (guint i = 0; i < threads->len; i++)
        g_thread_join (g_ptr_array_index (threads, i));
    }
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  return g_steal_pointer (&infos);
}

const char *
lekh_article_info_get_path (LekhArticleInfo *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), NULL);
  return self->path;
}

const char *
lekh_article_info_get_profile (LekhArticleInfo *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), NULL);
  return self->profile;
}

const char *
lekh_article_info_get_title (LekhArticleInfo *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), NULL);
  return self->title;
}

const char *
lekh_article_info_get_date (LekhArticleInfo *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), NULL);
  return self->date;
}

gboolean
lekh_article_info_get_draft (LekhArticleInfo *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), FALSE);
  return self->draft;
}

const char * const *
lekh_article_info_get_tags (LekhArticleInfo *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), NULL);
  return (const char * const *) self->tags;
}

const char * const *
lekh_article_info_get_authors (LekhArticleInfo *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), NULL);
  return (const char * const *) self->authors;
}

guint
lekh_article_info_get_n_errors (LekhArticleInfo *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), 0);
  return self->n_errors;
}

guint
lekh_article_info_get_n_warnings (LekhArticleInfo *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), 0);
  return self->n_warnings;
}

/* Querying ------------------------------------------------------------------------------ */

struct _LekhArticleQuery
{
  char            *text;     /* folded; NULL: any */
  char            *tag;
  char            *author;
  LekhDraftFilter  draft;
  gboolean         problems_only;
};

static char *
fold_or_null (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  return *stripped != '\0' ? lekh_site_fold (stripped) : NULL;
}

LekhArticleQuery *
lekh_article_query_new (const char      *text,
                        const char      *tag,
                        const char      *author,
                        LekhDraftFilter  draft,
                        gboolean         problems_only)
{
  LekhArticleQuery *query = g_new0 (LekhArticleQuery, 1);

  query->text = fold_or_null (text);
  query->tag = fold_or_null (tag);
  query->author = fold_or_null (author);
  query->draft = draft;
  query->problems_only = problems_only;
  return query;
}

LekhArticleQuery *
lekh_article_query_copy (const LekhArticleQuery *query)
{
  LekhArticleQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_new0 (LekhArticleQuery, 1);
  copy->text = g_strdup (query->text);
  copy->tag = g_strdup (query->tag);
  copy->author = g_strdup (query->author);
  copy->draft = query->draft;
  copy->problems_only = query->problems_only;
  return copy;
}

gboolean
lekh_article_query_has_more_than_text (const LekhArticleQuery *query)
{
  g_return_val_if_fail (query != NULL, FALSE);
  return query->tag != NULL || query->author != NULL ||
         query->draft != LEKH_DRAFT_FILTER_ANY || query->problems_only;
}

void
lekh_article_query_free (LekhArticleQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query->tag);
  g_free (query->author);
  g_free (query);
}

gboolean
lekh_article_query_is_empty (const LekhArticleQuery *query)
{
  g_return_val_if_fail (query != NULL, TRUE);
  return query->text == NULL && query->tag == NULL && query->author == NULL &&
         query->draft == LEKH_DRAFT_FILTER_ANY && !query->problems_only;
}

const char *
lekh_article_query_get_text (const LekhArticleQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);
  return query->text;
}

const char *
lekh_article_info_get_query_text (LekhArticleInfo *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), NULL);

  if (G_UNLIKELY (self->keys == NULL))
    lekh_article_info_prepare_query (self);
  return self->keys;
}

gboolean
lekh_article_info_matches_but_text (LekhArticleInfo        *self,
                                    const LekhArticleQuery *query)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (G_UNLIKELY (self->keys == NULL))
    lekh_article_info_prepare_query (self);
  if (query->draft == LEKH_DRAFT_FILTER_DRAFTS && !self->draft)
    return FALSE;
  if (query->draft == LEKH_DRAFT_FILTER_PUBLISHED && self->draft)
    return FALSE;
  if (query->problems_only && self->n_errors + self->n_warnings == 0)
    return FALSE;
  if (query->tag != NULL && !g_strv_contains ((const char * const *) self->folded_tags, query->tag))
    return FALSE;
  if (query->author != NULL &&
      !g_strv_contains ((const char * const *) self->folded_authors, query->author))
    return FALSE;
  return TRUE;
}

gboolean
lekh_article_info_matches (LekhArticleInfo        *self,
                           const LekhArticleQuery *query)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_INFO (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  /* (the keys are prepared there) */
  if (!lekh_article_info_matches_but_text (self, query))
    return FALSE;
  return query->text == NULL || strstr (self->keys, query->text) != NULL;
}
