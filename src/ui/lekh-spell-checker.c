/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-spell-checker"

#include "config.h"

#include <string.h>

#include <enchant.h>
#include <glib/gi18n.h>

#include "lekh-hindi-stem.h"
#include "lekh-spell-checker.h"
#include "lekh-spell-text.h"

#define CHECK_DELAY_MS 400
#define MAX_SUGGESTIONS 5
#define HINDI "hi_IN"
#define HINDI_EXTRA "/io/github/lekh/Lekh/spelling/hi-extra.txt"

struct _LekhSpellChecker
{
  GObject           parent_instance;

  GtkTextView      *view;      /* weak */
  LekhDocument     *document;  /* weak: gives the language */
  GtkTextBuffer    *buffer;    /* the text checked: the document's, or a form field's */
  GSettings        *settings;
  EnchantBroker    *broker;
  EnchantDict      *latin;
  EnchantDict      *hindi;
  char             *language;  /* of the latin dictionary */
  char             *chosen;    /* chosen for this file, or NULL */
  GHashTable       *verdicts;  /* word → GINT_TO_POINTER (1 correct, 2 wrong) */
  GtkTextTag       *tag;
  GMenu            *menu;
  GMenu            *suggestions;
  GSimpleActionGroup *actions;
  char             *menu_word;
  int               menu_start;
  guint             check_id;
  gboolean          loaded;    /* update_dictionaries() has run */
};

G_DEFINE_FINAL_TYPE (LekhSpellChecker, lekh_spell_checker, G_TYPE_OBJECT)

enum {
  CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Dictionaries */

static void
list_dict_cb (const char *lang_tag,
              const char *provider_name,
              const char *provider_desc,
              const char *provider_file,
              void       *user_data)
{
  GPtrArray *out = user_data;

  for (guint i = 0; i < out->len; i++)
    if (g_str_equal (g_ptr_array_index (out, i), lang_tag))
      return;
  g_ptr_array_add (out, g_strdup (lang_tag));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

char **
lekh_spell_checker_list_languages (void)
{
  EnchantBroker *broker = enchant_broker_init ();
  GPtrArray *out = g_ptr_array_new ();

  enchant_broker_list_dicts (broker, list_dict_cb, out);
  enchant_broker_free (broker);
  g_ptr_array_sort (out, compare_strings);
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* "en" → "en_US", "en_GB" → "en_GB", "hi" → NULL (not for latin words). */
static char *
resolve_latin (LekhSpellChecker *self,
               const char       *wanted)
{
  g_auto(GStrv) all = NULL;

  if (wanted == NULL || g_str_has_prefix (wanted, "hi"))
    wanted = "en";
  if (strlen (wanted) > 2 && enchant_broker_dict_exists (self->broker, wanted))
    return g_strdup (wanted);
  if (g_str_has_prefix (wanted, "en") && enchant_broker_dict_exists (self->broker, "en_US"))
    return g_strdup ("en_US");
  all = lekh_spell_checker_list_languages ();
  for (guint i = 0; all[i] != NULL; i++)
    if (g_str_has_prefix (all[i], wanted))
      return g_strdup (all[i]);
  return NULL;
}

static char *
remembered_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lekh", "spelling.ini", NULL);
}

static char *
file_key (LekhDocument *document)
{
  GFile *file = document ? lekh_document_get_file (document) : NULL;
  g_autofree char *uri = NULL;

  if (file == NULL)
    return NULL;
  uri = g_file_get_uri (file);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, uri, -1);
}

static char *
load_remembered (LekhSpellChecker *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = remembered_path ();
  g_autofree char *key = file_key (self->document);

  if (key == NULL || !g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  return g_key_file_get_string (keys, "languages", key, NULL);
}

static void
save_remembered (LekhSpellChecker *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = remembered_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *key = file_key (self->document);
  g_autoptr(GError) error = NULL;

  if (key == NULL)
    return;
  g_key_file_load_from_file (keys, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  if (self->chosen != NULL)
    g_key_file_set_string (keys, "languages", key, self->chosen);
  else
    g_key_file_remove_key (keys, "languages", key, NULL);
  g_mkdir_with_parents (dir, 0700);
  if (!g_key_file_save_to_file (keys, path, &error))
    g_debug ("Could not remember the spelling language: %s", error->message);
}

static void schedule_check (LekhSpellChecker *self);

static void
update_dictionaries (LekhSpellChecker *self)
{
  g_autofree char *wanted = NULL;
  g_autofree char *latin = NULL;
  g_autofree char *remembered = load_remembered (self);
  GAction *action;

  /* The source's menu and a form field's share the file's choice. */
  if (remembered != NULL)
    {
      g_free (self->chosen);
      self->chosen = g_steal_pointer (&remembered);
    }
  if (self->chosen != NULL)
    wanted = g_strdup (self->chosen);
  if (wanted == NULL && self->document != NULL)
    {
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->document), &start, &end);
      text = gtk_text_buffer_get_slice (GTK_TEXT_BUFFER (self->document), &start, &end, TRUE);
      wanted = lekh_spell_text_language (text);
      /* Without a lang in the front matter, the preference decides the latin words. */
      if (g_str_equal (wanted, "en") || g_str_equal (wanted, "hi"))
        {
          g_autofree char *preferred = g_settings_get_string (self->settings, "spell-language");

          if (preferred[0] != '\0')
            {
              g_free (wanted);
              wanted = g_steal_pointer (&preferred);
            }
        }
    }

  latin = resolve_latin (self, wanted);
  if (g_strcmp0 (latin, self->language) != 0)
    {
      if (self->latin != NULL)
        enchant_broker_free_dict (self->broker, self->latin);
      self->latin = NULL;
      self->latin = latin ? enchant_broker_request_dict (self->broker, latin) : NULL;
      g_free (self->language);
      self->language = g_steal_pointer (&latin);
      g_hash_table_remove_all (self->verdicts);
    }
  if (self->hindi == NULL && enchant_broker_dict_exists (self->broker, HINDI))
    self->hindi = enchant_broker_request_dict (self->broker, HINDI);
  self->loaded = TRUE;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "language");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (self->language ? self->language : ""));
}

