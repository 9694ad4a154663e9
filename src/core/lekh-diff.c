/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-diff.h"

#define CONTEXT 3

typedef struct
{
  const char *start;
  gsize       len;        /* with its line break */
} Line;

static GArray *
split_lines (const char *text,
             gsize       len)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  gsize p = 0;

  while (p < len)
    {
      const char *nl = memchr (text + p, '\n', len - p);
      Line line = { text + p, nl ? (gsize) (nl - (text + p)) + 1 : len - p };

      g_array_append_val (lines, line);
      p += line.len;
    }
  return lines;
}

static gboolean
line_equal (const Line *a,
            const Line *b)
{
  return a->len == b->len && memcmp (a->start, b->start, a->len) == 0;
}

static void
append_line (GString    *out,
             char        mark,
             const Line *line)
{
  g_string_append_c (out, mark);
  g_string_append_len (out, line->start, line->len);
  if (line->len == 0 || line->start[line->len - 1] != '\n')
    g_string_append (out, "\n\\ No newline at end of file\n");
}

/* "start,count" as diff writes it: a range of no lines names the line before it. */
static void
append_range (GString *out,
              guint    first,
              guint    count)
{
  if (count == 1)
    g_string_append_printf (out, "%u", first + 1);
  else
    g_string_append_printf (out, "%u,%u", count == 0 ? first : first + 1, count);
}

char *
lekh_diff_unified (const char *label,
                   const char *old_text,
                   gsize       old_len,
                   const char *new_text,
                   gsize       new_len)
{
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  guint head = 0, tail = 0, from, to_a, to_b;
  GString *out;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (old_text != NULL || old_len == 0, NULL);
  g_return_val_if_fail (new_text != NULL || new_len == 0, NULL);

  if (old_len == new_len && memcmp (old_text, new_text, old_len) == 0)
    return g_strdup ("");

  a = split_lines (old_text, old_len);
  b = split_lines (new_text, new_len);
  while (head < a->len && head < b->len &&
         line_equal (&g_array_index (a, Line, head), &g_array_index (b, Line, head)))
    head++;
  while (tail < a->len - head && tail < b->len - head &&
         line_equal (&g_array_index (a, Line, a->len - 1 - tail),
                     &g_array_index (b, Line, b->len - 1 - tail)))
    tail++;

  from = head > CONTEXT ? head - CONTEXT : 0;
  to_a = MIN (a->len, a->len - tail + CONTEXT);
  to_b = MIN (b->len, b->len - tail + CONTEXT);

  out = g_string_new (NULL);
  /* git's a/ b/ prefixes for a relative path, so that `git apply` takes it. */
  if (g_path_is_absolute (label))
    g_string_append_printf (out, "--- %s\n+++ %s\n@@ -", label, label);
  else
    g_string_append_printf (out, "--- a/%s\n+++ b/%s\n@@ -", label, label);
  append_range (out, from, to_a - from);
  g_string_append (out, " +");
  append_range (out, from, to_b - from);
  g_string_append (out, " @@\n");
  for (guint i = from; i < head; i++)
    append_line (out, ' ', &g_array_index (a, Line, i));
  for (guint i = head; i < a->len - tail; i++)
    append_line (out, '-', &g_array_index (a, Line, i));
  for (guint i = head; i < b->len - tail; i++)
    append_line (out, '+', &g_array_index (b, Line, i));
  for (guint i = a->len - tail; i < to_a; i++)
    append_line (out, ' ', &g_array_index (a, Line, i));
  return g_string_free (out, FALSE);
}
