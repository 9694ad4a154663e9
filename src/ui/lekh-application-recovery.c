/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-application-recovery"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-node.h"
#include "lekh-application-private.h"

typedef struct
{
  LekhApplication *app;
  LekhDraftStore  *store;
  GWeakRef         parent;
  GPtrArray       *infos;
  GPtrArray       *checks;
} Recovery;

/* Lives as long as the dialog (a weak reference's notify frees it). */
static void
recovery_free (Recovery *recovery,
               GObject  *where_the_dialog_was)
{
  g_clear_object (&recovery->app);
  g_clear_object (&recovery->store);
  g_weak_ref_clear (&recovery->parent);
  g_clear_pointer (&recovery->infos, g_ptr_array_unref);
  g_clear_pointer (&recovery->checks, g_ptr_array_unref);
  g_free (recovery);
}

static char *
info_title (LekhDraftStore      *store,
            const LekhDraftInfo *info)
{
  /* A document that never had a file is best known by the title it was given. */
  if (info->uri == NULL && info->has_draft)
    {
      g_autofree char *text = lekh_draft_store_read_draft (store, info->draft_id, NULL);
      g_autoptr(LekhArticle) article = text != NULL ? lekh_article_new (text, -1) : NULL;
      const LekhNode *title = article != NULL ? lekh_article_get_value (article, "title") : NULL;
      const char *string = title != NULL ? lekh_node_get_string (title) : NULL;

      if (string != NULL && string[0] != '\0')
        return g_strdup (string);
    }
  if (info->title != NULL && info->title[0] != '\0')
    return g_strdup (info->title);
  if (info->uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (info->uri);
      g_autofree char *base = g_file_get_basename (file);

      return g_filename_display_name (base);
    }
  return g_strdup (_("New Article"));
}

static char *
info_subtitle (const LekhDraftInfo *info)
{
  g_autofree char *folder = NULL;

  if (info->uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (info->uri);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        folder = g_file_get_parse_name (parent);
    }

  if (info->has_draft && folder != NULL)
    /* Translators: a document to restore after a crash: its state, then its folder */
    return g_strdup_printf (_("Unsaved changes · %s"), folder);
  if (info->has_draft)
    return g_strdup (_("Unsaved changes, never saved to a file"));
  return g_steal_pointer (&folder);
}

static LekhWindow *
find_window_for (LekhApplication *app,
                 GFile           *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      GFile *open;

      if (!LEKH_IS_WINDOW (l->data))
        continue;
      /* Still loading counts: `lekh FILE` after a crash opens FILE as the offer appears. */
      open = lekh_document_get_loading_file (lekh_window_get_document (l->data));
      if (open == NULL)
        open = lekh_document_get_file (lekh_window_get_document (l->data));
      if (open != NULL && g_file_equal (open, file))
        return l->data;
    }
  return NULL;
}

static LekhWindow *
take_window (Recovery *recovery)
{
  g_autoptr(LekhWindow) parent = g_weak_ref_get (&recovery->parent);
  LekhWindow *window;

  if (parent != NULL && lekh_document_is_untouched (lekh_window_get_document (parent)))
    return parent;

  window = lekh_window_new (recovery->app);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
restore_one (Recovery            *recovery,
             const LekhDraftInfo *info)
{
  g_autofree char *text = NULL;
  g_autofree char *title = info_title (recovery->store, info);
  g_autoptr(GFile) file = info->uri != NULL ? g_file_new_for_uri (info->uri) : NULL;
  LekhWindow *window = NULL;
  LekhDocument *document;

  if (info->has_draft)
    {
      g_autoptr(GError) error = NULL;

      text = lekh_draft_store_read_draft (recovery->store, info->draft_id, &error);
      if (text == NULL)
        {
          g_autoptr(LekhWindow) parent = g_weak_ref_get (&recovery->parent);
          g_autofree char *message = g_strdup_printf (_("The unsaved changes of “%s” could not "
                                                        "be read: %s"), title, error->message);

          g_warning ("%s", message);
          if (parent != NULL)
            lekh_window_add_toast (parent, message);
          if (file == NULL)
            return;
        }
    }

  if (file != NULL && (window = find_window_for (recovery->app, file)) != NULL)
    {
      document = lekh_window_get_document (window);
      /* The file is open already (named on the command line, say): its draft goes there
       * (when the load ends, if it is under way), unless the writer has begun changing it
       * in this session. */
      if (text != NULL && !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)))
        {
          lekh_draft_store_adopt (recovery->store, document, info->draft_id);
          lekh_document_restore_draft (document, text);
        }
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (file != NULL && !g_file_query_exists (file, NULL) && text == NULL)
    {
      g_autoptr(LekhWindow) parent = g_weak_ref_get (&recovery->parent);
      g_autofree char *message = g_strdup_printf (_("“%s” no longer exists"), title);

      if (parent != NULL)
        lekh_window_add_toast (parent, message);
      return;
    }

  window = take_window (recovery);
  document = lekh_window_get_document (window);
  if (text != NULL)
    lekh_draft_store_adopt (recovery->store, document, info->draft_id);

  if (file != NULL && g_file_query_exists (file, NULL))
    {
      lekh_window_load_file (window, file);
      /* The load is under way: the draft replaces the file's text when it ends. */
      if (text != NULL)
        lekh_document_restore_draft (document, text);
    }
  else
    {
      lekh_document_restore_draft (document, text);
      if (file != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” no longer exists: its unsaved "
                                                        "text is restored as a new article"),
                                                      title);

          lekh_window_add_toast (window, message);
        }
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Recovery         *recovery)
{
  if (g_str_equal (response, "restore"))
    {
      for (guint i = 0; i < recovery->infos->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (recovery->checks, i)))
          restore_one (recovery, g_ptr_array_index (recovery->infos, i));
      lekh_draft_store_release_orphans (recovery->store, TRUE);
    }
  else if (g_str_equal (response, "discard"))
    lekh_draft_store_release_orphans (recovery->store, TRUE);
  else
    /* Closed without an answer: nothing is decided, the next start asks again. */
    lekh_draft_store_release_orphans (recovery->store, FALSE);
}

