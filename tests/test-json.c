/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-json.h"

static char *
to_json (const LekhNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (lekh_node_to_json (node, out, NULL));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const char *text;
  const char *json;     /* lekh_node_to_json() of the root */
} ValidCase;

static const ValidCase valid_cases[] = {
  { "{}", "{}" },
  { " \t\r\n[ ]\n", "[]" },
  { "{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}}",
    "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}" },
  { "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\\"\\\\/\\b\\f\\n\\r\\t\"" },
  { "\"\\u00e9\\uD83D\\uDE00 नमस्ते\"", "\"é😀 नमस्ते\"" },
  { "[-0, 0.5, 1e3, -1.25E-2, 12345678901234567890]", NULL },
  { "{\"a\": 1, \"a\": 2}", NULL },     /* duplicates are kept, in order */
  { "\"\\u0000\"", NULL },
};

static void
test_json_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *c = &valid_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(LekhJsonDocument) doc = lekh_json_parse (c->text, strlen (c->text), &error);

      g_test_message ("valid %u: %s", i, c->text);
      g_assert_no_error (error);
      g_assert_nonnull (doc);
      if (c->json != NULL)
        {
          g_autofree char *json = to_json (lekh_json_document_get_root (doc));
          g_assert_cmpstr (json, ==, c->json);
        }
    }
}

typedef struct
{
  const char *text;
  guint       line;
  guint       column;
  const char *words;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "", 1, 1, "end of the text" },
  { "{", 1, 2, "key" },
  { "{\"a\": 1,}", 1, 8, "trailing comma" },
  { "[1,]", 1, 3, "trailing comma" },
  { "{\"a\" 1}", 1, 6, "“:”" },
  { "{'a': 1}", 1, 2, "double quotes" },
  { "{a: 1}", 1, 2, "double quotes" },
  { "[01]", 1, 2, "zero" },
  { "[+1]", 1, 2, "value" },
  { "[1.]", 1, 4, "decimal point" },
  { "[.5]", 1, 2, "value" },
  { "[1e]", 1, 4, "exponent" },
  { "[NaN]", 1, 2, "value" },
  { "[True]", 1, 2, "value" },
  { "\"a\nb\"", 1, 3, "control character" },
  { "\"a\tb\"", 1, 3, "control character" },
  { "\"\\x41\"", 1, 2, "escape" },
  /* JSON white space: a CR alone is named a line break (TOML names it U+000D). */
  { "\"\\\r\"", 1, 2, "escape “\\” followed by a line break" },
  { "\"\\u12\"", 1, 2, "four hexadecimal" },
  { "\"\\uD800\"", 1, 2, "surrogate" },
  { "\"\\uDC00\\uD800\"", 1, 2, "surrogate" },
  { "\"open", 1, 1, "not closed" },
  { "{} {}", 1, 4, "end of the JSON" },
  { "{}\n// comment", 2, 1, "end of the JSON" },
  { "{\n  \"a\": [\n    1\n    2\n  ]\n}", 4, 5, "“,” or “]”" },
  { "[\"caf\xe9\"]", 1, 6, "UTF-8" },
  { "\xef\xbb\xbf{}", 1, 1, "value" },
  { "[\"é\", x]", 1, 7, "value" },
};

static void
test_json_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autoptr(GError) error = NULL;
      guint line = 0, column = 0;
      g_autoptr(LekhJsonDocument) doc = lekh_json_parse_range (c->text, 0, strlen (c->text), 1,
                                                               &line, &column, &error);
      g_autofree char *prefix = g_strdup_printf ("Line %u, column %u: ", c->line, c->column);

      g_test_message ("invalid %u: %s -> %s", i, c->text, error ? error->message : "(none)");
      g_assert_null (doc);
      g_assert_nonnull (error);
      g_assert_cmpuint (line, ==, c->line);
      g_assert_cmpuint (column, ==, c->column);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, c->words));
    }
}

