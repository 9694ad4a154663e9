/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-spelling"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "lekh-editor.h"
#include "lekh-gui-test.h"
#include "lekh-metadata-panel.h"
#include "lekh-spell-checker.h"
#include "lekh-window.h"

static LekhApplication *app;

static const char article[] =
  "---\n"
  "title: Spelling\n"
  "tags: [speling]\n"
  "---\n"
  "Teh quick fox jumpd over the dog.\n"
  "हिंदी में लिखना आसान है।\n"
  "Run `git comit` or see https://exampel.org now.\n";

static gboolean
have_dictionaries (void)
{
  g_auto(GStrv) languages = lekh_spell_checker_list_languages ();

  return g_strv_contains ((const char * const *) languages, "en_US") &&
         g_strv_contains ((const char * const *) languages, "hi_IN");
}

/* Whether the first occurrence of WORD is marked (every character of it). */
static gboolean
marked (LekhWindow *window,
        const char *word)
{
  LekhSpellChecker *spell = lekh_editor_get_spell_checker (lekh_window_get_editor (window));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkTextIter start, match, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match, &end, NULL));
  for (GtkTextIter i = match; gtk_text_iter_compare (&i, &end) < 0; gtk_text_iter_forward_char (&i))
    if (!lekh_spell_checker_is_misspelled (spell, &i))
      return FALSE;
  return TRUE;
}

static void
cursor_into (LekhWindow *window,
             const char *word)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkTextIter start, match, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match, &end, NULL));
  gtk_text_iter_forward_char (&match);
  gtk_text_buffer_place_cursor (buffer, &match);
}

static gboolean
menu_has (GMenuModel *menu,
          const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *text = NULL;
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          gboolean found = menu_has (section, label);

          g_object_unref (section);
          if (found)
            return TRUE;
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) &&
          g_strcmp0 (text, label) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_marks (void)
{
  g_autofree char *path = NULL;
  LekhWindow *window;
  LekhSpellChecker *spell;
  GtkWidget *view;
  GMenuModel *menu;
  g_autofree char *line = NULL;

  if (!have_dictionaries ())
    {
      g_test_skip ("the en_US and hi_IN dictionaries (hunspell-en-us, hunspell-hi) are not installed");
      return;
    }

  path = lekh_test_write_temp ("spelling.md", article, -1);
  window = lekh_test_open_window (app, path, 5000);
  spell = lekh_editor_get_spell_checker (lekh_window_get_editor (window));
  view = GTK_WIDGET (lekh_editor_get_view (lekh_window_get_editor (window)));
  lekh_spell_checker_check_now (spell);

  g_assert_cmpstr (lekh_spell_checker_get_language (spell), ==, "en_US");
  g_assert_true (marked (window, "Teh"));
  g_assert_true (marked (window, "jumpd"));
  g_assert_false (marked (window, "quick"));
  g_assert_false (marked (window, "हिंदी"));
  g_assert_false (marked (window, "लिखना"));
  g_assert_false (marked (window, "आसान"));
  /* Not prose: a front-matter list, a code span, a URL. */
  g_assert_false (marked (window, "speling"));
  g_assert_false (marked (window, "comit"));
  g_assert_false (marked (window, "exampel"));

  /* The context menu offers the suggestions for the word at the cursor. */
  menu = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (view));
  cursor_into (window, "Teh");
  /* (hunspell's en_US suggests "Te", "Th", "Eh", "Tet", "Ted"… for "Teh") */
  g_assert_true (menu_has (menu, "Te"));
  g_assert_true (menu_has (menu, "_Add to Dictionary"));
  g_assert_true (gtk_widget_activate_action (view, "spelling.replace", "s", "The"));
  lekh_spell_checker_check_now (spell);
  {
    GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
    GtkTextIter a, b;

    gtk_text_buffer_get_iter_at_line (buffer, &a, 4);
    b = a;
    gtk_text_iter_forward_to_line_end (&b);
    line = gtk_text_iter_get_slice (&a, &b);
    g_assert_cmpstr (line, ==, "The quick fox jumpd over the dog.");
    g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  }

  /* Ignore: the word is accepted for this session. */
  cursor_into (window, "jumpd");
  g_assert_true (gtk_widget_activate_action (view, "spelling.ignore", NULL));
  g_assert_false (marked (window, "jumpd"));

  lekh_test_discard_and_close (window);
}