/* Lekh's own Hindi words (data/spelling/hi-extra.txt, in the resources), in NFC: the
 * common words Debian's Hindi dictionary lacks. Read once, shared by every checker. */
static GHashTable *
hindi_extra_words (void)
{
  static GHashTable *words;

  if (g_once_init_enter (&words))
    {
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (HINDI_EXTRA, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         &error);

      if (bytes == NULL)
        g_warning ("No Hindi word list: %s", error->message);
      else
        {
          gsize len;
          const char *text = g_bytes_get_data (bytes, &len);
          guint rejected = 0;
          g_auto(GStrv) list = lekh_hindi_word_list_parse (text ? text : "", len, &rejected);

          if (rejected > 0)
            g_warning ("%u lines of the Hindi word list are not words", rejected);
          for (guint i = 0; list[i] != NULL; i++)
            g_hash_table_add (set, g_steal_pointer (&list[i]));
        }
      g_once_init_leave (&words, set);
    }
  return words;
}

static gboolean
hindi_lookup (const char *word,
              gpointer    user_data)
{
  LekhSpellChecker *self = user_data;

  return g_hash_table_contains (hindi_extra_words (), word) ||
         enchant_dict_check (self->hindi, word, -1) == 0;
}

/* Checking */

static gboolean
word_is_correct (LekhSpellChecker *self,
                 const char       *word,
                 gsize             len)
{
  g_autofree char *key = g_strndup (word, len);
  gpointer verdict = g_hash_table_lookup (self->verdicts, key);
  gboolean hindi;
  EnchantDict *dict;
  gboolean correct;

  if (verdict != NULL)
    return GPOINTER_TO_INT (verdict) == 1;
  hindi = lekh_spell_text_is_devanagari (key);
  dict = hindi ? self->hindi : self->latin;
  /* No dictionary for this script: nothing to say about its words. Hindi: the
   * dictionary lists stems only, the core knows the endings. */
  if (dict == NULL)
    correct = TRUE;
  else if (hindi)
    correct = lekh_hindi_word_is_known (key, hindi_lookup, self);
  else
    correct = enchant_dict_check (dict, word, (ssize_t) len) == 0;
  g_hash_table_insert (self->verdicts, g_steal_pointer (&key), GINT_TO_POINTER (correct ? 1 : 2));
  return correct;
}

