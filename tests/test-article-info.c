/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lekh-article-info.h"
#include "lekh-article-model.h"

/* The rows of the site overview and `lekh list`, their filter, and the model that follows
 * the site index. */

static char *
fixture (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sites", relative, NULL);
}

static void
test_info_fields (void)
{
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autofree char *jaipur = fixture ("docusaurus/blog/2024-03-05-jaipur/index.md");
  g_autofree char *bad = fixture ("docusaurus/blog/2024-04-01-bad.md");
  g_autofree char *intro = fixture ("docusaurus/docs/guide/intro.md");
  g_autoptr(LekhArticleInfo) a = lekh_article_info_new (validator, jaipur);
  g_autoptr(LekhArticleInfo) b = lekh_article_info_new (validator, bad);
  g_autoptr(LekhArticleInfo) c = lekh_article_info_new (validator, intro);
  g_autofree char *display = NULL, *problems = NULL, *date = NULL;
  const char *tags[] = { "travel", "हिंदी", NULL };

  g_assert_cmpstr (lekh_article_info_get_title (a), ==, "जयपुर की यात्रा");
  g_assert_cmpstr (lekh_article_info_get_profile (a), ==, "docusaurus");
  g_assert_true (g_strv_equal (lekh_article_info_get_tags (a), tags));
  g_assert_cmpuint (lekh_article_info_get_n_errors (b), ==, 1);
  g_assert_cmpuint (lekh_article_info_get_n_warnings (b), ==, 2);
  /* The date from the file name when the front matter has none. */
  g_assert_cmpstr (lekh_article_info_get_date (b), ==, "2024-04-01");
  g_assert_null (lekh_article_info_get_date (c));
  g_object_get (b, "display-path", &display, "problems-text", &problems, NULL);
  g_object_get (c, "date", &date, NULL);
  g_assert_cmpstr (display, ==, "blog/2024-04-01-bad.md");
  g_assert_cmpstr (problems, ==, "1 error, 2 warnings");
  g_assert_cmpstr (date, ==, "");
}

static LekhArticleInfo *
info_for_text (LekhValidator *validator,
               const char    *path,
               const char    *text)
{
  g_autoptr(LekhArticle) article = lekh_article_new (text, -1);

  return lekh_article_info_new_for_article (validator, path, article);
}

static void
test_query (void)
{
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autofree char *jaipur = fixture ("docusaurus/blog/2024-03-05-jaipur/index.md");
  g_autofree char *bad = fixture ("docusaurus/blog/2024-04-01-bad.md");
  g_autoptr(LekhArticleInfo) a = lekh_article_info_new (validator, jaipur);
  g_autoptr(LekhArticleInfo) b = lekh_article_info_new (validator, bad);
  struct
  {
    const char *text, *tag, *author;
    LekhDraftFilter draft;
    gboolean problems, a, b;
  } cases[] = {
    { NULL, NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE, TRUE, TRUE },
    { "यात्रा", NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE, TRUE, FALSE },
    { "  PROBLEMS ", NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE, FALSE, TRUE },
    { "2024-03-05-jai", NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE, TRUE, FALSE },
    { NULL, "TRAVEL", NULL, LEKH_DRAFT_FILTER_ANY, FALSE, TRUE, TRUE },
    { NULL, "trav", NULL, LEKH_DRAFT_FILTER_ANY, FALSE, FALSE, FALSE },
    { NULL, "हिंदी", NULL, LEKH_DRAFT_FILTER_ANY, FALSE, TRUE, FALSE },
    { NULL, NULL, "meera", LEKH_DRAFT_FILTER_ANY, FALSE, FALSE, TRUE },
    { NULL, NULL, NULL, LEKH_DRAFT_FILTER_DRAFTS, FALSE, FALSE, FALSE },
    { NULL, NULL, NULL, LEKH_DRAFT_FILTER_PUBLISHED, FALSE, TRUE, TRUE },
    { NULL, NULL, NULL, LEKH_DRAFT_FILTER_ANY, TRUE, FALSE, TRUE },
    { "post", "travel", "asha", LEKH_DRAFT_FILTER_PUBLISHED, TRUE, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LekhArticleQuery) query = lekh_article_query_new (cases[i].text, cases[i].tag,
                                                                  cases[i].author,
                                                                  cases[i].draft,
                                                                  cases[i].problems);
      g_test_message ("case %u", i);
      g_assert_cmpint (lekh_article_info_matches (a, query), ==, cases[i].a);
      g_assert_cmpint (lekh_article_info_matches (b, query), ==, cases[i].b);
      g_assert_cmpint (lekh_article_query_is_empty (query), ==, i == 0);
    }

  /* The text searched in the tags and authors is their list as shown (", " between),
   * folded: across two values, accents and case aside. */
  {
    g_autoptr(LekhArticleInfo) c =
      info_for_text (validator, "/site/blog/c.md",
                     "---\ntitle: C\ntags: [Crème BRÛLÉE, Travel, हिंदी]\nauthors: [Zoë, Ravi]\n---\n");
    const char *texts[] = { "brulee, tr", "creme brulee, travel, हिंदी", "zoe, ravi", NULL };
    const char *not_texts[] = { "brulee,tr", "brulee travel", "travel, zoe", NULL };

    for (guint i = 0; texts[i]; i++)
      {
        g_autoptr(LekhArticleQuery) query = lekh_article_query_new (texts[i], NULL, NULL,
                                                                    LEKH_DRAFT_FILTER_ANY, FALSE);

        g_assert_true (lekh_article_info_matches (c, query));
      }
    for (guint i = 0; not_texts[i]; i++)
      {
        g_autoptr(LekhArticleQuery) query = lekh_article_query_new (not_texts[i], NULL, NULL,
                                                                    LEKH_DRAFT_FILTER_ANY, FALSE);

        g_assert_false (lekh_article_info_matches (c, query));
      }
  }
}

