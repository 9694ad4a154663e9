/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lekh-error.h"
#include "lekh-node.h"

/* Expanding aliases can blow up exponentially (the "billion laughs"); JSON output stops
 * after this many nodes written out of aliases (what is written literally costs nothing:
 * its output grows with the file). A million took over 30 s for the fuzzer's instrumented
 * build on a 2.5 KB file. */
#define LEKH_JSON_ALIAS_BUDGET 100000

const LekhNode *
lekh_node_resolve (const LekhNode *node)
{
  if (node != NULL && node->kind == LEKH_NODE_ALIAS)
    return node->alias_target;
  return node;
}

static gboolean
tag_is (const char *tag,
        const char *name)
{
  if (tag == NULL)
    return FALSE;
  if (g_str_has_prefix (tag, "tag:yaml.org,2002:"))
    return strcmp (tag + strlen ("tag:yaml.org,2002:"), name) == 0;
  if (g_str_has_prefix (tag, "!!"))
    return strcmp (tag + 2, name) == 0;
  return FALSE;
}

static gboolean
all_digits (const char *s,
            const char *end,
            const char *digits)
{
  if (s >= end)
    return FALSE;
  for (; s < end; s++)
    if (strchr (digits, *s) == NULL || *s == '\0')
      return FALSE;
  return TRUE;
}

static gboolean
is_int (const char *s,
        gsize       len)
{
  const char *end = s + len;

  if (len > 2 && s[0] == '0' && s[1] == 'o')
    return all_digits (s + 2, end, "01234567");
  if (len > 2 && s[0] == '0' && s[1] == 'x')
    return all_digits (s + 2, end, "0123456789abcdefABCDEF");
  if (len > 0 && (s[0] == '-' || s[0] == '+'))
    s++;
  return all_digits (s, end, "0123456789");
}

static gboolean
is_float (const char *s,
          gsize       len)
{
  const char *end = s + len;
  gboolean digits = FALSE;

  if (len == 0)
    return FALSE;
  if (*s == '-' || *s == '+')
    s++;
  if (end - s == 4 && s[0] == '.' &&
      (strncmp (s, ".inf", 4) == 0 || strncmp (s, ".Inf", 4) == 0 || strncmp (s, ".INF", 4) == 0))
    return TRUE;
  if (len == 4 && (strncmp (s, ".nan", 4) == 0 || strncmp (s, ".NaN", 4) == 0 ||
                   strncmp (s, ".NAN", 4) == 0))
    return TRUE;

  while (s < end && g_ascii_isdigit (*s))
    s++, digits = TRUE;
  if (s < end && *s == '.')
    {
      s++;
      while (s < end && g_ascii_isdigit (*s))
        s++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (s < end && (*s == 'e' || *s == 'E'))
    {
      s++;
      if (s < end && (*s == '-' || *s == '+'))
        s++;
      if (s >= end || !g_ascii_isdigit (*s))
        return FALSE;
      while (s < end && g_ascii_isdigit (*s))
        s++;
    }
  return s == end;
}

static gboolean
take_digits (const char **p,
             const char  *end,
             int          min,
             int          max)
{
  int n = 0;

  while (*p < end && g_ascii_isdigit (**p) && n < max)
    (*p)++, n++;
  return n >= min;
}

/* YAML 1.1 timestamp, as js-yaml, go-yaml and Psych read them:
 * 2024-01-31, 2024-01-31T10:20:30Z, 2024-1-31 10:20:30.5 +05:30 */
static gboolean
is_timestamp (const char *s,
              gsize       len)
{
  const char *p = s;
  const char *end = s + len;

  if (!take_digits (&p, end, 4, 4) || p >= end || *p++ != '-')
    return FALSE;
  if (!take_digits (&p, end, 1, 2) || p >= end || *p++ != '-')
    return FALSE;
  if (!take_digits (&p, end, 1, 2))
    return FALSE;
  if (p == end)
    return p - s == 10;  /* a date alone needs two-digit month and day */

  if (*p == 'T' || *p == 't')
    p++;
  else if (*p == ' ' || *p == '\t')
    while (p < end && (*p == ' ' || *p == '\t'))
      p++;
  else
    return FALSE;

  if (!take_digits (&p, end, 1, 2) || p >= end || *p++ != ':')
    return FALSE;
  if (!take_digits (&p, end, 2, 2) || p >= end || *p++ != ':')
    return FALSE;
  if (!take_digits (&p, end, 2, 2))
    return FALSE;
  if (p < end && *p == '.')
    {
      p++;
      take_digits (&p, end, 0, 64);
    }
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (p == end)
    return TRUE;
  if (*p == 'Z')
    return p + 1 == end;
  if (*p == '+' || *p == '-')
    {
      p++;
      if (!take_digits (&p, end, 1, 2))
        return FALSE;
      if (p < end && *p == ':')
        {
          p++;
          if (!take_digits (&p, end, 2, 2))
            return FALSE;
        }
      else
        take_digits (&p, end, 0, 2);
      return p == end;
    }
  return FALSE;
}

gboolean
lekh_scalar_is_timestamp (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);
  return is_timestamp (text, strlen (text));
}

