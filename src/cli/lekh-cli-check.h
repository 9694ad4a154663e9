/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* lekh check [--profile P] [--format text|json|github] [--quiet] PATH…
 * ARGV[0] is "check". Returns 0 (no errors), 1 (errors found) or 2 (usage error or an
 * unreadable path). */
int lekh_cli_check (int    argc,
                    char **argv);

G_END_DECLS
