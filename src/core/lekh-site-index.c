/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lekh-article.h"
#include "lekh-file.h"
#include "lekh-site-index.h"

/* What one article contributes to the index. Values repeat across a site: they are
 * interned (lekh_site_intern), only the arrays are the record's own. */
typedef struct
{
  char             *title;
  char             *slug;
  const char      **values[LEKH_SITE_N_FIELDS];
  /* The site view's row, made from the same read when the index has a validator. */
  LekhArticleInfo  *info;
} Record;

/* One value of a field across the site: how many articles use it, in which spellings. */
typedef struct
{
  guint       count;
  GHashTable *spellings;   /* interned spelling -> GUINT_TO_POINTER (articles) */
} Tally;

typedef struct
{
  GHashTable *records;                        /* path -> Record* */
  GHashTable *tallies[LEKH_SITE_N_FIELDS];    /* interned folded value -> Tally* */
  GHashTable *folded;                         /* interned value -> its interned fold */
  gboolean    with_infos;                     /* read with a validator */
  GPtrArray  *folders;                        /* char*: the folders the build walked */
} Snapshot;

struct _LekhSiteIndex
{
  GObject        parent_instance;
  GFile         *root;
  LekhValidator *validator;
  Snapshot      *snapshot;
  GPtrArray     *monitors;
  GHashTable    *monitored;    /* folder path -> TRUE */
};

G_DEFINE_FINAL_TYPE (LekhSiteIndex, lekh_site_index, G_TYPE_OBJECT)

enum { CHANGED, FILE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
lekh_site_suggestion_free (LekhSiteSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->value);
  g_free (suggestion);
}

static void
record_free (gpointer data)
{
  Record *record = data;

  g_free (record->title);
  g_free (record->slug);
  for (guint i = 0; i < LEKH_SITE_N_FIELDS; i++)
    g_free (record->values[i]);
  g_clear_object (&record->info);
  g_free (record);
}

static void
tally_free (gpointer data)
{
  Tally *tally = data;

  g_hash_table_unref (tally->spellings);
  g_free (tally);
}

static Snapshot *
snapshot_new (void)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, record_free);
  for (guint i = 0; i < LEKH_SITE_N_FIELDS; i++)
    snapshot->tallies[i] = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, tally_free);
  snapshot->folded = g_hash_table_new (g_direct_hash, g_direct_equal);
  return snapshot;
}

static void
snapshot_free (Snapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_hash_table_unref (snapshot->records);
  for (guint i = 0; i < LEKH_SITE_N_FIELDS; i++)
    g_hash_table_unref (snapshot->tallies[i]);
  g_hash_table_unref (snapshot->folded);
  g_clear_pointer (&snapshot->folders, g_ptr_array_unref);
  g_free (snapshot);
}

