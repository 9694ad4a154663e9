/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lekh-article.h"
#include "lekh-diagnostic.h"
#include "lekh-profile.h"
#include "lekh-site.h"

G_BEGIN_DECLS

/* The lengths the title-length and description-length rules ask for, in characters
 * (the form shows them as live counters). */
#define LEKH_VALIDATOR_TITLE_MAX 60
#define LEKH_VALIDATOR_DESCRIPTION_MIN 50
#define LEKH_VALIDATOR_DESCRIPTION_MAX 160

/* Checks articles' metadata against their site's profile. One validator serves many
 * files: it finds each file's site once per folder and keeps authors.yml/tags.yml loaded.
 * lekh_validator_check() may be called from several threads at once. */
typedef struct _LekhValidator LekhValidator;

LekhValidator *lekh_validator_new         (void);
LekhValidator *lekh_validator_ref         (LekhValidator     *self);
void           lekh_validator_unref       (LekhValidator     *self);
/* Use PROFILE for every file instead of detecting it (NULL: detect). Call before
 * checking. */
void           lekh_validator_set_profile (LekhValidator     *self,
                                           const LekhProfile *profile);
/* The profile for articles outside any site configuration (NULL: generic). May be
 * changed at any time; lekh_validator_set_profile() takes precedence. */
void           lekh_validator_set_default_profile (LekhValidator     *self,
                                                   const LekhProfile *profile);
/* The site an article at PATH belongs to (a new reference; never NULL: without a site
 * configuration, a site without root under the generic or forced profile). */
LekhSite      *lekh_validator_get_site    (LekhValidator     *self,
                                           const char        *path);
/* Diagnostics for ARTICLE (read from PATH, which may be NULL for an unsaved article),
 * sorted by position: a new array of LekhDiagnostic. A Docusaurus authors.yml or tags.yml
 * is checked as the data file it is (its YAML, its shape, what Docusaurus refuses in it,
 * authors' pictures; what it refuses is read from the file on disk). */
GPtrArray     *lekh_validator_check       (LekhValidator     *self,
                                           LekhArticle       *article,
                                           const char        *path);

/* What a walk of the articles read in FOLDER (an absolute path): the names of its entries,
 * NULL-terminated. Finding the site of the articles there uses them instead of reading the
 * folder again (lekh_site_cache_add_listing()). */
void           lekh_validator_add_folder_listing (LekhValidator      *self,
                                                  const char         *folder,
                                                  const char * const *names);

/* TRUE when PATH is a site data file that lekh_validator_check() checks as such (rather
 * than as an article): a Docusaurus site's authors.yml or tags.yml. */
gboolean       lekh_validator_is_site_data (LekhValidator    *self,
                                            const char       *path);

/* Drops what the validator learnt about sites: call after a site file changed (a quick
 * fix added an author to authors.yml, a docusaurus.config.js appeared). */
void           lekh_validator_invalidate  (LekhValidator     *self);

/* The rule ids the validator emits, NULL-terminated (for documentation and tests). */
const char * const *lekh_validator_get_rules (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhValidator, lekh_validator_unref)

G_END_DECLS
