/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "lekh-text.h"

/* Grapheme_Cluster_Break values (UAX #29). GLib gives the general category; the few
 * properties it lacks (Prepend, Extended_Pictographic, Indic_Conjunct_Break) are the
 * small tables below. */
typedef enum
{
  GCB_OTHER,
  GCB_CR,
  GCB_LF,
  GCB_CONTROL,
  GCB_EXTEND,
  GCB_ZWJ,
  GCB_RI,
  GCB_PREPEND,
  GCB_SPACING_MARK,
  GCB_L,
  GCB_V,
  GCB_T,
  GCB_LV,
  GCB_LVT,
} Gcb;

typedef enum
{
  INCB_NONE,
  INCB_CONSONANT,
  INCB_LINKER,
  INCB_EXTEND,
} InCB;

typedef struct
{
  gunichar first;
  gunichar last;
} Range;

static gboolean
in_ranges (gunichar     c,
           const Range *ranges,
           gsize        n)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;

      if (c < ranges[mid].first)
        hi = mid;
      else if (c > ranges[mid].last)
        lo = mid + 1;
      else
        return TRUE;
    }
  return FALSE;
}

static const Range prepend_ranges[] = {
  { 0x0600, 0x0605 }, { 0x06DD, 0x06DD }, { 0x070F, 0x070F }, { 0x0890, 0x0891 },
  { 0x08E2, 0x08E2 }, { 0x0D4E, 0x0D4E }, { 0x110BD, 0x110BD }, { 0x110CD, 0x110CD },
  { 0x111C2, 0x111C3 }, { 0x1193F, 0x1193F }, { 0x11941, 0x11941 }, { 0x11A3A, 0x11A3A },
  { 0x11A84, 0x11A89 }, { 0x11D46, 0x11D46 }, { 0x11F02, 0x11F02 },
};

/* Spacing combining marks (Mc) that are Grapheme_Extend, hence Extend. */
static const Range mc_extend_ranges[] = {
  { 0x09BE, 0x09BE }, { 0x09D7, 0x09D7 }, { 0x0B3E, 0x0B3E }, { 0x0B57, 0x0B57 },
  { 0x0BBE, 0x0BBE }, { 0x0BD7, 0x0BD7 }, { 0x0CC2, 0x0CC2 }, { 0x0CD5, 0x0CD6 },
  { 0x0D3E, 0x0D3E }, { 0x0D57, 0x0D57 }, { 0x0DCF, 0x0DCF }, { 0x0DDF, 0x0DDF },
  { 0x1B35, 0x1B35 }, { 0x302E, 0x302F }, { 0x1133E, 0x1133E }, { 0x11357, 0x11357 },
  { 0x114B0, 0x114B0 }, { 0x114BD, 0x114BD }, { 0x115AF, 0x115AF }, { 0x11930, 0x11930 },
  { 0x1D165, 0x1D165 }, { 0x1D16E, 0x1D172 },
};

/* Extended_Pictographic, coarsely: the emoji blocks and the older symbols used as emoji. */
static const Range pictographic_ranges[] = {
  { 0x00A9, 0x00A9 }, { 0x00AE, 0x00AE }, { 0x203C, 0x203C }, { 0x2049, 0x2049 },
  { 0x2122, 0x2122 }, { 0x2139, 0x2139 }, { 0x2194, 0x2199 }, { 0x21A9, 0x21AA },
  { 0x231A, 0x231B }, { 0x2328, 0x2328 }, { 0x2388, 0x2388 }, { 0x23CF, 0x23CF },
  { 0x23E9, 0x23F3 }, { 0x23F8, 0x23FA }, { 0x24C2, 0x24C2 }, { 0x25AA, 0x25AB },
  { 0x25B6, 0x25B6 }, { 0x25C0, 0x25C0 }, { 0x25FB, 0x25FE }, { 0x2600, 0x2605 },
  { 0x2607, 0x2612 }, { 0x2614, 0x2685 }, { 0x2690, 0x2705 }, { 0x2708, 0x2712 },
  { 0x2714, 0x2714 }, { 0x2716, 0x2716 }, { 0x271D, 0x271D }, { 0x2721, 0x2721 },
  { 0x2728, 0x2728 }, { 0x2733, 0x2734 }, { 0x2744, 0x2744 }, { 0x2747, 0x2747 },
  { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 }, { 0x2757, 0x2757 },
  { 0x2763, 0x2767 }, { 0x2795, 0x2797 }, { 0x27A1, 0x27A1 }, { 0x27B0, 0x27B0 },
  { 0x27BF, 0x27BF }, { 0x2934, 0x2935 }, { 0x2B05, 0x2B07 }, { 0x2B1B, 0x2B1C },
  { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x3030, 0x3030 }, { 0x303D, 0x303D },
  { 0x3297, 0x3297 }, { 0x3299, 0x3299 }, { 0x1F000, 0x1F0FF }, { 0x1F10D, 0x1F10F },
  { 0x1F12F, 0x1F12F }, { 0x1F16C, 0x1F171 }, { 0x1F17E, 0x1F17F }, { 0x1F18E, 0x1F18E },
  { 0x1F191, 0x1F19A }, { 0x1F1AD, 0x1F1E5 }, { 0x1F201, 0x1F20F }, { 0x1F21A, 0x1F21A },
  { 0x1F22F, 0x1F22F }, { 0x1F232, 0x1F23A }, { 0x1F23C, 0x1F23F }, { 0x1F249, 0x1F3FA },
  { 0x1F400, 0x1F53D }, { 0x1F546, 0x1F64F }, { 0x1F680, 0x1F6FF }, { 0x1F774, 0x1F77F },
  { 0x1F7D5, 0x1F7FF }, { 0x1F80C, 0x1F80F }, { 0x1F848, 0x1F84F }, { 0x1F85A, 0x1F85F },
  { 0x1F888, 0x1F88F }, { 0x1F8AE, 0x1F8FF }, { 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 },
  { 0x1F947, 0x1FAFF }, { 0x1FC00, 0x1FFFD },
};

