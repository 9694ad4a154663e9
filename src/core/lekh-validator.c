/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <yaml.h>

#include "lekh-text.h"
#include "lekh-validator.h"
#include "lekh-yaml-error.h"

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
  "toml-syntax",
  "json-syntax",
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
  "conflicting-fields",
  "site-unreadable",
  "post-file-name",
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

void
lekh_validator_add_folder_listing (LekhValidator      *self,
                                   const char         *folder,
                                   const char * const *names)
{
  g_return_if_fail (self != NULL);

  lekh_site_cache_add_listing (self->sites, folder, names);
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

static gboolean
is_empty_value_text (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
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
  if (status == LEKH_IMAGE_UNREADABLE)
    emit (check, "site-unreadable", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
          _("Whether the image “%s” exists is not known: a folder on its way cannot be read; "
            "give Lekh access to the site’s folder (open the folder itself, or check its "
            "permissions)"), s);
  else if (status == LEKH_IMAGE_MISSING)
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
  /* A TOML date-time is a date by its syntax (the reader checked it): accepted as is. */
  if (s == NULL || date_is_valid (s) || is_template (s) ||
      (type == LEKH_VALUE_TIMESTAMP && node->tag != NULL &&
       lekh_article_get_split (check->article)->format == LEKH_FRONT_MATTER_TOML))
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

/* A check that could not look says so (never a clean bill): a site file could not be read
 * (REASON names it), so CHECKED was not checked. */
static void
site_unreadable (Check          *check,
                 const LekhSpan *span,
                 const char     *key,
                 const char     *reason,
                 const char     *checked)
{
  emit (check, "site-unreadable", LEKH_SEVERITY_WARNING, span, key,
        _("“%s” is not checked: %s. Give Lekh access to the site’s folder (open the folder "
          "itself, or check its permissions)"),
        checked, reason);
}

/* A broken authors.yml / tags.yml is reported at the key that needed it, and its
 * entries are not used (every author would look unknown). */
static const LekhSiteData *
usable_data (Check              *check,
             const LekhEntry    *entry,
             const LekhSiteData *data)
{
  const GError *error;

  if (data != NULL && lekh_site_data_get_error (data) == NULL &&
      lekh_site_data_get_problem (data) != NULL &&
      lekh_profile_get_id (check->profile) == LEKH_PROFILE_DOCUSAURUS)
    /* getAuthorsMap / getTagsFile throw: the whole site does not build */
    emit (check, "site-data", LEKH_SEVERITY_ERROR, &entry->key_span, entry->key,
          _("Docusaurus refuses %s, so the site does not build: %s"),
          lekh_site_data_get_path (data), lekh_site_data_get_problem (data));
  if (data == NULL || (error = lekh_site_data_get_error (data)) == NULL)
    return data;
  if (error->domain == G_FILE_ERROR)
    {
      site_unreadable (check, &entry->key_span, entry->key, error->message, entry->key);
      return NULL;
    }
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

/* Docusaurus, rule for rule from its own schemas (3.10.2). Docusaurus reads front matter with
 * gray-matter and js-yaml 4 (the same YAML types as lekh-node.c), then validates it with Joi
 * through JoiFrontMatter (@docusaurus/utils-validation lib/JoiFrontMatter.js), which turns a
 * number or a date into text wherever text is expected; Joi itself (convert: true) reads
 * "true"/"false" as booleans and "3" as a number. Only what Docusaurus refuses is an error. */

typedef enum
{
  DOCUSAURUS_BLOG = 1 << 0,
  DOCUSAURUS_DOCS = 1 << 1,
  DOCUSAURUS_ANY  = DOCUSAURUS_BLOG | DOCUSAURUS_DOCS,
} DocusaurusPlugin;

typedef enum
{
  JOI_STRING,        /* JoiFrontMatter.string() */
  JOI_BOOLEAN,       /* JoiFrontMatter.boolean() */
  JOI_NUMBER,        /* JoiFrontMatter.number() */
  JOI_DATE,          /* JoiFrontMatter.date().raw(), then the blog's getDate() */
  JOI_URI,           /* URISchema */
  JOI_OBJECT,        /* JoiFrontMatter.object().unknown() */
  JOI_KEYWORDS,      /* JoiFrontMatter.array().items(JoiFrontMatter.string().required()) */
  JOI_TAGS,          /* FrontMatterTagsSchema */
  JOI_AUTHORS,       /* the blog's authors alternatives */
  JOI_TOC_LEVEL,     /* FrontMatterTOCHeadingLevels */
  JOI_LAST_UPDATE,   /* FrontMatterLastUpdateSchema */
} JoiType;

#define JOI_ALLOW_EMPTY (1 << 0)   /* .allow('') */
#define JOI_ALLOW_NULL  (1 << 1)   /* .allow(null) */

typedef struct
{
  const char *name;
  JoiType     type;
  guint       allow;
  guint       plugins;
} DocusaurusField;

/* A field of both plugins comes first when both schemas agree; where they differ the blog's
 * entry (the more lenient) is first, so an article of neither folder gets the benefit. */
static const DocusaurusField docusaurus_schema[] = {
  /* @docusaurus/plugin-content-blog 3.10.2 lib/frontMatter.js, BlogFrontMatterSchema, and
   * @docusaurus/plugin-content-docs 3.10.2 lib/frontMatter.js, DocFrontMatterSchema */
  { "id", JOI_STRING, 0, DOCUSAURUS_ANY },
  { "title", JOI_STRING, JOI_ALLOW_EMPTY, DOCUSAURUS_ANY },
  { "description", JOI_STRING, JOI_ALLOW_EMPTY, DOCUSAURUS_ANY },
  { "tags", JOI_TAGS, 0, DOCUSAURUS_ANY },
  { "slug", JOI_STRING, 0, DOCUSAURUS_ANY },
  { "image", JOI_URI, 0, DOCUSAURUS_ANY },
  { "keywords", JOI_KEYWORDS, 0, DOCUSAURUS_ANY },
  { "hide_table_of_contents", JOI_BOOLEAN, 0, DOCUSAURUS_ANY },
  { "toc_min_heading_level", JOI_TOC_LEVEL, 0, DOCUSAURUS_ANY },
  { "toc_max_heading_level", JOI_TOC_LEVEL, 0, DOCUSAURUS_ANY },
  { "last_update", JOI_LAST_UPDATE, 0, DOCUSAURUS_ANY },
  /* @docusaurus/utils-validation 3.10.2 lib/validationSchemas.js, ContentVisibilitySchema */
  { "draft", JOI_BOOLEAN, 0, DOCUSAURUS_ANY },
  { "unlisted", JOI_BOOLEAN, 0, DOCUSAURUS_ANY },
  /* blog only: title_meta: string().allow(''), sidebar_label: string().allow('') */
  { "title_meta", JOI_STRING, JOI_ALLOW_EMPTY, DOCUSAURUS_BLOG },
  { "sidebar_label", JOI_STRING, JOI_ALLOW_EMPTY, DOCUSAURUS_BLOG },
  { "date", JOI_DATE, 0, DOCUSAURUS_BLOG },
  { "authors", JOI_AUTHORS, 0, DOCUSAURUS_BLOG },
  /* legacy author front matter: author, author_title, authorTitle: string();
   * author_url, author_image_url, authorURL, authorImageURL: URISchema */
  { "author", JOI_STRING, 0, DOCUSAURUS_BLOG },
  { "author_title", JOI_STRING, 0, DOCUSAURUS_BLOG },
  { "authorTitle", JOI_STRING, 0, DOCUSAURUS_BLOG },
  { "author_url", JOI_URI, 0, DOCUSAURUS_BLOG },
  { "authorURL", JOI_URI, 0, DOCUSAURUS_BLOG },
  { "author_image_url", JOI_URI, 0, DOCUSAURUS_BLOG },
  { "authorImageURL", JOI_URI, 0, DOCUSAURUS_BLOG },
  /* docs only */
  { "sidebar_label", JOI_STRING, 0, DOCUSAURUS_DOCS },
  { "hide_title", JOI_BOOLEAN, 0, DOCUSAURUS_DOCS },
  { "sidebar_key", JOI_STRING, 0, DOCUSAURUS_DOCS },
  { "sidebar_position", JOI_NUMBER, 0, DOCUSAURUS_DOCS },
  { "sidebar_class_name", JOI_STRING, 0, DOCUSAURUS_DOCS },
  { "sidebar_custom_props", JOI_OBJECT, 0, DOCUSAURUS_DOCS },
  { "displayed_sidebar", JOI_STRING, JOI_ALLOW_NULL, DOCUSAURUS_DOCS },
  { "pagination_label", JOI_STRING, 0, DOCUSAURUS_DOCS },
  { "custom_edit_url", JOI_URI, JOI_ALLOW_EMPTY | JOI_ALLOW_NULL, DOCUSAURUS_DOCS },
  { "parse_number_prefixes", JOI_BOOLEAN, 0, DOCUSAURUS_DOCS },
  { "pagination_next", JOI_STRING, JOI_ALLOW_NULL, DOCUSAURUS_DOCS },
  { "pagination_prev", JOI_STRING, JOI_ALLOW_NULL, DOCUSAURUS_DOCS },
};

static const DocusaurusField *
docusaurus_lookup (const char *name,
                   guint       plugins)
{
  for (guint i = 0; i < G_N_ELEMENTS (docusaurus_schema); i++)
    if ((docusaurus_schema[i].plugins & plugins) != 0 &&
        strcmp (docusaurus_schema[i].name, name) == 0)
      return &docusaurus_schema[i];
  return NULL;
}

/* Which plugin reads the article: the blog (blog/, i18n/LOCALE/docusaurus-plugin-content-blog/),
 * the docs (docs/, versioned_docs/, …-content-docs/), or either when the path does not say
 * (no path, or a folder of another name). Below a site root, the first matching folder;
 * without one, the last. */
static guint
docusaurus_plugin_of (Check *check)
{
  const char *root = lekh_site_get_root (check->site);
  const char *path = check->path;
  g_auto(GStrv) parts = NULL;
  guint found = DOCUSAURUS_ANY;
  guint n;

  if (path == NULL)
    return DOCUSAURUS_ANY;
  if (root != NULL)
    {
      gsize len = strlen (root);

      if (strncmp (path, root, len) == 0 && path[len] == G_DIR_SEPARATOR)
        path += len + 1;
    }
  parts = g_strsplit (path, G_DIR_SEPARATOR_S, -1);
  n = g_strv_length (parts);
  for (guint i = 0; i + 1 < n; i++)
    {
      guint plugin = 0;

      if (strcmp (parts[i], "blog") == 0 ||
          strcmp (parts[i], "docusaurus-plugin-content-blog") == 0)
        plugin = DOCUSAURUS_BLOG;
      else if (strcmp (parts[i], "docs") == 0 || strcmp (parts[i], "versioned_docs") == 0 ||
               strcmp (parts[i], "docusaurus-plugin-content-docs") == 0)
        plugin = DOCUSAURUS_DOCS;
      if (plugin != 0)
        {
          found = plugin;
          if (root != NULL)
            break;
        }
    }
  return found;
}

/* Joi's number conversion of a string: /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i */
static gboolean
joi_numeric_string (const char *s)
{
  const char *p = s;
  gboolean digits = FALSE;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  while (g_ascii_isspace (*p))
    p++;
  return *p == '\0';
}

/* Without libm: a finite double beyond 2^53 is always whole. */
static gboolean
is_whole (double v)
{
  if (v > 9007199254740991.0 || v < -9007199254740991.0)
    return TRUE;
  return v == (double) (gint64) v;
}

/* Joi.number(): a finite number within JavaScript's safe integers, or a string Joi converts. */
static gboolean
joi_number (const LekhNode *node,
            double         *value)
{
  LekhValueType type = lekh_node_get_value_type (node);
  double v = 0;

  if (type == LEKH_VALUE_INT || type == LEKH_VALUE_FLOAT)
    lekh_node_get_double (node, &v);
  else if (type == LEKH_VALUE_STRING && joi_numeric_string (lekh_node_get_string (node)))
    v = g_ascii_strtod (lekh_node_get_string (node), NULL);
  else
    return FALSE;
  if (!isfinite (v) || ((v > 9007199254740991.0 || v < -9007199254740991.0) && is_whole (v)))
    return FALSE;
  if (value != NULL)
    *value = v;
  return TRUE;
}

/* Joi.boolean() with convert: true, false, and the strings "true"/"false" in any case. */
static gboolean
joi_boolean (const LekhNode *node,
             gboolean       *value,
             gboolean       *from_string)
{
  LekhValueType type = lekh_node_get_value_type (node);
  const char *s = lekh_node_get_string (node);

  *from_string = FALSE;
  if (type == LEKH_VALUE_BOOL)
    return lekh_node_get_boolean (node, value);
  if (type != LEKH_VALUE_STRING)
    return FALSE;
  *from_string = TRUE;
  if (g_ascii_strcasecmp (s, "true") == 0)
    *value = TRUE;
  else if (g_ascii_strcasecmp (s, "false") == 0)
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* URISchema (@docusaurus/utils-validation lib/validationSchemas.js): Joi.string().uri({
 * allowRelative: true }) — @sideway/address's RFC 3986 expression, whose character classes
 * also let a lone "%" through — or else anything `new URL()` parses. */
static gboolean
joi_uri_char (char c)
{
  return g_ascii_isalnum (c) || strchr ("_-.~%!$&'()*+,;=:@", c) != NULL;
}

/* IP-literal = "[" IPv6address / IPvFuture "]", loosely: hex digits, ':' and '.' */
static gboolean
ip_literal_ok (const char *start,
               const char *end)
{
  if (end - start < 3 || start[0] != '[' || end[-1] != ']')
    return FALSE;
  for (const char *p = start + 1; p < end - 1; p++)
    if (!g_ascii_isxdigit (*p) && *p != ':' && *p != '.')
      return FALSE;
  return TRUE;
}

/* authority = [ userinfo "@" ] host [ ":" port ], userinfo holding no '@' */
static gboolean
joi_authority_ok (const char *start,
                  const char *end)
{
  const char *at = NULL, *host = start, *host_end;

  for (const char *p = start; p < end; p++)
    if (*p == '@')
      {
        if (at != NULL)
          return FALSE;
        at = p;
      }
  if (at != NULL)
    host = at + 1;
  if (host < end && *host == '[')
    {
      const char *close = memchr (host, ']', end - host);

      if (close == NULL || !ip_literal_ok (host, close + 1))
        return FALSE;
      host_end = close + 1;
    }
  else
    {
      host_end = memchr (host, ':', end - host);
      if (host_end == NULL)
        host_end = end;
      if (host_end == host || host_end - host > 255)
        return FALSE;
      for (const char *p = host; p < host_end; p++)
        if (*p == '[' || *p == ']')
          return FALSE;
    }
  if (host_end < end)
    {
      if (*host_end != ':')
        return FALSE;
      for (const char *p = host_end + 1; p < end; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }
  return TRUE;
}

/* Where the authority of S is ("//" after the scheme, or at the start), or FALSE. */
static gboolean
uri_authority (const char  *s,
               const char **start,
               const char **end)
{
  const char *p = s;

  if (g_ascii_isalpha (*p))
    {
      const char *q = p;

      while (g_ascii_isalnum (*q) || *q == '+' || *q == '-' || *q == '.')
        q++;
      if (*q == ':')
        p = q + 1;
    }
  if (p[0] != '/' || p[1] != '/' || p[2] == '/')
    return FALSE;
  *start = p + 2;
  *end = *start + strcspn (*start, "/?#");
  return TRUE;
}

static gboolean
joi_uri_matches (const char *s)
{
  const char *p, *path_end, *first_end, *colon = NULL;
  const char *authority = NULL, *authority_end = NULL;
  gboolean fragment = FALSE;

  if (*s == '\0')
    return FALSE;
  /* wrap(): no "http:/x", "http:///", "http:x" */
  for (const char *scheme = "https"; scheme != NULL; scheme = scheme[4] == 's' ? "http" : NULL)
    {
      gsize n = strlen (scheme);

      if (strncmp (s, scheme, n) == 0 && s[n] == ':' &&
          !(s[n + 1] == '/' && s[n + 2] == '/' && s[n + 3] != '\0' && s[n + 3] != '/'))
        return FALSE;
    }
  uri_authority (s, &authority, &authority_end);
  for (p = s; *p; p++)
    {
      if (*p == '#')
        {
          if (fragment)
            return FALSE;
          fragment = TRUE;
        }
      else if ((*p == '[' || *p == ']') && authority != NULL && p >= authority &&
               p < authority_end)
        continue;
      else if (*p != '/' && *p != '?' && !joi_uri_char (*p))
        return FALSE;
    }

  path_end = s + strcspn (s, "?#");
  first_end = s + strcspn (s, "/?#");
  for (p = s; p < first_end; p++)
    if (*p == ':')
      {
        colon = p;
        break;
      }

  if (colon != NULL)
    {
      /* scheme ":" hier-part */
      const char *hier = colon + 1;

      if (!g_ascii_isalpha (s[0]))
        return FALSE;
      for (p = s; p < colon; p++)
        if (!g_ascii_isalnum (*p) && *p != '+' && *p != '-' && *p != '.')
          return FALSE;
      if (hier == path_end)
        return FALSE;
      if (authority != NULL)
        return joi_authority_ok (authority, authority_end);
      return TRUE;
    }
  if (authority != NULL)
    return joi_authority_ok (authority, authority_end);
  return TRUE;
}

/* new URL(s) without a base: a scheme, and for the special schemes a host that WHATWG
 * URL accepts (no space or other forbidden host code point). */
static gboolean
whatwg_url_parses (const char *s)
{
  static const char * const special[] = { "http", "https", "ws", "wss", "ftp", "file", NULL };
  const char *p = s, *colon, *host, *host_end;
  g_autofree char *scheme = NULL;

  while (*p != '\0' && (guchar) *p <= ' ')
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  colon = p;
  while (g_ascii_isalnum (*colon) || *colon == '+' || *colon == '-' || *colon == '.')
    colon++;
  if (*colon != ':')
    return FALSE;
  scheme = g_ascii_strdown (p, colon - p);
  if (!g_strv_contains (special, scheme))
    return TRUE;
  if (strcmp (scheme, "file") == 0)
    return TRUE;
  host = colon + 1;
  while (*host == '/' || *host == '\\')
    host++;
  host_end = host + strcspn (host, "/\\?#");
  {
    const char *at = NULL;

    for (p = host; p < host_end; p++)
      if (*p == '@')
        at = p;
    if (at != NULL)
      host = at + 1;
  }
  if (host == host_end)
    return FALSE;
  if (*host == '[')
    {
      const char *close = memchr (host, ']', host_end - host);

      if (close == NULL || !ip_literal_ok (host, close + 1))
        return FALSE;
      p = close + 1;
    }
  else
    {
      for (p = host; p < host_end && *p != ':'; p++)
        if (strchr (" \t\n\r#%/<>?@[\\]^|", *p) != NULL && *p != '\0')
          return FALSE;
      if (p == host)
        return FALSE;
    }
  /* a port: digits, at most 65535 */
  if (p < host_end)
    {
      guint64 port = 0;

      if (*p != ':')
        return FALSE;
      for (p++; p < host_end; p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          port = port * 10 + (*p - '0');
          if (port > 65535)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
docusaurus_uri_is_valid (const char *s)
{
  return joi_uri_matches (s) || whatwg_url_parses (s);
}

static void
docusaurus_refuse (Check           *check,
                   const LekhEntry *entry,
                   const LekhNode  *node,
                   const char      *rule,
                   const char      *message)
{
  emit (check, rule, LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
        "%s", message);
}

/* JoiFrontMatter.string() on NODE (the value of ENTRY, or an item of it named WHAT).
 * Returns FALSE when Docusaurus refuses it. */
static gboolean
docusaurus_string (Check           *check,
                   const LekhEntry *entry,
                   const LekhNode  *node,
                   const char      *what,
                   guint            allow)
{
  LekhValueType type = lekh_node_get_value_type (node);
  const char *s = lekh_node_get_string (node);
  g_autofree char *message = NULL;

  switch (type)
    {
    case LEKH_VALUE_STRING:
      if (*s == '\0' && !(allow & JOI_ALLOW_EMPTY))
        {
          message = g_strdup_printf (_("“%s” is empty; Docusaurus refuses an empty text here "
                                       "(give it a value or remove it)"), what);
          break;
        }
      if (*s != '\0' && is_empty_value (node))
        emit (check, "empty-value", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
              _("“%s” holds only spaces; Docusaurus takes them as they are"), what);
      return TRUE;

    case LEKH_VALUE_NULL:
      if (allow & JOI_ALLOW_NULL)
        return TRUE;
      message = g_strdup_printf (_("“%s” has no value; Docusaurus wants text here and refuses "
                                   "an empty value (write '' or remove the line)"), what);
      break;

    case LEKH_VALUE_INT:
    case LEKH_VALUE_FLOAT:
      emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
            _("“%s” is read as a number, not text; Docusaurus turns it into text as JavaScript "
              "writes it (1.10 becomes 1.1, 0x1F becomes 31): put the value in quotes"), what);
      return TRUE;

    case LEKH_VALUE_TIMESTAMP:
      emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
            _("“%s” is read as a date, not text; Docusaurus turns it into text like "
              "“Wed Jan 31 2024 00:00:00 GMT+0000”: put the value in quotes"), what);
      return TRUE;

    default:
      message = g_strdup_printf (_("“%s” should be text, not %s; Docusaurus refuses it"),
                                 what, describe_type (type));
      break;
    }
  emit (check, type == LEKH_VALUE_STRING || type == LEKH_VALUE_NULL ? "empty-value" : "wrong-type",
        LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key, "%s", message);
  return FALSE;
}

/* Plain Joi.string() (no conversion): last_update.author, the socials of an author. */
static gboolean
joi_plain_string (const LekhNode *node)
{
  const char *s = lekh_node_get_string (node);

  return lekh_node_get_value_type (node) == LEKH_VALUE_STRING && *s != '\0';
}

/* URISchema on NODE; ABSOLUTE: the field means a web address (author_url), so a relative
 * reference, which Docusaurus accepts as a path of the site, is worth a warning. */
static gboolean
docusaurus_uri (Check           *check,
                const LekhEntry *entry,
                const LekhNode  *node,
                const char      *what,
                guint            allow,
                gboolean         absolute)
{
  LekhValueType type = lekh_node_get_value_type (node);
  const char *s = lekh_node_get_string (node);

  if (type == LEKH_VALUE_NULL && (allow & JOI_ALLOW_NULL))
    return TRUE;
  if (type == LEKH_VALUE_STRING && *s == '\0' && (allow & JOI_ALLOW_EMPTY))
    return TRUE;
  if (type != LEKH_VALUE_STRING)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” should be a web address or a path, not %s; Docusaurus "
                           "refuses it"), what, describe_type (type));

      docusaurus_refuse (check, entry, node, "wrong-type", message);
      return FALSE;
    }
  if (!docusaurus_uri_is_valid (s))
    {
      g_autofree char *message =
        g_strdup_printf (*s == '\0' ?
                           _("“%s” is empty; Docusaurus refuses an empty address") :
                           _("“%s” is not a valid address for “%s”; Docusaurus refuses it (spaces "
                             "and letters beyond ASCII must be percent-encoded, e.g. %%20)"),
                         *s == '\0' ? what : s, what);

      docusaurus_refuse (check, entry, node, "invalid-url", message);
      return FALSE;
    }
  if (absolute && !has_scheme (s) && !is_template (s))
    emit (check, "invalid-url", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
          _("“%s” has no https:// in front: Docusaurus accepts it as a path on this site, "
            "not as a web address"), s);
  return TRUE;
}

/* The day Date.UTC(YEAR, MONTH - 1, DAY) lands on: JavaScript rolls an impossible date
 * over (2024-02-30 is 2024-03-01). */
static char *
js_rolled_date (int year,
                int month,
                int day)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) rolled = NULL;
  int m = month - 1;

  year += m >= 0 ? m / 12 : -((11 - m) / 12);
  m = ((m % 12) + 12) % 12;
  first = g_date_time_new_utc (year, m + 1, 1, 0, 0, 0);
  if (first == NULL)
    return NULL;
  rolled = g_date_time_add_days (first, day - 1);
  return rolled ? g_date_time_format (rolled, "%Y-%m-%d") : NULL;
}

/* new Date(string) as Node 20 reads it. Joi's date() hands a quoted date to it, and the
 * blog's getDate() reads new Date(date + "Z"), so what Docusaurus accepts is what this
 * parser accepts: an ISO 8601 date-time string (ECMAScript's format) or, failing that, the
 * "legacy" forms browsers share (March 5, 2024; 3/5/2024; Tue, 05 Mar 2024 10:30:00 +0530).
 * Written from the behaviour documented for V8's date parser and checked against Node on
 * 1,400 random date strings (tests/differential/). */

#define JS_NONE G_MAXINT

typedef enum
{
  JS_TOKEN_NUMBER,
  JS_TOKEN_WORD,
  JS_TOKEN_SYMBOL,     /* one of : - + . ) */
  JS_TOKEN_SPACE,
  JS_TOKEN_OTHER,      /* anything else, or (parenthesised text) */
} JsTokenKind;

typedef enum
{
  JS_WORD_UNKNOWN,
  JS_WORD_MONTH,
  JS_WORD_ZONE,
  JS_WORD_AM_PM,
  JS_WORD_T,
} JsWordKind;

typedef struct
{
  JsTokenKind kind;
  int         value;     /* number (first 9 digits), symbol, month 1-12, zone hours, 0/12 */
  int         digits;    /* numbers: how many digits */
  JsWordKind  word;
  int         chars;     /* words: length in characters */
} JsToken;

typedef struct
{
  int      year, month, day;   /* month 1-12; day as written (may pass the month's end) */
  gboolean no_year;            /* none was written: JavaScript takes 2001 */
  gboolean has_zone;
  int      zone_seconds;
} JsDateParts;

static gboolean
in_range (int x,
          int lo,
          int hi)
{
  return x >= lo && x <= hi;
}

/* Bytes of a white-space character at P (ECMAScript's WhiteSpace and LineTerminator), or 0. */
static int
js_space_bytes (const char *p,
                const char *end)
{
  static const gunichar spaces[] = {
    0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF
  };
  gunichar c;

  if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
    return 1;
  if ((guchar) *p < 0x80)
    return 0;
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (spaces); i++)
    if (c == spaces[i])
      return g_utf8_next_char (p) - p;
  return c >= 0x2000 && c <= 0x200A ? g_utf8_next_char (p) - p : 0;
}