static void
test_compare (void)
{
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autofree char *jaipur = fixture ("docusaurus/blog/2024-03-05-jaipur/index.md");
  g_autofree char *bad = fixture ("docusaurus/blog/2024-04-01-bad.md");
  g_autofree char *intro = fixture ("docusaurus/docs/guide/intro.md");
  g_autoptr(LekhArticleInfo) j = lekh_article_info_new (validator, jaipur);
  g_autoptr(LekhArticleInfo) b = lekh_article_info_new (validator, bad);
  g_autoptr(LekhArticleInfo) i = lekh_article_info_new (validator, intro);

  /* Titles: case-insensitive, Latin before Devanagari. */
  g_assert_cmpint (lekh_article_info_compare (b, i, LEKH_ARTICLE_COLUMN_TITLE), <, 0);
  g_assert_cmpint (lekh_article_info_compare (i, j, LEKH_ARTICLE_COLUMN_TITLE), <, 0);
  /* Dates as written; none first. */
  g_assert_cmpint (lekh_article_info_compare (j, b, LEKH_ARTICLE_COLUMN_DATE), <, 0);
  g_assert_cmpint (lekh_article_info_compare (i, j, LEKH_ARTICLE_COLUMN_DATE), <, 0);
  /* Fewer problems first; ties by path. */
  g_assert_cmpint (lekh_article_info_compare (j, b, LEKH_ARTICLE_COLUMN_PROBLEMS), <, 0);
  g_assert_cmpint (lekh_article_info_compare (j, i, LEKH_ARTICLE_COLUMN_PROBLEMS), <, 0);
  g_assert_cmpint (lekh_article_info_compare (j, j, LEKH_ARTICLE_COLUMN_TAGS), ==, 0);
  /* Tags: "travel, food" before "travel, हिंदी". */
  g_assert_cmpint (lekh_article_info_compare (b, j, LEKH_ARTICLE_COLUMN_TAGS), <, 0);
  g_assert_cmpint (lekh_article_info_compare (i, b, LEKH_ARTICLE_COLUMN_PATH), >, 0);

  /* A path order, when both have one, decides ties instead of the paths. */
  lekh_article_info_set_order (i, LEKH_ARTICLE_COLUMN_PATH, 1);
  lekh_article_info_set_order (b, LEKH_ARTICLE_COLUMN_PATH, 2);
  g_assert_cmpint (lekh_article_info_compare (i, b, LEKH_ARTICLE_COLUMN_PATH), <, 0);
  g_assert_cmpint (lekh_article_info_compare (b, i, LEKH_ARTICLE_COLUMN_DRAFT), >, 0);
  lekh_article_info_set_order (b, LEKH_ARTICLE_COLUMN_PATH, 0);
  g_assert_cmpint (lekh_article_info_compare (i, b, LEKH_ARTICLE_COLUMN_PATH), >, 0);
}


