/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#ifdef __SSE2__
# include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
# include <immintrin.h>
# define LEKH_UTF8_AVX2 1
#endif
#include <yaml.h>

#include "lekh-article-private.h"
#include "lekh-json.h"
#include "lekh-toml.h"

/* No file gets past these, whatever it holds. */
#define LEKH_MAX_DEPTH   256
#define LEKH_MAX_ALIASES 100000

/* Nodes, entries and their strings live in one bump allocator per article and go
 * away with it: a front matter makes many small allocations that are never freed alone. */
typedef struct
{
  GPtrArray *blocks;
  char      *next;
  gsize      left;
} Arena;

#define ARENA_FIRST_BLOCK 2048

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  gpointer p;

  size = (size + 7) & ~(gsize) 7;
  if (size > arena->left)
    {
      gsize block;

      if (arena->blocks == NULL)
        arena->blocks = g_ptr_array_new_with_free_func (g_free);
      /* blocks double in size: few mallocs for a large front matter, little waste for a small one */
      block = MAX (size, (gsize) ARENA_FIRST_BLOCK << MIN (arena->blocks->len, 10u));
      arena->next = g_malloc (block);
      arena->left = block;
      g_ptr_array_add (arena->blocks, arena->next);
    }
  p = arena->next;
  arena->next += size;
  arena->left -= size;
  memset (p, 0, size);
  return p;
}

static char *
arena_strndup (Arena      *arena,
               const char *s,
               gsize       len)
{
  char *copy;

  if (s == NULL)
    return NULL;
  copy = arena_alloc (arena, len + 1);
  memcpy (copy, s, len);
  copy[len] = '\0';
  return copy;
}

static char *
arena_strdup (Arena      *arena,
              const char *s)
{
  return s ? arena_strndup (arena, s, strlen (s)) : NULL;
}

struct _LekhArticle
{
  gatomicrefcount  ref_count;
  GBytes          *bytes;
  const char      *text;
  gsize            len;
  LekhSplit        split;
  GError          *error;
  guint            error_line;
  guint            error_column;
  LekhNode        *root;
  GPtrArray       *entries;   /* LekhEntry* */
  gboolean         unterminated;
  Arena            arena;
  GPtrArray       *child_arrays;  /* every collection's children array */
  int              body_checked;  /* atomic: the body's UTF-8 is checked (on first need) */
  GMutex           body_lock;     /* taken only until body_checked is set */
  LekhTomlDocument *toml;         /* +++ front matter: owns root and the entries' nodes */
  LekhJsonDocument *json;         /* { } front matter: likewise */
};

/* libyaml's marks count characters, not bytes: this walks the UTF-8 text to turn
 * a character index into a byte offset. Marks arrive almost in order, so a moving
 * cursor keeps the whole parse linear. */
typedef struct
{
  const char *text;
  gsize       len;
  gsize       char_pos;
  gsize       byte_pos;
  gboolean    ascii;      /* then characters are bytes */
} CharCursor;

static gsize
char_cursor_to_byte (CharCursor *c,
                     gsize       index)
{
  if (c->ascii)
    return MIN (index, c->len);
  while (c->char_pos < index && c->byte_pos < c->len)
    {
      c->byte_pos = g_utf8_next_char (c->text + c->byte_pos) - c->text;
      c->char_pos++;
    }
  while (c->char_pos > index && c->byte_pos > 0)
    {
      c->byte_pos = g_utf8_prev_char (c->text + c->byte_pos) - c->text;
      c->char_pos--;
    }
  return MIN (c->byte_pos, c->len);
}

typedef struct
{
  LekhArticle   *article;
  yaml_parser_t  parser;
  CharCursor     cursor;
  GHashTable    *anchors;     /* name -> LekhNode* (borrowed) */
  guint          depth;
  guint          n_aliases;
  GError        *error;
  guint          error_line;
  guint          error_column;
} Builder;

static void
builder_set_span (Builder    *b,
                  LekhSpan   *span,
                  yaml_mark_t start,
                  yaml_mark_t end)
{
  const LekhSplit *split = &b->article->split;

  span->start = split->yaml_start + char_cursor_to_byte (&b->cursor, start.index);
  span->line = split->yaml_line + start.line;
  span->column = start.column + 1;
  span->end = split->yaml_start + char_cursor_to_byte (&b->cursor, end.index);
  if (span->end < span->start)
    span->end = span->start;
}

static void
builder_fail (Builder     *b,
              guint        code,
              yaml_mark_t  mark,
              const char  *format,
              ...) G_GNUC_PRINTF (4, 5);

static void
builder_fail (Builder     *b,
              guint        code,
              yaml_mark_t  mark,
              const char  *format,
              ...)
{
  va_list args;

  if (b->error != NULL)
    return;

  va_start (args, format);
  b->error = g_error_new_valist (LEKH_ERROR, code, format, args);
  va_end (args);
  b->error_line = b->article->split.yaml_line + mark.line;
  b->error_column = mark.column + 1;
}

static gboolean
builder_next (Builder      *b,
              yaml_event_t *event)
{
  if (!yaml_parser_parse (&b->parser, event))
    {
      yaml_mark_t mark = b->parser.problem_mark;
      const char *problem = b->parser.problem ? b->parser.problem : _("unknown problem");
      gsize at = char_cursor_to_byte (&b->cursor, mark.index);
      gsize ls = at;

      while (ls > 0 && b->cursor.text[ls - 1] != '\n')
        ls--;
      /* libyaml's words for a tab in the indentation are cryptic; say what is wrong. */
      if (at < b->cursor.len && (b->cursor.text[at] == '\t' || b->cursor.text[ls] == '\t'))
        builder_fail (b, LEKH_ERROR_YAML_SYNTAX, mark,
                      _("YAML error: a tab is used for indentation; YAML needs spaces"));
      else if (b->parser.context != NULL)
        builder_fail (b, LEKH_ERROR_YAML_SYNTAX, mark, _("YAML error: %s %s"),
                      problem, b->parser.context);
      else
        builder_fail (b, LEKH_ERROR_YAML_SYNTAX, mark, _("YAML error: %s"), problem);
      return FALSE;
    }
  return TRUE;
}

static LekhNodeStyle
scalar_style (yaml_scalar_style_t style)
{
  switch (style)
    {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return LEKH_STYLE_SINGLE_QUOTED;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return LEKH_STYLE_DOUBLE_QUOTED;
    case YAML_LITERAL_SCALAR_STYLE: return LEKH_STYLE_LITERAL;
    case YAML_FOLDED_SCALAR_STYLE: return LEKH_STYLE_FOLDED;
    case YAML_ANY_SCALAR_STYLE:
    case YAML_PLAIN_SCALAR_STYLE:
    default:
      return LEKH_STYLE_PLAIN;
    }
}

