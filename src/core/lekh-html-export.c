/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lekh-article-meta.h"
#include "lekh-heading.h"
#include "lekh-html-export.h"
#include "lekh-markdown.h"

static const char stylesheet[] =
  ":root{color-scheme:light dark;--fg:#1e1e1e;--bg:#fdfdfc;--muted:#5e5c64;--accent:#1c71d8;"
  "--code-bg:#f0f0f0;--rule:#deddda;--chip:#e8eef8}\n"
  "@media (prefers-color-scheme:dark){:root{--fg:#ededed;--bg:#1e1e1e;--muted:#a8a8a8;"
  "--accent:#78aeed;--code-bg:#2c2c2c;--rule:#3d3d3d;--chip:#2a3443}}\n"
  "html{background:var(--bg);color:var(--fg)}\n"
  "body{margin:0 auto;max-width:44rem;padding:2rem 1.25rem 4rem;"
  "font:1.0625rem/1.7 system-ui,-apple-system,\"Segoe UI\",\"Noto Sans\",\"Noto Sans Devanagari\","
  "\"Lohit Devanagari\",\"Noto Sans Arabic\",sans-serif;overflow-wrap:break-word}\n"
  "h1,h2,h3,h4,h5,h6{line-height:1.3;margin:1.6em 0 .5em}\n"
  "h1{font-size:2.1em}h2{font-size:1.6em}h3{font-size:1.3em}h4{font-size:1.1em}"
  "h5{font-size:1em}h6{font-size:.9em;color:var(--muted)}\n"
  "a{color:var(--accent)}img{max-width:100%;height:auto}\n"
  "code,pre{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;font-size:.9em}\n"
  "code{background:var(--code-bg);padding:.1em .3em;border-radius:4px}\n"
  "pre{background:var(--code-bg);padding:.9em 1em;border-radius:8px;overflow-x:auto}\n"
  "pre code{background:none;padding:0}\n"
  "blockquote{margin:1em 0;padding:.2em 1em;border-inline-start:4px solid var(--rule);"
  "color:var(--muted)}\n"
  "hr{border:0;border-top:1px solid var(--rule);margin:2em 0}\n"
  "table{border-collapse:collapse}td,th{border:1px solid var(--rule);padding:.3em .6em}\n"
  "header.post{margin-bottom:2.5rem}header.post h1{margin-top:0}\n"
  ".description{font-size:1.15em;color:var(--muted);margin:.3em 0}\n"
  ".byline{color:var(--muted);font-size:.95em}\n"
  ".tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em}\n"
  ".tags li{background:var(--chip);border-radius:1em;padding:.1em .75em;font-size:.9em}\n"
  ".cover{display:block;border-radius:8px;margin-top:1rem}\n";

void
lekh_html_append_escaped (GString    *out,
                          const char *text,
                          gssize      len)
{
  const char *p, *end, *run;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  if (len < 0)
    len = (gssize) strlen (text);
  end = text + len;
  for (p = run = text; p < end; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        case '\0': entity = "\xEF\xBF\xBD"; break;
        default: continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, entity);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

static void
append_meta (GString    *out,
             const char *attribute,
             const char *name,
             const char *content)
{
  if (content == NULL || *content == '\0')
    return;
  g_string_append_printf (out, "<meta %s=\"%s\" content=\"", attribute, name);
  lekh_html_append_escaped (out, content, -1);
  g_string_append (out, "\">\n");
}

/* Image addresses that cannot run anything: relative paths, http(s) and data: images. */
static gboolean
is_safe_image_url (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  if (scheme == NULL)
    return strchr (url, ':') == NULL || strcspn (url, ":") > strcspn (url, "/?#");
  return g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0
         || (g_ascii_strcasecmp (scheme, "data") == 0
             && g_ascii_strncasecmp (url + 5, "image/", 6) == 0
             && g_ascii_strncasecmp (url + 5, "image/svg", 9) != 0);
}

static void
collect_text (cmark_node *doc,
              GString    *out)
{
  cmark_iter *iter = cmark_iter_new (doc);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_TEXT)
        {
          g_string_append (out, cmark_node_get_literal (node));
          g_string_append_c (out, ' ');
          if (out->len > 256 * 1024)
            break;
        }
    }
  cmark_iter_free (iter);
}

static char *
heading_text (cmark_node *heading)
{
  return g_strstrip (lekh_heading_dup_text (heading));
}

/* Top-level headings get the anchor ids site generators give them (what "#heading" links
 * point to) and lose an explicit "{#id}" from their text. A heading becomes a custom block
 * holding <hN id="…"> and its inlines, rendered by cmark with the same OPTIONS (safe mode
 * included), since cmark's own heading has no attributes. */
