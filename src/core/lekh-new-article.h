/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lekh-profile.h"

G_BEGIN_DECLS

/* What a new article starts with. */
typedef struct
{
  const char *title;
  const char *section;   /* Hugo: the content section; Docusaurus: "docs" or a blog
                          * folder; NULL: the site's usual one */
  const char *author;    /* NULL: none */
  GDateTime  *now;       /* NULL: the current local time */
} LekhNewArticleOptions;

/* Creates the article where the site's generator expects it (Docusaurus
 * blog/YYYY-MM-DD-slug.md, or blog/YYYY-MM-DD-slug/index.md when most posts are folders,
 * docs/slug.md; Hugo content/SECTION/slug.md from archetypes/SECTION.md or default.md;
 * Jekyll _posts/YYYY-MM-DD-slug.md; elsewhere ROOT/slug.md), with the title, date,
 * author and draft state in its front matter. Never replaces a file: a taken name gets
 * -2, -3 … Returns the new file's path. */
char *lekh_new_article_create          (const char                  *root,
                                        LekhProfileId                profile,
                                        const LekhNewArticleOptions *options,
                                        GError                     **error);
/* A file name from a title: lower case, letters of every script (Devanagari vowel signs
 * and viramas included) and digits kept, runs of anything else one '-'. "untitled" when
 * nothing is left. */
char *lekh_new_article_slug            (const char                  *title);
/* A Hugo archetype with the common template expressions filled: {{ .Date }} (and .Date
 * pipelines, now), the file name ({{ .Name }}, .File.ContentBaseName) and the title made
 * from it ({{ replace .File.ContentBaseName "-" " " | title }}, {{ .Title }}) become NOW,
 * SLUG and TITLE; any other expression is dropped, so its key stays, empty. A value
 * inside TOML or JSON quotes is escaped for them. */
char *lekh_new_article_fill_archetype  (const char                  *archetype,
                                        const char                  *title,
                                        const char                  *slug,
                                        GDateTime                   *now);

G_END_DECLS
