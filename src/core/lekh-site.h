/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lekh-edit.h"
#include "lekh-profile.h"

G_BEGIN_DECLS

/* An entry of a site data file: authors.yml (key, name, title, url, image_url) or
 * tags.yml (key, label, permalink, description). */
typedef struct
{
  char *key;
  char *name;          /* authors: name; tags: label */
  char *title;         /* authors: title; tags: description */
  char *url;           /* authors: url; tags: permalink */
  char *image_url;     /* authors only */
} LekhSiteEntry;

/* A site data file, read once. Immutable after loading. Its error is in G_FILE_ERROR when
 * the file could not be read (permissions, a sandbox), in LEKH_ERROR when it is not valid. */
typedef struct _LekhSiteData LekhSiteData;

const char          *lekh_site_data_get_path    (const LekhSiteData *self);
guint                lekh_site_data_get_n_entries (const LekhSiteData *self);
const LekhSiteEntry *lekh_site_data_get_entry   (const LekhSiteData *self,
                                                 guint               index);
const LekhSiteEntry *lekh_site_data_lookup      (const LekhSiteData *self,
                                                 const char         *key);
/* NULL when the file read cleanly. */
const GError        *lekh_site_data_get_error   (const LekhSiteData *self);
/* What Docusaurus refuses in the file (a key twice, an author without name or image, a tag
 * with an unknown field, two tags with one permalink), or NULL. The entries are still read. */
const char          *lekh_site_data_get_problem (const LekhSiteData *self);

/* A site: its root folder and profile, and its authors/tags files loaded on demand.
 * All functions may be called from several threads at once. */
typedef struct _LekhSite LekhSite;

/* Walks up from PATH (an article or a folder) to the nearest folder holding a site
 * configuration: docusaurus.config.{js,ts,mjs,cjs}; hugo.{toml,yaml,yml,json}, or
 * config.{toml,yaml,yml} beside a content/ folder; _config.yml. Returns NULL when
 * there is none (the generic profile applies). */
LekhSite            *lekh_site_detect           (const char         *path);
/* A site with a known root and profile (ROOT may be NULL: no site files). */
LekhSite            *lekh_site_new              (const char         *root,
                                                 const LekhProfile  *profile);
LekhSite            *lekh_site_ref              (LekhSite           *self);
void                 lekh_site_unref            (LekhSite           *self);
const char          *lekh_site_get_root         (LekhSite           *self);
const LekhProfile   *lekh_site_get_profile      (LekhSite           *self);
/* The authors.yml (or tags.yml) that applies to an article: the nearest one walking up
 * from the article's folder to the site root. NULL when there is none. */
const LekhSiteData  *lekh_site_get_authors      (LekhSite           *self,
                                                 const char         *article_path);
const LekhSiteData  *lekh_site_get_tags         (LekhSite           *self,
                                                 const char         *article_path);
typedef enum
{
  LEKH_IMAGE_FOUND,
  LEKH_IMAGE_MISSING,
  LEKH_IMAGE_UNKNOWN,        /* cannot be known: an absolute reference without a site root */
  LEKH_IMAGE_OUTSIDE_SITE,   /* it points out of the site's folder (../../…): not published */
  LEKH_IMAGE_UNREADABLE,     /* a folder on the way cannot be read (permissions, a sandbox,
                              * a symlink loop): whether it exists is not known */
} LekhImageStatus;

/* Resolves an image reference the way the generator does: relative to the article's
 * folder, or (starting with '/') to the site's static folders. Returns the path of the
 * existing file, or NULL; STATUS (may be NULL) says which. A site's generator publishes
 * nothing from outside its folder, so a reference that leaves it is not looked up at all:
 * what the check says never depends on the files around the site. */
char                *lekh_site_resolve_image    (LekhSite           *self,
                                                 const char         *article_path,
                                                 const char         *reference,
                                                 LekhImageStatus    *status);

/* TRUE when PATH lies in a Flatpak document-portal mount (/run/user/UID/doc/…,
 * /run/flatpak/doc/…): the app was given that one file, and the site around it (its
 * configuration, authors.yml, tags.yml, images) is out of its reach. */
gboolean             lekh_site_path_is_portal   (const char         *path);

/* TRUE when the folder NAME inside PARENT holds a generator's templates or output rather
 * than articles: Hugo's archetypes/, public/ and resources/, Jekyll's _site/, Docusaurus'
 * build/ and .docusaurus/ — each only beside that generator's configuration. */
gboolean             lekh_site_folder_is_generated (const char      *parent,
                                                    const char      *name);

/* Reads an authors.yml / tags.yml (exposed for the site index and tests). */
LekhSiteData        *lekh_site_data_load        (const char         *path,
                                                 gboolean            tags);
void                 lekh_site_data_free        (LekhSiteData       *self);
/* The quick fix behind add-author / add-tag: an edit of the data file's TEXT that appends
 * "KEY:\n  name: NAME\n" (authors) or "KEY:\n  label: NAME\n" (tags) in the file's own
 * line ending. The result is re-read: every earlier key must remain and KEY must read
 * back, else NULL with an error (and nothing to write). NAME NULL: KEY. */
LekhEdit            *lekh_site_data_create_add_edit (const char     *text,
                                                     gsize           len,
                                                     const char     *key,
                                                     const char     *name,
                                                     gboolean        tags,
                                                     GError        **error);

/* One site per root, found once per folder: for checking many files, from any thread. */
typedef struct _LekhSiteCache LekhSiteCache;

LekhSiteCache       *lekh_site_cache_new        (void);
void                 lekh_site_cache_free       (LekhSiteCache      *self);
/* The site of the article at PATH (a new reference), or NULL when there is none. */
LekhSite            *lekh_site_cache_lookup     (LekhSiteCache      *self,
                                                 const char         *path);

/* The names of the entries of FOLDER (an absolute path; NULL-terminated), as a walk of the
 * site has just read them: finding the site of an article in FOLDER then reads only the
 * entries that mark a site (a configuration file, ".git") among them, rather than listing the
 * folder again. */
void                 lekh_site_cache_add_listing (LekhSiteCache     *self,
                                                  const char        *folder,
                                                  const char * const *names);

/* Forgets every site found so far (their authors.yml/tags.yml are read again when next
 * needed). Sites still in use by a check stay valid until it drops them. */
void                 lekh_site_cache_clear      (LekhSiteCache      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhSite, lekh_site_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhSiteData, lekh_site_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhSiteCache, lekh_site_cache_free)

G_END_DECLS
