/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-diagnostics"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "lekh-application.h"
#include "lekh-chip-editor.h"
#include "lekh-suggestion.h"
#include "lekh-gui-test.h"
#include "lekh-window-private.h"
#include "lekh-window.h"

static LekhApplication *app;

/* Helpers (the rest come from lekh-gui-test.h) */

/* A fresh copy of the fake site (the quick fixes write to it). */
static char *
site_copy (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "site-docusaurus", NULL);
  g_autofree char *dir = g_dir_make_tmp ("lekh-diagnostics-XXXXXX", NULL);
  char *dest = g_build_filename (dir, "site", NULL);
  const char *argv[] = { "cp", "-R", src, dest, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return dest;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static LekhDiagnostic *
find_rule (LekhWindow *window,
           const char *rule,
           guint      *index)
{
  GPtrArray *items = lekh_diagnostics_get_items (lekh_window_get_diagnostics (window));

  for (guint i = 0; i < items->len; i++)
    {
      LekhDiagnostic *diagnostic = g_ptr_array_index (items, i);

      if (g_str_equal (diagnostic->rule, rule))
        {
          if (index != NULL)
            *index = i;
          return diagnostic;
        }
    }
  return NULL;
}

typedef struct
{
  LekhWindow *window;
  const char *rule;
  gboolean    present;
} RuleWait;

static gboolean
rule_state (gpointer data)
{
  RuleWait *w = data;

  return lekh_diagnostics_is_current (lekh_window_get_diagnostics (w->window)) &&
         (find_rule (w->window, w->rule, NULL) != NULL) == w->present;
}

static void
wait_for_rule (LekhWindow *window,
               const char *rule,
               gboolean    present)
{
  RuleWait w = { window, rule, present };

  if (!lekh_test_wait_until (rule_state, &w, 8000))
    g_error ("Rule %s never became %s", rule, present ? "present" : "absent");
}

static gboolean
index_ready (gpointer data)
{
  return lekh_site_controller_get_index (lekh_window_get_site_controller (data)) != NULL;
}

static const char *
status_text (LekhWindow *window)
{
  GtkWidget *button = lekh_window_get_diagnostics_status (window);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
}

static gboolean
has_tag_over (LekhWindow *window,
              const char *needle,
              const char *tag_name)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter start, match_start, match_end;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, needle, 0, &match_start, &match_end, NULL))
    g_error ("“%s” not in the buffer", needle);
  for (GtkTextIter i = match_start; gtk_text_iter_compare (&i, &match_end) < 0;
       gtk_text_iter_forward_char (&i))
    if (!gtk_text_iter_has_tag (&i, tag))
      return FALSE;
  return TRUE;
}

static GtkWidget *
field (LekhWindow *window,
       const char *key)
{
  return lekh_metadata_panel_get_field_widget (lekh_window_get_metadata_panel (window), key);
}

/* Tests */

