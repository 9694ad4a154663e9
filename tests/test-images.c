/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-images"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "lekh-editor.h"
#include "lekh-gui-test.h"
#include "lekh-metadata-panel.h"
#include "lekh-window.h"

static LekhApplication *app;

static const char article[] =
  "---\n"
  "title: Pictures\n"
  "---\n"
  "Before the picture.\n"
  "After it.\n";

/* A 4×3 PNG. */
static GdkTexture *
make_texture (void)
{
  static const guchar pixels[4 * 3 * 4] = { 0xff, 0x00, 0x00, 0xff };
  g_autoptr(GBytes) bytes = g_bytes_new_static (pixels, sizeof pixels);

  return gdk_memory_texture_new (4, 3, GDK_MEMORY_R8G8B8A8, bytes, 4 * 4);
}

static char *
write_png (const char *dir,
           const char *name)
{
  g_autoptr(GdkTexture) texture = make_texture ();
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

/* A Docusaurus site with blog/post.md and static/img/logo.png; SITE gets its root. */
static LekhWindow *
open_site (char **site)
{
  g_autofree char *root = g_dir_make_tmp ("lekh-images-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (root, "docusaurus.config.js", NULL);
  g_autofree char *post = g_build_filename (root, "blog", "post.md", NULL);
  g_autofree char *blog = g_path_get_dirname (post);
  g_autofree char *logo = NULL;

  g_assert_true (g_file_set_contents (config, "export default {};\n", -1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (blog, 0700), ==, 0);
  g_assert_true (g_file_set_contents (post, article, -1, NULL));
  logo = write_png (root, "static/img/logo.png");
  *site = g_canonicalize_filename (root, NULL);
  return lekh_test_open_window (app, post, 5000);
}

typedef struct
{
  LekhWindow *window;
  const char *text;
} Wanted;

static gboolean
buffer_has (gpointer data)
{
  Wanted *wanted = data;
  g_autofree char *text = lekh_test_buffer_text (wanted->window);

  return strstr (text, wanted->text) != NULL;
}

static void
wait_for_text (LekhWindow *window,
               const char *text)
{
  Wanted wanted = { window, text };

  if (!lekh_test_wait_until (buffer_has, &wanted, 5000))
    {
      g_autofree char *now = lekh_test_buffer_text (window);

      g_error ("“%s” never appeared in:\n%s", text, now);
    }
}

static AdwMessageDialog *
wait_for_dialog (LekhWindow *window)
{
  g_assert_true (lekh_test_wait_until (lekh_test_has_dialog, window, 5000));
  return lekh_test_find_dialog (GTK_WINDOW (window), NULL);
}

/* As a click on the dialog's button does: the answer, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
find_thumbnail (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget) && gtk_widget_has_css_class (widget, "lekh-thumbnail"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_thumbnail (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_image_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "folder-pictures-symbolic") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_image_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
thumbnail_shows (gpointer data)
{
  GtkWidget *thumbnail = data;

  return gtk_widget_get_visible (thumbnail) &&
         gtk_image_get_storage_type (GTK_IMAGE (thumbnail)) != GTK_IMAGE_EMPTY;
}

/* The Image field's chooser hands the panel a file: a site file goes in as the reference
 * the generator expects; one from outside is copied in only after asking. */
static void
test_image_field (void)
{
  g_autofree char *site = NULL;
  LekhWindow *window = open_site (&site);
  LekhMetadataPanel *panel = lekh_window_get_metadata_panel (window);
  GtkWidget *row = lekh_metadata_panel_get_field_widget (panel, "image");
  GtkWidget *thumbnail = find_thumbnail (row);
  g_autofree char *logo = g_build_filename (site, "static/img/logo.png", NULL);
  g_autofree char *elsewhere = g_dir_make_tmp ("lekh-elsewhere-XXXXXX", NULL);
  g_autofree char *outside = write_png (elsewhere, "नई फ़ोटो.png");
  g_autofree char *copied = g_build_filename (site, "static/img/नई फ़ोटो.png", NULL);
  g_autofree char *copied2 = g_build_filename (site, "static/img/नई फ़ोटो-2.png", NULL);
  g_autoptr(GFile) logo_file = g_file_new_for_path (logo);
  g_autoptr(GFile) outside_file = g_file_new_for_path (outside);
  AdwMessageDialog *dialog;

  g_assert_nonnull (thumbnail);
  g_assert_false (gtk_widget_get_visible (thumbnail));
  g_assert_true (gtk_widget_get_sensitive (find_image_button (row)));

  lekh_metadata_panel_choose_image_file (panel, logo_file);
  wait_for_text (window, "image: /img/logo.png\n");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "/img/logo.png");
  g_assert_true (lekh_test_wait_until (thumbnail_shows, thumbnail, 5000));
  g_assert_false (lekh_test_has_dialog (window));

  /* From outside the site: declined, nothing changes and nothing is copied. */
  lekh_metadata_panel_choose_image_file (panel, outside_file);
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Copy the Image into the Site?");
  respond (dialog, "cancel");
  lekh_test_spin (300);
  g_assert_false (g_file_test (copied, G_FILE_TEST_EXISTS));
  wait_for_text (window, "image: /img/logo.png\n");

  /* Another image chosen while asked: the question goes, the new choice counts. */
  lekh_metadata_panel_choose_image_file (panel, outside_file);
  dialog = wait_for_dialog (window);
  g_object_ref (dialog);
  lekh_metadata_panel_choose_image_file (panel, logo_file);
  lekh_test_spin (300);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  g_assert_false (lekh_test_has_dialog (window));
  g_assert_false (g_file_test (copied, G_FILE_TEST_EXISTS));
  wait_for_text (window, "image: /img/logo.png\n");

  /* Accepted: copied into static/img, the original left alone. */
  lekh_metadata_panel_choose_image_file (panel, outside_file);
  dialog = wait_for_dialog (window);
  respond (dialog, "copy");
  wait_for_text (window, "image: /img/नई फ़ोटो.png\n");
  g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (outside, G_FILE_TEST_IS_REGULAR));

  /* Again: never over the first copy. */
  lekh_metadata_panel_choose_image_file (panel, outside_file);
  dialog = wait_for_dialog (window);
  respond (dialog, "copy");
  wait_for_text (window, "image: /img/नई फ़ोटो-2.png\n");
  g_assert_true (g_file_test (copied2, G_FILE_TEST_IS_REGULAR));

  lekh_test_discard_and_close (window);
}

/* Where ITER is drawn, in WINDOW's coordinates (the window's drop target gets those). */
static void
window_point_of (LekhWindow        *window,
                 GtkWidget         *view,
                 const GtkTextIter *iter,
                 double            *x,
                 double            *y)
{
  GdkRectangle rect;
  int wx, wy;

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y + rect.height / 2, &wx, &wy);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_widget_translate_coordinates (view, GTK_WIDGET (window), wx + 1, wy, x, y));
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* Drops FILES on the window at X, Y through its own file drop target, as GTK would. */
static gboolean
window_drop (LekhWindow *window,
             GSList     *files,
             double      x,
             double      y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;
  guint n_targets = 0;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          g_type_is_a (gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), NULL)[0],
                       GDK_TYPE_FILE_LIST))
        {
          g_signal_emit_by_name (controller, "drop", &value, x, y, &handled);
          n_targets++;
        }
    }
  g_assert_cmpuint (n_targets, ==, 1);
  return handled;
}

