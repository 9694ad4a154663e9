/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEKH_TYPE_PREFERENCES_WINDOW (lekh_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LekhPreferencesWindow, lekh_preferences_window, LEKH, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Preferences (Ctrl+comma): every row is bound to its GSettings key. */
GtkWidget *lekh_preferences_window_new (GtkWindow *parent);

G_END_DECLS
