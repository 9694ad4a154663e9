/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-hindi-stem.h"
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

/* Hindi endings */

static gboolean
strv_has (GStrv        strv,
          const char  *word)
{
  g_autofree char *nfc = g_utf8_normalize (word, -1, G_NORMALIZE_NFC);

  return g_strv_contains ((const char * const *) strv, nfc);
}

typedef struct
{
  const char *word;
  const char *stem;
} StemCase;

static const StemCase stem_cases[] = {
  { "लड़कियों", "लड़की" },      /* feminine plural oblique */
  { "चिड़ियाँ", "चिड़िया" },
  { "छवियाँ", "छवि" },
  { "अतिथियों", "अतिथि" },
  { "भाइयों", "भाई" },
  { "साधुओं", "साधु" },
  { "बहुओं", "बहू" },
  { "माताओं", "माता" },
  { "तालिकाओं", "तालिका" },
  { "कमरों", "कमरा" },        /* masculine -ā noun */
  { "कमरों", "कमर" },
  { "लेखों", "लेख" },
  { "कमरे", "कमरा" },
  { "बातें", "बात" },
  { "कथाएँ", "कथा" },
  { "अच्छी", "अच्छा" },
  { "संभालता", "संभाल" },      /* verbs: root and infinitive */
  { "संभालता", "संभालना" },
  { "संभालकर", "संभालना" },
  { "करके", "करना" },
  { "करने", "करना" },
    { "बनाया", "बनाना" },
  { "बनाई", "बनाना" },
  { "बनाए", "बनाना" },
  { "सहेजें", "सहेजना" },
  { "सहेजीं", "सहेजना" },
  { "करेगा", "करना" },
  { "करूँगी", "करना" },
  { "जाएँगे", "जाना" },
  { "होगा", "होना" },
  { "करोगे", "करना" },
  { "बताइए", "बताना" },
  { "संभाला", "संभालना" },
  { "सुंदरता", "सुंदर" },
  { "सहेज", "सहेजना" },       /* the bare root */
  { "चिपका", "चिपकाना" },      /* the abstract noun ending */
  { "जाँचें", "जाँचना" },
};

static void
test_hindi_stems (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (stem_cases); i++)
    {
      g_auto(GStrv) stems = lekh_hindi_stems (stem_cases[i].word);
      g_autofree char *joined = g_strjoinv ("|", stems);

      g_test_message ("%s: %s", stem_cases[i].word, joined);
      g_assert_true (strv_has (stems, stem_cases[i].stem));
      g_assert_false (strv_has (stems, stem_cases[i].word));
    }
}

