/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lekh-article-private.h"
#include "lekh-edit.h"
#include "lekh-json.h"
#include "lekh-toml.h"

void
lekh_edit_free (LekhEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->text);
  g_free (edit);
}

static LekhEdit *
edit_new (gsize       start,
          gsize       end,
          const char *text)
{
  LekhEdit *edit = g_new0 (LekhEdit, 1);

  edit->start = start;
  edit->end = end;
  edit->text = g_strdup (text);
  return edit;
}

GBytes *
lekh_edit_apply (const LekhEdit    *edit,
                 const LekhArticle *article)
{
  const char *text;
  gsize len, n;
  char *out;

  g_return_val_if_fail (edit != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);

  text = lekh_article_get_text (article, &len);
  g_return_val_if_fail (edit->start <= edit->end && edit->end <= len, NULL);

  n = strlen (edit->text);
  out = g_malloc (len - (edit->end - edit->start) + n + 1);
  memcpy (out, text, edit->start);
  memcpy (out + edit->start, edit->text, n);
  memcpy (out + edit->start + n, text + edit->end, len - edit->end);
  out[len - (edit->end - edit->start) + n] = '\0';
  return g_bytes_new_take (out, len - (edit->end - edit->start) + n);
}

/* Quoting --------------------------------------------------------------------------- */

/* Words that YAML 1.1 readers (Psych in Jekyll, PyYAML, old go-yaml) take for booleans. */
static gboolean
is_yaml11_bool (const char *s)
{
  static const char * const words[] = {
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
    "on", "On", "ON", "off", "Off", "OFF",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (s, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Numbers in some reader's eyes: 1_000, 0b101, 012, 1:20 (sexagesimal), .5, 1e3 ... */
static gboolean
looks_numeric (const char *s)
{
  const char *p = s;

  if (*p == '+' || *p == '-' || *p == '.')
    p++;
  if (!g_ascii_isdigit (*p) && *s != '.')
    return FALSE;
  for (; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("._:+-", *p) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
needs_double_quotes (const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfeff ||
          c == 0x2028 || c == 0x2029)
        return TRUE;
    }
  return FALSE;
}

static gboolean
plain_is_safe (const char *s,
               gboolean    in_flow)
{
  gsize len = strlen (s);

  if (len == 0)
    return FALSE;
  if (strchr ("-?:,[]{}#&*!|>'\"%@` \t", s[0]) != NULL)
    return FALSE;
  if (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == ':')
    return FALSE;
  if (strstr (s, ": ") || strstr (s, ":\t") || strstr (s, " #") || strstr (s, "\t#"))
    return FALSE;
  if (in_flow && strpbrk (s, ",[]{}:") != NULL)
    return FALSE;
  if (needs_double_quotes (s))
    return FALSE;
  if (lekh_scalar_resolve_type (s, len, LEKH_STYLE_PLAIN, NULL) != LEKH_VALUE_STRING)
    return FALSE;
  if (is_yaml11_bool (s) || looks_numeric (s) || strcmp (s, "<<") == 0 || strcmp (s, "=") == 0)
    return FALSE;
  return TRUE;
}

/* Quotes VALUE in STYLE when the writer used quotes already, plain when safe otherwise. */
static char *
quote_like (const char    *value,
            gboolean       in_flow,
            LekhNodeStyle  style)
{
  GString *out;

  if (style != LEKH_STYLE_SINGLE_QUOTED && style != LEKH_STYLE_DOUBLE_QUOTED &&
      plain_is_safe (value, in_flow))
    return g_strdup (value);

  out = g_string_new (NULL);
  if (style != LEKH_STYLE_DOUBLE_QUOTED && !needs_double_quotes (value))
    {
      g_string_append_c (out, '\'');
      for (const char *p = value; *p; p++)
        {
          if (*p == '\'')
            g_string_append_c (out, '\'');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '\'');
      return g_string_free (out, FALSE);
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
            g_string_append_printf (out, "\\x%02X", c);
          else if (c == 0xfeff || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

char *
lekh_yaml_quote_string (const char *value,
                        gboolean    in_flow)
{
  g_return_val_if_fail (value != NULL, NULL);

  return quote_like (value, in_flow, LEKH_STYLE_PLAIN);
}

/* Verification --------------------------------------------------------------------- */

typedef enum
{
  EXPECT_ABSENT,
  EXPECT_SCALAR,
  EXPECT_LIST,
  EXPECT_JSON,
  EXPECT_ITEMS,
} Expectation;

/* EXPECT_ITEMS: one item of the edited list, in order. */
typedef struct
{
  const LekhNode *kept;     /* an item of the old list, kept: same bytes, same meaning */
  const char     *string;   /* or a new string item */
} ExpectedItem;

typedef struct
{
  const char         *key;
  Expectation         kind;
  const char         *scalar;
  LekhValueType       type;
  const char * const *items;
  const char         *json;           /* EXPECT_JSON: the entry's fingerprint */
  const char         *renamed_from;   /* rename: this key must be gone */
  const ExpectedItem *list;           /* EXPECT_ITEMS: the list's items */
  guint               n_list;
} Expected;

/* What an entry means, for comparing before and after an edit, in time linear in its
 * text: an alias is not expanded (an alias bomb would take seconds) but stands for the
 * source text of the node it names, so an edit that moves or drops an anchor still shows.
 * Every alias is compared in the entry that holds it. */
static void
fingerprint_node (const LekhArticle *article,
                  const LekhNode    *node,
                  GHashTable        *cache,
                  GString           *out)
{
  if (node == NULL)
    {
      g_string_append_c (out, '~');
      return;
    }

  switch (node->kind)
    {
    case LEKH_NODE_ALIAS:
      {
        const LekhNode *target = node->alias_target;
        const char *digest = target ? g_hash_table_lookup (cache, target) : NULL;

        if (target != NULL && digest == NULL)
          {
            const char *text = lekh_article_get_text (article, NULL);
            gsize end = _lekh_article_content_end (article, target);
            char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                     (const guchar *) text + target->span.start,
                                                     end - target->span.start);
            g_hash_table_insert (cache, (gpointer) target, sum);
            digest = sum;
          }
        g_string_append_printf (out, "*%s=%s", node->scalar, digest ? digest : "?");
      }
      break;

    case LEKH_NODE_SCALAR:
      g_string_append_printf (out, "%s|%s|%" G_GSIZE_FORMAT ":",
                              lekh_value_type_to_string (lekh_node_get_value_type (node)),
                              node->tag ? node->tag : "", node->scalar_len);
      g_string_append_len (out, node->scalar, node->scalar_len);
      break;

    case LEKH_NODE_SEQUENCE:
    case LEKH_NODE_MAPPING:
    default:
      g_string_append_c (out, node->kind == LEKH_NODE_SEQUENCE ? '[' : '{');
      for (guint i = 0; i < node->children->len; i++)
        {
          fingerprint_node (article, g_ptr_array_index (node->children, i), cache, out);
          g_string_append_c (out, ',');
        }
      g_string_append_c (out, node->kind == LEKH_NODE_SEQUENCE ? ']' : '}');
      break;
    }
}

static char *
node_fingerprint (const LekhArticle *article,
                  const LekhNode    *node)
{
  g_autoptr(GHashTable) cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GString *out = g_string_new (NULL);

  fingerprint_node (article, node, cache, out);
  return g_string_free (out, FALSE);
}

static char *
entry_fingerprint (const LekhArticle *article,
                   const LekhEntry   *entry)
{
  return node_fingerprint (article, entry->value);
}

/* Do two spans (of two articles) hold the same bytes? */
static gboolean
same_bytes (const LekhArticle *a,
            gsize              a_start,
            gsize              a_end,
            const LekhArticle *b,
            gsize              b_start,
            gsize              b_end)
{
  const char *a_text = lekh_article_get_text (a, NULL);
  const char *b_text = lekh_article_get_text (b, NULL);

  return a_end - a_start == b_end - b_start &&
         memcmp (a_text + a_start, b_text + b_start, a_end - a_start) == 0;
}

static gboolean
same_key (const LekhArticle *a,
          const LekhEntry   *old,
          const LekhArticle *b,
          const LekhEntry   *entry)
{
  g_autofree char *old_print = NULL;
  g_autofree char *new_print = NULL;

  if (strcmp (old->key, entry->key) != 0 ||
      !same_bytes (a, old->key_span.start, old->key_span.end,
                   b, entry->key_span.start, entry->key_span.end))
    return FALSE;
  old_print = node_fingerprint (a, old->key_node);
  new_print = node_fingerprint (b, entry->key_node);
  return strcmp (old_print, new_print) == 0;
}

static gboolean
same_value (const LekhArticle *a,
            const LekhEntry   *old,
            const LekhArticle *b,
            const LekhEntry   *entry)
{
  g_autofree char *old_print = NULL;
  g_autofree char *new_print = NULL;

  if (!same_bytes (a, old->value->span.start, _lekh_article_content_end (a, old->value),
                   b, entry->value->span.start, _lekh_article_content_end (b, entry->value)))
    return FALSE;
  old_print = entry_fingerprint (a, old);
  new_print = entry_fingerprint (b, entry);
  return strcmp (old_print, new_print) == 0;
}

/* Does the list ITEMS (of ARTICLE) hold EXPECTED's items, the kept ones with the very
 * bytes and meaning they had in OLD? */
static gboolean
items_match (const LekhArticle *old,
             const LekhArticle *article,
             const LekhNode    *items,
             const Expected    *expected)
{
  if (items == NULL || items->kind != LEKH_NODE_SEQUENCE ||
      lekh_node_get_n_items (items) != expected->n_list)
    return FALSE;
  for (guint i = 0; i < expected->n_list; i++)
    {
      const ExpectedItem *want = &expected->list[i];
      const LekhNode *item = lekh_node_get_item (items, i);

      if (want->kept != NULL)
        {
          g_autofree char *old_print = node_fingerprint (old, want->kept);
          g_autofree char *new_print = node_fingerprint (article, item);

          if (!same_bytes (old, want->kept->span.start, _lekh_article_content_end (old, want->kept),
                           article, item->span.start, _lekh_article_content_end (article, item)) ||
              strcmp (old_print, new_print) != 0)
            return FALSE;
        }
      else if (item->kind != LEKH_NODE_SCALAR ||
               lekh_node_get_value_type (item) != LEKH_VALUE_STRING ||
               item->scalar_len != strlen (want->string) ||
               memcmp (item->scalar, want->string, item->scalar_len) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
value_matches (const LekhArticle *old,
               const LekhArticle *article,
               const LekhEntry   *entry,
               const Expected    *expected)
{
  switch (expected->kind)
    {
    case EXPECT_ITEMS:
      return items_match (old, article, entry->value, expected);
    case EXPECT_SCALAR:
      {
        const char *s = lekh_node_get_string (entry->value);

        if (lekh_node_get_value_type (entry->value) != expected->type)
          return FALSE;
        return expected->type == LEKH_VALUE_NULL || g_strcmp0 (s, expected->scalar) == 0;
      }
    case EXPECT_LIST:
      {
        g_auto(GStrv) items = lekh_node_dup_string_list (entry->value);

        if (items == NULL)
          return FALSE;
        for (guint i = 0; items[i] || expected->items[i]; i++)
          if (items[i] == NULL || expected->items[i] == NULL ||
              strcmp (items[i], expected->items[i]) != 0)
            return FALSE;
        /* Every item must read as a string, not a number or a boolean. */
        for (guint i = 0; i < lekh_node_get_n_items (entry->value); i++)
          if (lekh_node_get_value_type (lekh_node_get_item (entry->value, i)) != LEKH_VALUE_STRING)
            return FALSE;
        return TRUE;
      }
    case EXPECT_JSON:
      {
        g_autofree char *fingerprint = entry_fingerprint (article, entry);
        return g_strcmp0 (fingerprint, expected->json) == 0;
      }
    case EXPECT_ABSENT:
    default:
      return FALSE;
    }
}

static gboolean
is_edited (const LekhEntry *entry,
           const Expected  *expected)
{
  return strcmp (entry->key, expected->key) == 0 ||
         g_strcmp0 (entry->key, expected->renamed_from) == 0;
}

/* Applies EDIT to a copy, re-parses it, and checks that the edited key reads back as
 * EXPECTED while every other entry keeps, in order, its key, its key's bytes, its value
 * and its value's bytes (the promise fuzz/fuzz-edit.c checks from outside), and the
 * body stays as it was. Whatever a span computation gets wrong becomes a refusal here,
 * never a changed file.
 * Long because it is one walk over the old and new entries side by side, and each check
 * that walk makes (the edited key once, a rename keeping the value, the others keeping key
 * and value bytes) needs the same two indexes. */
static gboolean
verify_edit (LekhArticle     *self,
             const LekhEdit  *edit,
             const Expected  *expected,
             GError         **error)
{
  const LekhSplit *split = lekh_article_get_split (self);
  const char *text = lekh_article_get_text (self, NULL);
  g_autoptr(GString) head = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LekhArticle) result = NULL;
  guint n_old = lekh_article_get_n_entries (self);
  const LekhEntry *old_edited;
  guint j = 0;
  gboolean seen = FALSE;

  /* Edits never reach into the body, so only the new head (BOM and front matter) is
   * parsed again: the body keeps its bytes, and the head must end exactly where the
   * body starts, or the split would move. This keeps edits cheap on a 50 MB article. */
  if (edit->start > edit->end || edit->end > split->body_start)
    goto fail;
  head = g_string_sized_new (split->body_start + strlen (edit->text));
  g_string_append_len (head, text, edit->start);
  g_string_append (head, edit->text);
  g_string_append_len (head, text + edit->end, split->body_start - edit->end);
  bytes = g_bytes_new (head->str, head->len);
  result = lekh_article_new_from_bytes (bytes);

  if (lekh_article_get_error (result) != NULL)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                   _("The change would break the front matter (%s); nothing was changed"),
                   lekh_article_get_error (result)->message);
      return FALSE;
    }
  if (lekh_article_get_split (result)->body_start != head->len ||
      lekh_article_get_split (result)->format != (split->format == LEKH_FRONT_MATTER_NONE
                                                  ? LEKH_FRONT_MATTER_YAML : split->format) ||
      lekh_article_get_split (result)->bom_len != split->bom_len)
    goto fail;

  old_edited = lekh_article_lookup (self, expected->renamed_from ? expected->renamed_from
                                                                 : expected->key);
  for (guint i = 0; i < lekh_article_get_n_entries (result); i++)
    {
      const LekhEntry *entry = lekh_article_get_entry (result, i);
      const LekhEntry *old;

      if (strcmp (entry->key, expected->key) == 0)
        {
          if (seen || expected->kind == EXPECT_ABSENT || !value_matches (self, result, entry, expected))
            goto fail;
          /* A set keeps the key as it was written; a rename keeps the value's bytes. */
          if (old_edited != NULL && expected->renamed_from == NULL &&
              !same_key (self, old_edited, result, entry))
            goto fail;
          if (old_edited != NULL && expected->renamed_from != NULL &&
              !same_value (self, old_edited, result, entry))
            goto fail;
          seen = TRUE;
          continue;
        }

      /* Walk the old entries in order, skipping the edited (or renamed) key. */
      while (j < n_old && is_edited (lekh_article_get_entry (self, j), expected))
        j++;
      if (j >= n_old)
        goto fail;
      old = lekh_article_get_entry (self, j++);
      /* A TOML entry's line (its comment) or [table] section is kept whole, too. */
      if (!same_key (self, old, result, entry) || !same_value (self, old, result, entry) ||
          (split->format == LEKH_FRONT_MATTER_TOML &&
           !same_bytes (self, old->entry_span.start, old->entry_span.end,
                        result, entry->entry_span.start, entry->entry_span.end)))
        {
          if (*old->key == '\0')
            g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                         _("The change to “%s” would also change the entry on line %u; "
                           "nothing was changed"), expected->key, old->key_span.line);
          else
            g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                         _("The change to “%s” would also change “%s”; nothing was changed"),
                         expected->key, old->key);
          return FALSE;
        }
    }
  while (j < n_old && is_edited (lekh_article_get_entry (self, j), expected))
    j++;
  if (j != n_old)
    goto fail;
  if (seen != (expected->kind != EXPECT_ABSENT))
    goto fail;
  return TRUE;

fail:
  g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
               _("The change to “%s” would not read back as intended; nothing was changed"),
               expected->key);
  return FALSE;
}

/* Planning --------------------------------------------------------------------------- */

static gboolean
check_key (LekhArticle      *self,
           const char       *key,
           const LekhEntry **entry,
           GError          **error)
{
  const LekhNode *root;
  guint count = 0;

  if (!lekh_article_check_editable (self, error))
    return FALSE;

  /* Keys that are not scalars ("? - a", "[a, b]: c", an alias) read as "": they are never
   * edited, whatever asks. */
  if (key == NULL || *key == '\0')
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                   _("The key name is empty (a key that is a list, a mapping or an alias cannot be edited)"));
      return FALSE;
    }
  if (!g_utf8_validate (key, -1, NULL))
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED, _("The key name is not valid text"));
      return FALSE;
    }

  root = lekh_article_get_root (self);
  if (lekh_article_get_split (self)->format == LEKH_FRONT_MATTER_YAML &&
      root != NULL && root->style == LEKH_STYLE_FLOW)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                   _("The front matter is written as one { … } mapping; Lekh edits only “key: value” lines"));
      return FALSE;
    }

  *entry = NULL;
  for (guint i = 0; i < lekh_article_get_n_entries (self); i++)
    {
      const LekhEntry *e = lekh_article_get_entry (self, i);

      if (strcmp (e->key, key) == 0 && count++ == 0)
        *entry = e;
    }
  if (count > 1)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                   _("“%s” appears %u times in the front matter; remove the duplicates first"),
                   key, count);
      return FALSE;
    }
  return TRUE;
}