static void
add_heading_ids (cmark_node *doc,
                 int         options)
{
  g_autoptr(LekhSlugger) slugger = lekh_slugger_new ();
  cmark_node *node = cmark_node_first_child (doc);

  while (node != NULL)
    {
      cmark_node *next = cmark_node_next (node);

      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        {
          g_autofree char *text = lekh_heading_dup_text (node);
          g_autofree char *id = lekh_slugger_next (slugger, text);
          int level = cmark_node_get_heading_level (node);
          g_autoptr(GString) html = g_string_new (NULL);
          cmark_node *inline_doc = cmark_node_new (CMARK_NODE_DOCUMENT);
          cmark_node *paragraph = cmark_node_new (CMARK_NODE_PARAGRAPH);
          cmark_node *block = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);
          cmark_node *child;
          char *inlines;
          gsize len;

          lekh_heading_strip_explicit_id (node);
          while ((child = cmark_node_first_child (node)) != NULL)
            cmark_node_append_child (paragraph, child);
          /* In a document: cmark-gfm's paragraph looks at its parent. */
          cmark_node_append_child (inline_doc, paragraph);
          inlines = lekh_markdown_render_html (inline_doc, options);
          len = strlen (inlines);
          /* A heading of punctuation alone has an empty slug: HTML has no empty id. */
          g_string_append_printf (html, "<h%d", level);
          if (id[0] != '\0')
            {
              g_string_append (html, " id=\"");
              lekh_html_append_escaped (html, id, -1);
              g_string_append_c (html, '"');
            }
          g_string_append_c (html, '>');
          /* "<p>…</p>\n" */
          if (g_str_has_prefix (inlines, "<p>") && len >= 8)
            g_string_append_len (html, inlines + 3, (gssize) (len - 8));
          g_string_append_printf (html, "</h%d>", level);
          free (inlines);
          cmark_node_free (inline_doc);

          cmark_node_set_on_enter (block, html->str);
          cmark_node_set_on_exit (block, "");
          cmark_node_replace (node, block);
          cmark_node_free (node);
        }
      node = next;
    }
}

static int
parse_options (LekhHtmlExportFlags flags)
{
  int options = CMARK_OPT_VALIDATE_UTF8;

  if (!(flags & LEKH_HTML_EXPORT_PLAIN_PUNCTUATION))
    options |= CMARK_OPT_SMART;
  if (flags & LEKH_HTML_EXPORT_UNSAFE)
    options |= CMARK_OPT_UNSAFE;
  return options;
}

/* Renders DOC (parsed with OPTIONS) as the page's body, and frees it. */
static char *
render_body (cmark_node          *doc,
             int                  options,
             LekhHtmlExportFlags  flags)
{
  char *cmark_html, *html;

  if (!(flags & LEKH_HTML_EXPORT_NO_HEADING_IDS))
    add_heading_ids (doc, options);
  cmark_html = lekh_markdown_render_html (doc, options | CMARK_OPT_FOOTNOTES);
  html = g_strdup (cmark_html);
  free (cmark_html);
  cmark_node_free (doc);
  return html;
}

char *
lekh_html_render_body (const char          *text,
                       gssize               len,
                       LekhHtmlExportFlags  flags)
{
  int options = parse_options (flags);

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = (gssize) strlen (text);
  return render_body (lekh_markdown_parse (text, (gsize) len, options), options, flags);
}

/* Long because the page is written top to bottom in one GString: the language (given or
 * detected from the title, description and text), the head with its meta and Open Graph
 * tags, then the post's header (title unless the body starts with one, description,
 * byline, tags, image) before the body. The head and the post's header could each be a
 * function taking the meta; that split is worth making when the core is next changed. */
