/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "lekh-heading.h"
#include "lekh-markdown.h"
#include "lekh-preview-model.h"
#include "lekh-preview-render.h"

#define PARSE_OPTIONS (CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8)
#define LEKH_FENCE_MARK LEKH_PREVIEW_FENCE_MARK

struct _LekhPreviewModel
{
  /* The text: a GString the model edits or, while it is lent out as bytes
   * (lekh_preview_model_ref_text()), those bytes; the next edit copies them back. */
  GString     *text;             /* NULL while lent */
  GBytes      *lent;
  const char  *lent_data;
  gsize        lent_len;
  GArray      *lines;            /* gsize: byte offset of the start of each line */
  LekhArticle *article;
  gsize        body_start;
  guint        body_line;
  GArray      *blocks;           /* LekhPreviewBlock, in the coordinates of the last parse */
  GString     *refs;             /* the body's link reference definition lines */

  gboolean     parsed;
  gsize        parsed_len;
  guint        parsed_n_lines;

  /* Edits since the last parse: bytes dirty_start .. len - dirty_suffix changed. */
  gboolean     dirty;
  gsize        dirty_start;
  gsize        dirty_suffix;
  gboolean     refs_touched;     /* an edited line looks like a reference definition */

  guint        restyled_first;   /* blocks whose context the last update changed */
  guint        restyled_n;

  cmark_node  *doc;              /* the last parse, owning the nodes below */
  GPtrArray   *nodes;            /* cmark_node* of the blocks added by the last update */
  guint        nodes_position;
  int          nodes_line_offset;
};

static inline const char *
text_str (const LekhPreviewModel *self)
{
  return self->text != NULL ? self->text->str : self->lent_data;
}

static inline gsize
text_len (const LekhPreviewModel *self)
{
  return self->text != NULL ? self->text->len : self->lent_len;
}

/* Takes the text back from the bytes it was lent as, before an edit. */
static void
own_text (LekhPreviewModel *self)
{
  if (self->text != NULL)
    return;
  self->text = g_string_sized_new (self->lent_len + 1);
  g_string_append_len (self->text, self->lent_data, (gssize) self->lent_len);
  g_clear_pointer (&self->lent, g_bytes_unref);
  self->lent_data = NULL;
  self->lent_len = 0;
}

guint64
lekh_preview_hash (const char *data,
                   gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) data[i];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h;
}

LekhPreviewModel *
lekh_preview_model_new (void)
{
  LekhPreviewModel *self = g_new0 (LekhPreviewModel, 1);
  gsize zero = 0;

  self->text = g_string_new (NULL);
  self->lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (self->lines, zero);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (LekhPreviewBlock));
  self->refs = g_string_new (NULL);
  self->nodes = g_ptr_array_new ();
  self->dirty = TRUE;
  return self;
}

void
lekh_preview_model_free (LekhPreviewModel *self)
{
  if (self == NULL)
    return;
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  g_clear_pointer (&self->lent, g_bytes_unref);
  g_array_unref (self->lines);
  g_clear_pointer (&self->article, lekh_article_unref);
  g_array_unref (self->blocks);
  g_string_free (self->refs, TRUE);
  g_ptr_array_unref (self->nodes);
  g_clear_pointer (&self->doc, cmark_node_free);
  g_free (self);
}

/* Appends to LINES the starts of the lines that begin in (FROM, TO]. */
static void
scan_line_starts (const char *text,
                  gsize       len,
                  gsize       from,
                  gsize       to,
                  GArray     *lines)
{
  gsize i = from;

  while (i < to && i < len)
    {
      const char *p = text + i;
      const char *nl = memchr (p, '\n', MIN (to, len) - i);
      const char *cr = memchr (p, '\r', (nl ? (gsize) (nl - p) : MIN (to, len) - i));
      gsize next;

      if (cr != NULL)
        {
          next = (gsize) (cr - text) + 1;
          if (next < len && text[next] == '\n')
            next++;
        }
      else if (nl != NULL)
        next = (gsize) (nl - text) + 1;
      else
        break;

      if (next <= to && next <= len)
        g_array_append_val (lines, next);
      else if (next > to)
        break;
      i = next;
    }
}

