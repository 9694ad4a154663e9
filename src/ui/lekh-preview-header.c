/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-preview"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lekh-article-meta.h"
#include "lekh-preview-private.h"
#include "lekh-site-syntax.h"
#include "lekh-wrap-box.h"

/* Header card ------------------------------------------------------------------- */

typedef struct
{
  LekhSite *site;
  char     *data_path;   /* the authors.yml the picture is named in */
  char     *url;
} AvatarLoad;

static void
avatar_load_free (gpointer data)
{
  AvatarLoad *load = data;

  g_clear_pointer (&load->site, lekh_site_unref);
  g_free (load->data_path);
  g_free (load->url);
  g_free (load);
}

static void
load_avatar_thread (GTask        *task,
                    gpointer      source,
                    gpointer      data,
                    GCancellable *cancellable)
{
  AvatarLoad *load = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  if (_lekh_preview_is_remote (load->url))
    {
      g_autofree char *uri = g_str_has_prefix (load->url, "//")
                             ? g_strconcat ("https:", load->url, NULL) : g_strdup (load->url);
      file = g_file_new_for_uri (uri);
    }
  else
    {
      /* As Docusaurus resolves image_url: from the static folder for "/img/…", else
       * beside authors.yml. */
      g_autofree char *path = lekh_site_resolve_image (load->site, load->data_path, load->url,
                                                       NULL);
      if (path != NULL)
        file = g_file_new_for_path (path);
    }
  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("Image not found: %s"), load->url);
      return;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  texture = bytes != NULL ? gdk_texture_new_from_bytes (bytes, &error) : NULL;
  if (texture == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
avatar_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GtkWidget) avatar = data;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Not found or not an image: the initials stay. */
  if (texture != NULL)
    adw_avatar_set_custom_image (ADW_AVATAR (avatar), GDK_PAINTABLE (texture));
}

/* A small round picture of an author whose authors.yml entry has an image_url: the
 * initials until it is loaded (or for good, for a remote one the writer did not allow). */
static GtkWidget *
create_avatar (LekhPreview         *self,
               const LekhSiteData  *data,
               const LekhSiteEntry *entry,
               const char          *name)
{
  GtkWidget *avatar = adw_avatar_new (28, name, TRUE);

  gtk_widget_add_css_class (avatar, "lekh-avatar");
  gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (avatar, name);
  if (!_lekh_preview_is_remote (entry->image_url) || self->load_remote_images)
    {
      AvatarLoad *load = g_new0 (AvatarLoad, 1);
      g_autoptr(GTask) task = NULL;

      load->site = lekh_site_ref (self->site);
      load->data_path = g_strdup (lekh_site_data_get_path (data));
      load->url = g_strdup (entry->image_url);
      task = g_task_new (NULL, self->cancellable, avatar_loaded_cb, g_object_ref_sink (avatar));
      g_task_set_task_data (task, load, avatar_load_free);
      g_task_run_in_thread (task, load_avatar_thread);
    }
  return avatar;
}

static GtkWidget *
header_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "Author (Title), Guest · DATE", with the pictures of the authors that have one. */
static GtkWidget *
create_byline (LekhPreview        *self,
               LekhArticleMeta    *meta,
               const char         *file_date,
               const LekhSiteData *authors_data)
{
  g_autoptr(GString) authors = g_string_new (NULL);
  g_autofree char *byline = NULL;
  const char *when = meta->date != NULL ? meta->date : file_date;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label;

  /* Authors by the names the site's authors.yml gives their keys. */
  for (guint i = 0; meta->authors[i] != NULL; i++)
    {
      const LekhSiteEntry *entry = authors_data != NULL
                                   ? lekh_site_data_lookup (authors_data, meta->authors[i])
                                   : NULL;

      if (i > 0)
        g_string_append (authors, ", ");
      g_string_append (authors, entry != NULL && entry->name != NULL ? entry->name
                                                                     : meta->authors[i]);
      if (entry != NULL && entry->image_url != NULL && entry->image_url[0] != '\0')
        gtk_box_append (GTK_BOX (row),
                        create_avatar (self, authors_data, entry,
                                       entry->name != NULL ? entry->name : meta->authors[i]));
      if (entry != NULL && entry->title != NULL)
        g_string_append_printf (authors, " (%s)", entry->title);
    }
  if (meta->authors[0] != NULL && when != NULL)
    /* Translators: the article's authors, then its date */
    byline = g_strdup_printf (_("%s · %s"), authors->str, when);
  else
    byline = g_strdup (meta->authors[0] != NULL ? authors->str : when);
  label = header_label (byline, "lekh-byline");
  gtk_widget_set_hexpand (label, TRUE);
  if (gtk_widget_get_first_child (row) != NULL)
    gtk_widget_set_margin_start (label, 4);
  gtk_box_append (GTK_BOX (row), label);
  return row;
}

