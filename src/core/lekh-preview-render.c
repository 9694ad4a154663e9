/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lekh-heading.h"
#include "lekh-markdown.h"
#include "lekh-preview-render.h"
#include "lekh-site-syntax.h"

#define FENCE_HEADING "###### " LEKH_PREVIEW_FENCE_MARK

typedef struct
{
  guint    type;            /* CMARK_ORDERED_LIST / CMARK_BULLET_LIST */
  int      number;
  char     delim;
  gboolean tight;
} ListState;

typedef struct
{
  LekhPreviewRendering      *out;
  GArray                    *open;         /* LekhPreviewRun being rendered (end unset) */
  GArray                    *lists;        /* ListState */
  int                        quote_depth;
  int                        quote_x[8];   /* where the rules of the quotes go */
  char                      *marker;       /* list marker waiting for its item's first line */
  char                      *marker_link;  /* where a click on the marker goes */
  gboolean                   check;        /* a check box waits for the item's first line */
  gboolean                   checked;
  guint                      check_line;
  guint                      line_start;
  guint                      last_line_start;
  gboolean                   in_line;
  gboolean                   line_marker;  /* the current line starts with a list marker */
  gboolean                   code_padding; /* the line is a code block's: inset in its tint */

  LekhCalloutContext         context;      /* admonitions and components around the line */
  GString                   *pending;      /* text nodes not appended yet */
  gboolean                   in_comment;   /* inside an MDX comment */

  LekhPreviewBlockRendering *block;
  guint                      block_offset; /* offset of the block's start */
  int                        block_line;   /* the node line of the source's first line */
  const char                *source;
  gsize                      source_len;
} Renderer;

static void render_node (Renderer   *r,
                         cmark_node *root,
                         gboolean    inlines_only);

LekhPreviewRendering *
lekh_preview_rendering_new (void)
{
  LekhPreviewRendering *self = g_new0 (LekhPreviewRendering, 1);

  self->text = g_string_new (NULL);
  self->runs = g_array_new (FALSE, FALSE, sizeof (LekhPreviewRun));
  self->anchors = g_array_new (FALSE, FALSE, sizeof (LekhPreviewAnchor));
  self->blocks = g_array_new (FALSE, FALSE, sizeof (LekhPreviewBlockRendering));
  return self;
}

void
lekh_preview_link_clear (LekhPreviewLink *link)
{
  g_clear_pointer (&link->url, g_free);
}

LekhPreviewRendering *
lekh_preview_table_get_cell (LekhPreviewTable *table,
                             guint             row,
                             guint             column)
{
  GPtrArray *cells;

  g_return_val_if_fail (table != NULL, NULL);

  if (row >= table->rows->len)
    return NULL;
  cells = g_ptr_array_index (table->rows, row);
  return column < cells->len ? g_ptr_array_index (cells, column) : NULL;
}

static void
table_free (LekhPreviewTable *table)
{
  if (table == NULL)
    return;
  g_free (table->alignments);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
lekh_preview_rendering_free (LekhPreviewRendering *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_array_unref (self->runs);
  for (guint i = 0; i < self->anchors->len; i++)
    {
      LekhPreviewAnchor *anchor = &g_array_index (self->anchors, LekhPreviewAnchor, i);

      g_free (anchor->url);
      g_free (anchor->alt);
      table_free (anchor->table);
    }
  g_array_unref (self->anchors);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      LekhPreviewBlockRendering *block = &g_array_index (self->blocks,
                                                         LekhPreviewBlockRendering, i);

      if (block->links != NULL)
        {
          for (guint j = 0; j < block->links->len; j++)
            lekh_preview_link_clear (&g_array_index (block->links, LekhPreviewLink, j));
          g_array_unref (block->links);
        }
      g_clear_pointer (&block->lines, g_array_unref);
    }
  g_array_unref (self->blocks);
  g_free (self);
}

static void
append (Renderer   *r,
        const char *text,
        gssize      len)
{
  if (text == NULL)
    return;
  if (len < 0)
    len = (gssize) strlen (text);
  /* cmark-gfm can cut a character in two when "[^…" spanning lines is no footnote. */
  if (!g_utf8_validate_len (text, (gsize) len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, len);

      g_string_append (r->out->text, valid);
      r->out->n_chars += (guint) g_utf8_strlen (valid, -1);
      return;
    }
  g_string_append_len (r->out->text, text, len);
  r->out->n_chars += (guint) g_utf8_strlen (text, len);
}

