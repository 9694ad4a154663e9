/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-editor-private.h"


G_DEFINE_FINAL_TYPE (LekhEditor, lekh_editor, GTK_TYPE_WIDGET)

static void
update_busy (LekhEditor *self)
{
  /* GtkSourceFileLoader/Saver stream the buffer: no typing while they run. */
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view),
                              !lekh_document_get_busy (self->document));
}

static void
update_scheme (LekhEditor *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style) ? "Adwaita-dark" : "Adwaita";

  if (self->document != NULL)
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (self->document),
                                        gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

/* Proportional by default: Noto Sans has a Latin and a Devanagari face of one design, so
 * Hindi and English prose sit well together; Cantarell is GNOME's fallback. */
#define PROPORTIONAL_FONT "Noto Sans, Noto Sans Devanagari, Cantarell, sans-serif 12"

static void
update_font (LekhEditor *self)
{
  g_autofree char *name = NULL;
  g_autoptr(PangoFontDescription) desc = NULL;
  g_autoptr(GString) css = g_string_new ("textview.lekh-source {");
  PangoFontMask mask;
  int kind = g_settings_get_enum (self->settings, "font-kind");

  if (kind == 0)
    name = g_strdup (PROPORTIONAL_FONT);
  else if (kind == 1 && self->interface_settings != NULL)
    name = g_settings_get_string (self->interface_settings, "monospace-font-name");
  else if (kind == 2)
    name = g_settings_get_string (self->settings, "custom-font");
  if (name == NULL || name[0] == '\0')
    {
      g_free (name);
      name = g_strdup ("Monospace 11");
    }
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (self->view), kind == 1);

  desc = pango_font_description_from_string (name);
  mask = pango_font_description_get_set_fields (desc);
  if (mask & PANGO_FONT_MASK_FAMILY)
    {
      g_auto(GStrv) families = g_strsplit (pango_font_description_get_family (desc), ",", -1);

      g_string_append (css, "font-family:");
      for (guint i = 0; families[i] != NULL; i++)
        {
          const char *family = g_strstrip (families[i]);
          gboolean generic = g_str_equal (family, "sans-serif") || g_str_equal (family, "serif") ||
                             g_str_equal (family, "monospace");

          g_string_append_printf (css, "%s%s%s%s", i > 0 ? ", " : " ", generic ? "" : "\"",
                                  family, generic ? "" : "\"");
        }
      g_string_append (css, ";");
    }
  {
    /* Zoom (Ctrl+plus, Ctrl+minus, Ctrl+0) scales the font's size. */
    double size = (mask & PANGO_FONT_MASK_SIZE) ? pango_font_description_get_size (desc) / (double) PANGO_SCALE
                                                : 11.0;
    char number[G_ASCII_DTOSTR_BUF_SIZE];

    size *= g_settings_get_double (self->settings, "font-scale");
    g_string_append_printf (css, "font-size: %spt;",
                            g_ascii_formatd (number, sizeof number, "%.1f", size));
  }
  if (mask & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, "font-weight: %d;", pango_font_description_get_weight (desc));
  g_string_append (css, "}");

  /* Reloading restyles the whole view: only when the font did change. */
  if (g_strcmp0 (css->str, self->font_css_text) == 0)
    return;
  g_free (self->font_css_text);
  self->font_css_text = g_strdup (css->str);
  gtk_css_provider_load_from_data (self->font_css, css->str, css->len);
}

static void
update_wrap (LekhEditor *self)
{
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view),
                               g_settings_get_boolean (self->settings, "wrap-text")
                               ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
}

static void
update_search_count (LekhEditor *self)
{
  int count;
  int position = -1;
  GtkTextIter begin, end;
  g_autofree char *text = NULL;

  if (self->search_context == NULL)
    return;

  count = gtk_source_search_context_get_occurrences_count (self->search_context);
  if (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->document), &begin, &end))
    position = gtk_source_search_context_get_occurrence_position (self->search_context,
                                                                  &begin, &end);
  if (gtk_source_search_settings_get_search_text (self->search_settings) == NULL)
    text = g_strdup ("");
  else if (count < 0)
    text = g_strdup ("…");
  else if (count == 0)
    text = g_strdup (_("No results"));
  else if (position > 0)
    /* Translators: "3 of 12" search results */
    text = g_strdup_printf (_("%d of %d"), position, count);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d result", "%d results", count), count);

  gtk_label_set_text (GTK_LABEL (self->search_count), text);
}

gboolean
lekh_editor_find (LekhEditor *self,
                  gboolean    backward)
{
  GtkTextBuffer *buffer;
  GtkTextIter begin, end, match_begin, match_end;
  gboolean found;

  g_return_val_if_fail (LEKH_IS_EDITOR (self), FALSE);

  if (self->search_context == NULL ||
      gtk_source_search_settings_get_search_text (self->search_settings) == NULL)
    return FALSE;

  buffer = GTK_TEXT_BUFFER (self->document);
  gtk_text_buffer_get_selection_bounds (buffer, &begin, &end);
  if (backward)
    found = gtk_source_search_context_backward (self->search_context, &begin,
                                                &match_begin, &match_end, NULL);
  else
    found = gtk_source_search_context_forward (self->search_context, &end,
                                               &match_begin, &match_end, NULL);
  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_begin, &match_end);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer),
                                    0.25, FALSE, 0, 0);
    }
  update_search_count (self);
  return found;
}

