/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lekh-article.h"
#include "lekh-file.h"
#include "lekh-html-export.h"
#include "lekh-cli-render.h"

#define RENDER_USAGE N_("lekh render FILE [-o OUT.html] [--unsafe]")

static int
render_usage (const char *message)
{
  if (message != NULL)
    g_printerr ("lekh render: %s\n", message);
  g_printerr (_("Usage: %s\n"), _(RENDER_USAGE));
  return 2;
}

/* Reads the command line into @input, @output and @unsafe. Returns -1 to go on
 * rendering, or the exit status when --help was asked for or the line is wrong. */
static int
parse_arguments (int           argc,
                 char        **argv,
                 const char  **input,
                 const char  **output,
                 gboolean     *unsafe)
{
  gboolean options_done = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (!options_done && strcmp (arg, "--") == 0)
        options_done = TRUE;
      else if (!options_done && (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0))
        {
          g_print (_("Usage: %s\n"), _(RENDER_USAGE));
          g_print ("%s\n", _("Writes the article as a standalone HTML page. Raw HTML in the "
                             "article is left out unless --unsafe is given."));
          return 0;
        }
      else if (!options_done && strcmp (arg, "--unsafe") == 0)
        *unsafe = TRUE;
      else if (!options_done && (strcmp (arg, "-o") == 0 || strcmp (arg, "--output") == 0))
        {
          if (i + 1 >= argc)
            return render_usage (_("-o needs a file name"));
          *output = argv[++i];
        }
      else if (!options_done && g_str_has_prefix (arg, "--output="))
        *output = arg + strlen ("--output=");
      else if (!options_done && arg[0] == '-' && arg[1] != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("unknown option “%s”"), arg);
          return render_usage (message);
        }
      else if (*input == NULL)
        *input = arg;
      else
        return render_usage (_("too many arguments"));
    }
  if (*input == NULL)
    return render_usage (_("no file given"));
  if (*output != NULL && **output == '\0')
    return render_usage (_("-o needs a file name"));
  return -1;
}

/* Writes @html to @output, or to standard output when @output is NULL or "-".
 * Returns the exit status. */
static int
write_html (const char *output,
            const char *html)
{
  g_autoptr(GError) error = NULL;

  if (output == NULL || strcmp (output, "-") == 0)
    {
      if (fputs (html, stdout) == EOF || fflush (stdout) != 0)
        {
          g_printerr (_("lekh render: cannot write to standard output\n"));
          return 2;
        }
      return 0;
    }
  if (!lekh_file_write_atomic (output, html, strlen (html), &error))
    {
      g_printerr (_("%s: error: %s\n"), output, error->message);
      return 2;
    }
  return 0;
}

int
lekh_cli_render (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LekhArticle) article = NULL;
  g_autofree char *html = NULL;
  const char *input = NULL;
  const char *output = NULL;
  gboolean unsafe = FALSE;
  int status;

  status = parse_arguments (argc, argv, &input, &output, &unsafe);
  if (status >= 0)
    return status;

  /* Read, not mapped: a pipe is refused instead of waited on, and a file truncated by
   * another program meanwhile cannot crash the command (SIGBUS). */
  bytes = lekh_file_read (input, NULL, &error);
  if (bytes == NULL)
    {
      g_printerr (_("%s: error: %s\n"), input, error->message);
      return 2;
    }
  article = lekh_article_new_from_bytes (bytes);
  if (lekh_article_get_error (article) != NULL)
    {
      g_printerr (_("%s:%u:%u: error: %s\n"), input,
                  lekh_article_get_error_line (article),
                  lekh_article_get_error_column (article),
                  lekh_article_get_error (article)->message);
      return 2;
    }

  html = lekh_html_export (article, unsafe ? LEKH_HTML_EXPORT_UNSAFE : LEKH_HTML_EXPORT_DEFAULT);

  return write_html (output, html);
}
