/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <cmark-gfm-extension_api.h>

#include "lekh-markdown.h"

static const char * const extension_names[] = {
  "table", "strikethrough", "autolink", "tasklist",
};

/* The extensions in a list for cmark_render_html(), tagfilter last; built once. */
static cmark_llist *
render_extensions (void)
{
  static cmark_llist *list;

  if (g_once_init_enter (&list))
    {
      cmark_mem *mem = cmark_get_default_mem_allocator ();
      cmark_llist *built = NULL;

      cmark_gfm_core_extensions_ensure_registered ();
      for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
        built = cmark_llist_append (mem, built, cmark_find_syntax_extension (extension_names[i]));
      built = cmark_llist_append (mem, built, cmark_find_syntax_extension ("tagfilter"));
      g_once_init_leave (&list, built);
    }
  return list;
}

cmark_parser *
lekh_markdown_parser_new (int options)
{
  cmark_parser *parser;

  render_extensions ();
  parser = cmark_parser_new (options | CMARK_OPT_FOOTNOTES);
  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    cmark_parser_attach_syntax_extension (parser,
                                          cmark_find_syntax_extension (extension_names[i]));
  return parser;
}

cmark_node *
lekh_markdown_parse (const char *text,
                     gsize       len,
                     int         options)
{
  cmark_parser *parser;
  cmark_node *doc;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  parser = lekh_markdown_parser_new (options);
  cmark_parser_feed (parser, text != NULL ? text : "", len);
  doc = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  return doc;
}

char *
lekh_markdown_render_html (cmark_node *root,
                           int         options)
{
  g_return_val_if_fail (root != NULL, NULL);

  return cmark_render_html (root, options, render_extensions ());
}

gboolean
lekh_markdown_is_task_item (cmark_node *node)
{
  const char *type;

  g_return_val_if_fail (node != NULL, FALSE);

  if (cmark_node_get_type (node) != CMARK_NODE_ITEM)
    return FALSE;
  type = cmark_node_get_type_string (node);
  return type != NULL && strcmp (type, "tasklist") == 0;
}

gboolean
lekh_markdown_task_is_checked (cmark_node *node)
{
  g_return_val_if_fail (node != NULL, FALSE);

  return lekh_markdown_is_task_item (node) && cmark_gfm_extensions_get_tasklist_item_checked (node);
}
