/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helper of gfm-spec.py: renders Markdown documents with lekh_html_render_body(), the
 * body renderer of `lekh render`. Reads from standard input, and writes, any number of
 * records "LENGTH\n" followed by LENGTH bytes; FLAGS (argv[1]) are LekhHtmlExportFlags. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lekh-html-export.h"

int
main (int   argc,
      char *argv[])
{
  LekhHtmlExportFlags flags = argc > 1 ? (LekhHtmlExportFlags) atoi (argv[1]) : 0;
  unsigned long len;

  while (scanf ("%lu", &len) == 1 && getchar () == '\n')
    {
      g_autofree char *text = g_malloc (len + 1);
      g_autofree char *html = NULL;

      if (fread (text, 1, len, stdin) != len)
        return 1;
      text[len] = '\0';
      html = lekh_html_render_body (text, (gssize) len, flags);
      printf ("%zu\n", strlen (html));
      fwrite (html, 1, strlen (html), stdout);
      fflush (stdout);
    }
  return 0;
}
