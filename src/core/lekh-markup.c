/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-markup.h"
#include "lekh-text.h"

void
lekh_markup_edit_clear (LekhMarkupEdit *edit)
{
  g_return_if_fail (edit != NULL);
  g_clear_pointer (&edit->replacement, g_free);
  memset (edit, 0, sizeof *edit);
}

static char *
ucs4_to_utf8 (const gunichar *u,
              gsize           start,
              gsize           end)
{
  return g_ucs4_to_utf8 (u + start, (glong) (end - start), NULL, NULL, NULL);
}

static gboolean
is_word (gunichar c)
{
  /* ZWJ and ZWNJ shape Devanagari conjuncts inside a word. */
  return lekh_text_is_word_char (c) || c == 0x200C || c == 0x200D || c == '\'';
}

static gsize
count_run (const gunichar *u,
           gsize           n,
           gsize           at,
           gunichar        c,
           gboolean        backward)
{
  gsize k = 0;

  if (backward)
    while (k < at && u[at - 1 - k] == c)
      k++;
  else
    while (at + k < n && u[at + k] == c)
      k++;
  return k;
}

/* How many marks to take from a run of RUN mark characters for STYLE, or 0 when the run
 * does not carry it (a lone '*' is italic, not bold; "***" is both). */
static gsize
marks_in_run (LekhMarkupStyle style,
              gsize           run)
{
  switch (style)
    {
    case LEKH_MARKUP_BOLD:
      return run >= 2 ? 2 : 0;
    case LEKH_MARKUP_ITALIC:
      return (run % 2) == 1 ? 1 : 0;
    case LEKH_MARKUP_CODE:
      return run >= 1 ? 1 : 0;
    case LEKH_MARKUP_LINK:
    default:
      return 0;
    }
}

static gboolean
looks_like_url (const char *text)
{
  return g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://") ||
         g_str_has_prefix (text, "mailto:") || g_str_has_prefix (text, "www.");
}

static gboolean
toggle_link (const gunichar *u,
             gsize           n,
             gsize           s,
             gsize           e,
             gboolean        had_selection,
             gsize           cursor,
             LekhMarkupEdit *edit)
{
  g_autofree char *inner = ucs4_to_utf8 (u, s, e);

  /* "[text](url)" around the selection: keep only the text. */
  if (s > 0 && u[s - 1] == '[' && e + 1 < n && u[e] == ']' && u[e + 1] == '(')
    {
      gsize close = e + 2;

      while (close < n && u[close] != ')')
        close++;
      if (close < n)
        {
          edit->start = s - 1;
          edit->end = close + 1;
          edit->replacement = g_steal_pointer (&inner);
          edit->select_start = s - 1;
          edit->select_end = had_selection ? e - 1 : cursor - 1;
          return TRUE;
        }
    }

  edit->start = s;
  edit->end = e;
  if (s < e && looks_like_url (inner))
    {
      /* A selected address becomes the target; the cursor waits for the text. */
      edit->replacement = g_strdup_printf ("[](%s)", inner);
      edit->select_start = edit->select_end = s + 1;
    }
  else
    {
      edit->replacement = g_strdup_printf ("[%s]()", inner);
      edit->select_start = edit->select_end = s == e ? s + 1 : e + 3;
    }
  return TRUE;
}

/* Long because toggling is three tries in order, each ending the call when it applies:
 * marks just outside the selection (or the word at the cursor) are removed, then marks
 * just inside a selection, else the text is wrapped; each try also places the selection or
 * cursor where it belongs afterwards, which takes most of the lines. */
