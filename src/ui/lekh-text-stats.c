/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-text-stats"

#include "config.h"

#include <string.h>

#include "lekh-text-stats.h"

/* Silent reading speed; about the same for English and Hindi prose. */
#define WORDS_PER_MINUTE 200

static inline gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TRUE;
    default:
      return FALSE;
    }
}

guint
lekh_text_count_words (const char *text,
                       gssize      len)
{
  const char *p;
  const char *end;
  gboolean in_token = FALSE;
  gboolean token_has_word = FALSE;
  guint words = 0;

  if (text == NULL)
    return 0;
  if (len < 0)
    len = strlen (text);

  end = text + len;
  for (p = text; p < end; )
    {
      guchar b = (guchar) *p;
      gunichar c;

      /* ASCII fast path: most Markdown is ASCII even in Hindi articles (spaces, marks). */
      if (b < 0x80)
        {
          c = b;
          p++;
        }
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              p++;
              continue;
            }
          p = g_utf8_next_char (p);
        }

      if (g_unichar_isspace (c) || c == 0x200B /* zero width space */)
        {
          if (in_token && token_has_word)
            words++;
          in_token = FALSE;
          token_has_word = FALSE;
          continue;
        }

      in_token = TRUE;
      if (!token_has_word)
        token_has_word = (c < 0x80) ? g_ascii_isalnum (c) : is_word_char (c);
    }

  if (in_token && token_has_word)
    words++;

  return words;
}

guint
lekh_text_reading_minutes (guint words)
{
  if (words == 0)
    return 0;
  return (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
}
