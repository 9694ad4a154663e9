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

/* Called once for each article found, in the order the folders are read. */
typedef void (*LekhCliWalkFunc) (const char *path,
                                 gpointer    user_data);

/* lekh_cli_walk() handing each article to FUNC as soon as it is found, unsorted, so that
 * the caller can work on the first ones while the walk goes on. */
void lekh_cli_walk_each (const char         *command,
                         const char * const *paths,
                         LekhCliWalkFunc     func,
                         gpointer            user_data,
                         gboolean           *failed);

/* Appends S as a JSON string (NULL as null) to OUT. */
void lekh_cli_append_json_string (GString    *out,
                                  const char *s);

G_END_DECLS