gboolean
lekh_markup_toggle (const char      *text,
                    gsize            sel_start,
                    gsize            sel_end,
                    LekhMarkupStyle  style,
                    LekhMarkupEdit  *edit)
{
  g_autofree gunichar *u = NULL;
  glong n_long = 0;
  gsize n, s, e, cursor;
  gboolean had_selection;
  const char *mark;
  gunichar mc;
  gsize before, after, take;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  memset (edit, 0, sizeof *edit);
  if ((u = g_utf8_to_ucs4 (text, -1, NULL, &n_long, NULL)) == NULL)
    return FALSE;
  n = (gsize) n_long;
  s = MIN (MIN (sel_start, sel_end), n);
  e = MIN (MAX (sel_start, sel_end), n);
  cursor = s;
  had_selection = s < e;

  if (!had_selection)
    {
      gsize ws = s, we = s;

      while (ws > 0 && is_word (u[ws - 1]))
        ws--;
      while (we < n && is_word (u[we]))
        we++;
      s = ws;
      e = we;
    }

  if (style == LEKH_MARKUP_LINK)
    return toggle_link (u, n, s, e, had_selection, cursor, edit);

  mark = style == LEKH_MARKUP_BOLD ? "**" : style == LEKH_MARKUP_ITALIC ? "*" : "`";
  mc = (gunichar) mark[0];

  /* Marks just outside the selection (or word, or around the cursor): remove them. */
  before = count_run (u, n, s, mc, TRUE);
  after = count_run (u, n, e, mc, FALSE);
  take = MIN (marks_in_run (style, before), marks_in_run (style, after));
  if (take > 0)
    {
      g_autofree char *inner = ucs4_to_utf8 (u, s, e);

      edit->start = s - take;
      edit->end = e + take;
      edit->replacement = g_steal_pointer (&inner);
      if (had_selection)
        {
          edit->select_start = s - take;
          edit->select_end = e - take;
        }
      else
        edit->select_start = edit->select_end = cursor - take;
      return TRUE;
    }

  /* Marks just inside a selection: remove them. */
  if (had_selection)
    {
      gsize lead = count_run (u, n, s, mc, FALSE);
      gsize trail = count_run (u, n, e, mc, TRUE);

      take = MIN (marks_in_run (style, MIN (lead, e - s)), marks_in_run (style, MIN (trail, e - s)));
      if (take > 0 && e - s > 2 * take)
        {
          edit->start = s;
          edit->end = e;
          edit->replacement = ucs4_to_utf8 (u, s + take, e - take);
          edit->select_start = s;
          edit->select_end = e - 2 * take;
          return TRUE;
        }
    }

  /* Wrap. */
  {
    g_autofree char *inner = ucs4_to_utf8 (u, s, e);
    gsize len = strlen (mark);

    edit->start = s;
    edit->end = e;
    edit->replacement = g_strconcat (mark, inner, mark, NULL);
    if (had_selection)
      {
        edit->select_start = s + len;
        edit->select_end = e + len;
      }
    else
      edit->select_start = edit->select_end = cursor + len;
  }
  return TRUE;
}

/* The heading marker at the start of LINE: its level (0: none) and its length in
 * characters, the spaces after the hashes included. */
static guint
heading_marker (const char *line,
                gsize      *length)
{
  guint hashes = 0;
  gsize i;

  while (line[hashes] == '#')
    hashes++;
  if (hashes == 0 || hashes > 6 || (line[hashes] != '\0' && line[hashes] != ' ' && line[hashes] != '\t'))
    {
      *length = 0;
      return 0;
    }
  for (i = hashes; line[i] == ' ' || line[i] == '\t'; i++)
    ;
  *length = i;
  return hashes;
}

gboolean
lekh_markup_change_heading (const char     *line,
                            int             delta,
                            LekhMarkupEdit *edit)
{
  gsize length;
  guint level, target;

  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  memset (edit, 0, sizeof *edit);
  level = heading_marker (line, &length);
  if (delta > 0)
    target = level == 0 ? 6 : level > 1 ? level - 1 : 1;
  else if (delta < 0)
    target = level == 0 ? 0 : level == 6 ? 0 : level + 1;
  else
    target = level;
  if (target == level)
    return FALSE;

  edit->start = 0;
  edit->end = length;
  if (target == 0)
    edit->replacement = g_strdup ("");
  else
    {
      edit->replacement = g_strnfill (target + 1, '#');
      edit->replacement[target] = ' ';
    }
  edit->select_start = edit->select_end = strlen (edit->replacement);
  return TRUE;
}

/* Long because it reads the line's marker, one branch per kind (a bullet with or without a
 * task box, a number with its . or ), a quote's >), each building the marker of the next
 * line, then either ends the list on an empty item or continues it; the branches share the
 * position reached and the indent. */
