/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "lekh-diagnostic.h"
#include "lekh-document.h"
#include "lekh-problem.h"
#include "lekh-site-controller.h"
#include "lekh-validator.h"

G_BEGIN_DECLS

#define LEKH_TYPE_DIAGNOSTICS (lekh_diagnostics_get_type ())

G_DECLARE_FINAL_TYPE (LekhDiagnostics, lekh_diagnostics, LEKH, DIAGNOSTICS, GObject)

/* Watches a source view's LekhDocument: after each re-parse (and a short pause) runs the
 * validator in a worker thread, adds the site-level checks, underlines the spans in the
 * source (errors red, warnings amber, notes blue) with the message as tooltip, and emits
 * "changed". Applies quick fixes: article-side ones as one undoable edit of the buffer,
 * authors.yml / tags.yml ones as an atomic, lossless edit of that file. */
LekhDiagnostics *lekh_diagnostics_new            (GtkSourceView      *view,
                                                  LekhValidator      *validator,
                                                  LekhSiteController *site);
/* The diagnostics of the last check (LekhDiagnostic, by position); they describe the
 * document's current article when lekh_diagnostics_is_current(). */
GPtrArray       *lekh_diagnostics_get_items      (LekhDiagnostics    *self);
/* The same diagnostics as a list model of LekhProblem, for lists to bind to. */
GListModel      *lekh_diagnostics_get_model      (LekhDiagnostics    *self);
gboolean         lekh_diagnostics_is_current     (LekhDiagnostics    *self);
guint            lekh_diagnostics_get_n_errors   (LekhDiagnostics    *self);
guint            lekh_diagnostics_get_n_warnings (LekhDiagnostics    *self);
/* Checks again now (e.g. after a site file changed). */
void             lekh_diagnostics_refresh        (LekhDiagnostics    *self);
/* The first diagnostic with a quick fix at ITER (or any at ITER when none has one). */
LekhDiagnostic  *lekh_diagnostics_get_at_iter    (LekhDiagnostics    *self,
                                                  const GtkTextIter  *iter);
gboolean         lekh_diagnostics_apply_fix      (LekhDiagnostics    *self,
                                                  LekhDiagnostic     *diagnostic,
                                                  GError            **error);
/* Undoes the last authors.yml/tags.yml fix when the file is still as the fix left it. */
gboolean         lekh_diagnostics_undo_site_fix  (LekhDiagnostics    *self,
                                                  GError            **error);

G_END_DECLS
