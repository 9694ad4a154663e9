/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the TOML reader. Whatever the bytes, it returns a tree or an error;
 * a tree's spans lie in the input at the line and column they claim, its strings are
 * UTF-8, each node's TOML type agrees with its LekhNode shape and typing, and the text of
 * each top-level value, cut out at its span, reads back as the same value (what a
 * lossless editor relies on). Read as a range of a larger text, the same bytes give the
 * same tree or error, shifted. */
#include "config.h"

#include <string.h>

#include "lekh-fuzz-common.h"
#include "lekh-toml.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

typedef struct
{
  const char *text;
  gsize       len;
  GArray     *line_starts;   /* offsets where lines begin */
} Input;

/* UTF-8 apart from NUL characters, which a TOML string may hold (\u0000). */
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

  LEKH_FUZZ_ASSERT (span->start <= span->end);
  LEKH_FUZZ_ASSERT (span->end <= in->len);

  /* the last line start at or before span->start */
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

static void
check_node (const Input    *in,
            const LekhNode *node,
            guint           depth)
{
  LekhTomlType type = lekh_toml_node_get_type (node);
  LekhValueType value_type = lekh_node_get_value_type (node);
  gint64 i;
  double d;
  gboolean b;

  LEKH_FUZZ_ASSERT (depth <= LEKH_TOML_MAX_DEPTH + 1);
  check_span (in, &node->span);
  (void) lekh_toml_type_to_string (type);

  switch (type)
    {
    case LEKH_TOML_STRING:
      LEKH_FUZZ_ASSERT (value_type == LEKH_VALUE_STRING);
      LEKH_FUZZ_ASSERT (node->span.end - node->span.start >= 2);
      LEKH_FUZZ_ASSERT (in->text[node->span.start] == '"' || in->text[node->span.start] == '\'');
      LEKH_FUZZ_ASSERT (in->text[node->span.end - 1] == in->text[node->span.start]);
      break;
    case LEKH_TOML_LOCAL_TIME:
      LEKH_FUZZ_ASSERT (value_type == LEKH_VALUE_STRING);
      break;
    case LEKH_TOML_INTEGER:
      LEKH_FUZZ_ASSERT (value_type == LEKH_VALUE_INT);
      LEKH_FUZZ_ASSERT (lekh_node_get_int (node, &i));
      {
        g_autofree char *again = g_strdup_printf ("%" G_GINT64_FORMAT, i);

        /* the decimal text is the value, exactly: nothing was clamped */
        LEKH_FUZZ_ASSERT (strcmp (again, node->scalar) == 0);
      }
      break;
    case LEKH_TOML_FLOAT:
      LEKH_FUZZ_ASSERT (value_type == LEKH_VALUE_FLOAT);
      LEKH_FUZZ_ASSERT (lekh_node_get_double (node, &d));
      break;
    case LEKH_TOML_BOOLEAN:
      LEKH_FUZZ_ASSERT (value_type == LEKH_VALUE_BOOL);
      LEKH_FUZZ_ASSERT (lekh_node_get_boolean (node, &b));
      break;
    case LEKH_TOML_OFFSET_DATETIME:
    case LEKH_TOML_LOCAL_DATETIME:
    case LEKH_TOML_LOCAL_DATE:
      LEKH_FUZZ_ASSERT (value_type == LEKH_VALUE_TIMESTAMP);
      break;
    case LEKH_TOML_ARRAY:
    case LEKH_TOML_ARRAY_OF_TABLES:
      LEKH_FUZZ_ASSERT (node->kind == LEKH_NODE_SEQUENCE);
      LEKH_FUZZ_ASSERT (value_type == LEKH_VALUE_SEQUENCE);
      break;
    case LEKH_TOML_INLINE_TABLE:
    case LEKH_TOML_TABLE:
      LEKH_FUZZ_ASSERT (node->kind == LEKH_NODE_MAPPING);
      LEKH_FUZZ_ASSERT (value_type == LEKH_VALUE_MAPPING);
      break;
    default:
      LEKH_FUZZ_ASSERT (FALSE);
    }

  if (node->kind == LEKH_NODE_SCALAR)
    {
      LEKH_FUZZ_ASSERT (type < LEKH_TOML_ARRAY);
      LEKH_FUZZ_ASSERT (node->scalar != NULL && node->scalar[node->scalar_len] == '\0');
      check_utf8_with_nuls (node->scalar, node->scalar_len);
      (void) lekh_node_get_string (node);
      return;
    }

  LEKH_FUZZ_ASSERT (node->children != NULL);
  g_strfreev (lekh_node_dup_string_list (node));
  for (guint n = 0; n < node->children->len; n++)
    {
      const LekhNode *child = g_ptr_array_index (node->children, n);

      if (node->kind == LEKH_NODE_MAPPING && n % 2 == 0)
        {
          /* a key: a string spanning its text as written */
          LEKH_FUZZ_ASSERT (child->kind == LEKH_NODE_SCALAR);
          LEKH_FUZZ_ASSERT (lekh_toml_node_get_type (child) == LEKH_TOML_STRING);
          check_span (in, &child->span);
          check_utf8_with_nuls (child->scalar, child->scalar_len);
          if (memchr (child->scalar, '\0', child->scalar_len) == NULL)
            LEKH_FUZZ_ASSERT (lekh_node_lookup (node, child->scalar) != NULL);
        }
      else
        check_node (in, child, depth + 1);
    }
}

