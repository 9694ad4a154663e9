/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "lekh-gui-test.h"
#include "lekh-article-info.h"
#include "lekh-bulk-rename.h"
#include "lekh-site-window.h"

/* The site overview: filters, sorting, opening an article, following the disk. */

static LekhApplication *app;

static char *
make_site (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "sites", "docusaurus",
                                                    NULL);
  g_autofree char *dir = g_dir_make_tmp ("lekh-site-view-XXXXXX", NULL);
  char *site = g_build_filename (dir, "site", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r '%s' '%s'", fixture, site);
  g_autofree char *draft = g_build_filename (site, "blog", "2024-06-01-draft.md", NULL);
  g_autofree char *hindi = g_build_filename (site, "blog", "2024-07-01-hindi.md", NULL);

  g_assert_cmpint (system (command), ==, 0);
  g_assert_true (g_file_set_contents (draft, "---\ntitle: Zebra notes\nauthors: [ravi]\n"
                                      "tags: [travel]\ndraft: true\n---\n", -1, NULL));
  g_assert_true (g_file_set_contents (hindi, "---\ntitle: अलवर का किला\nauthors: [asha]\n"
                                      "tags: [हिंदी]\n---\n", -1, NULL));
  return site;
}

static gboolean
view_loaded (gpointer view)
{
  return lekh_site_view_get_loaded (view);
}

static char *
titles (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LekhArticleInfo) info = g_list_model_get_item (model, i);
      g_string_append_printf (out, "%s%s", i ? "|" : "", lekh_article_info_get_title (info));
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  GListModel *model;
  guint       n;
} Count;

static gboolean
has_count (gpointer data)
{
  Count *count = data;
  return g_list_model_get_n_items (count->model) == count->n;
}

static void
wait_for_count (GListModel *model,
                guint       n)
{
  Count count = { model, n };

  if (!lekh_test_wait_until (has_count, &count, 10000))
    {
      g_autofree char *shown = titles (model);
      g_error ("expected %u rows, have %u: %s", n, g_list_model_get_n_items (model), shown);
    }
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, type, found);
  g_assert_cmpuint (found->len, >, n);
  return g_ptr_array_index (found, n);
}

/* Whether a label in the table's rows that are drawn shows TEXT. */
static gboolean
row_shows (GtkColumnView *columns,
           const char    *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  find_all (GTK_WIDGET (columns), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

/* Chooses the shown rows whose FIELD is one of CHOSEN, and no other. */
static void
select_where (GtkColumnView      *columns,
              const char       *(*field) (LekhArticleInfo *info),
              const char * const *chosen)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (columns);

  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(LekhArticleInfo) info = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_strv_contains (chosen, field (info)))
        gtk_selection_model_select_item (selection, i, FALSE);
    }
}

static void
select_titles (GtkColumnView      *columns,
               const char * const *chosen)
{
  select_where (columns, lekh_article_info_get_title, chosen);
}

/* The titles of the chosen rows, in the order shown. */
static char *
selected_titles (GtkColumnView *columns)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (columns);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    if (gtk_selection_model_is_selected (selection, i))
      {
        g_autoptr(LekhArticleInfo) info = g_list_model_get_item (G_LIST_MODEL (selection), i);

        g_string_append_printf (out, "%s%s", out->len ? "|" : "", lekh_article_info_get_title (info));
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The toggle button with this label (drop-downs hold toggle buttons of their own). */
static GtkWidget *
find_labelled (GtkWidget  *root,
               const char *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, GTK_TYPE_TOGGLE_BUTTON, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (found, i)), label) == 0)
      return g_ptr_array_index (found, i);
  g_error ("no button “%s”", label);
}

static void
select_string (GtkWidget  *dropdown,
               const char *value)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), value) == 0)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
          return;
        }
    }
  g_error ("no “%s” to choose", value);
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("no column “%s”", title);
}

/* Types TEXT into the search entry; its delayed search-changed is emitted at once. */
static void
search_for (GtkWidget  *entry,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

static LekhWindow *
window_with_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      GFile *open;

      if (!LEKH_IS_WINDOW (l->data))
        continue;
      open = lekh_document_get_file (lekh_window_get_document (l->data));
      if (open != NULL && g_file_equal (open, file))
        return l->data;
    }
  return NULL;
}

