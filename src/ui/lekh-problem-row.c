/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-problem-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-problem-row.h"

struct _LekhProblemRow
{
  GtkListBoxRow  parent_instance;

  LekhProblem   *problem;

  /* Template children */
  GtkWidget     *icon;
  GtkWidget     *message;
  GtkWidget     *position;
  GtkWidget     *fix_button;
};

G_DEFINE_FINAL_TYPE (LekhProblemRow, lekh_problem_row, GTK_TYPE_LIST_BOX_ROW)

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
lekh_problem_row_dispose (GObject *object)
{
  LekhProblemRow *self = LEKH_PROBLEM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEKH_TYPE_PROBLEM_ROW);
  g_clear_object (&self->problem);
  G_OBJECT_CLASS (lekh_problem_row_parent_class)->dispose (object);
}

static void
lekh_problem_row_class_init (LekhProblemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_problem_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lekh/Lekh/lekh-problem-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LekhProblemRow, icon);
  gtk_widget_class_bind_template_child (widget_class, LekhProblemRow, message);
  gtk_widget_class_bind_template_child (widget_class, LekhProblemRow, position);
  gtk_widget_class_bind_template_child (widget_class, LekhProblemRow, fix_button);
}

static void
lekh_problem_row_init (LekhProblemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lekh_problem_row_new (LekhProblem *problem,
                      guint        position)
{
  LekhProblemRow *self;
  LekhDiagnostic *diagnostic;
  g_autofree char *where = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (LEKH_IS_PROBLEM (problem), NULL);

  self = g_object_new (LEKH_TYPE_PROBLEM_ROW, NULL);
  self->problem = g_object_ref (problem);
  diagnostic = lekh_problem_get_diagnostic (problem);

  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), severity_icon (diagnostic->severity));
  gtk_widget_add_css_class (self->icon, severity_class (diagnostic->severity));
  gtk_label_set_text (GTK_LABEL (self->message), diagnostic->message);
  /* Translators: where a problem is in the source, then its rule id */
  where = g_strdup_printf (_("Line %u, column %u · %s"), diagnostic->line, diagnostic->column,
                           diagnostic->rule);
  gtk_label_set_text (GTK_LABEL (self->position), where);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->fix_button), "u", position);
  if (diagnostic->fix_kind != LEKH_FIX_NONE && diagnostic->fix_description != NULL)
    {
      gtk_widget_set_tooltip_text (self->fix_button, diagnostic->fix_description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->fix_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      diagnostic->fix_description, -1);
      gtk_widget_set_visible (self->fix_button, TRUE);
    }

  accessible = g_strdup_printf ("%s: %s, %s", severity_name (diagnostic->severity),
                                diagnostic->message, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return GTK_WIDGET (self);
}

LekhProblem *
lekh_problem_row_get_problem (LekhProblemRow *self)
{
  g_return_val_if_fail (LEKH_IS_PROBLEM_ROW (self), NULL);
  return self->problem;
}

GtkWidget *
lekh_problem_row_get_fix_button (LekhProblemRow *self)
{
  g_return_val_if_fail (LEKH_IS_PROBLEM_ROW (self), NULL);
  return gtk_widget_get_visible (self->fix_button) ? self->fix_button : NULL;
}
