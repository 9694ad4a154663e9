/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: article split and front-matter parse. Every accessor of the model
 * is called on whatever the input is, and the split's invariants are checked. */
#include "config.h"

#include <string.h>

#include "lekh-article.h"
#include "lekh-fuzz-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
walk_node (const LekhNode *node,
           guint           depth)
{
  const LekhNode *resolved;
  gboolean b;
  gint64 i;
  double d;

  if (node == NULL || depth > 300)
    return;

  resolved = lekh_node_resolve (node);
  (void) lekh_value_type_to_string (lekh_node_get_value_type (node));
  (void) lekh_node_get_string (node);
  (void) lekh_node_get_boolean (node, &b);
  (void) lekh_node_get_int (node, &i);
  (void) lekh_node_get_double (node, &d);
  g_strfreev (lekh_node_dup_string_list (node));

  if (node->kind == LEKH_NODE_SCALAR)
    {
      LEKH_FUZZ_ASSERT (node->scalar != NULL);
      LEKH_FUZZ_ASSERT (strlen (node->scalar) == node->scalar_len);
      lekh_fuzz_check_utf8 (node->scalar, node->scalar_len);
      (void) lekh_scalar_resolve_type (node->scalar, node->scalar_len, node->style, node->tag);
      (void) lekh_scalar_is_timestamp (node->scalar);
    }
  /* An alias is a leaf of the tree as written: walking through it would expand an
   * alias bomb here (lekh_article_to_json() below tries that, within its budget). */
  if (node->kind == LEKH_NODE_ALIAS)
    {
      LEKH_FUZZ_ASSERT (resolved != NULL && resolved->kind != LEKH_NODE_ALIAS);
      return;
    }

  /* A mapping's items are its values, walked with their keys below: walked here too, every
   * mapping below would be walked twice, 2^depth times in all. */
  for (guint n = 0; n < lekh_node_get_n_items (node); n++)
    if (node->kind == LEKH_NODE_MAPPING)
      LEKH_FUZZ_ASSERT (lekh_node_get_item (node, n) == g_ptr_array_index (node->children, 2 * n + 1));
    else
      walk_node (lekh_node_get_item (node, n), depth + 1);
  if (node->kind == LEKH_NODE_MAPPING)
    {
      for (guint n = 0; n + 1 < node->children->len; n += 2)
        {
          const LekhNode *key = g_ptr_array_index (node->children, n);

          walk_node (key, depth + 1);
          walk_node (g_ptr_array_index (node->children, n + 1), depth + 1);
          if (key->kind == LEKH_NODE_SCALAR)
            (void) lekh_node_lookup (node, key->scalar);
        }
      (void) lekh_node_lookup (node, "title");
    }
}

