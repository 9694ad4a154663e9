/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-diagnostics.h"
#include "lekh-problems-list.h"
#include "lekh-site-controller.h"
#include "lekh-window.h"

G_BEGIN_DECLS

/* Validation and site awareness in a window: the diagnostics of its document (underlines,
 * tooltips, Ctrl+. quick fix, a context-menu item), the problems list and the permalink
 * in the side panel, error states, messages and counters on the form's fields, the
 * status button in the header bar, and suggestions from the site in the chip editors.
 * Called once from the window's init. */
void                lekh_window_setup_diagnostics        (LekhWindow *self);

LekhDiagnostics    *lekh_window_get_diagnostics          (LekhWindow *self);
LekhSiteController *lekh_window_get_site_controller      (LekhWindow *self);
LekhProblemsList   *lekh_window_get_problems_list        (LekhWindow *self);
/* The header bar's "No problems" / "N warnings" / "N errors" button. */
GtkWidget          *lekh_window_get_diagnostics_status   (LekhWindow *self);
/* The permalink shown in the panel, or NULL when hidden. */
const char         *lekh_window_get_permalink            (LekhWindow *self);
/* The message shown below (or, for one-line rows, on) a form field, or NULL. */
const char         *lekh_window_get_field_message        (LekhWindow *self,
                                                          const char *key);
/* The live counter of the title or description ("72 / 60"), or NULL when hidden. */
const char         *lekh_window_get_field_counter        (LekhWindow *self,
                                                          const char *key);

G_END_DECLS