/* check_key(), and KEY must be there. */
static gboolean
check_existing_key (LekhArticle      *self,
                    const char       *key,
                    const LekhEntry **entry,
                    GError          **error)
{
  if (!check_key (self, key, entry, error))
    return FALSE;
  if (*entry == NULL)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND, _("No key “%s”"), key);
      return FALSE;
    }
  return TRUE;
}

/* The entry's first token (its key, or the '?' of an explicit key) does not start its
 * line: the front matter is indented, or the key shares a line with something else. */
static gboolean
key_line_indented (LekhArticle     *self,
                   const LekhEntry *entry)
{
  return entry->indicator != entry->entry_span.start;
}

/* An explicit "? key" alone has no ':' (see LekhEntry.colon). */
static gboolean
entry_has_colon (LekhArticle     *self,
                 const LekhEntry *entry)
{
  return lekh_article_get_text (self, NULL)[entry->colon] == ':';
}

/* A value for an explicit "? key" alone: a ": value" line right after the key's line
 * (after its comment, before any indented comment lines below). VALUE_TEXT starts with
 * what follows the colon. */
static LekhEdit *
plan_add_value (LekhArticle     *self,
                const LekhEntry *entry,
                const char      *value_text)
{
  const char *text = lekh_article_get_text (self, NULL);
  gsize limit = lekh_article_get_split (self)->yaml_end;
  gsize p = entry->key_span.end;
  g_autofree char *line = g_strconcat (lekh_article_get_newline (self), ":", value_text, NULL);

  while (p < limit && text[p] != '\n' && text[p] != '\r')
    p++;
  return edit_new (p, p, line);
}

