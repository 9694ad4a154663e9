/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-metadata-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lekh-chip-editor.h"
#include "lekh-image-import.h"
#include "lekh-image-path.h"
#include "lekh-metadata-panel.h"
#include "lekh-site.h"
#include "lekh-site-syntax.h"
#include "lekh-spell-checker.h"
#include "lekh-text.h"
#include "lekh-yaml-error.h"

/* A pause in typing this long sends a text field to the source (one undo step). */
#define COMMIT_DELAY_MS 300

typedef enum
{
  TEXT_TITLE,
  TEXT_DESCRIPTION,
  TEXT_IMAGE,
  TEXT_DATE,
  N_TEXT_FIELDS
} TextField;

static const char *text_keys[N_TEXT_FIELDS] = { "title", "description", "image", "date" };
static const char *known_keys[] = {
  "title", "description", "tags", "keywords", "authors", "image", "date", "draft", NULL
};

struct _LekhMetadataPanel
{
  GtkWidget             parent_instance;

  LekhDocument         *document;
  gulong                article_changed_id;
  gulong                file_changed_id;
  /* Scroll anchoring: the focused field and where it was in the content. */
  GtkWidget            *anchor;
  double                anchor_y;
  guint                 anchor_tick;

  GtkWidget            *scroller;
  GtkWidget            *content_box;
  GtkWidget            *error_box;
  GtkWidget            *error_icon;
  GtkWidget            *error_title;
  GtkWidget            *error_label;
  GtkWidget            *error_button;
  GtkWidget            *fields_group;
  GtkWidget            *title_row;
  GtkWidget            *description_row;
  GtkWidget            *description_label;
  GtkWidget            *description_view;
  GtkWidget            *tags_label;
  GtkWidget            *tags_editor;
  GtkWidget            *keywords_label;
  GtkWidget            *keywords_editor;
  GtkWidget            *authors_label;
  GtkWidget            *authors_editor;
  GtkWidget            *authors_note;
  GtkWidget            *image_row;
  GtkWidget            *image_thumbnail;
  GtkWidget            *image_button;
  GCancellable         *image_cancellable;
  LekhSpellChecker     *spell;   /* the description's, and the title's words */
  GtkWidget            *date_row;
  GtkWidget            *date_hint;
  GtkWidget            *date_button;
  GtkWidget            *date_popover;
  GtkWidget            *calendar;
  GtkWidget            *draft_row;
  GtkWidget            *draft_switch;
  GtkWidget            *other_group;
  GPtrArray            *other_rows;

  char                 *message;
  char                 *thumbnail_path;
  char                 *date_placeholder;  /* the date the file name gives, or NULL */
  char                 *thumbnail_key;
  guint                 error_line;
  guint                 error_column;
  guint                 commit_source;
  guint                 sync_source;
  gboolean              pending[N_TEXT_FIELDS];
  guint                 updating;
  gboolean              live;

  /* Problems and length counters on the fields (lekh_metadata_panel_set_field_problem) */
  GtkWidget            *title_counter;
  GtkWidget            *description_message;
  GtkWidget            *description_counter;
  GtkWidget            *tags_message;
  GtkWidget            *keywords_message;
  GtkWidget            *authors_message;
  gsize                 length_limits[2][2];   /* title, description: min, max (0: none) */
};

G_DEFINE_FINAL_TYPE (LekhMetadataPanel, lekh_metadata_panel, GTK_TYPE_WIDGET)

enum {
  JUMP_TO,
  EDIT_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void sync_from_article (LekhMetadataPanel *self);

static GtkWidget *
text_widget (LekhMetadataPanel *self,
             TextField          field)
{
  switch (field)
    {
    case TEXT_TITLE: return self->title_row;
    case TEXT_DESCRIPTION: return self->description_view;
    case TEXT_IMAGE: return self->image_row;
    case TEXT_DATE: return self->date_row;
    case N_TEXT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static char *
get_text (LekhMetadataPanel *self,
          TextField          field)
{
  if (field == TEXT_DESCRIPTION)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view));
      GtkTextIter begin, end;

      gtk_text_buffer_get_bounds (buffer, &begin, &end);
      return gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (text_widget (self, field))));
}

static void
set_text (LekhMetadataPanel *self,
          TextField          field,
          const char        *text)
{
  g_autofree char *current = get_text (self, field);

  if (text == NULL)
    text = "";
  if (strcmp (current, text) == 0)
    return;

  self->updating++;
  if (field == TEXT_DESCRIPTION)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view)),
                              text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (text_widget (self, field)), text);
  self->updating--;
}

/* Asks the window, not the focus-within state flag: the flag of the field being left
 * may still be set while the idle that re-syncs the fields runs, which left a field
 * stale now and then. */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
report_failure (LekhMetadataPanel *self,
                const GError      *error)
{
  g_signal_emit (self, signals[EDIT_FAILED], 0, error->message);
}

/* Runs EDIT (computed on ARTICLE) and reports a refusal. */
static void
apply (LekhMetadataPanel *self,
       LekhArticle       *article,
       LekhEdit          *edit,
       GError            *error)
{
  g_autoptr(GError) apply_error = NULL;

  if (edit == NULL)
    {
      if (error != NULL)
        report_failure (self, error);
      g_clear_error (&error);
      return;
    }

  if (!lekh_document_apply_edit (self->document, article, edit, &apply_error))
    report_failure (self, apply_error);
  lekh_edit_free (edit);
}

