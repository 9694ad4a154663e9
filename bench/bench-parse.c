/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Front-matter parse throughput over ../shared/corpus: Lekh's model (split, UTF-8 check,
 * libyaml events into nodes with byte spans) beside libyaml's bare event parse of the
 * same front-matter bytes, the floor. Runs interleaved; prints medians. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "lekh-article.h"

typedef struct
{
  GBytes *bytes;
  gsize   yaml_start;
  gsize   yaml_end;
} Item;

static GArray *items;

static void
collect (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (strcmp (name, "gray-matter-fixtures") == 0 || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (path);
      else if (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".mdx"))
        {
          char *text;
          gsize len;

          if (g_file_get_contents (path, &text, &len, NULL))
            {
              Item item = { g_bytes_new_take (text, len), 0, 0 };
              g_autoptr(LekhArticle) a = lekh_article_new_from_bytes (item.bytes);

              if (lekh_article_get_split (a)->format != LEKH_FRONT_MATTER_YAML)
                {
                  g_bytes_unref (item.bytes);
                  continue;
                }
              item.yaml_start = lekh_article_get_split (a)->yaml_start;
              item.yaml_end = lekh_article_get_split (a)->yaml_end;
              g_array_append_val (items, item);
            }
        }
    }
}

static double
run_bare (void)
{
  gint64 start = g_get_monotonic_time ();
  guint events = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      const char *text = g_bytes_get_data (item->bytes, NULL);
      yaml_parser_t parser;
      yaml_event_t event;
      gboolean done = FALSE;

      yaml_parser_initialize (&parser);
      yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);
      yaml_parser_set_input_string (&parser, (const unsigned char *) text + item->yaml_start,
                                    item->yaml_end - item->yaml_start);
      while (!done && yaml_parser_parse (&parser, &event))
        {
          done = event.type == YAML_STREAM_END_EVENT;
          events++;
          yaml_event_delete (&event);
        }
      yaml_parser_delete (&parser);
    }
  g_assert (events > 0);
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
run_model (void)
{
  gint64 start = g_get_monotonic_time ();
  guint entries = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      LekhArticle *article = lekh_article_new_from_bytes (item->bytes);

      entries += lekh_article_get_n_entries (article);
      lekh_article_unref (article);
    }
  g_assert (entries > 0);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The model plus the body's UTF-8 check that get_error() adds (what `lekh check` pays). */
static double
run_full (void)
{
  gint64 start = g_get_monotonic_time ();
  guint errors = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      LekhArticle *article = lekh_article_new_from_bytes (item->bytes);

      errors += lekh_article_get_error (article) != NULL;
      lekh_article_unref (article);
    }
  g_assert (errors < items->len);
  return (g_get_monotonic_time () - start) / 1e6;
}

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
  guint runs = argc > 2 ? atoi (argv[2]) : 9;
  g_autofree double *bare = g_new0 (double, runs);
  g_autofree double *model = g_new0 (double, runs);
  g_autofree double *full = g_new0 (double, runs);
  gsize file_bytes = 0;
  gsize total = 0;

  items = g_array_new (FALSE, FALSE, sizeof (Item));
  collect (corpus);
  if (items->len == 0)
    {
      g_printerr ("bench-parse: no articles under %s (skipped)\n", corpus);
      return 77;
    }
  for (guint i = 0; i < items->len; i++)
    file_bytes += g_bytes_get_size (g_array_index (items, Item, i).bytes);
  for (guint i = 0; i < items->len; i++)
    total += g_array_index (items, Item, i).yaml_end - g_array_index (items, Item, i).yaml_start;

  run_bare ();
  run_model ();
  for (guint r = 0; r < runs; r++)
    {
      bare[r] = run_bare ();
      model[r] = run_model ();
      full[r] = run_full ();
    }
  qsort (bare, runs, sizeof (double), cmp_double);
  qsort (model, runs, sizeof (double), cmp_double);
  qsort (full, runs, sizeof (double), cmp_double);

  g_print ("front-matter parse over %u corpus articles (%.1f KiB of YAML), median of %u runs\n",
           items->len, total / 1024.0, runs);
  g_print ("  %-34s %9.1f ms  %9.0f files/s\n", "libyaml bare event parse (floor)",
           bare[runs / 2] * 1000, items->len / bare[runs / 2]);
  g_print ("  %-34s %9.1f ms  %9.0f files/s\n", "Lekh model (split+UTF-8+spans)",
           model[runs / 2] * 1000, items->len / model[runs / 2]);
  g_print ("  model / bare: %.2fx (target <= 1.50x)\n", model[runs / 2] / bare[runs / 2]);
  g_print ("  %-34s %9.1f ms  %9.0f files/s  (also checks %.1f MiB of bodies)\n",
           "model + body UTF-8 check", full[runs / 2] * 1000, items->len / full[runs / 2],
           file_bytes / 1048576.0);
  return 0;
}
