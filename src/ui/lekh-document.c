/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-document"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "lekh-document.h"
#include "lekh-file.h"
#include "lekh-memory.h"
#include "lekh-text-stats.h"

#define REPARSE_DELAY_MS 150
/* Counting words walks the whole body (about 12 ms for 5 MB): not on every pause. */
#define WORD_COUNT_DELAY_MS 600
/* A text long enough that its transient copies are worth handing back (about 1 MB). */
#define LONG_TEXT_CHARS (256 * 1024)

typedef enum
{
  WORDS_KEEP,
  WORDS_NOW,
  WORDS_LATER,
} WordCount;

struct _LekhDocument
{
  GtkSourceBuffer  parent_instance;

  GtkSourceFile   *file;
  GFileMonitor    *monitor;
  char            *etag;
  char            *restore_text;
  GFile           *loading;
  LekhFileStamp    stamp;
  LekhArticle     *article;
  GWeakRef         mirror_owner;
  LekhDocumentTextFunc mirror_func;
  guint            reparse_source;
  guint            word_count_source;
  guint            word_count;
  guint            change_serial;

  guint            busy : 1;
  guint            externally_modified : 1;
  guint            keep_mine : 1;
  guint            applying_edit : 1;
};

G_DEFINE_FINAL_TYPE (LekhDocument, lekh_document, GTK_SOURCE_TYPE_BUFFER)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_BUSY,
  PROP_EXTERNALLY_MODIFIED,
  PROP_FILE,
  PROP_TITLE,
  PROP_WORD_COUNT,
  N_PROPS
};

enum {
  ARTICLE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

static void lekh_document_constructed (GObject *object);
static guint signals[N_SIGNALS];

static void
ensure_language_path (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      GtkSourceLanguageManager *lm = gtk_source_language_manager_get_default ();

      /* Our Markdown embeds YAML for the front matter; it ships in the GResource. */
      gtk_source_language_manager_prepend_search_path (lm,
                                                       "resource:///io/github/lekh/Lekh/language-specs/");
      g_once_init_leave (&once, 1);
    }
}

static void
count_words (LekhDocument *self)
{
  gsize body_len = 0;
  const char *body = lekh_article_get_body (self->article, &body_len);
  guint words;

  g_clear_handle_id (&self->word_count_source, g_source_remove);
  words = lekh_text_count_words (body, body_len);
  if (words != self->word_count)
    {
      self->word_count = words;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORD_COUNT]);
    }
}

static gboolean
word_count_timeout_cb (gpointer data)
{
  LekhDocument *self = data;

  self->word_count_source = 0;
  count_words (self);
  return G_SOURCE_REMOVE;
}

static void
set_article (LekhDocument *self,
             LekhArticle  *article,
             WordCount     words)
{
  g_assert (LEKH_IS_DOCUMENT (self));
  g_assert (article != NULL);

  g_clear_pointer (&self->article, lekh_article_unref);
  self->article = article;

  if (words == WORDS_NOW)
    count_words (self);
  else if (words == WORDS_LATER && self->word_count_source == 0)
    self->word_count_source = g_timeout_add_full (G_PRIORITY_LOW, WORD_COUNT_DELAY_MS,
                                                  word_count_timeout_cb, self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0);
}

/* An article that owns TEXT (a string the document allocated), without a second copy
 * of a long text. */
static LekhArticle *
article_take_text (char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

  return lekh_article_new_from_bytes (bytes);
}

/* The buffer's text as an article. A mirror of the text (the preview keeps one, edit by
 * edit) lends its bytes, so a long article is not copied out of the buffer again at every
 * pause in typing; a mirror whose length disagrees with the buffer's is not trusted. */
static LekhArticle *
read_article (LekhDocument *self)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&self->mirror_owner);
  GtkTextIter begin, end;

  if (owner != NULL && self->mirror_func != NULL)
    {
      g_autoptr(GBytes) bytes = self->mirror_func (owner, self);
      gsize size = 0;
      const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

      /* g_utf8_strlen() also stops at a NUL, which then shows as a shorter text. */
      if (data != NULL && data[size] == '\0'
          && g_utf8_strlen (data, (gssize) size)
             == gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self)))
        return lekh_article_new_from_bytes (bytes);
      if (bytes != NULL)
        g_warning ("The text mirror disagrees with the buffer; reading the buffer");
    }

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &begin, &end);
  return article_take_text (gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &begin, &end, TRUE));
}