static LekhArticle *
editable_article (LekhMetadataPanel *self)
{
  LekhArticle *article;

  if (self->document == NULL)
    return NULL;
  article = lekh_document_ensure_article (self->document);
  if (!lekh_article_check_editable (article, NULL))
    return NULL;
  return article;
}

static void
commit_text (LekhMetadataPanel *self,
             TextField          field)
{
  LekhArticle *article;
  g_autofree char *text = NULL;
  const LekhNode *node;
  const char *current;
  GError *error = NULL;
  LekhEdit *edit;

  if (!self->pending[field])
    return;

  /* Bring the article up to date first: while the field is still pending, the re-parse
   * this may cause leaves its text alone. Never write a stale value over a front matter
   * that broke meanwhile. */
  article = editable_article (self);
  self->pending[field] = FALSE;
  if (article == NULL)
    return;

  text = get_text (self, field);
  node = lekh_article_get_value (article, text_keys[field]);
  current = lekh_node_get_string (node);
  if (node == NULL && text[0] == '\0')
    return;
  if (node != NULL && node->kind != LEKH_NODE_SCALAR)
    return;
  if (current != NULL && strcmp (current, text) == 0)
    return;

  if (field == TEXT_DATE && text[0] != '\0' && lekh_scalar_is_timestamp (text))
    edit = lekh_article_edit_set_scalar (article, text_keys[field], text,
                                         LEKH_VALUE_TIMESTAMP, &error);
  else
    edit = lekh_article_edit_set_string (article, text_keys[field], text, &error);
  apply (self, article, edit, error);
}

static void
commit_all (LekhMetadataPanel *self)
{
  g_clear_handle_id (&self->commit_source, g_source_remove);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    commit_text (self, i);
}

static gboolean
commit_timeout_cb (gpointer data)
{
  LekhMetadataPanel *self = data;

  self->commit_source = 0;
  commit_all (self);
  return G_SOURCE_REMOVE;
}

static void
text_changed (LekhMetadataPanel *self,
              TextField          field)
{
  if (self->updating || self->document == NULL || !self->live)
    return;

  self->pending[field] = TRUE;
  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (COMMIT_DELAY_MS, commit_timeout_cb, self);
}

