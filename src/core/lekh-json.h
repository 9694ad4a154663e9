/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lekh-error.h"
#include "lekh-node.h"

G_BEGIN_DECLS

/* A strict RFC 8259 JSON reader that keeps the byte span of every key and value, for
 * Hugo's JSON front matter (a `{ ... }` object at the top of the file).
 *
 * Why not json-glib: it gives no positions, so neither the spans a lossless edit needs
 * nor the line and column of a node could be had from it.
 *
 * The tree is made of LekhNode, like the YAML and TOML models: an object is a
 * LEKH_NODE_MAPPING (children: key, value, key, value ...; duplicate keys are kept in
 * order), an array a LEKH_NODE_SEQUENCE, both LEKH_STYLE_FLOW. Scalars carry an explicit
 * YAML core tag so lekh_node_get_value_type() types them as JSON does: a string
 * (LEKH_STYLE_DOUBLE_QUOTED, unescaped; it may hold U+0000, so use scalar_len) is !!str,
 * a number without fraction or exponent !!int, any other number !!float (its text as
 * written), true/false !!bool, null !!null. Spans are byte offsets into the whole TEXT,
 * strings' spans include the quotes, objects' and arrays' the brackets.
 *
 * Strict: no comments, no trailing commas, no leading zeros or '+', no control characters
 * or lone surrogates in strings, only space, tab, CR and LF as white space, one value.
 * Errors are LEKH_ERROR_JSON_SYNTAX (or LEKH_ERROR_INVALID_UTF8, LEKH_ERROR_LIMIT) with a
 * message starting "Line L, column C: ". Values nest at most LEKH_JSON_MAX_DEPTH deep;
 * the reader runs in time linear in the input. */

#define LEKH_JSON_MAX_DEPTH 256

/* lekh-error.h has no JSON code; a JSON syntax error is the YAML_SYNTAX code's twin. */
#define LEKH_ERROR_JSON_SYNTAX LEKH_ERROR_YAML_SYNTAX

typedef struct _LekhJsonDocument LekhJsonDocument;

/* Parses TEXT[START, END), whose first byte is on line FIRST_LINE, column 1. On error,
 * returns NULL and sets ERROR_LINE/ERROR_COLUMN (when given) as well as ERROR. */
LekhJsonDocument *lekh_json_parse_range       (const char              *text,
                                               gsize                    start,
                                               gsize                    end,
                                               guint                    first_line,
                                               guint                   *error_line,
                                               guint                   *error_column,
                                               GError                 **error);
LekhJsonDocument *lekh_json_parse             (const char              *text,
                                               gsize                    len,
                                               GError                 **error);
void              lekh_json_document_free     (LekhJsonDocument        *self);
/* The one value of the document. Nodes live as long as the document. */
const LekhNode   *lekh_json_document_get_root (const LekhJsonDocument  *self);

/* TEXT as a JSON string, quotes included ('/' and non-ASCII are written as they are). */
char             *lekh_json_quote_string      (const char              *text,
                                               gsize                    len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhJsonDocument, lekh_json_document_free)

G_END_DECLS