static void
test_unknown_author_fix (void)
{
  g_autofree char *site = site_copy ();
  g_autofree char *post = g_build_filename (site, "blog", "2024-06-01-unknown.md", NULL);
  g_autofree char *authors = g_build_filename (site, "blog", "authors.yml", NULL);
  g_autofree char *authors_before = read_file (authors);
  g_autofree char *authors_after = NULL;
  g_autofree char *authors_undone = NULL;
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  LekhWindow *window = lekh_test_open_window (app, post, 5000);
  LekhProblemsList *problems = lekh_window_get_problems_list (window);
  LekhDiagnostic *diagnostic;
  GtkWidget *fix;
  guint index = 0;

  wait_for_rule (window, "unknown-author", TRUE);
  text_before = lekh_test_buffer_text (window);

  /* The underline, the list and the form all show it. */
  g_assert_true (has_tag_over (window, "meera", "lekh-diagnostic-error"));
  g_assert_false (has_tag_over (window, "travel", "lekh-diagnostic-error"));
  diagnostic = find_rule (window, "unknown-author", &index);
  g_assert_cmpuint (diagnostic->line, ==, 4);
  g_assert_cmpuint (lekh_problems_list_get_n_rows (problems), ==,
                    lekh_diagnostics_get_items (lekh_window_get_diagnostics (window))->len);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problems)));
  g_assert_true (gtk_widget_has_css_class (field (window, "authors"), "error"));
  g_assert_nonnull (strstr (lekh_window_get_field_message (window, "authors"), "meera"));
  /* (the fixture has a warning too: every severity is counted) */
  g_assert_cmpstr (status_text (window), ==, "1 error, 1 warning");
  g_assert_true (gtk_widget_has_css_class (lekh_window_get_diagnostics_status (window), "error"));

  /* Clicking the row shows the spot in the source. */
  g_signal_emit_by_name (gtk_widget_get_parent (lekh_problems_list_get_row (problems, index)),
                         "row-activated", lekh_problems_list_get_row (problems, index));
  {
    GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
    GtkTextIter cursor;

    gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
    g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 3);
  }

  /* The fix adds the author to authors.yml, keeping everything else. */
  fix = lekh_problems_list_get_fix_button (problems, index);
  g_assert_nonnull (fix);
  g_signal_emit_by_name (fix, "clicked");
  authors_after = read_file (authors);
  g_assert_true (g_str_has_prefix (authors_after, authors_before));
  g_assert_nonnull (strstr (authors_after + strlen (authors_before), "meera:\n  name: meera\n"));

  wait_for_rule (window, "unknown-author", FALSE);
  g_assert_false (gtk_widget_has_css_class (field (window, "authors"), "error"));
  g_assert_null (lekh_window_get_field_message (window, "authors"));
  g_assert_false (has_tag_over (window, "meera", "lekh-diagnostic-error"));
  /* Left: the tag "trains" that tags.yml does not define. */
  g_assert_cmpstr (status_text (window), ==, "1 warning");
  /* The article itself is untouched. */
  text_after = lekh_test_buffer_text (window);
  g_assert_cmpstr (text_after, ==, text_before);

  /* Undo puts authors.yml back byte for byte, and the error returns. */
  g_assert_true (lekh_diagnostics_undo_site_fix (lekh_window_get_diagnostics (window), NULL));
  authors_undone = read_file (authors);
  g_assert_cmpstr (authors_undone, ==, authors_before);
  wait_for_rule (window, "unknown-author", TRUE);

  lekh_test_discard_and_close (window);
}

static void
test_add_tag_fix (void)
{
  g_autofree char *site = site_copy ();
  g_autofree char *post = g_build_filename (site, "blog", "2024-06-01-unknown.md", NULL);
  g_autofree char *tags = g_build_filename (site, "blog", "tags.yml", NULL);
  g_autofree char *tags_after = NULL;
  LekhWindow *window = lekh_test_open_window (app, post, 5000);
  LekhDiagnostic *diagnostic;
  g_autoptr(GError) error = NULL;

  wait_for_rule (window, "undefined-tag", TRUE);
  g_assert_true (has_tag_over (window, "trains", "lekh-diagnostic-warning"));
  g_assert_true (gtk_widget_has_css_class (field (window, "tags"), "warning"));
  diagnostic = find_rule (window, "undefined-tag", NULL);
  g_assert_true (lekh_diagnostics_apply_fix (lekh_window_get_diagnostics (window), diagnostic, &error));
  g_assert_no_error (error);
  tags_after = read_file (tags);
  g_assert_nonnull (strstr (tags_after, "\ntrains:\n  label: trains\n"));
  g_assert_true (g_str_has_prefix (tags_after, "# SPDX-License-Identifier"));
  wait_for_rule (window, "undefined-tag", FALSE);
  g_assert_false (gtk_widget_has_css_class (field (window, "tags"), "warning"));

  lekh_test_discard_and_close (window);
}