/* Index of the line containing byte OFFSET. */
static guint
line_at_offset (GArray *lines,
                gsize   offset)
{
  guint lo = 0, hi = lines->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (lines, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static gsize
line_start (LekhPreviewModel *self,
            guint             line)
{
  if (line >= self->lines->len)
    return text_len (self);
  return g_array_index (self->lines, gsize, line);
}

gsize
lekh_preview_model_line_to_offset (LekhPreviewModel *self,
                                   guint             line)
{
  g_return_val_if_fail (self != NULL, 0);

  return line_start (self, line);
}

/* Whether the lines around FROM .. TO of the current text hold "]:", which a link
 * reference definition needs. */
static gboolean
lines_have_ref_marker (LekhPreviewModel *self,
                       gsize             from,
                       gsize             to)
{
  const char *text = text_str (self);
  gsize len = text_len (self);
  gsize a = line_start (self, line_at_offset (self->lines, MIN (from, len)));
  gsize b = line_start (self, line_at_offset (self->lines, MIN (to, len)) + 1);

  if (b <= a + 1)
    return FALSE;
  for (const char *p = text + a; (p = memchr (p, ']', (gsize) (text + b - 1 - p))) != NULL; p++)
    if (p[1] == ':')
      return TRUE;
  return FALSE;
}

void
lekh_preview_model_replace (LekhPreviewModel *self,
                            gsize             pos,
                            gsize             n_remove,
                            const char       *text,
                            gsize             n_insert)
{
  gsize old_len;
  guint first_line, end_line;
  gsize scan_from, scan_to;
  g_autoptr(GArray) starts = NULL;
  gssize delta;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL || n_insert == 0);

  old_len = text_len (self);
  pos = MIN (pos, old_len);
  n_remove = MIN (n_remove, old_len - pos);
  if (n_remove == 0 && n_insert == 0)
    return;

  if (self->parsed && !self->refs_touched && lines_have_ref_marker (self, pos, pos + n_remove))
    self->refs_touched = TRUE;

  /* The dirty region, as an unchanged prefix and suffix of the parsed text. */
  if (!self->dirty)
    {
      self->dirty = TRUE;
      self->dirty_start = pos;
      self->dirty_suffix = old_len - pos - n_remove;
    }
  else
    {
      self->dirty_start = MIN (self->dirty_start, pos);
      self->dirty_suffix = MIN (self->dirty_suffix, old_len - pos - n_remove);
    }

  /* Lines: rescan from the line before the edit to the first line start after it that
   * the edit cannot have moved, then shift the rest. */
  first_line = line_at_offset (self->lines, pos);
  if (first_line > 0)
    first_line--;
  end_line = line_at_offset (self->lines, MIN (pos + n_remove + 1, old_len)) + 1;

  own_text (self);
  g_string_erase (self->text, pos, n_remove);
  g_string_insert_len (self->text, pos, text, n_insert);
  delta = (gssize) n_insert - (gssize) n_remove;

  scan_from = g_array_index (self->lines, gsize, first_line);
  scan_to = end_line < self->lines->len
            ? g_array_index (self->lines, gsize, end_line) + delta
            : text_len (self);
  starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  scan_line_starts (text_str (self), text_len (self), scan_from, scan_to, starts);
  if (end_line < self->lines->len && starts->len > 0
      && g_array_index (starts, gsize, starts->len - 1) == scan_to)
    g_array_set_size (starts, starts->len - 1);

  for (guint i = end_line; i < self->lines->len; i++)
    g_array_index (self->lines, gsize, i) += delta;
  g_array_remove_range (self->lines, first_line + 1, end_line - first_line - 1);
  g_array_insert_vals (self->lines, first_line + 1, starts->data, starts->len);

  if (self->parsed && !self->refs_touched && lines_have_ref_marker (self, pos, pos + n_insert))
    self->refs_touched = TRUE;
}

void
lekh_preview_model_record_text (LekhPreviewModel *self,
                                const char       *text,
                                gsize             len)
{
  const char *old;
  gsize old_len, prefix = 0, suffix = 0, limit;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL || len == 0);

  old = text_str (self);
  old_len = text_len (self);
  limit = MIN (old_len, len);
  while (prefix < limit && old[prefix] == text[prefix])
    prefix++;
  while (suffix < limit - prefix && old[old_len - 1 - suffix] == text[len - 1 - suffix])
    suffix++;

  lekh_preview_model_replace (self, prefix, old_len - prefix - suffix,
                              text + prefix, len - prefix - suffix);
}

gboolean
lekh_preview_model_set_text (LekhPreviewModel  *self,
                             const char        *text,
                             gsize              len,
                             LekhPreviewChange *change)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  lekh_preview_model_record_text (self, text, len);
  return lekh_preview_model_update (self, change);
}

gboolean
lekh_preview_model_update_is_large (LekhPreviewModel *self,
                                    gsize             limit)
{
  gsize len, changed_end;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->dirty)
    return FALSE;
  len = text_len (self);
  if (!self->parsed || self->blocks->len == 0)
    return len >= limit;
  changed_end = len >= self->dirty_suffix ? len - self->dirty_suffix : 0;
  return changed_end > self->dirty_start && changed_end - self->dirty_start >= limit;
}

gboolean
lekh_preview_model_is_dirty (LekhPreviewModel *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->dirty;
}

static gboolean
split_may_change_anywhere (LekhPreviewModel *self)
{
  const GError *error = lekh_article_get_error (self->article);

  return g_error_matches (error, LEKH_ERROR, LEKH_ERROR_UNTERMINATED)
         || g_error_matches (error, LEKH_ERROR, LEKH_ERROR_INVALID_UTF8);
}

/* Whether an edit at OFFSET (in the text the article was read from) can change how the
 * text splits into front matter and body. */
static gboolean
split_may_change (LekhPreviewModel *self,
                  gsize             offset)
{
  const LekhSplit *split;
  const char *text;
  gsize len;

  if (self->article == NULL)
    return TRUE;
  /* Broken YAML between two delimiters still splits the same way; a missing closing
   * line can come with any edit. */
  if (g_error_matches (lekh_article_get_error (self->article), LEKH_ERROR, LEKH_ERROR_UNTERMINATED)
      || g_error_matches (lekh_article_get_error (self->article), LEKH_ERROR,
                          LEKH_ERROR_INVALID_UTF8))
    return TRUE;
  split = lekh_article_get_split (self->article);
  text = lekh_article_get_text (self->article, &len);

  if (split->format == LEKH_FRONT_MATTER_NONE)
    {
      /* Only the first line can start front matter (or a "+++" / "{" block closed later). */
      gsize first_end = split->bom_len;

      if (len - first_end >= 3 && (strncmp (text + first_end, "---", 3) == 0
                                   || strncmp (text + first_end, "+++", 3) == 0))
        return TRUE;
      if (first_end < len && text[first_end] == '{')
        return TRUE;
      /* The split ends lines at \n only: a lone \r is trailing blank space to it. */
      while (first_end < len && text[first_end] != '\n')
        first_end++;
      return offset <= first_end;
    }

  if (offset < split->close_end)
    return TRUE;
  /* A closing line without a \n (a file that ends there, perhaps in a lone \r) can be
   * extended. */
  return split->close_end > 0 && text[split->close_end - 1] != '\n';
}

/* The article for the split and the front matter of TEXT, read from as little of the
 * text as gives the same split: through the closing delimiter line, or the first line
 * of an article without front matter. The split is found on the text in place (not
 * copied); only an article that needs all of it (no closing line, invalid UTF-8, no
 * body) keeps a copy of the whole text, since TEXT changes with the next edit. */
