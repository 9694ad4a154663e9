/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lekh-document.h"
#include "lekh-spell-checker.h"

G_BEGIN_DECLS

#define LEKH_TYPE_EDITOR (lekh_editor_get_type ())

G_DECLARE_FINAL_TYPE (LekhEditor, lekh_editor, LEKH, EDITOR, GtkWidget)

/* The source: a GtkSourceView on a LekhDocument with its search bar, following the
 * settings (font, wrapping, current line, line numbers) and the light or dark style. */
GtkWidget     *lekh_editor_new            (void);
void           lekh_editor_set_document   (LekhEditor   *self,
                                           LekhDocument *document);
LekhDocument  *lekh_editor_get_document   (LekhEditor   *self);
GtkSourceView *lekh_editor_get_view       (LekhEditor   *self);
void           lekh_editor_begin_search   (LekhEditor   *self);
void           lekh_editor_end_search     (LekhEditor   *self);
gboolean       lekh_editor_find           (LekhEditor   *self,
                                           gboolean      backward);
GtkSourceSearchSettings *
               lekh_editor_get_search_settings (LekhEditor *self);
/* Moves the cursor to LINE and COLUMN (1-based, column in characters) and shows it. */
void           lekh_editor_jump_to        (LekhEditor   *self,
                                           guint         line,
                                           guint         column);

/* The writing keys' edits (lekh-editor-writing.c), also reached through the actions
 * editor.bold, editor.italic, editor.code, editor.link, editor.heading-up/-down. */
gboolean       lekh_editor_continue_list  (LekhEditor   *self);
void           lekh_editor_show_go_to_line (LekhEditor  *self);
GtkWidget     *lekh_editor_get_go_to_line_entry (LekhEditor *self);
/* Focus mode: the text in a centred column of a comfortable width. */
void           lekh_editor_set_focus_mode (LekhEditor   *self,
                                           gboolean      focus_mode);
gboolean       lekh_editor_get_focus_mode (LekhEditor   *self);
LekhSpellChecker *lekh_editor_get_spell_checker (LekhEditor *self);
/* What a drop of FILES does (lekh-editor-images.c): each image among them becomes a
 * Markdown image at WHERE (NULL: the cursor), copied into the site first when it lies
 * outside, after asking. FALSE when there is no image among them (nothing happens). */
gboolean       lekh_editor_insert_image_files   (LekhEditor        *self,
                                                 GSList            *files,
                                                 const GtkTextIter *where);
/* A drop of FILES at X, Y of RELATIVE_TO (e.g. the window, whose capture-phase target
 * receives every file drop): when the point is on the source and every file is an image,
 * they are inserted there as above and TRUE is returned; else FALSE (open them). */
gboolean       lekh_editor_drop_files           (LekhEditor        *self,
                                                 GSList            *files,
                                                 GtkWidget         *relative_to,
                                                 double             x,
                                                 double             y);
/* What pasting an image does: TEXTURE is saved as PNG in the site's image folder, after
 * asking, and linked at WHERE (NULL: the cursor). */
void           lekh_editor_insert_image_texture (LekhEditor        *self,
                                                 GdkTexture        *texture,
                                                 const GtkTextIter *where);

G_END_DECLS
