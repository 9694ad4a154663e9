/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lekh-error.h"
#include "lekh-node.h"

G_BEGIN_DECLS

/* Internal to the core: what the TOML and JSON readers share about the text they read,
 * the line and column of an offset, the first error met (with its position) and a name
 * for what stands at an offset ("“x”", "a line break", "the end of the text").
 *
 * Positions are best asked for in increasing order: each is counted from the last one
 * asked for, so a reader that asks as it goes spends linear time in all. */
typedef struct
{
  const char *text;
  gsize       start;
  gsize       end;
  guint       first_line;
  gboolean    lone_cr_breaks;   /* a CR without LF is named a line break (JSON), not U+000D */

  /*< private >*/
  gsize       cursor;
  guint       cursor_line;
  guint       cursor_column;
  GError     *error;
  guint       error_line;
  guint       error_column;
} LekhTextCursor;

/* TEXT[START, END), whose first byte is on line FIRST_LINE, column 1. */
void      lekh_text_cursor_init       (LekhTextCursor  *self,
                                       const char      *text,
                                       gsize            start,
                                       gsize            end,
                                       guint            first_line);
/* The line and column (counted in characters) of OFFSET, START <= OFFSET <= END. */
void      lekh_text_cursor_position   (LekhTextCursor  *self,
                                       gsize            offset,
                                       guint           *line,
                                       guint           *column);
/* An empty span at OFFSET. */
LekhSpan  lekh_text_cursor_span       (LekhTextCursor  *self,
                                       gsize            offset);
/* Records "Line L, column C: message" at OFFSET (at most END) unless an error is recorded
 * already: the first one stands. Always returns FALSE, for "return fail (...);". */
gboolean  lekh_text_cursor_fail       (LekhTextCursor  *self,
                                       gsize            offset,
                                       int              code,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (4, 5);
/* What stands at OFFSET, for a message: "“x”", "a line break", "the end of the text",
 * "the control character U+0007". */
char     *lekh_text_cursor_describe   (LekhTextCursor  *self,
                                       gsize            offset);
/* When an error was recorded: hands it to ERROR (and its position to ERROR_LINE and
 * ERROR_COLUMN, when given) and returns TRUE. */
gboolean  lekh_text_cursor_take_error (LekhTextCursor  *self,
                                       guint           *error_line,
                                       guint           *error_column,
                                       GError         **error);

G_END_DECLS
