/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-preview-header"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-article-meta.h"
#include "lekh-preview-header.h"
#include "lekh-site-syntax.h"
#include "lekh-wrap-box.h"

struct _LekhPreviewHeader
{
  AdwBin        parent_instance;

  /* For the authors' pictures, during one update */
  LekhSite     *site;
  GCancellable *cancellable;
  gboolean      load_remote_images;

  char         *cover_url;
  char         *cover_alt;

  /* Template children */
  GtkWidget    *error_label;
  GtkWidget    *draft_badge;
  GtkWidget    *title_label;
  GtkWidget    *description_label;
  GtkWidget    *byline_slot;
  GtkWidget    *tags_slot;
  GtkWidget    *cover_slot;
};

G_DEFINE_FINAL_TYPE (LekhPreviewHeader, lekh_preview_header, ADW_TYPE_BIN)

static gboolean
is_remote (const char *url)
{
  return g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")
         || g_str_has_prefix (url, "//");
}

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

  if (is_remote (load->url))
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
create_avatar (LekhPreviewHeader   *self,
               const LekhSiteData  *data,
               const LekhSiteEntry *entry,
               const char          *name)
{
  GtkWidget *avatar = adw_avatar_new (28, name, TRUE);

  gtk_widget_add_css_class (avatar, "lekh-avatar");
  gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (avatar, name);
  if (!is_remote (entry->image_url) || self->load_remote_images)
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
create_byline (LekhPreviewHeader  *self,
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

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_visible (label, text != NULL);
}

static void
clear (LekhPreviewHeader *self)
{
  set_label (self->error_label, NULL);
  gtk_widget_set_visible (self->draft_badge, FALSE);
  set_label (self->title_label, NULL);
  set_label (self->description_label, NULL);
  clear_box (self->byline_slot);
  clear_box (self->tags_slot);
  clear_box (self->cover_slot);
  gtk_widget_set_visible (self->byline_slot, FALSE);
  gtk_widget_set_visible (self->tags_slot, FALSE);
  gtk_widget_set_visible (self->cover_slot, FALSE);
  g_clear_pointer (&self->cover_url, g_free);
  g_clear_pointer (&self->cover_alt, g_free);
}

gboolean
lekh_preview_header_update (LekhPreviewHeader *self,
                            LekhArticle       *article,
                            GFile             *base_file,
                            LekhSite          *site,
                            gboolean           load_remote_images,
                            GCancellable      *cancellable)
{
  g_autoptr(LekhArticleMeta) meta = NULL;
  g_autofree char *path = NULL;
  g_autofree char *date = NULL;
  const LekhSiteData *authors_data = NULL;
  const GError *error;
  gboolean any = FALSE;

  g_return_val_if_fail (LEKH_IS_PREVIEW_HEADER (self), FALSE);

  clear (self);
  if (article == NULL)
    return FALSE;

  if ((error = lekh_article_get_error (article)) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Front matter, line %u: %s"),
                                                  lekh_article_get_error_line (article),
                                                  error->message);

      set_label (self->error_label, message);
      return TRUE;
    }

  meta = lekh_article_meta_new (article);
  gtk_widget_set_visible (self->draft_badge, meta->draft);
  set_label (self->title_label, meta->title);
  set_label (self->description_label, meta->description);
  any = meta->title != NULL || meta->description != NULL;

  path = base_file != NULL ? g_file_get_path (base_file) : NULL;
  /* Docusaurus blog posts and Jekyll posts carry their date in the file name. */
  if (meta->date == NULL && path != NULL)
    date = lekh_site_syntax_file_name_date (path);
  if (site != NULL && path != NULL)
    authors_data = lekh_site_get_authors (site, path);

  self->site = site;
  self->cancellable = cancellable;
  self->load_remote_images = load_remote_images;
  if (meta->authors[0] != NULL || meta->date != NULL || date != NULL)
    {
      gtk_box_append (GTK_BOX (self->byline_slot), create_byline (self, meta, date, authors_data));
      gtk_widget_set_visible (self->byline_slot, TRUE);
      any = TRUE;
    }
  self->site = NULL;
  self->cancellable = NULL;
  if (meta->tags[0] != NULL)
    {
      gtk_box_append (GTK_BOX (self->tags_slot), create_tag_chips (meta));
      gtk_widget_set_visible (self->tags_slot, TRUE);
      any = TRUE;
    }
  if (meta->image != NULL)
    {
      self->cover_url = g_strdup (meta->image);
      self->cover_alt = g_strdup (meta->image_alt);
      any = TRUE;
    }
  return any || meta->draft;
}

const char *
lekh_preview_header_get_cover (LekhPreviewHeader  *self,
                               const char        **alt)
{
  g_return_val_if_fail (LEKH_IS_PREVIEW_HEADER (self), NULL);

  if (alt != NULL)
    *alt = self->cover_alt;
  return self->cover_url;
}

void
lekh_preview_header_set_cover (LekhPreviewHeader *self,
                               GtkWidget         *cover)
{
  g_return_if_fail (LEKH_IS_PREVIEW_HEADER (self));
  g_return_if_fail (GTK_IS_WIDGET (cover));

  clear_box (self->cover_slot);
  gtk_box_append (GTK_BOX (self->cover_slot), cover);
  gtk_widget_set_visible (self->cover_slot, TRUE);
}

static void
lekh_preview_header_dispose (GObject *object)
{
  LekhPreviewHeader *self = LEKH_PREVIEW_HEADER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEKH_TYPE_PREVIEW_HEADER);
  G_OBJECT_CLASS (lekh_preview_header_parent_class)->dispose (object);
}

static void
lekh_preview_header_finalize (GObject *object)
{
  LekhPreviewHeader *self = LEKH_PREVIEW_HEADER (object);

  g_free (self->cover_url);
  g_free (self->cover_alt);
  G_OBJECT_CLASS (lekh_preview_header_parent_class)->finalize (object);
}

static void
lekh_preview_header_class_init (LekhPreviewHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_preview_header_dispose;
  object_class->finalize = lekh_preview_header_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lekh/Lekh/lekh-preview-header.ui");
  gtk_widget_class_bind_template_child (widget_class, LekhPreviewHeader, error_label);
  gtk_widget_class_bind_template_child (widget_class, LekhPreviewHeader, draft_badge);
  gtk_widget_class_bind_template_child (widget_class, LekhPreviewHeader, title_label);
  gtk_widget_class_bind_template_child (widget_class, LekhPreviewHeader, description_label);
  gtk_widget_class_bind_template_child (widget_class, LekhPreviewHeader, byline_slot);
  gtk_widget_class_bind_template_child (widget_class, LekhPreviewHeader, tags_slot);
  gtk_widget_class_bind_template_child (widget_class, LekhPreviewHeader, cover_slot);
}

static void
lekh_preview_header_init (LekhPreviewHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lekh_preview_header_new (void)
{
  return g_object_new (LEKH_TYPE_PREVIEW_HEADER, NULL);
}
