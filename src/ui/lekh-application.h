/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEKH_TYPE_APPLICATION (lekh_application_get_type ())

G_DECLARE_FINAL_TYPE (LekhApplication, lekh_application, LEKH, APPLICATION, AdwApplication)

typedef struct _LekhWindow LekhWindow;
typedef struct _LekhDraftStore LekhDraftStore;

LekhApplication *lekh_application_new              (void);
/* Shows FILE: its window if one has it open, else HINT when that holds an untouched new
 * document, else a new window. */
void             lekh_application_open_file        (LekhApplication *self,
                                                    GFile           *file,
                                                    LekhWindow      *hint);
/* Shows the site overview of the site (or folder) at ROOT: its window if one is open. */
void             lekh_application_show_site        (LekhApplication *self,
                                                    GFile           *root);
GMenuModel      *lekh_application_get_recent_menu  (LekhApplication *self);
/* Keeps the drafts of every window's document (created at startup). */
LekhDraftStore  *lekh_application_get_draft_store  (LekhApplication *self);

G_END_DECLS
