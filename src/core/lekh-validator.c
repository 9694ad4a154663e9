/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "lekh-text.h"
#include "lekh-validator.h"
#include "lekh-yaml-error.h"

#define TITLE_MAX 60
#define DESCRIPTION_MIN 50
#define DESCRIPTION_MAX 160
#define MAX_LISTED_KEYS 12

struct _LekhValidator
{
  gatomicrefcount    ref_count;
  const LekhProfile *forced;
  int                 fallback;  /* LekhProfileId without a site; atomic */
  LekhSiteCache     *sites;
  GMutex             mutex;
  GHashTable        *forced_sites;    /* root -> LekhSite* with the forced profile */
  LekhSite          *rootless[LEKH_N_PROFILES];
};

static const char * const rules[] = {
  "invalid-utf8",
  "yaml-syntax",
  "unterminated-front-matter",
  "unsupported-front-matter",
  "duplicate-key",
  "unknown-key",
  "wrong-type",
  "empty-value",
  "duplicate-list-item",
  "title-length",
  "description-length",
  "invalid-date",
  "invalid-url",
  "missing-local-image",
  "unknown-author",
  "undefined-tag",
  "draft-and-unlisted",
  "toc-levels",
  "required-field",
  "site-data",
  NULL
};

const char * const *
lekh_validator_get_rules (void)
{
  return rules;
}

LekhValidator *
lekh_validator_new (void)
{
  LekhValidator *self = g_new0 (LekhValidator, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->sites = lekh_site_cache_new ();
  g_mutex_init (&self->mutex);
  self->forced_sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) lekh_site_unref);
  for (guint i = 0; i < LEKH_N_PROFILES; i++)
    self->rootless[i] = lekh_site_new (NULL, lekh_profile_get (i));
  return self;
}

