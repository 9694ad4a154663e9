/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a spell checker should look at in a Markdown article: the words of its prose.
 * Left out: the front matter's keys and its values other than title and description,
 * fenced and indented code blocks, code spans, URLs and link targets, HTML tags, e-mail
 * addresses, words with digits or '_' (identifiers), words in capitals (acronyms), and
 * the Markdown marks themselves. Offsets are in characters, as GtkTextIter counts them. */

typedef struct
{
  guint start;
  guint end;
} LekhSpellRange;

/* The words to check in TEXT (NUL-terminated UTF-8): a new array of LekhSpellRange. */
GArray   *lekh_spell_text_ranges        (const char *text);

/* Whether WORD is written in Devanagari (checked with a Hindi dictionary). */
gboolean  lekh_spell_text_is_devanagari (const char *word);

/* The language the front matter names ("lang", "language" or "locale", e.g. "en-GB"
 * becomes "en_GB"), or else guessed from the body's script: "hi" when most of its
 * letters are Devanagari, "en" otherwise. */
char     *lekh_spell_text_language      (const char *text);

G_END_DECLS
