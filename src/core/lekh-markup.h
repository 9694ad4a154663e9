/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text changes behind the writing keys (bold, italic, code, link, heading level,
 * list continuation), computed on plain text so they are tested without a display.
 * Offsets are in characters, as GtkTextIter counts them. */

typedef enum
{
  LEKH_MARKUP_BOLD,
  LEKH_MARKUP_ITALIC,
  LEKH_MARKUP_CODE,
  LEKH_MARKUP_LINK,
} LekhMarkupStyle;

/* Replace the characters [START, END) of the text with REPLACEMENT, then select
 * [SELECT_START, SELECT_END) of the new text (equal: a cursor). */
typedef struct
{
  gsize  start;
  gsize  end;
  char  *replacement;
  gsize  select_start;
  gsize  select_end;
} LekhMarkupEdit;

void      lekh_markup_edit_clear       (LekhMarkupEdit  *edit);

/* Wraps the selection [SEL_START, SEL_END) of TEXT in STYLE's marks, or removes them when
 * the selection already has them (just outside or just inside it). Without a selection
 * the word at the cursor is used; outside a word an empty pair is inserted with the
 * cursor between (or an empty pair around the cursor is removed). TEXT is the lines the
 * selection is on. Returns FALSE when there is nothing to do. */
gboolean  lekh_markup_toggle           (const char      *text,
                                        gsize            sel_start,
                                        gsize            sel_end,
                                        LekhMarkupStyle  style,
                                        LekhMarkupEdit  *edit);

/* Changes the ATX heading level of LINE: DELTA > 0 makes it more prominent (a paragraph
 * becomes "######", "##" becomes "#"), DELTA < 0 less ("#" becomes "##", "######" a
 * paragraph). The edit replaces only the marker at the line's start. */
gboolean  lekh_markup_change_heading   (const char      *line,
                                        int              delta,
                                        LekhMarkupEdit  *edit);

typedef enum
{
  LEKH_LIST_NONE,      /* not in a list item: Enter does what it always does */
  LEKH_LIST_CONTINUE,  /* the edit starts the next item ("- ", "2. ", "- [ ] ", "> ") */
  LEKH_LIST_END,       /* an empty item: the edit removes its marker, ending the list */
} LekhListAction;

/* What Enter does at CURSOR in LINE (without its newline). */
LekhListAction lekh_markup_continue_list (const char      *line,
                                          gsize            cursor,
                                          LekhMarkupEdit  *edit);

/* "12", "12:5" or "12,5" (1-based line and column; COLUMN is 0 when not given). */
gboolean  lekh_markup_parse_position   (const char      *text,
                                        guint           *line,
                                        guint           *column);

/* The front matter a new article starts with under PROFILE ("generic", "docusaurus",
 * "hugo", "jekyll"; NULL or unknown: generic), dated DATE (YYYY-MM-DD), with the cursor
 * meant after "title: " (its character offset in *TITLE_OFFSET). */
char     *lekh_markup_front_matter_template (const char *profile,
                                             const char *date,
                                             gsize      *title_offset);

G_END_DECLS
