/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-article.h"

typedef struct
{
  const char           *name;
  const char           *text;
  LekhFrontMatterFormat format;
  const char           *front;    /* expected yaml_start..yaml_end */
  const char           *body;
  guint                 bom_len;
  gboolean              crlf;
  guint                 body_line;
} SplitCase;

static const SplitCase split_cases[] = {
  { "plain", "---\ntitle: A\n---\nbody\n", LEKH_FRONT_MATTER_YAML, "title: A\n", "body\n", 0, FALSE, 4 },
  { "dots-close", "---\na: 1\n...\nbody", LEKH_FRONT_MATTER_YAML, "a: 1\n", "body", 0, FALSE, 4 },
  { "empty", "---\n---\nbody", LEKH_FRONT_MATTER_YAML, "", "body", 0, FALSE, 3 },
  { "no-body", "---\na: 1\n---", LEKH_FRONT_MATTER_YAML, "a: 1\n", "", 0, FALSE, 3 },
  { "trailing-blanks", "--- \t\na: 1\n---  \nx", LEKH_FRONT_MATTER_YAML, "a: 1\n", "x", 0, FALSE, 4 },
  { "crlf", "---\r\na: 1\r\n---\r\nbody\r\n", LEKH_FRONT_MATTER_YAML, "a: 1\r\n", "body\r\n", 0, TRUE, 4 },
  { "bom", "\xEF\xBB\xBF---\na: 1\n---\nb", LEKH_FRONT_MATTER_YAML, "a: 1\n", "b", 3, FALSE, 4 },
  { "later-rule-is-body", "---\na: 1\n---\ntext\n\n---\n\nmore\n", LEKH_FRONT_MATTER_YAML, "a: 1\n",
    "text\n\n---\n\nmore\n", 0, FALSE, 4 },
  { "none", "# Title\n\n---\n", LEKH_FRONT_MATTER_NONE, "", "# Title\n\n---\n", 0, FALSE, 1 },
  { "none-bom", "\xEF\xBB\xBFHello", LEKH_FRONT_MATTER_NONE, "", "Hello", 3, FALSE, 1 },
  { "toml", "+++\ntitle = \"A\"\n+++\nbody", LEKH_FRONT_MATTER_TOML, "title = \"A\"\n", "body", 0, FALSE, 4 },
  { "json", "{\n  \"title\": \"A\"\n}\nbody", LEKH_FRONT_MATTER_JSON, "{\n  \"title\": \"A\"\n}\n", "body", 0, FALSE, 4 },
  /* JSON ends at the brace that closes the first one, as Hugo's lexer counts them. */
  { "json-nested-brace-line", "{\n  \"a\": {\n\"b\": \"}\"\n}\n}\nbody", LEKH_FRONT_MATTER_JSON,
    "{\n  \"a\": {\n\"b\": \"}\"\n}\n}\n", "body", 0, FALSE, 6 },
  { "json-crlf", "{\r\n\"a\": 1\r\n}\r\nbody", LEKH_FRONT_MATTER_JSON, "{\r\n\"a\": 1\r\n}\r\n",
    "body", 0, TRUE, 4 },
  { "unclosed-json-is-body", "{\n\"a\": 1\nbody", LEKH_FRONT_MATTER_NONE, "", "{\n\"a\": 1\nbody",
    0, FALSE, 1 },
  { "json-brace-then-text-is-body", "{\n\"a\": 1\n} x\nbody", LEKH_FRONT_MATTER_NONE, "",
    "{\n\"a\": 1\n} x\nbody", 0, FALSE, 1 },
  { "json-fence", "---json\n{\"title\": \"A\"}\n---\nbody", LEKH_FRONT_MATTER_JSON,
    "{\"title\": \"A\"}\n", "body", 0, FALSE, 4 },
  { "unclosed-toml-is-body", "+++\nbody", LEKH_FRONT_MATTER_NONE, "", "+++\nbody", 0, FALSE, 1 },
  { "not-a-delimiter", "----\na: 1\n---\n", LEKH_FRONT_MATTER_NONE, "", "----\na: 1\n---\n", 0, FALSE, 1 },
  { "hindi", "---\nशीर्षक: नमस्ते\n---\nलेख\n", LEKH_FRONT_MATTER_YAML, "शीर्षक: नमस्ते\n", "लेख\n", 0, FALSE, 4 },
};

