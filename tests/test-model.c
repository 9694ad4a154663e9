/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-article.h"

static char *
span_text (LekhArticle    *article,
           const LekhSpan *span)
{
  const char *text = lekh_article_get_text (article, NULL);
  return g_strndup (text + span->start, span->end - span->start);
}

static void
test_model_spans_devanagari (void)
{
  const char *text =
    "---\n"
    "शीर्षक: \"नमस्ते दुनिया\"   # टिप्पणी\n"
    "title: नमस्ते\n"
    "tags: [हिंदी, लेख]\n"
    "---\n";
  g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
  const LekhEntry *entry;
  g_autofree char *key = NULL, *value = NULL, *title = NULL, *tags = NULL;

  g_assert_null (lekh_article_get_error (article));
  g_assert_cmpuint (lekh_article_get_n_entries (article), ==, 3);

  entry = lekh_article_get_entry (article, 0);
  key = span_text (article, &entry->key_span);
  value = span_text (article, &entry->value->span);
  g_assert_cmpstr (entry->key, ==, "शीर्षक");
  g_assert_cmpstr (key, ==, "शीर्षक");
  g_assert_cmpstr (value, ==, "\"नमस्ते दुनिया\"");
  g_assert_cmpstr (lekh_node_get_string (entry->value), ==, "नमस्ते दुनिया");
  g_assert_cmpint (entry->value->style, ==, LEKH_STYLE_DOUBLE_QUOTED);
  g_assert_cmpuint (entry->key_span.line, ==, 2);
  g_assert_cmpuint (entry->key_span.column, ==, 1);
  /* Column counts characters: "शीर्षक: " is 8 characters. */
  g_assert_cmpuint (entry->value->span.column, ==, 9);

  entry = lekh_article_lookup (article, "title");
  title = span_text (article, &entry->value->span);
  g_assert_cmpstr (title, ==, "नमस्ते");
  g_assert_cmpuint (entry->value->span.line, ==, 3);

  entry = lekh_article_lookup (article, "tags");
  tags = span_text (article, &entry->value->span);
  g_assert_cmpstr (tags, ==, "[हिंदी, लेख]");
  g_assert_cmpint (entry->value->style, ==, LEKH_STYLE_FLOW);
  {
    g_autofree char *item = span_text (article, &lekh_node_get_item (entry->value, 1)->span);
    g_assert_cmpstr (item, ==, "लेख");
    g_assert_cmpuint (lekh_node_get_item (entry->value, 1)->span.column, ==, 15);
  }
}

typedef struct
{
  const char    *yaml;
  LekhValueType  type;
} TypeCase;

static const TypeCase type_cases[] = {
  { "v: hello", LEKH_VALUE_STRING },
  { "v: 'true'", LEKH_VALUE_STRING },
  { "v: \"123\"", LEKH_VALUE_STRING },
  { "v: !!str 123", LEKH_VALUE_STRING },
  { "v: true", LEKH_VALUE_BOOL },
  { "v: False", LEKH_VALUE_BOOL },
  { "v: yes", LEKH_VALUE_STRING },   /* YAML 1.2: a string */
  { "v: 42", LEKH_VALUE_INT },
  { "v: -7", LEKH_VALUE_INT },
  { "v: 0x1F", LEKH_VALUE_INT },
  { "v: 0o17", LEKH_VALUE_INT },
  { "v: 3.25", LEKH_VALUE_FLOAT },
  { "v: 1e3", LEKH_VALUE_FLOAT },
  { "v: .inf", LEKH_VALUE_FLOAT },
  { "v: 2024-01-31", LEKH_VALUE_TIMESTAMP },
  { "v: 2024-01-31T10:20:30Z", LEKH_VALUE_TIMESTAMP },
  { "v: 2024-01-31 10:20:30 +05:30", LEKH_VALUE_TIMESTAMP },
  { "v: 2024-1-31", LEKH_VALUE_STRING },
  { "v: ~", LEKH_VALUE_NULL },
  { "v: null", LEKH_VALUE_NULL },
  { "v:", LEKH_VALUE_NULL },
  { "v: [a]", LEKH_VALUE_SEQUENCE },
  { "v:\n  - a", LEKH_VALUE_SEQUENCE },
  { "v:\n  a: 1", LEKH_VALUE_MAPPING },
  { "v: |\n  text\n", LEKH_VALUE_STRING },
};

static void
test_model_types (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\n%s\n---\n", type_cases[i].yaml);
      g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
      LekhValueType type;

      g_assert_null (lekh_article_get_error (article));
      type = lekh_node_get_value_type (lekh_article_get_value (article, "v"));
      if (type != type_cases[i].type)
        g_error ("%s: read as %s, expected %s", type_cases[i].yaml,
                 lekh_value_type_to_string (type), lekh_value_type_to_string (type_cases[i].type));
    }
}

