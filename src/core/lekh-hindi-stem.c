/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-hindi-stem.h"

/* A Hindi ending and what a stem had in its place, '|'-separated ("" for nothing):
 * "कमरों" is "कमर" + "ों", from "कमरा" or "कमर". A verb ending gives the infinitive,
 * which the dictionary lists ("संभालकर" → "संभालना"), not the bare root: "यहा" is no
 * "यह" + "ा", and "घरने" no "घर" + "ने". Only "-ता" also makes nouns ("सुंदरता").
 * Longer endings come first; every rule is tried, so the order only orders the stems. */
typedef struct
{
  const char *ending;
  const char *replacements;
} Rule;

static const Rule rules[] = {
  /* Future tense: करेगा, करूँगा, करोगे, जाएगा, जाऊँगा, होगा. */
  { "ेंगे", "ना" }, { "ेंगी", "ना" }, { "ेगा", "ना" }, { "ेगी", "ना" },
  { "ूँगा", "ना" }, { "ूँगी", "ना" }, { "ूंगा", "ना" }, { "ूंगी", "ना" },
  { "ोगे", "ना" }, { "ोगी", "ना" },
  { "एँगे", "ना" }, { "एंगे", "ना" }, { "एँगी", "ना" }, { "एंगी", "ना" },
  { "एगा", "ना" }, { "एगी", "ना" },
  { "ऊँगा", "ना" }, { "ऊंगा", "ना" }, { "ऊँगी", "ना" }, { "ऊंगी", "ना" },
  { "ओगे", "ना" }, { "ओगी", "ना" },
  { "गा", "ना" }, { "गी", "ना" }, { "गे", "ना" },
  /* Polite imperative: करिए, करिएगा, बताइए. */
  { "िएगा", "ना" }, { "ियेगा", "ना" }, { "इएगा", "ना" },
  { "िए", "ना" }, { "िये", "ना" }, { "इए", "ना" }, { "इये", "ना" },
  /* Plural and oblique nouns: लड़कियों, चिड़ियाँ, भाइयों, साधुओं, माताओं, कमरों. */
  { "ियों", "ी|ि|िया" }, { "ियाँ", "ी|ि|िया" }, { "ियां", "ी|ि|िया" },
  { "इयों", "ई" }, { "इयाँ", "ई" }, { "इयां", "ई" },
  { "ुओं", "ु|ू" }, { "ओं", "" }, { "ों", "ा|" },
  /* Plural nouns and subjunctive verbs: बातें, कथाएँ, करें, जाएँ. */
  { "ें", "|ना" }, { "एँ", "|ना" }, { "एं", "|ना" },
  /* Verb forms: संभालता, करने, संभालकर, करके, बनाया, बनाई, बनाए, करूँ; "-ता" also
   * abstract nouns: सुंदरता. */
  { "तीं", "ना" }, { "ता", "|ना" }, { "ती", "ना" }, { "ते", "ना" },
  { "नीं", "ना" }, { "नी", "ना" }, { "ने", "ना" },
  { "कर", "ना" }, { "के", "ना" },
  { "यीं", "ना" }, { "या", "ना" }, { "ये", "ना" }, { "यी", "ना" },
  { "ईं", "ना" }, { "ई", "ना" }, { "ए", "ना" },
  { "ूँ", "ना" }, { "ूं", "ना" }, { "ऊँ", "ना" }, { "ऊं", "ना" },
  /* Gender and number of adjectives, nouns and past participles: अच्छी, कमरे,
   * संभाला, सहेजीं, करो, जाओ. */
  { "ीं", "ना" }, { "े", "ा|ना" }, { "ी", "ा|ना" }, { "ा", "ना" }, { "ो", "ना" }, { "ओ", "ना" },
  /* The bare root: imperative and compound verbs, "सहेज लें", "चिपका दें". */
  { "", "ना" },
};

#define VIRAMA 0x094D
#define NUKTA 0x093C

/* A consonant (with or without nukta) ends the root before an ending that starts with
 * a vowel sign: "कमर" + "ों", never "कमरा" + "ों". */
static gboolean
is_consonant (gunichar c)
{
  return (c >= 0x0915 && c <= 0x0939) || (c >= 0x0958 && c <= 0x095F) || c == NUKTA;
}

/* Vowel signs and the signs that sit on a letter (anusvara, chandrabindu, visarga). */
static gboolean
is_sign (gunichar c)
{
  return (c >= 0x0900 && c <= 0x0903) || (c >= 0x093A && c <= 0x094F) ||
         (c >= 0x0955 && c <= 0x0957) || c == 0x0962 || c == 0x0963;
}

static gboolean
is_devanagari_letter (gunichar c)
{
  return (c >= 0x0904 && c <= 0x0939) || (c >= 0x0958 && c <= 0x0961) ||
         (c >= 0x0972 && c <= 0x097F);
}

static void
add_unique (GPtrArray  *out,
            const char *word,
            char       *stem)
{
  if (g_str_equal (stem, word))
    {
      g_free (stem);
      return;
    }
  for (guint i = 0; i < out->len; i++)
    if (g_str_equal (out->pdata[i], stem))
      {
        g_free (stem);
        return;
      }
  g_ptr_array_add (out, stem);
}