char *
lekh_site_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  const char *p;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* Plain ASCII (paths, English titles, most tags): folding it is lowering it, without
   * the casefold and decomposition tables (a fifth of the cost of an article's row). */
  for (p = text; *p != '\0' && !(*p & 0x80); p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text, -1);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup (folded);

  out = g_string_sized_new (strlen (decomposed));
  for (p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Combining diacritical marks (é → e, ñ → n); script-specific signs stay. */
      if (c >= 0x0300 && c <= 0x036f)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Interning: values repeat across a site, and several threads read it. The strings live in
 * one pool for the life of the process (not GLib's quarks: its table outgrown is left
 * behind, and it is no place for every tag of every site); each thread keeps the strings it
 * interned (and their folded forms), so that the pool's lock is taken once per distinct
 * value and thread, not once per use. */
static GMutex pool_lock;
static GHashTable *pool;   /* text -> itself */

/* TEXT's copy in the pool; with ADD FALSE, NULL when it has none. */
static const char *
pool_intern (const char *text,
             gboolean    add)
{
  const char *interned;

  g_mutex_lock (&pool_lock);
  if (pool == NULL)
    pool = g_hash_table_new (g_str_hash, g_str_equal);
  interned = g_hash_table_lookup (pool, text);
  if (interned == NULL && add)
    {
      char *copy = g_strdup (text);

      g_hash_table_add (pool, copy);
      interned = copy;
    }
  g_mutex_unlock (&pool_lock);
  return interned;
}

typedef struct
{
  GHashTable *interned;   /* text -> interned (both interned: nothing to free) */
  GHashTable *folded;     /* interned text -> its interned fold */
} InternCache;

static void
intern_cache_free (gpointer data)
{
  InternCache *cache = data;

  g_hash_table_unref (cache->interned);
  g_hash_table_unref (cache->folded);
  g_free (cache);
}

static GPrivate intern_cache_key = G_PRIVATE_INIT (intern_cache_free);

static InternCache *
intern_cache (void)
{
  InternCache *cache = g_private_get (&intern_cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (InternCache, 1);
      cache->interned = g_hash_table_new (g_str_hash, g_str_equal);
      cache->folded = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_private_set (&intern_cache_key, cache);
    }
  return cache;
}

const char *
lekh_site_intern (const char *text)
{
  InternCache *cache;
  const char *interned;

  if (text == NULL)
    return NULL;
  cache = intern_cache ();
  interned = g_hash_table_lookup (cache->interned, text);
  if (interned == NULL)
    {
      interned = pool_intern (text, TRUE);
      g_hash_table_insert (cache->interned, (gpointer) interned, (gpointer) interned);
    }
  return interned;
}

const char *
lekh_site_intern_fold (const char *text)
{
  InternCache *cache;
  const char *interned, *folded;

  if (text == NULL)
    return NULL;
  interned = lekh_site_intern (text);
  cache = intern_cache ();
  folded = g_hash_table_lookup (cache->folded, interned);
  if (folded == NULL)
    {
      g_autofree char *fold = lekh_site_fold (interned);

      folded = lekh_site_intern (fold);
      g_hash_table_insert (cache->folded, (gpointer) interned, (gpointer) folded);
    }
  return folded;
}

/* Reading one article ------------------------------------------------------------- */

static void
add_value (GPtrArray  *values,
           GHashTable *seen,
           const char *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));
  const char *interned;

  if (*trimmed == '\0')
    return;
  interned = lekh_site_intern (trimmed);
  if (!g_hash_table_add (seen, (gpointer) lekh_site_intern_fold (interned)))
    return;
  g_ptr_array_add (values, (gpointer) interned);
}

/* A field's values: a list of strings, a list of {label|name|key} objects, or a string
 * (Jekyll's space-separated tags, comma-separated keywords). */
static const char **
read_values (const LekhNode *node,
             LekhSiteField   field)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();   /* interned */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  node = lekh_node_resolve (node);
  if (node == NULL)
    return NULL;

  if (node->kind == LEKH_NODE_SCALAR)
    {
      const char *s = lekh_node_get_string (node);
      const char *separators = field == LEKH_SITE_FIELD_TAGS || field == LEKH_SITE_FIELD_CATEGORIES
                               ? " ," : ",";
      g_auto(GStrv) parts = NULL;

      if (lekh_node_get_value_type (node) == LEKH_VALUE_NULL)
        return NULL;
      if (field == LEKH_SITE_FIELD_AUTHORS)
        add_value (values, seen, s);
      else
        {
          parts = g_strsplit_set (s, separators, -1);
          for (guint i = 0; parts[i]; i++)
            add_value (values, seen, parts[i]);
        }
    }
  else if (node->kind == LEKH_NODE_SEQUENCE)
    {
      for (guint i = 0; i < lekh_node_get_n_items (node); i++)
        {
          const LekhNode *item = lekh_node_resolve (lekh_node_get_item (node, i));

          if (item == NULL)
            continue;
          if (item->kind == LEKH_NODE_SCALAR)
            {
              if (lekh_node_get_value_type (item) != LEKH_VALUE_NULL)
                add_value (values, seen, lekh_node_get_string (item));
            }
          else if (item->kind == LEKH_NODE_MAPPING)
            {
              const char *keys[] = { "key", "label", "name", NULL };

              for (guint k = 0; keys[k]; k++)
                {
                  const char *s = lekh_node_get_string (lekh_node_lookup (item, keys[k]));
                  if (s != NULL)
                    {
                      add_value (values, seen, s);
                      break;
                    }
                }
            }
        }
    }
  else
    return NULL;

  if (values->len == 0)
    return NULL;
  {
    const char **interned = g_new0 (const char *, values->len + 1);

    for (guint i = 0; i < values->len; i++)
      interned[i] = g_ptr_array_index (values, i);
    return interned;
  }
}