/* The title's misspelled words, underlined as in the source and the description. */
static void
update_title_spelling (LekhMetadataPanel *self)
{
  g_autoptr(PangoAttrList) attrs = NULL;

  if (self->spell == NULL)
    {
      adw_entry_row_set_attributes (ADW_ENTRY_ROW (self->title_row), NULL);
      return;
    }
  attrs = lekh_spell_checker_underline (self->spell,
                                        gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  adw_entry_row_set_attributes (ADW_ENTRY_ROW (self->title_row), attrs);
}

static void
title_changed_cb (LekhMetadataPanel *self)
{
  update_title_spelling (self);
  text_changed (self, TEXT_TITLE);
}

static void description_changed_cb (LekhMetadataPanel *self) { text_changed (self, TEXT_DESCRIPTION); }
static void image_changed_cb (LekhMetadataPanel *self) { text_changed (self, TEXT_IMAGE); }
static void update_date_hint (LekhMetadataPanel *self);

static void
date_changed_cb (LekhMetadataPanel *self)
{
  text_changed (self, TEXT_DATE);
  update_date_hint (self);
}

static gboolean
sync_idle_cb (gpointer data)
{
  LekhMetadataPanel *self = data;

  self->sync_source = 0;
  sync_from_article (self);
  return G_SOURCE_REMOVE;
}

static void
field_focus_leave_cb (LekhMetadataPanel *self)
{
  /* The writer left a field: send it now, and let every field catch up with the source
   * once the focus has actually moved on. */
  commit_all (self);
  if (self->sync_source == 0)
    self->sync_source = g_idle_add (sync_idle_cb, self);
}

static void
entry_activated_cb (LekhMetadataPanel *self)
{
  commit_all (self);
}

static void
list_changed (LekhMetadataPanel *self,
              LekhChipEditor    *editor,
              const char        *key)
{
  LekhArticle *article;
  g_auto(GStrv) items = NULL;
  GError *error = NULL;
  LekhEdit *edit;

  /* A list with objects is written item by item (list_item_edited()). */
  if (self->updating || lekh_chip_editor_get_itemwise (editor))
    return;

  /* Read the chips before a pending re-parse can reset them to the source's list. */
  items = lekh_chip_editor_dup_items (editor);
  if ((article = editable_article (self)) == NULL)
    return;

  edit = lekh_article_edit_set_list (article, key, (const char * const *) items, &error);
  apply (self, article, edit, error);
}

static void tags_changed_cb (LekhMetadataPanel *self) { list_changed (self, LEKH_CHIP_EDITOR (self->tags_editor), "tags"); }
static void keywords_changed_cb (LekhMetadataPanel *self) { list_changed (self, LEKH_CHIP_EDITOR (self->keywords_editor), "keywords"); }
static void authors_changed_cb (LekhMetadataPanel *self) { list_changed (self, LEKH_CHIP_EDITOR (self->authors_editor), "authors"); }

/* A list with objects (authors: [lark, {name: …}]): each chip added, removed or moved is
 * that one item's change, the objects kept as written. TO is G_MAXUINT for an addition,
 * G_MAXUINT - 1 for a removal. */
static void
list_item_edited (LekhMetadataPanel *self,
                  LekhChipEditor    *editor,
                  guint              position,
                  guint              to)
{
  const char *key = GTK_WIDGET (editor) == self->tags_editor ? "tags"
                    : GTK_WIDGET (editor) == self->keywords_editor ? "keywords" : "authors";
  g_auto(GStrv) items = NULL;
  LekhArticle *article;
  GError *error = NULL;
  LekhEdit *edit;

  if (self->updating || !lekh_chip_editor_get_itemwise (editor))
    return;
  items = lekh_chip_editor_dup_items (editor);
  if ((article = editable_article (self)) == NULL)
    return;

  if (to == G_MAXUINT)
    edit = lekh_article_edit_list_append (article, key, items[position], &error);
  else if (to == G_MAXUINT - 1)
    edit = lekh_article_edit_list_remove (article, key, position, &error);
  else
    edit = lekh_article_edit_list_move (article, key, position, to, &error);
  apply (self, article, edit, error);
}

static void item_added_cb (LekhChipEditor *editor, guint position, LekhMetadataPanel *self) { list_item_edited (self, editor, position, G_MAXUINT); }
static void item_removed_cb (LekhChipEditor *editor, guint position, LekhMetadataPanel *self) { list_item_edited (self, editor, position, G_MAXUINT - 1); }
static void item_moved_cb (LekhChipEditor *editor, guint from, guint to, LekhMetadataPanel *self) { list_item_edited (self, editor, from, to); }

static void
draft_active_cb (LekhMetadataPanel *self)
{
  LekhArticle *article;
  gboolean active = gtk_switch_get_active (GTK_SWITCH (self->draft_switch));
  gboolean current = FALSE;
  const LekhNode *node;
  GError *error = NULL;
  LekhEdit *edit;

  if (self->updating || (article = editable_article (self)) == NULL)
    return;

  node = lekh_article_get_value (article, "draft");
  if (lekh_node_get_boolean (node, &current) && current == active)
    return;
  if (node == NULL && !active)
    return;

  edit = lekh_article_edit_set_scalar (article, "draft", active ? "true" : "false",
                                       LEKH_VALUE_BOOL, &error);
  apply (self, article, edit, error);
}

static void
calendar_day_selected_cb (LekhMetadataPanel *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *current = get_text (self, TEXT_DATE);
  g_autofree char *text = NULL;

  if (self->updating)
    return;

  /* Keep a time of day the writer already had: only the date part changes. */
  if (strlen (current) > 10 && lekh_scalar_is_timestamp (current))
    text = g_strconcat (day, current + 10, NULL);
  else
    text = g_strdup (day);

  set_text (self, TEXT_DATE, text);
  self->pending[TEXT_DATE] = TRUE;
  commit_all (self);
  gtk_popover_popdown (GTK_POPOVER (self->date_popover));
}

static void
error_button_clicked_cb (LekhMetadataPanel *self)
{
  if (self->error_line > 0)
    g_signal_emit (self, signals[JUMP_TO], 0, self->error_line, MAX (self->error_column, 1));
}

/* Where an "other key" row's key is in the source: the data of its handler. */
typedef struct
{
  guint line;
  guint column;
} KeyPosition;

static void
key_position_free (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

static void
other_row_activated_cb (AdwActionRow *row,
                        KeyPosition  *position)
{
  GtkWidget *self = gtk_widget_get_ancestor (GTK_WIDGET (row), LEKH_TYPE_METADATA_PANEL);

  if (self != NULL)
    g_signal_emit (self, signals[JUMP_TO], 0, position->line, position->column);
}

/* Source → form */

static void
set_message (LekhMetadataPanel *self,
             const char        *title,
             const char        *message,
             guint              line,
             guint              column)
{
  g_free (self->message);
  self->message = g_strdup (message);
  self->error_line = line;
  self->error_column = column;

  gtk_widget_set_visible (self->error_box, message != NULL);
  if (message == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (self->error_title), title);
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_button, line > 0);
}

static char *
summarize (const LekhNode *node)
{
  node = lekh_node_resolve (node);
  if (node == NULL)
    return g_strdup ("");

  switch (node->kind)
    {
    case LEKH_NODE_SCALAR:
      {
        const char *s = node->scalar;
        const char *nl = strchr (s, '\n');

        return nl ? g_strdup_printf ("%.*s…", (int) (nl - s), s) : g_strdup (s);
      }
    case LEKH_NODE_SEQUENCE:
      {
        g_auto(GStrv) items = lekh_node_dup_string_list (node);

        if (items != NULL)
          return g_strjoinv (", ", items);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A list of %u item",
                                             "A list of %u items", lekh_node_get_n_items (node)),
                                lekh_node_get_n_items (node));
      }
    case LEKH_NODE_MAPPING:
      return g_strdup (_("A group of fields"));
    case LEKH_NODE_ALIAS:
    default:
      return g_strdup ("");
    }
}

/* In TOML and JSON front matter the core edits only some values (not a [table], an
 * inline table, a JSON object): such a field is read-only, with the core's reason. YAML
 * fields keep reporting a refusal when it happens. */
static gboolean
key_editable (LekhArticle  *article,
              const char   *key,
              GError      **error)
{
  LekhFrontMatterFormat format = lekh_article_get_split (article)->format;

  if (format != LEKH_FRONT_MATTER_TOML && format != LEKH_FRONT_MATTER_JSON)
    return TRUE;
  return lekh_article_edit_check_key (article, key, error);
}

