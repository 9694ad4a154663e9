/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-core"

#include "config.h"

#include <string.h>

#include "lekh-image-path.h"

/* The part of PATH below DIR ("" for DIR itself), or NULL when PATH is not inside it.
 * Both canonical. */
static const char *
below (const char *path,
       const char *dir)
{
  gsize n = strlen (dir);

  if (n == 1 && dir[0] == G_DIR_SEPARATOR)
    return path + 1;
  if (strncmp (path, dir, n) != 0)
    return NULL;
  if (path[n] == '\0')
    return path + n;
  if (path[n] == G_DIR_SEPARATOR)
    return path + n + 1;
  return NULL;
}

static char *
article_folder (const char *article_path)
{
  g_autofree char *abs = g_canonicalize_filename (article_path, NULL);

  return g_path_get_dirname (abs);
}

/* index.md (leaf bundle) or _index.md (branch bundle): its folder's files are its own. */
static gboolean
is_hugo_bundle (const char *article_path)
{
  g_autofree char *base = g_path_get_basename (article_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL)
    *dot = '\0';
  return strcmp (base, "index") == 0 || strcmp (base, "_index") == 0;
}

static LekhProfileId
profile_of (LekhSite *site)
{
  if (site == NULL || lekh_site_get_root (site) == NULL)
    return LEKH_PROFILE_GENERIC;
  return lekh_profile_get_id (lekh_site_get_profile (site));
}

char *
lekh_image_path_folder (LekhSite   *site,
                        const char *article_path)
{
  const char *root;

  g_return_val_if_fail (article_path != NULL, NULL);

  root = site != NULL ? lekh_site_get_root (site) : NULL;
  switch (profile_of (site))
    {
    case LEKH_PROFILE_DOCUSAURUS:
      return g_build_filename (root, "static", "img", NULL);

    case LEKH_PROFILE_HUGO:
      if (is_hugo_bundle (article_path))
        return article_folder (article_path);
      return g_build_filename (root, "static", "images", NULL);

    case LEKH_PROFILE_JEKYLL:
      {
        g_autofree char *images = g_build_filename (root, "assets", "images", NULL);

        if (g_file_test (images, G_FILE_TEST_IS_DIR))
          return g_steal_pointer (&images);
        return g_build_filename (root, "assets", NULL);
      }

    case LEKH_PROFILE_GENERIC:
    case LEKH_N_PROFILES:
    default:
      return article_folder (article_path);
    }
}

char *
lekh_image_path_browse_folder (LekhSite   *site,
                               const char *article_path)
{
  g_autofree char *folder = NULL;
  const char *root;

  g_return_val_if_fail (article_path != NULL, NULL);

  folder = lekh_image_path_folder (site, article_path);
  root = site != NULL ? lekh_site_get_root (site) : NULL;
  while (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *parent = g_path_get_dirname (folder);

      if (root == NULL || below (parent, root) == NULL || strcmp (parent, folder) == 0)
        return article_folder (article_path);
      g_free (folder);
      folder = g_steal_pointer (&parent);
    }
  return g_steal_pointer (&folder);
}

/* Jekyll publishes nothing from a folder (or file) whose name starts with '_' or '.'. */
static gboolean
jekyll_publishes (const char *rel)
{
  g_auto(GStrv) parts = g_strsplit (rel, G_DIR_SEPARATOR_S, -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '_' || parts[i][0] == '.')
      return FALSE;
  return TRUE;
}

/* The path from folder FROM to FILE ("x.png", "img/x.png", "../img/x.png"). */
static char *
relative_path (const char *from,
               const char *file)
{
  g_auto(GStrv) a = g_strsplit (from, G_DIR_SEPARATOR_S, -1);
  g_auto(GStrv) b = g_strsplit (file, G_DIR_SEPARATOR_S, -1);
  GString *out = g_string_new (NULL);
  guint common = 0;

  while (a[common] != NULL && b[common] != NULL && b[common + 1] != NULL &&
         strcmp (a[common], b[common]) == 0)
    common++;
  for (guint i = common; a[i] != NULL; i++)
    if (a[i][0] != '\0')
      g_string_append (out, "../");
  for (guint i = common; b[i] != NULL; i++)
    {
      g_string_append (out, b[i]);
      if (b[i + 1] != NULL)
        g_string_append_c (out, '/');
    }
  return g_string_free (out, FALSE);
}

