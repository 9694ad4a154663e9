/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEKH_TYPE_APPLICATION (lekh_application_get_type ())

G_DECLARE_FINAL_TYPE (LekhApplication, lekh_application, LEKH, APPLICATION, AdwApplication)

LekhApplication *lekh_application_new (void);

G_END_DECLS
