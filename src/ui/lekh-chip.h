/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LEKH_TYPE_CHIP (lekh_chip_get_type ())

G_DECLARE_FINAL_TYPE (LekhChip, lekh_chip, LEKH, CHIP, GtkBox)

/* One item of a LekhChipEditor: its TEXT, with DETAIL (or NULL) as tooltip and
 * description, at POSITION in the editor's list; its remove button (chip.remove, shown
 * when EDITABLE) emits ::remove. */
GtkWidget  *lekh_chip_new          (const char *text,
                                    const char *detail,
                                    guint       position,
                                    gboolean    editable);
const char *lekh_chip_get_text     (LekhChip   *self);
const char *lekh_chip_get_detail   (LekhChip   *self);
guint       lekh_chip_get_position (LekhChip   *self);
GtkWidget  *lekh_chip_get_button   (LekhChip   *self);

G_END_DECLS
