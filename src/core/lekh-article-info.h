/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lekh-article.h"
#include "lekh-validator.h"

G_BEGIN_DECLS

/* What a site overview shows of one article: read once from its file (front matter and
 * the validator's verdict), then immutable. Rows of `lekh list` and of the site view. */
#define LEKH_TYPE_ARTICLE_INFO (lekh_article_info_get_type ())

G_DECLARE_FINAL_TYPE (LekhArticleInfo, lekh_article_info, LEKH, ARTICLE_INFO, GObject)

/* Reads PATH (never fails: an unreadable file is an article with one error and no
 * metadata). May be called from several threads at once with one validator. */
LekhArticleInfo    *lekh_article_info_new            (LekhValidator         *validator,
                                                      const char            *path);
/* The same from an article already read from PATH (NULL: it could not be read), for a
 * reader that parses each file once for several purposes (the site index). */
LekhArticleInfo    *lekh_article_info_new_for_article (LekhValidator        *validator,
                                                       const char           *path,
                                                       LekhArticle          *article);
/* Reads many files on N_THREADS threads (0: one per processor): a new array of
 * LekhArticleInfo in the order of PATHS. NULL when cancelled. */
GPtrArray          *lekh_article_info_load_many      (LekhValidator         *validator,
                                                      GPtrArray             *paths,
                                                      guint                  n_threads,
                                                      GCancellable          *cancellable);
const char         *lekh_article_info_get_path       (LekhArticleInfo       *self);
const char         *lekh_article_info_get_profile    (LekhArticleInfo       *self);
/* NULL when the front matter has none. */
const char         *lekh_article_info_get_title      (LekhArticleInfo       *self);
/* As written; without one, Docusaurus and Jekyll take it from a YYYY-MM-DD- file name. */
const char         *lekh_article_info_get_date       (LekhArticleInfo       *self);
gboolean            lekh_article_info_get_draft      (LekhArticleInfo       *self);
const char * const *lekh_article_info_get_tags       (LekhArticleInfo       *self);
const char * const *lekh_article_info_get_authors    (LekhArticleInfo       *self);
guint               lekh_article_info_get_n_errors   (LekhArticleInfo       *self);
guint               lekh_article_info_get_n_warnings (LekhArticleInfo       *self);
/* "1 error, 2 warnings", or "" (translated). */
char               *lekh_article_info_dup_problems_text (LekhArticleInfo    *self);

typedef enum
{
  LEKH_DRAFT_FILTER_ANY,
  LEKH_DRAFT_FILTER_DRAFTS,
  LEKH_DRAFT_FILTER_PUBLISHED,
} LekhDraftFilter;

/* The site view's columns, for sorting. */
typedef enum
{
  LEKH_ARTICLE_COLUMN_TITLE,
  LEKH_ARTICLE_COLUMN_DATE,
  LEKH_ARTICLE_COLUMN_DRAFT,
  LEKH_ARTICLE_COLUMN_TAGS,
  LEKH_ARTICLE_COLUMN_AUTHORS,
  LEKH_ARTICLE_COLUMN_PROBLEMS,
  LEKH_ARTICLE_COLUMN_PATH,
  LEKH_ARTICLE_N_COLUMNS,
} LekhArticleColumn;

/* Orders two articles by COLUMN: text case- and accent-insensitively (by code point, so
 * Latin before Devanagari, and Devanagari in its alphabet's order), ISO dates by the time
 * they name (after missing or other dates, which compare as text), drafts after published, more problems (errors first) after fewer;
 * ties by path. Cheap enough to sort 50,000 rows at each click: the keys are made once. */
int                 lekh_article_info_compare        (LekhArticleInfo       *a,
                                                      LekhArticleInfo       *b,
                                                      LekhArticleColumn      column);
/* The article's place among a site's articles sorted by COLUMN (a number growing in that
 * order, 0: unknown), kept by the list that holds them (LekhArticleModel): two articles
 * that both have one compare by it, one number instead of two texts (the path's is the
 * tie-break of every column). */
void                lekh_article_info_set_order      (LekhArticleInfo       *self,
                                                      LekhArticleColumn      column,
                                                      guint64                order);
guint64             lekh_article_info_get_order      (LekhArticleInfo       *self,
                                                      LekhArticleColumn      column);

/* What the site view filters on; text, tag and author match case- and accent-insensitively
 * (text: a part of the title, path, tags or authors; tag and author: a whole value). */
typedef struct _LekhArticleQuery LekhArticleQuery;

LekhArticleQuery   *lekh_article_query_new           (const char            *text,
                                                      const char            *tag,
                                                      const char            *author,
                                                      LekhDraftFilter        draft,
                                                      gboolean               problems_only);
void                lekh_article_query_free          (LekhArticleQuery      *query);
LekhArticleQuery   *lekh_article_query_copy          (const LekhArticleQuery *query);
/* TRUE when the query filters on more than the text (tag, author, draft, problems). */
gboolean            lekh_article_query_has_more_than_text (const LekhArticleQuery *query);
/* TRUE when the query lets every article through. */
gboolean            lekh_article_query_is_empty      (const LekhArticleQuery *query);
/* Folds what queries compare (done on the first match otherwise): call it where the info
 * is made (e.g. a loading thread) so the first query is as fast as the next. */
void                lekh_article_info_prepare_query  (LekhArticleInfo       *self);
gboolean            lekh_article_info_matches        (LekhArticleInfo       *self,
                                                      const LekhArticleQuery *query);
/* The same without the text, for a list that searches the text of many at once
 * (LekhArticleModel): the query's folded text (NULL: none), and the folded text an
 * article's text must contain a part of (its keys, each ended by a control character). */
gboolean            lekh_article_info_matches_but_text (LekhArticleInfo     *self,
                                                        const LekhArticleQuery *query);
const char         *lekh_article_query_get_text      (const LekhArticleQuery *query);
const char         *lekh_article_info_get_query_text (LekhArticleInfo       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhArticleQuery, lekh_article_query_free)

G_END_DECLS