static void
check_toggled_cb (GtkWidget *check,
                  Recovery  *recovery)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_ancestor (check,
                                                                          ADW_TYPE_MESSAGE_DIALOG));
  gboolean any = FALSE;

  for (guint i = 0; i < recovery->checks->len; i++)
    any |= gtk_check_button_get_active (g_ptr_array_index (recovery->checks, i));
  adw_message_dialog_set_response_enabled (dialog, "restore", any);
}

/* One row with a check box (checked) per document to offer. */
static GtkWidget *
create_list (Recovery       *recovery,
             LekhDraftStore *store)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < recovery->infos->len; i++)
    {
      const LekhDraftInfo *info = g_ptr_array_index (recovery->infos, i);
      g_autofree char *title = info_title (store, info);
      g_autofree char *subtitle = info_subtitle (info);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), recovery);
      g_ptr_array_add (recovery->checks, check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  return list;
}

GtkWidget *
_lekh_application_offer_recovery (LekhApplication *app,
                                  LekhWindow      *parent)
{
  LekhDraftStore *store = app->drafts;
  g_autoptr(GPtrArray) infos = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  Recovery *recovery;
  guint n_drafts = 0;

  g_assert (LEKH_IS_APPLICATION (app));
  g_assert (LEKH_IS_DRAFT_STORE (store));
  g_assert (!parent || LEKH_IS_WINDOW (parent));

  infos = lekh_draft_store_claim_orphans (store);
  /* Nothing (more) to offer; what an open offer claimed stays claimed. */
  if (infos->len == 0)
    return NULL;

  /* A file without unsaved changes that is open again already (`lekh FILE` after the
   * crash) has nothing left to restore. */
  for (guint i = 0; i < infos->len;)
    {
      const LekhDraftInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GFile) file = info->uri != NULL ? g_file_new_for_uri (info->uri) : NULL;

      if (!info->has_draft && file != NULL && find_window_for (app, file) != NULL)
        g_ptr_array_remove_index (infos, i);
      else
        i++;
    }
  if (infos->len == 0)
    {
      /* All of it is open: the crashed sessions are done with. */
      lekh_draft_store_release_orphans (store, TRUE);
      return NULL;
    }

  for (guint i = 0; i < infos->len; i++)
    n_drafts += ((LekhDraftInfo *) g_ptr_array_index (infos, i))->has_draft;

  recovery = g_new0 (Recovery, 1);
  recovery->app = g_object_ref (app);
  recovery->store = g_object_ref (store);
  g_weak_ref_init (&recovery->parent, parent);
  recovery->infos = g_steal_pointer (&infos);
  recovery->checks = g_ptr_array_new ();

  dialog = adw_message_dialog_new (parent ? GTK_WINDOW (parent) : NULL,
                                   n_drafts > 0 ? _("Restore Unsaved Changes?")
                                                : _("Reopen Documents?"),
                                   _("Lekh did not close properly. Choose the documents to open "
                                     "again; the unsaved changes of those left unchecked are "
                                     "discarded."));
  g_object_weak_ref (G_OBJECT (dialog), (GWeakNotify) recovery_free, recovery);

  list = create_list (recovery, store);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard All"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), recovery);

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
