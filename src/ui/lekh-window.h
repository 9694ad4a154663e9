/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lekh-application.h"
#include "lekh-document.h"
#include "lekh-editor.h"
#include "lekh-metadata-panel.h"

G_BEGIN_DECLS

#define LEKH_TYPE_WINDOW (lekh_window_get_type ())

G_DECLARE_FINAL_TYPE (LekhWindow, lekh_window, LEKH, WINDOW, AdwApplicationWindow)

LekhWindow        *lekh_window_new                 (LekhApplication *app);
LekhDocument      *lekh_window_get_document        (LekhWindow      *self);
LekhEditor        *lekh_window_get_editor          (LekhWindow      *self);
LekhMetadataPanel *lekh_window_get_metadata_panel  (LekhWindow      *self);
/* Opens FILE in this window (replacing its document), showing errors in a dialog. */
void               lekh_window_load_file           (LekhWindow      *self,
                                                    GFile           *file);
/* The preview goes in a third pane beside the source; win.show-preview toggles it. */
void               lekh_window_set_preview         (LekhWindow      *self,
                                                    GtkWidget       *preview);
GtkWidget         *lekh_window_get_preview         (LekhWindow      *self);
void               lekh_window_add_toast           (LekhWindow      *self,
                                                    const char      *message);
/* The Save / Discard / Cancel dialog while one is open (for tests), else NULL. */
GtkWidget         *lekh_window_get_close_dialog    (LekhWindow      *self);

/* Writes the article as a standalone HTML page to FILE (atomically). */
gboolean           lekh_window_export_html        (LekhWindow   *self,
                                                   GFile        *file,
                                                   GError      **error);

/* Closes without asking: after saving (SAVE_FIRST, and only once saved) or discarding. */
void               lekh_window_close_saving        (LekhWindow      *self,
                                                    gboolean         save_first);
/* The name Save As offers: the file's, or for a new article its title's slug, dated when
 * the front matter has a date. */
char              *lekh_window_suggest_file_name   (LekhWindow      *self);
/* Focus mode (win.focus-mode, Ctrl+Shift+F): the source alone, its text centred. */
void               lekh_window_set_focus_mode      (LekhWindow      *self,
                                                    gboolean         focus_mode);
gboolean           lekh_window_get_focus_mode      (LekhWindow      *self);

G_END_DECLS
