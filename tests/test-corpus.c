/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Real-world articles from ../shared/corpus: every file whose front matter parses must
 * split and re-join byte for byte, take a title edit that touches only the title entry,
 * and take a list edit that keeps the list's style. */
#include "config.h"

#include <string.h>

#include "lekh-edit.h"

static GPtrArray *files;

static void
collect (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (path);
      else if (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".mdx") ||
               g_str_has_suffix (name, ".markdown"))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

static gboolean
have_corpus (void)
{
  if (files->len == 0)
    {
      g_test_skip ("../shared/corpus is absent: set LEKH_SHARED_DIR to the shared folder");
      return FALSE;
    }
  return TRUE;
}

static char *
node_json (const LekhNode *node)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (!lekh_node_to_json (node, s, NULL))
    return g_strdup ("<unexpandable>");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Every entry but SKIP has the same key and JSON value, in the same order. */
static gboolean
other_keys_equal (LekhArticle *a,
                  LekhArticle *b,
                  const char  *skip)
{
  guint i = 0, j = 0;
  guint na = lekh_article_get_n_entries (a), nb = lekh_article_get_n_entries (b);

  for (;;)
    {
      const LekhEntry *ea, *eb;
      g_autofree char *ja = NULL, *jb = NULL;

      while (i < na && strcmp (lekh_article_get_entry (a, i)->key, skip) == 0)
        i++;
      while (j < nb && strcmp (lekh_article_get_entry (b, j)->key, skip) == 0)
        j++;
      if (i == na || j == nb)
        return i == na && j == nb;
      ea = lekh_article_get_entry (a, i++);
      eb = lekh_article_get_entry (b, j++);
      ja = node_json (ea->value);
      jb = node_json (eb->value);
      if (strcmp (ea->key, eb->key) != 0 || strcmp (ja, jb) != 0)
        return FALSE;
    }
}

static void
test_corpus_round_trip (void)
{
  guint parsed = 0, no_front_matter = 0, not_yaml = 0, errors = 0;

  if (!have_corpus ())
    return;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *text = NULL;
      gsize len;
      g_autoptr(LekhArticle) article = NULL;
      const LekhSplit *split;
      const char *body;
      gsize body_len;

      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      article = lekh_article_new (text, len);
      split = lekh_article_get_split (article);
      body = lekh_article_get_body (article, &body_len);

      /* (a) head + body is the file, byte for byte */
      g_assert_cmpuint (split->body_start + body_len, ==, len);
      g_assert_true (memcmp (text + split->body_start, body, body_len) == 0);
      g_assert_true (split->bom_len <= split->open_start);
      g_assert_true (split->yaml_start <= split->yaml_end && split->yaml_end <= split->close_end);

      if (lekh_article_get_error (article) != NULL)
        errors++;
      else if (split->format == LEKH_FRONT_MATTER_NONE)
        no_front_matter++;
      else if (split->format != LEKH_FRONT_MATTER_YAML)
        not_yaml++;
      else
        parsed++;
    }

  g_test_message ("corpus: %u files, %u YAML front matter parsed, %u without front matter, "
                  "%u TOML/JSON, %u with errors", files->len, parsed, no_front_matter, not_yaml, errors);
  g_print ("# corpus: %u files, %u parsed, %u without front matter, %u TOML/JSON, %u errors\n",
           files->len, parsed, no_front_matter, not_yaml, errors);
  /* The corpus was chosen as real, working sites: nearly all must parse. */
  g_assert_cmpuint (parsed, >, files->len * 9 / 10);
}

