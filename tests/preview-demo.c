/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A standalone window to look at the preview: the source on the left (a plain text view
 * that the preview follows), the preview on the right, with scroll sync.
 *   preview-demo [--dark] [--preview-only] [--line N] FILE */
#include "config.h"

#include <adwaita.h>

#include "lekh-preview.h"

static void
scroll_source_to (GtkTextView *view,
                  guint        line,
                  gboolean     place_cursor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, (int) line - 1);
  if (place_cursor)
    gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (view, &iter, 0.0, TRUE, 0.0, 0.0);
}

static void
line_activated_cb (LekhPreview *preview,
                   guint        line,
                   GtkTextView *view)
{
  scroll_source_to (view, line, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

int
main (int   argc,
      char *argv[])
{
  gboolean dark = FALSE, preview_only = FALSE;
  int line = 0;
  GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "preview-only", 0, 0, G_OPTION_ARG_NONE, &preview_only, "Hide the source", NULL },
    { "line", 0, 0, G_OPTION_ARG_INT, &line, "Scroll the preview to this source line", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *window, *paned, *source, *scroller, *preview;
  GtkTextBuffer *buffer;
  GMainContext *main_context = g_main_context_default ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Usage: preview-demo FILE");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &text, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);

  gtk_init ();
  adw_init ();
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_set_title (GTK_WINDOW (window), "Lekh preview");
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  source = gtk_text_view_new ();
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (source), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (source), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (source), 12);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (source));
  gtk_text_buffer_set_text (buffer, text, -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), source);

  preview = lekh_preview_new ();
  lekh_preview_set_base_file (LEKH_PREVIEW (preview), file);
  lekh_preview_set_buffer (LEKH_PREVIEW (preview), buffer);

  gtk_paned_set_start_child (GTK_PANED (paned), scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), preview);
  gtk_paned_set_position (GTK_PANED (paned), 620);
  gtk_widget_set_visible (scroller, !preview_only);
  adw_window_set_content (ADW_WINDOW (window), paned);

  lekh_preview_set_source_view (LEKH_PREVIEW (preview), GTK_TEXT_VIEW (source));
  g_signal_connect (preview, "line-activated", G_CALLBACK (line_activated_cb), source);

  gtk_window_present (GTK_WINDOW (window));
  if (line > 0)
    {
      for (guint i = 0; i < 20; i++)
        g_main_context_iteration (main_context, FALSE);
      lekh_preview_scroll_to_line (LEKH_PREVIEW (preview), (guint) line);
    }

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (main_context, TRUE);
  return 0;
}
