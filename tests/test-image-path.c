/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lekh-image-path.h"

/* A folder of the given files (a trailing '/' makes a folder), removed by rm_tree(). */
static char *
make_tree (const char * const *files)
{
  g_autoptr(GError) error = NULL;
  char *root = g_dir_make_tmp ("lekh-image-XXXXXX", &error);
  g_autofree char *canonical = NULL;

  g_assert_no_error (error);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (root, files[i], NULL);

      if (g_str_has_suffix (files[i], "/"))
        g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      else
        {
          g_autofree char *dir = g_path_get_dirname (path);

          g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
          g_file_set_contents (path, "x", 1, &error);
          g_assert_no_error (error);
        }
    }
  canonical = g_canonicalize_filename (root, NULL);
  g_free (root);
  return g_steal_pointer (&canonical);
}

static void
rm_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

/* The reference for ROOT/FILE from the article ROOT/ARTICLE; it must lead back to FILE. */
static char *
reference (LekhSite   *site,
           const char *root,
           const char *article,
           const char *file)
{
  g_autofree char *article_path = g_build_filename (root, article, NULL);
  g_autofree char *file_path = g_build_filename (root, file, NULL);
  char *ref = lekh_image_path_reference (site, article_path, file_path);

  if (ref != NULL)
    {
      g_autofree char *back = lekh_site_resolve_image (site, article_path, ref, NULL);

      g_assert_cmpstr (back, ==, file_path);
    }
  return ref;
}

static void
check_folder (LekhSite   *site,
              const char *root,
              const char *article,
              const char *expected)
{
  g_autofree char *article_path = g_build_filename (root, article, NULL);
  g_autofree char *folder = lekh_image_path_folder (site, article_path);
  g_autofree char *want = g_build_filename (root, expected, NULL);

  g_assert_cmpstr (folder, ==, want);
}

static void
test_docusaurus (void)
{
  static const char * const files[] = {
    "docusaurus.config.js", "blog/2024-01-01-trip/index.md", "blog/2024-01-01-trip/map.png",
    "blog/2024-01-01-trip/my photo.png", "blog/2024-01-01-trip/पहाड़.jpg",
    "blog/plain.md", "static/img/logo.png", "static/img/नदी की तस्वीर.png",
    "static/img/100%?#.png", "src/pics/x.png", NULL
  };
  g_autofree char *root = make_tree (files);
  g_autoptr(LekhSite) site = lekh_site_detect (root);
  g_autofree char *outside = make_tree ((const char * const[]) { "elsewhere.png", NULL });
  g_autofree char *outside_file = g_build_filename (outside, "elsewhere.png", NULL);
  g_autofree char *article = g_build_filename (root, "blog/plain.md", NULL);
  const char *bundle = "blog/2024-01-01-trip/index.md";
  char *ref;

  g_assert_nonnull (site);
  g_assert_cmpint (lekh_profile_get_id (lekh_site_get_profile (site)), ==, LEKH_PROFILE_DOCUSAURUS);

  ref = reference (site, root, bundle, "static/img/logo.png");
  g_assert_cmpstr (ref, ==, "/img/logo.png");
  g_free (ref);
  ref = reference (site, root, bundle, "blog/2024-01-01-trip/map.png");
  g_assert_cmpstr (ref, ==, "./map.png");
  g_free (ref);
  ref = reference (site, root, bundle, "blog/2024-01-01-trip/my photo.png");
  g_assert_cmpstr (ref, ==, "./my photo.png");
  g_free (ref);
  ref = reference (site, root, bundle, "blog/2024-01-01-trip/पहाड़.jpg");
  g_assert_cmpstr (ref, ==, "./पहाड़.jpg");
  g_free (ref);
  ref = reference (site, root, "blog/plain.md", "static/img/नदी की तस्वीर.png");
  g_assert_cmpstr (ref, ==, "/img/नदी की तस्वीर.png");
  g_free (ref);
  /* Read back as an escape, a query and a fragment unless escaped. */
  ref = reference (site, root, "blog/plain.md", "static/img/100%?#.png");
  g_assert_cmpstr (ref, ==, "/img/100%25%3F%23.png");
  g_free (ref);
  /* Elsewhere in the site: bundled by its relative path. */
  ref = reference (site, root, "blog/plain.md", "src/pics/x.png");
  g_assert_cmpstr (ref, ==, "../src/pics/x.png");
  g_free (ref);
  ref = reference (site, root, "blog/plain.md", "blog/2024-01-01-trip/map.png");
  g_assert_cmpstr (ref, ==, "./2024-01-01-trip/map.png");
  g_free (ref);

  /* Outside the site: to be copied, into static/img. */
  g_assert_null (lekh_image_path_reference (site, article, outside_file));
  check_folder (site, root, "blog/plain.md", "static/img");
  {
    g_autofree char *browse = lekh_image_path_browse_folder (site, article);
    g_autofree char *want = g_build_filename (root, "static/img", NULL);

    g_assert_cmpstr (browse, ==, want);
  }

  rm_tree (root);
  rm_tree (outside);
}