static void
test_corpus_set_title (void)
{
  guint edited = 0, refused = 0;

  if (!have_corpus ())
    return;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *text = NULL;
      gsize len;
      g_autoptr(LekhArticle) article = NULL;
      g_autoptr(LekhArticle) result = NULL;
      g_autoptr(LekhEdit) edit = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const LekhEntry *old_title;
      const char *new_title = "Lekh: नया शीर्षक";

      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      article = lekh_article_new (text, len);
      if (!lekh_article_check_editable (article, NULL))
        continue;

      edit = lekh_article_edit_set_string (article, "title", new_title, &error);
      if (edit == NULL)
        {
          /* Only refusals that protect the writer are acceptable. */
          g_test_message ("%s: %s", path, error->message);
          g_assert_true (g_error_matches (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE) ||
                         strstr (error->message, "appears") != NULL);
          refused++;
          continue;
        }

      /* Only the title entry's bytes change (or, without a title, bytes are added at the
       * end of the front matter). */
      old_title = lekh_article_lookup (article, "title");
      if (old_title != NULL)
        {
          g_assert_cmpuint (edit->start, >=, old_title->entry_span.start);
          g_assert_cmpuint (edit->end, <=, old_title->entry_span.end);
        }
      else
        {
          g_assert_cmpuint (edit->start, ==, edit->end);
          g_assert_cmpuint (edit->start, ==, lekh_article_get_split (article)->yaml_end);
        }

      bytes = lekh_edit_apply (edit, article);
      result = lekh_article_new_from_bytes (bytes);
      g_assert_null (lekh_article_get_error (result));
      g_assert_cmpstr (lekh_node_get_string (lekh_article_get_value (result, "title")), ==, new_title);
      g_assert_true (other_keys_equal (article, result, "title"));
      {
        gsize a_len, b_len;
        const char *a = lekh_article_get_body (article, &a_len);
        const char *b = lekh_article_get_body (result, &b_len);
        g_assert_cmpmem (a, a_len, b, b_len);
      }
      edited++;
    }

  g_print ("# corpus: title set in %u files, %u refused safely\n", edited, refused);
  g_assert_cmpuint (edited, >, 0);
}

static void
test_corpus_list_style (void)
{
  guint flow = 0, block = 0;

  if (!have_corpus ())
    return;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *text = NULL;
      gsize len;
      g_autoptr(LekhArticle) article = NULL;

      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      article = lekh_article_new (text, len);
      if (!lekh_article_check_editable (article, NULL))
        continue;

      for (guint e = 0; e < lekh_article_get_n_entries (article); e++)
        {
          const LekhEntry *entry = lekh_article_get_entry (article, e);
          g_auto(GStrv) items = lekh_node_dup_string_list (entry->value);
          g_autoptr(GStrvBuilder) builder = NULL;
          g_auto(GStrv) new_items = NULL;
          g_autoptr(LekhEdit) edit = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(LekhArticle) result = NULL;
          const LekhNode *node;
          g_auto(GStrv) read = NULL;

          if (items == NULL || items[0] == NULL || entry->value->kind != LEKH_NODE_SEQUENCE ||
              lekh_article_lookup (article, entry->key) != entry)
            continue;

          builder = g_strv_builder_new ();
          g_strv_builder_addv (builder, (const char **) items);
          g_strv_builder_add (builder, "लेख");
          new_items = g_strv_builder_end (builder);

          edit = lekh_article_edit_set_list (article, entry->key, (const char * const *) new_items, &error);
          if (edit == NULL)
            {
              g_test_message ("%s: %s: %s", path, entry->key, error->message);
              g_assert_true (g_error_matches (error, LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE));
              break;
            }
          bytes = lekh_edit_apply (edit, article);
          result = lekh_article_new_from_bytes (bytes);
          node = lekh_article_get_value (result, entry->key);
          read = lekh_node_dup_string_list (node);
          g_assert_cmpstrv (read, new_items);
          g_assert_cmpint (node->style, ==, entry->value->style);
          if (node->style == LEKH_STYLE_BLOCK)
            {
              /* same indentation: the first item starts at the same column */
              g_assert_cmpuint (lekh_node_get_item (node, 0)->span.column, ==,
                                lekh_node_get_item (entry->value, 0)->span.column);
              g_assert_cmpuint (node->span.column, ==, entry->value->span.column);
              block++;
            }
          else
            flow++;
          g_assert_true (other_keys_equal (article, result, entry->key));
          break;   /* one list per file */
        }
    }

  g_print ("# corpus: list edited keeping style in %u files (%u flow, %u block)\n",
           flow + block, flow, block);
  g_assert_cmpuint (flow + block, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *shared = g_getenv ("LEKH_SHARED_DIR");
  g_autofree char *corpus = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  files = g_ptr_array_new_with_free_func (g_free);
  corpus = g_build_filename (shared ? shared : "../shared", "corpus", NULL);
  collect (corpus);
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);

  g_test_add_func ("/corpus/round-trip", test_corpus_round_trip);
  g_test_add_func ("/corpus/set-title", test_corpus_set_title);
  g_test_add_func ("/corpus/list-style", test_corpus_list_style);

  status = g_test_run ();
  g_ptr_array_unref (files);
  return status;
}
