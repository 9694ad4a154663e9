/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtksourceview/gtksource.h>

#include "lekh-application.h"
#include "lekh-window.h"

struct _LekhApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (LekhApplication, lekh_application, ADW_TYPE_APPLICATION)

static void
lekh_application_activate (GApplication *app)
{
  LekhWindow *window = lekh_window_new (LEKH_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
}

static void
lekh_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      LekhWindow *window = lekh_window_new (LEKH_APPLICATION (app));

      lekh_window_load_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
lekh_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (lekh_application_parent_class)->startup (app);
  gtk_source_init ();
}

static void
lekh_application_class_init (LekhApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = lekh_application_activate;
  app_class->open = lekh_application_open;
  app_class->startup = lekh_application_startup;
}

static void
lekh_application_init (LekhApplication *self)
{
}

LekhApplication *
lekh_application_new (void)
{
  return g_object_new (LEKH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}