static void
test_language_remembered (void)
{
  const char hindi[] = "---\ntitle: लेख\nlang: hi\n---\nयह लेख है, with Englsh words.\n";
  g_autofree char *path = NULL;
  g_autofree char *ini = g_build_filename (g_get_user_data_dir (), "lekh", "spelling.ini", NULL);
  g_autofree char *contents = NULL;
  LekhWindow *window;
  LekhSpellChecker *spell;

  if (!have_dictionaries ())
    {
      g_test_skip ("the en_US and hi_IN dictionaries are not installed");
      return;
    }

  /* A Hindi article: Devanagari in Hindi, the Latin words still in English. */
  path = lekh_test_write_temp ("hindi.md", hindi, -1);
  window = lekh_test_open_window (app, path, 5000);
  spell = lekh_editor_get_spell_checker (lekh_window_get_editor (window));
  lekh_spell_checker_check_now (spell);
  g_assert_cmpstr (lekh_spell_checker_get_language (spell), ==, "en_US");
  g_assert_true (marked (window, "Englsh"));
  g_assert_false (marked (window, "लेख है"));

  /* A language chosen from the context menu is remembered for the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lekh_editor_get_view (lekh_window_get_editor (window))),
                                             "spelling.language", "s", "en_US"));
  g_assert_true (g_file_get_contents (ini, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "=en_US"));
  lekh_test_discard_and_close (window);

  window = lekh_test_open_window (app, path, 5000);
  spell = lekh_editor_get_spell_checker (lekh_window_get_editor (window));
  lekh_spell_checker_check_now (spell);
  g_assert_cmpstr (lekh_spell_checker_get_language (spell), ==, "en_US");
  lekh_test_discard_and_close (window);
}

/* Hindi: Debian's hi_IN lists stems without endings; Lekh knows the endings and its own
 * word list, so ordinary Hindi is not underlined, while a real typo still is. */
static void
test_hindi (void)
{
  const char text[] =
    "---\ntitle: नमस्ते\nlang: hi\n---\n"
    "नमस्ते दुनिया, लेखों को संभालता है।\n"
    "लड़कियों ने फ़ोल्डरों में फ़ाइलें सहेजीं और बनाया।\n"
    /* फ़ाइल typed with the precomposed U+095E and with फ + nukta. */
    "\xE0\xA5\x9E" "ाइल और फ़ाइल\n"
    "एक टाइपो: नमस्तेे और लेखौं और गपलों।\n";
  const char *correct[] = {
    "नमस्ते", "दुनिया", "लेखों", "संभालता", "लड़कियों", "फ़ोल्डरों", "फ़ाइलें", "सहेजीं", "बनाया",
    "\xE0\xA5\x9E" "ाइल", "फ़ाइल",
  };
  const char *wrong[] = { "नमस्तेे", "लेखौं", "गपलों" };
  g_autofree char *path = NULL;
  LekhWindow *window;
  LekhSpellChecker *spell;

  if (!have_dictionaries ())
    {
      g_test_skip ("the en_US and hi_IN dictionaries are not installed");
      return;
    }

  path = lekh_test_write_temp ("namaste.md", text, -1);
  window = lekh_test_open_window (app, path, 5000);
  spell = lekh_editor_get_spell_checker (lekh_window_get_editor (window));
  lekh_spell_checker_check_now (spell);

  for (guint i = 0; i < G_N_ELEMENTS (correct); i++)
    {
      g_test_message ("correct: %s", correct[i]);
      g_assert_false (marked (window, correct[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_test_message ("wrong: %s", wrong[i]);
      g_assert_true (marked (window, wrong[i]));
    }
  lekh_test_discard_and_close (window);
}

static GtkWidget *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the first occurrence of WORD in BUFFER carries an error underline. */
static gboolean
buffer_underlined (GtkTextBuffer *buffer,
                   const char    *word)
{
  GtkTextIter start, match, end;
  g_autoptr(GSList) tags = NULL;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match, &end, NULL));
  tags = gtk_text_iter_get_tags (&match);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      PangoUnderline underline;
      gboolean set;

      g_object_get (l->data, "underline", &underline, "underline-set", &set, NULL);
      if (set && underline == PANGO_UNDERLINE_ERROR)
        return TRUE;
    }
  return FALSE;
}

static gboolean
description_checked (gpointer data)
{
  return buffer_underlined (data, "Journy");
}

/* Whether bytes START…END of the entry's text have an error underline. */
static gboolean
attrs_underline (PangoAttrList *attrs,
                 guint          start,
                 guint          end)
{
  g_autoptr(GSList) list = attrs ? pango_attr_list_get_attributes (attrs) : NULL;
  gboolean found = FALSE;

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_UNDERLINE &&
          ((PangoAttrInt *) attr)->value == PANGO_UNDERLINE_ERROR &&
          attr->start_index == start && attr->end_index == end)
        found = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  return found;
}