static void
add_style (Renderer   *r,
           guint       start,
           guint       end,
           const char *style)
{
  LekhPreviewRun run = { start, end, style, 0, 0 };

  if (end > start)
    g_array_append_val (r->out->runs, run);
}

static void
add_indent (Renderer *r,
            guint     start,
            guint     end,
            int       margin,
            int       hang)
{
  LekhPreviewRun run = { start, end, NULL, margin, hang };

  if (end > start)
    g_array_append_val (r->out->runs, run);
}

static void
push_style (Renderer   *r,
            const char *style)
{
  LekhPreviewRun run = { r->out->n_chars, 0, style, 0, 0 };

  g_array_append_val (r->open, run);
}

static LekhPreviewRun
pop_style (Renderer *r)
{
  LekhPreviewRun run = { 0, };

  if (r->open->len == 0)
    return run;
  run = g_array_index (r->open, LekhPreviewRun, r->open->len - 1);
  g_array_set_size (r->open, r->open->len - 1);
  add_style (r, run.start, r->out->n_chars, run.style);
  return run;
}

static void
add_link (Renderer   *r,
          guint       start,
          guint       end,
          const char *url)
{
  LekhPreviewLink link = { start - r->block_offset, end - r->block_offset, g_strdup (url) };

  if (r->block->links == NULL)
    r->block->links = g_array_new (FALSE, FALSE, sizeof (LekhPreviewLink));
  g_array_append_val (r->block->links, link);
}

static int
current_indent (Renderer *r)
{
  return r->quote_depth * LEKH_PREVIEW_QUOTE_INDENT
         + (int) r->lists->len * LEKH_PREVIEW_LIST_INDENT
         + (int) lekh_callout_context_depth (r->context) * LEKH_PREVIEW_CALLOUT_INDENT;
}

static const char *
callout_style (LekhCalloutKind kind)
{
  static const char * const styles[] = {
    NULL, "callout-note", "callout-tip", "callout-info", "callout-warning", "callout-danger",
    "callout-caution", "callout-component",
  };

  return (guint) kind < G_N_ELEMENTS (styles) ? styles[kind] : NULL;
}

/* Source line LINE (NODE numbering) of the block, from column FIRST to LAST (1-based
 * bytes, inclusive), or NULL when the source does not have it. */
static char *
source_columns (Renderer *r,
                int       line,
                int       first,
                int       last)
{
  const char *p = r->source, *end = r->source + r->source_len, *eol;

  if (r->source == NULL || line < r->block_line || first < 1 || last < first)
    return NULL;
  for (int i = r->block_line; i < line && p < end; i++)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *cr = memchr (p, '\r', (gsize) ((nl != NULL ? nl : end) - p));

      if (cr != NULL)
        p = cr + 1 + (cr + 1 < end && cr[1] == '\n');
      else if (nl != NULL)
        p = nl + 1;
      else
        return NULL;
    }
  eol = p;
  while (eol < end && *eol != '\n' && *eol != '\r')
    eol++;
  if (p + last > eol)
    return NULL;
  return g_strndup (p + first - 1, (gsize) (last - first + 1));
}

/* The label of a footnote reference "[^label]" or of a definition "[^label]: …". */
static char *
footnote_label (Renderer   *r,
                cmark_node *node)
{
  int line = cmark_node_get_start_line (node);
  g_autofree char *text = NULL;
  const char *close;

  if (cmark_node_get_type (node) == CMARK_NODE_FOOTNOTE_REFERENCE)
    text = source_columns (r, line, cmark_node_get_start_column (node),
                           cmark_node_get_end_column (node));
  else
    {
      /* A definition's columns are its content's: its label is before them. */
      g_autofree char *head = source_columns (r, line, 1, cmark_node_get_start_column (node));
      const char *open = head != NULL ? g_strrstr (head, "[^") : NULL;

      text = open != NULL ? g_strdup (open) : NULL;
    }
  if (text == NULL || !g_str_has_prefix (text, "[^") || (close = strchr (text, ']')) == NULL)
    return g_strdup (cmark_node_get_literal (node) != NULL ? cmark_node_get_literal (node) : "");
  /* The source, unlike cmark's text, may hold invalid UTF-8. */
  return g_utf8_make_valid (text + 2, close - text - 2);
}

