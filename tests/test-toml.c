/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The TOML reader: the toml-test conformance suite (../shared/specs/toml-test), exact
 * spans, error positions and messages, limits, and the fuzzer's regressions. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lekh-toml.h"

/* What the reader achieves on toml-test's files-toml-1.0.0 list (commit d168c2a): every
 * case, 210/210 valid and 499/499 invalid, so no miss to explain. The test fails if either
 * count drops below. */
#define VALID_FLOOR   210
#define INVALID_FLOOR 499

/* A JSON reader just large enough for toml-test's expected files (objects, arrays and
 * strings only), keeping strings with their length: values may hold U+0000. */

typedef enum { JSON_STRING, JSON_ARRAY, JSON_OBJECT } JsonKind;

typedef struct _Json Json;
struct _Json
{
  JsonKind   kind;
  GString   *str;     /* strings */
  GPtrArray *items;   /* arrays: values; objects: key, value, key, value ... (keys are strings) */
};

static void
json_free (Json *j)
{
  if (j == NULL)
    return;
  if (j->str != NULL)
    g_string_free (j->str, TRUE);
  if (j->items != NULL)
    g_ptr_array_unref (j->items);
  g_free (j);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Json, json_free)

static void
json_skip_ws (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static gboolean
json_hex4 (const char **p,
           gunichar    *out)
{
  *out = 0;
  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit ((*p)[i]))
        return FALSE;
      *out = *out * 16 + g_ascii_xdigit_value ((*p)[i]);
    }
  *p += 4;
  return TRUE;
}

static Json *json_parse_value (const char **p, guint depth);

static Json *
json_parse_string (const char **p)
{
  g_autoptr(Json) j = g_new0 (Json, 1);

  j->kind = JSON_STRING;
  j->str = g_string_new (NULL);
  if (**p != '"')
    return NULL;
  for ((*p)++; **p != '"'; )
    {
      if (**p == '\0')
        return NULL;
      if (**p != '\\')
        {
          g_string_append_c (j->str, *(*p)++);
          continue;
        }
      (*p)++;
      switch (*(*p)++)
        {
        case '"': g_string_append_c (j->str, '"'); break;
        case '\\': g_string_append_c (j->str, '\\'); break;
        case '/': g_string_append_c (j->str, '/'); break;
        case 'b': g_string_append_c (j->str, '\b'); break;
        case 'f': g_string_append_c (j->str, '\f'); break;
        case 'n': g_string_append_c (j->str, '\n'); break;
        case 'r': g_string_append_c (j->str, '\r'); break;
        case 't': g_string_append_c (j->str, '\t'); break;
        case 'u':
          {
            gunichar c, low;

            if (!json_hex4 (p, &c))
              return NULL;
            if (c >= 0xD800 && c < 0xDC00)
              {
                if ((*p)[0] != '\\' || (*p)[1] != 'u')
                  return NULL;
                *p += 2;
                if (!json_hex4 (p, &low) || low < 0xDC00 || low > 0xDFFF)
                  return NULL;
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            g_string_append_unichar (j->str, c);
          }
          break;
        default:
          return NULL;
        }
    }
  (*p)++;
  return g_steal_pointer (&j);
}

static Json *
json_parse_value (const char **p,
                  guint        depth)
{
  g_autoptr(Json) j = NULL;
  char close;

  json_skip_ws (p);
  if (**p == '"')
    return json_parse_string (p);
  if ((**p != '[' && **p != '{') || depth > 1000)
    return NULL;

  j = g_new0 (Json, 1);
  j->kind = **p == '[' ? JSON_ARRAY : JSON_OBJECT;
  j->items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_free);
  close = **p == '[' ? ']' : '}';
  (*p)++;
  json_skip_ws (p);
  if (**p == close)
    {
      (*p)++;
      return g_steal_pointer (&j);
    }
  for (;;)
    {
      Json *item;

      if (j->kind == JSON_OBJECT)
        {
          json_skip_ws (p);
          item = json_parse_string (p);
          if (item == NULL)
            return NULL;
          g_ptr_array_add (j->items, item);
          json_skip_ws (p);
          if (*(*p)++ != ':')
            return NULL;
        }
      item = json_parse_value (p, depth + 1);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (j->items, item);
      json_skip_ws (p);
      if (**p == ',')
        (*p)++;
      else if (**p == close)
        {
          (*p)++;
          return g_steal_pointer (&j);
        }
      else
        return NULL;
    }
}

static Json *
json_parse (const char *text)
{
  const char *p = text;
  g_autoptr(Json) j = json_parse_value (&p, 0);

  if (j == NULL)
    return NULL;
  json_skip_ws (&p);
  return *p == '\0' ? g_steal_pointer (&j) : NULL;
}

static const Json *
json_member (const Json *object,
             const char *key,
             gsize       len)
{
  for (guint i = 0; i + 1 < object->items->len; i += 2)
    {
      const Json *k = g_ptr_array_index (object->items, i);

      if (k->str->len == len && memcmp (k->str->str, key, len) == 0)
        return g_ptr_array_index (object->items, i + 1);
    }
  return NULL;
}

/* The tree as toml-test's typed JSON. */

