/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-article-model.h"

#define N_ORDERED 6

struct _LekhArticleModel
{
  GObject            parent_instance;
  LekhSiteIndex     *index;
  GPtrArray         *items;                   /* LekhArticleInfo, sorted by path */
  GPtrArray         *by_column[N_ORDERED];    /* the same, sorted by each other column */
  LekhArticleColumn  sort_column;
  gboolean           descending;
  /* The rows the query lets through, in the order shown: the list's items. */
  GPtrArray         *shown;
  LekhArticleQuery  *query;                   /* NULL: every row */
  gboolean           more_than_text;          /* the query filters on more than its text */
  /* Text search: every row's folded text one after another (the items' order), searched
   * in one pass when the text changes; rebuilt then if rows changed since. */
  GString           *haystack;
  GArray            *starts;                  /* guint: where each item's text starts */
  char              *text;                    /* the folded text searched for, or NULL */
  GHashTable        *text_matches;            /* LekhArticleInfo* whose text has it */
};

static GPtrArray *shown_array (LekhArticleModel *self);
static void       search_text (LekhArticleModel *self);

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LekhArticleModel, lekh_article_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return LEKH_TYPE_ARTICLE_INFO;
}

static guint
get_n_items (GListModel *model)
{
  return LEKH_ARTICLE_MODEL (model)->shown->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LekhArticleModel *self = LEKH_ARTICLE_MODEL (model);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* The position of PATH, or where it would go (FOUND tells). */
static guint
search (LekhArticleModel *self,
        const char       *path,
        gboolean         *found)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = strcmp (lekh_article_info_get_path (g_ptr_array_index (self->items, mid)), path);

      if (cmp == 0)
        {
          *found = TRUE;
          return mid;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = FALSE;
  return lo;
}


/* Every column but the path (the items' own order) has an array of the rows in its order,
 * kept as files change, and a number per row, its place in that order (the path's is the
 * tie-break of every column): sorting the view is choosing an array, and a comparison
 * compares two numbers. */
static const LekhArticleColumn ordered_columns[N_ORDERED] = {
  LEKH_ARTICLE_COLUMN_TITLE, LEKH_ARTICLE_COLUMN_DATE, LEKH_ARTICLE_COLUMN_DRAFT,
  LEKH_ARTICLE_COLUMN_TAGS, LEKH_ARTICLE_COLUMN_AUTHORS, LEKH_ARTICLE_COLUMN_PROBLEMS,
};

static GPtrArray *
shown_array (LekhArticleModel *self)
{
  for (guint c = 0; c < N_ORDERED; c++)
    if (ordered_columns[c] == self->sort_column)
      return self->by_column[c];
  return self->items;
}

/* Orders are spaced this far apart, so that inserting rarely renumbers. */
#define ORDER_STEP (G_GUINT64_CONSTANT (1) << 24)

static void
renumber (GPtrArray         *sorted,
          LekhArticleColumn  column)
{
  for (guint i = 0; i < sorted->len; i++)
    lekh_article_info_set_order (g_ptr_array_index (sorted, i), column, (i + 1) * ORDER_STEP);
}

/* Gives the item at POSITION of SORTED an order between its neighbours' (renumbering all
 * when there is no room left). */
static void
place (GPtrArray         *sorted,
       LekhArticleColumn  column,
       guint              position)
{
  guint64 before = position > 0
                   ? lekh_article_info_get_order (g_ptr_array_index (sorted, position - 1), column)
                   : 0;
  guint64 after = position + 1 < sorted->len
                  ? lekh_article_info_get_order (g_ptr_array_index (sorted, position + 1), column)
                  : before + 2 * ORDER_STEP;

  if (after > before && after - before >= 2)
    lekh_article_info_set_order (g_ptr_array_index (sorted, position), column,
                                 before + (after - before) / 2);
  else
    renumber (sorted, column);
}

/* Where INFO is, or would go, in SORTED (by COLUMN). */
static guint
search_column (GPtrArray         *sorted,
               LekhArticleColumn  column,
               LekhArticleInfo   *info,
               gboolean          *found)
{
  guint lo = 0, hi = sorted->len;

  *found = FALSE;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = lekh_article_info_compare (g_ptr_array_index (sorted, mid), info, column);

      if (cmp == 0)
        {
          *found = g_ptr_array_index (sorted, mid) == info;
          return mid;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
unorder (LekhArticleModel *self,
         LekhArticleInfo  *info)
{
  for (guint c = 0; c < N_ORDERED; c++)
    {
      gboolean found;
      guint position = search_column (self->by_column[c], ordered_columns[c], info, &found);

      if (found)
        g_ptr_array_remove_index (self->by_column[c], position);
    }
}

/* INFO's path order must be set already (the tie-break). */
static void
order (LekhArticleModel *self,
       LekhArticleInfo  *info)
{
  for (guint c = 0; c < N_ORDERED; c++)
    {
      gboolean found;
      guint position;

      lekh_article_info_set_order (info, ordered_columns[c], 0);
      position = search_column (self->by_column[c], ordered_columns[c], info, &found);
      g_ptr_array_insert (self->by_column[c], position, info);
      place (self->by_column[c], ordered_columns[c], position);
    }
}

/* Rows change: the haystack is made again at the next search; OLD leaves the matches, NEW
 * joins them if its text has the one searched for. */
static void
forget_text (LekhArticleModel *self,
             LekhArticleInfo  *old,
             LekhArticleInfo  *new)
{
  if (self->haystack != NULL)
    {
      g_string_free (self->haystack, TRUE);
      self->haystack = NULL;
    }
  if (old != NULL)
    g_hash_table_remove (self->text_matches, old);
  if (new != NULL && self->text != NULL &&
      strstr (lekh_article_info_get_query_text (new), self->text) != NULL)
    g_hash_table_add (self->text_matches, new);
}

/* Whether INFO passes the query (whose text was searched for already). */
static gboolean
passes (LekhArticleModel *self,
        LekhArticleInfo  *info)
{
  if (self->query == NULL)
    return TRUE;
  if (self->text != NULL && !g_hash_table_contains (self->text_matches, info))
    return FALSE;
  return !self->more_than_text || lekh_article_info_matches_but_text (info, self->query);
}

/* The rows that pass, in the order shown. */
static GPtrArray *
make_shown (LekhArticleModel *self)
{
  GPtrArray *order = shown_array (self);
  guint n = self->items->len;
  GPtrArray *shown = g_ptr_array_sized_new (self->query == NULL ? n : n / 8);

  for (guint i = 0; i < n; i++)
    {
      LekhArticleInfo *info = g_ptr_array_index (order, self->descending ? n - 1 - i : i);

      if (passes (self, info))
        g_ptr_array_add (shown, info);
    }
  return shown;
}

/* Where INFO is shown, or -1. */
static gint
find_shown (LekhArticleModel *self,
            LekhArticleInfo  *info)
{
  guint lo = 0, hi = self->shown->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      LekhArticleInfo *row = g_ptr_array_index (self->shown, mid);
      int cmp = lekh_article_info_compare (row, info, self->sort_column);

      if (self->descending)
        cmp = -cmp;
      if (cmp == 0)
        return row == info ? (gint) mid : -1;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

/* How many rows OLD and NEW begin with (*PREFIX) and end with (*SUFFIX) alike. */
static void
common_ends (GPtrArray *old,
             GPtrArray *new,
             guint     *prefix,
             guint     *suffix)
{
  guint shorter = MIN (old->len, new->len), p = 0, s = 0;

  while (p < shorter && old->pdata[p] == new->pdata[p])
    p++;
  while (s < shorter - p && old->pdata[old->len - 1 - s] == new->pdata[new->len - 1 - s])
    s++;
  *prefix = p;
  *suffix = s;
}

/* The rows shown become SHOWN (taken), in one change over the rows that differ. */
static void
show (LekhArticleModel *self,
      GPtrArray        *shown)
{
  GPtrArray *old = self->shown;
  guint p, s;

  common_ends (old, shown, &p, &s);
  self->shown = shown;
  if (old->len - p - s > 0 || shown->len - p - s > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), p, old->len - p - s, shown->len - p - s);
  g_ptr_array_unref (old);
}

/* A copy of ROWS without its row at SKIP (G_MAXUINT: none) */
static GPtrArray *
copy_without (GPtrArray *rows,
              guint      skip)
{
  GPtrArray *copy = g_ptr_array_sized_new (rows->len);

  for (guint i = 0; i < rows->len; i++)
    if (i != skip)
      g_ptr_array_add (copy, rows->pdata[i]);
  return copy;
}

/* The same for a new query, in changes a list view follows cheaply: the first row that goes
 * gives way to the new rows, then the other rows that go leave. A view keeps widgets for
 * the rows around the one it starts from (the first shown, at the top), and gives up those
 * of the rows removed: in one change, every row shown would go with its widgets (GTK 4.8
 * makes new ones, and looks through all the new rows for the one the view started from);
 * here the widgets of the rows after the first that goes are pushed out of reach by the
 * new rows, and given to them. When that first row is among the new rows too, it comes
 * back last, on its own: were it in the first change, the view would follow it and start
 * from it, down the list. */
static void
show_in_steps (LekhArticleModel *self,
               GPtrArray        *shown)
{
  GPtrArray *old = self->shown, *first, *second;
  guint p, s, removed, added, back = G_MAXUINT;

  common_ends (old, shown, &p, &s);
  removed = old->len - p - s;
  added = shown->len - p - s;
  for (guint i = p; i < p + added && removed > 0; i++)
    if (shown->pdata[i] == old->pdata[p])
      back = i;
  if (removed < 2 || added == 0 || (back != G_MAXUINT && added == 1))
    {
      show (self, shown);
      return;
    }
  /* The new rows up to the end of those added (but the one coming back), then the old
   * rows after the first that goes. */
  first = copy_without (shown, back);
  g_ptr_array_set_size (first, p + added - (back != G_MAXUINT));
  for (guint i = p + 1; i < old->len; i++)
    g_ptr_array_add (first, old->pdata[i]);
  second = copy_without (shown, back);
  self->shown = first;
  g_list_model_items_changed (G_LIST_MODEL (self), p, 1, first->len + 1 - old->len);
  self->shown = second;
  g_list_model_items_changed (G_LIST_MODEL (self), p + added - (back != G_MAXUINT), removed - 1, 0);
  self->shown = shown;
  if (back != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), back, 0, 1);
  g_ptr_array_unref (first);
  g_ptr_array_unref (second);
  g_ptr_array_unref (old);
}

/* The index's row for PATH replaces the model's (or is added, or the model's removed). */
static void
update_path (LekhArticleModel *self,
             const char       *path)
{
  LekhArticleInfo *info;
  gboolean found;
  guint position;

  info = lekh_site_index_get_info (self->index, path);
  position = search (self, path, &found);
  if (found && info == self->items->pdata[position])
    return;
  forget_text (self, found ? self->items->pdata[position] : NULL, info);
  if (found)
    unorder (self, self->items->pdata[position]);
  if (found && info != NULL)
    {
      /* Kept alive until the rows shown no longer hold it. */
      g_autoptr(LekhArticleInfo) old = self->items->pdata[position];

      self->items->pdata[position] = g_object_ref (info);
      place (self->items, LEKH_ARTICLE_COLUMN_PATH, position);
      order (self, info);
      /* One change over the rows between the old place and the new. */
      show (self, make_shown (self));
    }
  else if (found)
    {
      g_autoptr(LekhArticleInfo) old = g_ptr_array_steal_index (self->items, position);

      show (self, make_shown (self));
    }
  else if (info != NULL)
    {
      g_ptr_array_insert (self->items, position, g_object_ref (info));
      place (self->items, LEKH_ARTICLE_COLUMN_PATH, position);
      order (self, info);
      show (self, make_shown (self));
    }
}

/* The index read the file again (or forgot it). */
static void
file_changed_cb (LekhArticleModel *self,
                 GFile            *file,
                 LekhSiteIndex    *index)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    update_path (self, path);
}

/* Files the index read again (or added, or forgot) while the rows were being ordered: the
 * changes reported meanwhile went to the rows replaced since. */
static void
catch_up (LekhArticleModel *self)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  guint n_current = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      LekhArticleInfo *item = g_ptr_array_index (self->items, i);

      if (lekh_site_index_get_info (self->index, lekh_article_info_get_path (item)) != item)
        g_ptr_array_add (changed, g_strdup (lekh_article_info_get_path (item)));
    }
  if (lekh_site_index_has_infos (self->index))
    n_current = lekh_site_index_get_n_articles (self->index);
  if (n_current != self->items->len || changed->len > 0)
    {
      /* Added files too: every path the index has that the model lacks. */
      g_autoptr(GPtrArray) paths = lekh_site_index_dup_paths (self->index);

      for (guint i = 0; i < paths->len; i++)
        {
          gboolean found;

          search (self, g_ptr_array_index (paths, i), &found);
          if (!found)
            g_ptr_array_add (changed, g_strdup (g_ptr_array_index (paths, i)));
        }
    }
  for (guint i = 0; i < changed->len; i++)
    update_path (self, g_ptr_array_index (changed, i));
}