static void
sync_text (LekhMetadataPanel *self,
           LekhArticle       *article,
           TextField          field)
{
  GtkWidget *widget = text_widget (self, field);
  GtkWidget *row = field == TEXT_DESCRIPTION ? self->description_row : widget;
  const LekhNode *node = lekh_article_get_value (article, text_keys[field]);
  gboolean scalar = node == NULL || lekh_node_resolve (node) == NULL ||
                    lekh_node_resolve (node)->kind == LEKH_NODE_SCALAR;
  g_autoptr(GError) refused = NULL;
  gboolean editable = key_editable (article, text_keys[field], &refused) && scalar;

  gtk_widget_set_sensitive (row, editable);
  gtk_widget_set_tooltip_text (row, editable ? NULL
                                    : refused ? refused->message
                                    : _("This value is not plain text; edit it in the source"));

  /* Never overwrite the field the writer is typing in. */
  if (self->pending[field] || has_focus_within (widget))
    return;

  if (scalar)
    {
      const char *value = lekh_node_get_string (node);

      set_text (self, field, value && lekh_node_get_value_type (node) != LEKH_VALUE_NULL ? value : "");
    }
  else
    {
      g_autofree char *summary = summarize (node);

      set_text (self, field, summary);
    }
}

/* {name: …} authors, {label: …} Docusaurus tags: a chip that is removed or
 * moved as a whole; its details are edited in the source. Returns the chip's
 * label and sets @detail to the tooltip naming the fields it was written with. */
static const char *
mapping_chip (const LekhNode  *item,
              char           **detail)
{
  const char *fields[] = { "name", "label", "key", "title", NULL };
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;
  const char *name = NULL;

  for (guint f = 0; name == NULL && fields[f] != NULL; f++)
    name = lekh_node_get_string (lekh_node_lookup (item, fields[f]));
  for (guint k = 0; k + 1 < item->children->len; k += 2)
    {
      const char *field = lekh_node_get_string (g_ptr_array_index (item->children, k));

      if (field != NULL)
        g_strv_builder_add (keys, field);
    }
  names = g_strv_builder_end (keys);
  joined = g_strjoinv (", ", names);
  *detail = g_strdup_printf (_("Written with details (%s); change them in the source"), joined);

  return name ? name : _("Unnamed");
}

/* Collects the chips for the list value @node into @items, with a detail (or
 * NULL) per chip into @details. Returns FALSE when the value holds something
 * no chip can stand for (a nested list, a table as the whole value), so the
 * editor is made read-only. */
static gboolean
collect_chips (const LekhNode *node,
               GStrvBuilder   *items,
               GPtrArray      *details)
{
  gboolean editable = TRUE;

  if (node == NULL)
    return TRUE;

  if (node->kind == LEKH_NODE_SCALAR)
    {
      if (lekh_node_get_value_type (node) != LEKH_VALUE_NULL && node->scalar[0] != '\0')
        g_strv_builder_add (items, node->scalar);
      return TRUE;
    }

  if (node->kind != LEKH_NODE_SEQUENCE)
    return FALSE;

  for (guint i = 0; i < lekh_node_get_n_items (node); i++)
    {
      const LekhNode *item = lekh_node_resolve (lekh_node_get_item (node, i));
      const char *name = NULL;
      char *detail = NULL;

      if (item != NULL && item->kind == LEKH_NODE_SCALAR)
        name = item->scalar;
      else if (item != NULL && item->kind == LEKH_NODE_MAPPING)
        name = mapping_chip (item, &detail);
      else
        editable = FALSE;

      g_strv_builder_add (items, name ? name : "");
      g_ptr_array_add (details, detail);
    }

  return editable;
}

static void
sync_list (LekhMetadataPanel *self,
           LekhArticle       *article,
           GtkWidget         *editor,
           const char        *key,
           GtkWidget         *note)
{
  const LekhNode *node = lekh_node_resolve (lekh_article_get_value (article, key));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) refused = NULL;
  g_auto(GStrv) items = NULL;
  gboolean editable;

  if (has_focus_within (editor))
    return;

  editable = collect_chips (node, builder, details);
  if (!key_editable (article, key, &refused))
    editable = FALSE;
  gtk_widget_set_tooltip_text (editor, refused ? refused->message : NULL);

  items = g_strv_builder_end (builder);
  self->updating++;
  lekh_chip_editor_set_editable (LEKH_CHIP_EDITOR (editor), editable);
  lekh_chip_editor_set_items_detailed (LEKH_CHIP_EDITOR (editor), (const char * const *) items,
                                       details->len > 0 ? (const char * const *) details->pdata
                                                        : NULL);
  self->updating--;
  if (note != NULL)
    gtk_widget_set_visible (note, !editable || lekh_chip_editor_get_itemwise (LEKH_CHIP_EDITOR (editor)));
}

static void
sync_thumbnail (LekhMetadataPanel *self,
                LekhArticle       *article)
{
  const char *value = lekh_node_get_string (lekh_article_get_value (article, "image"));
  GFile *location = self->document ? lekh_document_get_file (self->document) : NULL;
  g_autofree char *article_path = location ? g_file_get_path (location) : NULL;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;

  /* Resolving touches the disk: only when the image or the file changed. */
  key = g_strdup_printf ("%s\n%s", article_path ? article_path : "", value ? value : "");
  if (g_strcmp0 (key, self->thumbnail_key) == 0)
    return;
  g_free (self->thumbnail_key);
  self->thumbnail_key = g_steal_pointer (&key);

  if (value != NULL && value[0] != '\0' && strstr (value, "://") == NULL && article_path != NULL)
    {
      /* As the site generator resolves it: beside the article, or from the site's
       * static folder for "/img/…". */
      g_autoptr(LekhSite) site = lekh_site_detect (article_path);

      if (site != NULL)
        path = lekh_site_resolve_image (site, article_path, value, NULL);
      if (path == NULL && !g_path_is_absolute (value))
        {
          g_autofree char *dir = g_path_get_dirname (article_path);
          g_autofree char *candidate = g_build_filename (dir, value, NULL);

          if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
            path = g_steal_pointer (&candidate);
        }
    }

  if (g_strcmp0 (path, self->thumbnail_path) == 0)
    return;

  g_free (self->thumbnail_path);
  self->thumbnail_path = g_steal_pointer (&path);
  gtk_image_set_from_file (GTK_IMAGE (self->image_thumbnail), self->thumbnail_path);
  gtk_widget_set_tooltip_text (self->image_thumbnail, self->thumbnail_path);
  gtk_widget_set_visible (self->image_thumbnail, self->thumbnail_path != NULL);
}

