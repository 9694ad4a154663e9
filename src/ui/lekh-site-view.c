/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <string.h>

#include "lekh-article-model.h"
#include "lekh-bulk-rename.h"
#include "lekh-site-view.h"

struct _LekhSiteView
{
  GtkWidget           parent_instance;

  GtkWidget          *toast_overlay;
  GtkWidget          *box;
  GtkWidget          *search_entry;
  GtkWidget          *tag_dropdown;
  GtkWidget          *author_dropdown;
  GtkWidget          *draft_dropdown;
  GtkWidget          *problems_button;
  GtkWidget          *stack;
  GtkWidget          *spinner;
  GtkWidget          *column_view;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *draft_column;
  GtkColumnViewColumn *tags_column;
  GtkColumnViewColumn *authors_column;
  GtkColumnViewColumn *problems_column;
  GtkColumnViewColumn *path_column;
  GtkWidget          *status_label;

  GFile              *root;
  GCancellable       *cancellable;
  LekhSiteIndex      *index;
  LekhValidator      *validator;
  LekhArticleModel   *articles;    /* the rows shown: the model filters them itself */
  GtkMultiSelection  *selection;
  GHashTable         *rows;        /* GtkListItem of the title column the table has now */
  guint               tick_id;     /* rows changed since the table's last layout */
  /* Two rows every column orders the same way, to learn which column the column view's
   * sorter sorts by (GTK 4.8 does not say): see sort_changed_cb. */
  LekhArticleInfo    *probes[2];
  gint                probed;
  LekhArticleColumn   sort_column;
  gboolean            sort_descending;
  LekhArticleQuery   *query;
  GPtrArray          *journal;     /* LekhBulkEdit applied, the last one last */
  gboolean            loaded;
};

G_DEFINE_FINAL_TYPE (LekhSiteView, lekh_site_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_LOADED, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { OPEN_ARTICLE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_state (LekhSiteView *self)
{
  guint shown = self->articles ? g_list_model_get_n_items (G_LIST_MODEL (self->articles)) : 0;
  guint total = self->articles ? lekh_article_model_get_n_articles (self->articles) : 0;
  g_autofree char *status = NULL;

  if (!self->loaded)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
      gtk_label_set_label (GTK_LABEL (self->status_label), "");
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), shown > 0 ? "articles" : "empty");
  if (shown == total)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", total),
                              total);
  else
    /* TRANSLATORS: the site view's status line while a filter is on */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u article",
                                           "%u of %u articles", total), shown, total);
  gtk_label_set_label (GTK_LABEL (self->status_label), status);
}

/* The chosen value of a tag/author drop-down (its first row is "any"), or NULL. */
static const char *
dropdown_value (GtkWidget *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  if (item == NULL || gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)) == 0)
    return NULL;
  return gtk_string_object_get_string (item);
}

/* The rows chosen (a new array of their LekhArticleInfo), or NULL. */
static GPtrArray *
dup_selected_items (LekhSiteView *self)
{
  g_autoptr(GtkBitset) chosen = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *items;
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_is_empty (chosen))
    return NULL;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, chosen, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return items;
}

/* Chooses the rows of ITEMS still shown, and only them. */
static void
select_items (LekhSiteView *self,
              GPtrArray    *items)
{
  g_autoptr(GtkBitset) chosen = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) all = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < items->len; i++)
    {
      gint position = lekh_article_model_find (self->articles,
                                               lekh_article_info_get_path (items->pdata[i]));

      if (position >= 0)
        gtk_bitset_add (chosen, position);
    }
  all = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), chosen, all);
}

/* New results show from the top, and the model changes the rows shown in steps that keep
 * the widgets of the rows at the top of the view (see show_in_steps): the view goes to the
 * top before. Its adjustment tells where it was at the last layout only, and GTK cannot
 * scroll among rows changed since (a sort, say, moves the view with the row it started
 * from): then it stays where it is, and check_rows catches what that costs. */