static char *
value_json (const LekhNode *node)
{
  g_autoptr(GString) out = g_string_new (lekh_toml_type_to_string (lekh_toml_node_get_type (node)));
  g_autoptr(GError) error = NULL;

  g_string_append_c (out, ' ');
  LEKH_FUZZ_ASSERT (lekh_node_to_json (node, out, &error));
  lekh_fuzz_check_utf8 (out->str, out->len);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The value's text, cut out at its span, is a TOML value of its own: the same one. */
static void
check_value_reads_back (const Input          *in,
                        const LekhTomlKeyval *kv)
{
  const LekhSpan *span = &kv->value->span;
  g_autofree char *text = g_strdup_printf ("k = %.*s", (int) (span->end - span->start),
                                           in->text + span->start);
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhTomlDocument) again = lekh_toml_parse (text, strlen (text), &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* a value's text holds no NUL byte: the reader refused those */
  LEKH_FUZZ_ASSERT (strlen (text) == 4 + span->end - span->start);
  if (again == NULL)
    fprintf (stderr, "the value does not read back: %s\n", error->message);
  LEKH_FUZZ_ASSERT (again != NULL);
  LEKH_FUZZ_ASSERT (lekh_toml_document_get_n_keyvals (again) == 1);
  before = value_json (kv->value);
  after = value_json (lekh_toml_document_get_keyval (again, 0)->value);
  LEKH_FUZZ_ASSERT (strcmp (before, after) == 0);
}

/* The same tree, read as a range of a +++ article: 4 bytes and a line further on. */
static void
same_type (const LekhNode *node,
           const LekhNode *framed)
{
  LEKH_FUZZ_ASSERT (lekh_toml_node_get_type (framed) == lekh_toml_node_get_type (node));
}

static void
check_framed (const guint8           *data,
              gsize                   size,
              const LekhTomlDocument *doc,
              const GError           *error,
              guint                   line,
              guint                   column)
{
  g_autofree char *framed = g_malloc (size + 9);
  g_autoptr(GError) framed_error = NULL;
  g_autoptr(LekhTomlDocument) framed_doc = NULL;
  guint framed_line = 0, framed_column = 0;

  memcpy (framed, "+++\n", 4);
  if (size > 0)
    memcpy (framed + 4, data, size);
  memcpy (framed + 4 + size, "\n+++\n", 5);
  framed_doc = lekh_toml_parse_range (framed, 4, 4 + size, 2, &framed_line, &framed_column,
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
  lekh_fuzz_check_same_shifted (lekh_toml_document_get_root (doc),
                                lekh_toml_document_get_root (framed_doc), same_type);
  LEKH_FUZZ_ASSERT (lekh_toml_document_get_n_keyvals (framed_doc) ==
                    lekh_toml_document_get_n_keyvals (doc));
  for (guint n = 0; n < lekh_toml_document_get_n_keyvals (doc); n++)
    {
      const LekhTomlKeyval *kv = lekh_toml_document_get_keyval (doc, n);
      const LekhTomlKeyval *fkv = lekh_toml_document_get_keyval (framed_doc, n);

      LEKH_FUZZ_ASSERT (fkv->entry_span.start == kv->entry_span.start + 4);
      LEKH_FUZZ_ASSERT (fkv->entry_span.end == kv->entry_span.end + 4);
      LEKH_FUZZ_ASSERT (fkv->key_span.line == kv->key_span.line + 1);
      LEKH_FUZZ_ASSERT (fkv->equals == kv->equals + 4);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* Not NUL-terminated on purpose: every read past the end is a bug ASan sees. */
  const char *text = size ? (const char *) data : "";
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhTomlDocument) doc = NULL;
  g_autoptr(GArray) line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint line = 0, column = 0;
  Input in = { text, size, line_starts };
  gsize zero = 0;

  lekh_fuzz_init ();

  doc = lekh_toml_parse_range (text, 0, size, 1, &line, &column, &error);
  check_framed (data, size, doc, error, line, column);
  if (doc == NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("Line %u, column %u: ", line, column);

      LEKH_FUZZ_ASSERT (error != NULL && error->domain == LEKH_ERROR);
      LEKH_FUZZ_ASSERT (error->message != NULL);
      lekh_fuzz_check_utf8 (error->message, strlen (error->message));
      LEKH_FUZZ_ASSERT (g_str_has_prefix (error->message, prefix));
      LEKH_FUZZ_ASSERT (strlen (error->message) > strlen (prefix));
      LEKH_FUZZ_ASSERT (line >= 1 && column >= 1);
      return 0;
    }
  LEKH_FUZZ_ASSERT (error == NULL);

  /* what was read is TOML: UTF-8 without a NUL byte */
  LEKH_FUZZ_ASSERT (size == 0 || memchr (data, '\0', size) == NULL);
  LEKH_FUZZ_ASSERT (size == 0 || g_utf8_validate_len (text, size, NULL));

  g_array_append_val (line_starts, zero);
  for (gsize i = 0; i < size; i++)
    if (text[i] == '\n')
      {
        gsize next = i + 1;

        g_array_append_val (line_starts, next);
      }

  check_node (&in, lekh_toml_document_get_root (doc), 0);
  LEKH_FUZZ_ASSERT (lekh_toml_document_get_root (doc)->span.start == 0);
  LEKH_FUZZ_ASSERT (lekh_toml_document_get_root (doc)->span.end == size);

  for (guint n = 0; n < lekh_toml_document_get_n_keyvals (doc); n++)
    {
      const LekhTomlKeyval *kv = lekh_toml_document_get_keyval (doc, n);

      check_span (&in, &kv->key_span);
      check_span (&in, &kv->entry_span);
      LEKH_FUZZ_ASSERT (kv->entry_span.start <= kv->key_span.start);
      LEKH_FUZZ_ASSERT (kv->key_span.end <= kv->equals);
      LEKH_FUZZ_ASSERT (text[kv->equals] == '=');
      LEKH_FUZZ_ASSERT (kv->equals < kv->value->span.start);
      LEKH_FUZZ_ASSERT (kv->value->span.end <= kv->entry_span.end);
      LEKH_FUZZ_ASSERT (kv->n_parts >= 1 && g_strv_length (kv->key_path) == kv->n_parts);
      LEKH_FUZZ_ASSERT (kv->header < (int) lekh_toml_document_get_n_headers (doc));
      /* entries are whole lines, in order */
      LEKH_FUZZ_ASSERT (kv->entry_span.start == 0 || text[kv->entry_span.start - 1] == '\n');
      LEKH_FUZZ_ASSERT (kv->entry_span.end == size || text[kv->entry_span.end - 1] == '\n');
      if (n > 0)
        LEKH_FUZZ_ASSERT (lekh_toml_document_get_keyval (doc, n - 1)->entry_span.end <=
                          kv->entry_span.start);
      if (n < 16)
        check_value_reads_back (&in, kv);
    }
  for (guint n = 0; n < lekh_toml_document_get_n_headers (doc); n++)
    {
      const LekhTomlHeader *h = lekh_toml_document_get_header (doc, n);

      check_span (&in, &h->span);
      check_span (&in, &h->line_span);
      LEKH_FUZZ_ASSERT (text[h->span.start] == '[' && text[h->span.end - 1] == ']');
      LEKH_FUZZ_ASSERT (h->line_span.start <= h->span.start && h->span.end <= h->line_span.end);
      LEKH_FUZZ_ASSERT (h->n_parts >= 1 && g_strv_length (h->path) == h->n_parts);
      LEKH_FUZZ_ASSERT (lekh_toml_node_get_type (h->table) == LEKH_TOML_TABLE);
    }

  {
    g_autoptr(GString) json = g_string_new (NULL);
    g_autoptr(GError) json_error = NULL;

    LEKH_FUZZ_ASSERT (lekh_node_to_json (lekh_toml_document_get_root (doc), json, &json_error));
    lekh_fuzz_check_utf8 (json->str, json->len);
  }
  (void) lekh_node_lookup (lekh_toml_document_get_root (doc), "title");
  return 0;
}