LekhValidator *
lekh_validator_ref (LekhValidator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lekh_validator_unref (LekhValidator *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  lekh_site_cache_free (self->sites);
  g_hash_table_unref (self->forced_sites);
  for (guint i = 0; i < LEKH_N_PROFILES; i++)
    lekh_site_unref (self->rootless[i]);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

void
lekh_validator_set_profile (LekhValidator     *self,
                            const LekhProfile *profile)
{
  g_return_if_fail (self != NULL);
  self->forced = profile;
}

void
lekh_validator_set_default_profile (LekhValidator     *self,
                                    const LekhProfile *profile)
{
  g_return_if_fail (self != NULL);
  g_atomic_int_set (&self->fallback, profile ? (int) lekh_profile_get_id (profile) : LEKH_PROFILE_GENERIC);
}

void
lekh_validator_invalidate (LekhValidator *self)
{
  g_return_if_fail (self != NULL);

  lekh_site_cache_clear (self->sites);
  g_mutex_lock (&self->mutex);
  g_hash_table_remove_all (self->forced_sites);
  g_mutex_unlock (&self->mutex);
}

LekhSite *
lekh_validator_get_site (LekhValidator *self,
                         const char    *path)
{
  g_autoptr(LekhSite) detected = NULL;
  LekhSite *site;

  g_return_val_if_fail (self != NULL, NULL);

  if (path != NULL)
    detected = lekh_site_cache_lookup (self->sites, path);

  if (self->forced == NULL)
    {
      if (detected != NULL)
        return g_steal_pointer (&detected);
      return lekh_site_ref (self->rootless[CLAMP (g_atomic_int_get (&self->fallback), 0,
                                                  LEKH_N_PROFILES - 1)]);
    }

  if (detected == NULL)
    return lekh_site_ref (self->rootless[lekh_profile_get_id (self->forced)]);
  if (lekh_site_get_profile (detected) == self->forced)
    return g_steal_pointer (&detected);

  /* Same root, the profile the user asked for. */
  g_mutex_lock (&self->mutex);
  site = g_hash_table_lookup (self->forced_sites, lekh_site_get_root (detected));
  if (site == NULL)
    {
      site = lekh_site_new (lekh_site_get_root (detected), self->forced);
      g_hash_table_insert (self->forced_sites, g_strdup (lekh_site_get_root (detected)), site);
    }
  lekh_site_ref (site);
  g_mutex_unlock (&self->mutex);
  return site;
}

/* One check in progress. */
typedef struct
{
  LekhArticle       *article;
  const char        *path;
  LekhSite          *site;
  const LekhProfile *profile;
  GPtrArray         *out;
} Check;

static LekhDiagnostic *emit (Check          *check,
                             const char     *rule,
                             LekhSeverity    severity,
                             const LekhSpan *span,
                             const char     *key,
                             const char     *format,
                             ...) G_GNUC_PRINTF (6, 7);

static LekhDiagnostic *
emit (Check          *check,
      const char     *rule,
      LekhSeverity    severity,
      const LekhSpan *span,
      const char     *key,
      const char     *format,
      ...)
{
  g_autofree char *message = NULL;
  LekhDiagnostic *diagnostic;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  diagnostic = lekh_diagnostic_new (rule, severity, span->start, span->end,
                                    span->line, span->column, message);
  lekh_diagnostic_set_key (diagnostic, key);
  g_ptr_array_add (check->out, diagnostic);
  return diagnostic;
}

/* The span of a whole line of the text, from a 1-based line and column. */
static LekhSpan
span_at_position (LekhArticle *article,
                  guint        line,
                  guint        column)
{
  gsize len;
  const char *text = lekh_article_get_text (article, &len);
  const char *p = text, *end = text + len;
  LekhSpan span = { 0, 0, MAX (line, 1), MAX (column, 1) };

  for (guint l = 1; l < line && p < end; l++)
    {
      const char *nl = memchr (p, '\n', end - p);

      if (nl == NULL)
        {
          p = end;
          break;
        }
      p = nl + 1;
    }
  span.start = p - text;
  for (guint c = 1; c < column && p < end && *p != '\n'; c++)
    {
      guchar ch = (guchar) *p;

      /* step one character, tolerating invalid UTF-8 */
      p++;
      if (ch >= 0xC0)
        while (p < end && ((guchar) *p & 0xC0) == 0x80)
          p++;
    }
  span.start = p - text;
  {
    const char *nl = memchr (p, '\n', end - p);

    span.end = (nl ? nl : end) - text;
    if (span.end > span.start && text[span.end - 1] == '\r')
      span.end--;
  }
  return span;
}

static LekhSpan
opening_span (LekhArticle *article)
{
  const LekhSplit *split = lekh_article_get_split (article);
  gsize len;
  const char *text = lekh_article_get_text (article, &len);
  LekhSpan span = { split->open_start, split->open_start, 1, 1 };

  while (span.end < len && text[span.end] != '\n' && text[span.end] != '\r')
    span.end++;
  return span;
}

/* Where to point at a value: its own text, or the key when the value has none. */
static const LekhSpan *
value_span (const LekhEntry *entry,
            const LekhNode  *node)
{
  if (node != NULL && node->span.end > node->span.start)
    return &node->span;
  return &entry->key_span;
}

static gboolean
is_empty_value (const LekhNode *node)
{
  LekhValueType type;

  node = lekh_node_resolve (node);
  if (node == NULL)
    return TRUE;
  type = lekh_node_get_value_type (node);
  if (type == LEKH_VALUE_NULL)
    return TRUE;
  if (type == LEKH_VALUE_STRING)
    {
      for (const char *p = node->scalar; *p; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static const char *
describe_type (LekhValueType type)
{
  switch (type)
    {
    case LEKH_VALUE_NULL: return _("empty");
    case LEKH_VALUE_BOOL: return _("true or false");
    case LEKH_VALUE_INT: return _("a whole number");
    case LEKH_VALUE_FLOAT: return _("a number");
    case LEKH_VALUE_TIMESTAMP: return _("a date");
    case LEKH_VALUE_STRING: return _("text");
    case LEKH_VALUE_SEQUENCE: return _("a list");
    case LEKH_VALUE_MAPPING: return _("a set of “key: value” pairs");
    default: return "?";
    }
}

static void
wrong_type (Check           *check,
            const LekhEntry *entry,
            const LekhNode  *node,
            const char      *expected)
{
  emit (check, "wrong-type", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
        _("“%s” should be %s, not %s"), entry->key, expected,
        describe_type (lekh_node_get_value_type (node)));
}

/* Dates as js-yaml, Go and Ruby read them: 2024-01-31, 2024/01/31, with an optional
 * time (T or space), fraction and zone (Z, +05:30, +0530, -0800, UTC). */
static gboolean
parse_number (const char **p,
              int          min_digits,
              int          max_digits,
              int         *value)
{
  int n = 0, v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *value = v;
  return n >= min_digits;
}

static gboolean
date_is_valid (const char *s)
{
  const char *p = s;
  int year, month, day, hour, minute, second = 0;
  char sep;

  while (*p == ' ')
    p++;
  if (!parse_number (&p, 4, 4, &year))
    return FALSE;
  sep = *p;
  if (sep != '-' && sep != '/')
    return FALSE;
  p++;
  if (!parse_number (&p, 1, 2, &month) || *p != sep)
    return FALSE;
  p++;
  if (!parse_number (&p, 1, 2, &day))
    return FALSE;
  if (month < 1 || month > 12 || day < 1 || year < 1 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      p++;
      while (*p == ' ')
        p++;
      if (*p == '\0')
        return TRUE;
      if (!parse_number (&p, 1, 2, &hour) || *p != ':')
        return FALSE;
      p++;
      if (!parse_number (&p, 2, 2, &minute))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!parse_number (&p, 2, 2, &second))
            return FALSE;
          if (*p == '.' || *p == ',')
            {
              int frac;

              p++;
              if (!parse_number (&p, 1, 9, &frac))
                return FALSE;
            }
        }
      if (hour > 24 || minute > 59 || second > 60)
        return FALSE;
      while (*p == ' ')
        p++;
      if (*p == 'Z' || *p == 'z')
        p++;
      else if (*p == '+' || *p == '-')
        {
          int zh, zm = 0;

          p++;
          if (!parse_number (&p, 1, 2, &zh))
            return FALSE;
          if (*p == ':')
            p++;
          if (g_ascii_isdigit (*p) && !parse_number (&p, 2, 2, &zm))
            return FALSE;
          if (zh > 14 || zm > 59)
            return FALSE;
        }
      else if (g_str_has_prefix (p, "UTC") || g_str_has_prefix (p, "GMT"))
        p += 3;
    }
  while (*p == ' ')
    p++;
  return *p == '\0';
}

/* A value the generator fills in from a template ({{ .Date }}, {% ... %}, <%= ... %}). */
static gboolean
is_template (const char *s)
{
  return strstr (s, "{{") != NULL || strstr (s, "{%") != NULL || strstr (s, "<%") != NULL;
}

static gboolean
url_is_valid (const char *s)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *absolute = NULL;
  const char *scheme;

  if (s[0] == '/' && s[1] == '/')
    s = absolute = g_strconcat ("https:", s, NULL);
  for (const char *p = s; *p; p++)
    if (g_ascii_isspace (*p))
      return FALSE;

  uri = g_uri_parse (s, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    {
      const char *host = g_uri_get_host (uri);

      return host != NULL && host[0] != '\0' && strchr (host, '.') != NULL ?
             TRUE : (host != NULL && g_ascii_strcasecmp (host, "localhost") == 0);
    }
  return g_ascii_strcasecmp (scheme, "mailto") == 0;
}

static gboolean
has_scheme (const char *s)
{
  const char *p = s;

  if (s[0] == '/' && s[1] == '/')
    return TRUE;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  /* "C:" style or a one-letter scheme is a path, not a URL. */
  return *p == ':' && p - s > 1;
}

static void
check_url (Check           *check,
           const LekhEntry *entry,
           const LekhNode  *node,
           const char      *what)
{
  const char *s = lekh_node_get_string (node);

  if (s == NULL || is_empty_value (node) || is_template (s))
    return;
  if (!url_is_valid (s))
    emit (check, "invalid-url", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
          _("“%s” is not a valid web address for “%s” (expected https://…)"), s, what);
}

static void
check_image (Check           *check,
             const LekhEntry *entry,
             const LekhNode  *node,
             const char      *what)
{
  const char *s;
  g_autofree char *resolved = NULL;
  LekhImageStatus status = LEKH_IMAGE_UNKNOWN;

  node = lekh_node_resolve (node);
  if (node == NULL || node->kind != LEKH_NODE_SCALAR || is_empty_value (node))
    return;
  s = node->scalar;

  if (has_scheme (s))
    {
      if (g_str_has_prefix (s, "data:"))
        return;
      check_url (check, entry, node, what);
      return;
    }
  if (check->path == NULL)
    return;
  if (is_template (s))
    return;

  resolved = lekh_site_resolve_image (check->site, check->path, s, &status);
  if (status == LEKH_IMAGE_MISSING)
    emit (check, "missing-local-image", LEKH_SEVERITY_WARNING, value_span (entry, node),
          entry->key,
          lekh_site_get_root (check->site) != NULL ?
            _("The image “%s” was found neither beside the article nor in the site’s static folder") :
            _("The image “%s” was not found beside the article"),
          s);
  else if (status == LEKH_IMAGE_OUTSIDE_SITE)
    emit (check, "missing-local-image", LEKH_SEVERITY_WARNING, value_span (entry, node),
          entry->key,
          _("The image “%s” is outside the site’s folder: the site will not publish it"), s);
}

static void
check_date (Check           *check,
            const LekhEntry *entry,
            const LekhNode  *node)
{
  LekhValueType type = lekh_node_get_value_type (node);
  const char *s = lekh_node_get_string (node);

  if (type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING)
    {
      wrong_type (check, entry, node, _("a date"));
      return;
    }
  if (s == NULL || date_is_valid (s) || is_template (s))
    return;
  emit (check, "invalid-date", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
        _("“%s” is not a valid date for “%s” (expected e.g. 2024-03-05 or 2024-03-05T10:30:00+05:30)"),
        s, entry->key);
}

/* Flags a repeated item (compared case-insensitively, Unicode-aware); ITEM_TEXT gives
 * the text of item I or NULL to skip it. */
static void
check_duplicates (Check           *check,
                  const LekhEntry *entry,
                  const LekhNode  *list,
                  const char    *(*item_text) (const LekhNode *item))
{
  g_autoptr(GHashTable) seen = NULL;
  gboolean all_scalars = TRUE;

  list = lekh_node_resolve (list);
  if (list == NULL || list->kind != LEKH_NODE_SEQUENCE || list->children->len < 2)
    return;

  for (guint i = 0; i < list->children->len; i++)
    {
      const LekhNode *item = lekh_node_resolve (g_ptr_array_index (list->children, i));

      if (item == NULL || item->kind != LEKH_NODE_SCALAR)
        all_scalars = FALSE;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < list->children->len; i++)
    {
      const LekhNode *raw = g_ptr_array_index (list->children, i);
      const char *text = item_text (lekh_node_resolve (raw));
      g_autofree char *folded = NULL;
      gpointer first;

      if (text == NULL || *text == '\0')
        continue;
      folded = lekh_text_fold (text);
      if (folded == NULL)
        continue;
      if (g_hash_table_lookup_extended (seen, folded, NULL, &first))
        {
          LekhDiagnostic *d;
          g_autofree char *description = NULL;

          d = emit (check, "duplicate-list-item", LEKH_SEVERITY_WARNING, &raw->span, entry->key,
                    _("“%s” appears twice in “%s” (first as item %u)"),
                    text, entry->key, GPOINTER_TO_UINT (first) + 1);
          if (all_scalars)
            {
              description = g_strdup_printf (_("Remove the second “%s”"), text);
              lekh_diagnostic_set_fix (d, LEKH_FIX_REMOVE_LIST_ITEM, description, text, i, NULL);
            }
        }
      else
        g_hash_table_insert (seen, g_steal_pointer (&folded), GUINT_TO_POINTER (i));
    }
}

static const char *
scalar_text (const LekhNode *item)
{
  if (item == NULL || item->kind != LEKH_NODE_SCALAR)
    return NULL;
  return item->scalar;
}

static const char *
tag_text (const LekhNode *item)
{
  if (item != NULL && item->kind == LEKH_NODE_MAPPING)
    return lekh_node_get_string (lekh_node_lookup (item, "label"));
  return scalar_text (item);
}

static const char *
author_text (const LekhNode *item)
{
  if (item != NULL && item->kind == LEKH_NODE_MAPPING)
    {
      const char *key = lekh_node_get_string (lekh_node_lookup (item, "key"));

      return key ? key : lekh_node_get_string (lekh_node_lookup (item, "name"));
    }
  return scalar_text (item);
}

/* Items of a list of strings: each a non-empty scalar. */
static void
check_string_items (Check           *check,
                    const LekhEntry *entry,
                    const LekhNode  *list)
{
  for (guint i = 0; i < list->children->len; i++)
    {
      const LekhNode *item = g_ptr_array_index (list->children, i);
      LekhValueType type = lekh_node_get_value_type (item);

      if (type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING)
        emit (check, "wrong-type", LEKH_SEVERITY_ERROR, value_span (entry, item), entry->key,
              _("Each item of “%s” should be text, not %s"), entry->key, describe_type (type));
      else if (is_empty_value (item))
        emit (check, "empty-value", LEKH_SEVERITY_WARNING, value_span (entry, item), entry->key,
              _("Item %u of “%s” is empty"), i + 1, entry->key);
    }
  check_duplicates (check, entry, list, scalar_text);
}

static GString *
list_keys (const LekhSiteData *data)
{
  GString *keys = g_string_new (NULL);
  guint n = lekh_site_data_get_n_entries (data);

  for (guint i = 0; i < n && i < MAX_LISTED_KEYS; i++)
    {
      if (i > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, lekh_site_data_get_entry (data, i)->key);
    }
  if (n > MAX_LISTED_KEYS)
    g_string_append (keys, ", …");
  return keys;
}

/* A broken authors.yml / tags.yml is reported at the key that needed it, and its
 * entries are not used (every author would look unknown). */
static const LekhSiteData *
usable_data (Check              *check,
             const LekhEntry    *entry,
             const LekhSiteData *data)
{
  const GError *error;

  if (data == NULL || (error = lekh_site_data_get_error (data)) == NULL)
    return data;
  emit (check, "site-data", LEKH_SEVERITY_ERROR, &entry->key_span, entry->key,
        _("%s cannot be read, so “%s” is not checked against it: %s"),
        lekh_site_data_get_path (data), entry->key, error->message);
  return NULL;
}

static void
check_author_key (Check              *check,
                  const LekhEntry    *entry,
                  const LekhNode     *node,
                  const char         *key,
                  const LekhSiteData *authors)
{
  g_autoptr(GString) keys = NULL;
  g_autofree char *description = NULL;
  g_autofree char *basename = NULL;
  LekhDiagnostic *d;

  if (authors == NULL || key == NULL || *key == '\0' || lekh_site_data_lookup (authors, key))
    return;
  keys = list_keys (authors);
  basename = g_path_get_basename (lekh_site_data_get_path (authors));

  /* A typo of a known author ("lakr" for "lark"): offer the author, not adding the typo. */
  {
    const char *closest = NULL;
    guint best = 3;
    guint len = g_utf8_strlen (key, -1);

    for (guint i = 0; i < lekh_site_data_get_n_entries (authors); i++)
      {
        const char *known = lekh_site_data_get_entry (authors, i)->key;
        guint distance = lekh_text_edit_distance (key, known, 2);

        if (distance < best && distance < len)
          {
            best = distance;
            closest = known;
          }
      }
    if (closest != NULL)
      {
        d = emit (check, "unknown-author", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
                  _("The author “%s” is not in %s. Did you mean “%s”?"), key, basename, closest);
        description = g_strdup_printf (_("Replace with “%s”"), closest);
        lekh_diagnostic_set_fix (d, LEKH_FIX_REPLACE_VALUE, description, closest, 0, NULL);
        return;
      }
  }

  d = emit (check, "unknown-author", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
            _("The author “%s” is not in %s (known authors: %s)"),
            key, basename, keys->len > 0 ? keys->str : _("none"));
  description = g_strdup_printf (_("Add “%s” to %s"), key, basename);
  lekh_diagnostic_set_fix (d, LEKH_FIX_ADD_AUTHOR, description, key, 0,
                           lekh_site_data_get_path (authors));
}

static void
check_author_object (Check           *check,
                     const LekhEntry *entry,
                     const LekhNode  *object,
                     const LekhSiteData *authors)
{
  for (guint i = 0; i + 1 < object->children->len; i += 2)
    {
      const char *field = lekh_node_get_string (g_ptr_array_index (object->children, i));
      const LekhNode *value = g_ptr_array_index (object->children, i + 1);

      if (field == NULL)
        continue;
      if (strcmp (field, "url") == 0)
        check_url (check, entry, value, "url");
      else if (strcmp (field, "image_url") == 0 || strcmp (field, "imageURL") == 0)
        check_image (check, entry, value, field);
      else if (strcmp (field, "key") == 0)
        check_author_key (check, entry, value, lekh_node_get_string (value), authors);
    }
}

static void
check_authors (Check           *check,
               const LekhEntry *entry,
               const LekhNode  *node)
{
  const LekhSiteData *authors = NULL;

  if (lekh_profile_get_id (check->profile) == LEKH_PROFILE_DOCUSAURUS && check->path != NULL)
    authors = usable_data (check, entry, lekh_site_get_authors (check->site, check->path));

  if (node->kind == LEKH_NODE_SCALAR)
    {
      check_author_key (check, entry, node, node->scalar, authors);
      return;
    }
  if (node->kind == LEKH_NODE_MAPPING)
    {
      check_author_object (check, entry, node, authors);
      return;
    }

  for (guint i = 0; i < node->children->len; i++)
    {
      const LekhNode *item = lekh_node_resolve (g_ptr_array_index (node->children, i));

      if (item == NULL)
        continue;
      if (item->kind == LEKH_NODE_SCALAR)
        {
          if (is_empty_value (item))
            emit (check, "empty-value", LEKH_SEVERITY_WARNING, value_span (entry, item),
                  entry->key, _("Item %u of “%s” is empty"), i + 1, entry->key);
          else
            check_author_key (check, entry, item, item->scalar, authors);
        }
      else if (item->kind == LEKH_NODE_MAPPING)
        check_author_object (check, entry, item, authors);
      else
        emit (check, "wrong-type", LEKH_SEVERITY_ERROR, value_span (entry, item), entry->key,
              _("Each item of “%s” should be an author key or an author object"), entry->key);
    }
  check_duplicates (check, entry, node, author_text);
}

static void
check_tags (Check           *check,
            const LekhEntry *entry,
            const LekhNode  *node)
{
  const LekhSiteData *tags = NULL;

  if (node->kind != LEKH_NODE_SEQUENCE)
    {
      wrong_type (check, entry, node, _("a list"));
      return;
    }
  if (check->path != NULL)
    tags = usable_data (check, entry, lekh_site_get_tags (check->site, check->path));

  for (guint i = 0; i < node->children->len; i++)
    {
      const LekhNode *item = lekh_node_resolve (g_ptr_array_index (node->children, i));

      if (item == NULL)
        continue;
      if (item->kind == LEKH_NODE_MAPPING)
        {
          if (lekh_node_lookup (item, "label") == NULL)
            emit (check, "wrong-type", LEKH_SEVERITY_ERROR, value_span (entry, item), entry->key,
                  _("A tag object in “%s” needs a “label”"), entry->key);
        }
      else if (item->kind != LEKH_NODE_SCALAR)
        emit (check, "wrong-type", LEKH_SEVERITY_ERROR, value_span (entry, item), entry->key,
              _("Each item of “%s” should be text or a {label, permalink} object"), entry->key);
      else if (is_empty_value (item))
        emit (check, "empty-value", LEKH_SEVERITY_WARNING, value_span (entry, item), entry->key,
              _("Item %u of “%s” is empty"), i + 1, entry->key);
      else if (tags != NULL && lekh_site_data_lookup (tags, item->scalar) == NULL)
        {
          g_autofree char *basename = g_path_get_basename (lekh_site_data_get_path (tags));
          g_autofree char *description = g_strdup_printf (_("Add “%s” to %s"),
                                                          item->scalar, basename);
          LekhDiagnostic *d;

          d = emit (check, "undefined-tag", LEKH_SEVERITY_WARNING, value_span (entry, item),
                    entry->key, _("The tag “%s” is not defined in %s"), item->scalar, basename);
          lekh_diagnostic_set_fix (d, LEKH_FIX_ADD_TAG, description, item->scalar, 0,
                                   lekh_site_data_get_path (tags));
        }
    }
  check_duplicates (check, entry, node, tag_text);
}

/* Lengths in user-perceived characters; full-width (CJK) ones count twice, as search
 * results cut titles and descriptions by the room they take. Too long: a warning; a short
 * description is only worth a note. */
static void
check_length (Check           *check,
              const LekhEntry *entry,
              const LekhNode  *node,
              const char      *rule,
              guint            min,
              guint            max)
{
  const char *s = lekh_node_get_string (node);
  g_autofree char *measure = NULL;
  gsize n = 0, width = 0;

  if (s == NULL || is_empty_value (node) || lekh_node_get_value_type (node) != LEKH_VALUE_STRING)
    return;
  lekh_text_measure (s, node->scalar_len, &n, &width);
  if (width <= max && width >= min)
    return;

  if (width != n)
    /* TRANSLATORS: e.g. "40 characters long (80 with full-width characters counted twice)" */
    measure = g_strdup_printf (_("%zu characters long (%zu with full-width characters counted twice)"),
                               n, width);
  else
    measure = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zu character long",
                                            "%zu characters long", n),
                               n);

  if (width > max)
    emit (check, rule, LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
          _("“%s” is %s; keep it within %u so search results show it whole"),
          entry->key, measure, max);
  else
    emit (check, rule, LEKH_SEVERITY_INFO, value_span (entry, node), entry->key,
          _("“%s” is only %s; %u or more give search results more to show"),
          entry->key, measure, min);
}

static void
check_field (Check           *check,
             const LekhEntry *entry,
             const LekhField *field)
{
  const LekhNode *node = lekh_node_resolve (entry->value);
  LekhValueType type = lekh_node_get_value_type (node);

  if (field->type == LEKH_FIELD_ANY)
    return;

  if (is_empty_value (node))
    {
      if (!(field->flags & LEKH_FIELD_FLAG_MAY_BE_EMPTY))
        emit (check, "empty-value", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
              _("“%s” is empty; give it a value or remove the line"), entry->key);
      return;
    }

  switch (field->type)
    {
    case LEKH_FIELD_STRING:
      if (type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING)
        wrong_type (check, entry, node, _("text"));
      else if (type != LEKH_VALUE_STRING)
        emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
              _("“%s” is read as %s, not text; put the value in quotes"),
              entry->key, describe_type (type));
      break;

    case LEKH_FIELD_TEXT:
      if (type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING)
        wrong_type (check, entry, node, _("text"));
      break;

    case LEKH_FIELD_BOOL:
      if (type != LEKH_VALUE_BOOL)
        wrong_type (check, entry, node, _("true or false"));
      break;

    case LEKH_FIELD_INT:
      if (type != LEKH_VALUE_INT)
        wrong_type (check, entry, node, _("a whole number"));
      break;

    case LEKH_FIELD_NUMBER:
      if (type != LEKH_VALUE_INT && type != LEKH_VALUE_FLOAT)
        wrong_type (check, entry, node, _("a number"));
      break;

    case LEKH_FIELD_DATE:
      check_date (check, entry, node);
      break;

    case LEKH_FIELD_URL:
      if (type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING)
        wrong_type (check, entry, node, _("a web address"));
      else
        check_url (check, entry, node, entry->key);
      break;

    case LEKH_FIELD_IMAGE:
      if (type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING)
        wrong_type (check, entry, node, _("an image path or web address"));
      else
        check_image (check, entry, node, entry->key);
      break;

    case LEKH_FIELD_IMAGE_LIST:
      if (type == LEKH_VALUE_MAPPING)
        wrong_type (check, entry, node, _("a list of images"));
      else if (type == LEKH_VALUE_SEQUENCE)
        for (guint i = 0; i < node->children->len; i++)
          check_image (check, entry, g_ptr_array_index (node->children, i), entry->key);
      else
        check_image (check, entry, node, entry->key);
      break;

    case LEKH_FIELD_STRING_LIST:
      if (type != LEKH_VALUE_SEQUENCE)
        wrong_type (check, entry, node, _("a list"));
      else
        check_string_items (check, entry, node);
      break;

    case LEKH_FIELD_STRING_OR_LIST:
      if (type == LEKH_VALUE_MAPPING)
        wrong_type (check, entry, node, _("text or a list"));
      else if (type == LEKH_VALUE_SEQUENCE)
        check_string_items (check, entry, node);
      break;

    case LEKH_FIELD_TAGS:
      check_tags (check, entry, node);
      break;

    case LEKH_FIELD_AUTHORS:
      check_authors (check, entry, node);
      break;

    case LEKH_FIELD_TOC_LEVEL:
      {
        gint64 level = 0;

        if (!lekh_node_get_int (node, &level) || level < 2 || level > 6)
          emit (check, "toc-levels", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
                _("“%s” should be a heading level from 2 to 6"), entry->key);
      }
      break;

    case LEKH_FIELD_MAPPING:
      if (type != LEKH_VALUE_MAPPING)
        wrong_type (check, entry, node, _("a set of “key: value” pairs"));
      else if (strcmp (field->name, "last_update") == 0 && lekh_node_lookup (node, "date") != NULL)
        check_date (check, entry, lekh_node_lookup (node, "date"));
      break;

    case LEKH_FIELD_LIST:
      if (type != LEKH_VALUE_SEQUENCE)
        wrong_type (check, entry, node, _("a list"));
      break;

    case LEKH_FIELD_ANY:
    default:
      break;
    }

  if (strcmp (field->name, "title") == 0)
    check_length (check, entry, node, "title-length", 0, TITLE_MAX);
  else if (strcmp (field->name, "description") == 0)
    check_length (check, entry, node, "description-length", DESCRIPTION_MIN, DESCRIPTION_MAX);
}