/* Indic_Conjunct_Break=Consonant (Unicode 15.1): the scripts whose virama forms conjuncts. */
static const Range incb_consonant_ranges[] = {
  { 0x0915, 0x0939 }, { 0x0958, 0x095F }, { 0x0978, 0x097F },
  { 0x0995, 0x09A8 }, { 0x09AA, 0x09B0 }, { 0x09B2, 0x09B2 }, { 0x09B6, 0x09B9 },
  { 0x09DC, 0x09DD }, { 0x09DF, 0x09DF }, { 0x09F0, 0x09F1 },
  { 0x0A95, 0x0AA8 }, { 0x0AAA, 0x0AB0 }, { 0x0AB2, 0x0AB3 }, { 0x0AB5, 0x0AB9 },
  { 0x0AF9, 0x0AF9 },
  { 0x0B15, 0x0B28 }, { 0x0B2A, 0x0B30 }, { 0x0B32, 0x0B33 }, { 0x0B35, 0x0B39 },
  { 0x0B5C, 0x0B5D }, { 0x0B5F, 0x0B5F }, { 0x0B71, 0x0B71 },
  { 0x0C15, 0x0C28 }, { 0x0C2A, 0x0C39 }, { 0x0C58, 0x0C5A },
  { 0x0D15, 0x0D3A },
};

static gboolean
is_incb_linker (gunichar c)
{
  return c == 0x094D || c == 0x09CD || c == 0x0ACD || c == 0x0B4D || c == 0x0C4D || c == 0x0D4D;
}

static Gcb
gcb_of (gunichar c)
{
  if (c < 0x80)
    {
      if (c == '\r')
        return GCB_CR;
      if (c == '\n')
        return GCB_LF;
      if (c < 0x20 || c == 0x7F)
        return GCB_CONTROL;
      return GCB_OTHER;
    }

  if (c == 0x200D)
    return GCB_ZWJ;
  if (c == 0x200C)
    return GCB_EXTEND;
  if (c >= 0x1F1E6 && c <= 0x1F1FF)
    return GCB_RI;
  if (c >= 0x1F3FB && c <= 0x1F3FF)   /* emoji modifiers */
    return GCB_EXTEND;
  if (c >= 0xE0020 && c <= 0xE007F)   /* tags (flag sequences) */
    return GCB_EXTEND;
  if (c == 0xFF9E || c == 0xFF9F)
    return GCB_EXTEND;
  if (c == 0x0E33 || c == 0x0EB3)
    return GCB_SPACING_MARK;

  /* Hangul */
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C))
    return GCB_L;
  if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6))
    return GCB_V;
  if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB))
    return GCB_T;
  if (c >= 0xAC00 && c <= 0xD7A3)
    return (c - 0xAC00) % 28 == 0 ? GCB_LV : GCB_LVT;

  if (in_ranges (c, prepend_ranges, G_N_ELEMENTS (prepend_ranges)))
    return GCB_PREPEND;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SURROGATE:
      return GCB_CONTROL;
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return GCB_EXTEND;
    case G_UNICODE_SPACING_MARK:
      if (in_ranges (c, mc_extend_ranges, G_N_ELEMENTS (mc_extend_ranges)))
        return GCB_EXTEND;
      return GCB_SPACING_MARK;
    default:
      return GCB_OTHER;
    }
}