static void
scroll_to_top (LekhSiteView *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (vadjustment != NULL && self->tick_id == 0 && gtk_adjustment_get_value (vadjustment) != 0)
    gtk_adjustment_set_value (vadjustment, 0);
}

static gboolean
laid_out_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  LekhSiteView *self = user_data;

  /* The frame this starts lays the table out. */
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Every row the table has widgets for shows the model's row at its position. GTK 4.8's
 * list item manager removes a range from the start of the block of rows without widgets
 * that holds its first row (gtk_list_item_manager_remove_items ignores the offset), which
 * the steps of a query change can meet when the view was not at the top after all: rows
 * that should have gone keep their widgets. Then the table makes its rows anew. */
static void
check_rows (LekhSiteView *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      gpointer item = gtk_list_item_get_item (row);
      guint position = gtk_list_item_get_position (row);
      g_autoptr(GObject) shown = NULL;

      if (item == NULL)
        continue;
      if (position < n)
        shown = g_list_model_get_item (model, position);
      if (shown != item)
        {
          g_debug ("Row %u shows an article it should not: the table makes its rows anew",
                   position);
          gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), NULL);
          gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view),
                                     GTK_SELECTION_MODEL (self->selection));
          return;
        }
    }
}

static void
filter_changed_cb (LekhSiteView *self)
{
  static const LekhDraftFilter drafts[] = {
    LEKH_DRAFT_FILTER_ANY, LEKH_DRAFT_FILTER_DRAFTS, LEKH_DRAFT_FILTER_PUBLISHED,
  };
  guint draft = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->draft_dropdown));

  g_clear_pointer (&self->query, lekh_article_query_free);
  self->query = lekh_article_query_new (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                        dropdown_value (self->tag_dropdown),
                                        dropdown_value (self->author_dropdown),
                                        drafts[MIN (draft, G_N_ELEMENTS (drafts) - 1)],
                                        gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->problems_button)));
  if (self->articles != NULL)
    {
      g_autoptr(GPtrArray) chosen = dup_selected_items (self);
      scroll_to_top (self);
      lekh_article_model_set_query (self->articles, self->query);
      check_rows (self);
      /* The steps drop the chosen rows; those still shown are chosen again. */
      if (chosen != NULL)
        select_items (self, chosen);
    }
  update_state (self);
}

/* Rows come from signal factories: a builder factory parses its template again for every
 * row it makes, and a filter that hides most rows makes the view create them anew. */
static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  LekhArticleColumn column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  switch (column)
    {
    case LEKH_ARTICLE_COLUMN_TITLE:
    case LEKH_ARTICLE_COLUMN_TAGS:
    case LEKH_ARTICLE_COLUMN_AUTHORS:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      break;
    case LEKH_ARTICLE_COLUMN_PATH:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_START);
      gtk_widget_add_css_class (label, "dim-label");
      break;
    case LEKH_ARTICLE_COLUMN_DRAFT:
      gtk_label_set_label (GTK_LABEL (label), _("Draft"));
      gtk_widget_add_css_class (label, "dim-label");
      break;
    case LEKH_ARTICLE_COLUMN_DATE:
      gtk_widget_add_css_class (label, "numeric");
      break;
    case LEKH_ARTICLE_COLUMN_PROBLEMS:
    default:
      gtk_widget_add_css_class (label, "warning");
      break;
    }
  gtk_list_item_set_child (item, label);
}