static void
check_all (LekhSpellChecker *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end, cursor;
  g_autofree char *text = NULL;
  g_autoptr(GArray) ranges = NULL;
  const char *p;
  guint offset = 0;
  int cursor_offset;
  gboolean enabled;

  if (self->document == NULL || self->view == NULL)
    return;

  buffer = self->buffer;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tag, &start, &end);
  enabled = g_settings_get_boolean (self->settings, "spell-check");
  if (!enabled)
    return;

  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  ranges = lekh_spell_text_ranges (text);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  cursor_offset = gtk_text_iter_get_offset (&cursor);
  p = text;
  for (guint i = 0; i < ranges->len; i++)
    {
      LekhSpellRange *r = &g_array_index (ranges, LekhSpellRange, i);
      const char *word;
      const char *word_end;

      /* The offsets rise: walk on from the last word instead of from the start. */
      word = g_utf8_offset_to_pointer (p, r->start - offset);
      word_end = g_utf8_offset_to_pointer (word, r->end - r->start);
      p = word_end;
      offset = r->end;

      /* The word being typed is not judged before it is finished. */
      if (gtk_widget_has_focus (GTK_WIDGET (self->view)) && cursor_offset == (int) r->end)
        continue;
      if (!word_is_correct (self, word, word_end - word))
        {
          GtkTextIter a, b;

          gtk_text_buffer_get_iter_at_offset (buffer, &a, r->start);
          gtk_text_buffer_get_iter_at_offset (buffer, &b, r->end);
          gtk_text_buffer_apply_tag (buffer, self->tag, &a, &b);
        }
    }
}

static gboolean
check_cb (gpointer data)
{
  LekhSpellChecker *self = data;

  self->check_id = 0;
  update_dictionaries (self);
  check_all (self);
  g_signal_emit (self, signals[CHECKED], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (LekhSpellChecker *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

void
lekh_spell_checker_check_now (LekhSpellChecker *self)
{
  g_return_if_fail (LEKH_IS_SPELL_CHECKER (self));

  g_clear_handle_id (&self->check_id, g_source_remove);
  check_cb (self);
}

gboolean
lekh_spell_checker_is_misspelled (LekhSpellChecker  *self,
                                  const GtkTextIter *iter)
{
  g_return_val_if_fail (LEKH_IS_SPELL_CHECKER (self), FALSE);
  return gtk_text_iter_has_tag (iter, self->tag);
}

/* The context menu */

static gboolean
misspelled_word_at (LekhSpellChecker *self,
                    GtkTextIter      *start,
                    GtkTextIter      *end)
{
  GtkTextBuffer *buffer = self->buffer;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (!gtk_text_iter_has_tag (&iter, self->tag))
    {
      /* Just after the word counts too. */
      if (gtk_text_iter_is_start (&iter))
        return FALSE;
      gtk_text_iter_backward_char (&iter);
      if (!gtk_text_iter_has_tag (&iter, self->tag))
        return FALSE;
    }
  *start = iter;
  *end = iter;
  if (!gtk_text_iter_starts_tag (start, self->tag))
    gtk_text_iter_backward_to_tag_toggle (start, self->tag);
  gtk_text_iter_forward_to_tag_toggle (end, self->tag);
  return TRUE;
}

static void
update_menu (LekhSpellChecker *self)
{
  GtkTextIter start, end;
  gboolean on_word;

  if (self->document == NULL)
    return;

  on_word = misspelled_word_at (self, &start, &end);
  g_clear_pointer (&self->menu_word, g_free);
  g_menu_remove_all (self->suggestions);
  if (on_word)
    {
      EnchantDict *dict;
      char **suggestions;
      size_t n = 0;

      self->menu_word = gtk_text_iter_get_slice (&start, &end);
      self->menu_start = gtk_text_iter_get_offset (&start);
      dict = lekh_spell_text_is_devanagari (self->menu_word) ? self->hindi : self->latin;
      suggestions = dict ? enchant_dict_suggest (dict, self->menu_word, -1, &n) : NULL;
      for (size_t i = 0; i < n && i < MAX_SUGGESTIONS; i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

          g_menu_item_set_action_and_target_value (item, "spelling.replace",
                                                   g_variant_new_string (suggestions[i]));
          g_menu_append_item (self->suggestions, item);
        }
      if (suggestions != NULL)
        enchant_dict_free_string_list (dict, suggestions);
      if (n == 0)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_("No Suggestions"), "spelling.none");
          g_menu_append_item (self->suggestions, item);
        }
      g_menu_append (self->suggestions, _("_Add to Dictionary"), "spelling.add");
      g_menu_append (self->suggestions, _("_Ignore"), "spelling.ignore");
    }
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "add")), on_word);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "ignore")), on_word);
}

