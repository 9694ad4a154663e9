/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* After a large transient allocation (loading a long article, parsing all of it for the
 * preview), hands the memory freed since back to the system a moment later, when the
 * main loop is idle. glibc keeps freed small blocks in its heap otherwise, and a 6 MB
 * article's copies and parse tree would stay resident for the life of the window. */
void lekh_memory_trim_soon (void);

G_END_DECLS
