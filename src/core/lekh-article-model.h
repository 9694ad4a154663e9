/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lekh-article-info.h"
#include "lekh-site-index.h"
#include "lekh-validator.h"

G_BEGIN_DECLS

#define LEKH_TYPE_ARTICLE_MODEL (lekh_article_model_get_type ())

G_DECLARE_FINAL_TYPE (LekhArticleModel, lekh_article_model, LEKH, ARTICLE_MODEL, GObject)

/* The articles of a site that pass a query (all at first) as a GListModel of
 * LekhArticleInfo, sorted by path at first. Gives the index the validator (before its
 * build), so that the index makes the rows in the same single read of each file. Empty
 * until loaded; then it follows the index: an article the index reads again
 * ("file-changed") gets its new row, or is added or removed (shown if it passes). */
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
/* The position of the article at PATH among those shown, or -1. */
gint              lekh_article_model_find         (LekhArticleModel     *self,
                                                   const char           *path);
/* The order the rows are in (by path, ascending, at first): the model keeps every column's
 * order as the files change, so choosing one costs no comparison (a change of every row is
 * emitted). DESCENDING reverses the whole order, ties (by path) included. */
void              lekh_article_model_set_sort     (LekhArticleModel     *self,
                                                   LekhArticleColumn     column,
                                                   gboolean              descending);
LekhArticleColumn lekh_article_model_get_sort_column (LekhArticleModel  *self);
/* How many articles the site has, shown or not. */
guint             lekh_article_model_get_n_articles (LekhArticleModel *self);
/* Filtering: set_query shows the rows that pass QUERY (NULL: all), in the same order; it
 * searches QUERY's text in every row at once (one pass over all their folded texts, kept
 * together). The rows shown change in two steps (see show_in_steps) that a list view
 * follows at little cost; a selection model does not keep the chosen rows through them.
 * matches tells whether a row passes QUERY (lekh_article_info_matches, without searching
 * each row's text again when QUERY's text is the model's). */
void              lekh_article_model_set_query    (LekhArticleModel     *self,
                                                   const LekhArticleQuery *query);
gboolean          lekh_article_model_matches      (LekhArticleModel     *self,
                                                   LekhArticleInfo      *info,
                                                   const LekhArticleQuery *query);
gboolean          lekh_article_model_get_sort_descending (LekhArticleModel *self);

G_END_DECLS
