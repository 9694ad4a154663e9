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

/* Called once for each article found, in the order the folders are read. DIR_FD is its
 * folder, open, when the folder function kept it (the file is then PATH's last name in it),
 * else -1. */
typedef void (*LekhCliWalkFunc) (const char *path,
                                 int         dir_fd,
                                 gpointer    user_data);
/* Called for each folder walked, before its articles, with the names of all its entries
 * (NULL-terminated) and the folder open as FD: returning TRUE keeps FD open, for the caller
 * to read the articles through and close when done; FALSE lets the walk close it. */
typedef gboolean (*LekhCliWalkFolderFunc) (const char         *path,
                                           int                 fd,
                                           const char * const *names,
                                           gpointer            user_data);

/* lekh_cli_walk() handing each article to FUNC as soon as it is found, unsorted, so that
 * the caller can work on the first ones while the walk goes on; FOLDER_FUNC may be NULL. */
void lekh_cli_walk_each (const char            *command,
                         const char * const    *paths,
                         LekhCliWalkFunc        func,
                         LekhCliWalkFolderFunc  folder_func,
                         gpointer               user_data,
                         gboolean              *failed);

/* Appends S as a JSON string (NULL as null) to OUT. */
void lekh_cli_append_json_string (GString    *out,
                                  const char *s);

G_END_DECLS
