/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LEKH_TYPE_FOLD_BIN (lekh_fold_bin_get_type ())

G_DECLARE_FINAL_TYPE (LekhFoldBin, lekh_fold_bin, LEKH, FOLD_BIN, GtkWidget)

/* A bin that asks for no width of its own and folds when it gets less than its child
 * needs: "folded" turns on (the owner then shows less, e.g. one pane instead of two), and
 * off again once the bin is as wide as the child needed when it folded. libadwaita 1.4's
 * AdwBreakpointBin does this with breakpoints; Debian 12 has libadwaita 1.2. */
GtkWidget *lekh_fold_bin_new         (void);
void       lekh_fold_bin_set_child   (LekhFoldBin *self,
                                      GtkWidget   *child);
GtkWidget *lekh_fold_bin_get_child   (LekhFoldBin *self);
gboolean   lekh_fold_bin_get_folded  (LekhFoldBin *self);

G_END_DECLS
