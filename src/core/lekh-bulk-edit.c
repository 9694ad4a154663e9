/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lekh-bulk-edit.h"
#include "lekh-diff.h"
#include "lekh-edit.h"
#include "lekh-file.h"
#include "lekh-site.h"

typedef struct
{
  char              *path;
  GBytes            *before;
  GBytes            *after;
  LekhFileStamp      read_stamp;     /* the file as it was read for the plan */
  LekhFileStamp      written_stamp;  /* the file as Lekh wrote it */
  LekhBulkFileState  state;
  char              *error;
} BulkFile;

typedef struct
{
  char *path;
  char *reason;
} Skipped;

struct _LekhBulkEdit
{
  GArray *files;     /* BulkFile */
  GArray *skipped;   /* Skipped */
};

static void
bulk_file_clear (gpointer data)
{
  BulkFile *file = data;

  g_free (file->path);
  g_clear_pointer (&file->before, g_bytes_unref);
  g_clear_pointer (&file->after, g_bytes_unref);
  g_free (file->error);
}

static void
skipped_clear (gpointer data)
{
  Skipped *skipped = data;

  g_free (skipped->path);
  g_free (skipped->reason);
}

void
lekh_bulk_edit_free (LekhBulkEdit *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->files);
  g_array_unref (self->skipped);
  g_free (self);
}

/* Makes one file's edit, or NULL and why (LEKH_ERROR_NOT_FOUND: the file does not need
 * it, and is left out without a word). */
typedef LekhEdit *(*EditFunc) (LekhArticle *article,
                               gpointer     data,
                               GError     **error);

static LekhBulkEdit *
plan (GPtrArray    *paths,
      EditFunc      func,
      gpointer      data,
      GCancellable *cancellable)
{
  LekhBulkEdit *self;

  self = g_new0 (LekhBulkEdit, 1);
  self->files = g_array_new (FALSE, TRUE, sizeof (BulkFile));
  g_array_set_clear_func (self->files, bulk_file_clear);
  self->skipped = g_array_new (FALSE, TRUE, sizeof (Skipped));
  g_array_set_clear_func (self->skipped, skipped_clear);

  for (guint i = 0; i < paths->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(LekhArticle) article = NULL;
      g_autoptr(LekhEdit) edit = NULL;
      BulkFile file = { 0 };

      bytes = lekh_file_read (path, &file.read_stamp, &error);
      if (bytes != NULL)
        {
          article = lekh_article_new_from_bytes (bytes);
          if (lekh_article_check_editable (article, &error))
            edit = func (article, data, &error);
        }
      if (edit == NULL)
        {
          Skipped skipped;

          if (g_error_matches (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND))
            continue;
          skipped.path = g_strdup (path);
          skipped.reason = g_strdup (error->message);
          g_array_append_val (self->skipped, skipped);
          continue;
        }
      file.path = g_strdup (path);
      file.before = g_bytes_ref (bytes);
      file.after = lekh_edit_apply (edit, article);
      file.state = LEKH_BULK_FILE_PLANNED;
      g_array_append_val (self->files, file);
    }
  return self;
}

typedef struct
{
  const char *key;
  const char *old_value;
  const char *new_value;
} Change;

static LekhEdit *
replace_func (LekhArticle *article,
              gpointer     data,
              GError     **error)
{
  Change *change = data;

  return lekh_article_edit_replace_value (article, change->key, change->old_value,
                                          change->new_value, error);
}

LekhBulkEdit *
lekh_bulk_edit_plan_replace (GPtrArray    *paths,
                             const char   *key,
                             const char   *old_value,
                             const char   *new_value,
                             GCancellable *cancellable)
{
  Change change = { key, old_value, new_value };

  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (key != NULL && old_value != NULL && new_value != NULL, NULL);

  return plan (paths, replace_func, &change, cancellable);
}

