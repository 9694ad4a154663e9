/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lekh-json.h"
#include "lekh-text-cursor.h"

#define TAG_STR   "tag:yaml.org,2002:str"
#define TAG_INT   "tag:yaml.org,2002:int"
#define TAG_FLOAT "tag:yaml.org,2002:float"
#define TAG_BOOL  "tag:yaml.org,2002:bool"
#define TAG_NULL  "tag:yaml.org,2002:null"

struct _LekhJsonDocument
{
  GPtrArray *nodes;     /* every node, with its strings and children */
  LekhNode  *root;
};

typedef struct
{
  const char       *text;
  gsize             start;
  gsize             end;
  gsize             p;
  LekhTextCursor    tc;         /* positions and the first error */

  LekhJsonDocument *doc;
  GString          *buf;
} Parser;

static void
node_free (LekhNode *node)
{
  g_free (node->scalar);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node);
}

/* Positions and errors: the shared text cursor's, under the names the reader uses. */
#define span_at(P, offset)     lekh_text_cursor_span (&(P)->tc, (offset))
#define fail_at(P, ...)        lekh_text_cursor_fail (&(P)->tc, __VA_ARGS__)
#define describe_at(P, offset) lekh_text_cursor_describe (&(P)->tc, (offset))

static gboolean
fail_unexpected (Parser     *P,
                 const char *wanted)
{
  g_autofree char *found = describe_at (P, P->p);

  return fail_at (P, P->p, LEKH_ERROR_JSON_SYNTAX, _("expected %s, found %s"), wanted, found);
}

static int
peek (Parser *P)
{
  return P->p < P->end ? (guchar) P->text[P->p] : -1;
}

static void
skip_ws (Parser *P)
{
  while (P->p < P->end && strchr (" \t\r\n", P->text[P->p]) != NULL && P->text[P->p] != '\0')
    P->p++;
}

static LekhNode *
node_new (Parser       *P,
          LekhNodeKind  kind,
          LekhNodeStyle style,
          gsize         start)
{
  LekhNode *node = g_new0 (LekhNode, 1);

  node->kind = kind;
  node->style = style;
  node->span = span_at (P, start);
  if (kind != LEKH_NODE_SCALAR)
    node->children = g_ptr_array_new ();
  g_ptr_array_add (P->doc->nodes, node);
  return node;
}

static int
hex_value (int c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* \uXXXX at P->p (past the backslash and the 'u'); -1 when not four hex digits. */
static int
parse_u4 (Parser *P)
{
  int v = 0;

  if (P->end - P->p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value ((guchar) P->text[P->p + i]);

      if (h < 0)
        return -1;
      v = v * 16 + h;
    }
  P->p += 4;
  return v;
}

/* Reads the JSON string at P into a scalar node. Long because it is RFC 8259's string
 * grammar in one loop: a fast copy of plain bytes, the eight one-letter escapes, and \u
 * escapes with surrogate pairs, each refusal with its own message and place. */
static LekhNode *
parse_string (Parser *P)
{
  gsize start = P->p;
  LekhNode *node;

  g_assert (peek (P) == '"');
  g_string_truncate (P->buf, 0);
  P->p++;
  for (;;)
    {
      gsize run = P->p;
      int c;

      while (P->p < P->end && P->text[P->p] != '"' && P->text[P->p] != '\\' &&
             (guchar) P->text[P->p] >= 0x20)
        P->p++;
      g_string_append_len (P->buf, P->text + run, P->p - run);
      c = peek (P);
      if (c == '"')
        {
          P->p++;
          break;
        }
      if (c < 0)
        {
          fail_at (P, start, LEKH_ERROR_JSON_SYNTAX, _("the string is not closed"));
          return NULL;
        }
      if (c != '\\')
        {
          fail_at (P, P->p, LEKH_ERROR_JSON_SYNTAX,
                   _("a control character (U+%04X) must be escaped in a string"), (guint) c);
          return NULL;
        }

      P->p++;
      c = peek (P);
      switch (c)
        {
        case '"': g_string_append_c (P->buf, '"'); break;
        case '\\': g_string_append_c (P->buf, '\\'); break;
        case '/': g_string_append_c (P->buf, '/'); break;
        case 'b': g_string_append_c (P->buf, '\b'); break;
        case 'f': g_string_append_c (P->buf, '\f'); break;
        case 'n': g_string_append_c (P->buf, '\n'); break;
        case 'r': g_string_append_c (P->buf, '\r'); break;
        case 't': g_string_append_c (P->buf, '\t'); break;
        case 'u':
          {
            gsize at = P->p - 1;
            int u;

            P->p++;
            u = parse_u4 (P);
            if (u < 0)
              {
                fail_at (P, at, LEKH_ERROR_JSON_SYNTAX,
                         _("“\\u” must be followed by four hexadecimal digits"));
                return NULL;
              }
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                int low = -1;

                if (P->end - P->p >= 2 && P->text[P->p] == '\\' && P->text[P->p + 1] == 'u')
                  {
                    P->p += 2;
                    low = parse_u4 (P);
                  }
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    fail_at (P, at, LEKH_ERROR_JSON_SYNTAX,
                             _("a lone UTF-16 surrogate (\\u%04X) is not a character"), (guint) u);
                    return NULL;
                  }
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (u >= 0xDC00 && u <= 0xDFFF)
              {
                fail_at (P, at, LEKH_ERROR_JSON_SYNTAX,
                         _("a lone UTF-16 surrogate (\\u%04X) is not a character"), (guint) u);
                return NULL;
              }
            g_string_append_unichar (P->buf, u);   /* U+0000 too: one NUL byte */
          }
          continue;
        default:
          {
            g_autofree char *found = describe_at (P, P->p);

            fail_at (P, P->p - 1, LEKH_ERROR_JSON_SYNTAX, _("unknown escape “\\” followed by %s"),
                     found);
            return NULL;
          }
        }
      P->p++;
    }

  node = node_new (P, LEKH_NODE_SCALAR, LEKH_STYLE_DOUBLE_QUOTED, start);
  node->span.end = P->p;
  node->tag = (char *) TAG_STR;
  node->scalar = g_malloc (P->buf->len + 1);
  memcpy (node->scalar, P->buf->str, P->buf->len);
  node->scalar[P->buf->len] = '\0';
  node->scalar_len = P->buf->len;
  return node;
}

