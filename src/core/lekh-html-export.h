/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lekh-article.h"

G_BEGIN_DECLS

typedef enum
{
  LEKH_HTML_EXPORT_DEFAULT = 0,
  LEKH_HTML_EXPORT_UNSAFE  = 1 << 0,   /* keep raw HTML (but for the tags GFM's tagfilter
                                        * escapes: <script>, <iframe>…) and every link
                                        * scheme (trusted text) */
  LEKH_HTML_EXPORT_PLAIN_PUNCTUATION = 1 << 1, /* quotes and dashes as typed, not curly */
  LEKH_HTML_EXPORT_NO_HEADING_IDS    = 1 << 2, /* headings without anchor ids */
} LekhHtmlExportFlags;

/* A standalone HTML page for ARTICLE: <title>, description, keywords, author and Open
 * Graph meta tags from the front matter, a built-in stylesheet, lang (from the front
 * matter, else detected from the script), a header with the title, description, byline,
 * tags and cover image, then the body rendered by cmark-gfm with GitHub's extensions
 * (lekh-markdown.h). Raw HTML is omitted unless LEKH_HTML_EXPORT_UNSAFE. */
char *lekh_html_export          (const LekhArticle   *article,
                                 LekhHtmlExportFlags  flags);

/* The body HTML of the page lekh_html_export() makes, for Markdown TEXT (LEN bytes, or
 * NUL-terminated when -1) without front matter: cmark-gfm's HTML with smart punctuation,
 * and headings with the anchor ids site generators give them (an explicit "{#id}"
 * taken out of their text). */
char *lekh_html_render_body     (const char          *text,
                                 gssize               len,
                                 LekhHtmlExportFlags  flags);

/* Appends TEXT (LEN bytes, or NUL-terminated when -1) escaped for HTML text and
 * attribute values. */
void  lekh_html_append_escaped  (GString             *out,
                                 const char          *text,
                                 gssize               len);

G_END_DECLS