static void
test_article_fixes_undo (void)
{
  g_autofree char *site = site_copy ();
  g_autofree char *post = g_build_filename (site, "blog", "2024-08-01-fixes.md", NULL);
  const char *text =
    "---\n"
    "title: Fixes in the source\n"
    "description: An article with a typo'd key and a keyword given twice, for the quick fixes.\n"
    "tag: [travel]\n"
    "keywords: [trains, trains, India]\n"
    "authors: asha # the editor\n"
    "---\n\nBody.\n";
  g_autofree char *after_rename = NULL;
  g_autofree char *after_remove = NULL;
  g_autofree char *undone = NULL;
  GtkTextBuffer *buffer;
  LekhWindow *window;
  LekhDiagnostic *diagnostic;
  GtkTextIter iter;
  guint index = 0;

  g_assert_true (g_file_set_contents (post, text, -1, NULL));
  window = lekh_test_open_window (app, post, 5000);
  buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  wait_for_rule (window, "unknown-key", TRUE);
  g_assert_true (has_tag_over (window, "tag", "lekh-diagnostic-warning"));

  /* Ctrl+. with the cursor on the key renames it: one undoable edit. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 3, 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lekh_editor_get_view (lekh_window_get_editor (window))),
                                             "diagnostics.quick-fix", NULL));
  after_rename = lekh_test_buffer_text (window);
  g_assert_nonnull (strstr (after_rename, "\ntags: [travel]\n"));
  g_assert_cmpuint (strlen (after_rename), ==, strlen (text) + 1);
  wait_for_rule (window, "unknown-key", FALSE);

  /* The duplicate keyword, from the problems list. */
  wait_for_rule (window, "duplicate-list-item", TRUE);
  diagnostic = find_rule (window, "duplicate-list-item", &index);
  g_assert_nonnull (diagnostic);
  g_signal_emit_by_name (lekh_problems_list_get_fix_button (lekh_window_get_problems_list (window), index),
                         "clicked");
  after_remove = lekh_test_buffer_text (window);
  g_assert_nonnull (strstr (after_remove, "\nkeywords: [trains, India]\n"));
  g_assert_nonnull (strstr (after_remove, "authors: asha # the editor\n"));
  wait_for_rule (window, "duplicate-list-item", FALSE);

  /* Undo, one fix at a time. */
  gtk_text_buffer_undo (buffer);
  undone = lekh_test_buffer_text (window);
  g_assert_cmpstr (undone, ==, after_rename);
  gtk_text_buffer_undo (buffer);
  g_free (undone);
  undone = lekh_test_buffer_text (window);
  g_assert_cmpstr (undone, ==, text);

  lekh_test_discard_and_close (window);
}

static GStrv
suggestions (LekhChipEditor *editor)
{
  GListModel *model = lekh_chip_editor_get_suggestions (editor);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LekhSuggestion) item = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, lekh_suggestion_get_value (item));
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static const char *
detail (LekhChipEditor *editor,
        guint           index)
{
  g_autoptr(LekhSuggestion) item = g_list_model_get_item (lekh_chip_editor_get_suggestions (editor), index);

  return lekh_suggestion_get_detail (item);
}

static void
test_suggestions (void)
{
  g_autofree char *site = site_copy ();
  g_autofree char *post = g_build_filename (site, "blog", "2024-04-20-gtk.md", NULL);
  LekhWindow *window = lekh_test_open_window (app, post, 5000);
  LekhChipEditor *tags = LEKH_CHIP_EDITOR (field (window, "tags"));
  LekhChipEditor *authors = LEKH_CHIP_EDITOR (field (window, "authors"));
  GtkWidget *entry = lekh_chip_editor_get_entry (tags);
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) t = NULL;
  g_auto(GStrv) te = NULL;
  g_auto(GStrv) hi = NULL;
  g_auto(GStrv) ku = NULL;

  g_assert_true (lekh_test_wait_until (index_ready, window, 8000));

  /* Most used first; the article's own tags (gnome, gtk) are not offered again. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "t");
  t = suggestions (tags);
  g_assert_cmpstrv (t, ((const char *[]) { "travel", "tea", "teaching", "trains", NULL }));
  /* Case-insensitive. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "TE");
  te = suggestions (tags);
  g_assert_cmpstrv (te, ((const char *[]) { "tea", "teaching", NULL }));
  /* tags.yml's label matches too, with the key as what gets inserted. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "हिं");
  hi = suggestions (tags);
  g_assert_cmpstrv (hi, ((const char *[]) { "hindi", NULL }));
  g_assert_cmpstr (detail (tags, 0), ==, "हिंदी");

  /* Choosing inserts the canonical spelling. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "TRAV");
  g_assert_true (lekh_chip_editor_add (tags, lekh_suggestion_get_value (
                   g_list_model_get_item (lekh_chip_editor_get_suggestions (tags), 0))));
  items = lekh_chip_editor_dup_items (tags);
  g_assert_cmpstrv (items, ((const char *[]) { "gnome", "gtk", "travel", NULL }));

  /* Authors: found by name, shown with name and title, inserted as the key. */
  gtk_editable_set_text (GTK_EDITABLE (lekh_chip_editor_get_entry (authors)), "kum");
  ku = suggestions (authors);
  g_assert_cmpstrv (ku, ((const char *[]) { "ravi", NULL }));
  g_assert_cmpstr (detail (authors, 0), ==, "Ravi Kumar — Writer");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  lekh_test_discard_and_close (window);
}

