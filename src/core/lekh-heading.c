/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "lekh-heading.h"
#include "lekh-text.h"

struct _LekhSlugger
{
  GHashTable *seen;     /* slug → how many headings had it */
};

LekhSlugger *
lekh_slugger_new (void)
{
  LekhSlugger *self = g_new0 (LekhSlugger, 1);

  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
lekh_slugger_free (LekhSlugger *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->seen);
  g_free (self);
}

/* Where an explicit id "{#id}" at the end of TEXT (of length LEN) opens, or NULL. */
static const char *
explicit_id (const char *text,
             gsize       len)
{
  const char *open;

  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  if (len < 4 || text[len - 1] != '}')
    return NULL;
  open = g_strrstr_len (text, (gssize) len, "{#");
  if (open == NULL || open + 2 >= text + len - 1)
    return NULL;
  for (const char *p = open + 2; p < text + len - 1; p++)
    if (*p == ' ' || *p == '{' || *p == '}')
      return NULL;
  return open;
}

char *
lekh_slugger_next (LekhSlugger *self,
                   const char  *text)
{
  g_autofree char *base = NULL;
  const char *open;
  gsize len;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  open = explicit_id (text, len);
  if (open != NULL)
    {
      const char *end = strrchr (open, '}');

      return g_strndup (open + 2, (gsize) (end - (open + 2)));
    }

  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    base = lekh_text_slugify (stripped);
  }
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->seen, base));
  g_hash_table_replace (self->seen, g_strdup (base), GUINT_TO_POINTER (n + 1));
  return n == 0 ? g_steal_pointer (&base) : g_strdup_printf ("%s-%u", base, n);
}

char *
lekh_heading_dup_text (cmark_node *heading)
{
  GString *text = g_string_new (NULL);
  cmark_iter *iter;
  cmark_event_type event;

  g_return_val_if_fail (heading != NULL, NULL);

  iter = cmark_iter_new (heading);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (text, cmark_node_get_literal (node));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (text, ' ');
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
  return g_string_free (text, FALSE);
}

gsize
lekh_heading_text_length (const char *text)
{
  gsize len;
  const char *open;

  g_return_val_if_fail (text != NULL, 0);

  len = strlen (text);
  open = explicit_id (text, len);
  if (open == NULL)
    return len;
  len = (gsize) (open - text);
  while (len > 0 && text[len - 1] == ' ')
    len--;
  return len;
}

void
lekh_heading_strip_explicit_id (cmark_node *heading)
{
  cmark_node *last;
  const char *literal;
  gsize keep;

  g_return_if_fail (heading != NULL);

  last = cmark_node_last_child (heading);
  if (last == NULL || cmark_node_get_type (last) != CMARK_NODE_TEXT)
    return;
  literal = cmark_node_get_literal (last);
  keep = lekh_heading_text_length (literal);
  if (keep < strlen (literal))
    {
      g_autofree char *kept = g_strndup (literal, keep);

      cmark_node_set_literal (last, kept);
    }
}
