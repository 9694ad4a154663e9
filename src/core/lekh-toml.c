/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lekh-text-cursor.h"
#include "lekh-toml.h"

/* Tables with more keys than this get a hash index, so that reading one with many keys
 * stays linear. */
#define INDEX_THRESHOLD 16

#define TAG_STR       "tag:yaml.org,2002:str"
#define TAG_INT       "tag:yaml.org,2002:int"
#define TAG_FLOAT     "tag:yaml.org,2002:float"
#define TAG_BOOL      "tag:yaml.org,2002:bool"
#define TAG_TIMESTAMP "tag:yaml.org,2002:timestamp"

enum
{
  FLAG_DEFINED  = 1 << 0,  /* by a [header], [[header]] or as a value */
  FLAG_IMPLICIT = 1 << 1,  /* made by a header's leading parts: [a.b] makes a */
  FLAG_DOTTED   = 1 << 2,  /* made by a dotted key's leading parts: a.b = 1 makes a */
};

typedef struct _TomlNode TomlNode;

struct _TomlNode
{
  LekhNode             node;          /* first: a TomlNode * is a LekhNode * */
  LekhTomlType         type;
  LekhTomlStringStyle  string_style;
  guint                flags;
  guint                section;       /* the header or inline table a dotted table belongs to */
  guint                depth;
  GHashTable          *index;         /* key node -> value node, for large tables */
};

struct _LekhTomlDocument
{
  GPtrArray *blocks;                  /* the arena: nodes, strings */
  char      *next;
  gsize      left;
  GPtrArray *child_arrays;
  GPtrArray *indexes;
  TomlNode  *root;
  GArray    *keyvals;
  GArray    *headers;
};

typedef struct
{
  const char          *s;
  gsize                len;
  LekhSpan             span;
  LekhTomlStringStyle  style;
} KeyPart;

typedef struct
{
  const char       *text;
  gsize             start;
  gsize             end;
  gsize             p;
  LekhTextCursor    tc;         /* positions and the first error */

  LekhTomlDocument *doc;
  GString          *buf;
  guint             n_sections;
} Parser;

/* Arena */

#define ARENA_FIRST_BLOCK 2048

static gpointer
arena_alloc (LekhTomlDocument *doc,
             gsize             size)
{
  gpointer p;

  size = (size + 7) & ~(gsize) 7;
  if (size > doc->left)
    {
      gsize block = MAX (size, (gsize) ARENA_FIRST_BLOCK << MIN (doc->blocks->len, 10u));

      doc->next = g_malloc (block);
      doc->left = block;
      g_ptr_array_add (doc->blocks, doc->next);
    }
  p = doc->next;
  doc->next += size;
  doc->left -= size;
  memset (p, 0, size);
  return p;
}

static char *
arena_strndup (LekhTomlDocument *doc,
               const char       *s,
               gsize             len)
{
  char *copy = arena_alloc (doc, len + 1);

  memcpy (copy, s, len);
  copy[len] = '\0';
  return copy;
}

/* Positions and errors */

/* The shared text cursor's, under the names the reader uses. */
#define span_at(P, offset)     lekh_text_cursor_span (&(P)->tc, (offset))
#define fail_at(P, ...)        lekh_text_cursor_fail (&(P)->tc, __VA_ARGS__)
#define describe_at(P, offset) lekh_text_cursor_describe (&(P)->tc, (offset))

static int
peek (Parser *P,
      gsize   ahead)
{
  if (P->p + ahead >= P->end)
    return -1;
  return (guchar) P->text[P->p + ahead];
}

static gboolean
is_ws (int c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_control (int c)
{
  return (c >= 0 && c < 0x20 && c != '\t') || c == 0x7f;
}

static gboolean
is_bare_key_char (int c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-';
}

/* The length of the line break at P (LF or CRLF), or 0. */
static guint
newline_len (Parser *P)
{
  int c = peek (P, 0);

  if (c == '\n')
    return 1;
  if (c == '\r' && peek (P, 1) == '\n')
    return 2;
  return 0;
}

static void
skip_ws (Parser *P)
{
  while (is_ws (peek (P, 0)))
    P->p++;
}

static gboolean
skip_comment (Parser *P)
{
  g_assert (peek (P, 0) == '#');

  for (P->p++; P->p < P->end; P->p++)
    {
      int c = (guchar) P->text[P->p];

      if (c == '\n' || newline_len (P) == 2)
        break;
      if (is_control (c))
        return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                        _("the control character U+%04X is not allowed in a comment"), c);
    }
  return TRUE;
}

/* Whitespace, comments and line breaks, as arrays allow between their items. */
static gboolean
skip_ws_comments_newlines (Parser *P)
{
  for (;;)
    {
      guint nl;

      skip_ws (P);
      if (peek (P, 0) == '#' && !skip_comment (P))
        return FALSE;
      nl = newline_len (P);
      if (nl == 0)
        return TRUE;
      P->p += nl;
    }
}

/* Nodes */

static TomlNode *
node_new (Parser        *P,
          LekhNodeKind   kind,
          LekhTomlType   type,
          LekhNodeStyle  style,
          LekhSpan       span,
          guint          depth)
{
  TomlNode *node;

  if (depth > LEKH_TOML_MAX_DEPTH)
    {
      fail_at (P, span.start, LEKH_ERROR_LIMIT,
               _("the front matter is nested more than %d levels deep"), LEKH_TOML_MAX_DEPTH);
      return NULL;
    }

  node = arena_alloc (P->doc, sizeof (TomlNode));
  node->node.kind = kind;
  node->node.style = style;
  node->node.span = span;
  node->type = type;
  node->depth = depth;
  if (kind != LEKH_NODE_SCALAR)
    {
      node->node.children = g_ptr_array_new ();
      g_ptr_array_add (P->doc->child_arrays, node->node.children);
    }
  return node;
}

static void
node_set_scalar (Parser     *P,
                 TomlNode   *node,
                 const char *tag,
                 const char *s,
                 gsize       len)
{
  node->node.tag = (char *) tag;
  node->node.scalar = arena_strndup (P->doc, s, len);
  node->node.scalar_len = len;
}

static guint
key_hash (gconstpointer key)
{
  const LekhNode *node = key;
  guint h = 5381;

  for (gsize i = 0; i < node->scalar_len; i++)
    h = h * 33 + (guchar) node->scalar[i];
  return h;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const LekhNode *x = a;
  const LekhNode *y = b;

  return x->scalar_len == y->scalar_len && memcmp (x->scalar, y->scalar, x->scalar_len) == 0;
}