static LekhArticle *
read_head (const char *text,
           gsize       len)
{
  g_autoptr(GBytes) in_place = g_bytes_new_static (text, len);
  g_autoptr(LekhArticle) probe = lekh_article_new_from_bytes (in_place);
  const LekhSplit *split = lekh_article_get_split (probe);
  const GError *error = lekh_article_get_error (probe);
  LekhArticle *head;
  gsize head_len;

  if (g_error_matches (error, LEKH_ERROR, LEKH_ERROR_UNTERMINATED)
      || g_error_matches (error, LEKH_ERROR, LEKH_ERROR_INVALID_UTF8))
    return lekh_article_new (text, (gssize) len);
  if (split->format != LEKH_FRONT_MATTER_NONE)
    head_len = split->close_end;
  else
    {
      head_len = split->bom_len;
      while (head_len < len && text[head_len] != '\n' && text[head_len] != '\r')
        head_len++;
      if (head_len < len)
        head_len++;
    }
  if (head_len >= len)
    return lekh_article_new (text, (gssize) len);

  head = lekh_article_new (text, (gssize) head_len);
  if (lekh_article_get_split (head)->format != split->format
      || lekh_article_get_split (head)->body_start != split->body_start
      || lekh_article_get_split (head)->body_line != split->body_line
      || (lekh_article_get_error (head) == NULL) != (error == NULL))
    {
      lekh_article_unref (head);
      return lekh_article_new (text, (gssize) len);
    }
  return head;
}

static void
collect_refs (LekhPreviewModel *self)
{
  const char *text = text_str (self);
  guint first = line_at_offset (self->lines, self->body_start);

  g_string_truncate (self->refs, 0);
  for (guint i = first; i < self->lines->len; i++)
    {
      gsize a = g_array_index (self->lines, gsize, i);
      gsize b = line_start (self, i + 1);
      gsize p = a;

      while (p < b && p - a < 3 && text[p] == ' ')
        p++;
      if (p < b && text[p] == '[' && b - p > 3)
        {
          const char *close = memchr (text + p, ']', b - p);

          if (close != NULL && close + 1 < text + b && close[1] == ':')
            {
              g_string_append_len (self->refs, text + a, b - a);
              if (self->refs->str[self->refs->len - 1] != '\n')
                g_string_append_c (self->refs, '\n');
            }
        }
    }
}

/* The text may hold NUL bytes (cmark reads them as U+FFFD): no string functions. */
static char *
copy_bytes (const char *text,
            gsize       len)
{
  char *copy = g_malloc (len + 1);

  memcpy (copy, text, len);
  copy[len] = '\0';
  return copy;
}

/* The first NEEDLE (3 bytes) in TEXT, or NULL. */
static const char *
find_bytes (const char *text,
            gsize       len,
            const char *needle)
{
  const char *end = text + len;

  for (const char *p = text; p + 3 <= end && (p = memchr (p, needle[0], (gsize) (end - p))) != NULL; p++)
    if (p + 3 <= end && p[1] == needle[1] && p[2] == needle[2])
      return p;
  return NULL;
}

/* Control characters, which no writer types, for renamed footnote labels. */
static const char rename_chars[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13"
                                   "\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f";

/* Where the line holding P starts, and whether only block quote and list markers come
 * before P on it (NESTED) or at most three spaces (neither: not a definition). */
static gboolean
definition_start (const char *text,
                  const char *p,
                  gboolean   *nested)
{
  const char *q = p;

  while (q > text && q[-1] != '\n' && q[-1] != '\r')
    q--;
  *nested = FALSE;
  if (p - q <= 3 && strspn (q, " ") >= (gsize) (p - q))
    return TRUE;
  for (; q < p; q++)
    {
      if (*q == '>' || *q == ' ' || *q == '\t')
        continue;
      if ((*q == '-' || *q == '*' || *q == '+') && (q[1] == ' ' || q[1] == '\t'))
        continue;
      if (g_ascii_isdigit (*q))
        {
          while (q < p && g_ascii_isdigit (*q))
            q++;
          if (q < p && (*q == '.' || *q == ')'))
            continue;
        }
      return FALSE;
    }
  *nested = TRUE;
  return TRUE;
}

/* Appends a paragraph "[^label]" (a code span cannot join two) to USES for every footnote definition "[^label]:" at the start of
 * a line of TEXT, and puts that 1-based line into LINES (when given). cmark-gfm keeps
 * only the first definition of a label, so a preview that parses one block at a time
 * would keep definitions that a parse of the whole body drops; with SEEN (labels found
 * so far) a copy of TEXT is returned (NULL when nothing changed) in which the later
 * definitions of a label, and definitions inside block quotes and lists (which the
 * preview does not show), have labels of their own, and a label "[^…" that goes on
 * past its line is not one: a link reference definition "^…" would take the place of
 * the footnote, and the preview's reference definitions are single lines. */
static char *
scan_footnotes (GString    *uses,
                const char *text,
                gsize       len,
                GHashTable *seen,
                GHashTable *lines)
{
  const char *end = text + len;
  const char *counted = text;
  guint line = 1;
  char *copy = NULL;
  guint renamed = 0;

  for (const char *p = text; (p = memchr (p, '[', (gsize) (end - p))) != NULL; p++)
    {
      const char *close;
      gsize label_len;
      gboolean nested;
      char *at;

      if (p + 1 >= end || p[1] != '^' || !definition_start (text, p, &nested))
        continue;
      close = memchr (p + 2, ']', (gsize) (end - p - 2));
      if (close != NULL && seen != NULL
          && (memchr (p, '\n', (gsize) (close - p)) != NULL
              || memchr (p, '\r', (gsize) (close - p)) != NULL))
        {
          if (copy == NULL)
            copy = copy_bytes (text, len);
          copy[p + 1 - text] = rename_chars[0];
          continue;
        }
      if (close == NULL || close == p + 2 || close + 1 >= end || close[1] != ':'
          || memchr (p, '\n', (gsize) (close - p)) != NULL
          || memchr (p, '\r', (gsize) (close - p)) != NULL)
        continue;
      label_len = (gsize) (close - p - 2);
      if (nested && seen == NULL)
        continue;
      if (!nested && lines != NULL)
        {
          for (; counted < p; counted++)
            if (*counted == '\n' || (*counted == '\r' && counted[1] != '\n'))
              line++;
          g_hash_table_add (lines, GUINT_TO_POINTER (line));
        }
      if (seen == NULL
          || (!nested && g_hash_table_add (seen, g_strndup (p + 2, label_len))))
        {
          g_string_append_len (uses, p, close + 1 - p);
          g_string_append (uses, "\n\n");
          continue;
        }

      /* The same length keeps every offset and column. */
      if (copy == NULL)
        copy = copy_bytes (text, len);
      at = copy + (p + 2 - text);
      renamed++;
      for (gsize i = 0, n = renamed; i < label_len; i++, n /= sizeof rename_chars - 1)
        at[i] = rename_chars[n % (sizeof rename_chars - 1)];
      if (!nested)
        {
          g_string_append_len (uses, at - 2, close + 1 - p);
          g_string_append (uses, "\n\n");
        }
    }
  return copy;
}

static guint
count_lines (const char *text,
             gsize       len)
{
  guint n = 1;

  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
      n++;
  return n;
}

typedef struct
{
  cmark_node *node;
  int         start;
  int         end;
} PlacedBlock;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  return ((const PlacedBlock *) a)->start - ((const PlacedBlock *) b)->start;
}

