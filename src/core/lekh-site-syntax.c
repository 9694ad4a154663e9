/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lekh-site-syntax.h"

#define KIND_BITS 3
#define DEPTH_BITS 5

guint
lekh_callout_context_depth (LekhCalloutContext context)
{
  return context & ((1u << DEPTH_BITS) - 1);
}

LekhCalloutKind
lekh_callout_context_innermost (LekhCalloutContext context)
{
  if (lekh_callout_context_depth (context) == 0)
    return LEKH_CALLOUT_NONE;
  return (LekhCalloutKind) ((context >> DEPTH_BITS) & ((1u << KIND_BITS) - 1));
}

LekhCalloutContext
lekh_callout_context_push (LekhCalloutContext context,
                          LekhCalloutKind    kind)
{
  guint depth = lekh_callout_context_depth (context);
  guint32 kinds = context >> DEPTH_BITS;

  if (depth + 1 >= (1u << DEPTH_BITS))
    return context;
  kinds = (kinds << KIND_BITS) & ((1u << (KIND_BITS * LEKH_CALLOUT_MAX_DEPTH)) - 1);
  return ((kinds | (guint32) kind) << DEPTH_BITS) | (depth + 1);
}

LekhCalloutContext
lekh_callout_context_pop (LekhCalloutContext context)
{
  guint depth = lekh_callout_context_depth (context);

  if (depth == 0)
    return 0;
  /* Kinds deeper than LEKH_CALLOUT_MAX_DEPTH are forgotten: they come back as notes. */
  return (((context >> DEPTH_BITS) >> KIND_BITS) << DEPTH_BITS)
         | (depth - 1)
         | (depth - 1 >= LEKH_CALLOUT_MAX_DEPTH ? (guint32) LEKH_CALLOUT_NOTE << (DEPTH_BITS + KIND_BITS * (LEKH_CALLOUT_MAX_DEPTH - 1)) : 0);
}

const char *
lekh_callout_kind_to_string (LekhCalloutKind kind)
{
  static const char * const names[] = {
    "none", "note", "tip", "info", "warning", "danger", "caution", "component",
  };

  return (guint) kind < G_N_ELEMENTS (names) ? names[kind] : "none";
}

gboolean
lekh_site_syntax_admonition (const char       *line,
                             gsize             len,
                             LekhCalloutKind  *kind,
                             char            **title)
{
  static const struct { const char *name; LekhCalloutKind kind; } keywords[] = {
    { "note", LEKH_CALLOUT_NOTE }, { "tip", LEKH_CALLOUT_TIP }, { "info", LEKH_CALLOUT_INFO },
    { "warning", LEKH_CALLOUT_WARNING }, { "danger", LEKH_CALLOUT_DANGER },
    { "caution", LEKH_CALLOUT_CAUTION },
    /* Docusaurus's aliases */
    { "important", LEKH_CALLOUT_INFO }, { "success", LEKH_CALLOUT_TIP },
    { "secondary", LEKH_CALLOUT_NOTE },
  };
  const char *p = line, *end = line + len, *word;
  guint colons = 0;

  g_return_val_if_fail (line != NULL || len == 0, FALSE);

  *kind = LEKH_CALLOUT_NONE;
  if (title != NULL)
    *title = NULL;
  while (p < end && *p == ' ' && p - line < 3)
    p++;
  while (p < end && *p == ':')
    p++, colons++;
  if (colons < 3)
    return FALSE;
  word = p;
  while (p < end && g_ascii_isalpha (*p))
    p++;
  if (p == word)
    {
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      return p == end;            /* a closing fence */
    }
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if ((gsize) (p - word) == strlen (keywords[i].name)
        && g_ascii_strncasecmp (word, keywords[i].name, (gsize) (p - word)) == 0)
      *kind = keywords[i].kind;
  if (*kind == LEKH_CALLOUT_NONE)
    return FALSE;
  if (p < end && *p != ' ' && *p != '\t' && *p != '[' && *p != '{')
    {
      *kind = LEKH_CALLOUT_NONE;
      return FALSE;
    }
  if (title != NULL)
    {
      g_autofree char *rest = g_strstrip (g_strndup (p, (gsize) (end - p)));
      gsize n = strlen (rest);

      if (n >= 2 && rest[0] == '[' && rest[n - 1] == ']')
        {
          memmove (rest, rest + 1, n - 2);
          rest[n - 2] = '\0';
        }
      if (rest[0] != '\0' && rest[0] != '{')
        *title = g_steal_pointer (&rest);
    }
  return TRUE;
}

