/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-edit.h"

#include "key-shapes.h"

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

/* A comment right after a quoted value ("…"#…) is a comment to libyaml: a '?' in it is
 * not an explicit key's indicator, and the next entry's span starts on its own line. */
static void
test_edit_comment_after_quoted (void)
{
  static const char text[] = "---\ntitle: \"Quoted\"## not ?a key\nनाम: हाँ\n---\nBody\n";
  SetString s = { "नाम", "नहीं" };
  g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
  const LekhEntry *title = lekh_article_get_entry (article, 0);
  const LekhEntry *name = lekh_article_get_entry (article, 1);
  SetString t = { "title", "New" };

  g_assert_nonnull (name);
  g_assert_cmpuint (name->entry_span.start, ==, strchr (text, '\n') - text + 1 + strlen ("title: \"Quoted\"## not ?a key\n"));
  g_assert_cmpuint (title->entry_span.end, ==, name->entry_span.start);
  assert_edit (text, plan_remove, (gpointer) "नाम",
               "---\ntitle: \"Quoted\"## not ?a key\n---\nBody\n");
  assert_edit (text, plan_set_string, &s, "---\ntitle: \"Quoted\"## not ?a key\nनाम: नहीं\n---\nBody\n");
  assert_edit (text, plan_set_string, &t, "---\ntitle: \"New\"## not ?a key\nनाम: हाँ\n---\nBody\n");
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
    g_autoptr(LekhArticle) toml = lekh_article_new ("+++\n[title]\nx = 'x'\n+++\n", -1);
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

/* Key shapes ------------------------------------------------------------------------ */

static LekhEdit *
shape_plan (LekhArticle      *article,
            const ShapeCase  *c,
            const char       *key,
            GError          **error)
{
  static const char * const items[] = { "p", "q", NULL };

  switch (c->op)
    {
    case SHAPE_SET:
      return lekh_article_edit_set_string (article, key, c->arg, error);
    case SHAPE_LIST:
      return lekh_article_edit_set_list (article, key, items, error);
    case SHAPE_REMOVE:
      return lekh_article_edit_remove (article, key, error);
    case SHAPE_RENAME:
    default:
      return lekh_article_edit_rename_key (article, key, c->arg, error);
    }
}

/* The bytes of a span, without the blanks libyaml counts into block scalars. */
static char *
span_bytes (const LekhArticle *article,
            const LekhSpan    *span)
{
  const char *text = lekh_article_get_text (article, NULL);
  gsize end = span->end;

  while (end > span->start && strchr (" \t\r\n", text[end - 1]) != NULL)
    end--;
  return g_strndup (text + span->start, end - span->start);
}

static char *
entry_json (const LekhEntry *entry)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (lekh_node_to_json (entry->value, out, NULL));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The fuzzer's property, on one accepted edit: every entry but the edited one keeps
 * its key, the key's bytes, its value and the value's bytes, in order; BOM and body
 * are byte-identical. */
static void
assert_others_untouched (LekhArticle    *article,
                         const LekhEdit *edit,
                         const char     *key,
                         const char     *new_key)
{
  g_autoptr(GBytes) bytes = lekh_edit_apply (edit, article);
  g_autoptr(LekhArticle) result = lekh_article_new_from_bytes (bytes);
  const char *old_body, *new_body;
  gsize old_len, new_len;
  guint j = 0;

  g_assert_null (lekh_article_get_error (result));
  old_body = lekh_article_get_body (article, &old_len);
  new_body = lekh_article_get_body (result, &new_len);
  g_assert_cmpmem (old_body, old_len, new_body, new_len);
  g_assert_cmpuint (lekh_article_get_split (article)->bom_len, ==, lekh_article_get_split (result)->bom_len);

  for (guint i = 0; i < lekh_article_get_n_entries (result); i++)
    {
      const LekhEntry *entry = lekh_article_get_entry (result, i);
      const LekhEntry *old;

      if (strcmp (entry->key, new_key ? new_key : key) == 0 && *entry->key != '\0')
        continue;
      while (j < lekh_article_get_n_entries (article) &&
             *key != '\0' && strcmp (lekh_article_get_entry (article, j)->key, key) == 0)
        j++;
      g_assert_cmpuint (j, <, lekh_article_get_n_entries (article));
      old = lekh_article_get_entry (article, j++);
      {
        g_autofree char *old_key = span_bytes (article, &old->key_span);
        g_autofree char *new_key_text = span_bytes (result, &entry->key_span);
        g_autofree char *old_value = span_bytes (article, &old->value->span);
        g_autofree char *new_value = span_bytes (result, &entry->value->span);
        g_autofree char *old_json = entry_json (old);
        g_autofree char *new_json = entry_json (entry);

        g_assert_cmpstr (old->key, ==, entry->key);
        g_assert_cmpstr (old_key, ==, new_key_text);
        g_assert_cmpstr (old_value, ==, new_value);
        g_assert_cmpstr (old_json, ==, new_json);
      }
    }
  while (j < lekh_article_get_n_entries (article) &&
         *key != '\0' && strcmp (lekh_article_get_entry (article, j)->key, key) == 0)
    j++;
  g_assert_cmpuint (j, ==, lekh_article_get_n_entries (article));
}

static void
assert_refused (LekhArticle *article,
                LekhEdit    *edit,
                GError      *error,
                const char  *text)
{
  gsize len;
  const char *now = lekh_article_get_text (article, &len);

  g_assert_null (edit);
  g_assert_nonnull (error);
  g_assert_true (error->domain == LEKH_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpmem (now, len, text, strlen (text));
}

static void
test_edit_key_shapes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (shape_cases); i++)
    {
      const ShapeCase *c = &shape_cases[i];
      g_autoptr(LekhArticle) article = lekh_article_new (c->text, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(LekhEdit) edit = NULL;

      g_test_message ("case %s", c->name);
      edit = shape_plan (article, c, c->key, &error);
      if (c->expected == NULL)
        {
          assert_refused (article, edit, error, c->text);
          g_test_message ("  refused: %s", error->message);
          g_assert_nonnull (strstr (error->message, c->message));
          continue;
        }
      g_assert_no_error (error);
      g_assert_nonnull (edit);
      {
        g_autofree char *result = apply (article, edit);

        g_assert_cmpstr (result, ==, c->expected);
      }
      assert_others_untouched (article, edit, c->key, c->op == SHAPE_RENAME ? c->arg : NULL);
    }
}

/* Every op on every key of every shape (and a new key): accepted edits keep all other
 * entries byte for byte, refused ones change nothing and say why. */
static void
test_edit_key_shapes_sweep (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (shape_cases); i++)
    {
      const ShapeCase *c = &shape_cases[i];
      g_autoptr(LekhArticle) article = lekh_article_new (c->text, -1);
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();

      if (i > 0 && strcmp (c->text, shape_cases[i - 1].text) == 0)
        continue;
      for (guint k = 0; k < lekh_article_get_n_entries (article); k++)
        g_ptr_array_add (keys, lekh_article_get_entry (article, k)->key);
      g_ptr_array_add (keys, (char *) "lekh-new");

      for (guint k = 0; k < keys->len; k++)
        for (ShapeOp op = SHAPE_SET; op <= SHAPE_RENAME; op++)
          {
            const char *key = g_ptr_array_index (keys, k);
            g_autofree char *renamed = g_strconcat (key, "_renamed", NULL);
            ShapeCase run = { c->name, c->text, op, key, op == SHAPE_RENAME ? renamed : "v: w", NULL, NULL };
            g_autoptr(GError) error = NULL;
            g_autoptr(LekhEdit) edit = shape_plan (article, &run, key, &error);

            g_test_message ("sweep %s: op %d on “%s”: %s", c->name, op, key,
                            error ? error->message : "accepted");
            if (edit == NULL)
              assert_refused (article, edit, error, c->text);
            else
              assert_others_untouched (article, edit, key, op == SHAPE_RENAME ? renamed : NULL);
          }
    }
}

