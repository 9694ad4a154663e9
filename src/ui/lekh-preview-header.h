/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lekh-article.h"
#include "lekh-site.h"

G_BEGIN_DECLS

#define LEKH_TYPE_PREVIEW_HEADER (lekh_preview_header_get_type ())

G_DECLARE_FINAL_TYPE (LekhPreviewHeader, lekh_preview_header, LEKH, PREVIEW_HEADER, AdwBin)

/* The card above the preview's body: a front matter's error, or its draft badge, title,
 * description, byline (the authors by their names in SITE's authors.yml, with their
 * pictures, and the date, from the file name when the front matter has none) and tags. */
GtkWidget  *lekh_preview_header_new        (void);
/* Shows ARTICLE's front matter (BASE_FILE: its file, or NULL); returns whether there is
 * anything to show. Pictures load in threads, cancelled with CANCELLABLE. */
gboolean    lekh_preview_header_update     (LekhPreviewHeader  *self,
                                            LekhArticle        *article,
                                            GFile              *base_file,
                                            LekhSite           *site,
                                            gboolean            load_remote_images,
                                            GCancellable       *cancellable);
/* The cover image the front matter names (and its ALT), or NULL: the preview makes its
 * widget, as for the body's images, and puts it in with lekh_preview_header_set_cover(). */
const char *lekh_preview_header_get_cover  (LekhPreviewHeader  *self,
                                            const char        **alt);
void        lekh_preview_header_set_cover  (LekhPreviewHeader  *self,
                                            GtkWidget          *cover);

G_END_DECLS
