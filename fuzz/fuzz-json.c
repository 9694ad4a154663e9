/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the JSON reader. Whatever the bytes, it returns a tree or an error;
 * a tree's spans lie in the input at the line and column they claim, its strings are
 * UTF-8 (NUL characters apart), each scalar's tag agrees with its text, and the text of
 * every value, cut out at its span, reads back as the same value (what a lossless editor
 * relies on). Read as a range of a larger text, the same bytes give the same tree or
 * error, shifted. */
#include "config.h"

#include <string.h>

#include "lekh-fuzz-common.h"
#include "lekh-json.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

typedef struct
{
  const char *text;
  gsize       len;
  GArray     *line_starts;   /* offsets where lines begin */
  guint       reread;        /* values read back so far (bounded: each costs its size) */
} Input;

static void
check_utf8_with_nuls (const char *s,
                      gsize       len)
{
  const char *bad;

  while (!g_utf8_validate_len (s, len, &bad))
    {
      LEKH_FUZZ_ASSERT (*bad == '\0');
      len -= bad + 1 - s;
      s = bad + 1;
    }
}

static void
check_span (const Input    *in,
            const LekhSpan *span)
{
  guint lo = 0, hi = in->line_starts->len;
  gsize line_start;
  glong column;

  LEKH_FUZZ_ASSERT (span->start < span->end);
  LEKH_FUZZ_ASSERT (span->end <= in->len);
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (in->line_starts, gsize, mid) <= span->start)
        lo = mid;
      else
        hi = mid;
    }
  line_start = g_array_index (in->line_starts, gsize, lo);
  column = g_utf8_strlen (in->text + line_start, span->start - line_start) + 1;
  LEKH_FUZZ_ASSERT (span->line == lo + 1);
  LEKH_FUZZ_ASSERT (span->column == (guint) column);
}

static char *
node_json (const LekhNode *node)
{
  g_autoptr(GString) out = g_string_new (lekh_value_type_to_string (lekh_node_get_value_type (node)));
  g_autoptr(GError) error = NULL;

  g_string_append_c (out, ' ');
  LEKH_FUZZ_ASSERT (lekh_node_to_json (node, out, &error));
  lekh_fuzz_check_utf8 (out->str, out->len);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The node's text, cut out at its span, is a JSON text of its own: the same value. */
static void
check_reads_back (Input          *in,
                  const LekhNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhJsonDocument) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (in->reread++ > 64)
    return;
  again = lekh_json_parse (in->text + node->span.start, node->span.end - node->span.start, &error);
  if (again == NULL)
    fprintf (stderr, "the value does not read back: %s\n", error->message);
  LEKH_FUZZ_ASSERT (again != NULL);
  before = node_json (node);
  after = node_json (lekh_json_document_get_root (again));
  LEKH_FUZZ_ASSERT (strcmp (before, after) == 0);
}

static void
check_node (Input          *in,
            const LekhNode *node,
            guint           depth)
{
  LekhValueType type = lekh_node_get_value_type (node);
  const char *first = in->text + node->span.start;
  gint64 i;
  double d;
  gboolean b;

  LEKH_FUZZ_ASSERT (depth <= LEKH_JSON_MAX_DEPTH);
  check_span (in, &node->span);
  check_reads_back (in, node);

  if (node->kind == LEKH_NODE_SCALAR)
    {
      LEKH_FUZZ_ASSERT (node->scalar != NULL && node->scalar[node->scalar_len] == '\0');
      check_utf8_with_nuls (node->scalar, node->scalar_len);
      switch (type)
        {
        case LEKH_VALUE_STRING:
          LEKH_FUZZ_ASSERT (*first == '"' && in->text[node->span.end - 1] == '"');
          LEKH_FUZZ_ASSERT (node->style == LEKH_STYLE_DOUBLE_QUOTED);
          break;
        case LEKH_VALUE_INT:
          LEKH_FUZZ_ASSERT (strpbrk (node->scalar, ".eE") == NULL);
          (void) lekh_node_get_int (node, &i);
          break;
        case LEKH_VALUE_FLOAT:
          LEKH_FUZZ_ASSERT (strpbrk (node->scalar, ".eE") != NULL);
          LEKH_FUZZ_ASSERT (lekh_node_get_double (node, &d));
          break;
        case LEKH_VALUE_BOOL:
          LEKH_FUZZ_ASSERT (lekh_node_get_boolean (node, &b));
          LEKH_FUZZ_ASSERT (b == (*first == 't'));
          break;
        case LEKH_VALUE_NULL:
          LEKH_FUZZ_ASSERT (strcmp (node->scalar, "null") == 0);
          break;
        case LEKH_VALUE_TIMESTAMP:
        case LEKH_VALUE_SEQUENCE:
        case LEKH_VALUE_MAPPING:
        default:
          LEKH_FUZZ_ASSERT (FALSE);
        }
      if (type != LEKH_VALUE_STRING)
        LEKH_FUZZ_ASSERT (node->scalar_len == node->span.end - node->span.start &&
                          memcmp (node->scalar, first, node->scalar_len) == 0);
      return;
    }

  LEKH_FUZZ_ASSERT (node->style == LEKH_STYLE_FLOW && node->children != NULL);
  LEKH_FUZZ_ASSERT (*first == (node->kind == LEKH_NODE_MAPPING ? '{' : '['));
  LEKH_FUZZ_ASSERT (in->text[node->span.end - 1] == (node->kind == LEKH_NODE_MAPPING ? '}' : ']'));
  if (node->kind == LEKH_NODE_MAPPING)
    LEKH_FUZZ_ASSERT (node->children->len % 2 == 0);
  g_strfreev (lekh_node_dup_string_list (node));
  for (guint n = 0; n < node->children->len; n++)
    {
      const LekhNode *child = g_ptr_array_index (node->children, n);

      /* children in order, inside their parent */
      LEKH_FUZZ_ASSERT (child->span.start > node->span.start && child->span.end < node->span.end);
      if (n > 0)
        LEKH_FUZZ_ASSERT (((const LekhNode *) g_ptr_array_index (node->children, n - 1))->span.end <
                          child->span.start);
      if (node->kind == LEKH_NODE_MAPPING && n % 2 == 0)
        {
          LEKH_FUZZ_ASSERT (child->kind == LEKH_NODE_SCALAR);
          LEKH_FUZZ_ASSERT (lekh_node_get_value_type (child) == LEKH_VALUE_STRING);
          if (memchr (child->scalar, '\0', child->scalar_len) == NULL)
            LEKH_FUZZ_ASSERT (lekh_node_lookup (node, child->scalar) != NULL);
        }
      check_node (in, child, depth + 1);
    }
}

