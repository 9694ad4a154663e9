/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lekh-article.h"
#include "lekh-chip-editor.h"
#include "lekh-site-index.h"
#include "lekh-validator.h"

G_BEGIN_DECLS

#define LEKH_TYPE_SITE_CONTROLLER (lekh_site_controller_get_type ())

G_DECLARE_FINAL_TYPE (LekhSiteController, lekh_site_controller, LEKH, SITE_CONTROLLER, GObject)

/* The site of the open article: found with the validator's detection, indexed in a worker
 * thread and watched. It feeds the form's chip editors with suggestions from the whole
 * site and computes the site-level checks (duplicate title or slug, tags used once) and
 * the permalink. "changed" follows every new index (first build, a file that changed). */
LekhSiteController *lekh_site_controller_new             (LekhValidator      *validator);
/* The article's file (NULL: an unsaved article, no site). Re-detects and re-indexes when
 * the site root changes. */
void                lekh_site_controller_set_file        (LekhSiteController *self,
                                                          GFile              *file);
/* The site (NULL without a site root). */
LekhSite           *lekh_site_controller_get_site        (LekhSiteController *self);
/* The index once built, else NULL. */
LekhSiteIndex      *lekh_site_controller_get_index       (LekhSiteController *self);
/* Offers FIELD's values from the site as the writer types in EDITOR. */
void                lekh_site_controller_attach          (LekhSiteController *self,
                                                          LekhChipEditor     *editor,
                                                          LekhSiteField       field);
/* Site-level diagnostics for ARTICLE (the open file's current text): a new array of
 * LekhDiagnostic, empty while the index is not ready. */
GPtrArray          *lekh_site_controller_check           (LekhSiteController *self,
                                                          LekhArticle        *article);
/* The URL path the generator gives ARTICLE, or NULL. */
char               *lekh_site_controller_dup_permalink   (LekhSiteController *self,
                                                          LekhArticle        *article);
/* Re-reads authors.yml/tags.yml (after a quick fix changed one). */
void                lekh_site_controller_reload_site     (LekhSiteController *self);

G_END_DECLS
