/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lays out a widget's children like words: left to right (right to left in an RTL locale)
 * at their natural width, wrapping to a new line when the next one does not fit, "spacing"
 * pixels apart both ways (height for width). The "fill" child, when set, takes the rest of
 * its line (the chip editor's entry). */
#define LEKH_TYPE_WRAP_LAYOUT (lekh_wrap_layout_get_type ())

G_DECLARE_FINAL_TYPE (LekhWrapLayout, lekh_wrap_layout, LEKH, WRAP_LAYOUT, GtkLayoutManager)

void       lekh_wrap_layout_set_spacing (LekhWrapLayout *self,
                                         int             spacing);
int        lekh_wrap_layout_get_spacing (LekhWrapLayout *self);
void       lekh_wrap_layout_set_fill    (LekhWrapLayout *self,
                                         GtkWidget      *fill);
GtkWidget *lekh_wrap_layout_get_fill    (LekhWrapLayout *self);

G_END_DECLS
