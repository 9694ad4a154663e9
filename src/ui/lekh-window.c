/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "lekh-window.h"

struct _LekhWindow
{
  AdwApplicationWindow  parent_instance;
  GtkSourceBuffer      *buffer;
  GtkWidget            *title;
};

G_DEFINE_FINAL_TYPE (LekhWindow, lekh_window, ADW_TYPE_APPLICATION_WINDOW)

static void
lekh_window_class_init (LekhWindowClass *klass)
{
}

static void
lekh_window_init (LekhWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;

  self->buffer = gtk_source_buffer_new (NULL);
  view = gtk_source_view_new_with_buffer (self->buffer);
  g_object_unref (self->buffer);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);

  self->title = adw_window_title_new (_("Lekh"), NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 700);
}

LekhWindow *
lekh_window_new (LekhApplication *app)
{
  return g_object_new (LEKH_TYPE_WINDOW, "application", app, NULL);
}

void
lekh_window_load_file (LekhWindow *self,
                       GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize len = 0;

  g_return_if_fail (LEKH_IS_WINDOW (self));

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), name);
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &error))
    {
      adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), error->message);
      return;
    }
  if (!g_utf8_validate_len (contents, len, NULL))
    {
      adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), _("Not valid UTF-8 text"));
      return;
    }
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), contents, len);
}
