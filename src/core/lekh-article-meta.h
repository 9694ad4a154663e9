/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lekh-article.h"

G_BEGIN_DECLS

/* What a reader sees at the top of a published post, read from the front matter the way
 * Docusaurus, Hugo, Jekyll and Astro read it. Absent fields are NULL (lists: empty). */
typedef struct
{
  char  *title;
  char  *description;     /* description, else summary / excerpt */
  char **authors;         /* display names: author objects' name, else the key */
  char  *date;            /* as written */
  char **tags;            /* strings or Docusaurus {label} objects */
  char **keywords;        /* a list or a comma-separated string */
  char  *image;           /* image / cover / first of images, as written */
  char  *image_alt;
  char  *lang;            /* lang / language / locale when it is a language tag */
  gboolean draft;
} LekhArticleMeta;

LekhArticleMeta *lekh_article_meta_new   (const LekhArticle *article);
void             lekh_article_meta_free  (LekhArticleMeta   *meta);

/* The language a text is written in, from the script most of its letters use
 * (Devanagari → "hi", Arabic → "ar", Latin → "en"…); NULL when it has no letters. */
const char      *lekh_detect_language    (const char        *text,
                                          gssize             len);
gboolean         lekh_language_is_rtl    (const char        *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhArticleMeta, lekh_article_meta_free)

G_END_DECLS