static guint
count_site_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    n += LEKH_IS_SITE_WINDOW (l->data);
  return n;
}

static gboolean
window_opened (gpointer path)
{
  return window_with_file (path) != NULL;
}

static void
test_filter_sort_open (void)
{
  g_autofree char *site = make_site ();
  g_autoptr(GFile) root = g_file_new_for_path (site);
  LekhSiteWindow *window = lekh_site_window_new (app, root);
  LekhSiteView *view = lekh_site_window_get_view (window);
  GListModel *shown = lekh_site_view_get_shown (view);
  GtkWidget *search, *tags, *authors, *drafts, *problems;
  GtkColumnView *columns;
  g_autofree char *by_date = NULL, *ascending = NULL, *descending = NULL, *by_problems = NULL;
  g_autoptr(LekhArticleInfo) first = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lekh_test_wait_until (view_loaded, view, 20000));
  wait_for_count (shown, 5);

  /* Newest first. */
  by_date = titles (shown);
  g_assert_cmpstr (by_date, ==, "अलवर का किला|Zebra notes|A post with problems in its metadata|"
                                "जयपुर की यात्रा|Introduction");

  search = find_nth (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, 0);
  tags = find_nth (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, 0);
  authors = find_nth (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, 1);
  drafts = find_nth (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, 2);
  problems = find_labelled (GTK_WIDGET (view), "_Problems");
  columns = GTK_COLUMN_VIEW (find_nth (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, 0));

  /* Text: part of a title, case- and accent-insensitive; Hindi too; or of a path. */
  search_for (search, "ZÉBRA");
  wait_for_count (shown, 1);
  search_for (search, "यात्रा");
  wait_for_count (shown, 1);
  search_for (search, "docs/guide");
  wait_for_count (shown, 1);
  search_for (search, "");
  wait_for_count (shown, 5);

  /* The rows drawn show the rows passing (the model replaces them in steps). */
  search_for (search, "ZÉBRA");
  wait_for_count (shown, 1);
  lekh_test_spin (50);
  g_assert_true (row_shows (columns, "Zebra notes"));
  g_assert_false (row_shows (columns, "Introduction"));
  g_assert_false (row_shows (columns, "जयपुर की यात्रा"));
  search_for (search, "");
  wait_for_count (shown, 5);
  lekh_test_spin (50);
  g_assert_true (row_shows (columns, "Zebra notes"));
  g_assert_true (row_shows (columns, "Introduction"));
  g_assert_true (row_shows (columns, "जयपुर की यात्रा"));

  /* The chosen rows stay chosen while they pass. */
  {
    const char *chosen[] = { "Zebra notes", "Introduction", "जयपुर की यात्रा", NULL };
    g_autofree char *before = NULL, *narrowed = NULL, *after = NULL;

    select_titles (columns, chosen);
    before = selected_titles (columns);
    g_assert_cmpstr (before, ==, "Zebra notes|जयपुर की यात्रा|Introduction");
    /* In the blog's dated file names, not in docs/guide/intro.md. */
    search_for (search, "-0");
    wait_for_count (shown, 4);
    narrowed = selected_titles (columns);
    g_assert_cmpstr (narrowed, ==, "Zebra notes|जयपुर की यात्रा");
    /* A row hidden meanwhile was let go. */
    search_for (search, "");
    wait_for_count (shown, 5);
    after = selected_titles (columns);
    g_assert_cmpstr (after, ==, "Zebra notes|जयपुर की यात्रा");
    gtk_selection_model_unselect_all (gtk_column_view_get_model (columns));
  }

  /* Tag, author, draft, problems; filters add up. */
  select_string (tags, "travel");
  wait_for_count (shown, 4);
  select_string (authors, "ravi");
  wait_for_count (shown, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drafts), 1);
  wait_for_count (shown, 1);
  {
    g_autoptr(LekhArticleInfo) draft = g_list_model_get_item (shown, 0);
    g_assert_cmpstr (lekh_article_info_get_title (draft), ==, "Zebra notes");
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drafts), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (authors), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (tags), 0);
  wait_for_count (shown, 5);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (problems), TRUE);
  wait_for_count (shown, 1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (problems), FALSE);
  wait_for_count (shown, 5);

  /* Sorting by a column's header. */
  gtk_column_view_sort_by_column (columns, column_titled (columns, "Title"), GTK_SORT_ASCENDING);
  ascending = titles (shown);
  g_assert_cmpstr (ascending, ==, "A post with problems in its metadata|Introduction|Zebra notes|"
                                  "अलवर का किला|जयपुर की यात्रा");
  gtk_column_view_sort_by_column (columns, column_titled (columns, "Title"), GTK_SORT_DESCENDING);
  descending = titles (shown);
  g_assert_cmpstr (descending, ==, "जयपुर की यात्रा|अलवर का किला|Zebra notes|Introduction|"
                                   "A post with problems in its metadata");
  gtk_column_view_sort_by_column (columns, column_titled (columns, "Problems"),
                                  GTK_SORT_DESCENDING);
  by_problems = titles (shown);
  g_assert_true (g_str_has_prefix (by_problems, "A post with problems in its metadata|"));

  /* Activating a row opens its article in an editor window. */
  first = g_list_model_get_item (shown, 0);
  g_signal_emit_by_name (columns, "activate", 0);
  g_assert_true (lekh_test_wait_until (window_opened, (gpointer) lekh_article_info_get_path (first),
                                       10000));
  {
    LekhWindow *editor = window_with_file (lekh_article_info_get_path (first));
    GAction *show_site = g_action_map_lookup_action (G_ACTION_MAP (editor), "show-site");

    /* An article of a site offers the overview; activating it comes back to this one. */
    g_assert_true (lekh_test_wait_until (lekh_test_window_ready, editor, 10000));
    g_assert_true (g_action_get_enabled (show_site));
    g_action_activate (show_site, NULL);
    lekh_test_spin (50);
    g_assert_cmpuint (count_site_windows (), ==, 1);
    lekh_test_discard_and_close (editor);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  lekh_test_spin (20);
}

