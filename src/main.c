/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lekh-cli.h"
#ifdef LEKH_WITH_UI
# include "lekh-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LEKH_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* LEKH_LOCALEDIR: the build tree's translations, for `build-aux/dev.sh run`. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands run without a display and never initialise GTK. */
  if (argc > 1 && lekh_cli_is_command (argv[1]))
    return lekh_cli_main (argc, argv);

#ifdef LEKH_WITH_UI
  {
    g_autoptr(LekhApplication) app = lekh_application_new ();
    g_autofree char *usage = lekh_cli_dup_usage ();

    g_application_set_option_context_parameter_string (G_APPLICATION (app), _("[FILE…]"));
    g_application_set_option_context_description (G_APPLICATION (app), usage);
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  if (argc > 1 && (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0))
    {
      g_autofree char *usage = lekh_cli_dup_usage ();
      g_print ("%s\n", usage);
      return 0;
    }
  g_printerr (_("This build of Lekh has no window; use a subcommand (check, get, set, unset, render, list, replace, new).\n"));
  return 2;
#endif
}