static void
search_changed_cb (LekhEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter begin, end;

  gtk_source_search_settings_set_search_text (self->search_settings, text[0] ? text : NULL);
  /* Search from where the cursor is, not from after the previous match. */
  gtk_text_buffer_get_selection_bounds (buffer, &begin, &end);
  gtk_text_buffer_select_range (buffer, &begin, &begin);
  lekh_editor_find (self, FALSE);
}

static void
search_next_cb (LekhEditor *self)
{
  lekh_editor_find (self, FALSE);
}

static void
search_previous_cb (LekhEditor *self)
{
  lekh_editor_find (self, TRUE);
}

static void
search_stop_cb (LekhEditor *self)
{
  lekh_editor_end_search (self);
}

static void
search_mode_cb (LekhEditor *self)
{
  gboolean on = gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar));

  if (self->search_context != NULL)
    gtk_source_search_context_set_highlight (self->search_context, on);
}

static void
lekh_editor_dispose (GObject *object)
{
  LekhEditor *self = LEKH_EDITOR (object);

  g_clear_handle_id (&self->margin_idle, g_source_remove);
  g_clear_object (&self->search_context);
  g_clear_object (&self->spell);
  g_clear_object (&self->document);
  g_clear_pointer (&self->goto_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEKH_TYPE_EDITOR);

  G_OBJECT_CLASS (lekh_editor_parent_class)->dispose (object);
}

static void
lekh_editor_finalize (GObject *object)
{
  LekhEditor *self = LEKH_EDITOR (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->interface_settings);
  g_clear_object (&self->font_css);
  g_clear_pointer (&self->font_css_text, g_free);
  g_clear_object (&self->search_settings);

  G_OBJECT_CLASS (lekh_editor_parent_class)->finalize (object);
}

static gboolean
lekh_editor_grab_focus (GtkWidget *widget)
{
  LekhEditor *self = LEKH_EDITOR (widget);

  return self->view != NULL && gtk_widget_grab_focus (self->view);
}

/* The text column in focus mode, in characters of the source's font. */
#define FOCUS_COLUMN_CHARS 72

static void
lekh_editor_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  LekhEditor *self = LEKH_EDITOR (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static gboolean
apply_margins_cb (gpointer data)
{
  LekhEditor *self = data;

  self->margin_idle = 0;
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->view), self->margin);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->view), self->margin);
  return G_SOURCE_REMOVE;
}

static void
lekh_editor_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  LekhEditor *self = LEKH_EDITOR (widget);
  int margin = 12;

  if (self->focus_mode)
    {
      PangoContext *context = gtk_widget_get_pango_context (self->view);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int column = FOCUS_COLUMN_CHARS * pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;

      pango_font_metrics_unref (metrics);
      margin = MAX (12, (width - column) / 2);
    }
  /* New margins lay the text out again: not from inside this allocation. */
  if (margin != self->margin && self->margin_idle == 0)
    self->margin_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_margins_cb, self, NULL);
  self->margin = margin;

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (self->goto_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->goto_popover));
}

static void
lekh_editor_class_init (LekhEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_editor_dispose;
  object_class->finalize = lekh_editor_finalize;

  widget_class->grab_focus = lekh_editor_grab_focus;
  widget_class->measure = lekh_editor_measure;
  widget_class->size_allocate = lekh_editor_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "editor");

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lekh/Lekh/lekh-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LekhEditor, box);
  gtk_widget_class_bind_template_child (widget_class, LekhEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LekhEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LekhEditor, search_count);
  gtk_widget_class_bind_template_child (widget_class, LekhEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, LekhEditor, view);
  gtk_widget_class_bind_template_child (widget_class, LekhEditor, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);

  _lekh_editor_class_writing_init (widget_class);
}

static void
lekh_editor_init_settings (LekhEditor *self)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) interface = NULL;

  self->settings = g_settings_new (APP_ID);
  if (schemas != NULL &&
      (interface = g_settings_schema_source_lookup (schemas, "org.gnome.desktop.interface", TRUE)) != NULL &&
      g_settings_schema_has_key (interface, "monospace-font-name"))
    self->interface_settings = g_settings_new ("org.gnome.desktop.interface");

  g_settings_bind (self->settings, "highlight-current-line", self->view,
                   "highlight-current-line", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-line-numbers", self->view,
                   "show-line-numbers", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed::wrap-text",
                           G_CALLBACK (update_wrap), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::font-kind",
                           G_CALLBACK (update_font), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::custom-font",
                           G_CALLBACK (update_font), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::font-scale",
                           G_CALLBACK (update_font), self, G_CONNECT_SWAPPED);
  if (self->interface_settings != NULL)
    g_signal_connect_object (self->interface_settings, "changed::monospace-font-name",
                             G_CALLBACK (update_font), self, G_CONNECT_SWAPPED);
}