static TomlNode *
table_lookup (TomlNode   *table,
              const char *key,
              gsize       len)
{
  GPtrArray *children = table->node.children;

  if (table->index != NULL)
    {
      LekhNode probe = { 0 };

      probe.scalar = (char *) key;
      probe.scalar_len = len;
      return g_hash_table_lookup (table->index, &probe);
    }

  for (guint i = 0; i + 1 < children->len; i += 2)
    {
      const LekhNode *k = g_ptr_array_index (children, i);

      if (k->scalar_len == len && memcmp (k->scalar, key, len) == 0)
        return g_ptr_array_index (children, i + 1);
    }
  return NULL;
}

static void
table_add (Parser        *P,
           TomlNode      *table,
           const KeyPart *part,
           TomlNode      *value)
{
  GPtrArray *children = table->node.children;
  TomlNode *key = arena_alloc (P->doc, sizeof (TomlNode));

  key->node.kind = LEKH_NODE_SCALAR;
  key->node.span = part->span;
  switch (part->style)
    {
    case LEKH_TOML_STRING_BASIC:
      key->node.style = LEKH_STYLE_DOUBLE_QUOTED;
      break;
    case LEKH_TOML_STRING_LITERAL:
      key->node.style = LEKH_STYLE_SINGLE_QUOTED;
      break;
    case LEKH_TOML_STRING_BARE:
    case LEKH_TOML_STRING_MULTILINE_BASIC:
    case LEKH_TOML_STRING_MULTILINE_LITERAL:
    default:
      key->node.style = LEKH_STYLE_PLAIN;
      break;
    }
  node_set_scalar (P, key, TAG_STR, part->s, part->len);
  key->type = LEKH_TOML_STRING;
  key->string_style = part->style;
  key->depth = table->depth + 1;

  g_ptr_array_add (children, key);
  g_ptr_array_add (children, value);

  if (table->index != NULL)
    g_hash_table_insert (table->index, key, value);
  else if (children->len / 2 > INDEX_THRESHOLD)
    {
      table->index = g_hash_table_new (key_hash, key_equal);
      g_ptr_array_add (P->doc->indexes, table->index);
      for (guint i = 0; i + 1 < children->len; i += 2)
        g_hash_table_insert (table->index, g_ptr_array_index (children, i),
                             g_ptr_array_index (children, i + 1));
    }
}

static char *
join_path (const KeyPart *parts,
           guint          n)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, '.');
      /* a key may hold a NUL (from \u0000): show the rest of it too */
      for (gsize j = 0; j < parts[i].len; j++)
        {
          if (parts[i].s[j] == '\0')
            g_string_append (s, "\\u0000");
          else
            g_string_append_c (s, parts[i].s[j]);
        }
    }
  /* a hostile key may be megabytes long */
  if (g_utf8_strlen (s->str, s->len) > 60)
    {
      g_autofree char *start = g_utf8_substring (s->str, 0, 60);

      return g_strconcat (start, "…", NULL);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
describe_type (LekhTomlType type)
{
  switch (type)
    {
    case LEKH_TOML_STRING: return _("a string");
    case LEKH_TOML_INTEGER: return _("an integer");
    case LEKH_TOML_FLOAT: return _("a float");
    case LEKH_TOML_BOOLEAN: return _("a boolean");
    case LEKH_TOML_OFFSET_DATETIME:
    case LEKH_TOML_LOCAL_DATETIME: return _("a date-time");
    case LEKH_TOML_LOCAL_DATE: return _("a date");
    case LEKH_TOML_LOCAL_TIME: return _("a time");
    case LEKH_TOML_ARRAY: return _("an array");
    case LEKH_TOML_INLINE_TABLE: return _("an inline table");
    case LEKH_TOML_TABLE: return _("a table");
    case LEKH_TOML_ARRAY_OF_TABLES: return _("an array of tables");
    default: return _("a value");
    }
}

/* Strings */

static gboolean
parse_hex_escape (Parser *P,
                  guint   digits)
{
  gunichar c = 0;
  gsize at = P->p;

  /* P->p is at the backslash */
  for (guint i = 0; i < digits; i++)
    {
      int h = peek (P, 2 + i);

      if (h < 0 || !g_ascii_isxdigit (h))
        return fail_at (P, P->p + 2 + i, LEKH_ERROR_TOML_SYNTAX,
                        _("“\\%c” needs %u hexadecimal digits"), digits == 4 ? 'u' : 'U', digits);
      c = c * 16 + g_ascii_xdigit_value (h);
    }
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    return fail_at (P, at, LEKH_ERROR_TOML_SYNTAX,
                    _("the escape “%.*s” is not a Unicode scalar value"),
                    (int) digits + 2, P->text + at);
  g_string_append_unichar (P->buf, c);
  P->p += 2 + digits;
  return TRUE;
}

static gboolean
parse_escape (Parser *P)
{
  int c = peek (P, 1);
  char out;

  switch (c)
    {
    case 'b': out = '\b'; break;
    case 't': out = '\t'; break;
    case 'n': out = '\n'; break;
    case 'f': out = '\f'; break;
    case 'r': out = '\r'; break;
    case '"': out = '"'; break;
    case '\\': out = '\\'; break;
    case 'u': return parse_hex_escape (P, 4);
    case 'U': return parse_hex_escape (P, 8);
    default:
      {
        g_autofree char *what = describe_at (P, P->p + 1);

        return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                        _("a backslash followed by %s is not a valid escape"), what);
      }
    }
  g_string_append_c (P->buf, out);
  P->p += 2;
  return TRUE;
}

/* At a run of N quotes in a multi-line string: the closing delimiter takes the last three,
 * and up to two more belong to the string. Returns TRUE when the string ends there. */
static gboolean
multiline_quotes (Parser  *P,
                  char     quote,
                  gboolean *closed)
{
  guint n = 0;

  while (peek (P, n) == quote)
    n++;
  *closed = n >= 3;
  if (n > 5)
    return fail_at (P, P->p + 5, LEKH_ERROR_TOML_SYNTAX,
                    _("three quotes in a row end a multi-line string; escape one of them"));
  g_string_append_len (P->buf, P->text + P->p, *closed ? n - 3 : n);
  P->p += n;
  return TRUE;
}

/* Reads the string at P into P->buf.
 * Long because TOML has four kinds of string, basic and literal, on one line or many: the
 * multi-line loop (quotes at the end that belong to the text, a line-ending backslash that
 * trims the break and the whitespace after it) and the one-line loop share the escape and
 * control-character rules but stop at different things. */
