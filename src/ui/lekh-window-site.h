/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-window.h"

G_BEGIN_DECLS

/* The site overview from an article's window: a header-bar button and win.show-site
 * (Ctrl+Shift+O), shown only while the article belongs to a Docusaurus, Hugo or Jekyll
 * site. Called once from the window's init. */
void lekh_window_setup_site_overview (LekhWindow *self);

G_END_DECLS