static const char *
js_next_char (const char *p,
              const char *end)
{
  const char *next = g_utf8_find_next_char (p, end);

  return next != NULL ? next : end;
}

static void
js_classify_word (JsToken    *token,
                  const char *lower)
{
  static const char months[12][4] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };
  static const struct
  {
    const char *name;
    int         hours;
  } zones[] = {
    { "ut", 0 }, { "utc", 0 }, { "z", 0 }, { "gmt", 0 }, { "cdt", -5 }, { "cst", -6 },
    { "edt", -4 }, { "est", -5 }, { "mdt", -6 }, { "mst", -7 }, { "pdt", -7 }, { "pst", -8 },
  };

  token->word = JS_WORD_UNKNOWN;
  /* a month by its first three letters, whatever follows */
  for (guint m = 0; m < 12; m++)
    if (token->chars >= 3 && strncmp (lower, months[m], 3) == 0)
      {
        token->word = JS_WORD_MONTH;
        token->value = m + 1;
        return;
      }
  if (token->chars > 3)
    return;
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    if (strcmp (lower, zones[z].name) == 0)
      {
        token->word = JS_WORD_ZONE;
        token->value = zones[z].hours;
        return;
      }
  if (strcmp (lower, "am") == 0 || strcmp (lower, "pm") == 0)
    {
      token->word = JS_WORD_AM_PM;
      token->value = lower[0] == 'p' ? 12 : 0;
    }
  else if (strcmp (lower, "t") == 0)
    token->word = JS_WORD_T;
}

static GArray *
js_tokenize (const char *s,
             gsize       len)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (JsToken));
  const char *p = s, *end = s + len;

  while (p < end)
    {
      JsToken token = { 0 };
      int space;

      if (g_ascii_isdigit (*p))
        {
          token.kind = JS_TOKEN_NUMBER;
          for (; p < end && g_ascii_isdigit (*p); p++, token.digits++)
            if (token.digits < 9)
              token.value = token.value * 10 + (*p - '0');
        }
      else if (strchr (":-+.)", *p) != NULL && *p != '\0')
        {
          token.kind = JS_TOKEN_SYMBOL;
          token.value = *p++;
        }
      else if ((space = js_space_bytes (p, end)) > 0)
        {
          token.kind = JS_TOKEN_SPACE;
          p += space;
        }
      else if ((guchar) *p >= 'A')
        {
          char lower[4] = { 0 };

          /* a word: every character from 'A' up, which includes letters beyond ASCII */
          token.kind = JS_TOKEN_WORD;
          while (p < end && (guchar) *p >= 'A' && js_space_bytes (p, end) == 0)
            {
              if (token.chars < 3)
                lower[token.chars] = (guchar) *p < 0x80 ? (char) (*p | 0x20) : '\x7f';
              p = js_next_char (p, end);
              token.chars++;
            }
          js_classify_word (&token, lower);
        }
      else if (*p == '(')
        {
          int depth = 0;

          token.kind = JS_TOKEN_OTHER;
          do
            {
              depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
              p++;
            }
          while (depth > 0 && p < end);
        }
      else
        {
          token.kind = JS_TOKEN_OTHER;
          p = js_next_char (p, end);
        }
      g_array_append_val (tokens, token);
    }
  return tokens;
}

/* The parse in progress: date parts, time parts, zone. */
typedef struct
{
  const JsToken *tokens;
  guint          n;
  guint          at;
  int            date[3];
  guint          n_date;
  int            month_name;
  gboolean       iso;
  int            time[4];
  guint          n_time;
  int            hour_offset;
  int            zone_sign;
  int            zone_hour;
  int            zone_minute;
} JsParse;

static const JsToken *
js_peek (JsParse *parse)
{
  return parse->at < parse->n ? &parse->tokens[parse->at] : NULL;
}

static gboolean
js_is (const JsToken *token,
       JsTokenKind    kind,
       int            value)
{
  return token != NULL && token->kind == kind && (value < 0 || token->value == value);
}

static gboolean
js_take_symbol (JsParse *parse,
                char     symbol)
{
  if (!js_is (js_peek (parse), JS_TOKEN_SYMBOL, symbol))
    return FALSE;
  parse->at++;
  return TRUE;
}

static gboolean
js_is_number_of (const JsToken *token,
                 int            digits)
{
  return token != NULL && token->kind == JS_TOKEN_NUMBER && token->digits == digits;
}

