/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A unified diff ("--- a/LABEL", "+++ b/LABEL"; a path as it is when absolute; one hunk with up to 3 lines of context)
 * from OLD to NEW: the lines between their common first and last lines. Exact for one
 * edit, as Lekh makes them; "" when the texts are equal. A last line without a line
 * break is marked "\ No newline at end of file". */
char *lekh_diff_unified (const char *label,
                         const char *old_text,
                         gsize       old_len,
                         const char *new_text,
                         gsize       new_len);

G_END_DECLS