/* Reads PATH once: what the index counts and, with a VALIDATOR, the site view's row. NULL
 * when the file cannot be read and there is no validator (with one, the row says why). */
static Record *
read_record (const char     *path,
             int             dir_fd,
             LekhFileReader *reader,
             LekhValidator  *validator)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LekhArticle) article = NULL;
  Record *record;
  static const char * const field_keys[LEKH_SITE_N_FIELDS][3] = {
    [LEKH_SITE_FIELD_TAGS] = { "tags", NULL },
    [LEKH_SITE_FIELD_KEYWORDS] = { "keywords", NULL },
    [LEKH_SITE_FIELD_AUTHORS] = { "authors", "author", NULL },
    [LEKH_SITE_FIELD_CATEGORIES] = { "categories", "category", NULL },
  };

  if (reader == NULL)
    bytes = lekh_file_read (path, NULL, NULL);
  else if (dir_fd >= 0)
    bytes = lekh_file_reader_read_at (reader, dir_fd, strrchr (path, G_DIR_SEPARATOR) + 1, path,
                                      NULL);
  else
    bytes = lekh_file_reader_read_at (reader, AT_FDCWD, path, path, NULL);
  if (bytes == NULL && validator == NULL)
    return NULL;
  if (bytes != NULL)
    article = lekh_article_new_from_bytes (bytes);

  record = g_new0 (Record, 1);
  if (validator != NULL)
    {
      record->info = lekh_article_info_new_for_article (validator, path, article);
      /* Folded here, on the reading thread, so that the first filter is as quick as the
       * next. */
      lekh_article_info_prepare_query (record->info);
    }
  if (article == NULL || lekh_article_get_root (article) == NULL)
    return record;

  if (lekh_node_get_value_type (lekh_article_get_value (article, "title")) == LEKH_VALUE_STRING)
    record->title = g_strdup (lekh_node_get_string (lekh_article_get_value (article, "title")));
  if (lekh_node_get_value_type (lekh_article_get_value (article, "slug")) == LEKH_VALUE_STRING)
    record->slug = g_strdup (lekh_node_get_string (lekh_article_get_value (article, "slug")));

  for (guint f = 0; f < LEKH_SITE_N_FIELDS; f++)
    for (guint k = 0; field_keys[f][k] && record->values[f] == NULL; k++)
      record->values[f] = read_values (lekh_article_get_value (article, field_keys[f][k]), f);

  return record;
}

static void
snapshot_count (Snapshot     *snapshot,
                const Record *record,
                int           delta)
{
  for (guint f = 0; f < LEKH_SITE_N_FIELDS; f++)
    {
      if (record->values[f] == NULL)
        continue;
      for (guint i = 0; record->values[f][i]; i++)
        {
          const char *value = record->values[f][i];   /* interned */
          const char *folded = g_hash_table_lookup (snapshot->folded, value);
          Tally *tally;
          guint spelled;

          if (folded == NULL)
            {
              g_autofree char *fold = lekh_site_fold (value);

              folded = lekh_site_intern (fold);
              g_hash_table_insert (snapshot->folded, (gpointer) value, (gpointer) folded);
            }
          tally = g_hash_table_lookup (snapshot->tallies[f], folded);
          if (tally == NULL)
            {
              if (delta < 0)
                continue;
              tally = g_new0 (Tally, 1);
              tally->spellings = g_hash_table_new (g_direct_hash, g_direct_equal);
              g_hash_table_insert (snapshot->tallies[f], (gpointer) folded, tally);
            }
          tally->count += delta;
          spelled = GPOINTER_TO_UINT (g_hash_table_lookup (tally->spellings, value)) + delta;
          if (spelled == 0)
            g_hash_table_remove (tally->spellings, value);
          else
            g_hash_table_insert (tally->spellings, (gpointer) value, GUINT_TO_POINTER (spelled));
          if (tally->count == 0)
            g_hash_table_remove (snapshot->tallies[f], folded);
        }
    }
}