/* The Image field's chooser: a file from the site's image folder (or anywhere: then it is
 * copied in, after asking) becomes the reference the generator expects. */
static void
image_imported_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(LekhMetadataPanel) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = lekh_image_import_finish (result, NULL, &error);

  if (reference == NULL || self->document == NULL || !self->live)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->image_row), reference);
  self->pending[TEXT_IMAGE] = TRUE;
  commit_all (self);
}

void
lekh_metadata_panel_choose_image_file (LekhMetadataPanel *self,
                                       GFile             *file)
{
  g_return_if_fail (LEKH_IS_METADATA_PANEL (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL || !self->live)
    return;
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  self->image_cancellable = g_cancellable_new ();
  lekh_image_import_async (GTK_WIDGET (self), lekh_document_get_file (self->document), file, NULL,
                           self->image_cancellable, image_imported_cb, g_object_ref (self));
}

static GFile *
image_browse_folder (LekhMetadataPanel *self)
{
  GFile *location = self->document ? lekh_document_get_file (self->document) : NULL;
  g_autofree char *article_path = location ? g_file_get_path (location) : NULL;
  g_autoptr(LekhSite) site = NULL;
  g_autofree char *folder = NULL;

  if (article_path == NULL)
    return NULL;
  site = lekh_site_detect (article_path);
  folder = lekh_image_path_browse_folder (site, article_path);
  return g_file_new_for_path (folder);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
image_dialog_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(LekhMetadataPanel) self = data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    lekh_metadata_panel_choose_image_file (self, file);
}

static void
image_button_clicked_cb (LekhMetadataPanel *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = lekh_image_import_new_filter ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GFile) folder = image_browse_folder (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Choose an Image"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  if (folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, folder);
  gtk_file_dialog_open (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        image_dialog_cb, g_object_ref (self));
}
#else
static void
image_chooser_response_cb (GtkNativeDialog   *chooser,
                           int                response,
                           LekhMetadataPanel *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lekh_metadata_panel_choose_image_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
image_button_clicked_cb (LekhMetadataPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = image_browse_folder (self);

  chooser = gtk_file_chooser_native_new (_("Choose an Image"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), lekh_image_import_new_filter ());
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (image_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
#endif

/* Where the date comes from when the front matter has none is hidden by AdwEntryRow
 * until the writer is in the field (its title stands in for the text): beside the field
 * the same words say it meanwhile. */
static void
update_date_hint (LekhMetadataPanel *self)
{
  gboolean empty = gtk_editable_get_text (GTK_EDITABLE (self->date_row))[0] == '\0';

  gtk_widget_set_visible (self->date_hint, self->date_placeholder != NULL && empty
                                           && !has_focus_within (self->date_row));
}

/* Docusaurus blog posts and Jekyll posts without a date take it from their file name. */
static void
sync_date_placeholder (LekhMetadataPanel *self,
                       LekhArticle       *article)
{
  const LekhNode *node = lekh_article_get_value (article, "date");
  const char *value = lekh_node_get_string (node);
  GFile *location = self->document ? lekh_document_get_file (self->document) : NULL;
  g_autofree char *path = location ? g_file_get_path (location) : NULL;
  g_autofree char *date = NULL;
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->date_row)));

  if ((value == NULL || value[0] == '\0') && path != NULL)
    date = lekh_site_syntax_file_name_date (path);
  g_clear_pointer (&self->date_placeholder, g_free);
  if (date != NULL)
    /* Translators: the date of a blog post that its file name gives, e.g. "2024-03-05" */
    self->date_placeholder = g_strdup_printf (_("%s (from the file name)"), date);
  if (GTK_IS_TEXT (text))
    gtk_text_set_placeholder_text (GTK_TEXT (text), self->date_placeholder);
  gtk_label_set_text (GTK_LABEL (self->date_hint),
                      self->date_placeholder != NULL ? self->date_placeholder : "");
  update_date_hint (self);
}

static void
sync_others (LekhMetadataPanel *self,
             LekhArticle       *article)
{
  guint n = lekh_article_get_n_entries (article);

  for (guint i = 0; i < self->other_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->other_group),
                                  g_ptr_array_index (self->other_rows, i));
  g_ptr_array_set_size (self->other_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      const LekhEntry *entry = lekh_article_get_entry (article, i);
      g_autofree char *summary = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *row;
      GtkWidget *icon;
      KeyPosition *position;

      if (g_strv_contains (known_keys, entry->key))
        continue;

      summary = summarize (entry->value);
      title = g_markup_escape_text (entry->key, -1);
      subtitle = g_markup_escape_text (summary, -1);
      tooltip = g_strdup_printf (_("Show “%s” in the source (line %u)"),
                                 entry->key, entry->key_span.line);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, entry->key,
                                      -1);
      icon = gtk_image_new_from_icon_name ("go-jump-symbolic");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      position = g_new0 (KeyPosition, 1);
      position->line = entry->key_span.line;
      position->column = entry->key_span.column;
      g_signal_connect_data (row, "activated", G_CALLBACK (other_row_activated_cb), position,
                             key_position_free, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->other_group), row);
      g_ptr_array_add (self->other_rows, row);
    }

  gtk_widget_set_visible (self->other_group, self->other_rows->len > 0);
}