/* Image files dropped on the source become Markdown images at the drop point, one undo
 * step each; other files, or a drop beside the source, are left to the window to open. */
static void
test_drop (void)
{
  g_autofree char *site = NULL;
  LekhWindow *window = open_site (&site);
  LekhEditor *editor = lekh_window_get_editor (window);
  GtkWidget *view = GTK_WIDGET (lekh_editor_get_view (editor));
  GtkWidget *panel = GTK_WIDGET (lekh_window_get_metadata_panel (window));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  g_autofree char *logo = g_build_filename (site, "static/img/logo.png", NULL);
  g_autofree char *beside = write_png (site, "blog/my map.png");
  g_autofree char *notes = g_build_filename (site, "blog/notes.md", NULL);
  g_autofree char *before = lekh_test_buffer_text (window);
  g_autofree char *after = NULL;
  GSList *files = NULL;
  GSList *mixed = NULL;
  GtkTextIter at;
  double x, y, px, py;

  g_assert_true (g_file_set_contents (notes, "x", -1, NULL));
  gtk_text_buffer_get_iter_at_line (buffer, &at, 3);
  gtk_text_iter_forward_to_line_end (&at);
  window_point_of (window, view, &at, &x, &y);

  files = g_slist_append (files, g_file_new_for_path (logo));
  files = g_slist_append (files, g_file_new_for_path (beside));
  mixed = g_slist_append (mixed, g_file_new_for_path (logo));
  mixed = g_slist_append (mixed, g_file_new_for_path (notes));

  /* An article among them: for the window to open. */
  g_assert_false (lekh_editor_drop_files (editor, mixed, GTK_WIDGET (window), x, y));
  /* Beside the source (on the form): the same. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_widget_translate_coordinates (panel, GTK_WIDGET (window), 20, 20, &px, &py));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_false (lekh_editor_drop_files (editor, files, GTK_WIDGET (window), px, py));
  lekh_test_spin (100);
  after = lekh_test_buffer_text (window);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Two images dropped at the end of "Before the picture.", through the window's own drop
   * target (which opens any other file). */
  g_assert_true (window_drop (window, files, x, y));
  wait_for_text (window, "Before the picture.![logo](/img/logo.png)\n![my map](<./my map.png>)\nAfter it.\n");
  g_assert_false (lekh_test_has_dialog (window));

  /* Each image is one undo step. */
  gtk_text_buffer_undo (buffer);
  wait_for_text (window, "Before the picture.![logo](/img/logo.png)\nAfter it.\n");
  gtk_text_buffer_undo (buffer);
  after = lekh_test_buffer_text (window);
  g_assert_cmpstr (after, ==, before);

  /* A text file alone is not an image to insert. */
  g_assert_false (lekh_editor_insert_image_files (editor, mixed->next, NULL));

  g_slist_free_full (files, g_object_unref);
  g_slist_free_full (mixed, g_object_unref);
  lekh_test_discard_and_close (window);
}

