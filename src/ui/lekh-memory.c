/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#ifdef HAVE_MALLOC_TRIM
# include <malloc.h>
#endif

#include "lekh-memory.h"

/* Long enough for the preview's first parse and the document's to finish and free. At the
 * default priority: the text views lay out a long text in idles for seconds. */
#define TRIM_DELAY_MS 700

static guint trim_source;

static gboolean
trim_cb (gpointer data)
{
  trim_source = 0;
#ifdef HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

void
lekh_memory_trim_soon (void)
{
#ifdef HAVE_MALLOC_TRIM
  if (trim_source != 0)
    g_source_remove (trim_source);
  trim_source = g_timeout_add_full (G_PRIORITY_DEFAULT, TRIM_DELAY_MS, trim_cb, NULL, NULL);
  g_source_set_name_by_id (trim_source, "[lekh] memory trim");
#endif
}