/* A new "key: value" entry at the end of the front matter, creating the block when the
 * file has none. VALUE_TEXT starts with what follows the colon (" x", or "\n  - a"). */
static LekhEdit *
plan_append (LekhArticle *self,
             const char  *key,
             const char  *value_text)
{
  const LekhSplit *split = lekh_article_get_split (self);
  const char *nl = lekh_article_get_newline (self);
  g_autofree char *quoted_key = lekh_yaml_quote_string (key, FALSE);
  g_autofree char *entry = g_strconcat (quoted_key, ":", value_text, nl, NULL);

  if (split->format == LEKH_FRONT_MATTER_NONE)
    {
      g_autofree char *block = g_strconcat ("---", nl, entry, "---", nl, NULL);
      return edit_new (split->bom_len, split->bom_len, block);
    }
  return edit_new (split->yaml_end, split->yaml_end, entry);
}

static char *
format_scalar (const char     *value,
               LekhValueType   type,
               LekhNodeStyle   style,
               GError        **error)
{
  switch (type)
    {
    case LEKH_VALUE_STRING:
      return quote_like (value, FALSE, style);
    case LEKH_VALUE_NULL:
      return g_strdup ("");
    case LEKH_VALUE_BOOL:
      if (g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "false") == 0)
        return g_strdup (value);
      break;
    case LEKH_VALUE_INT:
    case LEKH_VALUE_FLOAT:
    case LEKH_VALUE_TIMESTAMP:
      if (value != NULL && !strchr (value, '\n') &&
          lekh_scalar_resolve_type (value, strlen (value), LEKH_STYLE_PLAIN, NULL) == type)
        return g_strdup (value);
      break;
    case LEKH_VALUE_SEQUENCE:
    case LEKH_VALUE_MAPPING:
    default:
      break;
    }
  g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED, _("“%s” is not a valid %s"),
               value ? value : "", lekh_value_type_to_string (type));
  return NULL;
}

static gboolean
only_blanks (const char *text,
             gsize       from,
             gsize       to)
{
  for (gsize p = from; p < to; p++)
    if (text[p] != ' ' && text[p] != '\t')
      return FALSE;
  return TRUE;
}

/* TOML and JSON ------------------------------------------------------------------------ */

/* Hugo's TOML (+++) and JSON ({ }) front matter are edited with the same promise as YAML
 * (one replacement, verified by verify_edit()), within a smaller reach: the top-level
 * `key = value` lines of TOML and the top object's members of JSON, set to a string,
 * number, boolean, date or list of strings, added or removed. A TOML key made by a
 * [table] header or dotted keys (a.b = 1), an inline table, an array of tables, a JSON
 * object: refused with a message, the text unchanged. */

static LekhFrontMatterFormat
article_format (LekhArticle *self)
{
  return lekh_article_get_split (self)->format;
}

static gboolean
toml_is_bare_key (const char *key)
{
  if (*key == '\0')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* A TOML string for VALUE: a 'literal' one when the writer used those and VALUE fits in
 * one (no quote, no control character, one line), else a "basic" one with escapes. */
static char *
toml_quote_string (const char *value,
                   gboolean    literal)
{
  GString *out;

  if (literal)
    {
      gboolean fits = TRUE;

      for (const guchar *p = (const guchar *) value; *p && fits; p++)
        fits = *p != '\'' && (*p >= 0x20 || *p == '\t') && *p != 0x7f;
      if (fits)
        return g_strdup_printf ("'%s'", value);
    }

  out = g_string_new ("\"");
  for (const guchar *p = (const guchar *) value; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\u%04X", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static char *
toml_quote_key (const char *key)
{
  return toml_is_bare_key (key) ? g_strdup (key) : toml_quote_string (key, FALSE);
}

static char *
quote_key_for (LekhArticle *self,
               const char  *key)
{
  if (article_format (self) == LEKH_FRONT_MATTER_TOML)
    return toml_quote_key (key);
  return lekh_json_quote_string (key, strlen (key));
}

static char *
quote_string_for (LekhArticle    *self,
                  const char     *value,
                  const LekhNode *like)
{
  if (article_format (self) == LEKH_FRONT_MATTER_TOML)
    {
      gboolean literal = FALSE;

      if (like != NULL && like->kind == LEKH_NODE_SCALAR &&
          lekh_toml_node_get_type (like) == LEKH_TOML_STRING)
        {
          LekhTomlStringStyle style = lekh_toml_node_get_string_style (like);

          literal = style == LEKH_TOML_STRING_LITERAL ||
                    style == LEKH_TOML_STRING_MULTILINE_LITERAL;
        }
      return toml_quote_string (value, literal);
    }
  return lekh_json_quote_string (value, strlen (value));
}

/* VALUE written as TYPE in the article's format; *READ_BACK gets what the readers will
 * make of it (TOML writes 0xff, reads 255), *READ_TYPE its type (a date in JSON is a
 * string). */
static char *
format_scalar_for (LekhArticle     *self,
                   const char      *value,
                   LekhValueType    type,
                   const LekhNode  *like,
                   char           **read_back,
                   LekhValueType   *read_type,
                   GError         **error)
{
  gboolean toml = article_format (self) == LEKH_FRONT_MATTER_TOML;

  *read_type = type;
  switch (type)
    {
    case LEKH_VALUE_STRING:
      *read_back = g_strdup (value);
      return quote_string_for (self, value, like);
    case LEKH_VALUE_NULL:
      if (toml)
        {
          g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                       _("TOML has no empty value; remove the key instead"));
          return NULL;
        }
      *read_back = g_strdup ("null");
      return g_strdup ("null");
    case LEKH_VALUE_BOOL:
      if (g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "false") == 0)
        {
          *read_back = g_strdup (value);
          return g_strdup (value);
        }
      break;
    case LEKH_VALUE_TIMESTAMP:
      if (!toml)
        {
          /* JSON has no dates: Hugo reads a date from a string. */
          if (!lekh_scalar_is_timestamp (value))
            break;
          *read_type = LEKH_VALUE_STRING;
          *read_back = g_strdup (value);
          return lekh_json_quote_string (value, strlen (value));
        }
      G_GNUC_FALLTHROUGH;
    case LEKH_VALUE_INT:
    case LEKH_VALUE_FLOAT:
      if (strpbrk (value, "\r\n#") != NULL)
        break;
      if (toml)
        {
          g_autofree char *line = g_strconcat ("v = ", value, "\n", NULL);
          g_autoptr(LekhTomlDocument) doc = lekh_toml_parse (line, strlen (line), NULL);
          const LekhNode *v = doc ? lekh_node_lookup (lekh_toml_document_get_root (doc), "v") : NULL;

          if (v == NULL || v->kind != LEKH_NODE_SCALAR || lekh_node_get_value_type (v) != type)
            break;
          *read_back = g_strdup (lekh_node_get_string (v));
          return g_strdup (value);
        }
      else
        {
          g_autoptr(LekhJsonDocument) doc = lekh_json_parse (value, strlen (value), NULL);
          const LekhNode *v = doc ? lekh_json_document_get_root (doc) : NULL;

          if (v == NULL || v->kind != LEKH_NODE_SCALAR || lekh_node_get_value_type (v) != type ||
              v->span.start != 0 || v->span.end != strlen (value))
            break;
          *read_back = g_strdup (value);
          return g_strdup (value);
        }
    case LEKH_VALUE_SEQUENCE:
    case LEKH_VALUE_MAPPING:
    default:
      break;
    }
  if (type == LEKH_VALUE_TIMESTAMP && toml)
    g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                 _("“%s” is not a TOML date (e.g. 2024-03-05, 2024-03-05T10:30:00 or "
                   "2024-03-05T10:30:00+05:30)"), value ? value : "");
  else
    g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED, _("“%s” is not a valid %s"),
                 value ? value : "", lekh_value_type_to_string (type));
  return NULL;
}

/* Why ENTRY's value cannot be replaced (NULL when it can). */
static char *
why_not_editable (LekhArticle     *self,
                  const LekhEntry *entry)
{
  const char *text = lekh_article_get_text (self, NULL);

  if (article_format (self) == LEKH_FRONT_MATTER_TOML)
    {
      LekhTomlType type = lekh_toml_node_get_type (entry->value);

      if (type == LEKH_TOML_ARRAY_OF_TABLES)
        return g_strdup_printf (_("“%s” is an array of tables ([[%s]]); Lekh edits only "
                                  "top-level “key = value” lines: edit it in the source"),
                                entry->key, entry->key);
      if (text[entry->colon] != '=')
        {
          gsize p = entry->entry_span.start;

          while (text[p] == ' ' || text[p] == '\t')
            p++;
          if (text[p] == '[')
            return g_strdup_printf (_("“%s” is a table ([%s]); Lekh edits only top-level "
                                      "“key = value” lines: edit it in the source"),
                                    entry->key, entry->key);
          return g_strdup_printf (_("“%s” is a table made by dotted keys (%s.… = …); Lekh "
                                    "edits only top-level “key = value” lines: edit it in "
                                    "the source"), entry->key, entry->key);
        }
      if (type == LEKH_TOML_INLINE_TABLE)
        return g_strdup_printf (_("“%s” is an inline table; Lekh edits only strings, numbers, "
                                  "booleans, dates and lists of strings: edit it in the source"),
                                entry->key);
      return NULL;
    }
  if (entry->value->kind == LEKH_NODE_MAPPING)
    return g_strdup_printf (_("“%s” is an object; Lekh edits only strings, numbers, booleans, "
                              "dates and lists of strings: edit it in the source"), entry->key);
  return NULL;
}

