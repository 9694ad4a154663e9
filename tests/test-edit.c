/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-edit.h"

static const char *sample =
  "---\n"
  "# comment at the top\n"
  "title: Old title   # keep this comment\n"
  "description: 'single quoted'\n"
  "tags: [a, b]\n"
  "keywords:\n"
  "    -   one\n"
  "    -   two\n"
  "author:\n"
  "  name: Priya\n"
  "  url: https://example.org\n"
  "summary: >\n"
  "  folded text\n"
  "  more\n"
  "\n"
  "unknown_key: {x: 1}   # unknown keys stay\n"
  "---\n"
  "# Body\n"
  "\n"
  "---\n"
  "text\n";

static char *
apply (LekhArticle    *article,
       const LekhEdit *edit)
{
  g_autoptr(GBytes) bytes = lekh_edit_apply (edit, article);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Replaces FROM with TO (once) in TEXT: the expected result of an edit. */
static char *
replaced (const char *text,
          const char *from,
          const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
assert_edit (const char *text,
             LekhEdit   *(*plan) (LekhArticle *, gpointer),
             gpointer    data,
             const char *expected)
{
  g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
  g_autoptr(LekhEdit) edit = plan (article, data);
  g_autofree char *result = NULL;

  g_assert_nonnull (edit);
  result = apply (article, edit);
  g_assert_cmpstr (result, ==, expected);
}

typedef struct { const char *key; const char *value; } SetString;
typedef struct { const char *key; const char * const *items; } SetList;

static LekhEdit *
plan_set_string (LekhArticle *article,
                 gpointer     data)
{
  const SetString *s = data;
  g_autoptr(GError) error = NULL;
  LekhEdit *edit = lekh_article_edit_set_string (article, s->key, s->value, &error);

  g_assert_no_error (error);
  return edit;
}

static LekhEdit *
plan_set_list (LekhArticle *article,
               gpointer     data)
{
  const SetList *s = data;
  g_autoptr(GError) error = NULL;
  LekhEdit *edit = lekh_article_edit_set_list (article, s->key, s->items, &error);

  g_assert_no_error (error);
  return edit;
}

static LekhEdit *
plan_remove (LekhArticle *article,
             gpointer     data)
{
  g_autoptr(GError) error = NULL;
  LekhEdit *edit = lekh_article_edit_remove (article, data, &error);

  g_assert_no_error (error);
  return edit;
}

static void
test_edit_set_title_keeps_everything_else (void)
{
  g_autofree char *expected = replaced (sample, "title: Old title   #", "title: नया शीर्षक   #");
  SetString s = { "title", "नया शीर्षक" };

  assert_edit (sample, plan_set_string, &s, expected);
}

static void
test_edit_set_keeps_quote_style (void)
{
  g_autofree char *expected = replaced (sample, "'single quoted'", "'it''s new'");
  SetString s = { "description", "it's new" };

  assert_edit (sample, plan_set_string, &s, expected);
}

static void
test_edit_set_block_scalar (void)
{
  g_autofree char *expected = replaced (sample, ">\n  folded text\n  more\n", "short\n");
  SetString s = { "summary", "short" };

  assert_edit (sample, plan_set_string, &s, expected);
}

static void
test_edit_set_replaces_mapping (void)
{
  g_autofree char *expected = replaced (sample, "author:\n  name: Priya\n  url: https://example.org\n",
                                        "author: priya\n");
  SetString s = { "author", "priya" };

  assert_edit (sample, plan_set_string, &s, expected);
}

static void
test_edit_add_key (void)
{
  g_autofree char *expected = replaced (sample, "---\n# Body", "draft_note: 'yes'\n---\n# Body");
  SetString s = { "draft_note", "yes" };

  assert_edit (sample, plan_set_string, &s, expected);
}

static void
test_edit_add_creates_block (void)
{
  SetString s = { "title", "नमस्ते" };

  assert_edit ("# Heading\n\ntext\n", plan_set_string, &s, "---\ntitle: नमस्ते\n---\n# Heading\n\ntext\n");
  assert_edit ("\xEF\xBB\xBFtext\r\n", plan_set_string, &s, "\xEF\xBB\xBF---\r\ntitle: नमस्ते\r\n---\r\ntext\r\n");
  assert_edit ("", plan_set_string, &s, "---\ntitle: नमस्ते\n---\n");
  assert_edit ("---\n---\nbody", plan_set_string, &s, "---\ntitle: नमस्ते\n---\nbody");
}

static void
test_edit_set_empty_value (void)
{
  SetString s = { "description", "filled" };

  assert_edit ("---\ndescription:\ntitle: x\n---\n", plan_set_string, &s,
               "---\ndescription: filled\ntitle: x\n---\n");
  assert_edit ("---\ndescription: # todo\ntitle: x\n---\n", plan_set_string, &s,
               "---\ndescription: filled # todo\ntitle: x\n---\n");
}

static void
test_edit_flow_list (void)
{
  static const char * const items[] = { "x", "हिंदी", "with, comma", "true", NULL };
  g_autofree char *expected = replaced (sample, "tags: [a, b]", "tags: [x, हिंदी, 'with, comma', 'true']");
  SetList s = { "tags", items };

  assert_edit (sample, plan_set_list, &s, expected);
}

static void
test_edit_flow_list_padded (void)
{
  static const char * const items[] = { "x", "z", NULL };
  SetList s = { "tags", items };

  assert_edit ("---\ntags: [ a ]\n---\n", plan_set_list, &s, "---\ntags: [ x, z ]\n---\n");
}

static void
test_edit_block_list_keeps_indentation (void)
{
  static const char * const items[] = { "one", "लेखन", "three: 3", NULL };
  g_autofree char *expected = replaced (sample, "    -   one\n    -   two\n",
                                        "    -   one\n    -   लेखन\n    -   'three: 3'\n");
  SetList s = { "keywords", items };

  assert_edit (sample, plan_set_list, &s, expected);
}

static void
test_edit_block_list_crlf (void)
{
  static const char * const items[] = { "a", "b", "c", NULL };
  SetList s = { "tags", items };

  assert_edit ("---\r\ntags:\r\n- a\r\ntitle: t\r\n---\r\n", plan_set_list, &s,
               "---\r\ntags:\r\n- a\r\n- b\r\n- c\r\ntitle: t\r\n---\r\n");
}

static void
test_edit_empty_list (void)
{
  static const char * const none[] = { NULL };
  g_autofree char *expected = replaced (sample, "keywords:\n    -   one\n    -   two\n", "keywords: []\n");
  SetList s = { "keywords", none };

  assert_edit (sample, plan_set_list, &s, expected);
}

static void
test_edit_new_list_follows_article_style (void)
{
  static const char * const items[] = { "p", "q", NULL };
  SetList s = { "categories", items };

  assert_edit ("---\ntags:\n  - a\n---\n", plan_set_list, &s,
               "---\ntags:\n  - a\ncategories:\n  - p\n  - q\n---\n");
  assert_edit ("---\ntags: [a]\n---\n", plan_set_list, &s, "---\ntags: [a]\ncategories: [p, q]\n---\n");
  assert_edit ("---\ntitle: t\n---\n", plan_set_list, &s, "---\ntitle: t\ncategories:\n  - p\n  - q\n---\n");
  /* A scalar turned into a list */
  assert_edit ("---\ncategories: old\n---\n", plan_set_list, &s, "---\ncategories:\n  - p\n  - q\n---\n");
}

static void
test_edit_remove (void)
{
  g_autofree char *no_keywords = replaced (sample, "keywords:\n    -   one\n    -   two\n", "");
  g_autofree char *no_title = replaced (sample, "title: Old title   # keep this comment\n", "");
  g_autofree char *no_summary = replaced (sample, "summary: >\n  folded text\n  more\n", "");

  assert_edit (sample, plan_remove, "keywords", no_keywords);
  assert_edit (sample, plan_remove, "title", no_title);
  assert_edit (sample, plan_remove, "summary", no_summary);
  assert_edit ("---\ntags:\n  - a\n  # - b\n# top of next\nx: 1\n---\n", plan_remove, "tags",
               "---\n# top of next\nx: 1\n---\n");
}

static void
test_edit_rename (void)
{
  g_autoptr(LekhArticle) article = lekh_article_new ("---\ntag: [a, b]   # typo\ntitle: t\n---\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhEdit) edit = lekh_article_edit_rename_key (article, "tag", "tags", &error);
  g_autofree char *result = NULL;
  g_autoptr(LekhEdit) clash = NULL;

  g_assert_no_error (error);
  result = apply (article, edit);
  g_assert_cmpstr (result, ==, "---\ntags: [a, b]   # typo\ntitle: t\n---\n");

  clash = lekh_article_edit_rename_key (article, "tag", "title", &error);
  g_assert_null (clash);
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED);
}

static void
test_edit_scalar_types (void)
{
  g_autoptr(LekhArticle) article = lekh_article_new ("---\ndraft: false\ndate: 2020-01-01\n---\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhEdit) draft = lekh_article_edit_set_scalar (article, "draft", "true", LEKH_VALUE_BOOL, &error);
  g_autoptr(LekhEdit) date = lekh_article_edit_set_scalar (article, "date", "2026-11-28", LEKH_VALUE_TIMESTAMP, &error);
  g_autoptr(LekhEdit) bad = NULL;
  g_autofree char *a = NULL, *b = NULL;

  g_assert_no_error (error);
  a = apply (article, draft);
  b = apply (article, date);
  g_assert_cmpstr (a, ==, "---\ndraft: true\ndate: 2020-01-01\n---\n");
  g_assert_cmpstr (b, ==, "---\ndraft: false\ndate: 2026-11-28\n---\n");

  bad = lekh_article_edit_set_scalar (article, "date", "next tuesday", LEKH_VALUE_TIMESTAMP, &error);
  g_assert_null (bad);
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED);
}

/* Every class of value must read back exactly, and be quoted only when it must be. */
typedef struct
{
  const char *value;
  const char *written;   /* NULL: only check that it reads back */
} QuoteCase;

static const QuoteCase quote_cases[] = {
  { "plain words", "plain words" },
  { "नमस्ते दुनिया", "नमस्ते दुनिया" },
  { "مرحبا بالعالم", "مرحبا بالعالم" },
  { "日本語のタイトル", "日本語のタイトル" },
  { "emoji 🎉 ok", "emoji 🎉 ok" },
  { "a: b", "'a: b'" },
  { "a #b", "'a #b'" },
  { "...", "'...'" },
  { "ends with colon:", "'ends with colon:'" },
  { "- leading dash", "'- leading dash'" },
  { "-dash", "'-dash'" },
  { "*star", "'*star'" },
  { "&amp", "'&amp'" },
  { "!bang", "'!bang'" },
  { "[bracket", "'[bracket'" },
  { "{brace", "'{brace'" },
  { "'quoted'", "'''quoted'''" },
  { "\"double\"", "'\"double\"'" },
  { "it's", "it's" },
  { "yes", "'yes'" },
  { "No", "'No'" },
  { "on", "'on'" },
  { "true", "'true'" },
  { "null", "'null'" },
  { "~", "'~'" },
  { "", "''" },
  { "123", "'123'" },
  { "1.5", "'1.5'" },
  { "1e3", "'1e3'" },
  { "0x1F", "'0x1F'" },
  { "1_000", "'1_000'" },
  { "12:30", "'12:30'" },
  { ".inf", "'.inf'" },
  { "2024-01-01", "'2024-01-01'" },
  { " leading space", "' leading space'" },
  { "trailing space ", "'trailing space '" },
  { "two\nlines", "\"two\\nlines\"" },
  { "tab\there", "\"tab\\there\"" },
  { "bell\a", "\"bell\\x07\"" },
  { "back\\slash", "back\\slash" },
  { "%percent", "'%percent'" },
  { "@at", "'@at'" },
  { "`tick", "'`tick'" },
  { "|pipe", "'|pipe'" },
  { ">gt", "'>gt'" },
  { "?q", "'?q'" },
  { "q?", "q?" },
  { "https://example.org/a?b=c#d", "https://example.org/a?b=c#d" },
  { "C:\\path", "C:\\path" },
  { "---", "'---'" },
  { "...", "'...'" },
  { "a: \"mixed' quotes\"", "'a: \"mixed'' quotes\"'" },
};

static void
test_edit_quoting_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (quote_cases); i++)
    {
      const QuoteCase *c = &quote_cases[i];
      g_autoptr(LekhArticle) article = lekh_article_new ("---\ntitle: x\nnext: y\n---\nbody\n", -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(LekhEdit) edit = lekh_article_edit_set_string (article, "title", c->value, &error);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(LekhArticle) result = NULL;
      g_autofree char *quoted = lekh_yaml_quote_string (c->value, FALSE);

      g_test_message ("value %u: %s", i, c->value);
      g_assert_no_error (error);
      g_assert_nonnull (edit);
      if (c->written != NULL)
        g_assert_cmpstr (quoted, ==, c->written);
      bytes = lekh_edit_apply (edit, article);
      result = lekh_article_new_from_bytes (bytes);
      g_assert_null (lekh_article_get_error (result));
      g_assert_cmpint (lekh_node_get_value_type (lekh_article_get_value (result, "title")), ==,
                       LEKH_VALUE_STRING);
      g_assert_cmpstr (lekh_node_get_string (lekh_article_get_value (result, "title")), ==, c->value);
      g_assert_cmpstr (lekh_node_get_string (lekh_article_get_value (result, "next")), ==, "y");

      /* The same value as a flow-list item */
      {
        const char *items[] = { c->value, "z", NULL };
        g_autoptr(LekhArticle) listed = lekh_article_new ("---\ntags: [a]\n---\n", -1);
        g_autoptr(LekhEdit) list_edit = lekh_article_edit_set_list (listed, "tags", items, &error);
        g_auto(GStrv) read = NULL;
        g_autoptr(GBytes) list_bytes = NULL;
        g_autoptr(LekhArticle) list_result = NULL;

        g_assert_no_error (error);
        list_bytes = lekh_edit_apply (list_edit, listed);
        list_result = lekh_article_new_from_bytes (list_bytes);
        read = lekh_node_dup_string_list (lekh_article_get_value (list_result, "tags"));
        g_assert_cmpstrv (read, items);
      }
    }
}

static void
test_edit_errors_change_nothing (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(LekhArticle) broken = lekh_article_new ("---\ntitle: [x\n---\n", -1);
    g_assert_null (lekh_article_edit_set_string (broken, "title", "y", &error));
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_YAML_SYNTAX);
    g_assert_nonnull (strstr (error->message, "Line 3"));
    g_clear_error (&error);
  }
  {
    g_autoptr(LekhArticle) toml = lekh_article_new ("+++\ntitle = 'x'\n+++\n", -1);
    g_assert_null (lekh_article_edit_set_string (toml, "title", "y", &error));
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE);
    g_clear_error (&error);
  }
  {
    g_autoptr(LekhArticle) dup = lekh_article_new ("---\ntags: [a]\ntags: [b]\n---\n", -1);
    g_assert_null (lekh_article_edit_set_list (dup, "tags", NULL, &error));
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED);
    g_assert_nonnull (strstr (error->message, "2 times"));
    g_clear_error (&error);
  }
  {
    g_autoptr(LekhArticle) missing = lekh_article_new ("---\ntitle: x\n---\n", -1);
    g_assert_null (lekh_article_edit_remove (missing, "tags", &error));
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(LekhArticle) flow = lekh_article_new ("---\n{title: x}\n---\n", -1);
    g_assert_null (lekh_article_edit_set_string (flow, "title", "y", &error));
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE);
    g_clear_error (&error);
  }
  {
    g_autoptr(LekhArticle) bad = lekh_article_new ("\xff---\n", -1);
    g_assert_null (lekh_article_edit_set_string (bad, "title", "y", &error));
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_INVALID_UTF8);
    g_clear_error (&error);
  }
}