static void
sync_from_article (LekhMetadataPanel *self)
{
  LekhArticle *article;
  const GError *error;
  gboolean draft = FALSE;
  gboolean live;

  if (self->document == NULL)
    return;

  article = lekh_document_get_article (self->document);
  error = lekh_article_get_error (article);
  live = lekh_article_check_editable (article, NULL);

  if (error != NULL)
    {
      gsize len = 0;
      const char *text = lekh_article_get_text (article, &len);
      guint line = 0, column = 0;
      g_autofree char *plain = lekh_yaml_error_explain (text, len, error->message,
                                                        lekh_article_get_error_line (article),
                                                        lekh_article_get_error_column (article),
                                                        &line, &column);
      g_autofree char *where = g_strdup_printf (_("Line %u, column %u: %s"), line, column, plain);

      /* Go to Error lands on the mistake, not on the line after it. */
      set_message (self, _("The front matter cannot be read"), where, line, column);
    }
  else if (!live)
    set_message (self, _("The front matter cannot be edited here"),
                 _("It is not a list of fields (a YAML mapping); edit it in the source."), 0, 0);
  else
    set_message (self, NULL, NULL, 0, 0);

  self->live = live;
  gtk_widget_set_sensitive (self->fields_group, live);
  gtk_widget_set_sensitive (self->other_group, live);

  if (!live)
    {
      /* Read-only: what was typed into the form while the YAML broke is not written. */
      g_clear_handle_id (&self->commit_source, g_source_remove);
      memset (self->pending, 0, sizeof self->pending);
      return;
    }

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    sync_text (self, article, i);
  sync_list (self, article, self->tags_editor, "tags", NULL);
  sync_list (self, article, self->keywords_editor, "keywords", NULL);
  sync_list (self, article, self->authors_editor, "authors", self->authors_note);
  sync_thumbnail (self, article);
  sync_date_placeholder (self, article);
  sync_others (self, article);

  lekh_node_get_boolean (lekh_article_get_value (article, "draft"), &draft);
  self->updating++;
  gtk_switch_set_active (GTK_SWITCH (self->draft_switch), draft);
  self->updating--;
  {
    g_autoptr(GError) refused = NULL;
    gboolean editable = key_editable (article, "draft", &refused);

    gtk_widget_set_sensitive (self->draft_row, editable);
    gtk_widget_set_tooltip_text (self->draft_row, refused ? refused->message : NULL);
  }
}

/* Problems and the broken-YAML card appear above the fields while the writer types in
 * one: keep the focused field where it is on screen by scrolling by what was added above. */
static gboolean
anchor_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  LekhMetadataPanel *self = LEKH_METADATA_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  graphene_point_t point;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->content_box) ||
      !gtk_widget_compute_point (focus, self->content_box, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      self->anchor = NULL;
      return G_SOURCE_CONTINUE;
    }

  if (focus == self->anchor && point.y != self->anchor_y)
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            (point.y - self->anchor_y));
    }
  self->anchor = focus;
  self->anchor_y = point.y;
  return G_SOURCE_CONTINUE;
}

/* Only while the focus is in the form: a tick callback keeps the frame clock running. */
static void
focus_enter_cb (LekhMetadataPanel *self)
{
  if (self->anchor_tick == 0)
    self->anchor_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), anchor_tick_cb, NULL, NULL);
}

static void
focus_leave_cb (LekhMetadataPanel *self)
{
  if (self->anchor_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->anchor_tick);
  self->anchor_tick = 0;
  self->anchor = NULL;
}

/* Images are placed relative to the article: the chooser waits for its file. */
static void
update_image_button (LekhMetadataPanel *self)
{
  gboolean saved = self->document != NULL && lekh_document_get_file (self->document) != NULL;

  gtk_widget_set_sensitive (self->image_button, saved);
  gtk_widget_set_tooltip_text (self->image_button,
                               saved ? _("Choose Image…")
                                     : _("Save the article first: its images are placed "
                                         "relative to its file."));
}

static void
file_changed_cb (LekhMetadataPanel *self)
{
  LekhArticle *article = lekh_document_get_article (self->document);

  update_image_button (self);
  if (article != NULL)
    {
      sync_thumbnail (self, article);
      sync_date_placeholder (self, article);
    }
}

/* GObject */

static void
lekh_metadata_panel_dispose (GObject *object)
{
  LekhMetadataPanel *self = LEKH_METADATA_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->commit_source, g_source_remove);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  g_clear_object (&self->spell);
  if (self->anchor_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->anchor_tick);
      self->anchor_tick = 0;
    }
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->article_changed_id, self->document);
      g_clear_signal_handler (&self->file_changed_id, self->document);
    }
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEKH_TYPE_METADATA_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lekh_metadata_panel_parent_class)->dispose (object);
}

static void
lekh_metadata_panel_finalize (GObject *object)
{
  LekhMetadataPanel *self = LEKH_METADATA_PANEL (object);

  g_clear_pointer (&self->other_rows, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->thumbnail_path, g_free);
  g_clear_pointer (&self->date_placeholder, g_free);
  g_clear_pointer (&self->thumbnail_key, g_free);

  G_OBJECT_CLASS (lekh_metadata_panel_parent_class)->finalize (object);
}

/* Field problems and counters */