static gboolean
parse_string (Parser              *P,
              gboolean             allow_multiline,
              LekhTomlStringStyle *style)
{
  char quote = peek (P, 0);
  gsize open = P->p;
  gboolean multiline = peek (P, 1) == quote && peek (P, 2) == quote;

  g_assert (quote == '"' || quote == '\'');
  g_string_truncate (P->buf, 0);

  if (multiline)
    {
      if (!allow_multiline)
        return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX, _("a key cannot be a multi-line string"));
      *style = quote == '"' ? LEKH_TOML_STRING_MULTILINE_BASIC : LEKH_TOML_STRING_MULTILINE_LITERAL;
      P->p += 3;
      P->p += newline_len (P);  /* a line break right after the opening quotes is trimmed */

      for (;;)
        {
          int c = peek (P, 0);
          guint nl;

          if (c < 0)
            return fail_at (P, open, LEKH_ERROR_TOML_SYNTAX,
                            _("this multi-line string is never closed"));
          if (c == quote)
            {
              gboolean closed;

              if (!multiline_quotes (P, quote, &closed))
                return FALSE;
              if (closed)
                return TRUE;
              continue;
            }
          nl = newline_len (P);
          if (nl > 0)
            {
              g_string_append_c (P->buf, '\n');
              P->p += nl;
              continue;
            }
          if (c == '\\' && quote == '"')
            {
              gsize q = P->p + 1;

              while (q < P->end && is_ws ((guchar) P->text[q]))
                q++;
              if (q < P->end && (P->text[q] == '\n' ||
                                 (P->text[q] == '\r' && q + 1 < P->end && P->text[q + 1] == '\n')))
                {
                  /* a line-ending backslash trims the break and the whitespace after it */
                  P->p = q;
                  for (;;)
                    {
                      skip_ws (P);
                      nl = newline_len (P);
                      if (nl == 0)
                        break;
                      P->p += nl;
                    }
                  continue;
                }
              if (!parse_escape (P))
                return FALSE;
              continue;
            }
          if (is_control (c))
            return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                            _("the control character U+%04X is not allowed in a string"), c);
          g_string_append_c (P->buf, c);
          P->p++;
        }
    }

  *style = quote == '"' ? LEKH_TOML_STRING_BASIC : LEKH_TOML_STRING_LITERAL;
  P->p++;
  for (;;)
    {
      int c = peek (P, 0);

      if (c == quote)
        {
          P->p++;
          return TRUE;
        }
      if (c < 0 || c == '\n' || newline_len (P) > 0)
        return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                        _("the string is not closed before the end of the line"));
      if (c == '\\' && quote == '"')
        {
          if (!parse_escape (P))
            return FALSE;
          continue;
        }
      if (is_control (c))
        return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                        _("the control character U+%04X is not allowed in a string"), c);
      g_string_append_c (P->buf, c);
      P->p++;
    }
}

/* Keys */

static gboolean
parse_simple_key (Parser  *P,
                  KeyPart *part)
{
  int c = peek (P, 0);

  part->span = span_at (P, P->p);
  if (is_bare_key_char (c))
    {
      gsize start = P->p;

      while (is_bare_key_char (peek (P, 0)))
        P->p++;
      part->s = arena_strndup (P->doc, P->text + start, P->p - start);
      part->len = P->p - start;
      part->style = LEKH_TOML_STRING_BARE;
    }
  else if (c == '"' || c == '\'')
    {
      if (!parse_string (P, FALSE, &part->style))
        return FALSE;
      part->s = arena_strndup (P->doc, P->buf->str, P->buf->len);
      part->len = P->buf->len;
    }
  else
    {
      g_autofree char *what = describe_at (P, P->p);

      return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX, _("expected a key, found %s"), what);
    }
  part->span.end = P->p;
  return TRUE;
}

/* A dotted key; its parts go into PARTS (a GArray of KeyPart). */
static gboolean
parse_key (Parser *P,
           GArray *parts)
{
  KeyPart part;

  g_array_set_size (parts, 0);
  if (!parse_simple_key (P, &part))
    return FALSE;
  g_array_append_val (parts, part);

  for (;;)
    {
      gsize back = P->p;

      skip_ws (P);
      if (peek (P, 0) != '.')
        {
          P->p = back;
          return TRUE;
        }
      P->p++;
      skip_ws (P);
      if (parts->len >= LEKH_TOML_MAX_DEPTH)
        return fail_at (P, P->p, LEKH_ERROR_LIMIT,
                        _("the front matter is nested more than %d levels deep"),
                        LEKH_TOML_MAX_DEPTH);
      if (!parse_simple_key (P, &part))
        return FALSE;
      g_array_append_val (parts, part);
    }
}

/* Scalars */

static gboolean
digits_at (Parser *P,
           gsize   at,
           guint   n,
           guint  *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (at + i >= P->end || !g_ascii_isdigit (P->text[at + i]))
        return FALSE;
      *value = *value * 10 + (P->text[at + i] - '0');
    }
  return TRUE;
}

static gboolean
looks_like_date (Parser *P)
{
  guint v;

  return digits_at (P, P->p, 4, &v) && peek (P, 4) == '-';
}

static gboolean
looks_like_time (Parser *P,
                 gsize   at)
{
  guint v;

  return digits_at (P, at, 2, &v) && at + 2 < P->end && P->text[at + 2] == ':';
}

static guint
days_in_month (guint year,
               guint month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
    return 29;
  return days[month - 1];
}

/* HH:MM:SS[.fraction] at P->p, appended to P->buf. */
static gboolean
parse_time (Parser *P)
{
  guint hour, minute, second;
  gsize at = P->p;

  if (!digits_at (P, at, 2, &hour) || peek (P, 2) != ':' ||
      !digits_at (P, at + 3, 2, &minute) || peek (P, 5) != ':' ||
      !digits_at (P, at + 6, 2, &second))
    return fail_at (P, at, LEKH_ERROR_TOML_SYNTAX,
                    _("a time is written HH:MM:SS, with two digits each"));
  if (hour > 23)
    return fail_at (P, at, LEKH_ERROR_TOML_SYNTAX,
                    _("the hour %02u is out of range (00–23)"), hour);
  if (minute > 59)
    return fail_at (P, at + 3, LEKH_ERROR_TOML_SYNTAX,
                    _("the minute %02u is out of range (00–59)"), minute);
  if (second > 60)
    return fail_at (P, at + 6, LEKH_ERROR_TOML_SYNTAX,
                    _("the second %02u is out of range (00–60)"), second);
  P->p += 8;
  if (peek (P, 0) == '.')
    {
      P->p++;
      if (!g_ascii_isdigit (peek (P, 0)))
        return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                        _("a decimal point in a time needs digits after it"));
      while (g_ascii_isdigit (peek (P, 0)))
        P->p++;
    }
  g_string_append_len (P->buf, P->text + at, P->p - at);
  return TRUE;
}