static void
snapshot_put (Snapshot   *snapshot,
              const char *path,
              Record     *record)
{
  Record *old = g_hash_table_lookup (snapshot->records, path);

  if (old != NULL)
    {
      snapshot_count (snapshot, old, -1);
      g_hash_table_remove (snapshot->records, path);
    }
  if (record != NULL)
    {
      snapshot_count (snapshot, record, +1);
      g_hash_table_insert (snapshot->records, g_strdup (path), record);
    }
}

static gboolean
is_article_name (const char *name)
{
  return g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".mdx") ||
         g_str_has_suffix (name, ".markdown");
}

static gboolean
skip_folder (const char *name)
{
  return name[0] == '.' || strcmp (name, "node_modules") == 0;
}

/* Finding the articles under a folder. Folders are opened relative to their parent and
 * listed with lekh_file_list_folder(); building the index holds them open for reading the
 * articles through (a name to look up instead of a whole path) and tells the validator each
 * folder's names (it would list the folder again, looking for a site's configuration). */
typedef struct
{
  GPtrArray     *paths;       /* char*: the articles found */
  GArray        *dir_fds;     /* int: each path's folder if held, else -1; or NULL */
  GArray        *held;        /* int: the folders held (closed by walk_close()); or NULL */
  GPtrArray     *folders;     /* char*: the folders walked; or NULL */
  LekhValidator *validator;   /* told each folder's names; or NULL */
  GCancellable  *cancellable;
  guint          max_held;
} Walk;