static gboolean
check_replaceable (LekhArticle      *self,
                   const LekhEntry  *entry,
                   GError          **error)
{
  g_autofree char *why = why_not_editable (self, entry);

  if (why == NULL)
    return TRUE;
  g_set_error_literal (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE, why);
  return FALSE;
}

/* A new top-level entry: in TOML after the last top-level `key = value` line, or before
 * the first [table] header (never after it: the key would belong to that table); in
 * JSON after the last member, indented like it. VALUE_TEXT is the value's text. */
static LekhEdit *
plan_append_other (LekhArticle *self,
                   const char  *key,
                   const char  *value_text)
{
  const LekhSplit *split = lekh_article_get_split (self);
  const char *text = lekh_article_get_text (self, NULL);
  const char *nl = lekh_article_get_newline (self);
  g_autofree char *quoted = quote_key_for (self, key);
  guint n = lekh_article_get_n_entries (self);

  if (article_format (self) == LEKH_FRONT_MATTER_TOML)
    {
      const LekhTomlDocument *doc = _lekh_article_get_toml (self);
      g_autofree char *line = g_strconcat (quoted, " = ", value_text, nl, NULL);
      gsize at = split->yaml_end;

      if (lekh_toml_document_get_n_headers (doc) > 0)
        at = lekh_toml_document_get_header (doc, 0)->line_span.start;
      for (guint i = 0; i < lekh_toml_document_get_n_keyvals (doc); i++)
        {
          const LekhTomlKeyval *kv = lekh_toml_document_get_keyval (doc, i);

          if (kv->header < 0)
            at = kv->entry_span.end;
        }
      /* After a last line without a line break (a "+++" right after it cannot be). */
      if (at > split->yaml_start && text[at - 1] != '\n')
        {
          g_autofree char *after_break = g_strconcat (nl, line, NULL);
          return edit_new (at, at, after_break);
        }
      return edit_new (at, at, line);
    }
  else
    {
      const LekhNode *root = lekh_article_get_root (self);

      if (n == 0)
        {
          g_autofree char *member = g_strconcat (nl, "  ", quoted, ": ", value_text, NULL);
          return edit_new (root->span.start + 1, root->span.start + 1, member);
        }
      else
        {
          const LekhEntry *last = lekh_article_get_entry (self, n - 1);
          gsize ls = last->key_span.start;
          g_autofree char *indent = NULL;
          g_autofree char *sep = NULL;
          g_autofree char *member = NULL;

          while (ls > 0 && text[ls - 1] != '\n')
            ls--;
          sep = g_strndup (text + last->key_span.end, last->value->span.start - last->key_span.end);
          if (strchr (sep, '\n') != NULL || strchr (sep, '\r') != NULL)
            {
              g_free (sep);
              sep = g_strdup (": ");
            }
          if (ls == last->entry_span.start)
            {
              indent = g_strndup (text + ls, last->key_span.start - ls);
              member = g_strconcat (",", nl, indent, quoted, sep, value_text, NULL);
            }
          else
            member = g_strconcat (", ", quoted, sep, value_text, NULL);
          return edit_new (last->value->span.end, last->value->span.end, member);
        }
    }
}

/* How a list is written, read from an existing one to write a new one like it: a YAML
 * block list's indentation and gap after the dash; a flow list's padding, lines and
 * indentation (TOML and JSON arrays are flow lists). */
typedef struct
{
  gboolean  flow;         /* [a, b] */
  gboolean  multiline;    /* a TOML or JSON array over several lines */
  gboolean  padded;       /* "[ a, b ]" */
  gboolean  trailing;     /* a comma after the last item (TOML) */
  gboolean  literal;      /* the items are TOML 'literal' strings */
  char     *indent;       /* before a block item's dash; before each item of a multi-line array */
  char     *gap;          /* between a block item's dash and the item */
  char     *close_indent; /* before the ']' of a multi-line array */
} ListLayout;