/* ISO dates compare by the time they name (a space or a T before the time), before them
 * the articles without a date or with another kind of date, by their text. */
static void
test_compare_dates (void)
{
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  const char *dates[] = {
    NULL, "March 2024", "2023-12-31", "2024-03-05", "2024-03-05 09:00", "2024-03-05T10:30:00Z",
    "2024-03-05T10:30:01", "2024-11-01",
  };
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < G_N_ELEMENTS (dates); k++)
    {
      g_autofree char *text = dates[k] ? g_strdup_printf ("---\ndate: %s\n---\n", dates[k])
                                       : g_strdup ("---\ntitle: x\n---\n");
      g_autofree char *path = g_strdup_printf ("/nowhere/%c.md", 'z' - k);

      g_ptr_array_add (infos, info_for_text (validator, path, text));
    }
  for (guint k = 0; k + 1 < infos->len; k++)
    {
      g_test_message ("%s < %s", dates[k], dates[k + 1]);
      g_assert_cmpint (lekh_article_info_compare (infos->pdata[k], infos->pdata[k + 1],
                                                  LEKH_ARTICLE_COLUMN_DATE), <, 0);
      g_assert_cmpint (lekh_article_info_compare (infos->pdata[k + 1], infos->pdata[k],
                                                  LEKH_ARTICLE_COLUMN_DATE), >, 0);
    }
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (lekh_article_model_load_finish (LEKH_ARTICLE_MODEL (object), result, NULL));
  *done = TRUE;
}

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  return lekh_article_info_compare (*(LekhArticleInfo * const *) a,
                                    *(LekhArticleInfo * const *) b, LEKH_ARTICLE_COLUMN_TITLE);
}

