/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-editor.h"
#include "lekh-spell-checker.h"

G_BEGIN_DECLS

struct _LekhEditor
{
  GtkWidget                parent_instance;

  LekhDocument            *document;
  GSettings               *settings;
  GSettings               *interface_settings;
  GtkCssProvider          *font_css;
  char                    *font_css_text;
  GtkSourceSearchSettings *search_settings;
  GtkSourceSearchContext  *search_context;

  GtkWidget               *box;
  GtkWidget               *search_bar;
  GtkWidget               *search_entry;
  GtkWidget               *search_count;
  GtkWidget               *scroller;
  GtkWidget               *view;
  LekhSpellChecker        *spell;
  GtkWidget               *empty_page;
  GtkWidget               *goto_popover;
  GtkWidget               *goto_entry;

  int                      margin;
  guint                    margin_idle;
  guint                    focus_mode : 1;
};

/* lekh-editor-writing.c: the writing keys (bold, italic, code, link, headings, lists,
 * Go to Line) on the editor's view. */
void _lekh_editor_class_writing_init (GtkWidgetClass *widget_class);
void _lekh_editor_writing_init       (LekhEditor     *self);
void _lekh_editor_update_empty_state (LekhEditor     *self);
/* lekh-editor-images.c: images dropped or pasted into the view. */
void _lekh_editor_images_init        (LekhEditor     *self);

G_END_DECLS
