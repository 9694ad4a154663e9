/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-editor"

#include "config.h"

#include "lekh-editor-private.h"
#include "lekh-image-import.h"
#include "lekh-image-path.h"

/* Images dropped or pasted into the source become Markdown images at the drop point (or
 * the cursor), each one undo step; lekh-image-import brings each file (or a pasted
 * texture) within the site's reach first, asking before it copies anything. */

typedef struct
{
  LekhEditor    *editor;
  GtkTextBuffer *buffer;
  GtkTextMark   *mark;      /* right gravity: stays after what was inserted */
  GQueue         files;     /* of GFile */
  GdkTexture    *texture;
  guint          inserted;
} Insertion;

static void
insertion_free (Insertion *insertion)
{
  if (insertion->mark != NULL)
    gtk_text_buffer_delete_mark (insertion->buffer, insertion->mark);
  g_object_unref (insertion->buffer);
  g_object_unref (insertion->editor);
  g_queue_clear_full (&insertion->files, g_object_unref);
  g_clear_object (&insertion->texture);
  g_free (insertion);
}

static void insert_next (Insertion *insertion);

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Insertion *insertion = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reference = lekh_image_import_finish (result, &path, &error);

  if (reference != NULL)
    {
      g_autofree char *alt = lekh_image_path_alt_for_file (path);
      g_autofree char *markdown = lekh_image_path_markdown (alt, reference);
      GtkTextIter at;

      gtk_text_buffer_get_iter_at_mark (insertion->buffer, &at, insertion->mark);
      gtk_text_buffer_begin_user_action (insertion->buffer);
      if (insertion->inserted > 0)
        gtk_text_buffer_insert (insertion->buffer, &at, "\n", 1);
      gtk_text_buffer_insert (insertion->buffer, &at, markdown, -1);
      gtk_text_buffer_end_user_action (insertion->buffer);
      gtk_text_buffer_get_iter_at_mark (insertion->buffer, &at, insertion->mark);
      gtk_text_buffer_place_cursor (insertion->buffer, &at);
      insertion->inserted++;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_queue_clear_full (&insertion->files, g_object_unref);   /* declined: the rest too */
  insert_next (insertion);
}

static void
insert_next (Insertion *insertion)
{
  LekhEditor *self = insertion->editor;
  GFile *article = self->document ? lekh_document_get_file (self->document) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) texture = g_steal_pointer (&insertion->texture);

  if (texture == NULL)
    file = g_queue_pop_head (&insertion->files);
  if (texture == NULL && file == NULL)
    {
      insertion_free (insertion);
      return;
    }
  lekh_image_import_async (GTK_WIDGET (self), article, file, texture, NULL, imported_cb, insertion);
}

static Insertion *
insertion_new (LekhEditor        *self,
               const GtkTextIter *where)
{
  Insertion *insertion = g_new0 (Insertion, 1);
  GtkTextIter at;

  insertion->editor = g_object_ref (self);
  insertion->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)));
  if (where != NULL)
    at = *where;
  else
    gtk_text_buffer_get_iter_at_mark (insertion->buffer, &at,
                                      gtk_text_buffer_get_insert (insertion->buffer));
  insertion->mark = gtk_text_buffer_create_mark (insertion->buffer, NULL, &at, FALSE);
  g_queue_init (&insertion->files);
  return insertion;
}

gboolean
lekh_editor_insert_image_files (LekhEditor        *self,
                                GSList            *files,
                                const GtkTextIter *where)
{
  Insertion *insertion;

  g_return_val_if_fail (LEKH_IS_EDITOR (self), FALSE);

  if (self->document == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self->view)))
    return FALSE;
  insertion = insertion_new (self, where);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      /* A web address (a copied link to a .png) is text, not a file to bring in. */
      if (name != NULL && g_file_is_native (l->data) && lekh_image_path_is_image_name (name))
        g_queue_push_tail (&insertion->files, g_object_ref (l->data));
    }
  if (g_queue_is_empty (&insertion->files))
    {
      insertion_free (insertion);
      return FALSE;
    }
  insert_next (insertion);
  return TRUE;
}

void
lekh_editor_insert_image_texture (LekhEditor        *self,
                                  GdkTexture        *texture,
                                  const GtkTextIter *where)
{
  Insertion *insertion;

  g_return_if_fail (LEKH_IS_EDITOR (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  if (self->document == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self->view)))
    return;
  insertion = insertion_new (self, where);
  insertion->texture = g_object_ref (texture);
  insert_next (insertion);
}

/* Drop: the window's file drop target (which opens files) asks here first. */

gboolean
lekh_editor_drop_files (LekhEditor *self,
                        GSList     *files,
                        GtkWidget  *relative_to,
                        double      x,
                        double      y)
{
  GtkTextIter at;
  double vx, vy;
  int bx, by;

  g_return_val_if_fail (LEKH_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (relative_to), FALSE);

  if (files == NULL || !gtk_widget_get_mapped (self->view))
    return FALSE;
#if GTK_CHECK_VERSION (4, 12, 0)
  {
    graphene_point_t point = GRAPHENE_POINT_INIT ((float) x, (float) y), out;

    if (!gtk_widget_compute_point (relative_to, self->view, &point, &out))
      return FALSE;
    vx = out.x;
    vy = out.y;
  }
#else
  if (!gtk_widget_translate_coordinates (relative_to, self->view, x, y, &vx, &vy))
    return FALSE;
#endif
  if (!gtk_widget_contains (self->view, vx, vy))
    return FALSE;
  /* Only images go into the text; anything else is for opening. */
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name == NULL || !g_file_is_native (l->data) || !lekh_image_path_is_image_name (name))
        return FALSE;
    }

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                         (int) vx, (int) vy, &bx, &by);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &at, bx, by);
  return lekh_editor_insert_image_files (self, files, &at);
}

/* Paste: a copied image file, or an image itself (a screenshot, "Copy Image"). */

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(LekhEditor) self = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  if (text == NULL)
    return;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
paste_files_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(LekhEditor) self = data;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), result, NULL);
  GdkFileList *list = value ? g_value_get_boxed (value) : NULL;
  g_autoptr(GSList) files = list ? gdk_file_list_get_files (list) : NULL;

  if (!lekh_editor_insert_image_files (self, files, NULL))
    /* No image among them: paste them as the text they also are. */
    gdk_clipboard_read_text_async (GDK_CLIPBOARD (source), NULL, paste_text_cb, g_object_ref (self));
}

static void
paste_texture_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(LekhEditor) self = data;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source),
                                                                      result, NULL);

  if (texture != NULL)
    lekh_editor_insert_image_texture (self, texture, NULL);
}

static void
paste_clipboard_cb (GtkTextView *view,
                    LekhEditor  *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autoptr(GdkContentFormats) formats = NULL;

  if (!gtk_text_view_get_editable (view))
    return;
  formats = gdk_content_formats_union_deserialize_gtypes (
              gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    {
      g_signal_stop_emission_by_name (view, "paste-clipboard");
      gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                      paste_files_cb, g_object_ref (self));
    }
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) &&
           !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    {
      g_signal_stop_emission_by_name (view, "paste-clipboard");
      gdk_clipboard_read_texture_async (clipboard, NULL, paste_texture_cb, g_object_ref (self));
    }
}

void
_lekh_editor_images_init (LekhEditor *self)
{
  g_signal_connect (self->view, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), self);
}