/* Walks the folder open as FD, then closes it unless it is held for reading. */
static void
walk_folder (Walk       *w,
             const char *dir,
             int         fd)
{
  g_autofree guchar *types = NULL;
  g_autofree char **names = NULL;
  gboolean held = FALSE;

  if (w->folders != NULL)
    g_ptr_array_add (w->folders, g_strdup (dir));
  /* (read whole before any entry is walked: the descriptor is free for the subfolders) */
  if ((names = lekh_file_read_folder (fd, dir, &types, NULL)) != NULL)
    {
      if (w->validator != NULL)
        lekh_validator_add_folder_listing (w->validator, dir, (const char * const *) names);
      if (w->held != NULL && w->held->len < w->max_held)
        {
          g_array_append_val (w->held, fd);
          held = TRUE;
        }

      for (guint i = 0; names[i] != NULL && !g_cancellable_is_cancelled (w->cancellable); i++)
        {
          const char *name = names[i];
          guchar type = types[i];
          gboolean article = is_article_name (name);
          struct stat st;
          int child;

          if (!article && skip_folder (name))
            continue;
          /* The type the way lstat() tells it (symbolic links are not followed), from the
           * listing itself when the file system gives it. */
          if (type == DT_UNKNOWN && fstatat (fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
            type = S_ISDIR (st.st_mode) ? DT_DIR : S_ISREG (st.st_mode) ? DT_REG : DT_UNKNOWN;
          if (article)
            {
              if (type == DT_REG)
                {
                  int dir_fd = held ? fd : -1;

                  g_ptr_array_add (w->paths, g_build_filename (dir, name, NULL));
                  if (w->dir_fds != NULL)
                    g_array_append_val (w->dir_fds, dir_fd);
                }
            }
          else if (type == DT_DIR &&
                   (child = openat (fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) >= 0)
            {
              g_autofree char *path = g_build_filename (dir, name, NULL);

              walk_folder (w, path, child);
            }
        }
    }
  if (!held)
    close (fd);
}

static void
walk_from (Walk       *w,
           const char *dir)
{
  int fd;

  if (g_cancellable_is_cancelled (w->cancellable))
    return;
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    walk_folder (w, dir, fd);
}

static void
walk_close (Walk *w)
{
  for (guint i = 0; w->held != NULL && i < w->held->len; i++)
    close (g_array_index (w->held, int, i));
}

/* The articles under DIR (into PATHS) and, with FOLDERS, every folder walked. */
static void
walk (const char   *dir,
      GPtrArray    *paths,
      GPtrArray    *folders,
      GCancellable *cancellable)
{
  Walk w = { .paths = paths, .folders = folders, .cancellable = cancellable };

  walk_from (&w, dir);
}

typedef struct
{
  GPtrArray     *paths;
  GArray        *dir_fds;     /* int: each path's folder, open, or -1 */
  Record       **records;
  LekhValidator *validator;
  GCancellable  *cancellable;
  guint          next;        /* atomic: the next path to read */
} ReadJob;

static gpointer
read_worker (gpointer data)
{
  ReadJob *job = data;
  g_autoptr(LekhFileReader) reader = lekh_file_reader_new ();

  for (;;)
    {
      guint index = (guint) g_atomic_int_add ((gint *) &job->next, 1);

      if (index >= job->paths->len || g_cancellable_is_cancelled (job->cancellable))
        break;
      job->records[index] = read_record (g_ptr_array_index (job->paths, index),
                                         g_array_index (job->dir_fds, int, index),
                                         reader, job->validator);
    }
  return NULL;
}

/* Reads every path on up to one thread per processor (each file read and parsed once). */
static Record **
read_records (GPtrArray     *paths,
              GArray        *dir_fds,
              LekhValidator *validator,
              GCancellable  *cancellable)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  ReadJob job = { paths, dir_fds, g_new0 (Record *, paths->len + 1), validator, cancellable, 0 };
  guint n_threads = MIN (MIN (g_get_num_processors (), 8), paths->len);

  for (guint i = 1; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("lekh-site-index", read_worker, &job));
  read_worker (&job);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  return job.records;
}

static Snapshot *
build_snapshot (GFile          *root,
                LekhValidator  *validator,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autofree char *root_path = g_file_get_path (root);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) dir_fds = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autofree Record **records = NULL;
  Snapshot *snapshot;
  Walk w = { 0 };

  if (root_path == NULL || !g_file_test (root_path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("The site folder “%s” cannot be read"), root_path ? root_path : "?");
      return NULL;
    }

  w = (Walk) { .paths = paths, .dir_fds = dir_fds, .held = held, .folders = folders,
               .validator = validator, .cancellable = cancellable,
               .max_held = lekh_file_max_held_folders () };
  walk_from (&w, root_path);
  records = read_records (paths, dir_fds, validator, cancellable);
  walk_close (&w);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      for (guint i = 0; i < paths->len; i++)
        g_clear_pointer (&records[i], record_free);
      return NULL;
    }
  snapshot = snapshot_new ();
  snapshot->with_infos = validator != NULL;
  /* for lekh_site_index_watch(), which would walk the site again */
  snapshot->folders = g_steal_pointer (&folders);
  for (guint i = 0; i < paths->len; i++)
    if (records[i] != NULL)
      snapshot_put (snapshot, g_ptr_array_index (paths, i), records[i]);
  return snapshot;
}

/* The object --------------------------------------------------------------------------- */

static void
lekh_site_index_finalize (GObject *object)
{
  LekhSiteIndex *self = LEKH_SITE_INDEX (object);

  g_clear_pointer (&self->snapshot, snapshot_free);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  g_clear_pointer (&self->monitored, g_hash_table_unref);
  g_clear_pointer (&self->validator, lekh_validator_unref);
  g_clear_object (&self->root);

  G_OBJECT_CLASS (lekh_site_index_parent_class)->finalize (object);
}

