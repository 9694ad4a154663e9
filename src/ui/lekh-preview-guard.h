/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-window.h"

G_BEGIN_DECLS

/* Articles larger than this open with the live preview paused. */
#define LEKH_PREVIEW_GUARD_LIMIT (8 * 1024 * 1024)

/* Before WINDOW loads FILE: a very large article would have the live preview render all
 * of it at once and block typing for many seconds, so the preview is paused and a notice
 * in its place says why, with a button to show it anyway. A normal-sized file brings the
 * live preview back. Returns whether the preview is paused. */
gboolean lekh_preview_guard_check      (LekhWindow *window,
                                        GFile      *file);
gboolean lekh_preview_guard_is_paused  (LekhWindow *window);
/* Shows the live preview again (the writer's choice, whatever the size). */
void     lekh_preview_guard_resume     (LekhWindow *window);

G_END_DECLS
