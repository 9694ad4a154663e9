/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lekh-edit.h"
#include "lekh-error.h"
#include "lekh-new-article.h"
#include "lekh-text.h"

#define MAX_SUFFIX 1000

char *
lekh_new_article_slug (const char *title)
{
  g_autofree char *anchor = NULL;
  GString *slug;

  g_return_val_if_fail (title != NULL, NULL);

  /* The heading anchor keeps letters of every script; a file name also wants no runs
   * of dashes and none at either end. */
  anchor = lekh_text_slugify (title);
  slug = g_string_sized_new (strlen (anchor));
  for (const char *p = anchor; *p; p++)
    {
      if (*p == '-' || *p == '_')
        {
          if (slug->len > 0 && slug->str[slug->len - 1] != '-')
            g_string_append_c (slug, '-');
          continue;
        }
      g_string_append_c (slug, *p);
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_assign (slug, "untitled");
  return g_string_free (slug, FALSE);
}

typedef enum
{
  FORMAT_YAML,
  FORMAT_TOML,
  FORMAT_JSON,
} Format;

/* The value a template expression stands for (NULL: an expression Lekh does not know). */
static const char *
expression_value (const char *inner,
                  const char *title,
                  const char *slug,
                  const char *date)
{
  gboolean names_file = strstr (inner, "ContentBaseName") != NULL ||
                        strstr (inner, ".Name") != NULL ||
                        strstr (inner, "TranslationBaseName") != NULL;

  if (names_file && (strstr (inner, "replace") != NULL || strstr (inner, "title") != NULL ||
                     strstr (inner, "humanize") != NULL))
    return title;
  if (names_file)
    return slug;
  if (strstr (inner, ".Title") != NULL && strstr (inner, ".Site") == NULL)
    return title;
  if (strstr (inner, ".Date") != NULL || strstr (inner, "now") != NULL)
    return date;
  return NULL;
}

static void
append_escaped (GString    *out,
                const char *value,
                char        quote,
                Format      format)
{
  for (const char *p = value; *p; p++)
    {
      if (quote == '\'' && *p == '\'' && format == FORMAT_YAML)
        g_string_append (out, "''");
      else if (quote == '"' && (*p == '"' || *p == '\\'))
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if (quote != 0 && (*p == '\n' || *p == '\r' || *p == '\t'))
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

char *
lekh_new_article_fill_archetype (const char *archetype,
                                 const char *title,
                                 const char *slug,
                                 GDateTime  *now)
{
  g_autofree char *date = NULL;
  GString *out;
  Format format = FORMAT_YAML;
  const char *p = archetype;

  g_return_val_if_fail (archetype != NULL, NULL);
  g_return_val_if_fail (title != NULL && slug != NULL && now != NULL, NULL);

  if (g_str_has_prefix (archetype, "+++"))
    format = FORMAT_TOML;
  else if (archetype[0] == '{')
    format = FORMAT_JSON;
  date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  out = g_string_new (NULL);
  while (*p)
    {
      const char *open = strstr (p, "{{");
      const char *close;
      g_autofree char *inner = NULL;
      const char *value;
      char quote = 0;

      if (open == NULL || (close = strstr (open + 2, "}}")) == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      inner = g_strndup (open + 2, close - open - 2);
      value = expression_value (inner, title, slug, date);
      p = close + 2;
      if (value == NULL)
        continue;

      if (open > archetype && (open[-1] == '\'' || open[-1] == '"') && *p == open[-1])
        quote = open[-1];
      /* A TOML literal string cannot hold a ': make it a basic string. */
      if (quote == '\'' && format != FORMAT_YAML && strchr (value, '\'') != NULL)
        {
          out->str[out->len - 1] = '"';
          append_escaped (out, value, '"', format);
          g_string_append_c (out, '"');
          p++;
          continue;
        }
      if (quote == 0 && format == FORMAT_YAML && value == title)
        {
          g_autofree char *quoted = lekh_yaml_quote_string (title, FALSE);
          g_string_append (out, quoted);
          continue;
        }
      append_escaped (out, value, quote, format);
    }
  return g_string_free (out, FALSE);
}

/* Where posts of a Docusaurus blog live: folders (slug/index.md) when most are. */
static gboolean
blog_uses_folders (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint folders = 0, files = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *md = g_build_filename (path, "index.md", NULL);
          g_autofree char *mdx = g_build_filename (path, "index.mdx", NULL);

          if (g_file_test (md, G_FILE_TEST_EXISTS) || g_file_test (mdx, G_FILE_TEST_EXISTS))
            folders++;
        }
      else if (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".mdx"))
        files++;
    }
  return folders > files;
}

static guint
count_articles (const char *dir,
                guint       depth)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && depth < 8 && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (name[0] == '.')
        continue;
      if (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown"))
        n++;
      else if (g_file_test (path, G_FILE_TEST_IS_DIR) &&
               !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        n += count_articles (path, depth + 1);
    }
  return n;
}

/* Hugo: the section of content/ that holds the most articles, else "posts". */
static char *
usual_hugo_section (const char *content)
{
  g_autoptr(GDir) d = g_dir_open (content, 0, NULL);
  g_autofree char *best = NULL;
  const char *name;
  guint best_count = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (content, name, NULL);
      guint n;

      if (name[0] == '.' || !g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      n = count_articles (path, 0);
      if (n > best_count || (n == best_count && n > 0 && g_strcmp0 (name, best) < 0))
        {
          g_free (best);
          best = g_strdup (name);
          best_count = n;
        }
    }
  return best ? g_steal_pointer (&best) : g_strdup ("posts");
}

/* The new front matter and body, from scratch. */
static char *
plain_text (LekhProfileId  profile,
            gboolean       docs,
            const char    *title,
            const char    *author,
            GDateTime     *now)
{
  g_autofree char *quoted_title = lekh_yaml_quote_string (title, FALSE);
  g_autofree char *date = NULL;
  GString *out = g_string_new ("---\n");

  g_string_append_printf (out, "title: %s\n", quoted_title);
  if (!docs)
    {
      switch (profile)
        {
        case LEKH_PROFILE_HUGO:
          date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
          break;
        case LEKH_PROFILE_JEKYLL:
          date = g_date_time_format (now, "%Y-%m-%d %H:%M:%S %:z");
          break;
        case LEKH_PROFILE_DOCUSAURUS:
        case LEKH_PROFILE_GENERIC:
        case LEKH_N_PROFILES:
        default:
          date = g_date_time_format (now, "%Y-%m-%d");
          break;
        }
      g_string_append_printf (out, "date: %s\n", date);
      if (author != NULL)
        {
          g_autofree char *quoted = lekh_yaml_quote_string (author, profile != LEKH_PROFILE_JEKYLL);

          if (profile == LEKH_PROFILE_JEKYLL)
            g_string_append_printf (out, "author: %s\n", quoted);
          else
            g_string_append_printf (out, "authors: [%s]\n", quoted);
        }
    }
  /* Jekyll has no draft key: an unpublished post says so. */
  if (profile == LEKH_PROFILE_JEKYLL)
    g_string_append (out, "published: false\n");
  else
    g_string_append (out, "draft: true\n");
  g_string_append (out, "---\n\n");
  return g_string_free (out, FALSE);
}

static gboolean
apply_edit (LekhArticle **article,
            LekhEdit     *edit)
{
  g_autoptr(GBytes) bytes = NULL;

  if (edit == NULL)
    return FALSE;
  bytes = lekh_edit_apply (edit, *article);
  lekh_edit_free (edit);
  lekh_article_unref (*article);
  *article = lekh_article_new_from_bytes (bytes);
  return TRUE;
}

/* A YAML archetype, filled, then given what a new article needs and the archetype left
 * out: the title, a date, the author, draft on. Other formats are only filled. */
static char *
archetype_text (const char *archetype,
                const char *title,
                const char *slug,
                const char *author,
                GDateTime  *now)
{
  g_autofree char *filled = lekh_new_article_fill_archetype (archetype, title, slug, now);
  g_autoptr(LekhArticle) article = lekh_article_new (filled, -1);
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  const char *text;

  if (!lekh_article_check_editable (article, NULL) ||
      lekh_article_get_split (article)->format != LEKH_FRONT_MATTER_YAML)
    return g_steal_pointer (&filled);

  apply_edit (&article, lekh_article_edit_set_string (article, "title", title, NULL));
  if (lekh_article_lookup (article, "date") == NULL)
    apply_edit (&article, lekh_article_edit_set_scalar (article, "date", date,
                                                        LEKH_VALUE_TIMESTAMP, NULL));
  if (author != NULL && lekh_article_lookup (article, "author") == NULL)
    {
      const char *items[] = { author, NULL };
      apply_edit (&article, lekh_article_edit_set_list (article, "authors", items, NULL));
    }
  apply_edit (&article, lekh_article_edit_set_scalar (article, "draft", "true",
                                                      LEKH_VALUE_BOOL, NULL));
  text = lekh_article_get_text (article, NULL);
  return g_strdup (text);
}

static char *
read_archetype (const char *root,
                const char *section)
{
  g_autofree char *name = g_strconcat (section, ".md", NULL);
  const char *candidates[] = { name, "default.md", NULL };

  for (guint i = 0; candidates[i]; i++)
    {
      g_autofree char *path = g_build_filename (root, "archetypes", candidates[i], NULL);
      char *text = NULL;

      if (g_file_get_contents (path, &text, NULL, NULL))
        {
          if (g_utf8_validate (text, -1, NULL))
            return text;
          g_free (text);
        }
    }
  return NULL;
}

/* Creates DIR/NAME (a file, or with FOLDER a folder NAME holding index.md) only if
 * neither form exists yet. Returns the file's path, NULL when the name is taken. */
static char *
create_exclusive (const char  *dir,
                  const char  *stem,
                  gboolean     folder,
                  const char  *text,
                  GError     **error)
{
  g_autofree char *file_name = g_strconcat (stem, ".md", NULL);
  g_autofree char *as_file = g_build_filename (dir, file_name, NULL);
  g_autofree char *as_mdx = g_strconcat (as_file, "x", NULL);
  g_autofree char *as_folder = g_build_filename (dir, stem, NULL);
  g_autofree char *path = NULL;
  gsize len = strlen (text);
  int fd;

  if (g_file_test (as_file, G_FILE_TEST_EXISTS) || g_file_test (as_mdx, G_FILE_TEST_EXISTS) ||
      g_file_test (as_folder, G_FILE_TEST_EXISTS))
    return NULL;
  if (folder)
    {
      if (g_mkdir (as_folder, 0755) != 0)
        {
          int saved = errno;
          if (saved != EEXIST)
            g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("Cannot create “%s”: %s"),
                         as_folder, g_strerror (saved));
          return NULL;
        }
      path = g_build_filename (as_folder, "index.md", NULL);
    }
  else
    path = g_steal_pointer (&as_file);

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;
      if (saved != EEXIST)
        g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("Cannot create “%s”: %s"), path,
                     g_strerror (saved));
      return NULL;
    }
  for (gsize done = 0; done < len;)
    {
      gssize n = write (fd, text + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;
          g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("Cannot write “%s”: %s"), path,
                       g_strerror (saved));
          close (fd);
          g_unlink (path);
          return NULL;
        }
      done += n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* Long because it does in order what creating an article takes: check the title, decide
 * per profile the folder, whether the name is dated and whether a post is a folder, create
 * the folder, then try name after name (from a Hugo archetype or the plain template) until
 * one is free. The per-profile switch could become a function of its own. */
