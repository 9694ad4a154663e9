/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "lekh-profile.h"
#include "lekh-text.h"

struct _LekhProfile
{
  LekhProfileId      id;
  const char        *name;
  gboolean           ignore_case;
  const LekhField   *fields;
  guint              n_fields;
  const char * const *static_dirs;
};

#define REQUIRED LEKH_FIELD_FLAG_REQUIRED
#define EMPTY_OK LEKH_FIELD_FLAG_MAY_BE_EMPTY
#define LEGACY   LEKH_FIELD_FLAG_LEGACY

/* Docusaurus blog and docs front matter (plugin-content-blog, plugin-content-docs). */
static const LekhField docusaurus_fields[] = {
  { "title", LEKH_FIELD_STRING, EMPTY_OK },
  { "title_meta", LEKH_FIELD_STRING, 0 },
  { "description", LEKH_FIELD_STRING, EMPTY_OK },
  { "tags", LEKH_FIELD_TAGS, 0 },
  { "keywords", LEKH_FIELD_STRING_LIST, 0 },
  { "authors", LEKH_FIELD_AUTHORS, 0 },
  { "author", LEKH_FIELD_STRING, LEGACY },
  { "author_title", LEKH_FIELD_STRING, LEGACY },
  { "author_url", LEKH_FIELD_URL, LEGACY },
  { "author_image_url", LEKH_FIELD_IMAGE, LEGACY },
  { "authorTitle", LEKH_FIELD_STRING, LEGACY },
  { "authorURL", LEKH_FIELD_URL, LEGACY },
  { "authorImageURL", LEKH_FIELD_IMAGE, LEGACY },
  { "image", LEKH_FIELD_IMAGE, 0 },
  { "slug", LEKH_FIELD_TEXT, 0 },
  { "date", LEKH_FIELD_DATE, 0 },
  { "draft", LEKH_FIELD_BOOL, 0 },
  { "unlisted", LEKH_FIELD_BOOL, 0 },
  { "hide_table_of_contents", LEKH_FIELD_BOOL, 0 },
  { "hide_title", LEKH_FIELD_BOOL, 0 },
  { "toc_min_heading_level", LEKH_FIELD_TOC_LEVEL, 0 },
  { "toc_max_heading_level", LEKH_FIELD_TOC_LEVEL, 0 },
  { "sidebar_position", LEKH_FIELD_NUMBER, 0 },
  { "sidebar_label", LEKH_FIELD_STRING, 0 },
  { "sidebar_class_name", LEKH_FIELD_STRING, 0 },
  { "sidebar_custom_props", LEKH_FIELD_MAPPING, 0 },
  { "sidebar_key", LEKH_FIELD_STRING, 0 },
  { "displayed_sidebar", LEKH_FIELD_STRING, EMPTY_OK },
  { "pagination_label", LEKH_FIELD_STRING, 0 },
  { "pagination_next", LEKH_FIELD_STRING, EMPTY_OK },
  { "pagination_prev", LEKH_FIELD_STRING, EMPTY_OK },
  { "custom_edit_url", LEKH_FIELD_URL, EMPTY_OK },
  { "parse_number_prefixes", LEKH_FIELD_BOOL, 0 },
  { "id", LEKH_FIELD_TEXT, 0 },
  { "last_update", LEKH_FIELD_MAPPING, 0 },
};

static const LekhField hugo_fields[] = {
  { "title", LEKH_FIELD_STRING, REQUIRED },
  { "linkTitle", LEKH_FIELD_STRING, 0 },
  { "description", LEKH_FIELD_STRING, 0 },
  { "summary", LEKH_FIELD_STRING, 0 },
  { "date", LEKH_FIELD_DATE, 0 },
  { "lastmod", LEKH_FIELD_DATE, 0 },
  { "publishDate", LEKH_FIELD_DATE, 0 },
  { "expiryDate", LEKH_FIELD_DATE, 0 },
  { "draft", LEKH_FIELD_BOOL, 0 },
  { "keywords", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "tags", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "categories", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "series", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "slug", LEKH_FIELD_TEXT, 0 },
  { "url", LEKH_FIELD_STRING, 0 },
  { "aliases", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "weight", LEKH_FIELD_INT, 0 },
  { "params", LEKH_FIELD_MAPPING, 0 },
  { "images", LEKH_FIELD_IMAGE_LIST, 0 },
  { "layout", LEKH_FIELD_STRING, 0 },
  { "type", LEKH_FIELD_STRING, 0 },
  { "outputs", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "cascade", LEKH_FIELD_ANY, 0 },
  { "build", LEKH_FIELD_MAPPING, 0 },
  { "_build", LEKH_FIELD_MAPPING, 0 },
  { "menus", LEKH_FIELD_ANY, 0 },
  { "menu", LEKH_FIELD_ANY, 0 },
  { "headless", LEKH_FIELD_BOOL, 0 },
  { "isCJKLanguage", LEKH_FIELD_BOOL, 0 },
  { "markup", LEKH_FIELD_STRING, 0 },
  { "resources", LEKH_FIELD_LIST, 0 },
  { "sitemap", LEKH_FIELD_MAPPING, 0 },
  { "translationKey", LEKH_FIELD_TEXT, 0 },
  { "sites", LEKH_FIELD_MAPPING, 0 },
  { "lang", LEKH_FIELD_STRING, 0 },
};