static void
test_edit_alias_value (void)
{
  g_autoptr(LekhArticle) article = lekh_article_new ("---\nbase: &b x\ntitle: *b\n---\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhEdit) edit = lekh_article_edit_set_string (article, "title", "own", &error);
  g_autofree char *result = NULL;

  g_assert_no_error (error);
  result = apply (article, edit);
  g_assert_cmpstr (result, ==, "---\nbase: &b x\ntitle: own\n---\n");

  /* Removing the anchor would break the alias: refused. */
  {
    g_autoptr(LekhArticle) a2 = lekh_article_new ("---\nbase: &b x\ntitle: *b\n---\n", -1);
    g_autoptr(LekhEdit) e2 = lekh_article_edit_remove (a2, "base", &error);
    g_assert_null (e2);
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED);
  }
}

/* Found by fuzz-validator: verifying an edit must not expand aliases (a billion laughs
 * took seconds per edit under the sanitizers); and an edit that drops an anchor another
 * key relies on is still refused. */
static void
test_edit_alias_bomb (void)
{
  GString *text = g_string_new ("---\ntitle: Laughs\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
  g_autoptr(LekhArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  const char *keys = "abcdefghi";

  for (guint i = 1; i < 9; i++)
    g_string_append_printf (text, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n",
                            keys[i], keys[i], keys[i - 1], keys[i - 1], keys[i - 1], keys[i - 1],
                            keys[i - 1], keys[i - 1], keys[i - 1], keys[i - 1], keys[i - 1]);
  g_string_append (text, "tags: *i\n---\nbody\n");
  article = lekh_article_new (text->str, text->len);
  g_assert_null (lekh_article_get_error (article));

  {
    g_autoptr(LekhEdit) title = lekh_article_edit_set_string (article, "title", "नया", &error);
    g_assert_no_error (error);
    g_assert_nonnull (title);
  }
  {
    g_autoptr(LekhEdit) rename = lekh_article_edit_rename_key (article, "tags", "keywords", &error);
    g_assert_no_error (error);
    g_assert_nonnull (rename);
  }
  {
    g_autoptr(LekhEdit) drop = lekh_article_edit_remove (article, "i", &error);
    g_assert_null (drop);
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED);
    g_clear_error (&error);
  }
  {
    /* Redefining an anchor changes what a later alias means: refused. */
    g_autoptr(LekhArticle) twice = lekh_article_new ("---\na: &x 1\nb: &x 2\nc: *x\n---\n", -1);
    g_autoptr(LekhEdit) edit = lekh_article_edit_set_string (twice, "b", "two", &error);
    g_assert_null (edit);
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED);
  }
  g_string_free (text, TRUE);
}