static void
lekh_site_index_class_init (LekhSiteIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lekh_site_index_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* One article was read again (or is gone): emitted before "changed". */
  signals[FILE_CHANGED] = g_signal_new ("file-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_FILE);
}

static void
lekh_site_index_init (LekhSiteIndex *self)
{
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  self->monitored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

LekhSiteIndex *
lekh_site_index_new (GFile *root)
{
  LekhSiteIndex *self;

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  self = g_object_new (LEKH_TYPE_SITE_INDEX, NULL);
  self->root = g_object_ref (root);
  return self;
}

GFile *
lekh_site_index_get_root (LekhSiteIndex *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), NULL);
  return self->root;
}

void
lekh_site_index_set_validator (LekhSiteIndex *self,
                               LekhValidator *validator)
{
  g_return_if_fail (LEKH_IS_SITE_INDEX (self));

  if (validator != NULL)
    lekh_validator_ref (validator);
  g_clear_pointer (&self->validator, lekh_validator_unref);
  self->validator = validator;
}

typedef struct
{
  GFile         *root;
  LekhValidator *validator;
} BuildData;

static void
build_data_free (gpointer data)
{
  BuildData *build = data;

  g_object_unref (build->root);
  g_clear_pointer (&build->validator, lekh_validator_unref);
  g_free (build);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *build = task_data;
  GError *error = NULL;
  Snapshot *snapshot = build_snapshot (build->root, build->validator, cancellable, &error);

  if (snapshot == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_free);
}

void
lekh_site_index_build_async (LekhSiteIndex       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BuildData *build;

  g_return_if_fail (LEKH_IS_SITE_INDEX (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lekh_site_index_build_async);
  build = g_new0 (BuildData, 1);
  build->root = g_object_ref (self->root);
  build->validator = self->validator ? lekh_validator_ref (self->validator) : NULL;
  g_task_set_task_data (task, build, build_data_free);
  g_task_run_in_thread (task, build_thread);
}

static void
lekh_site_index_take_snapshot (LekhSiteIndex *self,
                               Snapshot      *snapshot)
{
  g_clear_pointer (&self->snapshot, snapshot_free);
  self->snapshot = snapshot;
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
lekh_site_index_build_finish (LekhSiteIndex  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  Snapshot *snapshot;

  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  snapshot = g_task_propagate_pointer (G_TASK (result), error);
  if (snapshot == NULL)
    return FALSE;
  lekh_site_index_take_snapshot (self, snapshot);
  return TRUE;
}

gboolean
lekh_site_index_build (LekhSiteIndex  *self,
                       GCancellable   *cancellable,
                       GError        **error)
{
  Snapshot *snapshot;

  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), FALSE);

  snapshot = build_snapshot (self->root, self->validator, cancellable, error);
  if (snapshot == NULL)
    return FALSE;
  lekh_site_index_take_snapshot (self, snapshot);
  return TRUE;
}

gboolean
lekh_site_index_is_ready (LekhSiteIndex *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), FALSE);
  return self->snapshot != NULL;
}

guint
lekh_site_index_get_n_articles (LekhSiteIndex *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), 0);
  return self->snapshot ? g_hash_table_size (self->snapshot->records) : 0;
}

