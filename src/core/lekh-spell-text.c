/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-spell-text.h"
#include "lekh-text.h"

/* A scanner over one line at a time, in characters. */
typedef struct
{
  const gunichar *u;
  gsize           n;
  gsize           base;   /* the line's offset in the whole text */
  GArray         *out;
} Line;

static gboolean
is_devanagari (gunichar c)
{
  return c >= 0x0900 && c <= 0x097F;
}

static gboolean
word_char (gunichar c)
{
  return lekh_text_is_word_char (c) || c == 0x200C || c == 0x200D;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c);
}

static gboolean
starts_with (const Line *l,
             gsize       i,
             const char *ascii)
{
  for (gsize k = 0; ascii[k] != '\0'; k++)
    if (i + k >= l->n || g_unichar_tolower (l->u[i + k]) != (gunichar) ascii[k])
      return FALSE;
  return TRUE;
}

static void
add_word (Line  *l,
          gsize  start,
          gsize  end)
{
  gboolean has_lower = FALSE, has_upper = FALSE, skip = FALSE;
  LekhSpellRange range;

  for (gsize k = start; k < end; k++)
    {
      gunichar c = l->u[k];

      if (g_unichar_isdigit (c) || c == '_')
        skip = TRUE;
      if (g_unichar_islower (c))
        has_lower = TRUE;
      if (g_unichar_isupper (c))
        has_upper = TRUE;
    }
  /* "NASA", "HTML": acronyms are not in dictionaries. */
  if (has_upper && !has_lower && end - start > 1)
    skip = TRUE;
  if (skip)
    return;
  range.start = (guint) (l->base + start);
  range.end = (guint) (l->base + end);
  g_array_append_val (l->out, range);
}

/* The end of a token that is not prose (a URL, an address): up to white space. */
static gsize
skip_token (const Line *l,
            gsize       i)
{
  while (i < l->n && !is_space (l->u[i]) && l->u[i] != '<' && l->u[i] != '>')
    i++;
  return i;
}

/* Adds the words of L between FROM and TO, skipping what is not prose. Long because it is
 * one pass over the characters, a branch per thing that is not prose (code spans, link
 * targets, tags and autolinks, bare addresses) and the word branch, which also drops words
 * that are part of an address, a path or an identifier; each branch moves the same index. */
static void
scan_prose (Line  *l,
            gsize  from,
            gsize  to)
{
  gsize i = from;

  while (i < to)
    {
      gunichar c = l->u[i];

      if (c == '`')
        {
          /* A code span: up to a run of as many backticks. */
          gsize run = 0, j;

          while (i + run < to && l->u[i + run] == '`')
            run++;
          for (j = i + run; j < to; j++)
            if (l->u[j] == '`')
              {
                gsize close = 0;

                while (j + close < to && l->u[j + close] == '`')
                  close++;
                if (close == run)
                  break;
                j += close - 1;
              }
          i = j < to ? j + run : i + run;
          continue;
        }
      if (c == ']' && i + 1 < to && l->u[i + 1] == '(')
        {
          /* A link or image target: "](…)". */
          gsize depth = 0;

          for (i += 1; i < to; i++)
            {
              if (l->u[i] == '(')
                depth++;
              else if (l->u[i] == ')' && --depth == 0)
                break;
            }
          i++;
          continue;
        }
      if (c == '<')
        {
          /* An HTML tag or an autolink. */
          gsize j = i + 1;

          while (j < to && l->u[j] != '>' && l->u[j] != '\n')
            j++;
          if (j < to && l->u[j] == '>')
            {
              i = j + 1;
              continue;
            }
        }
      if (starts_with (l, i, "http://") || starts_with (l, i, "https://") ||
          starts_with (l, i, "www.") || starts_with (l, i, "mailto:") || starts_with (l, i, "ftp://"))
        {
          i = skip_token (l, i);
          continue;
        }
      if (word_char (c))
        {
          gsize start = i, end;

          while (i < to && (word_char (l->u[i]) ||
                            ((l->u[i] == '\'' || l->u[i] == 0x2019) && i + 1 < to &&
                             word_char (l->u[i + 1]) && i > start)))
            i++;
          end = i;
          /* Part of an address, a path, a file name or an identifier: not a word. */
          if ((i < to && (l->u[i] == '@' || l->u[i] == '/' ||
                          ((l->u[i] == '.' || l->u[i] == '_') && i + 1 < to && word_char (l->u[i + 1])))) ||
              (start > from && (l->u[start - 1] == '@' || l->u[start - 1] == '/')) ||
              (start > from + 1 && (l->u[start - 1] == '.' || l->u[start - 1] == '_') &&
               word_char (l->u[start - 2])))
            {
              while (i < to && !is_space (l->u[i]))
                i++;
              continue;
            }
          add_word (l, start, end);
          continue;
        }
      i++;
    }
}

static gboolean
is_fence (const Line *l,
          gunichar   *fence_char,
          gsize      *fence_len)
{
  gsize i = 0, run = 0;

  while (i < l->n && i < 3 && l->u[i] == ' ')
    i++;
  if (i >= l->n || (l->u[i] != '`' && l->u[i] != '~'))
    return FALSE;
  while (i + run < l->n && l->u[i + run] == l->u[i])
    run++;
  if (run < 3)
    return FALSE;
  *fence_char = l->u[i];
  *fence_len = run;
  return TRUE;
}