/* Long because TOML's four date-time types (local time, local date, local date-time,
 * offset date-time) share their beginnings: one pass reads a time, or a date and what
 * follows it (a T or space and a time, then Z or an offset), checking the month, the day
 * against its month and the offset's range as it goes, and only then knows the type. */
static TomlNode *
parse_datetime (Parser   *P,
                LekhSpan  span,
                guint     depth)
{
  gsize at = P->p;
  LekhTomlType type;
  TomlNode *node;

  g_string_truncate (P->buf, 0);

  if (looks_like_time (P, at))
    {
      if (!parse_time (P))
        return NULL;
      type = LEKH_TOML_LOCAL_TIME;
    }
  else
    {
      guint year, month, day;

      if (!digits_at (P, at, 4, &year) || peek (P, 4) != '-' ||
          !digits_at (P, at + 5, 2, &month) || peek (P, 7) != '-' ||
          !digits_at (P, at + 8, 2, &day))
        {
          fail_at (P, at, LEKH_ERROR_TOML_SYNTAX,
                   _("a date is written YYYY-MM-DD, with four digits, two and two"));
          return NULL;
        }
      if (month < 1 || month > 12)
        {
          fail_at (P, at + 5, LEKH_ERROR_TOML_SYNTAX,
                   _("the month %02u is out of range (01–12)"), month);
          return NULL;
        }
      if (day < 1 || day > days_in_month (year, month))
        {
          fail_at (P, at + 8, LEKH_ERROR_TOML_SYNTAX,
                   _("the day %02u is out of range: %04u-%02u has %u days"),
                   day, year, month, days_in_month (year, month));
          return NULL;
        }
      g_string_append_len (P->buf, P->text + at, 10);
      P->p += 10;
      type = LEKH_TOML_LOCAL_DATE;

      if (peek (P, 0) == 'T' || peek (P, 0) == 't' ||
          (peek (P, 0) == ' ' && looks_like_time (P, P->p + 1)))
        {
          P->p++;
          g_string_append_c (P->buf, 'T');
          if (!parse_time (P))
            return NULL;
          type = LEKH_TOML_LOCAL_DATETIME;

          if (peek (P, 0) == 'Z' || peek (P, 0) == 'z')
            {
              P->p++;
              g_string_append_c (P->buf, 'Z');
              type = LEKH_TOML_OFFSET_DATETIME;
            }
          else if (peek (P, 0) == '+' || peek (P, 0) == '-')
            {
              guint hours, minutes;
              gsize offset = P->p;

              if (!digits_at (P, offset + 1, 2, &hours) || peek (P, 3) != ':' ||
                  !digits_at (P, offset + 4, 2, &minutes))
                {
                  fail_at (P, offset, LEKH_ERROR_TOML_SYNTAX,
                           _("a time offset is written +HH:MM or -HH:MM"));
                  return NULL;
                }
              if (hours > 23 || minutes > 59)
                {
                  fail_at (P, offset, LEKH_ERROR_TOML_SYNTAX,
                           _("the time offset %.6s is out of range"), P->text + offset);
                  return NULL;
                }
              g_string_append_len (P->buf, P->text + offset, 6);
              P->p += 6;
              type = LEKH_TOML_OFFSET_DATETIME;
            }
        }
    }

  node = node_new (P, LEKH_NODE_SCALAR, type, LEKH_STYLE_PLAIN, span, depth);
  if (node == NULL)
    return NULL;
  node_set_scalar (P, node, type == LEKH_TOML_LOCAL_TIME ? TAG_STR : TAG_TIMESTAMP,
                   P->buf->str, P->buf->len);
  return node;
}

/* Digits with single underscores between them (DIGITS is the allowed set); appends
 * them without underscores to P->buf. Returns the count of digits, 0 on error. */
static guint
take_digits (Parser     *P,
             const char *what,
             gboolean  (*is_digit) (int))
{
  guint n = 0;

  for (;;)
    {
      int c = peek (P, 0);

      if (c >= 0 && is_digit (c))
        {
          g_string_append_c (P->buf, c);
          P->p++;
          n++;
        }
      else if (c == '_' && n > 0 && is_digit (peek (P, 1)))
        P->p++;
      else if (c == '_')
        {
          fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                   _("an underscore in a number must stand between two digits"));
          return 0;
        }
      else
        break;
    }
  if (n == 0)
    {
      g_autofree char *found = describe_at (P, P->p);

      fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX, _("expected %s, found %s"), what, found);
    }
  return n;
}

static gboolean is_dec (int c) { return c >= '0' && c <= '9'; }
static gboolean is_hex (int c) { return c >= 0 && c < 0x80 && g_ascii_isxdigit (c); }
static gboolean is_oct (int c) { return c >= '0' && c <= '7'; }
static gboolean is_bin (int c) { return c == '0' || c == '1'; }

/* The number from AT to P->p, for a message: a hostile one may be megabytes long. */
static char *
number_text (Parser *P,
             gsize   at)
{
  gsize len = P->p - at;

  if (len <= 40)
    return g_strndup (P->text + at, len);
  return g_strdup_printf ("%.40s…", P->text + at);
}

static TomlNode *
number_node (Parser       *P,
             LekhSpan      span,
             LekhTomlType  type,
             const char   *text,
             guint         depth)
{
  TomlNode *node = node_new (P, LEKH_NODE_SCALAR, type, LEKH_STYLE_PLAIN, span, depth);

  if (node != NULL)
    node_set_scalar (P, node, type == LEKH_TOML_INTEGER ? TAG_INT : TAG_FLOAT, text, strlen (text));
  return node;
}

/* Reads a TOML integer or float at P. Long because TOML's number grammar is read and
 * checked in one pass: the sign, inf and nan, 0x/0o/0b integers with their overflow check,
 * a decimal integer without leading zeros, the fraction and exponent, then the conversion
 * with its own overflow check; every part goes through take_digits() into P->buf, which
 * the conversion then reads. */
