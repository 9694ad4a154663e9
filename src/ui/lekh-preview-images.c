/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-preview"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lekh-preview-private.h"

/* Sized children (header card, rules, tables, images) --------------------------- */

/* How a child anchored in the text follows the view's width (the value of sized_widgets). */
typedef struct
{
  int indent;
  int natural_width;    /* an image's, once loaded, else 0 */
  int natural_height;   /* an image's; -1: the full width at its own height; 0: a rule */
} SizeHint;

void
_lekh_preview_size_child (LekhPreview *self,
                          GtkWidget   *child)
{
  SizeHint *hint = g_hash_table_lookup (self->sized_widgets, child);
  int avail;

  if (hint == NULL)
    return;
  avail = MAX (self->width - 2 * MARGIN_X - hint->indent - 8, 48);
  if (hint->natural_width > 0 && hint->natural_height > 0)
    {
      int w = MIN (hint->natural_width, avail);

      gtk_widget_set_size_request (child, w, MAX (1, (int) ((double) hint->natural_height * w /
                                                            hint->natural_width)));
    }
  else if (hint->natural_height < 0)
    gtk_widget_set_size_request (child, avail, -1);   /* header card, tables, placeholders */
  else
    gtk_widget_set_size_request (child, avail, 1);    /* rules */
}

static void
sized_widget_gone (gpointer  data,
                   GObject  *where_the_object_was)
{
  LekhPreview *self = data;

  g_hash_table_remove (self->sized_widgets, where_the_object_was);
}

void
_lekh_preview_track_size (LekhPreview *self,
                          GtkWidget   *child,
                          int          indent,
                          int          natural_height)
{
  SizeHint *hint = g_hash_table_lookup (self->sized_widgets, child);

  if (hint == NULL)
    {
      hint = g_new0 (SizeHint, 1);
      g_hash_table_insert (self->sized_widgets, child, hint);
      g_object_weak_ref (G_OBJECT (child), sized_widget_gone, self);
    }
  hint->indent = indent;
  hint->natural_height = natural_height;
  _lekh_preview_size_child (self, child);
}

static void
set_natural_size (LekhPreview *self,
                  GtkWidget   *child,
                  int          width,
                  int          height)
{
  SizeHint *hint = g_hash_table_lookup (self->sized_widgets, child);

  if (hint == NULL)
    return;
  hint->natural_width = width;
  hint->natural_height = height;
  _lekh_preview_size_child (self, child);
}

void
_lekh_preview_untrack_sizes (LekhPreview *self)
{
  GHashTableIter iter;
  gpointer child;

  g_hash_table_iter_init (&iter, self->sized_widgets);
  while (g_hash_table_iter_next (&iter, &child, NULL))
    g_object_weak_unref (child, sized_widget_gone, self);
  g_hash_table_remove_all (self->sized_widgets);
}

void
_lekh_preview_width_changed_cb (LekhPreview *self)
{
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view));
  int width = (int) gtk_adjustment_get_page_size (hadj);
  GHashTableIter iter;
  gpointer child;

  if (width <= 0 || width == self->width)
    return;
  self->width = width;
  g_hash_table_iter_init (&iter, self->sized_widgets);
  while (g_hash_table_iter_next (&iter, &child, NULL))
    _lekh_preview_size_child (self, child);
}

/* Images ----------------------------------------------------------------------- */

typedef struct
{
  GFile *base_file;
  char  *url;
} ImageLoad;

static void
image_load_free (gpointer data)
{
  ImageLoad *load = data;

  g_clear_object (&load->base_file);
  g_free (load->url);
  g_free (load);
}

/* A local image: relative to the article, or in the site's static folder when it
 * starts with "/" (Docusaurus and Hugo "static", Astro and Jekyll "public"/root). */
