/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `lekh render FILE [-o OUT.html] [--unsafe]`; ARGV[0] is "render". Writes a standalone
 * HTML page to OUT.html (atomically) or to standard output. Exit codes: 0 success,
 * 2 usage error or an article that cannot be read. */
int lekh_cli_render (int    argc,
                     char **argv);

G_END_DECLS