static void
test_model_follows_index (void)
{
  g_autofree char *source = fixture ("docusaurus");
  g_autofree char *dir = g_dir_make_tmp ("lekh-article-model-XXXXXX", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r '%s'/. '%s'", source, dir);
  g_autofree char *added = g_build_filename (dir, "blog", "2000-01-01-a.md", NULL);
  g_autofree char *bad = g_build_filename (dir, "blog", "2024-04-01-bad.md", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GFile) added_file = g_file_new_for_path (added);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(LekhSiteIndex) index = lekh_site_index_new (root);
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autoptr(LekhArticleModel) model = NULL;
  gboolean done = FALSE;

  g_assert_cmpint (system (command), ==, 0);
  g_assert_true (lekh_site_index_build (index, NULL, NULL));
  model = lekh_article_model_new (index, validator);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  lekh_article_model_load_async (model, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpint (lekh_article_model_find (model, bad), ==, 1);

  /* The index reads a file again: the model follows (added, changed, removed). */
  g_assert_true (g_file_set_contents (added, "---\ntitle: A\n---\n", -1, NULL));
  lekh_site_index_update_file (index, added_file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  g_assert_cmpint (lekh_article_model_find (model, added), ==, 0);
  /* The path orders grow along the list, the added one included. */
  for (guint k = 0; k + 1 < 4; k++)
    {
      g_autoptr(LekhArticleInfo) x = g_list_model_get_item (G_LIST_MODEL (model), k);
      g_autoptr(LekhArticleInfo) y = g_list_model_get_item (G_LIST_MODEL (model), k + 1);

      g_assert_cmpuint (lekh_article_info_get_order (x, LEKH_ARTICLE_COLUMN_PATH), >, 0);
      g_assert_cmpuint (lekh_article_info_get_order (x, LEKH_ARTICLE_COLUMN_PATH), <,
                        lekh_article_info_get_order (y, LEKH_ARTICLE_COLUMN_PATH));
    }
  g_assert_true (g_file_set_contents (bad, "---\ntitle: Fixed\n---\n", -1, NULL));
  lekh_site_index_update_file (index, bad_file);
  {
    g_autoptr(LekhArticleInfo) info = g_list_model_get_item (G_LIST_MODEL (model), 2);
    g_assert_cmpstr (lekh_article_info_get_title (info), ==, "Fixed");
    g_assert_cmpuint (lekh_article_info_get_n_errors (info), ==, 0);
  }
  /* Sorting by title compares the orders the model keeps: still the titles' order after the
   * changes. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (model)); k++)
      {
        LekhArticleInfo *row = g_list_model_get_item (G_LIST_MODEL (model), k);

        g_assert_cmpuint (lekh_article_info_get_order (row, LEKH_ARTICLE_COLUMN_TITLE), >, 0);
        g_ptr_array_add (rows, row);
      }
    g_ptr_array_sort_with_data (rows, compare_titles, NULL);
    for (guint k = 0; k + 1 < rows->len; k++)
      {
        const char *x = lekh_article_info_get_title (rows->pdata[k]);
        const char *y = lekh_article_info_get_title (rows->pdata[k + 1]);
        g_autofree char *fx = lekh_site_fold (x ? x : "");
        g_autofree char *fy = lekh_site_fold (y ? y : "");

        g_test_message ("%s <= %s", fx, fy);
        g_assert_cmpint (strcmp (fx, fy), <=, 0);
      }
    g_assert_cmpstr (lekh_article_info_get_title (rows->pdata[1]), ==, "Fixed");
  }
  g_assert_cmpint (g_unlink (bad), ==, 0);
  lekh_site_index_update_file (index, bad_file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpint (lekh_article_model_find (model, bad), ==, -1);

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (rm), ==, 0);
  }
}

/* Consecutive shown rows in COLUMN's order (reversed when DESCENDING). */
static void
assert_sorted (GListModel        *model,
               LekhArticleColumn  column,
               gboolean           descending)
{
  for (guint k = 0; k + 1 < g_list_model_get_n_items (model); k++)
    {
      g_autoptr(LekhArticleInfo) x = g_list_model_get_item (model, k);
      g_autoptr(LekhArticleInfo) y = g_list_model_get_item (model, k + 1);
      int cmp = lekh_article_info_compare (x, y, column);

      g_assert_cmpint (descending ? -cmp : cmp, <, 0);
      /* The same order by the texts alone. */
      if (column == LEKH_ARTICLE_COLUMN_TITLE)
        {
          const char *tx = lekh_article_info_get_title (x), *ty = lekh_article_info_get_title (y);
          g_autofree char *fx = lekh_site_fold (tx ? tx : "");
          g_autofree char *fy = lekh_site_fold (ty ? ty : "");

          g_assert_cmpint (descending ? -strcmp (fx, fy) : strcmp (fx, fy), <=, 0);
        }
    }
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

/* The model sorts by any column and keeps that order as files change; its one-pass text
 * search lets through what lekh_article_info_matches does. */
static void
test_model_sort_and_query (void)
{
  g_autofree char *source = fixture ("docusaurus");
  g_autofree char *dir = g_dir_make_tmp ("lekh-article-model-XXXXXX", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r '%s'/. '%s'", source, dir);
  g_autofree char *added = g_build_filename (dir, "blog", "2001-01-01-b.md", NULL);
  g_autofree char *bad = g_build_filename (dir, "blog", "2024-04-01-bad.md", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GFile) added_file = g_file_new_for_path (added);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(LekhSiteIndex) index = lekh_site_index_new (root);
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autoptr(LekhArticleModel) model = lekh_article_model_new (index, validator);
  GListModel *list = G_LIST_MODEL (model);
  const LekhArticleColumn columns[] = {
    LEKH_ARTICLE_COLUMN_TITLE, LEKH_ARTICLE_COLUMN_DATE, LEKH_ARTICLE_COLUMN_DRAFT,
    LEKH_ARTICLE_COLUMN_TAGS, LEKH_ARTICLE_COLUMN_AUTHORS, LEKH_ARTICLE_COLUMN_PROBLEMS,
    LEKH_ARTICLE_COLUMN_PATH,
  };
  const char *texts[] = { "यात्रा", "POST", "blog/", "nothing-like-this", NULL };
  gboolean done = FALSE;
  guint changes = 0;

  g_assert_cmpint (system (command), ==, 0);
  lekh_article_model_load_async (model, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), &changes);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (guint d = 0; d < 2; d++)
      {
        lekh_article_model_set_sort (model, columns[c], d);
        assert_sorted (list, columns[c], d);
      }

  /* Sorted by title, descending: a new title moves its row, a new file goes in its place,
   * and find() gives the shown position. */
  lekh_article_model_set_sort (model, LEKH_ARTICLE_COLUMN_TITLE, TRUE);
  changes = 0;
  g_assert_true (g_file_set_contents (bad, "---\ntitle: Zebra\n---\n", -1, NULL));
  lekh_site_index_update_file (index, bad_file);
  g_assert_cmpuint (changes, ==, 1);
  assert_sorted (list, LEKH_ARTICLE_COLUMN_TITLE, TRUE);
  g_assert_true (g_file_set_contents (added, "---\ntitle: Beta यात्रा\n---\n", -1, NULL));
  lekh_site_index_update_file (index, added_file);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  assert_sorted (list, LEKH_ARTICLE_COLUMN_TITLE, TRUE);
  {
    gint position = lekh_article_model_find (model, added);
    g_autoptr(LekhArticleInfo) info = g_list_model_get_item (list, position);

    g_assert_cmpstr (lekh_article_info_get_path (info), ==, added);
  }

  for (guint t = 0; texts[t]; t++)
    {
      g_autoptr(LekhArticleQuery) query = lekh_article_query_new (texts[t], NULL, NULL,
                                                                  LEKH_DRAFT_FILTER_ANY, FALSE);
      guint passed = 0;

      lekh_article_model_set_query (model, query);
      for (guint k = 0; k < g_list_model_get_n_items (list); k++)
        {
          g_autoptr(LekhArticleInfo) info = g_list_model_get_item (list, k);

          g_assert_cmpint (lekh_article_model_matches (model, info, query), ==,
                           lekh_article_info_matches (info, query));
          passed += lekh_article_model_matches (model, info, query);
        }
      g_test_message ("“%s”: %u", texts[t], passed);
      if (t == 0)
        g_assert_cmpuint (passed, ==, 2);
      if (texts[t + 1] == NULL)
        g_assert_cmpuint (passed, ==, 0);

      /* A file changed while searching: its row is searched at once. */
      if (t == 0)
        {
          g_assert_true (g_file_set_contents (added, "---\ntitle: Gamma\n---\n", -1, NULL));
          lekh_site_index_update_file (index, added_file);
          /* It no longer passes: it is not shown. */
          g_assert_cmpint (lekh_article_model_find (model, added), ==, -1);
          g_assert_true (g_file_set_contents (added, "---\ntitle: यात्रा\n---\n", -1, NULL));
          lekh_site_index_update_file (index, added_file);
          {
            gint position = lekh_article_model_find (model, added);
            g_autoptr(LekhArticleInfo) info = g_list_model_get_item (list, position);

            g_assert_true (lekh_article_model_matches (model, info, query));
          }
        }
    }

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (rm), ==, 0);
  }
}

/* Files that change while the rows are being ordered (after the index was read) show. */
static void
test_model_catches_up (void)
{
  g_autofree char *source = fixture ("docusaurus");
  g_autofree char *dir = g_dir_make_tmp ("lekh-article-model-XXXXXX", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r '%s'/. '%s'", source, dir);
  g_autofree char *added = g_build_filename (dir, "blog", "2030-01-01-late.md", NULL);
  g_autofree char *bad = g_build_filename (dir, "blog", "2024-04-01-bad.md", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GFile) added_file = g_file_new_for_path (added);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(LekhSiteIndex) index = lekh_site_index_new (root);
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autoptr(LekhArticleModel) model = lekh_article_model_new (index, validator);
  gboolean done = FALSE;

  g_assert_cmpint (system (command), ==, 0);
  g_assert_true (lekh_site_index_build (index, NULL, NULL));
  lekh_article_model_load_async (model, NULL, loaded_cb, &done);
  /* The rows are being ordered in a worker thread: the index reads two files meanwhile. */
  g_assert_true (g_file_set_contents (added, "---\ntitle: Late\n---\n", -1, NULL));
  lekh_site_index_update_file (index, added_file);
  g_assert_true (g_file_set_contents (bad, "---\ntitle: Changed\n---\n", -1, NULL));
  lekh_site_index_update_file (index, bad_file);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  g_assert_cmpint (lekh_article_model_find (model, added), >=, 0);
  {
    g_autoptr(LekhArticleInfo) info =
      g_list_model_get_item (G_LIST_MODEL (model), lekh_article_model_find (model, bad));
    g_assert_cmpstr (lekh_article_info_get_title (info), ==, "Changed");
  }
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (rm), ==, 0);
  }
}

/* A copy of a list model that follows its changes, each applied as it is emitted (so the
 * list must be consistent at every step of a change made in several). */
typedef struct
{
  GPtrArray *rows;
  guint      changes;
} Mirror;

static void
mirror_changed (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->rows->len);
  g_ptr_array_remove_range (mirror->rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->rows, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (mirror->rows->len, ==, g_list_model_get_n_items (model));
  mirror->changes++;
}

static int
compare_by (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  const LekhArticleColumn *by = data;
  int cmp = lekh_article_info_compare (*(LekhArticleInfo * const *) a,
                                       *(LekhArticleInfo * const *) b, by[0]);

  return by[1] ? -cmp : cmp;
}

/* The model shows exactly the index's rows that pass QUERY (lekh_article_info_matches, row
 * by row), in the order chosen; the mirror holds the same; find() gives their positions. */
static void
assert_shows (LekhArticleModel       *model,
              LekhSiteIndex          *index,
              Mirror                 *mirror,
              const LekhArticleQuery *query)
{
  g_autoptr(GPtrArray) all = lekh_site_index_dup_infos (index);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  LekhArticleColumn by[2] = {
    lekh_article_model_get_sort_column (model), lekh_article_model_get_sort_descending (model),
  };
  GListModel *list = G_LIST_MODEL (model);

  for (guint i = 0; i < all->len; i++)
    if (query == NULL || lekh_article_info_matches (all->pdata[i], query))
      g_ptr_array_add (expected, all->pdata[i]);
  g_ptr_array_sort_with_data (expected, compare_by, by);
  g_assert_cmpuint (lekh_article_model_get_n_articles (model), ==, all->len);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected->len);
  g_assert_cmpuint (mirror->rows->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(LekhArticleInfo) row = g_list_model_get_item (list, i);

      g_assert_true (row == expected->pdata[i]);
      g_assert_true (mirror->rows->pdata[i] == expected->pdata[i]);
      g_assert_cmpint (lekh_article_model_find (model, lekh_article_info_get_path (row)), ==, i);
    }
  g_assert_null (g_list_model_get_item (list, expected->len));
  /* Rows the query hides are not found. */
  for (guint i = 0; i < all->len; i++)
    if (!g_ptr_array_find (expected, all->pdata[i], NULL))
      g_assert_cmpint (lekh_article_model_find (model, lekh_article_info_get_path (all->pdata[i])),
                       ==, -1);
}

/* The model filters its rows itself: any query, in any order, through files changing. */
static void
test_model_filters (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lekh-article-model-XXXXXX", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(LekhSiteIndex) index = NULL;
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autoptr(LekhArticleModel) model = NULL;
  g_autofree char *blog = g_build_filename (dir, "blog", NULL);
  g_autofree char *moved = NULL;
  g_autoptr(GFile) moved_file = NULL;
  const char *words[] = { "jaipur", "यात्रा", "fort", "Bazaar", "किले" };
  const char *tags[] = { "travel", "food", "हिंदी" };
  const struct { const char *text, *tag, *author; LekhDraftFilter draft; gboolean problems; } queries[] = {
    { "a", NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE },
    { "किले", NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE },
    { "post-7", NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE },
    { "post-1", NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE },
    { NULL, "food", NULL, LEKH_DRAFT_FILTER_ANY, FALSE },
    { "jaipur", "travel", NULL, LEKH_DRAFT_FILTER_PUBLISHED, FALSE },
    { NULL, NULL, "asha", LEKH_DRAFT_FILTER_DRAFTS, FALSE },
    { NULL, NULL, NULL, LEKH_DRAFT_FILTER_ANY, TRUE },
    { "BAZAAR", NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE },
    { "nothing-like-this", NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE },
    { "", NULL, NULL, LEKH_DRAFT_FILTER_ANY, FALSE },
  };
  const LekhArticleColumn columns[] = {
    LEKH_ARTICLE_COLUMN_PATH, LEKH_ARTICLE_COLUMN_TITLE, LEKH_ARTICLE_COLUMN_DATE,
  };
  Mirror mirror = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  gboolean done = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (blog, 0755), ==, 0);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("2024-01-%02u-post-%u.md", 1 + i % 28, i);
      g_autofree char *path = g_build_filename (blog, name, NULL);
      g_autofree char *text = g_strdup_printf ("---\ntitle: %s %s %u\ntags: [%s]\nauthors: [%s]\n%s%s---\n\nBody.\n",
                                               words[i % 5], words[(i * 7) % 5], i, tags[i % 3],
                                               i % 4 ? "ravi" : "asha",
                                               i % 6 == 0 ? "draft: true\n" : "",
                                               i % 9 == 0 ? "date: not-a-date\n" : "");

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
  moved = g_build_filename (blog, "2024-01-07-post-6.md", NULL);
  moved_file = g_file_new_for_path (moved);
  index = lekh_site_index_new (root);
  g_assert_true (lekh_site_index_build (index, NULL, NULL));
  model = lekh_article_model_new (index, validator);
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_changed), &mirror);
  lekh_article_model_load_async (model, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  assert_shows (model, index, &mirror, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (guint d = 0; d < 2; d++)
      {
        lekh_article_model_set_sort (model, columns[c], d);
        for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
          {
            g_autoptr(LekhArticleQuery) query = lekh_article_query_new (queries[q].text,
                                                                        queries[q].tag,
                                                                        queries[q].author,
                                                                        queries[q].draft,
                                                                        queries[q].problems);

            g_test_message ("by %d%s: “%s”", columns[c], d ? " descending" : "",
                            queries[q].text);
            lekh_article_model_set_query (model, query);
            assert_shows (model, index, &mirror, query);
            if (q == 0)
              g_assert_cmpuint (mirror.rows->len, >, 20);
            if (q == 1)
              g_assert_cmpuint (mirror.rows->len, ==, 16);
            if (q == 2)
              g_assert_cmpuint (mirror.rows->len, ==, 1);
            if (q + 2 == G_N_ELEMENTS (queries))
              g_assert_cmpuint (mirror.rows->len, ==, 0);
          }
      }

  /* Files change under a query: a row that starts to pass shows, one that stops leaves,
   * a removed one leaves, each in one change. */
  lekh_article_model_set_sort (model, LEKH_ARTICLE_COLUMN_TITLE, TRUE);
  {
    g_autoptr(LekhArticleQuery) query = lekh_article_query_new ("किले", NULL, NULL,
                                                                LEKH_DRAFT_FILTER_ANY, FALSE);

    lekh_article_model_set_query (model, query);
    assert_shows (model, index, &mirror, query);
    g_assert_cmpint (lekh_article_model_find (model, moved), ==, -1);
    mirror.changes = 0;
    g_assert_true (g_file_set_contents (moved, "---\ntitle: Amber किले\n---\n", -1, NULL));
    lekh_site_index_update_file (index, moved_file);
    g_assert_cmpuint (mirror.changes, ==, 1);
    assert_shows (model, index, &mirror, query);
    g_assert_cmpint (lekh_article_model_find (model, moved), ==, mirror.rows->len - 1);
    /* Moves up (Latin sorts before Devanagari, and this is descending). */
    mirror.changes = 0;
    g_assert_true (g_file_set_contents (moved, "---\ntitle: किले\n---\n", -1, NULL));
    lekh_site_index_update_file (index, moved_file);
    g_assert_cmpuint (mirror.changes, ==, 1);
    assert_shows (model, index, &mirror, query);
    g_assert_cmpint (lekh_article_model_find (model, moved), <, mirror.rows->len - 1);
    mirror.changes = 0;
    g_assert_true (g_file_set_contents (moved, "---\ntitle: Amber\n---\n", -1, NULL));
    lekh_site_index_update_file (index, moved_file);
    g_assert_cmpuint (mirror.changes, ==, 1);
    assert_shows (model, index, &mirror, query);
    g_assert_cmpint (lekh_article_model_find (model, moved), ==, -1);
    /* A hidden row that goes changes nothing shown. */
    mirror.changes = 0;
    g_assert_cmpint (g_unlink (moved), ==, 0);
    lekh_site_index_update_file (index, moved_file);
    g_assert_cmpuint (mirror.changes, ==, 0);
    assert_shows (model, index, &mirror, query);
    g_assert_cmpuint (lekh_article_model_get_n_articles (model), ==, 39);
  }
  lekh_article_model_set_query (model, NULL);
  assert_shows (model, index, &mirror, NULL);

  g_ptr_array_unref (mirror.rows);
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (rm), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-info/fields", test_info_fields);
  g_test_add_func ("/article-info/query", test_query);
  g_test_add_func ("/article-info/compare", test_compare);
  g_test_add_func ("/article-info/compare-dates", test_compare_dates);
  g_test_add_func ("/article-info/model-follows-index", test_model_follows_index);
  g_test_add_func ("/article-info/model-sort-and-query", test_model_sort_and_query);
  g_test_add_func ("/article-info/model-catches-up", test_model_catches_up);
  g_test_add_func ("/article-info/model-filters", test_model_filters);

  return g_test_run ();
}