static GtkWidget *
create_tag_chips (LekhArticleMeta *meta)
{
  GtkWidget *tags = lekh_wrap_box_new (6);

  gtk_widget_add_css_class (tags, "lekh-tags");
  gtk_accessible_update_property (GTK_ACCESSIBLE (tags), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tags"), -1);
  for (guint i = 0; meta->tags[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_label_new (meta->tags[i]);

      gtk_widget_add_css_class (chip, "lekh-tag-chip");
      lekh_wrap_box_append (LEKH_WRAP_BOX (tags), chip);
    }
  return tags;
}

void
_lekh_preview_update_header (LekhPreview *self)
{
  LekhArticle *article = lekh_preview_model_get_article (self->model);
  g_autoptr(LekhArticleMeta) meta = NULL;
  g_autofree char *date = NULL;
  const LekhSiteData *authors_data = NULL;
  GtkWidget *box = self->header_box;
  GtkWidget *child;
  gboolean any = FALSE;
  const GError *error;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);

  if (article == NULL)
    {
      gtk_widget_set_visible (self->header, FALSE);
      return;
    }

  error = lekh_article_get_error (article);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Front matter, line %u: %s"),
                                                  lekh_article_get_error_line (article),
                                                  error->message);
      GtkWidget *label = header_label (message, "error");

      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_visible (self->header, TRUE);
      return;
    }

  meta = lekh_article_meta_new (article);
  if (meta->draft)
    {
      GtkWidget *badge = gtk_label_new (_("Draft"));

      gtk_widget_add_css_class (badge, "lekh-draft-badge");
      gtk_widget_set_halign (badge, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), badge);
    }
  if (meta->title != NULL)
    {
      gtk_box_append (GTK_BOX (box), header_label (meta->title, "lekh-title"));
      any = TRUE;
    }
  if (meta->description != NULL)
    {
      gtk_box_append (GTK_BOX (box), header_label (meta->description, "lekh-description"));
      any = TRUE;
    }
  {
    g_autofree char *path = self->base_file != NULL ? g_file_get_path (self->base_file) : NULL;

    /* Docusaurus blog posts and Jekyll posts carry their date in the file name. */
    if (meta->date == NULL && path != NULL)
      date = lekh_site_syntax_file_name_date (path);
    if (self->site != NULL && path != NULL)
      authors_data = lekh_site_get_authors (self->site, path);
  }
  if (meta->authors[0] != NULL || meta->date != NULL || date != NULL)
    {
      gtk_box_append (GTK_BOX (box), create_byline (self, meta, date, authors_data));
      any = TRUE;
    }
  if (meta->tags[0] != NULL)
    {
      gtk_box_append (GTK_BOX (box), create_tag_chips (meta));
      any = TRUE;
    }
  if (meta->image != NULL)
    {
      GtkWidget *cover = _lekh_preview_create_image (self, meta->image, meta->image_alt, TRUE);

      gtk_widget_set_margin_top (cover, 6);
      gtk_box_append (GTK_BOX (box), cover);
      _lekh_preview_track_size (self, cover, 40, -1);
      any = TRUE;
    }
  gtk_widget_set_visible (self->header, any || meta->draft);
}