/* The form's title and description are checked with the document's dictionaries. */
static void
test_form (void)
{
  const char text[] =
    "---\n"
    "title: Teh trip to पहाड़\n"
    "description: A Journy through हिंदी words\n"
    "---\n"
    "Body.\n";
  g_autofree char *path = NULL;
  LekhWindow *window;
  LekhMetadataPanel *panel;
  GtkWidget *title;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GMenuModel *menu;
  PangoAttrList *attrs;

  if (!have_dictionaries ())
    {
      g_test_skip ("the en_US and hi_IN dictionaries are not installed");
      return;
    }

  path = lekh_test_write_temp ("form.md", text, -1);
  window = lekh_test_open_window (app, path, 5000);
  panel = lekh_window_get_metadata_panel (window);
  title = lekh_metadata_panel_get_field_widget (panel, "title");
  view = find_text_view (lekh_metadata_panel_get_field_widget (panel, "description"));
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  /* Description: underlined in the view, Devanagari checked in Hindi. */
  g_assert_true (lekh_test_wait_until (description_checked, buffer, 5000));
  g_assert_false (buffer_underlined (buffer, "through"));
  g_assert_false (buffer_underlined (buffer, "हिंदी"));

  /* Its context menu: suggestions and Add to Dictionary for the word at the cursor. */
  menu = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (view));
  g_assert_nonnull (menu);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 4);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (menu_has (menu, "_Add to Dictionary"));
  g_assert_true (menu_has (menu, "Journey"));

  /* Title: an error underline over "Teh" (bytes 0–3) only. */
  attrs = adw_entry_row_get_attributes (ADW_ENTRY_ROW (title));
  g_assert_true (attrs_underline (attrs, 0, 3));
  g_assert_false (attrs_underline (attrs, 4, 8));
  /* Typing updates it. */
  gtk_editable_set_text (GTK_EDITABLE (title), "The trip");
  attrs = adw_entry_row_get_attributes (ADW_ENTRY_ROW (title));
  g_assert_false (attrs_underline (attrs, 0, 3));
  gtk_editable_set_text (GTK_EDITABLE (title), "The tripp");
  attrs = adw_entry_row_get_attributes (ADW_ENTRY_ROW (title));
  g_assert_true (attrs_underline (attrs, 4, 9));

  /* A word ignored from the description's menu is no longer underlined in the title. */
  g_assert_true (buffer_underlined (buffer, "Journy"));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 4);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_editable_set_text (GTK_EDITABLE (title), "Journy tripp");
  attrs = adw_entry_row_get_attributes (ADW_ENTRY_ROW (title));
  g_assert_true (attrs_underline (attrs, 0, 6));
  g_assert_true (gtk_widget_activate_action (view, "spelling.ignore", NULL));
  g_assert_false (buffer_underlined (buffer, "Journy"));
  attrs = adw_entry_row_get_attributes (ADW_ENTRY_ROW (title));
  g_assert_false (attrs_underline (attrs, 0, 6));
  g_assert_true (attrs_underline (attrs, 7, 12));

  lekh_test_discard_and_close (window);
}

int
main (int   argc,
      char *argv[])
{
  app = lekh_test_gui_init (&argc, &argv, "/spelling");
  if (app == NULL)
    return g_test_run ();

  g_test_add_func ("/spelling/marks", test_marks);
  g_test_add_func ("/spelling/language-remembered", test_language_remembered);
  g_test_add_func ("/spelling/hindi", test_hindi);
  g_test_add_func ("/spelling/form", test_form);
  return g_test_run ();
}
