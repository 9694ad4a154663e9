/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lekh_cli_is_command (const char *name);
int      lekh_cli_main       (int         argc,
                              char      **argv);
/* Every subcommand's usage, one per line, for `lekh --help`. */
char    *lekh_cli_dup_usage  (void);

G_END_DECLS