static void block_lines (cmark_node *node,
                         int        *start,
                         int        *end);

/* cmark-gfm drops footnote definitions nothing refers to and moves the others to the
 * end of the document, but a preview of one block at a time needs each where it is
 * written: parse() makes every definition used (by paragraphs of references on the
 * SHIFT lines before the text: after it, an unclosed fence would take them in) and this
 * puts the top-level blocks back in source order, dropping those references, what came
 * after the text's N_LINES (the appended definitions) and definitions that were nested
 * in another block (top-level ones start on the text's lines in DEF_LINES). */
static void
restore_footnote_order (cmark_node *doc,
                        int         shift,
                        guint       n_lines,
                        GHashTable *def_lines)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (PlacedBlock));
  int prev_end = 0;

  for (cmark_node *node = cmark_node_first_child (doc); node; node = cmark_node_next (node))
    {
      PlacedBlock block = { node, 0, 0 };

      block_lines (node, &block.start, &block.end);
      g_array_append_val (placed, block);
    }
  g_array_sort (placed, compare_placed);
  for (guint i = 0; i < placed->len; i++)
    {
      PlacedBlock *block = &g_array_index (placed, PlacedBlock, i);

      if (block->start <= shift || block->start > (int) n_lines + shift
          || (cmark_node_get_type (block->node) == CMARK_NODE_FOOTNOTE_DEFINITION
              && (block->start <= prev_end
                  || !g_hash_table_contains (def_lines,
                                             GINT_TO_POINTER (block->start - shift)))))
        {
          cmark_node_free (block->node);
          continue;
        }
      cmark_node_append_child (doc, block->node);
      prev_end = MAX (prev_end, block->end);
    }
}

/* A copy of TEXT (LEN bytes; *LEN becomes the copy's) in which Docusaurus admonition
 * fences (":::tip Title", ":::") are ATX headings of level 6 whose text starts with
 * LEKH_FENCE_MARK: a fence line, like a heading, ends a paragraph and is a block of its
 * own; and the stars of MDX comments are LEKH_PREVIEW_COMMENT_MARK. The renderer knows
 * both marks. NULL when TEXT has neither. */
static char *
mark_fences (const char *text,
             gsize      *len)
{
  const char *end = text + *len;
  GString *out = NULL;
  const char *copied = text;

  for (const char *line = text; line < end;)
    {
      const char *eol = line, *p = line;
      LekhCalloutKind kind;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      while (p < eol && *p == ' ' && p - line < 3)
        p++;
      if (p + 3 <= eol && p[0] == ':' && p[1] == ':' && p[2] == ':'
          && lekh_site_syntax_admonition (line, (gsize) (eol - line), &kind, NULL))
        {
          if (out == NULL)
            out = g_string_sized_new (*len + 64);
          g_string_append_len (out, copied, line - copied);
          g_string_append (out, "###### " LEKH_FENCE_MARK);
          copied = line;
        }
      line = eol;
      if (line < end && *line == '\r')
        line++;
      if (line < end && *line == '\n')
        line++;
    }
  if (out != NULL)
    g_string_append_len (out, copied, end - copied);

  /* MDX comments: their stars would be emphasis to cmark. */
  if (find_bytes (out != NULL ? out->str : text, out != NULL ? out->len : *len, "{/*") != NULL)
    {
      char *p, *stop;

      if (out == NULL)
        out = g_string_new_len (text, (gssize) *len);
      stop = out->str + out->len;
      for (p = out->str; (p = (char *) find_bytes (p, (gsize) (stop - p), "{/*")) != NULL;)
        {
          char *close = (char *) find_bytes (p + 3, (gsize) (stop - (p + 3)), "*/}");

          if (close == NULL)
            break;
          p[2] = LEKH_PREVIEW_COMMENT_MARK[0];
          close[0] = LEKH_PREVIEW_COMMENT_MARK[0];
          p = close + 3;
        }
    }
  if (out == NULL)
    return NULL;
  *len = out->len;
  return g_string_free (out, FALSE);
}

/* Parses TEXT, then REFS (link reference and footnote definitions from elsewhere in the
 * body). The text's first line is line SHIFT + 1 of the returned document. */
