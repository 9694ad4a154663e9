/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "lekh-application.h"
#include "lekh-chip-editor.h"
#include "lekh-suggestion.h"
#include "lekh-gui-test.h"
#include "lekh-preview.h"
#include "lekh-text-stats.h"
#include "lekh-window.h"

static LekhApplication *app;

/* Helpers */

static GtkWidget *
find_by_label (GtkWidget  *root,
               const char *label)
{
  g_autofree char *mismatch = NULL;

  /* Labels name themselves with their text; we look for the controls they name. */
  if (!GTK_IS_LABEL (root))
    {
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      if (mismatch == NULL)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
control (LekhWindow *window,
         const char *label)
{
  /* The form's controls first: the preview's header card names its parts the same way. */
  GtkWidget *widget = find_by_label (GTK_WIDGET (lekh_window_get_metadata_panel (window)), label);

  if (widget == NULL)
    widget = find_by_label (GTK_WIDGET (window), label);
  if (widget == NULL)
    g_error ("No control labelled “%s”", label);
  return widget;
}

static char *
fixture_copy (const char *name)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "window", name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lekh-window-XXXXXX", NULL);
  char *dest = g_build_filename (dir, name, NULL);
  gsize len = 0;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (dest, contents, len, NULL));
  return dest;
}

typedef struct
{
  GtkWidget  *editable;
  const char *text;
} TextIs;

static gboolean
text_is (gpointer data)
{
  TextIs *t = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (t->editable)), t->text) == 0;
}

/* Waits (up to 5 s, for slow sanitizer builds) until an entry shows TEXT. */
#define assert_text_soon(widget, expected) \
  G_STMT_START { \
    TextIs t_ = { (widget), (expected) }; \
    if (!lekh_test_wait_until (text_is, &t_, 5000)) \
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (t_.editable)), ==, t_.text); \
  } G_STMT_END

static GStrv
split_lines (const char *text)
{
  return g_strsplit (text, "\n", -1);
}

/* Tests */

static GtkWidget *
find_label_text (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  LekhWindow *window;
  const char *text;
} LabelShown;

static gboolean
label_shown (gpointer data)
{
  LabelShown *l = data;
  GtkWidget *label = find_label_text (GTK_WIDGET (l->window), l->text);

  return label != NULL && gtk_widget_is_drawable (label);
}

/* The counting itself is tested in test-text (/text/word-count); here: the status bar
 * shows the body's count and follows an edit. */
static void
test_word_count (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  LabelShown before = { window, "19 words · 1 min read" };
  LabelShown after = { window, "22 words · 1 min read" };
  GtkTextIter end;

  g_assert_true (lekh_test_wait_until (label_shown, &before, 5000));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nतीन नए words\n", -1);
  g_assert_true (lekh_test_wait_until (label_shown, &after, 5000));

  lekh_test_discard_and_close (window);
}

static void
test_accessible_names (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  const char *labels[] = {
    "Title", "Description", "Tags", "Keywords", "Authors", "Image", "Date", "Draft", "Source",
    "custom_field", NULL
  };

  for (guint i = 0; labels[i] != NULL; i++)
    g_assert_nonnull (find_by_label (GTK_WIDGET (window), labels[i]));

  lekh_test_discard_and_close (window);
}

static void
test_open_hindi (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) authors = NULL;
  GtkWidget *description = control (window, "Description");
  GtkTextBuffer *description_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (description));
  GtkTextIter begin, end;
  g_autofree char *description_text = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (window, "Title"))), ==,
                   "हिंदी में पहला लेख");
  tags = lekh_chip_editor_dup_items (LEKH_CHIP_EDITOR (control (window, "Tags")));
  g_assert_cmpstrv (tags, ((const char *[]) { "हिंदी", "लेखन", "gnome", NULL }));
  keywords = lekh_chip_editor_dup_items (LEKH_CHIP_EDITOR (control (window, "Keywords")));
  g_assert_cmpstrv (keywords, ((const char *[]) { "front matter", "लेख", NULL }));
  authors = lekh_chip_editor_dup_items (LEKH_CHIP_EDITOR (control (window, "Authors")));
  g_assert_cmpstrv (authors, ((const char *[]) { "priya", NULL }));
  gtk_text_buffer_get_bounds (description_buffer, &begin, &end);
  description_text = gtk_text_buffer_get_text (description_buffer, &begin, &end, FALSE);
  g_assert_cmpstr (description_text, ==, "यह एक छोटा लेख है, जो Lekh के परीक्षण के लिए है।");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (window, "Date"))), ==, "2026-11-28");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (control (window, "Draft"))));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (lekh_window_get_document (window))));
  /* Body words only: the front matter is not prose. */
  g_assert_cmpuint (lekh_document_get_word_count (lekh_window_get_document (window)), ==, 19);

  lekh_test_discard_and_close (window);
}

typedef struct
{
  LekhWindow *window;
  const char *before;
} Changed;

static gboolean
buffer_changed (gpointer data)
{
  Changed *c = data;
  g_autofree char *now = lekh_test_buffer_text (c->window);

  return strcmp (now, c->before) != 0;
}