void
lekh_site_index_update_file (LekhSiteIndex *self,
                             GFile         *file)
{
  g_autofree char *path = NULL;
  Record *record = NULL;

  g_return_if_fail (LEKH_IS_SITE_INDEX (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->snapshot == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!g_file_has_prefix (file, self->root))
    return;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    record = read_record (path, -1, NULL, self->validator);
  snapshot_put (self->snapshot, path, record);
  g_signal_emit (self, signals[FILE_CHANGED], 0, file);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void monitor_folder (LekhSiteIndex *self, const char *path);

static void
monitor_changed_cb (LekhSiteIndex     *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *path = g_file_get_path (file);

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      if (is_article_name (name))
        lekh_site_index_update_file (self, file);
      break;

    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      if (is_article_name (name))
        lekh_site_index_update_file (self, file);
      else if (path != NULL && !skip_folder (name) && g_file_test (path, G_FILE_TEST_IS_DIR) &&
               !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          /* A new folder: watch it and read what it holds already. */
          g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);

          walk (path, paths, folders, NULL);
          for (guint i = 0; i < folders->len; i++)
            monitor_folder (self, g_ptr_array_index (folders, i));
          for (guint i = 0; i < paths->len; i++)
            {
              g_autoptr(GFile) f = g_file_new_for_path (g_ptr_array_index (paths, i));
              lekh_site_index_update_file (self, f);
            }
        }
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      if (is_article_name (name))
        lekh_site_index_update_file (self, file);
      if (other != NULL)
        {
          g_autofree char *other_name = g_file_get_basename (other);
          if (is_article_name (other_name))
            lekh_site_index_update_file (self, other);
        }
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
monitor_folder (LekhSiteIndex *self,
                const char    *path)
{
  g_autoptr(GFile) dir = NULL;
  GFileMonitor *monitor;

  if (g_hash_table_contains (self->monitored, path))
    return;
  dir = g_file_new_for_path (path);
  monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;
  g_signal_connect_object (monitor, "changed", G_CALLBACK (monitor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->monitors, monitor);
  g_hash_table_add (self->monitored, g_strdup (path));
}

void
lekh_site_index_watch (LekhSiteIndex *self)
{
  g_autofree char *root_path = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (LEKH_IS_SITE_INDEX (self));

  /* the folders of the last build, as it walked them; else walked now */
  if (self->snapshot != NULL && self->snapshot->folders != NULL)
    {
      for (guint i = 0; i < self->snapshot->folders->len; i++)
        monitor_folder (self, g_ptr_array_index (self->snapshot->folders, i));
      return;
    }
  if ((root_path = g_file_get_path (self->root)) == NULL)
    return;
  walk (root_path, paths, folders, NULL);
  for (guint i = 0; i < folders->len; i++)
    monitor_folder (self, g_ptr_array_index (folders, i));
}

guint
lekh_site_index_get_count (LekhSiteIndex *self,
                           LekhSiteField  field,
                           const char    *value)
{
  g_autofree char *folded = NULL;
  Tally *tally;

  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), 0);
  g_return_val_if_fail (field < LEKH_SITE_N_FIELDS, 0);
  g_return_val_if_fail (value != NULL, 0);

  if (self->snapshot == NULL)
    return 0;
  folded = lekh_site_fold (value);
  /* The tallies are keyed by interned strings: a value never interned has none. */
  tally = g_hash_table_lookup (self->snapshot->tallies[field], pool_intern (folded, FALSE));
  return tally ? tally->count : 0;
}

static const char *
tally_canonical (Tally *tally)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_count = 0;

  g_hash_table_iter_init (&iter, tally->spellings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);

      if (n > best_count || (n == best_count && g_strcmp0 (key, best) < 0))
        {
          best = key;
          best_count = n;
        }
    }
  return best;
}

typedef struct
{
  LekhSiteSuggestion *suggestion;
  guint               rank;    /* 0: the whole value starts with the prefix; 1: a word does */
} Ranked;

static int
ranked_compare (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->suggestion->count != y->suggestion->count)
    return x->suggestion->count > y->suggestion->count ? -1 : 1;
  return g_utf8_collate (x->suggestion->value, y->suggestion->value);
}

