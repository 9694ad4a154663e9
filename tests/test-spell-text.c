/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-spell-text.h"

/* The words lekh_spell_text_ranges() gives, joined with '|'. */
static char *
words (const char *text)
{
  g_autoptr(GArray) ranges = lekh_spell_text_ranges (text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      LekhSpellRange *r = &g_array_index (ranges, LekhSpellRange, i);
      g_autofree char *word = g_utf8_substring (text, r->start, r->end);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, word);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *text;
  const char *words;
} Case;

static const Case cases[] = {
  { "Teh quick fox jumpd.", "Teh|quick|fox|jumpd" },
  { "**Bold** and _italic_ and ~~gone~~", "Bold|and|italic|and|gone" },
  { "# A heading\n> quoted text\n- item one\n1. item two", "A|heading|quoted|text|item|one|item|two" },
  { "Use `git comit` to save", "Use|to|save" },
  { "Run ``a `b` c`` now", "Run|now" },
  { "See [the docs](https://exampel.org/pathh) now", "See|the|docs|now" },
  { "![alt text](imgs/pictre.png)", "alt|text" },
  { "Visit https://exampel.org/x or www.exampel.com today", "Visit|or|today" },
  { "Mail me@exampel.org please", "Mail|please" },
  { "Edit config_file.yaml and file.txt", "Edit|and" },
  { "A <span class=\"clss\">word</span>", "A|word" },
  { "NASA and HTML5 and abc123", "and|and" },
  { "don't and it’s", "don't|and|it’s" },
  { "हिंदी में लिखना", "हिंदी|में|लिखना" },
  { "text\n```\nnot chekced\n```\nafter", "text|after" },
  { "text\n~~~~js\nlet x\n~~~~\nafter", "text|after" },
  { "para\n\n    indented codde\n\nback", "para|back" },
  { "---\ntitle: Teh title\nslug: my-slugg\ntags: [speling]\ndescription: \"A descrption\"\n---\nBody",
    "Teh|title|A|descrption|Body" },
  { "\xEF\xBB\xBFword", "word" },
};

static void
test_ranges (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = words (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].words);
    }
}

static void
test_offsets_are_characters (void)
{
  const char *text = "हिंदी word";
  g_autoptr(GArray) ranges = lekh_spell_text_ranges (text);
  LekhSpellRange *second;

  g_assert_cmpuint (ranges->len, ==, 2);
  second = &g_array_index (ranges, LekhSpellRange, 1);
  g_assert_cmpuint (second->start, ==, (guint) g_utf8_strlen ("हिंदी ", -1));
  g_assert_cmpuint (second->end - second->start, ==, 4);
}

static void
test_script (void)
{
  g_assert_true (lekh_spell_text_is_devanagari ("लेख"));
  g_assert_false (lekh_spell_text_is_devanagari ("lekh"));
}

static void
test_language (void)
{
  g_autofree char *a = lekh_spell_text_language ("---\ntitle: x\nlang: en-GB\n---\nहिंदी हिंदी हिंदी");
  g_autofree char *b = lekh_spell_text_language ("---\nlanguage: \"hi\"\n---\nEnglish text");
  g_autofree char *c = lekh_spell_text_language ("यह हिंदी में लिखा गया लेख है with a few English words");
  g_autofree char *d = lekh_spell_text_language ("An English article with एक Hindi word");
  g_autofree char *e = lekh_spell_text_language ("");

  g_assert_cmpstr (a, ==, "en_GB");
  g_assert_cmpstr (b, ==, "hi");
  g_assert_cmpstr (c, ==, "hi");
  g_assert_cmpstr (d, ==, "en");
  g_assert_cmpstr (e, ==, "en");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spell-text/ranges", test_ranges);
  g_test_add_func ("/spell-text/offsets", test_offsets_are_characters);
  g_test_add_func ("/spell-text/script", test_script);
  g_test_add_func ("/spell-text/language", test_language);
  return g_test_run ();
}
