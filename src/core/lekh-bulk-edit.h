/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One change applied to many articles, file by file, and undone as a whole: planned first
 * (every file read and edited in memory, for a preview), then written (each file
 * atomically, refusing one that changed since it was read), then, on request, restored
 * (refusing a file changed since it was written). */
typedef struct _LekhBulkEdit LekhBulkEdit;

typedef enum
{
  LEKH_BULK_FILE_PLANNED,
  LEKH_BULK_FILE_APPLIED,
  LEKH_BULK_FILE_FAILED,      /* could not be written (or restored): see its error */
  LEKH_BULK_FILE_UNDONE,
} LekhBulkFileState;

/* In every article of PATHS, the value OLD of KEY becomes NEW (see
 * lekh_article_edit_replace_value). Articles without it are left out; articles whose front
 * matter cannot be edited are listed as skipped, with the reason. */
LekhBulkEdit      *lekh_bulk_edit_plan_replace   (GPtrArray     *paths,
                                                  const char    *key,
                                                  const char    *old_value,
                                                  const char    *new_value,
                                                  GCancellable  *cancellable);
/* In every article of PATHS, VALUE is added at the end of KEY's list (the list made when
 * missing), or removed from it (only that item's bytes: a block item with its line). Articles
 * that have it already (add) or do not have it (remove) are left out; articles whose KEY is
 * not a list of text, or whose front matter cannot be edited, are skipped, with the reason. */
LekhBulkEdit      *lekh_bulk_edit_plan_add       (GPtrArray     *paths,
                                                  const char    *key,
                                                  const char    *value,
                                                  GCancellable  *cancellable);
LekhBulkEdit      *lekh_bulk_edit_plan_remove    (GPtrArray     *paths,
                                                  const char    *key,
                                                  const char    *value,
                                                  GCancellable  *cancellable);
/* As lekh_bulk_edit_plan_replace for an author key (authors, author), and also, in the
 * authors.yml of every article changed (the nearest walking up from it, as Docusaurus reads
 * it), the entry OLD renamed NEW: only the key's bytes. An authors.yml without OLD, or that
 * has NEW already (a merge: its entry is kept), is left as it is. */
LekhBulkEdit      *lekh_bulk_edit_plan_rename_author (GPtrArray *paths,
                                                  const char    *key,
                                                  const char    *old_value,
                                                  const char    *new_value,
                                                  GCancellable  *cancellable);
/* The authors.yml an article reads (the nearest walking up from it to its site's root), or
 * NULL. */
char              *lekh_bulk_edit_dup_authors_file (const char  *article_path);
/* An authors.yml's (or tags.yml's) TEXT with the key OLD renamed NEW, only the key's bytes
 * (the core's verified key rename); NULL and LEKH_ERROR_NOT_FOUND when it has no OLD or has
 * NEW already, another error when the file cannot be edited. */
GBytes            *lekh_bulk_edit_rename_data_key (GBytes       *text,
                                                  const char    *old_key,
                                                  const char    *new_key,
                                                  GError       **error);
void               lekh_bulk_edit_free           (LekhBulkEdit  *self);

/* The files that change. */
guint              lekh_bulk_edit_get_n_files    (LekhBulkEdit  *self);
const char        *lekh_bulk_edit_get_path       (LekhBulkEdit  *self,
                                                  guint          index);
/* A unified diff of the change (paths relative to ROOT when below it; ROOT may be NULL). */
char              *lekh_bulk_edit_dup_diff       (LekhBulkEdit  *self,
                                                  guint          index,
                                                  const char    *root);
LekhBulkFileState  lekh_bulk_edit_get_state      (LekhBulkEdit  *self,
                                                  guint          index);
/* Why the file failed, or NULL. */
const char        *lekh_bulk_edit_get_error      (LekhBulkEdit  *self,
                                                  guint          index);
/* The files left out because Lekh cannot edit their front matter, and why. */
guint              lekh_bulk_edit_get_n_skipped  (LekhBulkEdit  *self);
const char        *lekh_bulk_edit_get_skipped    (LekhBulkEdit  *self,
                                                  guint          index,
                                                  const char   **reason);

/* Writes every planned file; returns how many were written (the others are FAILED). */
guint              lekh_bulk_edit_apply          (LekhBulkEdit  *self);
/* Restores every applied file to its bytes before; returns how many were restored. */
guint              lekh_bulk_edit_undo           (LekhBulkEdit  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhBulkEdit, lekh_bulk_edit_free)

G_END_DECLS