static gboolean
is_pictographic (gunichar c)
{
  return c >= 0xA9 && in_ranges (c, pictographic_ranges, G_N_ELEMENTS (pictographic_ranges));
}

static InCB
incb_of (gunichar c,
         Gcb      gcb)
{
  if (c < 0x0900)
    return (gcb == GCB_EXTEND || gcb == GCB_ZWJ) ? INCB_EXTEND : INCB_NONE;
  if (is_incb_linker (c))
    return INCB_LINKER;
  if (c <= 0x0D7F && in_ranges (c, incb_consonant_ranges, G_N_ELEMENTS (incb_consonant_ranges)))
    return INCB_CONSONANT;
  if (gcb == GCB_EXTEND || gcb == GCB_ZWJ)
    return INCB_EXTEND;
  return INCB_NONE;
}

/* State carried along a text while looking for boundaries. */
typedef struct
{
  Gcb   prev;
  guint ri_run;        /* regional indicators in a row, ending at prev */
  guint emoji;         /* 0: none, 1: ExtPict Extend*, 2: ExtPict Extend* ZWJ */
  guint conjunct;      /* 0: none, 1: Consonant [Extend|Linker]*, 2: ...with a Linker */
  gboolean started;
} Breaker;

/* Feeds one character; TRUE when a cluster boundary lies before it. */
static gboolean
breaker_feed (Breaker  *b,
              gunichar  c)
{
  Gcb cur = gcb_of (c);
  gboolean pict = is_pictographic (c);
  InCB incb = incb_of (c, cur);
  gboolean brk;
  Gcb prev = b->prev;

  if (!b->started)
    brk = TRUE;                                                       /* GB1 */
  else if (prev == GCB_CR && cur == GCB_LF)
    brk = FALSE;                                                      /* GB3 */
  else if (prev == GCB_CR || prev == GCB_LF || prev == GCB_CONTROL)
    brk = TRUE;                                                       /* GB4 */
  else if (cur == GCB_CR || cur == GCB_LF || cur == GCB_CONTROL)
    brk = TRUE;                                                       /* GB5 */
  else if (prev == GCB_L &&
           (cur == GCB_L || cur == GCB_V || cur == GCB_LV || cur == GCB_LVT))
    brk = FALSE;                                                      /* GB6 */
  else if ((prev == GCB_LV || prev == GCB_V) && (cur == GCB_V || cur == GCB_T))
    brk = FALSE;                                                      /* GB7 */
  else if ((prev == GCB_LVT || prev == GCB_T) && cur == GCB_T)
    brk = FALSE;                                                      /* GB8 */
  else if (cur == GCB_EXTEND || cur == GCB_ZWJ)
    brk = FALSE;                                                      /* GB9 */
  else if (cur == GCB_SPACING_MARK)
    brk = FALSE;                                                      /* GB9a */
  else if (prev == GCB_PREPEND)
    brk = FALSE;                                                      /* GB9b */
  else if (incb == INCB_CONSONANT && b->conjunct == 2)
    brk = FALSE;                                                      /* GB9c */
  else if (prev == GCB_ZWJ && pict && b->emoji == 2)
    brk = FALSE;                                                      /* GB11 */
  else if (prev == GCB_RI && cur == GCB_RI && b->ri_run % 2 == 1)
    brk = FALSE;                                                      /* GB12, GB13 */
  else
    brk = TRUE;                                                       /* GB999 */

  b->ri_run = cur == GCB_RI ? b->ri_run + 1 : 0;

  if (pict)
    b->emoji = 1;
  else if (cur == GCB_EXTEND && b->emoji == 1)
    b->emoji = 1;
  else if (cur == GCB_ZWJ && b->emoji == 1)
    b->emoji = 2;
  else
    b->emoji = 0;

  if (incb == INCB_CONSONANT)
    b->conjunct = 1;
  else if (incb == INCB_LINKER && b->conjunct >= 1)
    b->conjunct = 2;
  else if (incb == INCB_EXTEND && b->conjunct >= 1)
    ;
  else
    b->conjunct = 0;

  b->prev = cur;
  b->started = TRUE;
  return brk;
}

