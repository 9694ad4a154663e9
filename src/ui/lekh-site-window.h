/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lekh-site-view.h"

G_BEGIN_DECLS

/* Only the type is needed here; lekh-application.h includes this header. */
typedef struct _LekhApplication LekhApplication;

#define LEKH_TYPE_SITE_WINDOW (lekh_site_window_get_type ())

G_DECLARE_FINAL_TYPE (LekhSiteWindow, lekh_site_window, LEKH, SITE_WINDOW, AdwApplicationWindow)

/* A window with the site overview of the site at ROOT; a row opens its article in an
 * editor window. */
LekhSiteWindow *lekh_site_window_new      (LekhApplication *app,
                                           GFile           *root);
GFile          *lekh_site_window_get_root (LekhSiteWindow  *self);
LekhSiteView   *lekh_site_window_get_view (LekhSiteWindow  *self);

G_END_DECLS