static void
append_json_string (GString    *out,
                    const char *s,
                    gsize       len)
{
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      guchar c = s[i];

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
to_typed_json (const LekhNode *node,
               GString        *out)
{
  switch (node->kind)
    {
    case LEKH_NODE_MAPPING:
      g_string_append_c (out, '{');
      for (guint i = 0; i + 1 < node->children->len; i += 2)
        {
          const LekhNode *key = g_ptr_array_index (node->children, i);

          if (i > 0)
            g_string_append_c (out, ',');
          append_json_string (out, key->scalar, key->scalar_len);
          g_string_append_c (out, ':');
          to_typed_json (g_ptr_array_index (node->children, i + 1), out);
        }
      g_string_append_c (out, '}');
      break;

    case LEKH_NODE_SEQUENCE:
      g_string_append_c (out, '[');
      for (guint i = 0; i < node->children->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          to_typed_json (g_ptr_array_index (node->children, i), out);
        }
      g_string_append_c (out, ']');
      break;

    case LEKH_NODE_SCALAR:
    case LEKH_NODE_ALIAS:
    default:
      g_string_append_printf (out, "{\"type\":\"%s\",\"value\":",
                              lekh_toml_type_to_string (lekh_toml_node_get_type (node)));
      append_json_string (out, node->scalar, node->scalar_len);
      g_string_append_c (out, '}');
      break;
    }
}

/* As toml-test compares date-times (as times, not text): 't', 'z' and ' ' are 'T', 'Z'
 * and 'T', trailing zeros of a fraction do not count, and +00:00 / -00:00 are Z. */
static char *
normalise_datetime (const char *s)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize frac;

  for (; *s; s++)
    {
      if (*s == 't' || *s == ' ')
        g_string_append_c (out, 'T');
      else if (*s == 'z')
        g_string_append_c (out, 'Z');
      else
        g_string_append_c (out, *s);
    }
  if (g_str_has_suffix (out->str, "+00:00") || g_str_has_suffix (out->str, "-00:00"))
    {
      g_string_truncate (out, out->len - 6);
      g_string_append_c (out, 'Z');
    }
  frac = strcspn (out->str, ".");
  if (frac < out->len)
    {
      gsize digits_end = frac + 1, last_nonzero;

      while (g_ascii_isdigit (out->str[digits_end]))
        digits_end++;
      last_nonzero = digits_end;
      while (last_nonzero > frac + 1 && out->str[last_nonzero - 1] == '0')
        last_nonzero--;
      if (last_nonzero == frac + 1)
        last_nonzero = frac;
      g_string_erase (out, last_nonzero, digits_end - last_nonzero);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
scalar_equal (const char *type,
              const Json *got,
              const Json *want)
{
  if (strcmp (type, "integer") == 0)
    return g_ascii_strtoll (got->str->str, NULL, 10) == g_ascii_strtoll (want->str->str, NULL, 10);
  if (strcmp (type, "float") == 0)
    {
      double a = g_ascii_strtod (got->str->str, NULL);
      double b = g_ascii_strtod (want->str->str, NULL);

      if (isnan (a) || isnan (b))
        return isnan (a) && isnan (b);
      return a == b;
    }
  if (g_str_has_prefix (type, "date") || g_str_has_prefix (type, "time"))
    {
      g_autofree char *a = normalise_datetime (got->str->str);
      g_autofree char *b = normalise_datetime (want->str->str);

      return strcmp (a, b) == 0;
    }
  return got->str->len == want->str->len &&
         memcmp (got->str->str, want->str->str, got->str->len) == 0;
}

static gboolean
is_typed_scalar (const Json *j)
{
  const Json *type, *value;

  if (j->kind != JSON_OBJECT || j->items->len != 4)
    return FALSE;
  type = json_member (j, "type", 4);
  value = json_member (j, "value", 5);
  return type != NULL && value != NULL && type->kind == JSON_STRING && value->kind == JSON_STRING;
}

/* Structural comparison; on a difference, says where in WHY. */
static gboolean
json_equal (const Json *got,
            const Json *want,
            GString    *path,
            GString    *why)
{
  if (got->kind != want->kind)
    {
      g_string_printf (why, "%s: kinds differ", path->str);
      return FALSE;
    }
  if (want->kind == JSON_OBJECT && is_typed_scalar (want))
    {
      const Json *want_type = json_member (want, "type", 4);
      const Json *got_type;

      if (!is_typed_scalar (got))
        {
          g_string_printf (why, "%s: a table where a %s is expected", path->str,
                           want_type->str->str);
          return FALSE;
        }
      got_type = json_member (got, "type", 4);
      if (strcmp (got_type->str->str, want_type->str->str) != 0 ||
          !scalar_equal (want_type->str->str, json_member (got, "value", 5),
                         json_member (want, "value", 5)))
        {
          g_string_printf (why, "%s: got %s “%s”, expected %s “%s”", path->str,
                           got_type->str->str, json_member (got, "value", 5)->str->str,
                           want_type->str->str, json_member (want, "value", 5)->str->str);
          return FALSE;
        }
      return TRUE;
    }

  switch (want->kind)
    {
    case JSON_STRING:
      return got->str->len == want->str->len &&
             memcmp (got->str->str, want->str->str, got->str->len) == 0;

    case JSON_ARRAY:
      if (got->items->len != want->items->len)
        {
          g_string_printf (why, "%s: %u items, expected %u", path->str, got->items->len,
                           want->items->len);
          return FALSE;
        }
      for (guint i = 0; i < want->items->len; i++)
        {
          gsize len = path->len;
          gboolean equal;

          g_string_append_printf (path, "[%u]", i);
          equal = json_equal (g_ptr_array_index (got->items, i),
                              g_ptr_array_index (want->items, i), path, why);
          g_string_truncate (path, len);
          if (!equal)
            return FALSE;
        }
      return TRUE;

    case JSON_OBJECT:
    default:
      if (got->items->len != want->items->len)
        {
          g_string_printf (why, "%s: %u keys, expected %u", path->str, got->items->len / 2,
                           want->items->len / 2);
          return FALSE;
        }
      for (guint i = 0; i + 1 < want->items->len; i += 2)
        {
          const Json *key = g_ptr_array_index (want->items, i);
          const Json *mine = json_member (got, key->str->str, key->str->len);
          gsize len = path->len;
          gboolean equal;

          if (mine == NULL)
            {
              g_string_printf (why, "%s: no key “%s”", path->str, key->str->str);
              return FALSE;
            }
          g_string_append_printf (path, ".%s", key->str->str);
          equal = json_equal (mine, g_ptr_array_index (want->items, i + 1), path, why);
          g_string_truncate (path, len);
          if (!equal)
            return FALSE;
        }
      return TRUE;
    }
}

/* Properties every parse must have (the fuzzer checks the same). */

static void
utf8_with_nuls (const char *s,
                gsize       len)
{
  const char *bad;

  while (!g_utf8_validate_len (s, len, &bad))
    {
      g_assert_cmpint (*bad, ==, '\0');
      len -= bad + 1 - s;
      s = bad + 1;
    }
}

static void
check_span (const char     *text,
            gsize           len,
            const LekhSpan *span)
{
  guint line = 1, column = 1;

  g_assert_cmpuint (span->start, <=, span->end);
  g_assert_cmpuint (span->end, <=, len);
  for (gsize i = 0; i < span->start; i++)
    {
      if (text[i] == '\n')
        line++, column = 1;
      else if (((guchar) text[i] & 0xC0) != 0x80)
        column++;
    }
  g_assert_cmpuint (span->line, ==, line);
  g_assert_cmpuint (span->column, ==, column);
}

static void
check_node (const char     *text,
            gsize           len,
            const LekhNode *node,
            guint           depth)
{
  g_assert_nonnull (node);
  g_assert_cmpuint (depth, <=, LEKH_TOML_MAX_DEPTH + 1);
  check_span (text, len, &node->span);
  if (node->kind == LEKH_NODE_SCALAR)
    {
      g_assert_nonnull (node->scalar);
      g_assert_cmpint (node->scalar[node->scalar_len], ==, '\0');
      utf8_with_nuls (node->scalar, node->scalar_len);
      return;
    }
  for (guint i = 0; i < node->children->len; i++)
    check_node (text, len, g_ptr_array_index (node->children, i), depth + 1);
}

/* A value's text, cut out at its span, reads back as the same value: what a lossless
 * editor that replaces one value's bytes relies on. */
static void
check_value_reads_back (const char     *text,
                        const LekhNode *value)
{
  int len = value->span.end - value->span.start;
  g_autofree char *alone = g_strdup_printf ("k = %.*s", len, text + value->span.start);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhTomlDocument) doc = lekh_toml_parse (alone, strlen (alone), &error);
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (lekh_toml_document_get_n_keyvals (doc), ==, 1);
  to_typed_json (value, before);
  to_typed_json (lekh_toml_document_get_keyval (doc, 0)->value, after);
  g_assert_cmpstr (before->str, ==, after->str);
}

static void
check_document (const char             *text,
                gsize                   len,
                const LekhTomlDocument *doc)
{
  check_node (text, len, lekh_toml_document_get_root (doc), 0);
  for (guint i = 0; i < lekh_toml_document_get_n_keyvals (doc); i++)
    {
      const LekhTomlKeyval *kv = lekh_toml_document_get_keyval (doc, i);

      check_span (text, len, &kv->key_span);
      check_span (text, len, &kv->entry_span);
      g_assert_cmpuint (kv->entry_span.start, <=, kv->key_span.start);
      g_assert_cmpuint (kv->key_span.end, <=, kv->equals);
      g_assert_cmpuint (kv->equals, <, kv->value->span.start);
      g_assert_cmpuint (kv->value->span.end, <=, kv->entry_span.end);
      g_assert_cmpuint (g_strv_length (kv->key_path), ==, kv->n_parts);
      check_value_reads_back (text, kv->value);
    }
  for (guint i = 0; i < lekh_toml_document_get_n_headers (doc); i++)
    {
      const LekhTomlHeader *h = lekh_toml_document_get_header (doc, i);

      check_span (text, len, &h->span);
      check_span (text, len, &h->line_span);
      g_assert_cmpint (text[h->span.start], ==, '[');
      g_assert_cmpint (text[h->span.end - 1], ==, ']');
    }
}

static void
check_error (const char   *text,
             gsize         len,
             const GError *error,
             guint         line,
             guint         column)
{
  g_autofree char *prefix = g_strdup_printf ("Line %u, column %u: ", line, column);
  guint lines = 1;

  for (gsize i = 0; i < len; i++)
    lines += text[i] == '\n';
  g_assert_nonnull (error);
  g_assert_true (error->domain == LEKH_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix));
  /* whatever the input, a message a person can read */
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 200);
  g_assert_cmpuint (line, >=, 1);
  g_assert_cmpuint (line, <=, lines);
  g_assert_cmpuint (column, >=, 1);
}