static void
mark_set_cb (LekhSpellChecker *self,
             GtkTextIter      *location,
             GtkTextMark      *mark)
{
  if (mark == gtk_text_buffer_get_insert (self->buffer))
    update_menu (self);
}

static void
replace_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  LekhSpellChecker *self = user_data;
  GtkTextBuffer *buffer = self->buffer;
  GtkTextIter start, end;

  if (self->menu_word == NULL)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->menu_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->menu_start + g_utf8_strlen (self->menu_word, -1));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, g_variant_get_string (param, NULL), -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
learn_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  LekhSpellChecker *self = user_data;
  gboolean add = g_str_equal (g_action_get_name (G_ACTION (action)), "add");
  EnchantDict *dict;

  if (self->menu_word == NULL)
    return;
  dict = lekh_spell_text_is_devanagari (self->menu_word) ? self->hindi : self->latin;
  if (dict == NULL)
    return;
  /* Add: the personal word list, for good; Ignore: this session. */
  if (add)
    enchant_dict_add (dict, self->menu_word, -1);
  else
    enchant_dict_add_to_session (dict, self->menu_word, -1);
  g_hash_table_remove (self->verdicts, self->menu_word);
  lekh_spell_checker_check_now (self);
  update_menu (self);
}

static void
language_action (GSimpleAction *action,
                 GVariant      *state,
                 gpointer       user_data)
{
  lekh_spell_checker_set_language (user_data, g_variant_get_string (state, NULL));
}

static void
build_menu (LekhSpellChecker *self)
{
  g_auto(GStrv) languages = lekh_spell_checker_list_languages ();
  g_autoptr(GMenu) language_menu = g_menu_new ();
  static const GActionEntry entries[] = {
    { "replace", replace_action, "s" },
    { "add", learn_action },
    { "ignore", learn_action },
    { "language", NULL, "s", "''", language_action },
  };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  {
    g_autoptr(GSimpleAction) none = g_simple_action_new ("none", NULL);

    g_simple_action_set_enabled (none, FALSE);
    g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (none));
  }

  self->menu = g_menu_new ();
  self->suggestions = g_menu_new ();
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (self->suggestions));
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      /* Hindi checks the Devanagari words always; the choice is for the others. */
      if (g_str_has_prefix (languages[i], "hi"))
        continue;
      item = g_menu_item_new (languages[i], NULL);
      g_menu_item_set_action_and_target_value (item, "spelling.language",
                                               g_variant_new_string (languages[i]));
      g_menu_append_item (language_menu, item);
    }
  g_menu_append_submenu (self->menu, _("Spelling _Language"), G_MENU_MODEL (language_menu));
}

/* GObject */

static void
lekh_spell_checker_dispose (GObject *object)
{
  LekhSpellChecker *self = LEKH_SPELL_CHECKER (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_object_remove_weak_pointer (G_OBJECT (self->document), (gpointer *) &self->document);
      self->document = NULL;
    }
  if (self->view != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
      self->view = NULL;
    }
  G_OBJECT_CLASS (lekh_spell_checker_parent_class)->dispose (object);
}

static void
lekh_spell_checker_finalize (GObject *object)
{
  LekhSpellChecker *self = LEKH_SPELL_CHECKER (object);

  if (self->latin != NULL)
    enchant_broker_free_dict (self->broker, self->latin);
  if (self->hindi != NULL)
    enchant_broker_free_dict (self->broker, self->hindi);
  enchant_broker_free (self->broker);
  g_clear_object (&self->buffer);
  g_clear_object (&self->settings);
  g_clear_object (&self->menu);
  g_clear_object (&self->suggestions);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  g_free (self->language);
  g_free (self->chosen);
  g_free (self->menu_word);
  G_OBJECT_CLASS (lekh_spell_checker_parent_class)->finalize (object);
}

