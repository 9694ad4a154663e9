/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-site-controller"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "lekh-file.h"
#include "lekh-permalink.h"
#include "lekh-site-controller.h"
#include "lekh-text.h"

#define MAX_SUGGESTIONS 12

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

static char *
entry_detail (const LekhSiteEntry *entry,
              LekhSiteField        field)
{
  if (entry == NULL)
    return NULL;
  if (field == LEKH_SITE_FIELD_AUTHORS)
    {
      if (entry->name && entry->title)
        return g_strdup_printf ("%s — %s", entry->name, entry->title);
      return g_strdup (entry->name ? entry->name : entry->title);
    }
  /* Tags: the label when it differs from the key, else the description. */
  if (entry->name && g_strcmp0 (entry->name, entry->key) != 0)
    return g_strdup (entry->name);
  return g_strdup (entry->title);
}

static gboolean
folded_matches (const char *folded_text,
                const char *folded_prefix)
{
  const char *p;

  if (folded_text == NULL)
    return FALSE;
  if (g_str_has_prefix (folded_text, folded_prefix))
    return TRUE;
  for (p = folded_text; *p; p = g_utf8_next_char (p))
    if (strchr (" -_/.", *p) && g_str_has_prefix (p + 1, folded_prefix))
      return TRUE;
  return FALSE;
}

static void
append_suggestion (GPtrArray  *values,
                   GPtrArray  *details,
                   GHashTable *seen,
                   const char *value,
                   char       *detail)
{
  char *folded = lekh_site_fold (value);

  if (!g_hash_table_add (seen, folded))
    {
      g_free (detail);
      return;
    }
  g_ptr_array_add (values, g_strdup (value));
  g_ptr_array_add (details, detail);
}

static void
update_attachment (Attachment     *att,
                   LekhChipEditor *editor)
{
  LekhSiteController *self = att->self;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (lekh_chip_editor_get_entry (editor)));
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) items = lekh_chip_editor_dup_items (editor);
  g_autofree char *prefix = NULL;
  const LekhSiteData *data;
  LekhSiteIndex *index;
  guint n;

  if (self == NULL || text[0] == '\0')
    {
      g_list_store_remove_all (att->model);
      return;
    }

  prefix = lekh_site_fold (text);
  for (guint i = 0; items && items[i]; i++)
    g_hash_table_add (seen, lekh_site_fold (items[i]));
  data = site_data_for (self, att->field);
  index = lekh_site_controller_get_index (self);

  /* Values in use, most used first (the index ranks prefix matches of the whole value
   * before matches of a word inside it). */
  if (index != NULL)
    {
      g_autoptr(GPtrArray) found = lekh_site_index_suggest (index, att->field, text,
                                                            (const char * const *) items,
                                                            MAX_SUGGESTIONS);

      for (guint i = 0; i < found->len; i++)
        {
          LekhSiteSuggestion *s = g_ptr_array_index (found, i);
          const LekhSiteEntry *entry = data ? lekh_site_data_lookup (data, s->value) : NULL;

          append_suggestion (values, details, seen, s->value, entry_detail (entry, att->field));
        }
    }

  /* Then authors.yml / tags.yml entries no article uses yet, matched by key or name. */
  n = data ? lekh_site_data_get_n_entries (data) : 0;
  for (guint i = 0; i < n && values->len < MAX_SUGGESTIONS; i++)
    {
      const LekhSiteEntry *entry = lekh_site_data_get_entry (data, i);
      g_autofree char *key = lekh_site_fold (entry->key);
      g_autofree char *name = entry->name ? lekh_site_fold (entry->name) : NULL;

      if (folded_matches (key, prefix) || folded_matches (name, prefix))
        append_suggestion (values, details, seen, entry->key, entry_detail (entry, att->field));
    }

  {
    g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);

    /* Details are set before the model announces the items: the chip editor reads them
     * as soon as it hears of the change. */
    for (guint i = 0; i < values->len; i++)
      {
        GtkStringObject *item = gtk_string_object_new (g_ptr_array_index (values, i));

        g_object_set_data_full (G_OBJECT (item), "lekh-detail",
                                g_strdup (g_ptr_array_index (details, i)), g_free);
        g_ptr_array_add (objects, item);
      }
    g_list_store_splice (att->model, 0, g_list_model_get_n_items (G_LIST_MODEL (att->model)),
                         objects->pdata, objects->len);
  }
}

static void
attachment_free (gpointer data)
{
  Attachment *att = data;

  g_clear_weak_pointer (&att->self);
  g_clear_object (&att->model);
  g_free (att);
}

static void
entry_changed_cb (LekhChipEditor *editor)
{
  Attachment *att = g_object_get_data (G_OBJECT (editor), "lekh-site-attachment");

  if (att != NULL)
    update_attachment (att, editor);
}

void
lekh_site_controller_attach (LekhSiteController *self,
                             LekhChipEditor     *editor,
                             LekhSiteField       field)
{
  Attachment *att;
  GtkWidget *entry;

  g_return_if_fail (LEKH_IS_SITE_CONTROLLER (self));
  g_return_if_fail (LEKH_IS_CHIP_EDITOR (editor));

  att = g_new0 (Attachment, 1);
  g_set_weak_pointer (&att->self, self);
  att->field = field;
  att->model = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  lekh_chip_editor_set_suggestions (editor, G_LIST_MODEL (att->model));
  g_object_set_data_full (G_OBJECT (editor), "lekh-site-attachment", att, attachment_free);

  /* The chip editor re-reads its model when the model changes, so the order of the
   * "changed" handlers does not matter. */
  entry = lekh_chip_editor_get_entry (editor);
  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), editor,
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