static void
test_form_edit_title (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  LekhDocument *document = lekh_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  g_autofree char *before = lekh_test_buffer_text (window);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *saved = NULL;
  g_auto(GStrv) old_lines = split_lines (before);
  g_auto(GStrv) new_lines = NULL;
  Changed changed = { window, before };
  GtkTextIter cursor;
  GtkWidget *view;
  guint n_changed = 0;

  /* Put the cursor in the body: a form edit must not move it. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &cursor, 16, 4);
  gtk_text_buffer_place_cursor (buffer, &cursor);

  gtk_editable_set_text (GTK_EDITABLE (control (window, "Title")), "नया शीर्षक: दूसरा");
  /* The edit lands after the typing pause, without any flush. */
  g_assert_true (lekh_test_wait_until (buffer_changed, &changed, 3000));

  after = lekh_test_buffer_text (window);
  new_lines = split_lines (after);
  g_assert_cmpuint (g_strv_length (old_lines), ==, g_strv_length (new_lines));
  for (guint i = 0; old_lines[i] != NULL; i++)
    if (strcmp (old_lines[i], new_lines[i]) != 0)
      {
        n_changed++;
        g_assert_cmpstr (old_lines[i], ==, "title: हिंदी में पहला लेख");
        g_assert_cmpstr (new_lines[i], ==, "title: 'नया शीर्षक: दूसरा'");
      }
  g_assert_cmpuint (n_changed, ==, 1);

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 16);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 4);

  /* Ctrl+Z in the source undoes the whole field edit in one step. */
  view = GTK_WIDGET (lekh_editor_get_view (lekh_window_get_editor (window)));
  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_activate_action (view, "text.undo", NULL));
  undone = lekh_test_buffer_text (window);
  g_assert_cmpstr (undone, ==, before);
  assert_text_soon (control (window, "Title"), "हिंदी में पहला लेख");

  /* Redo, then Save: the file on disk is the original with only the title line changed. */
  g_assert_true (gtk_widget_activate_action (view, "text.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  while (lekh_document_get_busy (document) || gtk_text_buffer_get_modified (buffer))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, after);

  lekh_test_discard_and_close (window);
}

typedef struct
{
  GtkWidget  *editor;
  guint       n;
} ChipCount;

static gboolean
chips_are (gpointer data)
{
  ChipCount *c = data;

  return lekh_chip_editor_get_n_items (LEKH_CHIP_EDITOR (c->editor)) == c->n;
}

static void
replace_line (GtkTextBuffer *buffer,
              int            line,
              const char    *text)
{
  GtkTextIter begin, end;

  gtk_text_buffer_get_iter_at_line (buffer, &begin, line);
  end = begin;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_interactive (buffer, &begin, &end, TRUE);
  gtk_text_buffer_insert_interactive (buffer, &begin, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static gboolean
panel_live (gpointer data)
{
  return lekh_metadata_panel_get_live (lekh_window_get_metadata_panel (data));
}

static gboolean
panel_broken (gpointer data)
{
  return !panel_live (data);
}

/* The document reads its article from the preview's mirror of the text (no copy of a
 * long article at each re-parse): the same bytes, equal to the buffer's, kept intact by
 * later edits; a U+2029, which the mirror does not follow, makes it read the buffer. */
static void
test_document_reads_mirror (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  LekhDocument *document = lekh_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  LekhPreview *preview = LEKH_PREVIEW (lekh_window_get_preview (window));
  g_autoptr(LekhArticle) first = NULL;
  g_autofree char *first_text = NULL;
  GtkTextIter end;

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GBytes) mirror = NULL;
      LekhArticle *article;
      gsize len;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, round == 2 ? "\nएक\xE2\x80\xA9two\n" : "\nलेख और text\n", -1);
      article = lekh_document_ensure_article (document);
      text = lekh_test_buffer_text (window);
      g_assert_cmpstr (lekh_article_get_text (article, &len), ==, text);
      g_assert_cmpuint (len, ==, strlen (text));

      mirror = lekh_preview_ref_source_text (preview, buffer);
      if (round < 2)
        {
          /* Shared, not copied. */
          g_assert_nonnull (mirror);
          g_assert_true (g_bytes_get_data (mirror, NULL)
                         == g_bytes_get_data (lekh_article_get_bytes (article), NULL));
        }
      else
        g_assert_null (mirror);

      if (round == 0)
        {
          first = lekh_article_ref (article);
          first_text = g_strdup (text);
        }
    }

  /* The edits after it copied the mirror: the first article still reads as it was. */
  g_assert_cmpstr (lekh_article_get_text (first, NULL), ==, first_text);

  lekh_test_discard_and_close (window);
}

static void
test_source_to_form (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  LekhMetadataPanel *panel = lekh_window_get_metadata_panel (window);
  GtkWidget *tags = control (window, "Tags");
  ChipCount four = { tags, 4 };
  g_auto(GStrv) items = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Edit tags: in the source → the chips follow. */
  replace_line (buffer, 5, "tags: [हिंदी, लेखन, gnome, yaml]");
  g_assert_true (lekh_test_wait_until (chips_are, &four, 3000));
  items = lekh_chip_editor_dup_items (LEKH_CHIP_EDITOR (tags));
  g_assert_cmpstrv (items, ((const char *[]) { "हिंदी", "लेखन", "gnome", "yaml", NULL }));

  /* Break the YAML → read-only form with the error and its line. */
  replace_line (buffer, 2, "title: [not closed");
  g_assert_true (lekh_test_wait_until (panel_broken, window, 3000));
  g_assert_false (gtk_widget_is_sensitive (control (window, "Title")));
  g_assert_false (gtk_widget_is_sensitive (tags));
  g_assert_nonnull (lekh_metadata_panel_get_message (panel));
  g_assert_nonnull (strstr (lekh_metadata_panel_get_message (panel), "Line 3, column 8: "));
  /* In plain words, not libyaml's ("while parsing a flow sequence"). */
  g_assert_nonnull (strstr (lekh_metadata_panel_get_message (panel), "A list in [ ] is not closed"));

  /* "Go to Error" puts the cursor on the broken line. */
  {
    GtkWidget *go = find_button (GTK_WIDGET (panel), "_Go to Error");
    GtkTextIter cursor;

    g_assert_nonnull (go);
    g_assert_true (gtk_widget_get_visible (go));
    g_signal_emit_by_name (go, "clicked");
    gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
    /* libyaml notices an unclosed [ where the next key starts; the mistake is the [. */
    g_assert_cmpint (lekh_article_get_error_line (lekh_document_get_article (lekh_window_get_document (window))),
                     >, 3);
    g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 2);
    g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 7);
  }

  /* Typing in the read-only form's fields never writes stale values. */
  before = lekh_test_buffer_text (window);
  lekh_chip_editor_set_editable (LEKH_CHIP_EDITOR (tags), TRUE);
  lekh_chip_editor_add (LEKH_CHIP_EDITOR (tags), "stale");
  lekh_metadata_panel_flush (panel);
  after = lekh_test_buffer_text (window);
  g_assert_cmpstr (before, ==, after);

  /* Fix it → live again, and the form shows the source's values. */
  replace_line (buffer, 2, "title: फिर से ठीक");
  g_assert_true (lekh_test_wait_until (panel_live, window, 3000));
  g_assert_true (gtk_widget_is_sensitive (control (window, "Title")));
  g_assert_null (lekh_metadata_panel_get_message (panel));
  assert_text_soon (control (window, "Title"), "फिर से ठीक");

  lekh_test_discard_and_close (window);
}

