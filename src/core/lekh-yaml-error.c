/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lekh-yaml-error.h"

typedef enum
{
  MOVE_NONE,
  MOVE_TO_OPENER,     /* the unclosed [ or { before the error */
  MOVE_TO_PREVIOUS,   /* the last non-blank line before the error, when it is at a line start */
} Move;

typedef struct
{
  const char *problem;  /* libyaml's words (never translated) */
  const char *plain;
  Move        move;
} Explanation;

static const Explanation explanations[] = {
  { "did not find expected ',' or ']'",
    N_("A list in [ ] is not closed: a “]” is missing, or a “,” between two items"),
    MOVE_TO_OPENER },
  { "did not find expected ',' or '}'",
    N_("A group in { } is not closed: a “}” is missing, or a “,” between two entries"),
    MOVE_TO_OPENER },
  { "could not find expected ':'",
    N_("This line is not “key: value”: its “:” is missing (or a quote is not closed)"),
    MOVE_TO_PREVIOUS },
  { "mapping values are not allowed in this context",
    N_("A “: ” inside a value: put the value in quotes"),
    MOVE_NONE },
  { "did not find expected key",
    N_("This line is indented differently from the keys around it"),
    MOVE_NONE },
  { "block sequence entries are not allowed in this context",
    N_("A “- ” list item where a value was expected: start the list on the next line, indented"),
    MOVE_NONE },
  { "found character that cannot start any token",
    N_("A value starts with a character YAML keeps for itself (such as @, ` or &): put the value in quotes"),
    MOVE_NONE },
  { "found unexpected end of stream",
    N_("A quoted value is not closed: its closing quote is missing"),
    MOVE_TO_PREVIOUS },
  { "found unknown escape character",
    N_("A “\\” in a value in double quotes: write “\\\\”, or use single quotes"),
    MOVE_NONE },
  { "found undefined alias",
    N_("A “*name” refers to an anchor “&name” that is not defined"),
    MOVE_NONE },
};

/* Byte offsets of the starts of lines 1…n (index 0 unused). */
static gsize
line_start (const char *text,
            gsize       len,
            guint       line)
{
  gsize at = 0;

  for (guint l = 1; l < line && at < len; at++)
    if (text[at] == '\n')
      l++;
  return MIN (at, len);
}

static void
position_of (const char *text,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  guint l = 1;
  gsize ls = 0;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        l++;
        ls = i + 1;
      }
  *line = l;
  *column = (guint) g_utf8_strlen (text + ls, offset - ls) + 1;
}

static gboolean
find_opener (const char *text,
             gsize       end,
             gsize      *opener)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gsize));
  char quote = 0;

  for (gsize i = 0; i < end; i++)
    {
      char c = text[i];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
          continue;
        }
      if (c == '"' || c == '\'')
        {
          /* Only a quote that starts a scalar opens one ("it's" does not). */
          if (i == 0 || strchr (" \t[{,:\n", text[i - 1]) != NULL)
            quote = c;
        }
      else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n'))
        {
          while (i < end && text[i] != '\n')
            i++;
        }
      else if (c == '[' || c == '{')
        g_array_append_val (stack, i);
      else if ((c == ']' || c == '}') && stack->len > 0)
        g_array_set_size (stack, stack->len - 1);
    }
  if (stack->len == 0)
    return FALSE;
  *opener = g_array_index (stack, gsize, stack->len - 1);
  return TRUE;
}

char *
lekh_yaml_error_explain (const char *text,
                         gsize       len,
                         const char *message,
                         guint       line,
                         guint       column,
                         guint      *out_line,
                         guint      *out_column)
{
  const Explanation *found = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  if (out_line)
    *out_line = line;
  if (out_column)
    *out_column = column;
  for (guint i = 0; i < G_N_ELEMENTS (explanations); i++)
    if (strstr (message, explanations[i].problem) != NULL)
      {
        found = &explanations[i];
        break;
      }
  if (found == NULL || text == NULL)
    return g_strdup (message);

  if (found->move == MOVE_TO_OPENER)
    {
      gsize end = line_start (text, len, line);
      gsize opener;

      /* The error's own line too, up to where it was reported. */
      end = MIN (len, end + (gsize) (g_utf8_offset_to_pointer (text + end, column > 0 ? column - 1 : 0) - (text + end)));
      if (find_opener (text, end, &opener) && out_line && out_column)
        position_of (text, opener, out_line, out_column);
    }
  else if (found->move == MOVE_TO_PREVIOUS && column <= 1 && line > 1)
    {
      guint previous = line - 1;

      while (previous > 1)
        {
          gsize ls = line_start (text, len, previous);
          gsize k = ls;

          while (k < len && (text[k] == ' ' || text[k] == '\t'))
            k++;
          if (k < len && text[k] != '\n' && text[k] != '\r')
            break;
          previous--;
        }
      if (out_line)
        *out_line = previous;
      if (out_column)
        *out_column = 1;
    }

  return g_strdup (_(found->plain));
}