static int
compare_path_pointers (gconstpointer a,
                       gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* In an authors.yml's TEXT, the key OLD renamed NEW: the file read as the front matter of
 * an article (between fences added around it), renamed by the core's verified edit, the
 * fences taken off again. NULL with LEKH_ERROR_NOT_FOUND when the file has no OLD or has
 * NEW already (that entry stays as it is). */
GBytes *
lekh_bulk_edit_rename_data_key (GBytes      *text,
                 const char  *old_key,
                 const char  *new_key,
                 GError     **error)
{
  static const char fence[] = "---\n";
  gsize len, fence_len = strlen (fence);
  const char *data;
  g_autoptr(GString) wrapped = g_string_new (fence);
  g_autoptr(LekhArticle) article = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL && old_key != NULL && new_key != NULL, NULL);

  data = g_bytes_get_data (text, &len);
  g_string_append_len (wrapped, data, len);
  if (len > 0 && data[len - 1] != '\n')
    g_string_append_c (wrapped, '\n');
  g_string_append (wrapped, fence);
  article = lekh_article_new (wrapped->str, wrapped->len);
  if (lekh_article_get_error (article) != NULL)
    {
      g_set_error_literal (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                           lekh_article_get_error (article)->message);
      return NULL;
    }
  if (lekh_article_get_value (article, old_key) == NULL ||
      lekh_article_get_value (article, new_key) != NULL)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND, "nothing to rename");
      return NULL;
    }
  edit = lekh_article_edit_rename_key (article, old_key, new_key, error);
  if (edit == NULL)
    return NULL;
  if (edit->start < fence_len || edit->end > fence_len + len)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                   _("The entry of “%s” cannot be renamed here; edit it in the source"), old_key);
      return NULL;
    }
  out = g_string_new_len (data, edit->start - fence_len);
  g_string_append (out, edit->text);
  g_string_append_len (out, data + edit->end - fence_len, len - (edit->end - fence_len));
  return g_string_free_to_bytes (out);
}

char *
lekh_bulk_edit_dup_authors_file (const char *article_path)
{
  LekhSite *site;
  const LekhSiteData *authors;
  char *path = NULL;

  g_return_val_if_fail (article_path != NULL, NULL);

  if ((site = lekh_site_detect (article_path)) == NULL)
    return NULL;
  authors = lekh_site_get_authors (site, article_path);
  if (authors != NULL && lekh_site_data_get_path (authors) != NULL)
    path = g_strdup (lekh_site_data_get_path (authors));
  lekh_site_unref (site);
  return path;
}

LekhBulkEdit *
lekh_bulk_edit_plan_rename_author (GPtrArray    *paths,
                                   const char   *key,
                                   const char   *old_value,
                                   const char   *new_value,
                                   GCancellable *cancellable)
{
  Change change = { key, old_value, new_value };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_free);
  LekhBulkEdit *self;
  guint n_articles;

  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (key != NULL && old_value != NULL && new_value != NULL, NULL);

  self = plan (paths, replace_func, &change, cancellable);
  n_articles = self->files->len;
  /* The authors.yml of each article changed: Docusaurus' nearest one walking up. */
  for (guint i = 0; i < n_articles; i++)
    {
      char *data_path = lekh_bulk_edit_dup_authors_file (g_array_index (self->files, BulkFile,
                                                                         i).path);

      if (data_path != NULL && !g_hash_table_contains (seen, data_path))
        {
          g_ptr_array_add (ordered, data_path);
          g_hash_table_add (seen, data_path);
        }
      else
        g_free (data_path);
    }
  g_ptr_array_sort (ordered, compare_path_pointers);
  for (guint i = 0; i < ordered->len; i++)
    {
      const char *path = g_ptr_array_index (ordered, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) renamed = NULL;
      BulkFile file = { 0 };

      bytes = lekh_file_read (path, &file.read_stamp, &error);
      if (bytes != NULL)
        renamed = lekh_bulk_edit_rename_data_key (bytes, old_value, new_value, &error);
      if (renamed == NULL)
        {
          Skipped skipped;

          if (g_error_matches (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND))
            continue;
          skipped.path = g_strdup (path);
          skipped.reason = g_strdup (error->message);
          g_array_append_val (self->skipped, skipped);
          continue;
        }
      file.path = g_strdup (path);
      file.before = g_bytes_ref (bytes);
      file.after = g_steal_pointer (&renamed);
      file.state = LEKH_BULK_FILE_PLANNED;
      g_array_append_val (self->files, file);
    }
  return self;
}

