/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LEKH_TYPE_PREVIEW (lekh_preview_get_type ())

G_DECLARE_FINAL_TYPE (LekhPreview, lekh_preview, LEKH, PREVIEW, GtkWidget)

/* The article rendered natively: a header card from the front matter, then the body's
 * Markdown rendered by cmark into a read-only text view. Only the top-level blocks an
 * edit touched are rendered again. Signals:
 *   line-activated (guint line): a block was clicked; LINE is its 1-based source line.
 *   top-line-changed (guint line): the writer scrolled; the top block's source line. */

GtkWidget *lekh_preview_new                    (void);

/* Shows TEXT (the whole article, front matter included), now. */
void       lekh_preview_set_text               (LekhPreview   *self,
                                                const char    *text,
                                                gssize         len);
/* Follows BUFFER: each insertion and deletion is applied to the preview's model as it
 * happens and the preview is updated once per main-loop turn (before the next frame)
 * or after the update delay. NULL stops following. */
void       lekh_preview_set_buffer             (LekhPreview   *self,
                                                GtkTextBuffer *buffer);
/* The source buffer's text as the preview mirrors it (no copy), or NULL when the preview
 * does not follow BUFFER or must read it again. */
GBytes    *lekh_preview_ref_source_text        (LekhPreview   *self,
                                                GtkTextBuffer *buffer);
/* Applies pending edits now; returns whether anything changed. */
gboolean   lekh_preview_flush                  (LekhPreview   *self);

/* The article's file, to find local images (relative to it or in the site's static
 * folder). */
void       lekh_preview_set_base_file          (LekhPreview   *self,
                                                GFile         *file);
GFile     *lekh_preview_get_base_file          (LekhPreview   *self);

void       lekh_preview_set_update_delay       (LekhPreview   *self,
                                                guint          msec);
guint      lekh_preview_get_update_delay       (LekhPreview   *self);
void       lekh_preview_set_load_remote_images (LekhPreview   *self,
                                                gboolean       load);
gboolean   lekh_preview_get_load_remote_images (LekhPreview   *self);

/* Scroll sync with the source: while SCROLL_SYNC is on (the default), scrolling VIEW (the
 * source view showing the followed buffer) keeps its top line's block at the top of
 * the preview, and scrolling the preview scrolls VIEW to that block's source line.
 * NULL stops. */
void       lekh_preview_set_source_view        (LekhPreview   *self,
                                                GtkTextView   *view);
void       lekh_preview_set_scroll_sync        (LekhPreview   *self,
                                                gboolean       sync);
gboolean   lekh_preview_get_scroll_sync        (LekhPreview   *self);

/* Follows a link of the article as a click does: "#id" scrolls to the heading with that
 * anchor id (an error bell when there is none), any other link asks before it opens. */
void       lekh_preview_activate_link          (LekhPreview   *self,
                                                const char    *url);

/* Scroll sync by 1-based source line. */
void       lekh_preview_scroll_to_line         (LekhPreview   *self,
                                                guint          line);
guint      lekh_preview_get_top_line           (LekhPreview   *self);

/* For tests and tools. */
GtkTextView *lekh_preview_get_text_view        (LekhPreview   *self);
GtkWidget   *lekh_preview_get_header           (LekhPreview   *self);
guint        lekh_preview_get_n_blocks         (LekhPreview   *self);
/* Blocks not rendered yet: a long article renders in the background, and a very long
 * one only as far as a few screens past the view (more as it scrolls, everything up to a
 * line scrolled to). lekh_preview_is_rendering(): the background is at work. */
guint        lekh_preview_get_n_pending_blocks (LekhPreview   *self);
gboolean     lekh_preview_is_rendering         (LekhPreview   *self);
/* The source line of the text at buffer offset OFFSET (0 when none). */
guint        lekh_preview_get_line_at_offset   (LekhPreview   *self,
                                                int            offset);
/* The URL of the link at buffer offset OFFSET, or NULL. */
const char  *lekh_preview_get_link_at_offset   (LekhPreview   *self,
                                                int            offset);

G_END_DECLS