static void
list_layout_clear (ListLayout *layout)
{
  g_clear_pointer (&layout->indent, g_free);
  g_clear_pointer (&layout->gap, g_free);
  g_clear_pointer (&layout->close_indent, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListLayout, list_layout_clear)

static void
flow_layout_read (LekhArticle    *self,
                  const LekhNode *node,
                  ListLayout     *layout)
{
  const char *text = lekh_article_get_text (self, NULL);
  gboolean toml = article_format (self) == LEKH_FRONT_MATTER_TOML;
  gboolean yaml = !toml && article_format (self) != LEKH_FRONT_MATTER_JSON;
  gsize start = node->span.start;
  gsize end = node->span.end;

  if (end - start < 2)
    return;
  /* A YAML flow list is written on one line; "[ ]" pads YAML items to come, not TOML's
   * or JSON's. */
  layout->multiline = !yaml && memchr (text + start, '\n', end - start) != NULL;
  layout->padded = text[start + 1] == ' ' && end - start > (yaml ? 2u : 3u);
  if (node->children->len > 0)
    {
      const LekhNode *first = g_ptr_array_index (node->children, 0);
      const LekhNode *last = g_ptr_array_index (node->children, node->children->len - 1);

      if (toml && first->kind == LEKH_NODE_SCALAR &&
          lekh_toml_node_get_type (first) == LEKH_TOML_STRING)
        layout->literal = lekh_toml_node_get_string_style (first) == LEKH_TOML_STRING_LITERAL;
      if (layout->multiline)
        {
          gsize ls = first->span.start;

          while (ls > start && text[ls - 1] != '\n')
            ls--;
          if (ls > start && only_blanks (text, ls, first->span.start))
            layout->indent = g_strndup (text + ls, first->span.start - ls);
          for (gsize p = last->span.end; toml && p + 1 < end; p++)
            if (text[p] == ',')
              layout->trailing = TRUE;
            else if (text[p] == '#')
              break;
        }
    }
  if (layout->multiline)
    {
      gsize ls = end - 1;

      while (ls > start && text[ls - 1] != '\n')
        ls--;
      layout->close_indent = only_blanks (text, ls, end - 1) ? g_strndup (text + ls, end - 1 - ls)
                                                             : NULL;
      if (layout->indent == NULL)
        layout->indent = g_strconcat (layout->close_indent ? layout->close_indent : "", "  ", NULL);
    }
}

/* FALSE for a YAML block list whose dash does not start its line (nested). */
static gboolean
block_layout_read (LekhArticle    *self,
                   const LekhNode *node,
                   ListLayout     *layout)
{
  const char *text = lekh_article_get_text (self, NULL);
  gsize dash = node->span.start;
  gsize ls = dash;
  gsize item_start = dash + 1;

  while (ls > 0 && text[ls - 1] != '\n')
    ls--;
  for (gsize p = ls; p < dash; p++)
    if (text[p] != ' ')
      return FALSE;
  if (node->children->len > 0)
    {
      const LekhNode *first = g_ptr_array_index (node->children, 0);

      if (first->span.start > dash && first->span.start - dash <= 8)
        item_start = first->span.start;
    }
  for (gsize p = dash + 1; p < item_start; p++)
    if (text[p] != ' ')
      {
        item_start = dash + 2;
        break;
      }
  layout->indent = g_strndup (text + ls, dash - ls);
  layout->gap = g_strndup (text + dash + 1, MAX (item_start, dash + 2) - dash - 1);
  if (strchr (layout->gap, '\n') || *layout->gap == '\0')
    {
      g_free (layout->gap);
      layout->gap = g_strdup (" ");
    }
  return TRUE;
}

/* The layout of NODE, in any format; FALSE when NODE is not a list or is a nested YAML
 * block list (LAYOUT is then a one-line list's: a flow one in TOML and JSON). */
static gboolean
list_layout_read (LekhArticle    *self,
                  const LekhNode *node,
                  ListLayout     *layout)
{
  memset (layout, 0, sizeof *layout);
  layout->flow = article_format (self) == LEKH_FRONT_MATTER_TOML ||
                 article_format (self) == LEKH_FRONT_MATTER_JSON;
  if (node == NULL || node->kind != LEKH_NODE_SEQUENCE)
    return FALSE;
  layout->flow = node->style == LEKH_STYLE_FLOW;
  if (layout->flow)
    flow_layout_read (self, node, layout);
  else if (!block_layout_read (self, node, layout))
    return FALSE;
  return TRUE;
}

/* ITEM as a list item in the article's format. */
static char *
quote_item_for (LekhArticle      *self,
                const char       *item,
                const ListLayout *layout)
{
  switch (article_format (self))
    {
    case LEKH_FRONT_MATTER_TOML:
      return toml_quote_string (item, layout->literal);
    case LEKH_FRONT_MATTER_JSON:
      return lekh_json_quote_string (item, strlen (item));
    case LEKH_FRONT_MATTER_NONE:
    case LEKH_FRONT_MATTER_YAML:
    default:
      return lekh_yaml_quote_string (item, layout->flow);
    }
}

/* ITEMS as a list laid out as LAYOUT says; a YAML block list's text starts at its first
 * dash. No items make "[]". */
static char *
format_list_for (LekhArticle       *self,
                 const char *const *items,
                 const ListLayout  *layout)
{
  const char *nl = lekh_article_get_newline (self);
  const char *pad = layout->padded ? " " : "";
  GString *out = g_string_new (NULL);

  if (items[0] == NULL)
    {
      g_string_append (out, "[]");
      return g_string_free (out, FALSE);
    }
  if (!layout->flow)
    {
      for (guint i = 0; items[i]; i++)
        {
          g_autofree char *q = quote_item_for (self, items[i], layout);

          if (i > 0)
            g_string_append_printf (out, "%s%s", nl, layout->indent);
          g_string_append_printf (out, "-%s%s", layout->gap, q);
        }
      return g_string_free (out, FALSE);
    }
  g_string_append_c (out, '[');
  if (layout->multiline)
    {
      for (guint i = 0; items[i]; i++)
        {
          g_autofree char *q = quote_item_for (self, items[i], layout);

          g_string_append_printf (out, "%s%s%s%s", nl, layout->indent, q,
                                  items[i + 1] || layout->trailing ? "," : "");
        }
      g_string_append_printf (out, "%s%s]", nl, layout->close_indent ? layout->close_indent : "");
      return g_string_free (out, FALSE);
    }
  g_string_append (out, pad);
  for (guint i = 0; items[i]; i++)
    {
      g_autofree char *q = quote_item_for (self, items[i], layout);

      g_string_append_printf (out, "%s%s", i ? ", " : "", q);
    }
  g_string_append_printf (out, "%s]", pad);
  return g_string_free (out, FALSE);
}

/* Removing a JSON member takes its comma along: the one after it, or for the last member
 * the one before it. */
static LekhEdit *
plan_remove_json (LekhArticle     *self,
                  const LekhEntry *entry)
{
  guint n = lekh_article_get_n_entries (self);
  guint i = 0;

  while (i < n && lekh_article_get_entry (self, i) != entry)
    i++;
  g_assert (i < n);
  if (n == 1)
    {
      const LekhNode *root = lekh_article_get_root (self);
      return edit_new (root->span.start + 1, entry->value->span.end, "");
    }
  if (i + 1 < n)
    {
      const LekhEntry *next = lekh_article_get_entry (self, i + 1);

      /* The next member shares the line: keep this line's indentation for it. */
      return edit_new (next->entry_span.start == next->key_span.start ? entry->key_span.start
                                                                       : entry->entry_span.start,
                       next->entry_span.start, "");
    }
  return edit_new (lekh_article_get_entry (self, i - 1)->value->span.end, entry->value->span.end, "");
}

/* TEXT as KEY's value: in place of ENTRY's, or a new entry when ENTRY is NULL; verified. */
static LekhEdit *
put_value_other (LekhArticle      *self,
                 const char       *key,
                 const LekhEntry  *entry,
                 const char       *text,
                 const Expected   *expected,
                 GError          **error)
{
  g_autoptr(LekhEdit) edit = NULL;

  if (entry == NULL)
    edit = plan_append_other (self, key, text);
  else
    edit = edit_new (entry->value->span.start, entry->value->span.end, text);
  if (!verify_edit (self, edit, expected, error))
    return NULL;
  return g_steal_pointer (&edit);
}

static LekhEdit *
set_scalar_other (LekhArticle      *self,
                  const char       *key,
                  const LekhEntry  *entry,
                  const char       *value,
                  LekhValueType     type,
                  GError          **error)
{
  g_autofree char *read_back = NULL;
  g_autofree char *text = NULL;
  LekhValueType read_type;
  Expected expected = { key, EXPECT_SCALAR, NULL, type, NULL, NULL, NULL };

  if (entry != NULL && !check_replaceable (self, entry, error))
    return NULL;
  text = format_scalar_for (self, value, type, entry ? entry->value : NULL, &read_back,
                            &read_type, error);
  if (text == NULL)
    return NULL;
  expected.scalar = read_back;
  expected.type = read_type;
  return put_value_other (self, key, entry, text, &expected, error);
}

static LekhEdit *
set_list_other (LekhArticle        *self,
                const char         *key,
                const LekhEntry    *entry,
                const char * const *items,
                GError            **error)
{
  g_autofree char *text = NULL;
  ListLayout layout;
  Expected expected = { key, EXPECT_LIST, NULL, LEKH_VALUE_SEQUENCE, items, NULL, NULL };

  if (entry != NULL && !check_replaceable (self, entry, error))
    return NULL;
  list_layout_read (self, entry ? entry->value : NULL, &layout);
  text = format_list_for (self, items, &layout);
  list_layout_clear (&layout);
  return put_value_other (self, key, entry, text, &expected, error);
}

static LekhEdit *
remove_other (LekhArticle      *self,
              const LekhEntry  *entry,
              GError          **error)
{
  g_autoptr(LekhEdit) edit = NULL;
  Expected expected = { entry->key, EXPECT_ABSENT, NULL, 0, NULL, NULL, NULL };

  if (article_format (self) == LEKH_FRONT_MATTER_TOML)
    {
      if (lekh_article_get_text (self, NULL)[entry->colon] != '=')
        {
          g_autofree char *why = why_not_editable (self, entry);

          g_set_error_literal (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE, why);
          return NULL;
        }
      edit = edit_new (entry->entry_span.start, entry->entry_span.end, "");
    }
  else
    edit = plan_remove_json (self, entry);
  if (!verify_edit (self, edit, &expected, error))
    return NULL;
  return g_steal_pointer (&edit);
}

static LekhEdit *
rename_other (LekhArticle      *self,
              const LekhEntry  *entry,
              const char       *new_key,
              GError          **error)
{
  g_autoptr(LekhEdit) edit = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *json = NULL;
  Expected expected = { new_key, EXPECT_JSON, NULL, 0, NULL, NULL, entry->key };

  if (article_format (self) == LEKH_FRONT_MATTER_TOML &&
      lekh_article_get_text (self, NULL)[entry->colon] != '=')
    {
      g_autofree char *why = why_not_editable (self, entry);

      g_set_error_literal (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE, why);
      return NULL;
    }
  json = entry_fingerprint (self, entry);
  expected.json = json;
  quoted = quote_key_for (self, new_key);
  edit = edit_new (entry->key_span.start, entry->key_span.end, quoted);
  if (!verify_edit (self, edit, &expected, error))
    return NULL;
  return g_steal_pointer (&edit);
}

/* Whether ENTRY's value can be edited at all (see lekh_article_edit_check_key()). */
static gboolean
check_entry_editable (LekhArticle      *self,
                      const LekhEntry  *entry,
                      GError          **error)
{
  if (article_format (self) == LEKH_FRONT_MATTER_TOML ||
      article_format (self) == LEKH_FRONT_MATTER_JSON)
    return check_replaceable (self, entry, error);
  if (key_line_indented (self, entry))
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                   _("“%s” is not at the start of its line; edit it in the source"), entry->key);
      return FALSE;
    }
  return TRUE;
}

gboolean
lekh_article_edit_check_key (LekhArticle  *self,
                             const char   *key,
                             GError      **error)
{
  const LekhEntry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!check_key (self, key, &entry, error))
    return FALSE;
  return entry == NULL || check_entry_editable (self, entry, error);
}

LekhEdit *
lekh_article_edit_set_scalar (LekhArticle    *self,
                              const char     *key,
                              const char     *value,
                              LekhValueType   type,
                              GError        **error)
{
  const LekhEntry *entry;
  g_autofree char *text = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  Expected expected = { key, EXPECT_SCALAR, value, type, NULL, NULL, NULL };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (value != NULL || type == LEKH_VALUE_NULL, NULL);

  if (!check_key (self, key, &entry, error))
    return NULL;
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED, _("The new value is not valid text"));
      return NULL;
    }
  if (article_format (self) == LEKH_FRONT_MATTER_TOML ||
      article_format (self) == LEKH_FRONT_MATTER_JSON)
    return set_scalar_other (self, key, entry, value, type, error);
  /* A quoted value stays in the writer's quotes. */
  if (!(text = format_scalar (value, type,
                              entry && entry->value->kind == LEKH_NODE_SCALAR
                              ? entry->value->style : LEKH_STYLE_PLAIN,
                              error)))
    return NULL;

  if (entry == NULL)
    {
      g_autofree char *after = *text ? g_strconcat (" ", text, NULL) : g_strdup ("");
      edit = plan_append (self, key, after);
    }
  else
    {
      const LekhNode *node = entry->value;
      gsize end = _lekh_article_content_end (self, node);

      if (key_line_indented (self, entry))
        {
          g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                       _("“%s” is not at the start of its line; edit it in the source"), key);
          return NULL;
        }
      if (!entry_has_colon (self, entry))
        {
          g_autofree char *after = *text ? g_strconcat (" ", text, NULL) : g_strdup ("");
          edit = plan_add_value (self, entry, after);
        }
      else if (*text == '\0' || node->kind == LEKH_NODE_MAPPING ||
          (node->kind == LEKH_NODE_SEQUENCE && node->style == LEKH_STYLE_BLOCK) ||
          node->span.start == node->span.end)
        {
          /* Replace everything after the colon up to the value's end. */
          g_autofree char *after = *text ? g_strconcat (" ", text, NULL) : g_strdup ("");
          edit = edit_new (entry->colon + 1, MAX (end, entry->colon + 1), after);
        }
      else
        edit = edit_new (node->span.start, end, text);
    }

  if (!verify_edit (self, edit, &expected, error))
    return NULL;
  return g_steal_pointer (&edit);
}

LekhEdit *
lekh_article_edit_set_string (LekhArticle  *self,
                              const char   *key,
                              const char   *value,
                              GError      **error)
{
  return lekh_article_edit_set_scalar (self, key, value, LEKH_VALUE_STRING, error);
}

/* The layout of the article's first top-level list that has one (a one-line flow list or
 * a block list whose dash starts its line), else a block list indented by two spaces. */
static void
list_layout_for_new (LekhArticle *self,
                     ListLayout  *layout)
{
  for (guint i = 0; i < lekh_article_get_n_entries (self); i++)
    if (list_layout_read (self, lekh_article_get_entry (self, i)->value, layout))
      return;
  layout->flow = FALSE;
  layout->indent = g_strdup ("  ");
  layout->gap = g_strdup (" ");
}

