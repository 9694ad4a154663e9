/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lekh-diagnostic.h"
#include "lekh-document.h"

G_BEGIN_DECLS

#define LEKH_TYPE_METADATA_PANEL (lekh_metadata_panel_get_type ())

G_DECLARE_FINAL_TYPE (LekhMetadataPanel, lekh_metadata_panel, LEKH, METADATA_PANEL, GtkWidget)

/* The side form: title, description, tags, keywords, authors, image, date and draft of
 * the document's front matter, and the keys it does not know. Every change becomes one
 * lossless edit of the document; the document's parses flow back into the fields.
 * Signals: "jump-to" (line, column: 1-based) asks to show a spot of the source;
 * "edit-failed" (message) reports an edit the core refused. */
GtkWidget    *lekh_metadata_panel_new           (void);
void          lekh_metadata_panel_set_document  (LekhMetadataPanel *self,
                                                 LekhDocument      *document);
LekhDocument *lekh_metadata_panel_get_document  (LekhMetadataPanel *self);
/* Applies edits still waiting for the typing pause. */
void          lekh_metadata_panel_flush         (LekhMetadataPanel *self);
/* FALSE while the front matter cannot be edited (broken YAML, TOML…). */
gboolean      lekh_metadata_panel_get_live      (LekhMetadataPanel *self);
/* The error shown above the form, or NULL. */
const char   *lekh_metadata_panel_get_message   (LekhMetadataPanel *self);
/* The control (or row) of a known KEY ("title", "tags"…), e.g. to mark it in error;
 * NULL for keys the form does not edit. */
GtkWidget    *lekh_metadata_panel_get_field_widget (LekhMetadataPanel *self,
                                                    const char        *key);
/* What the Image field's chooser does with the chosen FILE: the reference the site's
 * generator expects goes into the front matter; a file it would not publish is copied
 * into the site's image folder first, after asking (lekh-image-import). */
void          lekh_metadata_panel_choose_image_file (LekhMetadataPanel *self,
                                                     GFile             *file);
/* Marks the field of KEY with MESSAGE (several lines for several problems) at SEVERITY,
 * below it or, for one-line rows, as its tooltip; NULL clears it. */
void          lekh_metadata_panel_set_field_problem (LekhMetadataPanel *self,
                                                     const char        *key,
                                                     LekhSeverity       severity,
                                                     const char        *message);
/* A live "n / MAX" counter on the title or description, in warning style outside
 * [MIN, MAX]; MAX 0 hides it. */
void          lekh_metadata_panel_set_length_limits (LekhMetadataPanel *self,
                                                     const char        *key,
                                                     gsize              min,
                                                     gsize              max);
/* The counter's text, or NULL while it is hidden (for tests). */
const char   *lekh_metadata_panel_get_field_counter (LekhMetadataPanel *self,
                                                     const char        *key);
/* Adds a section (e.g. the problems list) above the fields. */
void          lekh_metadata_panel_add_section   (LekhMetadataPanel *self,
                                                 GtkWidget         *section);

G_END_DECLS