LekhValueType
lekh_scalar_resolve_type (const char    *s,
                          gsize          len,
                          LekhNodeStyle  style,
                          const char    *tag)
{
  if (tag != NULL)
    {
      if (tag_is (tag, "str"))
        return LEKH_VALUE_STRING;
      if (tag_is (tag, "null"))
        return LEKH_VALUE_NULL;
      if (tag_is (tag, "bool"))
        return LEKH_VALUE_BOOL;
      if (tag_is (tag, "int"))
        return LEKH_VALUE_INT;
      if (tag_is (tag, "float"))
        return LEKH_VALUE_FLOAT;
      if (tag_is (tag, "timestamp"))
        return LEKH_VALUE_TIMESTAMP;
      if (strcmp (tag, "!") == 0)
        return LEKH_VALUE_STRING;
    }

  if (style != LEKH_STYLE_PLAIN)
    return LEKH_VALUE_STRING;

#define IS(lit) (len == strlen (lit) && memcmp (s, lit, len) == 0)
  if (len == 0 || IS ("~") || IS ("null") || IS ("Null") || IS ("NULL"))
    return LEKH_VALUE_NULL;
  if (IS ("true") || IS ("True") || IS ("TRUE") || IS ("false") || IS ("False") || IS ("FALSE"))
    return LEKH_VALUE_BOOL;
#undef IS
  if (is_int (s, len))
    return LEKH_VALUE_INT;
  if (is_float (s, len))
    return LEKH_VALUE_FLOAT;
  if (is_timestamp (s, len))
    return LEKH_VALUE_TIMESTAMP;
  return LEKH_VALUE_STRING;
}

LekhValueType
lekh_node_get_value_type (const LekhNode *node)
{
  node = lekh_node_resolve (node);
  if (node == NULL)
    return LEKH_VALUE_NULL;

  switch (node->kind)
    {
    case LEKH_NODE_SEQUENCE:
      return LEKH_VALUE_SEQUENCE;
    case LEKH_NODE_MAPPING:
      return LEKH_VALUE_MAPPING;
    case LEKH_NODE_SCALAR:
      return lekh_scalar_resolve_type (node->scalar, node->scalar_len, node->style, node->tag);
    case LEKH_NODE_ALIAS:
    default:
      return LEKH_VALUE_NULL;
    }
}

const char *
lekh_value_type_to_string (LekhValueType type)
{
  switch (type)
    {
    case LEKH_VALUE_NULL: return "null";
    case LEKH_VALUE_BOOL: return "boolean";
    case LEKH_VALUE_INT: return "integer";
    case LEKH_VALUE_FLOAT: return "number";
    case LEKH_VALUE_TIMESTAMP: return "date";
    case LEKH_VALUE_STRING: return "string";
    case LEKH_VALUE_SEQUENCE: return "list";
    case LEKH_VALUE_MAPPING: return "mapping";
    default: return "unknown";
    }
}

const char *
lekh_node_get_string (const LekhNode *node)
{
  node = lekh_node_resolve (node);
  if (node == NULL || node->kind != LEKH_NODE_SCALAR)
    return NULL;
  return node->scalar;
}

gboolean
lekh_node_get_boolean (const LekhNode *node,
                       gboolean       *value)
{
  const char *s;

  if (lekh_node_get_value_type (node) != LEKH_VALUE_BOOL)
    return FALSE;
  s = lekh_node_get_string (node);
  if (value != NULL)
    *value = (s[0] == 't' || s[0] == 'T');
  return TRUE;
}

/* The base of an integer scalar (0o17, 0x1F, or decimal) and where its digits start. */
static guint
int_base (const char  *s,
          const char **digits)
{
  if (s[0] == '0' && s[1] == 'o')
    {
      *digits = s + 2;
      return 8;
    }
  if (s[0] == '0' && s[1] == 'x')
    {
      *digits = s + 2;
      return 16;
    }
  *digits = s;
  return 10;
}