static const LekhField jekyll_fields[] = {
  { "layout", LEKH_FIELD_STRING, EMPTY_OK },
  { "title", LEKH_FIELD_STRING, 0 },
  { "date", LEKH_FIELD_DATE, 0 },
  { "categories", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "category", LEKH_FIELD_STRING, 0 },
  { "tags", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "permalink", LEKH_FIELD_STRING, 0 },
  { "published", LEKH_FIELD_BOOL, 0 },
  { "excerpt_separator", LEKH_FIELD_STRING, 0 },
  { "excerpt", LEKH_FIELD_STRING, 0 },
  { "description", LEKH_FIELD_STRING, 0 },
  { "author", LEKH_FIELD_ANY, 0 },
  { "image", LEKH_FIELD_IMAGE, 0 },
  { "slug", LEKH_FIELD_TEXT, 0 },
  { "last_modified_at", LEKH_FIELD_DATE, 0 },
  { "redirect_from", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "redirect_to", LEKH_FIELD_STRING, 0 },
  { "lang", LEKH_FIELD_STRING, 0 },
  { "sitemap", LEKH_FIELD_ANY, 0 },
};

static const LekhField generic_fields[] = {
  { "title", LEKH_FIELD_STRING, REQUIRED },
  { "description", LEKH_FIELD_STRING, 0 },
  { "tags", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "keywords", LEKH_FIELD_STRING_OR_LIST, 0 },
  { "authors", LEKH_FIELD_AUTHORS, 0 },
  { "date", LEKH_FIELD_DATE, 0 },
  { "draft", LEKH_FIELD_BOOL, 0 },
  { "image", LEKH_FIELD_IMAGE, 0 },
  { "slug", LEKH_FIELD_TEXT, 0 },
};

static const char * const docusaurus_static[] = { "static", NULL };
static const char * const hugo_static[] = { "static", "assets", NULL };
static const char * const jekyll_static[] = { ".", NULL };
static const char * const generic_static[] = { "static", "public", NULL };

static const LekhProfile profiles[LEKH_N_PROFILES] = {
  [LEKH_PROFILE_GENERIC] = { LEKH_PROFILE_GENERIC, "generic", FALSE,
                             generic_fields, G_N_ELEMENTS (generic_fields), generic_static },
  [LEKH_PROFILE_DOCUSAURUS] = { LEKH_PROFILE_DOCUSAURUS, "docusaurus", FALSE,
                                docusaurus_fields, G_N_ELEMENTS (docusaurus_fields),
                                docusaurus_static },
  [LEKH_PROFILE_HUGO] = { LEKH_PROFILE_HUGO, "hugo", TRUE,
                          hugo_fields, G_N_ELEMENTS (hugo_fields), hugo_static },
  [LEKH_PROFILE_JEKYLL] = { LEKH_PROFILE_JEKYLL, "jekyll", FALSE,
                            jekyll_fields, G_N_ELEMENTS (jekyll_fields), jekyll_static },
};

/* Field names by profile, and of all profiles, for constant-time look-ups. */
static GHashTable *field_index[LEKH_N_PROFILES];
static GHashTable *known_anywhere;

static void
ensure_indexes (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      known_anywhere = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint p = 0; p < LEKH_N_PROFILES; p++)
        {
          field_index[p] = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < profiles[p].n_fields; i++)
            {
              g_hash_table_insert (field_index[p], (gpointer) profiles[p].fields[i].name,
                                   (gpointer) &profiles[p].fields[i]);
              g_hash_table_add (known_anywhere, (gpointer) profiles[p].fields[i].name);
            }
        }
      g_once_init_leave (&initialized, 1);
    }
}

const LekhProfile *
lekh_profile_get (LekhProfileId id)
{
  g_return_val_if_fail (id < LEKH_N_PROFILES, NULL);
  return &profiles[id];
}

const LekhProfile *
lekh_profile_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < LEKH_N_PROFILES; i++)
    if (g_ascii_strcasecmp (profiles[i].name, name) == 0)
      return &profiles[i];
  return NULL;
}

LekhProfileId
lekh_profile_get_id (const LekhProfile *self)
{
  g_return_val_if_fail (self != NULL, LEKH_PROFILE_GENERIC);
  return self->id;
}

