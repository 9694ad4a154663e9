/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-text.h"
#include "lekh-text-stats.h"

/* Silent reading speed; about the same for English and Hindi prose. */
#define WORDS_PER_MINUTE 200

static inline gboolean
is_unicode_space (gunichar c)
{
  /* The non-ASCII white space of Unicode (Zs, Zl, Zp, NEL) plus the zero width space
   * that some Hindi text uses between words. */
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

guint
lekh_text_count_words (const char *text,
                       gssize      len)
{
  const guchar *p;
  const guchar *end;
  gboolean in_token = FALSE;
  gboolean token_has_word = FALSE;
  guint words = 0;

  if (text == NULL)
    return 0;
  if (len < 0)
    len = strlen (text);

  end = (const guchar *) text + len;
  for (p = (const guchar *) text; p < end; )
    {
      guchar b = *p;
      gboolean space;

      /* ASCII fast path: spaces, Markdown marks and English words. */
      if (b < 0x80)
        {
          p++;
          space = (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v');
          if (!space && !token_has_word)
            token_has_word = g_ascii_isalnum (b);
        }
      else
        {
          gunichar c;

          /* Decode by hand (this runs over whole 5 MB articles); a broken sequence
           * counts as one non-space character. */
          if (b >= 0xF0 && p + 3 < end)
            {
              c = ((b & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
              p += 4;
            }
          else if (b >= 0xE0 && p + 2 < end)
            {
              c = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
              p += 3;
            }
          else if (b >= 0xC0 && p + 1 < end)
            {
              c = ((b & 0x1F) << 6) | (p[1] & 0x3F);
              p += 2;
            }
          else
            {
              p++;
              continue;
            }
          space = is_unicode_space (c);
          /* Only the first letter of a token needs the (slower) Unicode type lookup. */
          if (!space && !token_has_word)
            token_has_word = lekh_text_is_word_char (c);
        }

      if (space)
        {
          if (in_token && token_has_word)
            words++;
          in_token = FALSE;
          token_has_word = FALSE;
        }
      else
        in_token = TRUE;
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
