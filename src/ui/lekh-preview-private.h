/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-preview-model.h"
#include "lekh-preview-render.h"
#include "lekh-preview.h"
#include "lekh-site.h"

G_BEGIN_DECLS

#define MARGIN_X      32
#define MARGIN_TOP    20
#define FIRST_RENDER_BLOCKS 100
/* Longer articles render only what is near the view (and more as it scrolls there), so
 * a 6 MB article does not keep the text view laying out lines nobody looks at. */
#define LAZY_BLOCKS         4000
#define LAZY_AHEAD_SCREENS  4
#define SYNC_RENDER_BLOCKS  1500
/* Parses of this many bytes or more run in a thread (about 50 ms of cmark). */
#define BACKGROUND_PARSE_BYTES (1024 * 1024)

typedef struct
{
  GtkTextMark *mark;
  GArray      *links;     /* LekhPreviewLink, or NULL */
  GArray      *lines;     /* LekhPreviewLine, or NULL */
} BlockView;

struct _LekhPreview
{
  GtkWidget         parent_instance;

  GtkWidget        *scroller;
  GtkTextView      *view;
  GtkTextBuffer    *buffer;
  GtkWidget        *header;
  GtkTextMark      *scroll_mark;

  LekhPreviewModel *model;
  GPtrArray        *blocks;          /* BlockView* parallel to the model's blocks */
  GHashTable       *sized_widgets;   /* widgets whose size follows the view's width */
  GHashTable       *indent_tags;     /* "margin:indent" -> GtkTextTag */

  GFile            *base_file;
  LekhSite         *site;            /* of the base file, for author names */
  GCancellable     *cancellable;

  GtkTextBuffer    *source;
  gulong            source_insert_id;
  gulong            source_delete_id;
  gboolean          source_resync;
  guint             parse_generation;  /* a background parse with another number is stale */
  gboolean          parsing;           /* a long text is being parsed in a thread */
  guint             update_source;
  guint             background_source;
  guint             update_delay;

  gboolean          load_remote_images;
  gboolean          scroll_sync;
  gboolean          over_link;
  GtkTextView      *source_view;
  gulong            source_view_scroll_id;
  GtkTextMark      *source_sync_mark;
  gint64            preview_moved_until;   /* our own scrolling of the preview, not the writer's */
  gint64            source_moved_until;    /* our own scrolling of the source view */
  guint             sync_check_id;         /* checks that the follower reached its line */
  guint             scroll_check_id;       /* checks that scroll_to_line got there */
  guint             scroll_target;
  guint             scroll_tries;
  guint             catch_up_to;           /* render at least this many blocks first */
  guint             sync_target;
  guint             sync_tries;
  gboolean          sync_to_source;
  guint             last_top_line;
  int               width;
};

/* lekh-preview.c */
gboolean   _lekh_preview_update_now              (LekhPreview *self);
void       _lekh_preview_render_more             (LekhPreview *self);
/* Replaces the views of N_REMOVED blocks at POSITION by renderings of the model's
 * N_ADDED blocks there (FROM_SOURCE: parsed again from each block's text). */
void       _lekh_preview_apply_change            (LekhPreview *self,
                                                  guint        position,
                                                  guint        n_removed,
                                                  guint        n_added,
                                                  gboolean     from_source);
void       _lekh_preview_emit_top_line_changed   (LekhPreview *self,
                                                  guint        line);

/* lekh-preview-images.c: pictures (and the card's cover) load in a thread into a box
 * showing the alt text meanwhile; children whose width follows the view's are sized here. */
gboolean   _lekh_preview_is_remote               (const char  *url);
GtkWidget *_lekh_preview_create_image            (LekhPreview *self,
                                                  const char  *url,
                                                  const char  *alt,
                                                  gboolean     cover);
void       _lekh_preview_size_child              (LekhPreview *self,
                                                  GtkWidget   *child);
/* CHILD (at INDENT from the margin) follows the view's width: the full width at its own
 * height (NATURAL_HEIGHT -1), or one pixel high (0, a rule); an image keeps its aspect. */
void       _lekh_preview_track_size              (LekhPreview *self,
                                                  GtkWidget   *child,
                                                  int          indent,
                                                  int          natural_height);
void       _lekh_preview_untrack_sizes           (LekhPreview *self);
void       _lekh_preview_width_changed_cb        (LekhPreview *self);

/* The card above the body (a LekhPreviewHeader), from the front matter. */
void       _lekh_preview_update_header           (LekhPreview *self);

/* lekh-preview-scroll.c: scrolling to a source line, and scrolling the source view and the
 * preview together (both ways) while scroll-sync is on. */
void       _lekh_preview_vadjustment_changed_cb  (LekhPreview *self);

G_END_DECLS
