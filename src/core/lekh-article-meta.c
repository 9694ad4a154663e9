/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-article-meta.h"

static char *
dup_scalar (const LekhNode *node)
{
  const char *s;

  node = lekh_node_resolve (node);
  if (node == NULL || node->kind != LEKH_NODE_SCALAR
      || lekh_node_get_value_type (node) == LEKH_VALUE_NULL)
    return NULL;
  s = lekh_node_get_string (node);
  if (s == NULL)
    return NULL;
  s += strspn (s, " \t\r\n");
  return *s != '\0' ? g_strstrip (g_strdup (s)) : NULL;
}

static const LekhNode *
first_value (const LekhArticle  *article,
             const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const LekhNode *node = lekh_node_resolve (lekh_article_get_value (article, keys[i]));

      if (node != NULL && !(node->kind == LEKH_NODE_SCALAR
                            && lekh_node_get_value_type (node) == LEKH_VALUE_NULL))
        return node;
    }
  return NULL;
}

static char *
first_scalar (const LekhArticle  *article,
              const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      char *s = dup_scalar (lekh_article_get_value (article, keys[i]));

      if (s != NULL)
        return s;
    }
  return NULL;
}

/* A list of strings from a sequence (items that are scalars, or mappings read through
 * FIELDS), or from a scalar split at SEPARATORS. */
static char **
read_list (const LekhNode     *node,
           const char         *separators,
           const char * const *fields)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  node = lekh_node_resolve (node);
  if (node == NULL)
    ;
  else if (node->kind == LEKH_NODE_SCALAR)
    {
      g_autofree char *s = dup_scalar (node);

      if (s != NULL && separators != NULL)
        {
          g_auto(GStrv) parts = g_strsplit_set (s, separators, -1);

          for (guint i = 0; parts[i] != NULL; i++)
            g_ptr_array_add (items, g_strdup (parts[i]));
        }
      else if (s != NULL)
        g_ptr_array_add (items, g_steal_pointer (&s));
    }
  else if (node->kind == LEKH_NODE_SEQUENCE || node->kind == LEKH_NODE_MAPPING)
    {
      guint n = node->kind == LEKH_NODE_SEQUENCE ? lekh_node_get_n_items (node) : 1;

      for (guint i = 0; i < n; i++)
        {
          const LekhNode *item = node->kind == LEKH_NODE_SEQUENCE
                                 ? lekh_node_resolve (lekh_node_get_item (node, i)) : node;
          char *s = NULL;

          if (item == NULL)
            continue;
          if (item->kind == LEKH_NODE_SCALAR)
            s = dup_scalar (item);
          else if (item->kind == LEKH_NODE_MAPPING && fields != NULL)
            for (guint f = 0; fields[f] != NULL && s == NULL; f++)
              s = dup_scalar (lekh_node_lookup (item, fields[f]));
          if (s != NULL)
            g_ptr_array_add (items, s);
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      char *s = g_strstrip (g_ptr_array_index (items, i));

      if (*s != '\0' && g_hash_table_add (seen, s))
        g_strv_builder_add (builder, s);
    }
  return g_strv_builder_end (builder);
}

static gboolean
is_language_tag (const char *s)
{
  gsize n = 0;

  if (s == NULL || !g_ascii_isalpha (s[0]))
    return FALSE;
  for (; s[n] != '\0'; n++)
    if (!g_ascii_isalnum (s[n]) && s[n] != '-' && s[n] != '_')
      return FALSE;
  return n >= 2 && n <= 35;
}

LekhArticleMeta *
lekh_article_meta_new (const LekhArticle *article)
{
  static const char * const title_keys[] = { "title", "linkTitle", "sidebar_label", NULL };
  static const char * const description_keys[] = { "description", "summary", "excerpt",
                                                    "subtitle", NULL };
  static const char * const date_keys[] = { "date", "publishDate", "pubDate", "published",
                                            NULL };
  static const char * const image_keys[] = { "image", "cover", "cover_image", "heroImage",
                                             "featured_image", "thumbnail", NULL };
  static const char * const lang_keys[] = { "lang", "language", "locale", NULL };
  static const char * const author_keys[] = { "authors", "author", NULL };
  static const char * const author_fields[] = { "name", "key", "title", NULL };
  static const char * const tag_fields[] = { "label", "name", NULL };
  LekhArticleMeta *meta;
  const LekhNode *node;
  g_autofree char *lang = NULL;

  g_return_val_if_fail (article != NULL, NULL);

  meta = g_new0 (LekhArticleMeta, 1);
  meta->title = first_scalar (article, title_keys);
  meta->description = first_scalar (article, description_keys);
  meta->date = first_scalar (article, date_keys);
  meta->authors = read_list (first_value (article, author_keys), ",", author_fields);
  meta->tags = read_list (lekh_article_get_value (article, "tags"), NULL, tag_fields);
  meta->keywords = read_list (lekh_article_get_value (article, "keywords"), ",", NULL);

  meta->image = first_scalar (article, image_keys);
  if (meta->image == NULL)
    {
      /* Hugo: images: [a.png, b.png]; Astro: image: {src, alt} (read above as a map). */
      g_auto(GStrv) images = read_list (lekh_article_get_value (article, "images"), NULL, NULL);

      if (images[0] != NULL)
        meta->image = g_strdup (images[0]);
    }
  node = lekh_node_resolve (lekh_article_get_value (article, "image"));
  if (meta->image == NULL && node != NULL && node->kind == LEKH_NODE_MAPPING)
    {
      meta->image = dup_scalar (lekh_node_lookup (node, "src"));
      if (meta->image == NULL)
        meta->image = dup_scalar (lekh_node_lookup (node, "url"));
      meta->image_alt = dup_scalar (lekh_node_lookup (node, "alt"));
    }
  if (meta->image_alt == NULL)
    meta->image_alt = dup_scalar (lekh_article_get_value (article, "image_alt"));

  lang = first_scalar (article, lang_keys);
  if (is_language_tag (lang))
    meta->lang = g_strdelimit (g_steal_pointer (&lang), "_", '-');

  node = lekh_article_get_value (article, "draft");
  if (node != NULL)
    lekh_node_get_boolean (node, &meta->draft);
  return meta;
}