/* FALSE for an integer beyond 64 bits (12345678901234567890): strtoll would clamp it to
 * G_MAXINT64, a number the file does not hold. Its type is still LEKH_VALUE_INT. */
gboolean
lekh_node_get_int (const LekhNode *node,
                   gint64         *value)
{
  const char *s, *digits;
  guint base;
  gint64 v;

  if (lekh_node_get_value_type (node) != LEKH_VALUE_INT)
    return FALSE;
  s = lekh_node_get_string (node);
  base = int_base (s, &digits);
  errno = 0;
  v = g_ascii_strtoll (digits, NULL, base);
  if (errno == ERANGE)
    return FALSE;
  if (value != NULL)
    *value = v;
  return TRUE;
}

gboolean
lekh_node_get_double (const LekhNode *node,
                      double         *value)
{
  LekhValueType type = lekh_node_get_value_type (node);
  const char *s;
  double v;

  if (type == LEKH_VALUE_INT)
    {
      gint64 i;
      const char *digits;
      guint base;

      if (lekh_node_get_int (node, &i))
        v = (double) i;
      else if ((base = int_base (lekh_node_get_string (node), &digits)) == 10)
        v = g_ascii_strtod (digits, NULL);
      else
        for (v = 0; *digits; digits++)
          v = v * base + g_ascii_xdigit_value (*digits);
      if (value != NULL)
        *value = v;
      return TRUE;
    }
  if (type != LEKH_VALUE_FLOAT)
    return FALSE;

  s = lekh_node_get_string (node);
  if (strstr (s, "inf") || strstr (s, "Inf") || strstr (s, "INF"))
    v = s[0] == '-' ? -INFINITY : INFINITY;
  else if (strstr (s, "nan") || strstr (s, "NaN") || strstr (s, "NAN"))
    v = NAN;
  else
    v = g_ascii_strtod (s, NULL);
  if (value != NULL)
    *value = v;
  return TRUE;
}

guint
lekh_node_get_n_items (const LekhNode *node)
{
  node = lekh_node_resolve (node);
  if (node == NULL || node->children == NULL)
    return 0;
  if (node->kind == LEKH_NODE_MAPPING)
    return node->children->len / 2;
  return node->children->len;
}

/* For a mapping, the item at INDEX is the value of the INDEX-th pair. */
const LekhNode *
lekh_node_get_item (const LekhNode *node,
                    guint           index)
{
  node = lekh_node_resolve (node);
  if (node == NULL || node->children == NULL)
    return NULL;
  if (node->kind == LEKH_NODE_MAPPING)
    index = index * 2 + 1;
  if (index >= node->children->len)
    return NULL;
  return g_ptr_array_index (node->children, index);
}

const LekhNode *
lekh_node_lookup (const LekhNode *mapping,
                  const char     *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  mapping = lekh_node_resolve (mapping);
  if (mapping == NULL || mapping->kind != LEKH_NODE_MAPPING)
    return NULL;

  for (guint i = 0; i + 1 < mapping->children->len; i += 2)
    {
      const LekhNode *k = lekh_node_resolve (g_ptr_array_index (mapping->children, i));

      if (k != NULL && k->kind == LEKH_NODE_SCALAR && strcmp (k->scalar, key) == 0)
        return g_ptr_array_index (mapping->children, i + 1);
    }
  return NULL;
}

char **
lekh_node_dup_string_list (const LekhNode *node)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  node = lekh_node_resolve (node);
  if (node == NULL || node->kind != LEKH_NODE_SEQUENCE)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < node->children->len; i++)
    {
      const LekhNode *item = lekh_node_resolve (g_ptr_array_index (node->children, i));

      if (item == NULL || item->kind != LEKH_NODE_SCALAR)
        return NULL;
      g_strv_builder_add (builder, item->scalar);
    }
  return g_strv_builder_end (builder);
}