GStrv
lekh_hindi_stems (const char *word)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *nfc = NULL;
  gsize len;

  g_return_val_if_fail (word != NULL, NULL);

  nfc = g_utf8_normalize (word, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return g_new0 (char *, 1);
  len = strlen (nfc);

  for (gsize r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      const Rule *rule = &rules[r];
      gsize ending_len = strlen (rule->ending);
      gunichar first = g_utf8_get_char (rule->ending);
      const char *root_end;
      gunichar last;
      guint letters = 0;

      if (ending_len >= len || !g_str_has_suffix (nfc, rule->ending))
        continue;
      root_end = nfc + len - ending_len;
      last = g_utf8_get_char (g_utf8_prev_char (root_end));
      /* A half letter cannot end a root, and a vowel sign needs a consonant before it. */
      if (last == VIRAMA || (is_sign (first) && !is_consonant (last)))
        continue;
      /* Syllables: a letter with a virama after it is half of a conjunct. */
      for (const char *p = nfc; p < root_end; p = g_utf8_next_char (p))
        if (is_devanagari_letter (g_utf8_get_char (p)) &&
            g_utf8_get_char (g_utf8_next_char (p)) != VIRAMA)
          letters++;
      /* "दी" is no "द" + "ी" nor "क्ता" "क्त" + "ा": a root has two syllables, or one
       * with its vowel sign. */
      if (letters == 0 || (letters == 1 && !is_sign (last)))
        continue;

      /* Not g_strsplit: it gives no piece at all for "". */
      for (const char *piece = rule->replacements; piece != NULL;)
        {
          const char *bar = strchr (piece, '|');
          gsize piece_len = bar ? (gsize) (bar - piece) : strlen (piece);

          /* A vowel sign needs a consonant: "जा" + "ा" is no stem. */
          if (piece_len == 0 || !is_sign (g_utf8_get_char (piece)) || is_consonant (last))
            add_unique (out, nfc, g_strdup_printf ("%.*s%.*s", (int) (root_end - nfc), nfc,
                                                   (int) piece_len, piece));
          piece = bar ? bar + 1 : NULL;
        }
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/* NFC decomposes the nukta letters (क़ is क + ़), and dictionaries have either. */
static char *
compose_nukta (const char *nfc)
{
  static const gunichar bases[] = { 0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F };
  GString *out = g_string_new (NULL);

  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gboolean composed = FALSE;

      if (g_utf8_get_char (next) == NUKTA)
        for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
          if (bases[i] == c)
            {
              g_string_append_unichar (out, 0x0958 + i);
              p = next;
              composed = TRUE;
              break;
            }
      if (!composed)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
exchange (const char *text,
          gunichar    from,
          gunichar    to)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c == from ? to : c);
    }
  return g_string_free (out, FALSE);
}

#define ANUSVARA 0x0902
#define CHANDRABINDU 0x0901

static gboolean
spelling_is_known (const char      *nfc,
                   LekhHindiLookup  lookup,
                   gpointer         user_data)
{
  g_autofree char *composed = NULL;
  g_autofree char *anusvara = NULL;
  g_autofree char *chandrabindu = NULL;

  if (lookup (nfc, user_data))
    return TRUE;
  composed = compose_nukta (nfc);
  if (!g_str_equal (composed, nfc) && lookup (composed, user_data))
    return TRUE;
  anusvara = exchange (nfc, CHANDRABINDU, ANUSVARA);
  if (!g_str_equal (anusvara, nfc) && lookup (anusvara, user_data))
    return TRUE;
  chandrabindu = exchange (nfc, ANUSVARA, CHANDRABINDU);
  return !g_str_equal (chandrabindu, nfc) && lookup (chandrabindu, user_data);
}

gboolean
lekh_hindi_word_is_known (const char      *word,
                          LekhHindiLookup  lookup,
                          gpointer         user_data)
{
  g_autofree char *nfc = NULL;
  g_auto(GStrv) stems = NULL;

  g_return_val_if_fail (word != NULL, FALSE);
  g_return_val_if_fail (lookup != NULL, FALSE);

  if (!g_utf8_validate (word, -1, NULL))
    return FALSE;
  /* As typed first: a dictionary in another normalisation still knows its own words. */
  if (lookup (word, user_data))
    return TRUE;
  nfc = g_utf8_normalize (word, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return FALSE;
  if (spelling_is_known (nfc, lookup, user_data))
    return TRUE;
  stems = lekh_hindi_stems (nfc);
  for (guint i = 0; stems[i] != NULL; i++)
    if (spelling_is_known (stems[i], lookup, user_data))
      return TRUE;
  return FALSE;
}

GStrv
lekh_hindi_word_list_parse (const char *text,
                            gsize       len,
                            guint      *n_rejected)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  const char *end;
  guint rejected = 0;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  end = text != NULL ? text + len : NULL;
  for (const char *line = text; line < end;)
    {
      const char *eol = memchr (line, '\n', (gsize) (end - line));
      gsize line_len = (gsize) ((eol ? eol : end) - line);
      g_autofree char *raw = g_strndup (line, line_len);
      char *word = g_strstrip (raw);
      gboolean ok = TRUE;

      if (memchr (line, '\0', line_len) != NULL)
        ok = FALSE;   /* a NUL inside the line */
      else if (word[0] == '\0' || word[0] == '#')
        {
          line = eol ? eol + 1 : end;
          continue;
        }
      else if (!g_utf8_validate (word, -1, NULL))
        ok = FALSE;
      else
        for (const char *p = word; *p && ok; p = g_utf8_next_char (p))
          if (g_unichar_isspace (g_utf8_get_char (p)))
            ok = FALSE;
      line = eol ? eol + 1 : end;
      if (!ok)
        {
          rejected++;
          continue;
        }
      g_ptr_array_add (out, g_utf8_normalize (word, -1, G_NORMALIZE_NFC));
    }
  if (n_rejected != NULL)
    *n_rejected = rejected;
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}