static void
test_model_typed_values (void)
{
  g_autoptr(LekhArticle) article = lekh_article_new (
    "---\nn: 0x10\nf: 2.5\nb: true\nl: [a, 'b', \"c\"]\nm: {x: 1}\n---\n", -1);
  gint64 i;
  double d;
  gboolean b;
  g_auto(GStrv) list = NULL;

  g_assert_true (lekh_node_get_int (lekh_article_get_value (article, "n"), &i));
  g_assert_cmpint (i, ==, 16);
  g_assert_true (lekh_node_get_double (lekh_article_get_value (article, "f"), &d));
  g_assert_cmpfloat (d, ==, 2.5);
  g_assert_true (lekh_node_get_boolean (lekh_article_get_value (article, "b"), &b));
  g_assert_true (b);
  list = lekh_node_dup_string_list (lekh_article_get_value (article, "l"));
  g_assert_cmpstrv (list, ((const char *[]) { "a", "b", "c", NULL }));
  g_assert_null (lekh_node_dup_string_list (lekh_article_get_value (article, "m")));
  g_assert_nonnull (lekh_node_lookup (lekh_article_get_value (article, "m"), "x"));
  g_assert_false (lekh_node_get_int (lekh_article_get_value (article, "f"), NULL));
}

/* An integer beyond 64 bits is an integer the reader cannot hold: it is never reported
 * as a clamped one (12345678901234567890 once read as 9223372036854775807). */
static void
test_model_big_integers (void)
{
  g_autoptr(LekhArticle) article = lekh_article_new (
    "---\nr: 12345678901234567890\nn: -000123456789012345678901\nh: 0x1FFFFFFFFFFFFFFFF\n"
    "max: 9223372036854775807\nmin: -9223372036854775808\nhmax: 0x7FFFFFFFFFFFFFFF\n"
    "l: [18446744073709551616, 1]\n---\n", -1);
  g_autofree char *json = NULL;
  gint64 i = 42;
  double d;

  g_assert_null (lekh_article_get_error (article));
  g_assert_cmpint (lekh_node_get_value_type (lekh_article_get_value (article, "r")), ==, LEKH_VALUE_INT);
  g_assert_false (lekh_node_get_int (lekh_article_get_value (article, "r"), &i));
  g_assert_cmpint (i, ==, 42);
  g_assert_false (lekh_node_get_int (lekh_article_get_value (article, "n"), NULL));
  g_assert_false (lekh_node_get_int (lekh_article_get_value (article, "h"), NULL));
  g_assert_true (lekh_node_get_int (lekh_article_get_value (article, "max"), &i));
  g_assert_cmpint (i, ==, G_MAXINT64);
  g_assert_true (lekh_node_get_int (lekh_article_get_value (article, "min"), &i));
  g_assert_cmpint (i, ==, G_MININT64);
  g_assert_true (lekh_node_get_int (lekh_article_get_value (article, "hmax"), &i));
  g_assert_cmpint (i, ==, G_MAXINT64);
  g_assert_cmpstr (lekh_node_get_string (lekh_article_get_value (article, "r")), ==, "12345678901234567890");

  /* A double is an approximation by nature, but of the right number. */
  g_assert_true (lekh_node_get_double (lekh_article_get_value (article, "r"), &d));
  g_assert_cmpfloat_with_epsilon (d, 12345678901234567890.0, 1e4);
  g_assert_true (lekh_node_get_double (lekh_article_get_value (article, "h"), &d));
  g_assert_cmpfloat_with_epsilon (d, 36893488147419103231.0, 1e5);

  /* JSON: a decimal one as its digits (no '+', no leading zeros), a hex one as text. */
  json = lekh_article_to_json (article, NULL, NULL);
  g_assert_cmpstr (json, ==,
                   "{\"r\":12345678901234567890,\"n\":-123456789012345678901,"
                   "\"h\":\"0x1FFFFFFFFFFFFFFFF\",\"max\":9223372036854775807,"
                   "\"min\":-9223372036854775808,\"hmax\":9223372036854775807,"
                   "\"l\":[18446744073709551616,1]}");
}

