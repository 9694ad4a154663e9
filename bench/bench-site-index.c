/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time to index a whole site: every article of ../shared/corpus read, parsed, and its tags,
 * keywords, authors, titles and slugs counted (what the window does in a background
 * thread when an article of a site is opened). Median of several runs. */
#include "config.h"

#include <stdlib.h>

#include "lekh-site-index.h"

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  const char *corpus = argc > 1 ? argv[1] : "../shared/corpus";
  guint runs = argc > 2 ? atoi (argv[2]) : 5;
  g_autoptr(GFile) root = g_file_new_for_path (corpus);
  g_autofree double *times = g_new0 (double, runs);
  guint articles = 0, distinct[LEKH_SITE_N_FIELDS] = { 0 };

  if (!g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("bench-site-index: %s is absent (skipped)\n", corpus);
      return 77;
    }

  for (guint r = 0; r <= runs; r++)
    {
      g_autoptr(LekhSiteIndex) index = lekh_site_index_new (root);
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!lekh_site_index_build (index, NULL, &error))
        g_error ("%s", error->message);
      if (r > 0)   /* the first run warms the page cache */
        times[r - 1] = (g_get_monotonic_time () - start) / 1e6;
      articles = lekh_site_index_get_n_articles (index);
      for (guint f = 0; f < LEKH_SITE_N_FIELDS; f++)
        {
          g_autoptr(GPtrArray) all = lekh_site_index_suggest (index, f, "", NULL, 0);
          distinct[f] = all->len;
        }
    }
  qsort (times, runs, sizeof (double), cmp_double);
  g_print ("site index of %s: %u articles; distinct tags %u, keywords %u, authors %u, "
           "categories %u\n", corpus, articles, distinct[LEKH_SITE_FIELD_TAGS],
           distinct[LEKH_SITE_FIELD_KEYWORDS], distinct[LEKH_SITE_FIELD_AUTHORS],
           distinct[LEKH_SITE_FIELD_CATEGORIES]);
  g_print ("  min %.0f ms, median %.0f ms, max %.0f ms over %u runs (%.0f articles/s)\n",
           times[0] * 1000, times[runs / 2] * 1000, times[runs - 1] * 1000, runs,
           articles / times[runs / 2]);
  return 0;
}