static gboolean
js_is_sign (const JsToken *token)
{
  return js_is (token, JS_TOKEN_SYMBOL, '+') || js_is (token, JS_TOKEN_SYMBOL, '-');
}

static gboolean
js_is_z (const JsToken *token)
{
  return token != NULL && token->kind == JS_TOKEN_WORD && token->word == JS_WORD_ZONE &&
         token->chars == 1;
}

/* A fraction of a second as milliseconds: its first three digits. */
static int
js_milliseconds (const JsToken *token)
{
  int value = token->value, digits = MIN (token->digits, 9);

  for (; digits < 3; digits++)
    value *= 10;
  for (; digits > 3; digits--)
    value /= 10;
  return value;
}

static void
js_set_zone_hours (JsParse *parse,
                   int      hours)
{
  parse->zone_sign = hours < 0 ? -1 : 1;
  parse->zone_hour = ABS (hours);
  parse->zone_minute = 0;
}

typedef enum
{
  JS_ISO_DONE,
  JS_ISO_INVALID,
  JS_ISO_GO_ON,        /* continue with the legacy forms */
} JsIsoResult;

/* Takes the next token as the legacy parser's first (none at the end). */
static JsIsoResult
js_hand_over (JsParse *parse,
              int     *first)
{
  *first = parse->at < parse->n ? (int) parse->at++ : -1;
  return JS_ISO_GO_ON;
}

/* The ISO form: [+-YYYYYY|YYYY][-MM[-DD]][THH:mm[:ss[.sss]][Z|+hh:mm|+hhmm]]. Returns
 * GO_ON with *FIRST the token where it stopped matching (the legacy parser's first, or -1)
 * and parse->at the one after, keeping the date parts read so far.
 * Long because it follows the form left to right (sign and year, month and day, T and the
 * time parts, the zone), and each part may stop the match where it is, handing that token
 * to the legacy parser; split by part, each piece would need the parse, FIRST and how far
 * it got. */
static JsIsoResult
js_parse_iso (JsParse *parse,
              int     *first)
{
  const JsToken *t = js_peek (parse);

  if (js_is_sign (t))
    {
      guint sign_at = parse->at++;
      const JsToken *sign = t;

      t = js_peek (parse);
      *first = sign_at;
      if (!js_is_number_of (t, 6))
        return JS_ISO_GO_ON;
      parse->at++;
      /* -000000 is no year; the number it read is dropped */
      if (sign->value == '-' && t->value == 0)
        return JS_ISO_GO_ON;
      parse->date[parse->n_date++] = sign->value == '-' ? -t->value : t->value;
    }
  else if (js_is_number_of (t, 4))
    {
      parse->date[parse->n_date++] = t->value;
      parse->at++;
    }
  else
    return js_hand_over (parse, first);

  for (guint part = 0; part < 2; part++)
    {
      if (!js_take_symbol (parse, '-'))
        break;
      t = js_peek (parse);
      if (!js_is_number_of (t, 2) || !(part == 0 ? in_range (t->value, 1, 12) :
                                                   in_range (t->value, 1, 31)))
        return js_hand_over (parse, first);
      parse->date[parse->n_date++] = t->value;
      parse->at++;
    }

  t = js_peek (parse);
  if (t != NULL && t->kind == JS_TOKEN_WORD && t->word == JS_WORD_T)
    {
      gboolean midnight;

      parse->at++;
      t = js_peek (parse);
      if (!js_is_number_of (t, 2) || !in_range (t->value, 0, 24))
        return JS_ISO_INVALID;
      midnight = t->value == 24;
      parse->time[parse->n_time++] = t->value;
      parse->at++;
      for (guint part = 0; part < 2; part++)
        {
          if (!js_take_symbol (parse, ':'))
            {
              if (part == 0)
                return JS_ISO_INVALID;
              break;
            }
          t = js_peek (parse);
          if (!js_is_number_of (t, 2) || !in_range (t->value, 0, 59) || (midnight && t->value > 0))
            return JS_ISO_INVALID;
          parse->time[parse->n_time++] = t->value;
          parse->at++;
          if (part == 1 && js_take_symbol (parse, '.'))
            {
              t = js_peek (parse);
              if (!js_is (t, JS_TOKEN_NUMBER, -1) || (midnight && t->value > 0))
                return JS_ISO_INVALID;
              parse->time[parse->n_time++] = js_milliseconds (t);
              parse->at++;
            }
        }
      t = js_peek (parse);
      if (js_is_z (t))
        {
          js_set_zone_hours (parse, 0);
          parse->at++;
        }
      else if (js_is_sign (t))
        {
          parse->zone_sign = t->value == '+' ? 1 : -1;
          parse->at++;
          t = js_peek (parse);
          if (js_is_number_of (t, 4))
            {
              if (!in_range (t->value / 100, 0, 23) || !in_range (t->value % 100, 0, 59))
                return JS_ISO_INVALID;
              parse->zone_hour = t->value / 100;
              parse->zone_minute = t->value % 100;
              parse->at++;
            }
          else
            {
              if (!js_is_number_of (t, 2) || !in_range (t->value, 0, 23))
                return JS_ISO_INVALID;
              parse->zone_hour = t->value;
              parse->at++;
              if (!js_take_symbol (parse, ':'))
                return JS_ISO_INVALID;
              t = js_peek (parse);
              if (!js_is_number_of (t, 2) || !in_range (t->value, 0, 59))
                return JS_ISO_INVALID;
              parse->zone_minute = t->value;
              parse->at++;
            }
        }
      if (js_peek (parse) != NULL)
        return JS_ISO_INVALID;
    }
  else if (t != NULL)
    return js_hand_over (parse, first);

  /* a date alone is UTC */
  if (parse->zone_hour == JS_NONE && parse->n_time == 0)
    js_set_zone_hours (parse, 0);
  parse->iso = TRUE;
  return JS_ISO_DONE;
}

static gboolean
js_time_wants (const JsParse *parse,
               int            n)
{
  switch (parse->n_time)
    {
    case 1:
    case 2: return in_range (n, 0, 59);
    case 3: return in_range (n, 0, 999);
    default: return FALSE;
    }
}

static gboolean
js_time_push (JsParse *parse,
              int      n,
              gboolean last)
{
  if (parse->n_time >= 4)
    return FALSE;
  parse->time[parse->n_time++] = n;
  if (last)
    while (parse->n_time < 4)
      parse->time[parse->n_time++] = 0;
  return TRUE;
}

/* The legacy forms, token by token from TOKEN (already taken).
 * Long because it is one decision per kind of token, as V8's legacy date parser makes it:
 * a number (which may start a time, milliseconds, or a date part), a word (month names,
 * AM/PM, zone names), a sign (an offset) and the stray rest; each branch changes the same
 * JsParse. */
static gboolean
js_parse_legacy_token (JsParse       *parse,
                       const JsToken *token,
                       gboolean      *seen_number)
{
  const JsToken *next = js_peek (parse);

  if (token->kind == JS_TOKEN_NUMBER)
    {
      int n = token->value;

      *seen_number = TRUE;
      if (js_take_symbol (parse, ':'))
        {
          if (js_take_symbol (parse, ':'))
            {
              /* "10::" is 10:00 */
              if (parse->n_time != 0)
                return FALSE;
              js_time_push (parse, n, FALSE);
              js_time_push (parse, 0, FALSE);
            }
          else
            {
              if (!js_time_push (parse, n, FALSE))
                return FALSE;
              js_take_symbol (parse, '.');
            }
        }
      /* a '.' after a number is taken even when it does not start milliseconds */
      else if (js_take_symbol (parse, '.') && js_time_wants (parse, n))
        {
          js_time_push (parse, n, FALSE);
          next = js_peek (parse);
          if (!js_is (next, JS_TOKEN_NUMBER, -1))
            return FALSE;
          parse->at++;
          js_time_push (parse, js_milliseconds (next), TRUE);
        }
      else if (parse->zone_hour != JS_NONE && parse->zone_minute == JS_NONE && in_range (n, 0, 59))
        parse->zone_minute = n;
      else if (js_time_wants (parse, n))
        {
          js_time_push (parse, n, TRUE);
          /* a finished time must be followed by the end, a space, Z or an offset */
          next = js_peek (parse);
          if (next != NULL && next->kind != JS_TOKEN_SPACE && !js_is_z (next) && !js_is_sign (next))
            return FALSE;
        }
      else
        {
          if (parse->n_date >= 3)
            return FALSE;
          parse->date[parse->n_date++] = n;
          js_take_symbol (parse, '-');
        }
      return TRUE;
    }

  if (token->kind == JS_TOKEN_WORD)
    {
      if (token->word == JS_WORD_AM_PM && parse->n_time != 0)
        parse->hour_offset = token->value;
      else if (token->word == JS_WORD_MONTH)
        {
          parse->month_name = token->value;
          js_take_symbol (parse, '-');
        }
      else if (token->word == JS_WORD_ZONE && *seen_number)
        js_set_zone_hours (parse, token->value);
      else if (*seen_number || js_is (next, JS_TOKEN_NUMBER, -1))
        /* words are skipped only before the first number, and apart from it */
        return FALSE;
      return TRUE;
    }

  if (js_is_sign (token) && ((parse->zone_hour == 0 && parse->zone_minute == 0) || parse->n_time != 0))
    {
      int n = 0, digits = 0;

      /* an offset after a time or UTC: +5, +05, +0530, +05:30 */
      parse->zone_sign = token->value == '+' ? 1 : -1;
      if (js_is (next, JS_TOKEN_NUMBER, -1))
        {
          n = next->value;
          digits = next->digits;
          parse->at++;
        }
      *seen_number = TRUE;
      if (js_is (js_peek (parse), JS_TOKEN_SYMBOL, ':'))
        {
          parse->zone_hour = n;
          parse->zone_minute = JS_NONE;
        }
      else if (digits == 1 || digits == 2)
        {
          parse->zone_hour = n;
          parse->zone_minute = 0;
        }
      else if (digits == 3 || digits == 4)
        {
          parse->zone_hour = n / 100;
          parse->zone_minute = n % 100;
        }
      else
        return FALSE;
      return TRUE;
    }

  /* a stray sign or ')' after a number; anything else is ignored */
  return !((js_is_sign (token) || js_is (token, JS_TOKEN_SYMBOL, ')')) && *seen_number);
}

/* Parses S as JavaScript's Date.parse does, into OUT. Long because after the ISO and
 * legacy passes it does what Date.parse does with the parts in one place: fill in missing
 * date parts and decide their order (YMD or MDY, or beside a month name), fix two-digit
 * years, apply AM/PM and 24:00, and check the range a Date can hold; the steps share the
 * parse and the year, month and day. */
static gboolean
js_date_parse (const char  *s,
               gsize        len,
               JsDateParts *out)
{
  g_autoptr(GArray) tokens = js_tokenize (s, len);
  JsParse parse = { 0 };
  gboolean seen_number;
  int year, month, day, year_from, first = -1, *time = parse.time;
  guint written;

  parse.tokens = (const JsToken *) tokens->data;
  parse.n = tokens->len;
  parse.month_name = JS_NONE;
  parse.hour_offset = JS_NONE;
  parse.zone_sign = parse.zone_hour = parse.zone_minute = JS_NONE;

  switch (js_parse_iso (&parse, &first))
    {
    case JS_ISO_INVALID:
      return FALSE;
    case JS_ISO_GO_ON:
      seen_number = parse.n_date > 0;
      /* the token where the ISO form stopped is the legacy parser's first */
      if (first >= 0 && !js_parse_legacy_token (&parse, &parse.tokens[first], &seen_number))
        return FALSE;
      while (parse.at < parse.n)
        {
          const JsToken *token = &parse.tokens[parse.at++];

          if (!js_parse_legacy_token (&parse, token, &seen_number))
            return FALSE;
        }
      break;
    case JS_ISO_DONE:
    default:
      break;
    }

  /* the date: missing parts are 1; numbers alone are YMD when the first cannot be a day
   * (or in the ISO form), MDY otherwise; beside a month name, the year is the one that
   * cannot be a day */
  if (parse.n_date == 0)
    return FALSE;
  written = parse.n_date;
  while (parse.n_date < 3)
    parse.date[parse.n_date++] = 1;
  if (parse.month_name == JS_NONE)
    {
      gboolean ymd = parse.iso || !in_range (parse.date[0], 1, 31);

      year_from = ymd ? 0 : 2;
      year = parse.date[year_from];
      month = parse.date[ymd ? 1 : 0];
      day = parse.date[ymd ? 2 : 1];
    }
  else
    {
      gboolean year_first = !in_range (parse.date[0], 1, 31);

      month = parse.month_name;
      year_from = year_first ? 0 : 1;
      year = parse.date[year_from];
      day = parse.date[year_first ? 1 : 0];
    }
  if (!parse.iso && in_range (year, 0, 49))
    year += 2000;
  else if (!parse.iso && in_range (year, 50, 99))
    year += 1900;
  if (!in_range (month, 1, 12) || !in_range (day, 1, 31))
    return FALSE;

  /* the time: missing parts are 0; AM/PM needs an hour up to 12; 24:00 is midnight */
  while (parse.n_time < 4)
    time[parse.n_time++] = 0;
  if (parse.hour_offset != JS_NONE)
    {
      if (!in_range (time[0], 0, 12))
        return FALSE;
      time[0] = time[0] % 12 + parse.hour_offset;
    }
  if (!(in_range (time[0], 0, 23) && in_range (time[1], 0, 59) && in_range (time[2], 0, 59) &&
        in_range (time[3], 0, 999)) &&
      !(time[0] == 24 && time[1] == 0 && time[2] == 0 && time[3] == 0))
    return FALSE;

  /* a Date holds 8.64e15 ms either side of 1970 */
  if (year > 275759 || year < -271820)
    return FALSE;

  out->year = year;
  out->month = month;
  out->day = day;
  out->no_year = (guint) year_from >= written;
  out->has_zone = parse.zone_sign != JS_NONE;
  out->zone_seconds = !out->has_zone ? 0 :
    parse.zone_sign * ((parse.zone_hour == JS_NONE ? 0 : parse.zone_hour) * 3600 +
                       (parse.zone_minute == JS_NONE ? 0 : parse.zone_minute) * 60);
  return TRUE;
}

/* Joi's date() conversion of a string (joi lib/types/date.js): a numeric string is a number
 * of milliseconds, anything else goes to new Date(). */
