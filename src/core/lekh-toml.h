/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lekh-error.h"
#include "lekh-node.h"

G_BEGIN_DECLS

/* A TOML 1.0 reader that keeps the byte span of every key and value, for Hugo's
 * `+++` front matter.
 *
 * Design: the tree is made of LekhNode, the same nodes the YAML front matter is read
 * into, so the validator and the form read TOML values through the LekhNode API
 * (lekh_node_lookup(), lekh_node_get_int(), ...) without knowing the format:
 *
 * - a table (root, [table], implicit or dotted-key table, inline table) is a
 *   LEKH_NODE_MAPPING (children: key, value, key, value ...), an array or an array of
 *   tables a LEKH_NODE_SEQUENCE; inline tables and arrays have LEKH_STYLE_FLOW, the
 *   others LEKH_STYLE_BLOCK;
 * - a scalar's text is its value, normalised so the LekhNode accessors read it: a string
 *   unescaped (it may hold NUL characters from \u0000: use scalar_len), an integer in
 *   decimal ("255" for 0xff), a float without underscores or a leading '+' ("inf", "-inf",
 *   "nan" for the specials), a boolean "true"/"false", a date-time in RFC 3339 form
 *   (upper-case 'T' and 'Z', 'T' for a space). The text as written is at node->span;
 * - every scalar carries an explicit YAML core tag (!!str, !!int, !!float, !!bool,
 *   !!timestamp) so that lekh_node_get_value_type() types it as TOML did. Offset and local
 *   date-times and local dates are timestamps; a local time (07:32:00) has no date, so it
 *   reads as a string there;
 * - strings have LEKH_STYLE_DOUBLE_QUOTED ("basic"), LEKH_STYLE_SINGLE_QUOTED ('literal')
 *   or LEKH_STYLE_LITERAL (multi-line, either quote); other scalars LEKH_STYLE_PLAIN.
 *
 * What TOML knows beyond that — which of the four date-time kinds, an inline table
 * versus a [table], the exact string quoting — is read with lekh_toml_node_get_type() and
 * lekh_toml_node_get_string_style() on any node of a LekhTomlDocument (and only those:
 * each node is allocated with that extra information behind it).
 *
 * Spans are byte offsets into the whole TEXT given to lekh_toml_parse_range() (like the
 * YAML model's offsets into the whole article), with 1-based line and character column.
 * A string's span includes its quotes, an array's and an inline table's the brackets, a
 * [table]'s the header `[a.b]`; a table that a dotted key or a header made implicitly spans
 * the key part that made it; the root spans the whole range. Key nodes span the key part
 * as written, quotes included.
 *
 * Errors: LEKH_ERROR_TOML_SYNTAX (or LEKH_ERROR_INVALID_UTF8, LEKH_ERROR_LIMIT), with a
 * message starting "Line L, column C: " that points at the offending character.
 *
 * Bounds: tables and values nest at most LEKH_TOML_MAX_DEPTH deep (dotted key parts and
 * header parts count as levels), and the reader runs in time linear in the input. */

/* The YAML reader's limit (LEKH_MAX_DEPTH in lekh-article.c). */
#define LEKH_TOML_MAX_DEPTH 256

/* lekh-error.h has no TOML code yet; a TOML syntax error is the YAML_SYNTAX code's twin. */
#define LEKH_ERROR_TOML_SYNTAX LEKH_ERROR_YAML_SYNTAX

typedef enum
{
  LEKH_TOML_STRING,
  LEKH_TOML_INTEGER,
  LEKH_TOML_FLOAT,
  LEKH_TOML_BOOLEAN,
  LEKH_TOML_OFFSET_DATETIME,    /* 1979-05-27T07:32:00Z */
  LEKH_TOML_LOCAL_DATETIME,     /* 1979-05-27T07:32:00 */
  LEKH_TOML_LOCAL_DATE,         /* 1979-05-27 */
  LEKH_TOML_LOCAL_TIME,         /* 07:32:00 */
  LEKH_TOML_ARRAY,              /* [1, 2] */
  LEKH_TOML_INLINE_TABLE,       /* { a = 1 }, and the tables its dotted keys make */
  LEKH_TOML_TABLE,              /* the root, [table], implicit and dotted-key tables */
  LEKH_TOML_ARRAY_OF_TABLES,    /* [[table]] */
} LekhTomlType;

