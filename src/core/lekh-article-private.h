/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-article.h"

G_BEGIN_DECLS

gsize _lekh_article_content_end (const LekhArticle *self,
                                 const LekhNode    *node);

G_END_DECLS