static TomlNode *
parse_number (Parser   *P,
              LekhSpan  span,
              guint     depth)
{
  gsize at = P->p;
  gboolean negative = FALSE, is_float = FALSE;
  int sign = peek (P, 0);
  gsize int_start;
  guint n_int;

  g_string_truncate (P->buf, 0);
  if (sign == '+' || sign == '-')
    {
      negative = sign == '-';
      P->p++;
    }

  if ((peek (P, 0) == 'i' && peek (P, 1) == 'n' && peek (P, 2) == 'f') ||
      (peek (P, 0) == 'n' && peek (P, 1) == 'a' && peek (P, 2) == 'n'))
    {
      gboolean inf = peek (P, 0) == 'i';

      P->p += 3;
      return number_node (P, span, LEKH_TOML_FLOAT, inf ? (negative ? "-inf" : "inf") :
                          (negative ? "-nan" : "nan"), depth);
    }

  if (peek (P, 0) == '0' && (peek (P, 1) == 'x' || peek (P, 1) == 'o' || peek (P, 1) == 'b'))
    {
      int prefix = peek (P, 1);
      guint base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
      guint64 value = 0;
      char decimal[32];

      if (sign == '+' || sign == '-')
        {
          fail_at (P, at, LEKH_ERROR_TOML_SYNTAX,
                   _("a hexadecimal, octal or binary integer cannot have a sign"));
          return NULL;
        }
      P->p += 2;
      if (!take_digits (P, base == 16 ? _("a hexadecimal digit") : base == 8 ? _("an octal digit") :
                        _("a binary digit"), base == 16 ? is_hex : base == 8 ? is_oct : is_bin))
        return NULL;
      for (gsize i = 0; i < P->buf->len; i++)
        {
          guint digit = g_ascii_xdigit_value (P->buf->str[i]);

          if (value > ((guint64) G_MAXINT64 - digit) / base)
            {
              g_autofree char *number = number_text (P, at);

              fail_at (P, at, LEKH_ERROR_TOML_SYNTAX,
                       _("the integer %s is out of range (64 bits)"), number);
              return NULL;
            }
          value = value * base + digit;
        }
      g_snprintf (decimal, sizeof decimal, "%" G_GUINT64_FORMAT, value);
      return number_node (P, span, LEKH_TOML_INTEGER, decimal, depth);
    }

  if (negative)
    g_string_append_c (P->buf, '-');
  int_start = P->p;
  n_int = take_digits (P, _("a digit"), is_dec);
  if (n_int == 0)
    return NULL;
  if (P->text[int_start] == '0' && n_int > 1)
    {
      fail_at (P, int_start, LEKH_ERROR_TOML_SYNTAX, _("a number cannot start with a zero"));
      return NULL;
    }
  if (peek (P, 0) == '.')
    {
      is_float = TRUE;
      g_string_append_c (P->buf, '.');
      P->p++;
      if (!take_digits (P, _("a digit after the decimal point"), is_dec))
        return NULL;
    }
  if (peek (P, 0) == 'e' || peek (P, 0) == 'E')
    {
      is_float = TRUE;
      g_string_append_c (P->buf, 'e');
      P->p++;
      if (peek (P, 0) == '+' || peek (P, 0) == '-')
        {
          g_string_append_c (P->buf, peek (P, 0));
          P->p++;
        }
      if (!take_digits (P, _("a digit in the exponent"), is_dec))
        return NULL;
    }

  if (is_float)
    {
      double d = g_ascii_strtod (P->buf->str, NULL);

      if (isinf (d))
        {
          g_autofree char *number = number_text (P, at);

          fail_at (P, at, LEKH_ERROR_TOML_SYNTAX,
                   _("the float %s is out of range (64 bits)"), number);
          return NULL;
        }
      return number_node (P, span, LEKH_TOML_FLOAT, P->buf->str, depth);
    }
  else
    {
      guint64 value = 0;
      guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
      const char *s = P->buf->str + (negative ? 1 : 0);

      for (; *s; s++)
        {
          guint digit = *s - '0';

          if (value > (limit - digit) / 10)
            {
              g_autofree char *number = number_text (P, at);

              fail_at (P, at, LEKH_ERROR_TOML_SYNTAX,
                       _("the integer %s is out of range (64 bits)"), number);
              return NULL;
            }
          value = value * 10 + digit;
        }
      if (value == 0 && negative)
        g_string_assign (P->buf, "0");
      return number_node (P, span, LEKH_TOML_INTEGER, P->buf->str, depth);
    }
}

static gboolean
keyword_at (Parser     *P,
            const char *word)
{
  gsize len = strlen (word);

  return P->p + len <= P->end && memcmp (P->text + P->p, word, len) == 0;
}

static TomlNode *parse_value (Parser *P, guint depth);

static gboolean insert_keyval (Parser *P, TomlNode *table, GArray *parts, TomlNode *value,
                               guint section, gboolean inline_table);

static TomlNode *
parse_array (Parser   *P,
             LekhSpan  span,
             guint     depth)
{
  TomlNode *array = node_new (P, LEKH_NODE_SEQUENCE, LEKH_TOML_ARRAY, LEKH_STYLE_FLOW, span, depth);

  if (array == NULL)
    return NULL;
  array->flags = FLAG_DEFINED;
  P->p++;

  for (;;)
    {
      TomlNode *item;
      int c;

      if (!skip_ws_comments_newlines (P))
        return NULL;
      if (peek (P, 0) == ']')
        break;
      item = parse_value (P, depth + 1);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (array->node.children, item);
      if (!skip_ws_comments_newlines (P))
        return NULL;
      c = peek (P, 0);
      if (c == ',')
        {
          P->p++;
          continue;
        }
      if (c == ']')
        break;
      {
        g_autofree char *found = describe_at (P, P->p);

        fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                 _("expected “,” or “]” after an item of the array, found %s"), found);
        return NULL;
      }
    }
  P->p++;
  array->node.span.end = P->p;
  return array;
}

