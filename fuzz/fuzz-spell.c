/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: what the spell checker is given and what it accepts.
 *   - lekh_spell_text_ranges: the words of the prose lie in the text, in order, apart,
 *     each a non-empty run of whole characters;
 *   - lekh_spell_text_language: NULL-free, short, valid text;
 *   - lekh_hindi_stems: each stem valid NFC text, not empty, not the word, no duplicates;
 *   - lekh_hindi_word_is_known: a lookup that knows everything knows the word, one that
 *     knows nothing knows none, and every word looked up is valid text;
 *   - lekh_hindi_word_list_parse: every word valid, non-empty, without blanks, in NFC. */
#include "config.h"

#include <string.h>

#include "lekh-fuzz-common.h"
#include "lekh-hindi-stem.h"
#include "lekh-spell-text.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static gboolean
lookup_all (const char *word,
            gpointer    user_data)
{
  guint *n_calls = user_data;

  lekh_fuzz_check_utf8 (word, strlen (word));
  (*n_calls)++;
  return TRUE;
}

static gboolean
lookup_none (const char *word,
             gpointer    user_data)
{
  guint *n_calls = user_data;

  lekh_fuzz_check_utf8 (word, strlen (word));
  (*n_calls)++;
  return FALSE;
}

static void
check_nfc_word (const char *word)
{
  g_autofree char *nfc = NULL;

  LEKH_FUZZ_ASSERT (word != NULL && *word != '\0');
  lekh_fuzz_check_utf8 (word, strlen (word));
  nfc = g_utf8_normalize (word, -1, G_NORMALIZE_NFC);
  LEKH_FUZZ_ASSERT (nfc != NULL && strcmp (nfc, word) == 0);
}

static void
check_word (const char *word)
{
  g_auto(GStrv) stems = lekh_hindi_stems (word);
  guint n_calls = 0;

  LEKH_FUZZ_ASSERT (stems != NULL);
  for (guint i = 0; stems[i] != NULL; i++)
    {
      check_nfc_word (stems[i]);
      LEKH_FUZZ_ASSERT (strcmp (stems[i], word) != 0);
      for (guint j = 0; j < i; j++)
        LEKH_FUZZ_ASSERT (strcmp (stems[i], stems[j]) != 0);
    }
  LEKH_FUZZ_ASSERT (lekh_hindi_word_is_known (word, lookup_all, &n_calls));
  LEKH_FUZZ_ASSERT (n_calls >= 1);
  n_calls = 0;
  LEKH_FUZZ_ASSERT (!lekh_hindi_word_is_known (word, lookup_none, &n_calls));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) ranges = NULL;
  g_autofree char *language = NULL;
  g_auto(GStrv) words = NULL;
  glong n_chars;
  guint n_rejected = 0;
  guint n_checked = 0;

  lekh_fuzz_init ();

  /* The word list takes any bytes. */
  words = lekh_hindi_word_list_parse ((const char *) data, size, &n_rejected);
  LEKH_FUZZ_ASSERT (words != NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      check_nfc_word (words[i]);
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        LEKH_FUZZ_ASSERT (!g_unichar_isspace (g_utf8_get_char (p)));
    }

  /* The rest takes text, as the editor gives it. */
  if (!g_utf8_validate_len ((const char *) data, size, NULL) || memchr (data, '\0', size) != NULL)
    return 0;
  text = g_strndup ((const char *) data, size);
  n_chars = g_utf8_strlen (text, -1);

  language = lekh_spell_text_language (text);
  if (language != NULL)
    lekh_fuzz_check_utf8 (language, strlen (language));

  ranges = lekh_spell_text_ranges (text);
  LEKH_FUZZ_ASSERT (ranges != NULL);
  for (guint i = 0; i < ranges->len; i++)
    {
      const LekhSpellRange *r = &g_array_index (ranges, LekhSpellRange, i);
      const char *start, *end;
      g_autofree char *word = NULL;

      LEKH_FUZZ_ASSERT (r->start < r->end && (glong) r->end <= n_chars);
      if (i > 0)
        LEKH_FUZZ_ASSERT (g_array_index (ranges, LekhSpellRange, i - 1).end <= r->start);
      start = g_utf8_offset_to_pointer (text, r->start);
      end = g_utf8_offset_to_pointer (text, r->end);
      word = g_strndup (start, end - start);
      lekh_fuzz_check_utf8 (word, strlen (word));

      /* Every Devanagari word goes to the Hindi checks (a bounded number per input). */
      if (lekh_spell_text_is_devanagari (word) && n_checked++ < 64)
        check_word (word);
    }
  /* Words straight from the input's lines too: what the checker may be asked about
   * outside prose (the form's fields). */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", 16);

    for (guint i = 0; lines[i] != NULL && i < 16; i++)
      if (*lines[i] != '\0')
        check_word (lines[i]);
  }
  return 0;
}
