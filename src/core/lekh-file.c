/* SPDX-License-Identifier: GPL-3.0-or-later */
/* getdents64() (lekh_file_list_folder) */
#define _GNU_SOURCE
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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

/* Refuses what fstat() says is not a regular file of a size Lekh opens; ST gets what it said. */
static gboolean
check_regular (int          fd,
               const char  *path,
               struct stat *st,
               GError     **error)
{
  g_autofree char *display = NULL;

  if (fstat (fd, st) != 0)
    {
      set_io_error (error, errno, FALSE, path);
      return FALSE;
    }
  /* The display name is made for a message only, not for every file read. */
  if (S_ISDIR (st->st_mode))
    {
      display = g_filename_display_name (path);
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("“%s” is a folder, not an article"), display);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      display = g_filename_display_name (path);
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO,
                   _("“%s” is not a regular file (a device, pipe or socket)"), display);
      return FALSE;
    }
  if (st->st_size > LEKH_FILE_MAX_SIZE)
    {
      display = g_filename_display_name (path);
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_LIMIT,
                   _("“%s” is larger than 1 GiB; Lekh does not open files this large"), display);
      return FALSE;
    }
  return TRUE;
}

static int
open_for_reading (int         dir_fd,
                  const char *name,
                  const char *path,
                  GError    **error)
{
  int fd;

  /* O_NONBLOCK: opening a named pipe must not wait for a writer. */
  do
    fd = openat (dir_fd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    set_io_error (error, errno, TRUE, path);
  return fd;
}

/* Reads FD from its current end of BUF (LEN bytes in it, *ALLOC its size) to the end of the
 * file, growing BUF as needed; SIZE is what fstat() said the size was. FALSE on an error
 * (BUF is still the caller's to free). */
static gboolean
read_to_end (int          fd,
             const char  *path,
             gint64       size,
             char       **buf,
             gsize       *alloc,
             gsize       *len,
             GError     **error)
{
  gsize first = *len;

  for (;;)
    {
      gssize n;

      if (*len + 1 >= *alloc)
        {
          /* (the buffer is full: LEN bytes read and the file goes on) */
          if (*len > (gsize) LEKH_FILE_MAX_SIZE)
            {
              g_autofree char *display = g_filename_display_name (path);

              g_set_error (error, LEKH_ERROR, LEKH_ERROR_LIMIT,
                           _("“%s” is larger than 1 GiB; Lekh does not open files this large"), display);
              return FALSE;
            }
          *alloc = MAX (*alloc * 2, (gsize) size + 2);
          *buf = g_realloc (*buf, *alloc);
        }
      n = read (fd, *buf + *len, *alloc - 1 - *len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, errno, FALSE, path);
          return FALSE;
        }
      if (n == 0)
        return TRUE;
      *len += n;
      /* The first read gave exactly the size fstat() said, one byte short of what was
       * asked: that is the end of the file as it was then (a regular file reads short only
       * at its end), and a second read only to be told so is a system call per file. Any
       * other count reads on until read() returns 0. */
      if (first == 0 && *len == (gsize) n && *len == (gsize) size)
        return TRUE;
    }
}

GBytes *
lekh_file_read_at (int             dir_fd,
                   const char     *name,
                   const char     *path,
                   LekhFileStamp  *stamp,
                   GError        **error)
{
  struct stat st;
  char *buf;
  gsize len = 0, alloc;
  int fd;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if ((fd = open_for_reading (dir_fd, name, path, error)) < 0)
    return NULL;
  if (!check_regular (fd, path, &st, error))
    {
      close (fd);
      return NULL;
    }
  if (stamp != NULL)
    stamp_from_stat (stamp, &st);

  /* Read to the end, whatever the size said: the file may grow or shrink meanwhile. Room for
   * the size, the byte of the read that finds the end, and the closing NUL: with only the
   * NUL's, the last read of every file doubled (and copied) the buffer first. */
  alloc = (gsize) st.st_size + 2;
  buf = g_malloc (alloc);
  if (!read_to_end (fd, path, st.st_size, &buf, &alloc, &len, error))
    {
      g_free (buf);
      close (fd);
      return NULL;
    }
  close (fd);
  buf[len] = '\0';
  return g_bytes_new_take (buf, len);
}