const char *
lekh_profile_get_name (const LekhProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

gboolean
lekh_profile_keys_ignore_case (const LekhProfile *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->ignore_case;
}

guint
lekh_profile_get_n_fields (const LekhProfile *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_fields;
}

const LekhField *
lekh_profile_get_field (const LekhProfile *self,
                        guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_fields, NULL);
  return &self->fields[index];
}

const LekhField *
lekh_profile_lookup_field (const LekhProfile *self,
                           const char        *key)
{
  const LekhField *field;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  ensure_indexes ();
  field = g_hash_table_lookup (field_index[self->id], key);
  if (field != NULL)
    return field;
  if (self->ignore_case)
    for (guint i = 0; i < self->n_fields; i++)
      if (g_ascii_strcasecmp (self->fields[i].name, key) == 0)
        return &self->fields[i];
  return NULL;
}

const char * const *
lekh_profile_get_static_dirs (const LekhProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->static_dirs;
}

gboolean
lekh_profile_key_is_known_anywhere (const char *key)
{
  g_return_val_if_fail (key != NULL, FALSE);

  ensure_indexes ();
  return g_hash_table_contains (known_anywhere, key);
}

/* Folded, without '_' and '-': "hide_table_of_contents" and "hideTableOfContents" meet. */
static char *
squash (const char *key)
{
  g_autofree char *folded = lekh_text_fold (key);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; p != NULL && *p; p++)
    if (*p != '_' && *p != '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Folded and squashed field names, computed once per process. */
typedef struct
{
  char *folded;
  char *squashed;
} FieldKey;

static FieldKey *field_keys[LEKH_N_PROFILES];

static const FieldKey *
get_field_keys (const LekhProfile *self)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint p = 0; p < LEKH_N_PROFILES; p++)
        {
          field_keys[p] = g_new0 (FieldKey, profiles[p].n_fields);
          for (guint i = 0; i < profiles[p].n_fields; i++)
            {
              field_keys[p][i].folded = lekh_text_fold (profiles[p].fields[i].name);
              field_keys[p][i].squashed = squash (profiles[p].fields[i].name);
            }
        }
      g_once_init_leave (&initialized, 1);
    }
  return field_keys[self->id];
}

static const char *suggest_uncached (const LekhProfile *self,
                                     const char        *key);

/* Sites repeat the same few custom keys in every article: remember the answers. */
#define SUGGEST_CACHE_MAX 4096
static GMutex suggest_mutex;
static GHashTable *suggest_cache[LEKH_N_PROFILES];
static char no_suggestion;

const char *
lekh_profile_suggest_field (const LekhProfile *self,
                            const char        *key)
{
  gpointer cached = NULL;
  const char *result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  g_mutex_lock (&suggest_mutex);
  if (suggest_cache[self->id] != NULL)
    cached = g_hash_table_lookup (suggest_cache[self->id], key);
  g_mutex_unlock (&suggest_mutex);
  if (cached != NULL)
    return cached == &no_suggestion ? NULL : cached;

  result = suggest_uncached (self, key);

  g_mutex_lock (&suggest_mutex);
  if (suggest_cache[self->id] == NULL ||
      g_hash_table_size (suggest_cache[self->id]) >= SUGGEST_CACHE_MAX)
    {
      g_clear_pointer (&suggest_cache[self->id], g_hash_table_unref);
      suggest_cache[self->id] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  g_hash_table_insert (suggest_cache[self->id], g_strdup (key),
                       result ? (gpointer) result : &no_suggestion);
  g_mutex_unlock (&suggest_mutex);
  return result;
}

static const char *
suggest_uncached (const LekhProfile *self,
                  const char        *key)
{
  g_autofree char *folded = NULL;
  g_autofree char *squashed = NULL;
  const FieldKey *keys;
  const char *best = NULL;
  guint best_distance;
  guint max;
  glong len;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  keys = get_field_keys (self);
  folded = lekh_text_fold (key);
  squashed = squash (key);
  len = g_utf8_strlen (folded, -1);
  /* One slip in a short key, two in a long one: "tag", "titel", "descripton". */
  max = len <= 6 ? 1 : 2;
  best_distance = max + 1;

  for (guint i = 0; i < self->n_fields; i++)
    {
      const LekhField *field = &self->fields[i];
      guint d;

      if (field->flags & LEKH_FIELD_FLAG_LEGACY)
        continue;
      if (strcmp (keys[i].squashed, squashed) == 0)
        return field->name;
      d = lekh_text_edit_distance (folded, keys[i].folded, max);
      if (d < best_distance && (guint) len > d)
        {
          best_distance = d;
          best = field->name;
        }
    }
  return best;
}

const char *
lekh_profile_list_names (void)
{
  return "docusaurus, hugo, jekyll, generic";
}