char *
lekh_new_article_create (const char                  *root,
                         LekhProfileId                profile,
                         const LekhNewArticleOptions *options,
                         GError                     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *section = NULL;
  g_autofree char *day = NULL;
  gboolean docs = FALSE, dated = FALSE, folder = FALSE;
  int saved;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (options != NULL && options->title != NULL, NULL);

  {
    g_autofree char *trimmed = g_strstrip (g_strdup (options->title));
    if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
      {
        g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED, _("The title is empty"));
        return NULL;
      }
  }

  now = options->now ? g_date_time_ref (options->now) : g_date_time_new_now_local ();
  slug = lekh_new_article_slug (options->title);
  day = g_date_time_format (now, "%Y-%m-%d");

  switch (profile)
    {
    case LEKH_PROFILE_DOCUSAURUS:
      section = g_strdup (options->section ? options->section : "blog");
      docs = strcmp (section, "docs") == 0;
      dir = g_build_filename (root, section, NULL);
      dated = !docs;
      folder = !docs && blog_uses_folders (dir);
      break;
    case LEKH_PROFILE_HUGO:
      {
        g_autofree char *content = g_build_filename (root, "content", NULL);

        section = options->section ? g_strdup (options->section) : usual_hugo_section (content);
        dir = g_build_filename (content, section, NULL);
      }
      break;
    case LEKH_PROFILE_JEKYLL:
      dir = g_build_filename (root, "_posts", NULL);
      dated = TRUE;
      break;
    case LEKH_PROFILE_GENERIC:
    case LEKH_N_PROFILES:
    default:
      dir = g_strdup (root);
      break;
    }

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      saved = errno;
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("Cannot create the folder “%s”: %s"),
                   dir, g_strerror (saved));
      return NULL;
    }

  for (guint n = 1; n <= MAX_SUFFIX; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (slug) : g_strdup_printf ("%s-%u", slug, n);
      g_autofree char *stem = dated ? g_strconcat (day, "-", name, NULL) : g_strdup (name);
      g_autofree char *text = NULL;
      g_autofree char *archetype = NULL;
      GError *local_error = NULL;
      char *path;

      if (profile == LEKH_PROFILE_HUGO && (archetype = read_archetype (root, section)) != NULL)
        text = archetype_text (archetype, options->title, name, options->author, now);
      else
        text = plain_text (profile, docs, options->title, options->author, now);

      path = create_exclusive (dir, stem, folder, text, &local_error);
      if (path != NULL)
        return path;
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("Every name for “%s” is taken"), slug);
  return NULL;
}