typedef enum
{
  LEKH_TOML_STRING_BARE,              /* a bare key */
  LEKH_TOML_STRING_BASIC,             /* "..." */
  LEKH_TOML_STRING_LITERAL,           /* '...' */
  LEKH_TOML_STRING_MULTILINE_BASIC,   /* """...""" */
  LEKH_TOML_STRING_MULTILINE_LITERAL, /* '''...''' */
} LekhTomlStringStyle;

/* One `key = value` line of the document (not the pairs inside inline tables). */
typedef struct
{
  char        **key_path;     /* the dotted key's parts, unescaped, NULL-terminated (a part
                               * with U+0000 ends there; the key nodes keep its length) */
  guint         n_parts;
  LekhSpan      key_span;     /* the whole key as written, `a . "b"` */
  gsize         equals;       /* offset of the '=' */
  LekhNode     *value;
  LekhSpan      entry_span;   /* start of the key's line .. past the value's line break
                               * (trailing comment included) */
  int           header;       /* index of the [table] it is under, -1 for the root table */
} LekhTomlKeyval;

/* One [table] or [[array of tables]] header. */
typedef struct
{
  char        **path;         /* its key's parts, NULL-terminated */
  guint         n_parts;
  gboolean      array;        /* [[...]] */
  LekhSpan      span;         /* `[a.b]` or `[[a.b]]` */
  LekhSpan      line_span;    /* its whole line, line break included */
  LekhNode     *table;        /* the table it opens */
} LekhTomlHeader;

typedef struct _LekhTomlDocument LekhTomlDocument;

/* Parses TEXT[START, END). TEXT need not be NUL-terminated; START must begin a line,
 * numbered FIRST_LINE. A byte-order mark is not skipped (the caller's business). On
 * error, returns NULL and sets ERROR_LINE/ERROR_COLUMN (when given) as well as ERROR. */
LekhTomlDocument     *lekh_toml_parse_range              (const char              *text,
                                                          gsize                    start,
                                                          gsize                    end,
                                                          guint                    first_line,
                                                          guint                   *error_line,
                                                          guint                   *error_column,
                                                          GError                 **error);
LekhTomlDocument     *lekh_toml_parse                    (const char              *text,
                                                          gsize                    len,
                                                          GError                 **error);
void                  lekh_toml_document_free            (LekhTomlDocument        *self);

/* The root table: a LEKH_NODE_MAPPING. Nodes live as long as the document. */
const LekhNode       *lekh_toml_document_get_root        (const LekhTomlDocument  *self);
guint                 lekh_toml_document_get_n_keyvals   (const LekhTomlDocument  *self);
const LekhTomlKeyval *lekh_toml_document_get_keyval      (const LekhTomlDocument  *self,
                                                          guint                    index);
guint                 lekh_toml_document_get_n_headers   (const LekhTomlDocument  *self);
const LekhTomlHeader *lekh_toml_document_get_header      (const LekhTomlDocument  *self,
                                                          guint                    index);

/* NODE must belong to a LekhTomlDocument. */
LekhTomlType          lekh_toml_node_get_type            (const LekhNode          *node);
LekhTomlStringStyle   lekh_toml_node_get_string_style    (const LekhNode          *node);

/* toml-test's names: "string", "integer", "float", "bool", "datetime", "datetime-local",
 * "date-local", "time-local", "array", "table" (inline or not), "array-of-tables". */
const char           *lekh_toml_type_to_string           (LekhTomlType             type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhTomlDocument, lekh_toml_document_free)

G_END_DECLS
