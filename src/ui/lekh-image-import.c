/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-image-import"

#include "config.h"

#include <errno.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lekh-image-import.h"
#include "lekh-image-path.h"
#include "lekh-site.h"

typedef struct
{
  GtkWidget  *parent;
  LekhSite   *site;
  char       *article_path;
  GFile      *file;
  GdkTexture *texture;
  char       *destination;
  char       *reference;
} Import;

static void
import_free (gpointer data)
{
  Import *import = data;

  g_clear_object (&import->parent);
  g_clear_pointer (&import->site, lekh_site_unref);
  g_free (import->article_path);
  g_clear_object (&import->file);
  g_clear_object (&import->texture);
  g_free (import->destination);
  g_free (import->reference);
  g_free (import);
}

static GtkWindow *
parent_window (GtkWidget *parent)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Says what went wrong, then ends the task with it (a declined copy says nothing). */
static void
fail (GTask  *task,
      GError *error)
{
  Import *import = g_task_get_task_data (task);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *dialog = adw_message_dialog_new (parent_window (import->parent),
                                                  _("The Image Could Not Be Added"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
finish_at (GTask      *task,
           const char *path)
{
  Import *import = g_task_get_task_data (task);

  import->reference = lekh_image_path_reference (import->site, import->article_path, path);
  if (import->reference == NULL)
    {
      fail (task, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("“%s” cannot be reached from the article"), path));
      return;
    }
  if (path != import->destination)
    {
      g_free (import->destination);
      import->destination = g_strdup (path);
    }
  g_task_return_pointer (task, g_strdup (import->reference), g_free);
  g_object_unref (task);
}

static void
copy_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  Import *import = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_file_copy_finish (G_FILE (source), result, &error))
    {
      g_prefix_error (&error, _("Could not copy the image to “%s”: "), import->destination);
      fail (task, error);
      return;
    }
  finish_at (task, import->destination);
}