static gboolean
joi_date_string (const char *s,
                 JsDateParts     *parsed)
{
  const char *p = s;
  gboolean digits = FALSE;

  memset (parsed, 0, sizeof *parsed);
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (digits && *p == '.' && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  if (digits && *p == '\0')
    return g_ascii_strtod (s, NULL) <= 8.64e15 && g_ascii_strtod (s, NULL) >= -8.64e15;
  if (is_empty_value_text (s))
    return FALSE;
  return js_date_parse (s, strlen (s), parsed);
}

/* JoiFrontMatter.date().raw() and, for the blog's date, getDate().
 * Long because it is one switch over the value's YAML type, as js-yaml hands it to Joi and
 * then to the blog: a timestamp that rolls over, a number (milliseconds, or refused for a
 * blog post), and a string, which a blog post reads with a Z added, so it needs two parses
 * and a comparison; most of the lines are the messages that explain each case. */
static void
docusaurus_date (Check           *check,
                 const LekhEntry *entry,
                 const LekhNode  *node,
                 const char      *what,
                 gboolean         blog_post_date)
{
  LekhValueType type = lekh_node_get_value_type (node);
  const char *s = lekh_node_get_string (node);
  g_autofree char *rolled = NULL;
  const LekhSpan *span = value_span (entry, node);

  switch (type)
    {
    case LEKH_VALUE_TIMESTAMP:
      {
        int year, month, day;
        const char *p = s;

        /* js-yaml builds it with Date.UTC, which rolls an impossible day or month over */
        if (parse_number (&p, 4, 4, &year) && *p++ == '-' && parse_number (&p, 1, 2, &month) &&
            *p++ == '-' && parse_number (&p, 1, 2, &day) &&
            !(month >= 1 && month <= 12 && g_date_valid_dmy (day, month, year)) &&
            (rolled = js_rolled_date (year, month, day)) != NULL)
          emit (check, "invalid-date", LEKH_SEVERITY_WARNING, span, entry->key,
                _("“%s” is not a real date; Docusaurus reads it as %s"), s, rolled);
      }
      return;

    case LEKH_VALUE_INT:
    case LEKH_VALUE_FLOAT:
      if (!blog_post_date)
        {
          emit (check, "invalid-date", LEKH_SEVERITY_WARNING, span, entry->key,
                _("“%s” is a number; Docusaurus reads it as milliseconds after 1970-01-01"), s);
          return;
        }
      emit (check, "invalid-date", LEKH_SEVERITY_ERROR, span, entry->key,
            _("“%s” is a number, not a date; Docusaurus keeps it as a number and the blog "
              "cannot sort or show the post (write e.g. 2024-03-05)"), s);
      return;

    case LEKH_VALUE_STRING:
      {
        /* Docusaurus fills in no template: "{{ date }}" is refused like any other text */
        JsDateParts plain, zoned;
        g_autofree char *with_z = NULL;
        const JsDateParts *used = &plain;

        if (!joi_date_string (s, &plain))
          break;
        if (blog_post_date)
          {
            with_z = g_strconcat (s, "Z", NULL);
            if (!js_date_parse (with_z, strlen (with_z), &zoned))
              {
                emit (check, "invalid-date", LEKH_SEVERITY_ERROR, span, entry->key,
                      _("Docusaurus adds “Z” to a date in quotes, which makes “%s” an invalid "
                        "date; remove the quotes (or the time zone)"), s);
                return;
              }
            used = &zoned;
            if (plain.has_zone && plain.zone_seconds != 0)
              {
                emit (check, "invalid-date", LEKH_SEVERITY_WARNING, span, entry->key,
                      _("Docusaurus adds “Z” to a date in quotes, so the time zone of “%s” is "
                        "lost and the time read as UTC; remove the quotes"), s);
                return;
              }
          }
        if (used->year == 0 && used->month == 0)
          return;   /* a number of milliseconds */
        if (used->no_year)
          emit (check, "invalid-date", LEKH_SEVERITY_WARNING, span, entry->key,
                _("“%s” has no year; Docusaurus reads it as a day of 2001"), s);
        else if (used->year >= 1 && used->year <= 9999 &&
                 !g_date_valid_dmy (used->day, used->month, used->year))
          {
            rolled = js_rolled_date (used->year, used->month, used->day);
            emit (check, "invalid-date", LEKH_SEVERITY_WARNING, span, entry->key,
                  _("“%s” is not a real date; Docusaurus reads it as %s"), s,
                  rolled ? rolled : "?");
          }
        return;
      }

    default:
      break;
    }

  if (type == LEKH_VALUE_STRING && !is_empty_value_text (s))
    emit (check, "invalid-date", LEKH_SEVERITY_ERROR, span, entry->key,
          _("“%s” is not a date Docusaurus can read for “%s” (expected e.g. 2024-03-05 or "
            "2024-03-05T10:30:00+05:30, without quotes)"), s, what);
  else
    emit (check, type == LEKH_VALUE_STRING || type == LEKH_VALUE_NULL ? "empty-value" : "wrong-type",
          LEKH_SEVERITY_ERROR, span, entry->key,
          _("“%s” should be a date, not %s; Docusaurus refuses it"), what,
          type == LEKH_VALUE_STRING ? _("empty") : describe_type (type));
}

static void
docusaurus_keywords (Check           *check,
                     const LekhEntry *entry,
                     const LekhNode  *node)
{
  if (node->kind != LEKH_NODE_SEQUENCE)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” should be a list, not %s; Docusaurus refuses it"),
                         entry->key, describe_type (lekh_node_get_value_type (node)));

      docusaurus_refuse (check, entry, node, "wrong-type", message);
      return;
    }
  /* items(string().required()): an empty list is refused too */
  if (node->children->len == 0)
    {
      emit (check, "empty-value", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
            _("Docusaurus refuses an empty “%s” list; remove the line"), entry->key);
      return;
    }
  for (guint i = 0; i < node->children->len; i++)
    {
      g_autofree char *what = g_strdup_printf (_("item %u of “%s”"), i + 1, entry->key);

      docusaurus_string (check, entry, g_ptr_array_index (node->children, i), what, 0);
    }
  check_duplicates (check, entry, node, scalar_text);
}

/* FrontMatterTagsSchema: a list of non-empty strings or {label, permalink} objects; then
 * the tags.yml look-up and duplicates (check_tags). */
static void
docusaurus_tags (Check           *check,
                 const LekhEntry *entry,
                 const LekhNode  *node)
{
  gboolean refused = FALSE;

  if (node->kind != LEKH_NODE_SEQUENCE)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” should be a list, not %s; Docusaurus refuses it"),
                         entry->key, describe_type (lekh_node_get_value_type (node)));

      docusaurus_refuse (check, entry, node, "wrong-type", message);
      return;
    }
  for (guint i = 0; i < node->children->len; i++)
    {
      const LekhNode *item = lekh_node_resolve (g_ptr_array_index (node->children, i));
      g_autofree char *what = g_strdup_printf (_("item %u of “%s”"), i + 1, entry->key);

      if (item != NULL && item->kind == LEKH_NODE_MAPPING)
        {
          static const char * const required[] = { "label", "permalink" };

          for (guint r = 0; r < G_N_ELEMENTS (required); r++)
            {
              const LekhNode *value = lekh_node_lookup (item, required[r]);
              g_autofree char *field = g_strdup_printf ("%s.%s", what, required[r]);

              if (value == NULL)
                {
                  g_autofree char *message =
                    g_strdup_printf (_("A tag object in “%s” needs a “%s”; Docusaurus refuses "
                                       "it without one (or write the tag as text)"),
                                     entry->key, required[r]);

                  docusaurus_refuse (check, entry, item, "wrong-type", message);
                  refused = TRUE;
                }
              else if (!docusaurus_string (check, entry, value, field, 0))
                refused = TRUE;
            }
        }
      else if (item == NULL || item->kind != LEKH_NODE_SCALAR ||
               lekh_node_get_value_type (item) == LEKH_VALUE_NULL ||
               lekh_node_get_value_type (item) == LEKH_VALUE_BOOL)
        {
          g_autofree char *message =
            g_strdup_printf (_("Item %u of “%s” should be a tag name or a {label, permalink} "
                               "object, not %s; Docusaurus refuses it"),
                             i + 1, entry->key, describe_type (lekh_node_get_value_type (item)));

          docusaurus_refuse (check, entry, item ? item : node,
                             lekh_node_get_value_type (item) == LEKH_VALUE_NULL ?
                               "empty-value" : "wrong-type", message);
          refused = TRUE;
        }
      else if (!docusaurus_string (check, entry, item, what, 0))
        refused = TRUE;
    }
  if (!refused)
    check_tags (check, entry, node);
}

/* AuthorSocialsSchema (plugin-content-blog lib/authorsSocials.js) and normalizeSocialEntry:
 * a handle, or an http(s)/mailto address; stackoverflow may be a number. */
static gboolean
docusaurus_socials (Check           *check,
                    const LekhEntry *entry,
                    const LekhNode  *socials)
{
  if (socials->kind != LEKH_NODE_MAPPING)
    {
      docusaurus_refuse (check, entry, socials, "wrong-type",
                         _("An author’s “socials” should be a set of “platform: handle” pairs; "
                           "Docusaurus refuses it"));
      return FALSE;
    }
  for (guint i = 0; i + 1 < socials->children->len; i += 2)
    {
      const char *platform = lekh_node_get_string (g_ptr_array_index (socials->children, i));
      const LekhNode *value = lekh_node_resolve (g_ptr_array_index (socials->children, i + 1));
      const char *s = lekh_node_get_string (value);
      gboolean number_ok = platform != NULL && strcmp (platform, "stackoverflow") == 0 &&
                           lekh_node_get_value_type (value) == LEKH_VALUE_INT;

      if (!number_ok && (!joi_plain_string (value) ||
                         (strchr (s, '/') != NULL && !g_str_has_prefix (s, "http://") &&
                          !g_str_has_prefix (s, "https://") && !g_str_has_prefix (s, "mailto:"))))
        {
          g_autofree char *message =
            g_strdup_printf (_("The social “%s” of an author should be a handle or a full "
                               "https:// address; Docusaurus refuses it"),
                             platform ? platform : "?");

          docusaurus_refuse (check, entry, value ? value : socials, "wrong-type", message);
          return FALSE;
        }
    }
  return TRUE;
}

/* BlogPostFrontMatterAuthorSchema: key, name, title (text), url (URISchema), imageURL
 * (text; image_url is its alias), socials; .or('key', 'name', 'imageURL'). */
static gboolean
docusaurus_author_object (Check           *check,
                          const LekhEntry *entry,
                          const LekhNode  *object)
{
  gboolean ok = TRUE, identified = FALSE;

  for (guint i = 0; i + 1 < object->children->len; i += 2)
    {
      const char *field = lekh_node_get_string (g_ptr_array_index (object->children, i));
      const LekhNode *value = lekh_node_resolve (g_ptr_array_index (object->children, i + 1));
      g_autofree char *what = NULL;

      if (field == NULL)
        continue;
      what = g_strdup_printf ("%s.%s", entry->key, field);
      if (strcmp (field, "key") == 0 || strcmp (field, "name") == 0 ||
          strcmp (field, "title") == 0 || strcmp (field, "imageURL") == 0 ||
          strcmp (field, "image_url") == 0)
        {
          if (!docusaurus_string (check, entry, value, what, 0))
            ok = FALSE;
          else if (strcmp (field, "title") != 0)
            identified = TRUE;
          if (ok && (strcmp (field, "imageURL") == 0 || strcmp (field, "image_url") == 0) &&
              !has_scheme (lekh_node_get_string (value)))
            check_image (check, entry, value, field);
        }
      else if (strcmp (field, "url") == 0)
        ok &= docusaurus_uri (check, entry, value, what, 0, TRUE);
      else if (strcmp (field, "socials") == 0)
        ok &= value != NULL && docusaurus_socials (check, entry, value);
    }
  if (ok && !identified)
    {
      docusaurus_refuse (check, entry, object, "wrong-type",
                         _("An author object needs a “key”, a “name” or an “image_url”; "
                           "Docusaurus refuses it without one"));
      ok = FALSE;
    }
  return ok;
}

static const char *
docusaurus_author_key (const LekhNode *item)
{
  if (item != NULL && item->kind == LEKH_NODE_MAPPING)
    return lekh_node_get_string (lekh_node_lookup (item, "key"));
  return scalar_text (item);
}

/* getBlogPostAuthors (plugin-content-blog lib/authors.js): a key needs an authors.yml with
 * that key; reportDuplicateAuthors (lib/authorsProblems.js): a key given twice is refused. */
static void
docusaurus_author_keys (Check           *check,
                        const LekhEntry *entry,
                        const LekhNode  *node,
                        guint            plugins)
{
  const LekhSiteData *authors = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  gboolean all_scalars = TRUE;
  gboolean unreadable = FALSE;

  if (node->kind == LEKH_NODE_SEQUENCE)
    for (guint i = 0; i < node->children->len; i++)
      g_ptr_array_add (items, (gpointer) lekh_node_resolve (g_ptr_array_index (node->children, i)));
  else
    g_ptr_array_add (items, (gpointer) node);

  if (check->path != NULL)
    {
      authors = lekh_site_get_authors (check->site, check->path);
      unreadable = authors != NULL && lekh_site_data_get_error (authors) != NULL;
      authors = usable_data (check, entry, authors);
    }

  for (guint i = 0; i < items->len; i++)
    {
      const LekhNode *item = g_ptr_array_index (items, i);
      const char *key = docusaurus_author_key (item);
      const LekhNode *key_node = item->kind == LEKH_NODE_MAPPING ?
                                 lekh_node_lookup (item, "key") : item;

      if (item->kind != LEKH_NODE_SCALAR)
        all_scalars = FALSE;
      if (key == NULL || *key == '\0')
        continue;
      if (authors != NULL && lekh_site_data_get_n_entries (authors) > 0)
        check_author_key (check, entry, key_node, key, authors);
      else if (authors == NULL && !unreadable && lekh_site_get_root (check->site) != NULL &&
               plugins == DOCUSAURUS_BLOG)
        emit (check, "unknown-author", LEKH_SEVERITY_ERROR, value_span (entry, key_node),
              entry->key,
              _("“%s” is an author key, but the blog has no authors.yml to look it up in; "
                "Docusaurus refuses it (add authors.yml, or write the author as "
                "{name: …})"), key);
      else if (authors != NULL)
        emit (check, "unknown-author", LEKH_SEVERITY_ERROR, value_span (entry, key_node),
              entry->key,
              _("“%s” is an author key, but %s is empty; Docusaurus refuses it"), key,
              lekh_site_data_get_path (authors));

      if (g_hash_table_contains (seen, key))
        {
          LekhDiagnostic *d;

          d = emit (check, "duplicate-list-item", LEKH_SEVERITY_ERROR, &item->span, entry->key,
                    _("The author “%s” is listed twice; Docusaurus refuses the post"), key);
          if (all_scalars && node->kind == LEKH_NODE_SEQUENCE)
            {
              g_autofree char *description = g_strdup_printf (_("Remove the second “%s”"), key);

              lekh_diagnostic_set_fix (d, LEKH_FIX_REMOVE_LIST_ITEM, description, key, i, NULL);
            }
        }
      else
        g_hash_table_add (seen, (gpointer) key);
    }
}

/* The authors alternatives: a key, an author object, or a list of both (no empty item). */
static void
docusaurus_authors (Check           *check,
                    const LekhEntry *entry,
                    const LekhNode  *node,
                    guint            plugins)
{
  gboolean ok = TRUE;

  if (node->kind == LEKH_NODE_SCALAR)
    ok = lekh_node_get_value_type (node) != LEKH_VALUE_BOOL &&
         docusaurus_string (check, entry, node, entry->key, 0);
  else if (node->kind == LEKH_NODE_MAPPING)
    ok = docusaurus_author_object (check, entry, node);
  else
    for (guint i = 0; i < node->children->len; i++)
      {
        const LekhNode *item = lekh_node_resolve (g_ptr_array_index (node->children, i));
        LekhValueType type = lekh_node_get_value_type (item);
        g_autofree char *what = g_strdup_printf (_("item %u of “%s”"), i + 1, entry->key);

        if (item != NULL && item->kind == LEKH_NODE_MAPPING)
          ok &= docusaurus_author_object (check, entry, item);
        else if (item == NULL || item->kind != LEKH_NODE_SCALAR || type == LEKH_VALUE_BOOL ||
                 type == LEKH_VALUE_NULL)
          {
            g_autofree char *message =
              g_strdup_printf (_("Item %u of “%s” should be an author key or an author object, "
                                 "not %s; Docusaurus refuses it"),
                               i + 1, entry->key, describe_type (type));

            docusaurus_refuse (check, entry, item ? item : node,
                               type == LEKH_VALUE_NULL ? "empty-value" : "wrong-type", message);
            ok = FALSE;
          }
        else
          ok &= docusaurus_string (check, entry, item, what, 0);
      }
  if (node->kind == LEKH_NODE_SCALAR && lekh_node_get_value_type (node) == LEKH_VALUE_BOOL)
    docusaurus_refuse (check, entry, node, "wrong-type",
                       _("“authors” should be an author key, an author object or a list of them; "
                         "Docusaurus refuses true or false"));
  if (ok)
    docusaurus_author_keys (check, entry, node, plugins);
}