static cmark_node *
parse (const char *text,
       gsize       len,
       GString    *refs,
       int        *shift)
{
  cmark_parser *parser = lekh_markdown_parser_new (PARSE_OPTIONS);
  g_autoptr(GString) uses = g_string_new (NULL);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) def_lines = g_hash_table_new (NULL, NULL);
  g_autofree char *renamed = NULL;
  g_autofree char *fenced = NULL;
  cmark_node *doc;

  fenced = mark_fences (text, &len);
  if (fenced != NULL)
    text = fenced;
  if (memchr (text, '^', len) != NULL)
    {
      seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      renamed = scan_footnotes (uses, text, len, seen, def_lines);
      if (renamed != NULL)
        text = renamed;
    }
  if (refs != NULL && refs->len > 0 && memchr (refs->str, '^', refs->len) != NULL)
    g_free (scan_footnotes (uses, refs->str, refs->len, NULL, NULL));
  *shift = 0;
  if (uses->len > 0)
    {
      cmark_parser_feed (parser, uses->str, uses->len);
      *shift = (int) count_lines (uses->str, uses->len) - 1;
    }
  cmark_parser_feed (parser, text, len);
  if (refs != NULL && refs->len > 0)
    {
      cmark_parser_feed (parser, "\n\n", 2);
      cmark_parser_feed (parser, refs->str, refs->len);
    }
  doc = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  if (seen != NULL || uses->len > 0)
    restore_footnote_order (doc, *shift, count_lines (text, len), def_lines);
  return doc;
}

/* The line of a table's header row. cmark-gfm gives a table the start line of the
 * paragraph whose last line became its header (and the rest of that paragraph, a new
 * paragraph before it, no lines at all); its rows have theirs. */
static int
table_header_line (cmark_node *table)
{
  cmark_node *header = cmark_node_first_child (table);
  cmark_node *row = header != NULL ? cmark_node_next (header) : NULL;
  int delimiter = row != NULL ? cmark_node_get_start_line (row) - 1
                              : cmark_node_get_end_line (table);

  return MAX (delimiter - 1, cmark_node_get_start_line (table));
}

/* The source lines of a top-level block. */
static void
block_lines (cmark_node *node,
             int        *start,
             int        *end)
{
  cmark_node *next = cmark_node_next (node);

  *start = cmark_node_get_start_line (node);
  *end = cmark_node_get_end_line (node);
  if (cmark_node_get_type (node) == CMARK_NODE_TABLE)
    *start = table_header_line (node);
  else if (*start == 0 && cmark_node_get_type (node) == CMARK_NODE_PARAGRAPH
           && next != NULL && cmark_node_get_type (next) == CMARK_NODE_TABLE)
    {
      *start = cmark_node_get_start_line (next);
      *end = table_header_line (next) - 1;
    }
}

/* The top-level blocks of DOC, parsed from the text starting at byte SLICE_START (a line
 * start), whose lines end before line index END_LINE of the text. */
static void
collect_blocks (LekhPreviewModel *self,
                cmark_node       *doc,
                int               shift,
                gsize             slice_start,
                guint             end_line,
                GArray           *out,
                GPtrArray        *nodes)
{
  guint base = line_at_offset (self->lines, slice_start);
  guint prev_end = base;
  guint first_new = out->len;

  for (cmark_node *node = cmark_node_first_child (doc); node; node = cmark_node_next (node))
    {
      LekhPreviewBlock block = { 0, };
      int sl, el;
      guint first, last;

      block_lines (node, &sl, &el);
      sl -= shift;
      el -= shift;

      if (sl < 1)
        sl = 1;
      if (el < sl)
        el = sl;
      first = base + (guint) sl - 1;
      last = base + (guint) el - 1;
      if (first < prev_end)
        first = prev_end;
      if (first >= end_line)
        break;                  /* from the appended reference definitions */
      if (last >= end_line)
        last = end_line - 1;
      if (last < first)
        last = first;

      block.start_line = first + 1;
      block.end_line = last + 1;
      block.type = cmark_node_get_type (node);
      g_array_append_val (out, block);
      g_ptr_array_add (nodes, node);
      prev_end = first + 1;
    }

  /* Start lines are exact; cmark 0.30 may end a block on the line after it (a setext
   * heading followed by a list), so a block ends at the latest before the next one. */
  for (guint i = first_new; i < out->len; i++)
    {
      LekhPreviewBlock *block = &g_array_index (out, LekhPreviewBlock, i);

      if (i + 1 < out->len)
        {
          guint next_start = g_array_index (out, LekhPreviewBlock, i + 1).start_line;

          if (block->end_line >= next_start)
            block->end_line = MAX (block->start_line, next_start - 1);
        }
      /* The first block of the body starts after a byte-order mark, not at its line. */
      block->start = MAX (line_start (self, block->start_line - 1), slice_start);
      block->end = line_start (self, block->end_line);
      block->hash = lekh_preview_hash (text_str (self) + block->start, block->end - block->start);
    }
}

static gboolean
block_equal (const LekhPreviewBlock *a,
             const LekhPreviewBlock *b,
             gssize                  delta,
             int                     line_delta)
{
  return a->type == b->type && a->hash == b->hash
         && (gssize) a->start + delta == (gssize) b->start
         && (gssize) a->end + delta == (gssize) b->end
         && (int) a->start_line + line_delta == (int) b->start_line
         && (int) a->end_line + line_delta == (int) b->end_line;
}

/* First block whose end is past OFFSET. */
static guint
first_block_ending_after (GArray *blocks,
                          gsize   offset)
{
  guint lo = 0, hi = blocks->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (blocks, LekhPreviewBlock, mid).end > offset)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/* Number of blocks starting at or before OFFSET. */