static GFile *
resolve_local_image (GFile      *base_file,
                     const char *url)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) dir = NULL;

  if (g_str_has_prefix (url, "file://"))
    return g_file_new_for_uri (url);
  if (base_file == NULL)
    return g_path_is_absolute (url) ? g_file_new_for_path (url) : NULL;

  path = g_uri_unescape_string (url, NULL);
  if (path == NULL)
    path = g_strdup (url);
  path[strcspn (path, "?#")] = '\0';
  dir = g_file_get_parent (base_file);
  if (dir == NULL)
    return NULL;

  if (path[0] != '/')
    return g_file_resolve_relative_path (dir, path);

  for (guint depth = 0; dir != NULL && depth < 12; depth++)
    {
      static const char * const roots[] = { "static", "public", "assets", "", NULL };
      g_autoptr(GFile) parent = NULL;

      for (guint i = 0; roots[i] != NULL; i++)
        {
          g_autofree char *rel = g_strconcat (roots[i], path, NULL);
          g_autoptr(GFile) candidate = g_file_resolve_relative_path (dir, rel[0] == '/' ? rel + 1 : rel);

          if (g_file_query_exists (candidate, NULL))
            return g_steal_pointer (&candidate);
        }
      parent = g_file_get_parent (dir);
      g_set_object (&dir, parent);
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (path);
  return NULL;
}

gboolean
_lekh_preview_is_remote (const char *url)
{
  return g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")
         || g_str_has_prefix (url, "//");
}

static void
load_image_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  ImageLoad *load = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  /* Resolving looks through the site's folders: file system work, off the main thread. */
  if (_lekh_preview_is_remote (load->url))
    {
      g_autofree char *uri = g_str_has_prefix (load->url, "//")
                             ? g_strconcat ("https:", load->url, NULL) : g_strdup (load->url);
      file = g_file_new_for_uri (uri);
    }
  else
    file = resolve_local_image (load->base_file, load->url);
  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("Image not found: %s"), load->url);
      return;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

/* What the loaded picture goes into (main thread only). */
typedef struct
{
  GWeakRef   preview;
  GtkWidget *holder;   /* the placeholder box */
  GtkWidget *status;   /* the placeholder's status line */
  char      *alt;
} ImageSlot;

static void
image_slot_free (ImageSlot *slot)
{
  g_weak_ref_clear (&slot->preview);
  g_clear_object (&slot->holder);
  g_clear_object (&slot->status);
  g_free (slot->alt);
  g_free (slot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImageSlot, image_slot_free)

static void
image_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(ImageSlot) slot = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(LekhPreview) self = g_weak_ref_get (&slot->preview);
  GtkWidget *picture, *child;

  if (texture == NULL || self == NULL || gtk_widget_get_parent (slot->holder) == NULL)
    {
      if (texture == NULL && error != NULL
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (GTK_LABEL (slot->status), error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (slot->holder)) != NULL)
    gtk_box_remove (GTK_BOX (slot->holder), child);
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_hexpand (picture, TRUE);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_widget_set_tooltip_text (picture, slot->alt);
  gtk_box_append (GTK_BOX (slot->holder), picture);
  set_natural_size (self, slot->holder, gdk_texture_get_width (texture),
                    gdk_texture_get_height (texture));
}

/* A box showing the alt text until the image is loaded (or for good, for remote
 * images the writer did not allow). */
GtkWidget *
_lekh_preview_create_image (LekhPreview *self,
                            const char  *url,
                            const char  *alt,
                            gboolean     cover)
{
  GtkWidget *holder = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
  GtkWidget *label = gtk_label_new (alt != NULL && *alt != '\0' ? alt : url);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gboolean remote = _lekh_preview_is_remote (url);

  gtk_widget_add_css_class (box, "lekh-image-placeholder");
  if (cover)
    gtk_widget_add_css_class (holder, "lekh-cover");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (texts), label);
  gtk_box_append (GTK_BOX (texts), status);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_tooltip_text (box, url);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (holder), box);

  /* Sized by the caller, once it is in the text: the full width until it is loaded. */

  if (remote && !self->load_remote_images)
    gtk_label_set_text (GTK_LABEL (status), _("Remote image not loaded (see Preferences)"));
  else
    {
      ImageLoad *load = g_new0 (ImageLoad, 1);
      ImageSlot *slot = g_new0 (ImageSlot, 1);
      g_autoptr(GTask) task = NULL;

      load->url = g_strdup (url);
      load->base_file = self->base_file != NULL ? g_file_dup (self->base_file) : NULL;
      g_weak_ref_init (&slot->preview, self);
      slot->holder = g_object_ref (holder);
      slot->status = g_object_ref (status);
      slot->alt = g_strdup (alt);
      gtk_label_set_text (GTK_LABEL (status), _("Loading…"));
      task = g_task_new (NULL, self->cancellable, image_loaded_cb, slot);
      g_task_set_task_data (task, load, image_load_free);
      g_task_run_in_thread (task, load_image_thread);
    }
  return holder;
}

