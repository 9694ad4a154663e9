/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-site-controller"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "lekh-file.h"
#include "lekh-permalink.h"
#include "lekh-site-controller.h"
#include "lekh-suggestion.h"
#include "lekh-text.h"

#define MAX_SUGGESTIONS 8

struct _LekhSiteController
{
  GObject        parent_instance;

  LekhValidator *validator;
  GFile         *file;
  LekhSite      *site;
  LekhSiteIndex *index;          /* being built or built */
  GCancellable  *cancellable;
  gboolean       ready;
  GHashTable    *saved_tags;     /* folded tags of the file as saved, or NULL: read again */
};

G_DEFINE_FINAL_TYPE (LekhSiteController, lekh_site_controller, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  LekhSiteController *self;      /* weak */
  LekhChipEditor     *editor;    /* weak */
  LekhSiteField       field;
  GListStore         *model;
} Attachment;

/* Index */

static void
index_changed_cb (LekhSiteController *self)
{
  if (!self->ready)
    return;
  /* Something in the site changed on disk (maybe authors.yml or tags.yml, edited by
   * another program): let the validator read the site's files again. */
  lekh_site_controller_reload_site (self);
  g_clear_pointer (&self->saved_tags, g_hash_table_unref);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
build_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LekhSiteController) self = user_data;
  LekhSiteIndex *index = LEKH_SITE_INDEX (object);
  g_autoptr(GError) error = NULL;

  if (!lekh_site_index_build_finish (index, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not index the site: %s", error->message);
      return;
    }
  if (index != self->index)
    return;

  self->ready = TRUE;
  g_debug ("Indexed %u articles", lekh_site_index_get_n_articles (index));
  lekh_site_index_watch (index);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
drop_index (LekhSiteController *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->index != NULL)
    g_signal_handlers_disconnect_by_data (self->index, self);
  g_clear_object (&self->index);
  g_clear_pointer (&self->site, lekh_site_unref);
  self->ready = FALSE;
}

