/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-permalink.h"

static const char *
front_string (const LekhArticle *article,
              const char        *key)
{
  const LekhNode *node = article ? lekh_article_get_value (article, key) : NULL;

  if (node == NULL)
    return NULL;
  switch (lekh_node_get_value_type (node))
    {
    case LEKH_VALUE_STRING:
    case LEKH_VALUE_INT:
    case LEKH_VALUE_FLOAT:
      return lekh_node_get_string (node);
    case LEKH_VALUE_NULL:
    case LEKH_VALUE_BOOL:
    case LEKH_VALUE_TIMESTAMP:
    case LEKH_VALUE_SEQUENCE:
    case LEKH_VALUE_MAPPING:
    default:
      return NULL;
    }
}

static char *
strip_extension (const char *name)
{
  const char *dot = strrchr (name, '.');

  return dot && dot != name ? g_strndup (name, dot - name) : g_strdup (name);
}

/* "2024-01-31-hello" -> date "2024/01/31", rest "hello" */
static gboolean
split_date_prefix (const char  *name,
                   char       **date,
                   const char **rest)
{
  for (guint i = 0; i < 10; i++)
    {
      gboolean digit = i != 4 && i != 7;
      if (name[i] == '\0' || (digit ? !g_ascii_isdigit (name[i]) : name[i] != '-'))
        return FALSE;
    }
  if (name[10] != '-' && name[10] != '\0')
    return FALSE;
  *date = g_strdup_printf ("%.4s/%.2s/%.2s", name, name + 5, name + 8);
  *rest = name[10] ? name + 11 : name + 10;
  return TRUE;
}

/* Docusaurus drops "01-" style number prefixes from docs paths. */
static const char *
strip_number_prefix (const char *segment)
{
  const char *p = segment;

  while (g_ascii_isdigit (*p))
    p++;
  if (p != segment && (*p == '-' || *p == '_' || *p == '.') && p[1] != '\0')
    return p + 1;
  return segment;
}

static char *
join_url (const char *first,
          ...)
{
  GString *out = g_string_new ("");
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_auto(GStrv) pieces = g_strsplit (part, "/", -1);

      for (guint i = 0; pieces[i]; i++)
        if (*pieces[i] != '\0')
          g_string_append_printf (out, "/%s", pieces[i]);
    }
  va_end (args);
  if (out->len == 0)
    g_string_append_c (out, '/');
  return g_string_free (out, FALSE);
}

static char *
docusaurus_permalink (GStrv              segments,
                      const LekhArticle *article)
{
  guint n = g_strv_length (segments);
  const char *slug = front_string (article, "slug");
  g_autofree char *name = strip_extension (segments[n - 1]);
  gboolean blog = n > 1 && strcmp (segments[0], "blog") == 0;

  if (blog)
    {
      g_autofree char *date = NULL;
      const char *rest = NULL;
      g_autofree char *dir_date = NULL;
      const char *dir_rest = NULL;

      if (slug != NULL)
        return join_url ("blog", slug, NULL);
      /* blog/2024-01-31-post.md, blog/2024-01-31-post/index.md, blog/2024/01/31/post.md */
      if (split_date_prefix (name, &date, &rest))
        return join_url ("blog", date, rest, NULL);
      if ((strcmp (name, "index") == 0 || strcmp (name, "README") == 0) && n > 2 &&
          split_date_prefix (segments[n - 2], &dir_date, &dir_rest))
        return join_url ("blog", dir_date, dir_rest, NULL);
      {
        g_autofree char *middle = g_strjoinv ("/", segments + 1);
        g_autofree char *middle_name = strip_extension (middle);
        return join_url ("blog", middle_name, NULL);
      }
    }
  else
    {
      GString *dir = g_string_new ("");
      const char *id = front_string (article, "id");
      guint start = n > 1 && strcmp (segments[0], "docs") == 0 ? 1 : 0;
      g_autofree char *dir_path = NULL;
      const char *last;

      for (guint i = start; i + 1 < n; i++)
        g_string_append_printf (dir, "/%s", strip_number_prefix (segments[i]));
      dir_path = g_string_free (dir, FALSE);

      if (slug != NULL)
        return slug[0] == '/' ? join_url ("docs", slug, NULL) : join_url ("docs", dir_path, slug, NULL);
      last = id ? id : strip_number_prefix (name);
      if (id == NULL && (strcmp (name, "index") == 0 || strcmp (name, "README") == 0))
        last = "";
      return join_url ("docs", dir_path, last, NULL);
    }
}