static void
test_chips_to_source (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkWidget *tags = control (window, "Tags");
  GtkWidget *keywords = control (window, "Keywords");
  GtkWidget *entry = lekh_chip_editor_get_entry (LEKH_CHIP_EDITOR (tags));
  g_autofree char *text = NULL;

  /* Typing "नया," adds a chip; flow style stays flow. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "नया,");
  g_assert_cmpuint (lekh_chip_editor_get_n_items (LEKH_CHIP_EDITOR (tags)), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  text = lekh_test_buffer_text (window);
  g_assert_nonnull (strstr (text, "\ntags: [हिंदी, लेखन, gnome, नया]\n"));
  g_clear_pointer (&text, g_free);

  /* No duplicates, whatever the case. */
  g_assert_false (lekh_chip_editor_add (LEKH_CHIP_EDITOR (tags), "GNOME"));
  g_assert_cmpuint (lekh_chip_editor_get_n_items (LEKH_CHIP_EDITOR (tags)), ==, 4);

  /* A chip added right after typing in the source (re-parse still pending) keeps both. */
  replace_line (GTK_TEXT_BUFFER (lekh_window_get_document (window)), 16, "Edited body line.");
  g_assert_true (lekh_document_get_article_pending (lekh_window_get_document (window)));
  g_assert_true (lekh_chip_editor_add (LEKH_CHIP_EDITOR (keywords), "तुरंत"));
  g_clear_pointer (&text, g_free);
  text = lekh_test_buffer_text (window);
  g_assert_nonnull (strstr (text, "\nkeywords:\n  - front matter\n  - लेख\n  - तुरंत\n"));
  g_assert_nonnull (strstr (text, "\nEdited body line.\n"));
  g_assert_true (lekh_chip_editor_remove (LEKH_CHIP_EDITOR (keywords), 2));

  /* Remove and reorder; block lists stay block lists. */
  g_assert_true (lekh_chip_editor_remove (LEKH_CHIP_EDITOR (tags), 0));
  g_assert_true (lekh_chip_editor_move (LEKH_CHIP_EDITOR (keywords), 1, 0));
  text = lekh_test_buffer_text (window);
  g_assert_nonnull (strstr (text, "\ntags: [लेखन, gnome, नया]\n"));
  g_assert_nonnull (strstr (text, "\nkeywords:\n  - लेख\n  - front matter\n"));
  g_assert_nonnull (strstr (text, "custom_field: kept exactly as written   # comments stay too\n"));

  /* The draft switch writes a boolean. */
  gtk_switch_set_active (GTK_SWITCH (control (window, "Draft")), FALSE);
  g_clear_pointer (&text, g_free);
  text = lekh_test_buffer_text (window);
  g_assert_nonnull (strstr (text, "\ndraft: false\n"));

  g_assert_true (lekh_metadata_panel_get_field_widget (lekh_window_get_metadata_panel (window), "tags") == tags);
  g_assert_null (lekh_metadata_panel_get_field_widget (lekh_window_get_metadata_panel (window), "custom_field"));
  {
    GtkWidget *problems = gtk_label_new ("problems");

    lekh_metadata_panel_add_section (lekh_window_get_metadata_panel (window), problems);
    g_assert_true (gtk_widget_is_ancestor (problems, GTK_WIDGET (lekh_window_get_metadata_panel (window))));
  }

  lekh_test_discard_and_close (window);
}

static void
test_new_front_matter (void)
{
  g_autofree char *path = fixture_copy ("no-front-matter.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  g_autofree char *before = lekh_test_buffer_text (window);
  g_autofree char *after = NULL;

  gtk_editable_set_text (GTK_EDITABLE (control (window, "Title")), "पहला शीर्षक");
  lekh_metadata_panel_flush (lekh_window_get_metadata_panel (window));
  after = lekh_test_buffer_text (window);
  g_assert_true (g_str_has_prefix (after, "---\ntitle: पहला शीर्षक\n---\n"));
  g_assert_true (g_str_has_suffix (after, before));

  lekh_test_discard_and_close (window);
}

static gboolean
saved (gpointer data)
{
  LekhDocument *document = data;

  return !lekh_document_get_busy (document) &&
         !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document));
}

static void
test_save_keeps_bytes (void)
{
  g_autofree char *path = fixture_copy ("bom-crlf.md");
  g_autofree char *original = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  gsize original_len = 0, len = 0;
  LekhWindow *window;
  LekhDocument *document;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_get_contents (path, &original, &original_len, NULL));
  window = lekh_test_open_window (app, path, 5000);
  document = lekh_window_get_document (window);

  /* Open → Save without edits: byte-identical (BOM, CRLF, no final newline). */
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (lekh_test_wait_until (saved, document, 5000));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, original, original_len);
  g_clear_pointer (&contents, g_free);

  /* A form edit keeps the file's own line ending and everything else. */
  gtk_editable_set_text (GTK_EDITABLE (control (window, "Title")), "Changed");
  lekh_metadata_panel_flush (lekh_window_get_metadata_panel (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (lekh_test_wait_until (saved, document, 5000));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  expected = g_strconcat ("\xef\xbb\xbf---\r\ntitle: \"Changed\"\r\n",
                          original + strlen ("\xef\xbb\xbf---\r\ntitle: \"Windows file\"\r\n"),
                          NULL);
  g_assert_cmpstr (contents, ==, expected);

  lekh_test_discard_and_close (window);
}

static gboolean
externally_modified (gpointer data)
{
  return lekh_document_get_externally_modified (lekh_window_get_document (data));
}

static gboolean
reloaded (gpointer data)
{
  g_autofree char *text = lekh_test_buffer_text (data);

  return strstr (text, "changed elsewhere") != NULL;
}

static void
test_changed_on_disk (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  LekhDocument *document = lekh_window_get_document (window);
  g_autofree char *saved_text = NULL;

  /* Our own save is not "changed on disk". */
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (lekh_test_wait_until (saved, document, 5000));
  lekh_test_spin (600);
  g_assert_false (lekh_document_get_externally_modified (document));

  /* Let the clock move so the modification time differs. */
  g_usleep (20 * 1000);
  g_assert_true (g_file_set_contents (path, "---\ntitle: changed elsewhere\n---\nnew\n", -1, NULL));
  g_assert_true (lekh_test_wait_until (externally_modified, window, 5000));
  g_assert_true (gtk_widget_get_visible (find_by_label (GTK_WIDGET (window), "File Changed on Disk")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (lekh_test_wait_until (reloaded, window, 5000));
  g_assert_false (lekh_document_get_externally_modified (document));
  assert_text_soon (control (window, "Title"), "changed elsewhere");

  /* Without unsaved changes there is nothing to keep: only Reload is offered. */
  g_usleep (20 * 1000);
  g_assert_true (g_file_set_contents (path, "---\ntitle: third\n---\n", -1, NULL));
  g_assert_true (lekh_test_wait_until (externally_modified, window, 5000));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (window), "_Keep Mine")));
  g_assert_true (gtk_widget_get_visible (find_button (GTK_WIDGET (window), "_Reload")));

  /* Keep mine: the bar goes, the text stays, and saving overwrites the other version. */
  lekh_test_insert_at_end (window, "mine\n");
  g_assert_true (gtk_widget_get_visible (find_button (GTK_WIDGET (window), "_Keep Mine")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL));
  g_assert_false (lekh_document_get_externally_modified (document));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (lekh_test_wait_until (saved, document, 5000));
  g_assert_true (g_file_get_contents (path, &saved_text, NULL, NULL));
  g_assert_cmpstr (saved_text, ==, "---\ntitle: changed elsewhere\n---\nnew\nmine\n");

  lekh_test_discard_and_close (window);
}