static gboolean
buffer_has_gtk (gpointer data)
{
  g_autofree char *text = lekh_test_buffer_text (data);

  return strstr (text, "tags: [gnomee, gtk]") != NULL;
}

static guint
count_rule (LekhWindow *window,
            const char *rule)
{
  GPtrArray *items = lekh_diagnostics_get_items (lekh_window_get_diagnostics (window));
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += g_str_equal (((LekhDiagnostic *) g_ptr_array_index (items, i))->rule, rule);
  return n;
}

static void
test_site_checks (void)
{
  g_autofree char *site = site_copy ();
  g_autofree char *post = g_build_filename (site, "blog", "2024-09-15-again.md", NULL);
  const char *text =
    "---\n"
    "title: First steps\n"
    "description: The same title as an older post, and a tag nobody else uses here.\n"
    "slug: again\n"
    "authors: [asha]\n"
    "tags: [gnomee]\n"
    "---\n\nBody.\n";
  LekhWindow *window;
  LekhDiagnostic *diagnostic;

  g_assert_true (g_file_set_contents (post, text, -1, NULL));
  window = lekh_test_open_window (app, post, 5000);
  g_assert_true (lekh_test_wait_until (index_ready, window, 8000));
  wait_for_rule (window, "duplicate-title", TRUE);
  diagnostic = find_rule (window, "duplicate-title", NULL);
  g_assert_nonnull (strstr (diagnostic->message, "2024-01-10-first.md"));
  g_assert_true (has_tag_over (window, "First steps", "lekh-diagnostic-warning"));
  wait_for_rule (window, "rare-tag", TRUE);
  diagnostic = find_rule (window, "rare-tag", NULL);
  g_assert_nonnull (strstr (diagnostic->message, "“gnome”"));
  g_assert_null (find_rule (window, "duplicate-slug", NULL));
  g_assert_cmpstr (lekh_window_get_permalink (window), ==, "/blog/again");

  /* A tag one other article uses, added in the form (not yet saved), is not rare. */
  g_assert_true (lekh_chip_editor_add (LEKH_CHIP_EDITOR (field (window, "tags")), "gtk"));
  g_assert_true (lekh_test_wait_until (buffer_has_gtk, window, 5000));
  wait_for_rule (window, "rare-tag", TRUE);
  g_assert_cmpuint (count_rule (window, "rare-tag"), ==, 1);
  g_assert_nonnull (strstr (find_rule (window, "rare-tag", NULL)->message, "gnomee"));

  lekh_test_discard_and_close (window);
}