/* FrontMatterLastUpdateSchema: {author: Joi.string(), date: Joi.date().raw()}, at least one. */
static void
docusaurus_last_update (Check           *check,
                        const LekhEntry *entry,
                        const LekhNode  *node)
{
  const LekhNode *author, *date;

  if (node->kind != LEKH_NODE_MAPPING)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” should be {author: …, date: …}, not %s; Docusaurus refuses it"),
                         entry->key, describe_type (lekh_node_get_value_type (node)));

      docusaurus_refuse (check, entry, node, "wrong-type", message);
      return;
    }
  author = lekh_node_lookup (node, "author");
  date = lekh_node_lookup (node, "date");
  if (author == NULL && date == NULL)
    {
      docusaurus_refuse (check, entry, node, "wrong-type",
                         _("“last_update” needs an “author” or a “date”; Docusaurus refuses it "
                           "without either"));
      return;
    }
  if (author != NULL && !joi_plain_string (author))
    docusaurus_refuse (check, entry, author, "wrong-type",
                       _("“last_update.author” should be text (in quotes if it looks like a "
                         "number); Docusaurus refuses anything else"));
  if (date != NULL)
    docusaurus_date (check, entry, lekh_node_resolve (date), "last_update.date", FALSE);
}

/* Checks one field against the Joi schema Docusaurus validates front matter with. Long
 * because it is one switch over the Joi types, each case the test Joi makes and the
 * message for it, most of the lines being those messages; the cases with more to them
 * (keywords, tags, authors, last_update, dates) already call functions of their own. */
static void
check_docusaurus_field (Check           *check,
                        const LekhEntry *entry,
                        const LekhField *field)
{
  const LekhNode *node = lekh_node_resolve (entry->value);
  LekhValueType type = lekh_node_get_value_type (node);
  guint plugins = docusaurus_plugin_of (check);
  const DocusaurusField *schema = docusaurus_lookup (field->name, plugins);
  gboolean value_ok = TRUE;
  gboolean from_string;
  gboolean flag;

  /* a field the plugin does not read is not validated by Docusaurus either */
  if (schema == NULL)
    return;

  if (node == NULL || (type == LEKH_VALUE_NULL && schema->type != JOI_STRING &&
                       schema->type != JOI_URI))
    {
      if (schema->allow & JOI_ALLOW_NULL)
        return;
      emit (check, "empty-value", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
            _("“%s” has no value; Docusaurus refuses an empty value here (remove the line)"),
            entry->key);
      return;
    }

  switch (schema->type)
    {
    case JOI_STRING:
      value_ok = docusaurus_string (check, entry, node, entry->key, schema->allow);
      /* processDocMetadata (plugin-content-docs lib/docs.js) */
      if (value_ok && strcmp (schema->name, "id") == 0 && plugins == DOCUSAURUS_DOCS &&
          strchr (lekh_node_get_string (node), '/') != NULL)
        emit (check, "wrong-type", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
              _("A doc’s “id” cannot hold a slash; Docusaurus refuses “%s” (the folder already "
                "gives the doc its path)"), lekh_node_get_string (node));
      break;

    case JOI_BOOLEAN:
      if (!joi_boolean (node, &flag, &from_string))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” should be true or false, not %s; Docusaurus refuses it"),
                             entry->key, type == LEKH_VALUE_STRING ?
                               lekh_node_get_string (node) : describe_type (type));

          docusaurus_refuse (check, entry, node, "wrong-type", message);
        }
      else if (from_string)
        emit (check, "wrong-type", LEKH_SEVERITY_INFO, value_span (entry, node), entry->key,
              _("Docusaurus reads the text “%s” as %s; write it without quotes"),
              lekh_node_get_string (node), flag ? "true" : "false");
      break;

    case JOI_NUMBER:
      if (!joi_number (node, NULL))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” should be a number; Docusaurus refuses %s"), entry->key,
                             type == LEKH_VALUE_STRING ? lekh_node_get_string (node) :
                             describe_type (type));

          docusaurus_refuse (check, entry, node, "wrong-type", message);
        }
      else if (type == LEKH_VALUE_STRING)
        emit (check, "wrong-type", LEKH_SEVERITY_INFO, value_span (entry, node), entry->key,
              _("Docusaurus reads the text “%s” as a number; write it without quotes"),
              lekh_node_get_string (node));
      break;

    case JOI_TOC_LEVEL:
      {
        double level = 0;

        if (!joi_number (node, &level) || level < 2 || level > 6)
          emit (check, "toc-levels", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
                _("“%s” should be a heading level from 2 to 6; Docusaurus refuses %s"),
                entry->key, lekh_node_get_string (node) ? lekh_node_get_string (node) :
                describe_type (type));
        else if (!is_whole (level))
          emit (check, "toc-levels", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
                _("Docusaurus accepts %s for “%s”, but heading levels are whole numbers"),
                lekh_node_get_string (node), entry->key);
      }
      break;

    case JOI_DATE:
      docusaurus_date (check, entry, node, entry->key, TRUE);
      break;

    case JOI_URI:
      value_ok = docusaurus_uri (check, entry, node, entry->key, schema->allow,
                                 strcmp (schema->name, "image") != 0 &&
                                 strcmp (schema->name, "author_image_url") != 0 &&
                                 strcmp (schema->name, "authorImageURL") != 0);
      if (value_ok && type == LEKH_VALUE_STRING && !has_scheme (lekh_node_get_string (node)) &&
          (strcmp (schema->name, "image") == 0 || strcmp (schema->name, "author_image_url") == 0 ||
           strcmp (schema->name, "authorImageURL") == 0))
        check_image (check, entry, node, entry->key);
      break;

    case JOI_OBJECT:
      if (node->kind != LEKH_NODE_MAPPING)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” should be a set of “key: value” pairs, not %s; Docusaurus "
                               "refuses it"), entry->key, describe_type (type));

          docusaurus_refuse (check, entry, node, "wrong-type", message);
        }
      break;

    case JOI_KEYWORDS:
      docusaurus_keywords (check, entry, node);
      break;

    case JOI_TAGS:
      docusaurus_tags (check, entry, node);
      break;

    case JOI_AUTHORS:
      docusaurus_authors (check, entry, node, plugins);
      break;

    case JOI_LAST_UPDATE:
      docusaurus_last_update (check, entry, node);
      break;

    default:
      break;
    }

  if (value_ok && strcmp (field->name, "title") == 0)
    check_length (check, entry, node, "title-length", 0, LEKH_VALIDATOR_TITLE_MAX);
  else if (value_ok && strcmp (field->name, "description") == 0)
    check_length (check, entry, node, "description-length",
                  LEKH_VALIDATOR_DESCRIPTION_MIN, LEKH_VALIDATOR_DESCRIPTION_MAX);
}

/* Joi.boolean() converted: true, or "true" in any case. */
static gboolean
docusaurus_is_true (const LekhNode *node)
{
  gboolean value = FALSE, from_string;

  return joi_boolean (lekh_node_resolve (node), &value, &from_string) && value;
}

/* getBlogPostAuthors (plugin-content-blog 3.10.2 lib/authors.js): the legacy author,
 * author_title/authorTitle, author_url/authorURL, author_image_url/authorImageURL beside a
 * non-empty authors throws "Don't mix 'authors' with other existing 'author_*' front matter". */
static void
check_docusaurus_legacy_authors (Check      *check,
                                 GHashTable *first)
{
  static const char * const legacy[] = {
    "author", "author_title", "authorTitle", "author_url", "authorURL", "author_image_url",
    "authorImageURL"
  };
  const LekhEntry *authors = g_hash_table_lookup (first, "authors");
  const LekhNode *node;
  LekhDiagnostic *d;

  if (authors == NULL || !(docusaurus_plugin_of (check) & DOCUSAURUS_BLOG))
    return;
  node = lekh_node_resolve (authors->value);
  if (node == NULL || lekh_node_get_value_type (node) == LEKH_VALUE_NULL ||
      (node->kind == LEKH_NODE_SEQUENCE && node->children->len == 0))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (legacy); i++)
    {
      const LekhEntry *entry = g_hash_table_lookup (first, legacy[i]);
      g_autofree char *description = NULL;

      if (entry == NULL || is_empty_value (entry->value))
        continue;
      d = emit (check, "conflicting-fields", LEKH_SEVERITY_ERROR, &entry->key_span, entry->key,
                _("“%s” cannot be given beside “authors”: Docusaurus refuses to mix the legacy "
                  "author fields with authors (describe the author in authors.yml or as "
                  "{name: …} in authors)"), entry->key);
      description = g_strdup_printf (_("Remove “%s”"), entry->key);
      lekh_diagnostic_set_fix (d, LEKH_FIX_REMOVE_KEY, description, NULL, 0, NULL);
      return;
    }
}

/* ---------------------------------------------------------------------------------------
 * Hugo (0.111.3, the version Debian 12 ships): what hugolib/page__meta.go setMetadata()
 * and resources/page/pagemeta do with each front-matter value. Hugo reads YAML with
 * gopkg.in/yaml.v2, which hands timestamps over as strings, so every YAML or JSON date goes
 * through spf13/cast 1.5.0's string formats; a TOML date is a date of its own.
 * --------------------------------------------------------------------------------------- */

static gboolean
digits (const char **p,
        int          n,
        int         *value)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *value = v;
  return TRUE;
}

/* A Go layout's numeric zone: "Z07:00" (Z or ±hh:mm), "-0700", "-07:00". */
static gboolean
go_zone (const char **p,
         gboolean     z_ok,
         gboolean     colon)
{
  int h, m;

  if (z_ok && **p == 'Z')
    {
      (*p)++;
      return TRUE;
    }
  if (**p != '+' && **p != '-')
    return FALSE;
  (*p)++;
  if (!digits (p, 2, &h))
    return FALSE;
  if (colon && *(*p)++ != ':')
    return FALSE;
  if (!digits (p, 2, &m))
    return FALSE;
  return h <= 23 && m <= 59;
}

static const char * const go_months[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

/* cast 1.5.0 (caste.go StringToDateInDefaultLocation, timeFormats) through Go's time.Parse:
 * the layouts with a numeric date — RFC 3339, "2006-01-02T15:04:05" and its "-0700" form,
 * "2006-01-02 15:04:05" with "Z0700", "Z07:00", " -07:00", " -0700", " -0700 MST", or none,
 * "2006-01-02", "02 Jan 2006" and RFC 1123 ("Mon, 02 Jan 2006 15:04:05 MST" or "-0700").
 * Every field has its fixed number of digits, time.Parse refuses a day the month lacks, and
 * it takes a fraction after the seconds in any layout.
 * Long because it walks the string once through Go's layouts: the RFC 1123 and "02 Jan
 * 2006" forms first, then the numeric date, the time, the fraction and the zone forms that
 * may follow; the layouts share their prefixes, so the walk branches where they part
 * instead of trying each layout from the start. */
static gboolean
hugo_date_parses (const char *s)
{
  const char *p = s;
  int year, month, day, hour, minute, second;
  char sep;

  /* RFC 1123: "Mon, " first, then the "02 Jan 2006" form */
  if (g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]) && g_ascii_isalpha (p[2]) &&
      p[3] == ',' && p[4] == ' ')
    p += 5;
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && p[2] == ' ')
    {
      guint m;

      digits (&p, 2, &day);
      p++;
      for (m = 0; m < 12 && strncmp (p, go_months[m], 3) != 0; m++)
        ;
      if (m == 12 || p[3] != ' ')
        return FALSE;
      p += 4;
      if (!digits (&p, 4, &year) || day < 1 || !g_date_valid_dmy (day, m + 1, MAX (year, 1)))
        return FALSE;
      if (*p == '\0')
        return p - s == 11;   /* "02 Jan 2006" alone, without a weekday */
      if (p - s == 11 || *p++ != ' ')
        return FALSE;
      if (!digits (&p, 2, &hour) || *p++ != ':' || !digits (&p, 2, &minute) || *p++ != ':' ||
          !digits (&p, 2, &second) || hour > 23 || minute > 59 || second > 59 || *p++ != ' ')
        return FALSE;
      if (*p == '+' || *p == '-')
        return go_zone (&p, FALSE, FALSE) && *p == '\0';
      while (g_ascii_isalpha (*p))
        p++;
      return *p == '\0';
    }

  if (!digits (&p, 4, &year) || *p++ != '-' || !digits (&p, 2, &month) || *p++ != '-' ||
      !digits (&p, 2, &day))
    return FALSE;
  if (month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, MAX (year, 1)))
    return FALSE;
  if (*p == '\0')
    return TRUE;
  sep = *p++;
  if (sep != 'T' && sep != ' ')
    return FALSE;
  if (!digits (&p, 2, &hour) || *p++ != ':' || !digits (&p, 2, &minute) || *p++ != ':' ||
      !digits (&p, 2, &second) || hour > 23 || minute > 59 || second > 59)
    return FALSE;
  if (*p == '.' || *p == ',')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == '\0')
    return TRUE;
  if (sep == 'T')
    {
      const char *q = p;

      /* RFC 3339 (Z or ±07:00), or "-0700" */
      return (go_zone (&q, TRUE, TRUE) && *q == '\0') || (go_zone (&p, FALSE, FALSE) && *p == '\0');
    }
  if (*p == ' ')
    {
      const char *q = ++p;

      if (go_zone (&q, FALSE, TRUE) && *q == '\0')
        return TRUE;
      if (!go_zone (&p, FALSE, FALSE))
        return FALSE;
      if (*p == '\0')
        return TRUE;
      if (*p++ != ' ' || !g_ascii_isalpha (*p))
        return FALSE;
      while (g_ascii_isalpha (*p))
        p++;
      return *p == '\0';
    }
  {
    const char *q = p;

    return (go_zone (&q, TRUE, TRUE) && *q == '\0') || (go_zone (&p, TRUE, FALSE) && *p == '\0');
  }
}

/* resources/page/pagemeta/page_frontmatter.go newDateFieldHandler: a date that
 * htime.ToTimeInDefaultLocationE cannot read is skipped without a word ("return false,
 * nil"); the next handler of the chain gives the date (date: publishDate, lastmod; ...), or
 * none does and Hugo shows 0001-01-01. cast reads a number as seconds since 1970. */