static void
test_json_spans_and_types (void)
{
  static const char text[] = "xx\n{\n  \"t\": \"नम\",\n  \"n\": -1.5e2, \"i\": 42,\n  \"l\": [true, null]\n}";
  gsize start = 3;
  g_autoptr(LekhJsonDocument) doc = lekh_json_parse_range (text, start, sizeof text - 1, 2,
                                                           NULL, NULL, NULL);
  const LekhNode *root, *t, *n, *i, *l;
  gint64 v;

  g_assert_nonnull (doc);
  root = lekh_json_document_get_root (doc);
  g_assert_cmpint (root->kind, ==, LEKH_NODE_MAPPING);
  g_assert_cmpint (root->style, ==, LEKH_STYLE_FLOW);
  g_assert_cmpuint (root->span.start, ==, start);
  g_assert_cmpuint (root->span.end, ==, sizeof text - 1);
  g_assert_cmpuint (root->span.line, ==, 2);

  t = lekh_node_lookup (root, "t");
  g_assert_cmpint (lekh_node_get_value_type (t), ==, LEKH_VALUE_STRING);
  g_assert_cmpstr (lekh_node_get_string (t), ==, "नम");
  g_assert_cmpuint (t->span.line, ==, 3);
  g_assert_cmpuint (t->span.column, ==, 8);
  g_assert_cmpmem (text + t->span.start, t->span.end - t->span.start, "\"नम\"", strlen ("\"नम\""));

  n = lekh_node_lookup (root, "n");
  g_assert_cmpint (lekh_node_get_value_type (n), ==, LEKH_VALUE_FLOAT);
  i = lekh_node_lookup (root, "i");
  g_assert_cmpint (lekh_node_get_value_type (i), ==, LEKH_VALUE_INT);
  g_assert_true (lekh_node_get_int (i, &v));
  g_assert_cmpint (v, ==, 42);
  g_assert_cmpuint (i->span.line, ==, 4);
  g_assert_cmpuint (i->span.column, ==, 21);

  l = lekh_node_lookup (root, "l");
  g_assert_cmpuint (lekh_node_get_n_items (l), ==, 2);
  g_assert_cmpint (lekh_node_get_value_type (lekh_node_get_item (l, 0)), ==, LEKH_VALUE_BOOL);
  g_assert_cmpint (lekh_node_get_value_type (lekh_node_get_item (l, 1)), ==, LEKH_VALUE_NULL);
}

static void
test_json_nul_in_string (void)
{
  static const char text[] = "{\"a\\u0000b\": \"x\\u0000y\"}";
  g_autoptr(LekhJsonDocument) doc = lekh_json_parse (text, sizeof text - 1, NULL);
  const LekhNode *root = lekh_json_document_get_root (doc);
  const LekhNode *key = g_ptr_array_index (root->children, 0);
  const LekhNode *value = g_ptr_array_index (root->children, 1);

  g_assert_cmpuint (key->scalar_len, ==, 3);
  g_assert_cmpmem (value->scalar, value->scalar_len, "x\0y", 3);
}

static void
test_json_depth_limit (void)
{
  g_autoptr(GString) ok = g_string_new (NULL);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhJsonDocument) ok_doc = NULL;
  g_autoptr(LekhJsonDocument) deep_doc = NULL;

  for (guint i = 0; i < LEKH_JSON_MAX_DEPTH; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < LEKH_JSON_MAX_DEPTH; i++)
    g_string_append_c (ok, ']');
  ok_doc = lekh_json_parse (ok->str, ok->len, NULL);
  g_assert_nonnull (ok_doc);

  /* a million brackets: refused at the limit, without a deep recursion */
  for (guint i = 0; i < 1000000; i++)
    g_string_append (deep, "{\"a\":[");
  deep_doc = lekh_json_parse (deep->str, deep->len, &error);
  g_assert_null (deep_doc);
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_LIMIT);
}

static void
test_json_quote_string (void)
{
  static const char value[] = "a\"b\\c\n\x01/é";
  g_autofree char *quoted = lekh_json_quote_string (value, sizeof value - 1);
  g_autoptr(LekhJsonDocument) doc = lekh_json_parse (quoted, strlen (quoted), NULL);

  g_assert_cmpstr (quoted, ==, "\"a\\\"b\\\\c\\n\\u0001/é\"");
  g_assert_cmpstr (lekh_node_get_string (lekh_json_document_get_root (doc)), ==, value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/valid", test_json_valid);
  g_test_add_func ("/json/invalid", test_json_invalid);
  g_test_add_func ("/json/spans-and-types", test_json_spans_and_types);
  g_test_add_func ("/json/nul-in-string", test_json_nul_in_string);
  g_test_add_func ("/json/depth-limit", test_json_depth_limit);
  g_test_add_func ("/json/quote-string", test_json_quote_string);

  return g_test_run ();
}
