/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lekh-error.h"
#include "lekh-profile.h"
#include "lekh-site.h"

static char *
site_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sites", relative, NULL);
}

static void
test_lookup (void)
{
  g_assert_cmpint (lekh_profile_get_id (lekh_profile_lookup ("docusaurus")), ==,
                   LEKH_PROFILE_DOCUSAURUS);
  g_assert_cmpint (lekh_profile_get_id (lekh_profile_lookup ("Hugo")), ==, LEKH_PROFILE_HUGO);
  g_assert_cmpint (lekh_profile_get_id (lekh_profile_lookup ("jekyll")), ==, LEKH_PROFILE_JEKYLL);
  g_assert_cmpint (lekh_profile_get_id (lekh_profile_lookup ("generic")), ==,
                   LEKH_PROFILE_GENERIC);
  g_assert_null (lekh_profile_lookup ("gatsby"));

  for (guint p = 0; p < LEKH_N_PROFILES; p++)
    {
      const LekhProfile *profile = lekh_profile_get (p);

      g_assert_nonnull (lekh_profile_lookup_field (profile, "title"));
      g_assert_cmpuint (lekh_profile_get_n_fields (profile), >, 5);
    }

  /* Hugo reads keys case-insensitively; the others do not. */
  g_assert_nonnull (lekh_profile_lookup_field (lekh_profile_get (LEKH_PROFILE_HUGO), "linktitle"));
  g_assert_null (lekh_profile_lookup_field (lekh_profile_get (LEKH_PROFILE_GENERIC), "Title"));
  g_assert_cmpint (lekh_profile_lookup_field (lekh_profile_get (LEKH_PROFILE_DOCUSAURUS),
                                              "toc_min_heading_level")->type, ==,
                   LEKH_FIELD_TOC_LEVEL);
}

static void
test_suggest (void)
{
  const LekhProfile *docusaurus = lekh_profile_get (LEKH_PROFILE_DOCUSAURUS);
  const LekhProfile *generic = lekh_profile_get (LEKH_PROFILE_GENERIC);

  g_assert_cmpstr (lekh_profile_suggest_field (generic, "tag"), ==, "tags");
  g_assert_cmpstr (lekh_profile_suggest_field (generic, "titel"), ==, "title");
  g_assert_cmpstr (lekh_profile_suggest_field (generic, "Title"), ==, "title");
  g_assert_cmpstr (lekh_profile_suggest_field (generic, "descriptoin"), ==, "description");
  g_assert_cmpstr (lekh_profile_suggest_field (docusaurus, "hideTableOfContents"), ==,
                   "hide_table_of_contents");
  g_assert_cmpstr (lekh_profile_suggest_field (docusaurus, "keyword"), ==, "keywords");
  /* far from every field: a custom key, not a typo */
  g_assert_null (lekh_profile_suggest_field (generic, "i18nReady"));
  g_assert_null (lekh_profile_suggest_field (generic, "githubURL"));
  g_assert_null (lekh_profile_suggest_field (generic, "id"));
  /* legacy fields are never suggested */
  g_assert_cmpstr (lekh_profile_suggest_field (docusaurus, "autors"), ==, "authors");

  g_assert_true (lekh_profile_key_is_known_anywhere ("author"));
  g_assert_true (lekh_profile_key_is_known_anywhere ("lastmod"));
  g_assert_false (lekh_profile_key_is_known_anywhere ("i18nReady"));
}

typedef struct
{
  const char    *path;
  LekhProfileId  profile;
  const char    *root;
} DetectCase;

