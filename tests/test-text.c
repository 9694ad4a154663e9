/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-text.h"
#include "lekh-text-stats.h"

typedef struct
{
  const char *text;
  gsize       graphemes;
} GraphemeCase;

/* Expected counts agree with the `regex` module's \X (Unicode 15.1, with GB9c). */
static const GraphemeCase grapheme_cases[] = {
  { "", 0 },
  { "abc", 3 },
  { "क्षत्रिय", 3 },                    /* GB9c: क्ष and त्रि are conjuncts */
  { "नमस्ते", 3 },
  { "हिन्दी", 2 },                      /* matras stay with their consonant */
  { "ক্ষ", 1 },                         /* Bengali conjunct */
  { "க்ஷ", 2 },                         /* Tamil's virama does not join (no InCB) */
  { "e\xcc\x81\r\n", 2 },               /* e + combining acute; CR LF is one */
  { "\r\r\n\n", 3 },
  { "👍🏽x", 2 },                        /* emoji modifier */
  { "👨\u200d👩\u200d👧", 1 },           /* ZWJ sequence */
  { "🏳️\u200d🌈", 1 },
  { "🇮🇳🇺🇸🇺", 3 },                     /* regional indicators pair up */
  { "한국어", 3 },
  { "\u1100\u1161\u11a8", 1 },          /* Hangul L V T */
  { "กำ", 1 },                          /* Thai SARA AM */
  { "\u0600\u0661", 1 },                /* Arabic number sign prepends */
  { "a\u200db", 2 },
  { "हिन्दी में लिखना आसान है और लिखने में आनंद भी मिलता है, सच में यह बहुत अच्छा है", 53 },
};

static void
test_graphemes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (grapheme_cases); i++)
    {
      g_test_message ("%s", grapheme_cases[i].text);
      g_assert_cmpuint (lekh_text_count_graphemes (grapheme_cases[i].text, -1), ==,
                        grapheme_cases[i].graphemes);
    }
}

static void
test_next_grapheme (void)
{
  const char *text = "क्षत्रिय";

  g_assert_cmpuint (lekh_text_next_grapheme (text, strlen (text)), ==, strlen ("क्ष"));
  g_assert_cmpuint (lekh_text_next_grapheme ("", 0), ==, 0);
  g_assert_cmpuint (lekh_text_next_grapheme ("ab", 2), ==, 1);
}

static void
test_measure (void)
{
  gsize n = 0, width = 0;

  lekh_text_measure ("中文标题", -1, &n, &width);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (width, ==, 8);
  lekh_text_measure ("हिन्दी", -1, &n, &width);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (width, ==, 2);
}

static void
test_fold (void)
{
  g_assert_true (lekh_text_equal_folded ("React", "react"));
  g_assert_true (lekh_text_equal_folded ("Straße", "STRASSE"));
  g_assert_true (lekh_text_equal_folded ("Café", "Cafe\xcc\x81"));
  /* ज़ precomposed (U+095B) and ज + nukta */
  g_assert_true (lekh_text_equal_folded ("\xe0\xa5\x9b", "\xe0\xa4\x9c\xe0\xa4\xbc"));
  g_assert_false (lekh_text_equal_folded ("react", "redux"));
  g_assert_false (lekh_text_equal_folded ("हिंदी", "हिन्दी"));
}

static void
test_edit_distance (void)
{
  g_assert_cmpuint (lekh_text_edit_distance ("tag", "tags", 2), ==, 1);
  g_assert_cmpuint (lekh_text_edit_distance ("titel", "title", 2), ==, 1);
  g_assert_cmpuint (lekh_text_edit_distance ("kitten", "sitting", 5), ==, 3);
  g_assert_cmpuint (lekh_text_edit_distance ("kitten", "sitting", 2), ==, 3);
  g_assert_cmpuint (lekh_text_edit_distance ("", "abc", 5), ==, 3);
  g_assert_cmpuint (lekh_text_edit_distance ("same", "same", 0), ==, 0);
  g_assert_cmpuint (lekh_text_edit_distance ("लेख", "लेखक", 2), ==, 1);
}

