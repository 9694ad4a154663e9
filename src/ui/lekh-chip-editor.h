/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LEKH_TYPE_CHIP_EDITOR (lekh_chip_editor_get_type ())

G_DECLARE_FINAL_TYPE (LekhChipEditor, lekh_chip_editor, LEKH, CHIP_EDITOR, GtkWidget)

/* A list of short strings shown as chips: type and press Enter or comma to add one,
 * Backspace in the empty entry or a chip's × to remove, drag (or Alt+←/→ on a chip) to
 * reorder. Duplicates (ignoring case and Unicode normalisation) are refused.
 * "changed" is emitted for the writer's changes only, never for set_items(); right before
 * it, "item-added" (position, always the last), "item-removed" (position) or "item-moved"
 * (from, to) says which change it was. */
GtkWidget  *lekh_chip_editor_new              (const char         *label);
void        lekh_chip_editor_set_items        (LekhChipEditor     *self,
                                               const char * const *items);
/* Items that are more than a name (an author written as {name: …, title: …}): DETAILS,
 * when not NULL, has one entry per item, NULL for a plain one, else what the item holds
 * besides its name (its chip's tooltip). Such chips are removed and moved like the others.
 * When any item has details, the list is "itemwise" until the next set_items(): its
 * owner should write the item-… changes one at a time, not replace the list with
 * dup_items(), which only has the names. */
void        lekh_chip_editor_set_items_detailed (LekhChipEditor   *self,
                                               const char * const *items,
                                               const char * const *details);
const char *lekh_chip_editor_get_item_detail  (LekhChipEditor     *self,
                                               guint               position);
gboolean    lekh_chip_editor_get_itemwise     (LekhChipEditor     *self);
char      **lekh_chip_editor_dup_items        (LekhChipEditor     *self);
guint       lekh_chip_editor_get_n_items      (LekhChipEditor     *self);
const char *lekh_chip_editor_get_label        (LekhChipEditor     *self);
void        lekh_chip_editor_set_editable     (LekhChipEditor     *self,
                                               gboolean            editable);
gboolean    lekh_chip_editor_get_editable     (LekhChipEditor     *self);
/* Suggestions offered while typing: a list of LekhSuggestion, shown as they are (the
 * site controller fills it from lekh_suggestion_for_site as the entry changes). */
void        lekh_chip_editor_set_suggestions  (LekhChipEditor     *self,
                                               GListModel         *suggestions);
GListModel *lekh_chip_editor_get_suggestions  (LekhChipEditor     *self);
/* Adds TEXT as if typed: TRUE when added (not empty, not a duplicate). */
gboolean    lekh_chip_editor_add              (LekhChipEditor     *self,
                                               const char         *text);
gboolean    lekh_chip_editor_remove           (LekhChipEditor     *self,
                                               guint               position);
gboolean    lekh_chip_editor_move             (LekhChipEditor     *self,
                                               guint               from,
                                               guint               to);
GtkWidget  *lekh_chip_editor_get_entry        (LekhChipEditor     *self);

G_END_DECLS