static void
same_tag (const LekhNode *node,
          const LekhNode *framed)
{
  LEKH_FUZZ_ASSERT (g_strcmp0 (framed->tag, node->tag) == 0);
}

/* The same bytes read as a range of a larger text: 4 bytes and a line further on. */
static void
check_framed (const guint8           *data,
              gsize                   size,
              const LekhJsonDocument *doc,
              const GError           *error,
              guint                   line,
              guint                   column)
{
  g_autofree char *framed = g_malloc (size + 6);
  g_autoptr(GError) framed_error = NULL;
  g_autoptr(LekhJsonDocument) framed_doc = NULL;
  guint framed_line = 0, framed_column = 0;

  memcpy (framed, "{ 1\n", 4);
  if (size > 0)
    memcpy (framed + 4, data, size);
  memcpy (framed + 4 + size, "]\n", 2);
  framed_doc = lekh_json_parse_range (framed, 4, 4 + size, 2, &framed_line, &framed_column,
                                      &framed_error);
  LEKH_FUZZ_ASSERT ((framed_doc == NULL) == (doc == NULL));
  if (doc == NULL)
    {
      const char *rest = strstr (error->message, ": ");
      const char *framed_rest = strstr (framed_error->message, ": ");

      LEKH_FUZZ_ASSERT (framed_error->code == error->code);
      LEKH_FUZZ_ASSERT (framed_line == line + 1 && framed_column == column);
      LEKH_FUZZ_ASSERT (rest != NULL && framed_rest != NULL && strcmp (rest, framed_rest) == 0);
      return;
    }
  lekh_fuzz_check_same_shifted (lekh_json_document_get_root (doc),
                                lekh_json_document_get_root (framed_doc), same_tag);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* Not NUL-terminated on purpose: every read past the end is a bug ASan sees. */
  const char *text = size ? (const char *) data : "";
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhJsonDocument) doc = NULL;
  g_autoptr(GArray) line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint line = 0, column = 0;
  Input in = { text, size, line_starts, 0 };
  gsize zero = 0;

  lekh_fuzz_init ();

  doc = lekh_json_parse_range (text, 0, size, 1, &line, &column, &error);
  check_framed (data, size, doc, error, line, column);
  if (doc == NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("Line %u, column %u: ", line, column);

      LEKH_FUZZ_ASSERT (error != NULL && error->domain == LEKH_ERROR);
      lekh_fuzz_check_utf8 (error->message, strlen (error->message));
      LEKH_FUZZ_ASSERT (g_str_has_prefix (error->message, prefix));
      LEKH_FUZZ_ASSERT (strlen (error->message) > strlen (prefix));
      LEKH_FUZZ_ASSERT (line >= 1 && column >= 1);
      return 0;
    }
  LEKH_FUZZ_ASSERT (error == NULL);
  LEKH_FUZZ_ASSERT (memchr (data, '\0', size) == NULL);
  LEKH_FUZZ_ASSERT (g_utf8_validate_len (text, size, NULL));

  g_array_append_val (line_starts, zero);
  for (gsize i = 0; i < size; i++)
    if (text[i] == '\n')
      {
        gsize next = i + 1;

        g_array_append_val (line_starts, next);
      }

  check_node (&in, lekh_json_document_get_root (doc), 1);
  (void) lekh_node_lookup (lekh_json_document_get_root (doc), "title");
  return 0;
}
