/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lekh-site.h"
#include "lekh-site-index.h"

G_BEGIN_DECLS

#define LEKH_TYPE_SUGGESTION (lekh_suggestion_get_type ())

G_DECLARE_FINAL_TYPE (LekhSuggestion, lekh_suggestion, LEKH, SUGGESTION, GObject)

/* A value to offer for a list field (a tag, an author, a keyword): VALUE is what gets
 * inserted, DETAIL what is shown under it (an author's name and title, a tag's label or
 * description), COUNT the articles that use it. ALIAS is another text it is found by
 * (an author's name, a tag's label), or NULL. */
LekhSuggestion *lekh_suggestion_new        (const char     *value,
                                            const char     *detail,
                                            const char     *alias,
                                            guint           count);
const char     *lekh_suggestion_get_value  (LekhSuggestion *self);
const char     *lekh_suggestion_get_detail (LekhSuggestion *self);
const char     *lekh_suggestion_get_alias  (LekhSuggestion *self);
guint           lekh_suggestion_get_count  (LekhSuggestion *self);

/* The CANDIDATES (LekhSuggestion, in order of preference) that match TEXT, case- and
 * accent-insensitively (lekh_site_fold): their value or alias starts with it, or one of
 * their words does. Values whose start matches come first, then the others, each in the
 * candidates' order; values in EXCLUDE (already chosen) and repeats are left out; at most
 * MAX (0: all). Nothing for an empty TEXT. */
GPtrArray      *lekh_suggestion_rank       (GPtrArray          *candidates,
                                            const char         *text,
                                            const char * const *exclude,
                                            guint               max);

/* What to offer for FIELD when TEXT is typed: the values the INDEX counts (most used
 * first), then the entries of DATA (authors.yml, tags.yml; may be NULL) no article uses
 * yet, ranked by lekh_suggestion_rank. */
GPtrArray      *lekh_suggestion_for_site   (LekhSiteIndex      *index,
                                            const LekhSiteData *data,
                                            LekhSiteField       field,
                                            const char         *text,
                                            const char * const *exclude,
                                            guint               max);

G_END_DECLS
