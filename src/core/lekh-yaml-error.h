/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* libyaml's error messages are written for parser authors ("did not find expected ',' or
 * ']' while parsing a flow sequence") and point where the parser gave up, often the line
 * after the mistake. This says the same in plain words and moves the position to the
 * mistake: the "[" or "{" left open, or the line missing its ":".
 * TEXT is the whole file (LEN bytes), MESSAGE the article's error message, LINE and
 * COLUMN (1-based, column in characters) where it was reported. Returns a new message
 * (MESSAGE itself when there is nothing better to say) and sets *OUT_LINE, *OUT_COLUMN. */
char *lekh_yaml_error_explain (const char *text,
                               gsize       len,
                               const char *message,
                               guint       line,
                               guint       column,
                               guint      *out_line,
                               guint      *out_column);

G_END_DECLS