/* Spans */

static void
assert_span (const char     *text,
             const LekhSpan *span,
             gsize           start,
             const char     *expected,
             guint           line,
             guint           column)
{
  g_assert_cmpuint (span->start, ==, start);
  g_assert_cmpuint (span->end - span->start, ==, strlen (expected));
  g_assert_cmpmem (text + span->start, span->end - span->start, expected, strlen (expected));
  g_assert_cmpuint (span->line, ==, line);
  g_assert_cmpuint (span->column, ==, column);
}

static const LekhNode *
lookup_node (const LekhNode  *table,
             const char      *key,
             const LekhNode **key_node)
{
  for (guint i = 0; i + 1 < table->children->len; i += 2)
    {
      const LekhNode *k = g_ptr_array_index (table->children, i);

      if (strcmp (k->scalar, key) == 0)
        {
          if (key_node != NULL)
            *key_node = k;
          return g_ptr_array_index (table->children, i + 1);
        }
    }
  g_assert_not_reached ();
}

static void
test_spans_devanagari (void)
{
  const char *text =
    "title = \"नमस्ते दुनिया\"  # greeting\n"
    "\"शीर्षक\" = 'लेख'\n"
    "ml = \"\"\"\n"
    "पहली पंक्ति\n"
    "second\"\"\"\n"
    "arr = [\n"
    "  1,\n"
    "  \"दो\", # two\n"
    "]\n"
    "point = { x = 1, y.z = \"ज़\" }\n"
    "\n"
    "[params]\n"
    "  \"कुंजी\".sub = 2\n";
  gsize len = strlen (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhTomlDocument) doc = lekh_toml_parse (text, len, &error);
  const LekhTomlKeyval *kv;
  const LekhTomlHeader *header;
  const LekhNode *root, *value, *key, *point, *y, *params, *sub;

  g_assert_no_error (error);
  check_document (text, len, doc);
  root = lekh_toml_document_get_root (doc);
  assert_span (text, &root->span, 0, text, 1, 1);
  g_assert_cmpuint (lekh_toml_document_get_n_keyvals (doc), ==, 6);
  g_assert_cmpuint (lekh_toml_document_get_n_headers (doc), ==, 1);

  kv = lekh_toml_document_get_keyval (doc, 0);
  assert_span (text, &kv->key_span, 0, "title", 1, 1);
  assert_span (text, &kv->value->span, 8, "\"नमस्ते दुनिया\"", 1, 9);
  assert_span (text, &kv->entry_span, 0, "title = \"नमस्ते दुनिया\"  # greeting\n", 1, 1);
  g_assert_cmpuint (kv->equals, ==, 6);
  g_assert_cmpint (kv->header, ==, -1);
  g_assert_cmpstr (kv->value->scalar, ==, "नमस्ते दुनिया");
  g_assert_true (kv->value->style == LEKH_STYLE_DOUBLE_QUOTED);

  kv = lekh_toml_document_get_keyval (doc, 1);
  assert_span (text, &kv->key_span, 60, "\"शीर्षक\"", 2, 1);
  assert_span (text, &kv->value->span, 83, "'लेख'", 2, 12);
  g_assert_cmpstr (kv->key_path[0], ==, "शीर्षक");
  g_assert_cmpstr (kv->value->scalar, ==, "लेख");
  value = lookup_node (root, "शीर्षक", &key);
  g_assert_true (value == kv->value);
  assert_span (text, &key->span, 60, "\"शीर्षक\"", 2, 1);
  g_assert_true (lekh_toml_node_get_string_style (key) == LEKH_TOML_STRING_BASIC);
  g_assert_true (lekh_toml_node_get_string_style (value) == LEKH_TOML_STRING_LITERAL);

  kv = lekh_toml_document_get_keyval (doc, 2);
  assert_span (text, &kv->key_span, 95, "ml", 3, 1);
  assert_span (text, &kv->value->span, 100, "\"\"\"\nपहली पंक्ति\nsecond\"\"\"", 3, 6);
  assert_span (text, &kv->entry_span, 95, "ml = \"\"\"\nपहली पंक्ति\nsecond\"\"\"\n", 3, 1);
  g_assert_cmpstr (kv->value->scalar, ==, "पहली पंक्ति\nsecond");
  g_assert_true (lekh_toml_node_get_string_style (kv->value) == LEKH_TOML_STRING_MULTILINE_BASIC);

  kv = lekh_toml_document_get_keyval (doc, 3);
  assert_span (text, &kv->value->span, 152, "[\n  1,\n  \"दो\", # two\n]", 6, 7);
  assert_span (text, &kv->entry_span, 146, "arr = [\n  1,\n  \"दो\", # two\n]\n", 6, 1);
  g_assert_cmpuint (lekh_node_get_n_items (kv->value), ==, 2);
  assert_span (text, &lekh_node_get_item (kv->value, 0)->span, 156, "1", 7, 3);
  assert_span (text, &lekh_node_get_item (kv->value, 1)->span, 161, "\"दो\"", 8, 3);

  kv = lekh_toml_document_get_keyval (doc, 4);
  point = kv->value;
  assert_span (text, &point->span, 187, "{ x = 1, y.z = \"ज़\" }", 10, 9);
  g_assert_true (lekh_toml_node_get_type (point) == LEKH_TOML_INLINE_TABLE);
  g_assert_true (point->style == LEKH_STYLE_FLOW);
  y = lookup_node (point, "y", &key);
  assert_span (text, &key->span, 196, "y", 10, 18);
  g_assert_true (lekh_toml_node_get_type (y) == LEKH_TOML_INLINE_TABLE);
  assert_span (text, &lookup_node (y, "z", NULL)->span, 202, "\"ज़\"", 10, 24);

  header = lekh_toml_document_get_header (doc, 0);
  assert_span (text, &header->span, 214, "[params]", 12, 1);
  assert_span (text, &header->line_span, 214, "[params]\n", 12, 1);
  g_assert_cmpstr (header->path[0], ==, "params");
  g_assert_null (header->path[1]);
  g_assert_false (header->array);
  params = lookup_node (root, "params", NULL);
  g_assert_true (header->table == params);
  assert_span (text, &params->span, 214, "[params]", 12, 1);

  kv = lekh_toml_document_get_keyval (doc, 5);
  g_assert_cmpint (kv->header, ==, 0);
  g_assert_cmpuint (kv->n_parts, ==, 2);
  g_assert_cmpstr (kv->key_path[0], ==, "कुंजी");
  g_assert_cmpstr (kv->key_path[1], ==, "sub");
  assert_span (text, &kv->key_span, 225, "\"कुंजी\".sub", 13, 3);
  assert_span (text, &kv->value->span, 249, "2", 13, 17);
  assert_span (text, &kv->entry_span, 223, "  \"कुंजी\".sub = 2\n", 13, 1);
  sub = lookup_node (lookup_node (params, "कुंजी", NULL), "sub", NULL);
  g_assert_true (sub == kv->value);
  /* a table made by a dotted key spans the key part that made it */
  assert_span (text, &lookup_node (params, "कुंजी", NULL)->span, 225, "\"कुंजी\"", 13, 3);
}

