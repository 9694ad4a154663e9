/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-diagnostics"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lekh-diagnostics.h"
#include "lekh-file.h"
#include "lekh-site.h"

/* A pause after the re-parse (which itself waits for a typing pause) before checking. */
#define CHECK_DELAY_MS 250

struct _LekhDiagnostics
{
  GObject             parent_instance;

  GtkSourceView      *view;          /* weak */
  LekhDocument       *document;
  LekhValidator      *validator;
  LekhSiteController *site;

  GtkTextTag         *tags[3];       /* by LekhSeverity */
  GPtrArray          *items;
  GListStore         *model;         /* LekhProblem, one per item */
  LekhArticle        *checked;       /* the article ITEMS describe */
  guint               n_errors;
  guint               n_warnings;

  guint               timeout_id;
  GCancellable       *cancellable;
  guint               generation;

  /* The last site-file fix, for undo. */
  char               *undo_path;
  GBytes             *undo_before;
  LekhFileStamp       undo_stamp;
};

G_DEFINE_FINAL_TYPE (LekhDiagnostics, lekh_diagnostics, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Marks */

static void
clear_marks (LekhDiagnostics *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    gtk_text_buffer_remove_tag (buffer, self->tags[i], &begin, &end);
}

/* The buffer range of a diagnostic: its span, or (for an empty span, e.g. a missing
 * closing line) the rest of its line, or the character before the end. */
static gboolean
get_range (LekhDiagnostics *self,
           LekhDiagnostic  *diagnostic,
           GtkTextIter     *start,
           GtkTextIter     *end)
{
  lekh_document_get_iter_at_byte (self->document, start, diagnostic->start);
  lekh_document_get_iter_at_byte (self->document, end, diagnostic->end);
  if (gtk_text_iter_equal (start, end))
    {
      if (!gtk_text_iter_ends_line (end))
        gtk_text_iter_forward_to_line_end (end);
      else if (!gtk_text_iter_starts_line (start))
        gtk_text_iter_backward_char (start);
    }
  return !gtk_text_iter_equal (start, end);
}

static void
apply_marks (LekhDiagnostics *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);

  clear_marks (self);
  /* Notes first, errors last: where spans overlap the worst one shows on top. */
  for (int severity = LEKH_SEVERITY_INFO; severity >= LEKH_SEVERITY_ERROR; severity--)
    for (guint i = 0; i < self->items->len; i++)
      {
        LekhDiagnostic *diagnostic = g_ptr_array_index (self->items, i);
        GtkTextIter start, end;

        if ((int) diagnostic->severity != severity)
          continue;
        if (get_range (self, diagnostic, &start, &end))
          gtk_text_buffer_apply_tag (buffer, self->tags[severity], &start, &end);
      }
}

/* Checking */

typedef struct
{
  LekhArticle *article;
  char        *path;
  guint        generation;
} CheckData;

static void
check_data_free (CheckData *data)
{
  lekh_article_unref (data->article);
  g_free (data->path);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LekhDiagnostics *self = source_object;
  CheckData *data = task_data;

  g_task_return_pointer (task, lekh_validator_check (self->validator, data->article, data->path),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
update_model (LekhDiagnostics *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (problems, lekh_problem_new (g_ptr_array_index (self->items, i)));
  g_list_store_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                       problems->pdata, problems->len);
}

static void
set_items (LekhDiagnostics *self,
           GPtrArray       *items,
           LekhArticle     *article)
{
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;
  g_clear_pointer (&self->checked, lekh_article_unref);
  self->checked = article ? lekh_article_ref (article) : NULL;

  self->n_errors = self->n_warnings = 0;
  for (guint i = 0; i < items->len; i++)
    {
      LekhDiagnostic *diagnostic = g_ptr_array_index (items, i);

      if (diagnostic->severity == LEKH_SEVERITY_ERROR)
        self->n_errors++;
      else if (diagnostic->severity == LEKH_SEVERITY_WARNING)
        self->n_warnings++;
    }
  apply_marks (self);
  update_model (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  return lekh_diagnostic_compare (*(LekhDiagnostic **) a, *(LekhDiagnostic **) b);
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  LekhDiagnostics *self = LEKH_DIAGNOSTICS (object);
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) items = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GPtrArray) site_items = NULL;

  if (items == NULL || data->generation != self->generation)
    return;
  /* The text moved on since: its own check follows. */
  if (data->article != lekh_document_get_article (self->document) ||
      lekh_document_get_article_pending (self->document))
    return;

  site_items = lekh_site_controller_check (self->site, data->article);
  for (guint i = 0; i < site_items->len; i++)
    g_ptr_array_add (items, lekh_diagnostic_ref (g_ptr_array_index (site_items, i)));
  g_ptr_array_sort (items, compare_diagnostics);

  set_items (self, g_steal_pointer (&items), data->article);
}

