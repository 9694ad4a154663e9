/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lekh-node.h"

/* A failed property is a crash libFuzzer records, with the condition and place. */
#define LEKH_FUZZ_ASSERT(cond) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      { \
        fprintf (stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
        abort (); \
      } \
  } G_STMT_END

static inline void
lekh_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  /* A g_return_if_fail() or g_warning() reached from any input is a bug. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

static inline void
lekh_fuzz_check_utf8 (const char *s,
                      gsize       len)
{
  LEKH_FUZZ_ASSERT (g_utf8_validate_len (s, len, NULL));
}

/* FRAMED is NODE's tree read again as a range of a larger text, 4 bytes and one line
 * further on: the same shapes, values and spans, shifted. SAME checks what a format adds
 * (a JSON node's tag, a TOML node's type) on each pair. */
static inline void
lekh_fuzz_check_same_shifted (const LekhNode *node,
                              const LekhNode *framed,
                              void          (*same) (const LekhNode *node,
                                                     const LekhNode *framed))
{
  LEKH_FUZZ_ASSERT (framed->kind == node->kind);
  same (node, framed);
  LEKH_FUZZ_ASSERT (framed->span.start == node->span.start + 4);
  LEKH_FUZZ_ASSERT (framed->span.end == node->span.end + 4);
  LEKH_FUZZ_ASSERT (framed->span.line == node->span.line + 1);
  LEKH_FUZZ_ASSERT (framed->span.column == node->span.column);
  LEKH_FUZZ_ASSERT (framed->scalar_len == node->scalar_len);
  if (node->kind == LEKH_NODE_SCALAR)
    {
      LEKH_FUZZ_ASSERT (memcmp (framed->scalar, node->scalar, node->scalar_len) == 0);
      return;
    }
  LEKH_FUZZ_ASSERT (framed->children->len == node->children->len);
  for (guint n = 0; n < node->children->len; n++)
    lekh_fuzz_check_same_shifted (g_ptr_array_index (node->children, n),
                                  g_ptr_array_index (framed->children, n), same);
}