static void
test_follows_disk (void)
{
  g_autofree char *site = make_site ();
  g_autoptr(GFile) root = g_file_new_for_path (site);
  LekhSiteWindow *window = lekh_site_window_new (app, root);
  LekhSiteView *view = lekh_site_window_get_view (window);
  GListModel *shown = lekh_site_view_get_shown (view);
  g_autofree char *added = g_build_filename (site, "blog", "2025-01-01-new.md", NULL);
  g_autofree char *bad = g_build_filename (site, "blog", "2024-04-01-bad.md", NULL);
  g_autofree char *now = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lekh_test_wait_until (view_loaded, view, 20000));
  wait_for_count (shown, 5);

  g_assert_true (g_file_set_contents (added, "---\ntitle: Fresh from disk\n---\n", -1, NULL));
  wait_for_count (shown, 6);
  g_assert_cmpint (g_unlink (bad), ==, 0);
  wait_for_count (shown, 5);
  /* An edit shows: the title changes in place. */
  g_assert_true (g_file_set_contents (added, "---\ntitle: Changed on disk\n---\n", -1, NULL));
  for (guint i = 0; i < 200; i++)
    {
      g_free (now);
      now = titles (shown);
      if (strstr (now, "Changed on disk") != NULL)
        break;
      lekh_test_spin (50);
    }
  g_assert_nonnull (strstr (now, "Changed on disk"));
  g_assert_null (strstr (now, "A post with problems"));
  gtk_window_destroy (GTK_WINDOW (window));
  lekh_test_spin (20);
}

static LekhBulkRename *
find_rename_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (LEKH_IS_BULK_RENAME (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return LEKH_BULK_RENAME (window);
    }
  return NULL;
}

static gboolean
previewed (gpointer dialog)
{
  return lekh_bulk_rename_get_previewed (dialog);
}

static gboolean
no_dialog (gpointer data)
{
  return find_rename_dialog () == NULL;
}

