/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Hindi spelling beyond a bare word list. Debian's Hindi hunspell dictionary lists stems
 * with no affix rules, so "लेखों" (of the articles) is unknown though "लेख" is listed.
 * These functions give the stems an inflected word could come from, and decide whether
 * a word is known given a lookup of whole words (e.g. enchant_dict_check). */

/* The stems WORD (Devanagari, any normalisation) could be an inflection of, in NFC,
 * without duplicates and without WORD itself: e.g. "लड़कियों" → "लड़की", "कमरों" →
 * "कमरा", "कमर", and for verbs the infinitive ("संभालकर" → "संभालना"). A new
 * NULL-terminated array, empty when no Hindi ending applies. */
GStrv     lekh_hindi_stems          (const char *word);

/* Whether a dictionary knows WORD (NUL-terminated UTF-8, without the NUL). */
typedef gboolean (*LekhHindiLookup) (const char *word,
                                     gpointer    user_data);

/* Whether WORD is correct Hindi for LOOKUP: LOOKUP knows the word itself or one of its
 * stems, each tried in NFC, with precomposed nukta letters (क़ for क़) and with
 * chandrabindu and anusvara exchanged (the standard allows "हैं" for "हैँ"). */
gboolean  lekh_hindi_word_is_known  (const char      *word,
                                     LekhHindiLookup  lookup,
                                     gpointer         user_data);

/* The words of a word list (TEXT: UTF-8, one word a line, '#' starts a comment line,
 * blank lines ignored, surrounding spaces trimmed), each in NFC. Lines that are not a
 * single valid word (invalid UTF-8, inner spaces) are left out and counted in
 * N_REJECTED when it is not NULL. A new NULL-terminated array. */
GStrv     lekh_hindi_word_list_parse (const char *text,
                                      gsize       len,
                                      guint      *n_rejected);

G_END_DECLS
