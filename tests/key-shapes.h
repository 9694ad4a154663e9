/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The key shapes of the lossless-edit promise, shared by test-edit (the core) and
 * test-cli (lekh set/unset). */
#pragma once

#include <glib.h>

/* Every shape of key YAML allows, next to ordinary keys: an edit of an ordinary key is
 * byte-exact outside its own entry, and an edit of the odd key either works losslessly
 * or is refused with a clear message and the text unchanged. The body holds "---"
 * lines on purpose. */
typedef enum
{
  SHAPE_SET,       /* set_string KEY ARG */
  SHAPE_LIST,      /* set_list KEY [p, q] */
  SHAPE_REMOVE,    /* remove KEY */
  SHAPE_RENAME,    /* rename KEY to ARG */
} ShapeOp;

typedef struct
{
  const char *name;
  const char *text;
  ShapeOp     op;
  const char *key;
  const char *arg;
  const char *expected;   /* the whole text after the edit, or NULL: refused */
  const char *message;    /* refused: the error says this */
} ShapeCase;

#define SHAPE_BODY "body\n---\n---\nmore\n"
#define FM(yaml) "---\n" yaml "---\n" SHAPE_BODY

static const ShapeCase shape_cases[] = {
  /* An explicit "? key" with its ": value" line */
  { "explicit/neighbour-set", FM ("? a\n: 1\nt: x\n"), SHAPE_SET, "t", "z", FM ("? a\n: 1\nt: z\n") },
  { "explicit/neighbour-remove", FM ("t: x\n? a\n: 1\n"), SHAPE_REMOVE, "t", NULL, FM ("? a\n: 1\n") },
  { "explicit/set", FM ("? a\n: 1\nt: x\n"), SHAPE_SET, "a", "new", FM ("? a\n: new\nt: x\n") },
  { "explicit/list", FM ("? a\n: 1\nt: x\n"), SHAPE_LIST, "a", NULL, FM ("? a\n:\n  - p\n  - q\nt: x\n") },
  { "explicit/remove", FM ("? a\n: 1\nt: x\n"), SHAPE_REMOVE, "a", NULL, FM ("t: x\n") },
  { "explicit/rename", FM ("? a\n: 1\nt: x\n"), SHAPE_RENAME, "a", "b", FM ("? b\n: 1\nt: x\n") },
  { "explicit/comment-with-colon", FM ("? a # c: d\n: 1\nt: x\n"), SHAPE_SET, "a", "new",
    FM ("? a # c: d\n: new\nt: x\n") },
  { "explicit/key-on-next-line", FM ("t: x\n?\n  a\n: 1\n"), SHAPE_REMOVE, "t", NULL, FM ("?\n  a\n: 1\n") },
  { "explicit/key-on-next-line-remove", FM ("?\n  a\n: 1\nt: x\n"), SHAPE_REMOVE, "a", NULL, FM ("t: x\n") },
  { "explicit/block-scalar-key", FM ("? |\n  lit\n: v\nt: y\n"), SHAPE_SET, "t", "z", FM ("? |\n  lit\n: v\nt: z\n") },
  { "explicit/block-scalar-key-rename", FM ("? |\n  lit\n: v\nt: y\n"), SHAPE_RENAME, "lit\n", "lit",
    FM ("? lit\n: v\nt: y\n") },

  /* An explicit "? key" without a value */
  { "explicit-alone/neighbour-set", FM ("? a\nt: x\n"), SHAPE_SET, "t", "z", FM ("? a\nt: z\n") },
  { "explicit-alone/neighbour-remove", FM ("t: x\n? a\n"), SHAPE_REMOVE, "t", NULL, FM ("? a\n") },
  { "explicit-alone/append", FM ("t: x\n? a\n"), SHAPE_SET, "k", "v", FM ("t: x\n? a\nk: v\n") },
  { "explicit-alone/set", FM ("? a\nt: x\n"), SHAPE_SET, "a", "new", FM ("? a\n: new\nt: x\n") },
  { "explicit-alone/set-last", FM ("t: x\n? a   # c\n"), SHAPE_SET, "a", "new", FM ("t: x\n? a   # c\n: new\n") },
  { "explicit-alone/list", FM ("? a\nt: x\n"), SHAPE_LIST, "a", NULL, FM ("? a\n:\n  - p\n  - q\nt: x\n") },
  { "explicit-alone/remove", FM ("? a\nt: x\n"), SHAPE_REMOVE, "a", NULL, FM ("t: x\n") },
  { "explicit-alone/rename", FM ("? a\nt: x\n"), SHAPE_RENAME, "a", "b", FM ("? b\nt: x\n") },

  /* Keys that are sequences or mappings: the key reads as "", which cannot be asked for */
  { "sequence-key/neighbour-set", FM ("? - a\n  - b\n: x\nt: y\n"), SHAPE_SET, "t", "z",
    FM ("? - a\n  - b\n: x\nt: z\n") },
  { "sequence-key/neighbour-remove", FM ("t: y\n? - a\n  - b\n: x\n"), SHAPE_REMOVE, "t", NULL,
    FM ("? - a\n  - b\n: x\n") },
  { "sequence-key/neighbour-rename", FM ("? - a\n: x\nt: y\n"), SHAPE_RENAME, "t", "u", FM ("? - a\n: x\nu: y\n") },
  { "sequence-key/append", FM ("t: y\n? - a\n  - b\n"), SHAPE_SET, "k", "v", FM ("t: y\n? - a\n  - b\nk: v\n") },
  { "sequence-key/target", FM ("? - a\n: x\n"), SHAPE_SET, "", "v", NULL, "empty" },
  { "sequence-key/rename-onto", FM ("? - a\n: x\nt: y\n"), SHAPE_RENAME, "t", "", NULL, "empty" },
  { "sequence-key/string-lookalike", FM ("? - a\n: x\n"), SHAPE_SET, "- a", "v", FM ("? - a\n: x\n'- a': v\n") },
  { "sequence-key/last-item-empty", FM ("? - a\n  -\n#? - b\nk: v\n  # note\n#  top\nz: 1\n"), SHAPE_REMOVE, "k", NULL,
    FM ("? - a\n  -\n#? - b\n#  top\nz: 1\n") },
  /* The input fuzz-edit found: the key's last value sat at the next key, so the key's
   * bytes ran over the comment below it and changed when the next entry went. */
  { "sequence-key/explicit-inside", FM ("? - ? b\n#?  - c\nk: v\n  # note\n#  top\nz: 1\n"), SHAPE_REMOVE, "k", NULL,
    FM ("? - ? b\n#?  - c\n#  top\nz: 1\n") },
  { "sequence-key/explicit-inside-rename", FM ("? - ? b\n#?  - c\nk: v\n"), SHAPE_RENAME, "k", "u",
    FM ("? - ? b\n#?  - c\nu: v\n") },
  { "flow-sequence-key/neighbour-set", FM ("[a, b]: c\nt: y\n"), SHAPE_SET, "t", "z", FM ("[a, b]: c\nt: z\n") },
  { "flow-sequence-key/neighbour-remove", FM ("t: y\n[a, b]: c\n"), SHAPE_REMOVE, "t", NULL, FM ("[a, b]: c\n") },
  { "flow-mapping-key/neighbour-set", FM ("{a: b}: c\nt: y\n"), SHAPE_SET, "t", "z", FM ("{a: b}: c\nt: z\n") },
  { "flow-mapping-key/neighbour-list", FM ("{a: b}: c\nt: y\n"), SHAPE_LIST, "t", NULL,
    FM ("{a: b}: c\nt:\n  - p\n  - q\n") },
  { "mapping-key/neighbour-remove", FM ("? a: 1\n  b: 2\n: x\nt: y\n"), SHAPE_REMOVE, "t", NULL,
    FM ("? a: 1\n  b: 2\n: x\n") },
  { "mapping-key/neighbour-rename", FM ("t: y\n? a: 1\n  b: 2\n: x\n"), SHAPE_RENAME, "t", "u",
    FM ("u: y\n? a: 1\n  b: 2\n: x\n") },

  /* Comments spelled like keys, keys spelled like comments */
  { "comment-like-key/set", FM ("#? - x\nt: y\n#?   - z\nu: 1\n"), SHAPE_SET, "t", "new",
    FM ("#? - x\nt: new\n#?   - z\nu: 1\n") },
  { "comment-like-key/remove", FM ("#? - x\nt: y\n#?   - z\nu: 1\n"), SHAPE_REMOVE, "t", NULL,
    FM ("#? - x\n#?   - z\nu: 1\n") },
  { "comment-like-key/rename", FM ("#? - x\nt: y\n#?   - z\nu: 1\n"), SHAPE_RENAME, "u", "v",
    FM ("#? - x\nt: y\n#?   - z\nv: 1\n") },
  { "key-like-comment/set", FM ("\"#k\": v\nt: y\n"), SHAPE_SET, "#k", "new", FM ("\"#k\": new\nt: y\n") },
  { "key-like-comment/rename", FM ("\"#k\": v\nt: y\n"), SHAPE_RENAME, "#k", "k", FM ("k: v\nt: y\n") },
  { "key-like-comment/add", FM ("t: y\n"), SHAPE_SET, "#k", "v", FM ("t: y\n'#k': v\n") },

  /* Quoted keys with escapes */
  { "escaped-key/set", FM ("\"a\\\"b\": 1\n'it''s': 2\n\"\\u0915\": x\n"), SHAPE_SET, "a\"b", "new",
    FM ("\"a\\\"b\": new\n'it''s': 2\n\"\\u0915\": x\n") },
  { "escaped-key/rename", FM ("\"a\\\"b\": 1\n'it''s': 2\n\"\\u0915\": x\n"), SHAPE_RENAME, "it's", "its",
    FM ("\"a\\\"b\": 1\nits: 2\n\"\\u0915\": x\n") },
  { "escaped-key/set-unicode", FM ("\"a\\\"b\": 1\n'it''s': 2\n\"\\u0915\": x\n"), SHAPE_SET, "क", "new",
    FM ("\"a\\\"b\": 1\n'it''s': 2\n\"\\u0915\": new\n") },
  { "escaped-key/remove", FM ("\"a\\\"b\": 1\n'it''s': 2\n\"\\u0915\": x\n"), SHAPE_REMOVE, "it's", NULL,
    FM ("\"a\\\"b\": 1\n\"\\u0915\": x\n") },

  /* Anchors, aliases and tags on keys */
  { "anchored-key/neighbour-set", FM ("&k a: 1\n*k : 2\nt: y\n"), SHAPE_SET, "t", "z", FM ("&k a: 1\n*k : 2\nt: z\n") },
  { "anchored-key/set", FM ("&k a: 1\n*k : 2\nt: y\n"), SHAPE_SET, "a", "new", FM ("&k a: new\n*k : 2\nt: y\n") },
  { "anchored-key/rename", FM ("&k a: 1\n*k : 2\nt: y\n"), SHAPE_RENAME, "a", "b", NULL, "anchor" },
  { "anchored-key/remove", FM ("&k a: 1\n*k : 2\nt: y\n"), SHAPE_REMOVE, "a", NULL, NULL, "alias" },
  { "alias-key/neighbour-remove", FM ("&k a: 1\nt: y\n*k : 2\n"), SHAPE_REMOVE, "t", NULL, FM ("&k a: 1\n*k : 2\n") },
  { "tagged-key/set", FM ("!!str 1: x\n"), SHAPE_SET, "1", "z", FM ("!!str 1: z\n") },
  { "tagged-key/rename", FM ("!!str 1: x\n"), SHAPE_RENAME, "1", "2", NULL, "tag" },

  /* Tabs */
  { "tabs/set", FM ("a:\tx\t# c\nb: [c,\td]\nt: y\n"), SHAPE_SET, "a", "new", FM ("a:\tnew\t# c\nb: [c,\td]\nt: y\n") },
  { "tabs/list", FM ("a:\tx\t# c\nb: [c,\td]\nt: y\n"), SHAPE_LIST, "b", NULL, FM ("a:\tx\t# c\nb: [p, q]\nt: y\n") },
  { "tabs/neighbour-remove", FM ("a:\tx\t# c\nb: [c,\td]\nt: y\n"), SHAPE_REMOVE, "t", NULL,
    FM ("a:\tx\t# c\nb: [c,\td]\n") },
  { "tabs/before-colon", FM ("a\t: x\nt: y\n"), SHAPE_SET, "a", "new", FM ("a\t: new\nt: y\n") },

  /* Flow mappings as values */
  { "flow-mapping-value/set", FM ("a: {b: c}\nt: y\n"), SHAPE_SET, "a", "new", FM ("a: new\nt: y\n") },
  { "flow-mapping-value/list", FM ("a: {b: c}\nt: y\n"), SHAPE_LIST, "a", NULL, FM ("a:\n  - p\n  - q\nt: y\n") },
  { "flow-mapping-value/neighbour-set", FM ("a: {b: c}\nt: y\n"), SHAPE_SET, "t", "z", FM ("a: {b: c}\nt: z\n") },
  { "flow-mapping-value/remove-multiline", FM ("a: {b: c,\n  d: e}\nt: y\n"), SHAPE_REMOVE, "a", NULL, FM ("t: y\n") },

  /* Keys over several lines */
  { "multiline-plain-key/set", FM ("? a\n  b\n: c\nt: y\n"), SHAPE_SET, "a b", "new", FM ("? a\n  b\n: new\nt: y\n") },
  { "multiline-plain-key/rename", FM ("? a\n  b\n: c\nt: y\n"), SHAPE_RENAME, "a b", "ab", FM ("? ab\n: c\nt: y\n") },
  { "multiline-quoted-key/remove", FM ("? \"a\n  b\"\n: c\nt: y\n"), SHAPE_REMOVE, "a b", NULL, FM ("t: y\n") },
  { "multiline-simple-key", FM ("\"a\n b\": 1\n"), SHAPE_SET, "t", "z", NULL, "key: value" },

  /* A value that ends with an explicit key without a value */
  { "value-ends-explicit/set", FM ("a:\n  ? b\nc: x\n"), SHAPE_SET, "a", "new", FM ("a: new\nc: x\n") },
  { "value-ends-explicit/set-last", FM ("c: x\na:\n  ? b\n"), SHAPE_SET, "a", "new", FM ("c: x\na: new\n") },
  { "value-ends-explicit/remove-last", FM ("c: x\na:\n  ? b\n"), SHAPE_REMOVE, "a", NULL, FM ("c: x\n") },
  { "value-ends-explicit/neighbour", FM ("a:\n  ? b\nc: x\n"), SHAPE_SET, "c", "z", FM ("a:\n  ? b\nc: z\n") },
  { "value-ends-explicit/list", FM ("a:\n  ? b\n#  x\nc: x\n"), SHAPE_LIST, "a", NULL,
    FM ("a:\n  - p\n  - q\n#  x\nc: x\n") },
  { "value-ends-explicit/append", FM ("c: x\na:\n  ? b\n"), SHAPE_SET, "k", "v", FM ("c: x\na:\n  ? b\nk: v\n") },
  { "value-ends-explicit/in-sequence", FM ("a:\n  - ? b\nc: x\n"), SHAPE_SET, "a", "new", FM ("a: new\nc: x\n") },
};
