/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lekh-bulk-rename.h"

struct _LekhBulkRename
{
  AdwWindow     parent_instance;

  GtkWidget    *rename_button;
  GtkWidget    *key_row;
  GtkWidget    *value_row;
  GtkWidget    *new_value_row;
  GtkWidget    *summary_label;
  GtkWidget    *spinner;
  GtkWidget    *preview_button;
  GtkWidget    *files_list;

  char         *root;
  GPtrArray    *paths;
  LekhBulkEdit *plan;
  GCancellable *cancellable;
  GHashTable   *shown;      /* rows whose diff is shown */
  LekhBulkRenameMode mode;
};

G_DEFINE_FINAL_TYPE (LekhBulkRename, lekh_bulk_rename, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_PREVIEWED, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { APPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  LekhBulkRenameMode mode;
  GPtrArray *paths;
  char      *key;
  char      *value;
  char      *new_value;
} PlanData;

static void
plan_data_free (gpointer data)
{
  PlanData *plan = data;

  g_ptr_array_unref (plan->paths);
  g_free (plan->key);
  g_free (plan->value);
  g_free (plan->new_value);
  g_free (plan);
}

static const char *
current_key (LekhBulkRename *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self->key_row));

  return item ? gtk_string_object_get_string (item) : "tags";
}

static void
clear_preview (LekhBulkRename *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->plan, lekh_bulk_edit_free);
  g_hash_table_remove_all (self->shown);
  while ((child = gtk_widget_get_first_child (self->files_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->files_list), child);
  gtk_widget_set_sensitive (self->rename_button, FALSE);
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
}

static void
values_changed_cb (LekhBulkRename *self)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  const char *new_value = gtk_editable_get_text (GTK_EDITABLE (self->new_value_row));

  clear_preview (self);
  if (self->mode == LEKH_BULK_RENAME_MODE_RENAME)
    {
      gtk_widget_set_sensitive (self->preview_button, *value != '\0' && *new_value != '\0' &&
                                                      g_strcmp0 (value, new_value) != 0);
      gtk_label_set_label (GTK_LABEL (self->summary_label),
                           _("Only the value’s bytes change in each file; comments, quotes and "
                             "the other keys stay as they are."));
    }
  else
    {
      g_autofree char *stripped = g_strstrip (g_strdup (value));

      gtk_widget_set_sensitive (self->preview_button, *stripped != '\0');
      gtk_label_set_label (GTK_LABEL (self->summary_label),
                           _("Only the list changes in each selected article; comments, quotes "
                             "and the other keys stay as they are."));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEWED]);
}

/* The diff is made when the row is first opened: a site-wide rename can touch thousands. */
static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             LekhBulkRename *self)
{
  /* Rows are listed in the plan's order, files first. */
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  g_autofree char *diff = NULL;
  GtkWidget *label;

  if (!adw_expander_row_get_expanded (row) || index < 0 || !g_hash_table_add (self->shown, row))
    return;
  if (self->plan == NULL || (guint) index >= lekh_bulk_edit_get_n_files (self->plan))
    return;
  diff = lekh_bulk_edit_dup_diff (self->plan, index, self->root);
  label = gtk_label_new (diff);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  adw_expander_row_add_row (row, label);
}

static const char *
relative (LekhBulkRename *self,
          const char     *path)
{
  gsize len = self->root ? strlen (self->root) : 0;

  if (len > 0 && strncmp (path, self->root, len) == 0 && path[len] == G_DIR_SEPARATOR)
    return path + len + 1;
  return path;
}

