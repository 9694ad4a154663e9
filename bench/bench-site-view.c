/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site overview on a big site: time from opening to a filled, sortable table, the
 * latency of sorting by a column and of filtering, and memory. Run by bench/site-view
 * under a fresh virtual display. Usage: bench-site-view SITE_FOLDER */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lekh-site-view.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this thread: what an operation costs whatever else the machine runs. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return -1;
  return strtol (line + strlen (field) + 1, NULL, 10);
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, type, found);
  g_assert (found->len > 0);
  return g_ptr_array_index (found, 0);
}

static void
spin (guint ms)
{
  double end = now_ms () + ms;

  while (now_ms () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
sort_by (GtkColumnView *view,
         GListModel    *shown,
         const char    *title,
         GtkSortType    order)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      double t0, c0;

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) != 0)
        continue;
      t0 = now_ms ();
      c0 = cpu_ms ();
      gtk_column_view_sort_by_column (view, column, order);
      /* The sort list model sorts at once (not incrementally): this is its whole cost. */
      g_print ("  sort by %-8s %-10s %7.1f ms wall %7.1f ms CPU\n", title,
               order == GTK_SORT_ASCENDING ? "ascending" : "descending", now_ms () - t0,
               cpu_ms () - c0);
      spin (100);
    }
}

static void
filter (GtkWidget  *entry,
        GListModel *shown,
        const char *text)
{
  double t0, c0;

  /* Timed from the search (an emptied entry has filtered at once already: the last figure
   * leaves that out). */
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  t0 = now_ms ();
  c0 = cpu_ms ();
  g_signal_emit_by_name (entry, "search-changed");
  g_print ("  filter “%s”%*s %7.1f ms wall %7.1f ms CPU  (%u shown)\n", text,
           (int) (14 - g_utf8_strlen (text, -1)), "", now_ms () - t0, cpu_ms () - c0,
           g_list_model_get_n_items (shown));
  spin (100);
}

/* Only the articles with problems (a filter on more than the text: every row is looked
 * at), then all again. */
static void
filter_problems (GtkWidget  *view,
                 GListModel *shown)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkToggleButton *problems = NULL;

  find_all (view, GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "_Problems") == 0)
      problems = buttons->pdata[i];
  g_assert (problems != NULL);
  for (guint on = 1; on <= 1; on--)
    {
      double t0 = now_ms (), c0 = cpu_ms ();

      gtk_toggle_button_set_active (problems, on);
      g_print ("  filter problems %-4s     %7.1f ms wall %7.1f ms CPU  (%u shown)\n",
               on ? "on" : "off", now_ms () - t0, cpu_ms () - c0,
               g_list_model_get_n_items (shown));
      spin (100);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) root = NULL;
  GtkWidget *window, *view;
  GListModel *shown;
  GtkColumnView *columns;
  GtkWidget *entry;
  long rss_before;
  double t0, c0, loaded;

  if (argc != 2)
    {
      g_printerr ("Usage: bench-site-view SITE_FOLDER\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  view = lekh_site_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);
  rss_before = status_kb ("VmRSS:");

  root = g_file_new_for_path (argv[1]);
  t0 = now_ms ();
  c0 = process_cpu_ms ();
  lekh_site_view_set_root (LEKH_SITE_VIEW (view), root);
  while (!lekh_site_view_get_loaded (LEKH_SITE_VIEW (view)))
    g_main_context_iteration (NULL, TRUE);
  loaded = now_ms () - t0;
  shown = lekh_site_view_get_shown (LEKH_SITE_VIEW (view));
  /* Until the table has been drawn once. */
  spin (1);
  g_print ("%u articles\n", g_list_model_get_n_items (shown));
  g_print ("  open to filled, sorted table    %7.0f ms wall %7.0f ms CPU (all threads: the index, "
           "every article read, parsed and checked once)\n", loaded, process_cpu_ms () - c0);
  spin (300);
  g_print ("  memory: %ld MB resident (%ld MB before opening), peak %ld MB\n",
           status_kb ("VmRSS:") / 1024, rss_before / 1024, status_kb ("VmHWM:") / 1024);

  columns = GTK_COLUMN_VIEW (find_first (view, GTK_TYPE_COLUMN_VIEW));
  entry = find_first (view, GTK_TYPE_SEARCH_ENTRY);
  sort_by (columns, shown, "Title", GTK_SORT_ASCENDING);
  sort_by (columns, shown, "Title", GTK_SORT_DESCENDING);
  sort_by (columns, shown, "Path", GTK_SORT_ASCENDING);
  sort_by (columns, shown, "Problems", GTK_SORT_DESCENDING);
  sort_by (columns, shown, "Date", GTK_SORT_DESCENDING);
  /* LEKH_BENCH_REPEAT=N runs the filters N times (to profile them). */
  for (guint r = 0, n = MAX (1, atoi (g_getenv ("LEKH_BENCH_REPEAT") ?: "1")); r < n; r++)
    {
      filter (entry, shown, "a");
      filter (entry, shown, "किले");
      filter (entry, shown, "post-4999");
      filter (entry, shown, "");
      filter_problems (view, shown);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