/* '%', '?' and '#' would be read as an escape, a query or a fragment. */
static char *
escape_reference (const char *prefix,
                  const char *path)
{
  GString *out = g_string_new (prefix);

  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '?' || *p == '#')
        g_string_append_printf (out, "%%%02X", (guint) (guchar) *p);
      else if (*p == G_DIR_SEPARATOR)
        g_string_append_c (out, '/');
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
candidate (LekhSite   *site,
           const char *article_path,
           const char *file)
{
  g_autofree char *dir = article_folder (article_path);
  LekhProfileId id = profile_of (site);
  const char *root = site != NULL ? lekh_site_get_root (site) : NULL;
  const char *rel;

  if (root == NULL)
    {
      rel = below (file, dir);
      return rel != NULL && *rel != '\0' ? escape_reference ("./", rel) : NULL;
    }
  if (below (file, root) == NULL)
    return NULL;

  /* The static folders are served as the site's root. */
  {
    const char * const *statics = lekh_profile_get_static_dirs (lekh_site_get_profile (site));

    for (guint i = 0; statics[i] != NULL; i++)
      {
        g_autofree char *folder = strcmp (statics[i], ".") == 0 ?
                                  g_strdup (root) : g_build_filename (root, statics[i], NULL);

        rel = below (file, folder);
        if (rel == NULL || *rel == '\0')
          continue;
        if (id == LEKH_PROFILE_JEKYLL && !jekyll_publishes (rel))
          continue;
        return escape_reference ("/", rel);
      }
  }

  switch (id)
    {
    case LEKH_PROFILE_HUGO:
      /* Only a page bundle owns the files around it. */
      rel = is_hugo_bundle (article_path) ? below (file, dir) : NULL;
      return rel != NULL && *rel != '\0' ? escape_reference ("", rel) : NULL;

    case LEKH_PROFILE_DOCUSAURUS:
    case LEKH_PROFILE_GENERIC:
      {
        /* Bundled from anywhere in the site by a relative path. */
        g_autofree char *path = relative_path (dir, file);

        return escape_reference (g_str_has_prefix (path, "../") ? "" : "./", path);
      }

    case LEKH_PROFILE_JEKYLL:
    case LEKH_N_PROFILES:
    default:
      return NULL;
    }
}

char *
lekh_image_path_reference (LekhSite   *site,
                           const char *article_path,
                           const char *file)
{
  g_autofree char *canonical = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *resolved = NULL;
  LekhImageStatus status;

  g_return_val_if_fail (article_path != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  canonical = g_canonicalize_filename (file, NULL);
  reference = candidate (site, article_path, canonical);
  if (reference == NULL)
    return NULL;

  /* What the checker and the preview will read back must be this very file. */
  resolved = lekh_site_resolve_image (site, article_path, reference, &status);
  if (status != LEKH_IMAGE_FOUND || g_strcmp0 (resolved, canonical) != 0)
    return NULL;
  return g_steal_pointer (&reference);
}

char *
lekh_image_path_free_file (const char *folder,
                           const char *name)
{
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  const char *dot;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  base = g_path_get_basename (name);
  if (base[0] == '\0' || strcmp (base, ".") == 0 || strcmp (base, "..") == 0 ||
      strcmp (base, G_DIR_SEPARATOR_S) == 0)
    {
      g_free (base);
      base = g_strdup ("image");
    }
  path = g_build_filename (folder, base, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    return g_steal_pointer (&path);

  dot = strrchr (base, '.');
  if (dot == base)
    dot = NULL;
  stem = dot ? g_strndup (base, dot - base) : g_strdup (base);
  for (guint i = 2; i < 1000; i++)
    {
      g_autofree char *next = g_strdup_printf ("%s-%u%s", stem, i, dot ? dot : "");

      g_free (path);
      path = g_build_filename (folder, next, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        return g_steal_pointer (&path);
    }
  return NULL;
}

char *
lekh_image_path_markdown (const char *alt,
                          const char *reference)
{
  GString *out = g_string_new ("![");
  gboolean angle;

  g_return_val_if_fail (reference != NULL, NULL);

  for (const char *p = alt ? alt : ""; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (*p == '[' || *p == ']' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append (out, "](");
  angle = reference[strcspn (reference, " ()\t")] != '\0';
  if (angle)
    g_string_append_c (out, '<');
  for (const char *p = reference; *p != '\0'; p++)
    {
      if (*p == '<' || *p == '>' || *p == '\n' || *p == '\r' || (!angle && *p == '\\'))
        g_string_append_printf (out, "%%%02X", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  if (angle)
    g_string_append_c (out, '>');
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

char *
lekh_image_path_alt_for_file (const char *file)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (file != NULL, NULL);

  base = g_path_get_basename (file);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

gboolean
lekh_image_path_is_image_name (const char *name)
{
  static const char * const extensions[] = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", NULL
  };
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  folded = g_ascii_strdown (name, -1);
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (folded, extensions[i]))
      return TRUE;
  return FALSE;
}
