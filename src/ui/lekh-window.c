/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lekh-application.h"
#include "lekh-chip-editor.h"
#include "lekh-file.h"
#include "lekh-fold-bin.h"
#include "lekh-html-export.h"
#include "lekh-preview.h"
#include "lekh-text.h"
#include "lekh-window-private.h"


G_DEFINE_FINAL_TYPE (LekhWindow, lekh_window, ADW_TYPE_APPLICATION_WINDOW)

static void save_as (LekhWindow *self);

/* Header and status */

static void
update_title (LekhWindow *self)
{
  g_autofree char *name = lekh_document_dup_title (self->document);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *folder = NULL;
  GFile *file = lekh_document_get_file (self->document);
  gboolean modified = gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document));

  /* The leading * is the modified marker, as in gedit and most editors. */
  title = modified ? g_strconcat ("*", name, NULL) : g_strdup (name);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (path != NULL && g_str_has_prefix (path, home) && home[1] != '\0')
        folder = g_strconcat ("~", path + strlen (home), NULL);
      else if (parent != NULL)
        folder = g_file_get_parse_name (parent);
    }

  /* Save stands out while there is something to save. */
  if (modified)
    gtk_widget_add_css_class (self->save_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->save_button, "suggested-action");

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), title);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), folder);
  window_title = g_strdup_printf ("%s — %s", title, _("Lekh"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_format (LekhWindow *self)
{
  GtkSourceFile *file = lekh_document_get_source_file (self->document);
  GtkTextIter start;
  const char *newline;
  gboolean bom;
  g_autofree char *text = NULL;

  switch (gtk_source_file_get_newline_type (file))
    {
    case GTK_SOURCE_NEWLINE_TYPE_CR_LF: newline = "CRLF"; break;
    case GTK_SOURCE_NEWLINE_TYPE_CR: newline = "CR"; break;
    case GTK_SOURCE_NEWLINE_TYPE_LF:
    default: newline = "LF"; break;
    }
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->document), &start);
  bom = gtk_text_iter_get_char (&start) == 0xFEFF;

  /* Translators: the file format in the status bar, e.g. "Markdown · UTF-8 · LF" */
  text = g_strdup_printf ("%s · UTF-8%s · %s", _("Markdown"), bom ? _(" with BOM") : "", newline);
  gtk_label_set_text (GTK_LABEL (self->format_label), text);
}

static void
update_words (LekhWindow *self)
{
  guint words = lekh_document_get_word_count (self->document);
  guint minutes = lekh_document_get_reading_minutes (self->document);
  g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words),
                                        words);
  g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min read", "%u min read",
                                                     minutes), minutes);
  g_autofree char *text = g_strdup_printf ("%s · %s", w, m);

  gtk_label_set_text (GTK_LABEL (self->words_label), text);
}

static void
update_position (LekhWindow *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter iter;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  /* Translators: cursor position in the status bar: line and column */
  text = g_strdup_printf (_("Ln %d, Col %d"), gtk_text_iter_get_line (&iter) + 1,
                          gtk_text_iter_get_line_offset (&iter) + 1);
  gtk_label_set_text (GTK_LABEL (self->position_label), text);
}

static void
update_externally_modified (LekhWindow *self)
{
  gboolean changed = lekh_document_get_externally_modified (self->document);
  GFile *file = lekh_document_get_file (self->document);
  gboolean modified = gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document));
  gboolean exists = file != NULL && g_file_query_exists (file, NULL);
  g_autofree char *name = lekh_document_dup_title (self->document);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->changed_bar, changed);
  /* Without unsaved changes there is nothing of the writer's to keep: only Reload. */
  gtk_widget_set_visible (self->keep_button, modified || !exists);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-mine", changed && (modified || !exists));
  if (!changed)
    return;

  if (!exists)
    text = g_strdup_printf (_("“%s” was deleted or moved by another program. Keep your text and "
                              "save it again, or close the window."), name);
  else if (modified)
    text = g_strdup_printf (_("“%s” was changed by another program. Reload it and lose your "
                              "unsaved changes, or keep your version?"), name);
  else
    text = g_strdup_printf (_("“%s” was changed by another program."), name);
  gtk_label_set_text (GTK_LABEL (self->changed_label), text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", exists);
}

static void
update_actions (LekhWindow *self)
{
  gboolean busy = lekh_document_get_busy (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 !busy && lekh_document_get_file (self->document) != NULL);
}

void
lekh_window_add_toast (LekhWindow *self,
                       const char *message)
{
  g_return_if_fail (LEKH_IS_WINDOW (self));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), adw_toast_new (message));
}