static TomlNode *
parse_inline_table (Parser   *P,
                    LekhSpan  span,
                    guint     depth)
{
  TomlNode *table = node_new (P, LEKH_NODE_MAPPING, LEKH_TOML_INLINE_TABLE, LEKH_STYLE_FLOW,
                              span, depth);
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (KeyPart));
  guint section = ++P->n_sections;

  if (table == NULL)
    return NULL;
  table->flags = FLAG_DEFINED;
  P->p++;
  skip_ws (P);
  if (peek (P, 0) == '}')
    {
      P->p++;
      table->node.span.end = P->p;
      return table;
    }

  for (;;)
    {
      TomlNode *value;
      int c;

      if (newline_len (P) > 0)
        {
          fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                   _("an inline table must stay on one line"));
          return NULL;
        }
      if (!parse_key (P, parts))
        return NULL;
      skip_ws (P);
      if (peek (P, 0) != '=')
        {
          g_autofree char *found = describe_at (P, P->p);

          fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX, _("expected “=” after the key, found %s"),
                   found);
          return NULL;
        }
      P->p++;
      skip_ws (P);
      value = parse_value (P, depth + parts->len);
      if (value == NULL || !insert_keyval (P, table, parts, value, section, TRUE))
        return NULL;
      skip_ws (P);
      c = peek (P, 0);
      if (c == '}')
        break;
      if (c == ',')
        {
          gsize comma = P->p++;

          skip_ws (P);
          if (peek (P, 0) == '}')
            {
              fail_at (P, comma, LEKH_ERROR_TOML_SYNTAX,
                       _("an inline table cannot end with a comma"));
              return NULL;
            }
          continue;
        }
      if (newline_len (P) > 0)
        fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX, _("an inline table must stay on one line"));
      else
        {
          g_autofree char *found = describe_at (P, P->p);

          fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                   _("expected “,” or “}” in the inline table, found %s"), found);
        }
      return NULL;
    }
  P->p++;
  table->node.span.end = P->p;
  return table;
}

static TomlNode *
parse_value (Parser *P,
             guint   depth)
{
  int c = peek (P, 0);
  gsize at = P->p;
  LekhSpan span = span_at (P, at);
  TomlNode *node;

  if (depth > LEKH_TOML_MAX_DEPTH)
    {
      fail_at (P, at, LEKH_ERROR_LIMIT,
               _("the front matter is nested more than %d levels deep"), LEKH_TOML_MAX_DEPTH);
      return NULL;
    }

  if (c == '"' || c == '\'')
    {
      LekhTomlStringStyle style;

      if (!parse_string (P, TRUE, &style))
        return NULL;
      node = node_new (P, LEKH_NODE_SCALAR, LEKH_TOML_STRING,
                       style == LEKH_TOML_STRING_BASIC ? LEKH_STYLE_DOUBLE_QUOTED :
                       style == LEKH_TOML_STRING_LITERAL ? LEKH_STYLE_SINGLE_QUOTED :
                       LEKH_STYLE_LITERAL, span, depth);
      if (node == NULL)
        return NULL;
      node->string_style = style;
      node_set_scalar (P, node, TAG_STR, P->buf->str, P->buf->len);
    }
  else if (c == '[')
    return parse_array (P, span, depth);
  else if (c == '{')
    return parse_inline_table (P, span, depth);
  else if (keyword_at (P, "true") || keyword_at (P, "false"))
    {
      gboolean value = c == 't';

      P->p += value ? 4 : 5;
      node = node_new (P, LEKH_NODE_SCALAR, LEKH_TOML_BOOLEAN, LEKH_STYLE_PLAIN, span, depth);
      if (node == NULL)
        return NULL;
      node_set_scalar (P, node, TAG_BOOL, value ? "true" : "false", value ? 4 : 5);
    }
  else if (looks_like_date (P) || looks_like_time (P, P->p))
    node = parse_datetime (P, span, depth);
  else if (g_ascii_isdigit (c) || c == '+' || c == '-' || keyword_at (P, "inf") ||
           keyword_at (P, "nan"))
    node = parse_number (P, span, depth);
  else
    {
      g_autofree char *found = describe_at (P, at);

      fail_at (P, at, LEKH_ERROR_TOML_SYNTAX, _("expected a value, found %s"), found);
      return NULL;
    }

  if (node == NULL)
    return NULL;
  node->node.span.end = P->p;

  /* A scalar ends at whitespace, a comment, a line break or the bracket or comma after it. */
  c = peek (P, 0);
  if (!(c < 0 || is_ws (c) || c == '\n' || c == '\r' || c == '#' || c == ',' || c == ']' ||
        c == '}'))
    {
      g_autofree char *found = describe_at (P, P->p);

      fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
               _("expected a space, a comma, a bracket or the end of the line after the value, "
                 "found %s"), found);
      return NULL;
    }
  return node;
}

/* Tables */

static TomlNode *
new_table (Parser        *P,
           LekhTomlType   type,
           LekhSpan       span,
           guint          depth,
           guint          flags,
           guint          section)
{
  TomlNode *table = node_new (P, LEKH_NODE_MAPPING, type,
                              type == LEKH_TOML_INLINE_TABLE ? LEKH_STYLE_FLOW : LEKH_STYLE_BLOCK,
                              span, depth);

  if (table != NULL)
    {
      table->flags = flags;
      table->section = section;
    }
  return table;
}

/* Puts VALUE at the dotted key PARTS under TABLE, making the tables of the leading parts.
 * SECTION is the header (or inline table) the key is written in: the tables a dotted key
 * made can be added to only from there. */
static gboolean
insert_keyval (Parser   *P,
               TomlNode *table,
               GArray   *parts,
               TomlNode *value,
               guint     section,
               gboolean  inline_table)
{
  const KeyPart *part = &g_array_index (parts, KeyPart, 0);
  guint n = parts->len;
  TomlNode *t = table;

  for (guint i = 0; i + 1 < n; i++)
    {
      TomlNode *child = table_lookup (t, part[i].s, part[i].len);

      if (child == NULL)
        {
          child = new_table (P, inline_table ? LEKH_TOML_INLINE_TABLE : LEKH_TOML_TABLE,
                             part[i].span, t->depth + 1, FLAG_DOTTED, section);
          if (child == NULL)
            return FALSE;
          table_add (P, t, &part[i], child);
        }
      else if (child->type == LEKH_TOML_TABLE && child->flags == FLAG_IMPLICIT)
        {
          /* [a.b.c] then [a] b.d = 1: a.b was only implied, so the dotted key may
           * define it (as Python's tomllib reads it); a later [a.b] cannot. */
          child->flags = FLAG_DOTTED;
          child->section = section;
        }
      else if (!(child->flags & FLAG_DOTTED) || child->section != section)
        {
          g_autofree char *path = join_path (part, i + 1);

          if (child->type == LEKH_TOML_TABLE || child->type == LEKH_TOML_INLINE_TABLE)
            return fail_at (P, part[i].span.start, LEKH_ERROR_TOML_SYNTAX,
                            child->type == LEKH_TOML_INLINE_TABLE ?
                            _("“%s” is an inline table, which cannot be added to later") :
                            _("a dotted key cannot add to the table “%s”, defined elsewhere"),
                            path);
          return fail_at (P, part[i].span.start, LEKH_ERROR_TOML_SYNTAX,
                          _("“%s” is already %s, it cannot also be a table"), path,
                          describe_type (child->type));
        }
      t = child;
    }

  if (table_lookup (t, part[n - 1].s, part[n - 1].len) != NULL)
    {
      g_autofree char *path = join_path (part, n);

      return fail_at (P, part[n - 1].span.start, LEKH_ERROR_TOML_SYNTAX,
                      _("a key is defined twice: “%s”"), path);
    }
  table_add (P, t, &part[n - 1], value);
  return TRUE;
}