static void
reparse (LekhDocument *self)
{
  g_clear_handle_id (&self->reparse_source, g_source_remove);
  set_article (self, read_article (self), WORDS_LATER);
}

void
lekh_document_set_text_mirror (LekhDocument         *self,
                               GObject              *owner,
                               LekhDocumentTextFunc  func)
{
  g_return_if_fail (LEKH_IS_DOCUMENT (self));
  g_return_if_fail (owner == NULL || G_IS_OBJECT (owner));

  g_weak_ref_set (&self->mirror_owner, owner);
  self->mirror_func = owner != NULL ? func : NULL;
}

static gboolean
reparse_timeout_cb (gpointer data)
{
  LekhDocument *self = data;

  self->reparse_source = 0;
  reparse (self);
  return G_SOURCE_REMOVE;
}

static void
lekh_document_changed (GtkTextBuffer *buffer)
{
  LekhDocument *self = LEKH_DOCUMENT (buffer);

  if (GTK_TEXT_BUFFER_CLASS (lekh_document_parent_class)->changed != NULL)
    GTK_TEXT_BUFFER_CLASS (lekh_document_parent_class)->changed (buffer);

  self->change_serial++;
  if (self->applying_edit)
    return;

  g_clear_handle_id (&self->reparse_source, g_source_remove);
  self->reparse_source = g_timeout_add (REPARSE_DELAY_MS, reparse_timeout_cb, self);
}

static void
lekh_document_modified_changed (GtkTextBuffer *buffer)
{
  if (GTK_TEXT_BUFFER_CLASS (lekh_document_parent_class)->modified_changed != NULL)
    GTK_TEXT_BUFFER_CLASS (lekh_document_parent_class)->modified_changed (buffer);
  g_object_notify_by_pspec (G_OBJECT (buffer), properties[PROP_TITLE]);
}

static void
lekh_document_dispose (GObject *object)
{
  LekhDocument *self = LEKH_DOCUMENT (object);

  g_clear_handle_id (&self->reparse_source, g_source_remove);
  g_clear_handle_id (&self->word_count_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (lekh_document_parent_class)->dispose (object);
}

static void
lekh_document_finalize (GObject *object)
{
  LekhDocument *self = LEKH_DOCUMENT (object);

  g_clear_object (&self->file);
  g_weak_ref_clear (&self->mirror_owner);
  g_clear_pointer (&self->article, lekh_article_unref);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->restore_text, g_free);
  g_clear_object (&self->loading);

  G_OBJECT_CLASS (lekh_document_parent_class)->finalize (object);
}