static LekhNode *
parse_number (Parser *P)
{
  gsize start = P->p;
  gboolean is_float = FALSE;
  LekhNode *node;

#define DIGIT(c) ((c) >= '0' && (c) <= '9')
  if (peek (P) == '-')
    P->p++;
  if (peek (P) == '0')
    {
      P->p++;
      if (DIGIT (peek (P)))
        {
          fail_at (P, start, LEKH_ERROR_JSON_SYNTAX, _("a number cannot start with a zero"));
          return NULL;
        }
    }
  else if (DIGIT (peek (P)))
    while (DIGIT (peek (P)))
      P->p++;
  else
    {
      fail_unexpected (P, _("a digit"));
      return NULL;
    }
  if (peek (P) == '.')
    {
      P->p++;
      is_float = TRUE;
      if (!DIGIT (peek (P)))
        {
          fail_unexpected (P, _("a digit after the decimal point"));
          return NULL;
        }
      while (DIGIT (peek (P)))
        P->p++;
    }
  if (peek (P) == 'e' || peek (P) == 'E')
    {
      P->p++;
      is_float = TRUE;
      if (peek (P) == '+' || peek (P) == '-')
        P->p++;
      if (!DIGIT (peek (P)))
        {
          fail_unexpected (P, _("a digit in the exponent"));
          return NULL;
        }
      while (DIGIT (peek (P)))
        P->p++;
    }
#undef DIGIT

  node = node_new (P, LEKH_NODE_SCALAR, LEKH_STYLE_PLAIN, start);
  node->span.end = P->p;
  node->tag = (char *) (is_float ? TAG_FLOAT : TAG_INT);
  node->scalar = g_strndup (P->text + start, P->p - start);
  node->scalar_len = P->p - start;
  return node;
}

static gboolean
keyword_at (Parser     *P,
            const char *word)
{
  gsize n = strlen (word);

  return P->end - P->p >= n && memcmp (P->text + P->p, word, n) == 0;
}

static LekhNode *parse_value (Parser *P, guint depth);

