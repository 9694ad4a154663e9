/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cmark-gfm.h>

#include "lekh-site-syntax.h"

G_BEGIN_DECLS

/* The preview's rendering of Markdown blocks, without a display: text with styled runs,
 * anchors for what a view shows as widgets (rules, images, tables, check boxes), links
 * and the source lines of its paragraphs. A view applies the runs as text tags and puts
 * widgets at the anchors; nothing here depends on GTK. */

/* What the preview model puts before a Docusaurus admonition fence (":::tip"), which it
 * gives to cmark as a heading of level 6. */
#define LEKH_PREVIEW_FENCE_MARK "\x01"
/* … and instead of the stars of an MDX comment, which cmark would take for emphasis. */
#define LEKH_PREVIEW_COMMENT_MARK "\x02"

/* Indents, in pixels at the view's font size. */
#define LEKH_PREVIEW_LIST_INDENT   28
#define LEKH_PREVIEW_QUOTE_INDENT  22
#define LEKH_PREVIEW_MARKER_WIDTH  24
#define LEKH_PREVIEW_CODE_PADDING  12
#define LEKH_PREVIEW_CALLOUT_INDENT 14

typedef struct
{
  guint       start;        /* char offsets in the rendering's text */
  guint       end;
  const char *style;        /* a style name ("strong", "h2", "code-block"…), or NULL for an
                             * indent of the lines start .. end */
  int         margin;       /* an indent's left margin, and how far its first line hangs;
                             * a "quote-rule"'s place (a block quote's rule left of its
                             * lines) */
  int         hang;
} LekhPreviewRun;

typedef enum
{
  LEKH_PREVIEW_ANCHOR_RULE,
  LEKH_PREVIEW_ANCHOR_IMAGE,
  LEKH_PREVIEW_ANCHOR_TABLE,
  LEKH_PREVIEW_ANCHOR_CHECK,
} LekhPreviewAnchorKind;

typedef struct _LekhPreviewRendering LekhPreviewRendering;

typedef struct
{
  guint      n_columns;
  char      *alignments;    /* per column: 'l', 'c', 'r' or 0 */
  GPtrArray *rows;          /* GPtrArray of the cells' LekhPreviewRendering */
  guint      n_header_rows;
} LekhPreviewTable;

typedef struct
{
  guint                  offset;     /* char offset of the anchor character */
  gsize                  byte;       /* byte offset in the text (the anchor is not in it) */
  LekhPreviewAnchorKind  kind;
  int                    indent;
  char                  *url;        /* image */
  char                  *alt;
  LekhPreviewTable      *table;      /* table */
  gboolean               checked;    /* check box: a task list item's */
  guint                  line_delta; /* check box: its source line after the block's first */
} LekhPreviewAnchor;

typedef struct
{
  guint  start;             /* char offsets relative to the block's start */
  guint  end;
  char  *url;
} LekhPreviewLink;

typedef struct
{
  guint offset;             /* char offset relative to the block's start */
  guint line_delta;         /* source lines after the block's first line */
} LekhPreviewLine;

typedef struct
{
  guint   offset;           /* char offset of the block in the rendering */
  GArray *links;            /* LekhPreviewLink, or NULL */
  GArray *lines;            /* LekhPreviewLine, or NULL */
} LekhPreviewBlockRendering;

struct _LekhPreviewRendering
{
  GString *text;            /* without the anchors' characters */
  guint    n_chars;         /* with them */
  GArray  *runs;            /* LekhPreviewRun */
  GArray  *anchors;         /* LekhPreviewAnchor */
  GArray  *blocks;          /* LekhPreviewBlockRendering */
};

LekhPreviewRendering *lekh_preview_rendering_new        (void);
void                  lekh_preview_rendering_free       (LekhPreviewRendering *self);

/* Renders NODE (a top-level block, or a document) as the next block, inside the
 * admonitions and components of CONTEXT. SOURCE (LEN bytes) is the block's source text,
 * whose first line is line FIRST_LINE in NODE's numbering; it gives footnote labels and
 * the lines of paragraphs. */
void                  lekh_preview_rendering_add_block  (LekhPreviewRendering *self,
                                                         cmark_node           *node,
                                                         LekhCalloutContext    context,
                                                         int                   first_line,
                                                         const char           *source,
                                                         gsize                 len);

/* The rendering of the cell at ROW, COLUMN (rows count the header rows), or NULL. */
LekhPreviewRendering *lekh_preview_table_get_cell       (LekhPreviewTable     *table,
                                                         guint                 row,
                                                         guint                 column);

/* Frees what a block rendering holds (links and lines), for views that take them. */
void                  lekh_preview_link_clear           (LekhPreviewLink      *link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhPreviewRendering, lekh_preview_rendering_free)

G_END_DECLS