static void
check_unknown_key (Check           *check,
                   const LekhEntry *entry,
                   GHashTable      *present)
{
  const char *suggestion;
  LekhDiagnostic *d;

  /* Custom keys are normal; only a near miss of a known field is worth a word. */
  if (entry->key[0] == '_' || lekh_profile_key_is_known_anywhere (entry->key))
    return;
  suggestion = lekh_profile_suggest_field (check->profile, entry->key);
  if (suggestion == NULL)
    return;

  d = emit (check, "unknown-key", LEKH_SEVERITY_WARNING, &entry->key_span, entry->key,
            _("Unknown key “%s” for a %s site — did you mean “%s”?"),
            entry->key, lekh_profile_get_name (check->profile), suggestion);
  if (!g_hash_table_contains (present, suggestion))
    {
      g_autofree char *description = g_strdup_printf (_("Rename “%s” to “%s”"),
                                                      entry->key, suggestion);

      lekh_diagnostic_set_fix (d, LEKH_FIX_RENAME_KEY, description, suggestion, 0, NULL);
    }
}

static gboolean
node_is_true (const LekhNode *node)
{
  gboolean value = FALSE;

  return node != NULL && lekh_node_get_boolean (node, &value) && value;
}

/* Docusaurus and most generators take the first "# heading" as the title. */
static gboolean
body_has_h1 (LekhArticle *article)
{
  gsize len;
  const char *body = lekh_article_get_body (article, &len);
  const char *p = body, *end = body + MIN (len, 65536);
  gboolean fenced = FALSE;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;

      if (line_end - p >= 3 && (memcmp (p, "```", 3) == 0 || memcmp (p, "~~~", 3) == 0))
        fenced = !fenced;
      else if (!fenced && line_end - p >= 2 && p[0] == '#' && (p[1] == ' ' || p[1] == '\t'))
        return TRUE;
      p = line_end + 1;
    }
  return FALSE;
}