static void
test_spans_crlf (void)
{
  const char *toml =
    "a = 1\r\n"
    "b = \"\"\"\r\nx\r\ny\"\"\"\r\n"
    "c = [\r\n  1,\r\n  2\r\n]\r\n"
    "[t]\r\n"
    "d = 'e'";
  g_autofree char *text = g_strconcat ("+++\r\n", toml, "\r\n+++\r\nbody\r\n", NULL);
  gsize start = 5, end = start + strlen (toml) + 2;
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhTomlDocument) doc = NULL;
  g_autoptr(LekhTomlDocument) alone = NULL;
  const LekhTomlKeyval *kv;
  const LekhTomlHeader *header;

  /* the TOML inside a Hugo article: offsets into the whole text, lines of the file */
  doc = lekh_toml_parse_range (text, start, end, 2, NULL, NULL, &error);
  g_assert_no_error (error);
  check_span (text, end, &lekh_toml_document_get_root (doc)->span);
  g_assert_cmpuint (lekh_toml_document_get_root (doc)->span.start, ==, start);
  g_assert_cmpuint (lekh_toml_document_get_root (doc)->span.end, ==, end);

  kv = lekh_toml_document_get_keyval (doc, 0);
  assert_span (text, &kv->entry_span, 5, "a = 1\r\n", 2, 1);
  assert_span (text, &kv->value->span, 9, "1", 2, 5);

  kv = lekh_toml_document_get_keyval (doc, 1);
  assert_span (text, &kv->value->span, 16, "\"\"\"\r\nx\r\ny\"\"\"", 3, 5);
  assert_span (text, &kv->entry_span, 12, "b = \"\"\"\r\nx\r\ny\"\"\"\r\n", 3, 1);
  /* line breaks in a multi-line string read as \n */
  g_assert_cmpstr (kv->value->scalar, ==, "x\ny");

  kv = lekh_toml_document_get_keyval (doc, 2);
  assert_span (text, &kv->value->span, 34, "[\r\n  1,\r\n  2\r\n]", 6, 5);
  assert_span (text, &lekh_node_get_item (kv->value, 1)->span, 45, "2", 8, 3);
  assert_span (text, &kv->entry_span, 30, "c = [\r\n  1,\r\n  2\r\n]\r\n", 6, 1);

  header = lekh_toml_document_get_header (doc, 0);
  assert_span (text, &header->span, 51, "[t]", 10, 1);
  assert_span (text, &header->line_span, 51, "[t]\r\n", 10, 1);

  kv = lekh_toml_document_get_keyval (doc, 3);
  assert_span (text, &kv->value->span, 60, "'e'", 11, 5);
  assert_span (text, &kv->entry_span, 56, "d = 'e'\r\n", 11, 1);
  g_assert_cmpint (kv->header, ==, 0);

  /* the same TOML alone: the same spans, 5 bytes and a line earlier */
  alone = lekh_toml_parse (toml, strlen (toml), &error);
  g_assert_no_error (error);
  check_document (toml, strlen (toml), alone);
  kv = lekh_toml_document_get_keyval (alone, 2);
  assert_span (toml, &kv->value->span, 29, "[\r\n  1,\r\n  2\r\n]", 5, 5);
  kv = lekh_toml_document_get_keyval (alone, 3);
  assert_span (toml, &kv->entry_span, 51, "d = 'e'", 10, 1);
}

