/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lekh-text-cursor.h"

void
lekh_text_cursor_init (LekhTextCursor *self,
                       const char     *text,
                       gsize           start,
                       gsize           end,
                       guint           first_line)
{
  g_assert (start <= end && first_line >= 1);

  *self = (LekhTextCursor) { 0 };
  self->text = text;
  self->start = self->cursor = start;
  self->end = end;
  self->first_line = self->cursor_line = first_line;
  self->cursor_column = 1;
}

void
lekh_text_cursor_position (LekhTextCursor *self,
                           gsize           offset,
                           guint          *line,
                           guint          *column)
{
  g_assert (offset >= self->start && offset <= self->end);

  if (offset < self->cursor)
    {
      self->cursor = self->start;
      self->cursor_line = self->first_line;
      self->cursor_column = 1;
    }
  for (; self->cursor < offset; self->cursor++)
    {
      guchar c = self->text[self->cursor];

      if (c == '\n')
        {
          self->cursor_line++;
          self->cursor_column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        self->cursor_column++;
    }
  *line = self->cursor_line;
  *column = self->cursor_column;
}

LekhSpan
lekh_text_cursor_span (LekhTextCursor *self,
                       gsize           offset)
{
  LekhSpan span = { offset, offset, 0, 0 };

  lekh_text_cursor_position (self, offset, &span.line, &span.column);
  return span;
}

gboolean
lekh_text_cursor_fail (LekhTextCursor *self,
                       gsize           offset,
                       int             code,
                       const char     *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (self->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  lekh_text_cursor_position (self, MIN (offset, self->end), &self->error_line,
                             &self->error_column);
  self->error = g_error_new (LEKH_ERROR, code, _("Line %u, column %u: %s"),
                             self->error_line, self->error_column, message);
  return FALSE;
}

char *
lekh_text_cursor_describe (LekhTextCursor *self,
                           gsize           offset)
{
  const char *text = self->text;
  guchar c;

  if (offset >= self->end)
    return g_strdup (_("the end of the text"));
  c = text[offset];
  if (c == '\n' ||
      (c == '\r' && (self->lone_cr_breaks || (offset + 1 < self->end && text[offset + 1] == '\n'))))
    return g_strdup (_("a line break"));
  if (c < 0x20 || c == 0x7f)
    return g_strdup_printf (_("the control character U+%04X"), c);
  if (c < 0x80)
    return g_strdup_printf ("“%c”", c);
  return g_strdup_printf ("“%.*s”", (int) MIN ((gsize) g_utf8_skip[c], self->end - offset),
                          text + offset);
}

gboolean
lekh_text_cursor_take_error (LekhTextCursor  *self,
                             guint           *error_line,
                             guint           *error_column,
                             GError         **error)
{
  if (self->error == NULL)
    return FALSE;
  if (error_line != NULL)
    *error_line = self->error_line;
  if (error_column != NULL)
    *error_column = self->error_column;
  g_propagate_error (error, g_steal_pointer (&self->error));
  return TRUE;
}