static void
set_counter (GtkWidget  *label,
             const char *text,
             gsize       min,
             gsize       max)
{
  gsize n = lekh_text_count_graphemes (text, -1);
  g_autofree char *counter = NULL;

  if (max == 0)
    {
      gtk_widget_set_visible (label, FALSE);
      return;
    }
  counter = g_strdup_printf ("%" G_GSIZE_FORMAT " / %" G_GSIZE_FORMAT, n, max);
  gtk_label_set_text (GTK_LABEL (label), counter);
  gtk_widget_set_visible (label, n > 0);
  if (n > max || (n > 0 && n < min))
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
update_counters (LekhMetadataPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view));
  g_autofree char *description = NULL;
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  description = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
  set_counter (self->title_counter, gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
               self->length_limits[0][0], self->length_limits[0][1]);
  set_counter (self->description_counter, description,
               self->length_limits[1][0], self->length_limits[1][1]);
}

static void
lekh_metadata_panel_class_init (LekhMetadataPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_metadata_panel_dispose;
  object_class->finalize = lekh_metadata_panel_finalize;

  signals[JUMP_TO] =
    g_signal_new ("jump-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[EDIT_FAILED] =
    g_signal_new ("edit-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (LEKH_TYPE_CHIP_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lekh/Lekh/lekh-metadata-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, content_box);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, error_box);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, error_icon);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, error_title);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, error_button);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, fields_group);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, title_row);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, description_row);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, description_label);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, description_view);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, tags_label);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, tags_editor);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, keywords_label);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, keywords_editor);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, authors_label);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, authors_editor);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, authors_note);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, image_row);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, image_thumbnail);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, image_button);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, date_row);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, date_hint);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, date_button);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, date_popover);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, calendar);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, draft_row);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, draft_switch);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, other_group);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, title_counter);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, description_message);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, description_counter);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, tags_message);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, keywords_message);
  gtk_widget_class_bind_template_child (widget_class, LekhMetadataPanel, authors_message);
  gtk_widget_class_bind_template_callback (widget_class, error_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, image_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);

  gtk_widget_class_set_css_name (widget_class, "metadatapanel");
}

static void
label_control (GtkWidget  *control,
               GtkWidget  *label,
               const char *name)
{
  /* Screen readers, and tests driving the form, find each control by its visible label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  if (label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (control),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                    -1);
}

static void
watch_focus (LekhMetadataPanel *self,
             GtkWidget         *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (field_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

static void
lekh_metadata_panel_init (LekhMetadataPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->other_rows = g_ptr_array_new ();

  label_control (self->title_row, NULL,
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->title_row)));
  label_control (self->description_view, self->description_label,
                 gtk_label_get_text (GTK_LABEL (self->description_label)));
  label_control (self->tags_editor, self->tags_label,
                 gtk_label_get_text (GTK_LABEL (self->tags_label)));
  label_control (self->keywords_editor, self->keywords_label,
                 gtk_label_get_text (GTK_LABEL (self->keywords_label)));
  label_control (self->authors_editor, self->authors_label,
                 gtk_label_get_text (GTK_LABEL (self->authors_label)));
  label_control (self->image_row, NULL,
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->image_row)));
  label_control (self->date_row, NULL,
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->date_row)));
  label_control (self->draft_switch, NULL,
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->draft_row)));
  label_control (self->date_button, NULL, _("Choose a Date"));
  label_control (self->calendar, NULL, _("Date"));

  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view)),
                            "changed", G_CALLBACK (description_changed_cb), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (update_counters), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description_view)),
                            "changed", G_CALLBACK (update_counters), self);
  g_signal_connect_swapped (self->image_row, "changed", G_CALLBACK (image_changed_cb), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "notify::contains-focus", G_CALLBACK (update_date_hint),
                              self);
    gtk_widget_add_controller (self->date_row, focus);
  }
  g_signal_connect_swapped (self->title_row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (self->image_row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (self->date_row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
  watch_focus (self, self->title_row);
  watch_focus (self, self->description_view);
  watch_focus (self, self->image_row);
  watch_focus (self, self->date_row);
  watch_focus (self, self->tags_editor);
  watch_focus (self, self->keywords_editor);
  watch_focus (self, self->authors_editor);

  g_signal_connect_swapped (self->tags_editor, "changed", G_CALLBACK (tags_changed_cb), self);
  g_signal_connect_swapped (self->keywords_editor, "changed", G_CALLBACK (keywords_changed_cb), self);
  g_signal_connect_swapped (self->authors_editor, "changed", G_CALLBACK (authors_changed_cb), self);
  {
    GtkWidget *lists[] = { self->tags_editor, self->keywords_editor, self->authors_editor };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      {
        g_signal_connect (lists[i], "item-added", G_CALLBACK (item_added_cb), self);
        g_signal_connect (lists[i], "item-removed", G_CALLBACK (item_removed_cb), self);
        g_signal_connect (lists[i], "item-moved", G_CALLBACK (item_moved_cb), self);
      }
  }
  g_signal_connect_swapped (self->draft_switch, "notify::active", G_CALLBACK (draft_active_cb), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
    g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), focus);
  }
}

GtkWidget *
lekh_metadata_panel_new (void)
{
  return g_object_new (LEKH_TYPE_METADATA_PANEL, NULL);
}

void
lekh_metadata_panel_set_document (LekhMetadataPanel *self,
                                  LekhDocument      *document)
{
  g_return_if_fail (LEKH_IS_METADATA_PANEL (self));
  g_return_if_fail (!document || LEKH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_clear_handle_id (&self->commit_source, g_source_remove);
  memset (self->pending, 0, sizeof self->pending);
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->article_changed_id, self->document);
      g_clear_signal_handler (&self->file_changed_id, self->document);
    }
  g_set_object (&self->document, document);
  g_clear_object (&self->spell);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->description_view), NULL);

  if (document != NULL)
    {
      /* The form's prose is checked as the source's is, in the document's language. */
      self->spell = lekh_spell_checker_new_for_field (GTK_TEXT_VIEW (self->description_view),
                                                      document);
      gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->description_view),
                                    lekh_spell_checker_get_menu (self->spell));
      g_signal_connect_object (self->spell, "checked", G_CALLBACK (update_title_spelling),
                               self, G_CONNECT_SWAPPED);
      self->article_changed_id =
        g_signal_connect_swapped (document, "article-changed",
                                  G_CALLBACK (sync_from_article), self);
      /* Saved elsewhere (Save As): relative images resolve from the new folder. */
      self->file_changed_id =
        g_signal_connect_swapped (document, "notify::file", G_CALLBACK (file_changed_cb), self);
      sync_from_article (self);
    }
  update_title_spelling (self);
  update_image_button (self);
}

