/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-window-preview-guard"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-preview.h"
#include "lekh-window-private.h"

static void
pause_preview (LekhWindow *self,
               GFile      *file,
               goffset     size)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *description = NULL;

  lekh_preview_set_buffer (LEKH_PREVIEW (self->preview), NULL);
  lekh_preview_set_text (LEKH_PREVIEW (self->preview), "", 0);
  gtk_widget_set_visible (self->preview, FALSE);

  /* Translators: the first %s is a file name, the second its size, e.g. "52.4 MB" */
  description = g_strdup_printf (_("“%s” is %s. The live preview is paused so that typing "
                                   "stays fast; showing it may take a while."), name, size_text);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->preview_notice), description);
  gtk_widget_set_visible (self->preview_notice, TRUE);
  self->preview_paused = TRUE;
}

static void
resume_preview (LekhWindow *self)
{
  if (!self->preview_paused || !LEKH_IS_PREVIEW (self->preview))
    return;

  self->preview_paused = FALSE;
  gtk_widget_set_visible (self->preview_notice, FALSE);
  gtk_widget_set_visible (self->preview, TRUE);
  lekh_preview_set_buffer (LEKH_PREVIEW (self->preview), GTK_TEXT_BUFFER (self->document));
}

static void
show_preview_anyway_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  /* The writer's choice, whatever the size. */
  resume_preview (LEKH_WINDOW (widget));
}

gboolean
_lekh_window_preview_guard_check (LekhWindow *self,
                                  GFile      *file)
{
  g_autoptr(GFileInfo) info = NULL;
  goffset size;

  g_assert (LEKH_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  if (!LEKH_IS_PREVIEW (self->preview))
    return FALSE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  size = info != NULL ? g_file_info_get_size (info) : 0;

  if (size > LEKH_WINDOW_PREVIEW_GUARD_LIMIT)
    {
      g_debug ("%s is %" G_GOFFSET_FORMAT " bytes: preview paused", g_file_peek_path (file), size);
      pause_preview (self, file, size);
    }
  else
    resume_preview (self);

  return self->preview_paused;
}

gboolean
lekh_window_get_preview_paused (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), FALSE);
  return self->preview_paused;
}

void
_lekh_window_class_preview_guard_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, preview_notice);
  gtk_widget_class_install_action (widget_class, "win.show-preview-anyway", NULL,
                                   show_preview_anyway_action);
}