static LekhNode *
parse_container (Parser *P,
                 guint   depth)
{
  gboolean object = peek (P) == '{';
  char close = object ? '}' : ']';
  LekhNode *node;

  if (depth > LEKH_JSON_MAX_DEPTH)
    {
      fail_at (P, P->p, LEKH_ERROR_LIMIT, _("the front matter is nested more than %d levels deep"),
               LEKH_JSON_MAX_DEPTH);
      return NULL;
    }

  node = node_new (P, object ? LEKH_NODE_MAPPING : LEKH_NODE_SEQUENCE, LEKH_STYLE_FLOW, P->p);
  P->p++;
  skip_ws (P);
  if (peek (P) == close)
    {
      P->p++;
      node->span.end = P->p;
      return node;
    }

  for (;;)
    {
      LekhNode *child;

      if (object)
        {
          LekhNode *key;

          if (peek (P) != '"')
            {
              fail_unexpected (P, _("a key in double quotes"));
              return NULL;
            }
          if ((key = parse_string (P)) == NULL)
            return NULL;
          g_ptr_array_add (node->children, key);
          skip_ws (P);
          if (peek (P) != ':')
            {
              fail_unexpected (P, _("“:” after the key"));
              return NULL;
            }
          P->p++;
          skip_ws (P);
        }
      if ((child = parse_value (P, depth + 1)) == NULL)
        return NULL;
      g_ptr_array_add (node->children, child);
      skip_ws (P);
      if (peek (P) == ',')
        {
          gsize comma = P->p;

          P->p++;
          skip_ws (P);
          if (peek (P) == close)
            {
              fail_at (P, comma, LEKH_ERROR_JSON_SYNTAX,
                       _("a comma before “%c” (JSON allows no trailing comma)"), close);
              return NULL;
            }
          continue;
        }
      if (peek (P) == close)
        {
          P->p++;
          node->span.end = P->p;
          return node;
        }
      fail_unexpected (P, object ? _("“,” or “}”") : _("“,” or “]”"));
      return NULL;
    }
}

static LekhNode *
parse_value (Parser *P,
             guint   depth)
{
  int c = peek (P);
  LekhNode *node;

  if (c == '{' || c == '[')
    return parse_container (P, depth);
  if (c == '"')
    return parse_string (P);
  if (c == '-' || (c >= '0' && c <= '9'))
    return parse_number (P);
  if (keyword_at (P, "true") || keyword_at (P, "false") || keyword_at (P, "null"))
    {
      gsize n = c == 'f' ? 5 : 4;

      node = node_new (P, LEKH_NODE_SCALAR, LEKH_STYLE_PLAIN, P->p);
      node->tag = (char *) (c == 'n' ? TAG_NULL : TAG_BOOL);
      node->scalar = g_strndup (P->text + P->p, n);
      node->scalar_len = n;
      P->p += n;
      node->span.end = P->p;
      return node;
    }
  fail_unexpected (P, _("a value (a string, number, object, array, true, false or null)"));
  return NULL;
}

LekhJsonDocument *
lekh_json_parse_range (const char  *text,
                       gsize        start,
                       gsize        end,
                       guint        first_line,
                       guint       *error_line,
                       guint       *error_column,
                       GError     **error)
{
  g_autoptr(LekhJsonDocument) doc = NULL;
  g_autoptr(GString) buf = g_string_new (NULL);
  Parser P = { 0 };
  const char *bad = NULL;

  g_return_val_if_fail (text != NULL || end == 0, NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (first_line >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = g_new0 (LekhJsonDocument, 1);
  doc->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);

  P.text = text ? text : "";
  P.start = P.p = start;
  P.end = end;
  lekh_text_cursor_init (&P.tc, P.text, start, end, first_line);
  P.tc.lone_cr_breaks = TRUE;    /* JSON white space: a CR alone ends a line, too */
  P.doc = doc;
  P.buf = buf;

  if (!g_utf8_validate_len (P.text + start, end - start, &bad))
    {
      if (*bad == '\0')
        fail_at (&P, bad - P.text, LEKH_ERROR_INVALID_UTF8, _("the text contains a NUL byte"));
      else
        fail_at (&P, bad - P.text, LEKH_ERROR_INVALID_UTF8,
                 _("the text is not valid UTF-8 (byte 0x%02X)"), (guchar) *bad);
    }
  else
    {
      skip_ws (&P);
      doc->root = parse_value (&P, 1);
      if (doc->root != NULL)
        {
          skip_ws (&P);
          if (P.p < P.end)
            fail_unexpected (&P, _("the end of the JSON text"));
        }
    }

  if (lekh_text_cursor_take_error (&P.tc, error_line, error_column, error))
    return NULL;
  return g_steal_pointer (&doc);
}

LekhJsonDocument *
lekh_json_parse (const char  *text,
                 gsize        len,
                 GError     **error)
{
  return lekh_json_parse_range (text, 0, len, 1, NULL, NULL, error);
}

void
lekh_json_document_free (LekhJsonDocument *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_free (self);
}

const LekhNode *
lekh_json_document_get_root (const LekhJsonDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->root;
}

char *
lekh_json_quote_string (const char *text,
                        gsize       len)
{
  GString *out = g_string_sized_new (len + 2);

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      guchar c = text[i];

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}
