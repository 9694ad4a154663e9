/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counts the Hindi words enchant's hi_IN dictionary flags in real text, split into words as
 * the editor's checker splits them (lekh_spell_text_ranges), and decided as the checker
 * decides (lekh_hindi_word_is_known over enchant, with Lekh's supplementary word list).
 *   measure-hindi-spelling [--plain] [--extra WORDLIST] [--list N] FILE...
 * --plain: enchant alone, as Lekh did before it knew Hindi endings (the "before" figure).
 * A FILE ending in .po counts its msgstr texts; any other file is read as Markdown. */
#include "config.h"

#include <enchant.h>
#include <locale.h>
#include <string.h>

#include "lekh-hindi-stem.h"
#include "lekh-spell-text.h"

typedef struct
{
  EnchantDict *dict;
  GHashTable  *extra;
} Dictionaries;

/* As the editor's checker looks words up: Lekh's word list, then enchant. */
static gboolean
lookup (const char *word,
        gpointer    user_data)
{
  Dictionaries *d = user_data;

  return g_hash_table_contains (d->extra, word) || enchant_dict_check (d->dict, word, -1) == 0;
}

/* The msgstr texts of a .po file, one paragraph each (the header's empty msgstr left out). */
static char *
po_texts (const char *contents)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean in_msgstr = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quote;

      if (g_str_has_prefix (line, "msgstr"))
        {
          in_msgstr = TRUE;
          g_string_append (out, "\n\n");
        }
      else if (line[0] != '"')
        in_msgstr = FALSE;
      quote = strchr (line, '"');
      if (in_msgstr && quote != NULL)
        {
          g_autofree char *inner = g_strndup (quote + 1, strlen (quote + 1) - 1);
          g_autofree char *text = g_strcompress (inner);

          g_string_append (out, text);
        }
    }
  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  gboolean plain = FALSE;
  char *extra = NULL;
  int list = 0;
  GOptionEntry entries[] = {
    { "plain", 0, 0, G_OPTION_ARG_NONE, &plain, "enchant alone", NULL },
    { "extra", 0, 0, G_OPTION_ARG_FILENAME, &extra, "supplementary word list", "FILE" },
    { "list", 0, 0, G_OPTION_ARG_INT, &list, "show the N most frequent flagged words", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE…");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) flagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EnchantBroker *broker;
  EnchantDict *dict;
  g_autoptr(GHashTable) extra_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Dictionaries dictionaries;
  guint total = 0, bad = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  broker = enchant_broker_init ();
  dict = enchant_broker_request_dict (broker, "hi_IN");
  if (dict == NULL)
    {
      g_printerr ("no hi_IN dictionary for enchant\n");
      return 77;
    }
  if (extra != NULL && !plain)
    {
      g_autofree char *contents = NULL;
      gsize len;
      g_auto(GStrv) words = NULL;

      if (!g_file_get_contents (extra, &contents, &len, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      words = lekh_hindi_word_list_parse (contents, len, NULL);
      for (guint i = 0; words[i] != NULL; i++)
        g_hash_table_add (extra_words, g_strdup (words[i]));
    }
  dictionaries.dict = dict;
  dictionaries.extra = extra_words;

  for (int a = 1; a < argc; a++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GArray) ranges = NULL;
      guint file_total = 0, file_bad = 0;

      if (!g_file_get_contents (argv[a], &contents, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      text = g_str_has_suffix (argv[a], ".po") ? po_texts (contents) : g_strdup (contents);
      ranges = lekh_spell_text_ranges (text);
      for (guint i = 0; i < ranges->len; i++)
        {
          LekhSpellRange *r = &g_array_index (ranges, LekhSpellRange, i);
          g_autofree char *word = g_utf8_substring (text, r->start, r->end);
          gboolean ok;

          if (!lekh_spell_text_is_devanagari (word))
            continue;
          file_total++;
          ok = plain ? enchant_dict_check (dict, word, -1) == 0
                     : lekh_hindi_word_is_known (word, lookup, &dictionaries);
          if (!ok)
            {
              gpointer n = g_hash_table_lookup (flagged, word);

              file_bad++;
              g_hash_table_replace (flagged, g_steal_pointer (&word), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
            }
        }
      g_print ("%s: %u of %u Hindi words flagged (%.1f%%)\n", argv[a], file_bad, file_total,
               file_total ? 100.0 * file_bad / file_total : 0.0);
      total += file_total;
      bad += file_bad;
    }
  g_print ("total: %u of %u Hindi words flagged (%.1f%%), %u distinct\n", bad, total,
           total ? 100.0 * bad / total : 0.0, g_hash_table_size (flagged));

  if (list > 0)
    {
      g_autoptr(GList) keys = g_hash_table_get_keys (flagged);
      guint shown = 0;

      /* Most frequent first: a simple selection, the lists are short. */
      while (keys != NULL && shown < (guint) list)
        {
          GList *best = keys;

          for (GList *l = keys; l != NULL; l = l->next)
            if (GPOINTER_TO_UINT (g_hash_table_lookup (flagged, l->data)) >
                GPOINTER_TO_UINT (g_hash_table_lookup (flagged, best->data)))
              best = l;
          g_print ("%u\t%s\n", GPOINTER_TO_UINT (g_hash_table_lookup (flagged, best->data)),
                   (char *) best->data);
          keys = g_list_delete_link (keys, best);
          shown++;
        }
    }
  enchant_broker_free_dict (broker, dict);
  enchant_broker_free (broker);
  g_free (extra);
  return 0;
}