char *
lekh_html_export (const LekhArticle   *article,
                  LekhHtmlExportFlags  flags)
{
  g_autoptr(LekhArticleMeta) meta = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) sample = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *authors = NULL;
  g_autofree char *html = NULL;
  const char *body, *lang;
  gsize body_len;
  cmark_node *doc, *first;
  gboolean body_has_title;
  int options = parse_options (flags);

  g_return_val_if_fail (article != NULL, NULL);

  meta = lekh_article_meta_new (article);
  body = lekh_article_get_body (article, &body_len);
  doc = lekh_markdown_parse (body, body_len, options);

  first = cmark_node_first_child (doc);
  body_has_title = first != NULL && cmark_node_get_type (first) == CMARK_NODE_HEADING
                   && cmark_node_get_heading_level (first) == 1;
  if (meta->title != NULL)
    title = g_strdup (meta->title);
  else if (body_has_title)
    title = heading_text (first);

  lang = meta->lang;
  if (lang == NULL)
    {
      if (title != NULL)
        g_string_append_printf (sample, "%s ", title);
      if (meta->description != NULL)
        g_string_append_printf (sample, "%s ", meta->description);
      collect_text (doc, sample);
      lang = lekh_detect_language (sample->str, (gssize) sample->len);
    }

  g_string_append (out, "<!DOCTYPE html>\n<html");
  if (lang != NULL)
    {
      g_string_append (out, " lang=\"");
      lekh_html_append_escaped (out, lang, -1);
      g_string_append (out, "\"");
      if (lekh_language_is_rtl (lang))
        g_string_append (out, " dir=\"rtl\"");
    }
  g_string_append (out, ">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  g_string_append (out, "<title>");
  lekh_html_append_escaped (out, title != NULL ? title : "", -1);
  g_string_append (out, "</title>\n");

  keywords = meta->keywords[0] != NULL ? g_strjoinv (", ", meta->keywords) : NULL;
  authors = meta->authors[0] != NULL ? g_strjoinv (", ", meta->authors) : NULL;
  append_meta (out, "name", "description", meta->description);
  append_meta (out, "name", "keywords", keywords);
  append_meta (out, "name", "author", authors);
  append_meta (out, "name", "generator", "Lekh " PACKAGE_VERSION);
  append_meta (out, "property", "og:type", "article");
  append_meta (out, "property", "og:title", title);
  append_meta (out, "property", "og:description", meta->description);
  if (meta->image != NULL && is_safe_image_url (meta->image))
    append_meta (out, "property", "og:image", meta->image);
  if (lang != NULL && meta->lang != NULL)
    append_meta (out, "property", "og:locale", lang);
  append_meta (out, "property", "article:published_time", meta->date);
  for (guint i = 0; meta->authors[i] != NULL; i++)
    append_meta (out, "property", "article:author", meta->authors[i]);
  for (guint i = 0; meta->tags[i] != NULL; i++)
    append_meta (out, "property", "article:tag", meta->tags[i]);
  g_string_append_printf (out, "<style>\n%s</style>\n</head>\n<body>\n<article>\n", stylesheet);

  if ((title != NULL && !body_has_title) || meta->description != NULL || authors != NULL
      || meta->date != NULL || meta->tags[0] != NULL || meta->image != NULL)
    {
      g_string_append (out, "<header class=\"post\">\n");
      if (title != NULL && !body_has_title)
        {
          g_string_append (out, "<h1>");
          lekh_html_append_escaped (out, title, -1);
          g_string_append (out, "</h1>\n");
        }
      if (meta->description != NULL)
        {
          g_string_append (out, "<p class=\"description\">");
          lekh_html_append_escaped (out, meta->description, -1);
          g_string_append (out, "</p>\n");
        }
      if (authors != NULL || meta->date != NULL)
        {
          g_string_append (out, "<p class=\"byline\">");
          lekh_html_append_escaped (out, authors, -1);
          if (authors != NULL && meta->date != NULL)
            g_string_append (out, " · ");
          if (meta->date != NULL)
            {
              g_string_append (out, "<time datetime=\"");
              lekh_html_append_escaped (out, meta->date, -1);
              g_string_append (out, "\">");
              lekh_html_append_escaped (out, meta->date, -1);
              g_string_append (out, "</time>");
            }
          g_string_append (out, "</p>\n");
        }
      if (meta->tags[0] != NULL)
        {
          g_string_append (out, "<ul class=\"tags\">");
          for (guint i = 0; meta->tags[i] != NULL; i++)
            {
              g_string_append (out, "<li>");
              lekh_html_append_escaped (out, meta->tags[i], -1);
              g_string_append (out, "</li>");
            }
          g_string_append (out, "</ul>\n");
        }
      if (meta->image != NULL && is_safe_image_url (meta->image))
        {
          g_string_append (out, "<img class=\"cover\" src=\"");
          lekh_html_append_escaped (out, meta->image, -1);
          g_string_append (out, "\" alt=\"");
          lekh_html_append_escaped (out, meta->image_alt != NULL ? meta->image_alt : "", -1);
          g_string_append (out, "\">\n");
        }
      g_string_append (out, "</header>\n");
    }

  html = render_body (doc, options, flags);
  g_string_append (out, html);
  g_string_append (out, "</article>\n</body>\n</html>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
