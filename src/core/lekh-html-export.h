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
} LekhHtmlExportFlags;

/* A standalone HTML page for ARTICLE: <title>, description, keywords, author and Open
 * Graph meta tags from the front matter, a built-in stylesheet, lang (from the front
 * matter, else detected from the script), a header with the title, description, byline,
 * tags and cover image, then the body rendered by cmark-gfm with GitHub's extensions
 * (lekh-markdown.h). Raw HTML is omitted unless LEKH_HTML_EXPORT_UNSAFE. */
char *lekh_html_export          (const LekhArticle   *article,
                                 LekhHtmlExportFlags  flags);

/* Appends TEXT (LEN bytes, or NUL-terminated when -1) escaped for HTML text and
 * attribute values. */
void  lekh_html_append_escaped  (GString             *out,
                                 const char          *text,
                                 gssize               len);

G_END_DECLS