LekhDocument *
lekh_metadata_panel_get_document (LekhMetadataPanel *self)
{
  g_return_val_if_fail (LEKH_IS_METADATA_PANEL (self), NULL);
  return self->document;
}

void
lekh_metadata_panel_flush (LekhMetadataPanel *self)
{
  g_return_if_fail (LEKH_IS_METADATA_PANEL (self));
  commit_all (self);
}

gboolean
lekh_metadata_panel_get_live (LekhMetadataPanel *self)
{
  g_return_val_if_fail (LEKH_IS_METADATA_PANEL (self), FALSE);
  return self->live;
}

const char *
lekh_metadata_panel_get_message (LekhMetadataPanel *self)
{
  g_return_val_if_fail (LEKH_IS_METADATA_PANEL (self), NULL);
  return self->message;
}

GtkWidget *
lekh_metadata_panel_get_field_widget (LekhMetadataPanel *self,
                                      const char        *key)
{
  g_return_val_if_fail (LEKH_IS_METADATA_PANEL (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_equal (key, "title"))
    return self->title_row;
  if (g_str_equal (key, "description"))
    return self->description_row;
  if (g_str_equal (key, "tags"))
    return self->tags_editor;
  if (g_str_equal (key, "keywords"))
    return self->keywords_editor;
  if (g_str_equal (key, "authors"))
    return self->authors_editor;
  if (g_str_equal (key, "image"))
    return self->image_row;
  if (g_str_equal (key, "date"))
    return self->date_row;
  if (g_str_equal (key, "draft"))
    return self->draft_row;
  return NULL;
}

static GtkWidget *
field_message_label (LekhMetadataPanel *self,
                     const char        *key)
{
  if (g_str_equal (key, "description"))
    return self->description_message;
  if (g_str_equal (key, "tags"))
    return self->tags_message;
  if (g_str_equal (key, "keywords"))
    return self->keywords_message;
  if (g_str_equal (key, "authors"))
    return self->authors_message;
  return NULL;
}

void
lekh_metadata_panel_set_field_problem (LekhMetadataPanel *self,
                                       const char        *key,
                                       LekhSeverity       severity,
                                       const char        *message)
{
  GtkWidget *widget;
  GtkWidget *label;
  const char *css_class = severity == LEKH_SEVERITY_ERROR ? "error" : "warning";

  g_return_if_fail (LEKH_IS_METADATA_PANEL (self));
  g_return_if_fail (key != NULL);

  if ((widget = lekh_metadata_panel_get_field_widget (self, key)) == NULL)
    return;
  label = field_message_label (self, key);

  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "warning");
  if (message != NULL)
    gtk_widget_add_css_class (widget, css_class);

  if (label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), message ? message : "");
      gtk_widget_set_visible (label, message != NULL);
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_remove_css_class (label, "warning");
      if (message != NULL)
        gtk_widget_add_css_class (label, css_class);
    }
  else
    gtk_widget_set_tooltip_text (widget, message);

  /* Screen readers hear the problem with the field. */
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
lekh_metadata_panel_set_length_limits (LekhMetadataPanel *self,
                                       const char        *key,
                                       gsize              min,
                                       gsize              max)
{
  guint field;

  g_return_if_fail (LEKH_IS_METADATA_PANEL (self));
  g_return_if_fail (key != NULL);

  if (g_str_equal (key, "title"))
    field = 0;
  else if (g_str_equal (key, "description"))
    field = 1;
  else
    g_return_if_reached ();
  self->length_limits[field][0] = min;
  self->length_limits[field][1] = max;
  update_counters (self);
}

const char *
lekh_metadata_panel_get_field_counter (LekhMetadataPanel *self,
                                       const char        *key)
{
  GtkWidget *label = NULL;

  g_return_val_if_fail (LEKH_IS_METADATA_PANEL (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_equal (key, "title"))
    label = self->title_counter;
  else if (g_str_equal (key, "description"))
    label = self->description_counter;
  if (label == NULL || !gtk_widget_get_visible (label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

void
lekh_metadata_panel_add_section (LekhMetadataPanel *self,
                                 GtkWidget         *section)
{
  g_return_if_fail (LEKH_IS_METADATA_PANEL (self));
  g_return_if_fail (GTK_IS_WIDGET (section));

  /* Between the error card and the fields: where problems belong. */
  gtk_box_insert_child_after (GTK_BOX (self->content_box), section, self->error_box);
}
