/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The children of WIDGET laid out like words: left to right (right to left in an RTL
 * locale) at their natural width, wrapping to a new line when the next one does not fit,
 * SPACING pixels apart both ways. FILL, when one of the children, takes the rest of its
 * line (the chip editor's entry). A widget uses these from its measure() and
 * size_allocate() with the height-for-width request mode. */
void lekh_wrap_layout_measure  (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int             spacing,
                                GtkWidget      *fill,
                                int            *minimum,
                                int            *natural);
void lekh_wrap_layout_allocate (GtkWidget      *widget,
                                int             width,
                                int             spacing,
                                GtkWidget      *fill);

G_END_DECLS