static void
lekh_article_model_dispose (GObject *object)
{
  LekhArticleModel *self = LEKH_ARTICLE_MODEL (object);

  if (self->index != NULL)
    g_signal_handlers_disconnect_by_data (self->index, self);
  g_clear_object (&self->index);

  G_OBJECT_CLASS (lekh_article_model_parent_class)->dispose (object);
}

static void
lekh_article_model_finalize (GObject *object)
{
  LekhArticleModel *self = LEKH_ARTICLE_MODEL (object);

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->query, lekh_article_query_free);
  if (self->haystack != NULL)
    g_string_free (self->haystack, TRUE);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->text_matches, g_hash_table_unref);
  for (guint c = 0; c < N_ORDERED; c++)
    g_clear_pointer (&self->by_column[c], g_ptr_array_unref);

  G_OBJECT_CLASS (lekh_article_model_parent_class)->finalize (object);
}

static void
lekh_article_model_class_init (LekhArticleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lekh_article_model_dispose;
  object_class->finalize = lekh_article_model_finalize;
}

static void
lekh_article_model_init (LekhArticleModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
  self->sort_column = LEKH_ARTICLE_COLUMN_PATH;
  self->text_matches = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint c = 0; c < N_ORDERED; c++)
    self->by_column[c] = g_ptr_array_new ();
}