static void
test_detect (void)
{
  static const DetectCase cases[] = {
    { "docusaurus/blog/2024-03-05-jaipur/index.md", LEKH_PROFILE_DOCUSAURUS, "docusaurus" },
    { "docusaurus/docs/guide/intro.md", LEKH_PROFILE_DOCUSAURUS, "docusaurus" },
    { "docusaurus", LEKH_PROFILE_DOCUSAURUS, "docusaurus" },
    { "hugo/content/posts/first.md", LEKH_PROFILE_HUGO, "hugo" },
    { "hugo-legacy/content/posts/old.md", LEKH_PROFILE_HUGO, "hugo-legacy" },
    { "jekyll/_posts/2024-03-05-trip.md", LEKH_PROFILE_JEKYLL, "jekyll" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = site_path (cases[i].path);
      g_autofree char *root = site_path (cases[i].root);
      g_autofree char *canonical_root = g_canonicalize_filename (root, NULL);
      g_autoptr(LekhSite) site = lekh_site_detect (path);

      g_test_message ("%s", cases[i].path);
      g_assert_nonnull (site);
      g_assert_cmpint (lekh_profile_get_id (lekh_site_get_profile (site)), ==, cases[i].profile);
      g_assert_cmpstr (lekh_site_get_root (site), ==, canonical_root);
    }
}

/* No configuration up to the repository root: no site (the generic profile applies).
 * A config.toml without a content/ folder is not a Hugo site. */
static void
test_detect_none (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lekh-profile-XXXXXX", NULL);
  g_autofree char *git = g_build_filename (tmp, ".git", NULL);
  g_autofree char *config = g_build_filename (tmp, "config.toml", NULL);
  g_autofree char *article = g_build_filename (tmp, "post.md", NULL);
  g_autofree char *content = g_build_filename (tmp, "content", NULL);
  g_autoptr(LekhSite) none = NULL;
  g_autoptr(LekhSite) hugo = NULL;

  g_assert_cmpint (g_mkdir (git, 0755), ==, 0);
  g_assert_true (g_file_set_contents (config, "x = 1\n", -1, NULL));
  g_assert_true (g_file_set_contents (article, "---\ntitle: x\n---\n", -1, NULL));

  none = lekh_site_detect (article);
  g_assert_null (none);

  g_assert_cmpint (g_mkdir (content, 0755), ==, 0);
  hugo = lekh_site_detect (article);
  g_assert_nonnull (hugo);
  g_assert_cmpint (lekh_profile_get_id (lekh_site_get_profile (hugo)), ==, LEKH_PROFILE_HUGO);

  g_remove (article);
  g_remove (config);
  g_rmdir (content);
  g_rmdir (git);
  g_rmdir (tmp);
}

/* A folder is listed once for the names that mark a site; what the listing shows is then
 * tested as before: a configuration reached through a symlink counts, one that is a folder
 * does not, and a folder that can be searched but not listed is probed name by name. */
static void
test_detect_listing (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lekh-profile-XXXXXX", NULL);
  g_autofree char *real = g_build_filename (tmp, "real.js", NULL);
  g_autofree char *site = g_build_filename (tmp, "site", NULL);
  g_autofree char *git = g_build_filename (site, ".git", NULL);
  g_autofree char *link = g_build_filename (site, "docusaurus.config.js", NULL);
  g_autofree char *folder_config = g_build_filename (site, "hugo.toml", NULL);
  g_autofree char *article = g_build_filename (site, "post.md", NULL);
  g_autofree char *canonical_site = g_canonicalize_filename (site, NULL);
  LekhSite *detected;

  g_assert_cmpint (g_mkdir (site, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (git, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (folder_config, 0755), ==, 0);
  g_assert_true (g_file_set_contents (article, "---\ntitle: x\n---\n", -1, NULL));

  /* hugo.toml is a folder: not a configuration, and .git ends the search */
  g_assert_null (lekh_site_detect (article));

  g_assert_true (g_file_set_contents (real, "module.exports = {};\n", -1, NULL));
  g_assert_cmpint (symlink (real, link), ==, 0);
  detected = lekh_site_detect (article);
  g_assert_nonnull (detected);
  g_assert_cmpint (lekh_profile_get_id (lekh_site_get_profile (detected)), ==,
                   LEKH_PROFILE_DOCUSAURUS);
  g_assert_cmpstr (lekh_site_get_root (detected), ==, canonical_site);
  g_clear_pointer (&detected, lekh_site_unref);

  /* search permission without read permission: cannot be listed, still found */
  if (g_chmod (site, 0311) == 0 && g_access (site, R_OK) != 0)
    {
      g_autoptr(LekhSiteCache) cache = lekh_site_cache_new ();

      detected = lekh_site_detect (article);
      g_assert_nonnull (detected);
      g_assert_cmpstr (lekh_site_get_root (detected), ==, canonical_site);
      g_clear_pointer (&detected, lekh_site_unref);
      detected = lekh_site_cache_lookup (cache, article);
      g_assert_nonnull (detected);
      g_assert_cmpint (lekh_profile_get_id (lekh_site_get_profile (detected)), ==,
                       LEKH_PROFILE_DOCUSAURUS);
      g_clear_pointer (&detected, lekh_site_unref);
    }
  g_chmod (site, 0755);

  /* a dangling link is no configuration */
  g_remove (real);
  g_assert_null (lekh_site_detect (article));

  g_remove (link);
  g_remove (article);
  g_rmdir (folder_config);
  g_rmdir (git);
  g_rmdir (site);
  g_rmdir (tmp);
}

static void
test_site_data (void)
{
  g_autofree char *post = site_path ("docusaurus/blog/2024-03-05-jaipur/index.md");
  g_autofree char *doc = site_path ("docusaurus/docs/guide/intro.md");
  g_autoptr(LekhSite) site = lekh_site_detect (post);
  const LekhSiteData *authors, *tags;
  const LekhSiteEntry *asha;

  g_assert_nonnull (site);
  authors = lekh_site_get_authors (site, post);
  g_assert_nonnull (authors);
  g_assert_null (lekh_site_data_get_error (authors));
  g_assert_cmpuint (lekh_site_data_get_n_entries (authors), ==, 2);
  asha = lekh_site_data_lookup (authors, "asha");
  g_assert_nonnull (asha);
  g_assert_cmpstr (asha->name, ==, "आशा वर्मा");
  g_assert_cmpstr (asha->title, ==, "Editor");
  g_assert_cmpstr (asha->image_url, ==, "/img/asha.png");
  g_assert_cmpstr (lekh_site_data_get_entry (authors, 1)->key, ==, "ravi");
  /* loaded once, shared */
  g_assert_true (lekh_site_get_authors (site, post) == authors);

  tags = lekh_site_get_tags (site, post);
  g_assert_nonnull (tags);
  g_assert_cmpstr (lekh_site_data_lookup (tags, "travel")->url, ==, "/travel");
  g_assert_nonnull (lekh_site_data_lookup (tags, "हिंदी"));

  /* the docs do not see the blog's files */
  g_assert_null (lekh_site_get_authors (site, doc));
  g_assert_null (lekh_site_get_tags (site, doc));
}

static void
test_site_data_errors (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lekh-profile-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (tmp, "authors.yml", NULL);
  g_autofree char *missing = g_build_filename (tmp, "nothing.yml", NULL);
  g_autoptr(LekhSiteData) broken = NULL;
  g_autoptr(LekhSiteData) absent = NULL;

  g_assert_true (g_file_set_contents (bad, "asha:\n  name: [unclosed\n", -1, NULL));
  broken = lekh_site_data_load (bad, FALSE);
  g_assert_nonnull (lekh_site_data_get_error (broken));
  g_assert_cmpuint (lekh_site_data_get_n_entries (broken), ==, 0);
  absent = lekh_site_data_load (missing, FALSE);
  g_assert_nonnull (lekh_site_data_get_error (absent));

  g_remove (bad);
  g_rmdir (tmp);
}

static char *
apply_add (const char *text,
           const char *key,
           const char *name,
           gboolean    tags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhEdit) edit = lekh_site_data_create_add_edit (text, strlen (text), key, name,
                                                             tags, &error);
  GString *out;

  g_assert_no_error (error);
  g_assert_nonnull (edit);
  g_assert_cmpuint (edit->start, ==, strlen (text));
  out = g_string_new_len (text, edit->start);
  g_string_append (out, edit->text);
  g_string_append (out, text + edit->end);
  return g_string_free (out, FALSE);
}

static void
test_add_entry (void)
{
  g_autofree char *authors = NULL;
  g_autofree char *crlf = NULL;
  g_autofree char *unterminated = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhEdit) duplicate = NULL;
  g_autoptr(LekhEdit) flow = NULL;

  authors = apply_add ("# team\nasha:\n  name: Asha\n", "meera", "मीरा", FALSE);
  g_assert_cmpstr (authors, ==, "# team\nasha:\n  name: Asha\nmeera:\n  name: मीरा\n");
  crlf = apply_add ("travel:\r\n  label: Travel\r\n", "food", NULL, TRUE);
  g_assert_cmpstr (crlf, ==, "travel:\r\n  label: Travel\r\nfood:\r\n  label: food\r\n");
  unterminated = apply_add ("travel:\n  label: Travel", "food", "Food", TRUE);
  g_assert_cmpstr (unterminated, ==, "travel:\n  label: Travel\nfood:\n  label: Food\n");
  empty = apply_add ("", "हिंदी", NULL, TRUE);
  g_assert_cmpstr (empty, ==, "हिंदी:\n  label: हिंदी\n");
  quoted = apply_add ("a:\n  name: A\n", "yes", "No: really", FALSE);
  g_assert_cmpstr (quoted, ==, "a:\n  name: A\n'yes':\n  name: 'No: really'\n");

  duplicate = lekh_site_data_create_add_edit ("asha:\n  name: A\n", 16, "asha", NULL, FALSE,
                                              &error);
  g_assert_null (duplicate);
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED);
  g_clear_error (&error);

  /* a flow mapping cannot take a block entry: refused, not mangled */
  flow = lekh_site_data_create_add_edit ("{asha: {name: A}}", 17, "meera", NULL, FALSE, &error);
  g_assert_null (flow);
  g_assert_nonnull (error);
}

