/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lekh-diagnostics.h"

G_BEGIN_DECLS

#define LEKH_TYPE_PROBLEMS_LIST (lekh_problems_list_get_type ())

G_DECLARE_FINAL_TYPE (LekhProblemsList, lekh_problems_list, LEKH, PROBLEMS_LIST, GtkWidget)

/* The side panel's list of the article's problems: one row per diagnostic with its
 * severity, message and position, and a Fix button when the rule has a quick fix.
 * Activating a row emits "jump-to" (line, column: 1-based); a fix that fails emits
 * "fix-failed" (message); a fix of a site file emits "site-file-fixed" (description). */
GtkWidget *lekh_problems_list_new             (LekhDiagnostics  *diagnostics);
guint      lekh_problems_list_get_n_rows      (LekhProblemsList *self);
/* The row of item INDEX, and its Fix button (NULL without a fix), for tests. */
GtkWidget *lekh_problems_list_get_row         (LekhProblemsList *self,
                                               guint             index);
GtkWidget *lekh_problems_list_get_fix_button  (LekhProblemsList *self,
                                               guint             index);
/* Moves the keyboard focus to the first problem (or the list). */
void       lekh_problems_list_focus           (LekhProblemsList *self);

G_END_DECLS