/* Front matter that only configures the generator (Hugo's headless bundles and
 * "_comment: Do not remove" partials) is not a page and needs no title. */
static gboolean
only_configuration (LekhArticle *article)
{
  guint n = lekh_article_get_n_entries (article);

  for (guint i = 0; i < n; i++)
    {
      const char *key = lekh_article_get_entry (article, i)->key;

      if (key[0] != '_' && strcmp (key, "cascade") != 0 && strcmp (key, "build") != 0 &&
          strcmp (key, "headless") != 0)
        return FALSE;
    }
  return TRUE;
}

static void
check_required (Check      *check,
                GHashTable *present)
{
  guint n = lekh_profile_get_n_fields (check->profile);

  if (only_configuration (check->article))
    return;

  for (guint i = 0; i < n; i++)
    {
      const LekhField *field = lekh_profile_get_field (check->profile, i);
      LekhSpan span;

      if (!(field->flags & LEKH_FIELD_FLAG_REQUIRED) ||
          g_hash_table_contains (present, field->name))
        continue;
      if (strcmp (field->name, "title") == 0 && body_has_h1 (check->article))
        continue;
      span = opening_span (check->article);
      /* The key names the missing field, so the window can mark it in the form. */
      emit (check, "required-field", LEKH_SEVERITY_WARNING, &span, field->name,
            _("The front matter has no “%s”"), field->name);
    }
}