static GQuark shown_quark;

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  LekhArticleInfo *info = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  /* GTK 4.8 binds a row again whenever its position changes (every row after a sort or a
   * filter): a row that shows this article already shows it right (articles never change;
   * a changed file is a new LekhArticleInfo). The label holds the article it shows. */
  if (g_object_get_qdata (G_OBJECT (label), shown_quark) == info)
    return;
  g_object_set_qdata_full (G_OBJECT (label), shown_quark, g_object_ref (info), g_object_unref);
  switch (GPOINTER_TO_INT (data))
    {
    case LEKH_ARTICLE_COLUMN_TITLE:
      gtk_label_set_label (label, lekh_article_info_get_title (info));
      break;
    case LEKH_ARTICLE_COLUMN_DATE:
      gtk_label_set_label (label, lekh_article_info_get_date (info));
      break;
    case LEKH_ARTICLE_COLUMN_DRAFT:
      gtk_widget_set_visible (GTK_WIDGET (label), lekh_article_info_get_draft (info));
      break;
    case LEKH_ARTICLE_COLUMN_TAGS:
      text = g_strjoinv (", ", (char **) lekh_article_info_get_tags (info));
      gtk_label_set_label (label, text);
      break;
    case LEKH_ARTICLE_COLUMN_AUTHORS:
      text = g_strjoinv (", ", (char **) lekh_article_info_get_authors (info));
      gtk_label_set_label (label, text);
      break;
    case LEKH_ARTICLE_COLUMN_PROBLEMS:
      text = lekh_article_info_dup_problems_text (info);
      gtk_label_set_label (label, text);
      break;
    case LEKH_ARTICLE_COLUMN_PATH:
    default:
      {
        g_autofree char *display = NULL;

        g_object_get (info, "display-path", &display, NULL);
        gtk_label_set_label (label, display);
      }
      break;
    }
}

/* Sorting is the article model's: it keeps every column's order as the files change, so a
 * click on a header chooses an order instead of sorting 50,000 rows through GTK's sorters
 * (see sort_changed_cb). The columns' sorters are only there for the headers: they compare
 * as the model orders, and tell which column the column view asked for. */
typedef struct
{
  LekhSiteView      *self;
  LekhArticleColumn  column;
} ColumnSorter;

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  ColumnSorter *sorter = data;

  sorter->self->probed = sorter->column;
  return lekh_article_info_compare ((LekhArticleInfo *) a, (LekhArticleInfo *) b,
                                    sorter->column);
}

static void
apply_sort (LekhSiteView *self)
{
  if (self->articles != NULL)
    lekh_article_model_set_sort (self->articles, self->sort_column, self->sort_descending);
}

/* The column view's sorter compares with the sorter of the column clicked last first, then
 * the others; the two probes differ in every column, so only that first sorter is asked,
 * and the sign says the direction. */
static void
sort_changed_cb (LekhSiteView *self,
                 GtkSorterChange change,
                 GtkSorter    *sorter)
{
  GtkOrdering ordering;

  self->probed = -1;
  ordering = gtk_sorter_compare (sorter, self->probes[0], self->probes[1]);
  if (ordering == GTK_ORDERING_EQUAL || self->probed < 0)
    {
      self->sort_column = LEKH_ARTICLE_COLUMN_PATH;
      self->sort_descending = FALSE;
    }
  else
    {
      self->sort_column = self->probed;
      self->sort_descending = ordering == GTK_ORDERING_LARGER;
    }
  apply_sort (self);
}

static void
row_setup_cb (LekhSiteView *self,
              GtkListItem  *item)
{
  g_hash_table_add (self->rows, item);
}

static void
row_teardown_cb (LekhSiteView *self,
                 GtkListItem  *item)
{
  if (self->rows != NULL)
    g_hash_table_remove (self->rows, item);
}

static void
setup_column (LekhSiteView        *self,
              GtkColumnViewColumn *column,
              LekhArticleColumn    kind)
{
  ColumnSorter *data = g_new0 (ColumnSorter, 1);
  g_autoptr(GtkSorter) sorter = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  data->self = self;
  data->column = kind;
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, data, g_free));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (kind));
  if (kind == LEKH_ARTICLE_COLUMN_TITLE)
    {
      g_signal_connect_swapped (factory, "setup", G_CALLBACK (row_setup_cb), self);
      g_signal_connect_swapped (factory, "teardown", G_CALLBACK (row_teardown_cb), self);
    }
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
}

