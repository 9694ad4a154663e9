/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lekh-suggestion.h"

struct _LekhSuggestion
{
  GObject  parent_instance;

  char    *value;
  char    *detail;
  char    *alias;
  guint    count;
};

G_DEFINE_FINAL_TYPE (LekhSuggestion, lekh_suggestion, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_VALUE,
  PROP_DETAIL,
  PROP_ALIAS,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lekh_suggestion_finalize (GObject *object)
{
  LekhSuggestion *self = LEKH_SUGGESTION (object);

  g_free (self->value);
  g_free (self->detail);
  g_free (self->alias);
  G_OBJECT_CLASS (lekh_suggestion_parent_class)->finalize (object);
}

static void
lekh_suggestion_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LekhSuggestion *self = LEKH_SUGGESTION (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_ALIAS:
      g_value_set_string (value, self->alias);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_suggestion_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LekhSuggestion *self = LEKH_SUGGESTION (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      self->value = g_value_dup_string (value);
      break;
    case PROP_DETAIL:
      self->detail = g_value_dup_string (value);
      break;
    case PROP_ALIAS:
      self->alias = g_value_dup_string (value);
      break;
    case PROP_COUNT:
      self->count = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_suggestion_class_init (LekhSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lekh_suggestion_finalize;
  object_class->get_property = lekh_suggestion_get_property;
  object_class->set_property = lekh_suggestion_set_property;

  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, "", flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_ALIAS] = g_param_spec_string ("alias", NULL, NULL, NULL, flags);
  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lekh_suggestion_init (LekhSuggestion *self)
{
}

LekhSuggestion *
lekh_suggestion_new (const char *value,
                     const char *detail,
                     const char *alias,
                     guint       count)
{
  g_return_val_if_fail (value != NULL, NULL);

  return g_object_new (LEKH_TYPE_SUGGESTION,
                       "value", value,
                       "detail", detail,
                       "alias", alias,
                       "count", count,
                       NULL);
}

const char *
lekh_suggestion_get_value (LekhSuggestion *self)
{
  g_return_val_if_fail (LEKH_IS_SUGGESTION (self), NULL);
  return self->value;
}

const char *
lekh_suggestion_get_detail (LekhSuggestion *self)
{
  g_return_val_if_fail (LEKH_IS_SUGGESTION (self), NULL);
  return self->detail;
}

const char *
lekh_suggestion_get_alias (LekhSuggestion *self)
{
  g_return_val_if_fail (LEKH_IS_SUGGESTION (self), NULL);
  return self->alias;
}

guint
lekh_suggestion_get_count (LekhSuggestion *self)
{
  g_return_val_if_fail (LEKH_IS_SUGGESTION (self), 0);
  return self->count;
}

/* Ranking */

typedef enum
{
  MATCH_NONE,
  MATCH_START,       /* the whole text starts with the prefix */
  MATCH_WORD,        /* one of its words does */
} Match;

static Match
folded_match (const char *folded,
              const char *prefix)
{
  if (folded == NULL)
    return MATCH_NONE;
  if (g_str_has_prefix (folded, prefix))
    return MATCH_START;
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == ' ' || c == '-' || c == '_' || c == '/' || c == '.') &&
          g_str_has_prefix (g_utf8_next_char (p), prefix))
        return MATCH_WORD;
    }
  return MATCH_NONE;
}

GPtrArray *
lekh_suggestion_rank (GPtrArray          *candidates,
                      const char         *text,
                      const char * const *exclude,
                      guint               max)
{
  g_autoptr(GPtrArray) later = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *prefix = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (candidates != NULL, result);

  if (text == NULL || *text == '\0')
    return result;

  prefix = lekh_site_fold (text);
  for (guint i = 0; exclude && exclude[i]; i++)
    g_hash_table_add (seen, lekh_site_fold (exclude[i]));

  for (guint i = 0; i < candidates->len; i++)
    {
      LekhSuggestion *candidate = g_ptr_array_index (candidates, i);
      /* Site values repeat from keystroke to keystroke: their folds are interned. */
      const char *folded = lekh_site_intern_fold (candidate->value);
      Match match = folded_match (folded, prefix);

      if (match == MATCH_NONE)
        match = folded_match (lekh_site_intern_fold (candidate->alias), prefix) ? MATCH_WORD
                                                                                : MATCH_NONE;
      if (match == MATCH_NONE || !g_hash_table_add (seen, g_strdup (folded)))
        continue;
      if (match == MATCH_START)
        g_ptr_array_add (result, g_object_ref (candidate));
      else
        g_ptr_array_add (later, candidate);
    }

  for (guint i = 0; i < later->len; i++)
    g_ptr_array_add (result, g_object_ref (g_ptr_array_index (later, i)));
  if (max > 0 && result->len > max)
    g_ptr_array_set_size (result, max);
  return result;
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

static LekhSuggestion *
suggestion_for_entry (const char          *value,
                      const LekhSiteEntry *entry,
                      LekhSiteField        field,
                      guint                count)
{
  g_autofree char *detail = entry_detail (entry, field);

  return lekh_suggestion_new (value, detail, entry ? entry->name : NULL, count);
}

GPtrArray *
lekh_suggestion_for_site (LekhSiteIndex      *index,
                          const LekhSiteData *data,
                          LekhSiteField       field,
                          const char         *text,
                          const char * const *exclude,
                          guint               max)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (index == NULL || LEKH_IS_SITE_INDEX (index), NULL);

  if (text == NULL || *text == '\0')
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* Values in use, most used first: every one the index has, since the alias (a name
   * in DATA) may match where the value does not. */
  if (index != NULL)
    {
      g_autoptr(GPtrArray) used = lekh_site_index_suggest (index, field, "", exclude, 0);

      for (guint i = 0; i < used->len; i++)
        {
          LekhSiteSuggestion *s = g_ptr_array_index (used, i);
          const LekhSiteEntry *entry = data ? lekh_site_data_lookup (data, s->value) : NULL;

          g_ptr_array_add (candidates, suggestion_for_entry (s->value, entry, field, s->count));
        }
    }

  /* Then the data file's entries (those in use are repeats, left out by the ranking). */
  n = data ? lekh_site_data_get_n_entries (data) : 0;
  for (guint i = 0; i < n; i++)
    {
      const LekhSiteEntry *entry = lekh_site_data_get_entry (data, i);

      g_ptr_array_add (candidates, suggestion_for_entry (entry->key, entry, field, 0));
    }

  return lekh_suggestion_rank (candidates, text, exclude, max);
}
