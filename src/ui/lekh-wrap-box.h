/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LEKH_TYPE_WRAP_BOX (lekh_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (LekhWrapBox, lekh_wrap_box, LEKH, WRAP_BOX, GtkWidget)

/* A container whose children flow like words and wrap (lekh-wrap-layout.h): tag chips
 * packed at their own widths, where a GtkFlowBox would line them up in columns. */
GtkWidget *lekh_wrap_box_new     (int          spacing);
void       lekh_wrap_box_append  (LekhWrapBox *self,
                                  GtkWidget   *child);

G_END_DECLS
