/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-problems-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-problem-row.h"
#include "lekh-problems-list.h"

struct _LekhProblemsList
{
  GtkWidget        parent_instance;

  LekhDiagnostics *diagnostics;

  /* Template children */
  GtkWidget       *group;
  GtkWidget       *list;
};

G_DEFINE_FINAL_TYPE (LekhProblemsList, lekh_problems_list, GTK_TYPE_WIDGET)

enum { JUMP_TO, FIX_FAILED, SITE_FILE_FIXED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
fix_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LekhProblemsList *self = LEKH_PROBLEMS_LIST (widget);
  GListModel *model = lekh_diagnostics_get_model (self->diagnostics);
  g_autoptr(LekhProblem) problem = g_list_model_get_item (model, g_variant_get_uint32 (param));
  g_autoptr(LekhDiagnostic) keep = NULL;
  g_autoptr(GError) error = NULL;
  gboolean site_file;

  if (problem == NULL)
    return;
  keep = lekh_diagnostic_ref (lekh_problem_get_diagnostic (problem));
  site_file = keep->fix_kind == LEKH_FIX_ADD_AUTHOR || keep->fix_kind == LEKH_FIX_ADD_TAG;
  if (!lekh_diagnostics_apply_fix (self->diagnostics, keep, &error))
    g_signal_emit (self, signals[FIX_FAILED], 0, error->message);
  else if (site_file)
    g_signal_emit (self, signals[SITE_FILE_FIXED], 0, keep->fix_description);
}

static void
row_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  LekhProblemsList *self)
{
  LekhDiagnostic *diagnostic;

  if (!LEKH_IS_PROBLEM_ROW (row))
    return;
  diagnostic = lekh_problem_get_diagnostic (lekh_problem_row_get_problem (LEKH_PROBLEM_ROW (row)));
  g_signal_emit (self, signals[JUMP_TO], 0, diagnostic->line, diagnostic->column);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  LekhProblemsList *self = user_data;
  guint position = 0;

  /* The model is replaced as a whole on each check, so an item's position stays its
   * row's for the row's life: the Fix button's action target. */
  g_list_store_find (G_LIST_STORE (lekh_diagnostics_get_model (self->diagnostics)), item,
                     &position);
  return lekh_problem_row_new (LEKH_PROBLEM (item), position);
}

static void
update_summary (LekhProblemsList *self)
{
  guint n_errors = lekh_diagnostics_get_n_errors (self->diagnostics);
  guint n_warnings = lekh_diagnostics_get_n_warnings (self->diagnostics);
  g_autofree char *summary = NULL;

  if (n_errors > 0 || n_warnings > 0)
    {
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors),
                                                 n_errors);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings",
                                                             n_warnings), n_warnings);

      if (n_errors > 0 && n_warnings > 0)
        /* Translators: the summary above the problems list, e.g. "2 errors, 1 warning" */
        summary = g_strdup_printf (_("%s, %s"), errors, warnings);
      else
        summary = g_strdup (n_errors > 0 ? errors : warnings);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), summary);
  gtk_widget_set_visible (GTK_WIDGET (self), lekh_problems_list_get_n_rows (self) > 0);
}

guint
lekh_problems_list_get_n_rows (LekhProblemsList *self)
{
  g_return_val_if_fail (LEKH_IS_PROBLEMS_LIST (self), 0);
  return g_list_model_get_n_items (lekh_diagnostics_get_model (self->diagnostics));
}

GtkWidget *
lekh_problems_list_get_row (LekhProblemsList *self,
                            guint             index)
{
  g_return_val_if_fail (LEKH_IS_PROBLEMS_LIST (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), index));
}

GtkWidget *
lekh_problems_list_get_fix_button (LekhProblemsList *self,
                                   guint             index)
{
  GtkWidget *row;

  g_return_val_if_fail (LEKH_IS_PROBLEMS_LIST (self), NULL);
  row = lekh_problems_list_get_row (self, index);
  return LEKH_IS_PROBLEM_ROW (row) ? lekh_problem_row_get_fix_button (LEKH_PROBLEM_ROW (row))
                                   : NULL;
}

void
lekh_problems_list_focus (LekhProblemsList *self)
{
  GtkWidget *first;

  g_return_if_fail (LEKH_IS_PROBLEMS_LIST (self));

  if ((first = lekh_problems_list_get_row (self, 0)) != NULL)
    gtk_widget_grab_focus (first);
  else
    gtk_widget_grab_focus (self->list);
}

static void
lekh_problems_list_dispose (GObject *object)
{
  LekhProblemsList *self = LEKH_PROBLEMS_LIST (object);

  if (self->diagnostics != NULL)
    g_signal_handlers_disconnect_by_data (self->diagnostics, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEKH_TYPE_PROBLEMS_LIST);
  g_clear_object (&self->diagnostics);
  G_OBJECT_CLASS (lekh_problems_list_parent_class)->dispose (object);
}

static void
lekh_problems_list_class_init (LekhProblemsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_problems_list_dispose;

  signals[JUMP_TO] = g_signal_new ("jump-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[FIX_FAILED] = g_signal_new ("fix-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SITE_FILE_FIXED] = g_signal_new ("site-file-fixed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lekh/Lekh/lekh-problems-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LekhProblemsList, group);
  gtk_widget_class_bind_template_child (widget_class, LekhProblemsList, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "problems.fix", "u", fix_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "problemslist");
}

static void
lekh_problems_list_init (LekhProblemsList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lekh_problems_list_new (LekhDiagnostics *diagnostics)
{
  LekhProblemsList *self;

  g_return_val_if_fail (LEKH_IS_DIAGNOSTICS (diagnostics), NULL);

  self = g_object_new (LEKH_TYPE_PROBLEMS_LIST, NULL);
  self->diagnostics = g_object_ref (diagnostics);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), lekh_diagnostics_get_model (diagnostics),
                           create_row_cb, self, NULL);
  g_signal_connect_swapped (diagnostics, "changed", G_CALLBACK (update_summary), self);
  update_summary (self);
  return GTK_WIDGET (self);
}