LekhArticleModel *
lekh_article_model_new (LekhSiteIndex *index,
                        LekhValidator *validator)
{
  LekhArticleModel *self;

  g_return_val_if_fail (LEKH_IS_SITE_INDEX (index), NULL);
  g_return_val_if_fail (validator != NULL, NULL);

  self = g_object_new (LEKH_TYPE_ARTICLE_MODEL, NULL);
  self->index = g_object_ref (index);
  lekh_site_index_set_validator (index, validator);
  g_signal_connect_object (index, "file-changed", G_CALLBACK (file_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/* What a load hands over: the rows by path, and by each ordered column, and their texts. */
typedef struct
{
  GPtrArray *items;
  GPtrArray *by_column[N_ORDERED];
  GString   *haystack;
  GArray    *starts;
} Loaded;

static void
make_haystack (GPtrArray  *items,
               GString   **haystack,
               GArray    **starts)
{
  *haystack = g_string_sized_new (items->len * 128 + 1);
  *starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), items->len + 1);
  for (guint i = 0; i < items->len; i++)
    {
      g_array_append_val (*starts, (*haystack)->len);
      g_string_append (*haystack, lekh_article_info_get_query_text (g_ptr_array_index (items, i)));
    }
  g_array_append_val (*starts, (*haystack)->len);
}

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->items, g_ptr_array_unref);
  if (loaded->haystack != NULL)
    g_string_free (loaded->haystack, TRUE);
  g_clear_pointer (&loaded->starts, g_array_unref);
  for (guint c = 0; c < N_ORDERED; c++)
    g_clear_pointer (&loaded->by_column[c], g_ptr_array_unref);
  g_free (loaded);
}