/* KEY's list items (NULL for an item that is not text, such as a Docusaurus tag object),
 * or NULL and why when its value is not a list (a missing or empty value is an empty
 * list). */
static GPtrArray *
list_items (LekhArticle *article,
            const char  *key,
            GError     **error)
{
  const LekhNode *node = lekh_node_resolve (lekh_article_get_value (article, key));
  GPtrArray *items = g_ptr_array_new ();

  if (node == NULL ||
      (node->kind == LEKH_NODE_SCALAR && lekh_node_get_value_type (node) == LEKH_VALUE_NULL))
    return items;
  if (node->kind != LEKH_NODE_SEQUENCE)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                   _("“%s” is not a list; edit it in the source"), key);
      g_ptr_array_unref (items);
      return NULL;
    }
  for (guint i = 0; i < lekh_node_get_n_items (node); i++)
    {
      const LekhNode *item = lekh_node_resolve (lekh_node_get_item (node, i));

      if (item == NULL || item->kind != LEKH_NODE_SCALAR ||
          lekh_node_get_value_type (item) == LEKH_VALUE_NULL)
        g_ptr_array_add (items, NULL);
      else
        g_ptr_array_add (items, (gpointer) lekh_node_get_string (item));
    }
  return items;
}

/* The place of VALUE among ITEMS, or -1. */
static int
find_item (GPtrArray  *items,
           const char *value)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (g_ptr_array_index (items, i), value) == 0)
      return (int) i;
  return -1;
}

static LekhEdit *
add_func (LekhArticle *article,
          gpointer     data,
          GError     **error)
{
  Change *change = data;
  g_autoptr(GPtrArray) items = list_items (article, change->key, error);

  if (items == NULL)
    return NULL;
  if (find_item (items, change->new_value) >= 0)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND, "already there");
      return NULL;
    }
  /* One item added after the others: their bytes, comments and objects stay. */
  return lekh_article_edit_list_append (article, change->key, change->new_value, error);
}

static LekhEdit *
remove_func (LekhArticle *article,
             gpointer     data,
             GError     **error)
{
  Change *change = data;
  g_autoptr(GPtrArray) items = list_items (article, change->key, error);
  int index;

  if (items == NULL)
    return NULL;
  index = find_item (items, change->old_value);
  if (index < 0)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND, "not there");
      return NULL;
    }
  /* Only the item's own bytes go (a block item with its line); the last one leaves an
   * empty list. */
  return lekh_article_edit_list_remove (article, change->key, (guint) index, error);
}

LekhBulkEdit *
lekh_bulk_edit_plan_add (GPtrArray    *paths,
                         const char   *key,
                         const char   *value,
                         GCancellable *cancellable)
{
  Change change = { key, NULL, value };

  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (key != NULL && value != NULL && *value != '\0', NULL);

  return plan (paths, add_func, &change, cancellable);
}

LekhBulkEdit *
lekh_bulk_edit_plan_remove (GPtrArray    *paths,
                            const char   *key,
                            const char   *value,
                            GCancellable *cancellable)
{
  Change change = { key, value, NULL };

  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (key != NULL && value != NULL, NULL);

  return plan (paths, remove_func, &change, cancellable);
}

static BulkFile *
get_file (LekhBulkEdit *self,
          guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->files->len, NULL);
  return &g_array_index (self->files, BulkFile, index);
}

guint
lekh_bulk_edit_get_n_files (LekhBulkEdit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->files->len;
}