/* The end of a node's own text: the last non-blank byte (block scalars and block
 * collections carry trailing line breaks in libyaml's end marks). */
static gsize
content_end (const LekhArticle *self,
             const LekhNode    *node)
{
  gsize end = node->span.end;

  if (node->kind == LEKH_NODE_SCALAR &&
      (node->style == LEKH_STYLE_LITERAL || node->style == LEKH_STYLE_FOLDED))
    {
      while (end > node->span.start && strchr (" \t\r\n", self->text[end - 1]) != NULL)
        end--;
    }
  return end;
}

static LekhNode *builder_node (Builder *b, yaml_event_t *event);

static gboolean
node_is_implicit_empty (const LekhNode *node)
{
  return node->kind == LEKH_NODE_SCALAR && node->scalar_len == 0 &&
         node->style == LEKH_STYLE_PLAIN && node->tag == NULL && node->anchor == NULL &&
         node->span.start == node->span.end;
}

/* Moves an empty SPAN to OFFSET, at or after the start of FROM, counting its line and
 * column from there. */
static void
span_move_to (const char     *text,
              LekhSpan       *span,
              const LekhSpan *from,
              gsize           offset)
{
  g_assert (offset >= from->start);

  span->line = from->line;
  span->column = from->column;
  for (gsize p = from->start; p < offset; p = g_utf8_next_char (text + p) - text)
    {
      if (text[p] == '\n')
        {
          span->line++;
          span->column = 1;
        }
      else
        span->column++;
    }
  span->start = span->end = offset;
}

/* An explicit "? key" without a ": value" gets an empty value whose mark libyaml puts
 * at the next token: past comments, on the next key's line, or at the end of the front
 * matter. Anything measured up to it (the mapping that holds it, the key it is part
 * of) would then reach over text that is not its own, and change when a neighbour is
 * edited. It belongs right after its key. (After a ':' the mark is right after it.) */
static void
builder_place_empty_value (Builder  *b,
                           LekhNode *key,
                           LekhNode *value)
{
  const char *text = b->article->text;
  gsize key_end = content_end (b->article, key);

  if (!node_is_implicit_empty (value))
    return;
  if (value->span.start > key_end && text[value->span.start - 1] == ':')
    return;
  if (value->span.start < key_end)
    return;   /* never before its key */
  span_move_to (text, &value->span, &key->span, key_end);
}

static void
builder_register_anchor (Builder  *b,
                         LekhNode *node)
{
  if (node->anchor == NULL)
    return;
  if (b->anchors == NULL)
    b->anchors = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (b->anchors, node->anchor, node);
}

static LekhNode *
builder_collection (Builder      *b,
                    yaml_event_t *start_event,
                    LekhNodeKind  kind)
{
  LekhNode *node = arena_alloc (&b->article->arena, sizeof (LekhNode));
  yaml_event_type_t end_type = kind == LEKH_NODE_SEQUENCE ? YAML_SEQUENCE_END_EVENT
                                                          : YAML_MAPPING_END_EVENT;
  gboolean flow;
  const char *anchor, *tag;

  if (kind == LEKH_NODE_SEQUENCE)
    {
      flow = start_event->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
      anchor = (const char *) start_event->data.sequence_start.anchor;
      tag = (const char *) start_event->data.sequence_start.tag;
    }
  else
    {
      flow = start_event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
      anchor = (const char *) start_event->data.mapping_start.anchor;
      tag = (const char *) start_event->data.mapping_start.tag;
    }

  node->kind = kind;
  node->style = flow ? LEKH_STYLE_FLOW : LEKH_STYLE_BLOCK;
  node->anchor = arena_strdup (&b->article->arena, anchor);
  node->tag = arena_strdup (&b->article->arena, tag);
  node->children = g_ptr_array_new ();
  g_ptr_array_add (b->article->child_arrays, node->children);
  builder_set_span (b, &node->span, start_event->start_mark, start_event->end_mark);

  if (++b->depth > LEKH_MAX_DEPTH)
    {
      builder_fail (b, LEKH_ERROR_LIMIT, start_event->start_mark,
                    _("The front matter is nested more than %d levels deep"), LEKH_MAX_DEPTH);
      return NULL;
    }

  for (;;)
    {
      yaml_event_t event;
      LekhNode *child;

      if (!builder_next (b, &event))
        return NULL;
      if (event.type == end_type)
        {
          if (flow)
            {
              LekhSpan end_span;

              builder_set_span (b, &end_span, event.start_mark, event.end_mark);
              node->span.end = end_span.end;
            }
          else if (node->children->len > 0)
            {
              const LekhNode *last = g_ptr_array_index (node->children, node->children->len - 1);

              node->span.end = content_end (b->article, last);
            }
          yaml_event_delete (&event);
          break;
        }
      child = builder_node (b, &event);
      yaml_event_delete (&event);
      if (child == NULL)
        return NULL;
      if (kind == LEKH_NODE_MAPPING && node->children->len % 2 == 1)
        builder_place_empty_value (b, g_ptr_array_index (node->children, node->children->len - 1),
                                   child);
      g_ptr_array_add (node->children, child);
    }

  b->depth--;
  builder_register_anchor (b, node);
  return node;
}

/* Builds the node that EVENT starts; the caller deletes EVENT. */
static LekhNode *
builder_node (Builder      *b,
              yaml_event_t *event)
{
  LekhNode *node;

  switch (event->type)
    {
    case YAML_SCALAR_EVENT:
      node = arena_alloc (&b->article->arena, sizeof (LekhNode));
      node->kind = LEKH_NODE_SCALAR;
      node->style = scalar_style (event->data.scalar.style);
      node->scalar = arena_strndup (&b->article->arena, (const char *) event->data.scalar.value,
                                    event->data.scalar.length);
      node->scalar_len = event->data.scalar.length;
      node->anchor = arena_strdup (&b->article->arena, (const char *) event->data.scalar.anchor);
      node->tag = arena_strdup (&b->article->arena, (const char *) event->data.scalar.tag);
      builder_set_span (b, &node->span, event->start_mark, event->end_mark);
      if (memchr (node->scalar, '\0', node->scalar_len) != NULL)
        {
          builder_fail (b, LEKH_ERROR_YAML_SYNTAX, event->start_mark,
                        _("A value contains a NUL character"));
          return NULL;
        }
      builder_register_anchor (b, node);
      return node;

    case YAML_ALIAS_EVENT:
      if (++b->n_aliases > LEKH_MAX_ALIASES)
        {
          builder_fail (b, LEKH_ERROR_LIMIT, event->start_mark,
                        _("The front matter uses more than %d aliases"), LEKH_MAX_ALIASES);
          return NULL;
        }
      node = arena_alloc (&b->article->arena, sizeof (LekhNode));
      node->kind = LEKH_NODE_ALIAS;
      node->style = LEKH_STYLE_PLAIN;
      node->scalar = arena_strdup (&b->article->arena, (const char *) event->data.alias.anchor);
      node->scalar_len = strlen (node->scalar);
      node->alias_target = b->anchors ? g_hash_table_lookup (b->anchors, node->scalar) : NULL;
      builder_set_span (b, &node->span, event->start_mark, event->end_mark);
      if (node->alias_target == NULL)
        {
          builder_fail (b, LEKH_ERROR_YAML_SYNTAX, event->start_mark,
                        _("Unknown alias “*%s”"), node->scalar);
          return NULL;
        }
      return node;

    case YAML_SEQUENCE_START_EVENT:
      return builder_collection (b, event, LEKH_NODE_SEQUENCE);

    case YAML_MAPPING_START_EVENT:
      return builder_collection (b, event, LEKH_NODE_MAPPING);

    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
    default:
      builder_fail (b, LEKH_ERROR_YAML_SYNTAX, event->start_mark, _("Unexpected YAML structure"));
      return NULL;
    }
}

