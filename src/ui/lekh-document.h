/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "lekh-article.h"
#include "lekh-edit.h"

G_BEGIN_DECLS

#define LEKH_TYPE_DOCUMENT (lekh_document_get_type ())

G_DECLARE_FINAL_TYPE (LekhDocument, lekh_document, LEKH, DOCUMENT, GtkSourceBuffer)

/* A document: the text buffer, the file it came from, and the article parsed from the
 * text (re-parsed shortly after each change). Widgets observe it through
 * "article-changed" (and notify::article), "notify::title", "notify::externally-modified".
 * It owns no widget, so the preview, the diagnostics and drafts can all watch one. */
LekhDocument  *lekh_document_new                      (void);

/* Something that mirrors the buffer's text byte for byte (the preview does, edit by
 * edit) can lend it as bytes, so the document need not copy a long text out of the
 * buffer at each re-parse. FUNC returns the current text, or NULL when OWNER has none;
 * the document holds OWNER weakly and checks the text's length against the buffer. */
typedef GBytes *(*LekhDocumentTextFunc) (GObject      *owner,
                                         LekhDocument *document);

void           lekh_document_set_text_mirror          (LekhDocument         *self,
                                                       GObject              *owner,
                                                       LekhDocumentTextFunc  func);

GFile         *lekh_document_get_file                 (LekhDocument        *self);
GtkSourceFile *lekh_document_get_source_file          (LekhDocument        *self);
char          *lekh_document_dup_title                (LekhDocument        *self);
gboolean       lekh_document_get_busy                 (LekhDocument        *self);
gboolean       lekh_document_is_untouched             (LekhDocument        *self);
gboolean       lekh_document_get_externally_modified  (LekhDocument        *self);
/* The writer chose to keep their text over the file on disk: forget the change and
 * let the next save overwrite it. */
void           lekh_document_keep_mine                (LekhDocument        *self);

/* The article of the last parse; never NULL. It may lag the buffer by the debounce
 * delay: call lekh_document_ensure_article() before computing an edit. */
LekhArticle   *lekh_document_get_article              (LekhDocument        *self);
LekhArticle   *lekh_document_ensure_article           (LekhDocument        *self);
gboolean       lekh_document_get_article_pending      (LekhDocument        *self);

/* Applies a lossless edit computed on ARTICLE (which must be the current article) to
 * the buffer as one undoable user action, keeping the cursor where it was. */
gboolean       lekh_document_apply_edit               (LekhDocument        *self,
                                                       LekhArticle         *article,
                                                       const LekhEdit      *edit,
                                                       GError             **error);

guint          lekh_document_get_word_count           (LekhDocument        *self);
guint          lekh_document_get_reading_minutes      (LekhDocument        *self);
/* Iter at a byte offset of the current article's text. */
void           lekh_document_get_iter_at_byte         (LekhDocument        *self,
                                                       GtkTextIter         *iter,
                                                       gsize                offset);

void           lekh_document_load_async               (LekhDocument        *self,
                                                       GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean       lekh_document_load_finish              (LekhDocument        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* FILE NULL saves to the document's own file. */
void           lekh_document_save_async               (LekhDocument        *self,
                                                       GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean       lekh_document_save_finish              (LekhDocument        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Puts the text of a recovered draft in place of the document's, marked modified until
 * saved. While a load is under way, the text replaces the loaded file's when it ends. */
void           lekh_document_restore_draft            (LekhDocument        *self,
                                                       const char          *text);

/* The file a load under way is reading, else NULL. */
GFile         *lekh_document_get_loading_file         (LekhDocument        *self);

G_END_DECLS