LekhListAction
lekh_markup_continue_list (const char     *line,
                           gsize           cursor,
                           LekhMarkupEdit *edit)
{
  g_autofree gunichar *u = NULL;
  glong n_long = 0;
  gsize n, i = 0, indent, marker_end;
  g_autofree char *indent_text = NULL;
  g_autofree char *next = NULL;
  gboolean empty = TRUE;

  g_return_val_if_fail (line != NULL, LEKH_LIST_NONE);
  g_return_val_if_fail (edit != NULL, LEKH_LIST_NONE);

  memset (edit, 0, sizeof *edit);
  if ((u = g_utf8_to_ucs4 (line, -1, NULL, &n_long, NULL)) == NULL)
    return LEKH_LIST_NONE;
  n = (gsize) n_long;
  cursor = MIN (cursor, n);

  while (i < n && (u[i] == ' ' || u[i] == '\t'))
    i++;
  indent = i;
  indent_text = ucs4_to_utf8 (u, 0, indent);

  if (i < n && (u[i] == '-' || u[i] == '*' || u[i] == '+') && i + 1 < n && u[i + 1] == ' ')
    {
      gunichar bullet = u[i];

      i += 2;
      if (i + 3 <= n && u[i] == '[' && (u[i + 1] == ' ' || u[i + 1] == 'x' || u[i + 1] == 'X') &&
          u[i + 2] == ']' && (i + 3 == n || u[i + 3] == ' '))
        {
          i = MIN (i + 4, n);
          next = g_strdup_printf ("%s%c [ ] ", indent_text, (char) bullet);
        }
      else
        next = g_strdup_printf ("%s%c ", indent_text, (char) bullet);
    }
  else if (i < n && g_ascii_isdigit (u[i]))
    {
      guint64 number = 0;
      gsize digits = 0;

      while (i < n && g_ascii_isdigit (u[i]) && digits < 9)
        {
          number = number * 10 + (u[i] - '0');
          i++;
          digits++;
        }
      if (i + 1 >= n || (u[i] != '.' && u[i] != ')') || u[i + 1] != ' ')
        return LEKH_LIST_NONE;
      next = g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c ", indent_text, number + 1, (char) u[i]);
      i += 2;
    }
  else if (i < n && u[i] == '>')
    {
      i++;
      if (i < n && u[i] == ' ')
        i++;
      next = g_strdup_printf ("%s> ", indent_text);
    }
  else
    return LEKH_LIST_NONE;

  marker_end = i;
  if (cursor < marker_end)
    return LEKH_LIST_NONE;

  for (gsize k = marker_end; k < n; k++)
    if (!g_unichar_isspace (u[k]))
      empty = FALSE;

  if (empty)
    {
      /* Enter on an empty item ends the list: the marker goes, the line stays. */
      edit->start = 0;
      edit->end = n;
      edit->replacement = g_strdup ("");
      edit->select_start = edit->select_end = 0;
      return LEKH_LIST_END;
    }

  edit->start = cursor;
  edit->end = cursor;
  edit->replacement = g_strconcat ("\n", next, NULL);
  edit->select_start = edit->select_end = cursor + g_utf8_strlen (edit->replacement, -1);
  return LEKH_LIST_CONTINUE;
}

gboolean
lekh_markup_parse_position (const char *text,
                            guint      *line,
                            guint      *column)
{
  guint64 l = 0, c = 0;
  char *end = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  while (g_ascii_isspace (*text))
    text++;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  l = g_ascii_strtoull (text, &end, 10);
  if (*end == ':' || *end == ',')
    {
      const char *col = end + 1;

      if (!g_ascii_isdigit (*col))
        return FALSE;
      c = g_ascii_strtoull (col, &end, 10);
    }
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || l == 0 || l > G_MAXINT || c > G_MAXINT)
    return FALSE;
  if (line)
    *line = (guint) l;
  if (column)
    *column = (guint) c;
  return TRUE;
}

char *
lekh_markup_front_matter_template (const char *profile,
                                   const char *date,
                                   gsize      *title_offset)
{
  const char *rest;
  GString *text;

  g_return_val_if_fail (date != NULL, NULL);

  /* The keys each generator's own templates start with. */
  if (g_strcmp0 (profile, "docusaurus") == 0)
    rest = "description: \nauthors: []\ntags: []\n";
  else if (g_strcmp0 (profile, "hugo") == 0)
    rest = "date: @DATE@\ndraft: true\ntags: []\n";
  else if (g_strcmp0 (profile, "jekyll") == 0)
    rest = "layout: post\ndate: @DATE@\ncategories: []\n";
  else
    rest = "description: \ndate: @DATE@\ntags: []\n";

  text = g_string_new ("---\ntitle: \n");
  g_string_append (text, rest);
  g_string_append (text, "---\n\n");
  g_string_replace (text, "@DATE@", date, 0);
  if (title_offset != NULL)
    *title_offset = strlen ("---\ntitle: ");
  return g_string_free (text, FALSE);
}