static guint
count_blocks_starting_before (GArray *blocks,
                              gsize   offset)
{
  guint lo = 0, hi = blocks->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (blocks, LekhPreviewBlock, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The admonitions and components that BLOCK opens and closes, applied to CONTEXT. */
static LekhCalloutContext
apply_block_events (LekhPreviewModel       *self,
                    const LekhPreviewBlock *block,
                    LekhCalloutContext      context)
{
  const char *text = text_str (self);
  const char *end = text + block->end;

  if (block->type != CMARK_NODE_HEADING && block->type != CMARK_NODE_HTML_BLOCK)
    return context;
  for (const char *line = text + block->start; line < end;)
    {
      const char *eol = line;
      LekhCalloutKind kind;
      g_autofree char *label = NULL;
      gboolean closing, self_closing;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      if (block->type == CMARK_NODE_HEADING)
        {
          if (lekh_site_syntax_admonition (line, (gsize) (eol - line), &kind, NULL))
            context = kind == LEKH_CALLOUT_NONE ? lekh_callout_context_pop (context)
                                                : lekh_callout_context_push (context, kind);
          break;
        }
      if (lekh_site_syntax_jsx_tag (line, (gsize) (eol - line), &label, &closing, &self_closing))
        {
          if (closing)
            context = lekh_callout_context_pop (context);
          else if (!self_closing)
            context = lekh_callout_context_push (context, LEKH_CALLOUT_COMPONENT);
        }
      line = eol;
      if (line < end && *line == '\r')
        line++;
      if (line < end && *line == '\n')
        line++;
    }
  return context;
}

/* The context of every block, and which blocks the change did not render again have
 * another context now. */
static void
update_contexts (LekhPreviewModel  *self,
                 LekhPreviewChange *change)
{
  LekhCalloutContext context = 0;
  guint first = G_MAXUINT, last = 0;

  self->restyled_first = 0;
  self->restyled_n = 0;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      LekhPreviewBlock *block = &g_array_index (self->blocks, LekhPreviewBlock, i);
      gboolean fresh = change->reset
                       || (i >= change->position && i < change->position + change->n_added);

      if (!fresh && block->context != context)
        {
          first = MIN (first, i);
          last = i;
        }
      block->context = context;
      context = apply_block_events (self, block, context);
    }
  if (first != G_MAXUINT)
    {
      self->restyled_first = first;
      self->restyled_n = last - first + 1;
    }
}

gboolean
lekh_preview_model_get_restyled (LekhPreviewModel *self,
                                 guint            *position,
                                 guint            *n_blocks)
{
  g_return_val_if_fail (self != NULL, FALSE);

  *position = self->restyled_first;
  *n_blocks = self->restyled_n;
  return self->restyled_n > 0;
}

/* Long because its steps share a dozen locals (full, delta, first, last, slice_start,
 * fresh, keep_head, keep_tail): re-read the front matter and decide whether the body moved
 * or changed, pick the blocks the edit touched and widen the slice until the old parse
 * agrees at both ends, then keep the blocks that came out the same. The head re-read and
 * the thrice-written block shift would split off cleanly, and should when the core is next
 * changed and fuzzed. */
gboolean
lekh_preview_model_update (LekhPreviewModel  *self,
                           LekhPreviewChange *change)
{
  LekhPreviewChange dummy;
  const char *text;
  gsize len, ds, old_end;
  gssize delta;
  int line_delta;
  gboolean full = FALSE, shift_only = FALSE;
  guint n, first, last;
  gsize slice_start;
  g_autoptr(GArray) fresh = NULL;
  g_autoptr(GPtrArray) fresh_nodes = NULL;
  cmark_node *doc = NULL;
  guint keep_head, keep_tail, slice_n;
  int shift = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (change == NULL)
    change = &dummy;
  memset (change, 0, sizeof *change);

  g_ptr_array_set_size (self->nodes, 0);
  g_clear_pointer (&self->doc, cmark_node_free);

  if (!self->dirty)
    return FALSE;

  text = text_str (self);
  len = text_len (self);
  ds = self->dirty_start;
  old_end = self->parsed_len >= self->dirty_suffix ? self->parsed_len - self->dirty_suffix : 0;
  delta = (gssize) len - (gssize) self->parsed_len;
  line_delta = (int) self->lines->len - (int) self->parsed_n_lines;

  if (!self->parsed)
    full = TRUE;

  if (full || split_may_change (self, ds))
    {
      gsize old_body_start = self->body_start;
      const LekhSplit *split;

      LekhArticle *head = NULL;

      /* Typing in the front matter of a long article: read only the head, through the
       * line where the closing delimiter now is (the first closing line decides, so the
       * rest cannot change the split) — unless that head has no closing line. */
      if (!full && self->article != NULL && !split_may_change_anywhere (self))
        {
          const LekhSplit *old_split = lekh_article_get_split (self->article);
          gssize guess = (gssize) old_split->close_end + delta;

          if (old_split->format != LEKH_FRONT_MATTER_NONE && ds < old_split->close_end
              && guess > 0 && (gsize) guess < len)
            {
              gsize cut = (gsize) guess;
              const GError *head_error;

              while (cut < len && text[cut - 1] != '\n')
                cut++;
              head = lekh_article_new (text, (gssize) cut);
              head_error = lekh_article_get_error (head);
              if (lekh_article_get_split (head)->format == LEKH_FRONT_MATTER_NONE
                  || g_error_matches (head_error, LEKH_ERROR, LEKH_ERROR_UNTERMINATED)
                  || g_error_matches (head_error, LEKH_ERROR, LEKH_ERROR_INVALID_UTF8))
                g_clear_pointer (&head, lekh_article_unref);
            }
        }

      g_clear_pointer (&self->article, lekh_article_unref);
      self->article = head != NULL ? head : read_head (text, len);
      split = lekh_article_get_split (self->article);
      self->body_start = split->body_start;
      self->body_line = split->body_line;
      change->front_matter_changed = TRUE;

      /* An edit that stayed inside the front matter only moves the body; one in the
       * body that left the split alone is an edit of the body. */
      if (full)
        ;
      else if (old_end <= old_body_start
               && (gssize) old_body_start + delta == (gssize) self->body_start)
        shift_only = TRUE;
      else if (ds < old_body_start || self->body_start != old_body_start)
        full = TRUE;
    }

  n = self->blocks->len;
  if (!full && (n == 0 || self->refs_touched))
    full = TRUE;

  if (!full && shift_only)
    {
      /* Front-matter edit: shift every block. */
      for (guint i = 0; i < n; i++)
        {
          LekhPreviewBlock *b = &g_array_index (self->blocks, LekhPreviewBlock, i);

          b->start += delta;
          b->end += delta;
          b->start_line += line_delta;
          b->end_line += line_delta;
        }
      goto done;
    }

  fresh = g_array_new (FALSE, FALSE, sizeof (LekhPreviewBlock));
  fresh_nodes = g_ptr_array_new ();

  if (full)
    {
      first = 0;
      last = n > 0 ? n - 1 : 0;
      slice_start = self->body_start;
      doc = parse (text + slice_start, len - slice_start, NULL, &shift);
      collect_blocks (self, doc, shift, slice_start, self->lines->len, fresh, fresh_nodes);
      collect_refs (self);
      change->reset = TRUE;
    }
  else
    {
      guint k = first_block_ending_after (self->blocks, ds);
      guint m = count_blocks_starting_before (self->blocks, old_end);

      first = k > 0 ? k - 1 : 0;
      if (first >= n)
        first = n - 1;
      last = m < n ? m : n - 1;     /* the first block starting after the edit */
      if (last < first)
        last = first;
      while (last + 1 < n && g_array_index (self->blocks, LekhPreviewBlock, last).start <= old_end)
        last++;

      slice_start = first == 0 ? self->body_start
                               : g_array_index (self->blocks, LekhPreviewBlock, first).start;

      for (;;)
        {
          gboolean to_end = last + 1 >= n;
          gsize slice_end;
          guint end_line;
          GString *refs = self->refs;
          gboolean head_ok, tail_ok;

          if (to_end && self->refs->len > 0)
            {
              /* An unclosed fence at the end would take in appended definitions. */
              first = 0;
              slice_start = self->body_start;
              refs = NULL;
            }
          slice_end = to_end ? len
                             : (gsize) ((gssize) g_array_index (self->blocks, LekhPreviewBlock,
                                                                last + 1).start + delta);
          end_line = to_end ? self->lines->len : line_at_offset (self->lines, slice_end);

          g_array_set_size (fresh, 0);
          g_ptr_array_set_size (fresh_nodes, 0);
          g_clear_pointer (&doc, cmark_node_free);
          doc = parse (text + slice_start, slice_end - slice_start, to_end ? NULL : refs, &shift);
          collect_blocks (self, doc, shift, slice_start, end_line, fresh, fresh_nodes);

          /* The slice must begin and end where the old parse had unchanged blocks;
           * otherwise the edit reached further (an opened fence, a list that grew, a
           * paragraph that became a setext heading): widen. */
          head_ok = slice_start == self->body_start
                    || (fresh->len > 0
                        && block_equal (&g_array_index (self->blocks, LekhPreviewBlock, first),
                                        &g_array_index (fresh, LekhPreviewBlock, 0), 0, 0));
          tail_ok = to_end
                    || (fresh->len > 0
                        && block_equal (&g_array_index (self->blocks, LekhPreviewBlock, last),
                                        &g_array_index (fresh, LekhPreviewBlock, fresh->len - 1),
                                        delta, line_delta));
          if (head_ok && tail_ok)
            break;
          if (!head_ok)
            {
              first = first > 2 ? first - 2 : 0;
              slice_start = first == 0 ? self->body_start
                                       : g_array_index (self->blocks, LekhPreviewBlock, first).start;
            }
          if (!tail_ok)
            last = MIN (n - 1, last + MAX (2, last - first));
        }
    }

  /* Blocks that came out the same are kept, so a view renders only the others. */
  slice_n = n > 0 ? last - first + 1 : 0;
  keep_head = 0;
  keep_tail = 0;
  if (!full)
    {
      while (keep_head < slice_n && keep_head < fresh->len
             && block_equal (&g_array_index (self->blocks, LekhPreviewBlock, first + keep_head),
                             &g_array_index (fresh, LekhPreviewBlock, keep_head), 0, 0))
        keep_head++;
      while (keep_tail < slice_n - keep_head && keep_tail < fresh->len - keep_head
             && block_equal (&g_array_index (self->blocks, LekhPreviewBlock, last - keep_tail),
                             &g_array_index (fresh, LekhPreviewBlock, fresh->len - 1 - keep_tail),
                             delta, line_delta))
        keep_tail++;
    }

  for (guint i = last + 1; i < n; i++)
    {
      LekhPreviewBlock *b = &g_array_index (self->blocks, LekhPreviewBlock, i);

      b->start += delta;
      b->end += delta;
      b->start_line += line_delta;
      b->end_line += line_delta;
    }
  for (guint i = 0; i < keep_tail; i++)
    {
      LekhPreviewBlock *b = &g_array_index (self->blocks, LekhPreviewBlock, last - i);

      b->start += delta;
      b->end += delta;
      b->start_line += line_delta;
      b->end_line += line_delta;
    }

  change->position = first + keep_head;
  change->n_removed = slice_n - keep_head - keep_tail;
  change->n_added = fresh->len - keep_head - keep_tail;
  if (change->n_removed > 0)
    g_array_remove_range (self->blocks, change->position, change->n_removed);
  if (change->n_added > 0)
    g_array_insert_vals (self->blocks, change->position,
                         &g_array_index (fresh, LekhPreviewBlock, keep_head), change->n_added);

  self->doc = doc;
  for (guint i = 0; i < change->n_added; i++)
    g_ptr_array_add (self->nodes, g_ptr_array_index (fresh_nodes, keep_head + i));
  self->nodes_position = change->position;
  self->nodes_line_offset = (int) line_at_offset (self->lines, slice_start) - shift;

done:
  update_contexts (self, change);
  self->parsed = TRUE;
  self->dirty = FALSE;
  self->refs_touched = FALSE;
  self->parsed_len = len;
  self->parsed_n_lines = self->lines->len;
  return TRUE;
}

GBytes *
lekh_preview_model_ref_text (LekhPreviewModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->text != NULL)
    {
      self->lent_len = self->text->len;
      self->lent = g_bytes_new_take (g_string_free (self->text, FALSE), self->lent_len);
      self->lent_data = g_bytes_get_data (self->lent, NULL);
      if (self->lent_data == NULL)
        self->lent_data = "";
      self->text = NULL;
    }
  return g_bytes_ref (self->lent);
}