/* TOML and JSON front matter ----------------------------------------------------------- */

#define TOML_SAMPLE \
  "+++\n" \
  "title = \"Old\"  # keep\n" \
  "slug = 'lit'\n" \
  "date = 2024-03-05T10:00:00Z\n" \
  "draft = true\n" \
  "weight = 3\n" \
  "tags = [\"a\", \"b\"]\n" \
  "keywords = [\n" \
  "  'x',\n" \
  "  'y',\n" \
  "]\n" \
  "meta = { a = 1 }\n" \
  "site.name = \"s\"\n" \
  "\n" \
  "[params]\n" \
  "  x = 1\n" \
  "[[cascade]]\n" \
  "  k = 1\n" \
  "+++\n" \
  "Body\n"

#define JSON_SAMPLE \
  "{\n" \
  "  \"title\": \"Old\",\n" \
  "  \"draft\": true,\n" \
  "  \"weight\": 3,\n" \
  "  \"tags\": [\n" \
  "    \"a\",\n" \
  "    \"b\"\n" \
  "  ],\n" \
  "  \"params\": {\n" \
  "    \"x\": 1\n" \
  "  }\n" \
  "}\n" \
  "Body\n"

typedef enum
{
  OP_SET,        /* lekh_article_edit_set_scalar (VALUE, TYPE) */
  OP_LIST,       /* lekh_article_edit_set_list: VALUE's items split at '|' ("" none) */
  OP_UNSET,
  OP_RENAME,     /* to VALUE */
} FormatOp;

typedef struct
{
  const char    *name;
  const char    *text;
  FormatOp       op;
  const char    *key;
  const char    *value;
  LekhValueType  type;
  const char    *from;      /* the result is TEXT with FROM replaced by TO; */
  const char    *to;        /* FROM NULL: refused, the text unchanged */
} FormatEditCase;

