/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lekh-file.h"
#include "lekh-site.h"
#include "lekh-cli-walk.h"

typedef struct
{
  LekhCliWalkFunc       func;
  LekhCliWalkFolderFunc folder_func;
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
                 const char *path,
                 int         dir_fd)
{
  if (walker->seen_files == NULL || g_hash_table_add (walker->seen_files, g_strdup (path)))
    walker->func (path, dir_fd, walker->user_data);
}

/* TRUE when A names B or a folder above it, as written ("site" and "site/blog/a.md"). */
static gboolean
path_is_within (const char *a,
                const char *b)
{
  gsize len = strlen (a);

  while (len > 1 && a[len - 1] == G_DIR_SEPARATOR)
    len--;
  return strncmp (a, b, len) == 0 && (b[len] == '\0' || b[len] == G_DIR_SEPARATOR);
}

/* The same path can be found twice only from two arguments, one written inside the other
 * ("site" and "site/blog", or a file named in a folder also named): one folder's walk finds
 * each of its files once (each folder is walked once). Otherwise the paths found need not be
 * remembered. */
static gboolean
arguments_overlap (const char * const *paths)
{
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    for (guint j = 0; paths[j] != NULL; j++)
      if (i != j && path_is_within (paths[i], paths[j]))
        return TRUE;
  return FALSE;
}

static void
walker_cannot_read (Walker     *walker,
                    const char *dir_path,
                    int         saved)
{
  g_printerr (_("%s: cannot read the folder “%s”: %s\n"), walker->command, dir_path,
              g_strerror (saved));
  walker->failed = TRUE;
}

/* Lists the folder open as FD, whole before any entry is walked, and hands its names to the
 * folder callback, which may keep FD open for reading the articles; NULL when it cannot be
 * read (said on stderr). */
static char **
walker_list (Walker     *walker,
             const char *dir_path,
             int         fd,
             guchar    **types,
             gboolean   *kept)
{
  g_autoptr(GError) error = NULL;
  char **names;

  *kept = FALSE;
  if ((names = lekh_file_read_folder (fd, dir_path, types, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", walker->command, error->message);
      walker->failed = TRUE;
      return NULL;
    }
  if (walker->folder_func != NULL)
    *kept = walker->folder_func (dir_path, fd, (const char * const *) names, walker->user_data);
  return names;
}

static void walk_folder (Walker     *walker,
                         const char *dir_path,
                         int         fd);

/* The subfolder NAME of the folder open as DIR_FD (a link to one is followed). */
static void
walk_subfolder (Walker     *walker,
                const char *dir_path,
                int         dir_fd,
                const char *name,
                const char *path)
{
  int fd;

  if (lekh_site_folder_is_generated (dir_path, name))
    return;
  do
    fd = openat (dir_fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      walker_cannot_read (walker, path, errno);
      return;
    }
  walk_folder (walker, path, fd);
}

/* Walks the folder open as FD, then closes it unless the folder callback kept it. */
static void
walk_folder (Walker     *walker,
             const char *dir_path,
             int         fd)
{
  g_autofree char **names = NULL;
  g_autofree guchar *types = NULL;
  gboolean kept = FALSE;
  struct stat st;

  if (fstat (fd, &st) != 0)
    {
      walker_cannot_read (walker, dir_path, errno);
      close (fd);
      return;
    }
  /* A folder reached twice (a symlink loop, or two links to one place) is walked once. */
  if (!g_hash_table_add (walker->seen_dirs,
                         g_strdup_printf ("%lu:%lu", (gulong) st.st_dev, (gulong) st.st_ino)))
    {
      close (fd);
      return;
    }

  if ((names = walker_list (walker, dir_path, fd, &types, &kept)) != NULL)
    for (guint i = 0; names[i] != NULL; i++)
      {
        const char *name = names[i];
        guchar type = types[i];
        g_autofree char *path = NULL;
        struct stat child;

        if (strcmp (name, ".git") == 0 || strcmp (name, "node_modules") == 0)
          continue;
        /* The entry's type saves a stat() per file; links and unknown types are followed. */
        if (type == DT_REG)
          {
            if (is_article_name (name))
              {
                path = g_build_filename (dir_path, name, NULL);
                walker_add_file (walker, path, kept ? fd : -1);
              }
            continue;
          }
        if (type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN)
          continue;
        path = g_build_filename (dir_path, name, NULL);
        if (type == DT_DIR)
          {
            walk_subfolder (walker, dir_path, fd, name, path);
            continue;
          }
        /* fstatat() follows symlinks; a dangling one is skipped quietly. */
        if (fstatat (fd, name, &child, 0) != 0)
          continue;
        if (S_ISDIR (child.st_mode))
          walk_subfolder (walker, dir_path, fd, name, path);
        else if (S_ISREG (child.st_mode) && is_article_name (name))
          walker_add_file (walker, path, kept ? fd : -1);
      }
  if (!kept)
    close (fd);
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
      int fd;

      while (len > 1 && clean[len - 1] == G_DIR_SEPARATOR)
        clean[--len] = '\0';
      do
        fd = open (clean, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      while (fd < 0 && errno == EINTR);
      if (fd < 0)
        walker_cannot_read (walker, clean, errno);
      else
        walk_folder (walker, clean, fd);
    }
  else if (S_ISREG (st.st_mode))
    walker_add_file (walker, arg, -1);   /* named explicitly: taken whatever its name */
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
lekh_cli_walk_each (const char            *command,
                    const char * const    *paths,
                    LekhCliWalkFunc        func,
                    LekhCliWalkFolderFunc  folder_func,
                    gpointer               user_data,
                    gboolean              *failed)
{
  g_autoptr(GHashTable) seen_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_files = NULL;
  Walker walker = { 0 };

  g_return_if_fail (command != NULL);
  g_return_if_fail (func != NULL);

  walker.func = func;
  walker.folder_func = folder_func;
  walker.user_data = user_data;
  walker.seen_dirs = seen_dirs;
  if (arguments_overlap (paths))
    seen_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walker.seen_files = seen_files;
  walker.command = command;
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    walk_argument (&walker, paths[i]);
  if (failed != NULL)
    *failed = walker.failed;
}

static void
collect_path (const char *path,
              int         dir_fd,
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
  lekh_cli_walk_each (command, paths, collect_path, NULL, found, failed);
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
