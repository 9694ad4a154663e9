/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lekh-diagnostic.h"

G_DEFINE_BOXED_TYPE (LekhDiagnostic, lekh_diagnostic, lekh_diagnostic_ref, lekh_diagnostic_unref)

LekhDiagnostic *
lekh_diagnostic_new (const char   *rule,
                     LekhSeverity  severity,
                     gsize         start,
                     gsize         end,
                     guint         line,
                     guint         column,
                     const char   *message)
{
  LekhDiagnostic *self;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_new0 (LekhDiagnostic, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->rule = g_intern_string (rule);
  self->severity = severity;
  self->message = g_strdup (message);
  self->start = start;
  self->end = end;
  self->line = line;
  self->column = column;
  return self;
}

LekhDiagnostic *
lekh_diagnostic_ref (LekhDiagnostic *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lekh_diagnostic_unref (LekhDiagnostic *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->message);
  g_free (self->key);
  g_free (self->fix_description);
  g_free (self->fix_value);
  g_free (self->fix_file);
  g_free (self);
}

void
lekh_diagnostic_set_key (LekhDiagnostic *self,
                         const char     *key)
{
  g_return_if_fail (self != NULL);

  g_free (self->key);
  self->key = g_strdup (key);
}

void
lekh_diagnostic_set_fix (LekhDiagnostic *self,
                         LekhFixKind     kind,
                         const char     *description,
                         const char     *value,
                         guint           index,
                         const char     *file)
{
  g_return_if_fail (self != NULL);

  self->fix_kind = kind;
  g_free (self->fix_description);
  self->fix_description = g_strdup (description);
  g_free (self->fix_value);
  self->fix_value = g_strdup (value);
  self->fix_index = index;
  g_free (self->fix_file);
  self->fix_file = g_strdup (file);
}

int
lekh_diagnostic_compare (const LekhDiagnostic *a,
                         const LekhDiagnostic *b)
{
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  if (a->severity != b->severity)
    return a->severity < b->severity ? -1 : 1;
  return strcmp (a->rule, b->rule);
}

LekhEdit *
lekh_diagnostic_create_edit (const LekhDiagnostic *self,
                             LekhArticle          *article,
                             GError              **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);

  switch (self->fix_kind)
    {
    case LEKH_FIX_RENAME_KEY:
      return lekh_article_edit_rename_key (article, self->key, self->fix_value, error);

    case LEKH_FIX_REMOVE_KEY:
      return lekh_article_edit_remove (article, self->key, error);

    case LEKH_FIX_REMOVE_LIST_ITEM:
      {
        g_auto(GStrv) items = lekh_node_dup_string_list (lekh_article_get_value (article, self->key));
        g_autoptr(GPtrArray) kept = g_ptr_array_new ();

        if (items == NULL || self->fix_index >= g_strv_length (items))
          break;
        for (guint i = 0; items[i] != NULL; i++)
          if (i != self->fix_index)
            g_ptr_array_add (kept, items[i]);
        g_ptr_array_add (kept, NULL);
        return lekh_article_edit_set_list (article, self->key,
                                           (const char * const *) kept->pdata, error);
      }

    case LEKH_FIX_REPLACE_VALUE:
      {
        gsize len = 0;
        LekhEdit *edit;

        lekh_article_get_text (article, &len);
        if (self->fix_value == NULL || self->end > len || self->start >= self->end)
          break;
        /* Quoted as inside [ ]: safe in a flow list and plain for a simple key. */
        edit = g_new0 (LekhEdit, 1);
        edit->start = self->start;
        edit->end = self->end;
        edit->text = lekh_yaml_quote_string (self->fix_value, TRUE);
        return edit;
      }

    case LEKH_FIX_ADD_AUTHOR:
    case LEKH_FIX_ADD_TAG:
    case LEKH_FIX_NONE:
    default:
      break;
    }

  g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
               _("This problem has no automatic fix in the article"));
  return NULL;
}

const char *
lekh_severity_to_string (LekhSeverity severity)
{
  switch (severity)
    {
    case LEKH_SEVERITY_ERROR: return "error";
    case LEKH_SEVERITY_WARNING: return "warning";
    case LEKH_SEVERITY_INFO: return "info";
    default: return "unknown";
    }
}