/* Past the line break of the line holding OFFSET (or LIMIT). */
static gsize
line_end (const char *text,
          gsize       offset,
          gsize       limit)
{
  const char *nl;

  if (offset >= limit)
    return limit;
  nl = memchr (text + offset, '\n', limit - offset);
  return nl ? (gsize) (nl - text) + 1 : limit;
}

/* libyaml ends a line at \n, \r\n, a lone \r, NEL, LS and PS: the entries' line spans
 * must use the same breaks as the parser that placed their keys, or a key after a lone
 * \r (a mixed-line-ending file) would share its "line" with the entry before it. */
static gsize
yaml_break_len (const char *text,
                gsize       p,
                gsize       limit)
{
  const guchar *t = (const guchar *) text;

  if (t[p] == '\n')
    return 1;
  if (t[p] == '\r')
    return p + 1 < limit && t[p + 1] == '\n' ? 2 : 1;
  if (t[p] == 0xC2 && p + 1 < limit && t[p + 1] == 0x85)
    return 2;
  if (t[p] == 0xE2 && p + 2 < limit && t[p + 1] == 0x80 && (t[p + 2] == 0xA8 || t[p + 2] == 0xA9))
    return 3;
  return 0;
}

static gboolean
yaml_break_before (const char *text,
                   gsize       offset,
                   gsize       limit)
{
  const guchar *t = (const guchar *) text;

  if (offset == 0)
    return TRUE;
  if (t[offset - 1] == '\n')
    return TRUE;
  if (t[offset - 1] == '\r')
    return offset >= limit || t[offset] != '\n';
  if (offset >= 2 && t[offset - 2] == 0xC2 && t[offset - 1] == 0x85)
    return TRUE;
  return offset >= 3 && t[offset - 3] == 0xE2 && t[offset - 2] == 0x80 &&
         (t[offset - 1] == 0xA8 || t[offset - 1] == 0xA9);
}

static gsize
yaml_line_start (const char *text,
                 gsize       offset,
                 gsize       limit)
{
  while (!yaml_break_before (text, offset, limit))
    offset--;
  return offset;
}

static gsize
yaml_line_end (const char *text,
               gsize       offset,
               gsize       limit)
{
  for (gsize p = offset; p < limit; p++)
    {
      gsize n = yaml_break_len (text, p, limit);

      if (n > 0)
        return MIN (p + n, limit);
    }
  return limit;
}

static gboolean
line_is_indented_comment (const char *text,
                          gsize       start,
                          gsize       limit)
{
  gsize p = start;

  if (p >= limit || (text[p] != ' ' && text[p] != '\t'))
    return FALSE;
  while (p < limit && (text[p] == ' ' || text[p] == '\t'))
    p++;
  return p < limit && text[p] == '#';
}

/* The first C in [FROM, TO) outside a comment. Between two tokens of a block mapping
 * lie only blanks, line breaks, comments and indicators (the '?' before an explicit key,
 * the ':' before a value), so this finds an indicator without a second parse; a '?' or ':'
 * inside a comment ("? a # b: c") is not one. Between tokens every '#' starts a comment,
 * even right after a quoted scalar ("a"#b): libyaml reads it so (only inside a plain scalar
 * does a '#' need a blank before it), and taking such a '?' for an indicator gave an entry a
 * span reaching back over the one before (found by fuzz-article). */
static gsize
find_indicator (const char *text,
                gsize       from,
                gsize       to,
                char        c)
{
  gboolean comment = FALSE;

  for (gsize p = from; p < to; p++)
    {
      if (yaml_break_len (text, p, to) > 0)
        comment = FALSE;
      else if (comment)
        continue;
      else if (text[p] == '#')
        comment = TRUE;
      else if (text[p] == c)
        return p;
    }
  return G_MAXSIZE;
}

static void
article_build_entries (LekhArticle *self)
{
  const LekhNode *root = self->root;
  gsize limit = self->split.yaml_end;
  gsize previous_end = self->split.yaml_start;

  self->entries = g_ptr_array_new ();
  if (root == NULL || root->kind != LEKH_NODE_MAPPING)
    return;

  for (guint i = 0; i + 1 < root->children->len; i += 2)
    {
      LekhNode *key = g_ptr_array_index (root->children, i);
      LekhNode *value = g_ptr_array_index (root->children, i + 1);
      LekhEntry *entry = arena_alloc (&self->arena, sizeof (LekhEntry));
      gsize key_end = content_end (self, key);
      gsize p, end;

      entry->key = key->kind == LEKH_NODE_SCALAR ? key->scalar : (char *) "";
      entry->key_node = key;
      entry->key_span = key->span;
      entry->key_span.end = key_end;

      /* An explicit key's '?' lies between the previous entry's text and this key. */
      p = find_indicator (self->text, MIN (previous_end, key->span.start), key->span.start, '?');
      entry->indicator = p != G_MAXSIZE ? p : key->span.start;

      /* The ':' lies between the key and its value (an empty value sits right after it);
       * an explicit key alone has none. */
      p = find_indicator (self->text, key_end, MAX (value->span.start, key_end), ':');
      entry->colon = p != G_MAXSIZE ? p : key_end;

      end = MAX (content_end (self, value), key_end);
      if (p != G_MAXSIZE)
        end = MAX (end, entry->colon + 1);
      previous_end = end;
      end = yaml_line_end (self->text, end, limit);
      while (end < limit && line_is_indented_comment (self->text, end, limit))
        end = yaml_line_end (self->text, end, limit);

      entry->entry_span.start = yaml_line_start (self->text, entry->indicator, limit);
      entry->entry_span.end = end;
      entry->entry_span.line = key->span.line;
      entry->entry_span.column = 1;
      if (entry->indicator < key->span.start)
        {
          /* the "?" line */
          for (gsize q = entry->indicator; q < key->span.start; q++)
            if (self->text[q] == '\n')
              entry->entry_span.line--;
        }

      entry->value = value;   /* borrowed: the root mapping owns its nodes */
      g_ptr_array_add (self->entries, entry);
    }

  /* Block entries own whole lines and never reach into the next one; should anything
   * above misjudge a span, the edits' verification refuses rather than corrupts. */
  if (root->style == LEKH_STYLE_BLOCK)
    for (guint i = 0; i + 1 < self->entries->len; i++)
      {
        LekhEntry *entry = g_ptr_array_index (self->entries, i);
        const LekhEntry *next = g_ptr_array_index (self->entries, i + 1);

        if (entry->entry_span.end > next->entry_span.start)
          {
            entry->entry_span.end = MAX (next->entry_span.start, entry->key_span.end);
            entry->colon = MIN (entry->colon, entry->entry_span.end);
          }
      }
}