static void
hugo_date (Check           *check,
           const LekhEntry *entry,
           const LekhNode  *node)
{
  LekhValueType type = lekh_node_get_value_type (node);
  const char *s = lekh_node_get_string (node);

  if (type == LEKH_VALUE_TIMESTAMP && node->tag != NULL &&
      lekh_article_get_split (check->article)->format == LEKH_FRONT_MATTER_TOML)
    return;   /* a TOML date-time, checked by the TOML reader */
  if (type == LEKH_VALUE_INT || type == LEKH_VALUE_FLOAT)
    {
      emit (check, "invalid-date", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
            _("Hugo reads the number %s in “%s” as seconds since 1 January 1970, not as a "
              "year or a date; write a date such as 2024-03-05"), s, entry->key);
      return;
    }
  if (s != NULL && node->kind == LEKH_NODE_SCALAR && type != LEKH_VALUE_BOOL &&
      (hugo_date_parses (s) || is_template (s)))
    return;
  emit (check, "invalid-date", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
        _("Hugo cannot read “%s” as a date and ignores “%s”: the page gets its date from "
          "another date field, or none (Hugo shows the year 1); write e.g. 2024-03-05 or "
          "2024-03-05T10:30:00+05:30 (two digits for month and day, seconds with a time)"),
        s != NULL && node->kind == LEKH_NODE_SCALAR ? s : describe_type (type), entry->key);
}

/* spf13/cast 1.5.0 ToBool: a boolean, strconv.ParseBool's words, a non-zero integer; anything
 * else is false (the error is dropped). Returns FALSE when Hugo cannot read NODE. */
static gboolean
hugo_bool (const LekhNode *node,
           gboolean       *value)
{
  static const char * const yes[] = { "1", "t", "T", "TRUE", "true", "True" };
  static const char * const no[] = { "0", "f", "F", "FALSE", "false", "False" };
  LekhValueType type = lekh_node_get_value_type (node);
  gint64 n;

  if (type == LEKH_VALUE_BOOL)
    return lekh_node_get_boolean (node, value);
  if (type == LEKH_VALUE_INT && lekh_node_get_int (node, &n))
    {
      *value = n != 0;
      return TRUE;
    }
  if (type == LEKH_VALUE_STRING)
    for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
      if (strcmp (node->scalar, yes[i]) == 0 || strcmp (node->scalar, no[i]) == 0)
        {
          *value = strcmp (node->scalar, yes[i]) == 0;
          return TRUE;
        }
  *value = FALSE;
  return FALSE;
}

/* draft, headless, isCJKLanguage: cast.ToBool (hugolib/page__meta.go). */
static void
hugo_flag (Check           *check,
           const LekhEntry *entry,
           const LekhNode  *node)
{
  LekhValueType type = lekh_node_get_value_type (node);
  gboolean value;

  if (type == LEKH_VALUE_BOOL)
    return;
  if (!hugo_bool (node, &value))
    emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
          _("Hugo reads this value of “%s” as false (only true, false, 1, 0, t and f are "
            "read); write true or false"), entry->key);
  else
    emit (check, "wrong-type", LEKH_SEVERITY_INFO, value_span (entry, node), entry->key,
          _("Hugo reads this value of “%s” as %s; write %s without quotes"), entry->key,
          value ? "true" : "false", value ? "true" : "false");
}

/* weight: cast.ToInt — a whole number; a string of one, read; a fraction cut off; anything
 * else 0. */
static void
hugo_weight (Check           *check,
             const LekhEntry *entry,
             const LekhNode  *node)
{
  LekhValueType type = lekh_node_get_value_type (node);
  gint64 n;
  char *end = NULL;

  if (type == LEKH_VALUE_INT)
    return;
  if (type == LEKH_VALUE_STRING && node->scalar[0] != '\0' &&
      (g_ascii_strtoll (node->scalar, &end, 10), *end == '\0'))
    emit (check, "wrong-type", LEKH_SEVERITY_INFO, value_span (entry, node), entry->key,
          _("Hugo reads the text “%s” in “weight” as a number; write it without quotes"),
          node->scalar);
  else if (type == LEKH_VALUE_FLOAT)
    {
      double v = g_ascii_strtod (node->scalar, NULL);
      /* beyond 64 bits (or NaN) Go's conversion is undefined: say the number as written */
      g_autofree char *whole = v > -9.2e18 && v < 9.2e18 ?
                               g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) v) :
                               g_strdup (node->scalar);

      emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
            _("Hugo drops the fraction of “weight” (%s is read as %s); write a whole number"),
            node->scalar, whole);
    }
  else if (!(type == LEKH_VALUE_BOOL && lekh_node_get_int (node, &n)))
    emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
          _("Hugo reads this “weight” as 0 (it should be a whole number)"));
}

/* url (page__meta.go: "URLs with protocol (http*) not supported") and each alias ("http*
 * aliases not supported"): Hugo stops the build. aliases goes through cast.ToStringSlice,
 * which splits a string on white space. */
static gboolean
has_http_prefix (const char *s)
{
  return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://");
}

static void
hugo_paths (Check           *check,
            const LekhEntry *entry,
            const LekhNode  *node,
            gboolean         is_url)
{
  LekhValueType type = lekh_node_get_value_type (node);

  if (type == LEKH_VALUE_MAPPING || (is_url && type == LEKH_VALUE_SEQUENCE))
    {
      emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
            _("Hugo ignores “%s” when it is %s (it should be %s)"), entry->key,
            describe_type (type), is_url ? _("text") : _("a list of paths"));
      return;
    }
  if (type == LEKH_VALUE_SEQUENCE)
    {
      for (guint i = 0; i < node->children->len; i++)
        {
          const LekhNode *item = lekh_node_resolve (g_ptr_array_index (node->children, i));
          const char *s = scalar_text (item);

          if (s != NULL && has_http_prefix (s))
            emit (check, "invalid-url", LEKH_SEVERITY_ERROR, value_span (entry, item), entry->key,
                  _("Hugo refuses an alias with http:// or https:// (“%s”) and stops the "
                    "build; an alias is a path of this site, such as /old/path/"), s);
        }
      check_duplicates (check, entry, node, scalar_text);
      return;
    }
  if (node->kind != LEKH_NODE_SCALAR)
    return;
  if (is_url)
    {
      if (has_http_prefix (node->scalar))
        emit (check, "invalid-url", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
              _("Hugo refuses a “url” with http:// or https:// (“%s”) and stops the build; "
                "write the page’s path, such as /about/"), node->scalar);
      return;
    }
  {
    g_auto(GStrv) words = g_strsplit_set (node->scalar, " \t\n", -1);

    for (guint i = 0; words[i] != NULL; i++)
      if (has_http_prefix (words[i]))
        {
          emit (check, "invalid-url", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
                _("Hugo refuses an alias with http:// or https:// (“%s”) and stops the "
                  "build; an alias is a path of this site, such as /old/path/"), words[i]);
          return;
        }
  }
}

/* Taxonomies (hugolib/content_map_page.go assembleTaxonomies,
 * common/types ToStringSlicePreserveString): a string is ONE term, never split; a list gives
 * its items; anything else gives no term at all. */
static void
hugo_terms (Check           *check,
            const LekhEntry *entry,
            const LekhNode  *node)
{
  LekhValueType type = lekh_node_get_value_type (node);

  if (type == LEKH_VALUE_SEQUENCE)
    {
      check_string_items (check, entry, node);
      return;
    }
  if (type == LEKH_VALUE_STRING)
    {
      if (strchr (node->scalar, ',') != NULL)
        emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
              _("Hugo reads “%s” as one term of “%s”, commas and all; write a list "
                "([a, b]) for several"), node->scalar, entry->key);
      return;
    }
  emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
        _("Hugo gives the page no “%s” from %s; write text or a list"), entry->key,
        describe_type (type));
}

/* _build (resources/page/pagemeta/pagemeta.go DecodeBuildConfig, mapstructure.WeakDecode):
 * not a mapping, or a publishResources that strconv.ParseBool cannot read, stops the build;
 * a list or render value other than its words (or a boolean) is read as "always". */
static void
hugo_build (Check           *check,
            const LekhEntry *entry,
            const LekhNode  *node)
{
  static const struct { const char *key; const char *words[4]; } enums[] = {
    { "list", { "always", "never", "local", NULL } },
    { "render", { "always", "never", "link", NULL } },
  };
  /* Hugo 0.111 reads only "_build"; "build" is read from Hugo 0.123 on, with the same rules. */
  gboolean legacy = g_ascii_strcasecmp (entry->key, "_build") == 0;
  LekhSeverity refused = legacy ? LEKH_SEVERITY_ERROR : LEKH_SEVERITY_WARNING;

  if (lekh_node_get_value_type (node) != LEKH_VALUE_MAPPING)
    {
      emit (check, "wrong-type", refused, value_span (entry, node), entry->key,
            legacy ? _("“%s” should be a set of “key: value” pairs (list, render, "
                       "publishResources); Hugo stops the build") :
                     _("“%s” should be a set of “key: value” pairs (list, render, "
                       "publishResources); Hugo 0.123 and later stop the build (earlier "
                       "versions read only “_build”)"),
            entry->key);
      return;
    }
  for (guint i = 0; i + 1 < node->children->len; i += 2)
    {
      const LekhNode *key = lekh_node_resolve (g_ptr_array_index (node->children, i));
      const LekhNode *value = lekh_node_resolve (g_ptr_array_index (node->children, i + 1));
      const char *name = scalar_text (key);
      LekhValueType type = lekh_node_get_value_type (value);
      gboolean flag;

      if (name == NULL)
        continue;
      if (g_ascii_strcasecmp (name, "publishResources") == 0)
        {
          if (type == LEKH_VALUE_BOOL || type == LEKH_VALUE_INT || type == LEKH_VALUE_NULL ||
              (type == LEKH_VALUE_STRING && (value->scalar[0] == '\0' || hugo_bool (value, &flag))))
            continue;
          emit (check, "wrong-type", refused, value_span (entry, value), entry->key,
                _("“publishResources” in “%s” should be true or false; Hugo cannot read it and "
                  "stops the build"), entry->key);
          continue;
        }
      for (guint e = 0; e < G_N_ELEMENTS (enums); e++)
        {
          gboolean known = type == LEKH_VALUE_BOOL || type == LEKH_VALUE_NULL;

          if (g_ascii_strcasecmp (name, enums[e].key) != 0)
            continue;
          if (type == LEKH_VALUE_STRING)
            for (guint w = 0; enums[e].words[w] != NULL; w++)
              known |= strcmp (value->scalar, enums[e].words[w]) == 0;
          if (!known)
            emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, value),
                  entry->key,
                  _("Hugo reads this “%s” as “always”: the values are %s, %s and %s"),
                  enums[e].key, enums[e].words[0], enums[e].words[1], enums[e].words[2]);
        }
    }
}

/* outputs: page__meta.go resolves each name with outputFormatsConfig.GetByNames and logs an
 * error for an unknown one, which fails the build. These are Hugo 0.111's own formats
 * (output/outputFormat.go DefaultFormats); a site can define more in its configuration,
 * which Lekh does not read, so the message says so. */
static void
hugo_outputs (Check           *check,
              const LekhEntry *entry,
              const LekhNode  *node)
{
  static const char * const formats[] = {
    "AMP", "CSS", "CSV", "Calendar", "HTML", "JSON", "MARKDOWN", "ROBOTS", "RSS", "Sitemap",
    "WebAppManifest"
  };
  g_auto(GStrv) names = lekh_node_dup_string_list (node);

  if (names == NULL)
    return;
  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        known |= g_ascii_strcasecmp (names[i], formats[f]) == 0;
      if (!known && names[i][0] != '\0')
        emit (check, "wrong-type", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
              _("“%s” is not one of Hugo’s output formats (HTML, RSS, JSON, AMP, …); Hugo "
                "stops the build unless the site’s configuration defines it (Lekh does not "
                "read that)"), names[i]);
    }
}

/* TRUE when the Hugo rules decided on ENTRY; FALSE leaves it to the common checks. */
static gboolean
check_hugo_field (Check           *check,
                  const LekhEntry *entry,
                  const LekhField *field)
{
  const LekhNode *node = lekh_node_resolve (entry->value);
  const char *name = field->name;
  LekhValueType type = lekh_node_get_value_type (node);

  if (node == NULL || type == LEKH_VALUE_NULL)
    return FALSE;
  if (field->type == LEKH_FIELD_DATE)
    hugo_date (check, entry, node);
  else if (strcmp (name, "draft") == 0 || strcmp (name, "headless") == 0 ||
           strcmp (name, "isCJKLanguage") == 0)
    hugo_flag (check, entry, node);
  else if (strcmp (name, "weight") == 0)
    hugo_weight (check, entry, node);
  else if (strcmp (name, "url") == 0 || strcmp (name, "aliases") == 0)
    hugo_paths (check, entry, node, strcmp (name, "url") == 0);
  else if (strcmp (name, "tags") == 0 || strcmp (name, "categories") == 0 ||
           strcmp (name, "series") == 0)
    hugo_terms (check, entry, node);
  else if (strcmp (name, "build") == 0 || strcmp (name, "_build") == 0)
    hugo_build (check, entry, node);
  else if (strcmp (name, "outputs") == 0)
    hugo_outputs (check, entry, node);
  else if (strcmp (name, "cascade") == 0)
    {
      /* page.DecodeCascade: a mapping or a list of mappings; anything else adds nothing */
      if (type != LEKH_VALUE_MAPPING && type != LEKH_VALUE_SEQUENCE)
        emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
              _("Hugo ignores a “cascade” that is %s; it should be a set of “key: value” "
                "pairs or a list of them"), describe_type (type));
    }
  else if ((field->type == LEKH_FIELD_STRING || field->type == LEKH_FIELD_TEXT) &&
           (type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING))
    /* cast.ToString of a list or mapping is "" */
    emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
          _("Hugo reads “%s” as empty text when it is %s; write text"), entry->key,
          describe_type (type));
  else
    return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------------------------
 * Jekyll (4.3.1, the version Debian 12 ships, on Ruby 3.1): lib/jekyll/document.rb,
 * utils.rb, url.rb, publisher.rb and readers/post_reader.rb.
 * --------------------------------------------------------------------------------------- */

typedef enum
{
  RUBY_TIME_OK,
  RUBY_TIME_ROLLED,    /* a day the month lacks: Time.local rolls it into the next month */
  RUBY_TIME_UNSURE,    /* a form Lekh does not read; Ruby's Date._parse reads many */
  RUBY_TIME_ERROR,     /* Time.parse raises ArgumentError */
} RubyTime;

static int
digit_run (const char *p)
{
  int n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;
  return n;
}

static int
atoi_n (const char *p,
        int         n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    v = v * 10 + (p[i] - '0');
  return v;
}

/* Ruby's Time.parse (time.rb, on Date._parse) for the forms a front matter uses: Y-M-D or
 * Y/M/D (a two-digit year is 19xx from 69 on, 20xx below), an optional time and zone, a bare
 * YYYYMMDD or YYMMDD, a day alone. A month outside 1–12 or a day outside 1–31 raises ("mon
 * out of range", "argument out of range"), so does a minute over 59, a second over 60, a
 * zone of 24 hours or more, and text with no digit ("no time information"); a day the month
 * lacks (2023-02-30) rolls over into the next month (2023-03-02). *ROLLED gets that date.
 * Long because it follows Ruby's order in one pass over the string: the bare digit forms
 * first, then year, month and day with their separator, then time, fraction and zone, each
 * refusing what Ruby raises on; the parts read so far decide how the next is read. */
