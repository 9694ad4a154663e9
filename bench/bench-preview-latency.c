/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keystroke-to-preview latency of LekhPreview following a GtkSourceBuffer, as the window
 * uses it. For each article: time to first render (buffer → preview text → first frame),
 * then 100 edits typed into a paragraph in the middle of the article (letters, spaces
 * and backspaces), each timed from the buffer insertion to (a) the preview updated and
 * (b) the next frame painted. The baseline is a full, non-incremental render of the same
 * text. Needs a display (run under xvfb-run; see bench/preview-latency).
 *   bench-preview-latency FILE [FILE...]        a FILE of "gen:6" generates a 6 MB article,
 *                                               "tables:200" a 200 KB article of tables */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "lekh-preview.h"

static gboolean painted;
static gint64 paint_start, paint_end;

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       data)
{
  paint_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  paint_end = g_get_monotonic_time ();
  painted = TRUE;
}

static void
wait_for_paint (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  gulong id, id2;

  painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  id2 = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_signal_handler_disconnect (clock, id2);
}

static void
spin (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
stats (GArray *values,
       double *median,
       double *max)
{
  g_array_sort (values, compare_double);
  *median = g_array_index (values, double, values->len / 2);
  *max = g_array_index (values, double, values->len - 1);
}

static char *
generate_article (gsize size)
{
  GString *s = g_string_new ("---\ntitle: एक बहुत लंबा लेख\ndescription: A generated article "
                             "for the latency benchmark.\ntags: [bench, हिंदी]\n---\n\n");
  guint i = 0;

  while (s->len < size)
    {
      g_string_append_printf (s,
        "## खंड %u: Section %u\n\n"
        "यह अनुच्छेद **%u** हिंदी और English दोनों में है। It has *emphasis*, `inline code` and "
        "a [link](https://example.org/%u). लेख को पढ़ना आसान होना चाहिए, and the preview must "
        "keep up while the writer types.\n\n"
        "1. पहला बिंदु\n2. दूसरा बिंदु\n   - भीतरी\n3. Third item\n\n"
        "> उद्धरण: a quoted line %u.\n\n"
        "```c\nint f%u (void) { return %u; }\n```\n\n", i, i, i, i, i, i, i);
      i++;
    }
  return g_string_free (s, FALSE);
}

/* An article of SIZE bytes that is mostly GFM tables, with task lists and admonitions. */
static char *
generate_tables (gsize size)
{
  GString *s = g_string_new ("---\ntitle: तालिकाएँ\ndescription: A generated article of "
                             "tables for the latency benchmark.\n---\n\n");
  guint i = 0;

  while (s->len < size)
    {
      g_string_append_printf (s, "## तालिका %u\n\n| वस्तु | मात्रा | कीमत (₹) | Notes |\n"
                                 "|:-----|:-----:|------:|-------|\n", i);
      for (guint row = 0; row < 8; row++)
        g_string_append_printf (s, "| छाता %u | %u | %u | **bold** and ~~struck~~ `code` |\n",
                                row, row + 1, (row + 1) * 150);
      g_string_append_printf (s, "\n- [x] टिकट %u\n- [ ] होटल\n\n:::tip सुझाव %u\n"
                                 "हल्का सामान रखें।[^%u]\n:::\n\n[^%u]: Note %u.\n\n",
                              i, i, i, i, i);
      i++;
    }
  return g_string_free (s, FALSE);
}

static void
run (const char *label,
     const char *text)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *preview = lekh_preview_new ();
  GtkSourceBuffer *source = gtk_source_buffer_new (NULL);
  GtkTextIter iter;
  g_autoptr(GArray) updated = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_work = g_array_new (FALSE, FALSE, sizeof (double));
  double jump = 0, jump_frame = 0, jump_stall = 0;
  guint pending_left = 0;
  double first_render, first_frame, complete, stall = 0, baseline, med_u, max_u, med_s, max_s, med_f, max_f;
  gint64 t0, t1;
  gsize len = strlen (text);
  const char *target;
  int offset, line;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_set_child (GTK_WINDOW (window), preview);
  gtk_window_present (GTK_WINDOW (window));
  spin (200);

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (source), text, (int) len);

  /* Time to first render: follow the loaded buffer, then paint. */
  t0 = g_get_monotonic_time ();
  lekh_preview_set_buffer (LEKH_PREVIEW (preview), GTK_TEXT_BUFFER (source));
  t1 = g_get_monotonic_time ();
  first_render = (t1 - t0) / 1000.0;
  wait_for_paint (window);
  first_frame = (g_get_monotonic_time () - t0) / 1000.0;
  /* While the rest renders in the background, how long can a keystroke wait for the
   * main loop? */
  {
    gint64 before = g_get_monotonic_time ();

    stall = 0;
    while (lekh_preview_is_rendering (LEKH_PREVIEW (preview)))
      {
        gint64 now;

        g_main_context_iteration (NULL, TRUE);
        now = g_get_monotonic_time ();
        stall = MAX (stall, (now - before) / 1000.0);
        before = now;
      }
  }
  complete = (g_get_monotonic_time () - t0) / 1000.0;
  pending_left = lekh_preview_get_n_pending_blocks (LEKH_PREVIEW (preview));

  /* A jump to the end renders what lies between. */
  {
    guint last = (guint) gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (source));

    gint64 before, now;

    t0 = g_get_monotonic_time ();
    lekh_preview_scroll_to_line (LEKH_PREVIEW (preview), last);
    jump = (g_get_monotonic_time () - t0) / 1000.0;
    before = g_get_monotonic_time ();
    while (lekh_preview_get_top_line (LEKH_PREVIEW (preview)) + 60 < last
           && g_get_monotonic_time () - t0 < 60 * G_USEC_PER_SEC)
      {
        g_main_context_iteration (NULL, TRUE);
        now = g_get_monotonic_time ();
        jump_stall = MAX (jump_stall, (now - before) / 1000.0);
        before = now;
      }
    jump_frame = (g_get_monotonic_time () - t0) / 1000.0;
    spin (300);
  }

  /* Baseline: the same text rendered from scratch by a fresh preview (what every
   * keystroke would cost without incremental updates). */
  {
    GtkWidget *fresh = g_object_ref_sink (lekh_preview_new ());

    t0 = g_get_monotonic_time ();
    lekh_preview_set_text (LEKH_PREVIEW (fresh), text, (gssize) len);
    lekh_preview_flush (LEKH_PREVIEW (fresh));
    baseline = (g_get_monotonic_time () - t0) / 1000.0;
    g_object_unref (fresh);
  }

  /* Type into a paragraph in the middle, with the preview showing it. */
  target = strstr (text + len / 2, "यह अनुच्छेद");
  if (target == NULL)
    target = text + len / 2;
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (source), &iter);
  offset = (int) g_utf8_strlen (text, target - text);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (source), &iter, offset);
  gtk_text_iter_forward_chars (&iter, 12);
  line = gtk_text_iter_get_line (&iter);
  offset = gtk_text_iter_get_offset (&iter);
  lekh_preview_scroll_to_line (LEKH_PREVIEW (preview), (guint) line + 1);
  spin (300);
  wait_for_paint (window);

  for (guint i = 0; i < 100; i++)
    {
      GtkTextIter at;

      gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (source), &at, offset);
      t0 = g_get_monotonic_time ();
      if (i % 10 == 9)
        {
          GtkTextIter before = at;
          gtk_text_iter_backward_char (&before);
          gtk_text_buffer_delete (GTK_TEXT_BUFFER (source), &before, &at);
          offset--;
        }
      else
        {
          gtk_text_buffer_insert (GTK_TEXT_BUFFER (source), &at, i % 5 == 4 ? " " : "क", -1);
          offset++;
        }
      lekh_preview_flush (LEKH_PREVIEW (preview));
      t1 = g_get_monotonic_time ();
      wait_for_paint (window);
      g_array_append_val (updated, (double) { (t1 - t0) / 1000.0 });
      g_array_append_val (shown, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
      g_array_append_val (frame_work, (double) { (paint_end - paint_start) / 1000.0 });
    }
  stats (updated, &med_u, &max_u);
  stats (shown, &med_s, &max_s);
  stats (frame_work, &med_f, &max_f);

  g_print ("%-28s %8.2f MB  blocks %7u\n", label, len / 1e6,
           lekh_preview_get_n_blocks (LEKH_PREVIEW (preview)));
  g_print ("  open: %9.1f ms to first preview text, %9.1f ms to first frame, "
           "%9.1f ms until the background rests (%u blocks left for when they are scrolled to)\n",
           first_render, first_frame, complete, pending_left);
  g_print ("  jump to the last line (scroll sync, Ctrl+End): %.1f ms in the call, shown after %.1f ms,"
           " longest main-loop stall meanwhile %.1f ms\n", jump, jump_frame, jump_stall);
  if (stall > 0)
    g_print ("        longest main-loop stall while rendering in the background: %.1f ms\n", stall);
  g_print ("  keystroke → preview updated:  median %7.2f ms  max %7.2f ms  (100 edits)\n",
           med_u, max_u);
  g_print ("  keystroke → frame painted:    median %7.2f ms  max %7.2f ms  (paced by the frame clock)\n",
           med_s, max_s);
  g_print ("  frame work (layout + paint):  median %7.2f ms  max %7.2f ms\n", med_f, max_f);
  g_print ("  baseline, full re-render:            %7.2f ms per keystroke\n\n", baseline);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (source);
  spin (50);
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      g_printerr ("Usage: bench-preview-latency FILE|gen:MB...\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  gtk_source_init ();

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GError) error = NULL;

      if (g_str_has_prefix (argv[i], "tables:"))
        {
          gsize kb = (gsize) g_ascii_strtoull (argv[i] + 7, NULL, 10);
          text = generate_tables (MAX (kb, 1) * 1000);
          label = g_strdup_printf ("generated %zu KB article of tables", kb);
        }
      else if (g_str_has_prefix (argv[i], "gen:"))
        {
          gsize mb = (gsize) g_ascii_strtoull (argv[i] + 4, NULL, 10);
          text = generate_article (MAX (mb, 1) * 1000 * 1000);
          label = g_strdup_printf ("generated %zu MB article", mb);
        }
      else if (!g_file_get_contents (argv[i], &text, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      else
        label = g_path_get_basename (argv[i]);
      run (label, text);
    }
  return 0;
}