#define S LEKH_VALUE_STRING
static const FormatEditCase format_edit_cases[] = {
  /* TOML: top-level `key = value` lines, quoting kept when the value allows */
  { "toml-string", TOML_SAMPLE, OP_SET, "title", "New", S,
    "title = \"Old\"  # keep\n", "title = \"New\"  # keep\n" },
  { "toml-string-escapes", TOML_SAMPLE, OP_SET, "title", "say \"hi\"\\\n\tx\x7f", S,
    "\"Old\"", "\"say \\\"hi\\\"\\\\\\n\\tx\\u007F\"" },
  { "toml-literal-kept", TOML_SAMPLE, OP_SET, "slug", "new-slug", S, "'lit'", "'new-slug'" },
  { "toml-literal-to-basic", TOML_SAMPLE, OP_SET, "slug", "it's", S, "'lit'", "\"it's\"" },
  { "toml-unicode", TOML_SAMPLE, OP_SET, "title", "नमस्ते", S, "\"Old\"", "\"नमस्ते\"" },
  { "toml-bool", TOML_SAMPLE, OP_SET, "draft", "false", LEKH_VALUE_BOOL, "true", "false" },
  { "toml-int", TOML_SAMPLE, OP_SET, "weight", "10", LEKH_VALUE_INT, "= 3", "= 10" },
  { "toml-hex-int", TOML_SAMPLE, OP_SET, "weight", "0xff", LEKH_VALUE_INT, "= 3", "= 0xff" },
  { "toml-float", TOML_SAMPLE, OP_SET, "weight", "1.5", LEKH_VALUE_FLOAT, "= 3", "= 1.5" },
  { "toml-bad-int", TOML_SAMPLE, OP_SET, "weight", "1_", LEKH_VALUE_INT, NULL, NULL },
  { "toml-date", TOML_SAMPLE, OP_SET, "date", "2025-01-02", LEKH_VALUE_TIMESTAMP,
    "2024-03-05T10:00:00Z", "2025-01-02" },
  { "toml-datetime", TOML_SAMPLE, OP_SET, "date", "2025-01-02 10:30:00+05:30",
    LEKH_VALUE_TIMESTAMP, "2024-03-05T10:00:00Z", "2025-01-02 10:30:00+05:30" },
  { "toml-date-not-toml", TOML_SAMPLE, OP_SET, "date", "2025-01-02 10:30", LEKH_VALUE_TIMESTAMP,
    NULL, NULL },
  { "toml-time-is-no-date", TOML_SAMPLE, OP_SET, "date", "10:30:00", LEKH_VALUE_TIMESTAMP,
    NULL, NULL },
  { "toml-no-null", TOML_SAMPLE, OP_SET, "title", NULL, LEKH_VALUE_NULL, NULL, NULL },
  { "toml-list-one-line", TOML_SAMPLE, OP_LIST, "tags", "c|d \"e\"", 0,
    "[\"a\", \"b\"]", "[\"c\", \"d \\\"e\\\"\"]" },
  { "toml-list-multi-line", TOML_SAMPLE, OP_LIST, "keywords", "p|q|r", 0,
    "[\n  'x',\n  'y',\n]", "[\n  'p',\n  'q',\n  'r',\n]" },
  { "toml-list-empty", TOML_SAMPLE, OP_LIST, "tags", "", 0, "[\"a\", \"b\"]", "[]" },
  { "toml-list-replaces-string", TOML_SAMPLE, OP_LIST, "title", "a", 0,
    "\"Old\"", "[\"a\"]" },
  { "toml-add-before-tables", TOML_SAMPLE, OP_SET, "lastmod", "2024-04-01", LEKH_VALUE_TIMESTAMP,
    "site.name = \"s\"\n", "site.name = \"s\"\nlastmod = 2024-04-01\n" },
  { "toml-add-quoted-key", TOML_SAMPLE, OP_SET, "a b.c", "v", S,
    "site.name = \"s\"\n", "site.name = \"s\"\n\"a b.c\" = \"v\"\n" },
  { "toml-add-list", TOML_SAMPLE, OP_LIST, "aliases", "/old/", 0,
    "site.name = \"s\"\n", "site.name = \"s\"\naliases = [\"/old/\"]\n" },
  { "toml-add-only-tables", "+++\n[params]\nx = 1\n+++\n", OP_SET, "title", "T", S,
    "[params]", "title = \"T\"\n[params]" },
  { "toml-add-empty", "+++\n+++\nBody\n", OP_SET, "title", "T", S, "+++\n+++", "+++\ntitle = \"T\"\n+++" },
  { "toml-add-crlf-bom", "\xef\xbb\xbf+++\r\ntitle = 'a'\r\n[params]\r\nx = 1\r\n+++\r\nBody\r\n",
    OP_LIST, "tags", "x|y", 0, "title = 'a'\r\n", "title = 'a'\r\ntags = [\"x\", \"y\"]\r\n" },
  { "toml-set-crlf-bom", "\xef\xbb\xbf+++\r\ntitle = 'a'\r\n[params]\r\nx = 1\r\n+++\r\nBody\r\n",
    OP_SET, "title", "b", S, "'a'", "'b'" },
  { "toml-unset", TOML_SAMPLE, OP_UNSET, "title", NULL, 0, "title = \"Old\"  # keep\n", "" },
  { "toml-unset-list", TOML_SAMPLE, OP_UNSET, "keywords", NULL, 0,
    "keywords = [\n  'x',\n  'y',\n]\n", "" },
  { "toml-rename", TOML_SAMPLE, OP_RENAME, "title", "linkTitle", 0, "title =", "linkTitle =" },
  { "toml-refuse-table", TOML_SAMPLE, OP_SET, "params", "x", S, NULL, NULL },
  { "toml-refuse-table-unset", TOML_SAMPLE, OP_UNSET, "params", NULL, 0, NULL, NULL },
  { "toml-refuse-table-list", TOML_SAMPLE, OP_LIST, "params", "a", 0, NULL, NULL },
  { "toml-refuse-array-of-tables", TOML_SAMPLE, OP_SET, "cascade", "x", S, NULL, NULL },
  { "toml-refuse-dotted", TOML_SAMPLE, OP_SET, "site", "x", S, NULL, NULL },
  { "toml-refuse-dotted-rename", TOML_SAMPLE, OP_RENAME, "site", "place", 0, NULL, NULL },
  { "toml-refuse-inline-table", TOML_SAMPLE, OP_SET, "meta", "x", S, NULL, NULL },
  { "toml-refuse-broken", "+++\ntitle = 'a\n+++\n", OP_SET, "title", "x", S, NULL, NULL },

  /* JSON: the top object's members, commas and indentation handled */
  { "json-string", JSON_SAMPLE, OP_SET, "title", "New \"one\"", S, "\"Old\"", "\"New \\\"one\\\"\"" },
  { "json-bool", JSON_SAMPLE, OP_SET, "draft", "false", LEKH_VALUE_BOOL, "true", "false" },
  { "json-float", JSON_SAMPLE, OP_SET, "weight", "2.5e1", LEKH_VALUE_FLOAT, ": 3", ": 2.5e1" },
  { "json-bad-int", JSON_SAMPLE, OP_SET, "weight", "01", LEKH_VALUE_INT, NULL, NULL },
  { "json-null", JSON_SAMPLE, OP_SET, "title", NULL, LEKH_VALUE_NULL, "\"Old\"", "null" },
  { "json-date-is-string", JSON_SAMPLE, OP_SET, "title", "2024-03-05", LEKH_VALUE_TIMESTAMP,
    "\"Old\"", "\"2024-03-05\"" },
  { "json-list-multi-line", JSON_SAMPLE, OP_LIST, "tags", "x|y|z", 0,
    "[\n    \"a\",\n    \"b\"\n  ]", "[\n    \"x\",\n    \"y\",\n    \"z\"\n  ]" },
  { "json-add", JSON_SAMPLE, OP_SET, "date", "2024-03-05", LEKH_VALUE_TIMESTAMP,
    "    \"x\": 1\n  }\n", "    \"x\": 1\n  },\n  \"date\": \"2024-03-05\"\n" },
  { "json-add-list", JSON_SAMPLE, OP_LIST, "aliases", "/a/", 0,
    "  }\n}", "  },\n  \"aliases\": [\"/a/\"]\n}" },
  { "json-add-empty", "{\n}\nBody\n", OP_SET, "title", "T", S, "{\n}", "{\n  \"title\": \"T\"\n}" },
  { "json-add-crlf", "{\r\n  \"a\": 1\r\n}\r\nBody\r\n", OP_SET, "b", "x", S,
    "\"a\": 1\r\n", "\"a\": 1,\r\n  \"b\": \"x\"\r\n" },
  { "json-add-compact", "{\n  \"a\":1, \"b\":2\n}\n", OP_SET, "c", "x", S, ":2", ":2, \"c\":\"x\"" },
  { "json-unset-first", JSON_SAMPLE, OP_UNSET, "title", NULL, 0, "  \"title\": \"Old\",\n", "" },
  { "json-unset-last", JSON_SAMPLE, OP_UNSET, "params", NULL, 0,
    ",\n  \"params\": {\n    \"x\": 1\n  }", "" },
  { "json-unset-only", "{\n  \"a\": 1\n}\n", OP_UNSET, "a", NULL, 0, "\n  \"a\": 1", "" },
  { "json-unset-shared-line", "{\n  \"a\": 1, \"b\": 2\n}\n", OP_UNSET, "a", NULL, 0, "\"a\": 1, ", "" },
  { "json-rename", JSON_SAMPLE, OP_RENAME, "draft", "unlisted", 0, "\"draft\"", "\"unlisted\"" },
  { "json-fenced-add", "---json\n{\n  \"a\": 1\n}\n---\nBody\n", OP_LIST, "tags", "x", 0,
    "\"a\": 1\n", "\"a\": 1,\n  \"tags\": [\"x\"]\n" },
  { "json-fenced-one-line", "---json\n{\"a\": 1, \"b\": true}\n---\n", OP_UNSET, "a", NULL, 0,
    "\"a\": 1, ", "" },
  { "json-refuse-object", JSON_SAMPLE, OP_SET, "params", "x", S, NULL, NULL },
  { "json-refuse-object-list", JSON_SAMPLE, OP_LIST, "params", "x", 0, NULL, NULL },
  { "json-refuse-duplicate", "{\n  \"a\": 1,\n  \"a\": 2\n}\n", OP_SET, "a", "x", S, NULL, NULL },
  { "json-refuse-broken", "{\n  \"a\": 1,\n}\n", OP_SET, "a", "x", S, NULL, NULL },
};
#undef S