static GtkWidget *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent)
        return GTK_WIDGET (w);
    }
  return NULL;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog (data) != NULL;
}

static void
test_close_asks (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkWidget *dialog;
  GtkTextIter end;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, "\nMore words.", -1, TRUE);

  gtk_window_close (GTK_WINDOW (window));
  lekh_test_spin (50);
  g_assert_nonnull (window);
  dialog = lekh_window_get_close_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (dialog == find_message_dialog (GTK_WINDOW (window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "discard"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "cancel"));

  /* Cancel keeps the window and the text. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lekh_test_spin (50);
  g_assert_nonnull (window);
  g_assert_true (gtk_text_buffer_get_modified (buffer));

  /* Save writes the file and closes. */
  gtk_window_close (GTK_WINDOW (window));
  lekh_test_spin (50);
  dialog = lekh_window_get_close_dialog (window);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_true (lekh_test_wait_until (pointer_cleared, &window, 5000));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_suffix (contents, "\nMore words."));
  }
}

static void
test_close_discard (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  g_autofree char *original = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *dialog;
  GtkTextIter end;

  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, "thrown away", -1, TRUE);
  gtk_window_close (GTK_WINDOW (window));
  lekh_test_spin (50);
  dialog = lekh_window_get_close_dialog (window);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  g_assert_true (lekh_test_wait_until (pointer_cleared, &window, 5000));
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, original);
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *path = fixture_copy ("invalid-utf8.md");
  g_autofree char *original = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LekhWindow *window = lekh_window_new (app);
  LekhDocument *document = lekh_window_get_document (window);
  GtkWidget *dialog;

  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  gtk_window_present (GTK_WINDOW (window));
  lekh_window_load_file (window, file);
  g_assert_true (lekh_test_wait_until (has_message_dialog, window, 5000));
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "not valid UTF-8"));
  g_assert_null (lekh_document_get_file (document));
  g_assert_cmpint (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (document)), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, original);

  gtk_window_destroy (GTK_WINDOW (dialog));
  lekh_test_discard_and_close (window);
}

static void
test_front_matter_highlight (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (lekh_window_get_document (window));
  GtkTextIter begin, end, iter;
  g_auto(GStrv) yaml_classes = NULL;
  g_auto(GStrv) body_classes = NULL;

  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (buffer)), ==,
                   "lekh-markdown");
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &begin, &end);
  gtk_source_buffer_ensure_highlight (buffer, &begin, &end);

  /* The front matter is highlighted by the embedded YAML context, the body is not. */
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &iter, 2, 2);
  yaml_classes = gtk_source_buffer_get_context_classes_at_iter (buffer, &iter);
  g_assert_true (g_strv_contains ((const char * const *) yaml_classes, "no-spell-check"));
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &iter, 16, 2);
  body_classes = gtk_source_buffer_get_context_classes_at_iter (buffer, &iter);
  g_assert_false (g_strv_contains ((const char * const *) body_classes, "no-spell-check"));

  lekh_test_discard_and_close (window);
}

static void
test_search (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  LekhEditor *editor = lekh_window_get_editor (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkTextIter begin, end;
  g_autofree char *found = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  gtk_source_search_settings_set_search_text (lekh_editor_get_search_settings (editor), "English");
  lekh_test_spin (200);
  g_assert_true (lekh_editor_find (editor, FALSE));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &begin, &end));
  found = gtk_text_iter_get_text (&begin, &end);
  g_assert_cmpstr (found, ==, "English");
  g_assert_cmpint (gtk_text_iter_get_line (&begin), ==, 16);

  lekh_test_discard_and_close (window);
}

static void
test_preview_slot (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkWidget *preview = lekh_window_get_preview (window);
  GtkWidget *other = gtk_label_new ("another preview");

  /* The window's third pane: the live preview, following the document. */
  g_assert_true (LEKH_IS_PREVIEW (preview));
  g_assert_true (gtk_widget_get_ancestor (preview, GTK_TYPE_PANED) != NULL);
  lekh_preview_flush (LEKH_PREVIEW (preview));
  g_assert_cmpuint (lekh_preview_get_n_blocks (LEKH_PREVIEW (preview)), >, 0);
  g_assert_true (g_file_equal (lekh_preview_get_base_file (LEKH_PREVIEW (preview)),
                               lekh_document_get_file (lekh_window_get_document (window))));

  /* Ctrl+Shift+P (app.show-preview) hides and shows it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.show-preview", NULL));
  lekh_test_spin (50);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (preview)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.show-preview", NULL));
  lekh_test_spin (50);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (preview)));

  /* The slot takes another widget, or none. */
  lekh_window_set_preview (window, other);
  g_assert_true (lekh_window_get_preview (window) == other);
  g_assert_true (gtk_widget_get_ancestor (other, GTK_TYPE_PANED) != NULL);
  lekh_window_set_preview (window, NULL);
  g_assert_null (lekh_window_get_preview (window));

  lekh_test_discard_and_close (window);
}

static gboolean
has_n_windows (gpointer data)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) == GPOINTER_TO_UINT (data);
}

static void
test_several_windows (void)
{
  g_autofree char *path_a = fixture_copy ("hindi.md");
  g_autofree char *path_b = fixture_copy ("no-front-matter.md");
  g_autoptr(GFile) file_a = g_file_new_for_path (path_a);
  g_autoptr(GFile) file_b = g_file_new_for_path (path_b);
  guint before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  LekhWindow *empty = lekh_window_new (app);
  LekhWindow *second = NULL;

  gtk_window_present (GTK_WINDOW (empty));
  /* An untouched new window takes the first file… */
  lekh_application_open_file (app, file_a, empty);
  g_assert_true (lekh_test_wait_until (lekh_test_document_loaded, empty, 5000));
  g_assert_true (g_file_equal (lekh_document_get_file (lekh_window_get_document (empty)), file_a));
  /* …the next one gets a window of its own… */
  lekh_application_open_file (app, file_b, empty);
  g_assert_true (lekh_test_wait_until (has_n_windows, GUINT_TO_POINTER (before + 2), 5000));
  second = LEKH_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (second != empty);
  g_assert_true (lekh_test_wait_until (lekh_test_document_loaded, second, 5000));
  g_assert_true (g_file_equal (lekh_document_get_file (lekh_window_get_document (second)), file_b));
  /* …and opening an open file shows its window instead of a second copy. */
  lekh_application_open_file (app, file_a, second);
  lekh_test_spin (100);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before + 2);

  lekh_test_discard_and_close (second);
  lekh_test_discard_and_close (empty);
}