static void
show_plan (LekhBulkRename *self)
{
  guint n = lekh_bulk_edit_get_n_files (self->plan);
  guint skipped = lekh_bulk_edit_get_n_skipped (self->plan);
  g_autofree char *files = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     relative (self, lekh_bulk_edit_get_path (self->plan, i)));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
      gtk_list_box_append (GTK_LIST_BOX (self->files_list), row);
    }
  for (guint i = 0; i < skipped; i++)
    {
      const char *reason = NULL;
      const char *path = lekh_bulk_edit_get_skipped (self->plan, i, &reason);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf (_("Skipped: %s"), reason);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), relative (self, path));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, "warning");
      gtk_list_box_append (GTK_LIST_BOX (self->files_list), row);
    }

  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file changes", "%u files change", n),
                           n);
  if (skipped > 0)
    /* TRANSLATORS: "12 files change; 2 are skipped (Lekh cannot edit their front matter)" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s; %u is skipped (Lekh cannot edit its front matter)",
                                            "%s; %u are skipped (Lekh cannot edit their front matter)",
                                            skipped), files, skipped);
  else
    summary = g_strdup (files);
  gtk_label_set_label (GTK_LABEL (self->summary_label), summary);
  gtk_widget_set_sensitive (self->rename_button, n > 0);
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlanData *data = task_data;
  LekhBulkEdit *plan;

  switch (data->mode)
    {
    case LEKH_BULK_RENAME_MODE_ADD:
      plan = lekh_bulk_edit_plan_add (data->paths, data->key, data->value, cancellable);
      break;
    case LEKH_BULK_RENAME_MODE_REMOVE:
      plan = lekh_bulk_edit_plan_remove (data->paths, data->key, data->value, cancellable);
      break;
    case LEKH_BULK_RENAME_MODE_RENAME:
    default:
      /* An author's key is renamed in the site's authors.yml too. */
      if (g_str_equal (data->key, "authors") || g_str_equal (data->key, "author"))
        plan = lekh_bulk_edit_plan_rename_author (data->paths, data->key, data->value,
                                                  data->new_value, cancellable);
      else
        plan = lekh_bulk_edit_plan_replace (data->paths, data->key, data->value,
                                            data->new_value, cancellable);
      break;
    }

  g_task_return_pointer (task, plan, (GDestroyNotify) lekh_bulk_edit_free);
}

static void
plan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LekhBulkRename *self = LEKH_BULK_RENAME (object);
  LekhBulkEdit *plan = g_task_propagate_pointer (G_TASK (result), NULL);

  if (g_task_had_error (G_TASK (result)) || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      lekh_bulk_edit_free (plan);
      return;
    }
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  self->plan = plan;
  show_plan (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEWED]);
}

void
lekh_bulk_rename_preview (LekhBulkRename *self)
{
  g_autoptr(GTask) task = NULL;
  PlanData *data;

  g_return_if_fail (LEKH_IS_BULK_RENAME (self));

  if (!gtk_widget_get_sensitive (self->preview_button))
    return;
  clear_preview (self);
  self->cancellable = g_cancellable_new ();
  data = g_new0 (PlanData, 1);
  data->mode = self->mode;
  data->paths = g_ptr_array_ref (self->paths);
  data->key = g_strdup (current_key (self));
  data->value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_row))));
  data->new_value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_value_row)));
  task = g_task_new (self, self->cancellable, plan_cb, NULL);
  g_task_set_task_data (task, data, plan_data_free);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  g_task_run_in_thread (task, plan_thread);
}

gboolean
lekh_bulk_rename_get_previewed (LekhBulkRename *self)
{
  g_return_val_if_fail (LEKH_IS_BULK_RENAME (self), FALSE);
  return self->plan != NULL;
}

LekhBulkEdit *
lekh_bulk_rename_get_plan (LekhBulkRename *self)
{
  g_return_val_if_fail (LEKH_IS_BULK_RENAME (self), NULL);
  return self->plan;
}

void
lekh_bulk_rename_apply (LekhBulkRename *self)
{
  LekhBulkEdit *plan;

  g_return_if_fail (LEKH_IS_BULK_RENAME (self));

  if (self->plan == NULL || lekh_bulk_edit_get_n_files (self->plan) == 0)
    return;
  plan = g_steal_pointer (&self->plan);
  lekh_bulk_edit_apply (plan);
  g_signal_emit (self, signals[APPLIED], 0, plan);
  gtk_window_close (GTK_WINDOW (self));
}

