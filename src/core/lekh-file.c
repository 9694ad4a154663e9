/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lekh-error.h"
#include "lekh-file.h"

/* No article is this large; a bigger "file" is a device or a mistake. */
#define LEKH_FILE_MAX_SIZE (G_GINT64_CONSTANT (1) << 30)

static void
stamp_from_stat (LekhFileStamp *stamp,
                 const struct stat *st)
{
  memset (stamp, 0, sizeof *stamp);
  stamp->exists = TRUE;
  stamp->device = st->st_dev;
  stamp->inode = st->st_ino;
  stamp->size = st->st_size;
  stamp->mtime_ns = (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

void
lekh_file_get_stamp (const char    *path,
                     LekhFileStamp *stamp)
{
  struct stat st;

  g_return_if_fail (path != NULL);
  g_return_if_fail (stamp != NULL);

  if (stat (path, &st) == 0)
    stamp_from_stat (stamp, &st);
  else
    memset (stamp, 0, sizeof *stamp);
}

gboolean
lekh_file_stamp_equal (const LekhFileStamp *a,
                       const LekhFileStamp *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!a->exists || !b->exists)
    return a->exists == b->exists;
  return a->device == b->device && a->inode == b->inode &&
         a->size == b->size && a->mtime_ns == b->mtime_ns;
}

/* "Cannot open “PATH”: No such file or directory" */
static void
set_io_error (GError    **error,
              int         saved_errno,
              gboolean    opening,
              const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (opening)
    g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("Cannot open “%s”: %s"),
                 display, g_strerror (saved_errno));
  else
    g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("Cannot read “%s”: %s"),
                 display, g_strerror (saved_errno));
}

GBytes *
lekh_file_read (const char     *path,
                LekhFileStamp  *stamp,
                GError        **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return lekh_file_read_at (AT_FDCWD, path, path, stamp, error);
}

/* Long because every way a read can fail (not there, a folder, a pipe, too large, a short
 * or growing file, an interrupted read) gets its own message here, next to the system call
 * that tells it, and the file descriptor is closed on each of those paths. */
GBytes *
lekh_file_read_at (int             dir_fd,
                   const char     *name,
                   const char     *path,
                   LekhFileStamp  *stamp,
                   GError        **error)
{
  g_autofree char *display = NULL;
  struct stat st;
  char *buf;
  gsize len = 0, alloc;
  int fd;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* O_NONBLOCK: opening a named pipe must not wait for a writer. */
  do
    fd = openat (dir_fd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      set_io_error (error, errno, TRUE, path);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      set_io_error (error, saved, FALSE, path);
      return NULL;
    }

  /* The display name is made for a message only, not for every file read. */
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      display = g_filename_display_name (path);
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("“%s” is a folder, not an article"), display);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      display = g_filename_display_name (path);
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO,
                   _("“%s” is not a regular file (a device, pipe or socket)"), display);
      return NULL;
    }
  if (st.st_size > LEKH_FILE_MAX_SIZE)
    {
      close (fd);
      display = g_filename_display_name (path);
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_LIMIT,
                   _("“%s” is larger than 1 GiB; Lekh does not open files this large"), display);
      return NULL;
    }
  if (stamp != NULL)
    stamp_from_stat (stamp, &st);

  /* Read to the end, whatever the size said: the file may grow or shrink meanwhile. Room for
   * the size, the byte of the read that finds the end, and the closing NUL: with only the
   * NUL's, the last read of every file doubled (and copied) the buffer first. */
  alloc = (gsize) st.st_size + 2;
  buf = g_malloc (alloc);
  for (;;)
    {
      gssize n;

      if (len + 1 >= alloc)
        {
          /* (the buffer is full: LEN bytes read and the file goes on) */
          if (len > (gsize) LEKH_FILE_MAX_SIZE)
            {
              g_free (buf);
              close (fd);
              display = g_filename_display_name (path);
              g_set_error (error, LEKH_ERROR, LEKH_ERROR_LIMIT,
                           _("“%s” is larger than 1 GiB; Lekh does not open files this large"), display);
              return NULL;
            }
          alloc = alloc * 2;
          buf = g_realloc (buf, alloc);
        }
      n = read (fd, buf + len, alloc - 1 - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_free (buf);
          close (fd);
          set_io_error (error, saved, FALSE, path);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
      /* The first read gave exactly the size fstat() said, one byte short of what was
       * asked: that is the end of the file as it was then (a regular file reads short only
       * at its end), and a second read only to be told so is a system call per file. Any
       * other count reads on until read() returns 0. */
      if (len == (gsize) n && len == (gsize) st.st_size)
        break;
    }
  close (fd);
  buf[len] = '\0';
  return g_bytes_new_take (buf, len);
}