static void
lekh_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LekhDocument *self = LEKH_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_pointer (value, self->article);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_EXTERNALLY_MODIFIED:
      g_value_set_boolean (value, self->externally_modified);
      break;
    case PROP_FILE:
      g_value_set_object (value, lekh_document_get_file (self));
      break;
    case PROP_TITLE:
      g_value_take_string (value, lekh_document_dup_title (self));
      break;
    case PROP_WORD_COUNT:
      g_value_set_uint (value, self->word_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_document_class_init (LekhDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  object_class->constructed = lekh_document_constructed;
  object_class->dispose = lekh_document_dispose;
  object_class->finalize = lekh_document_finalize;
  object_class->get_property = lekh_document_get_property;

  buffer_class->changed = lekh_document_changed;
  buffer_class->modified_changed = lekh_document_modified_changed;

  properties[PROP_ARTICLE] =
    g_param_spec_pointer ("article", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTERNALLY_MODIFIED] =
    g_param_spec_boolean ("externally-modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORD_COUNT] =
    g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after every parse of the text: a debounced edit, an applied edit, a load. */
  signals[ARTICLE_CHANGED] =
    g_signal_new ("article-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lekh_document_constructed (GObject *object)
{
  LekhDocument *self = LEKH_DOCUMENT (object);
  GtkSourceLanguageManager *lm;

  /* After construction: the buffer's tag table must exist before styles are set. */
  G_OBJECT_CLASS (lekh_document_parent_class)->constructed (object);

  ensure_language_path ();
  lm = gtk_source_language_manager_get_default ();

  /* Keep the file's last line exactly as it is: no added or removed final newline. */
  gtk_source_buffer_set_implicit_trailing_newline (GTK_SOURCE_BUFFER (self), FALSE);
  gtk_source_buffer_set_highlight_syntax (GTK_SOURCE_BUFFER (self), TRUE);
  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (self),
                                  gtk_source_language_manager_get_language (lm, "lekh-markdown"));

}

static void
lekh_document_init (LekhDocument *self)
{
  self->file = gtk_source_file_new ();
  self->article = lekh_article_new ("", 0);
  g_weak_ref_init (&self->mirror_owner, NULL);
}

LekhDocument *
lekh_document_new (void)
{
  return g_object_new (LEKH_TYPE_DOCUMENT, NULL);
}

GFile *
lekh_document_get_file (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), NULL);
  return gtk_source_file_get_location (self->file);
}

GtkSourceFile *
lekh_document_get_source_file (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), NULL);
  return self->file;
}

char *
lekh_document_dup_title (LekhDocument *self)
{
  GFile *location;

  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), NULL);

  location = gtk_source_file_get_location (self->file);
  if (location == NULL)
    return g_strdup (_("New Article"));
  else
    {
      g_autofree char *base = g_file_get_basename (location);

      return g_filename_display_name (base);
    }
}

gboolean
lekh_document_get_busy (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), FALSE);
  return self->busy;
}

gboolean
lekh_document_is_untouched (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), FALSE);

  return gtk_source_file_get_location (self->file) == NULL &&
         !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)) &&
         gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self)) == 0 &&
         !self->busy;
}

gboolean
lekh_document_get_externally_modified (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), FALSE);
  return self->externally_modified;
}

static void
set_externally_modified (LekhDocument *self,
                         gboolean      value)
{
  if (self->externally_modified != !!value)
    {
      self->externally_modified = !!value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNALLY_MODIFIED]);
    }
}

void
lekh_document_keep_mine (LekhDocument *self)
{
  g_return_if_fail (LEKH_IS_DOCUMENT (self));

  self->keep_mine = TRUE;
  set_externally_modified (self, FALSE);
  /* The text no longer matches the file: make sure a save is offered. */
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), TRUE);
}

LekhArticle *
lekh_document_get_article (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), NULL);
  return self->article;
}

gboolean
lekh_document_get_article_pending (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), FALSE);
  return self->reparse_source != 0;
}

LekhArticle *
lekh_document_ensure_article (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), NULL);

  if (self->reparse_source != 0)
    reparse (self);
  return self->article;
}

guint
lekh_document_get_word_count (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), 0);

  /* Asked for now: count now rather than hand out a stale figure. */
  if (self->word_count_source != 0)
    count_words (self);
  return self->word_count;
}

guint
lekh_document_get_reading_minutes (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), 0);
  return lekh_text_reading_minutes (lekh_document_get_word_count (self));
}

void
lekh_document_get_iter_at_byte (LekhDocument *self,
                                GtkTextIter  *iter,
                                gsize         offset)
{
  gsize len = 0;
  const char *text;

  g_return_if_fail (LEKH_IS_DOCUMENT (self));
  g_return_if_fail (iter != NULL);

  /* Character offsets, not line + index: a buffer line also ends at a lone \r or
   * U+2029, which the article's byte offsets know nothing about. */
  text = lekh_article_get_text (self->article, &len);
  offset = MIN (offset, len);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self), iter,
                                      g_utf8_strlen (text, offset));
}

static int
shift_offset (int offset,
              int start,
              int end,
              int new_len)
{
  if (offset <= start)
    return offset;
  if (offset >= end)
    return offset - (end - start) + new_len;
  /* Inside the replaced text: stay at its start rather than jump past it. */
  return start;
}