void
lekh_bulk_rename_set_values (LekhBulkRename *self,
                             const char     *key,
                             const char     *value,
                             const char     *new_value)
{
  GListModel *keys;

  g_return_if_fail (LEKH_IS_BULK_RENAME (self));

  keys = adw_combo_row_get_model (ADW_COMBO_ROW (self->key_row));
  for (guint i = 0; key != NULL && i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (keys, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), key) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (self->key_row), i);
    }
  if (value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  if (new_value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->new_value_row), new_value);
}

static void
lekh_bulk_rename_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PREVIEWED:
      g_value_set_boolean (value, LEKH_BULK_RENAME (object)->plan != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_bulk_rename_dispose (GObject *object)
{
  LekhBulkRename *self = LEKH_BULK_RENAME (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEKH_TYPE_BULK_RENAME);
  g_clear_pointer (&self->plan, lekh_bulk_edit_free);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_pointer (&self->root, g_free);
  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (lekh_bulk_rename_parent_class)->dispose (object);
}

static void
lekh_bulk_rename_class_init (LekhBulkRenameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_bulk_rename_dispose;
  object_class->get_property = lekh_bulk_rename_get_property;

  properties[PROP_PREVIEWED] = g_param_spec_boolean ("previewed", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lekh/Lekh/lekh-bulk-rename.ui");
  gtk_widget_class_bind_template_child (widget_class, LekhBulkRename, rename_button);
  gtk_widget_class_bind_template_child (widget_class, LekhBulkRename, key_row);
  gtk_widget_class_bind_template_child (widget_class, LekhBulkRename, value_row);
  gtk_widget_class_bind_template_child (widget_class, LekhBulkRename, new_value_row);
  gtk_widget_class_bind_template_child (widget_class, LekhBulkRename, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LekhBulkRename, spinner);
  gtk_widget_class_bind_template_child (widget_class, LekhBulkRename, preview_button);
  gtk_widget_class_bind_template_child (widget_class, LekhBulkRename, files_list);
  gtk_widget_class_bind_template_callback (widget_class, values_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lekh_bulk_rename_preview);
  gtk_widget_class_bind_template_callback (widget_class, lekh_bulk_rename_apply);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lekh_bulk_rename_init (LekhBulkRename *self)
{
  self->shown = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LekhBulkRename *
lekh_bulk_rename_new_for_mode (GtkWindow          *parent,
                               const char         *root,
                               GPtrArray          *paths,
                               LekhBulkRenameMode  mode,
                               const char         *key,
                               const char         *value)
{
  LekhBulkRename *self;

  g_return_val_if_fail (paths != NULL, NULL);

  self = g_object_new (LEKH_TYPE_BULK_RENAME, "transient-for", parent, NULL);
  self->root = g_strdup (root);
  self->paths = g_ptr_array_ref (paths);
  self->mode = mode;
  if (mode != LEKH_BULK_RENAME_MODE_RENAME)
    {
      gtk_widget_set_visible (self->new_value_row, FALSE);
      g_signal_connect_object (self->value_row, "entry-activated",
                               G_CALLBACK (lekh_bulk_rename_preview), self, G_CONNECT_SWAPPED);
    }
  if (mode == LEKH_BULK_RENAME_MODE_ADD)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add a Value to the Selected Articles"));
      gtk_button_set_label (GTK_BUTTON (self->rename_button), _("_Add"));
    }
  else if (mode == LEKH_BULK_RENAME_MODE_REMOVE)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Remove a Value from the Selected Articles"));
      gtk_button_set_label (GTK_BUTTON (self->rename_button), _("_Remove"));
      gtk_widget_add_css_class (self->rename_button, "destructive-action");
      gtk_widget_remove_css_class (self->rename_button, "suggested-action");
    }
  lekh_bulk_rename_set_values (self, key, value, NULL);
  values_changed_cb (self);
  return self;
}

LekhBulkRename *
lekh_bulk_rename_new (GtkWindow  *parent,
                      const char *root,
                      GPtrArray  *paths,
                      const char *key,
                      const char *value)
{
  return lekh_bulk_rename_new_for_mode (parent, root, paths, LEKH_BULK_RENAME_MODE_RENAME, key,
                                        value);
}