static void
note_line (Renderer   *r,
           cmark_node *node)
{
  LekhPreviewLine anchor;
  int line = cmark_node_get_start_line (node) - r->block_line;

  if (line <= 0)
    return;
  if (r->block->lines == NULL)
    r->block->lines = g_array_new (FALSE, FALSE, sizeof (LekhPreviewLine));
  anchor.offset = r->out->n_chars - r->block_offset;
  anchor.line_delta = (guint) line;
  g_array_append_val (r->block->lines, anchor);
}

static void
add_anchor (Renderer          *r,
            LekhPreviewAnchor *anchor)
{
  anchor->offset = r->out->n_chars;
  anchor->byte = r->out->text->len;
  anchor->indent = current_indent (r);
  g_array_append_val (r->out->anchors, *anchor);
  r->out->n_chars++;
}

static void
line_begin (Renderer   *r,
            cmark_node *node)
{
  if (r->in_line)
    return;
  note_line (r, node);
  r->in_line = TRUE;
  r->line_start = r->out->n_chars;
  r->line_marker = r->marker != NULL || r->check;
  if (r->check)
    {
      LekhPreviewAnchor check = { 0, };

      check.kind = LEKH_PREVIEW_ANCHOR_CHECK;
      check.checked = r->checked;
      check.line_delta = r->check_line;
      add_anchor (r, &check);
      append (r, "\t", 1);
      r->check = FALSE;
    }
  else if (r->marker != NULL)
    {
      guint start = r->out->n_chars;

      append (r, r->marker, -1);
      if (r->marker_link != NULL)
        {
          add_style (r, start, r->out->n_chars, "link");
          add_link (r, start, r->out->n_chars, r->marker_link);
        }
      append (r, "\t", 1);
      g_clear_pointer (&r->marker, g_free);
      g_clear_pointer (&r->marker_link, g_free);
    }
}

