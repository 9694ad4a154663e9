/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "lekh-cli.h"

/* `lekh` is the command line: core and GLib only, no GTK. Its subcommands (check, get, set,
 * …) run here; anything else opens the window, which is another program (lekh-editor, see
 * src/editor-main.c) started with the same arguments in this same process (execv), so the
 * desktop file, the Flatpak's command and scripts keep running `lekh`.
 *
 * Why two programs: a program linked with GTK, libadwaita, GtkSourceView and enchant has the
 * dynamic loader map and relocate some 80 libraries before main() runs, ~20% of the CPU time
 * of `lekh check` over a real site (bench/check) even though the check never touches GTK.
 * Loading them lazily (dlopen) would tie every ui/ file to a plugin boundary; exec'ing the
 * window's program costs the window one small exec instead. */

#ifdef LEKH_EDITOR_NAME
/* The window's program: beside this one when it sits there (the build tree, _build/src/),
 * else where it is installed (libexecdir). */
static char *
find_editor (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, LEKH_EDITOR_NAME, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE) &&
          !g_file_test (beside, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (LEKH_LIBEXECDIR, LEKH_EDITOR_NAME, NULL);
}
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

  /* Subcommands run without a display and never load GTK. */
  if (argc > 1 && lekh_cli_is_command (argv[1]))
    return lekh_cli_main (argc, argv);

#ifdef LEKH_EDITOR_NAME
  {
    g_autofree char *editor = find_editor ();
    int saved;

    /* argv[0] stays as given: the window's program names itself "lekh" in any case. */
    execv (editor, argv);
    saved = errno;
    g_printerr (_("lekh: cannot start the editor “%s”: %s\n"), editor, g_strerror (saved));
    g_printerr (_("Commands that need no window still work: see “lekh --help”.\n"));
    return 127;
  }
#else
  g_printerr (_("This build of Lekh has no window; use a subcommand (check, get, set, unset, render, list, replace, new).\n"));
  return 2;
#endif
}