static void
show_error (LekhWindow *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_recent (LekhWindow *self)
{
  GFile *file = lekh_document_get_file (self->document);
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };
  const char *groups[] = { "lekh", NULL };

  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  data.mime_type = (char *) "text/markdown";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "lekh %u";
  data.groups = (char **) groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Loading and saving */

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LekhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lekh_document_load_finish (LEKH_DOCUMENT (object), result, &error))
    {
      show_error (self, _("Could Not Open the File"), error->message);
      return;
    }

  add_recent (self);
  update_format (self);
  update_actions (self);
}

void
lekh_window_load_file (LekhWindow *self,
                       GFile      *file)
{
  g_return_if_fail (LEKH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _lekh_window_preview_guard_check (self, file);
  lekh_document_load_async (self->document, file, NULL, load_cb, g_object_ref (self));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LekhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lekh_document_save_finish (LEKH_DOCUMENT (object), result, &error))
    {
      self->close_after_save = FALSE;
      show_error (self, _("Could Not Save the File"), error->message);
      return;
    }

  add_recent (self);
  update_format (self);
  update_actions (self);
  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save (LekhWindow *self)
{
  lekh_metadata_panel_flush (LEKH_METADATA_PANEL (self->metadata_panel));

  if (lekh_document_get_file (self->document) == NULL)
    {
      save_as (self);
      return;
    }
  lekh_document_save_async (self->document, NULL, NULL, save_cb, g_object_ref (self));
}

static void
save_as_response_cb (LekhWindow           *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      lekh_document_save_async (self->document, file, NULL, save_cb, g_object_ref (self));
    }
  else
    self->close_after_save = FALSE;

  g_clear_object (&self->chooser);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (markdown, _("Markdown Articles"));
  gtk_file_filter_add_mime_type (markdown, "text/markdown");
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_filter_add_suffix (markdown, "mdx");
  gtk_file_filter_add_suffix (markdown, "markdown");
  gtk_file_chooser_add_filter (chooser, markdown);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

char *
lekh_window_suggest_file_name (LekhWindow *self)
{
  LekhArticle *article;
  const LekhNode *title, *date;
  GFile *file;

  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);

  if ((file = lekh_document_get_file (self->document)) != NULL)
    return g_file_get_basename (file);
  article = lekh_document_ensure_article (self->document);
  title = article ? lekh_article_get_value (article, "title") : NULL;
  date = article ? lekh_article_get_value (article, "date") : NULL;
  return lekh_text_suggest_file_name (title ? lekh_node_get_string (title) : NULL,
                                      date ? lekh_node_get_string (date) : NULL);
}