/* Whether the first letter of TEXT is of a right-to-left script. */
static gboolean
starts_right_to_left (const char *text,
                      gsize       len)
{
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      switch ((int) g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
          return TRUE;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

/* Ends the current paragraph: the line break, and paragraph-level styles over it. */
static void
line_end (Renderer   *r,
          const char *spacing)
{
  guint start = r->line_start;
  int indent = current_indent (r);
  GString *text = r->out->text;
  const char *p;

  if (!r->in_line)
    return;
  append (r, "\n", 1);
  r->in_line = FALSE;
  r->last_line_start = start;

  /* A marker hangs left of the item's text, which lines up with its other lines. The
   * view's own margins are the default. */
  if (indent > 0 || r->code_padding || r->line_marker)
    add_indent (r, start, r->out->n_chars,
                indent + (r->code_padding ? LEKH_PREVIEW_CODE_PADDING : 0),
                r->line_marker ? LEKH_PREVIEW_MARKER_WIDTH : 0);
  r->line_marker = FALSE;
  if (r->quote_depth > 0)
    add_style (r, start, r->out->n_chars, "quote");
  for (int i = 0; i < MIN (r->quote_depth, (int) G_N_ELEMENTS (r->quote_x)); i++)
    {
      LekhPreviewRun rule = { start, r->out->n_chars, "quote-rule", r->quote_x[i], 0 };

      g_array_append_val (r->out->runs, rule);
    }
  if (lekh_callout_context_depth (r->context) > 0)
    add_style (r, start, r->out->n_chars,
               callout_style (lekh_callout_context_innermost (r->context)));
  if (spacing != NULL)
    add_style (r, start, r->out->n_chars, spacing);

  /* Right-to-left paragraphs (Arabic, Hebrew) start at the right. */
  p = text->str + text->len;
  {
    gsize bytes = 0;
    guint chars = r->out->n_chars - start;

    for (const char *q = p; chars > 0 && q > text->str; chars--)
      {
        q = g_utf8_prev_char (q);
        bytes = (gsize) (p - q);
      }
    if (starts_right_to_left (p - bytes, bytes))
      add_style (r, start, r->out->n_chars, "rtl");
  }
}

/* TEXT as written: without the marks the preview model puts on fences and comments. */
static GString *
unmark (const char *text)
{
  GString *restored = g_string_new (text);

  g_string_replace (restored, FENCE_HEADING, "", 0);
  g_string_replace (restored, "{/" LEKH_PREVIEW_COMMENT_MARK, "{/*", 0);
  g_string_replace (restored, LEKH_PREVIEW_COMMENT_MARK "/}", "*/}", 0);
  return restored;
}

/* Appends the pending text nodes, without MDX comments and with Hugo shortcodes and
 * Liquid tags as chips. */
static void
flush_text (Renderer *r)
{
  const char *text = r->pending->str, *end = text + r->pending->len, *run = text;

  if (r->pending->len == 0)
    return;
  for (const char *p = text; p < end; p++)
    {
      g_autofree char *label = NULL;
      gsize skip;

      if (r->in_comment)
        {
          if (p + 3 <= end && (p[0] == '*' || p[0] == LEKH_PREVIEW_COMMENT_MARK[0])
              && p[1] == '/' && p[2] == '}')
            {
              r->in_comment = FALSE;
              p += 2;
              run = p + 1;
            }
          continue;
        }
      if (*p != '{')
        continue;
      skip = lekh_site_syntax_inline (p, (gsize) (end - p), &label);
      if (skip == 0 && p + 3 <= end && p[1] == '/'
          && (p[2] == '*' || p[2] == LEKH_PREVIEW_COMMENT_MARK[0]))
        {
          /* A comment that goes on past this text (a line break, another block). */
          append (r, run, p - run);
          r->in_comment = TRUE;
          p += 2;
          continue;
        }
      if (skip == 0)
        continue;
      append (r, run, p - run);
      if (label != NULL)
        {
          guint start = r->out->n_chars;

          append (r, label, -1);
          add_style (r, start, r->out->n_chars, "chip");
        }
      p += skip - 1;
      run = p + 1;
    }
  if (!r->in_comment)
    append (r, run, end - run);
  g_string_truncate (r->pending, 0);
}

static char *
collect_alt (cmark_node *image)
{
  GString *alt = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (image);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev == CMARK_EVENT_ENTER && node != image && cmark_node_get_literal (node) != NULL)
        g_string_append (alt, cmark_node_get_literal (node));
    }
  cmark_iter_free (iter);
  return g_string_free (alt, FALSE);
}

static void
render_code (Renderer   *r,
             cmark_node *node,
             const char *style)
{
  const char *literal = cmark_node_get_literal (node);
  gsize len = literal != NULL ? strlen (literal) : 0;
  guint start;

  g_autoptr(GString) restored = NULL;

  /* Fence lines and comments inside code were marked like those outside it. */
  if (literal != NULL && strpbrk (literal, LEKH_PREVIEW_FENCE_MARK LEKH_PREVIEW_COMMENT_MARK) != NULL)
    {
      restored = unmark (literal);
      literal = restored->str;
      len = restored->len;
    }
  if (len > 0 && literal[len - 1] == '\n')
    len--;
  line_begin (r, node);
  start = r->out->n_chars;
  append (r, literal != NULL ? literal : "", (gssize) len);
  if (style != NULL)
    add_style (r, start, r->out->n_chars + 1, style);
  add_style (r, start, r->out->n_chars + 1, "code-block");
  r->code_padding = TRUE;
  line_end (r, NULL);
  r->code_padding = FALSE;
  {
    /* Room above the block's first line and below its last, in its tint. */
    const char *last_nl = len > 0 ? g_utf8_strrchr (literal, (gssize) len, '\n') : NULL;
    guint last = last_nl != NULL ? start + (guint) g_utf8_strlen (literal, last_nl - literal + 1)
                                 : start;
    const char *first_nl = len > 0 ? memchr (literal, '\n', len) : NULL;
    guint first_end = first_nl != NULL ? start + (guint) g_utf8_strlen (literal, first_nl - literal + 1)
                                       : r->out->n_chars;

    add_style (r, start, first_end, "code-block-first");
    add_style (r, last, r->out->n_chars, "code-block-last");
  }
}