static void
row_activated_cb (LekhSiteView *self,
                  guint         position)
{
  g_autoptr(LekhArticleInfo) info = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(GFile) file = NULL;

  if (info == NULL)
    return;
  file = g_file_new_for_path (lekh_article_info_get_path (info));
  g_signal_emit (self, signals[OPEN_ARTICLE], 0, file);
}

/* The drop-down's choices: "any", then the site's values, most used first. */
static void
fill_dropdown (LekhSiteView  *self,
               GtkWidget     *dropdown,
               LekhSiteField  field,
               const char    *any)
{
  g_autoptr(GPtrArray) values = lekh_site_index_suggest (self->index, field, "", NULL, 0);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; i < values->len; i++)
    gtk_string_list_append (list, ((LekhSiteSuggestion *) g_ptr_array_index (values, i))->value);
  gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), G_LIST_MODEL (list));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
}

static void selection_changed_cb (LekhSiteView *self);

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LekhSiteView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lekh_article_model_load_finish (LEKH_ARTICLE_MODEL (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot list the site’s articles: %s", error->message);
      return;
    }
  self->loaded = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.rename", TRUE);
  selection_changed_cb (self);
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
index_built_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LekhSiteView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lekh_site_index_build_finish (LEKH_SITE_INDEX (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot index the site: %s", error->message);
      return;
    }
  lekh_site_index_watch (self->index);
  fill_dropdown (self, self->tag_dropdown, LEKH_SITE_FIELD_TAGS, _("All Tags"));
  fill_dropdown (self, self->author_dropdown, LEKH_SITE_FIELD_AUTHORS, _("All Authors"));
  lekh_article_model_load_async (self->articles, self->cancellable, load_cb,
                                 g_object_ref (self));
}

static void
items_changed_cb (LekhSiteView *self)
{
  if (self->tick_id == 0 && self->column_view != NULL)
    self->tick_id = gtk_widget_add_tick_callback (self->column_view, laid_out_cb, self, NULL);
  if (self->loaded)
    update_state (self);
}

void
lekh_site_view_set_root (LekhSiteView *self,
                         GFile        *root)
{
  g_return_if_fail (LEKH_IS_SITE_VIEW (self));
  g_return_if_fail (G_IS_FILE (root));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->index);
  g_set_object (&self->root, root);
  self->loaded = FALSE;

  self->cancellable = g_cancellable_new ();
  self->index = lekh_site_index_new (root);
  g_clear_object (&self->articles);
  self->articles = lekh_article_model_new (self->index, self->validator);
  apply_sort (self);
  if (self->query != NULL)
    lekh_article_model_set_query (self->articles, self->query);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->articles));
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  update_state (self);
  lekh_site_index_build_async (self->index, self->cancellable, index_built_cb,
                               g_object_ref (self));
}

GFile *
lekh_site_view_get_root (LekhSiteView *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_VIEW (self), NULL);
  return self->root;
}

gboolean
lekh_site_view_get_loaded (LekhSiteView *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_VIEW (self), FALSE);
  return self->loaded;
}

