/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words as a reader counts them: runs of text between white space that hold at least
 * one letter, mark or digit. Hindi separates words with spaces like English, so this is
 * right for Devanagari too; a lone danda (।), a Markdown marker (#, -, **, ```) or an
 * emoji-free punctuation run is not a word. */
guint lekh_text_count_words      (const char *text,
                                  gssize      len);
/* Minutes to read WORDS words at an average adult reading speed, rounded up; 0 for 0. */
guint lekh_text_reading_minutes  (guint       words);

G_END_DECLS
