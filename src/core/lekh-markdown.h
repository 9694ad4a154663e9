/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

G_BEGIN_DECLS

/* Markdown as the site generators read it: cmark-gfm with GitHub's extensions (tables,
 * strikethrough, autolinks, task lists, footnotes), which remark-gfm (Docusaurus),
 * Goldmark (Hugo) and kramdown's GFM mode (Jekyll) all turn on. Every parser of an
 * article body comes from here, so the preview, the checks and `lekh render` agree. */

/* The node types of the table and strikethrough extensions, registered at run time.
 * libcmark-gfm-extensions exports them, but its installed header does not declare them. */
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

/* A parser with the extensions attached; OPTIONS gain CMARK_OPT_FOOTNOTES. */
cmark_parser *lekh_markdown_parser_new     (int          options);
/* Parses TEXT (LEN bytes) with lekh_markdown_parser_new (OPTIONS). */
cmark_node   *lekh_markdown_parse          (const char  *text,
                                            gsize        len,
                                            int          options);
/* HTML for ROOT with the extensions' renderers, and the tagfilter extension, which
 * escapes the tags GitHub never lets through (<script>, <style>, <iframe>…) even when
 * OPTIONS has CMARK_OPT_UNSAFE. OPTIONS need CMARK_OPT_FOOTNOTES for the footnotes
 * section. ROOT must be a document (cmark-gfm looks at a paragraph's parent). Free with
 * free(). */
char         *lekh_markdown_render_html    (cmark_node  *root,
                                            int          options);

/* Whether NODE (a CMARK_NODE_ITEM) is a task list item "- [ ]" / "- [x]". */
gboolean      lekh_markdown_is_task_item   (cmark_node  *node);
gboolean      lekh_markdown_task_is_checked (cmark_node *node);

G_END_DECLS