gboolean
lekh_document_apply_edit (LekhDocument    *self,
                          LekhArticle     *article,
                          const LekhEdit  *edit,
                          GError         **error)
{
  GtkTextBuffer *buffer = (GtkTextBuffer *) self;
  GtkTextIter begin, end, insert_iter, bound_iter;
  g_autoptr(GBytes) new_text = NULL;
  gsize len = 0;
  int start_off, end_off, new_len, insert_off, bound_off;

  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (article != NULL, FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  lekh_article_get_text (article, &len);
  if (self->busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The document is busy loading or saving"));
      return FALSE;
    }
  if (article != self->article || self->reparse_source != 0 ||
      edit->start > edit->end || edit->end > len)
    {
      g_set_error_literal (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                           _("The text changed while the edit was prepared"));
      return FALSE;
    }

  new_text = lekh_edit_apply (edit, article);

  lekh_document_get_iter_at_byte (self, &begin, edit->start);
  lekh_document_get_iter_at_byte (self, &end, edit->end);
  start_off = gtk_text_iter_get_offset (&begin);
  end_off = gtk_text_iter_get_offset (&end);
  new_len = g_utf8_strlen (edit->text, -1);

  gtk_text_buffer_get_iter_at_mark (buffer, &insert_iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound_iter,
                                    gtk_text_buffer_get_selection_bound (buffer));
  insert_off = shift_offset (gtk_text_iter_get_offset (&insert_iter), start_off, end_off, new_len);
  bound_off = shift_offset (gtk_text_iter_get_offset (&bound_iter), start_off, end_off, new_len);

  self->applying_edit = TRUE;
  gtk_text_buffer_begin_user_action (buffer);
  if (start_off != end_off)
    gtk_text_buffer_delete (buffer, &begin, &end);
  if (edit->text[0] != '\0')
    gtk_text_buffer_insert (buffer, &begin, edit->text, -1);
  gtk_text_buffer_end_user_action (buffer);
  self->applying_edit = FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &insert_iter, insert_off);
  gtk_text_buffer_get_iter_at_offset (buffer, &bound_iter, bound_off);
  gtk_text_buffer_select_range (buffer, &insert_iter, &bound_iter);

  /* The body is untouched by front-matter edits: the word count stands. */
  set_article (self, lekh_article_new_from_bytes (new_text), WORDS_KEEP);
  return TRUE;
}

/* Files */

