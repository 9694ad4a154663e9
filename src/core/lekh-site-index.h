/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lekh-article-info.h"
#include "lekh-validator.h"

G_BEGIN_DECLS

/* What the index counts across a site's articles. */
typedef enum
{
  LEKH_SITE_FIELD_TAGS,
  LEKH_SITE_FIELD_KEYWORDS,
  LEKH_SITE_FIELD_AUTHORS,
  LEKH_SITE_FIELD_CATEGORIES,
  LEKH_SITE_N_FIELDS,
} LekhSiteField;

typedef struct
{
  char  *value;     /* the canonical spelling: the one most articles use */
  guint  count;     /* articles that use it */
} LekhSiteSuggestion;

void lekh_site_suggestion_free (LekhSiteSuggestion *suggestion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhSiteSuggestion, lekh_site_suggestion_free)

#define LEKH_TYPE_SITE_INDEX (lekh_site_index_get_type ())

G_DECLARE_FINAL_TYPE (LekhSiteIndex, lekh_site_index, LEKH, SITE_INDEX, GObject)

LekhSiteIndex *lekh_site_index_new              (GFile               *root);
GFile         *lekh_site_index_get_root         (LekhSiteIndex       *self);
/* Before a build: with a validator the index also makes every article's LekhArticleInfo
 * (the site view's row) from the same read and parse, and keeps it up to date; a file that
 * cannot be read is then an article too, its row saying so. */
void           lekh_site_index_set_validator    (LekhSiteIndex       *self,
                                                 LekhValidator       *validator);
/* Reads every article below the root in a worker thread; the index is swapped in on
 * the calling thread's main context when done, then "changed" is emitted. */
void           lekh_site_index_build_async      (LekhSiteIndex       *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       lekh_site_index_build_finish     (LekhSiteIndex       *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* Blocking build, for the command line, tests and benchmarks. */
gboolean       lekh_site_index_build            (LekhSiteIndex       *self,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
/* Watch the site's folders and re-read articles as they change ("changed" follows). */
void           lekh_site_index_watch            (LekhSiteIndex       *self);
/* Re-read one article (or forget it when it is gone). */
void           lekh_site_index_update_file      (LekhSiteIndex       *self,
                                                 GFile               *file);
gboolean       lekh_site_index_is_ready         (LekhSiteIndex       *self);
guint          lekh_site_index_get_n_articles   (LekhSiteIndex       *self);
guint          lekh_site_index_get_count        (LekhSiteIndex       *self,
                                                 LekhSiteField        field,
                                                 const char          *value);
/* Values of FIELD matching PREFIX (case- and accent-insensitive; a prefix match of the
 * value or of any of its words), most used first. EXCLUDE: values already chosen. */
GPtrArray     *lekh_site_index_suggest          (LekhSiteIndex       *self,
                                                 LekhSiteField        field,
                                                 const char          *prefix,
                                                 const char * const  *exclude,
                                                 guint                max);
/* Paths of the other articles with this title or slug (for duplicate checks). */
GPtrArray     *lekh_site_index_find_title       (LekhSiteIndex       *self,
                                                 const char          *title,
                                                 GFile               *except);
GPtrArray     *lekh_site_index_find_slug        (LekhSiteIndex       *self,
                                                 const char          *slug,
                                                 GFile               *except);

/* The paths of every article indexed, sorted (empty before the first build). The index
 * emits "file-changed" (GFile *file) when it reads one again or forgets it. */
GPtrArray     *lekh_site_index_dup_paths        (LekhSiteIndex       *self);
/* With a validator: every article's info, sorted by path (empty before the first build),
 * and the info of the article at PATH (NULL when it is not indexed). */
GPtrArray     *lekh_site_index_dup_infos        (LekhSiteIndex       *self);
/* TRUE when the last build made the infos (it had a validator). */
gboolean       lekh_site_index_has_infos        (LekhSiteIndex       *self);
LekhArticleInfo *lekh_site_index_get_info       (LekhSiteIndex       *self,
                                                 const char          *path);

/* The folded form used for matching: case-folded, NFD without Latin/Greek/Cyrillic
 * accents (Devanagari vowel signs are letters, not accents, and stay). */
char          *lekh_site_fold                   (const char          *text);
/* TEXT interned (one copy for the life of the process, whatever the thread), and its folded
 * form interned, through a cache of the calling thread's: for values that repeat across a
 * site, read on several threads. */
const char    *lekh_site_intern                 (const char          *text);
const char    *lekh_site_intern_fold            (const char          *text);

G_END_DECLS