static void
test_edit_format_case (gconstpointer data)
{
  const FormatEditCase *c = data;
  g_autoptr(LekhArticle) article = lekh_article_new (c->text, -1);
  g_autoptr(LekhEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  switch (c->op)
    {
    case OP_SET:
      edit = lekh_article_edit_set_scalar (article, c->key, c->value, c->type, &error);
      break;
    case OP_LIST:
      {
        g_auto(GStrv) items = *c->value ? g_strsplit (c->value, "|", -1) : g_new0 (char *, 1);
        edit = lekh_article_edit_set_list (article, c->key, (const char * const *) items, &error);
      }
      break;
    case OP_UNSET:
      edit = lekh_article_edit_remove (article, c->key, &error);
      break;
    case OP_RENAME:
    default:
      edit = lekh_article_edit_rename_key (article, c->key, c->value, &error);
      break;
    }

  if (c->from == NULL)
    {
      g_test_message ("refused: %s", error ? error->message : "(no error)");
      g_assert_null (edit);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    {
      g_autofree char *result = NULL;
      g_autofree char *expected = replaced (c->text, c->from, c->to);
      g_autoptr(LekhArticle) again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (edit);
      result = apply (article, edit);
      g_assert_cmpstr (result, ==, expected);
      again = lekh_article_new (result, -1);
      g_assert_null (lekh_article_get_error (again));
      g_assert_cmpint (lekh_article_get_split (again)->format, ==,
                       lekh_article_get_split (article)->format);
    }
}

static void
test_edit_check_key (void)
{
  g_autoptr(LekhArticle) toml = lekh_article_new (TOML_SAMPLE, -1);
  g_autoptr(LekhArticle) json = lekh_article_new (JSON_SAMPLE, -1);
  g_autoptr(LekhArticle) yaml = lekh_article_new ("---\ntitle: a\n---\n", -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (lekh_article_edit_check_key (toml, "title", NULL));
  g_assert_true (lekh_article_edit_check_key (toml, "tags", NULL));
  g_assert_true (lekh_article_edit_check_key (toml, "missing", NULL));
  g_assert_false (lekh_article_edit_check_key (toml, "params", &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE);
  g_assert_nonnull (strstr (error->message, "[params]"));
  g_clear_error (&error);
  g_assert_false (lekh_article_edit_check_key (toml, "meta", &error));
  g_assert_nonnull (strstr (error->message, "inline table"));
  g_clear_error (&error);
  g_assert_true (lekh_article_edit_check_key (json, "tags", NULL));
  g_assert_false (lekh_article_edit_check_key (json, "params", &error));
  g_assert_nonnull (strstr (error->message, "object"));
  g_assert_true (lekh_article_edit_check_key (yaml, "title", NULL));
  g_assert_false (lekh_article_edit_check_key (yaml, "", NULL));
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
  /* TOML arrays too: the item's quotes and the comment stay. */
  assert_replace ("+++\ntags = ['old', \"web\"]  # c\n+++\n", "tags", "old", "new",
                  "+++\ntags = ['new', \"web\"]  # c\n+++\n");
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
    "{\n  \"tags\": [\"old\"]\n}\n",                     /* JSON: a list on the key's line */
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

/* Lists of strings and objects, edited item by item ------------------------------------ */

typedef enum { ITEM_APPEND, ITEM_REMOVE, ITEM_MOVE } ItemOp;

typedef struct
{
  const char *name;
  const char *text;
  ItemOp      op;
  const char *item;      /* ITEM_APPEND */
  guint       index;     /* ITEM_REMOVE, ITEM_MOVE's from */
  guint       to;        /* ITEM_MOVE */
  const char *expected;  /* the whole text after the edit */
} ItemCase;

#define DOCUSAURUS_BLOCK \
  "---\n" \
  "title: T\n" \
  "authors:\n" \
  "  - lark   # the editor\n" \
  "  - name: Joel Marcey\n" \
  "    title: Co-creator # of Docusaurus 1\n" \
  "  # guests below\n" \
  "  - 'slorber'\n" \
  "tags: [a]\n" \
  "---\n" \
  "Body\n"

#define DOCUSAURUS_FLOW \
  "---\n" \
  "authors: [lark, {name: Joel Marcey, title: Co-creator}, slorber]\n" \
  "---\n"

#define TOML_ARRAY \
  "+++\n" \
  "title = 'T'\n" \
  "authors = [\n" \
  "  'lark',\n" \
  "  { name = \"Joel\", title = \"Co-creator\" }, # first\n" \
  "  'slorber',\n" \
  "]\n" \
  "+++\n"

#define JSON_ARRAY \
  "{\n" \
  "  \"authors\": [\"lark\", {\"name\": \"Joel\", \"x\": [1, 2]}, \"slorber\"],\n" \
  "  \"draft\": false\n" \
  "}\n"

static const ItemCase item_cases[] = {
  /* YAML block: an item's lines go or move whole; comment lines between stay. */
  { "block-remove-string", DOCUSAURUS_BLOCK, ITEM_REMOVE, NULL, 0, 0,
    "---\ntitle: T\nauthors:\n"
    "  - name: Joel Marcey\n    title: Co-creator # of Docusaurus 1\n"
    "  # guests below\n  - 'slorber'\ntags: [a]\n---\nBody\n" },
  { "block-remove-object", DOCUSAURUS_BLOCK, ITEM_REMOVE, NULL, 1, 0,
    "---\ntitle: T\nauthors:\n  - lark   # the editor\n"
    "  # guests below\n  - 'slorber'\ntags: [a]\n---\nBody\n" },
  { "block-remove-last", DOCUSAURUS_BLOCK, ITEM_REMOVE, NULL, 2, 0,
    "---\ntitle: T\nauthors:\n  - lark   # the editor\n"
    "  - name: Joel Marcey\n    title: Co-creator # of Docusaurus 1\n"
    "  # guests below\ntags: [a]\n---\nBody\n" },
  { "block-remove-only", "---\nauthors:\n  - name: X\n    url: u\ndraft: true\n---\n",
    ITEM_REMOVE, NULL, 0, 0, "---\nauthors: []\ndraft: true\n---\n" },
  { "block-move-object-first", DOCUSAURUS_BLOCK, ITEM_MOVE, NULL, 1, 0,
    "---\ntitle: T\nauthors:\n"
    "  - name: Joel Marcey\n    title: Co-creator # of Docusaurus 1\n"
    "  - lark   # the editor\n"
    "  # guests below\n  - 'slorber'\ntags: [a]\n---\nBody\n" },
  { "block-move-first-last", DOCUSAURUS_BLOCK, ITEM_MOVE, NULL, 0, 2,
    "---\ntitle: T\nauthors:\n"
    "  - name: Joel Marcey\n    title: Co-creator # of Docusaurus 1\n"
    "  - 'slorber'\n  # guests below\n"
    "  - lark   # the editor\ntags: [a]\n---\nBody\n" },
  { "block-append", DOCUSAURUS_BLOCK, ITEM_APPEND, "Ana María", 0, 0,
    "---\ntitle: T\nauthors:\n  - lark   # the editor\n"
    "  - name: Joel Marcey\n    title: Co-creator # of Docusaurus 1\n"
    "  # guests below\n  - 'slorber'\n  - Ana María\ntags: [a]\n---\nBody\n" },
  { "block-append-quoted-like", "---\nauthors:\n  - {name: X}\n  - \"a\"\n---\n", ITEM_APPEND,
    "b", 0, 0, "---\nauthors:\n  - {name: X}\n  - \"a\"\n  - \"b\"\n---\n" },
  { "block-append-object-last", "---\nauthors:\n- me\n-   name: X\n    title: Y\n---\n",
    ITEM_APPEND, "yes", 0, 0,
    "---\nauthors:\n- me\n-   name: X\n    title: Y\n- 'yes'\n---\n" },
  { "block-crlf", "---\r\nauthors:\r\n  - a\r\n  - {name: X}\r\n---\r\n", ITEM_REMOVE, NULL, 0, 0,
    "---\r\nauthors:\r\n  - {name: X}\r\n---\r\n" },
  { "block-crlf-append", "---\r\nauthors:\r\n  - a\r\n  - {name: X}\r\n---\r\n", ITEM_APPEND,
    "b", 0, 0, "---\r\nauthors:\r\n  - a\r\n  - {name: X}\r\n  - b\r\n---\r\n" },
  /* YAML flow */
  { "flow-remove-first", DOCUSAURUS_FLOW, ITEM_REMOVE, NULL, 0, 0,
    "---\nauthors: [{name: Joel Marcey, title: Co-creator}, slorber]\n---\n" },
  { "flow-remove-last", DOCUSAURUS_FLOW, ITEM_REMOVE, NULL, 2, 0,
    "---\nauthors: [lark, {name: Joel Marcey, title: Co-creator}]\n---\n" },
  { "flow-remove-only", "---\nauthors: [ {name: X} ]\n---\n", ITEM_REMOVE, NULL, 0, 0,
    "---\nauthors: []\n---\n" },
  { "flow-move", DOCUSAURUS_FLOW, ITEM_MOVE, NULL, 2, 0,
    "---\nauthors: [slorber, lark, {name: Joel Marcey, title: Co-creator}]\n---\n" },
  { "flow-append", DOCUSAURUS_FLOW, ITEM_APPEND, "a, b", 0, 0,
    "---\nauthors: [lark, {name: Joel Marcey, title: Co-creator}, slorber, 'a, b']\n---\n" },
  { "flow-append-after-object", "---\nauthors: [{name: X}]\n---\n", ITEM_APPEND, "me", 0, 0,
    "---\nauthors: [{name: X}, me]\n---\n" },
  { "flow-multiline-comment", "---\nauthors: [\n  a, # about a\n  {name: X}\n]\n---\n",
    ITEM_REMOVE, NULL, 1, 0, "---\nauthors: [\n  a # about a\n]\n---\n" },
  /* TOML: an array with inline tables, a trailing comma, a comment */
  { "toml-remove-string", TOML_ARRAY, ITEM_REMOVE, NULL, 0, 0,
    "+++\ntitle = 'T'\nauthors = [\n"
    "  { name = \"Joel\", title = \"Co-creator\" }, # first\n  'slorber',\n]\n+++\n" },
  { "toml-remove-last", TOML_ARRAY, ITEM_REMOVE, NULL, 2, 0,
    "+++\ntitle = 'T'\nauthors = [\n  'lark',\n"
    "  { name = \"Joel\", title = \"Co-creator\" }, # first\n]\n+++\n" },
  { "toml-move", TOML_ARRAY, ITEM_MOVE, NULL, 1, 2,
    "+++\ntitle = 'T'\nauthors = [\n  'lark',\n"
    "  'slorber', # first\n  { name = \"Joel\", title = \"Co-creator\" },\n]\n+++\n" },
  { "toml-append", TOML_ARRAY, ITEM_APPEND, "it's", 0, 0,
    "+++\ntitle = 'T'\nauthors = [\n  'lark',\n"
    "  { name = \"Joel\", title = \"Co-creator\" }, # first\n  'slorber',\n  \"it's\",\n]\n+++\n" },
  { "toml-one-line", "+++\nauthors = [{ name = 'X' }, 'b']\n+++\n", ITEM_APPEND, "c", 0, 0,
    "+++\nauthors = [{ name = 'X' }, 'b', 'c']\n+++\n" },
  { "toml-one-line-remove", "+++\nauthors = [{ name = 'X' }, 'b']\n+++\n", ITEM_REMOVE, NULL, 1, 0,
    "+++\nauthors = [{ name = 'X' }]\n+++\n" },
  /* JSON: an array with objects; the last item's comma goes with it */
  { "json-remove-string", JSON_ARRAY, ITEM_REMOVE, NULL, 0, 0,
    "{\n  \"authors\": [{\"name\": \"Joel\", \"x\": [1, 2]}, \"slorber\"],\n  \"draft\": false\n}\n" },
  { "json-remove-last", JSON_ARRAY, ITEM_REMOVE, NULL, 2, 0,
    "{\n  \"authors\": [\"lark\", {\"name\": \"Joel\", \"x\": [1, 2]}],\n  \"draft\": false\n}\n" },
  { "json-move", JSON_ARRAY, ITEM_MOVE, NULL, 0, 1,
    "{\n  \"authors\": [{\"name\": \"Joel\", \"x\": [1, 2]}, \"lark\", \"slorber\"],\n  \"draft\": false\n}\n" },
  { "json-append", JSON_ARRAY, ITEM_APPEND, "say \"hi\"", 0, 0,
    "{\n  \"authors\": [\"lark\", {\"name\": \"Joel\", \"x\": [1, 2]}, \"slorber\", \"say \\\"hi\\\"\"],\n"
    "  \"draft\": false\n}\n" },
  { "json-multiline-remove-last", "{\n  \"authors\": [\n    {\"name\": \"X\"},\n    \"b\"\n  ]\n}\n",
    ITEM_REMOVE, NULL, 1, 0, "{\n  \"authors\": [\n    {\"name\": \"X\"}\n  ]\n}\n" },
  { "json-multiline-append", "{\n  \"authors\": [\n    {\"name\": \"X\"}\n  ]\n}\n",
    ITEM_APPEND, "b", 0, 0, "{\n  \"authors\": [\n    {\"name\": \"X\"},\n    \"b\"\n  ]\n}\n" },
  /* A file of CRLF lines whose list is written with LF: the new separator uses the
   * file's line ending, not a copy of the list's (found by fuzz-edit). */
  { "toml-mixed-newlines-append", "+++\r\nauthors = [\n  'x',\n  'y',\n]\r\n+++\r\n",
    ITEM_APPEND, "z", 0, 0,
    "+++\r\nauthors = [\n  'x',\n  'y',\r\n  'z',\n]\r\n+++\r\n" },
  /* No list yet: a list of one string. */
  { "append-new-key", "---\ntitle: T\n---\n", ITEM_APPEND, "me", 0, 0,
    "---\ntitle: T\nauthors:\n  - me\n---\n" },
};

static void
test_edit_list_item_case (gconstpointer data)
{
  const ItemCase *c = data;
  g_autoptr(LekhArticle) article = lekh_article_new (c->text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  g_autoptr(LekhArticle) after = NULL;
  g_autofree char *result = NULL;

  switch (c->op)
    {
    case ITEM_APPEND:
      edit = lekh_article_edit_list_append (article, "authors", c->item, &error);
      break;
    case ITEM_REMOVE:
      edit = lekh_article_edit_list_remove (article, "authors", c->index, &error);
      break;
    case ITEM_MOVE:
    default:
      edit = lekh_article_edit_list_move (article, "authors", c->index, c->to, &error);
      break;
    }
  g_assert_no_error (error);
  g_assert_nonnull (edit);
  result = apply (article, edit);
  g_assert_cmpstr (result, ==, c->expected);
  after = lekh_article_new (result, -1);
  g_assert_null (lekh_article_get_error (after));
}

static void
test_edit_list_item_refused (void)
{
  static const struct
  {
    const char *text;
    ItemOp      op;
    guint       index;
    guint       to;
    int         code;
    const char *message;
  } cases[] = {
    { DOCUSAURUS_BLOCK, ITEM_REMOVE, 3, 0, LEKH_ERROR_NOT_FOUND, "“authors” has no item number 4" },
    { DOCUSAURUS_FLOW, ITEM_MOVE, 0, 5, LEKH_ERROR_NOT_FOUND, "“authors” has no item number 6" },
    { DOCUSAURUS_FLOW, ITEM_MOVE, 1, 1, LEKH_ERROR_EDIT_FAILED,
      "Item 2 of “authors” is already in that place" },
    { "---\ntitle: T\n---\n", ITEM_REMOVE, 0, 0, LEKH_ERROR_NOT_FOUND, "No key “authors”" },
    { "---\nauthors: lark\n---\n", ITEM_REMOVE, 0, 0, LEKH_ERROR_NOT_EDITABLE,
      "“authors” is not a list" },
    { "---\nauthors: {name: X}\n---\n", ITEM_APPEND, 0, 0, LEKH_ERROR_NOT_EDITABLE,
      "“authors” is not a list" },
    /* an item below its dash */
    { "---\nauthors:\n  -\n    name: X\n  - c\n---\n", ITEM_REMOVE, 1, 0, LEKH_ERROR_NOT_EDITABLE,
      "“authors” is written in a way Lekh cannot change safely; edit it in the source" },
    { "---\nauthors: &a [x, y]\nalso: *a\n---\n", ITEM_REMOVE, 0, 0, LEKH_ERROR_EDIT_FAILED,
      NULL },
    { "---\nauthors: [&p x, y]\nalso: *p\n---\n", ITEM_REMOVE, 0, 0, LEKH_ERROR_EDIT_FAILED,
      NULL },
    { "---\nauthors: [a]\nauthors: [b]\n---\n", ITEM_REMOVE, 0, 0, LEKH_ERROR_EDIT_FAILED,
      "“authors” appears 2 times in the front matter; remove the duplicates first" },
    { "+++\n[authors]\nname = 'X'\n+++\n", ITEM_REMOVE, 0, 0, LEKH_ERROR_NOT_EDITABLE, NULL },
    { "{\n  \"authors\": {\"name\": \"X\"}\n}\n", ITEM_APPEND, 0, 0, LEKH_ERROR_NOT_EDITABLE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LekhArticle) article = lekh_article_new (cases[i].text, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(LekhEdit) edit = NULL;

      if (cases[i].op == ITEM_REMOVE)
        edit = lekh_article_edit_list_remove (article, "authors", cases[i].index, &error);
      else if (cases[i].op == ITEM_MOVE)
        edit = lekh_article_edit_list_move (article, "authors", cases[i].index, cases[i].to, &error);
      else
        edit = lekh_article_edit_list_append (article, "authors", "z", &error);
      g_test_message ("case %u", i);
      g_assert_null (edit);
      g_assert_error (error, LEKH_ERROR, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Every removal and move of every item of these lists keeps the other items' bytes. */
static void
test_edit_list_item_sweep (void)
{
  const char *texts[] = { DOCUSAURUS_BLOCK, DOCUSAURUS_FLOW, TOML_ARRAY, JSON_ARRAY,
                          "---\nauthors: [\n  a, # about a\n  {name: X}, b\n]\n---\n",
                          "---\nauthors:\n- a\n\n- |\n  literal\n- {n: 1}\n---\n",
                          "---\nauthors:\n  - - a\n    - b\n  - c\n  -\n---\n" };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(LekhArticle) article = lekh_article_new (texts[t], -1);
      const LekhNode *list = lekh_article_get_value (article, "authors");
      guint n = lekh_node_get_n_items (list);

      for (guint i = 0; i < n; i++)
        for (guint j = 0; j <= n; j++)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(LekhEdit) edit = NULL;
            g_autoptr(LekhArticle) after = NULL;
            g_autofree char *result = NULL;
            const LekhNode *moved;

            if (i == j)
              continue;
            /* j == n: remove i; else move i to j. */
            if (j == n)
              edit = lekh_article_edit_list_remove (article, "authors", i, &error);
            else
              edit = lekh_article_edit_list_move (article, "authors", i, j, &error);
            g_test_message ("text %u, item %u to %u", t, i, j);
            g_assert_no_error (error);
            result = apply (article, edit);
            after = lekh_article_new (result, -1);
            moved = lekh_article_get_value (after, "authors");
            g_assert_cmpuint (lekh_node_get_n_items (moved), ==, j == n ? n - 1 : n);
            if (j < n)
              {
                const LekhNode *a = lekh_node_get_item (list, i);
                const LekhNode *b = lekh_node_get_item (moved, j);
                const char *ta = lekh_article_get_text (article, NULL);
                g_autofree char *was = g_strndup (ta + a->span.start, a->span.end - a->span.start);
                g_autofree char *now = g_strndup (result + b->span.start, b->span.end - b->span.start);

                /* A block scalar's span takes the blank lines after it along. */
                g_assert_cmpstr (g_strchomp (was), ==, g_strchomp (now));
              }
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/set-title-keeps-everything-else", test_edit_set_title_keeps_everything_else);
  g_test_add_func ("/edit/set-keeps-quote-style", test_edit_set_keeps_quote_style);
  g_test_add_func ("/edit/comment-after-quoted", test_edit_comment_after_quoted);
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
  g_test_add_func ("/edit/key-shapes", test_edit_key_shapes);
  g_test_add_func ("/edit/key-shapes-sweep", test_edit_key_shapes_sweep);
  g_test_add_func ("/edit/check-key", test_edit_check_key);
  for (guint i = 0; i < G_N_ELEMENTS (format_edit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/edit/format/%s", format_edit_cases[i].name);
      g_test_add_data_func (path, &format_edit_cases[i], test_edit_format_case);
    }
  g_test_add_func ("/edit/replace-value", test_edit_replace_value);
  g_test_add_func ("/edit/replace-value-merge", test_edit_replace_value_merge);
  g_test_add_func ("/edit/replace-value-refused", test_edit_replace_value_refused);
  for (guint i = 0; i < G_N_ELEMENTS (item_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/edit/list-item/%s", item_cases[i].name);
      g_test_add_data_func (path, &item_cases[i], test_edit_list_item_case);
    }
  g_test_add_func ("/edit/list-item-refused", test_edit_list_item_refused);
  g_test_add_func ("/edit/list-item-sweep", test_edit_list_item_sweep);

  return g_test_run ();
}
