/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-diagnostics.h"
#include "lekh-problems-list.h"
#include "lekh-site-controller.h"
#include "lekh-validator.h"
#include "lekh-window.h"

G_BEGIN_DECLS

/* The form fields that show their problems (lekh-window-diagnostics.c). */
#define LEKH_WINDOW_N_FIELD_MARKS 8

typedef struct
{
  const char *key;       /* NULL when the form has no field for it */
  char       *message;   /* shown on the field, or NULL */
} LekhWindowFieldMark;

struct _LekhWindow
{
  AdwApplicationWindow  parent_instance;

  LekhDocument         *document;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  GtkWidget            *close_dialog;
  GtkWidget            *preview;

  /* Template children */
  GMenu                *file_section;
  GtkWidget            *header_bar;
  GtkWidget            *window_title;
  GtkWidget            *sidebar_button;
  GtkWidget            *preview_button;
  GtkWidget            *save_button;
  GtkWidget            *changed_bar;
  GtkWidget            *changed_label;
  GtkWidget            *toast_overlay;
  GtkWidget            *flap;
  GtkWidget            *fold_bin;
  GtkWidget            *content_paned;
  GtkWidget            *metadata_panel;
  GtkWidget            *editor;
  GtkWidget            *preview_slot;
  GtkWidget            *format_label;
  GtkWidget            *words_label;
  GtkWidget            *position_label;

  /* lekh-window-layout.c */
  GtkWidget            *status_bar;
  GtkWidget            *open_button;
  GtkWidget            *keep_button;
  char                 *save_label;
  guint                 folded_idle;
  guint                 focus_mode : 1;
  guint                 narrow_preview : 1;

  /* lekh-window-diagnostics.c */
  LekhValidator        *validator;
  LekhSiteController   *site;
  LekhDiagnostics      *diagnostics;
  GtkWidget            *problems;
  GtkWidget            *status_button;
  GtkWidget            *status_icon;
  GtkWidget            *status_label;
  GtkWidget            *permalink_group;
  GtkWidget            *permalink_row;
  char                 *permalink;
  LekhWindowFieldMark   fields[LEKH_WINDOW_N_FIELD_MARKS];

  /* lekh-window-preview-guard.c */
  GtkWidget            *preview_notice;
  guint                 preview_paused : 1;

  /* lekh-window-site.c */
  GtkWidget            *site_button;

  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
};

/* lekh-window-layout.c: the form as a side panel or (narrow) an overlay, one pane at a
 * time when source and preview do not fit side by side, focus mode, fullscreen. */
void _lekh_window_class_layout_init (GtkWidgetClass *widget_class);
void _lekh_window_layout_init       (LekhWindow     *self);
void _lekh_window_update_panes      (LekhWindow     *self);
void _lekh_window_layout_dispose    (LekhWindow     *self);

/* lekh-window-diagnostics.c: validation and site awareness: the diagnostics of the document
 * (underlines, tooltips, Ctrl+. quick fix, a context-menu item), the problems list and the
 * permalink in the side panel, error states, messages and counters on the form's fields,
 * the status button in the header bar (win.show-problems), suggestions from the site in the
 * chip editors. */
void _lekh_window_class_diagnostics_init (GtkWidgetClass *widget_class);
void _lekh_window_diagnostics_init       (LekhWindow     *self);
void _lekh_window_diagnostics_dispose    (LekhWindow     *self);

/* lekh-window-preview-guard.c: before a file loads, a very large article would have the
 * live preview render all of it at once and block typing for many seconds, so the preview
 * is paused and the page in its place says why, with win.show-preview-anyway. A
 * normal-sized file brings the live preview back. */
#define LEKH_WINDOW_PREVIEW_GUARD_LIMIT (8 * 1024 * 1024)
void     _lekh_window_class_preview_guard_init (GtkWidgetClass *widget_class);
gboolean _lekh_window_preview_guard_check      (LekhWindow     *self,
                                                GFile          *file);

/* lekh-window-site.c: the site overview from an article's window: the header-bar button
 * and win.show-site (Ctrl+Shift+O), shown only while the article belongs to a Docusaurus,
 * Hugo or Jekyll site. */
void _lekh_window_site_init (LekhWindow *self);

/* For tests: the parts' state, read back. */
LekhDiagnostics    *lekh_window_get_diagnostics          (LekhWindow *self);
LekhSiteController *lekh_window_get_site_controller      (LekhWindow *self);
LekhProblemsList   *lekh_window_get_problems_list        (LekhWindow *self);
/* The header bar's "No problems" / "N warnings" / "N errors" button. */
GtkWidget          *lekh_window_get_diagnostics_status   (LekhWindow *self);
/* The permalink shown in the panel, or NULL when hidden. */
const char         *lekh_window_get_permalink            (LekhWindow *self);
/* The message shown below (or, for one-line rows, on) a form field, or NULL. */
const char         *lekh_window_get_field_message        (LekhWindow *self,
                                                          const char *key);
/* The live counter of the title or description ("72 / 60"), or NULL when hidden. */
const char         *lekh_window_get_field_counter        (LekhWindow *self,
                                                          const char *key);
/* Whether the live preview is paused for a very large article. */
gboolean            lekh_window_get_preview_paused       (LekhWindow *self);

G_END_DECLS