/* The title line of an admonition of KIND, or its closing fence (KIND NONE), which
 * ends the box with a little room. */
static void
render_fence (Renderer        *r,
              cmark_node      *node,
              LekhCalloutKind  kind,
              const char      *title)
{
  static const char * const names[] = {
    NULL, N_("Note"), N_("Tip"), N_("Info"), N_("Warning"), N_("Danger"), N_("Caution"),
  };
  guint start;

  if (kind == LEKH_CALLOUT_NONE)
    {
      line_begin (r, node);
      line_end (r, "callout-end");
      r->context = lekh_callout_context_pop (r->context);
      return;
    }
  r->context = lekh_callout_context_push (r->context, kind);
  line_begin (r, node);
  start = r->out->n_chars;
  append (r, title != NULL ? title : _(names[kind]), -1);
  add_style (r, start, r->out->n_chars, "callout-title");
  line_end (r, "callout-start");
}

/* An HTML block: JSX component tags as labels around what they hold, "<!-- truncate -->"
 * as the "read more" divider, anything else as the raw HTML it is. */
static gboolean
render_site_html (Renderer   *r,
                  cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  const char *close;
  g_auto(GStrv) split = NULL;
  gboolean any_tag = FALSE;

  if (literal == NULL)
    return FALSE;
  /* The comment's end is looked for after its start: in "<!--->" the "-->" overlaps it. */
  if (g_str_has_prefix (literal, "<!--") && (close = strstr (literal + 4, "-->")) != NULL)
    {
      g_autofree char *inner = g_strndup (literal + 4, (gsize) (close - literal - 4));

      if (strcmp (g_strstrip (inner), "truncate") == 0)
        {
          guint start;

          line_begin (r, node);
          start = r->out->n_chars;
          append (r, _("Read more"), -1);
          add_style (r, start, r->out->n_chars, "truncate");
          line_end (r, "paragraph");
          return TRUE;
        }
      return FALSE;
    }

  split = g_strsplit (literal, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      g_autofree char *label = NULL;
      gboolean closing, self_closing;

      if (lekh_site_syntax_jsx_tag (split[i], strlen (split[i]), &label, &closing, &self_closing))
        any_tag = TRUE;
      else if (*g_strstrip (split[i]) == '<')
        return FALSE;             /* other HTML in it: shown as it is */
    }
  if (!any_tag)
    return FALSE;

  for (guint i = 0; split[i] != NULL; i++)
    {
      g_autofree char *label = NULL;
      gboolean closing, self_closing;
      guint start;

      if (split[i][0] == '\0')
        continue;
      if (!lekh_site_syntax_jsx_tag (split[i], strlen (split[i]), &label, &closing, &self_closing))
        {
          line_begin (r, node);
          append (r, split[i], -1);
          line_end (r, "tight");
          continue;
        }
      if (closing)
        {
          line_begin (r, node);
          line_end (r, "callout-end");
          r->context = lekh_callout_context_pop (r->context);
          continue;
        }
      if (!self_closing)
        r->context = lekh_callout_context_push (r->context, LEKH_CALLOUT_COMPONENT);
      line_begin (r, node);
      start = r->out->n_chars;
      append (r, label, -1);
      add_style (r, start, r->out->n_chars, "component-label");
      line_end (r, self_closing ? "paragraph" : "callout-start");
    }
  return TRUE;
}

/* A table's cell, rendered on its own: its inlines, without the line break. */
static LekhPreviewRendering *
render_cell (Renderer   *r,
             cmark_node *cell)
{
  LekhPreviewRendering *out = lekh_preview_rendering_new ();
  Renderer cr = { 0, };
  LekhPreviewBlockRendering block = { 0, };

  g_array_append_val (out->blocks, block);
  cr.out = out;
  cr.open = g_array_new (FALSE, FALSE, sizeof (LekhPreviewRun));
  cr.lists = g_array_new (FALSE, FALSE, sizeof (ListState));
  cr.block = &g_array_index (out->blocks, LekhPreviewBlockRendering, 0);
  cr.block_line = r->block_line;
  cr.source = r->source;
  cr.source_len = r->source_len;
  cr.in_line = TRUE;            /* no line anchors, no line break */
  cr.pending = g_string_new (NULL);
  render_node (&cr, cell, TRUE);
  g_string_free (cr.pending, TRUE);
  g_array_unref (cr.open);
  g_array_unref (cr.lists);
  g_free (cr.marker);
  g_free (cr.marker_link);
  return out;
}

