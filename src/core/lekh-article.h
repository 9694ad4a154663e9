/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lekh-error.h"
#include "lekh-node.h"

G_BEGIN_DECLS

typedef enum
{
  LEKH_FRONT_MATTER_NONE,
  LEKH_FRONT_MATTER_YAML,
  LEKH_FRONT_MATTER_TOML,       /* +++ ... +++ (Hugo), read with lekh-toml.c */
  LEKH_FRONT_MATTER_JSON,       /* { ... } at the top (Hugo; the braces are part of the
                                 * front matter text), or JSON between "---json" and "---"
                                 * lines (gray-matter, so Docusaurus); read with lekh-json.c */
} LekhFrontMatterFormat;

/* How a file's bytes divide. All offsets are bytes into the whole text.
 * Without front matter, open_start == yaml_start == yaml_end == close_end == bom_len. */
typedef struct
{
  gsize                  bom_len;      /* 0 or 3 */
  LekhFrontMatterFormat  format;
  gsize                  open_start;   /* the opening delimiter line */
  gsize                  yaml_start;   /* first byte of the front matter text */
  gsize                  yaml_end;     /* first byte of the closing delimiter line */
  gsize                  close_end;    /* just past the closing line and its line break */
  gsize                  body_start;   /* == close_end */
  guint                  yaml_line;    /* 1-based line of yaml_start */
  guint                  body_line;    /* 1-based line of body_start */
  gboolean               crlf;         /* the file's line ending (first one seen) is CRLF */
} LekhSplit;

/* One top-level key of the front matter. TOML and JSON front matter have the same entries
 * (see article_build_toml_entries() and article_build_json_entries() for their spans):
 * there "colon" is the '=' of a top-level `key = value` line or the ':' of a JSON member;
 * a TOML key made by a [table] header or dotted keys has none (colon == key_span.end). */
typedef struct
{
  char     *key;          /* the key's text; "" when the key is not a scalar (a "? - list"
                           * or "{a: b}" key, an alias): such entries cannot be asked for */
  LekhSpan  key_span;     /* the key's own text (with its &anchor or !tag) */
  LekhSpan  entry_span;   /* start of the entry's first line (the "? " line of an explicit
                           * key) .. past its last line (value, trailing indented comment
                           * lines) including the line break */
  gsize     indicator;    /* the entry's first token: the '?' of an explicit key, else
                           * key_span.start */
  gsize     colon;        /* offset of the ':' after the key; an explicit "? key" without
                           * a value has none: then key_span.end */
  LekhNode *key_node;
  LekhNode *value;
} LekhEntry;

typedef struct _LekhArticle LekhArticle;

/* lekh_article_new() keeps its own NUL-terminated copy of TEXT, so the text and body
 * can be used as C strings. lekh_article_new_from_bytes() shares BYTES without a copy:
 * its text is NUL-terminated only when BYTES is (g_file_get_contents() terminates what
 * it reads, g_mapped_file_get_bytes() does not) — use the lengths. A text may hold NUL
 * bytes; they are reported as an error. */
LekhArticle     *lekh_article_new                (const char        *text,
                                                  gssize             len);
LekhArticle     *lekh_article_new_from_bytes     (GBytes            *bytes);
LekhArticle     *lekh_article_ref                (LekhArticle       *self);
void             lekh_article_unref              (LekhArticle       *self);
const char      *lekh_article_get_text           (const LekhArticle *self,
                                                  gsize             *len);
GBytes          *lekh_article_get_bytes          (const LekhArticle *self);
const LekhSplit *lekh_article_get_split          (const LekhArticle *self);
const char      *lekh_article_get_body           (const LekhArticle *self,
                                                  gsize             *len);
const char      *lekh_article_get_newline        (const LekhArticle *self);

/* NULL when the article read cleanly. Otherwise the first problem (invalid UTF-8,
 * unterminated front matter, YAML, TOML or JSON syntax — all LEKH_ERROR_YAML_SYNTAX, the
 * message says which —, limits), with its 1-based line and column. */
const GError    *lekh_article_get_error          (const LekhArticle *self);
guint            lekh_article_get_error_line     (const LekhArticle *self);
guint            lekh_article_get_error_column   (const LekhArticle *self);

/* TRUE when front-matter edits are safe: the article read without an error (YAML, TOML,
 * JSON or no front matter). What an edit can reach is lekh-edit.h's business. */
gboolean         lekh_article_check_editable     (const LekhArticle *self,
                                                  GError           **error);

guint            lekh_article_get_n_entries      (const LekhArticle *self);
const LekhEntry *lekh_article_get_entry          (const LekhArticle *self,
                                                  guint              index);
/* The first entry with this key (duplicates are kept in order; see get_entry). */
const LekhEntry *lekh_article_lookup             (const LekhArticle *self,
                                                  const char        *key);
const LekhNode  *lekh_article_get_value          (const LekhArticle *self,
                                                  const char        *key);
/* The root mapping node of the front matter (NULL without front matter or on an error):
 * a TOML document's root table, a JSON front matter's object. */
const LekhNode  *lekh_article_get_root           (const LekhArticle *self);

/* JSON of the whole front matter (key == NULL) or one key's value. */
char            *lekh_article_to_json            (const LekhArticle *self,
                                                  const char        *key,
                                                  GError           **error);

/* Converts a byte offset of the text to 1-based line and character column. */
void             lekh_article_offset_to_position (const LekhArticle *self,
                                                  gsize              offset,
                                                  guint             *line,
                                                  guint             *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhArticle, lekh_article_unref)

G_END_DECLS