/* LekhFileReader: one buffer, lent to the GBytes of each file read and taken back when that
 * is freed. A buffer still lent when the next file is read is left to its GBytes (which then
 * frees it) and a new one made: a caller that keeps the bytes keeps them intact. */
enum
{
  BLOCK_HOME,   /* the reader's, free */
  BLOCK_LENT,   /* held by a GBytes; comes back to the reader when that is freed */
  BLOCK_LEFT,   /* held by a GBytes that frees it: the reader has moved on */
};

typedef struct
{
  char  *data;
  gsize  alloc;
  int    state;   /* atomic: the GBytes may be freed in another thread */
} Block;

struct _LekhFileReader
{
  Block *block;
};

/* Most articles fit in one read of this; a larger one grows the buffer, which stays. */
#define READER_FIRST_SIZE (64 * 1024)

static void
block_free (Block *block)
{
  g_free (block->data);
  g_free (block);
}

static void
block_come_back (gpointer data)
{
  Block *block = data;

  if (!g_atomic_int_compare_and_exchange (&block->state, BLOCK_LENT, BLOCK_HOME))
    block_free (block);
}

LekhFileReader *
lekh_file_reader_new (void)
{
  return g_new0 (LekhFileReader, 1);
}

void
lekh_file_reader_free (LekhFileReader *self)
{
  if (self == NULL)
    return;
  if (self->block != NULL &&
      !g_atomic_int_compare_and_exchange (&self->block->state, BLOCK_LENT, BLOCK_LEFT))
    block_free (self->block);
  g_free (self);
}

static Block *
reader_block (LekhFileReader *self)
{
  if (self->block != NULL &&
      g_atomic_int_compare_and_exchange (&self->block->state, BLOCK_LENT, BLOCK_LEFT))
    self->block = NULL;
  if (self->block == NULL)
    {
      self->block = g_new0 (Block, 1);
      self->block->alloc = READER_FIRST_SIZE;
      self->block->data = g_malloc (READER_FIRST_SIZE);
    }
  return self->block;
}

/* Long because the one read that usually suffices, and the fstat() it spares, are only safe
 * together with the two cases where it does not: the buffer filled (a larger file, or a
 * device that never ends) and nothing read (an empty file, or a pipe). */
GBytes *
lekh_file_reader_read_at (LekhFileReader  *self,
                          int              dir_fd,
                          const char      *name,
                          const char      *path,
                          GError         **error)
{
  Block *block;
  gssize n;
  gsize len;
  int fd;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  block = reader_block (self);
  if ((fd = open_for_reading (dir_fd, name, path, error)) < 0)
    return NULL;

  /* One read into the whole buffer. Reading short, without an error, is the end of a regular
   * file (a regular file reads short only at its end), so a file that fits takes open, read
   * and close. A folder fails the read; a pipe or a device reads nothing or fills the
   * buffer, and then fstat() says what it is, as it does for a file that goes on. */
  do
    n = read (fd, block->data, block->alloc - 1);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;

      close (fd);
      if (saved == EISDIR)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO,
                       _("“%s” is a folder, not an article"), display);
        }
      else
        set_io_error (error, saved, FALSE, path);
      return NULL;
    }
  len = n;
  if (len == 0 || len == block->alloc - 1)
    {
      struct stat st;

      if (!check_regular (fd, path, &st, error) ||
          !read_to_end (fd, path, st.st_size, &block->data, &block->alloc, &len, error))
        {
          close (fd);
          return NULL;
        }
    }
  close (fd);
  block->data[len] = '\0';
  g_atomic_int_set (&block->state, BLOCK_LENT);
  return g_bytes_new_with_free_func (block->data, len, block_come_back, block);
}

