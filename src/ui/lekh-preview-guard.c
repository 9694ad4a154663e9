/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-preview-guard"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-preview.h"
#include "lekh-preview-guard.h"

#define GUARD_KEY "lekh-preview-guard"

typedef struct
{
  GtkWidget *notice;   /* owned by the preview's parent */
  gboolean   paused;
} Guard;

static Guard *
get_guard (LekhWindow *window)
{
  Guard *guard = g_object_get_data (G_OBJECT (window), GUARD_KEY);

  if (guard == NULL)
    {
      guard = g_new0 (Guard, 1);
      g_object_set_data_full (G_OBJECT (window), GUARD_KEY, guard, g_free);
    }
  return guard;
}

static void
show_anyway_cb (LekhWindow *window)
{
  lekh_preview_guard_resume (window);
}

static void
pause_preview (LekhWindow *window,
               GtkWidget  *preview,
               GFile      *file,
               goffset     size)
{
  Guard *guard = get_guard (window);
  GtkWidget *parent = gtk_widget_get_parent (preview);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *description = NULL;

  lekh_preview_set_buffer (LEKH_PREVIEW (preview), NULL);
  lekh_preview_set_text (LEKH_PREVIEW (preview), "", 0);
  gtk_widget_set_visible (preview, FALSE);

  /* Translators: the first %s is a file name, the second its size, e.g. "52.4 MB" */
  description = g_strdup_printf (_("“%s” is %s. The live preview is paused so that typing "
                                   "stays fast; showing it may take a while."), name, size_text);
  if (guard->notice == NULL && GTK_IS_BOX (parent))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Show Preview Anyway"));

      gtk_widget_add_css_class (button, "pill");
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      g_signal_connect_object (button, "clicked", G_CALLBACK (show_anyway_cb), window,
                               G_CONNECT_SWAPPED);
      guard->notice = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (guard->notice), "x-office-document-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (guard->notice), _("Preview Paused"));
      adw_status_page_set_child (ADW_STATUS_PAGE (guard->notice), button);
      gtk_widget_set_vexpand (guard->notice, TRUE);
      gtk_box_append (GTK_BOX (parent), guard->notice);
    }
  if (guard->notice != NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (guard->notice), description);
      gtk_widget_set_visible (guard->notice, TRUE);
    }
  guard->paused = TRUE;
}

void
lekh_preview_guard_resume (LekhWindow *window)
{
  Guard *guard;
  GtkWidget *preview;

  g_return_if_fail (LEKH_IS_WINDOW (window));

  guard = get_guard (window);
  preview = lekh_window_get_preview (window);
  if (!guard->paused || !LEKH_IS_PREVIEW (preview))
    return;

  guard->paused = FALSE;
  if (guard->notice != NULL)
    gtk_widget_set_visible (guard->notice, FALSE);
  gtk_widget_set_visible (preview, TRUE);
  lekh_preview_set_buffer (LEKH_PREVIEW (preview),
                           GTK_TEXT_BUFFER (lekh_window_get_document (window)));
}

gboolean
lekh_preview_guard_check (LekhWindow *window,
                          GFile      *file)
{
  g_autoptr(GFileInfo) info = NULL;
  GtkWidget *preview;
  goffset size;

  g_return_val_if_fail (LEKH_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  preview = lekh_window_get_preview (window);
  if (!LEKH_IS_PREVIEW (preview))
    return FALSE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  size = info != NULL ? g_file_info_get_size (info) : 0;

  if (size > LEKH_PREVIEW_GUARD_LIMIT)
    {
      g_debug ("%s is %" G_GOFFSET_FORMAT " bytes: preview paused", g_file_peek_path (file), size);
      pause_preview (window, preview, file, size);
    }
  else
    lekh_preview_guard_resume (window);

  return get_guard (window)->paused;
}

gboolean
lekh_preview_guard_is_paused (LekhWindow *window)
{
  Guard *guard;

  g_return_val_if_fail (LEKH_IS_WINDOW (window), FALSE);

  guard = g_object_get_data (G_OBJECT (window), GUARD_KEY);
  return guard != NULL && guard->paused;
}