/* [a.b] or [[a.b]] at P->p: returns the table that the following keys go into.
 * Long because after reading the brackets it walks the dotted path, making implicit tables
 * and stepping into the last element of an array of tables, then treats [table] and
 * [[array]] apart; each way a header can clash with what is already defined (a value, a
 * table defined twice, a table that was an array) has its own message, as TOML's rules on
 * redefinition are strict. */
static TomlNode *
parse_header (Parser   *P,
              GArray   *parts,
              gboolean *array)
{
  gsize at = P->p;
  LekhSpan span = span_at (P, at);
  const KeyPart *part;
  TomlNode *t = P->doc->root;
  TomlNode *last;
  guint n;

  *array = peek (P, 1) == '[';
  P->p += *array ? 2 : 1;
  skip_ws (P);
  if (!parse_key (P, parts))
    return NULL;
  skip_ws (P);
  if (peek (P, 0) != ']' || (*array && peek (P, 1) != ']'))
    {
      g_autofree char *found = describe_at (P, peek (P, 0) == ']' ? P->p + 1 : P->p);

      fail_at (P, peek (P, 0) == ']' ? P->p + 1 : P->p, LEKH_ERROR_TOML_SYNTAX,
               _("expected “%s” to close the table header, found %s"), *array ? "]]" : "]", found);
      return NULL;
    }
  P->p += *array ? 2 : 1;
  span.end = P->p;

  part = &g_array_index (parts, KeyPart, 0);
  n = parts->len;
  for (guint i = 0; i + 1 < n; i++)
    {
      TomlNode *child = table_lookup (t, part[i].s, part[i].len);

      if (child == NULL)
        {
          child = new_table (P, LEKH_TOML_TABLE, part[i].span, t->depth + 1, FLAG_IMPLICIT, 0);
          if (child == NULL)
            return NULL;
          table_add (P, t, &part[i], child);
        }
      else if (child->type == LEKH_TOML_ARRAY_OF_TABLES)
        child = g_ptr_array_index (child->node.children, child->node.children->len - 1);
      else if (child->type != LEKH_TOML_TABLE)
        {
          g_autofree char *path = join_path (part, i + 1);

          fail_at (P, part[i].span.start, LEKH_ERROR_TOML_SYNTAX,
                   _("“%s” is already %s, it cannot hold a table"), path,
                   describe_type (child->type));
          return NULL;
        }
      t = child;
    }

  last = table_lookup (t, part[n - 1].s, part[n - 1].len);
  if (!*array)
    {
      if (last == NULL)
        {
          last = new_table (P, LEKH_TOML_TABLE, span, t->depth + 1, FLAG_DEFINED, 0);
          if (last == NULL)
            return NULL;
          table_add (P, t, &part[n - 1], last);
          return last;
        }
      if (last->type == LEKH_TOML_TABLE && last->flags == FLAG_IMPLICIT)
        {
          last->flags = FLAG_DEFINED;
          last->node.span = span;
          return last;
        }
    }
  else
    {
      TomlNode *element;

      if (last == NULL)
        {
          last = node_new (P, LEKH_NODE_SEQUENCE, LEKH_TOML_ARRAY_OF_TABLES, LEKH_STYLE_BLOCK,
                           span, t->depth + 1);
          if (last == NULL)
            return NULL;
          last->flags = FLAG_DEFINED;
          table_add (P, t, &part[n - 1], last);
        }
      if (last->type == LEKH_TOML_ARRAY_OF_TABLES)
        {
          element = new_table (P, LEKH_TOML_TABLE, span, last->depth + 1, FLAG_DEFINED, 0);
          if (element == NULL)
            return NULL;
          g_ptr_array_add (last->node.children, element);
          return element;
        }
    }

  {
    g_autofree char *path = join_path (part, n);

    if (last->type == LEKH_TOML_TABLE)
      fail_at (P, part[0].span.start, LEKH_ERROR_TOML_SYNTAX,
               _("the table “%s” is defined twice"), path);
    else
      fail_at (P, part[0].span.start, LEKH_ERROR_TOML_SYNTAX,
               _("“%s” is already %s, it cannot be redefined as %s"), path,
               describe_type (last->type),
               describe_type (*array ? LEKH_TOML_ARRAY_OF_TABLES : LEKH_TOML_TABLE));
  }
  return NULL;
}

static char **
path_strv (Parser *P,
           GArray *parts)
{
  char **strv = arena_alloc (P->doc, (parts->len + 1) * sizeof (char *));

  for (guint i = 0; i < parts->len; i++)
    strv[i] = (char *) g_array_index (parts, KeyPart, i).s;
  return strv;
}

static gboolean
validate_utf8 (Parser *P)
{
  const char *s = P->text + P->start;
  gsize left = P->end - P->start;
  const char *bad;

  /* g_utf8_validate_len() stops at NUL, which is valid UTF-8: the grammar refuses it
   * later, with a clearer message. */
  while (!g_utf8_validate_len (s, left, &bad))
    {
      if (*bad != '\0')
        return fail_at (P, bad - P->text, LEKH_ERROR_INVALID_UTF8,
                        _("the text is not valid UTF-8 (byte 0x%02X)"), (guchar) *bad);
      left -= bad + 1 - s;
      s = bad + 1;
    }
  return TRUE;
}

/* Long because it is the line loop of the TOML grammar: a [header], a key = value or
 * nothing, then an optional comment and the line's end. Both branches record what the
 * editor needs (key paths, spans, section numbers) in the document and share the current
 * table, header and section with the loop; the key = value branch could become a function
 * of its own. */