LekhEdit *
lekh_article_edit_set_list (LekhArticle        *self,
                            const char         *key,
                            const char * const *items,
                            GError            **error)
{
  static const char * const empty[] = { NULL };
  const LekhEntry *entry;
  const char *nl = lekh_article_get_newline (self);
  g_autoptr(LekhEdit) edit = NULL;
  g_autofree char *text = NULL;
  ListLayout layout = { 0 };
  Expected expected = { key, EXPECT_LIST, NULL, LEKH_VALUE_SEQUENCE, NULL, NULL, NULL };

  g_return_val_if_fail (self != NULL, NULL);

  if (items == NULL)
    items = empty;
  expected.items = items;

  if (!check_key (self, key, &entry, error))
    return NULL;
  for (guint i = 0; items[i]; i++)
    if (!g_utf8_validate (items[i], -1, NULL))
      {
        g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED, _("A list item is not valid text"));
        return NULL;
      }
  if (article_format (self) == LEKH_FRONT_MATTER_TOML ||
      article_format (self) == LEKH_FRONT_MATTER_JSON)
    return set_list_other (self, key, entry, items, error);

  if (entry != NULL && key_line_indented (self, entry))
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                   _("“%s” is not at the start of its line; edit it in the source"), key);
      return NULL;
    }

  if (entry != NULL && entry->value->kind == LEKH_NODE_SEQUENCE &&
      list_layout_read (self, entry->value, &layout))
    {
      const LekhNode *node = entry->value;
      gsize end = _lekh_article_content_end (self, node);

      text = format_list_for (self, items, &layout);
      if (layout.flow)
        edit = edit_new (node->span.start, end, text);
      else if (items[0] == NULL)
        edit = edit_new (entry->colon + 1, end, " []");
      else
        edit = edit_new (node->span.start, end, text);
    }
  else
    {
      g_autofree char *after = NULL;

      list_layout_clear (&layout);
      list_layout_for_new (self, &layout);
      text = format_list_for (self, items, &layout);
      if (layout.flow || items[0] == NULL)
        after = g_strconcat (" ", text, NULL);
      else
        after = g_strconcat (nl, layout.indent, text, NULL);

      if (entry == NULL)
        edit = plan_append (self, key, after);
      else if (!entry_has_colon (self, entry))
        edit = plan_add_value (self, entry, after);
      else
        edit = edit_new (entry->colon + 1,
                         MAX (_lekh_article_content_end (self, entry->value), entry->colon + 1),
                         after);
    }
  list_layout_clear (&layout);

  if (!verify_edit (self, edit, &expected, error))
    return NULL;
  return g_steal_pointer (&edit);
}

LekhEdit *
lekh_article_edit_remove (LekhArticle  *self,
                          const char   *key,
                          GError      **error)
{
  const LekhEntry *entry;
  g_autoptr(LekhEdit) edit = NULL;
  Expected expected = { key, EXPECT_ABSENT, NULL, 0, NULL, NULL, NULL };

  g_return_val_if_fail (self != NULL, NULL);

  if (!check_existing_key (self, key, &entry, error))
    return NULL;
  if (article_format (self) == LEKH_FRONT_MATTER_TOML ||
      article_format (self) == LEKH_FRONT_MATTER_JSON)
    return remove_other (self, entry, error);
  if (key_line_indented (self, entry))
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                   _("“%s” is not at the start of its line; edit it in the source"), key);
      return NULL;
    }

  edit = edit_new (entry->entry_span.start, entry->entry_span.end, "");
  if (!verify_edit (self, edit, &expected, error))
    return NULL;
  return g_steal_pointer (&edit);
}

LekhEdit *
lekh_article_edit_rename_key (LekhArticle  *self,
                              const char   *key,
                              const char   *new_key,
                              GError      **error)
{
  const LekhEntry *entry, *existing;
  g_autoptr(LekhEdit) edit = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *json = NULL;
  Expected expected = { new_key, EXPECT_JSON, NULL, 0, NULL, NULL, key };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (new_key != NULL, NULL);

  if (!check_key (self, key, &entry, error) || !check_key (self, new_key, &existing, error))
    return NULL;
  if (entry == NULL)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND, _("No key “%s”"), key);
      return NULL;
    }
  if (existing != NULL)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                   _("“%s” already exists; merge the two by hand"), new_key);
      return NULL;
    }

  if (article_format (self) == LEKH_FRONT_MATTER_TOML ||
      article_format (self) == LEKH_FRONT_MATTER_JSON)
    return rename_other (self, entry, new_key, error);

  /* "&k a" renamed to "b" would drop the anchor (and what its aliases mean), "!!str 1"
   * its type. */
  if (entry->key_node->anchor != NULL || entry->key_node->tag != NULL)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                   _("The key “%s” carries an anchor (&) or a tag (!); rename it in the source"),
                   key);
      return NULL;
    }

  json = entry_fingerprint (self, entry);
  expected.json = json;
  quoted = lekh_yaml_quote_string (new_key, FALSE);
  edit = edit_new (entry->key_span.start, entry->key_span.end, quoted);
  if (!verify_edit (self, edit, &expected, error))
    return NULL;
  return g_steal_pointer (&edit);
}

/* Replacing one value of a list or scalar ---------------------------------------------- */

/* One change inside a list: bytes [start, end) become TEXT ("" deletes them). */
typedef struct
{
  gsize       start;
  gsize       end;
  char       *text;
} Piece;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_free (piece->text);
}

static int
piece_compare (gconstpointer a,
               gconstpointer b)
{
  const Piece *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* One edit from the first piece of TEXT to the last, the text between them kept;
 * deletions that overlap merge. Sorts PIECES (at least one). */
static LekhEdit *
edit_from_pieces (const char *text,
                  GArray     *pieces)
{
  g_autoptr(GString) merged = g_string_new (NULL);
  gsize start, end;

  g_array_sort (pieces, piece_compare);
  start = end = g_array_index (pieces, Piece, 0).start;
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);

      if (piece->end <= end && i > 0)
        continue;
      if (piece->start >= end)
        g_string_append_len (merged, text + end, piece->start - end);
      g_string_append (merged, piece->text);
      end = MAX (end, piece->end);
    }
  return edit_new (start, end, merged->str);
}

static gboolean
scalar_is (const LekhNode *node,
           const char     *value)
{
  return node != NULL && node->kind == LEKH_NODE_SCALAR &&
         lekh_node_get_value_type (node) != LEKH_VALUE_NULL &&
         node->scalar_len == strlen (value) &&
         memcmp (node->scalar, value, node->scalar_len) == 0;
}

/* A one-line plain or quoted scalar: its text can be swapped for another. */
static gboolean
scalar_replaceable (const LekhArticle *self,
                    const LekhNode    *node)
{
  const char *text = lekh_article_get_text (self, NULL);

  if (node->style != LEKH_STYLE_PLAIN && node->style != LEKH_STYLE_SINGLE_QUOTED &&
      node->style != LEKH_STYLE_DOUBLE_QUOTED)
    return FALSE;
  return node->span.end > node->span.start &&
         memchr (text + node->span.start, '\n', node->span.end - node->span.start) == NULL;
}

/* The lines of a block list item "  - value   # comment\n", when they hold nothing else. */
static gboolean
block_item_lines (const LekhArticle *self,
                  const LekhNode    *item,
                  gsize             *start,
                  gsize             *end)
{
  gsize len;
  const char *text = lekh_article_get_text (self, &len);
  gsize ls = item->span.start, p;
  gboolean dash = FALSE;

  while (ls > 0 && text[ls - 1] != '\n')
    ls--;
  for (p = ls; p < item->span.start; p++)
    {
      if (text[p] == '-' && !dash)
        dash = TRUE;
      else if (text[p] != ' ' && text[p] != '\t')
        return FALSE;
    }
  if (!dash)
    return FALSE;
  for (p = item->span.end; p < len && text[p] != '\n'; p++)
    if (text[p] == '#')
      {
        while (p < len && text[p] != '\n')
          p++;
        break;
      }
    else if (text[p] != ' ' && text[p] != '\t' && text[p] != '\r')
      return FALSE;
  if (p >= len)
    return FALSE;
  *start = ls;
  *end = p + 1;
  return TRUE;
}

static void
fingerprint_string (GString        *out,
                    const LekhNode *like,
                    const char     *value)
{
  g_string_append_printf (out, "%s|%s|%" G_GSIZE_FORMAT ":",
                          lekh_value_type_to_string (LEKH_VALUE_STRING),
                          like->tag ? like->tag : "", strlen (value));
  g_string_append (out, value);
}

/* Long because the list case builds the edit and the fingerprint verify_edit() checks in
 * one pass over the items (the first OLD becomes NEW, or goes when NEW is there already),
 * then cuts each removed item with its separator, which differs for block lists, inner
 * flow items and the last flow item; scalar and list cases share the two refusals at the
 * end. */