const char *
lekh_bulk_edit_get_path (LekhBulkEdit *self,
                         guint         index)
{
  BulkFile *file = get_file (self, index);
  return file ? file->path : NULL;
}

char *
lekh_bulk_edit_dup_diff (LekhBulkEdit *self,
                         guint         index,
                         const char   *root)
{
  BulkFile *file = get_file (self, index);
  const char *label;
  gsize old_len, new_len, root_len;
  const char *old_text, *new_text;

  if (file == NULL)
    return NULL;
  label = file->path;
  root_len = root ? strlen (root) : 0;
  if (root_len > 0 && strncmp (label, root, root_len) == 0 && label[root_len] == G_DIR_SEPARATOR)
    label += root_len + 1;
  old_text = g_bytes_get_data (file->before, &old_len);
  new_text = g_bytes_get_data (file->after, &new_len);
  return lekh_diff_unified (label, old_text, old_len, new_text, new_len);
}

LekhBulkFileState
lekh_bulk_edit_get_state (LekhBulkEdit *self,
                          guint         index)
{
  BulkFile *file = get_file (self, index);
  return file ? file->state : LEKH_BULK_FILE_FAILED;
}

const char *
lekh_bulk_edit_get_error (LekhBulkEdit *self,
                          guint         index)
{
  BulkFile *file = get_file (self, index);
  return file ? file->error : NULL;
}

guint
lekh_bulk_edit_get_n_skipped (LekhBulkEdit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->skipped->len;
}

const char *
lekh_bulk_edit_get_skipped (LekhBulkEdit  *self,
                            guint          index,
                            const char   **reason)
{
  Skipped *skipped;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->skipped->len, NULL);

  skipped = &g_array_index (self->skipped, Skipped, index);
  if (reason != NULL)
    *reason = skipped->reason;
  return skipped->path;
}

/* Writes DATA over FILE's path if it is still what EXPECTED says; notes the new stamp. */
static gboolean
write_file (BulkFile            *file,
            GBytes              *data,
            const LekhFileStamp *expected)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *bytes = g_bytes_get_data (data, &len);

  if (!lekh_file_write_atomic_checked (file->path, bytes, len, expected, &error))
    {
      g_free (file->error);
      file->error = g_strdup (error->message);
      return FALSE;
    }
  lekh_file_get_stamp (file->path, &file->written_stamp);
  return TRUE;
}

guint
lekh_bulk_edit_apply (LekhBulkEdit *self)
{
  guint written = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->files->len; i++)
    {
      BulkFile *file = &g_array_index (self->files, BulkFile, i);

      if (file->state != LEKH_BULK_FILE_PLANNED)
        continue;
      if (write_file (file, file->after, &file->read_stamp))
        {
          file->state = LEKH_BULK_FILE_APPLIED;
          written++;
        }
      else
        file->state = LEKH_BULK_FILE_FAILED;
    }
  return written;
}

guint
lekh_bulk_edit_undo (LekhBulkEdit *self)
{
  guint restored = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->files->len; i++)
    {
      BulkFile *file = &g_array_index (self->files, BulkFile, i);
      LekhFileStamp written = file->written_stamp;
      LekhFileStamp now;
      g_autoptr(GBytes) current = NULL;

      if (file->state != LEKH_BULK_FILE_APPLIED)
        continue;
      /* Written again since, yet holding exactly what this edit wrote (a later edit of the
       * journal undone first): still this edit's to undo. */
      lekh_file_get_stamp (file->path, &now);
      if (!lekh_file_stamp_equal (&now, &written) &&
          (current = lekh_file_read (file->path, &now, NULL)) != NULL &&
          g_bytes_equal (current, file->after))
        written = now;
      if (write_file (file, file->before, &written))
        {
          file->state = LEKH_BULK_FILE_UNDONE;
          restored++;
        }
      else
        file->state = LEKH_BULK_FILE_FAILED;
    }
  return restored;
}