static void
test_model_entry_spans (void)
{
  const char *text =
    "---\n"
    "# leading comment\n"
    "tags:\n"
    "  - a\n"
    "  - b\n"
    "  # - c (disabled)\n"
    "# belongs to next\n"
    "desc: |\n"
    "  line one\n"
    "  line two\n"
    "\n"
    "empty:\n"
    "author:\n"
    "  name: X\n"
    "  url: y\n"
    "---\n"
    "body\n";
  g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
  const LekhEntry *entry;
  g_autofree char *tags = NULL, *desc = NULL, *empty = NULL, *author = NULL, *tags_value = NULL;

  g_assert_null (lekh_article_get_error (article));
  g_assert_cmpuint (lekh_article_get_n_entries (article), ==, 4);

  entry = lekh_article_lookup (article, "tags");
  tags = span_text (article, &entry->entry_span);
  g_assert_cmpstr (tags, ==, "tags:\n  - a\n  - b\n  # - c (disabled)\n");
  tags_value = span_text (article, &entry->value->span);
  g_assert_cmpstr (tags_value, ==, "- a\n  - b");
  g_assert_cmpint (entry->value->style, ==, LEKH_STYLE_BLOCK);

  entry = lekh_article_lookup (article, "desc");
  desc = span_text (article, &entry->entry_span);
  g_assert_cmpstr (desc, ==, "desc: |\n  line one\n  line two\n");
  g_assert_cmpstr (lekh_node_get_string (entry->value), ==, "line one\nline two\n");

  entry = lekh_article_lookup (article, "empty");
  empty = span_text (article, &entry->entry_span);
  g_assert_cmpstr (empty, ==, "empty:\n");
  g_assert_cmpuint (entry->value->span.start, ==, entry->colon + 1);
  g_assert_cmpuint (entry->value->span.line, ==, 12);
  g_assert_cmpint (lekh_node_get_value_type (entry->value), ==, LEKH_VALUE_NULL);

  entry = lekh_article_lookup (article, "author");
  author = span_text (article, &entry->entry_span);
  g_assert_cmpstr (author, ==, "author:\n  name: X\n  url: y\n");
}

static void
test_model_duplicates_kept (void)
{
  g_autoptr(LekhArticle) article = lekh_article_new ("---\ntag: a\ntag: b\n---\n", -1);

  g_assert_null (lekh_article_get_error (article));
  g_assert_cmpuint (lekh_article_get_n_entries (article), ==, 2);
  g_assert_cmpstr (lekh_node_get_string (lekh_article_get_value (article, "tag")), ==, "a");
  g_assert_cmpuint (lekh_article_get_entry (article, 1)->key_span.line, ==, 3);
}

typedef struct
{
  const char *text;
  gint        code;
  guint       line;
  guint       column;
  const char *words;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "---\ntitle: [a, b\n---\n", LEKH_ERROR_YAML_SYNTAX, 3, 1, "flow sequence" },
  { "---\ntitle: ok\n  bad: indent\n---\n", LEKH_ERROR_YAML_SYNTAX, 3, 6, "mapping values" },
  { "---\na: \"unclosed\n---\n", LEKH_ERROR_YAML_SYNTAX, 3, 1, "quoted scalar" },
  { "---\n- just\n- a list\n---\n", LEKH_ERROR_NOT_EDITABLE, 2, 1, "key: value" },
  { "---\nplain text\n---\n", LEKH_ERROR_NOT_EDITABLE, 2, 1, "key: value" },
  { "---\na: *nowhere\n---\n", LEKH_ERROR_YAML_SYNTAX, 2, 4, "nowhere" },
  { "---\nशीर्षक: [क, ख\n---\n", LEKH_ERROR_YAML_SYNTAX, 3, 1, "flow sequence" },
  { "---\n\ta: 1\n---\n", LEKH_ERROR_YAML_SYNTAX, 2, 1, "tab" },
};

static void
test_model_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autoptr(LekhArticle) article = lekh_article_new (c->text, -1);
      const GError *error = lekh_article_get_error (article);

      g_test_message ("case %u: %s", i, c->text);
      g_assert_nonnull (error);
      g_assert_error (error, LEKH_ERROR, c->code);
      g_assert_cmpuint (lekh_article_get_error_line (article), ==, c->line);
      g_assert_cmpuint (lekh_article_get_error_column (article), ==, c->column);
      if (strstr (error->message, c->words) == NULL)
        g_error ("case %u: message “%s” does not mention “%s”", i, error->message, c->words);
      g_assert_false (lekh_article_check_editable (article, NULL));
    }
}