static void
test_slugify (void)
{
  static const struct { const char *text, *slug; } cases[] = {
    { "Hello World", "hello-world" },
    { "What's new in 2.0?", "whats-new-in-20" },
    { "Über café", "über-café" },
    { "snake_case and kebab-case", "snake_case-and-kebab-case" },
    { "  two  spaces", "--two--spaces" },
    /* Devanagari keeps its vowel signs, viramas and nasal marks; the danda goes. */
    { "नमस्ते दुनिया", "नमस्ते-दुनिया" },
    { "उद्धरण और कोड।", "उद्धरण-और-कोड" },
    { "C++ & `code`", "c--code" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = lekh_text_slugify (cases[i].text);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

typedef struct
{
  const char *text;
  gssize      len;
  guint       words;
} WordCase;

/* A word is a run between white space with at least one letter, mark or digit. */
static const WordCase word_cases[] = {
  { "", -1, 0 },
  { "   \n\t ", -1, 0 },
  { "one two  three\n", -1, 3 },
  { "one\r\ntwo\tthree", -1, 3 },
  { "one two three", 7, 2 },                          /* only the first LEN bytes */
  /* Hindi: the danda alone is punctuation; vowel signs and virama stay inside words */
  { "यह लेख हिंदी में है । और यह भी।", -1, 8 },
  { "क्षत्रिय संस्कृति", -1, 2 },
  { "कि॰ 2026 ok", -1, 3 },
  /* mixed scripts */
  { "Lekh एक editor है", -1, 4 },
  { "GNOME-आधारित संपादक", -1, 2 },
  /* numbers are words; separators inside them do not split */
  { "3 apples, 4.5 kg on 2026-12-06", -1, 6 },
  { "१२३ रुपये", -1, 2 },                               /* Devanagari digits */
  /* Markdown marks are not words; marked-up words still are */
  { "# Heading\n\n- item **bold** ``` --- >", -1, 3 },
  { "> quote\n\n1. first\n2. second\n\n| a | b |\n|---|---|", -1, 7 },
  { "* * *\n___\n[link](https://example.org)", -1, 1 },
  /* Unicode spaces separate: NBSP, the zero width space some Hindi text uses, ideographic */
  { "a\u00a0b", -1, 2 },
  { "शब्द\u200bदूसरा", -1, 2 },
  { "x\u3000y\u2028z", -1, 3 },
  /* symbols alone are not words; broken bytes are skipped, not counted */
  { "👍 🎉 — …", -1, 0 },
  { "\xff\xfe abc", -1, 1 },
};

static void
test_word_count (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (word_cases); i++)
    {
      g_test_message ("case %u: %s", i, word_cases[i].text);
      g_assert_cmpuint (lekh_text_count_words (word_cases[i].text, word_cases[i].len), ==,
                        word_cases[i].words);
    }
}

static void
test_reading_minutes (void)
{
  g_assert_cmpuint (lekh_text_reading_minutes (0), ==, 0);
  g_assert_cmpuint (lekh_text_reading_minutes (1), ==, 1);
  g_assert_cmpuint (lekh_text_reading_minutes (200), ==, 1);
  g_assert_cmpuint (lekh_text_reading_minutes (201), ==, 2);
  g_assert_cmpuint (lekh_text_reading_minutes (401), ==, 3);
}

static void
test_suggest_file_name (void)
{
  struct { const char *title, *date, *name; } cases[] = {
    { "Hello, World!", NULL, "hello-world.md" },
    { "हिंदी में पहला लेख", NULL, "हिंदी-में-पहला-लेख.md" },
    { "First post", "2024-06-01", "2024-06-01-first-post.md" },
    { "First post", "2024-06-01T10:00:00Z", "2024-06-01-first-post.md" },
    { "First post", "June 1", "first-post.md" },
    { NULL, NULL, "article.md" },
    { "!!!", "2024-06-01", "2024-06-01-article.md" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = lekh_text_suggest_file_name (cases[i].title, cases[i].date);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/graphemes", test_graphemes);
  g_test_add_func ("/text/next-grapheme", test_next_grapheme);
  g_test_add_func ("/text/measure", test_measure);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/edit-distance", test_edit_distance);
  g_test_add_func ("/text/slugify", test_slugify);
  g_test_add_func ("/text/word-count", test_word_count);
  g_test_add_func ("/text/reading-minutes", test_reading_minutes);

  g_test_add_func ("/text/suggest-file-name", test_suggest_file_name);
  return g_test_run ();
}
