/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes atomically: a temporary file in the same folder, fsync, then rename over the
 * target (following a symlink to its target), keeping the original file's permissions. */
gboolean lekh_file_write_atomic (const char  *path,
                                 const char  *data,
                                 gsize        len,
                                 GError     **error);

G_END_DECLS
