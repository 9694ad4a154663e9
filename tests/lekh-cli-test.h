/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Running the real `lekh` executable (LEKH_EXE, set by meson) from the command-line test
 * programs: its exit status and everything it printed. */

#include <glib.h>
#include <sys/wait.h>

typedef struct
{
  int   status;    /* the exit status, or 128 + the signal that ended it */
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs `lekh FIRST ARGS…` in CWD (FIRST may be NULL), SETUP in the child before exec. */
static inline void
lekh_test_run (Run                  *run,
               const char           *cwd,
               GSpawnChildSetupFunc  setup,
               const char           *first,
               const char * const   *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("LEKH_EXE");
  int wait_status;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  if (first != NULL)
    g_ptr_array_add (argv, (char *) first);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, setup, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128 + WTERMSIG (wait_status);
}