/* Long because the checks before writing (a symlink followed, the file changed or replaced
 * since it was read, a read-only file or folder) must run in this order right before the
 * write, each with its own error code, and the owner is given back after it. */
static gboolean
write_atomic (const char          *path,
              const char          *data,
              gsize                len,
              const LekhFileStamp *expected,
              GError             **error)
{
  g_autofree char *target = NULL;
  g_autofree char *display = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat st;
  int mode = 0644;
  gboolean exists;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  /* Write through a symlink to the file it names, so the link stays a link. */
  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);
  display = g_filename_display_name (path);

  exists = stat (target, &st) == 0;
  if (exists)
    mode = st.st_mode & 07777;

  if (expected != NULL)
    {
      LekhFileStamp now = { 0 };

      if (exists)
        stamp_from_stat (&now, &st);
      if (expected->exists && !now.exists)
        {
          g_set_error (error, LEKH_ERROR, LEKH_ERROR_DELETED,
                       _("“%s” was deleted or moved by another program after Lekh read it; not saved"),
                       display);
          return FALSE;
        }
      if (!lekh_file_stamp_equal (expected, &now))
        {
          g_set_error (error, LEKH_ERROR, LEKH_ERROR_CHANGED_ON_DISK,
                       _("“%s” was changed by another program after Lekh read it; not saved"),
                       display);
          return FALSE;
        }
    }

  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_REGULAR,
                   _("“%s” is not a regular file; not saved"), display);
      return FALSE;
    }

  /* Renaming over a file needs only the folder to be writable: without this check a
   * read-only file would be replaced as if it were not. */
  if (exists && access (target, W_OK) != 0)
    {
      int saved = errno;

      g_set_error (error, LEKH_ERROR, LEKH_ERROR_READ_ONLY, _("“%s” is read-only: %s; not saved"),
                   display, g_strerror (saved));
      return FALSE;
    }

  /* The temporary file goes beside the target: say so before trying when its folder
   * cannot take it (g_file_replace() would fall back to writing in place there). */
  folder = g_path_get_dirname (target);
  if (access (folder, W_OK) != 0)
    {
      int saved = errno;
      g_autofree char *folder_display = g_filename_display_name (folder);

      g_set_error (error, LEKH_ERROR, LEKH_ERROR_FOLDER_READ_ONLY,
                   _("The folder “%s” is read-only or missing: %s; “%s” not saved"),
                   folder_display, g_strerror (saved), display);
      return FALSE;
    }

  /* g_file_set_contents_full writes a temporary file beside the target, fsyncs it and
   * renames it over the target: on a full disk or any other failure the temporary file
   * is removed and the original is never truncated. */
  if (!g_file_set_contents_full (target, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
        g_set_error (error, LEKH_ERROR, LEKH_ERROR_NO_SPACE,
                     _("The disk is full: “%s” not saved"), display);
      else
        g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }

  /* The new file belongs to whoever saved it: give it back to its owner when we may
   * (saving someone's article as root must not make it root's). */
  if (exists && (st.st_uid != geteuid () || st.st_gid != getegid ()))
    {
      if (chown (target, st.st_uid, st.st_gid) != 0)
        g_debug ("could not keep the owner of %s: %s", target, g_strerror (errno));
    }

  return TRUE;
}

gboolean
lekh_file_write_atomic (const char  *path,
                        const char  *data,
                        gsize        len,
                        GError     **error)
{
  return write_atomic (path, data, len, NULL, error);
}

gboolean
lekh_file_write_atomic_checked (const char          *path,
                                const char          *data,
                                gsize                len,
                                const LekhFileStamp *expected,
                                GError             **error)
{
  g_return_val_if_fail (expected != NULL, FALSE);

  return write_atomic (path, data, len, expected, error);
}
