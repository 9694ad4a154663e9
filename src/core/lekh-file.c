/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "lekh-error.h"
#include "lekh-file.h"

gboolean
lekh_file_write_atomic (const char  *path,
                        const char  *data,
                        gsize        len,
                        GError     **error)
{
  g_autofree char *target = NULL;
  GStatBuf st;
  int mode = 0644;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  /* Write through a symlink to the file it names, so the link stays a link. */
  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);

  if (g_stat (target, &st) == 0)
    mode = st.st_mode & 07777;

  /* g_file_set_contents_full writes a temporary file beside the target, fsyncs it and
   * renames it over the target: the original is never truncated. */
  if (!g_file_set_contents_full (target, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, error))
    return FALSE;

  return TRUE;
}