static void
render_table (Renderer   *r,
              cmark_node *node)
{
  LekhPreviewTable *table = g_new0 (LekhPreviewTable, 1);
  LekhPreviewAnchor anchor = { 0, };
  const uint8_t *alignments = cmark_gfm_extensions_get_table_alignments (node);

  table->n_columns = cmark_gfm_extensions_get_table_columns (node);
  table->alignments = g_new0 (char, table->n_columns + 1);
  for (guint i = 0; alignments != NULL && i < table->n_columns; i++)
    table->alignments[i] = (char) alignments[i];
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (cmark_node *row = cmark_node_first_child (node); row; row = cmark_node_next (row))
    {
      GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify) lekh_preview_rendering_free);

      for (cmark_node *cell = cmark_node_first_child (row); cell; cell = cmark_node_next (cell))
        g_ptr_array_add (cells, render_cell (r, cell));
      if (cmark_gfm_extensions_get_table_row_is_header (row))
        table->n_header_rows++;
      g_ptr_array_add (table->rows, cells);
    }

  line_begin (r, node);
  anchor.kind = LEKH_PREVIEW_ANCHOR_TABLE;
  anchor.table = table;
  add_anchor (r, &anchor);
  line_end (r, "paragraph");
}

/* Renders the cmark tree under ROOT (only its inlines when INLINES_ONLY). Long because it
 * is the one walk over cmark's enter and exit events, a case per node kind, each case
 * reading and changing the Renderer (open lists, quote depth, pending text, styles). The
 * longer cases (a heading that opens an admonition, a paragraph of MDX imports) could move
 * into helpers taking (r, node, enter) and should, the next time the core is changed and
 * fuzzed. */