static gboolean
parse_document (Parser *P)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (KeyPart));
  LekhTomlDocument *doc = P->doc;
  TomlNode *table = doc->root;
  int header = -1;
  guint section = 0;

  if (!validate_utf8 (P))
    return FALSE;

  while (P->p < P->end)
    {
      LekhSpan line = span_at (P, P->p);
      LekhSpan *line_span = NULL;
      guint nl;
      int c;

      skip_ws (P);
      c = peek (P, 0);
      if (c == '[')
        {
          LekhTomlHeader h = { 0 };

          table = parse_header (P, parts, &h.array);
          if (table == NULL)
            return FALSE;
          h.path = path_strv (P, parts);
          h.n_parts = parts->len;
          h.span = table->node.span;
          h.table = &table->node;
          g_array_append_val (doc->headers, h);
          header = doc->headers->len - 1;
          section = ++P->n_sections;
          line_span = &g_array_index (doc->headers, LekhTomlHeader, header).line_span;
        }
      else if (c == '"' || c == '\'' || is_bare_key_char (c))
        {
          LekhTomlKeyval kv = { 0 };
          TomlNode *value;
          guint i;

          if (!parse_key (P, parts))
            return FALSE;
          kv.key_span = g_array_index (parts, KeyPart, 0).span;
          kv.key_span.end = g_array_index (parts, KeyPart, parts->len - 1).span.end;
          skip_ws (P);
          if (peek (P, 0) != '=')
            {
              g_autofree char *found = describe_at (P, P->p);

              return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                              _("expected “=” after the key, found %s"), found);
            }
          kv.equals = P->p;
          P->p++;
          skip_ws (P);
          value = parse_value (P, table->depth + parts->len);
          if (value == NULL || !insert_keyval (P, table, parts, value, section, FALSE))
            return FALSE;
          kv.key_path = path_strv (P, parts);
          kv.n_parts = parts->len;
          kv.value = &value->node;
          kv.header = header;
          g_array_append_val (doc->keyvals, kv);
          i = doc->keyvals->len - 1;
          line_span = &g_array_index (doc->keyvals, LekhTomlKeyval, i).entry_span;
        }
      else if (c >= 0 && c != '#' && newline_len (P) == 0)
        {
          g_autofree char *found = describe_at (P, P->p);

          return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                          _("expected a key, a [table] or a comment, found %s"), found);
        }

      skip_ws (P);
      if (peek (P, 0) == '#' && !skip_comment (P))
        return FALSE;
      nl = newline_len (P);
      if (nl == 0 && P->p < P->end)
        {
          g_autofree char *found = describe_at (P, P->p);

          return fail_at (P, P->p, LEKH_ERROR_TOML_SYNTAX,
                          _("expected the end of the line, found %s"), found);
        }
      P->p += nl;
      if (line_span != NULL)
        {
          *line_span = line;
          line_span->end = P->p;
        }
    }
  return TRUE;
}

LekhTomlDocument *
lekh_toml_parse_range (const char  *text,
                       gsize        start,
                       gsize        end,
                       guint        first_line,
                       guint       *error_line,
                       guint       *error_column,
                       GError     **error)
{
  g_autoptr(LekhTomlDocument) doc = NULL;
  g_autoptr(GString) buf = g_string_new (NULL);
  Parser P = { 0 };

  g_return_val_if_fail (text != NULL || end == 0, NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (first_line >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = g_new0 (LekhTomlDocument, 1);
  doc->blocks = g_ptr_array_new_with_free_func (g_free);
  doc->child_arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  doc->indexes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  doc->keyvals = g_array_new (FALSE, FALSE, sizeof (LekhTomlKeyval));
  doc->headers = g_array_new (FALSE, FALSE, sizeof (LekhTomlHeader));

  P.text = text ? text : "";
  P.start = P.p = start;
  P.end = end;
  lekh_text_cursor_init (&P.tc, P.text, start, end, first_line);
  P.doc = doc;
  P.buf = buf;

  doc->root = new_table (&P, LEKH_TOML_TABLE, span_at (&P, start), 0, FLAG_DEFINED, 0);
  doc->root->node.span.end = end;

  if (!parse_document (&P))
    {
      /* parse_document() fails only through fail_at(), which records the error. */
      lekh_text_cursor_take_error (&P.tc, error_line, error_column, error);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

LekhTomlDocument *
lekh_toml_parse (const char  *text,
                 gsize        len,
                 GError     **error)
{
  return lekh_toml_parse_range (text, 0, len, 1, NULL, NULL, error);
}

void
lekh_toml_document_free (LekhTomlDocument *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->indexes);
  g_ptr_array_unref (self->child_arrays);
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->keyvals);
  g_array_unref (self->headers);
  g_free (self);
}

const LekhNode *
lekh_toml_document_get_root (const LekhTomlDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->root->node;
}

/* The element at INDEX of ARRAY, or NULL past its end. */
static gconstpointer
array_element (const GArray *array,
               guint         index)
{
  if (index >= array->len)
    return NULL;
  return array->data + (gsize) index * g_array_get_element_size ((GArray *) array);
}

guint
lekh_toml_document_get_n_keyvals (const LekhTomlDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->keyvals->len;
}

const LekhTomlKeyval *
lekh_toml_document_get_keyval (const LekhTomlDocument *self,
                               guint                   index)
{
  g_return_val_if_fail (self != NULL, NULL);
  return array_element (self->keyvals, index);
}

guint
lekh_toml_document_get_n_headers (const LekhTomlDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->headers->len;
}

const LekhTomlHeader *
lekh_toml_document_get_header (const LekhTomlDocument *self,
                               guint                   index)
{
  g_return_val_if_fail (self != NULL, NULL);
  return array_element (self->headers, index);
}

LekhTomlType
lekh_toml_node_get_type (const LekhNode *node)
{
  g_return_val_if_fail (node != NULL, LEKH_TOML_STRING);
  return ((const TomlNode *) node)->type;
}

LekhTomlStringStyle
lekh_toml_node_get_string_style (const LekhNode *node)
{
  g_return_val_if_fail (node != NULL, LEKH_TOML_STRING_BASIC);
  return ((const TomlNode *) node)->string_style;
}

const char *
lekh_toml_type_to_string (LekhTomlType type)
{
  switch (type)
    {
    case LEKH_TOML_STRING: return "string";
    case LEKH_TOML_INTEGER: return "integer";
    case LEKH_TOML_FLOAT: return "float";
    case LEKH_TOML_BOOLEAN: return "bool";
    case LEKH_TOML_OFFSET_DATETIME: return "datetime";
    case LEKH_TOML_LOCAL_DATETIME: return "datetime-local";
    case LEKH_TOML_LOCAL_DATE: return "date-local";
    case LEKH_TOML_LOCAL_TIME: return "time-local";
    case LEKH_TOML_ARRAY: return "array";
    case LEKH_TOML_INLINE_TABLE:
    case LEKH_TOML_TABLE: return "table";
    case LEKH_TOML_ARRAY_OF_TABLES: return "array-of-tables";
    default: return "unknown";
    }
}