static gboolean
save_texture (Import  *import,
              GError **error)
{
  g_autoptr(GFile) out = g_file_new_for_path (import->destination);
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (import->texture);
  g_autoptr(GFileOutputStream) stream = NULL;

  /* create, not replace: never over a file that appeared meanwhile. */
  stream = g_file_create (out, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (png, NULL),
                                  g_bytes_get_size (png), NULL, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    {
      if (stream != NULL)
        g_file_delete (out, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  Import *import = g_task_get_task_data (task);
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;

  /* One answer per question. */
  g_signal_handlers_disconnect_by_func (dialog, response_cb, task);
  /* Asked for something else meanwhile: this answer is no longer wanted. */
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (g_strcmp0 (response, "copy") != 0)
    {
      fail (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Not copied")));
      return;
    }

  /* The name was free when asked; take a free one again now. */
  folder = g_path_get_dirname (import->destination);
  name = g_path_get_basename (import->destination);
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;

      fail (task, g_error_new (G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Could not create the folder “%s”: %s"), folder,
                               g_strerror (saved)));
      return;
    }
  g_free (import->destination);
  import->destination = lekh_image_path_free_file (folder, name);
  if (import->destination == NULL)
    {
      fail (task, g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("No free file name for “%s” in “%s”"), name, folder));
      return;
    }

  if (import->texture != NULL)
    {
      if (!save_texture (import, &error))
        {
          g_prefix_error (&error, _("Could not save the image as “%s”: "), import->destination);
          fail (task, error);
          return;
        }
      finish_at (task, import->destination);
    }
  else
    {
      g_autoptr(GFile) out = g_file_new_for_path (import->destination);

      /* Without G_FILE_COPY_OVERWRITE: an existing file is never replaced. */
      g_file_copy_async (import->file, out, G_FILE_COPY_NONE, G_PRIORITY_DEFAULT,
                         g_task_get_cancellable (task), NULL, NULL, copy_cb, task);
    }
}

/* Where the copy goes, as the writer knows the site: "static/img/x.png" from its root
 * (or from the article's folder for a lone file). */
static char *
display_destination (Import *import)
{
  const char *root = import->site ? lekh_site_get_root (import->site) : NULL;
  g_autofree char *base = root ? g_strdup (root) : g_path_get_dirname (import->article_path);
  g_autoptr(GFile) from = g_file_new_for_path (base);
  g_autoptr(GFile) to = g_file_new_for_path (import->destination);
  g_autofree char *relative = g_file_get_relative_path (from, to);

  return g_filename_display_name (relative ? relative : import->destination);
}

static void
ask (GTask *task)
{
  Import *import = g_task_get_task_data (task);
  g_autofree char *folder = lekh_image_path_folder (import->site, import->article_path);
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *dialog;

  name = import->file ? g_file_get_basename (import->file) : g_strdup ("pasted-image.png");
  import->destination = lekh_image_path_free_file (folder, name);
  if (import->destination == NULL)
    {
      fail (task, g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("No free file name for “%s” in “%s”"), name, folder));
      return;
    }
  shown = display_destination (import);
  if (import->texture != NULL)
    dialog = adw_message_dialog_new (parent_window (import->parent),
                                     _("Save the Pasted Image?"), NULL);
  else
    dialog = adw_message_dialog_new (parent_window (import->parent),
                                     _("Copy the Image into the Site?"), NULL);
  if (import->texture != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The image will be saved as “%s” and linked from the article."),
                                    shown);
  else
    {
      g_autofree char *source = g_file_get_parse_name (import->file);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("The site does not publish “%s” from where it is. "
                                        "A copy will be made as “%s”; the original stays where it is."),
                                      source, shown);
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", import->texture ? _("_Save") : _("C_opy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), task);
  /* Cancelled (another image chosen, the form closed): the question goes too. */
  if (g_task_get_cancellable (task) != NULL)
    g_signal_connect_object (g_task_get_cancellable (task), "cancelled",
                             G_CALLBACK (gtk_window_close), dialog, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
lekh_image_import_async (GtkWidget           *parent,
                         GFile               *article,
                         GFile               *file,
                         GdkTexture          *texture,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  Import *import;
  g_autofree char *path = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (article == NULL || G_IS_FILE (article));
  g_return_if_fail ((file == NULL) != (texture == NULL));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, lekh_image_import_async);
  import = g_new0 (Import, 1);
  import->parent = parent ? g_object_ref (parent) : NULL;
  import->file = file ? g_object_ref (file) : NULL;
  import->texture = texture ? g_object_ref (texture) : NULL;
  g_task_set_task_data (task, import, import_free);

  if (article == NULL || (import->article_path = g_file_get_path (article)) == NULL)
    {
      fail (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                       _("Save the article first: its images are placed "
                                         "relative to its file.")));
      return;
    }
  import->site = lekh_site_detect (import->article_path);

  if (file != NULL)
    {
      if ((path = g_file_get_path (file)) == NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);

          fail (task, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("“%s” is not a local file"), uri));
          return;
        }
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *shown = g_filename_display_name (path);

          fail (task, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                   _("“%s” is not a file"), shown));
          return;
        }
      import->reference = lekh_image_path_reference (import->site, import->article_path, path);
      if (import->reference != NULL)
        {
          import->destination = g_canonicalize_filename (path, NULL);
          g_task_return_pointer (task, g_strdup (import->reference), g_free);
          g_object_unref (task);
          return;
        }
    }
  ask (task);
}

char *
lekh_image_import_finish (GAsyncResult  *result,
                          char         **file_path,
                          GError       **error)
{
  char *reference;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  reference = g_task_propagate_pointer (G_TASK (result), error);
  if (file_path != NULL)
    {
      Import *import = g_task_get_task_data (G_TASK (result));

      *file_path = reference ? g_strdup (import->destination) : NULL;
    }
  return reference;
}

GtkFileFilter *
lekh_image_import_new_filter (void)
{
  static const char * const types[] = {
    "image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "image/avif", NULL
  };
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Images"));
  for (guint i = 0; types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, types[i]);
  return filter;
}