/* The index of the Open Recent item that opens the file URI, or -1. */
static int
recent_index_of (const char *uri)
{
  GMenuModel *menu = lekh_application_get_recent_menu (app);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &target) &&
          g_strcmp0 (action, "app.open-recent") == 0 && g_strcmp0 (target, uri) == 0)
        return i;
    }
  return -1;
}

static gboolean
recent_has (gpointer data)
{
  return recent_index_of (data) >= 0;
}

static void
test_recent_and_shortcuts (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkShortcutsWindow *help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_autofree char *uri = NULL;
  g_autofree char *label = NULL;
  g_autofree char *basename = NULL;

  /* Ctrl+? (win.show-help-overlay) has the shortcuts window from the GResource.
   * (Not shown here: GTK 4.8's GtkShortcutsWindow warns about label sizes under Xvfb.) */
  g_assert_nonnull (help);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (help));

  /* The opened file is offered under Open Recent, by its name, with the action that opens it. */
  uri = g_filename_to_uri (path, NULL, NULL);
  g_assert_true (lekh_test_wait_until (recent_has, uri, 5000));
  g_assert_true (g_menu_model_get_item_attribute (lekh_application_get_recent_menu (app),
                                                  recent_index_of (uri),
                                                  G_MENU_ATTRIBUTE_LABEL, "s", &label));
  basename = g_path_get_basename (path);
  g_assert_cmpstr (label, ==, basename);

  lekh_test_discard_and_close (window);
}

static void
test_typing_not_overwritten (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkWidget *title = control (window, "Title");
  GtkWidget *tags = control (window, "Tags");
  ChipCount two = { tags, 2 };

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (title);
  lekh_test_spin (50);
  g_assert_true (gtk_widget_get_state_flags (title) & GTK_STATE_FLAG_FOCUS_WITHIN);

  /* A source edit while the writer is in the Title field updates other fields only. */
  replace_line (buffer, 2, "title: from the source");
  replace_line (buffer, 5, "tags: [a, b]");
  g_assert_true (lekh_test_wait_until (chips_are, &two, 3000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "हिंदी में पहला लेख");

  /* Leaving the field brings it up to date. */
  gtk_widget_grab_focus (GTK_WIDGET (lekh_editor_get_view (lekh_window_get_editor (window))));
  assert_text_soon (title, "from the source");

  lekh_test_discard_and_close (window);
}

static void
test_other_fields_jump (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkWidget *row = control (window, "custom_field");
  GtkTextIter iter;

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "kept exactly as written");
  g_signal_emit_by_name (row, "activated");
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&iter), ==, 11);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&iter), ==, 0);

  lekh_test_discard_and_close (window);
}

static void
test_calendar_date (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  GtkWidget *calendar = control (window, "Date");
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 1, 15, 0, 0, 0);
  g_autofree char *text = NULL;

  /* "Date" names the entry row; the calendar in its popover is found from there. */
  calendar = find_by_label (gtk_popover_get_child (gtk_menu_button_get_popover (
                              GTK_MENU_BUTTON (control (window, "Choose a Date")))), "Date");
  g_assert_true (GTK_IS_CALENDAR (calendar));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_signal_emit_by_name (calendar, "day-selected");
  text = lekh_test_buffer_text (window);
  g_assert_nonnull (strstr (text, "\ndate: 2027-01-15\n"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (window, "Date"))), ==, "2027-01-15");

  lekh_test_discard_and_close (window);
}

static gboolean
save_done (gpointer data)
{
  return !lekh_document_get_busy (data);
}

static void
test_new_and_save_as (void)
{
  LekhWindow *window = lekh_window_new (app);
  LekhDocument *document = lekh_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  g_autofree char *dir = g_dir_make_tmp ("lekh-save-as-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "नया-लेख.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  GtkWidget *title_widget;
  GtkTextIter end;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lekh_document_is_untouched (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "New Article — Lekh");

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, "पहला वाक्य।\n", -1, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (control (window, "Title")), "नया");
  lekh_metadata_panel_flush (lekh_window_get_metadata_panel (window));
  /* The modified marker. */
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*New Article"));

  lekh_document_save_async (document, file, NULL, NULL, NULL);
  g_assert_true (lekh_test_wait_until (save_done, document, 5000));
  g_assert_true (g_file_equal (lekh_document_get_file (document), file));
  g_assert_false (gtk_text_buffer_get_modified (buffer));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "नया-लेख.md — Lekh");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "---\ntitle: नया\n---\nपहला वाक्य।\n");
  title_widget = control (window, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_widget)), ==, "नया");
  g_assert_cmpuint (lekh_document_get_word_count (document), ==, 2);

  lekh_test_discard_and_close (window);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* What the site controller does for the window's chip editors, with a fixed list of
 * candidates instead of a site. */
static void
rank_suggestions_cb (GtkEditable *entry,
                     GPtrArray   *candidates)
{
  LekhChipEditor *editor = LEKH_CHIP_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (entry),
                                                                      LEKH_TYPE_CHIP_EDITOR));
  GListStore *model = G_LIST_STORE (lekh_chip_editor_get_suggestions (editor));
  g_auto(GStrv) items = lekh_chip_editor_dup_items (editor);
  g_autoptr(GPtrArray) found = lekh_suggestion_rank (candidates, gtk_editable_get_text (entry),
                                                     (const char * const *) items, 8);

  g_list_store_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                       found->pdata, found->len);
}