LekhEdit *
lekh_article_edit_replace_value (LekhArticle  *self,
                                 const char   *key,
                                 const char   *old_value,
                                 const char   *new_value,
                                 GError      **error)
{
  const LekhEntry *entry;
  const LekhNode *node;
  const char *text;
  g_autoptr(LekhEdit) edit = NULL;
  g_autoptr(GString) expected_json = g_string_new (NULL);
  Expected expected = { key, EXPECT_JSON, NULL, 0, NULL, NULL, NULL };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (old_value != NULL, NULL);
  g_return_val_if_fail (new_value != NULL, NULL);

  if (!check_key (self, key, &entry, error))
    return NULL;
  if (!g_utf8_validate (old_value, -1, NULL) || !g_utf8_validate (new_value, -1, NULL) ||
      *new_value == '\0' || strcmp (old_value, new_value) == 0)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                   _("The old and new values must be different, non-empty text"));
      return NULL;
    }
  if (entry == NULL)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND, _("No key “%s”"), key);
      return NULL;
    }
  if (key_line_indented (self, entry))
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                   _("“%s” is not at the start of its line; edit it in the source"), key);
      return NULL;
    }

  node = entry->value;
  text = lekh_article_get_text (self, NULL);

  if (node != NULL && node->kind == LEKH_NODE_SCALAR)
    {
      g_autofree char *quoted = NULL;

      if (!scalar_is (node, old_value))
        goto not_found;
      if (!scalar_replaceable (self, node))
        goto not_editable;
      quoted = quote_like (new_value, FALSE, node->style);
      edit = edit_new (node->span.start, node->span.end, quoted);
      fingerprint_string (expected_json, node, new_value);
    }
  else if (node != NULL && node->kind == LEKH_NODE_SEQUENCE)
    {
      g_autoptr(GArray) pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
      g_autoptr(GHashTable) cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_autofree gboolean *removed = NULL;
      gboolean flow = node->style == LEKH_STYLE_FLOW;
      gboolean have_new = FALSE, found = FALSE;
      guint n = lekh_node_get_n_items (node);

      g_array_set_clear_func (pieces, piece_clear);
      removed = g_new0 (gboolean, n);
      for (guint i = 0; i < n; i++)
        have_new |= scalar_is (lekh_node_get_item (node, i), new_value);

      g_string_append_c (expected_json, '[');
      for (guint i = 0; i < n; i++)
        {
          const LekhNode *item = lekh_node_get_item (node, i);
          Piece piece = { 0 };

          if (!scalar_is (item, old_value))
            {
              fingerprint_node (self, item, cache, expected_json);
              g_string_append_c (expected_json, ',');
              continue;
            }
          found = TRUE;
          if (!have_new)
            {
              if (!scalar_replaceable (self, item))
                goto not_editable;
              piece.start = item->span.start;
              piece.end = item->span.end;
              piece.text = quote_like (new_value, flow, item->style);
              g_array_append_val (pieces, piece);
              fingerprint_string (expected_json, item, new_value);
              g_string_append_c (expected_json, ',');
              have_new = TRUE;
              continue;
            }
          removed[i] = TRUE;
        }
      g_string_append_c (expected_json, ']');
      if (!found)
        goto not_found;

      for (guint i = 0; i < n; i++)
        {
          const LekhNode *item = lekh_node_get_item (node, i);
          Piece piece = { 0, 0, NULL };

          if (!removed[i])
            continue;
          if (!flow)
            {
              if (!block_item_lines (self, item, &piece.start, &piece.end))
                goto not_editable;
            }
          else if (i + 1 < n)
            {
              /* "old, " up to the next item */
              piece.start = item->span.start;
              piece.end = lekh_node_get_item (node, i + 1)->span.start;
            }
          else
            {
              /* The last item: from the end of the last item kept, ", old". */
              guint p = i;

              while (p > 0 && removed[p - 1])
                p--;
              if (p == 0)
                goto not_editable;
              piece.start = lekh_node_get_item (node, p - 1)->span.end;
              piece.end = item->span.end;
            }
          piece.text = g_strdup ("");
          g_array_append_val (pieces, piece);
        }

      edit = edit_from_pieces (text, pieces);
    }
  else
    goto not_found;

  expected.json = expected_json->str;
  if (!verify_edit (self, edit, &expected, error))
    return NULL;
  return g_steal_pointer (&edit);

not_found:
  g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND, _("“%s” has no value “%s”"),
               key, old_value);
  return NULL;

not_editable:
  g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
               _("“%s” is written in a way Lekh cannot change safely; edit it in the source"),
               key);
  return NULL;
}

/* Editing a list item by item ----------------------------------------------------------- */

/* A list of strings and objects (Docusaurus' authors: [lark, {name: …, title: …}]) cannot
 * be set as a list of strings without losing its objects: it is edited one item at a
 * time. Each item has a chunk of the text that stands for it: a block item's whole lines
 * (its dash's line to its last line break, a comment on them included), a flow item's
 * own text. What lies between two chunks (", ", comment lines) stays where it is. */
typedef struct
{
  const LekhEntry *entry;
  const LekhNode  *node;
  gboolean         flow;
  guint            n;
  gsize           *start;   /* of each item's chunk */
  gsize           *end;
} ListItems;

static void
list_items_clear (ListItems *list)
{
  g_clear_pointer (&list->start, g_free);
  g_clear_pointer (&list->end, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListItems, list_items_clear)

/* Past blanks, CR and a comment from P: the line break ending the line, or FALSE when
 * something else stands on the line. */
static gboolean
rest_of_line_blank (const char *text,
                    gsize       p,
                    gsize       limit,
                    gsize      *line_break)
{
  while (p < limit && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
    p++;
  if (p < limit && text[p] == '#')
    while (p < limit && text[p] != '\n')
      p++;
  if (p >= limit || text[p] != '\n')
    return FALSE;
  *line_break = p;
  return TRUE;
}

/* A block item's lines: its dash's line, blanks and one dash before the item, to the line
 * break after the item, only blanks or a comment between. */
static gboolean
block_item_chunk (LekhArticle    *self,
                  const LekhNode *item,
                  gsize          *start,
                  gsize          *end)
{
  gsize len;
  const char *text = lekh_article_get_text (self, &len);
  gsize ls = item->span.start;
  gboolean dash = FALSE;

  while (ls > 0 && text[ls - 1] != '\n')
    ls--;
  for (gsize p = ls; p < item->span.start; p++)
    {
      if (text[p] == '-' && !dash)
        dash = TRUE;
      else if (text[p] != ' ' && text[p] != '\t')
        return FALSE;
    }
  if (!dash || !rest_of_line_blank (text, _lekh_article_content_end (self, item), len, end))
    return FALSE;
  *start = ls;
  *end += 1;
  return TRUE;
}

static gboolean
list_items_read (LekhArticle  *self,
                 const char   *key,
                 ListItems    *list,
                 GError      **error)
{
  const LekhEntry *entry;
  const LekhNode *node;

  memset (list, 0, sizeof *list);
  if (!check_existing_key (self, key, &entry, error) ||
      !check_entry_editable (self, entry, error))
    return FALSE;

  node = entry->value;
  if (node->kind == LEKH_NODE_SCALAR || node->kind == LEKH_NODE_MAPPING)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE, _("“%s” is not a list"), key);
      return FALSE;
    }
  if (node->kind != LEKH_NODE_SEQUENCE)
    goto not_editable;

  list->entry = entry;
  list->node = node;
  list->flow = node->style == LEKH_STYLE_FLOW;
  list->n = lekh_node_get_n_items (node);
  list->start = g_new0 (gsize, list->n);
  list->end = g_new0 (gsize, list->n);
  for (guint i = 0; i < list->n; i++)
    {
      const LekhNode *item = lekh_node_get_item (node, i);

      if (list->flow)
        {
          list->start[i] = item->span.start;
          list->end[i] = _lekh_article_content_end (self, item);
        }
      else if (!block_item_chunk (self, item, &list->start[i], &list->end[i]))
        goto not_editable;
      /* In order, each after the previous one (a block item's line after the key's). */
      if (list->start[i] > list->end[i] || (i > 0 && list->start[i] < list->end[i - 1]) ||
          list->start[i] <= entry->colon)
        goto not_editable;
    }
  return TRUE;

not_editable:
  list_items_clear (list);
  g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
               _("“%s” is written in a way Lekh cannot change safely; edit it in the source"),
               key);
  return FALSE;
}

static gboolean
list_items_check_index (const ListItems  *list,
                        const char       *key,
                        guint             index,
                        GError          **error)
{
  if (index < list->n)
    return TRUE;
  g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND, _("“%s” has no item number %u"),
               key, index + 1);
  return FALSE;
}

/* The list's items as EXPECT_ITEMS wants them: all kept, in their order. */
static ExpectedItem *
list_items_expect (const ListItems *list,
                   guint            extra)
{
  ExpectedItem *items = g_new0 (ExpectedItem, list->n + extra);

  for (guint i = 0; i < list->n; i++)
    items[i].kept = lekh_node_get_item (list->node, i);
  return items;
}

static LekhEdit *
list_items_verify (LekhArticle      *self,
                   const char       *key,
                   LekhEdit         *edit,
                   ExpectedItem     *items,
                   guint             n_items,
                   GError          **error)
{
  g_autoptr(LekhEdit) owned = edit;
  Expected expected = { key, EXPECT_ITEMS, NULL, LEKH_VALUE_SEQUENCE, NULL, NULL, NULL,
                        items, n_items };

  if (!verify_edit (self, owned, &expected, error))
    return NULL;
  return g_steal_pointer (&owned);
}

/* The first ',' in TEXT[FROM, TO), past comments; TO when there is none. */
static gsize
find_comma (const char *text,
            gsize       from,
            gsize       to)
{
  for (gsize p = from; p < to; p++)
    {
      if (text[p] == '#')
        while (p < to && text[p] != '\n')
          p++;
      else if (text[p] == ',')
        return p;
    }
  return to;
}

/* A flow list's item alone on its line(s) ("  x,  # comment"): its lines, and whether a
 * comma follows it there. */