/* Pasting an image saves it as PNG in static/img after asking, and links it. */
static void
test_paste (void)
{
  g_autofree char *site = NULL;
  LekhWindow *window = open_site (&site);
  GtkWidget *view = GTK_WIDGET (lekh_editor_get_view (lekh_window_get_editor (window)));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  g_autoptr(GdkTexture) texture = make_texture ();
  g_autofree char *saved = g_build_filename (site, "static/img/pasted-image.png", NULL);
  g_autofree char *elsewhere = g_dir_make_tmp ("lekh-elsewhere-XXXXXX", NULL);
  g_autofree char *outside = write_png (elsewhere, "shot.png");
  g_autofree char *copied = g_build_filename (site, "static/img/shot.png", NULL);
  g_autoptr(GdkTexture) back = NULL;
  GdkFileList *list = NULL;
  g_autoptr(GFile) outside_file = g_file_new_for_path (outside);
  GSList *one = g_slist_append (NULL, outside_file);
  AdwMessageDialog *dialog;
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (view), texture);
  g_signal_emit_by_name (view, "paste-clipboard");
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save the Pasted Image?");
  respond (dialog, "copy");
  wait_for_text (window, "After it.\n![pasted-image](/img/pasted-image.png)");
  back = gdk_texture_new_from_filename (saved, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (gdk_texture_get_width (back), ==, 4);
  g_assert_cmpint (gdk_texture_get_height (back), ==, 3);

  /* A copied file from outside the site: copied in after asking. */
  list = gdk_file_list_new_from_list (one);
  g_slist_free (one);
  gdk_clipboard_set (gtk_widget_get_clipboard (view), GDK_TYPE_FILE_LIST, list);
  g_boxed_free (GDK_TYPE_FILE_LIST, list);
  g_signal_emit_by_name (view, "paste-clipboard");
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Copy the Image into the Site?");
  respond (dialog, "copy");
  wait_for_text (window, "![pasted-image](/img/pasted-image.png)![shot](/img/shot.png)");
  g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));

  /* A copied web address of an image is pasted as the text it is. */
  {
    g_autoptr(GFile) web = g_file_new_for_uri ("https://example.org/pic.png");
    GSList *remote = g_slist_append (NULL, web);
    GdkFileList *remote_list = gdk_file_list_new_from_list (remote);
    GdkContentProvider *providers[2];
    g_autoptr(GdkContentProvider) both = NULL;

    g_slist_free (remote);
    providers[0] = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, remote_list);
    providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, " https://example.org/pic.png");
    both = gdk_content_provider_new_union (providers, 2);
    g_boxed_free (GDK_TYPE_FILE_LIST, remote_list);
    g_assert_true (gdk_clipboard_set_content (gtk_widget_get_clipboard (view), both));
    g_signal_emit_by_name (view, "paste-clipboard");
    wait_for_text (window, "![shot](/img/shot.png) https://example.org/pic.png");
    g_assert_false (lekh_test_has_dialog (window));
  }

  /* Plain text still pastes as text. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), " and words");
  g_signal_emit_by_name (view, "paste-clipboard");
  wait_for_text (window, "![shot](/img/shot.png) https://example.org/pic.png and words");

  lekh_test_discard_and_close (window);
}

/* An article never saved has no place for images: said, and nothing inserted. */
static void
test_unsaved (void)
{
  LekhWindow *window = lekh_window_new (app);
  LekhEditor *editor = lekh_window_get_editor (window);
  g_autofree char *dir = g_dir_make_tmp ("lekh-elsewhere-XXXXXX", NULL);
  g_autofree char *png = write_png (dir, "a.png");
  GSList *files = g_slist_append (NULL, g_file_new_for_path (png));
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (window));
  lekh_test_spin (100);
  /* The Image field's chooser waits for a file to place images by. */
  {
    LekhMetadataPanel *panel = lekh_window_get_metadata_panel (window);
    GtkWidget *button = find_image_button (lekh_metadata_panel_get_field_widget (panel, "image"));

    g_assert_nonnull (button);
    g_assert_false (gtk_widget_get_sensitive (button));
  }
  g_assert_true (lekh_editor_insert_image_files (editor, files, NULL));
  g_slist_free_full (files, g_object_unref);
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Image Could Not Be Added");
  respond (dialog, "close");
  lekh_test_spin (100);
  text = lekh_test_buffer_text (window);
  g_assert_cmpstr (text, ==, "");
  lekh_test_discard_and_close (window);
}

int
main (int   argc,
      char *argv[])
{
  if ((app = lekh_test_gui_init (&argc, &argv, "/images")) == NULL)
    return g_test_run ();

  g_test_add_func ("/images/image-field", test_image_field);
  g_test_add_func ("/images/drop", test_drop);
  g_test_add_func ("/images/paste", test_paste);
  g_test_add_func ("/images/unsaved", test_unsaved);
  return g_test_run ();
}