/* Linux's getdents64() fills a buffer with many entries in one system call and takes the
 * descriptor as it is; opendir() and fdopendir() add an fstat() (and fcntl()) per folder,
 * and readdir() needs its own descriptor (elsewhere, a copy of FD is given to it). */
gboolean
lekh_file_list_folder (int                 fd,
                       const char         *path,
                       LekhFolderEntryFunc func,
                       gpointer            user_data,
                       GError            **error)
{
  g_autofree char *display = NULL;
  int saved;
#ifdef __linux__
  /* (struct dirent's alignment: the entries are read through it) */
  union
  {
    struct dirent64 align;
    char            bytes[32 * 1024];
  } buf;
  ssize_t n;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  while ((n = getdents64 (fd, buf.bytes, sizeof buf.bytes)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed;
      for (ssize_t at = 0; at < n;)
        {
          const struct dirent64 *entry = (const struct dirent64 *) (buf.bytes + at);

          at += entry->d_reclen;
          if (strcmp (entry->d_name, ".") != 0 && strcmp (entry->d_name, "..") != 0)
            func (entry->d_name, entry->d_type, user_data);
        }
    }
  return TRUE;
#else
  struct dirent *entry;
  DIR *dir;
  int own;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* closedir() closes the descriptor it was given: a copy, FD stays the caller's */
  if ((own = dup (fd)) < 0)
    goto failed;
  if ((dir = fdopendir (own)) == NULL)
    {
      saved = errno;
      close (own);
      errno = saved;
      goto failed;
    }
  while ((entry = readdir (dir)) != NULL)
    if (strcmp (entry->d_name, ".") != 0 && strcmp (entry->d_name, "..") != 0)
      func (entry->d_name, entry->d_type, user_data);
  closedir (dir);
  return TRUE;
#endif

failed:
  saved = errno;
  display = g_filename_display_name (path);
  g_set_error (error, LEKH_ERROR, LEKH_ERROR_IO, _("Cannot read the folder “%s”: %s"),
               display, g_strerror (saved));
  return FALSE;
}

typedef struct
{
  GString *names;    /* each name and its NUL, one after another */
  GArray  *at;       /* gsize: where each name starts in NAMES */
  GString *types;    /* one DT_* byte a name */
} Collected;

static void
collect_entry (const char *name,
               guchar      type,
               gpointer    user_data)
{
  Collected *c = user_data;
  gsize at = c->names->len;

  g_string_append_len (c->names, name, strlen (name) + 1);
  g_array_append_val (c->at, at);
  g_string_append_c (c->types, (char) type);
}

char **
lekh_file_read_folder (int          fd,
                       const char  *path,
                       guchar     **types,
                       GError     **error)
{
  Collected c = { g_string_sized_new (1024), g_array_new (FALSE, FALSE, sizeof (gsize)),
                  g_string_new (NULL) };
  char **names = NULL;
  guint n;

  g_return_val_if_fail (types != NULL, NULL);

  if (lekh_file_list_folder (fd, path, collect_entry, &c, error))
    {
      /* one block: the pointers, then the names they point into */
      n = c.at->len;
      names = g_malloc ((n + 1) * sizeof (char *) + c.names->len);
      memcpy (names + n + 1, c.names->str, c.names->len);
      for (guint i = 0; i < n; i++)
        names[i] = (char *) (names + n + 1) + g_array_index (c.at, gsize, i);
      names[n] = NULL;
      *types = (guchar *) g_string_free (c.types, FALSE);
    }
  else
    g_string_free (c.types, TRUE);
  g_string_free (c.names, TRUE);
  g_array_unref (c.at);
  return names;
}

guint
lekh_file_max_held_folders (void)
{
  struct rlimit limit;
  guint most = 4096;

  /* each reading thread needs one more descriptor at a time */
  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    most = MIN (most, (guint) (limit.rlim_cur / 2));
  return most;
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
