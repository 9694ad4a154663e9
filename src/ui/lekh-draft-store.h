/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-document.h"

G_BEGIN_DECLS

#define LEKH_TYPE_DRAFT_STORE (lekh_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (LekhDraftStore, lekh_draft_store, LEKH, DRAFT_STORE, GObject)

/* One document of a session that ended without closing its windows (a crash, kill -9,
 * a power cut), as the session file recorded it. */
typedef struct
{
  char     *draft_id;
  char     *uri;       /* NULL for a document that never had a file */
  char     *title;
  guint     window;    /* the order of its window in the session */
  gboolean  has_draft; /* it had unsaved changes, kept in the draft */
} LekhDraftInfo;

void            lekh_draft_info_free             (LekhDraftInfo   *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhDraftInfo, lekh_draft_info_free)

/* Keeps the unsaved text of every open document in DIR/drafts/ID, written atomically a
 * few seconds (GSettings draft-delay) after the last change, never touching the real
 * file; and DIR/sessions/ records which documents and windows this process has open, so
 * that the next start can offer what a crash left behind. DIR NULL is
 * $XDG_DATA_HOME/io.github.lekh.Lekh. */
LekhDraftStore *lekh_draft_store_new             (const char      *dir);
const char     *lekh_draft_store_get_dir         (LekhDraftStore  *self);

/* Starts keeping drafts of DOCUMENT under a new id. WINDOW orders the session's windows. */
void            lekh_draft_store_add             (LekhDraftStore  *self,
                                                  LekhDocument    *document,
                                                  guint            window);
/* Stops, deleting the document's draft: the writer saved or chose to discard. */
void            lekh_draft_store_remove          (LekhDraftStore  *self,
                                                  LekhDocument    *document);
/* DOCUMENT takes over the orphaned draft DRAFT_ID (whose text it now holds). */
void            lekh_draft_store_adopt           (LekhDraftStore  *self,
                                                  LekhDocument    *document,
                                                  const char      *draft_id);
const char     *lekh_draft_store_get_draft_id    (LekhDraftStore  *self,
                                                  LekhDocument    *document);
char           *lekh_draft_store_dup_draft_path  (LekhDraftStore  *self,
                                                  const char      *draft_id);
/* The session ends normally: every window was closed, nothing is left to recover. */
void            lekh_draft_store_end_session     (LekhDraftStore  *self);

/* Claims the documents of sessions whose process is gone (and drafts no session owns),
 * so that no other running instance offers them too. Returns LekhDraftInfo items in
 * window order; empty when there is nothing to recover. */
GPtrArray      *lekh_draft_store_claim_orphans   (LekhDraftStore  *self);
/* The text of an orphaned draft. */
char           *lekh_draft_store_read_draft      (LekhDraftStore  *self,
                                                  const char      *draft_id,
                                                  GError         **error);
/* Done with the claimed orphans. Adopted drafts now belong to this session; the others
 * are deleted with DISCARD_REST, else left on disk to be offered at the next start. */
void            lekh_draft_store_release_orphans (LekhDraftStore  *self,
                                                  gboolean         discard_rest);

G_END_DECLS