static void
test_spans_array_of_tables (void)
{
  const char *text =
    "[[menu]]\n"
    "name = 'a'\n"
    "[menu.sub]\n"
    "x = 1\n"
    "[[menu]]   # second\n"
    "name = 'b'\n";
  gsize len = strlen (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhTomlDocument) doc = lekh_toml_parse (text, len, &error);
  const LekhNode *menu;
  const LekhTomlHeader *header;

  g_assert_no_error (error);
  check_document (text, len, doc);
  menu = lookup_node (lekh_toml_document_get_root (doc), "menu", NULL);
  g_assert_true (lekh_toml_node_get_type (menu) == LEKH_TOML_ARRAY_OF_TABLES);
  g_assert_true (menu->kind == LEKH_NODE_SEQUENCE && menu->style == LEKH_STYLE_BLOCK);
  g_assert_cmpuint (lekh_node_get_n_items (menu), ==, 2);
  assert_span (text, &lekh_node_get_item (menu, 0)->span, 0, "[[menu]]", 1, 1);
  assert_span (text, &lekh_node_get_item (menu, 1)->span, 37, "[[menu]]", 5, 1);
  g_assert_cmpstr (lekh_node_get_string (lekh_node_lookup (lekh_node_get_item (menu, 1), "name")),
                   ==, "b");
  g_assert_nonnull (lekh_node_lookup (lekh_node_lookup (lekh_node_get_item (menu, 0), "sub"), "x"));

  header = lekh_toml_document_get_header (doc, 2);
  g_assert_true (header->array);
  assert_span (text, &header->line_span, 37, "[[menu]]   # second\n", 5, 1);
  g_assert_true (header->table == lekh_node_get_item (menu, 1));
  header = lekh_toml_document_get_header (doc, 1);
  g_assert_cmpuint (header->n_parts, ==, 2);
  g_assert_cmpstr (header->path[1], ==, "sub");
}

/* Values, read through the LekhNode API */