gboolean
lekh_preview_model_set_text_bytes (LekhPreviewModel  *self,
                                   GBytes            *bytes,
                                   LekhPreviewChange *change)
{
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL || len == 0 || self->parsed || text_len (self) != 0 || data[len] != '\0')
    return lekh_preview_model_set_text (self, data != NULL ? data : "", len, change);

  /* A new, empty model takes the bytes as its lent text: what replace() does for an
   * insertion into nothing, without the copy. */
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  self->text = NULL;
  self->lent = g_bytes_ref (bytes);
  self->lent_data = data;
  self->lent_len = len;
  g_array_set_size (self->lines, 1);
  scan_line_starts (data, len, 0, len, self->lines);
  self->dirty = TRUE;
  self->dirty_start = 0;
  self->dirty_suffix = 0;
  return lekh_preview_model_update (self, change);
}

const char *
lekh_preview_model_get_text (LekhPreviewModel *self,
                             gsize            *len)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (len != NULL)
    *len = text_len (self);
  return text_str (self);
}

LekhArticle *
lekh_preview_model_get_article (LekhPreviewModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->article;
}

guint
lekh_preview_model_get_body_line (LekhPreviewModel *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return self->body_line;
}

guint
lekh_preview_model_get_n_blocks (LekhPreviewModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->blocks->len;
}

