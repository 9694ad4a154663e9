/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* lekh list [--json] PATH… */
int lekh_cli_list    (int    argc,
                      char **argv);
/* lekh replace [--dry-run] KEY OLD NEW PATH… */
int lekh_cli_replace (int    argc,
                      char **argv);
/* lekh new [--site DIR] [--section NAME] TITLE */
int lekh_cli_new     (int    argc,
                      char **argv);

G_END_DECLS