void
lekh_text_measure (const char *text,
                   gssize      len,
                   gsize      *graphemes,
                   gsize      *width)
{
  Breaker b = { 0 };
  const char *p, *end;
  gsize count = 0, wide = 0;

  g_return_if_fail (text != NULL || len == 0);

  if (len < 0)
    len = strlen (text);
  end = text + len;

  for (p = text; p < end; )
    {
      guchar ch = (guchar) *p;
      gunichar c;

      /* Printable ASCII always starts a cluster (only a Prepend before it would hold it). */
      if (ch >= 0x20 && ch < 0x7F && b.prev != GCB_PREPEND)
        {
          count++;
          b.prev = GCB_OTHER;
          b.ri_run = b.emoji = b.conjunct = 0;
          b.started = TRUE;
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      if (breaker_feed (&b, c))
        {
          count++;
          if (width != NULL && g_unichar_iswide (c))
            wide++;
        }
      p = g_utf8_next_char (p);
    }

  if (graphemes != NULL)
    *graphemes = count;
  if (width != NULL)
    *width = count + wide;
}

gsize
lekh_text_count_graphemes (const char *text,
                           gssize      len)
{
  gsize count = 0;

  g_return_val_if_fail (text != NULL || len == 0, 0);

  lekh_text_measure (text, len, &count, NULL);
  return count;
}

gsize
lekh_text_next_grapheme (const char *text,
                         gsize       len)
{
  Breaker b = { 0 };
  const char *p, *end = text + len;

  g_return_val_if_fail (text != NULL || len == 0, 0);

  if (len == 0)
    return 0;
  breaker_feed (&b, g_utf8_get_char (text));
  for (p = g_utf8_next_char (text); p < end; p = g_utf8_next_char (p))
    if (breaker_feed (&b, g_utf8_get_char (p)))
      break;
  return MIN (p, end) - text;
}

char *
lekh_text_fold (const char *text)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
}

gboolean
lekh_text_equal_folded (const char *a,
                        const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (strcmp (a, b) == 0)
    return TRUE;
  fa = lekh_text_fold (a);
  fb = lekh_text_fold (b);
  return fa != NULL && fb != NULL && strcmp (fa, fb) == 0;
}

guint
lekh_text_edit_distance (const char *a,
                         const char *b,
                         guint       max)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *rows = NULL;
  guint *prev2, *prev, *cur;
  glong na = 0, nb = 0;

  g_return_val_if_fail (a != NULL && b != NULL, max + 1);

  ua = g_utf8_to_ucs4_fast (a, -1, &na);
  ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  if ((guint) ABS (na - nb) > max)
    return max + 1;

  rows = g_new (guint, 3 * (nb + 1));
  prev2 = rows;
  prev = rows + (nb + 1);
  cur = rows + 2 * (nb + 1);
  for (glong j = 0; j <= nb; j++)
    prev[j] = j;

  for (glong i = 1; i <= na; i++)
    {
      guint row_min;

      cur[0] = i;
      row_min = cur[0];
      for (glong j = 1; j <= nb; j++)
        {
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
          guint v = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && ua[i - 1] == ub[j - 2] && ua[i - 2] == ub[j - 1])
            v = MIN (v, prev2[j - 2] + 1);
          cur[j] = v;
          row_min = MIN (row_min, v);
        }
      if (row_min > max)
        return max + 1;

      {
        guint *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
      }
    }

  return MIN (prev[nb], max + 1);
}

char *
lekh_text_slugify (const char *text)
{
  g_autofree char *lower = NULL;
  GString *slug;

  g_return_val_if_fail (text != NULL, NULL);

  lower = g_utf8_strdown (text, -1);
  slug = g_string_sized_new (strlen (lower));
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (lekh_text_is_word_char (c) || g_unichar_type (c) == G_UNICODE_CONNECT_PUNCTUATION)
        g_string_append_unichar (slug, c);
      else if (c == '-' || c == ' ')
        g_string_append_c (slug, '-');
    }
  return g_string_free (slug, FALSE);
}

char *
lekh_text_suggest_file_name (const char *title,
                             const char *date)
{
  g_autofree char *slug = title ? lekh_text_slugify (title) : NULL;
  gboolean dated = date != NULL && strlen (date) >= 10 &&
                   g_ascii_isdigit (date[0]) && g_ascii_isdigit (date[1]) &&
                   g_ascii_isdigit (date[2]) && g_ascii_isdigit (date[3]) && date[4] == '-' &&
                   g_ascii_isdigit (date[5]) && g_ascii_isdigit (date[6]) && date[7] == '-' &&
                   g_ascii_isdigit (date[8]) && g_ascii_isdigit (date[9]) &&
                   (date[10] == '\0' || date[10] == 'T' || date[10] == ' ');

  if (slug == NULL || slug[0] == '\0')
    {
      g_free (slug);
      slug = g_strdup ("article");
    }
  if (dated)
    return g_strdup_printf ("%.10s-%s.md", date, slug);
  return g_strconcat (slug, ".md", NULL);
}