static int
compare_column (gconstpointer a,
                gconstpointer b,
                gpointer      column)
{
  return lekh_article_info_compare (*(LekhArticleInfo * const *) a,
                                    *(LekhArticleInfo * const *) b, GPOINTER_TO_INT (column));
}

/* Sorts the rows by each ordered column once, in a worker thread. */
static void
order_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  GPtrArray *items = task_data;

  loaded->items = g_ptr_array_ref (items);
  for (guint i = 0; i < items->len; i++)
    for (guint c = 0; c < N_ORDERED; c++)
      lekh_article_info_set_order (g_ptr_array_index (items, i), ordered_columns[c], 0);
  renumber (items, LEKH_ARTICLE_COLUMN_PATH);
  for (guint c = 0; c < N_ORDERED; c++)
    {
      if (g_task_return_error_if_cancelled (task))
        {
          loaded_free (loaded);
          return;
        }
      loaded->by_column[c] = g_ptr_array_copy (items, NULL, NULL);
      /* The copy would take the free function; the rows' references are the items'. */
      g_ptr_array_set_free_func (loaded->by_column[c], NULL);
      g_ptr_array_sort_with_data (loaded->by_column[c], compare_column,
                                  GINT_TO_POINTER (ordered_columns[c]));
      renumber (loaded->by_column[c], ordered_columns[c]);
    }
  make_haystack (items, &loaded->haystack, &loaded->starts);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
order_in_thread (GTask     *task,
                 GPtrArray *items)
{
  g_task_set_task_data (task, items, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, order_thread);
}

static void
index_built_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!lekh_site_index_build_finish (LEKH_SITE_INDEX (object), result, &error))
    g_task_return_error (task, error);
  else
    order_in_thread (task, lekh_site_index_dup_infos (LEKH_SITE_INDEX (object)));
}

void
lekh_article_model_load_async (LekhArticleModel    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LEKH_IS_ARTICLE_MODEL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lekh_article_model_load_async);
  if (g_task_return_error_if_cancelled (task))
    return;
  /* The index makes every row while it reads the files: an index built before it had the
   * validator is built again. */
  if (!lekh_site_index_has_infos (self->index))
    {
      lekh_site_index_build_async (self->index, cancellable, index_built_cb,
                                   g_steal_pointer (&task));
      return;
    }
  order_in_thread (task, lekh_site_index_dup_infos (self->index));
}

