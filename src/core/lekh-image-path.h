/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lekh-site.h"

G_BEGIN_DECLS

/* Where an article's images go and how the article names them: the forward direction of
 * lekh_site_resolve_image(), which stays the one reader of image references. SITE may
 * be NULL (a lone file: its images live beside it). */

/* The folder a new image for the article is copied into: Docusaurus static/img, Hugo
 * static/images (a page bundle's own folder for index.md/_index.md), Jekyll assets/images
 * when it exists or else assets, and the article's own folder for a lone file or a
 * generic site. It may not exist yet. */
char     *lekh_image_path_folder        (LekhSite   *site,
                                         const char *article_path);

/* The existing folder a file chooser should open in: the image folder above when it
 * exists, else its nearest existing parent within the site (the article's folder at
 * worst). */
char     *lekh_image_path_browse_folder (LekhSite   *site,
                                         const char *article_path);

/* The front-matter (and Markdown) reference the generator needs to find FILE from the
 * article: "/img/x.png" for a Docusaurus static/img/x.png, "./x.png" beside a Docusaurus
 * article or a lone file, "/images/x.png" for a Hugo static/images/x.png, "x.png" in a
 * Hugo page bundle, "/assets/x.png" for a Jekyll site's assets/x.png. '%', '?' and '#'
 * are percent-escaped; spaces and non-Latin letters are kept. The reference is checked
 * with lekh_site_resolve_image() to lead back to FILE. NULL when the generator would not
 * publish FILE from there (outside the site, in a Jekyll '_' folder, beside a Hugo page
 * that is not a bundle…): it has to be copied into lekh_image_path_folder() first. */
char     *lekh_image_path_reference     (LekhSite   *site,
                                         const char *article_path,
                                         const char *file);

/* FOLDER/NAME when no such file exists, else FOLDER/STEM-2.EXT, -3… (never an existing
 * file). NAME is reduced to its base name; NULL only when a thousand names are taken. */
char     *lekh_image_path_free_file     (const char *folder,
                                         const char *name);

/* "![ALT](REFERENCE)" for the body: '[', ']' and '\' in ALT are escaped, a reference with
 * spaces or parentheses is written as "<…>", '<' and '>' in it percent-escaped. */
char     *lekh_image_path_markdown      (const char *alt,
                                         const char *reference);

/* The alt text a file name suggests: its base name without the extension. */
char     *lekh_image_path_alt_for_file  (const char *file);

/* Whether NAME ends like an image a browser shows (png, jpg, jpeg, gif, webp, svg, avif). */
gboolean  lekh_image_path_is_image_name (const char *name);

G_END_DECLS
