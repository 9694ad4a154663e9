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
/* Reads many files one after another, each into the buffer the previous one was read into
 * when its bytes have been freed meanwhile (a new buffer otherwise): for the thousands of
 * files of a site, one read() and no fresh memory per file. Meant for files a folder's
 * listing says are regular: one that fits in the buffer is taken as it reads, without the
 * fstat() lekh_file_read_at() does (a folder, a device that never ends, a pipe that reads
 * nothing are still refused). One reader per thread; the bytes may go to any thread. Bytes
 * kept past the next read hold the whole buffer (64 KiB at least): copy what is kept long. */
typedef struct _LekhFileReader LekhFileReader;

LekhFileReader *lekh_file_reader_new     (void);
void            lekh_file_reader_free    (LekhFileReader      *self);
GBytes         *lekh_file_reader_read_at (LekhFileReader      *self,
                                          int                  dir_fd,
                                          const char          *name,
                                          const char          *path,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhFileReader, lekh_file_reader_free)

/* Each entry of the folder open as FD (not "." and ".."), with its type as the listing gives
 * it (DT_REG, DT_DIR, DT_LNK, ..., or DT_UNKNOWN when the file system does not say), read from
 * the descriptor's position: a folder just opened is listed whole. FD stays open. PATH names
 * the folder in messages. */
typedef void (*LekhFolderEntryFunc) (const char *name,
                                     guchar      type,
                                     gpointer    user_data);

gboolean        lekh_file_list_folder    (int                  fd,
                                          const char          *path,
                                          LekhFolderEntryFunc  func,
                                          gpointer             user_data,
                                          GError             **error);

/* lekh_file_list_folder() into one block: the entries' names, NULL-terminated (free the whole
 * with g_free(), not g_strfreev()), and in *TYPES (g_free) each one's DT_* type. NULL on an
 * error. */
char          **lekh_file_read_folder    (int                  fd,
                                          const char          *path,
                                          guchar             **types,
                                          GError             **error);

/* How many folders a walk may hold open to read their files through: up to 4,096, and half
 * the process's file descriptors. */
guint           lekh_file_max_held_folders (void);

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
