/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-article-model.h"

struct _LekhArticleModel
{
  GObject        parent_instance;
  LekhSiteIndex *index;
  GPtrArray     *items;      /* LekhArticleInfo, sorted by path */
};

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
  return LEKH_ARTICLE_MODEL (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LekhArticleModel *self = LEKH_ARTICLE_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
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

gint
lekh_article_model_find (LekhArticleModel *self,
                         const char       *path)
{
  gboolean found;
  guint position;

  g_return_val_if_fail (LEKH_IS_ARTICLE_MODEL (self), -1);
  g_return_val_if_fail (path != NULL, -1);

  position = search (self, path, &found);
  return found ? (gint) position : -1;
}

/* Orders are spaced this far apart, so that inserting rarely renumbers. */
#define ORDER_STEP (G_GUINT64_CONSTANT (1) << 24)

static void
renumber (LekhArticleModel *self)
{
  for (guint i = 0; i < self->items->len; i++)
    lekh_article_info_set_path_order (g_ptr_array_index (self->items, i), (i + 1) * ORDER_STEP);
}

/* Gives the item at POSITION an order between its neighbours' (renumbering all when there
 * is no room left). */
static void
place (LekhArticleModel *self,
       guint             position)
{
  guint64 before = position > 0
                   ? lekh_article_info_get_path_order (g_ptr_array_index (self->items, position - 1))
                   : 0;
  guint64 after = position + 1 < self->items->len
                  ? lekh_article_info_get_path_order (g_ptr_array_index (self->items, position + 1))
                  : before + 2 * ORDER_STEP;

  if (after - before >= 2 && after > before)
    lekh_article_info_set_path_order (g_ptr_array_index (self->items, position),
                                      before + (after - before) / 2);
  else
    renumber (self);
}

/* The index read the file again (or forgot it): its new row replaces the old one. */
static void
file_changed_cb (LekhArticleModel *self,
                 GFile            *file,
                 LekhSiteIndex    *index)
{
  g_autofree char *path = g_file_get_path (file);
  LekhArticleInfo *info;
  gboolean found;
  guint position;

  if (path == NULL)
    return;
  info = lekh_site_index_get_info (index, path);
  position = search (self, path, &found);
  if (found && info != NULL)
    {
      g_object_unref (self->items->pdata[position]);
      self->items->pdata[position] = g_object_ref (info);
      place (self, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  else if (found)
    {
      g_ptr_array_remove_index (self->items, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
  else if (info != NULL)
    {
      g_ptr_array_insert (self->items, position, g_object_ref (info));
      place (self, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
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

  g_clear_pointer (&self->items, g_ptr_array_unref);

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
    g_task_return_pointer (task, lekh_site_index_dup_infos (LEKH_SITE_INDEX (object)),
                           (GDestroyNotify) g_ptr_array_unref);
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
  g_task_return_pointer (task, lekh_site_index_dup_infos (self->index),
                         (GDestroyNotify) g_ptr_array_unref);
}

gboolean
lekh_article_model_load_finish (LekhArticleModel  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  GPtrArray *infos;
  guint removed;

  g_return_val_if_fail (LEKH_IS_ARTICLE_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  infos = g_task_propagate_pointer (G_TASK (result), error);
  if (infos == NULL)
    return FALSE;
  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = infos;
  renumber (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, infos->len);
  return TRUE;
}