static void
test_resolve_image (void)
{
  g_autofree char *post = site_path ("docusaurus/blog/2024-03-05-jaipur/index.md");
  g_autoptr(LekhSite) site = lekh_site_detect (post);
  g_autoptr(LekhSite) rootless = lekh_site_new (NULL, lekh_profile_get (LEKH_PROFILE_GENERIC));
  g_autofree char *local = NULL;
  g_autofree char *stat = NULL;
  g_autofree char *at_site = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *escaping = NULL;
  g_autofree char *beside_rootless = NULL;
  g_autofree char *outside_file = NULL;
  LekhImageStatus status = LEKH_IMAGE_UNKNOWN;

  local = lekh_site_resolve_image (site, post, "./photo.png", &status);
  g_assert_nonnull (local);
  g_assert_cmpint (status, ==, LEKH_IMAGE_FOUND);
  stat = lekh_site_resolve_image (site, post, "/img/cover.png?v=2", &status);
  g_assert_nonnull (stat);
  g_assert_cmpint (status, ==, LEKH_IMAGE_FOUND);
  at_site = lekh_site_resolve_image (site, post, "@site/static/img/cover.png", &status);
  g_assert_nonnull (at_site);
  missing = lekh_site_resolve_image (site, post, "/img/none.png", &status);
  g_assert_null (missing);
  g_assert_cmpint (status, ==, LEKH_IMAGE_MISSING);
  unknown = lekh_site_resolve_image (rootless, post, "/img/cover.png", &status);
  g_assert_null (unknown);
  g_assert_cmpint (status, ==, LEKH_IMAGE_UNKNOWN);

  /* A reference that leaves the site is never looked up, even when the file exists: the
   * site does not publish it, and the verdict must not depend on what lies around the site. */
  outside_file = site_path ("hugo/static/images/cover.jpg");
  g_assert_true (g_file_test (outside_file, G_FILE_TEST_IS_REGULAR));
  escaping = lekh_site_resolve_image (site, post, "../../../hugo/static/images/cover.jpg", &status);
  g_assert_null (escaping);
  g_assert_cmpint (status, ==, LEKH_IMAGE_OUTSIDE_SITE);
  g_clear_pointer (&escaping, g_free);
  escaping = lekh_site_resolve_image (site, post, "/../../hugo/static/images/cover.jpg", &status);
  g_assert_null (escaping);
  g_assert_cmpint (status, ==, LEKH_IMAGE_OUTSIDE_SITE);
  g_clear_pointer (&escaping, g_free);
  escaping = lekh_site_resolve_image (site, post, "@site/../hugo/static/images/cover.jpg", &status);
  g_assert_null (escaping);
  g_assert_cmpint (status, ==, LEKH_IMAGE_OUTSIDE_SITE);
  /* Without a site there is no folder to leave: beside the article is wherever it points. */
  beside_rootless = lekh_site_resolve_image (rootless, post, "../../../hugo/static/images/cover.jpg",
                                             &status);
  g_assert_nonnull (beside_rootless);
  g_assert_cmpint (status, ==, LEKH_IMAGE_FOUND);
}