static void
test_values (void)
{
  const char *text =
    "hex = 0xDEAD_beef\n"
    "oct = 0o755\n"
    "bin = 0b1101\n"
    "min = -9223372036854775808\n"
    "max = 9_223_372_036_854_775_807\n"
    "plus = +17\n"
    "f = 1_000.5e-2\n"
    "ninf = -inf\n"
    "nan = nan\n"
    "yes = true\n"
    "odt = 1979-05-27 07:32:00.999z\n"
    "ldt = 1979-05-27t07:32:00\n"
    "ld = 2024-02-29\n"
    "lt = 23:59:60.5\n"
    "esc = \"\\u00e9\\U0001F600\\t\\\"\"\n"
    "nul = \"a\\u0000b\"\n"
    "trim = \"\"\"\\\n   a \\\n\n  b\"\"\"\n"
    "quotes = \"\"\"\"\"x\"\"\"\"\"\n"
    "lit = '''\nC:\\path'''\n"
    "tags = ['a', \"b\"]\n"
    "mixed = [1, 'x', [2], {k = 3}]\n"
    "[implied.deeper]\n"
    "[implied]\n"
    "deeper2.x = 1\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhTomlDocument) doc = lekh_toml_parse (text, strlen (text), &error);
  const LekhNode *root;
  g_auto(GStrv) tags = NULL;
  gint64 i;
  double d;
  gboolean b;

  g_assert_no_error (error);
  check_document (text, strlen (text), doc);
  root = lekh_toml_document_get_root (doc);

#define VALUE(key) lekh_node_lookup (root, key)
  g_assert_true (lekh_node_get_int (VALUE ("hex"), &i) && i == 0xDEADBEEF);
  g_assert_true (lekh_node_get_int (VALUE ("oct"), &i) && i == 0755);
  g_assert_true (lekh_node_get_int (VALUE ("bin"), &i) && i == 13);
  g_assert_true (lekh_node_get_int (VALUE ("min"), &i) && i == G_MININT64);
  g_assert_true (lekh_node_get_int (VALUE ("max"), &i) && i == G_MAXINT64);
  g_assert_cmpstr (lekh_node_get_string (VALUE ("plus")), ==, "17");
  g_assert_true (lekh_node_get_double (VALUE ("f"), &d));
  g_assert_cmpfloat_with_epsilon (d, 10.005, 1e-12);
  g_assert_true (lekh_node_get_double (VALUE ("ninf"), &d) && isinf (d) && d < 0);
  g_assert_true (lekh_node_get_double (VALUE ("nan"), &d) && isnan (d));
  g_assert_true (lekh_node_get_boolean (VALUE ("yes"), &b) && b);
  g_assert_true (lekh_node_get_value_type (VALUE ("yes")) == LEKH_VALUE_BOOL);

  g_assert_cmpstr (lekh_node_get_string (VALUE ("odt")), ==, "1979-05-27T07:32:00.999Z");
  g_assert_true (lekh_toml_node_get_type (VALUE ("odt")) == LEKH_TOML_OFFSET_DATETIME);
  g_assert_true (lekh_node_get_value_type (VALUE ("odt")) == LEKH_VALUE_TIMESTAMP);
  g_assert_cmpstr (lekh_node_get_string (VALUE ("ldt")), ==, "1979-05-27T07:32:00");
  g_assert_true (lekh_toml_node_get_type (VALUE ("ldt")) == LEKH_TOML_LOCAL_DATETIME);
  g_assert_true (lekh_toml_node_get_type (VALUE ("ld")) == LEKH_TOML_LOCAL_DATE);
  g_assert_true (lekh_node_get_value_type (VALUE ("ld")) == LEKH_VALUE_TIMESTAMP);
  g_assert_true (lekh_toml_node_get_type (VALUE ("lt")) == LEKH_TOML_LOCAL_TIME);
  g_assert_true (lekh_node_get_value_type (VALUE ("lt")) == LEKH_VALUE_STRING);
  assert_span (text, &VALUE ("odt")->span, strstr (text, "1979-05-27 07") - text,
               "1979-05-27 07:32:00.999z", 11, 7);

  g_assert_cmpstr (lekh_node_get_string (VALUE ("esc")), ==, "é😀\t\"");
  g_assert_cmpuint (VALUE ("nul")->scalar_len, ==, 3);
  g_assert_cmpmem (VALUE ("nul")->scalar, 3, "a\0b", 3);
  g_assert_cmpstr (lekh_node_get_string (VALUE ("trim")), ==, "a b");
  g_assert_cmpstr (lekh_node_get_string (VALUE ("quotes")), ==, "\"\"x\"\"");
  g_assert_cmpstr (lekh_node_get_string (VALUE ("lit")), ==, "C:\\path");
  g_assert_true (lekh_toml_node_get_string_style (VALUE ("lit")) ==
                 LEKH_TOML_STRING_MULTILINE_LITERAL);
  g_assert_true (lekh_node_get_value_type (VALUE ("lit")) == LEKH_VALUE_STRING);

  tags = lekh_node_dup_string_list (VALUE ("tags"));
  g_assert_cmpstrv (tags, ((const char *[]) { "a", "b", NULL }));
  g_assert_true (lekh_node_get_value_type (VALUE ("mixed")) == LEKH_VALUE_SEQUENCE);
  g_assert_true (lekh_node_get_value_type (lekh_node_get_item (VALUE ("mixed"), 3)) ==
                 LEKH_VALUE_MAPPING);
  /* a table only implied by a header, defined later, takes dotted keys */
  g_assert_nonnull (lekh_node_lookup (lekh_node_lookup (VALUE ("implied"), "deeper2"), "x"));
#undef VALUE
}

/* Errors: refused, at the offending character, with what is wrong */