static void
check_cross_fields (Check        *check,
                    GHashTable   *first)
{
  const LekhEntry *draft = g_hash_table_lookup (first, "draft");
  const LekhEntry *unlisted = g_hash_table_lookup (first, "unlisted");
  const LekhEntry *toc_min = g_hash_table_lookup (first, "toc_min_heading_level");
  const LekhEntry *toc_max = g_hash_table_lookup (first, "toc_max_heading_level");

  if (lekh_profile_get_id (check->profile) != LEKH_PROFILE_DOCUSAURUS)
    return;

  if (draft != NULL && unlisted != NULL && node_is_true (draft->value) &&
      node_is_true (unlisted->value))
    {
      LekhDiagnostic *d;

      d = emit (check, "draft-and-unlisted", LEKH_SEVERITY_ERROR, &unlisted->key_span, "unlisted",
                _("An article cannot be both a draft and unlisted; Docusaurus refuses to build it"));
      lekh_diagnostic_set_fix (d, LEKH_FIX_REMOVE_KEY, _("Remove “unlisted”"), NULL, 0, NULL);
    }

  if (toc_min != NULL && toc_max != NULL)
    {
      gint64 min = 0, max = 0;

      if (lekh_node_get_int (toc_min->value, &min) && lekh_node_get_int (toc_max->value, &max) &&
          min >= 2 && max <= 6 && min > max)
        emit (check, "toc-levels", LEKH_SEVERITY_ERROR, value_span (toc_max, toc_max->value),
              toc_max->key,
              /* Translators: both numbers are heading levels from 2 to 6 */
              _("“toc_max_heading_level” (%d) is below “toc_min_heading_level” (%d)"),
              (int) max, (int) min);
    }
}