static void
test_chip_suggestions (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = lekh_chip_editor_new ("Tags");
  const char *site_tags[] = { "gnome", "hindi", "गणित", "गद्य", "markdown", "gtk", NULL };
  g_autoptr(GListStore) model = g_list_store_new (LEKH_TYPE_SUGGESTION);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *entry = lekh_chip_editor_get_entry (LEKH_CHIP_EDITOR (editor));
  GtkWidget *popover = NULL;
  GtkWidget *list;
  GtkListBoxRow *row;
  g_auto(GStrv) items = NULL;
  guint changes = 0;

  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect_swapped (editor, "changed", G_CALLBACK (count_cb), &changes);
  lekh_chip_editor_set_items (LEKH_CHIP_EDITOR (editor), (const char *[]) { "gtk", NULL });
  g_assert_cmpuint (changes, ==, 0);
  lekh_chip_editor_set_suggestions (LEKH_CHIP_EDITOR (editor), G_LIST_MODEL (model));
  for (guint i = 0; site_tags[i]; i++)
    g_ptr_array_add (candidates, lekh_suggestion_new (site_tags[i], NULL, NULL, 0));
  g_signal_connect (entry, "changed", G_CALLBACK (rank_suggestions_cb), candidates);

  /* "g" offers prefix matches in the model's order, without what is already there. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "G");
  for (GtkWidget *child = gtk_widget_get_first_child (editor); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      popover = child;
  g_assert_nonnull (popover);
  lekh_test_spin (50);
  g_assert_true (gtk_widget_get_visible (popover));
  list = find_by_label (popover, "Suggestions");
  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row))), ==, "gnome");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));

  /* Devanagari prefixes too; choosing one adds it and clears the entry. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ग");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row))), ==, "गद्य");
  g_signal_emit_by_name (list, "row-activated", row);
  items = lekh_chip_editor_dup_items (LEKH_CHIP_EDITOR (editor));
  g_assert_cmpstrv (items, ((const char *[]) { "gtk", "गद्य", NULL }));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (changes, ==, 1);

  /* Enter adds; an empty entry's Backspace would remove the last (here via the API). */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  नया  ");
  g_signal_emit_by_name (entry, "activate");
  g_clear_pointer (&items, g_strfreev);
  items = lekh_chip_editor_dup_items (LEKH_CHIP_EDITOR (editor));
  g_assert_cmpstrv (items, ((const char *[]) { "gtk", "गद्य", "नया", NULL }));

  /* Read-only: nothing changes. */
  lekh_chip_editor_set_editable (LEKH_CHIP_EDITOR (editor), FALSE);
  g_assert_false (lekh_chip_editor_add (LEKH_CHIP_EDITOR (editor), "more"));
  g_assert_false (lekh_chip_editor_remove (LEKH_CHIP_EDITOR (editor), 0));
  g_assert_cmpuint (lekh_chip_editor_get_n_items (LEKH_CHIP_EDITOR (editor)), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_drop_files (void)
{
  g_autofree char *path = fixture_copy ("hindi.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LekhWindow *window = lekh_window_new (app);
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files;
  gboolean accepted = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  /* Dropping a file from the file manager opens it (here, in this untouched window). */
  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (accepted);
  g_assert_true (lekh_test_wait_until (lekh_test_document_loaded, window, 5000));
  g_assert_true (g_file_equal (lekh_document_get_file (lekh_window_get_document (window)), file));

  lekh_test_discard_and_close (window);
}

/* The first tooltip on WIDGET or an ancestor: where the form says why a field is
 * read-only. */
static const char *
tooltip_above (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_tooltip_text (widget) != NULL)
      return gtk_widget_get_tooltip_text (widget);
  return NULL;
}

/* TOML front matter is edited from the form like YAML, one line changed; a key the core
 * does not edit (a [table]) stays read-only, saying why, and typing into it changes
 * nothing. */
static void
test_toml_read_only (void)
{
  g_autofree char *path = fixture_copy ("toml.md");
  LekhWindow *window = lekh_test_open_window (app, path, 5000);
  LekhMetadataPanel *panel = lekh_window_get_metadata_panel (window);
  g_autofree char *before = lekh_test_buffer_text (window);
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *description = control (window, "Description");

  g_assert_true (lekh_metadata_panel_get_live (panel));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (window, "Title"))), ==,
                   "Hugo post");

  /* A title edit changes that line only: quotes, comment and the rest byte for byte. */
  g_assert_true (gtk_widget_is_sensitive (control (window, "Title")));
  gtk_editable_set_text (GTK_EDITABLE (control (window, "Title")), "A \"new\" title");
  lekh_metadata_panel_flush (panel);
  after = lekh_test_buffer_text (window);
  expected = g_strdup_printf ("%.*stitle = \"A \\\"new\\\" title\"  # the title\n%s",
                              (int) (strstr (before, "title = ") - before), before,
                              strstr (before, "tags = "));
  g_assert_cmpstr (after, ==, expected);
  g_clear_pointer (&after, g_free);

  /* [description] is a table: read-only, with the core's reason, and left alone. */
  g_assert_false (gtk_widget_is_sensitive (description));
  g_assert_nonnull (tooltip_above (description));
  g_assert_nonnull (strstr (tooltip_above (description), "[description]"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (description)), "x", -1);
  lekh_metadata_panel_flush (panel);
  after = lekh_test_buffer_text (window);
  g_assert_cmpstr (after, ==, expected);
  g_assert_nonnull (strstr (after, "[description]\n  short = \"A table, not text\"\n+++\n"));

  lekh_test_discard_and_close (window);
}