const LekhPreviewBlock *
lekh_preview_model_get_block (LekhPreviewModel *self,
                              guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return &g_array_index (self->blocks, LekhPreviewBlock, index);
}

int
lekh_preview_model_find_line (LekhPreviewModel *self,
                              guint             line)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, -1);

  hi = self->blocks->len;
  if (hi == 0)
    return -1;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->blocks, LekhPreviewBlock, mid).end_line < line)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (int) MIN (lo, self->blocks->len - 1);
}

cmark_node *
lekh_preview_model_get_node (LekhPreviewModel *self,
                             guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index < self->nodes_position || index - self->nodes_position >= self->nodes->len)
    return NULL;
  return g_ptr_array_index (self->nodes, index - self->nodes_position);
}

void
lekh_preview_model_release_nodes (LekhPreviewModel *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_unref (self->nodes);
  self->nodes = g_ptr_array_new ();
  g_clear_pointer (&self->doc, cmark_node_free);
}

cmark_node *
lekh_preview_model_parse_block (LekhPreviewModel *self,
                                guint             index,
                                int              *first_line)
{
  const LekhPreviewBlock *block;
  int shift;
  cmark_node *doc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  block = &g_array_index (self->blocks, LekhPreviewBlock, index);
  doc = parse (text_str (self) + block->start, block->end - block->start, self->refs, &shift);
  if (first_line != NULL)
    *first_line = shift + 1;
  return doc;
}

int
lekh_preview_model_get_node_line_offset (LekhPreviewModel *self,
                                         guint             index)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->nodes_line_offset;
}

int
lekh_preview_model_find_heading (LekhPreviewModel *self,
                                 const char       *id)
{
  g_autoptr(LekhSlugger) slugger = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *wanted_lower = NULL;
  int folded_match = -1;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (id != NULL, -1);

  if (id[0] == '#')
    id++;
  wanted = g_uri_unescape_string (id, NULL);
  if (wanted == NULL || wanted[0] == '\0' || !g_utf8_validate (wanted, -1, NULL))
    return -1;
  wanted_lower = g_utf8_strdown (wanted, -1);

  slugger = lekh_slugger_new ();
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const LekhPreviewBlock *block = &g_array_index (self->blocks, LekhPreviewBlock, i);
      cmark_node *doc, *node;
      g_autofree char *text = NULL;
      g_autofree char *slug = NULL;

      if (block->type != CMARK_NODE_HEADING)
        continue;
      {
        LekhCalloutKind kind;
        const char *source = text_str (self) + block->start;

        /* An admonition's fence is no heading of the site's. */
        if (lekh_site_syntax_admonition (source, strcspn (source, "\r\n"), &kind, NULL))
          continue;
      }
      doc = lekh_preview_model_parse_block (self, i, NULL);
      node = doc != NULL ? cmark_node_first_child (doc) : NULL;
      text = node != NULL && cmark_node_get_type (node) == CMARK_NODE_HEADING
             ? lekh_heading_dup_text (node) : g_strdup ("");
      g_clear_pointer (&doc, cmark_node_free);
      /* "## Title" with an MDX comment holding its id: the React docs write them so. */
      if (g_str_has_suffix (text, LEKH_PREVIEW_COMMENT_MARK "/}")
          && strstr (text, "{/" LEKH_PREVIEW_COMMENT_MARK) != NULL)
        {
          g_autoptr(GString) with_id = g_string_new (text);

          g_string_replace (with_id, "{/" LEKH_PREVIEW_COMMENT_MARK, "{#", 0);
          g_string_replace (with_id, LEKH_PREVIEW_COMMENT_MARK "/}", "}", 0);
          g_free (text);
          text = g_string_free (g_steal_pointer (&with_id), FALSE);
        }
      slug = lekh_slugger_next (slugger, text);

      if (strcmp (slug, wanted) == 0)
        return (int) i;
      if (folded_match < 0)
        {
          g_autofree char *slug_lower = g_utf8_strdown (slug, -1);

          if (strcmp (slug_lower, wanted_lower) == 0)
            folded_match = (int) i;
        }
    }
  return folded_match;
}

int
lekh_preview_model_find_footnote (LekhPreviewModel *self,
                                  const char       *label,
                                  gboolean          definition)
{
  g_autofree char *needle = NULL;
  gsize needle_len;
  const char *text;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (label != NULL, -1);

  needle = g_strdup_printf ("[^%s]", label);
  needle_len = strlen (needle);
  text = text_str (self);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const LekhPreviewBlock *block = &g_array_index (self->blocks, LekhPreviewBlock, i);
      const char *end = text + block->end;

      if ((block->type == CMARK_NODE_FOOTNOTE_DEFINITION) != definition)
        continue;
      for (const char *p = text + block->start;
           (p = memchr (p, '[', (gsize) (end - p))) != NULL; p++)
        {
          gboolean is_definition;

          if ((gsize) (end - p) < needle_len || memcmp (p, needle, needle_len) != 0)
            continue;
          is_definition = p + needle_len < end && p[needle_len] == ':';
          if (is_definition == definition)
            return (int) i;
        }
    }
  return -1;
}
