/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Brings an image within the reach of an article and gives the reference to write for it
 * (lekh-image-path decides both). A FILE the site already publishes is used where it is;
 * one from elsewhere, or a pasted TEXTURE (saved as PNG), is copied into the site's image
 * folder under a free name, after an AdwMessageDialog on PARENT's window asks (responses
 * "cancel" and "copy"). Errors are shown in a dialog too; finish() then returns NULL with
 * the error, G_IO_ERROR_CANCELLED when the writer declined. Exactly one of FILE and
 * TEXTURE is given; ARTICLE NULL (never saved) is an error: images are placed relative
 * to the article. */
void   lekh_image_import_async  (GtkWidget           *parent,
                                 GFile               *article,
                                 GFile               *file,
                                 GdkTexture          *texture,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
/* The reference (e.g. "/img/x.png"); FILE_PATH (may be NULL) gets the image's file. */
char  *lekh_image_import_finish (GAsyncResult        *result,
                                 char               **file_path,
                                 GError             **error);

/* A filter for the image types a site serves (PNG, JPEG, GIF, WebP, SVG, AVIF). */
GtkFileFilter *lekh_image_import_new_filter (void);

G_END_DECLS
