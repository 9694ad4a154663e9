/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-article.h"

G_BEGIN_DECLS

/* The URL path a site generator gives an article, from its path below the site root,
 * its file name (date prefix, number prefixes) and its front matter (slug, permalink,
 * url, id, categories). PROFILE: "docusaurus", "hugo", "jekyll" or "generic".
 * Returns NULL when the article is outside SITE_ROOT. */
char *lekh_permalink_compute (const char        *profile,
                              const char        *site_root,
                              const char        *path,
                              const LekhArticle *article);

G_END_DECLS