GListModel *
lekh_site_view_get_shown (LekhSiteView *self)
{
  g_return_val_if_fail (LEKH_IS_SITE_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/* Bulk rename and its undo journal ------------------------------------------------------- */

static void
add_toast (LekhSiteView *self,
           const char   *title,
           gboolean      undo)
{
  AdwToast *toast = adw_toast_new (title);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "site.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), toast);
}

static guint
count_state (LekhBulkEdit      *edit,
             LekhBulkFileState  state)
{
  guint n = 0;

  for (guint i = 0; i < lekh_bulk_edit_get_n_files (edit); i++)
    n += lekh_bulk_edit_get_state (edit, i) == state;
  return n;
}

static void
applied_cb (LekhSiteView *self,
            LekhBulkEdit *edit)
{
  guint done = count_state (edit, LEKH_BULK_FILE_APPLIED);
  guint failed = count_state (edit, LEKH_BULK_FILE_FAILED);
  g_autofree char *title = NULL;

  if (failed > 0)
    /* TRANSLATORS: after a bulk rename; the files changed on disk since the preview */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Changed %u file; %u changed on disk meanwhile and was left alone",
                                          "Changed %u files; %u changed on disk meanwhile and were left alone",
                                          failed), done, failed);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Changed %u file", "Changed %u files",
                                          done), done);
  g_ptr_array_add (self->journal, edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.undo", TRUE);
  add_toast (self, title, done > 0);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LekhSiteView *self = LEKH_SITE_VIEW (widget);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *root = self->root ? g_file_get_path (self->root) : NULL;
  GtkRoot *window = gtk_widget_get_root (widget);
  const char *tag = dropdown_value (self->tag_dropdown);
  const char *author = dropdown_value (self->author_dropdown);
  LekhBulkRename *dialog;

  if (self->articles == NULL)
    return;
  /* Every article, by path (the model's rows are in the table's order). */
  g_ptr_array_extend_and_steal (paths, lekh_site_index_dup_paths (self->index));
  dialog = lekh_bulk_rename_new (GTK_IS_WINDOW (window) ? GTK_WINDOW (window) : NULL, root, paths,
                                 tag == NULL && author != NULL ? "authors" : "tags",
                                 tag != NULL ? tag : author);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (applied_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static int
compare_path_pointers (gconstpointer a,
                       gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The paths of the rows chosen in the table. */
static GPtrArray *
selected_paths (LekhSiteView *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (self->column_view));
  g_autoptr(GtkBitset) chosen = gtk_selection_model_get_selection (selection);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, chosen, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(LekhArticleInfo) info = g_list_model_get_item (G_LIST_MODEL (selection), position);

      if (info != NULL)
        g_ptr_array_add (paths, g_strdup (lekh_article_info_get_path (info)));
    }
  g_ptr_array_sort (paths, (GCompareFunc) compare_path_pointers);
  return paths;
}

static void
selection_changed_cb (LekhSiteView *self)
{
  GtkSelectionModel *selection;
  g_autoptr(GtkBitset) chosen = NULL;
  gboolean any;

  /* Still called while the view is taken apart. */
  if (self->column_view == NULL)
    return;
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (self->column_view));
  chosen = selection ? gtk_selection_model_get_selection (selection) : NULL;
  any = self->loaded && chosen != NULL && !gtk_bitset_is_empty (chosen);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.add-tag", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.remove-tag", any);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LekhSiteView *self = LEKH_SITE_VIEW (widget);
  g_autoptr(GPtrArray) paths = selected_paths (self);
  g_autofree char *root = self->root ? g_file_get_path (self->root) : NULL;
  GtkRoot *window = gtk_widget_get_root (widget);
  gboolean add = g_str_equal (action_name, "site.add-tag");
  LekhBulkRename *dialog;

  if (paths->len == 0)
    return;
  dialog = lekh_bulk_rename_new_for_mode (GTK_IS_WINDOW (window) ? GTK_WINDOW (window) : NULL,
                                          root, paths,
                                          add ? LEKH_BULK_RENAME_MODE_ADD
                                              : LEKH_BULK_RENAME_MODE_REMOVE,
                                          "tags", dropdown_value (self->tag_dropdown));
  g_signal_connect_object (dialog, "applied", G_CALLBACK (applied_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LekhSiteView *self = LEKH_SITE_VIEW (widget);
  LekhBulkEdit *edit;
  guint restored, failed;
  g_autofree char *title = NULL;

  if (self->journal->len == 0)
    return;
  edit = g_ptr_array_index (self->journal, self->journal->len - 1);
  restored = lekh_bulk_edit_undo (edit);
  failed = count_state (edit, LEKH_BULK_FILE_FAILED);
  if (failed > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Restored %u file; %u changed on disk since and was left alone",
                                          "Restored %u files; %u changed on disk since and were left alone",
                                          failed), restored, failed);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Restored %u file", "Restored %u files",
                                          restored), restored);
  g_ptr_array_remove_index (self->journal, self->journal->len - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.undo", self->journal->len > 0);
  add_toast (self, title, FALSE);
}