static gboolean
is_blank (const Line *l)
{
  for (gsize i = 0; i < l->n; i++)
    if (!is_space (l->u[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_prose_key (const Line *l,
              gsize      *value_start)
{
  static const char * const keys[] = { "title", "description", "summary", "subtitle", "excerpt", NULL };

  for (guint k = 0; keys[k] != NULL; k++)
    {
      gsize len = strlen (keys[k]);

      if (starts_with (l, 0, keys[k]) && len < l->n && l->u[len] == ':')
        {
          *value_start = len + 1;
          return TRUE;
        }
    }
  return FALSE;
}

GArray *
lekh_spell_text_ranges (const char *text)
{
  g_autofree gunichar *u = NULL;
  glong n_long = 0;
  gsize n, pos = 0;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (LekhSpellRange));
  gboolean in_front_matter = FALSE, in_fence = FALSE, prev_blank = TRUE, in_indented = FALSE;
  gunichar fence_char = 0;
  gsize fence_len = 0;
  guint line_no = 0;

  g_return_val_if_fail (text != NULL, out);

  if ((u = g_utf8_to_ucs4 (text, -1, NULL, &n_long, NULL)) == NULL)
    return out;
  n = (gsize) n_long;
  if (n > 0 && u[0] == 0xFEFF)
    pos = 1;

  while (pos <= n)
    {
      gsize end = pos;
      Line l;

      while (end < n && u[end] != '\n')
        end++;
      l.u = u + pos;
      l.n = end - pos;
      if (l.n > 0 && l.u[l.n - 1] == '\r')
        l.n--;
      l.base = pos;
      l.out = out;

      if (line_no == 0 && l.n == 3 && starts_with (&l, 0, "---"))
        in_front_matter = TRUE;
      else if (in_front_matter)
        {
          gsize value;

          if ((l.n == 3 && (starts_with (&l, 0, "---") || starts_with (&l, 0, "..."))))
            in_front_matter = FALSE;
          else if (is_prose_key (&l, &value))
            scan_prose (&l, value, l.n);
        }
      else
        {
          gunichar fc;
          gsize flen;

          if (in_fence)
            {
              if (is_fence (&l, &fc, &flen) && fc == fence_char && flen >= fence_len)
                in_fence = FALSE;
            }
          else if (is_fence (&l, &fence_char, &fence_len))
            in_fence = TRUE;
          else if (!is_blank (&l) && (l.u[0] == '\t' || starts_with (&l, 0, "    ")) &&
                   (prev_blank || in_indented))
            in_indented = TRUE;
          else
            {
              in_indented = FALSE;
              scan_prose (&l, 0, l.n);
            }
          prev_blank = is_blank (&l);
          if (!prev_blank && !(l.u[0] == '\t' || starts_with (&l, 0, "    ")))
            in_indented = FALSE;
        }

      line_no++;
      pos = end + 1;
    }
  return out;
}

gboolean
lekh_spell_text_is_devanagari (const char *word)
{
  g_return_val_if_fail (word != NULL, FALSE);

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (is_devanagari (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static char *
front_matter_language (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  if (!g_str_has_prefix (text, "---\n") && !g_str_has_prefix (text, "---\r\n"))
    return NULL;
  lines = g_strsplit (text, "\n", 200);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      const char *value = NULL;

      if (g_str_equal (line, "---") || g_str_equal (line, "..."))
        break;
      if (g_str_has_prefix (line, "lang:"))
        value = line + 5;
      else if (g_str_has_prefix (line, "language:"))
        value = line + 9;
      else if (g_str_has_prefix (line, "locale:"))
        value = line + 7;
      if (value != NULL)
        {
          g_autofree char *v = g_strstrip (g_strdup (value));
          GString *out = g_string_new (NULL);

          for (const char *p = v; *p; p++)
            {
              if (*p == '"' || *p == '\'')
                continue;
              g_string_append_c (out, *p == '-' ? '_' : *p);
            }
          if (out->len >= 2 && out->len <= 16)
            return g_string_free (out, FALSE);
          g_string_free (out, TRUE);
        }
    }
  return NULL;
}

char *
lekh_spell_text_language (const char *text)
{
  char *lang;
  gsize deva = 0, letters = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if ((lang = front_matter_language (text)) != NULL)
    return lang;

  /* Words, not letters: a Devanagari letter's vowel signs are marks, not letters. */
  {
    gboolean in_word = FALSE, word_deva = FALSE;

    for (const char *p = text;; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (c != 0 && word_char (c))
          {
            in_word = TRUE;
            word_deva = word_deva || is_devanagari (c);
          }
        else if (in_word)
          {
            letters++;
            deva += word_deva;
            in_word = word_deva = FALSE;
          }
        if (c == 0)
          break;
      }
  }
  return g_strdup (letters > 0 && deva * 2 > letters ? "hi" : "en");
}