static void
set_busy (LekhDocument *self,
          gboolean      busy)
{
  if (self->busy != !!busy)
    {
      self->busy = !!busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static char *
query_etag (LekhDocument *self)
{
  GFile *location = gtk_source_file_get_location (self->file);
  g_autoptr(GFileInfo) info = NULL;

  if (location == NULL)
    return NULL;
  info = g_file_query_info (location, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL)
    return NULL;
  return g_strdup (g_file_info_get_etag (info));
}

static void
monitor_changed_cb (LekhDocument      *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  g_assert (LEKH_IS_DOCUMENT (self));

  if (self->busy)
    return;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      {
        /* The etag holds the modification time to the microsecond (GtkSourceFile only
         * compares seconds), so a program writing right after our save is noticed too;
         * our own saves record theirs and are not reported. */
        g_autofree char *etag = query_etag (self);

        if (g_strcmp0 (etag, self->etag) != 0)
          set_externally_modified (self, TRUE);
      }
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
watch_file (LekhDocument *self)
{
  GFile *location = gtk_source_file_get_location (self->file);
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_free (self->etag);
  self->etag = query_etag (self);
  memset (&self->stamp, 0, sizeof self->stamp);
  if (location != NULL && g_file_is_native (location))
    lekh_file_get_stamp (g_file_peek_path (location), &self->stamp);

  if (location == NULL || !g_file_is_native (location))
    return;

  self->monitor = g_file_monitor_file (location, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", g_file_peek_path (location), error->message);
      return;
    }
  g_file_monitor_set_rate_limit (self->monitor, 250);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

typedef struct
{
  GtkSourceBuffer *scratch;
  GtkSourceFile   *file;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->scratch);
  g_clear_object (&data->file);
  g_free (data);
}

static void
load_failed (LekhDocument *self,
             GTask        *task,
             GFile        *location,
             const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (location);

  /* A draft waiting for this file is not lost because the file is: it stays, unsaved. */
  if (self->restore_text != NULL)
    {
      g_autofree char *restore = g_steal_pointer (&self->restore_text);

      lekh_document_restore_draft (self, restore);
    }

  if (g_error_matches (error, GTK_SOURCE_FILE_LOADER_ERROR,
                       GTK_SOURCE_FILE_LOADER_ERROR_CONVERSION_FALLBACK) ||
      g_error_matches (error, GTK_SOURCE_FILE_LOADER_ERROR,
                       GTK_SOURCE_FILE_LOADER_ERROR_ENCODING_AUTO_DETECTION_FAILED) ||
      g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("“%s” is not valid UTF-8 text (it may be a binary file). "
                               "It was not opened, and nothing in it was changed."),
                             name);
  else
    g_task_return_new_error (task, error->domain, error->code,
                             _("Could not open “%s”: %s"), name, error->message);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GtkSourceFileLoader *loader = GTK_SOURCE_FILE_LOADER (object);
  g_autoptr(GTask) task = user_data;
  LekhDocument *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GtkTextIter begin, end;
  g_autofree char *text = NULL;
  gboolean restored = TRUE;
  gboolean long_text;

  g_clear_object (&self->loading);
  set_busy (self, FALSE);

  if (!gtk_source_file_loader_load_finish (loader, result, &error))
    {
      load_failed (self, task, gtk_source_file_loader_get_location (loader), error);
      return;
    }

  /* Only now replace the document's text: a failed load never costs the writer theirs.
   * A restored draft takes the place of the file's text (the file gives its name, line
   * endings and modification time) and stays modified until saved. */
  if (self->restore_text != NULL)
    text = g_steal_pointer (&self->restore_text);
  else
    {
      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (data->scratch), &begin, &end);
      text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (data->scratch), &begin, &end, TRUE);
      restored = FALSE;
    }

  g_clear_handle_id (&self->reparse_source, g_source_remove);
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self));
  self->applying_edit = TRUE;
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self), text, -1);
  self->applying_edit = FALSE;
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self));
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self), &begin);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self), &begin, &begin);

  g_set_object (&self->file, data->file);
  self->keep_mine = FALSE;
  set_externally_modified (self, FALSE);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), restored);
  watch_file (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  g_clear_pointer (&text, g_free);
  long_text = gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self)) > LONG_TEXT_CHARS;
  /* Counting the words of a long article (30 ms for 6 MB) can wait for the next pause. */
  set_article (self, read_article (self), long_text ? WORDS_LATER : WORDS_NOW);

  /* The scratch buffer, the copies and the preview's first parse of a long article are
   * transient: give their memory back once they are freed. */
  if (long_text)
    lekh_memory_trim_soon ();

  g_task_return_boolean (task, TRUE);
}

void
lekh_document_load_async (LekhDocument        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkSourceFileLoader) loader = NULL;
  g_autoptr(GSList) encodings = NULL;
  LoadData *data;

  g_return_if_fail (LEKH_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lekh_document_load_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The document is busy loading or saving"));
      return;
    }

  data = g_new0 (LoadData, 1);
  data->scratch = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_implicit_trailing_newline (data->scratch, FALSE);
  data->file = gtk_source_file_new ();
  gtk_source_file_set_location (data->file, file);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  loader = gtk_source_file_loader_new (data->scratch, data->file);
  /* Articles are UTF-8; anything else is refused rather than guessed and mangled. */
  encodings = g_slist_prepend (NULL, (gpointer) gtk_source_encoding_get_utf8 ());
  gtk_source_file_loader_set_candidate_encodings (loader, encodings);

  g_set_object (&self->loading, file);
  set_busy (self, TRUE);
  gtk_source_file_loader_load_async (loader, G_PRIORITY_DEFAULT, cancellable,
                                     NULL, NULL, NULL, load_cb, g_steal_pointer (&task));
}

