/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cmark-gfm.h>

#include "lekh-article.h"
#include "lekh-site-syntax.h"

G_BEGIN_DECLS

/* A display-free model of an article's rendered body: its top-level Markdown blocks,
 * each with its source range and a hash of its source text, kept up to date
 * incrementally as the text is edited. Only the blocks an edit can have changed are
 * parsed again; the change record tells a view which blocks to render again. */

typedef struct
{
  gsize           start;        /* byte offset in the whole text of the block's first line */
  gsize           end;          /* just past its last line (and that line's line break) */
  guint           start_line;   /* 1-based lines of the whole text (front matter included) */
  guint           end_line;
  guint64         hash;         /* of the bytes start..end */
  cmark_node_type type;
  LekhCalloutContext context;   /* the admonitions and components open where it starts */
} LekhPreviewBlock;

typedef struct
{
  gboolean front_matter_changed;  /* the article (split, front matter) was read again */
  gboolean reset;                 /* every block was replaced (position 0, all removed) */
  guint    position;              /* index of the first replaced block */
  guint    n_removed;             /* blocks removed at position (in the old list) */
  guint    n_added;               /* blocks now at position .. position + n_added - 1 */
} LekhPreviewChange;

typedef struct _LekhPreviewModel LekhPreviewModel;

LekhPreviewModel       *lekh_preview_model_new             (void);
void                    lekh_preview_model_free            (LekhPreviewModel        *self);

/* Replaces the whole text; the difference to the previous text is found and only the
 * blocks it touches are parsed again. CHANGE may be NULL. Returns FALSE when nothing
 * changed. */
gboolean                lekh_preview_model_set_text        (LekhPreviewModel        *self,
                                                            const char              *text,
                                                            gsize                    len,
                                                            LekhPreviewChange       *change);
/* Records TEXT as the whole new text, as an edit of the part that differs, without
 * parsing: set_text() is this and lekh_preview_model_update(). */
void                    lekh_preview_model_record_text     (LekhPreviewModel        *self,
                                                            const char              *text,
                                                            gsize                    len);
/* The same as set_text() with BYTES, which a new model takes as its text without copying them (the
 * bytes must be NUL-terminated after their size, as lekh_preview_model_ref_text()'s are);
 * other models copy them. */
gboolean                lekh_preview_model_set_text_bytes  (LekhPreviewModel        *self,
                                                            GBytes                  *bytes,
                                                            LekhPreviewChange       *change);
/* Records an edit (bytes POS .. POS + N_REMOVE replaced by TEXT) without parsing;
 * lekh_preview_model_update() parses what the recorded edits touched. */
void                    lekh_preview_model_replace         (LekhPreviewModel        *self,
                                                            gsize                    pos,
                                                            gsize                    n_remove,
                                                            const char              *text,
                                                            gsize                    n_insert);
gboolean                lekh_preview_model_update          (LekhPreviewModel        *self,
                                                            LekhPreviewChange       *change);
gboolean                lekh_preview_model_is_dirty        (LekhPreviewModel        *self);
/* Whether the next update would parse LIMIT bytes or more (a first parse of a long text,
 * or an edit that replaced most of it): worth doing on another model in a thread. */
gboolean                lekh_preview_model_update_is_large (LekhPreviewModel        *self,
                                                            gsize                    limit);

const char             *lekh_preview_model_get_text        (LekhPreviewModel        *self,
                                                            gsize                   *len);
/* The current text as bytes that never change (NUL-terminated after their size): the
 * model lends its own copy, so a long text is not duplicated; its next edit copies. */
GBytes                 *lekh_preview_model_ref_text        (LekhPreviewModel        *self);
/* The article the front matter was last read from. Its split and front matter match
 * the current text; its body may be older than the current text or, for a long article,
 * left out (use the blocks). */
LekhArticle            *lekh_preview_model_get_article     (LekhPreviewModel        *self);
guint                   lekh_preview_model_get_body_line   (LekhPreviewModel        *self);

guint                   lekh_preview_model_get_n_blocks    (LekhPreviewModel        *self);
const LekhPreviewBlock *lekh_preview_model_get_block       (LekhPreviewModel        *self,
                                                            guint                    index);
/* The block containing 1-based LINE, or the nearest block after it (the last block when
 * LINE is past the end); -1 without blocks. */
int                     lekh_preview_model_find_line       (LekhPreviewModel        *self,
                                                            guint                    line);

/* The parsed cmark node of a block added by the last update (the N_ADDED blocks from
 * POSITION), valid until the next update; NULL for older blocks. Line numbers inside
 * the node are relative: add lekh_preview_model_get_node_line_offset(). */
cmark_node             *lekh_preview_model_get_node        (LekhPreviewModel        *self,
                                                            guint                    index);
int                     lekh_preview_model_get_node_line_offset (LekhPreviewModel   *self,
                                                            guint                    index);
/* Frees the parse tree of the last update once a view has rendered what it needed from
 * it (for a long article, most of the model's memory); get_node() returns NULL after. */
void                    lekh_preview_model_release_nodes   (LekhPreviewModel        *self);

/* Parses block INDEX again from its source text alone (with the body's link reference
 * and footnote definitions), for views that render blocks later than the update that
 * added them. Free the returned document with cmark_node_free(); the block's first line
 * is its line FIRST_LINE (may be NULL). */
cmark_node             *lekh_preview_model_parse_block     (LekhPreviewModel        *self,
                                                            guint                    index,
                                                            int                     *first_line);

/* The top-level heading a link "#ID" points to (ID percent-encoded or not): the heading
 * whose anchor id, as site generators make it (lekh_text_slugify(), "-1", "-2"… for
 * repeated headings, or an explicit "{#id}" after the text), is ID — or, failing that, is
 * ID in another case. -1 when none is. */
int                     lekh_preview_model_find_heading    (LekhPreviewModel        *self,
                                                            const char              *id);

/* Blocks outside the last update's change whose context (LekhPreviewBlock.context)
 * changed in it, as one range: a view renders them again. FALSE when there are none. */
gboolean                lekh_preview_model_get_restyled    (LekhPreviewModel        *self,
                                                            guint                   *position,
                                                            guint                   *n_blocks);

/* The block holding footnote LABEL's definition "[^LABEL]: …" (DEFINITION) or its first
 * reference "[^LABEL]", as the preview links "#fn-LABEL" and "#fnref-LABEL"; -1 when
 * none does. */
int                     lekh_preview_model_find_footnote   (LekhPreviewModel        *self,
                                                            const char              *label,
                                                            gboolean                 definition);

/* Byte offset of the start of 0-based LINE (lines end at \n, \r\n or \r), or the text's
 * length when LINE is past the end. */
gsize                   lekh_preview_model_line_to_offset  (LekhPreviewModel        *self,
                                                            guint                    line);

guint64                 lekh_preview_hash                  (const char              *data,
                                                            gsize                    len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhPreviewModel, lekh_preview_model_free)

G_END_DECLS