/* TRUE when some shown article has the tag DATA. */
static gboolean
shows_tag (gpointer data)
{
  const char **args = data;
  GListModel *shown = (GListModel *) args[0];

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LekhArticleInfo) info = g_list_model_get_item (shown, i);

      if (g_strv_contains (lekh_article_info_get_tags (info), args[1]))
        return TRUE;
    }
  return FALSE;
}

static gboolean
no_tag (gpointer data)
{
  return !shows_tag (data);
}

static void
test_bulk_rename (void)
{
  g_autofree char *site = make_site ();
  g_autoptr(GFile) root = g_file_new_for_path (site);
  LekhSiteWindow *window = lekh_site_window_new (app, root);
  LekhSiteView *view = lekh_site_window_get_view (window);
  GListModel *shown = lekh_site_view_get_shown (view);
  g_autofree char *intro = g_build_filename (site, "docs", "guide", "intro.md", NULL);
  g_autofree char *before = NULL, *after = NULL, *undone = NULL, *diff = NULL;
  const char *trips[] = { (const char *) shown, "trips" };
  const char *travel[] = { (const char *) shown, "travel" };
  LekhBulkRename *dialog;
  LekhBulkEdit *plan;

  g_assert_true (g_file_get_contents (intro, &before, NULL, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lekh_test_wait_until (view_loaded, view, 20000));
  wait_for_count (shown, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "site.rename", NULL));
  dialog = find_rename_dialog ();
  g_assert_nonnull (dialog);

  /* The preview: every file's diff, nothing written yet. */
  lekh_bulk_rename_set_values (dialog, "tags", "travel", "trips");
  lekh_bulk_rename_preview (dialog);
  g_assert_true (lekh_test_wait_until (previewed, dialog, 10000));
  plan = lekh_bulk_rename_get_plan (dialog);
  g_assert_cmpuint (lekh_bulk_edit_get_n_files (plan), ==, 4);
  diff = lekh_bulk_edit_dup_diff (plan, 0, site);
  g_assert_nonnull (strstr (diff, "\n-tags: [travel, हिंदी]\n+tags: [trips, हिंदी]\n"));
  g_assert_true (g_file_get_contents (intro, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Rename: only the tag's bytes change; the view follows the disk. */
  lekh_bulk_rename_apply (dialog);
  g_assert_true (lekh_test_wait_until (no_dialog, NULL, 5000));
  g_assert_true (g_file_get_contents (intro, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "---\ntitle: Introduction\nsidebar_position: 1\nimage: /img/cover.png\n"
                              "tags: [trips]\n# SPDX-License-Identifier: GPL-3.0-or-later\n---\n\n"
                              "The docs have no tags.yml of their own: the blog's does not apply here.\n");
  g_assert_true (lekh_test_wait_until (shows_tag, trips, 10000));

  /* Undo, as a whole: every byte back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "site.undo", NULL));
  g_assert_true (g_file_get_contents (intro, &undone, NULL, NULL));
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (lekh_test_wait_until (shows_tag, travel, 10000));

  gtk_window_destroy (GTK_WINDOW (window));
  lekh_test_spin (20);
}

/* Selects the shown rows of the articles at PATHS (and no other). */
static void
select_paths (GtkColumnView      *columns,
              const char * const *paths)
{
  select_where (columns, lekh_article_info_get_path, paths);
}

static char *
contents (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Add Tag and Remove Tag on the chosen rows: preview, only the chosen files change, the
 * others and the skipped ones (tags written as text) are left alone, and undo restores each step. */
static void
test_add_remove_tag (void)
{
  g_autofree char *site = make_site ();
  g_autoptr(GFile) root = NULL;
  g_autofree char *intro = g_build_filename (site, "docs", "guide", "intro.md", NULL);
  g_autofree char *hindi = g_build_filename (site, "blog", "2024-07-01-hindi.md", NULL);
  g_autofree char *text_tags = g_build_filename (site, "blog", "2024-08-01-text-tags.md", NULL);
  g_autofree char *bad = g_build_filename (site, "blog", "2024-04-01-bad.md", NULL);
  g_autofree char *intro_before = NULL, *hindi_before = NULL, *bad_before = NULL, *diff = NULL;
  const char *chosen[] = { intro, hindi, text_tags, NULL };
  const char *gtk[2];
  LekhSiteWindow *window;
  LekhSiteView *view;
  GListModel *shown;
  GtkColumnView *columns;
  LekhBulkRename *dialog;
  LekhBulkEdit *plan;
  const char *reason = NULL;

  g_assert_true (g_file_set_contents (text_tags, "---\ntitle: Tags as text\ntags: x y\n---\n",
                                      -1, NULL));
  intro_before = contents (intro);
  hindi_before = contents (hindi);
  bad_before = contents (bad);
  root = g_file_new_for_path (site);
  window = lekh_site_window_new (app, root);
  view = lekh_site_window_get_view (window);
  shown = lekh_site_view_get_shown (view);
  gtk[0] = (const char *) shown;
  gtk[1] = "gtk";
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lekh_test_wait_until (view_loaded, view, 20000));
  wait_for_count (shown, 6);
  columns = GTK_COLUMN_VIEW (find_nth (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, 0));

  /* Nothing chosen: nothing to add to. */
  gtk_widget_activate_action (GTK_WIDGET (view), "site.add-tag", NULL);
  lekh_test_spin (20);
  g_assert_null (find_rename_dialog ());

  select_paths (columns, chosen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "site.add-tag", NULL));
  dialog = find_rename_dialog ();
  g_assert_nonnull (dialog);
  lekh_bulk_rename_set_values (dialog, "tags", "gtk", NULL);
  lekh_bulk_rename_preview (dialog);
  g_assert_true (lekh_test_wait_until (previewed, dialog, 10000));
  plan = lekh_bulk_rename_get_plan (dialog);
  g_assert_cmpuint (lekh_bulk_edit_get_n_files (plan), ==, 2);
  g_assert_cmpuint (lekh_bulk_edit_get_n_skipped (plan), ==, 1);
  g_assert_cmpstr (lekh_bulk_edit_get_skipped (plan, 0, &reason), ==, text_tags);
  g_assert_nonnull (strstr (reason, "not a list"));
  diff = lekh_bulk_edit_dup_diff (plan, 0, site);
  g_assert_nonnull (strstr (diff, "\n-tags: [हिंदी]\n+tags: [हिंदी, gtk]\n"));
  lekh_bulk_rename_apply (dialog);
  g_assert_true (lekh_test_wait_until (no_dialog, NULL, 5000));
  {
    g_autofree char *now = contents (intro);
    g_autofree char *other = contents (bad);

    g_assert_nonnull (strstr (now, "\ntags: [travel, gtk]\n"));
    g_assert_cmpstr (other, ==, bad_before);
  }
  g_assert_true (lekh_test_wait_until (shows_tag, gtk, 10000));

  /* Remove travel from the same rows: only the introduction has it. */
  select_paths (columns, chosen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "site.remove-tag", NULL));
  dialog = find_rename_dialog ();
  g_assert_nonnull (dialog);
  lekh_bulk_rename_set_values (dialog, "tags", "travel", NULL);
  lekh_bulk_rename_preview (dialog);
  g_assert_true (lekh_test_wait_until (previewed, dialog, 10000));
  g_assert_cmpuint (lekh_bulk_edit_get_n_files (lekh_bulk_rename_get_plan (dialog)), ==, 1);
  lekh_bulk_rename_apply (dialog);
  g_assert_true (lekh_test_wait_until (no_dialog, NULL, 5000));
  {
    g_autofree char *now = contents (intro);
    g_assert_nonnull (strstr (now, "\ntags: [gtk]\n"));
  }

  /* Undo, step by step, back to every byte. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "site.undo", NULL));
  {
    g_autofree char *now = contents (intro);
    g_assert_nonnull (strstr (now, "\ntags: [travel, gtk]\n"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "site.undo", NULL));
  {
    g_autofree char *a = contents (intro);
    g_autofree char *b = contents (hindi);

    g_assert_cmpstr (a, ==, intro_before);
    g_assert_cmpstr (b, ==, hindi_before);
  }
  g_assert_true (lekh_test_wait_until (no_tag, gtk, 10000));

  gtk_window_destroy (GTK_WINDOW (window));
  lekh_test_spin (20);
}

/* Renaming an author key renames the authors.yml entry too, in the same preview and undo. */
static void
test_rename_author (void)
{
  g_autofree char *site = make_site ();
  g_autoptr(GFile) root = g_file_new_for_path (site);
  LekhSiteWindow *window = lekh_site_window_new (app, root);
  LekhSiteView *view = lekh_site_window_get_view (window);
  GListModel *shown = lekh_site_view_get_shown (view);
  g_autofree char *authors = g_build_filename (site, "blog", "authors.yml", NULL);
  g_autofree char *draft = g_build_filename (site, "blog", "2024-06-01-draft.md", NULL);
  g_autofree char *authors_before = contents (authors);
  g_autofree char *draft_before = contents (draft);
  LekhBulkRename *dialog;
  LekhBulkEdit *plan;
  gboolean has_authors = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lekh_test_wait_until (view_loaded, view, 20000));
  wait_for_count (shown, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "site.rename", NULL));
  dialog = find_rename_dialog ();
  g_assert_nonnull (dialog);
  lekh_bulk_rename_set_values (dialog, "authors", "ravi", "ravi-k");
  lekh_bulk_rename_preview (dialog);
  g_assert_true (lekh_test_wait_until (previewed, dialog, 10000));
  plan = lekh_bulk_rename_get_plan (dialog);
  for (guint i = 0; i < lekh_bulk_edit_get_n_files (plan); i++)
    if (g_strcmp0 (lekh_bulk_edit_get_path (plan, i), authors) == 0)
      {
        g_autofree char *diff = lekh_bulk_edit_dup_diff (plan, i, site);

        g_assert_nonnull (strstr (diff, "\n-ravi:\n+ravi-k:\n"));
        has_authors = TRUE;
      }
  g_assert_true (has_authors);
  lekh_bulk_rename_apply (dialog);
  g_assert_true (lekh_test_wait_until (no_dialog, NULL, 5000));
  {
    g_autofree char *now = contents (authors);
    g_autofree char *expected = NULL;
    g_auto(GStrv) parts = g_strsplit (authors_before, "\nravi:\n", 2);

    expected = g_strconcat (parts[0], "\nravi-k:\n", parts[1], NULL);
    g_assert_cmpstr (now, ==, expected);
  }
  {
    g_autofree char *now = contents (draft);
    g_assert_nonnull (strstr (now, "authors: [ravi-k]"));
  }

  /* Undo restores the articles and authors.yml alike. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "site.undo", NULL));
  {
    g_autofree char *a = contents (authors);
    g_autofree char *d = contents (draft);

    g_assert_cmpstr (a, ==, authors_before);
    g_assert_cmpstr (d, ==, draft_before);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  lekh_test_spin (20);
}

/* Every row the table has widgets for (drawn or about to be) whose title label reads
 * "Post …" shows a row that passes (GTK 4.8 keeps widgets for some 200 rows: filtering
 * gives the widgets of rows that go to the new ones). */
static void
assert_drawn_rows_pass (GtkColumnView *columns,
                        GListModel    *shown)
{
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  guint drawn = 0;

  lekh_test_spin (50);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      LekhArticleInfo *info = g_list_model_get_item (shown, i);

      g_ptr_array_add (infos, info);
      g_hash_table_add (titles, (gpointer) lekh_article_info_get_title (info));
    }
  find_all (GTK_WIDGET (columns), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_label (labels->pdata[i]);

      if (!g_str_has_prefix (text, "Post "))
        continue;
      if (!g_hash_table_contains (titles, text))
        g_error ("a row of the table shows “%s”, which does not pass", text);
      drawn += gtk_widget_get_mapped (labels->pdata[i]);
    }
  /* The window shows some twenty rows. */
  g_assert_cmpuint (drawn, >=, MIN (g_list_model_get_n_items (shown), 15));
}

static void
test_many_rows (void)
{
  g_autofree char *site = make_site ();
  g_autoptr(GFile) root = NULL;
  LekhSiteWindow *window;
  LekhSiteView *view;
  GListModel *shown;
  GtkWidget *search;
  GtkColumnView *columns;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("2023-01-01-post-%u.md", i);
      g_autofree char *path = g_build_filename (site, "blog", name, NULL);
      g_autofree char *text = g_strdup_printf ("---\ntitle: Post %u %s\n---\n", i,
                                               i % 2 ? "beta" : "alpha");

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
  root = g_file_new_for_path (site);
  window = lekh_site_window_new (app, root);
  view = lekh_site_window_get_view (window);
  shown = lekh_site_view_get_shown (view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lekh_test_wait_until (view_loaded, view, 20000));
  wait_for_count (shown, 405);
  search = find_nth (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, 0);
  columns = GTK_COLUMN_VIEW (find_nth (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, 0));
  assert_drawn_rows_pass (columns, shown);

  search_for (search, "beta");
  wait_for_count (shown, 200);
  assert_drawn_rows_pass (columns, shown);
  search_for (search, "post 1");
  wait_for_count (shown, 111);
  assert_drawn_rows_pass (columns, shown);
  search_for (search, "post 37");
  wait_for_count (shown, 11);
  assert_drawn_rows_pass (columns, shown);
  search_for (search, "");
  wait_for_count (shown, 405);
  assert_drawn_rows_pass (columns, shown);

  /* A sort moves the view with the row it started from (here from the top to the bottom:
   * the order is reversed), and a search right after, before any layout, finds the view
   * there and not at the top (GTK 4.8 then leaves rows that went with widgets, which the
   * view catches): the rows are still right. */
  gtk_column_view_sort_by_column (columns, column_titled (columns, "Title"), GTK_SORT_ASCENDING);
  assert_drawn_rows_pass (columns, shown);
  gtk_column_view_sort_by_column (columns, column_titled (columns, "Title"), GTK_SORT_DESCENDING);
  search_for (search, "beta");
  wait_for_count (shown, 200);
  assert_drawn_rows_pass (columns, shown);
  gtk_column_view_sort_by_column (columns, column_titled (columns, "Title"), GTK_SORT_ASCENDING);
  search_for (search, "");
  wait_for_count (shown, 405);
  assert_drawn_rows_pass (columns, shown);

  /* The chosen rows that still pass stay chosen. */
  {
    const char *chosen[] = { "Post 3 beta", "Post 4 alpha", "Post 35 beta", NULL };
    g_autofree char *narrowed = NULL, *after = NULL;

    select_titles (columns, chosen);
    search_for (search, "post 3");
    wait_for_count (shown, 111);
    assert_drawn_rows_pass (columns, shown);
    narrowed = selected_titles (columns);
    g_assert_true (g_str_equal (narrowed, "Post 3 beta|Post 35 beta") ||
                   g_str_equal (narrowed, "Post 35 beta|Post 3 beta"));
    search_for (search, "");
    wait_for_count (shown, 405);
    after = selected_titles (columns);
    g_assert_cmpstr (after, ==, narrowed);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  lekh_test_spin (20);
}

static void
test_outside_a_site (void)
{
  g_autofree char *path = lekh_test_write_temp ("loose.md", "---\ntitle: Alone\n---\nText\n", -1);
  LekhWindow *window = lekh_test_open_window (app, path, 10000);
  GAction *show_site = g_action_map_lookup_action (G_ACTION_MAP (window), "show-site");

  /* Today's single-article window: no site overview to offer. */
  g_assert_nonnull (show_site);
  g_assert_false (g_action_get_enabled (show_site));
  lekh_test_discard_and_close (window);
}

int
main (int   argc,
      char *argv[])
{
  app = lekh_test_gui_init (&argc, &argv, "/site-view");
  if (app == NULL)
    return g_test_run ();

  g_test_add_func ("/site-view/filter-sort-open", test_filter_sort_open);
  g_test_add_func ("/site-view/follows-disk", test_follows_disk);
  g_test_add_func ("/site-view/bulk-rename", test_bulk_rename);
  g_test_add_func ("/site-view/add-remove-tag", test_add_remove_tag);
  g_test_add_func ("/site-view/rename-author", test_rename_author);
  g_test_add_func ("/site-view/outside-a-site", test_outside_a_site);
  g_test_add_func ("/site-view/many-rows", test_many_rows);

  return g_test_run ();
}