gsize
_lekh_article_content_end (const LekhArticle *self,
                           const LekhNode    *node)
{
  return content_end (self, node);
}

static void
article_fail (LekhArticle *self,
              GError      *error,
              guint        line,
              guint        column)
{
  /* The first problem is the one reported. */
  if (self->error != NULL)
    {
      g_error_free (error);
      return;
    }
  self->error = error;
  self->error_line = line;
  self->error_column = column;
}

/* Is the line at P (ending at the next \n or LIMIT) exactly DELIM, ignoring trailing blanks? */
static gboolean
line_is_delimiter (const char *text,
                   gsize       p,
                   gsize       limit,
                   const char *delim)
{
  gsize n = strlen (delim);

  if (p + n > limit || memcmp (text + p, delim, n) != 0)
    return FALSE;
  for (p += n; p < limit && text[p] != '\n'; p++)
    if (text[p] != ' ' && text[p] != '\t' && text[p] != '\r')
      return FALSE;
  return TRUE;
}

/* JSON front matter ends where Hugo's lexer ends it (parser/pageparser/pagelexer_intro.go,
 * lexFrontMatterJSON): at the '}' that closes the first '{', counting braces outside
 * strings, so a nested object's '}' at the start of a line does not end it. The JSON text
 * keeps its braces; the closing brace must end its line. Unclosed: no front matter. */