static gboolean
word_has_prefix (const char *folded,
                 const char *prefix)
{
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == ' ' || c == '-' || c == '_' || c == '/' || c == '.') &&
          g_str_has_prefix (g_utf8_next_char (p), prefix))
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
lekh_site_index_suggest (LekhSiteIndex      *self,
                         LekhSiteField       field,
                         const char         *prefix,
                         const char * const *exclude,
                         guint               max)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GHashTable) excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded_prefix = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) lekh_site_suggestion_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), result);
  g_return_val_if_fail (field < LEKH_SITE_N_FIELDS, result);

  if (self->snapshot == NULL)
    return result;

  folded_prefix = lekh_site_fold (prefix ? prefix : "");
  for (guint i = 0; exclude && exclude[i]; i++)
    g_hash_table_add (excluded, lekh_site_fold (exclude[i]));

  g_hash_table_iter_init (&iter, self->snapshot->tallies[field]);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Tally *tally = value;
      Ranked r;

      if (g_hash_table_contains (excluded, key))
        continue;
      if (g_str_has_prefix (key, folded_prefix))
        r.rank = 0;
      else if (word_has_prefix (key, folded_prefix))
        r.rank = 1;
      else
        continue;
      r.suggestion = g_new0 (LekhSiteSuggestion, 1);
      r.suggestion->value = g_strdup (tally_canonical (tally));
      r.suggestion->count = tally->count;
      g_array_append_val (ranked, r);
    }

  g_array_sort (ranked, ranked_compare);
  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);

      if (max == 0 || result->len < max)
        g_ptr_array_add (result, r->suggestion);
      else
        lekh_site_suggestion_free (r->suggestion);
    }
  return result;
}

static GPtrArray *
find_records (LekhSiteIndex *self,
              const char    *value,
              gboolean       slug,
              GFile         *except)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *except_path = except ? g_file_get_path (except) : NULL;
  g_autofree char *folded = NULL;
  GHashTableIter iter;
  gpointer key, data;

  if (self->snapshot == NULL || value == NULL || *value == '\0')
    return paths;

  folded = lekh_site_fold (value);
  g_hash_table_iter_init (&iter, self->snapshot->records);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      Record *record = data;
      const char *other = slug ? record->slug : record->title;
      g_autofree char *other_folded = NULL;

      if (other == NULL || g_strcmp0 (key, except_path) == 0)
        continue;
      other_folded = lekh_site_fold (other);
      if (strcmp (other_folded, folded) == 0)
        g_ptr_array_add (paths, g_strdup (key));
    }
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  return paths;
}

GPtrArray *
lekh_site_index_find_title (LekhSiteIndex *self,
                            const char    *title,
                            GFile         *except)
{
  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), NULL);
  return find_records (self, title, FALSE, except);
}

GPtrArray *
lekh_site_index_find_slug (LekhSiteIndex *self,
                           const char    *slug,
                           GFile         *except)
{
  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), NULL);
  return find_records (self, slug, TRUE, except);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
lekh_site_index_dup_paths (LekhSiteIndex *self)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), paths);

  if (self->snapshot == NULL)
    return paths;
  g_hash_table_iter_init (&iter, self->snapshot->records);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, g_strdup (key));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  return strcmp (lekh_article_info_get_path (*(LekhArticleInfo * const *) a),
                 lekh_article_info_get_path (*(LekhArticleInfo * const *) b));
}

GPtrArray *
lekh_site_index_dup_infos (LekhSiteIndex *self)
{
  GPtrArray *infos = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer data;

  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), infos);

  if (self->snapshot == NULL)
    return infos;
  g_hash_table_iter_init (&iter, self->snapshot->records);
  while (g_hash_table_iter_next (&iter, NULL, &data))
    {
      Record *record = data;

      if (record->info != NULL)
        g_ptr_array_add (infos, g_object_ref (record->info));
    }
  g_ptr_array_sort (infos, compare_infos);
  return infos;
}

gboolean
lekh_site_index_has_infos (LekhSiteIndex *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), FALSE);
  return self->snapshot != NULL && self->snapshot->with_infos;
}

LekhArticleInfo *
lekh_site_index_get_info (LekhSiteIndex *self,
                          const char    *path)
{
  Record *record;

  g_return_val_if_fail (LEKH_IS_SITE_INDEX (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (self->snapshot == NULL ||
      (record = g_hash_table_lookup (self->snapshot->records, path)) == NULL)
    return NULL;
  return record->info;
}
