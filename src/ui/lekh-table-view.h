/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lekh-preview-render.h"

G_BEGIN_DECLS

/* A table of the preview drawn as one widget: a grid of wrapping Pango layouts, its
 * columns aligned, its header rows bold. */
#define LEKH_TYPE_TABLE_VIEW (lekh_table_view_get_type ())
G_DECLARE_FINAL_TYPE (LekhTableView, lekh_table_view, LEKH, TABLE_VIEW, GtkWidget)

GtkWidget      *lekh_table_view_new            (LekhPreviewTable *table);
guint           lekh_table_view_get_n_rows     (LekhTableView    *self);
const char     *lekh_table_view_get_cell_text  (LekhTableView    *self,
                                                guint             row,
                                                guint             column);
gboolean        lekh_table_view_is_header_row  (LekhTableView    *self,
                                                guint             row);
PangoAlignment  lekh_table_view_get_alignment  (LekhTableView    *self,
                                                guint             column);
/* Links in cells: a click on one emits link-activated (const char *url), as
 * lekh_table_view_activate_at() does. X, Y in the widget's coordinates. */
const char     *lekh_table_view_get_link_at    (LekhTableView    *self,
                                                double            x,
                                                double            y);
gboolean        lekh_table_view_activate_at    (LekhTableView    *self,
                                                double            x,
                                                double            y);
/* Where a cell's text is drawn, for tests and tools. */
gboolean        lekh_table_view_get_cell_area  (LekhTableView    *self,
                                                guint             row,
                                                guint             column,
                                                graphene_rect_t  *area);

G_END_DECLS
