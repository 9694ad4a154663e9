/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lekh-problem.h"

G_BEGIN_DECLS

#define LEKH_TYPE_PROBLEM_ROW (lekh_problem_row_get_type ())

G_DECLARE_FINAL_TYPE (LekhProblemRow, lekh_problem_row, LEKH, PROBLEM_ROW, GtkListBoxRow)

/* A row of the problems list: the severity, the message, where it is and the rule, and a
 * Fix button (problems.fix with POSITION as its target) when the rule has a quick fix. */
GtkWidget   *lekh_problem_row_new            (LekhProblem    *problem,
                                              guint           position);
LekhProblem *lekh_problem_row_get_problem    (LekhProblemRow *self);
/* The Fix button, or NULL when the problem has no quick fix. */
GtkWidget   *lekh_problem_row_get_fix_button (LekhProblemRow *self);

G_END_DECLS