static void
test_hugo (void)
{
  static const char * const files[] = {
    "hugo.toml", "content/posts/trip/index.md", "content/posts/trip/map.png",
    "content/posts/trip/गंगा घाट.png", "content/posts/plain.md", "content/posts/beside.png",
    "static/images/logo.png", "assets/images/hero.jpg", NULL
  };
  g_autofree char *root = make_tree (files);
  g_autoptr(LekhSite) site = lekh_site_detect (root);
  g_autofree char *plain = g_build_filename (root, "content/posts/plain.md", NULL);
  char *ref;

  g_assert_nonnull (site);
  g_assert_cmpint (lekh_profile_get_id (lekh_site_get_profile (site)), ==, LEKH_PROFILE_HUGO);

  ref = reference (site, root, "content/posts/plain.md", "static/images/logo.png");
  g_assert_cmpstr (ref, ==, "/images/logo.png");
  g_free (ref);
  ref = reference (site, root, "content/posts/plain.md", "assets/images/hero.jpg");
  g_assert_cmpstr (ref, ==, "/images/hero.jpg");
  g_free (ref);
  /* A page bundle owns its files, by their relative path. */
  ref = reference (site, root, "content/posts/trip/index.md", "content/posts/trip/map.png");
  g_assert_cmpstr (ref, ==, "map.png");
  g_free (ref);
  ref = reference (site, root, "content/posts/trip/index.md", "content/posts/trip/गंगा घाट.png");
  g_assert_cmpstr (ref, ==, "गंगा घाट.png");
  g_free (ref);
  /* A page that is not a bundle publishes nothing beside it. */
  g_assert_null (reference (site, root, "content/posts/plain.md", "content/posts/beside.png"));

  check_folder (site, root, "content/posts/plain.md", "static/images");
  check_folder (site, root, "content/posts/trip/index.md", "content/posts/trip");
  {
    g_autofree char *browse = lekh_image_path_browse_folder (site, plain);
    g_autofree char *want = g_build_filename (root, "static/images", NULL);

    g_assert_cmpstr (browse, ==, want);
  }
  rm_tree (root);
}

static void
test_jekyll (void)
{
  static const char * const files[] = {
    "_config.yml", "_posts/2024-01-01-hello.md", "_posts/beside.png", "assets/x y.png",
    "assets/चित्र.png", "_drafts/secret.png", NULL
  };
  g_autofree char *root = make_tree (files);
  g_autoptr(LekhSite) site = lekh_site_detect (root);
  const char *post = "_posts/2024-01-01-hello.md";
  g_autofree char *post_path = g_build_filename (root, post, NULL);
  char *ref;

  g_assert_nonnull (site);
  g_assert_cmpint (lekh_profile_get_id (lekh_site_get_profile (site)), ==, LEKH_PROFILE_JEKYLL);

  ref = reference (site, root, post, "assets/x y.png");
  g_assert_cmpstr (ref, ==, "/assets/x y.png");
  g_free (ref);
  ref = reference (site, root, post, "assets/चित्र.png");
  g_assert_cmpstr (ref, ==, "/assets/चित्र.png");
  g_free (ref);
  /* Jekyll does not publish '_' folders. */
  g_assert_null (reference (site, root, post, "_posts/beside.png"));
  g_assert_null (reference (site, root, post, "_drafts/secret.png"));

  check_folder (site, root, post, "assets");
  {
    g_autofree char *images = g_build_filename (root, "assets/images", NULL);
    g_autofree char *browse = lekh_image_path_browse_folder (site, post_path);
    g_autofree char *want = g_build_filename (root, "assets", NULL);

    g_assert_cmpstr (browse, ==, want);
    g_assert_cmpint (g_mkdir (images, 0700), ==, 0);
    check_folder (site, root, post, "assets/images");
  }
  rm_tree (root);
}

static void
test_lone_file (void)
{
  static const char * const files[] = {
    "notes/article.md", "notes/pics/a b.png", "notes/पेड़.png", "other/far.png", NULL
  };
  g_autofree char *root = make_tree (files);
  g_autofree char *article = g_build_filename (root, "notes/article.md", NULL);
  g_autofree char *far = g_build_filename (root, "other/far.png", NULL);
  g_autofree char *folder = lekh_image_path_folder (NULL, article);
  g_autofree char *want = g_build_filename (root, "notes", NULL);
  char *ref;

  ref = reference (NULL, root, "notes/article.md", "notes/pics/a b.png");
  g_assert_cmpstr (ref, ==, "./pics/a b.png");
  g_free (ref);
  ref = reference (NULL, root, "notes/article.md", "notes/पेड़.png");
  g_assert_cmpstr (ref, ==, "./पेड़.png");
  g_free (ref);
  /* Outside the article's folder: copied beside it. */
  g_assert_null (lekh_image_path_reference (NULL, article, far));
  g_assert_cmpstr (folder, ==, want);
  rm_tree (root);
}

