/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lekh-application.h"
#include "lekh-cli.h"

/* The window's program, lekh-editor. `lekh` (src/main.c) runs the subcommands itself and
 * starts this program, with the same arguments, for everything else; see there for why. */
int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LEKH_LOCALEDIR");
  g_autoptr(LekhApplication) app = NULL;
  g_autofree char *usage = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Run directly or through `lekh`, it is Lekh: "Usage: lekh [OPTION…]" in --help-all. */
  g_set_prgname ("lekh");

  /* Started directly with a subcommand (not the usual way), it still does the right thing. */
  if (argc > 1 && lekh_cli_is_command (argv[1]))
    return lekh_cli_main (argc, argv);

  app = lekh_application_new ();
  usage = lekh_cli_dup_usage ();
  g_application_set_option_context_parameter_string (G_APPLICATION (app), _("[FILE…]"));
  g_application_set_option_context_description (G_APPLICATION (app), usage);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
