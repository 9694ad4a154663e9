/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lekh-application.h"

G_BEGIN_DECLS

#define LEKH_TYPE_WINDOW (lekh_window_get_type ())

G_DECLARE_FINAL_TYPE (LekhWindow, lekh_window, LEKH, WINDOW, AdwApplicationWindow)

LekhWindow *lekh_window_new       (LekhApplication *app);
void        lekh_window_load_file (LekhWindow      *self,
                                   GFile           *file);

G_END_DECLS