static void
test_split_case (gconstpointer data)
{
  const SplitCase *c = data;
  g_autoptr(LekhArticle) article = lekh_article_new (c->text, -1);
  const LekhSplit *split = lekh_article_get_split (article);
  const char *text = lekh_article_get_text (article, NULL);
  g_autofree char *front = g_strndup (text + split->yaml_start, split->yaml_end - split->yaml_start);
  const char *body = lekh_article_get_body (article, NULL);

  g_assert_null (lekh_article_get_error (article));
  g_assert_cmpint (split->format, ==, c->format);
  g_assert_cmpstr (front, ==, c->front);
  g_assert_cmpstr (body, ==, c->body);
  g_assert_cmpuint (split->bom_len, ==, c->bom_len);
  g_assert_cmpint (split->crlf, ==, c->crlf);
  g_assert_cmpuint (split->body_line, ==, c->body_line);

  /* The pieces join back to the very same bytes. */
  {
    g_autoptr(GString) joined = g_string_new_len (text, split->body_start);
    g_string_append (joined, body);
    g_assert_cmpstr (joined->str, ==, c->text);
  }
}

static void
test_split_unterminated (void)
{
  g_autoptr(LekhArticle) article = lekh_article_new ("---\ntitle: A\n\nbody text\n", -1);
  const GError *error = lekh_article_get_error (article);
  g_autoptr(GError) edit_error = NULL;

  g_assert_nonnull (error);
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_UNTERMINATED);
  g_assert_cmpuint (lekh_article_get_error_line (article), ==, 1);
  g_assert_nonnull (strstr (error->message, "closing"));
  g_assert_false (lekh_article_check_editable (article, &edit_error));
  g_assert_error (edit_error, LEKH_ERROR, LEKH_ERROR_UNTERMINATED);
}

static void
test_split_invalid_utf8 (void)
{
  g_autoptr(LekhArticle) article = lekh_article_new ("---\ntitle: ok\n---\nline two\nbad \xff here\n", -1);
  const GError *error = lekh_article_get_error (article);

  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_INVALID_UTF8);
  g_assert_cmpuint (lekh_article_get_error_line (article), ==, 5);
  g_assert_cmpuint (lekh_article_get_error_column (article), ==, 5);
  g_assert_nonnull (strstr (error->message, "0xFF"));
}

static void
test_split_nul (void)
{
  static const char text[] = "---\na: 1\n---\nx\0y";
  g_autoptr(LekhArticle) article = lekh_article_new (text, sizeof text - 1);

  g_assert_error (lekh_article_get_error (article), LEKH_ERROR, LEKH_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (lekh_article_get_error (article)->message, "NUL"));
  g_assert_cmpuint (lekh_article_get_error_line (article), ==, 4);
  g_assert_cmpuint (lekh_article_get_error_column (article), ==, 2);
}

/* The body's UTF-8 check against GLib's validator on random text: the same verdict, and on
 * failure the same place (line, column in characters) and the same byte named. */