static void
check_article_error (Check *check)
{
  const GError *error = lekh_article_get_error (check->article);
  guint line = lekh_article_get_error_line (check->article);
  guint column = lekh_article_get_error_column (check->article);
  LekhSpan span = span_at_position (check->article, line, column);
  const char *rule;

  if (error->domain == LEKH_ERROR && error->code == LEKH_ERROR_INVALID_UTF8)
    rule = "invalid-utf8";
  else if (error->domain == LEKH_ERROR && error->code == LEKH_ERROR_UNTERMINATED)
    {
      rule = "unterminated-front-matter";
      span = opening_span (check->article);
    }
  else
    {
      gsize len = 0;
      const char *text = lekh_article_get_text (check->article, &len);
      g_autofree char *plain = lekh_yaml_error_explain (text, len, error->message, line, column,
                                                        &line, &column);

      /* In plain words, at the mistake rather than where the parser gave up. */
      span = span_at_position (check->article, line, column);
      emit (check, "yaml-syntax", LEKH_SEVERITY_ERROR, &span, NULL, "%s", plain);
      return;
    }

  emit (check, rule, LEKH_SEVERITY_ERROR, &span, NULL, "%s", error->message);
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  return lekh_diagnostic_compare (*(LekhDiagnostic **) a, *(LekhDiagnostic **) b);
}