static RubyTime
ruby_time_parse (const char *s,
                 GDate      *rolled)
{
  const char *p = s;
  int n, year, month, day;
  char sep;

  while (g_ascii_isspace (*p))
    p++;
  if (strpbrk (p, "0123456789") == NULL)
    return RUBY_TIME_ERROR;

  n = digit_run (p);
  if (p[n] == '\0' || g_ascii_isspace (p[n]))
    {
      const char *rest = p + n;

      while (g_ascii_isspace (*rest))
        rest++;
      if (*rest != '\0')
        return RUBY_TIME_UNSURE;
      if (n <= 2)
        return atoi_n (p, n) >= 1 && atoi_n (p, n) <= 31 ? RUBY_TIME_OK : RUBY_TIME_ERROR;
      if (n == 8 || n == 6)
        {
          year = atoi_n (p, n - 4);
          if (n == 6)
            year += year >= 69 ? 1900 : 2000;
          month = atoi_n (p + n - 4, 2);
          day = atoi_n (p + n - 2, 2);
          goto check_day;
        }
      return n == 3 || n == 5 || n == 7 ? RUBY_TIME_UNSURE : RUBY_TIME_ERROR;
    }

  if (n < 2 || n > 4 || (p[n] != '-' && p[n] != '/') || (n != 4 && p[n] == '/'))
    return RUBY_TIME_UNSURE;
  sep = p[n];
  year = atoi_n (p, n);
  if (n == 2)
    year += year >= 69 ? 1900 : 2000;
  p += n + 1;
  n = digit_run (p);
  if (n >= 1 && n <= 2 && p[n] == '\0')
    return RUBY_TIME_ERROR;   /* "2024-01": a year and a month, no day */
  if (n < 1 || n > 2 || p[n] != sep)
    return RUBY_TIME_UNSURE;
  month = atoi_n (p, n);
  p += n + 1;
  n = digit_run (p);
  if (n < 1 || n > 2)
    return RUBY_TIME_UNSURE;
  day = atoi_n (p, n);
  p += n;

  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      const char *q = p + 1;
      int hour, minute, second = 0;

      n = digit_run (q);
      if (n >= 1 && n <= 2 && q[n] == ':' && digit_run (q + n + 1) == 2)
        {
          hour = atoi_n (q, n);
          q += n + 1;
          minute = atoi_n (q, 2);
          q += 2;
          if (*q == ':' && digit_run (q + 1) == 2)
            {
              second = atoi_n (q + 1, 2);
              q += 3;
            }
          if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute || second)))
            return RUBY_TIME_ERROR;
          if (*q == '.')
            for (q++; g_ascii_isdigit (*q); q++)
              ;
          while (*q == ' ')
            q++;
          if (*q == '+' || *q == '-')
            {
              n = digit_run (q + 1);
              if ((n == 2 || n == 4 || n == 1) && atoi_n (q + 1, MIN (n, 2)) >= 24)
                return RUBY_TIME_ERROR;
            }
        }
    }
  else if (*p != '\0' && !g_ascii_isspace (*p))
    return RUBY_TIME_UNSURE;

check_day:
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return RUBY_TIME_ERROR;
  if (!g_date_valid_dmy (day, month, MAX (year, 1)))
    {
      g_date_set_dmy (rolled, 1, month, MAX (year, 1));
      g_date_add_days (rolled, day - 1);
      return RUBY_TIME_ROLLED;
    }
  return RUBY_TIME_OK;
}

/* What a Ruby Time.parse verdict means for VALUE of KEY (the front matter's date, or the
 * file name's): document.rb merge_date! → Utils.parse_date raises InvalidDateError, a
 * FatalException that stops the build. */
static void
jekyll_time (Check          *check,
             const LekhSpan *span,
             const char     *key,
             const char     *value,
             gboolean        from_file_name)
{
  GDate rolled;
  char text[16];

  g_date_clear (&rolled, 1);
  switch (ruby_time_parse (value, &rolled))
    {
    case RUBY_TIME_ERROR:
      emit (check, "invalid-date", LEKH_SEVERITY_ERROR, span, key,
            from_file_name ?
              _("The date in the file name (“%s”) is not a real date: Jekyll stops the build "
                "(“Invalid date”); name the post YEAR-MONTH-DAY-title.md") :
              _("Jekyll cannot read “%s” as a date and stops the build (“Invalid date”); "
                "write e.g. 2024-03-05 or 2024-03-05 10:30:00 +0530"),
            value);
      break;
    case RUBY_TIME_ROLLED:
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &rolled);
      emit (check, "invalid-date", LEKH_SEVERITY_WARNING, span, key,
            _("“%s” is not a day of its month: Jekyll rolls it over and dates the post %s"),
            value, text);
      break;
    case RUBY_TIME_UNSURE:
      if (!from_file_name && !is_template (value))
        emit (check, "invalid-date", LEKH_SEVERITY_INFO, span, key,
              _("Lekh cannot tell how Jekyll reads “%s” (Ruby’s Time.parse reads many forms "
                "and stops the build on others); write e.g. 2024-03-05 to be sure"), value);
      break;
    case RUBY_TIME_OK:
    default:
      break;
    }
}

/* readers/post_reader.rb read_posts: only a file whose name matches
 * Document::DATE_FILENAME_MATCHER, %r!^(?>.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$!,
 * is read as a post; any other is skipped without a word. The date it gives is parsed by
 * Utils.parse_date (document.rb populate_title → modify_date → merge_date!) unless the
 * front matter gives a date of its own. Returns the length of the date, or 0. */
static gsize
jekyll_post_name_date (const char *name)
{
  const char *p = name, *dot;
  int n;

  for (int field = 0; field < 3; field++)
    {
      n = digit_run (p);
      if (n < (field == 0 ? 2 : 1) || n > (field == 0 ? 4 : 2) || p[n] != '-')
        return 0;
      p += n + 1;
    }
  dot = strrchr (p, '.');
  if (dot == NULL || dot[1] == '\0')
    return 0;
  return p - 1 - name;
}

static void
check_jekyll_post_name (Check      *check,
                        GHashTable *first)
{
  g_autofree char *name = NULL;
  const LekhEntry *date;
  gsize date_len;
  LekhSpan span;

  if (lekh_profile_get_id (check->profile) != LEKH_PROFILE_JEKYLL || check->path == NULL ||
      strstr (check->path, "/_posts/") == NULL)
    return;
  name = g_path_get_basename (check->path);
  span = opening_span (check->article);
  date_len = jekyll_post_name_date (name);
  if (date_len == 0)
    {
      emit (check, "post-file-name", LEKH_SEVERITY_WARNING, &span, NULL,
            _("Jekyll will not publish this file: a post in _posts must be named "
              "YEAR-MONTH-DAY-title.md (e.g. 2024-03-05-%s), and Jekyll skips any other "
              "name without a word"), "hello.md");
      return;
    }
  /* modify_date: the file name's date counts only when the front matter gives none */
  date = g_hash_table_lookup (first, "date");
  if (date != NULL)
    return;
  {
    g_autofree char *text = g_strndup (name, date_len);

    jekyll_time (check, &span, NULL, text, TRUE);
  }
}

static void
jekyll_date (Check           *check,
             const LekhEntry *entry,
             const LekhNode  *node)
{
  LekhValueType type = lekh_node_get_value_type (node);

  /* merge_date!: data["date"].to_s goes through Time.parse, whatever its type; an empty
   * date is "" and raises. */
  if (node == NULL || type == LEKH_VALUE_NULL)
    {
      emit (check, "invalid-date", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
            _("“date” is empty: Jekyll cannot read an empty date and stops the build "
              "(“Invalid date”); give a date or remove the line"));
      return;
    }
  if (type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING)
    {
      emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
            _("“date” should be a date, not %s; Jekyll looks for a date in the text of this "
              "value and stops the build when it finds none"), describe_type (type));
      return;
    }
  /* a value a generator fills in from a template ({{ … }}, <%= … %>) is not checked */
  if (!is_template (node->scalar))
    jekyll_time (check, value_span (entry, node), entry->key, node->scalar, FALSE);
}

/* publisher.rb can_be_published?: thing.data.fetch("published", true) — nil and false
 * unpublish; every other value, "false" and 0 too, is true in Ruby. */
static void
jekyll_published (Check           *check,
                  const LekhEntry *entry,
                  const LekhNode  *node)
{
  static const char * const falsy[] = { "false", "no", "off", "n", "0", "f" };
  LekhValueType type = lekh_node_get_value_type (node);
  const char *s;

  if (node == NULL || type == LEKH_VALUE_NULL)
    {
      emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
            _("Jekyll does not publish this post: an empty “published” counts as false; "
              "write true or false"));
      return;
    }
  if (type == LEKH_VALUE_BOOL)
    return;
  s = node->kind == LEKH_NODE_SCALAR ? node->scalar : "";
  for (guint i = 0; i < G_N_ELEMENTS (falsy); i++)
    if (g_ascii_strcasecmp (s, falsy[i]) == 0)
      {
        emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
              _("Jekyll publishes this despite “published: %s”: only the boolean false "
                "unpublishes (write false without quotes)"), s);
        return;
      }
  emit (check, "wrong-type", LEKH_SEVERITY_INFO, value_span (entry, node), entry->key,
        _("Jekyll publishes a post whose “published” is %s; write true or false"),
        describe_type (type));
}

/* url.rb generate_url_from_drop calls template.gsub: a permalink that is not text (a
 * number, true, a date, a list) stops the build with NoMethodError; false is ignored. */
static void
jekyll_permalink (Check           *check,
                  const LekhEntry *entry,
                  const LekhNode  *node)
{
  LekhValueType type = lekh_node_get_value_type (node);
  gboolean value;

  /* Psych makes a Date only of a real date: "2024-02-30" stays text */
  if (type == LEKH_VALUE_STRING ||
      (type == LEKH_VALUE_TIMESTAMP && !date_is_valid (node->scalar)))
    return;
  if (type == LEKH_VALUE_BOOL && lekh_node_get_boolean (node, &value) && !value)
    {
      emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
            _("Jekyll ignores “permalink: false”; remove the line to use the site’s "
              "permalink"));
      return;
    }
  emit (check, "wrong-type", LEKH_SEVERITY_ERROR, value_span (entry, node), entry->key,
        _("“permalink” should be text such as /blog/:title/, not %s: Jekyll stops the build "
          "(its URL code cannot read it); put the value in quotes"), describe_type (type));
}

/* document.rb populate_categories and populate_tags, utils.rb pluralized_array_from_hash:
 * text is split on white space (not on commas); a list gives its items (null ones dropped);
 * "tags" of any other type are ignored, "categories" become its text. */
static void
jekyll_terms (Check           *check,
              const LekhEntry *entry,
              const LekhNode  *node,
              gboolean         singular)
{
  LekhValueType type = lekh_node_get_value_type (node);

  if (type == LEKH_VALUE_STRING)
    {
      if (!singular && strchr (node->scalar, ',') != NULL)
        emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
              _("Jekyll splits “%s” on spaces, not commas (“a, b” gives “a,” and “b”); write "
                "a list ([a, b]) or separate with spaces"), entry->key);
      return;
    }
  if (type == LEKH_VALUE_SEQUENCE && !singular)
    {
      for (guint i = 0; i < node->children->len; i++)
        {
          const LekhNode *item = lekh_node_resolve (g_ptr_array_index (node->children, i));
          LekhValueType item_type = lekh_node_get_value_type (item);

          if (item_type == LEKH_VALUE_SEQUENCE || item_type == LEKH_VALUE_MAPPING)
            emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, item),
                  entry->key, _("Each item of “%s” should be text, not %s"), entry->key,
                  describe_type (item_type));
          else if (is_empty_value (item))
            emit (check, "empty-value", LEKH_SEVERITY_WARNING, value_span (entry, item),
                  entry->key, _("Item %u of “%s” is empty; Jekyll drops it"), i + 1, entry->key);
        }
      check_duplicates (check, entry, node, scalar_text);
      return;
    }
  if (strcmp (entry->key, "tags") == 0)
    emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
          _("Jekyll ignores “tags” that are %s; write text or a list"), describe_type (type));
  else if (type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING)
    emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
          _("“%s” should be text, not %s; Jekyll uses it as it is"), entry->key,
          describe_type (type));
}

/* TRUE when the Jekyll rules decided on ENTRY; FALSE leaves it to the common checks. */
static gboolean
check_jekyll_field (Check           *check,
                    const LekhEntry *entry,
                    const LekhField *field)
{
  const LekhNode *node = lekh_node_resolve (entry->value);
  const char *name = field->name;
  LekhValueType type = lekh_node_get_value_type (node);

  if (strcmp (name, "date") == 0)
    jekyll_date (check, entry, node);
  else if (strcmp (name, "published") == 0)
    jekyll_published (check, entry, node);
  else if (node == NULL || type == LEKH_VALUE_NULL)
    return FALSE;
  else if (strcmp (name, "permalink") == 0)
    jekyll_permalink (check, entry, node);
  else if (strcmp (name, "categories") == 0 || strcmp (name, "tags") == 0 ||
           strcmp (name, "category") == 0 || strcmp (name, "tag") == 0)
    jekyll_terms (check, entry, node, name[strlen (name) - 1] != 's');
  else if ((field->type == LEKH_FIELD_STRING || field->type == LEKH_FIELD_TEXT) &&
           (type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING))
    /* Liquid prints a list or mapping as its text; the layout of a list is not found */
    emit (check, "wrong-type", LEKH_SEVERITY_WARNING, value_span (entry, node), entry->key,
          _("“%s” should be text, not %s; Jekyll uses it as it is, which is probably not "
            "what you meant"), entry->key, describe_type (type));
  else
    return FALSE;
  return TRUE;
}

/* Checks one known field of the generic rules against its type. Long because it is one
 * switch over the field types (text, bool, numbers, dates, URLs, images, lists, tags,
 * authors, toc level, mappings), each case a type test and its message; what Hugo, Jekyll
 * and Docusaurus do differently is already in functions of their own, tried first. */