static void
save_as (LekhWindow *self)
{
  GFile *file = lekh_document_get_file (self->document);

  lekh_metadata_panel_flush (LEKH_METADATA_PANEL (self->metadata_panel));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save As"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (self->chooser));
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), file, NULL);
  else
    {
      /* The title's slug, dated when the front matter has a date (Jekyll and Docusaurus
       * blog posts are named YYYY-MM-DD-slug.md). */
      g_autofree char *name = lekh_window_suggest_file_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_response_cb (LekhWindow           *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          lekh_application_open_file (LEKH_APPLICATION (app), file, self);
        }
    }
  g_clear_object (&self->chooser);
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LekhWindow *self = LEKH_WINDOW (widget);
  GFile *file = lekh_document_get_file (self->document);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Open an Article"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (self->chooser));
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
    }
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (LEKH_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  save_as (LEKH_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LekhWindow *self = LEKH_WINDOW (widget);

  if (g_str_equal (action_name, "win.find"))
    lekh_editor_begin_search (LEKH_EDITOR (self->editor));
  else
    lekh_editor_find (LEKH_EDITOR (self->editor), g_str_equal (action_name, "win.find-previous"));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LekhWindow *self = LEKH_WINDOW (widget);
  GFile *file = lekh_document_get_file (self->document);

  if (file != NULL)
    lekh_window_load_file (self, file);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  lekh_document_keep_mine (LEKH_WINDOW (widget)->document);
}

/* Closing */

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (LekhWindow      *self,
                   const char      *response,
                   AdwMessageDialog *dialog)
{
  self->close_dialog = NULL;

  if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      save (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      /* Close once the dialog is done with its response, not from inside it. */
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
    }
}

/* Saved once, on close, rather than bound: a maximized window keeps its last unmaximized
 * size, and the divider is kept only while the preview shows. */
static void
save_window_state (LekhWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  if (self->preview != NULL && gtk_widget_get_visible (self->preview_slot))
    g_settings_set_int (self->settings, "preview-position",
                        gtk_paned_get_position (GTK_PANED (self->content_paned)));
}

void
lekh_window_close_saving (LekhWindow *self,
                          gboolean    save_first)
{
  g_return_if_fail (LEKH_IS_WINDOW (self));

  if (save_first && gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    {
      self->close_after_save = TRUE;
      save (self);
      return;
    }
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
lekh_window_close_request (GtkWindow *window)
{
  LekhWindow *self = LEKH_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  lekh_metadata_panel_flush (LEKH_METADATA_PANEL (self->metadata_panel));

  if (self->close_confirmed || !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    {
      save_window_state (self);
      return GTK_WINDOW_CLASS (lekh_window_parent_class)->close_request (window);
    }

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return TRUE;
    }

  name = lekh_document_dup_title (self->document);
  body = g_strdup_printf (_("“%s” has changes that are not saved. Changes that are not saved are lost."),
                          name);
  self->close_dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self->close_dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self->close_dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self->close_dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self->close_dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self->close_dialog), "cancel");
  g_signal_connect_swapped (self->close_dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (self->close_dialog));
  return TRUE;
}

/* Template callbacks */

static void
panel_jump_to_cb (LekhWindow *self,
                  guint       line,
                  guint       column)
{
  lekh_editor_jump_to (LEKH_EDITOR (self->editor), line, column);
}

static void
panel_edit_failed_cb (LekhWindow *self,
                      const char *message)
{
  lekh_window_add_toast (self, message);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LekhWindow    *self)
{
  GSList *files;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  /* Images dropped on the source go into the text; anything else is opened. */
  if (lekh_editor_drop_files (LEKH_EDITOR (self->editor), files, GTK_WIDGET (self), x, y))
    return TRUE;
  for (GSList *l = files; l != NULL; l = l->next)
    lekh_application_open_file (LEKH_APPLICATION (app), l->data, self);
  return files != NULL;
}

/* Preview */

static void
preview_line_activated_cb (LekhWindow *self,
                           guint       line)
{
  lekh_editor_jump_to (LEKH_EDITOR (self->editor), line, 1);
}

static void
preview_file_cb (LekhWindow *self)
{
  if (LEKH_IS_PREVIEW (self->preview))
    lekh_preview_set_base_file (LEKH_PREVIEW (self->preview),
                                lekh_document_get_file (self->document));
}

/* The document re-reads a long article from the preview's mirror of it, not the buffer. */
static GBytes *
preview_text_func (GObject      *preview,
                   LekhDocument *document)
{
  return lekh_preview_ref_source_text (LEKH_PREVIEW (preview), GTK_TEXT_BUFFER (document));
}

static void
setup_preview (LekhWindow *self)
{
  GtkWidget *preview = lekh_preview_new ();
  GtkTextView *view = GTK_TEXT_VIEW (lekh_editor_get_view (LEKH_EDITOR (self->editor)));

  /* The preview follows the document's buffer edit by edit and scrolls with the source
   * (both ways, app.scroll-sync); a click on a block shows its source line. */
  lekh_preview_set_buffer (LEKH_PREVIEW (preview), GTK_TEXT_BUFFER (self->document));
  lekh_document_set_text_mirror (self->document, G_OBJECT (preview), preview_text_func);
  lekh_preview_set_source_view (LEKH_PREVIEW (preview), view);
  g_signal_connect_object (preview, "line-activated", G_CALLBACK (preview_line_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (preview_file_cb),
                           self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "scroll-sync", preview, "scroll-sync", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "load-remote-images", preview, "load-remote-images",
                   G_SETTINGS_BIND_GET);
  lekh_window_set_preview (self, preview);
}

/* Export HTML */

gboolean
lekh_window_export_html (LekhWindow  *self,
                         GFile       *file,
                         GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *html = NULL;
  LekhArticle *article;

  g_return_val_if_fail (LEKH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Choose a folder on this computer"));
      return FALSE;
    }

  lekh_metadata_panel_flush (LEKH_METADATA_PANEL (self->metadata_panel));
  article = lekh_document_ensure_article (self->document);
  html = lekh_html_export (article, LEKH_HTML_EXPORT_DEFAULT);
  return lekh_file_write_atomic (path, html, strlen (html), error);
}

static void
export_response_cb (LekhWindow           *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || !lekh_window_export_html (self, file, &error))
    {
      show_error (self, _("Could Not Export"), error ? error->message : _("No file was chosen"));
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);
    lekh_window_add_toast (self, message);
  }
}

static void
export_html_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LekhWindow *self = LEKH_WINDOW (widget);
  g_autofree char *title = lekh_document_dup_title (self->document);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  GFile *file = lekh_document_get_file (self->document);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  char *dot;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export HTML"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Web Pages"));
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  stem = file ? g_file_get_basename (file) : g_strdup (title ? title : _("article"));
  if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  name = g_strconcat (stem, ".html", NULL);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
