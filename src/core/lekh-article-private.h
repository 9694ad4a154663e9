/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-article.h"
#include "lekh-toml.h"

G_BEGIN_DECLS

gsize                   _lekh_article_content_end (const LekhArticle *self,
                                                   const LekhNode    *node);
/* The TOML document of +++ front matter (NULL otherwise, or on a syntax error). */
const LekhTomlDocument *_lekh_article_get_toml    (const LekhArticle *self);

G_END_DECLS