gboolean
lekh_article_model_load_finish (LekhArticleModel  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  Loaded *loaded;

  g_return_val_if_fail (LEKH_IS_ARTICLE_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&loaded->items);
  for (guint c = 0; c < N_ORDERED; c++)
    {
      g_ptr_array_unref (self->by_column[c]);
      self->by_column[c] = g_steal_pointer (&loaded->by_column[c]);
    }
  if (self->haystack != NULL)
    g_string_free (self->haystack, TRUE);
  g_clear_pointer (&self->starts, g_array_unref);
  self->haystack = g_steal_pointer (&loaded->haystack);
  self->starts = g_steal_pointer (&loaded->starts);
  loaded_free (loaded);
  /* The rows shown still hold the old rows. */
  search_text (self);
  show (self, make_shown (self));
  catch_up (self);
  return TRUE;
}

gint
lekh_article_model_find (LekhArticleModel *self,
                         const char       *path)
{
  gboolean found;
  guint position;

  g_return_val_if_fail (LEKH_IS_ARTICLE_MODEL (self), -1);
  g_return_val_if_fail (path != NULL, -1);

  position = search (self, path, &found);
  return found ? find_shown (self, self->items->pdata[position]) : -1;
}

guint
lekh_article_model_get_n_articles (LekhArticleModel *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_MODEL (self), 0);
  return self->items->len;
}

void
lekh_article_model_set_sort (LekhArticleModel  *self,
                             LekhArticleColumn  column,
                             gboolean           descending)
{
  g_return_if_fail (LEKH_IS_ARTICLE_MODEL (self));
  g_return_if_fail (column < LEKH_ARTICLE_N_COLUMNS);

  if (self->sort_column == column && self->descending == !!descending)
    return;
  self->sort_column = column;
  self->descending = !!descending;
  show (self, make_shown (self));
}

LekhArticleColumn
lekh_article_model_get_sort_column (LekhArticleModel *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_MODEL (self), LEKH_ARTICLE_COLUMN_PATH);
  return self->sort_column;
}

gboolean
lekh_article_model_get_sort_descending (LekhArticleModel *self)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_MODEL (self), FALSE);
  return self->descending;
}

/* The item whose text holds OFFSET of the haystack. */
static guint
item_at (LekhArticleModel *self,
         guint             offset)
{
  guint lo = 0, hi = self->items->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->starts, guint, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Finds the rows whose text holds the text searched for. */
static void
search_text (LekhArticleModel *self)
{
  const char *p;

  g_hash_table_remove_all (self->text_matches);
  if (self->text == NULL || self->items->len == 0)
    return;
  if (self->haystack == NULL)
    {
      g_clear_pointer (&self->starts, g_array_unref);
      make_haystack (self->items, &self->haystack, &self->starts);
    }
  /* The texts never hold the control character that ends each key, nor does a folded
   * query: a hit lies within one item's text, and one hit per item is enough. */
  p = self->haystack->str;
  while ((p = strstr (p, self->text)) != NULL)
    {
      guint item = item_at (self, p - self->haystack->str);

      g_hash_table_add (self->text_matches, g_ptr_array_index (self->items, item));
      p = self->haystack->str + g_array_index (self->starts, guint, item + 1);
    }
}

void
lekh_article_model_set_query (LekhArticleModel       *self,
                              const LekhArticleQuery *query)
{
  const char *text;

  g_return_if_fail (LEKH_IS_ARTICLE_MODEL (self));

  g_clear_pointer (&self->query, lekh_article_query_free);
  if (query != NULL && !lekh_article_query_is_empty (query))
    self->query = lekh_article_query_copy (query);
  self->more_than_text = self->query != NULL && lekh_article_query_has_more_than_text (self->query);
  text = self->query ? lekh_article_query_get_text (self->query) : NULL;
  if (g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
      search_text (self);
    }
  show_in_steps (self, make_shown (self));
}

gboolean
lekh_article_model_matches (LekhArticleModel       *self,
                            LekhArticleInfo        *info,
                            const LekhArticleQuery *query)
{
  g_return_val_if_fail (LEKH_IS_ARTICLE_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (g_strcmp0 (lekh_article_query_get_text (query), self->text) != 0)
    return lekh_article_info_matches (info, query);
  if (self->text != NULL && !g_hash_table_contains (self->text_matches, info))
    return FALSE;
  return lekh_article_info_matches_but_text (info, query);
}