void
lekh_article_meta_free (LekhArticleMeta *meta)
{
  if (meta == NULL)
    return;
  g_free (meta->title);
  g_free (meta->description);
  g_strfreev (meta->authors);
  g_free (meta->date);
  g_strfreev (meta->tags);
  g_strfreev (meta->keywords);
  g_free (meta->image);
  g_free (meta->image_alt);
  g_free (meta->lang);
  g_free (meta);
}

typedef struct
{
  GUnicodeScript script;
  const char    *lang;
} ScriptLanguage;

static const ScriptLanguage script_languages[] = {
  { G_UNICODE_SCRIPT_LATIN, "en" },
  { G_UNICODE_SCRIPT_DEVANAGARI, "hi" },
  { G_UNICODE_SCRIPT_ARABIC, "ar" },
  { G_UNICODE_SCRIPT_HEBREW, "he" },
  { G_UNICODE_SCRIPT_BENGALI, "bn" },
  { G_UNICODE_SCRIPT_GURMUKHI, "pa" },
  { G_UNICODE_SCRIPT_GUJARATI, "gu" },
  { G_UNICODE_SCRIPT_ORIYA, "or" },
  { G_UNICODE_SCRIPT_TAMIL, "ta" },
  { G_UNICODE_SCRIPT_TELUGU, "te" },
  { G_UNICODE_SCRIPT_KANNADA, "kn" },
  { G_UNICODE_SCRIPT_MALAYALAM, "ml" },
  { G_UNICODE_SCRIPT_SINHALA, "si" },
  { G_UNICODE_SCRIPT_THAI, "th" },
  { G_UNICODE_SCRIPT_CYRILLIC, "ru" },
  { G_UNICODE_SCRIPT_GREEK, "el" },
  { G_UNICODE_SCRIPT_HAN, "zh" },
  { G_UNICODE_SCRIPT_HIRAGANA, "ja" },
  { G_UNICODE_SCRIPT_KATAKANA, "ja" },
  { G_UNICODE_SCRIPT_HANGUL, "ko" },
  { G_UNICODE_SCRIPT_ARMENIAN, "hy" },
  { G_UNICODE_SCRIPT_GEORGIAN, "ka" },
  { G_UNICODE_SCRIPT_ETHIOPIC, "am" },
};

const char *
lekh_detect_language (const char *text,
                      gssize      len)
{
  guint counts[G_N_ELEMENTS (script_languages)] = { 0 };
  const char *p, *end;
  guint best = 0, kana = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = (gssize) strlen (text);
  /* A sample is enough to tell the script. */
  end = text + MIN ((gsize) len, 256 * 1024);
  for (p = text; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      GUnicodeScript script;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (c < 0x80 && !g_ascii_isalpha (c))
        continue;
      script = g_unichar_get_script (c);
      if (script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA)
        kana++;
      for (guint i = 0; i < G_N_ELEMENTS (script_languages); i++)
        if (script_languages[i].script == script)
          {
            counts[i]++;
            any = TRUE;
            break;
          }
    }
  if (!any)
    return NULL;

  for (guint i = 1; i < G_N_ELEMENTS (script_languages); i++)
    if (counts[i] > counts[best])
      best = i;
  /* Articles in other scripts quote English names and terms; a script with a good share
   * of the letters is the article's language even when Latin letters are more. */
  if (best == 0)
    {
      guint total = 0, other = 1;

      for (guint i = 0; i < G_N_ELEMENTS (script_languages); i++)
        total += counts[i];
      for (guint i = 2; i < G_N_ELEMENTS (script_languages); i++)
        if (counts[i] > counts[other])
          other = i;
      if (counts[other] * 4 >= total)
        best = other;
    }
  /* Japanese mixes kanji (Han) with kana; Chinese has no kana. */
  if (script_languages[best].script == G_UNICODE_SCRIPT_HAN && kana > 0)
    return "ja";
  return script_languages[best].lang;
}

gboolean
lekh_language_is_rtl (const char *lang)
{
  static const char * const rtl[] = { "ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv",
                                      "ckb", NULL };
  g_autofree char *primary = NULL;

  if (lang == NULL)
    return FALSE;
  primary = g_ascii_strdown (lang, strcspn (lang, "-_"));
  return g_strv_contains (rtl, primary);
}
