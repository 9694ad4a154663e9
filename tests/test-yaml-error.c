/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-article.h"
#include "lekh-yaml-error.h"

typedef struct
{
  const char *text;
  const char *plain_start;   /* NULL: the message is kept */
  guint       line;          /* where the mistake is */
  guint       column;
} Case;

static const Case cases[] = {
  /* libyaml stops on line 3 ("---"); the list was opened on line 2. */
  { "---\ntitle: x\ntags: [a, b\ndate: 2024-01-01\n---\n", "A list in [ ] is not closed", 3, 7 },
  { "---\ntags: [a, \"b]\", c\nnext: 1\n---\n", "A list in [ ] is not closed", 2, 7 },
  { "---\nauthor: {name: a\n---\n", "A group in { } is not closed", 2, 9 },
  { "---\ntitle: x\njust words\nother: y\n---\n", "This line is not “key: value”", 3, 1 },
  { "---\ntitle: a: b\n---\n", "A “: ” inside a value", 2, 0 },
  { "---\ntitle: `x`\n---\n", "A value starts with a character YAML keeps", 2, 0 },
  { "---\ntitle: fine\n---\n", NULL, 0, 0 },
};

static void
test_explain (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LekhArticle) article = lekh_article_new (cases[i].text, -1);
      const GError *error = lekh_article_get_error (article);
      gsize len = 0;
      const char *text = lekh_article_get_text (article, &len);
      g_autofree char *plain = NULL;
      guint line = 0, column = 0;

      g_test_message ("case %u", i);
      if (cases[i].plain_start == NULL)
        {
          g_assert_null (error);
          continue;
        }
      g_assert_nonnull (error);
      plain = lekh_yaml_error_explain (text, len, error->message,
                                       lekh_article_get_error_line (article),
                                       lekh_article_get_error_column (article), &line, &column);
      g_assert_true (g_str_has_prefix (plain, cases[i].plain_start));
      g_assert_null (strstr (plain, "while parsing"));
      g_assert_cmpuint (line, ==, cases[i].line);
      if (cases[i].column > 0)
        g_assert_cmpuint (column, ==, cases[i].column);
    }
}

static void
test_unknown_kept (void)
{
  g_autofree char *same = lekh_yaml_error_explain ("x", 1, "YAML error: something new", 4, 2, NULL, NULL);

  g_assert_cmpstr (same, ==, "YAML error: something new");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/yaml-error/explain", test_explain);
  g_test_add_func ("/yaml-error/unknown-kept", test_unknown_kept);
  return g_test_run ();
}
