/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lekh-site.h"
#include "lekh-cli-walk.h"

typedef struct
{
  LekhCliWalkFunc func;
  gpointer    user_data;
  GHashTable *seen_dirs;      /* "dev:ino" of folders walked */
  GHashTable *seen_files;     /* path */
  const char *command;        /* for messages: "lekh check" */
  gboolean    failed;
} Walker;

static gboolean
is_article_name (const char *name)
{
  return g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".mdx") ||
         g_str_has_suffix (name, ".markdown");
}

static void
walker_add_file (Walker     *walker,
                 const char *path)
{
  if (g_hash_table_add (walker->seen_files, g_strdup (path)))
    walker->func (path, walker->user_data);
}

static void
walk_folder (Walker     *walker,
             const char *dir_path,
             GStatBuf   *st)
{
  char *id = g_strdup_printf ("%lu:%lu", (gulong) st->st_dev, (gulong) st->st_ino);
  struct dirent *entry;
  DIR *dir;

  /* A folder reached twice (a symlink loop, or two links to one place) is walked once. */
  if (!g_hash_table_add (walker->seen_dirs, id))
    return;

  dir = opendir (dir_path);
  if (dir == NULL)
    {
      int saved = errno;

      g_printerr (_("%s: cannot read the folder “%s”: %s\n"), walker->command, dir_path,
                  g_strerror (saved));
      walker->failed = TRUE;
      return;
    }

  while ((entry = readdir (dir)) != NULL)
    {
      const char *name = entry->d_name;
      g_autofree char *path = NULL;
      GStatBuf child;

      if (strcmp (name, ".") == 0 || strcmp (name, "..") == 0 ||
          strcmp (name, ".git") == 0 || strcmp (name, "node_modules") == 0)
        continue;
      /* The entry's type saves a stat() per file; links and unknown types are followed. */
      if (entry->d_type == DT_REG)
        {
          if (is_article_name (name))
            {
              path = g_build_filename (dir_path, name, NULL);
              walker_add_file (walker, path);
            }
          continue;
        }
      if (entry->d_type != DT_DIR && entry->d_type != DT_LNK && entry->d_type != DT_UNKNOWN)
        continue;
      path = g_build_filename (dir_path, name, NULL);
      /* g_stat follows symlinks; a dangling one is skipped quietly. */
      if (g_stat (path, &child) != 0)
        continue;
      if (S_ISDIR (child.st_mode))
        {
          if (!lekh_site_folder_is_generated (dir_path, name))
            walk_folder (walker, path, &child);
        }
      else if (S_ISREG (child.st_mode) && is_article_name (name))
        walker_add_file (walker, path);
    }
  closedir (dir);
}

static void
walk_argument (Walker     *walker,
               const char *arg)
{
  GStatBuf st;

  if (g_stat (arg, &st) != 0)
    {
      int saved = errno;

      g_printerr (_("%s: cannot read “%s”: %s\n"), walker->command, arg,
                  g_strerror (saved));
      walker->failed = TRUE;
      return;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_autofree char *clean = g_strdup (arg);
      gsize len = strlen (clean);

      while (len > 1 && clean[len - 1] == G_DIR_SEPARATOR)
        clean[--len] = '\0';
      walk_folder (walker, clean, &st);
    }
  else if (S_ISREG (st.st_mode))
    walker_add_file (walker, arg);   /* named explicitly: taken whatever its name */
  else
    {
      /* A FIFO or a device would block or never end. */
      g_printerr (_("%s: “%s” is not a regular file or folder\n"), walker->command, arg);
      walker->failed = TRUE;
    }
}


static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
lekh_cli_walk_each (const char         *command,
                    const char * const *paths,
                    LekhCliWalkFunc     func,
                    gpointer            user_data,
                    gboolean           *failed)
{
  g_autoptr(GHashTable) seen_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
  Walker walker = { 0 };

  g_return_if_fail (command != NULL);
  g_return_if_fail (func != NULL);

  walker.func = func;
  walker.user_data = user_data;
  walker.seen_dirs = seen_dirs;
  walker.seen_files = seen_files;
  walker.command = command;
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    walk_argument (&walker, paths[i]);
  if (failed != NULL)
    *failed = walker.failed;
}

static void
collect_path (const char *path,
              gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (path));
}

GPtrArray *
lekh_cli_walk (const char         *command,
               const char * const *paths,
               gboolean           *failed)
{
  GPtrArray *found;

  g_return_val_if_fail (command != NULL, NULL);

  found = g_ptr_array_new_with_free_func (g_free);
  lekh_cli_walk_each (command, paths, collect_path, found, failed);
  g_ptr_array_sort (found, compare_paths);
  return found;
}

void
lekh_cli_append_json_string (GString    *out,
                             const char *s)
{
  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}