static void
test_cache (void)
{
  g_autoptr(LekhSiteCache) cache = lekh_site_cache_new ();
  g_autofree char *a = site_path ("docusaurus/blog/2024-03-05-jaipur/index.md");
  g_autofree char *b = site_path ("docusaurus/docs/guide/intro.md");
  g_autofree char *c = site_path ("hugo/content/posts/first.md");
  g_autoptr(LekhSite) sa = lekh_site_cache_lookup (cache, a);
  g_autoptr(LekhSite) sb = lekh_site_cache_lookup (cache, b);
  g_autoptr(LekhSite) sc = lekh_site_cache_lookup (cache, c);

  g_assert_true (sa == sb);
  g_assert_true (sa != sc);
  g_assert_cmpint (lekh_profile_get_id (lekh_site_get_profile (sc)), ==, LEKH_PROFILE_HUGO);
}

/* A walk's listing of a folder stands for reading it: a configuration file absent from the
 * listing is not looked for (so the listing is what was used), and clearing the cache
 * forgets the listing with the sites. */
static void
test_cache_listing (void)
{
  g_autoptr(LekhSiteCache) cache = lekh_site_cache_new ();
  g_autofree char *root = site_path ("docusaurus");
  g_autofree char *absolute = g_canonicalize_filename (root, NULL);
  g_autofree char *article = site_path ("docusaurus/intro.md");
  const char * const without_config[] = { "blog", "docs", "static", NULL };
  const char * const with_config[] = { "blog", "docusaurus.config.ts", NULL };
  g_autoptr(LekhSite) found = NULL;
  g_autoptr(LekhSite) again = NULL;

  g_assert_true (g_file_test (root, G_FILE_TEST_IS_DIR));
  /* the configuration file on disk, not in the listing: no site here (nor above) */
  lekh_site_cache_add_listing (cache, absolute, without_config);
  g_assert_null (lekh_site_cache_lookup (cache, article));

  lekh_site_cache_clear (cache);
  lekh_site_cache_add_listing (cache, absolute, with_config);
  found = lekh_site_cache_lookup (cache, article);
  g_assert_nonnull (found);
  g_assert_cmpstr (lekh_site_get_root (found), ==, absolute);

  /* read from the disk when no listing is given */
  lekh_site_cache_clear (cache);
  again = lekh_site_cache_lookup (cache, article);
  g_assert_nonnull (again);
  g_assert_cmpint (lekh_profile_get_id (lekh_site_get_profile (again)), ==, LEKH_PROFILE_DOCUSAURUS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile/lookup", test_lookup);
  g_test_add_func ("/profile/suggest", test_suggest);
  g_test_add_func ("/site/detect", test_detect);
  g_test_add_func ("/site/detect-none", test_detect_none);
  g_test_add_func ("/site/detect-listing", test_detect_listing);
  g_test_add_func ("/site/data", test_site_data);
  g_test_add_func ("/site/data-errors", test_site_data_errors);
  g_test_add_func ("/site/add-entry", test_add_entry);
  g_test_add_func ("/site/resolve-image", test_resolve_image);
  g_test_add_func ("/site/cache", test_cache);
  g_test_add_func ("/site/cache-listing", test_cache_listing);

  return g_test_run ();
}