static void
article_split_json (LekhArticle *self)
{
  LekhSplit *split = &self->split;
  const char *text = self->text;
  gsize len = self->len;
  gboolean in_string = FALSE;
  guint level = 0;
  guint line = 1;

  for (gsize p = split->open_start; p < len; p++)
    {
      char c = text[p];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            {
              if (p + 1 < len && text[p + 1] == '\n')
                line++;
              p++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{')
        level++;
      else if (c == '}' && --level == 0)
        {
          gsize end = line_end (text, p + 1, len);
          gsize q = p + 1;

          while (q < end && (text[q] == ' ' || text[q] == '\t' || text[q] == '\r'))
            q++;
          if (q < end && text[q] != '\n')
            break;   /* something follows the closing brace on its line */
          split->yaml_start = split->open_start;
          split->yaml_line = 1;
          split->yaml_end = split->close_end = split->body_start = end;
          split->body_line = line + (end > 0 && text[end - 1] == '\n');
          return;
        }
    }

  split->format = LEKH_FRONT_MATTER_NONE;
  split->yaml_start = split->yaml_end = split->close_end = split->body_start = split->bom_len;
  split->yaml_line = split->body_line = 1;
}

static void
article_split (LekhArticle *self)
{
  LekhSplit *split = &self->split;
  const char *text = self->text;
  gsize len = self->len;
  const char *nl;
  const char *closers[2] = { NULL, NULL };
  gboolean fenced = FALSE;
  gsize p;
  guint line;

  memset (split, 0, sizeof *split);
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    split->bom_len = 3;

  nl = memchr (text, '\n', len);
  split->crlf = nl != NULL && nl > text && nl[-1] == '\r';

  p = split->bom_len;
  if (line_is_delimiter (text, p, len, "---"))
    {
      split->format = LEKH_FRONT_MATTER_YAML;
      closers[0] = "---";
      closers[1] = "...";
    }
  else if (line_is_delimiter (text, p, len, "+++"))
    {
      split->format = LEKH_FRONT_MATTER_TOML;
      closers[0] = "+++";
    }
  else if (line_is_delimiter (text, p, len, "---json"))
    {
      /* gray-matter's (Docusaurus') fence naming its language: JSON between --- lines */
      split->format = LEKH_FRONT_MATTER_JSON;
      closers[0] = "---";
      fenced = TRUE;
    }
  else if (line_is_delimiter (text, p, len, "{"))
    split->format = LEKH_FRONT_MATTER_JSON;

  split->open_start = split->yaml_start = split->yaml_end = p;
  split->close_end = split->body_start = p;
  split->yaml_line = split->body_line = 1;
  if (split->format == LEKH_FRONT_MATTER_NONE)
    return;

  if (split->format == LEKH_FRONT_MATTER_JSON && !fenced)
    {
      article_split_json (self);
      return;
    }

  p = line_end (text, p, len);
  split->yaml_start = p;
  split->yaml_line = 2;
  for (line = 2; p < len; line++)
    {
      if (line_is_delimiter (text, p, len, closers[0]) ||
          (closers[1] != NULL && line_is_delimiter (text, p, len, closers[1])))
        {
          split->yaml_end = p;
          split->close_end = split->body_start = line_end (text, p, len);
          split->body_line = line + (split->close_end > 0 && text[split->close_end - 1] == '\n');
          return;
        }
      p = line_end (text, p, len);
    }

  /* No closing line: the whole file would be front matter. */
  split->yaml_end = split->close_end = split->body_start = len;
  split->body_line = line;
  if (split->format == LEKH_FRONT_MATTER_YAML || fenced)
    self->unterminated = TRUE;
  else
    {
      /* An unclosed +++ is not front matter: treat the file as all body. */
      split->format = LEKH_FRONT_MATTER_NONE;
      split->yaml_start = split->yaml_end = split->close_end = split->body_start = split->bom_len;
      split->yaml_line = split->body_line = 1;
    }
}

static void
article_parse_yaml (LekhArticle *self)
{
  Builder b = { 0 };
  yaml_event_t event;
  gboolean done = FALSE;
  const char *yaml = self->text + self->split.yaml_start;
  gsize yaml_len = self->split.yaml_end - self->split.yaml_start;

  b.article = self;
  b.cursor.text = yaml;
  b.cursor.len = yaml_len;
  b.cursor.ascii = TRUE;
  for (gsize i = 0; i < yaml_len; i++)
    if ((guchar) yaml[i] >= 0x80)
      {
        b.cursor.ascii = FALSE;
        break;
      }

  yaml_parser_initialize (&b.parser);
  yaml_parser_set_encoding (&b.parser, YAML_UTF8_ENCODING);
  yaml_parser_set_input_string (&b.parser, (const unsigned char *) yaml, yaml_len);

  while (!done && b.error == NULL && builder_next (&b, &event))
    {
      switch (event.type)
        {
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;

        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
          if (event.type == YAML_DOCUMENT_START_EVENT && self->root != NULL)
            builder_fail (&b, LEKH_ERROR_YAML_SYNTAX, event.start_mark,
                          _("The front matter holds more than one YAML document"));
          break;

        case YAML_SCALAR_EVENT:
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
        case YAML_ALIAS_EVENT:
          {
            LekhNode *node = builder_node (&b, &event);

            if (node == NULL)
              break;
            if (node->kind == LEKH_NODE_SCALAR && node->scalar_len == 0 &&
                node->style == LEKH_STYLE_PLAIN && node->tag == NULL)
              ;  /* only comments: an empty front matter */
            else if (node->kind != LEKH_NODE_MAPPING)
              {
                builder_fail (&b, LEKH_ERROR_NOT_EDITABLE, event.start_mark,
                              _("The front matter is not a list of “key: value” lines"));
              }
            else
              self->root = node;
          }
          break;

        case YAML_NO_EVENT:
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
        default:
          break;
        }
      yaml_event_delete (&event);
    }

  yaml_parser_delete (&b.parser);
  g_clear_pointer (&b.anchors, g_hash_table_unref);

  if (b.error != NULL)
    {
      article_fail (self, b.error, b.error_line, b.error_column);
      self->root = NULL;
    }
  article_build_entries (self);
}

/* "Line L, column C: message" from the TOML and JSON readers: the article keeps the
 * position apart, like the YAML errors, so only the message is kept, named like theirs. */
static GError *
article_reader_error (GError     *error,
                      const char *format_name)
{
  const char *message = error->message;
  const char *colon;
  GError *out;

  if (g_str_has_prefix (message, "Line ") && (colon = strstr (message, ": ")) != NULL)
    message = colon + 2;
  if (error->code == LEKH_ERROR_LIMIT)
    out = g_error_new (LEKH_ERROR, error->code, "%s", message);
  else
    out = g_error_new (LEKH_ERROR, error->code, _("%s error: %s"), format_name, message);
  g_error_free (error);
  return out;
}

static LekhEntry *
article_add_entry (LekhArticle *self,
                   LekhNode    *key,
                   LekhNode    *value)
{
  LekhEntry *entry = arena_alloc (&self->arena, sizeof (LekhEntry));

  entry->key = key->kind == LEKH_NODE_SCALAR ? key->scalar : (char *) "";
  entry->key_node = key;
  entry->key_span = key->span;
  entry->indicator = key->span.start;
  entry->colon = key->span.end;
  entry->entry_span = key->span;
  entry->entry_span.start = G_MAXSIZE;
  entry->value = value;
  g_ptr_array_add (self->entries, entry);
  return entry;
}

/* TOML entries are the root table's keys. A `key = value` line at the top is an entry
 * like a YAML one: its span is its line (trailing comment included), its colon the '='.
 * A table made by headers ([params], [params.x], [[cascade]]) or by dotted keys
 * (a.b = 1) is one entry whose value is the table (or the array of tables); its span is
 * the line that first defines it and, for a header, the lines of that section up to its
 * last key. Later sections of the same table ([a.b] after [c], a second [[a]]) and later
 * dotted lines are not in it, so spans never overlap and come in order; such entries are
 * never edited as a whole (lekh-edit.c refuses them), their colon is their key's end. */
static void
article_build_toml_entries (LekhArticle *self)
{
  const LekhTomlDocument *doc = self->toml;
  const LekhNode *root = lekh_toml_document_get_root (doc);
  guint n_headers = lekh_toml_document_get_n_headers (doc);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gsize *section_end = g_new0 (gsize, n_headers + 1);

  self->root = (LekhNode *) root;
  for (guint i = 0; i + 1 < root->children->len; i += 2)
    {
      LekhEntry *entry = article_add_entry (self, g_ptr_array_index (root->children, i),
                                            g_ptr_array_index (root->children, i + 1));

      if (!g_hash_table_contains (by_key, entry->key))
        g_hash_table_insert (by_key, entry->key, entry);
    }

  for (guint i = 0; i < lekh_toml_document_get_n_keyvals (doc); i++)
    {
      const LekhTomlKeyval *kv = lekh_toml_document_get_keyval (doc, i);
      LekhEntry *entry;

      if (kv->header >= 0)
        {
          section_end[kv->header] = MAX (section_end[kv->header], kv->entry_span.end);
          continue;
        }
      entry = g_hash_table_lookup (by_key, kv->key_path[0]);
      if (entry == NULL || entry->entry_span.start != G_MAXSIZE)
        continue;
      entry->entry_span = kv->entry_span;
      entry->entry_span.column = 1;
      if (kv->n_parts == 1 && kv->value == entry->value)
        entry->colon = kv->equals;
    }

  for (guint h = 0; h < n_headers; h++)
    {
      const LekhTomlHeader *header = lekh_toml_document_get_header (doc, h);
      LekhEntry *entry = g_hash_table_lookup (by_key, header->path[0]);

      if (entry == NULL || entry->entry_span.start != G_MAXSIZE)
        continue;
      entry->entry_span = header->line_span;
      entry->entry_span.column = 1;
      entry->entry_span.end = MAX (header->line_span.end, section_end[h]);
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      LekhEntry *entry = g_ptr_array_index (self->entries, i);

      /* A key whose name holds U+0000 is not found by its C string: its own text. */
      if (entry->entry_span.start == G_MAXSIZE)
        {
          entry->entry_span = entry->key_span;
          entry->entry_span.end = MAX (entry->key_span.end, entry->value->span.end);
        }
    }
}

static void
article_parse_toml (LekhArticle *self)
{
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;

  self->entries = g_ptr_array_new ();
  self->toml = lekh_toml_parse_range (self->text, self->split.yaml_start, self->split.yaml_end,
                                      self->split.yaml_line, &line, &column, &error);
  if (self->toml == NULL)
    {
      article_fail (self, article_reader_error (g_steal_pointer (&error), "TOML"), line, column);
      return;
    }
  article_build_toml_entries (self);
}

/* Is TEXT[FROM, TO) only blanks? */
static gboolean
only_blanks (const char *text,
             gsize       from,
             gsize       to)
{
  for (gsize p = from; p < to; p++)
    if (text[p] != ' ' && text[p] != '\t')
      return FALSE;
  return TRUE;
}

/* JSON entries are the top object's members. A member that starts its line owns the
 * line from its start; one whose value (and comma) ends its line owns the line break;
 * members that share a line with others span their own text. The colon is the ':'. */
static void
article_build_json_entries (LekhArticle *self)
{
  const LekhNode *root = lekh_json_document_get_root (self->json);
  const char *text = self->text;
  gsize limit = self->split.yaml_end;

  self->root = (LekhNode *) root;
  for (guint i = 0; i + 1 < root->children->len; i += 2)
    {
      LekhNode *key = g_ptr_array_index (root->children, i);
      LekhNode *value = g_ptr_array_index (root->children, i + 1);
      LekhEntry *entry = article_add_entry (self, key, value);
      gsize ls = key->span.start;
      gsize p = value->span.end;

      while (ls > 0 && text[ls - 1] != '\n')
        ls--;
      entry->entry_span = key->span;
      if (only_blanks (text, ls, key->span.start))
        {
          entry->entry_span.start = ls;
          entry->entry_span.column = 1;
        }
      entry->colon = key->span.end;
      while (entry->colon < value->span.start && text[entry->colon] != ':')
        entry->colon++;

      entry->entry_span.end = value->span.end;
      if (p < limit && text[p] == ',')
        p++;
      while (p < limit && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
        p++;
      if (p < limit && text[p] == '\n')
        entry->entry_span.end = p + 1;
    }
}

static void
article_parse_json (LekhArticle *self)
{
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;

  self->entries = g_ptr_array_new ();
  self->json = lekh_json_parse_range (self->text, self->split.yaml_start, self->split.yaml_end,
                                      self->split.yaml_line, &line, &column, &error);
  if (self->json == NULL)
    {
      article_fail (self, article_reader_error (g_steal_pointer (&error), "JSON"), line, column);
      return;
    }
  if (lekh_json_document_get_root (self->json)->kind != LEKH_NODE_MAPPING)
    {
      const LekhNode *root = lekh_json_document_get_root (self->json);

      article_fail (self, g_error_new (LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                                       _("The JSON front matter is not an object")),
                    root->span.line, root->span.column);
      return;
    }
  article_build_json_entries (self);
}

const LekhTomlDocument *
_lekh_article_get_toml (const LekhArticle *self)
{
  return self->toml;
}

/* UTF-8 validation that skips ASCII sixteen or thirty-two bytes at a time: articles are mostly ASCII
 * markup, and GLib's byte-by-byte validator dominated the cost of reading a file. A
 * multibyte character is checked in one step against the ranges of RFC 3629 (Table 3-7 of
 * the Unicode standard): no overlong form, no surrogate, nothing beyond U+10FFFF, so text in
 * Devanagari (three bytes a letter) costs a few comparisons a letter. NUL bytes count as
 * invalid, as in g_utf8_validate_len(). On failure *END is the first byte of the sequence
 * that is not valid, as there. Long because the ASCII fast path and the check of each
 * multibyte length are one loop: split, the position of a failure would have to travel back. */
static gboolean
utf8_validate_fast (const char  *text,
                    gsize        len,
                    const char **end)
{
  const guint64 high = 0x8080808080808080ULL;
  const guint64 ones = 0x0101010101010101ULL;
  const guchar *p = (const guchar *) text;
  const guchar *limit = p + len;

  while (p < limit)
    {
      const guchar *stop;

#ifdef __SSE2__
      /* thirty-two bytes a round where the processor allows (every x86-64 does) */
      while (limit - p >= 32)
        {
          const __m128i zero = _mm_setzero_si128 ();
          __m128i a = _mm_loadu_si128 ((const __m128i *) p);
          __m128i b = _mm_loadu_si128 ((const __m128i *) (p + 16));
          __m128i nul = _mm_or_si128 (_mm_cmpeq_epi8 (a, zero), _mm_cmpeq_epi8 (b, zero));

          /* a byte's top bit: not ASCII, or a zero byte */
          if (_mm_movemask_epi8 (_mm_or_si128 (_mm_or_si128 (a, b), nul)) != 0)
            break;
          p += 32;
        }
#endif
      while (limit - p >= 16)
        {
          guint64 a, b;

          memcpy (&a, p, 8);
          memcpy (&b, p + 8, 8);
          /* all ASCII, and no zero byte */
          if (((a | b) & high) != 0 || (((a - ones) & ~a) | ((b - ones) & ~b)) & high)
            break;
          p += 16;
        }

      /* then ASCII one byte at a time, up to sixteen (text in another script has short
       * runs of ASCII between its letters) */
      stop = p + MIN (16, limit - p);
      while (p < stop && *p < 0x80 && *p != 0)
        p++;
      if (p == limit || *p == 0)
        break;
      if (*p < 0x80)
        continue;

      /* multibyte letters, one after another */
      do
        {
          guchar c = *p, lo, hi;

          /* continuation bytes, and C0 C1 (overlong two-byte forms), cannot start one */
          if (c < 0xc2)
            goto out;
          if (c < 0xe0)
            {
              if (limit - p < 2 || (p[1] & 0xc0) != 0x80)
                goto out;
              p += 2;
            }
          else if (c < 0xf0)
            {
              lo = c == 0xe0 ? 0xa0 : 0x80;   /* E0: no overlong form */
              hi = c == 0xed ? 0x9f : 0xbf;   /* ED: no surrogate */
              if (limit - p < 3 || p[1] < lo || p[1] > hi || (p[2] & 0xc0) != 0x80)
                goto out;
              p += 3;
            }
          else if (c < 0xf5)
            {
              lo = c == 0xf0 ? 0x90 : 0x80;   /* F0: no overlong form */
              hi = c == 0xf4 ? 0x8f : 0xbf;   /* F4: nothing beyond U+10FFFF */
              if (limit - p < 4 || p[1] < lo || p[1] > hi || (p[2] & 0xc0) != 0x80 ||
                  (p[3] & 0xc0) != 0x80)
                goto out;
              p += 4;
            }
          else
            goto out;
        }
      while (p < limit && *p >= 0x80);
    }

out:
  *end = (const char *) p;
  return p == limit;
}

#ifdef LEKH_UTF8_AVX2
/* The same verdict, thirty-two bytes a round with AVX2 where the processor has it: the
 * lookup-table method of Keiser and Lemire ("Validating UTF-8 in less than one instruction
 * per byte", 2021). Three table lookups by the high and low nibbles of a byte and the high
 * nibble of the next classify every error a pair of bytes can show (too short, too long,
 * overlong, surrogate, too large, two continuations); a third or fourth byte is checked
 * against the lead two or three bytes back. Rounds only say "all valid so far": at the first
 * round that finds anything (or a NUL), and for the last bytes, utf8_validate_fast() takes
 * over from the start of the character that round began in, and gives the exact place. */
enum
{
  TOO_SHORT = 1 << 0,   /* a lead byte not followed by a continuation */
  TOO_LONG = 1 << 1,    /* ASCII followed by a continuation */
  OVERLONG_3 = 1 << 2,
  TOO_LARGE = 1 << 3,
  SURROGATE = 1 << 4,
  OVERLONG_2 = 1 << 5,
  TOO_LARGE_1000 = 1 << 6,
  OVERLONG_4 = 1 << 6,
  TWO_CONTS = 1 << 7,   /* a continuation after a continuation: checked against the lead */
  CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

__attribute__((target ("avx2"))) static inline __m256i
utf8_prev (__m256i input,
           __m256i prev_input,
           int     n)
{
  /* the 32 bytes N bytes back: the last N of PREV_INPUT, then INPUT */
  __m256i joined = _mm256_permute2x128_si256 (prev_input, input, 0x21);

  switch (n)
    {
    case 1: return _mm256_alignr_epi8 (input, joined, 15);
    case 2: return _mm256_alignr_epi8 (input, joined, 14);
    default: return _mm256_alignr_epi8 (input, joined, 13);
    }
}

__attribute__((target ("avx2"))) static inline __m256i
utf8_round_errors (__m256i input,
                   __m256i prev_input)
{
  const __m256i nibble = _mm256_set1_epi8 (0x0f);
  const __m256i byte_1_high_table = _mm256_setr_epi8 (
    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
    TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
    TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4,
    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
    TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
    TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
#define LOW_TABLE \
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY, \
    CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, \
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, \
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000
#define HIGH_2_TABLE \
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, \
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4, \
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE, \
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT
  const __m256i byte_1_low_table = _mm256_setr_epi8 (LOW_TABLE, LOW_TABLE);
  const __m256i byte_2_high_table = _mm256_setr_epi8 (HIGH_2_TABLE, HIGH_2_TABLE);
#undef LOW_TABLE
#undef HIGH_2_TABLE
  __m256i prev1 = utf8_prev (input, prev_input, 1);
  __m256i byte_1_high, byte_1_low, byte_2_high, special, prev2, prev3, must23;

  /* (a 16-bit shift then the nibble mask: AVX2 shifts no bytes) */
  byte_1_high = _mm256_shuffle_epi8 (byte_1_high_table,
                                     _mm256_and_si256 (_mm256_srli_epi16 (prev1, 4), nibble));
  byte_1_low = _mm256_shuffle_epi8 (byte_1_low_table, _mm256_and_si256 (prev1, nibble));
  byte_2_high = _mm256_shuffle_epi8 (byte_2_high_table,
                                     _mm256_and_si256 (_mm256_srli_epi16 (input, 4), nibble));
  special = _mm256_and_si256 (_mm256_and_si256 (byte_1_high, byte_1_low), byte_2_high);

  /* a third byte (lead 111_____ two back) or fourth (11110___ three back) must be a
   * continuation: exactly where TWO_CONTS was found */
  prev2 = utf8_prev (input, prev_input, 2);
  prev3 = utf8_prev (input, prev_input, 3);
  must23 = _mm256_or_si256 (_mm256_subs_epu8 (prev2, _mm256_set1_epi8 ((char) (0xe0 - 0x80))),
                            _mm256_subs_epu8 (prev3, _mm256_set1_epi8 ((char) (0xf0 - 0x80))));
  must23 = _mm256_and_si256 (must23, _mm256_set1_epi8 ((char) 0x80));
  return _mm256_xor_si256 (must23, special);
}

/* Where the scalar check may start at or before Q to judge the character Q is in: the lead
 * byte of a character that Q continues, else Q itself. */
static const guchar *
utf8_character_start (const guchar *start,
                      const guchar *q)
{
  for (guint back = 1; back <= 3 && q - back >= start; back++)
    {
      guchar c = q[-(int) back];

      if ((c & 0xc0) == 0x80)
        continue;
      /* a lead byte BACK bytes before Q: Q is inside its character if it is longer */
      if (c >= 0xc0 && (guint) (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) > back)
        return q - back;
      break;
    }
  return q;
}

__attribute__((target ("avx2"))) static gboolean
utf8_validate_avx2 (const char  *text,
                    gsize        len,
                    const char **end)
{
  const guchar *start = (const guchar *) text;
  const guchar *p = start;
  const guchar *limit = start + len;
  __m256i prev_input = _mm256_setzero_si256 ();
  gboolean prev_ascii = TRUE;

  while (limit - p >= 32)
    {
      __m256i input = _mm256_loadu_si256 ((const __m256i *) p);
      int high = _mm256_movemask_epi8 (input);
      __m256i errors = _mm256_cmpeq_epi8 (input, _mm256_setzero_si256 ());

      /* ASCII after ASCII needs no table: only a zero byte can be wrong */
      if (high != 0 || !prev_ascii)
        errors = _mm256_or_si256 (errors, utf8_round_errors (input, prev_input));
      if (!_mm256_testz_si256 (errors, errors))
        break;
      prev_ascii = high == 0;
      prev_input = input;
      p += 32;
    }

  /* the rest, from the start of the character the last round began in */
  p = utf8_character_start (start, p);
  if (utf8_validate_fast ((const char *) p, limit - p, end))
    return TRUE;
  return FALSE;
}

static gboolean
utf8_validate (const char  *text,
               gsize        len,
               const char **end)
{
  static int have_avx2 = -1;   /* atomic; -1: not asked yet */
  int avx2 = g_atomic_int_get (&have_avx2);

  if (G_UNLIKELY (avx2 < 0))
    {
      __builtin_cpu_init ();
      avx2 = __builtin_cpu_supports ("avx2") ? 1 : 0;
      g_atomic_int_set (&have_avx2, avx2);
    }
  if (avx2 && len >= 64)
    return utf8_validate_avx2 (text, len, end);
  return utf8_validate_fast (text, len, end);
}
#else
# define utf8_validate utf8_validate_fast
#endif

static void
article_check_utf8 (LekhArticle *self,
                    gsize        start,
                    gsize        end_offset)
{
  const char *end = NULL;
  guint line, column;

  if (utf8_validate (self->text + start, end_offset - start, &end))
    return;

  lekh_article_offset_to_position (self, end - self->text, &line, &column);
  if (*end == '\0')
    article_fail (self, g_error_new (LEKH_ERROR, LEKH_ERROR_INVALID_UTF8,
                                     _("The file contains a NUL byte (is it a binary file?)")),
                  line, column);
  else
    article_fail (self, g_error_new (LEKH_ERROR, LEKH_ERROR_INVALID_UTF8,
                                     _("The file is not valid UTF-8 text (byte 0x%02X)"),
                                     (guchar) *end),
                  line, column);
}

LekhArticle *
lekh_article_new_from_bytes (GBytes *bytes)
{
  LekhArticle *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_new0 (LekhArticle, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->child_arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_mutex_init (&self->body_lock);

  /* No copy: GBytes is immutable and shared. */
  self->bytes = g_bytes_ref (bytes);
  self->text = g_bytes_get_data (bytes, &self->len);
  if (self->text == NULL)
    self->text = "";

  /* The head is checked now; the body, which the model never reads, when someone asks
   * for the article's error (see ensure_body_checked). */
  article_split (self);
  article_check_utf8 (self, 0, self->split.body_start);
  if (self->unterminated)
    article_fail (self,
                  g_error_new (LEKH_ERROR, LEKH_ERROR_UNTERMINATED,
                               _("The front matter that starts on line 1 has no closing “---” line")),
                  1, 1);
  if (self->error == NULL && self->split.format == LEKH_FRONT_MATTER_YAML)
    article_parse_yaml (self);
  else if (self->error == NULL && self->split.format == LEKH_FRONT_MATTER_TOML)
    article_parse_toml (self);
  else if (self->error == NULL && self->split.format == LEKH_FRONT_MATTER_JSON)
    article_parse_json (self);
  if (self->entries == NULL)
    self->entries = g_ptr_array_new ();

  return self;
}

LekhArticle *
lekh_article_new (const char *text,
                  gssize      len)
{
  g_autoptr(GBytes) bytes = NULL;
  char *copy;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);
  copy = g_malloc (len + 1);
  if (len > 0)
    memcpy (copy, text, len);
  copy[len] = '\0';
  bytes = g_bytes_new_take (copy, len);
  return lekh_article_new_from_bytes (bytes);
}

LekhArticle *
lekh_article_ref (LekhArticle *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lekh_article_unref (LekhArticle *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->child_arrays, g_ptr_array_unref);
  g_clear_pointer (&self->arena.blocks, g_ptr_array_unref);
  g_clear_pointer (&self->toml, lekh_toml_document_free);
  g_clear_pointer (&self->json, lekh_json_document_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_mutex_clear (&self->body_lock);
  g_free (self);
}

const char *
lekh_article_get_text (const LekhArticle *self,
                       gsize             *len)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (len != NULL)
    *len = self->len;
  return self->text;
}

GBytes *
lekh_article_get_bytes (const LekhArticle *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->bytes;
}

const LekhSplit *
lekh_article_get_split (const LekhArticle *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->split;
}

const char *
lekh_article_get_body (const LekhArticle *self,
                       gsize             *len)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (len != NULL)
    *len = self->len - self->split.body_start;
  return self->text + self->split.body_start;
}

const char *
lekh_article_get_newline (const LekhArticle *self)
{
  g_return_val_if_fail (self != NULL, "\n");
  return self->split.crlf ? "\r\n" : "\n";
}

static void
ensure_body_checked (const LekhArticle *article)
{
  LekhArticle *self = (LekhArticle *) article;

  /* Double-checked under the article's own lock, not g_once: g_once_init_leave() takes a
   * process-wide lock and wakes every waiter (a futex call) for each article, which made
   * the threads of `lekh check` queue on each other. */
  if (g_atomic_int_get (&self->body_checked))
    return;
  g_mutex_lock (&self->body_lock);
  if (!self->body_checked)
    {
      article_check_utf8 (self, self->split.body_start, self->len);
      g_atomic_int_set (&self->body_checked, 1);
    }
  g_mutex_unlock (&self->body_lock);
}

const GError *
lekh_article_get_error (const LekhArticle *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  ensure_body_checked (self);
  return self->error;
}

guint
lekh_article_get_error_line (const LekhArticle *self)
{
  g_return_val_if_fail (self != NULL, 0);
  ensure_body_checked (self);
  return self->error_line;
}

guint
lekh_article_get_error_column (const LekhArticle *self)
{
  g_return_val_if_fail (self != NULL, 0);
  ensure_body_checked (self);
  return self->error_column;
}

gboolean
lekh_article_check_editable (const LekhArticle  *self,
                             GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  ensure_body_checked (self);
  if (self->error != NULL)
    {
      g_set_error (error, self->error->domain, self->error->code, _("Line %u, column %u: %s"),
                   self->error_line, self->error_column, self->error->message);
      return FALSE;
    }
  return TRUE;
}

guint
lekh_article_get_n_entries (const LekhArticle *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const LekhEntry *
lekh_article_get_entry (const LekhArticle *self,
                        guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

const LekhEntry *
lekh_article_lookup (const LekhArticle *self,
                     const char        *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const LekhEntry *entry = g_ptr_array_index (self->entries, i);

      if (strcmp (entry->key, key) == 0)
        return entry;
    }
  return NULL;
}

const LekhNode *
lekh_article_get_value (const LekhArticle *self,
                        const char        *key)
{
  const LekhEntry *entry = lekh_article_lookup (self, key);

  return entry ? entry->value : NULL;
}

const LekhNode *
lekh_article_get_root (const LekhArticle *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->root;
}

char *
lekh_article_to_json (const LekhArticle  *self,
                      const char         *key,
                      GError            **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  ensure_body_checked (self);
  if (self->error != NULL)
    {
      g_set_error (error, self->error->domain, self->error->code, _("Line %u, column %u: %s"),
                   self->error_line, self->error_column, self->error->message);
      return NULL;
    }

  if (key != NULL)
    {
      const LekhEntry *entry = lekh_article_lookup (self, key);

      if (entry == NULL)
        {
          g_set_error (error, LEKH_ERROR, LEKH_ERROR_NOT_FOUND, _("No key “%s”"), key);
          return NULL;
        }
      if (!lekh_node_to_json (entry->value, out, error))
        return NULL;
    }
  else if (self->root == NULL)
    g_string_append (out, "{}");
  else if (!lekh_node_to_json (self->root, out, error))
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
lekh_article_offset_to_position (const LekhArticle *self,
                                 gsize              offset,
                                 guint             *line,
                                 guint             *column)
{
  guint l = 1;
  gsize start = 0;

  g_return_if_fail (self != NULL);

  offset = MIN (offset, self->len);
  for (const char *p = self->text; (p = memchr (p, '\n', self->text + offset - p)) != NULL; p++)
    {
      l++;
      start = p - self->text + 1;
    }
  if (line != NULL)
    *line = l;
  if (column != NULL)
    {
      const char *end = NULL;
      /* Count characters of a possibly invalid line: stop at the first bad byte. */
      if (g_utf8_validate_len (self->text + start, offset - start, &end))
        *column = g_utf8_strlen (self->text + start, offset - start) + 1;
      else
        *column = g_utf8_strlen (self->text + start, end - (self->text + start)) + 1;
    }
}