gboolean
lekh_document_load_finish (LekhDocument  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
saved (LekhDocument *self,
       GTask        *task,
       guint         serial)
{
  self->keep_mine = FALSE;
  set_externally_modified (self, FALSE);
  /* Typing went on while the file was written: what was typed since is still unsaved. */
  if (serial == self->change_serial)
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);
  watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  g_task_return_boolean (task, TRUE);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GtkSourceFileSaver *saver = GTK_SOURCE_FILE_SAVER (object);
  g_autoptr(GTask) task = user_data;
  LekhDocument *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);

  if (!gtk_source_file_saver_save_finish (saver, result, &error))
    {
      g_autofree char *name = g_file_get_parse_name (gtk_source_file_saver_get_location (saver));

      if (g_error_matches (error, GTK_SOURCE_FILE_SAVER_ERROR,
                           GTK_SOURCE_FILE_SAVER_ERROR_EXTERNALLY_MODIFIED))
        set_externally_modified (self, TRUE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_task_return_new_error (task, error->domain, error->code,
                                 _("Could not save “%s”: the disk is full. The file on disk "
                                   "was not changed, and your text is still here."), name);
      else
        g_task_return_new_error (task, error->domain, error->code,
                                 _("Could not save “%s”: %s. The file on disk was not changed, "
                                   "and your text is still here."), name, error->message);
      return;
    }

  /* The serial of the text handed to the saver: typing since then stays unsaved. */
  saved (self, task, GPOINTER_TO_UINT (g_task_get_task_data (task)));
}

typedef struct
{
  GFile         *file;
  char          *text;
  gsize          len;
  LekhFileStamp  expected;
  guint          serial;
  guint          check : 1;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data->text);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  const char *path = g_file_peek_path (data->file);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (data->check)
    ok = lekh_file_write_atomic_checked (path, data->text, data->len, &data->expected, &error);
  else
    ok = lekh_file_write_atomic (path, data->text, data->len, &error);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The core refuses to write over a file that changed, went away or is read-only, or
 * beside which no temporary file can be made (g_file_replace() would fall back to
 * truncating the file in place there); here each refusal becomes advice for the writer. */
static GError *
save_error (LekhDocument *self,
            GFile        *file,
            const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (error->domain != LEKH_ERROR)
    return g_error_copy (error);

  switch ((LekhErrorCode) error->code)
    {
    case LEKH_ERROR_DELETED:
      set_externally_modified (self, TRUE);
      return g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                          _("“%s” was deleted or moved by another program. Nothing was written: "
                            "choose Keep Mine to save your text there again, or Save As."), name);
    case LEKH_ERROR_CHANGED_ON_DISK:
      set_externally_modified (self, TRUE);
      return g_error_new (GTK_SOURCE_FILE_SAVER_ERROR,
                          GTK_SOURCE_FILE_SAVER_ERROR_EXTERNALLY_MODIFIED,
                          _("“%s” was changed or replaced by another program. Nothing was "
                            "written: reload it, or choose Keep Mine to overwrite it."), name);
    case LEKH_ERROR_READ_ONLY:
      return g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                          _("“%s” is read-only. Nothing was written: use Save As to save a copy "
                            "elsewhere."), name);
    case LEKH_ERROR_FOLDER_READ_ONLY:
      {
        /* The folder the file (or the file a symlink names) is in. */
        g_autofree char *target = realpath (g_file_peek_path (file), NULL);
        g_autoptr(GFile) real = target ? g_file_new_for_path (target) : g_object_ref (file);
        g_autoptr(GFile) parent = g_file_get_parent (real);
        g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("/");

        return g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                            _("The folder “%s” is read-only (or missing), so “%s” cannot be saved "
                              "safely. Nothing was written: use Save As to save elsewhere."),
                            folder, name);
      }
    case LEKH_ERROR_NO_SPACE:
      return g_error_new (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                          _("Could not save “%s”: the disk is full. The file on disk "
                            "was not changed, and your text is still here."), name);
    default:
      return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                          _("Could not save “%s”: %s. The file on disk was not changed, "
                            "and your text is still here."), name, error->message);
    }
}