static void
lekh_site_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LekhSiteView *self = LEKH_SITE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_site_view_dispose (GObject *object)
{
  LekhSiteView *self = LEKH_SITE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->column_view, self->tick_id);
  self->tick_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), LEKH_TYPE_SITE_VIEW);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->probes[0]);
  g_clear_object (&self->probes[1]);
  g_clear_object (&self->articles);
  g_clear_object (&self->index);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->root);
  g_clear_pointer (&self->validator, lekh_validator_unref);
  g_clear_pointer (&self->query, lekh_article_query_free);
  g_clear_pointer (&self->journal, g_ptr_array_unref);

  G_OBJECT_CLASS (lekh_site_view_parent_class)->dispose (object);
}

static void
lekh_site_view_class_init (LekhSiteViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_site_view_dispose;
  object_class->get_property = lekh_site_view_get_property;

  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ARTICLE] = g_signal_new ("open-article", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_FILE);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  shown_quark = g_quark_from_static_string ("lekh-site-view-shown");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lekh/Lekh/lekh-site-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, box);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, author_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, draft_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, problems_button);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, stack);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, title_column);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, date_column);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, draft_column);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, tags_column);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, authors_column);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, problems_column);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, path_column);
  gtk_widget_class_bind_template_child (widget_class, LekhSiteView, status_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_install_action (widget_class, "site.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "site.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "site.add-tag", NULL, tag_action);
  gtk_widget_class_install_action (widget_class, "site.remove-tag", NULL, tag_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "site.undo",
                                       NULL);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
lekh_site_view_init (LekhSiteView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new (NULL, NULL);

  setup_column (self, self->title_column, LEKH_ARTICLE_COLUMN_TITLE);
  setup_column (self, self->date_column, LEKH_ARTICLE_COLUMN_DATE);
  setup_column (self, self->draft_column, LEKH_ARTICLE_COLUMN_DRAFT);
  setup_column (self, self->tags_column, LEKH_ARTICLE_COLUMN_TAGS);
  setup_column (self, self->authors_column, LEKH_ARTICLE_COLUMN_AUTHORS);
  setup_column (self, self->problems_column, LEKH_ARTICLE_COLUMN_PROBLEMS);
  setup_column (self, self->path_column, LEKH_ARTICLE_COLUMN_PATH);

  self->validator = lekh_validator_new ();
  for (guint i = 0; i < G_N_ELEMENTS (self->probes); i++)
    {
      self->probes[i] = lekh_article_info_new_for_article (self->validator, "/", NULL);
      for (LekhArticleColumn c = 0; c < LEKH_ARTICLE_N_COLUMNS; c++)
        lekh_article_info_set_order (self->probes[i], c, i + 1);
    }
  self->sort_column = LEKH_ARTICLE_COLUMN_PATH;
  self->journal = g_ptr_array_new_with_free_func ((GDestroyNotify) lekh_bulk_edit_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.rename", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.add-tag", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "site.remove-tag", FALSE);
  g_signal_connect_object (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)),
                           "changed", G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
  /* Several rows can be chosen (Ctrl, Shift, Ctrl+A) for Add Tag and Remove Tag. */
  /* The rows shown, sorted and filtered by the article model itself. */
  self->selection = gtk_multi_selection_new (NULL);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view),
                             GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Newest first. */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), self->date_column,
                                  GTK_SORT_DESCENDING);
  update_state (self);
}

GtkWidget *
lekh_site_view_new (void)
{
  return g_object_new (LEKH_TYPE_SITE_VIEW, NULL);
}
