/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lekh-article.h"
#include "lekh-site-index.h"

/* What one article contributes to the index. */
typedef struct
{
  char  *title;
  char  *slug;
  GStrv  values[LEKH_SITE_N_FIELDS];
} Record;

/* One value of a field across the site: how many articles use it, in which spellings. */
typedef struct
{
  guint       count;
  GHashTable *spellings;   /* spelling -> GUINT_TO_POINTER (articles) */
} Tally;

typedef struct
{
  GHashTable *records;                        /* path -> Record* */
  GHashTable *tallies[LEKH_SITE_N_FIELDS];    /* folded value -> Tally* */
} Snapshot;

struct _LekhSiteIndex
{
  GObject    parent_instance;
  GFile     *root;
  Snapshot  *snapshot;
  GPtrArray *monitors;
  GHashTable*monitored;    /* folder path -> TRUE */
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
    g_strfreev (record->values[i]);
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
    snapshot->tallies[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, tally_free);
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
  g_free (snapshot);
}

char *
lekh_site_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup (folded);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Combining diacritical marks (é → e, ñ → n); script-specific signs stay. */
      if (c >= 0x0300 && c <= 0x036f)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Reading one article ------------------------------------------------------------- */

static void
add_value (GPtrArray  *values,
           GHashTable *seen,
           const char *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));
  char *folded;

  if (*trimmed == '\0')
    return;
  folded = lekh_site_fold (trimmed);
  if (!g_hash_table_add (seen, folded))
    return;
  g_ptr_array_add (values, g_steal_pointer (&trimmed));
}

/* A field's values: a list of strings, a list of {label|name|key} objects, or a string
 * (Jekyll's space-separated tags, comma-separated keywords). */
static GStrv
read_values (const LekhNode *node,
             LekhSiteField   field)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

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
  g_ptr_array_add (values, NULL);
  return (GStrv) g_ptr_array_steal (values, NULL);
}

static Record *
read_record (const char *path)
{
  char *text = NULL;
  gsize len;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LekhArticle) article = NULL;
  Record *record;
  static const char * const field_keys[LEKH_SITE_N_FIELDS][3] = {
    [LEKH_SITE_FIELD_TAGS] = { "tags", NULL },
    [LEKH_SITE_FIELD_KEYWORDS] = { "keywords", NULL },
    [LEKH_SITE_FIELD_AUTHORS] = { "authors", "author", NULL },
    [LEKH_SITE_FIELD_CATEGORIES] = { "categories", "category", NULL },
  };

  if (!g_file_get_contents (path, &text, &len, NULL))
    return NULL;
  bytes = g_bytes_new_take (text, len);
  article = lekh_article_new_from_bytes (bytes);

  record = g_new0 (Record, 1);
  if (lekh_article_get_root (article) == NULL)
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
          const char *value = record->values[f][i];
          g_autofree char *folded = lekh_site_fold (value);
          Tally *tally = g_hash_table_lookup (snapshot->tallies[f], folded);
          guint spelled;

          if (tally == NULL)
            {
              if (delta < 0)
                continue;
              tally = g_new0 (Tally, 1);
              tally->spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (snapshot->tallies[f], g_strdup (folded), tally);
            }
          tally->count += delta;
          spelled = GPOINTER_TO_UINT (g_hash_table_lookup (tally->spellings, value)) + delta;
          if (spelled == 0)
            g_hash_table_remove (tally->spellings, value);
          else
            g_hash_table_insert (tally->spellings, g_strdup (value), GUINT_TO_POINTER (spelled));
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

static void
walk (const char   *dir,
      GPtrArray    *paths,
      GPtrArray    *folders,
      GCancellable *cancellable)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL || g_cancellable_is_cancelled (cancellable))
    return;
  if (folders != NULL)
    g_ptr_array_add (folders, g_strdup (dir));

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* Symbolic links are not followed: no loops, no files counted twice. */
      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (is_article_name (name))
        {
          if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (paths, g_steal_pointer (&path));
        }
      else if (!skip_folder (name) && g_file_test (path, G_FILE_TEST_IS_DIR))
        walk (path, paths, folders, cancellable);
    }
}

static Snapshot *
build_snapshot (GFile         *root,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *root_path = g_file_get_path (root);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  Snapshot *snapshot;

  if (root_path == NULL || !g_file_test (root_path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("The site folder “%s” cannot be read"), root_path ? root_path : "?");
      return NULL;
    }

  walk (root_path, paths, NULL, cancellable);
  snapshot = snapshot_new ();
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      Record *record;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          snapshot_free (snapshot);
          return NULL;
        }
      if ((record = read_record (path)) != NULL)
        snapshot_put (snapshot, path, record);
    }
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

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  Snapshot *snapshot = build_snapshot (task_data, cancellable, &error);

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

  g_return_if_fail (LEKH_IS_SITE_INDEX (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lekh_site_index_build_async);
  g_task_set_task_data (task, g_object_ref (self->root), g_object_unref);
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

  snapshot = build_snapshot (self->root, cancellable, error);
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
    record = read_record (path);
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
  tally = g_hash_table_lookup (self->snapshot->tallies[field], folded);
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