static void
lekh_editor_init (LekhEditor *self)
{
  /* The search bar, the source view and the empty article's page: lekh-editor.ui. */
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar), GTK_EDITABLE (self->search_entry));

  self->search_settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->search_settings, TRUE);
  self->margin = 12;

  self->font_css = gtk_css_provider_new ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->view),
                                  GTK_STYLE_PROVIDER (self->font_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS

  lekh_editor_init_settings (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);
  update_wrap (self);
  update_font (self);
  _lekh_editor_writing_init (self);
  _lekh_editor_images_init (self);
}

GtkWidget *
lekh_editor_new (void)
{
  return g_object_new (LEKH_TYPE_EDITOR, NULL);
}

void
lekh_editor_set_document (LekhEditor   *self,
                          LekhDocument *document)
{
  g_return_if_fail (LEKH_IS_EDITOR (self));
  g_return_if_fail (LEKH_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), GTK_TEXT_BUFFER (document));
  g_signal_connect_object (document, "changed", G_CALLBACK (_lekh_editor_update_empty_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (_lekh_editor_update_empty_state),
                           self, G_CONNECT_SWAPPED);
  g_clear_object (&self->spell);
  self->spell = lekh_spell_checker_new (GTK_TEXT_VIEW (self->view), document);
  /* Spelling first in the context menu; the window adds its quick fix around it. */
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->view), lekh_spell_checker_get_menu (self->spell));
  g_clear_object (&self->search_context);
  self->search_context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (document),
                                                        self->search_settings);
  gtk_source_search_context_set_highlight (self->search_context,
                                           gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)));
  g_signal_connect_object (self->search_context, "notify::occurrences-count",
                           G_CALLBACK (update_search_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::busy", G_CALLBACK (update_busy), self,
                           G_CONNECT_SWAPPED);
  update_busy (self);
  update_scheme (self);
  _lekh_editor_update_empty_state (self);
}

LekhDocument *
lekh_editor_get_document (LekhEditor *self)
{
  g_return_val_if_fail (LEKH_IS_EDITOR (self), NULL);
  return self->document;
}

GtkSourceView *
lekh_editor_get_view (LekhEditor *self)
{
  g_return_val_if_fail (LEKH_IS_EDITOR (self), NULL);
  return GTK_SOURCE_VIEW (self->view);
}

GtkSourceSearchSettings *
lekh_editor_get_search_settings (LekhEditor *self)
{
  g_return_val_if_fail (LEKH_IS_EDITOR (self), NULL);
  return self->search_settings;
}

void
lekh_editor_begin_search (LekhEditor *self)
{
  GtkTextIter begin, end;

  g_return_if_fail (LEKH_IS_EDITOR (self));

  /* A short single-line selection is what the writer wants to find. */
  if (self->document != NULL &&
      gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->document), &begin, &end) &&
      gtk_text_iter_get_line (&begin) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&begin) < 200)
    {
      g_autofree char *text = gtk_text_iter_get_text (&begin, &end);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
    }

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
lekh_editor_end_search (LekhEditor *self)
{
  g_return_if_fail (LEKH_IS_EDITOR (self));

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
  gtk_widget_grab_focus (self->view);
}

void
lekh_editor_jump_to (LekhEditor *self,
                     guint       line,
                     guint       column)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (LEKH_IS_EDITOR (self));

  if (self->document == NULL)
    return;

  buffer = GTK_TEXT_BUFFER (self->document);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line > 0 ? line - 1 : 0);
  if (column > 1)
    {
      guint chars = gtk_text_iter_get_chars_in_line (&iter);

      gtk_text_iter_set_line_offset (&iter, MIN (column - 1, chars > 0 ? chars - 1 : 0));
    }
  gtk_text_buffer_select_range (buffer, &iter, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer),
                                0.25, FALSE, 0, 0);
  gtk_widget_grab_focus (self->view);
}

void
lekh_editor_set_focus_mode (LekhEditor *self,
                            gboolean    focus_mode)
{
  g_return_if_fail (LEKH_IS_EDITOR (self));

  focus_mode = !!focus_mode;
  if (self->focus_mode == focus_mode)
    return;
  self->focus_mode = focus_mode;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
lekh_editor_get_focus_mode (LekhEditor *self)
{
  g_return_val_if_fail (LEKH_IS_EDITOR (self), FALSE);
  return self->focus_mode;
}

LekhSpellChecker *
lekh_editor_get_spell_checker (LekhEditor *self)
{
  g_return_val_if_fail (LEKH_IS_EDITOR (self), NULL);
  return self->spell;
}