static void
json_string (GString    *out,
             const char *s,
             gsize       len)
{
  const char *end = s + len;

  g_string_append_c (out, '"');
  for (; s < end; s++)
    {
      guchar c = *s;

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
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* An integer beyond 64 bits, as the file holds it (never clamped): a decimal one as its
 * own digits (a JSON number may be as long as it likes; readers that keep numbers as
 * doubles round it, but the text is exact), without a '+' or leading zeros, which JSON
 * does not allow; a 0x or 0o one as a string of its text, since JSON has no such
 * numbers (and converting a huge one to decimal would cost quadratic time). */
static void
json_big_int (GString    *out,
              const char *s)
{
  const char *digits;

  if (int_base (s, &digits) != 10)
    {
      json_string (out, s, strlen (s));
      return;
    }
  if (*digits == '-')
    g_string_append_c (out, '-');
  if (*digits == '-' || *digits == '+')
    digits++;
  while (digits[0] == '0' && digits[1] != '\0')
    digits++;
  g_string_append (out, digits);
}

/* Writes NODE as JSON to OUT, spending BUDGET. Long because it is one switch over node
 * kinds and, for scalars, over value types (null, bool, integers kept exact, floats that
 * JSON cannot hold, timestamps, strings), each a few lines; the budget and error travel
 * down every recursive call, so the cases stay together. */
static gboolean
node_to_json (const LekhNode  *node,
              GString         *out,
              guint           *budget,
              gboolean         expanded,
              GError         **error)
{
  /* (below an alias, every node is an expansion) */
  expanded = expanded || (node != NULL && node->kind == LEKH_NODE_ALIAS);
  node = lekh_node_resolve (node);

  if (expanded)
    {
      if (*budget == 0)
        {
          g_set_error (error, LEKH_ERROR, LEKH_ERROR_LIMIT,
                       _("The front matter expands to too many values (alias bomb?)"));
          return FALSE;
        }
      (*budget)--;
    }

  if (node == NULL)
    {
      g_string_append (out, "null");
      return TRUE;
    }

  switch (node->kind)
    {
    case LEKH_NODE_SCALAR:
      switch (lekh_node_get_value_type (node))
        {
        case LEKH_VALUE_NULL:
          g_string_append (out, "null");
          break;
        case LEKH_VALUE_BOOL:
          {
            gboolean b;
            lekh_node_get_boolean (node, &b);
            g_string_append (out, b ? "true" : "false");
          }
          break;
        case LEKH_VALUE_INT:
          {
            gint64 i;

            if (lekh_node_get_int (node, &i))
              g_string_append_printf (out, "%" G_GINT64_FORMAT, i);
            else
              json_big_int (out, node->scalar);
          }
          break;
        case LEKH_VALUE_FLOAT:
          {
            double d;
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            lekh_node_get_double (node, &d);
            if (isfinite (d))
              g_string_append (out, g_ascii_dtostr (buf, sizeof buf, d));
            else
              json_string (out, node->scalar, node->scalar_len);
          }
          break;
        case LEKH_VALUE_TIMESTAMP:
        case LEKH_VALUE_STRING:
        case LEKH_VALUE_SEQUENCE:
        case LEKH_VALUE_MAPPING:
        default:
          json_string (out, node->scalar, node->scalar_len);
          break;
        }
      return TRUE;

    case LEKH_NODE_SEQUENCE:
      g_string_append_c (out, '[');
      for (guint i = 0; i < node->children->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          if (!node_to_json (g_ptr_array_index (node->children, i), out, budget, expanded,
                             error))
            return FALSE;
        }
      g_string_append_c (out, ']');
      return TRUE;

    case LEKH_NODE_MAPPING:
      g_string_append_c (out, '{');
      for (guint i = 0; i + 1 < node->children->len; i += 2)
        {
          const LekhNode *key = lekh_node_resolve (g_ptr_array_index (node->children, i));

          if (i > 0)
            g_string_append_c (out, ',');
          if (key != NULL && key->kind == LEKH_NODE_SCALAR)
            json_string (out, key->scalar, key->scalar_len);
          else
            {
              g_autoptr(GString) inner = g_string_new (NULL);

              if (!node_to_json (key, inner, budget, expanded, error))
                return FALSE;
              json_string (out, inner->str, inner->len);
            }
          g_string_append_c (out, ':');
          if (!node_to_json (g_ptr_array_index (node->children, i + 1), out, budget, expanded,
                             error))
            return FALSE;
        }
      g_string_append_c (out, '}');
      return TRUE;

    case LEKH_NODE_ALIAS:
    default:
      g_string_append (out, "null");
      return TRUE;
    }
}

gboolean
lekh_node_to_json (const LekhNode  *node,
                   GString         *out,
                   GError         **error)
{
  guint budget = LEKH_JSON_ALIAS_BUDGET;

  g_return_val_if_fail (out != NULL, FALSE);

  return node_to_json (node, out, &budget, FALSE, error);
}