static void
test_hindi_stems_refused (void)
{
  /* No stems where there is no Devanagari root to keep, or it ends in a half letter. */
  const char *none[] = { "ों", "", "word", "लेख्" };
  /* Endings that would leave no real root: "दी" is no "द" + "ी", "क्ता" no "क्त" + "ा". */
  const StemCase not_from[] = {
    { "दी", "द" }, { "दी", "दना" }, { "ता", "" }, { "ता", "ना" }, { "क्ता", "क्त" },
    { "क्ता", "क्तना" }, { "घरने", "घर" }, { "यहा", "यह" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    {
      g_auto(GStrv) stems = lekh_hindi_stems (none[i]);
      g_autofree char *joined = g_strjoinv ("|", stems);

      g_test_message ("%s: %s", none[i], joined);
      g_assert_cmpstr (joined, ==, "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_from); i++)
    {
      g_auto(GStrv) stems = lekh_hindi_stems (not_from[i].word);

      g_test_message ("%s: not %s", not_from[i].word, not_from[i].stem);
      g_assert_false (strv_has (stems, not_from[i].stem));
    }

  /* A vowel sign ending needs a consonant before it: "नमस्तेे" is no "नमस्ते" + "े". */
  {
    g_auto(GStrv) stems = lekh_hindi_stems ("नमस्तेे");

    g_assert_false (strv_has (stems, "नमस्ते"));
  }
  /* An ending after a vowel sign keeps the sign: "जाओं" gives no "जा" + "ा". */
  {
    g_auto(GStrv) stems = lekh_hindi_stems ("कथाओं");

    g_assert_true (strv_has (stems, "कथा"));
    g_assert_false (strv_has (stems, "कथाा"));
  }
  /* Invalid UTF-8 has no stems. */
  {
    g_auto(GStrv) stems = lekh_hindi_stems ("\xE0\xA4");

    g_assert_cmpuint (g_strv_length (stems), ==, 0);
  }
}

/* A tiny dictionary: some of the stems hi_IN.dic lists, spelled as it spells them. */
static const char *dictionary[] = {
  "लेख", "संभाल", "संभालना", "लड़की", "बना", "बनाना", "कर", "करना", "बात", "है", "को",
  "दुनिया", "\xE0\xA5\x9E" "ाइल" /* फ़ाइल with a precomposed nukta, U+095E */, "जाँचना",
  "हैं", "यह", NULL
};

static gboolean
fake_lookup (const char *word,
             gpointer    user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return g_strv_contains (dictionary, word);
}

static void
test_hindi_known (void)
{
  const char *known[] = {
    "लेख", "लेखों", "संभालता", "संभालकर", "लड़कियों", "बनाया", "बनाई", "करेंगे", "बातें",
    "दुनिया", "फ़ाइल" /* decomposed nukta */, "फ़ाइलें", "जांचें" /* anusvara for chandrabindu */,
    "हैँ",
  };
  const char *unknown[] = {
    "\xE0\xA4",    /* invalid UTF-8 */
    "नमस्तेे",    /* a typo: doubled vowel sign */
    "लेखौं",      /* a wrong ending */
    "गपलों",      /* an invented stem with a real ending */
    "गपलता",
    "फाइल",       /* the nukta matters: फ and फ़ are different letters */
    "लेख्",
    "यहा",        /* for "यहाँ": "यह" + "ा" is no Hindi form; a verb root's "-ा" needs its "-ना" */
  };
  guint calls = 0;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_test_message ("known: %s", known[i]);
      g_assert_true (lekh_hindi_word_is_known (known[i], fake_lookup, &calls));
    }
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autofree char *shown = g_utf8_make_valid (unknown[i], -1);

      g_test_message ("unknown: %s", shown);
      g_assert_false (lekh_hindi_word_is_known (unknown[i], fake_lookup, &calls));
    }
  g_assert_cmpuint (calls, >, 0);
}

static void
test_hindi_word_list (void)
{
  const char text[] = "# a comment\n\n  नमस्ते  \r\nफ़ाइल\nदो शब्द\n\xE0\xA4\nएक\0दो\nब्लॉग";
  guint rejected = 99;
  g_auto(GStrv) words = lekh_hindi_word_list_parse (text, sizeof text - 1, &rejected);
  g_auto(GStrv) empty = lekh_hindi_word_list_parse ("", 0, NULL);

  g_assert_cmpuint (g_strv_length (words), ==, 3);
  g_assert_cmpstr (words[0], ==, "नमस्ते");
  /* NFC: the precomposed U+095E becomes फ + nukta. */
  g_assert_cmpstr (words[1], ==, "\xE0\xA4\xAB\xE0\xA4\xBC" "ाइल");
  g_assert_cmpstr (words[2], ==, "ब्लॉग");
  g_assert_cmpuint (rejected, ==, 3);
  g_assert_cmpuint (g_strv_length (empty), ==, 0);
  {
    g_auto(GStrv) none = lekh_hindi_word_list_parse (NULL, 0, NULL);

    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
}

/* The list Lekh ships: every line a Devanagari word, none twice. */
static void
test_hindi_shipped_list (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "spelling",
                                                 "hi-extra.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) words = NULL;
  gsize len;
  guint rejected = 99;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  words = lekh_hindi_word_list_parse (contents, len, &rejected);
  g_assert_cmpuint (rejected, ==, 0);
  g_assert_cmpuint (g_strv_length (words), >, 100);
  g_assert_true (g_strv_contains ((const char * const *) words, "नमस्ते"));
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_test_message ("%s", words[i]);
      g_assert_true (lekh_spell_text_is_devanagari (words[i]));
      g_assert_true (g_hash_table_add (seen, words[i]));
    }
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
  g_test_add_func ("/spell-text/hindi-stems", test_hindi_stems);
  g_test_add_func ("/spell-text/hindi-stems-refused", test_hindi_stems_refused);
  g_test_add_func ("/spell-text/hindi-known", test_hindi_known);
  g_test_add_func ("/spell-text/hindi-word-list", test_hindi_word_list);
  g_test_add_func ("/spell-text/hindi-shipped-list", test_hindi_shipped_list);
  return g_test_run ();
}
