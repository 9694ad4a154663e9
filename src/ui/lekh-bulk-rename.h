/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lekh-bulk-edit.h"

G_BEGIN_DECLS

#define LEKH_TYPE_BULK_RENAME (lekh_bulk_rename_get_type ())

G_DECLARE_FINAL_TYPE (LekhBulkRename, lekh_bulk_rename, LEKH, BULK_RENAME, AdwWindow)

/* A dialog that renames (or merges) a value of a key across the articles at PATHS (below
 * ROOT): the key, the value and the new value, a preview of every file's diff and of the
 * files skipped, then Rename. "applied" (gpointer: a LekhBulkEdit, given to the handler)
 * follows the writing; the dialog closes. */
typedef enum
{
  LEKH_BULK_RENAME_MODE_RENAME,
  LEKH_BULK_RENAME_MODE_ADD,      /* add the value to the key's list */
  LEKH_BULK_RENAME_MODE_REMOVE,   /* remove it from the list */
} LekhBulkRenameMode;

/* The same dialog adding or removing a value (no new value) in the articles at PATHS. */
LekhBulkRename *lekh_bulk_rename_new_for_mode (GtkWindow         *parent,
                                               const char        *root,
                                               GPtrArray         *paths,
                                               LekhBulkRenameMode mode,
                                               const char        *key,
                                               const char        *value);
LekhBulkRename *lekh_bulk_rename_new         (GtkWindow      *parent,
                                              const char     *root,
                                              GPtrArray      *paths,
                                              const char     *key,
                                              const char     *value);
void            lekh_bulk_rename_set_values  (LekhBulkRename *self,
                                              const char     *key,
                                              const char     *value,
                                              const char     *new_value);
/* Plans the change in a worker thread and shows it ("notify::previewed" when shown). */
void            lekh_bulk_rename_preview     (LekhBulkRename *self);
gboolean        lekh_bulk_rename_get_previewed (LekhBulkRename *self);
/* The plan shown, or NULL. */
LekhBulkEdit   *lekh_bulk_rename_get_plan    (LekhBulkRename *self);
/* Writes the change (what the Rename button does). */
void            lekh_bulk_rename_apply       (LekhBulkRename *self);

G_END_DECLS
