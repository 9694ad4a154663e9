/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The articles named by PATHS: files as given, folders walked for *.md, *.mdx and
 * *.markdown (skipping .git, node_modules, symlink loops and generator folders). A new
 * array of paths, sorted, each once. What cannot be read is reported on stderr as
 * "COMMAND: …" and sets FAILED. */
GPtrArray *lekh_cli_walk (const char         *command,
                          const char * const *paths,
                          gboolean           *failed);

/* Appends S as a JSON string (NULL as null) to OUT. */
void lekh_cli_append_json_string (GString    *out,
                                  const char *s);

G_END_DECLS
