/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lekh-permalink.h"

typedef struct
{
  const char *profile;
  const char *path;        /* below /site */
  const char *front;       /* front matter lines */
  const char *expected;
} PermalinkCase;

static const PermalinkCase cases[] = {
  { "docusaurus", "blog/2024-01-31-hello-world.md", "", "/blog/2024/01/31/hello-world" },
  { "docusaurus", "blog/2024-01-31-hello/index.mdx", "", "/blog/2024/01/31/hello" },
  { "docusaurus", "blog/2024-01-31-hello.md", "slug: custom", "/blog/custom" },
  { "docusaurus", "blog/notes/first.md", "", "/blog/notes/first" },
  { "docusaurus", "docs/01-intro/02-install.md", "", "/docs/intro/install" },
  { "docusaurus", "docs/guide/setup.md", "id: getting-started", "/docs/guide/getting-started" },
  { "docusaurus", "docs/guide/setup.md", "slug: /start", "/docs/start" },
  { "docusaurus", "docs/guide/setup.md", "slug: here", "/docs/guide/here" },
  { "docusaurus", "docs/guide/index.md", "", "/docs/guide" },
  { "hugo", "content/posts/my-post.md", "", "/posts/my-post/" },
  { "hugo", "content/posts/my-post.md", "slug: renamed", "/posts/renamed/" },
  { "hugo", "content/posts/bundle/index.md", "", "/posts/bundle/" },
  { "hugo", "content/posts/_index.md", "", "/posts/" },
  { "hugo", "content/about.md", "url: /company/about/", "/company/about" },
  { "jekyll", "_posts/2024-03-05-जयपुर-यात्रा.md", "", "/2024/03/05/जयपुर-यात्रा.html" },
  { "jekyll", "_posts/2024-03-05-trip.md", "categories: [travel, india]", "/travel/india/2024/03/05/trip.html" },
  { "jekyll", "_posts/2024-03-05-trip.md", "category: travel", "/travel/2024/03/05/trip.html" },
  { "jekyll", "_posts/2024-03-05-trip.md", "permalink: /trips/jaipur/", "/trips/jaipur/" },
  { "jekyll", "docs/usage.md", "", "/docs/usage.html" },
  { "jekyll", "docs/index.md", "", "/docs/" },
  { "generic", "notes/idea.md", "", "/notes/idea" },
  { "generic", "notes/idea.md", "slug: better", "/notes/better" },
};

static void
test_permalink_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PermalinkCase *c = &cases[i];
      g_autofree char *text = g_strdup_printf ("---\n%s\n---\nbody\n", c->front);
      g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
      g_autofree char *path = g_strconcat ("/site/", c->path, NULL);
      g_autofree char *url = lekh_permalink_compute (c->profile, "/site", path, article);

      g_test_message ("%s %s", c->profile, c->path);
      g_assert_cmpstr (url, ==, c->expected);
    }
}

static void
test_permalink_outside_root (void)
{
  g_autoptr(LekhArticle) article = lekh_article_new ("", 0);

  g_assert_null (lekh_permalink_compute ("hugo", "/site", "/elsewhere/a.md", article));
  g_assert_null (lekh_permalink_compute ("hugo", "/site", "/sitex/a.md", article));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/permalink/cases", test_permalink_cases);
  g_test_add_func ("/permalink/outside-root", test_permalink_outside_root);
  return g_test_run ();
}