lekh_window_constructed (GObject *object)
{
  LekhWindow *self = LEKH_WINDOW (object);
  GtkApplication *app;

  G_OBJECT_CLASS (lekh_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    {
      GMenuModel *recent = lekh_application_get_recent_menu (LEKH_APPLICATION (app));

      if (recent != NULL)
        g_menu_append_submenu (self->file_section, _("Open _Recent"), recent);
    }
}

static void
lekh_window_dispose (GObject *object)
{
  LekhWindow *self = LEKH_WINDOW (object);

  _lekh_window_diagnostics_dispose (self);
  _lekh_window_layout_dispose (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEKH_TYPE_WINDOW);

  G_OBJECT_CLASS (lekh_window_parent_class)->dispose (object);
}

static void
lekh_window_finalize (GObject *object)
{
  LekhWindow *self = LEKH_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lekh_window_parent_class)->finalize (object);
}

static void
lekh_window_class_init (LekhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lekh_window_constructed;
  object_class->dispose = lekh_window_dispose;
  object_class->finalize = lekh_window_finalize;
  window_class->close_request = lekh_window_close_request;

  g_type_ensure (LEKH_TYPE_EDITOR);
  g_type_ensure (LEKH_TYPE_FOLD_BIN);
  g_type_ensure (LEKH_TYPE_METADATA_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lekh/Lekh/lekh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, file_section);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, changed_bar);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, fold_bin);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, status_bar);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, keep_button);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, content_paned);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, metadata_panel);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, preview_slot);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, format_label);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, words_label);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, LekhWindow, site_button);
  gtk_widget_class_bind_template_callback (widget_class, panel_jump_to_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_edit_failed_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.export-html", NULL, export_html_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-html", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);

  _lekh_window_class_layout_init (widget_class);
  _lekh_window_class_diagnostics_init (widget_class);
  _lekh_window_class_preview_guard_init (widget_class);
}

static void
lekh_window_init (LekhWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->document = lekh_document_new ();
  lekh_editor_set_document (LEKH_EDITOR (self->editor), self->document);
  lekh_metadata_panel_set_document (LEKH_METADATA_PANEL (self->metadata_panel), self->document);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));


  g_signal_connect_object (self->document, "notify::title", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "modified-changed", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "modified-changed",
                           G_CALLBACK (update_externally_modified), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::word-count", G_CALLBACK (update_words), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::cursor-position", G_CALLBACK (update_position),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::externally-modified",
                           G_CALLBACK (update_externally_modified), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _lekh_window_layout_init (self);
  setup_preview (self);
  _lekh_window_diagnostics_init (self);
  _lekh_window_site_init (self);

  update_title (self);
  update_format (self);
  update_words (self);
  update_position (self);
  update_actions (self);
  gtk_widget_grab_focus (self->editor);
}

LekhWindow *
lekh_window_new (LekhApplication *app)
{
  return g_object_new (LEKH_TYPE_WINDOW, "application", app, NULL);
}

LekhDocument *
lekh_window_get_document (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return self->document;
}

LekhEditor *
lekh_window_get_editor (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return LEKH_EDITOR (self->editor);
}

LekhMetadataPanel *
lekh_window_get_metadata_panel (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return LEKH_METADATA_PANEL (self->metadata_panel);
}

void
lekh_window_set_preview (LekhWindow *self,
                         GtkWidget  *preview)
{
  int position;

  g_return_if_fail (LEKH_IS_WINDOW (self));
  g_return_if_fail (!preview || GTK_IS_WIDGET (preview));

  if (self->preview != NULL)
    gtk_box_remove (GTK_BOX (self->preview_slot), self->preview);
  self->preview = preview;
  if (preview == NULL)
    {
      gtk_widget_set_visible (self->preview_button, FALSE);
      _lekh_window_update_panes (self);
      return;
    }

  gtk_widget_set_vexpand (preview, TRUE);
  /* Before the paused-preview page, which takes its place while it is paused. */
  gtk_box_insert_child_after (GTK_BOX (self->preview_slot), preview, NULL);
  gtk_widget_set_visible (self->preview_button, TRUE);
  _lekh_window_update_panes (self);
  position = g_settings_get_int (self->settings, "preview-position");
  if (position >= 0)
    gtk_paned_set_position (GTK_PANED (self->content_paned), position);
}

GtkWidget *
lekh_window_get_preview (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return self->preview;
}

GtkWidget *
lekh_window_get_close_dialog (LekhWindow *self)
{
  g_return_val_if_fail (LEKH_IS_WINDOW (self), NULL);
  return self->close_dialog;
}
