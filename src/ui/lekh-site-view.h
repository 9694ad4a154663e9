/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LEKH_TYPE_SITE_VIEW (lekh_site_view_get_type ())

G_DECLARE_FINAL_TYPE (LekhSiteView, lekh_site_view, LEKH, SITE_VIEW, GtkWidget)

/* Every article of a site in a sortable, filterable table (title, date, draft, tags,
 * authors, problems, path), following the disk through the site index's monitors.
 * "open-article" (GFile *file) asks to open a row's article. */
GtkWidget  *lekh_site_view_new            (void);
/* Reads the site below ROOT (in worker threads) and watches it. */
void        lekh_site_view_set_root       (LekhSiteView *self,
                                           GFile        *root);
GFile      *lekh_site_view_get_root       (LekhSiteView *self);
/* TRUE once the articles are listed ("notify::loaded"). */
gboolean    lekh_site_view_get_loaded     (LekhSiteView *self);
/* What the table shows, filtered and sorted: a model of LekhArticleInfo. */
GListModel *lekh_site_view_get_shown      (LekhSiteView *self);

G_END_DECLS