static void
test_model_alias_bomb (void)
{
  GString *text = g_string_new ("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
  g_autoptr(LekhArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gint64 start;

  for (int i = 1; i < 12; i++)
    g_string_append_printf (text, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n",
                            i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  g_string_append (text, "title: ok\n---\n");

  start = g_get_monotonic_time ();
  article = lekh_article_new (text->str, text->len);
  g_assert_null (lekh_article_get_error (article));
  g_assert_cmpstr (lekh_node_get_string (lekh_article_get_value (article, "title")), ==, "ok");
  json = lekh_article_to_json (article, NULL, &error);
  g_assert_null (json);
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_LIMIT);
  /* Generous bound: the point is that 10^12 expansions are never attempted. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_string_free (text, TRUE);
}

/* The bound is on nodes written out of aliases only: a long list written out in full is
 * never refused, and aliases used as aliases are used work. */
static void
test_model_json_budget (void)
{
  GString *text = g_string_new ("---\nbase: &b [1, 2, 3]\ncopies: [*b, *b, *b]\nmany: [");
  g_autoptr(LekhArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  for (guint i = 0; i < 150000; i++)
    g_string_append_printf (text, "%s%u", i ? ", " : "", i);
  g_string_append (text, "]\n---\n");
  article = lekh_article_new (text->str, text->len);
  g_assert_null (lekh_article_get_error (article));
  json = lekh_article_to_json (article, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"copies\":[[1,2,3],[1,2,3],[1,2,3]]"));
  g_assert_nonnull (strstr (json, ",149998,149999]"));
  g_string_free (text, TRUE);
}

static void
test_model_deep_nesting (void)
{
  GString *text = g_string_new ("---\na: ");
  g_autoptr(LekhArticle) article = NULL;

  for (int i = 0; i < 10000; i++)
    g_string_append_c (text, '[');
  for (int i = 0; i < 10000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "\n---\n");

  article = lekh_article_new (text->str, text->len);
  g_assert_error (lekh_article_get_error (article), LEKH_ERROR, LEKH_ERROR_LIMIT);
  g_assert_cmpuint (lekh_article_get_error_line (article), ==, 2);
  g_string_free (text, TRUE);
}

static void
test_model_json (void)
{
  g_autoptr(LekhArticle) article = lekh_article_new (
    "---\ntitle: \"Quote \\\" and \\\\ and\\ttab\"\nn: 5\nd: 2024-01-02\nx: ~\n"
    "base: &b {k: v}\nref: *b\nहिंदी: हाँ\n---\n", -1);
  g_autofree char *json = lekh_article_to_json (article, NULL, NULL);
  g_autofree char *one = lekh_article_to_json (article, "ref", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *none = lekh_article_to_json (article, "missing", &error);

  g_assert_cmpstr (json, ==,
                   "{\"title\":\"Quote \\\" and \\\\ and\\ttab\",\"n\":5,\"d\":\"2024-01-02\","
                   "\"x\":null,\"base\":{\"k\":\"v\"},\"ref\":{\"k\":\"v\"},\"हिंदी\":\"हाँ\"}");
  g_assert_cmpstr (one, ==, "{\"k\":\"v\"}");
  g_assert_null (none);
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND);
}

static void
test_model_crlf_bom (void)
{
  const char *text = "\xEF\xBB\xBF---\r\ntitle: नमस्ते\r\ntags:\r\n  - a\r\n  - b\r\n---\r\nbody\r\n";
  g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
  const LekhEntry *entry;
  g_autofree char *value = NULL, *tags = NULL;

  g_assert_null (lekh_article_get_error (article));
  g_assert_cmpstr (lekh_article_get_newline (article), ==, "\r\n");
  entry = lekh_article_lookup (article, "title");
  value = span_text (article, &entry->value->span);
  g_assert_cmpstr (value, ==, "नमस्ते");
  g_assert_cmpstr (lekh_node_get_string (entry->value), ==, "नमस्ते");
  entry = lekh_article_lookup (article, "tags");
  tags = span_text (article, &entry->entry_span);
  g_assert_cmpstr (tags, ==, "tags:\r\n  - a\r\n  - b\r\n");
}

static void
test_model_empty_front_matter (void)
{
  g_autoptr(LekhArticle) a = lekh_article_new ("---\n---\nbody", -1);
  g_autoptr(LekhArticle) b = lekh_article_new ("---\n# only a comment\n---\nbody", -1);

  g_assert_null (lekh_article_get_error (a));
  g_assert_null (lekh_article_get_error (b));
  g_assert_cmpuint (lekh_article_get_n_entries (a), ==, 0);
  g_assert_cmpuint (lekh_article_get_n_entries (b), ==, 0);
  g_assert_true (lekh_article_check_editable (b, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/spans-devanagari", test_model_spans_devanagari);
  g_test_add_func ("/model/types", test_model_types);
  g_test_add_func ("/model/typed-values", test_model_typed_values);
  g_test_add_func ("/model/big-integers", test_model_big_integers);
  g_test_add_func ("/model/entry-spans", test_model_entry_spans);
  g_test_add_func ("/model/duplicates-kept", test_model_duplicates_kept);
  g_test_add_func ("/model/errors", test_model_errors);
  g_test_add_func ("/model/alias-bomb", test_model_alias_bomb);
  g_test_add_func ("/model/json-budget", test_model_json_budget);
  g_test_add_func ("/model/deep-nesting", test_model_deep_nesting);
  g_test_add_func ("/model/json", test_model_json);
  g_test_add_func ("/model/crlf-bom", test_model_crlf_bom);
  g_test_add_func ("/model/empty-front-matter", test_model_empty_front_matter);

  return g_test_run ();
}
