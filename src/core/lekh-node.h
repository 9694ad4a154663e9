/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A byte range of the article's text, with the 1-based line and column
 * (column counted in characters, as a writer sees it) of its start. */
typedef struct
{
  gsize start;
  gsize end;
  guint line;
  guint column;
} LekhSpan;

typedef enum
{
  LEKH_NODE_SCALAR,
  LEKH_NODE_SEQUENCE,
  LEKH_NODE_MAPPING,
  LEKH_NODE_ALIAS,
} LekhNodeKind;

typedef enum
{
  LEKH_STYLE_PLAIN,
  LEKH_STYLE_SINGLE_QUOTED,
  LEKH_STYLE_DOUBLE_QUOTED,
  LEKH_STYLE_LITERAL,
  LEKH_STYLE_FOLDED,
  LEKH_STYLE_BLOCK,             /* block sequence or mapping */
  LEKH_STYLE_FLOW,              /* [a, b] or {a: b} */
} LekhNodeStyle;

/* The typed reading of a node (YAML 1.2 core schema, which js-yaml,
 * go-yaml v3 and most site generators use; explicit !!str tags win). */
typedef enum
{
  LEKH_VALUE_NULL,
  LEKH_VALUE_BOOL,
  LEKH_VALUE_INT,
  LEKH_VALUE_FLOAT,
  LEKH_VALUE_TIMESTAMP,
  LEKH_VALUE_STRING,
  LEKH_VALUE_SEQUENCE,
  LEKH_VALUE_MAPPING,
} LekhValueType;

/* Nodes belong to the LekhArticle they were read from and live as long as it does. */
typedef struct _LekhNode LekhNode;

struct _LekhNode
{
  LekhNodeKind   kind;
  LekhNodeStyle  style;
  LekhSpan       span;          /* the value's own text (for block collections: first to last item) */
  char          *tag;           /* explicit tag or NULL */
  char          *anchor;        /* &anchor or NULL */
  char          *scalar;        /* scalar value (NUL-terminated), or the alias name */
  gsize          scalar_len;
  GPtrArray     *children;      /* sequence: items; mapping: key, value, key, value, ... */
  LekhNode      *alias_target;  /* for aliases: the anchored node, or NULL when undefined */
};

const LekhNode*lekh_node_resolve           (const LekhNode  *node);
LekhValueType  lekh_node_get_value_type    (const LekhNode  *node);
const char    *lekh_value_type_to_string   (LekhValueType    type);
const char    *lekh_node_get_string        (const LekhNode  *node);
gboolean       lekh_node_get_boolean       (const LekhNode  *node,
                                            gboolean        *value);
/* FALSE for a non-integer and for an integer that does not fit in 64 bits (it is still
 * LEKH_VALUE_INT; its text is lekh_node_get_string()). */
gboolean       lekh_node_get_int           (const LekhNode  *node,
                                            gint64          *value);
gboolean       lekh_node_get_double        (const LekhNode  *node,
                                            double          *value);
guint          lekh_node_get_n_items       (const LekhNode  *node);
const LekhNode*lekh_node_get_item          (const LekhNode  *node,
                                            guint            index);
const LekhNode*lekh_node_lookup            (const LekhNode  *mapping,
                                            const char      *key);
char         **lekh_node_dup_string_list   (const LekhNode  *node);
gboolean       lekh_node_to_json           (const LekhNode  *node,
                                            GString         *out,
                                            GError         **error);

LekhValueType  lekh_scalar_resolve_type    (const char      *text,
                                            gsize            len,
                                            LekhNodeStyle    style,
                                            const char      *tag);
gboolean       lekh_scalar_is_timestamp    (const char      *text);

G_END_DECLS
