/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What laying out a long article costs GTK 4 itself, without Lekh: the floor under the
 * "CPU used until idle" of bench/startup. GtkTextView sizes its scroll bar by laying out
 * every line of its buffer in idle callbacks, whatever the program around it does.
 *
 *   bench-text-layout FILE [RUNS] [WIDTH] [FONT]
 *
 * prints, as min / median / max CPU seconds over RUNS runs (default 5):
 *   pango           one PangoLayout per line of FILE, as GtkTextLayout makes them, with FONT
 *                   (default "Monospace 11") and wrapped (word, char) at WIDTH pixels
 *                   (default 470, the source view's width in bench/startup's window)
 *   pango, no wrap  the same without wrapping
 *   GtkTextView     a window with a bare GtkTextView WIDTH wide, FONT, wrapped, given the text
 *                   with gtk_text_buffer_set_text(): CPU from set_text until its last idle
 *                   validation (needs a display; skipped without one)
 *   GtkSourceView   the same with a GtkSourceView highlighting the text as Lekh's source view
 *                   does (its lekh-markdown language from $LEKH_LANGUAGE_SPECS, else
 *                   GtkSourceView's markdown; Adwaita style scheme)
 */

#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_row (const char *what,
           GArray     *seconds,
           const char *note)
{
  g_array_sort (seconds, compare_doubles);
  g_print ("  %-18s %6.2f / %6.2f / %6.2f   %s\n", what,
           g_array_index (seconds, double, 0),
           g_array_index (seconds, double, seconds->len / 2),
           g_array_index (seconds, double, seconds->len - 1),
           note);
}

static double
layout_lines (PangoContext *context,
              const char   *text,
              gsize         len,
              int           width,
              guint        *n_lines,
              guint        *n_display_lines)
{
  const char *p = text;
  const char *end = text + len;
  double start = cpu_seconds ();

  *n_lines = *n_display_lines = 0;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      PangoRectangle extents;

      if (eol == NULL)
        eol = end;
      pango_layout_set_text (layout, p, eol - p);
      if (width > 0)
        {
          pango_layout_set_width (layout, width * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        }
      pango_layout_get_extents (layout, NULL, &extents);
      *n_display_lines += pango_layout_get_line_count (layout);
      *n_lines += 1;
      p = eol + 1;
    }
  return cpu_seconds () - start;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until nothing else is ready: a low-priority timeout only fires when no
 * idle validation (nor drawing) is waiting, so twice in a row means every line is laid out. */
static void
run_until_quiet (void)
{
  for (guint i = 0; i < 2; i++)
    {
      gboolean fired = FALSE;

      g_timeout_add_full (G_PRIORITY_LOW, 200, set_flag_cb, &fired, NULL);
      while (!fired)
        g_main_context_iteration (NULL, TRUE);
    }
}

static double
text_view_run (const char          *text,
               int                  width,
               const char          *font,
               GtkSourceLanguage   *language)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autofree char *rule = NULL;
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = language != NULL ? gtk_source_view_new () : gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  double start;
  double seconds;

  rule = g_strdup_printf ("textview { font-family: \"%s\"; font-size: %dpt; }",
                          pango_font_description_get_family (desc),
                          pango_font_description_get_size (desc) / PANGO_SCALE);
  gtk_css_provider_load_from_data (css, rule, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  if (language != NULL)
    {
      GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();

      gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (buffer), language);
      gtk_source_buffer_set_highlight_syntax (GTK_SOURCE_BUFFER (buffer), TRUE);
      gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer),
                                          gtk_source_style_scheme_manager_get_scheme (schemes, "Adwaita"));
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_window_present (GTK_WINDOW (window));
  run_until_quiet ();

  start = cpu_seconds ();
  gtk_text_buffer_set_text (buffer, text, -1);
  run_until_quiet ();
  seconds = cpu_seconds () - start;

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
  run_until_quiet ();
  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) wrapped = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) unwrapped = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) view = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) source_view = g_array_new (FALSE, FALSE, sizeof (double));
  PangoContext *context;
  g_autoptr(PangoFontDescription) desc = NULL;
  g_autofree char *note = NULL;
  guint runs;
  int width;
  const char *font;
  gsize len;
  guint n_lines = 0;
  guint n_display_lines = 0;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [RUNS] [WIDTH] [FONT]\n", argv[0]);
      return 2;
    }
  runs = argc > 2 ? (guint) MAX (1, atoi (argv[2])) : 5;
  width = argc > 3 ? atoi (argv[3]) : 470;
  font = argc > 4 ? argv[4] : "Monospace 11";
  if (!g_file_get_contents (argv[1], &text, &len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  desc = pango_font_description_from_string (font);
  pango_context_set_font_description (context, desc);
  layout_lines (context, text, len, width, &n_lines, &n_display_lines);  /* warm-up */
  for (guint i = 0; i < runs; i++)
    {
      double wrapped_s = layout_lines (context, text, len, width, &n_lines, &n_display_lines);
      guint unused_lines, unused_display;
      double unwrapped_s = layout_lines (context, text, len, -1, &unused_lines, &unused_display);

      g_array_append_val (wrapped, wrapped_s);
      g_array_append_val (unwrapped, unwrapped_s);
    }

  g_print ("%s: %.1f KiB, %u lines; font \"%s\", %d px wide; %u runs after a warm-up\n",
           argv[1], len / 1024.0, n_lines, font, width, runs);
  g_print ("  CPU seconds        min / median / max\n");
  note = g_strdup_printf ("%u display lines", n_display_lines);
  print_row ("pango", wrapped, note);
  print_row ("pango, no wrap", unwrapped, "");

  if (gtk_init_check ())
    {
      GtkSourceLanguageManager *languages;
      GtkSourceLanguage *language;
      const char *specs = g_getenv ("LEKH_LANGUAGE_SPECS");

      gtk_source_init ();
      languages = gtk_source_language_manager_get_default ();
      if (specs != NULL)
        gtk_source_language_manager_prepend_search_path (languages, specs);
      language = gtk_source_language_manager_get_language (languages, "lekh-markdown");
      if (language == NULL)
        language = gtk_source_language_manager_get_language (languages, "markdown");

      text_view_run (text, width, font, NULL);  /* warm-up */
      for (guint i = 0; i < runs; i++)
        {
          double plain = text_view_run (text, width, font, NULL);
          double highlighted = text_view_run (text, width, font, language);

          g_array_append_val (view, plain);
          g_array_append_val (source_view, highlighted);
        }
      print_row ("GtkTextView", view, "set_text until every line is laid out");
      g_clear_pointer (&note, g_free);
      note = g_strdup_printf ("the same, highlighted as %s",
                              gtk_source_language_get_id (language));
      print_row ("GtkSourceView", source_view, note);
    }
  else
    g_print ("  GtkTextView        skipped: no display\n");
  g_object_unref (context);
  return 0;
}