static void
test_counters (void)
{
  g_autofree char *site = site_copy ();
  g_autofree char *post = g_build_filename (site, "blog", "2024-05-05-hindi.md", NULL);
  LekhWindow *window = lekh_test_open_window (app, post, 5000);
  GtkWidget *title = field (window, "title");
  /* 65 user-perceived characters (conjuncts such as क्यों count once), 108 code points. */
  const char *long_title = "हिंदी में एक बहुत लंबा शीर्षक जो खोज परिणामों में पूरा नहीं दिखेगा क्योंकि यह साठ अक्षरों से भी ज़्यादा लंबा है";
  GtkWidget *description = NULL;
  GtkTextBuffer *buffer;

  /* The Hindi description of the fixture: 52 characters as a reader counts them (79 code
   * points). */
  g_assert_cmpstr (lekh_window_get_field_counter (window, "description"), ==, "52 / 160");
  g_assert_cmpstr (lekh_window_get_field_counter (window, "title"), ==, "8 / 60");

  gtk_editable_set_text (GTK_EDITABLE (title), long_title);
  g_assert_cmpstr (lekh_window_get_field_counter (window, "title"), ==, "65 / 60");
  wait_for_rule (window, "title-length", TRUE);
  g_assert_true (gtk_widget_has_css_class (title, "warning"));
  g_assert_nonnull (lekh_window_get_field_message (window, "title"));

  /* The description counter follows its text view as the writer types. */
  for (GtkWidget *w = gtk_widget_get_first_child (field (window, "description")); w != NULL;
       w = gtk_widget_get_first_child (w))
    {
      for (GtkWidget *c = w; c != NULL; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_TEXT_VIEW (c))
          description = c;
      if (description != NULL)
        break;
    }
  g_assert_nonnull (description);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (description));
  gtk_text_buffer_set_text (buffer, "क्षत्रिय", -1);
  g_assert_cmpstr (lekh_window_get_field_counter (window, "description"), ==, "3 / 160");
  lekh_test_discard_and_close (window);
}

static void
test_status_counts (void)
{
  g_autofree char *path = lekh_test_write_temp ("both.md",
                                                "---\ntitle: Both\ndate: not-a-date\ntags: [a, a]\n---\nText\n",
                                                -1);
  LekhWindow *window = lekh_test_open_window (app, path, 5000);

  wait_for_rule (window, "invalid-date", TRUE);
  wait_for_rule (window, "duplicate-list-item", TRUE);
  /* Every severity is counted, not only the worst. */
  g_assert_cmpstr (status_text (window), ==, "1 error, 1 warning");
  g_assert_true (gtk_widget_has_css_class (lekh_window_get_diagnostics_status (window), "error"));

  lekh_test_discard_and_close (window);
}

static double
y_in_window (GtkWidget *widget)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static void
test_form_stays_put (void)
{
  g_autofree char *site = site_copy ();
  g_autofree char *post = g_build_filename (site, "blog", "2024-01-10-first.md", NULL);
  LekhWindow *window = lekh_test_open_window (app, post, 5000);
  GtkWidget *authors = field (window, "authors");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (lekh_window_get_document (window));
  GtkTextIter start, match, end;
  double before, after;

  wait_for_rule (window, "unknown-author", FALSE);
  gtk_widget_grab_focus (authors);
  lekh_test_spin (200);
  before = y_in_window (authors);

  /* While the writer is in the Authors field, a problem appears in the list above it. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "[asha]", 0, &match, &end, NULL));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &match, &end);
  gtk_text_buffer_insert (buffer, &match, "[asha, lakshmi]", -1);
  gtk_text_buffer_end_user_action (buffer);
  wait_for_rule (window, "unknown-author", TRUE);
  lekh_test_spin (300);

  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (authors)), authors) ||
                 gtk_root_get_focus (gtk_widget_get_root (authors)) == authors);
  after = y_in_window (authors);
  g_assert_cmpfloat (ABS (after - before), <=, 1.0);

  lekh_test_discard_and_close (window);
}

int
main (int   argc,
      char *argv[])
{
  app = lekh_test_gui_init (&argc, &argv, "/diagnostics");
  if (app == NULL)
    return g_test_run ();

  g_test_add_func ("/diagnostics/unknown-author-fix", test_unknown_author_fix);
  g_test_add_func ("/diagnostics/add-tag-fix", test_add_tag_fix);
  g_test_add_func ("/diagnostics/article-fixes-undo", test_article_fixes_undo);
  g_test_add_func ("/diagnostics/suggestions", test_suggestions);
  g_test_add_func ("/diagnostics/site-checks", test_site_checks);
  g_test_add_func ("/diagnostics/counters", test_counters);

  g_test_add_func ("/diagnostics/status-counts", test_status_counts);
  g_test_add_func ("/diagnostics/form-stays-put", test_form_stays_put);
  return g_test_run ();
}
