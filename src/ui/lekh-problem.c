/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-problem"

#include "config.h"

#include "lekh-problem.h"

struct _LekhProblem
{
  GObject         parent_instance;

  LekhDiagnostic *diagnostic;
};

G_DEFINE_FINAL_TYPE (LekhProblem, lekh_problem, G_TYPE_OBJECT)

static void
lekh_problem_finalize (GObject *object)
{
  LekhProblem *self = LEKH_PROBLEM (object);

  g_clear_pointer (&self->diagnostic, lekh_diagnostic_unref);
  G_OBJECT_CLASS (lekh_problem_parent_class)->finalize (object);
}

static void
lekh_problem_class_init (LekhProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lekh_problem_finalize;
}

static void
lekh_problem_init (LekhProblem *self)
{
}

LekhProblem *
lekh_problem_new (LekhDiagnostic *diagnostic)
{
  LekhProblem *self;

  g_return_val_if_fail (diagnostic != NULL, NULL);

  self = g_object_new (LEKH_TYPE_PROBLEM, NULL);
  self->diagnostic = lekh_diagnostic_ref (diagnostic);
  return self;
}

LekhDiagnostic *
lekh_problem_get_diagnostic (LekhProblem *self)
{
  g_return_val_if_fail (LEKH_IS_PROBLEM (self), NULL);
  return self->diagnostic;
}
