/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lekh-file: atomic writes and the distinct errors of a refused or failed save. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lekh-error.h"
#include "lekh-file.h"

static const char original[] = "---\ntitle: पहला\n---\n\nText.\n";
static const char mine[] = "---\ntitle: मेरा\n---\n\nMy text.\n";

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lekh-file-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
write_original (const char *dir)
{
  char *path = g_build_filename (dir, "a.md", NULL);

  g_assert_true (g_file_set_contents (path, original, -1, NULL));
  return path;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, expected);
}

static gboolean
run_chattr (const char *flag,
            const char *path)
{
  const char *argv[] = { "chattr", flag, path, NULL };
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* Makes PATH read-only to us: chmod for a normal user; root needs the immutable flag. */
static gboolean
make_read_only (const char *path,
                int         mode)
{
  if (getuid () != 0)
    return g_chmod (path, mode) == 0;
  return run_chattr ("+i", path);
}

static void
undo_read_only (const char *path,
                int         mode)
{
  if (getuid () != 0)
    g_chmod (path, mode);
  else
    run_chattr ("-i", path);
}

static void
test_write_read (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_original (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LekhFileStamp stamp, now;

  bytes = lekh_file_read (path, &stamp, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, original);
  g_assert_true (stamp.exists);

  g_assert_true (lekh_file_write_atomic_checked (path, mine, strlen (mine), &stamp, &error));
  g_assert_no_error (error);
  assert_contents (path, mine);
  lekh_file_get_stamp (path, &now);
  g_assert_false (lekh_file_stamp_equal (&stamp, &now));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_changed_on_disk (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_original (dir);
  static const char theirs[] = "---\ntitle: उनका, और लंबा\n---\n";
  g_autoptr(GError) error = NULL;
  LekhFileStamp stamp;

  lekh_file_get_stamp (path, &stamp);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));

  g_assert_false (lekh_file_write_atomic_checked (path, mine, strlen (mine), &stamp, &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_CHANGED_ON_DISK);
  assert_contents (path, theirs);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_deleted (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_original (dir);
  g_autoptr(GError) error = NULL;
  LekhFileStamp stamp;

  lekh_file_get_stamp (path, &stamp);
  g_assert_cmpint (g_unlink (path), ==, 0);

  g_assert_false (lekh_file_write_atomic_checked (path, mine, strlen (mine), &stamp, &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_DELETED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_rmdir (dir);
}

static void
test_read_only (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_original (dir);
  g_autoptr(GError) error = NULL;

  if (!make_read_only (path, 0444))
    {
      g_test_skip ("as root, a read-only file needs chattr +i, which is not supported here");
      g_unlink (path);
      g_rmdir (dir);
      return;
    }

  g_assert_false (lekh_file_write_atomic (path, mine, strlen (mine), &error));
  undo_read_only (path, 0644);
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_READ_ONLY);
  assert_contents (path, original);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_folder_read_only (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_original (dir);
  g_autoptr(GError) error = NULL;

  if (!make_read_only (dir, 0555))
    {
      g_test_skip ("as root, a read-only folder needs chattr +i, which is not supported here");
      g_unlink (path);
      g_rmdir (dir);
      return;
    }

  g_assert_false (lekh_file_write_atomic (path, mine, strlen (mine), &error));
  undo_read_only (dir, 0755);
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_FOLDER_READ_ONLY);
  assert_contents (path, original);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_folder_missing (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "gone", "a.md", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (lekh_file_write_atomic (path, mine, strlen (mine), &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_FOLDER_READ_ONLY);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_rmdir (dir);
}

/* A 64 KiB tmpfs and a text that does not fit in it. */
static void
test_no_space (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GDir *listing;

  if (mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
    {
      g_autofree char *message = g_strdup_printf ("cannot mount a small tmpfs (%s): needs root",
                                                  g_strerror (errno));
      g_test_skip (message);
      g_rmdir (dir);
      return;
    }
  path = write_original (dir);
  while (big->len < 200 * 1024)
    g_string_append (big, "एक लंबा अनुच्छेद जो डिस्क भर देगा। ");

  g_assert_false (lekh_file_write_atomic (path, big->str, big->len, &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_NO_SPACE);
  assert_contents (path, original);
  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "a.md");
  g_assert_null (g_dir_read_name (listing));
  g_dir_close (listing);

  g_assert_cmpint (umount (dir), ==, 0);
  g_rmdir (dir);
}

static void
test_not_regular (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *folder = g_build_filename (dir, "folder.md", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.md", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (lekh_file_write_atomic (folder, mine, strlen (mine), &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_NOT_REGULAR);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_false (lekh_file_write_atomic (fifo, mine, strlen (mine), &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  /* Reading one is refused too, as an I/O error. */
  g_assert_null (lekh_file_read (folder, NULL, &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_IO);

  g_rmdir (folder);
  g_unlink (fifo);
  g_rmdir (dir);
}

/* Files of every size around the buffers' edges read whole, by path and in an open folder
 * (lekh_file_read_at), and by one LekhFileReader (64 KiB: one byte short of it is the
 * largest file a single read takes; a small file after a large one reads into the grown
 * buffer); a missing one is named by the path given for messages. */
static void
test_read_sizes (void)
{
  static const gsize sizes[] = { 0, 1, 2, 4095, 4096, 4097, 65534, 65535, 65536, 65537, 131073,
                                 300000, 7 };
  g_autofree char *dir = make_dir ();
  int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_autoptr(LekhFileReader) reader = lekh_file_reader_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dir_fd, >=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("size-%" G_GSIZE_FORMAT ".md", sizes[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = g_malloc (sizes[i] + 1);
      GBytes *read[4];
      gsize len;

      for (gsize b = 0; b < sizes[i]; b++)
        text[b] = 'a' + (char) ((b + i) % 26);
      text[sizes[i]] = '\0';
      g_assert_true (g_file_set_contents (path, text, (gssize) sizes[i], NULL));

      read[0] = lekh_file_read (path, NULL, &error);
      g_assert_no_error (error);
      read[1] = lekh_file_read_at (dir_fd, name, path, NULL, &error);
      g_assert_no_error (error);
      read[2] = lekh_file_reader_read_at (reader, dir_fd, name, path, &error);
      g_assert_no_error (error);
      read[3] = lekh_file_reader_read_at (reader, AT_FDCWD, path, path, &error);
      g_assert_no_error (error);
      for (guint r = 0; r < G_N_ELEMENTS (read); r++)
        {
          const char *data = g_bytes_get_data (read[r], &len);

          g_assert_cmpmem (data, len, text, sizes[i]);
          g_assert_cmpint (data[len], ==, '\0');
          g_bytes_unref (read[r]);
        }
      g_unlink (path);
    }

  g_assert_null (lekh_file_read_at (dir_fd, "absent.md", "shown/absent.md", NULL, &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "shown/absent.md"));

  close (dir_fd);
  g_rmdir (dir);
}

/* A file's bytes freed before the next read: the next one is read into the same memory.
 * Kept: the next is read elsewhere, and the kept bytes stay as they were, whichever is
 * freed first, and after the reader is gone. */
static void
test_reader_lending (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *a = g_build_filename (dir, "a.md", NULL);
  g_autofree char *b = g_build_filename (dir, "b.md", NULL);
  LekhFileReader *reader = lekh_file_reader_new ();
  g_autoptr(GError) error = NULL;
  GBytes *first, *second, *third;
  gconstpointer at;

  g_assert_true (g_file_set_contents (a, original, -1, NULL));
  g_assert_true (g_file_set_contents (b, mine, -1, NULL));

  first = lekh_file_reader_read_at (reader, AT_FDCWD, a, a, &error);
  g_assert_no_error (error);
  at = g_bytes_get_data (first, NULL);
  g_bytes_unref (first);
  second = lekh_file_reader_read_at (reader, AT_FDCWD, b, b, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_get_data (second, NULL) == at);

  /* SECOND kept */
  third = lekh_file_reader_read_at (reader, AT_FDCWD, a, a, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_get_data (third, NULL) != at);
  g_assert_cmpstr (g_bytes_get_data (second, NULL), ==, mine);
  g_assert_cmpstr (g_bytes_get_data (third, NULL), ==, original);
  g_bytes_unref (second);
  g_assert_cmpstr (g_bytes_get_data (third, NULL), ==, original);

  /* THIRD outlives its reader */
  lekh_file_reader_free (reader);
  g_assert_cmpstr (g_bytes_get_data (third, NULL), ==, original);
  g_bytes_unref (third);

  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

/* What is not a regular file is refused by the reader as by lekh_file_read(), although the
 * reader skips fstat() for a file that reads short: a folder, a pipe without a writer (reads
 * nothing), a device that never ends (fills the buffer); a missing file is named. */
static void
test_reader_refuses (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *folder = g_build_filename (dir, "folder.md", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.md", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.md", NULL);
  g_autoptr(LekhFileReader) reader = lekh_file_reader_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  g_assert_null (lekh_file_reader_read_at (reader, AT_FDCWD, folder, folder, &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);

  g_assert_null (lekh_file_reader_read_at (reader, AT_FDCWD, fifo, fifo, &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_assert_null (lekh_file_reader_read_at (reader, AT_FDCWD, "/dev/zero", "/dev/zero", &error));
      g_assert_error (error, LEKH_ERROR, LEKH_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "not a regular file"));
      g_clear_error (&error);
    }

  g_assert_null (lekh_file_reader_read_at (reader, AT_FDCWD, "absent.md", "shown/absent.md", &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "shown/absent.md"));
  g_clear_error (&error);

  /* an empty regular file is one, and reads empty */
  bytes = lekh_file_reader_read_at (reader, AT_FDCWD, empty, empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);

  g_rmdir (folder);
  g_unlink (fifo);
  g_unlink (empty);
  g_rmdir (dir);
}

static void
collect_entry (const char *name,
               guchar      type,
               gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%s:%c", name,
                                               type == DT_DIR ? 'd' : type == DT_REG ? 'f' :
                                               type == DT_LNK ? 'l' : '?'));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every entry of a folder but "." and "..", with its type, however many (more than one
 * system call's worth: 2,000 names of 40 bytes); a file is not a folder. */
static void
test_list_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *link = g_build_filename (dir, "link", NULL);
  g_autofree char *file = g_build_filename (dir, "लेख.md", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int fd;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink ("sub", link), ==, 0);
  g_assert_true (g_file_set_contents (file, original, -1, NULL));

  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_assert_true (lekh_file_list_folder (fd, dir, collect_entry, names, &error));
  g_assert_no_error (error);
  close (fd);
  g_ptr_array_sort (names, compare_strings);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "link:l");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "sub:d");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "लेख.md:f");

  /* the same as one block of names and their types */
  {
    g_autofree guchar *types = NULL;
    g_autofree char **block = NULL;
    g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_free);

    fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    block = lekh_file_read_folder (fd, dir, &types, &error);
    g_assert_no_error (error);
    close (fd);
    g_assert_cmpuint (g_strv_length (block), ==, 3);
    for (guint i = 0; block[i] != NULL; i++)
      collect_entry (block[i], types[i], again);
    g_ptr_array_sort (again, compare_strings);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpstr (g_ptr_array_index (again, i), ==, g_ptr_array_index (names, i));
  }

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u-a-rather-long-name-for-an-entry.md", i);
      g_autofree char *path = g_build_filename (sub, name, NULL);

      g_assert_true (g_file_set_contents (path, "", 0, NULL));
    }
  g_ptr_array_set_size (names, 0);
  fd = open (sub, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_assert_true (lekh_file_list_folder (fd, sub, collect_entry, names, &error));
  close (fd);
  g_ptr_array_sort (names, compare_strings);
  g_assert_cmpuint (names->len, ==, 2000);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u-a-rather-long-name-for-an-entry.md", i);
      g_autofree char *expected = g_strconcat (name, ":f", NULL);
      g_autofree char *path = g_build_filename (sub, name, NULL);

      g_assert_cmpstr (g_ptr_array_index (names, i), ==, expected);
      g_unlink (path);
    }

  fd = open (file, O_RDONLY | O_CLOEXEC);
  g_assert_false (lekh_file_list_folder (fd, file, collect_entry, names, &error));
  g_assert_error (error, LEKH_ERROR, LEKH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "लेख.md"));
  g_clear_error (&error);
  {
    g_autofree guchar *types = NULL;

    g_assert_null (lekh_file_read_folder (fd, file, &types, &error));
    g_assert_error (error, LEKH_ERROR, LEKH_ERROR_IO);
    g_assert_null (types);
  }
  close (fd);

  g_unlink (file);
  g_unlink (link);
  g_rmdir (sub);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file/write-read", test_write_read);
  g_test_add_func ("/file/read-sizes", test_read_sizes);
  g_test_add_func ("/file/reader/lending", test_reader_lending);
  g_test_add_func ("/file/reader/refuses", test_reader_refuses);
  g_test_add_func ("/file/list-folder", test_list_folder);
  g_test_add_func ("/file/error/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/file/error/deleted", test_deleted);
  g_test_add_func ("/file/error/read-only", test_read_only);
  g_test_add_func ("/file/error/folder-read-only", test_folder_read_only);
  g_test_add_func ("/file/error/folder-missing", test_folder_missing);
  g_test_add_func ("/file/error/no-space", test_no_space);
  g_test_add_func ("/file/error/not-regular", test_not_regular);

  return g_test_run ();
}