static void
render_node (Renderer   *r,
             cmark_node *root,
             gboolean    inlines_only)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      gboolean enter = ev == CMARK_EVENT_ENTER;

      if (type == CMARK_NODE_TEXT)
        {
          line_begin (r, node);
          g_string_append (r->pending, cmark_node_get_literal (node));
          continue;
        }
      flush_text (r);

      switch (type)
        {
        case CMARK_NODE_BLOCK_QUOTE:
          if (enter && r->quote_depth < (int) G_N_ELEMENTS (r->quote_x))
            r->quote_x[r->quote_depth] = current_indent (r);
          r->quote_depth += enter ? 1 : -1;
          break;

        case CMARK_NODE_LIST:
          if (enter)
            {
              ListState list = { cmark_node_get_list_type (node),
                                 cmark_node_get_list_start (node),
                                 cmark_node_get_list_delim (node) == CMARK_PAREN_DELIM ? ')' : '.',
                                 cmark_node_get_list_tight (node) };
              g_array_append_val (r->lists, list);
            }
          else if (r->lists->len > 0)
            {
              g_array_set_size (r->lists, r->lists->len - 1);
              if (r->lists->len == 0 && !r->in_line)
                add_style (r, r->last_line_start, r->out->n_chars, "list-end");
            }
          break;

        case CMARK_NODE_ITEM:
          if (enter && r->lists->len > 0)
            {
              ListState *list = &g_array_index (r->lists, ListState, r->lists->len - 1);
              static const char * const bullets[] = { "•", "◦", "▪" };

              line_end (r, NULL);
              g_clear_pointer (&r->marker, g_free);
              r->check = FALSE;
              if (lekh_markdown_is_task_item (node))
                {
                  r->check = TRUE;
                  r->checked = lekh_markdown_task_is_checked (node);
                  r->check_line = (guint) MAX (0, cmark_node_get_start_line (node) - r->block_line);
                  list->number++;
                }
              else if (list->type == CMARK_ORDERED_LIST)
                r->marker = g_strdup_printf ("%d%c", list->number++, list->delim);
              else
                r->marker = g_strdup (bullets[(r->lists->len - 1) % G_N_ELEMENTS (bullets)]);
            }
          else if (!enter && (r->marker != NULL || r->check))
            {
              /* An empty item still shows its marker. */
              line_begin (r, node);
              line_end (r, "tight");
            }
          break;

        case CMARK_NODE_FOOTNOTE_DEFINITION:
          /* A one-item list whose marker, the label, leads back to the reference. */
          if (enter)
            {
              ListState list = { CMARK_ORDERED_LIST, 1, '.', TRUE };
              g_autofree char *label = footnote_label (r, node);

              line_end (r, NULL);
              g_array_append_val (r->lists, list);
              g_free (r->marker);
              g_free (r->marker_link);
              r->marker = g_strdup_printf ("%s.", label);
              r->marker_link = g_strdup_printf ("#fnref-%s", label);
              push_style (r, "footnote");
            }
          else
            {
              pop_style (r);
              if (r->lists->len > 0)
                g_array_set_size (r->lists, r->lists->len - 1);
            }
          break;

        case CMARK_NODE_PARAGRAPH:
          if (enter && cmark_node_parent (node) != NULL
              && cmark_node_get_type (cmark_node_parent (node)) == CMARK_NODE_DOCUMENT
              && cmark_node_first_child (node) != NULL
              && cmark_node_get_type (cmark_node_first_child (node)) == CMARK_NODE_TEXT)
            {
              const char *first = cmark_node_get_literal (cmark_node_first_child (node));

              /* MDX import/export statements are code the site runs, not text. */
              if (first != NULL && lekh_site_syntax_is_esm (first, strlen (first)))
                {
                  cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
                  break;
                }
            }
          if (enter)
            line_begin (r, node);
          else
            {
              gboolean tight = r->lists->len > 0
                               && g_array_index (r->lists, ListState, r->lists->len - 1).tight;
              line_end (r, tight ? "tight" : "paragraph");
            }
          break;

        case CMARK_NODE_HEADING:
          {
            static const char * const levels[] = { "h1", "h2", "h3", "h4", "h5", "h6" };
            const char *level = levels[CLAMP (cmark_node_get_heading_level (node), 1, 6) - 1];

            cmark_node *first = cmark_node_first_child (node);
            const char *text = first != NULL && cmark_node_get_type (first) == CMARK_NODE_TEXT
                               ? cmark_node_get_literal (first) : NULL;

            if (enter && text != NULL && cmark_node_get_heading_level (node) == 6
                && g_str_has_prefix (text, LEKH_PREVIEW_FENCE_MARK))
              {
                LekhCalloutKind kind;
                g_autofree char *title = NULL;
                g_autofree char *line = lekh_heading_dup_text (node);

                if (lekh_site_syntax_admonition (line + 1, strlen (line + 1), &kind, &title))
                  render_fence (r, node, kind, title);
                cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
                break;
              }
            if (enter)
              {
                line_begin (r, node);
                push_style (r, level);
                push_style (r, "heading");
              }
            else
              {
                pop_style (r);
                pop_style (r);
                line_end (r, NULL);
                /* The heading's style covers the line break too (paragraph spacing). */
                add_style (r, r->out->n_chars - 1, r->out->n_chars, level);
              }
          }
          break;

        case CMARK_NODE_CODE_BLOCK:
          render_code (r, node, NULL);
          break;

        case CMARK_NODE_HTML_BLOCK:
          if (!render_site_html (r, node))
            render_code (r, node, "raw-html");
          break;

        case CMARK_NODE_THEMATIC_BREAK:
          {
            LekhPreviewAnchor rule = { 0, };

            line_begin (r, node);
            rule.kind = LEKH_PREVIEW_ANCHOR_RULE;
            add_anchor (r, &rule);
            line_end (r, "rule");
          }
          break;

        case CMARK_NODE_SOFTBREAK:
          append (r, " ", 1);
          break;

        case CMARK_NODE_LINEBREAK:
          append (r, "\u2028", -1);
          break;

        case CMARK_NODE_CODE:
          {
            guint start;

            const char *literal = cmark_node_get_literal (node);
            g_autoptr(GString) restored = NULL;

            if (literal != NULL && strchr (literal, LEKH_PREVIEW_COMMENT_MARK[0]) != NULL)
              {
                restored = unmark (literal);
                literal = restored->str;
              }
            line_begin (r, node);
            start = r->out->n_chars;
            append (r, literal, -1);
            add_style (r, start, r->out->n_chars, "code");
          }
          break;

        case CMARK_NODE_HTML_INLINE:
          {
            guint start;

            line_begin (r, node);
            start = r->out->n_chars;
            append (r, cmark_node_get_literal (node), -1);
            add_style (r, start, r->out->n_chars, "code");
            add_style (r, start, r->out->n_chars, "raw-html");
          }
          break;

        case CMARK_NODE_EMPH:
          if (enter)
            push_style (r, "emphasis");
          else
            pop_style (r);
          break;

        case CMARK_NODE_STRONG:
          if (enter)
            push_style (r, "strong");
          else
            pop_style (r);
          break;

        case CMARK_NODE_LINK:
          if (enter)
            {
              line_begin (r, node);
              push_style (r, "link");
            }
          else if (r->open->len > 0)
            {
              LekhPreviewRun run = pop_style (r);

              add_link (r, run.start, r->out->n_chars, cmark_node_get_url (node));
            }
          break;

        case CMARK_NODE_FOOTNOTE_REFERENCE:
          if (enter)
            {
            g_autofree char *label = footnote_label (r, node);
            g_autofree char *url = g_strdup_printf ("#fn-%s", label);
            guint start;

            line_begin (r, node);
            start = r->out->n_chars;
            append (r, label, -1);
            add_style (r, start, r->out->n_chars, "footnote-ref");
            add_style (r, start, r->out->n_chars, "link");
            add_link (r, start, r->out->n_chars, url);
            }
          break;

        case CMARK_NODE_IMAGE:
          if (enter)
            {
              g_autofree char *alt = collect_alt (node);
              const char *url = cmark_node_get_url (node);

              line_begin (r, node);
              if (url != NULL && *url != '\0')
                {
                  LekhPreviewAnchor image = { 0, };

                  image.kind = LEKH_PREVIEW_ANCHOR_IMAGE;
                  image.url = g_strdup (url);
                  image.alt = g_strdup (alt);
                  add_anchor (r, &image);
                }
              else
                {
                  guint start = r->out->n_chars;

                  append (r, alt, -1);
                  add_style (r, start, r->out->n_chars, "image-alt");
                }
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
            }
          break;

        default:
          if (type == CMARK_NODE_STRIKETHROUGH)
            {
              if (enter)
                push_style (r, "strikethrough");
              else
                pop_style (r);
            }
          else if (type == CMARK_NODE_TABLE && enter)
            {
              render_table (r, node);
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
            }
          break;
        }
    }
  cmark_iter_free (iter);
  flush_text (r);
  if (!inlines_only)
    line_end (r, "paragraph");
}