GPtrArray *
lekh_validator_check (LekhValidator *self,
                      LekhArticle   *article,
                      const char    *path)
{
  g_autoptr(LekhSite) site = NULL;
  g_autoptr(GHashTable) first = NULL;
  const LekhSplit *split;
  Check check = { 0 };
  gboolean ignore_case;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);

  site = lekh_validator_get_site (self, path);
  check.article = article;
  check.path = path;
  check.site = site;
  check.profile = lekh_site_get_profile (site);
  check.out = g_ptr_array_new_with_free_func ((GDestroyNotify) lekh_diagnostic_unref);

  if (lekh_article_get_error (article) != NULL)
    {
      check_article_error (&check);
      return check.out;
    }

  split = lekh_article_get_split (article);
  if (split->format == LEKH_FRONT_MATTER_TOML || split->format == LEKH_FRONT_MATTER_JSON)
    {
      LekhSpan span = opening_span (article);

      emit (&check, "unsupported-front-matter", LEKH_SEVERITY_INFO, &span, NULL,
            split->format == LEKH_FRONT_MATTER_TOML ?
              _("TOML front matter is not checked; only YAML front matter is") :
              _("JSON front matter is not checked; only YAML front matter is"));
      return check.out;
    }
  if (split->format != LEKH_FRONT_MATTER_YAML)
    return check.out;

  ignore_case = lekh_profile_keys_ignore_case (check.profile);
  first = g_hash_table_new (g_str_hash, g_str_equal);

  /* First occurrence of each key (by the profile's own spelling of known fields). */
  n = lekh_article_get_n_entries (article);
  {
    g_autoptr(GHashTable) folded_first = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                g_free, NULL);

    for (guint i = 0; i < n; i++)
      {
        const LekhEntry *entry = lekh_article_get_entry (article, i);
        const LekhField *field = lekh_profile_lookup_field (check.profile, entry->key);
        char *dup_key = ignore_case ? g_ascii_strdown (entry->key, -1) : g_strdup (entry->key);
        const LekhEntry *earlier = g_hash_table_lookup (folded_first, dup_key);

        if (earlier != NULL)
          {
            emit (&check, "duplicate-key", LEKH_SEVERITY_ERROR, &entry->key_span, entry->key,
                  _("“%s” is given twice (first on line %u); the generator keeps only one of them"),
                  entry->key, earlier->key_span.line);
            g_free (dup_key);
            continue;
          }
        g_hash_table_insert (folded_first, dup_key, (gpointer) entry);
        g_hash_table_insert (first, (gpointer) (field ? field->name : entry->key), (gpointer) entry);
      }
  }

  for (guint i = 0; i < n; i++)
    {
      const LekhEntry *entry = lekh_article_get_entry (article, i);
      const LekhField *field = lekh_profile_lookup_field (check.profile, entry->key);

      if (field == NULL)
        check_unknown_key (&check, entry, first);
      else if (g_hash_table_lookup (first, field->name) == entry)
        check_field (&check, entry, field);
    }

  check_cross_fields (&check, first);
  check_required (&check, first);

  g_ptr_array_sort (check.out, compare_diagnostics);
  return check.out;
}