static void
test_errors (void)
{
  static const struct
  {
    const char *text;
    gsize       len;        /* 0: up to the NUL */
    guint       line;
    guint       column;
    const char *message;    /* NULL: any */
    int         code;
  } cases[] = {
    { "title = 'a'\n# c\n      title = 'b'\n", 0, 3, 7, "a key is defined twice: “title”",
      LEKH_ERROR_TOML_SYNTAX },
    { "i = 9223372036854775808", 0, 1, 5,
      "the integer 9223372036854775808 is out of range (64 bits)", LEKH_ERROR_TOML_SYNTAX },
    { "i = -9223372036854775809", 0, 1, 5, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "i = 0x8000000000000000", 0, 1, 5, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "i = 0b1_0000000000000000000000000000000000000000000000000000000000000000", 0, 1, 5,
      "the integer 0b1_000000000000000000000000000000000000… is out of range (64 bits)",
      LEKH_ERROR_TOML_SYNTAX },
    { "f = 1e400", 0, 1, 5, "the float 1e400 is out of range (64 bits)", LEKH_ERROR_TOML_SYNTAX },
    { "i = +0x10", 0, 1, 5, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "i = 1__0", 0, 1, 6, "an underscore in a number must stand between two digits",
      LEKH_ERROR_TOML_SYNTAX },
    { "i = 012", 0, 1, 5, "a number cannot start with a zero", LEKH_ERROR_TOML_SYNTAX },
    { "d = 2023-02-29", 0, 1, 13, "the day 29 is out of range: 2023-02 has 28 days",
      LEKH_ERROR_TOML_SYNTAX },
    { "d = 1900-02-29", 0, 1, 13, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "d = 2023-13-01", 0, 1, 10, "the month 13 is out of range (01–12)", LEKH_ERROR_TOML_SYNTAX },
    { "d = 2023-01-01T24:00:00", 0, 1, 16, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "d = 2023-01-01T10:00:00+24:00", 0, 1, 24, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "t = 10:00", 0, 1, 5, "a time is written HH:MM:SS, with two digits each",
      LEKH_ERROR_TOML_SYNTAX },
    { "s = \"a\\qb\"", 0, 1, 7, "a backslash followed by “q” is not a valid escape",
      LEKH_ERROR_TOML_SYNTAX },
    { "s = \"\\uD800\"", 0, 1, 6, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "s = \"a\x01\"", 0, 1, 7, "the control character U+0001 is not allowed in a string",
      LEKH_ERROR_TOML_SYNTAX },
    { "s = \"\xff\"", 0, 1, 6, "the text is not valid UTF-8 (byte 0xFF)",
      LEKH_ERROR_INVALID_UTF8 },
    { "s = 'é\x7f'", 0, 1, 7, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "s = 1 # é\x7f", 0, 1, 10, "the control character U+007F is not allowed in a comment",
      LEKH_ERROR_TOML_SYNTAX },
    { "a = 1\0", 6, 1, 6, "expected a space, a comma, a bracket or the end of the line after the "
      "value, found the control character U+0000", LEKH_ERROR_TOML_SYNTAX },
    { "a = 1\rb = 2", 0, 1, 6,
      "expected the end of the line, found the control character U+000D", LEKH_ERROR_TOML_SYNTAX },
    { "s = \"abc\ndef\"", 0, 1, 9, "the string is not closed before the end of the line",
      LEKH_ERROR_TOML_SYNTAX },
    { "a = { b = 1, }", 0, 1, 12, "an inline table cannot end with a comma",
      LEKH_ERROR_TOML_SYNTAX },
    { "a = {\n}", 0, 1, 6, "an inline table must stay on one line", LEKH_ERROR_TOML_SYNTAX },
    { "a = {b = 1}\n[a]", 0, 2, 2, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "a = {b = {}}\na.b.c = 1", 0, 2, 1, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "[a]\n[a]\n", 0, 2, 2, "the table “a” is defined twice", LEKH_ERROR_TOML_SYNTAX },
    { "a.b = 1\n[a]\n", 0, 2, 2, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "a = []\n[[a]]\n", 0, 2, 3, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "[a.b.c]\n[a]\nb.c.d = 1", 0, 3, 3, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "[a]\nb.c = 1\n[a.b]", 0, 3, 2, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "a.b = 1\na.b.c = 2", 0, 2, 3, "“a.b” is already an integer, it cannot also be a table",
      LEKH_ERROR_TOML_SYNTAX },
    { "a = 1 2", 0, 1, 7, "expected the end of the line, found “2”", LEKH_ERROR_TOML_SYNTAX },
    { "a = [1 2]", 0, 1, 8, NULL, LEKH_ERROR_TOML_SYNTAX },
    { "a = tru", 0, 1, 5, "expected a value, found “t”", LEKH_ERROR_TOML_SYNTAX },
    { "a = \"\"\"abc", 0, 1, 5, "this multi-line string is never closed",
      LEKH_ERROR_TOML_SYNTAX },
    { "शीर्षक = 1", 0, 1, 1, "expected a key, a [table] or a comment, found “श”",
      LEKH_ERROR_TOML_SYNTAX },
    { "\"a very long key, long enough that the message must shorten it to stay readable\" = 1\n"
      "\"a very long key, long enough that the message must shorten it to stay readable\" = 2\n",
      0, 2, 1, "a key is defined twice: “a very long key, long enough that the message must shorten "
      "i…”", LEKH_ERROR_TOML_SYNTAX },
    { "k = 'नमस्ते' x", 0, 1, 14, "expected the end of the line, found “x”",
      LEKH_ERROR_TOML_SYNTAX },
  };

  for (guint n = 0; n < G_N_ELEMENTS (cases); n++)
    {
      gsize len = cases[n].len ? cases[n].len : strlen (cases[n].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(LekhTomlDocument) doc = NULL;
      guint line = 0, column = 0;

      g_autofree char *escaped = g_strescape (cases[n].text, NULL);

      g_test_message ("case %u: %s", n, escaped);
      doc = lekh_toml_parse_range (cases[n].text, 0, len, 1, &line, &column, &error);
      g_assert_null (doc);
      g_assert_error (error, LEKH_ERROR, cases[n].code);
      check_error (cases[n].text, len, error, line, column);
      g_assert_cmpuint (line, ==, cases[n].line);
      g_assert_cmpuint (column, ==, cases[n].column);
      if (cases[n].message != NULL)
        {
          g_autofree char *expected = g_strdup_printf ("Line %u, column %u: %s", line, column,
                                                       cases[n].message);

          g_assert_cmpstr (error->message, ==, expected);
        }
    }
}

/* Limits */

static void
test_depth (void)
{
  for (guint levels = 254; levels <= 257; levels++)
    {
      g_autoptr(GString) arrays = g_string_new ("a = ");
      g_autoptr(GString) keys = g_string_new ("k");
      g_autoptr(GString) header = g_string_new ("[k");
      g_autoptr(GError) error = NULL;
      g_autoptr(LekhTomlDocument) doc = NULL;
      gboolean fits = levels <= LEKH_TOML_MAX_DEPTH;

      /* a's value sits at depth 1, so LEVELS nested arrays reach depth LEVELS */
      for (guint i = 0; i < levels; i++)
        g_string_append_c (arrays, '[');
      for (guint i = 0; i < levels; i++)
        g_string_append_c (arrays, ']');
      doc = lekh_toml_parse (arrays->str, arrays->len, &error);
      g_assert_true ((doc != NULL) == fits);
      if (!fits)
        g_assert_error (error, LEKH_ERROR, LEKH_ERROR_LIMIT);
      g_clear_pointer (&doc, lekh_toml_document_free);
      g_clear_error (&error);

      for (guint i = 1; i < levels; i++)
        g_string_append (keys, ".k");
      g_string_append (keys, " = 1");
      doc = lekh_toml_parse (keys->str, keys->len, &error);
      g_assert_true ((doc != NULL) == fits);
      if (!fits)
        g_assert_error (error, LEKH_ERROR, LEKH_ERROR_LIMIT);
      g_clear_pointer (&doc, lekh_toml_document_free);
      g_clear_error (&error);

      /* the header's table at depth LEVELS, then x and y below it */
      for (guint i = 1; i < levels; i++)
        g_string_append (header, ".k");
      g_string_append (header, "]\nx = {y = 1}");
      doc = lekh_toml_parse (header->str, header->len, &error);
      g_assert_true ((doc != NULL) == (levels + 2 <= LEKH_TOML_MAX_DEPTH));
      if (doc == NULL)
        g_assert_error (error, LEKH_ERROR, LEKH_ERROR_LIMIT);
      else
        check_document (header->str, header->len, doc);
    }
}

/* Linear time: a quadratic step anywhere (key look-ups, line and column counting on one
 * long line) would take minutes here, past the test's timeout. */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhTomlDocument) doc = NULL;
  const LekhNode *root, *array;
  const guint n_keys = 200000, n_items = 400000;
  gint64 value;

  for (guint i = 0; i < n_keys; i++)
    g_string_append_printf (text, "k%u = %u\n", i, i);
  g_string_append (text, "array = [");
  for (guint i = 0; i < n_items; i++)
    g_string_append (text, i > 0 ? ", 'é'" : "'é'");
  g_string_append (text, "]\n");

  doc = lekh_toml_parse (text->str, text->len, &error);
  g_assert_no_error (error);
  root = lekh_toml_document_get_root (doc);
  g_assert_cmpuint (lekh_node_get_n_items (root), ==, n_keys + 1);
  g_assert_true (lekh_node_get_int (lekh_node_lookup (root, "k199999"), &value));
  g_assert_cmpint (value, ==, 199999);
  array = lekh_node_lookup (root, "array");
  g_assert_cmpuint (lekh_node_get_n_items (array), ==, n_items);
  g_assert_cmpuint (lekh_node_get_item (array, n_items - 1)->span.line, ==, n_keys + 1);
  g_assert_cmpuint (lekh_node_get_item (array, n_items - 1)->span.column, ==,
                    strlen ("array = [") + 1 + (n_items - 1) * 5);
  g_clear_pointer (&doc, lekh_toml_document_free);

  /* a key defined twice among many is still found */
  g_string_append (text, "k123456 = 0\n");
  doc = lekh_toml_parse (text->str, text->len, &error);
  g_assert_null (doc);
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_TOML_SYNTAX);
  g_assert_nonnull (strstr (error->message, "a key is defined twice: “k123456”"));
}