static void
lekh_spell_checker_class_init (LekhSpellCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lekh_spell_checker_dispose;
  object_class->finalize = lekh_spell_checker_finalize;

  /* After every check: the dictionaries, the language or the word lists may have changed,
   * so text checked elsewhere with this checker (a title's underlines) is due again. */
  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lekh_spell_checker_init (LekhSpellChecker *self)
{
  self->broker = enchant_broker_init ();
  self->settings = g_settings_new (APP_ID);
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build_menu (self);
}

static void
file_changed_cb (LekhSpellChecker *self)
{
  g_free (self->chosen);
  self->chosen = load_remembered (self);
  schedule_check (self);
}

static void
settings_changed_cb (LekhSpellChecker *self)
{
  g_hash_table_remove_all (self->verdicts);
  schedule_check (self);
}

static LekhSpellChecker *
checker_new (GtkTextView   *view,
             GtkTextBuffer *buffer,
             LekhDocument  *document)
{
  LekhSpellChecker *self;
  GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };

  self = g_object_new (LEKH_TYPE_SPELL_CHECKER, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  self->document = document;
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &self->document);
  self->buffer = g_object_ref (buffer);

  self->tag = gtk_text_buffer_create_tag (buffer, NULL,
                                          "underline", PANGO_UNDERLINE_ERROR,
                                          "underline-rgba", &red,
                                          NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spelling", G_ACTION_GROUP (self->actions));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (schedule_check), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::spell-check", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::spell-language", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  file_changed_cb (self);
  return self;
}

LekhSpellChecker *
lekh_spell_checker_new (GtkTextView  *view,
                        LekhDocument *document)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (LEKH_IS_DOCUMENT (document), NULL);

  return checker_new (view, GTK_TEXT_BUFFER (document), document);
}

LekhSpellChecker *
lekh_spell_checker_new_for_field (GtkTextView  *view,
                                  LekhDocument *document)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (LEKH_IS_DOCUMENT (document), NULL);

  return checker_new (view, gtk_text_view_get_buffer (view), document);
}

PangoAttrList *
lekh_spell_checker_underline (LekhSpellChecker *self,
                              const char       *text)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autoptr(GArray) ranges = NULL;

  g_return_val_if_fail (LEKH_IS_SPELL_CHECKER (self), attrs);
  g_return_val_if_fail (text != NULL, attrs);

  if (!g_settings_get_boolean (self->settings, "spell-check"))
    return attrs;
  if (!self->loaded)
    update_dictionaries (self);
  ranges = lekh_spell_text_ranges (text);
  for (guint i = 0; i < ranges->len; i++)
    {
      LekhSpellRange *r = &g_array_index (ranges, LekhSpellRange, i);
      const char *word = g_utf8_offset_to_pointer (text, r->start);
      const char *word_end = g_utf8_offset_to_pointer (word, r->end - r->start);

      if (!word_is_correct (self, word, word_end - word))
        {
          PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
          PangoAttribute *color = pango_attr_underline_color_new (0xe100, 0x1c00, 0x2400);

          underline->start_index = color->start_index = word - text;
          underline->end_index = color->end_index = word_end - text;
          pango_attr_list_insert (attrs, underline);
          pango_attr_list_insert (attrs, color);
        }
    }
  return attrs;
}

GMenuModel *
lekh_spell_checker_get_menu (LekhSpellChecker *self)
{
  g_return_val_if_fail (LEKH_IS_SPELL_CHECKER (self), NULL);
  return G_MENU_MODEL (self->menu);
}

const char *
lekh_spell_checker_get_language (LekhSpellChecker *self)
{
  g_return_val_if_fail (LEKH_IS_SPELL_CHECKER (self), NULL);
  return self->language;
}

void
lekh_spell_checker_set_language (LekhSpellChecker *self,
                                 const char       *language)
{
  g_return_if_fail (LEKH_IS_SPELL_CHECKER (self));

  if (language != NULL && language[0] == '\0')
    language = NULL;
  g_free (self->chosen);
  self->chosen = g_strdup (language);
  save_remembered (self);
  lekh_spell_checker_check_now (self);
}
