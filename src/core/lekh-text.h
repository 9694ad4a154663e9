/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* User-perceived characters: extended grapheme clusters (UAX #29), including the
 * Indic conjunct rule GB9c, so "क्षत्रिय" counts as a reader sees it. TEXT is valid UTF-8;
 * LEN may be -1 for a NUL-terminated string. */
gsize        lekh_text_count_graphemes  (const char  *text,
                                         gssize       len);
/* Grapheme clusters, and display width: clusters that start with a wide (East Asian
 * full-width) character count twice, as they take twice the room in a search result. */
void         lekh_text_measure          (const char  *text,
                                         gssize       len,
                                         gsize       *graphemes,
                                         gsize       *width);
/* The byte offset just past the first grapheme cluster of TEXT (0 for an empty text). */
gsize        lekh_text_next_grapheme    (const char  *text,
                                         gsize        len);
/* Case-folded, NFKC-normalised form used for "same word" comparisons. */
char        *lekh_text_fold             (const char  *text);
gboolean     lekh_text_equal_folded     (const char  *a,
                                         const char  *b);
/* Levenshtein distance in characters (with adjacent transpositions counted as one
 * edit), giving up and returning MAX + 1 once the distance must exceed MAX. */
guint        lekh_text_edit_distance    (const char  *a,
                                         const char  *b,
                                         guint        max);
/* A character words are made of: a letter, a mark (Devanagari vowel signs, viramas and
 * nasal marks belong to their word) or a number. Inline: word counting calls it for
 * every character of a long article. */
static inline gboolean
lekh_text_is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The anchor id GitHub, Docusaurus and most static site generators give a heading with
 * this text: lower case, letters (Devanagari vowel signs and viramas included), numbers,
 * '_' and '-' kept, each space a '-', other punctuation dropped. */
char        *lekh_text_slugify          (const char  *text);
/* The file name to offer for a new article: its title's slug ("article" without one), after
 * "YYYY-MM-DD-" when DATE starts with a date - the convention of Jekyll's _posts and
 * Docusaurus's blog - with ".md". TITLE and DATE may be NULL. */
char        *lekh_text_suggest_file_name (const char *title,
                                          const char *date);

G_END_DECLS
