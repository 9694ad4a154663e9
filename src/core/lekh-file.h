/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a file was when it was read, to notice before writing it back that another
 * program changed, replaced or deleted it in the meantime. */
typedef struct
{
  gboolean exists;
  guint64  device;
  guint64  inode;
  gint64   size;
  gint64   mtime_ns;
} LekhFileStamp;

/* Reads a regular file whole into memory (NUL-terminated; the length excludes the NUL)
 * and, with STAMP, notes what it was. Not mapped: a file that another program truncates
 * while it is being read cannot crash the reader. Folders, devices and pipes are refused. */
GBytes  *lekh_file_read                 (const char          *path,
                                         LekhFileStamp       *stamp,
                                         GError             **error);
/* lekh_file_read() of NAME in the folder open as DIR_FD (openat(); AT_FDCWD for the current
 * folder), PATH naming it in messages. Reading many files of one folder, this spares the
 * kernel walking the whole path again for each. */
GBytes  *lekh_file_read_at              (int                  dir_fd,
                                         const char          *name,
                                         const char          *path,
                                         LekhFileStamp       *stamp,
                                         GError             **error);
/* The stamp of PATH now (following symlinks); exists is FALSE when there is no such file. */
void     lekh_file_get_stamp            (const char          *path,
                                         LekhFileStamp       *stamp);
gboolean lekh_file_stamp_equal          (const LekhFileStamp *a,
                                         const LekhFileStamp *b);

/* Writes atomically: a temporary file in the same folder, fsync, then rename over the
 * target (following a symlink to its target), keeping the original file's permissions.
 * A file that is read-only (to this user) is not replaced: an error says so. On any
 * failure the original file is left as it was. */
gboolean lekh_file_write_atomic         (const char          *path,
                                         const char          *data,
                                         gsize                len,
                                         GError             **error);
/* The same, but first checks that PATH is still the file EXPECTED describes (not
 * changed, replaced or deleted since it was read), and refuses otherwise. */
gboolean lekh_file_write_atomic_checked (const char          *path,
                                         const char          *data,
                                         gsize                len,
                                         const LekhFileStamp *expected,
                                         GError             **error);

G_END_DECLS