static void
start_check (LekhDiagnostics *self)
{
  g_autoptr(GTask) task = NULL;
  GFile *file = lekh_document_get_file (self->document);
  CheckData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (CheckData, 1);
  data->article = lekh_article_ref (lekh_document_get_article (self->document));
  data->path = file ? g_file_get_path (file) : NULL;
  data->generation = ++self->generation;

  task = g_task_new (self, self->cancellable, check_cb, NULL);
  g_task_set_source_tag (task, start_check);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  /* The validator is quick on a normal article, but a 5 MB one must not stall typing. */
  g_task_run_in_thread (task, check_thread);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  LekhDiagnostics *self = user_data;

  self->timeout_id = 0;
  start_check (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (LekhDiagnostics *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

static void
article_changed_cb (LekhDiagnostics *self)
{
  /* Stale marks would point at the wrong characters while the writer types: the
   * underline follows its text (tags move with edits), the list is refreshed soon. */
  schedule_check (self);
}

static void
file_changed_cb (LekhDiagnostics *self)
{
  lekh_site_controller_set_file (self->site, lekh_document_get_file (self->document));
  schedule_check (self);
}

void
lekh_diagnostics_refresh (LekhDiagnostics *self)
{
  g_return_if_fail (LEKH_IS_DIAGNOSTICS (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  lekh_document_ensure_article (self->document);
  start_check (self);
}

/* Tooltips */

static gboolean
query_tooltip_cb (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  LekhDiagnostics *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  g_autoptr(GString) text = NULL;
  GtkTextIter iter;
  int bx, by;

  if (keyboard)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }
  else
    {
      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
        return FALSE;
    }

  for (guint i = 0; self->items && i < self->items->len; i++)
    {
      LekhDiagnostic *diagnostic = g_ptr_array_index (self->items, i);
      GtkTextIter start, end;

      if (!get_range (self, diagnostic, &start, &end) ||
          !gtk_text_iter_in_range (&iter, &start, &end))
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      g_string_append (text, diagnostic->message);
      if (diagnostic->fix_description != NULL)
        /* Translators: the quick fix of a diagnostic, and its shortcut */
        g_string_append_printf (text, "\n%s %s", diagnostic->fix_description, _("(Ctrl+.)"));
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

LekhDiagnostic *
lekh_diagnostics_get_at_iter (LekhDiagnostics   *self,
                              const GtkTextIter *iter)
{
  LekhDiagnostic *any = NULL;

  g_return_val_if_fail (LEKH_IS_DIAGNOSTICS (self), NULL);

  if (!lekh_diagnostics_is_current (self))
    return NULL;
  for (guint i = 0; i < self->items->len; i++)
    {
      LekhDiagnostic *diagnostic = g_ptr_array_index (self->items, i);
      GtkTextIter start, end;

      get_range (self, diagnostic, &start, &end);
      /* The cursor just after a word still counts as on it. */
      if (gtk_text_iter_compare (iter, &start) < 0 || gtk_text_iter_compare (iter, &end) > 0)
        continue;
      if (diagnostic->fix_kind != LEKH_FIX_NONE)
        return diagnostic;
      if (any == NULL)
        any = diagnostic;
    }
  return any;
}

/* Quick fixes */

static gboolean
apply_site_fix (LekhDiagnostics *self,
                LekhDiagnostic  *diagnostic,
                GError         **error)
{
  gboolean tags = diagnostic->fix_kind == LEKH_FIX_ADD_TAG;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  g_autoptr(GString) after = NULL;
  LekhFileStamp stamp = { 0 };
  const char *text = "";
  gsize len = 0;

  if (diagnostic->fix_file == NULL || diagnostic->fix_value == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This problem has no site file to fix"));
      return FALSE;
    }

  /* A site without the file yet: the fix creates it. */
  if (g_file_test (diagnostic->fix_file, G_FILE_TEST_EXISTS))
    {
      before = lekh_file_read (diagnostic->fix_file, &stamp, error);
      if (before == NULL)
        return FALSE;
      text = g_bytes_get_data (before, &len);
    }
  else
    before = g_bytes_new (NULL, 0);

  edit = lekh_site_data_create_add_edit (text, len, diagnostic->fix_value, NULL, tags, error);
  if (edit == NULL)
    return FALSE;

  after = g_string_sized_new (len + strlen (edit->text));
  g_string_append_len (after, text, edit->start);
  g_string_append (after, edit->text);
  g_string_append_len (after, text + edit->end, len - edit->end);

  if (!lekh_file_write_atomic_checked (diagnostic->fix_file, after->str, after->len, &stamp, error))
    return FALSE;

  g_free (self->undo_path);
  self->undo_path = g_strdup (diagnostic->fix_file);
  g_clear_pointer (&self->undo_before, g_bytes_unref);
  self->undo_before = stamp.exists ? g_bytes_ref (before) : NULL;
  lekh_file_get_stamp (self->undo_path, &self->undo_stamp);

  lekh_site_controller_reload_site (self->site);
  lekh_diagnostics_refresh (self);
  return TRUE;
}

gboolean
lekh_diagnostics_undo_site_fix (LekhDiagnostics *self,
                                GError         **error)
{
  g_autofree char *path = NULL;
  gboolean ok;

  g_return_val_if_fail (LEKH_IS_DIAGNOSTICS (self), FALSE);

  if (self->undo_path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Nothing to undo"));
      return FALSE;
    }
  path = g_steal_pointer (&self->undo_path);
  if (self->undo_before != NULL)
    {
      gsize len;
      const char *data = g_bytes_get_data (self->undo_before, &len);

      ok = lekh_file_write_atomic_checked (path, data ? data : "", len, &self->undo_stamp, error);
    }
  else
    {
      /* The fix created the file: remove it again, unless it changed since. */
      LekhFileStamp now;

      lekh_file_get_stamp (path, &now);
      if (!lekh_file_stamp_equal (&now, &self->undo_stamp))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("“%s” changed since; it was left as it is"), path);
          ok = FALSE;
        }
      else if ((ok = g_unlink (path) == 0) == FALSE)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                     _("Could not remove “%s”: %s"), path, g_strerror (errno));
    }
  g_clear_pointer (&self->undo_before, g_bytes_unref);

  lekh_site_controller_reload_site (self->site);
  lekh_diagnostics_refresh (self);
  return ok;
}

gboolean
lekh_diagnostics_apply_fix (LekhDiagnostics *self,
                            LekhDiagnostic  *diagnostic,
                            GError         **error)
{
  g_autoptr(LekhDiagnostic) keep = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  LekhArticle *article;

  g_return_val_if_fail (LEKH_IS_DIAGNOSTICS (self), FALSE);
  g_return_val_if_fail (diagnostic != NULL, FALSE);

  keep = lekh_diagnostic_ref (diagnostic);
  switch (diagnostic->fix_kind)
    {
    case LEKH_FIX_ADD_AUTHOR:
    case LEKH_FIX_ADD_TAG:
      return apply_site_fix (self, diagnostic, error);

    case LEKH_FIX_NONE:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This problem has no quick fix"));
      return FALSE;

    case LEKH_FIX_RENAME_KEY:
    case LEKH_FIX_REMOVE_KEY:
    case LEKH_FIX_REMOVE_LIST_ITEM:
    default:
      break;
    }

  /* The spans must describe the text the edit is computed on. */
  article = lekh_document_ensure_article (self->document);
  if (article != self->checked)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The text changed; try again when the problems are updated"));
      return FALSE;
    }
  edit = lekh_diagnostic_create_edit (diagnostic, article, error);
  if (edit == NULL)
    return FALSE;
  if (!lekh_document_apply_edit (self->document, article, edit, error))
    return FALSE;
  lekh_diagnostics_refresh (self);
  return TRUE;
}

/* Accessors */

GListModel *
lekh_diagnostics_get_model (LekhDiagnostics *self)
{
  g_return_val_if_fail (LEKH_IS_DIAGNOSTICS (self), NULL);
  return G_LIST_MODEL (self->model);
}

GPtrArray *
lekh_diagnostics_get_items (LekhDiagnostics *self)
{
  g_return_val_if_fail (LEKH_IS_DIAGNOSTICS (self), NULL);
  return self->items;
}

gboolean
lekh_diagnostics_is_current (LekhDiagnostics *self)
{
  g_return_val_if_fail (LEKH_IS_DIAGNOSTICS (self), FALSE);
  return self->checked != NULL &&
         self->checked == lekh_document_get_article (self->document) &&
         !lekh_document_get_article_pending (self->document) &&
         self->timeout_id == 0;
}

guint
lekh_diagnostics_get_n_errors (LekhDiagnostics *self)
{
  g_return_val_if_fail (LEKH_IS_DIAGNOSTICS (self), 0);
  return self->n_errors;
}

guint
lekh_diagnostics_get_n_warnings (LekhDiagnostics *self)
{
  g_return_val_if_fail (LEKH_IS_DIAGNOSTICS (self), 0);
  return self->n_warnings;
}

/* GObject */

static void
lekh_diagnostics_dispose (GObject *object)
{
  LekhDiagnostics *self = LEKH_DIAGNOSTICS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->site != NULL)
    g_signal_handlers_disconnect_by_data (self->site, self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_weak_pointer (&self->view);
  g_clear_object (&self->document);
  g_clear_object (&self->site);
  G_OBJECT_CLASS (lekh_diagnostics_parent_class)->dispose (object);
}

static void
lekh_diagnostics_finalize (GObject *object)
{
  LekhDiagnostics *self = LEKH_DIAGNOSTICS (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->model);
  g_clear_pointer (&self->checked, lekh_article_unref);
  g_clear_pointer (&self->validator, lekh_validator_unref);
  g_clear_pointer (&self->undo_before, g_bytes_unref);
  g_free (self->undo_path);
  G_OBJECT_CLASS (lekh_diagnostics_parent_class)->finalize (object);
}

static void
lekh_diagnostics_class_init (LekhDiagnosticsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lekh_diagnostics_dispose;
  object_class->finalize = lekh_diagnostics_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lekh_diagnostics_init (LekhDiagnostics *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lekh_diagnostic_unref);
  self->model = g_list_store_new (LEKH_TYPE_PROBLEM);
}

static GtkTextTag *
create_tag (GtkTextBuffer *buffer,
            const char    *name,
            const char    *color)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  GdkRGBA rgba;

  if (tag != NULL)
    return tag;
  gdk_rgba_parse (&rgba, color);
  tag = gtk_text_buffer_create_tag (buffer, name,
                                    "underline", PANGO_UNDERLINE_ERROR,
                                    "underline-rgba", &rgba,
                                    NULL);
  return tag;
}

LekhDiagnostics *
lekh_diagnostics_new (GtkSourceView      *view,
                      LekhValidator      *validator,
                      LekhSiteController *site)
{
  LekhDiagnostics *self;
  GtkTextBuffer *buffer;

  g_return_val_if_fail (GTK_SOURCE_IS_VIEW (view), NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_return_val_if_fail (LEKH_IS_DOCUMENT (buffer), NULL);

  self = g_object_new (LEKH_TYPE_DIAGNOSTICS, NULL);
  g_set_weak_pointer (&self->view, view);
  self->document = g_object_ref (LEKH_DOCUMENT (buffer));
  self->validator = lekh_validator_ref (validator);
  self->site = g_object_ref (site);

  /* Adwaita's error (red), warning (amber) and accent (blue) colours: readable as a
   * wavy line in both the light and the dark style. */
  self->tags[LEKH_SEVERITY_ERROR] = create_tag (buffer, "lekh-diagnostic-error", "#e01b24");
  self->tags[LEKH_SEVERITY_WARNING] = create_tag (buffer, "lekh-diagnostic-warning", "#e5a50a");
  self->tags[LEKH_SEVERITY_INFO] = create_tag (buffer, "lekh-diagnostic-info", "#3584e4");

  g_signal_connect_swapped (self->document, "article-changed", G_CALLBACK (article_changed_cb), self);
  g_signal_connect_swapped (self->document, "notify::file", G_CALLBACK (file_changed_cb), self);
  g_signal_connect_swapped (self->site, "changed", G_CALLBACK (schedule_check), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (view), TRUE);
  g_signal_connect (view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  lekh_site_controller_set_file (self->site, lekh_document_get_file (self->document));
  schedule_check (self);
  return self;
}
