/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

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