gboolean
lekh_site_syntax_jsx_tag (const char  *line,
                          gsize        len,
                          char       **label,
                          gboolean    *closing,
                          gboolean    *self_closing)
{
  const char *p = line, *end = line + len, *name;
  g_autofree char *inside = NULL;

  *label = NULL;
  *closing = FALSE;
  *self_closing = FALSE;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (end - p < 3 || *p != '<' || end[-1] != '>')
    return FALSE;
  p++;
  if (*p == '/')
    {
      *closing = TRUE;
      p++;
    }
  name = p;
  if (!g_ascii_isupper (*p))
    return FALSE;
  while (p < end && (g_ascii_isalnum (*p) || *p == '.' || *p == '_'))
    p++;
  if (p < end - 1 && *p != ' ' && *p != '\t' && *p != '/' && *p != '>')
    return FALSE;
  /* One tag: no other "<" in it. */
  if (memchr (p, '<', (gsize) (end - p)) != NULL)
    return FALSE;
  *self_closing = !*closing && end - name >= 2 && end[-2] == '/';
  inside = g_strndup (name, (gsize) (end - 1 - (*self_closing ? 1 : 0) - name));
  *label = g_strstrip (g_steal_pointer (&inside));
  return TRUE;
}

gboolean
lekh_site_syntax_is_esm (const char *text,
                         gsize       len)
{
  static const char * const exported[] = {
    "const ", "let ", "var ", "function ", "async ", "class ", "default ", "{", "*",
  };
  g_autofree char *line = NULL;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  /* Statements, not prose that begins with the word: "import X from '…'", "import '…'",
   * "export const …". */
  line = g_strndup (text, strcspn (text, "\n") < len ? strcspn (text, "\n") : len);
  if (g_str_has_prefix (line, "import "))
    return strstr (line, " from ") != NULL || line[7] == '\'' || line[7] == '"';
  if (g_str_has_prefix (line, "export "))
    for (guint i = 0; i < G_N_ELEMENTS (exported); i++)
      if (g_str_has_prefix (line + 7, exported[i]))
        return TRUE;
  return FALSE;
}

char *
lekh_site_syntax_file_name_date (const char *path)
{
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  if (g_str_has_prefix (name, "index."))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      g_free (name);
      name = g_path_get_basename (folder);
    }
  if (strlen (name) < 10 || sscanf (name, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_ascii_isdigit (name[0]) || name[4] != '-' || name[7] != '-'
      || (name[10] != '\0' && name[10] != '-' && name[10] != '.' && name[10] != '_'))
    return NULL;
  date = g_date_time_new_utc (y, m, d, 0, 0, 0);
  return date != NULL ? g_strndup (name, 10) : NULL;
}

gsize
lekh_site_syntax_inline (const char  *text,
                         gsize        len,
                         char       **label)
{
  const char *close = NULL, *inner = NULL;
  gsize close_len = 3;

  *label = NULL;
  if (len < 4 || text[0] != '{')
    return 0;
  if (text[1] == '/' && text[2] == '*')
    {
      for (const char *p = text + 3; p + 3 <= text + len; p++)
        if (p[0] == '*' && p[1] == '/' && p[2] == '}')
          return (gsize) (p + 3 - text);
      return 0;
    }
  if (len >= 6 && text[1] == '{' && (text[2] == '<' || text[2] == '%'))
    {
      char closing[4] = { text[2] == '<' ? '>' : '%', '}', '}', '\0' };

      inner = text + 3;
      close = g_strstr_len (inner, (gssize) (len - 3), closing);
    }
  else if (text[1] == '%')
    {
      inner = text + 2;
      close = g_strstr_len (inner, (gssize) (len - 2), "%}");
      close_len = 2;
    }
  if (close == NULL || memchr (inner, '\n', (gsize) (close - inner)) != NULL)
    return 0;
  *label = g_strstrip (g_strndup (inner, (gsize) (close - inner)));
  if (**label == '\0')
    {
      g_clear_pointer (label, g_free);
      return 0;
    }
  return (gsize) (close + close_len - text);
}