/* A file copied into the image folder always gets a reference. */
static void
test_copied_file_resolves (void)
{
  static const char * const files[] = {
    "docusaurus.config.ts", "blog/post.md", "hugo/hugo.toml", "hugo/content/p.md",
    "jekyll/_config.yml", "jekyll/_posts/2024-01-01-a.md", NULL
  };
  static const char * const articles[] = {
    "blog/post.md", "hugo/content/p.md", "jekyll/_posts/2024-01-01-a.md"
  };
  static const char * const expected[] = {
    "/img/नया चित्र.png", "/images/नया चित्र.png", "/assets/नया चित्र.png"
  };
  g_autofree char *root = make_tree (files);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *article = g_build_filename (root, articles[i], NULL);
      g_autoptr(LekhSite) site = lekh_site_detect (article);
      g_autofree char *folder = lekh_image_path_folder (site, article);
      g_autofree char *file = NULL;
      g_autofree char *ref = NULL;

      g_assert_nonnull (site);
      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      file = lekh_image_path_free_file (folder, "/somewhere/नया चित्र.png");
      g_assert_true (g_file_set_contents (file, "x", 1, NULL));
      ref = lekh_image_path_reference (site, article, file);
      g_assert_cmpstr (ref, ==, expected[i]);
    }
  rm_tree (root);
}

static void
test_free_file (void)
{
  static const char * const files[] = { "a.png", "a-2.png", "noext", ".hidden", NULL };
  g_autofree char *root = make_tree (files);
  char *path;
  g_autofree char *want = NULL;

  path = lekh_image_path_free_file (root, "/far/away/a.png");
  want = g_build_filename (root, "a-3.png", NULL);
  g_assert_cmpstr (path, ==, want);
  g_free (path);
  g_clear_pointer (&want, g_free);

  path = lekh_image_path_free_file (root, "b.png");
  want = g_build_filename (root, "b.png", NULL);
  g_assert_cmpstr (path, ==, want);
  g_free (path);
  g_clear_pointer (&want, g_free);

  path = lekh_image_path_free_file (root, "noext");
  want = g_build_filename (root, "noext-2", NULL);
  g_assert_cmpstr (path, ==, want);
  g_free (path);
  g_clear_pointer (&want, g_free);

  path = lekh_image_path_free_file (root, ".hidden");
  want = g_build_filename (root, ".hidden-2", NULL);
  g_assert_cmpstr (path, ==, want);
  g_free (path);
  g_clear_pointer (&want, g_free);

  path = lekh_image_path_free_file (root, "../");
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, root));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_free (path);
  rm_tree (root);
}

static void
test_markdown (void)
{
  struct { const char *alt, *ref, *md; } cases[] = {
    { "map", "./map.png", "![map](./map.png)" },
    { "my photo", "./my photo.png", "![my photo](<./my photo.png>)" },
    { "पहाड़", "./पहाड़.jpg", "![पहाड़](./पहाड़.jpg)" },
    { "a [b] c\\", "/img/a(1).png", "![a \\[b\\] c\\\\](</img/a(1).png>)" },
    { "x", "/img/<y>.png", "![x](/img/%3Cy%3E.png)" },
    { "two\nlines", "a.png", "![two lines](a.png)" },
    { NULL, "a.png", "![](a.png)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *md = lekh_image_path_markdown (cases[i].alt, cases[i].ref);

      g_assert_cmpstr (md, ==, cases[i].md);
    }
}

static void
test_names (void)
{
  g_autofree char *alt = lekh_image_path_alt_for_file ("/x/नदी की तस्वीर.PNG");
  g_autofree char *dotfile = lekh_image_path_alt_for_file ("/x/.png");

  g_assert_cmpstr (alt, ==, "नदी की तस्वीर");
  g_assert_cmpstr (dotfile, ==, ".png");
  g_assert_true (lekh_image_path_is_image_name ("a.PNG"));
  g_assert_true (lekh_image_path_is_image_name ("चित्र.jpeg"));
  g_assert_true (lekh_image_path_is_image_name ("v.svg"));
  g_assert_false (lekh_image_path_is_image_name ("notes.md"));
  g_assert_false (lekh_image_path_is_image_name ("png"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/image-path/docusaurus", test_docusaurus);
  g_test_add_func ("/image-path/hugo", test_hugo);
  g_test_add_func ("/image-path/jekyll", test_jekyll);
  g_test_add_func ("/image-path/lone-file", test_lone_file);
  g_test_add_func ("/image-path/copied-file-resolves", test_copied_file_resolves);
  g_test_add_func ("/image-path/free-file", test_free_file);
  g_test_add_func ("/image-path/markdown", test_markdown);
  g_test_add_func ("/image-path/names", test_names);
  return g_test_run ();
}