static void
save_native_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LekhDocument *self = LEKH_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  SaveData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GFile *location;

  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, save_error (self, data->file, error));
      return;
    }

  location = gtk_source_file_get_location (self->file);
  if (location == NULL || !g_file_equal (data->file, location))
    gtk_source_file_set_location (self->file, data->file);
  saved (self, task, data->serial);
}

void
lekh_document_save_async (LekhDocument        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkSourceFileSaver) saver = NULL;
  GtkSourceFileSaverFlags flags = GTK_SOURCE_FILE_SAVER_FLAGS_NONE;
  g_autoptr(GError) error = NULL;
  GFile *location;

  g_return_if_fail (LEKH_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lekh_document_save_async);

  location = gtk_source_file_get_location (self->file);
  if (file == NULL)
    file = location;
  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _("The document has no file yet"));
      return;
    }
  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The document is busy loading or saving"));
      return;
    }

  /* A local file is written from the buffer's own text, byte for byte — GtkSourceFileSaver
   * would turn mixed line endings into one kind — to a temporary file beside it, synced and
   * renamed over it: a failure (full disk, say) never leaves half a file. The BOM is in
   * the text as U+FEFF. */
  if (g_file_is_native (file))
    {
      SaveData *data = g_new0 (SaveData, 1);
      g_autoptr(GTask) inner = NULL;
      GtkTextIter begin, end;

      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &begin, &end);
      data->file = g_object_ref (file);
      data->text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &begin, &end, TRUE);
      data->len = strlen (data->text);
      data->serial = self->change_serial;
      data->expected = self->stamp;
      data->check = location != NULL && g_file_equal (file, location) &&
                    !self->keep_mine && self->stamp.exists;

      inner = g_task_new (self, cancellable, save_native_cb, g_steal_pointer (&task));
      g_task_set_source_tag (inner, save_thread);
      g_task_set_task_data (inner, data, (GDestroyNotify) save_data_free);
      set_busy (self, TRUE);
      g_task_run_in_thread (inner, save_thread);
      return;
    }

  /* GtkSourceFileSaver writes through g_file_replace(): a temporary file renamed over
   * the target, so a failure never leaves half a file. The newline type and the BOM
   * (kept in the buffer as U+FEFF) are those the file was read with. */
  if (location != NULL && g_file_equal (file, location))
    saver = gtk_source_file_saver_new (GTK_SOURCE_BUFFER (self), self->file);
  else
    saver = gtk_source_file_saver_new_with_target (GTK_SOURCE_BUFFER (self), self->file, file);

  if (self->keep_mine)
    flags |= GTK_SOURCE_FILE_SAVER_FLAGS_IGNORE_MODIFICATION_TIME;
  g_task_set_task_data (task, GUINT_TO_POINTER (self->change_serial), NULL);
  gtk_source_file_saver_set_flags (saver, flags);

  set_busy (self, TRUE);
  gtk_source_file_saver_save_async (saver, G_PRIORITY_DEFAULT, cancellable,
                                    NULL, NULL, NULL, save_cb, g_steal_pointer (&task));
}

gboolean
lekh_document_save_finish (LekhDocument  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
lekh_document_restore_draft (LekhDocument *self,
                             const char   *text)
{
  GtkTextBuffer *buffer = (GtkTextBuffer *) self;
  GtkTextIter begin;

  g_return_if_fail (LEKH_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  if (self->busy)
    {
      g_free (self->restore_text);
      self->restore_text = g_strdup (text);
      return;
    }

  g_clear_handle_id (&self->reparse_source, g_source_remove);
  gtk_text_buffer_begin_irreversible_action (buffer);
  self->applying_edit = TRUE;
  gtk_text_buffer_set_text (buffer, text, -1);
  self->applying_edit = FALSE;
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &begin);
  gtk_text_buffer_select_range (buffer, &begin, &begin);
  gtk_text_buffer_set_modified (buffer, TRUE);
  set_article (self, lekh_article_new (text, -1), WORDS_NOW);
}

GFile *
lekh_document_get_loading_file (LekhDocument *self)
{
  g_return_val_if_fail (LEKH_IS_DOCUMENT (self), NULL);
  return self->loading;
}