static char *
hugo_permalink (GStrv              segments,
                const LekhArticle *article)
{
  guint n = g_strv_length (segments);
  const char *url = front_string (article, "url");
  const char *slug = front_string (article, "slug");
  g_autofree char *name = strip_extension (segments[n - 1]);
  guint start = n > 1 && strcmp (segments[0], "content") == 0 ? 1 : 0;
  g_autofree char *dir = NULL;
  g_autofree char *result = NULL;

  if (url != NULL)
    return join_url (url, NULL);

  g_clear_pointer (&segments[n - 1], g_free);
  dir = g_strjoinv ("/", segments + start);
  if (strcmp (name, "_index") == 0 || strcmp (name, "index") == 0)
    {
      /* a section or a page bundle: the folder is the page (slug renames it) */
      if (slug != NULL && n - start > 1)
        {
          g_autofree char *parent = g_path_get_dirname (dir);
          result = join_url (strcmp (parent, ".") ? parent : "", slug, NULL);
        }
      else
        result = join_url (dir, NULL);
    }
  else
    result = join_url (dir, slug ? slug : name, NULL);

  return strcmp (result, "/") == 0 ? g_strdup ("/") : g_strconcat (result, "/", NULL);
}

static char *
jekyll_permalink (GStrv              segments,
                  const LekhArticle *article)
{
  guint n = g_strv_length (segments);
  const char *permalink = front_string (article, "permalink");
  g_autofree char *name = strip_extension (segments[n - 1]);
  g_autofree char *date = NULL;
  const char *rest = NULL;
  gboolean post = FALSE;

  if (permalink != NULL)
    return g_strdup (permalink);

  for (guint i = 0; i + 1 < n; i++)
    post |= strcmp (segments[i], "_posts") == 0;

  if (post && split_date_prefix (name, &date, &rest))
    {
      /* the default "date" style: /:categories/:year/:month/:day/:title.html */
      g_autoptr(GString) categories = g_string_new ("");
      const LekhNode *node = article ? lekh_article_get_value (article, "categories") : NULL;
      g_auto(GStrv) list = NULL;
      const char *slug = front_string (article, "slug");
      g_autofree char *title = g_strconcat (slug ? slug : rest, ".html", NULL);

      if (node == NULL && article != NULL)
        node = lekh_article_get_value (article, "category");
      list = lekh_node_dup_string_list (node);
      if (list != NULL)
        for (guint i = 0; list[i]; i++)
          g_string_append_printf (categories, "/%s", list[i]);
      else if (lekh_node_get_string (node) != NULL)
        {
          g_auto(GStrv) words = g_strsplit (lekh_node_get_string (node), " ", -1);
          for (guint i = 0; words[i]; i++)
            if (*words[i])
              g_string_append_printf (categories, "/%s", words[i]);
        }
      return join_url (categories->str, date, title, NULL);
    }

  {
    g_autofree char *dir = NULL;
    g_autofree char *page = g_strconcat (name, ".html", NULL);

    g_clear_pointer (&segments[n - 1], g_free);
    dir = g_strjoinv ("/", segments);
    if (strcmp (name, "index") == 0)
      {
        g_autofree char *url = join_url (dir, NULL);
        return strcmp (url, "/") == 0 ? g_strdup ("/") : g_strconcat (url, "/", NULL);
      }
    return join_url (dir, page, NULL);
  }
}

char *
lekh_permalink_compute (const char        *profile,
                        const char        *site_root,
                        const char        *path,
                        const LekhArticle *article)
{
  g_autofree char *root = NULL;
  g_auto(GStrv) segments = NULL;
  const char *relative;

  g_return_val_if_fail (site_root != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  root = g_str_has_suffix (site_root, "/") ? g_strdup (site_root) : g_strconcat (site_root, "/", NULL);
  if (!g_str_has_prefix (path, root))
    return NULL;
  relative = path + strlen (root);
  segments = g_strsplit (relative, "/", -1);
  if (segments[0] == NULL || *relative == '\0')
    return NULL;

  if (g_strcmp0 (profile, "docusaurus") == 0)
    return docusaurus_permalink (segments, article);
  if (g_strcmp0 (profile, "hugo") == 0)
    return hugo_permalink (segments, article);
  if (g_strcmp0 (profile, "jekyll") == 0)
    return jekyll_permalink (segments, article);

  {
    const char *slug = front_string (article, "slug");
    guint n = g_strv_length (segments);
    g_autofree char *name = strip_extension (segments[n - 1]);

    g_clear_pointer (&segments[n - 1], g_free);
    {
      g_autofree char *dir = g_strjoinv ("/", segments);
      return join_url (dir, slug ? slug : name, NULL);
    }
  }
}