/* lekh_article_edit_replace_value: TEXT with OLD -> NEW in KEY gives EXPECTED (NULL: NOT_FOUND). */
static void
assert_replace (const char *text,
                const char *key,
                const char *old_value,
                const char *new_value,
                const char *expected)
{
  g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhEdit) edit = lekh_article_edit_replace_value (article, key, old_value, new_value,
                                                              &error);
  g_autofree char *result = NULL;

  if (expected == NULL)
    {
      g_assert_null (edit);
      g_assert_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (edit);
  result = apply (article, edit);
  g_assert_cmpstr (result, ==, expected);

  /* Running it again finds nothing to do. */
  {
    g_autoptr(LekhArticle) again = lekh_article_new (result, -1);
    g_autoptr(GError) error2 = NULL;
    g_autoptr(LekhEdit) none = lekh_article_edit_replace_value (again, key, old_value, new_value,
                                                                &error2);
    g_assert_null (none);
    g_assert_error (error2, LEKH_ERROR, LEKH_ERROR_NOT_FOUND);
  }
}

static void
test_edit_replace_value (void)
{
  /* A flow list: only the item's bytes change; quotes are kept or added when needed. */
  assert_replace ("---\ntitle: x # c\ntags: [a,  'old' , b] # keep\n---\nbody old\n", "tags",
                  "old", "new", "---\ntitle: x # c\ntags: [a,  'new' , b] # keep\n---\nbody old\n");
  assert_replace ("---\ntags: [a, old]\n---\n", "tags", "old", "x, y",
                  "---\ntags: [a, 'x, y']\n---\n");
  assert_replace ("---\ntags: [a, old]\n---\n", "tags", "old", "जयपुर",
                  "---\ntags: [a, जयपुर]\n---\n");
  /* A block list keeps its indentation and the comments around the item. */
  assert_replace ("---\ntags:\n    -   a\n    # about old\n    -   \"old\"   # why\n    -   b\n---\n",
                  "tags", "old", "new",
                  "---\ntags:\n    -   a\n    # about old\n    -   \"new\"   # why\n    -   b\n---\n");
  /* The whole scalar. */
  assert_replace ("---\nauthor: Asha   # the editor\n---\n", "author", "Asha", "Asha Verma",
                  "---\nauthor: Asha Verma   # the editor\n---\n");
  assert_replace ("---\ncategory: 'old'\n---\n", "category", "old", "yes",
                  "---\ncategory: 'yes'\n---\n");
  assert_replace ("---\ncategory: old\n---\n", "category", "old", "yes",
                  "---\ncategory: 'yes'\n---\n");
  /* Not there: a part of a scalar, another key, a missing key, a mapping item. */
  assert_replace ("---\ntags: old new\n---\n", "tags", "old", "x", NULL);
  assert_replace ("---\ntags: [a]\nkeywords: [old]\n---\n", "tags", "old", "x", NULL);
  assert_replace ("---\ntitle: a\n---\n", "tags", "old", "x", NULL);
  assert_replace ("---\ntags: [{label: old}]\n---\n", "tags", "old", "x", NULL);
}