void
lekh_site_controller_set_file (LekhSiteController *self,
                               GFile              *file)
{
  g_autofree char *path = NULL;
  g_autoptr(LekhSite) site = NULL;
  g_autoptr(GFile) root = NULL;
  const char *root_path;

  g_return_if_fail (LEKH_IS_SITE_CONTROLLER (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_pointer (&self->saved_tags, g_hash_table_unref);
  path = file ? g_file_get_path (file) : NULL;
  if (path != NULL)
    site = lekh_validator_get_site (self->validator, path);
  root_path = site ? lekh_site_get_root (site) : NULL;

  if (root_path == NULL)
    {
      gboolean had = self->site != NULL;

      drop_index (self);
      if (had)
        g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  if (self->site != NULL && g_strcmp0 (lekh_site_get_root (self->site), root_path) == 0)
    {
      lekh_site_unref (self->site);
      self->site = g_steal_pointer (&site);
      return;
    }

  drop_index (self);
  self->site = g_steal_pointer (&site);
  root = g_file_new_for_path (root_path);
  self->index = lekh_site_index_new (root);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->index, "changed", G_CALLBACK (index_changed_cb), self);
  lekh_site_index_build_async (self->index, self->cancellable, build_cb, g_object_ref (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

LekhSite *
lekh_site_controller_get_site (LekhSiteController *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_CONTROLLER (self), NULL);
  return self->site;
}

LekhSiteIndex *
lekh_site_controller_get_index (LekhSiteController *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_CONTROLLER (self), NULL);
  return self->ready ? self->index : NULL;
}

void
lekh_site_controller_reload_site (LekhSiteController *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LEKH_IS_SITE_CONTROLLER (self));

  lekh_validator_invalidate (self->validator);
  path = self->file ? g_file_get_path (self->file) : NULL;
  if (path != NULL && self->site != NULL)
    {
      lekh_site_unref (self->site);
      self->site = lekh_validator_get_site (self->validator, path);
    }
}

/* Suggestions */

static const LekhSiteData *
site_data_for (LekhSiteController *self,
               LekhSiteField       field)
{
  g_autofree char *path = NULL;

  if (self->site == NULL || self->file == NULL)
    return NULL;
  path = g_file_get_path (self->file);
  if (field == LEKH_SITE_FIELD_AUTHORS)
    return lekh_site_get_authors (self->site, path);
  if (field == LEKH_SITE_FIELD_TAGS)
    return lekh_site_get_tags (self->site, path);
  return NULL;
}

static void
update_attachment (Attachment *att)
{
  LekhSiteController *self = att->self;
  LekhChipEditor *editor = att->editor;
  g_autoptr(GPtrArray) found = NULL;
  g_auto(GStrv) items = NULL;
  const char *text;

  if (editor == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (lekh_chip_editor_get_entry (editor)));
  if (self == NULL || text[0] == '\0')
    {
      g_list_store_remove_all (att->model);
      return;
    }

  /* The items already chosen are not offered again. */
  items = lekh_chip_editor_dup_items (editor);
  found = lekh_suggestion_for_site (lekh_site_controller_get_index (self),
                                    site_data_for (self, att->field), att->field, text,
                                    (const char * const *) items, MAX_SUGGESTIONS);
  g_list_store_splice (att->model, 0, g_list_model_get_n_items (G_LIST_MODEL (att->model)),
                       found->pdata, found->len);
}

static void
attachment_free (gpointer  data,
                 GClosure *closure)
{
  Attachment *att = data;

  g_clear_weak_pointer (&att->self);
  g_clear_weak_pointer (&att->editor);
  g_clear_object (&att->model);
  g_free (att);
}

void
lekh_site_controller_attach (LekhSiteController *self,
                             LekhChipEditor     *editor,
                             LekhSiteField       field)
{
  Attachment *att;

  g_return_if_fail (LEKH_IS_SITE_CONTROLLER (self));
  g_return_if_fail (LEKH_IS_CHIP_EDITOR (editor));

  att = g_new0 (Attachment, 1);
  g_set_weak_pointer (&att->self, self);
  g_set_weak_pointer (&att->editor, editor);
  att->field = field;
  att->model = g_list_store_new (LEKH_TYPE_SUGGESTION);
  lekh_chip_editor_set_suggestions (editor, G_LIST_MODEL (att->model));

  /* The attachment lives as long as the handler (the entry's, so the editor's): no data
   * on the editor. The chip editor re-reads its model when the model changes, so the
   * order of the "changed" handlers does not matter. */
  g_signal_connect_data (lekh_chip_editor_get_entry (editor), "changed",
                         G_CALLBACK (update_attachment), att, attachment_free,
                         G_CONNECT_SWAPPED);
}

/* Site-level checks */

static char *
relative_path (LekhSiteController *self,
               const char         *path)
{
  const char *root = self->site ? lekh_site_get_root (self->site) : NULL;
  gsize len = root ? strlen (root) : 0;

  if (root != NULL && g_str_has_prefix (path, root) && path[len] == G_DIR_SEPARATOR)
    return g_strdup (path + len + 1);
  return g_strdup (path);
}

static void
check_duplicate (LekhSiteController *self,
                 LekhArticle        *article,
                 GPtrArray          *result,
                 const char         *key,
                 const char         *rule)
{
  const LekhNode *node = lekh_article_get_value (article, key);
  const char *value = node ? lekh_node_get_string (node) : NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *other = NULL;
  g_autofree char *message = NULL;
  LekhDiagnostic *diagnostic;

  if (value == NULL || value[0] == '\0')
    return;
  others = g_str_equal (key, "title")
    ? lekh_site_index_find_title (self->index, value, self->file)
    : lekh_site_index_find_slug (self->index, value, self->file);
  if (others == NULL || others->len == 0)
    return;

  other = relative_path (self, g_ptr_array_index (others, 0));
  if (g_str_equal (key, "title"))
    message = others->len == 1
      ? g_strdup_printf (_("Another article of the site has this title: %s"), other)
      : g_strdup_printf (_("%u other articles of the site have this title, e.g. %s"),
                         others->len, other);
  else
    message = others->len == 1
      ? g_strdup_printf (_("Another article of the site has this slug: %s"), other)
      : g_strdup_printf (_("%u other articles of the site have this slug, e.g. %s"),
                         others->len, other);
  diagnostic = lekh_diagnostic_new (rule, LEKH_SEVERITY_WARNING, node->span.start, node->span.end,
                                    node->span.line, node->span.column, message);
  lekh_diagnostic_set_key (diagnostic, key);
  g_ptr_array_add (result, diagnostic);
}

/* The site's tag closest to TAG among those that several articles use, or NULL. */
static char *
closest_tag (LekhSiteController *self,
             const char         *tag)
{
  g_autoptr(GPtrArray) all = lekh_site_index_suggest (self->index, LEKH_SITE_FIELD_TAGS, "", NULL, 0);
  g_autofree char *folded = lekh_site_fold (tag);
  const char *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; i < all->len; i++)
    {
      LekhSiteSuggestion *s = g_ptr_array_index (all, i);
      g_autofree char *candidate = NULL;
      guint distance;

      if (s->count < 2)
        continue;
      candidate = lekh_site_fold (s->value);
      if (g_str_equal (candidate, folded))
        continue;
      distance = lekh_text_edit_distance (candidate, folded, best_distance);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = s->value;
        }
    }
  return g_strdup (best);
}

