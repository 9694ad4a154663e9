/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lekh-article-info.h"
#include "lekh-site-index.h"
#include "lekh-validator.h"

G_BEGIN_DECLS

#define LEKH_TYPE_ARTICLE_MODEL (lekh_article_model_get_type ())

G_DECLARE_FINAL_TYPE (LekhArticleModel, lekh_article_model, LEKH, ARTICLE_MODEL, GObject)

/* Every article of a site as a GListModel of LekhArticleInfo, sorted by path. Gives the
 * index the validator (before its build), so that the index makes the rows in the same
 * single read of each file. Empty until loaded; then it follows the index: an article the
 * index reads again ("file-changed") gets its new row, or is added or removed. */
LekhArticleModel *lekh_article_model_new          (LekhSiteIndex        *index,
                                                   LekhValidator        *validator);
/* Takes the rows of the (built) index. */
void              lekh_article_model_load_async   (LekhArticleModel     *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          lekh_article_model_load_finish  (LekhArticleModel     *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
/* The position of the article at PATH, or -1. */
gint              lekh_article_model_find         (LekhArticleModel     *self,
                                                   const char           *path);

G_END_DECLS