static void
test_edit_replace_value_merge (void)
{
  /* NEW already there: OLD goes, with its separator or its line. */
  assert_replace ("---\ntags: [old, a, new]\n---\n", "tags", "old", "new",
                  "---\ntags: [a, new]\n---\n");
  assert_replace ("---\ntags: [new, a, old]\n---\n", "tags", "old", "new",
                  "---\ntags: [new, a]\n---\n");
  assert_replace ("---\ntags: [new, old, old]\n---\n", "tags", "old", "new",
                  "---\ntags: [new]\n---\n");
  assert_replace ("---\ntags: [old, b, old]\n---\n", "tags", "old", "new",
                  "---\ntags: [new, b]\n---\n");
  assert_replace ("---\ntags:\n  - new\n  - old # gone with its line\n  # stays\n  - c\n---\n",
                  "tags", "old", "new",
                  "---\ntags:\n  - new\n  # stays\n  - c\n---\n");
  assert_replace ("---\r\ntags:\r\n- old\r\n- new\r\n- old\r\n---\r\n", "tags", "old", "new",
                  "---\r\ntags:\r\n- new\r\n---\r\n");
}

static void
test_edit_replace_value_refused (void)
{
  const char *cases[] = {
    "---\ntags: [a, b]\ntags: [old]\n---\n",         /* a duplicate key */
    "+++\ntags = ['old']\n+++\n",                      /* TOML */
    "---\ntags: [old\n---\n",                          /* broken YAML */
    "---\ntags: |-\n  old\n---\n",                     /* a literal block */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LekhArticle) article = lekh_article_new (cases[i], -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(LekhEdit) edit = lekh_article_edit_replace_value (article, "tags", "old", "new",
                                                                  &error);
      g_assert_null (edit);
      g_assert_nonnull (error);
      g_assert_false (g_error_matches (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND));
    }
  {
    g_autoptr(LekhArticle) article = lekh_article_new ("---\ntags: [old]\n---\n", -1);
    g_autoptr(GError) error = NULL;
    g_autoptr(LekhEdit) same = lekh_article_edit_replace_value (article, "tags", "old", "old",
                                                                &error);
    g_assert_null (same);
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/set-title-keeps-everything-else", test_edit_set_title_keeps_everything_else);
  g_test_add_func ("/edit/set-keeps-quote-style", test_edit_set_keeps_quote_style);
  g_test_add_func ("/edit/set-block-scalar", test_edit_set_block_scalar);
  g_test_add_func ("/edit/set-replaces-mapping", test_edit_set_replaces_mapping);
  g_test_add_func ("/edit/add-key", test_edit_add_key);
  g_test_add_func ("/edit/add-creates-block", test_edit_add_creates_block);
  g_test_add_func ("/edit/set-empty-value", test_edit_set_empty_value);
  g_test_add_func ("/edit/flow-list", test_edit_flow_list);
  g_test_add_func ("/edit/flow-list-padded", test_edit_flow_list_padded);
  g_test_add_func ("/edit/block-list-keeps-indentation", test_edit_block_list_keeps_indentation);
  g_test_add_func ("/edit/block-list-crlf", test_edit_block_list_crlf);
  g_test_add_func ("/edit/empty-list", test_edit_empty_list);
  g_test_add_func ("/edit/new-list-follows-article-style", test_edit_new_list_follows_article_style);
  g_test_add_func ("/edit/remove", test_edit_remove);
  g_test_add_func ("/edit/rename", test_edit_rename);
  g_test_add_func ("/edit/scalar-types", test_edit_scalar_types);
  g_test_add_func ("/edit/quoting-round-trip", test_edit_quoting_round_trip);
  g_test_add_func ("/edit/errors-change-nothing", test_edit_errors_change_nothing);
  g_test_add_func ("/edit/alias-value", test_edit_alias_value);
  g_test_add_func ("/edit/alias-bomb", test_edit_alias_bomb);
  g_test_add_func ("/edit/replace-value", test_edit_replace_value);
  g_test_add_func ("/edit/replace-value-merge", test_edit_replace_value_merge);
  g_test_add_func ("/edit/replace-value-refused", test_edit_replace_value_refused);

  return g_test_run ();
}
