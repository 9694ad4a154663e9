/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-problems-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-problems-list.h"

struct _LekhProblemsList
{
  GtkWidget        parent_instance;

  LekhDiagnostics *diagnostics;
  GtkWidget       *group;
  GtkWidget       *list;
  GPtrArray       *rows;          /* GtkWidget*, by item */
  GPtrArray       *fix_buttons;   /* GtkWidget* or NULL, by item */
};

G_DEFINE_FINAL_TYPE (LekhProblemsList, lekh_problems_list, GTK_TYPE_WIDGET)

enum { JUMP_TO, FIX_FAILED, SITE_FILE_FIXED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
severity_icon (LekhSeverity severity)
{
  switch (severity)
    {
    case LEKH_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case LEKH_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case LEKH_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_class (LekhSeverity severity)
{
  switch (severity)
    {
    case LEKH_SEVERITY_ERROR:
      return "error";
    case LEKH_SEVERITY_WARNING:
      return "warning";
    case LEKH_SEVERITY_INFO:
    default:
      return "accent";
    }
}

static const char *
severity_name (LekhSeverity severity)
{
  switch (severity)
    {
    case LEKH_SEVERITY_ERROR:
      return _("Error");
    case LEKH_SEVERITY_WARNING:
      return _("Warning");
    case LEKH_SEVERITY_INFO:
    default:
      return _("Note");
    }
}

static void
fix_clicked_cb (GtkButton        *button,
                LekhProblemsList *self)
{
  LekhDiagnostic *diagnostic = g_object_get_data (G_OBJECT (button), "lekh-diagnostic");
  g_autoptr(LekhDiagnostic) keep = lekh_diagnostic_ref (diagnostic);
  g_autoptr(GError) error = NULL;
  gboolean site_file = diagnostic->fix_kind == LEKH_FIX_ADD_AUTHOR ||
                       diagnostic->fix_kind == LEKH_FIX_ADD_TAG;

  if (!lekh_diagnostics_apply_fix (self->diagnostics, diagnostic, &error))
    g_signal_emit (self, signals[FIX_FAILED], 0, error->message);
  else if (site_file)
    g_signal_emit (self, signals[SITE_FILE_FIXED], 0, keep->fix_description);
}

static void
row_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  LekhProblemsList *self)
{
  LekhDiagnostic *diagnostic = g_object_get_data (G_OBJECT (row), "lekh-diagnostic");

  if (diagnostic != NULL)
    g_signal_emit (self, signals[JUMP_TO], 0, diagnostic->line, diagnostic->column);
}

static GtkWidget *
create_row (LekhProblemsList *self,
            LekhDiagnostic   *diagnostic,
            GtkWidget       **fix_button)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (diagnostic->severity));
  GtkWidget *message = gtk_label_new (diagnostic->message);
  g_autofree char *where = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *position;

  gtk_widget_add_css_class (row, "lekh-problem");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_widget_add_css_class (icon, severity_class (diagnostic->severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), message);

  /* Translators: where a problem is in the source, then its rule id */
  where = g_strdup_printf (_("Line %u, column %u · %s"), diagnostic->line, diagnostic->column,
                           diagnostic->rule);
  position = gtk_label_new (where);
  gtk_label_set_xalign (GTK_LABEL (position), 0);
  gtk_label_set_ellipsize (GTK_LABEL (position), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (position, "dim-label");
  gtk_widget_add_css_class (position, "caption");
  gtk_box_append (GTK_BOX (text), position);
  gtk_box_append (GTK_BOX (box), text);

  *fix_button = NULL;
  if (diagnostic->fix_kind != LEKH_FIX_NONE && diagnostic->fix_description != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Fix"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, diagnostic->fix_description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      diagnostic->fix_description, -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "lekh-diagnostic",
                              lekh_diagnostic_ref (diagnostic),
                              (GDestroyNotify) lekh_diagnostic_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (fix_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      *fix_button = button;
    }

  accessible = g_strdup_printf ("%s: %s, %s", severity_name (diagnostic->severity),
                                diagnostic->message, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (row, _("Show in the source"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "lekh-diagnostic", lekh_diagnostic_ref (diagnostic),
                          (GDestroyNotify) lekh_diagnostic_unref);
  return row;
}

static void
update (LekhProblemsList *self)
{
  GPtrArray *items = lekh_diagnostics_get_items (self->diagnostics);
  GtkWidget *child;
  guint n_errors = lekh_diagnostics_get_n_errors (self->diagnostics);
  guint n_warnings = lekh_diagnostics_get_n_warnings (self->diagnostics);
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->fix_buttons, 0);

  for (guint i = 0; items && i < items->len; i++)
    {
      GtkWidget *fix = NULL;
      GtkWidget *row = create_row (self, g_ptr_array_index (items, i), &fix);

      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->fix_buttons, fix);
    }

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
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

guint
lekh_problems_list_get_n_rows (LekhProblemsList *self)
{
  g_return_val_if_fail (LEKH_IS_PROBLEMS_LIST (self), 0);
  return self->rows->len;
}

GtkWidget *
lekh_problems_list_get_row (LekhProblemsList *self,
                            guint             index)
{
  g_return_val_if_fail (LEKH_IS_PROBLEMS_LIST (self), NULL);
  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

GtkWidget *
lekh_problems_list_get_fix_button (LekhProblemsList *self,
                                   guint             index)
{
  g_return_val_if_fail (LEKH_IS_PROBLEMS_LIST (self), NULL);
  return index < self->fix_buttons->len ? g_ptr_array_index (self->fix_buttons, index) : NULL;
}

void
lekh_problems_list_focus (LekhProblemsList *self)
{
  g_return_if_fail (LEKH_IS_PROBLEMS_LIST (self));

  if (self->rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->rows, 0));
  else
    gtk_widget_grab_focus (self->list);
}

static void
lekh_problems_list_dispose (GObject *object)
{
  LekhProblemsList *self = LEKH_PROBLEMS_LIST (object);

  if (self->diagnostics != NULL)
    g_signal_handlers_disconnect_by_data (self->diagnostics, self);
  g_clear_object (&self->diagnostics);
  g_clear_pointer (&self->group, gtk_widget_unparent);
  G_OBJECT_CLASS (lekh_problems_list_parent_class)->dispose (object);
}

static void
lekh_problems_list_finalize (GObject *object)
{
  LekhProblemsList *self = LEKH_PROBLEMS_LIST (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->fix_buttons);
  G_OBJECT_CLASS (lekh_problems_list_parent_class)->finalize (object);
}

static void
lekh_problems_list_class_init (LekhProblemsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_problems_list_dispose;
  object_class->finalize = lekh_problems_list_finalize;

  signals[JUMP_TO] = g_signal_new ("jump-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[FIX_FAILED] = g_signal_new ("fix-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SITE_FILE_FIXED] = g_signal_new ("site-file-fixed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "problemslist");
}

static void
lekh_problems_list_init (LekhProblemsList *self)
{
  self->rows = g_ptr_array_new ();
  self->fix_buttons = g_ptr_array_new ();

  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Problems"));
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->list);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lekh_problems_list_new (LekhDiagnostics *diagnostics)
{
  LekhProblemsList *self;

  g_return_val_if_fail (LEKH_IS_DIAGNOSTICS (diagnostics), NULL);

  self = g_object_new (LEKH_TYPE_PROBLEMS_LIST, NULL);
  self->diagnostics = g_object_ref (diagnostics);
  g_signal_connect_swapped (diagnostics, "changed", G_CALLBACK (update), self);
  update (self);
  return GTK_WIDGET (self);
}