static void
test_split_utf8_random (void)
{
  static const guchar pieces[][4] = {
    { 'a' }, { 'Z' }, { ' ' }, { 0x00 }, { 0x7f }, { 0x80 }, { 0xbf }, { 0xc0, 0x80 },
    { 0xc1, 0xbf }, { 0xc2, 0x80 }, { 0xdf, 0xbf }, { 0xe0, 0x9f, 0x80 }, { 0xe0, 0xa0, 0x80 },
    { 0xe0, 0xa4, 0xb2 }, { 0xed, 0x9f, 0xbf }, { 0xed, 0xa0, 0x80 }, { 0xef, 0xbf, 0xbf },
    { 0xf0, 0x8f, 0xbf, 0xbf }, { 0xf0, 0x90, 0x80, 0x80 }, { 0xf4, 0x8f, 0xbf, 0xbf },
    { 0xf4, 0x90, 0x80, 0x80 }, { 0xf5, 0x80, 0x80, 0x80 }, { 0xff }, { 0xe0 }, { 0xf0, 0x90 },
    { 0xe0, 0xa4 }, { 0xc3 },
  };
  static const guint sizes[] = { 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4,
                                 4, 1, 1, 2, 2, 1 };
  GRand *rand = g_rand_new_with_seed (14);

  G_STATIC_ASSERT (G_N_ELEMENTS (pieces) == G_N_ELEMENTS (sizes));
  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(GString) text = g_string_new ("---\na: 1\n---\n");
      g_autoptr(LekhArticle) article = NULL;
      /* half of them long, so that failures fall anywhere in the 32-byte rounds of the
       * vector check (and on their edges), not only in its last bytes */
      guint n = g_rand_int_range (rand, 0, round % 2 ? 40 : 700);
      gboolean ascii_run = g_rand_boolean (rand);
      const GError *error;
      const char *end = NULL;
      gboolean valid;

      for (guint i = 0; i < n; i++)
        {
          /* mostly valid letters, so the failures come late and after long ASCII runs */
          guint k = g_rand_int_range (rand, 0, 1000) < (round % 2 ? 850 : 995) ?
                    (ascii_run ? (guint) g_rand_int_range (rand, 0, 3) : 13) :
                    (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces));

          g_string_append_len (body, (const char *) pieces[k], sizes[k]);
          if (ascii_run && g_rand_int_range (rand, 0, 4) == 0)
            g_string_append (body, "sixteen or more ascii bytes");
        }
      valid = g_utf8_validate_len (body->str, body->len, &end);
      g_string_append_len (text, body->str, body->len);
      article = lekh_article_new (text->str, text->len);
      error = lekh_article_get_error (article);
      if (valid)
        {
          g_assert_no_error ((GError *) error);
          continue;
        }
      g_assert_error (error, LEKH_ERROR, LEKH_ERROR_INVALID_UTF8);
      g_assert_cmpuint (lekh_article_get_error_line (article), ==, 4);
      g_assert_cmpuint (lekh_article_get_error_column (article), ==,
                        g_utf8_strlen (body->str, end - body->str) + 1);
      if (*end == '\0')
        g_assert_nonnull (strstr (error->message, "NUL"));
      else
        {
          g_autofree char *byte = g_strdup_printf ("0x%02X", (guchar) *end);

          g_assert_nonnull (strstr (error->message, byte));
        }
    }
  g_rand_free (rand);
}

/* TOML and JSON front matter read into the same entries as YAML, and are editable. */
static void
test_split_toml_json_read (void)
{
  g_autoptr(LekhArticle) toml = lekh_article_new ("+++\ntitle = \"A\"\n[params]\nx = 1\n+++\n", -1);
  g_autoptr(LekhArticle) json = lekh_article_new ("{\n  \"title\": \"A\"\n}\n", -1);
  g_autoptr(LekhArticle) bad = lekh_article_new ("+++\ntitle = \"A\n+++\n", -1);
  g_autoptr(LekhArticle) array = lekh_article_new ("{\n[1]\n}\n", -1);

  g_assert_null (lekh_article_get_error (toml));
  g_assert_true (lekh_article_check_editable (toml, NULL));
  g_assert_cmpuint (lekh_article_get_n_entries (toml), ==, 2);
  g_assert_cmpstr (lekh_node_get_string (lekh_article_get_value (toml, "title")), ==, "A");
  g_assert_cmpint (lekh_node_get_value_type (lekh_article_get_value (toml, "params")), ==,
                   LEKH_VALUE_MAPPING);

  g_assert_null (lekh_article_get_error (json));
  g_assert_true (lekh_article_check_editable (json, NULL));
  g_assert_cmpstr (lekh_node_get_string (lekh_article_get_value (json, "title")), ==, "A");

  g_assert_error (lekh_article_get_error (bad), LEKH_ERROR, LEKH_ERROR_YAML_SYNTAX);
  g_assert_true (g_str_has_prefix (lekh_article_get_error (bad)->message, "TOML error: "));
  g_assert_cmpuint (lekh_article_get_error_line (bad), ==, 2);
  g_assert_false (lekh_article_check_editable (bad, NULL));

  g_assert_error (lekh_article_get_error (array), LEKH_ERROR, LEKH_ERROR_YAML_SYNTAX);
  g_assert_cmpuint (lekh_article_get_error_line (array), ==, 2);

  {
    g_autoptr(LekhArticle) unclosed = lekh_article_new ("---json\n{}\nbody\n", -1);
    g_assert_error (lekh_article_get_error (unclosed), LEKH_ERROR, LEKH_ERROR_UNTERMINATED);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (split_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/split/case/%s", split_cases[i].name);
      g_test_add_data_func (path, &split_cases[i], test_split_case);
    }
  g_test_add_func ("/split/unterminated", test_split_unterminated);
  g_test_add_func ("/split/invalid-utf8", test_split_invalid_utf8);
  g_test_add_func ("/split/nul", test_split_nul);
  g_test_add_func ("/split/utf8-random", test_split_utf8_random);
  g_test_add_func ("/split/toml-json-read", test_split_toml_json_read);

  return g_test_run ();
}