static gboolean
flow_item_lines (const char      *text,
                 const ListItems *list,
                 guint            i,
                 gsize           *start,
                 gsize           *end,
                 gboolean        *comma)
{
  gsize ls = list->start[i];
  gsize p = list->end[i];

  while (ls > list->node->span.start && text[ls - 1] != '\n')
    ls--;
  if (ls == list->node->span.start || !only_blanks (text, ls, list->start[i]))
    return FALSE;
  while (p < list->node->span.end && (text[p] == ' ' || text[p] == '\t'))
    p++;
  *comma = p < list->node->span.end && text[p] == ',';
  if (!rest_of_line_blank (text, p + (*comma ? 1 : 0), list->node->span.end, end))
    return FALSE;
  *start = ls;
  *end += 1;
  return TRUE;
}

static void
add_deletion (GArray *pieces,
              gsize   start,
              gsize   end)
{
  Piece piece = { start, end, g_strdup ("") };

  g_array_append_val (pieces, piece);
}

/* Long because a flow list has six ways to lose an item without breaking its punctuation
 * or its comments (the only item, with or without a comment; an inner item; the last item,
 * with a comma of its own, after a comment, or plain), each a few lines; the two
 * block-list cases come first and are short. */
LekhEdit *
lekh_article_edit_list_remove (LekhArticle  *self,
                               const char   *key,
                               guint         index,
                               GError      **error)
{
  g_auto(ListItems) list = { 0 };
  g_autoptr(GArray) pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_autofree ExpectedItem *items = NULL;
  const char *text;
  LekhEdit *edit;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  if (!list_items_read (self, key, &list, error) ||
      !list_items_check_index (&list, key, index, error))
    return NULL;
  g_array_set_clear_func (pieces, piece_clear);
  text = lekh_article_get_text (self, NULL);
  n = list.n;
  items = list_items_expect (&list, 0);
  memmove (items + index, items + index + 1, (n - index - 1) * sizeof *items);

  if (!list.flow && n == 1)
    {
      /* An empty block list is no list: "key: []". */
      gsize end = list.end[0] - 1;

      if (end > list.start[0] && text[end - 1] == '\r')
        end--;
      edit = edit_new (list.entry->colon + 1, end, " []");
    }
  else if (!list.flow)
    {
      add_deletion (pieces, list.start[index], list.end[index]);
      edit = edit_from_pieces (text, pieces);
    }
  else
    {
      gsize start, end;
      gboolean comma;

      if (flow_item_lines (text, &list, index, &start, &end, &comma))
        {
          /* Its lines go; as the last item, it takes the comma before it along unless
           * it has one of its own (a trailing comma stays). */
          add_deletion (pieces, start, end);
          if (index + 1 == n && !comma && n > 1)
            {
              gsize at = find_comma (text, list.end[n - 2], list.start[n - 1]);

              if (at == list.start[n - 1])
                goto not_editable;
              add_deletion (pieces, at, at + 1);
            }
        }
      else if (n == 1 && memchr (text + list.node->span.start, '#',
                                 list.node->span.end - list.node->span.start) == NULL)
        {
          Piece piece = { list.node->span.start, list.node->span.end, g_strdup ("[]") };

          g_array_append_val (pieces, piece);
        }
      else if (n == 1)
        {
          /* "[ x, # comment ]": x and its comma go. */
          gsize at = find_comma (text, list.end[0], list.node->span.end - 1);

          add_deletion (pieces, list.start[0], at < list.node->span.end - 1 ? at + 1 : list.end[0]);
        }
      else if (index + 1 < n)
        add_deletion (pieces, list.start[index], list.start[index + 1]);
      else if (memchr (text + list.end[n - 2], '#', list.start[n - 1] - list.end[n - 2]) != NULL)
        {
          /* "a, # about a⏎ b": the comment stays with a. */
          gsize at = find_comma (text, list.end[n - 2], list.start[n - 1]);
          gsize ls = list.start[n - 1];

          while (text[ls - 1] != '\n')
            ls--;
          if (at == list.start[n - 1])
            goto not_editable;
          add_deletion (pieces, at, at + 1);
          add_deletion (pieces, ls, list.end[n - 1]);
        }
      else
        add_deletion (pieces, list.end[n - 2], list.end[n - 1]);
      edit = edit_from_pieces (text, pieces);
    }
  return list_items_verify (self, key, edit, items, n - 1, error);

not_editable:
  g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
               _("“%s” is written in a way Lekh cannot change safely; edit it in the source"),
               key);
  return NULL;
}

LekhEdit *
lekh_article_edit_list_move (LekhArticle  *self,
                             const char   *key,
                             guint         from,
                             guint         to,
                             GError      **error)
{
  g_auto(ListItems) list = { 0 };
  g_autofree ExpectedItem *items = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree guint *order = NULL;
  const char *text;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  if (!list_items_read (self, key, &list, error) ||
      !list_items_check_index (&list, key, from, error) ||
      !list_items_check_index (&list, key, to, error))
    return NULL;
  if (from == to)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                   _("Item %u of “%s” is already in that place"), from + 1, key);
      return NULL;
    }
  text = lekh_article_get_text (self, NULL);
  n = list.n;

  /* The chunks in their new order, what separated them where it was. */
  order = g_new (guint, n);
  for (guint i = 0, k = 0; i < n; i++)
    {
      if (i == to)
        order[i] = from;
      else
        {
          if (k == from)
            k++;
          order[i] = k++;
        }
    }
  items = g_new0 (ExpectedItem, n);
  for (guint i = 0; i < n; i++)
    {
      guint k = order[i];

      items[i].kept = lekh_node_get_item (list.node, k);
      g_string_append_len (out, text + list.start[k], list.end[k] - list.start[k]);
      if (i + 1 < n)
        g_string_append_len (out, text + list.end[i], list.start[i + 1] - list.end[i]);
    }
  return list_items_verify (self, key, edit_new (list.start[0], list.end[n - 1], out->str),
                            items, n, error);
}

/* Whether TEXT (LEN bytes) ends a line otherwise than with NL, the file's line ending. */
static gboolean
has_other_newline (const char *text,
                   gsize       len,
                   const char *nl)
{
  gboolean crlf = nl[0] == '\r';

  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n' && crlf != (i > 0 && text[i - 1] == '\r'))
      return TRUE;
  return FALSE;
}

/* The list's first item that is a string, whose quoting a new item follows. */
static const LekhNode *
first_string_item (const LekhNode *node)
{
  for (guint i = 0; i < lekh_node_get_n_items (node); i++)
    {
      const LekhNode *item = lekh_node_get_item (node, i);

      if (item->kind == LEKH_NODE_SCALAR && lekh_node_get_value_type (item) == LEKH_VALUE_STRING)
        return item;
    }
  return NULL;
}

/* Long because the new item copies the list's own layout: its quoting from the first
 * string item (per format), then for a block list the first item's indent, for a flow list
 * the separator between the last two items unless a comment or another line ending stands
 * there; each choice is a few lines and uses the one ListLayout. */
LekhEdit *
lekh_article_edit_list_append (LekhArticle  *self,
                               const char   *key,
                               const char   *item,
                               GError      **error)
{
  const char * const one[] = { item, NULL };
  g_auto(ListItems) list = { 0 };
  g_auto(ListLayout) layout = { 0 };
  g_autofree ExpectedItem *items = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *added = NULL;
  const LekhEntry *entry;
  const LekhNode *like;
  const char *text;
  const char *nl;
  gsize at;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (item != NULL, NULL);

  if (!g_utf8_validate (item, -1, NULL))
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED, _("A list item is not valid text"));
      return NULL;
    }
  if (!check_key (self, key, &entry, error))
    return NULL;
  /* No list yet, or an empty one: nothing to keep, a list of one string. */
  if (entry == NULL ||
      (entry->value->kind == LEKH_NODE_SCALAR &&
       lekh_node_get_value_type (entry->value) == LEKH_VALUE_NULL) ||
      (entry->value->kind == LEKH_NODE_SEQUENCE && lekh_node_get_n_items (entry->value) == 0))
    return lekh_article_edit_set_list (self, key, one, error);

  if (!list_items_read (self, key, &list, error))
    return NULL;
  text = lekh_article_get_text (self, NULL);
  nl = lekh_article_get_newline (self);
  like = first_string_item (list.node);
  list_layout_read (self, list.node, &layout);
  if (article_format (self) == LEKH_FRONT_MATTER_TOML)
    layout.literal = like != NULL &&
                     lekh_toml_node_get_string_style (like) == LEKH_TOML_STRING_LITERAL;
  if (like != NULL && article_format (self) == LEKH_FRONT_MATTER_YAML)
    quoted = quote_like (item, list.flow, like->style);
  else
    quoted = quote_item_for (self, item, &layout);

  at = list.end[list.n - 1];
  if (!list.flow)
    {
      /* A line like the first item's, after the last item's lines. */
      if (layout.indent == NULL)
        {
          g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                       _("“%s” is written in a way Lekh cannot change safely; edit it in the source"),
                       key);
          return NULL;
        }
      added = g_strconcat (layout.indent, "-", layout.gap, quoted, nl, NULL);
    }
  else
    {
      /* After the last item, separated as the two before it are (unless a comment
       * stands there), else as the list is laid out. */
      const char *sep = layout.multiline ? NULL : ", ";
      g_autofree char *copied = NULL;

      if (list.n >= 2)
        {
          gsize from = list.end[list.n - 2], to = list.start[list.n - 1];

          /* Not a comment, nor a line ending other than the file's (a mixed file). */
          if (memchr (text + from, '#', to - from) == NULL &&
              !has_other_newline (text + from, to - from, nl))
            sep = copied = g_strndup (text + from, to - from);
        }
      if (sep == NULL)
        sep = copied = g_strconcat (",", nl, layout.indent, NULL);
      added = g_strconcat (sep, quoted, NULL);
    }

  items = list_items_expect (&list, 1);
  items[list.n].string = item;
  return list_items_verify (self, key, edit_new (at, at, added), items, list.n + 1, error);
}
