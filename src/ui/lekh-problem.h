/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lekh-diagnostic.h"

G_BEGIN_DECLS

#define LEKH_TYPE_PROBLEM (lekh_problem_get_type ())

G_DECLARE_FINAL_TYPE (LekhProblem, lekh_problem, LEKH, PROBLEM, GObject)

/* One of the article's diagnostics as an item of a GListModel (the core's LekhDiagnostic
 * is a plain refcounted struct, which list models cannot hold). */
LekhProblem    *lekh_problem_new            (LekhDiagnostic *diagnostic);
LekhDiagnostic *lekh_problem_get_diagnostic (LekhProblem    *self);

G_END_DECLS
