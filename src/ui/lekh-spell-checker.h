/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lekh-document.h"

G_BEGIN_DECLS

#define LEKH_TYPE_SPELL_CHECKER (lekh_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (LekhSpellChecker, lekh_spell_checker, LEKH, SPELL_CHECKER, GObject)

/* Spell checking as you type with enchant-2: the words lekh-spell-text finds in the prose
 * are checked on idle and misspelled ones get an error underline. Devanagari words are
 * checked with Hindi, other words with the document's language: the one chosen from the
 * context menu (remembered per file), else the front matter's lang, else the preference,
 * else English. The context menu (the view's extra menu) offers suggestions, Add to
 * Dictionary, Ignore and the language. */
LekhSpellChecker *lekh_spell_checker_new            (GtkTextView      *view,
                                                     LekhDocument     *document);
/* The same for a form field's text view (the description): its own buffer is checked,
 * in the language of DOCUMENT (its file's choice, its front matter). */
LekhSpellChecker *lekh_spell_checker_new_for_field  (GtkTextView      *view,
                                                     LekhDocument     *document);
/* Error underlines for the misspelled words of a one-line TEXT (an entry's), with this
 * checker's dictionaries: a new list for gtk_text_set_attributes(). The "checked" signal
 * says when they may have changed (language, dictionary, settings). */
PangoAttrList    *lekh_spell_checker_underline      (LekhSpellChecker *self,
                                                     const char       *text);
GMenuModel       *lekh_spell_checker_get_menu       (LekhSpellChecker *self);
/* The dictionary for words that are not Devanagari, e.g. "en_US" (NULL: none). */
const char       *lekh_spell_checker_get_language   (LekhSpellChecker *self);
/* Chooses the language of this document (NULL: back to detection) and remembers it. */
void              lekh_spell_checker_set_language   (LekhSpellChecker *self,
                                                     const char       *language);
/* Checks the whole text now instead of on idle. */
void              lekh_spell_checker_check_now      (LekhSpellChecker *self);
gboolean          lekh_spell_checker_is_misspelled  (LekhSpellChecker *self,
                                                     const GtkTextIter *iter);
/* The dictionaries enchant has, sorted: a new NULL-terminated array. */
char            **lekh_spell_checker_list_languages (void);

G_END_DECLS