static GtkWidget *
find_image_with_tooltip (GtkWidget  *root,
                         const char *tooltip)
{
  if (GTK_IS_IMAGE (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_image_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_image_thumbnail (void)
{
  g_autofree char *root = g_dir_make_tmp ("lekh-site-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (root, "docusaurus.config.js", NULL);
  g_autofree char *img_dir = g_build_filename (root, "static", "img", NULL);
  g_autofree char *image = g_build_filename (img_dir, "cover.svg", NULL);
  g_autofree char *blog = g_build_filename (root, "blog", NULL);
  g_autofree char *post = g_build_filename (blog, "post.md", NULL);
  g_autofree char *local = g_build_filename (blog, "local.svg", NULL);
  const char *svg = "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>"
                    "<rect width='8' height='8' fill='#36c'/></svg>";
  LekhWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (img_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (blog, 0755), ==, 0);
  g_assert_true (g_file_set_contents (config, "module.exports = {};\n", -1, NULL));
  g_assert_true (g_file_set_contents (image, svg, -1, NULL));
  g_assert_true (g_file_set_contents (local, svg, -1, NULL));
  g_assert_true (g_file_set_contents (post, "---\ntitle: Post\nimage: /img/cover.svg\n---\nText.\n", -1, NULL));

  /* "/img/…" comes from the site's static folder, as Docusaurus serves it. */
  window = lekh_test_open_window (app, post, 5000);
  g_assert_nonnull (find_image_with_tooltip (control (window, "Image"), image));

  /* A path beside the article, typed in the form, shows too. */
  gtk_editable_set_text (GTK_EDITABLE (control (window, "Image")), "local.svg");
  lekh_metadata_panel_flush (lekh_window_get_metadata_panel (window));
  g_assert_nonnull (find_image_with_tooltip (control (window, "Image"), local));

  lekh_test_discard_and_close (window);
}

static gboolean
document_saved_to (gpointer data)
{
  LekhWindow *window = ((gpointer *) data)[0];
  GFile *target = ((gpointer *) data)[1];
  GFile *file = lekh_document_get_file (lekh_window_get_document (window));

  return file != NULL && g_file_equal (file, target) &&
         !lekh_document_get_busy (lekh_window_get_document (window));
}

static void
test_image_after_save_as (void)
{
  g_autofree char *first = g_dir_make_tmp ("lekh-first-XXXXXX", NULL);
  g_autofree char *second = g_dir_make_tmp ("lekh-second-XXXXXX", NULL);
  g_autofree char *post = g_build_filename (first, "post.md", NULL);
  g_autofree char *moved = g_build_filename (second, "post.md", NULL);
  g_autofree char *image = g_build_filename (second, "pic.svg", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (moved);
  const char *svg = "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>"
                    "<rect width='8' height='8' fill='#36c'/></svg>";
  gpointer wait[2];
  LekhWindow *window;

  g_assert_true (g_file_set_contents (post, "---\ntitle: Post\nimage: pic.svg\n---\nText.\n", -1, NULL));
  g_assert_true (g_file_set_contents (image, svg, -1, NULL));
  window = lekh_test_open_window (app, post, 5000);
  g_assert_null (find_image_with_tooltip (control (window, "Image"), image));

  /* Saved into the folder that has the image: it resolves at once, no reopening. */
  lekh_document_save_async (lekh_window_get_document (window), target, NULL, NULL, NULL);
  wait[0] = window;
  wait[1] = target;
  g_assert_true (lekh_test_wait_until (document_saved_to, wait, 5000));
  lekh_test_spin (50);
  g_assert_nonnull (find_image_with_tooltip (control (window, "Image"), image));

  lekh_test_discard_and_close (window);
}

static const char *
date_placeholder (LekhWindow *window)
{
  GtkEditable *row = GTK_EDITABLE (control (window, "Date"));
  const char *text = gtk_text_get_placeholder_text (GTK_TEXT (gtk_editable_get_delegate (row)));

  return text != NULL && text[0] != '\0' ? text : NULL;
}

/* A label with TEXT outside the entry's own text (whose placeholder is a label too). */
static GtkWidget *
find_hint (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_TEXT (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_hint (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
date_placeholder_gone (gpointer window)
{
  return date_placeholder (window) == NULL;
}

/* A Docusaurus blog post or a Jekyll post without a date in its front matter has the one
 * its file name gives; the Date field shows it as its placeholder, after Save As too. */
static void
test_date_from_file_name (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lekh-date-XXXXXX", NULL);
  g_autofree char *post = g_build_filename (dir, "tea.md", NULL);
  g_autofree char *dated = g_build_filename (dir, "2024-03-05-tea.md", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (dated);
  gpointer wait[2];
  LekhWindow *window;
  GtkWidget *hint;

  g_assert_true (g_file_set_contents (post, "---\ntitle: Tea\n---\nText.\n", -1, NULL));
  window = lekh_test_open_window (app, post, 5000);
  g_assert_null (date_placeholder (window));

  lekh_document_save_async (lekh_window_get_document (window), target, NULL, NULL, NULL);
  wait[0] = window;
  wait[1] = target;
  g_assert_true (lekh_test_wait_until (document_saved_to, wait, 5000));
  lekh_test_spin (50);
  g_assert_cmpstr (date_placeholder (window), ==, "2024-03-05 (from the file name)");
  /* Seen without entering the field, too: AdwEntryRow shows its title there instead. */
  hint = find_hint (control (window, "Date"), "2024-03-05 (from the file name)");
  g_assert_nonnull (hint);
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (window, "Date"))), ==, "");

  /* A date in the front matter wins: nothing is offered then. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (lekh_window_get_document (window)),
                            "---\ntitle: Tea\ndate: 2024-04-01\n---\nText.\n", -1);
  g_assert_true (lekh_test_wait_until (date_placeholder_gone, window, 5000));
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (window, "Date"))), ==,
                   "2024-04-01");

  lekh_test_discard_and_close (window);
}

static gboolean
adjustment_tall (gpointer data)
{
  return gtk_adjustment_get_upper (data) > 8000;
}

static void
test_scroll_stays (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lekh-long-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.md", NULL);
  g_autoptr(GString) text = g_string_new ("---\ntitle: लंबा लेख\ntags: [a]\n---\n");
  LekhWindow *window;
  GtkWidget *view;
  GtkAdjustment *vadj;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  double before;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (text, "पंक्ति %u: some words in a long article.\n", i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  window = lekh_test_open_window (app, path, 5000);
  buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  view = GTK_WIDGET (lekh_editor_get_view (lekh_window_get_editor (window)));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  /* The writer is reading line 400 with the cursor there. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 400);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (lekh_test_wait_until (adjustment_tall, vadj, 5000));
  gtk_adjustment_set_value (vadj, 5000);
  lekh_test_spin (300);
  before = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (before, >, 1000);

  /* A form edit of the title (line 2) leaves the view where it was. */
  gtk_editable_set_text (GTK_EDITABLE (control (window, "Title")), "नया लंबा लेख");
  lekh_metadata_panel_flush (lekh_window_get_metadata_panel (window));
  lekh_test_spin (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, before);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&iter), ==, 400);

  lekh_test_discard_and_close (window);
}

static GtkEventController *
key_controller_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }
  return NULL;
}

/* Right to left (an Urdu or Arabic locale): chips run from the right edge, wrap the same
 * way, and Alt+← moves the focused chip the way the arrow points, later in the list. */
static void
test_chips_right_to_left (void)
{
  const char *items[] = { "पहला", "second", "तीसरा", "fourth", "पाँचवाँ", "sixth", NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = lekh_chip_editor_new ("Tags");
  GtkWidget *first;
  GtkWidget *second;
  graphene_rect_t a, b;
  g_auto(GStrv) after = NULL;
  gboolean handled = FALSE;
  int width;

  gtk_widget_set_direction (editor, GTK_TEXT_DIR_RTL);
  gtk_window_set_default_size (GTK_WINDOW (window), 260, 200);
  gtk_window_set_child (GTK_WINDOW (window), editor);
  lekh_chip_editor_set_items (LEKH_CHIP_EDITOR (editor), items);
  gtk_window_present (GTK_WINDOW (window));
  lekh_test_spin (200);

  width = gtk_widget_get_width (editor);
  g_assert_cmpint (width, >, 0);
  first = gtk_widget_get_first_child (editor);
  second = gtk_widget_get_next_sibling (first);
  g_assert_true (gtk_widget_compute_bounds (first, editor, &a));
  g_assert_true (gtk_widget_compute_bounds (second, editor, &b));
  /* The first chip ends at the right edge, the second sits to its left. */
  g_assert_cmpfloat_with_epsilon (a.origin.x + a.size.width, width, 0.5);
  g_assert_cmpfloat_with_epsilon (b.origin.y, a.origin.y, 0.5);
  g_assert_cmpfloat (b.origin.x + b.size.width, <, a.origin.x);
  /* Six chips do not fit in 260 px: the last one is on a lower line. */
  {
    graphene_rect_t last;
    GtkWidget *sixth = first;

    for (guint i = 0; i < 5; i++)
      sixth = gtk_widget_get_next_sibling (sixth);
    g_assert_true (gtk_widget_compute_bounds (sixth, editor, &last));
    g_assert_cmpfloat (last.origin.y, >, a.origin.y);
  }

  g_signal_emit_by_name (key_controller_of (gtk_widget_get_last_child (first)), "key-pressed",
                         GDK_KEY_Left, 0, GDK_ALT_MASK, &handled);
  g_assert_true (handled);
  after = lekh_chip_editor_dup_items (LEKH_CHIP_EDITOR (editor));
  g_assert_cmpstr (after[0], ==, "second");
  g_assert_cmpstr (after[1], ==, "पहला");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A list of names and objects (Docusaurus authors): every item is a chip, the object's by
 * its name; removing, moving and adding chips edits one item at a time, the object and the
 * comments kept byte for byte, and Ctrl+Z undoes each change. */
static void
test_mixed_authors (void)
{
  static const char *text =
    "---\n"
    "title: Mixed\n"
    "authors:\n"
    "  - lark   # the editor\n"
    "  - name: Joel Marcey\n"
    "    title: Co-creator\n"
    "  - slorber\n"
    "---\n"
    "Body\n";
  g_autofree char *dir = g_dir_make_tmp ("lekh-authors-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mixed.md", NULL);
  LekhWindow *window;
  GtkWidget *authors;
  GtkWidget *view;
  ChipCount three;
  g_auto(GStrv) items = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *added = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = lekh_test_open_window (app, path, 5000);
  authors = control (window, "Authors");
  three = (ChipCount) { authors, 3 };
  g_assert_true (lekh_test_wait_until (chips_are, &three, 3000));

  items = lekh_chip_editor_dup_items (LEKH_CHIP_EDITOR (authors));
  g_assert_cmpstrv (items, ((const char *[]) { "lark", "Joel Marcey", "slorber", NULL }));
  g_assert_true (lekh_chip_editor_get_editable (LEKH_CHIP_EDITOR (authors)));
  g_assert_true (lekh_chip_editor_get_itemwise (LEKH_CHIP_EDITOR (authors)));
  g_assert_null (lekh_chip_editor_get_item_detail (LEKH_CHIP_EDITOR (authors), 0));
  g_assert_nonnull (strstr (lekh_chip_editor_get_item_detail (LEKH_CHIP_EDITOR (authors), 1),
                            "name, title"));

  /* Remove the string author "lark": only its line goes. */
  g_assert_true (lekh_chip_editor_remove (LEKH_CHIP_EDITOR (authors), 0));
  removed = lekh_test_buffer_text (window);
  g_assert_cmpstr (removed, ==,
                   "---\ntitle: Mixed\nauthors:\n"
                   "  - name: Joel Marcey\n    title: Co-creator\n  - slorber\n---\nBody\n");

  /* Ctrl+Z in the source brings it back, byte for byte, and the chip with it. */
  view = GTK_WIDGET (lekh_editor_get_view (lekh_window_get_editor (window)));
  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_activate_action (view, "text.undo", NULL));
  undone = lekh_test_buffer_text (window);
  g_assert_cmpstr (undone, ==, text);
  g_assert_true (lekh_test_wait_until (chips_are, &three, 3000));
  g_clear_pointer (&items, g_strfreev);
  items = lekh_chip_editor_dup_items (LEKH_CHIP_EDITOR (authors));
  g_assert_cmpstrv (items, ((const char *[]) { "lark", "Joel Marcey", "slorber", NULL }));

  /* Move the object first, then add a name: the object's lines move whole. */
  g_assert_true (lekh_chip_editor_move (LEKH_CHIP_EDITOR (authors), 1, 0));
  moved = lekh_test_buffer_text (window);
  g_assert_cmpstr (moved, ==,
                   "---\ntitle: Mixed\nauthors:\n"
                   "  - name: Joel Marcey\n    title: Co-creator\n"
                   "  - lark   # the editor\n  - slorber\n---\nBody\n");
  g_assert_true (lekh_chip_editor_add (LEKH_CHIP_EDITOR (authors), "Ana: guest"));
  added = lekh_test_buffer_text (window);
  g_assert_cmpstr (added, ==,
                   "---\ntitle: Mixed\nauthors:\n"
                   "  - name: Joel Marcey\n    title: Co-creator\n"
                   "  - lark   # the editor\n  - slorber\n  - 'Ana: guest'\n---\nBody\n");

  lekh_test_discard_and_close (window);
}

int
main (int   argc,
      char *argv[])
{
  app = lekh_test_gui_init (&argc, &argv, "/window");
  if (app == NULL)
    return g_test_run ();

  g_test_add_func ("/window/word-count", test_word_count);
  g_test_add_func ("/window/accessible-names", test_accessible_names);
  g_test_add_func ("/window/open-hindi", test_open_hindi);
  g_test_add_func ("/window/form-edit-title", test_form_edit_title);
  g_test_add_func ("/window/source-to-form", test_source_to_form);
  g_test_add_func ("/window/document-reads-mirror", test_document_reads_mirror);
  g_test_add_func ("/window/chips-to-source", test_chips_to_source);
  g_test_add_func ("/window/mixed-authors", test_mixed_authors);
  g_test_add_func ("/window/new-front-matter", test_new_front_matter);
  g_test_add_func ("/window/save-keeps-bytes", test_save_keeps_bytes);
  g_test_add_func ("/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window/close-asks", test_close_asks);
  g_test_add_func ("/window/close-discard", test_close_discard);
  g_test_add_func ("/window/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/window/front-matter-highlight", test_front_matter_highlight);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/preview-slot", test_preview_slot);
  g_test_add_func ("/window/several-windows", test_several_windows);
  g_test_add_func ("/window/recent-and-shortcuts", test_recent_and_shortcuts);
  g_test_add_func ("/window/typing-not-overwritten", test_typing_not_overwritten);
  g_test_add_func ("/window/other-fields-jump", test_other_fields_jump);
  g_test_add_func ("/window/calendar-date", test_calendar_date);
  g_test_add_func ("/window/new-and-save-as", test_new_and_save_as);
  g_test_add_func ("/window/chip-suggestions", test_chip_suggestions);
  g_test_add_func ("/window/chips-right-to-left", test_chips_right_to_left);
  g_test_add_func ("/window/drop-files", test_drop_files);
  g_test_add_func ("/window/toml-read-only", test_toml_read_only);
  g_test_add_func ("/window/image-thumbnail", test_image_thumbnail);
  g_test_add_func ("/window/image-after-save-as", test_image_after_save_as);
  g_test_add_func ("/window/scroll-stays", test_scroll_stays);
  g_test_add_func ("/window/date-from-file-name", test_date_from_file_name);

  return g_test_run ();
}
