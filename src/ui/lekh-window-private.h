/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-window.h"

G_BEGIN_DECLS

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

  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
};

/* lekh-window-layout.c: the form as a side panel or (narrow) an overlay, one pane at a
 * time when source and preview do not fit side by side, focus mode, fullscreen. */
void _lekh_window_class_layout_init (GtkWidgetClass *widget_class);
void _lekh_window_layout_init       (LekhWindow     *self);
void _lekh_window_update_panes      (LekhWindow     *self);
void _lekh_window_layout_dispose    (LekhWindow     *self);

G_END_DECLS