/* Inputs the fuzzer (fuzz/fuzz-toml.c) or the differential run against Python's tomllib
 * turned up, kept raw in fuzz/regressions/fuzz-toml/: each must still give a sound tree
 * or a sound error. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "regressions",
                                                "fuzz-toml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) parse_error = NULL;
      g_autoptr(LekhTomlDocument) doc = NULL;
      guint line = 0, column = 0;
      gsize len;

      g_file_get_contents (path, &text, &len, &error);
      g_assert_no_error (error);
      doc = lekh_toml_parse_range (text, 0, len, 1, &line, &column, &parse_error);
      if (doc != NULL)
        check_document (text, len, doc);
      else
        check_error (text, len, parse_error, line, column);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* toml-test */

static char *
suite_dir (void)
{
  const char *shared = g_getenv ("LEKH_SHARED_DIR");
  g_autofree char *dir = NULL;

  if (shared == NULL)
    return NULL;
  dir = g_build_filename (shared, "specs", "toml-test", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&dir);
}

static char *
read_case (const char *dir,
           const char *name,
           gsize      *len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

/* Returns NULL when the case passes, or why not. */
static char *
run_valid_case (const char *dir,
                const char *name)
{
  g_autofree char *json_name = g_strdup_printf ("%.*s.json", (int) strlen (name) - 5, name);
  g_autofree char *expected_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(LekhTomlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) path = g_string_new ("");
  g_autoptr(GString) why = g_string_new (NULL);
  g_autoptr(Json) got = NULL;
  g_autoptr(Json) want = NULL;
  gsize len, expected_len, skip = 0;

  text = read_case (dir, name, &len);
  expected_text = read_case (dir, json_name, &expected_len);
  want = json_parse (expected_text);
  g_assert_nonnull (want);

  /* the byte-order mark is the caller's business */
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  doc = lekh_toml_parse (text + skip, len - skip, &error);
  if (doc == NULL)
    return g_strdup (error->message);
  check_document (text + skip, len - skip, doc);

  to_typed_json (lekh_toml_document_get_root (doc), out);
  got = json_parse (out->str);
  g_assert_nonnull (got);
  if (!json_equal (got, want, path, why))
    return g_strdup (why->str);
  return NULL;
}

static gboolean
run_invalid_case (const char *dir,
                  const char *name)
{
  g_autofree char *text = NULL;
  g_autoptr(LekhTomlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;
  gsize len;

  text = read_case (dir, name, &len);
  doc = lekh_toml_parse_range (text, 0, len, 1, &line, &column, &error);
  if (doc != NULL)
    {
      check_document (text, len, doc);
      return FALSE;
    }
  check_error (text, len, error, line, column);
  return TRUE;
}

static void
test_conformance (void)
{
  g_autofree char *dir = suite_dir ();
  g_autofree char *list_text = NULL;
  g_auto(GStrv) names = NULL;
  guint valid = 0, valid_passed = 0, invalid = 0, invalid_refused = 0;

  if (dir == NULL)
    {
      g_test_skip ("../shared/specs/toml-test is absent: set LEKH_SHARED_DIR to the shared folder");
      return;
    }

  list_text = read_case (dir, "files-toml-1.0.0", NULL);
  names = g_strsplit (list_text, "\n", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];

      if (!g_str_has_suffix (name, ".toml"))
        continue;
      if (g_str_has_prefix (name, "valid/"))
        {
          g_autofree char *why = run_valid_case (dir, name);

          valid++;
          if (why == NULL)
            valid_passed++;
          else
            g_test_message ("valid case not read right: %s: %s", name, why);
        }
      else if (g_str_has_prefix (name, "invalid/"))
        {
          invalid++;
          if (run_invalid_case (dir, name))
            invalid_refused++;
          else
            g_test_message ("invalid case accepted: %s", name);
        }
    }

  g_test_message ("toml-test 1.0.0: valid parsed correctly %u/%u, invalid refused %u/%u",
                  valid_passed, valid, invalid_refused, invalid);
  g_assert_cmpuint (valid, >, 0);
  g_assert_cmpuint (invalid, >, 0);
  g_assert_cmpuint (valid_passed, >=, VALID_FLOOR);
  g_assert_cmpuint (invalid_refused, >=, INVALID_FLOOR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/toml/conformance", test_conformance);
  g_test_add_func ("/toml/spans/devanagari", test_spans_devanagari);
  g_test_add_func ("/toml/spans/crlf", test_spans_crlf);
  g_test_add_func ("/toml/spans/array-of-tables", test_spans_array_of_tables);
  g_test_add_func ("/toml/values", test_values);
  g_test_add_func ("/toml/errors", test_errors);
  g_test_add_func ("/toml/depth", test_depth);
  g_test_add_func ("/toml/large", test_large);
  g_test_add_func ("/toml/fuzz-regressions", test_fuzz_regressions);

  return g_test_run ();
}