void
lekh_preview_rendering_add_block (LekhPreviewRendering *self,
                                  cmark_node           *node,
                                  LekhCalloutContext    context,
                                  int                   first_line,
                                  const char           *source,
                                  gsize                 len)
{
  Renderer r = { 0, };
  LekhPreviewBlockRendering block = { self->n_chars, NULL, NULL };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->blocks, block);
  r.out = self;
  r.open = g_array_new (FALSE, FALSE, sizeof (LekhPreviewRun));
  r.lists = g_array_new (FALSE, FALSE, sizeof (ListState));
  r.block = &g_array_index (self->blocks, LekhPreviewBlockRendering, self->blocks->len - 1);
  r.block_offset = self->n_chars;
  r.block_line = first_line;
  r.source = source;
  r.source_len = source != NULL ? len : 0;
  r.context = context;
  r.pending = g_string_new (NULL);

  if (node != NULL)
    {
      /* "## Heading {#id}" shows as the site shows it, without the id. */
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        lekh_heading_strip_explicit_id (node);
      render_node (&r, node, FALSE);
    }
  if (self->n_chars == r.block_offset)
    {
      /* Nothing to show (an MDX import): a line break that takes no room. */
      append (&r, "\n", 1);
      add_style (&r, self->n_chars - 1, self->n_chars, "hidden");
    }

  g_string_free (r.pending, TRUE);
  g_array_unref (r.open);
  g_array_unref (r.lists);
  g_free (r.marker);
  g_free (r.marker_link);
}
