/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

/* The anchor ids of an article's headings, given in order, as site generators make them
 * (github-slugger, which Docusaurus uses, and Hugo's and Jekyll's default close to it):
 * lekh_text_slugify() of the heading's text, "-1", "-2"… for a repeated one, or the
 * explicit id of a heading written "## Text {#id}". */
typedef struct _LekhSlugger LekhSlugger;

LekhSlugger *lekh_slugger_new        (void);
void         lekh_slugger_free       (LekhSlugger *self);
/* The id of the next heading, whose text is TEXT (lekh_heading_dup_text()). */
char        *lekh_slugger_next       (LekhSlugger *self,
                                      const char  *text);

/* The plain text of a heading node: its text and code, breaks as spaces. */
char        *lekh_heading_dup_text   (cmark_node  *heading);
/* The length of TEXT without an explicit id "{#id}" at its end (and the spaces before
 * it); strlen (TEXT) when it has none. */
gsize        lekh_heading_text_length (const char *text);

/* Drops an explicit id "{#id}" from the end of a heading's text, as site generators do
 * when they render it. */
void         lekh_heading_strip_explicit_id (cmark_node *heading);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhSlugger, lekh_slugger_free)

G_END_DECLS