static void
check_field (Check           *check,
             const LekhEntry *entry,
             const LekhField *field)
{
  const LekhNode *node = lekh_node_resolve (entry->value);
  LekhValueType type = lekh_node_get_value_type (node);

  /* Hugo and Jekyll first: they say what the generator does with a value of any type */
  if (lekh_profile_get_id (check->profile) == LEKH_PROFILE_HUGO &&
      check_hugo_field (check, entry, field))
    return;
  if (lekh_profile_get_id (check->profile) == LEKH_PROFILE_JEKYLL &&
      check_jekyll_field (check, entry, field))
    return;
  if (field->type == LEKH_FIELD_ANY)
    return;
  if (lekh_profile_get_id (check->profile) == LEKH_PROFILE_DOCUSAURUS)
    {
      check_docusaurus_field (check, entry, field);
      return;
    }

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
    check_length (check, entry, node, "title-length", 0, LEKH_VALIDATOR_TITLE_MAX);
  else if (strcmp (field->name, "description") == 0)
    check_length (check, entry, node, "description-length",
                  LEKH_VALIDATOR_DESCRIPTION_MIN, LEKH_VALIDATOR_DESCRIPTION_MAX);
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
  /* Jekyll reads "tag" beside "tags" (utils.rb pluralized_array_from_hash), and Hugo's
   * "published" is the opposite of draft (hugolib/page__meta.go): no near misses there */
  if ((lekh_profile_get_id (check->profile) == LEKH_PROFILE_JEKYLL &&
       strcmp (entry->key, "tag") == 0) ||
      (lekh_profile_get_id (check->profile) == LEKH_PROFILE_HUGO &&
       g_ascii_strcasecmp (entry->key, "published") == 0))
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

  /* hugolib/page__meta.go: "page has both draft and published settings in its frontmatter.
   * Using draft." (a warning in Hugo's log); keys are case-insensitive there */
  if (lekh_profile_get_id (check->profile) == LEKH_PROFILE_HUGO && draft != NULL)
    {
      guint n = lekh_article_get_n_entries (check->article);

      for (guint i = 0; i < n; i++)
        {
          const LekhEntry *entry = lekh_article_get_entry (check->article, i);
          gboolean value;

          if (g_ascii_strcasecmp (entry->key, "published") != 0 ||
              !hugo_bool (lekh_node_resolve (entry->value), &value))
            continue;
          emit (check, "conflicting-fields", LEKH_SEVERITY_WARNING, &entry->key_span, entry->key,
                _("Hugo ignores “%s” beside “draft” (it uses draft); remove one of them"),
                entry->key);
          break;
        }
    }

  if (lekh_profile_get_id (check->profile) != LEKH_PROFILE_DOCUSAURUS)
    return;

  /* ContentVisibilitySchema (utils-validation lib/validationSchemas.js) sees the values Joi
   * converted: draft: "true" counts. */
  if (draft != NULL && unlisted != NULL && docusaurus_is_true (draft->value) &&
      docusaurus_is_true (unlisted->value))
    {
      LekhDiagnostic *d;

      d = emit (check, "draft-and-unlisted", LEKH_SEVERITY_ERROR, &unlisted->key_span, "unlisted",
                _("An article cannot be both a draft and unlisted; Docusaurus refuses to build it"));
      lekh_diagnostic_set_fix (d, LEKH_FIX_REMOVE_KEY, _("Remove “unlisted”"), NULL, 0, NULL);
    }

  /* FrontMatterTOCHeadingLevels: toc_min_heading_level.max(Joi.ref('toc_max_heading_level')) */
  if (toc_min != NULL && toc_max != NULL)
    {
      double min = 0, max = 0;

      if (joi_number (lekh_node_resolve (toc_min->value), &min) &&
          joi_number (lekh_node_resolve (toc_max->value), &max) &&
          min >= 2 && max <= 6 && min > max)
        emit (check, "toc-levels", LEKH_SEVERITY_ERROR, value_span (toc_max, toc_max->value),
              toc_max->key,
              /* Translators: both numbers are heading levels from 2 to 6 */
              _("“toc_max_heading_level” (%g) is below “toc_min_heading_level” (%g)"),
              max, min);
    }

  check_docusaurus_legacy_authors (check, first);
}

/* In a Flatpak given one file through the document portal, nothing around the article can
 * be seen: no configuration, authors.yml, tags.yml or images. Say so once, rather than
 * report a clean bill for what was never looked at. */
static void
check_site_reachable (Check *check)
{
  LekhSpan span;

  if (check->path == NULL || lekh_site_get_root (check->site) != NULL ||
      !lekh_site_path_is_portal (check->path))
    return;
  span = opening_span (check->article);
  emit (check, "site-unreadable", LEKH_SEVERITY_WARNING, &span, NULL,
        _("Lekh can reach only this file (it was opened through the document portal), so the "
          "site around it is not checked: its configuration, authors.yml, tags.yml and images. "
          "Open the site’s folder in Lekh, or give Lekh access to it (flatpak override --user "
          "--filesystem=/path/to/site io.github.lekh.Lekh)"));
}

/* gray-matter (@11ty/gray-matter 1.0, lib/engine.js, index.js parseMatter) reads the rest of
 * an opening "---" line as the front matter's language: yaml/yml and js/javascript in any
 * case, json in lower case; any other name throws "engine is not registered" and Docusaurus
 * refuses the file. Lekh's split sees no front matter there, so it says what it did not check. */
static void
check_docusaurus_opening (Check *check)
{
  gsize len;
  const char *text = lekh_article_get_text (check->article, &len);
  const char *end = text + len, *line_end, *lang, *lang_end;
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  LekhSpan span;

  if (lekh_profile_get_id (check->profile) != LEKH_PROFILE_DOCUSAURUS)
    return;
  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3;
  if (end - text < 4 || memcmp (text, "---", 3) != 0 || text[3] == '-')
    return;
  line_end = memchr (text, '\n', end - text);
  if (line_end == NULL)
    return;
  lang = text + 3;
  lang_end = line_end > lang && line_end[-1] == '\r' ? line_end - 1 : line_end;
  while (lang < lang_end && g_ascii_isspace (*lang))
    lang++;
  while (lang_end > lang && g_ascii_isspace (lang_end[-1]))
    lang_end--;
  if (lang == lang_end)
    return;
  /* Bytes that are not UTF-8 are the invalid-utf8 error's, reported for the whole file. */
  if (!g_utf8_validate_len (lang, lang_end - lang, NULL))
    return;

  name = g_strndup (lang, lang_end - lang);
  lower = g_ascii_strdown (name, -1);
  span = opening_span (check->article);
  if (strcmp (name, "json") == 0)
    return;   /* read and checked like any other front matter */
  if (strcmp (lower, "yaml") == 0 || strcmp (lower, "yml") == 0)
    emit (check, "unsupported-front-matter", LEKH_SEVERITY_WARNING, &span, NULL,
          _("Docusaurus reads this “---%s” front matter, but Lekh checks only front matter "
            "that opens with a bare “---” line: write “---” alone to have it checked"), name);
  else if (strcmp (lower, "js") == 0 || strcmp (lower, "javascript") == 0)
    emit (check, "unsupported-front-matter", LEKH_SEVERITY_WARNING, &span, NULL,
          _("Docusaurus runs “---%s” front matter as JavaScript (and refuses it when it holds a "
            "function); Lekh does not check it"), name);
  else
    emit (check, "unsupported-front-matter", LEKH_SEVERITY_ERROR, &span, NULL,
          _("Docusaurus cannot read “---%s” front matter (gray-matter has no “%s” reader) and "
            "refuses the file; write YAML between bare “---” lines"), name, name);
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
  else if (lekh_article_get_split (check->article)->format == LEKH_FRONT_MATTER_TOML)
    rule = "toml-syntax";
  else if (lekh_article_get_split (check->article)->format == LEKH_FRONT_MATTER_JSON)
    rule = "json-syntax";
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

/* gray-matter (Docusaurus) also reads a fence naming its language; Lekh reads "---json"
 * but not the others ("---toml", which Docusaurus registers no engine for, "---yaml"),
 * so such an article reads as having no front matter. */
static void
check_language_fence (Check *check)
{
  gsize len;
  const char *text = lekh_article_get_text (check->article, &len);
  gsize p = lekh_article_get_split (check->article)->bom_len;
  gsize q;
  LekhSpan span;

  if (len - p < 4 || memcmp (text + p, "---", 3) != 0 || !g_ascii_isalpha (text[p + 3]))
    return;
  /* Docusaurus's own verdict on the fence is given by check_docusaurus_opening(). */
  if (lekh_profile_get_id (check->profile) == LEKH_PROFILE_DOCUSAURUS)
    return;
  for (q = p + 3; q < len && g_ascii_isalnum (text[q]); q++)
    ;
  span = opening_span (check->article);
  emit (check, "unsupported-front-matter", LEKH_SEVERITY_INFO, &span, NULL,
        _("A “---%.*s” front matter fence is not read by Lekh (only ---, ---json, +++ and "
          "{ are): this front matter is not checked"), (int) MIN (q - p - 3, 20), text + p + 3);
}

/* ---------------------------------------------------------------------------------------
 * Docusaurus's data files on their own: authors.yml (plugin-content-blog lib/authorsMap.js
 * getAuthorsMap) and tags.yml (utils-validation lib/tagsFile.js getTagsFile). Docusaurus
 * reads them whether or not an article uses them, and refuses the whole site when one is
 * broken, so they are checked as files of their own.
 * --------------------------------------------------------------------------------------- */

/* 1 for an authors.yml, 2 for a tags.yml, 0 for anything else. */
static int
site_data_kind (const char *path)
{
  const char *name = path != NULL ? strrchr (path, G_DIR_SEPARATOR) : NULL;

  name = name != NULL ? name + 1 : path;
  if (name == NULL)
    return 0;
  if (strcmp (name, "authors.yml") == 0 || strcmp (name, "authors.yaml") == 0)
    return 1;
  if (strcmp (name, "tags.yml") == 0 || strcmp (name, "tags.yaml") == 0)
    return 2;
  return 0;
}

gboolean
lekh_validator_is_site_data (LekhValidator *self,
                             const char    *path)
{
  g_autoptr(LekhSite) site = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (site_data_kind (path) == 0)
    return FALSE;
  site = lekh_validator_get_site (self, path);
  return lekh_profile_get_id (lekh_site_get_profile (site)) == LEKH_PROFILE_DOCUSAURUS;
}

/* Where TEXT first holds NEEDLE (a value of the file), as a span; the first line if not. */
static LekhSpan
span_of_text (LekhArticle *article,
              const char  *needle)
{
  gsize len;
  const char *text = lekh_article_get_text (article, &len);
  const char *at = needle[0] != '\0' ? g_strstr_len (text, len, needle) : NULL;
  LekhSpan span;
  guint line = 1, column = 1;

  if (at == NULL)
    return span_at_position (article, 1, 1);
  for (const char *p = text; p < at; p++)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        column++;
    }
  span = span_at_position (article, line, column);
  span.end = MIN (span.start + strlen (needle), len);
  return span;
}

/* Checks an authors.yml (KIND 1) or tags.yml (KIND 2) opened on its own. Long because it
 * runs three checks in turn: the YAML shape with libyaml (which ends the run when wrong),
 * what LekhSiteData finds inside, and each author's picture; most of its lines are the
 * translatable messages. The three could be functions of their own, and should be when
 * the core is next changed. */
static void
check_site_data_file (Check *check,
                      int    kind)
{
  gsize len;
  const char *text = lekh_article_get_text (check->article, &len);
  const char *file = kind == 2 ? "tags.yml" : "authors.yml";
  g_autoptr(LekhSiteData) data = NULL;
  yaml_parser_t parser;
  yaml_document_t doc;
  LekhSpan span;

  /* the shape, with the place of a syntax error (js-yaml refuses what libyaml refuses) */
  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const guchar *) text, len);
  if (!yaml_parser_load (&parser, &doc))
    {
      span = span_at_position (check->article, parser.problem_mark.line + 1,
                               parser.problem_mark.column + 1);
      emit (check, "site-data", LEKH_SEVERITY_ERROR, &span, NULL,
            _("This %s is not valid YAML (%s): Docusaurus refuses it and the site does not "
              "build"), file, parser.problem != NULL ? parser.problem : "?");
      yaml_parser_delete (&parser);
      return;
    }
  {
    yaml_node_t *root = yaml_document_get_root_node (&doc);
    gboolean mapping = root == NULL || root->type == YAML_MAPPING_NODE ||
                       (root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0);

    if (!mapping)
      {
        span = span_at_position (check->article, root->start_mark.line + 1,
                                 root->start_mark.column + 1);
        emit (check, "site-data", LEKH_SEVERITY_ERROR, &span, NULL,
              kind == 2 ?
                _("tags.yml should map each tag’s key to its label, description and permalink "
                  "(“docs: {label: Docs}”); Docusaurus refuses this file and the site does "
                  "not build") :
                _("authors.yml should map each author’s key to the author (“asha: {name: "
                  "Asha}”); Docusaurus refuses this file and the site does not build"));
      }
    yaml_document_delete (&doc);
    yaml_parser_delete (&parser);
    if (!mapping)
      return;
  }

  /* what Docusaurus refuses inside: a key twice, an author without name or image, a tag
   * field it does not know, two tags with one permalink (lekh-site.c reads it as the site
   * does, from the file on disk) */
  data = lekh_site_data_load (check->path, kind == 2);
  if (lekh_site_data_get_error (data) != NULL)
    {
      if (lekh_site_data_get_error (data)->domain == G_FILE_ERROR)
        {
          span = span_at_position (check->article, 1, 1);
          site_unreadable (check, &span, NULL, lekh_site_data_get_error (data)->message, file);
        }
      return;
    }
  if (lekh_site_data_get_problem (data) != NULL)
    {
      span = span_at_position (check->article, 1, 1);
      emit (check, "site-data", LEKH_SEVERITY_ERROR, &span, NULL,
            _("Docusaurus refuses this %s, so the site does not build: %s"), file,
            lekh_site_data_get_problem (data));
    }

  /* an author's picture: a web address, or a file the site serves */
  for (guint i = 0; kind == 1 && i < lekh_site_data_get_n_entries (data); i++)
    {
      const LekhSiteEntry *entry = lekh_site_data_get_entry (data, i);
      LekhImageStatus status = LEKH_IMAGE_UNKNOWN;
      g_autofree char *resolved = NULL;
      const char *image = entry->image_url;

      if (image == NULL || image[0] == '\0' || is_template (image))
        continue;
      span = span_of_text (check->article, image);
      if (has_scheme (image))
        {
          if (!g_str_has_prefix (image, "data:") && !url_is_valid (image))
            emit (check, "invalid-url", LEKH_SEVERITY_ERROR, &span, NULL,
                  _("“%s” is not a valid web address for the picture of “%s”"), image,
                  entry->key);
          continue;
        }
      resolved = lekh_site_resolve_image (check->site, check->path, image, &status);
      if (status == LEKH_IMAGE_MISSING || status == LEKH_IMAGE_OUTSIDE_SITE)
        emit (check, "missing-local-image", LEKH_SEVERITY_WARNING, &span, NULL,
              _("The picture of “%s”, “%s”, was found neither beside authors.yml nor in the "
                "site’s static folder"), entry->key, image);
      else if (status == LEKH_IMAGE_UNREADABLE)
        emit (check, "site-unreadable", LEKH_SEVERITY_WARNING, &span, NULL,
              _("Whether the picture of “%s” exists is not known: a folder on its way cannot "
                "be read; give Lekh access to the site’s folder"), entry->key);
    }
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  return lekh_diagnostic_compare (*(LekhDiagnostic **) a, *(LekhDiagnostic **) b);
}

/* Long because it is the order the checks run in, each stage able to end the run:
 * authors.yml and tags.yml on their own, an article that could not be read, no front
 * matter, duplicate keys, then each field, the fields together, required fields and the
 * site. The stages share the Check and the table of first keys; the duplicate-key pass
 * could be a function of its own. */
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

  /* Docusaurus's authors.yml and tags.yml, opened or named on their own */
  if (lekh_profile_get_id (check.profile) == LEKH_PROFILE_DOCUSAURUS &&
      site_data_kind (path) != 0)
    {
      const GError *error = lekh_article_get_error (article);

      /* the file is YAML as a whole: of the article's reading only bad bytes count */
      if (error != NULL && error->domain == LEKH_ERROR && error->code == LEKH_ERROR_INVALID_UTF8)
        check_article_error (&check);
      else
        check_site_data_file (&check, site_data_kind (path));
      g_ptr_array_sort (check.out, compare_diagnostics);
      return check.out;
    }
  check_docusaurus_opening (&check);

  if (lekh_article_get_error (article) != NULL)
    {
      check_article_error (&check);
      return check.out;
    }

  /* TOML and JSON front matter are read into the same entries as YAML and go through the
   * same rules; "unsupported-front-matter" stays for whatever format is not read. */
  split = lekh_article_get_split (article);
  if (split->format == LEKH_FRONT_MATTER_NONE)
    {
      check_language_fence (&check);
      return check.out;
    }

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
  check_jekyll_post_name (&check, first);
  check_required (&check, first);
  check_site_reachable (&check);

  g_ptr_array_sort (check.out, compare_diagnostics);
  return check.out;
}
