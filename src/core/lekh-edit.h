/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-article.h"

G_BEGIN_DECLS

/* A lossless edit: replace bytes [start, end) of the article's text with text.
 * YAML, TOML (+++) and JSON ({ }) front matter are edited alike; in TOML and JSON only
 * top-level values that are strings, numbers, booleans, dates or lists of strings (see
 * lekh_article_edit_check_key()).
 * Every edit is verified before it is returned: the result re-parses, the edited key
 * reads back as intended, every other entry keeps, in order, its key, its value and the
 * very bytes of both, and the BOM and body are unchanged. Otherwise the edit is refused
 * (NULL and a LEKH_ERROR saying why) and nothing changes.
 * Keys that are not scalars ("? - a", "[a, b]: c", an alias) read as "" and cannot be
 * edited; entries next to them can. An explicit "? key" is edited like any other. */
typedef struct
{
  gsize  start;
  gsize  end;
  char  *text;
} LekhEdit;

void        lekh_edit_free                  (LekhEdit          *edit);
/* The article's text with the edit applied. */
GBytes     *lekh_edit_apply                 (const LekhEdit    *edit,
                                             const LekhArticle *article);

/* TRUE when KEY's value can be set by the functions below (whether it exists or not);
 * otherwise FALSE and the reason they would refuse: a TOML [table], dotted-key table,
 * array of tables or inline table, a JSON object, a YAML key not at the start of its
 * line, a duplicate key, a front matter that does not read. For a form to say why a field
 * is read-only before anyone types into it. */
gboolean    lekh_article_edit_check_key     (LekhArticle       *self,
                                             const char        *key,
                                             GError           **error);

/* Set KEY to a scalar. For LEKH_VALUE_STRING the value is quoted only when it must be;
 * BOOL takes "true"/"false"; INT, FLOAT and TIMESTAMP are written as given and must read
 * back as that type; NULL writes an empty value. Adds the key (and a front matter block)
 * when missing. */
LekhEdit   *lekh_article_edit_set_scalar    (LekhArticle       *self,
                                             const char        *key,
                                             const char        *value,
                                             LekhValueType      type,
                                             GError           **error);
LekhEdit   *lekh_article_edit_set_string    (LekhArticle       *self,
                                             const char        *key,
                                             const char        *value,
                                             GError           **error);
/* Set KEY to a list of strings, keeping the existing list's style (flow or block,
 * indentation); a new list takes the style of the article's other lists. */
LekhEdit   *lekh_article_edit_set_list      (LekhArticle       *self,
                                             const char        *key,
                                             const char *const *items,
                                             GError           **error);
LekhEdit   *lekh_article_edit_remove        (LekhArticle       *self,
                                             const char        *key,
                                             GError           **error);
/* Rename a key in place (e.g. the quick fix tag: -> tags:), keeping its value's text.
 * A key with an anchor or a tag ("&k a:", "!!str 1:") is refused. */
LekhEdit   *lekh_article_edit_rename_key    (LekhArticle       *self,
                                             const char        *key,
                                             const char        *new_key,
                                             GError           **error);

/* YAML text for a string that reads back exactly: plain when safe, else quoted.
 * in_flow: the scalar sits inside [ ] or { } (so , [ ] { } need quoting too). */
char       *lekh_yaml_quote_string          (const char        *value,
                                             gboolean           in_flow);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhEdit, lekh_edit_free)

/* In KEY's value, OLD (an item of a list, or the whole scalar) becomes NEW; when NEW is in
 * the list already, OLD is removed instead (a merge, no duplicate). Only those items' bytes
 * change (a removed block item takes its line with it). LEKH_ERROR_NOT_FOUND when KEY
 * has no value OLD. */
LekhEdit   *lekh_article_edit_replace_value (LekhArticle       *self,
                                             const char        *key,
                                             const char        *old_value,
                                             const char        *new_value,
                                             GError           **error);

/* A list of strings and objects (Docusaurus' `authors: [lark, {name: …, title: …}]`, a
 * TOML array with inline tables, a JSON array with objects) edited one item at a time:
 * the other items keep their bytes, the comments and the list's style stay. INDEX, FROM
 * and TO count KEY's items from 0; a block list's comment lines stay in place when an
 * item moves. Append adds a string item, quoted like the list's strings; to a missing or
 * empty list it writes a list of one, as lekh_article_edit_set_list() would. Verified like
 * every edit; LEKH_ERROR_NOT_FOUND for a missing key or item, LEKH_ERROR_NOT_EDITABLE for
 * a value that is not a list or a list written in a way these cannot edit safely. */
LekhEdit   *lekh_article_edit_list_append   (LekhArticle       *self,
                                             const char        *key,
                                             const char        *item,
                                             GError           **error);
LekhEdit   *lekh_article_edit_list_remove   (LekhArticle       *self,
                                             const char        *key,
                                             guint              index,
                                             GError           **error);
LekhEdit   *lekh_article_edit_list_move     (LekhArticle       *self,
                                             const char        *key,
                                             guint              from,
                                             guint              to,
                                             GError           **error);

G_END_DECLS