static gboolean
has_odd_line_breaks (const char *s,
                     gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'))
        return TRUE;
      if ((guchar) s[i] == 0xC2 && i + 1 < len && (guchar) s[i + 1] == 0x85)
        return TRUE;
      if ((guchar) s[i] == 0xE2 && i + 2 < len && (guchar) s[i + 1] == 0x80 &&
          ((guchar) s[i + 2] == 0xA8 || (guchar) s[i + 2] == 0xA9))
        return TRUE;
    }
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* Not NUL-terminated on purpose: the CLI reads files through g_mapped_file_get_bytes(),
   * whose data is not terminated either, so every read past the end is a bug ASan sees. */
  g_autoptr(GBytes) bytes = g_bytes_new_static (size ? data : NULL, size);
  g_autoptr(LekhArticle) article = lekh_article_new_from_bytes (bytes);
  const LekhSplit *split = lekh_article_get_split (article);
  const char *text, *body;
  gsize len, body_len;
  const GError *error;
  guint line, column;
  gboolean bomb = FALSE;

  lekh_fuzz_init ();

  text = lekh_article_get_text (article, &len);
  LEKH_FUZZ_ASSERT (len == size);
  LEKH_FUZZ_ASSERT (size == 0 || memcmp (text, data, size) == 0);

  /* The split covers the text in order, and split + body re-join to the same bytes. */
  LEKH_FUZZ_ASSERT (split->bom_len == 0 || split->bom_len == 3);
  LEKH_FUZZ_ASSERT (split->bom_len <= split->open_start || split->format == LEKH_FRONT_MATTER_NONE);
  LEKH_FUZZ_ASSERT (split->open_start <= split->yaml_start);
  LEKH_FUZZ_ASSERT (split->yaml_start <= split->yaml_end);
  LEKH_FUZZ_ASSERT (split->yaml_end <= split->close_end);
  LEKH_FUZZ_ASSERT (split->close_end == split->body_start);
  LEKH_FUZZ_ASSERT (split->body_start <= len);
  body = lekh_article_get_body (article, &body_len);
  LEKH_FUZZ_ASSERT (body == text + split->body_start);
  LEKH_FUZZ_ASSERT (body_len == len - split->body_start);
  LEKH_FUZZ_ASSERT (g_strcmp0 (lekh_article_get_newline (article), split->crlf ? "\r\n" : "\n") == 0);
  LEKH_FUZZ_ASSERT (lekh_article_get_bytes (article) == bytes);

  error = lekh_article_get_error (article);
  line = lekh_article_get_error_line (article);
  column = lekh_article_get_error_column (article);
  if (error != NULL)
    {
      LEKH_FUZZ_ASSERT (error->domain == LEKH_ERROR);
      LEKH_FUZZ_ASSERT (error->message != NULL && *error->message != '\0');
      lekh_fuzz_check_utf8 (error->message, strlen (error->message));
      LEKH_FUZZ_ASSERT (line >= 1 && column >= 1);
      LEKH_FUZZ_ASSERT (!lekh_article_check_editable (article, NULL));
    }
  else
    {
      /* A clean article is valid UTF-8 without NUL bytes: the core promises it. */
      LEKH_FUZZ_ASSERT (g_utf8_validate_len (text, len, NULL));
    }

  {
    g_autoptr(GError) editable_error = NULL;
    gboolean editable = lekh_article_check_editable (article, &editable_error);

    LEKH_FUZZ_ASSERT (editable == (editable_error == NULL));
    /* YAML, TOML and JSON front matter that read cleanly are all editable. */
    LEKH_FUZZ_ASSERT (editable == (error == NULL));
  }

  /* Entries: spans inside the front matter, in order, the key text where it says. */
  {
    guint n = lekh_article_get_n_entries (article);
    gsize previous_end = split->yaml_start;

    for (guint i = 0; i < n; i++)
      {
        const LekhEntry *entry = lekh_article_get_entry (article, i);

        LEKH_FUZZ_ASSERT (entry != NULL && entry->key != NULL && entry->value != NULL);
        /* Block entries own whole lines; in a { flow } root several share one. */
        if (lekh_article_get_root (article)->style == LEKH_STYLE_BLOCK)
          LEKH_FUZZ_ASSERT (entry->entry_span.start >= previous_end);
        LEKH_FUZZ_ASSERT (entry->entry_span.start <= entry->key_span.start);
        LEKH_FUZZ_ASSERT (entry->key_span.start <= entry->key_span.end);
        LEKH_FUZZ_ASSERT (entry->key_span.end <= entry->colon);
        LEKH_FUZZ_ASSERT (entry->colon <= entry->entry_span.end);
        LEKH_FUZZ_ASSERT (entry->entry_span.end <= split->yaml_end);
        LEKH_FUZZ_ASSERT (entry->value->span.start <= entry->value->span.end);
        LEKH_FUZZ_ASSERT (entry->value->span.end <= split->yaml_end);
        previous_end = entry->entry_span.end;

        LEKH_FUZZ_ASSERT (lekh_article_lookup (article, entry->key) != NULL);
        LEKH_FUZZ_ASSERT (strcmp (lekh_article_lookup (article, entry->key)->key, entry->key) == 0);
        (void) lekh_article_get_value (article, entry->key);
        lekh_article_offset_to_position (article, entry->key_span.start, &line, &column);
        /* libyaml also breaks lines at a lone CR, NEL, LS and PS, where a GtkTextBuffer and
         * lekh_article_offset_to_position() do not: compare only without those. */
        if (!has_odd_line_breaks (text + split->yaml_start, entry->key_span.start - split->yaml_start))
          LEKH_FUZZ_ASSERT (line == entry->key_span.line);
        LEKH_FUZZ_ASSERT (line >= 1 && column >= 1);
        walk_node (entry->value, 0);

        /* Each key's JSON; after the first alias bomb, no more (each costs the whole
         * budget, seconds under this instrumentation). */
        if (!bomb)
          {
            g_autoptr(GError) json_error = NULL;
            g_autofree char *json = lekh_article_to_json (article, entry->key, &json_error);

            LEKH_FUZZ_ASSERT ((json == NULL) == (json_error != NULL));
            if (json != NULL)
              lekh_fuzz_check_utf8 (json, strlen (json));
            bomb = g_error_matches (json_error, LEKH_ERROR, LEKH_ERROR_LIMIT);
          }
      }
    if (n > 0)
      LEKH_FUZZ_ASSERT (lekh_article_get_root (article) != NULL);
  }

  walk_node (lekh_article_get_root (article), 0);
  (void) lekh_article_lookup (article, "");
  (void) lekh_article_get_value (article, "title");

  if (!bomb)
    {
      g_autoptr(GError) json_error = NULL;
      g_autofree char *json = lekh_article_to_json (article, NULL, &json_error);

      LEKH_FUZZ_ASSERT ((json == NULL) == (json_error != NULL));
      if (error != NULL)
        LEKH_FUZZ_ASSERT (json == NULL);
      if (json != NULL)
        lekh_fuzz_check_utf8 (json, strlen (json));
    }

  /* Positions anywhere, including past the end. */
  lekh_article_offset_to_position (article, 0, &line, &column);
  LEKH_FUZZ_ASSERT (line == 1 && column == 1);
  lekh_article_offset_to_position (article, len / 2, &line, &column);
  lekh_article_offset_to_position (article, len, &line, &column);
  lekh_article_offset_to_position (article, len + 10, NULL, NULL);

  return 0;
}
