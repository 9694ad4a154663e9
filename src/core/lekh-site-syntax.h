/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What site generators add to Markdown, as the preview shows it: Docusaurus admonitions
 * (":::tip Title" … ":::"), MDX components (<Tabs> … </Tabs>), which both hold other
 * blocks, MDX import/export lines and comments (a JavaScript comment in braces), Hugo
 * shortcodes and Liquid tags. */

typedef enum
{
  LEKH_CALLOUT_NONE,
  LEKH_CALLOUT_NOTE,
  LEKH_CALLOUT_TIP,
  LEKH_CALLOUT_INFO,
  LEKH_CALLOUT_WARNING,
  LEKH_CALLOUT_DANGER,
  LEKH_CALLOUT_CAUTION,
  LEKH_CALLOUT_COMPONENT,     /* a JSX component's content */
} LekhCalloutKind;

/* The containers open at a place in an article, innermost last: their number and the
 * kinds of the innermost LEKH_CALLOUT_MAX_DEPTH, packed in an integer (0: none). */
typedef guint32 LekhCalloutContext;
#define LEKH_CALLOUT_MAX_DEPTH 8

guint               lekh_callout_context_depth     (LekhCalloutContext  context);
LekhCalloutKind     lekh_callout_context_innermost (LekhCalloutContext  context);
LekhCalloutContext  lekh_callout_context_push      (LekhCalloutContext  context,
                                                    LekhCalloutKind     kind);
LekhCalloutContext  lekh_callout_context_pop       (LekhCalloutContext  context);
/* "note", "tip"… "component". */
const char         *lekh_callout_kind_to_string    (LekhCalloutKind     kind);

/* Whether LINE (LEN bytes, without its line break) is a Docusaurus admonition fence: an
 * opening ":::tip", ":::tip Title" or ":::tip[Title]" (KIND and TITLE, NULL when it has
 * none, set) or a closing ":::" (KIND LEKH_CALLOUT_NONE). Up to three spaces may come
 * first; more colons are allowed (nesting). */
gboolean            lekh_site_syntax_admonition    (const char         *line,
                                                    gsize               len,
                                                    LekhCalloutKind    *kind,
                                                    char              **title);

/* Whether LINE is a JSX component tag alone on its line ("<Tabs>", "<TabItem
 * value="a">", "</Tabs>", "<Figure src="x" />"): a tag whose name starts with a capital
 * letter. NAME (the name and its attributes, for a label) and how it closes are set. */
gboolean            lekh_site_syntax_jsx_tag       (const char         *line,
                                                    gsize               len,
                                                    char              **label,
                                                    gboolean           *closing,
                                                    gboolean           *self_closing);

/* Whether TEXT (its first line) is an MDX import or export statement: "import X from
 * '…'", "import '…'", "export const …", "export default …" and the like. */
gboolean            lekh_site_syntax_is_esm        (const char         *text,
                                                    gsize               len);

/* The end of a Hugo shortcode ("{{< name … >}}", "{{% name … %}}") or Liquid tag
 * ("{% name … %}") that starts at TEXT, and its label (what is inside, trimmed); or 0
 * when none starts there. An MDX comment (a JavaScript block comment in braces) gives
 * its end and a NULL label. */
gsize               lekh_site_syntax_inline        (const char         *text,
                                                    gsize               len,
                                                    char              **label);

/* The date a Docusaurus blog post or a Jekyll post has in its file name when its front
 * matter has none: "2024-07-01-title.md", or "2024-07-01-title/index.md" (PATH's
 * folder). "YYYY-MM-DD", or NULL. */
char               *lekh_site_syntax_file_name_date (const char         *path);

G_END_DECLS