/* The tags of the article as saved: the index counts those, not the buffer's. */
static GHashTable *
get_saved_tags (LekhSiteController *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LekhArticle) saved = NULL;
  g_auto(GStrv) tags = NULL;
  const LekhNode *node;

  if (self->saved_tags != NULL)
    return self->saved_tags;

  self->saved_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  path = self->file ? g_file_get_path (self->file) : NULL;
  if (path == NULL || (bytes = lekh_file_read (path, NULL, NULL)) == NULL)
    return self->saved_tags;
  saved = lekh_article_new_from_bytes (bytes);
  node = lekh_article_get_value (saved, "tags");
  tags = node ? lekh_node_dup_string_list (node) : NULL;
  for (guint i = 0; tags && tags[i]; i++)
    g_hash_table_add (self->saved_tags, lekh_site_fold (tags[i]));
  return self->saved_tags;
}

static void
check_rare_tags (LekhSiteController *self,
                 LekhArticle        *article,
                 GPtrArray          *result)
{
  const LekhNode *tags = lekh_article_get_value (article, "tags");
  const LekhSiteData *defined = site_data_for (self, LEKH_SITE_FIELD_TAGS);
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;
  guint n;

  if (tags == NULL || lekh_node_get_value_type (tags) != LEKH_VALUE_SEQUENCE)
    return;
  /* In a tiny site every tag is rare: say nothing until there is something to compare. */
  if (lekh_site_index_get_n_articles (self->index) < 5)
    return;

  n = lekh_node_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      const LekhNode *item = lekh_node_get_item (tags, i);
      const char *tag = lekh_node_get_string (item);
      g_autofree char *message = NULL;
      g_autofree char *near = NULL;
      LekhDiagnostic *diagnostic;
      guint count;

      if (tag == NULL || tag[0] == '\0')
        continue;
      if (defined != NULL && lekh_site_data_lookup (defined, tag) != NULL)
        continue;
      count = lekh_site_index_get_count (self->index, LEKH_SITE_FIELD_TAGS, tag);
      /* The index counts the saved file: this article itself may be one of the uses. */
      {
        g_autofree char *folded = lekh_site_fold (tag);

        if (count > 0 && g_hash_table_contains (get_saved_tags (self), folded))
          count--;
      }
      if (count > 0)
        continue;

      near = closest_tag (self, tag);
      if (near != NULL)
        message = g_strdup_printf (_("No other article uses the tag “%s”: did you mean “%s”?"),
                                   tag, near);
      else
        message = g_strdup_printf (_("No other article uses the tag “%s”"), tag);
      diagnostic = lekh_diagnostic_new ("rare-tag", LEKH_SEVERITY_INFO, item->span.start,
                                        item->span.end, item->span.line, item->span.column,
                                        message);
      lekh_diagnostic_set_key (diagnostic, "tags");
      g_ptr_array_add (result, diagnostic);
    }
}

GPtrArray *
lekh_site_controller_check (LekhSiteController *self,
                            LekhArticle        *article)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) lekh_diagnostic_unref);

  g_return_val_if_fail (LEKH_IS_SITE_CONTROLLER (self), result);

  if (!self->ready || article == NULL || lekh_article_get_error (article) != NULL)
    return result;

  check_duplicate (self, article, result, "title", "duplicate-title");
  check_duplicate (self, article, result, "slug", "duplicate-slug");
  check_rare_tags (self, article, result);
  return result;
}

char *
lekh_site_controller_dup_permalink (LekhSiteController *self,
                                    LekhArticle        *article)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LEKH_IS_SITE_CONTROLLER (self), NULL);

  if (self->site == NULL || self->file == NULL || article == NULL)
    return NULL;
  path = g_file_get_path (self->file);
  return lekh_permalink_compute (lekh_profile_get_name (lekh_site_get_profile (self->site)),
                                 lekh_site_get_root (self->site), path, article);
}

/* GObject */

static void
lekh_site_controller_dispose (GObject *object)
{
  LekhSiteController *self = LEKH_SITE_CONTROLLER (object);

  drop_index (self);
  g_clear_object (&self->file);
  g_clear_pointer (&self->saved_tags, g_hash_table_unref);
  G_OBJECT_CLASS (lekh_site_controller_parent_class)->dispose (object);
}

static void
lekh_site_controller_finalize (GObject *object)
{
  LekhSiteController *self = LEKH_SITE_CONTROLLER (object);

  g_clear_pointer (&self->validator, lekh_validator_unref);
  G_OBJECT_CLASS (lekh_site_controller_parent_class)->finalize (object);
}

static void
lekh_site_controller_class_init (LekhSiteControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lekh_site_controller_dispose;
  object_class->finalize = lekh_site_controller_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lekh_site_controller_init (LekhSiteController *self)
{
}

LekhSiteController *
lekh_site_controller_new (LekhValidator *validator)
{
  LekhSiteController *self = g_object_new (LEKH_TYPE_SITE_CONTROLLER, NULL);

  self->validator = lekh_validator_ref (validator);
  return self;
}
