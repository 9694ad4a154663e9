/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lekh-article.h"
#include "lekh-edit.h"

G_BEGIN_DECLS

typedef enum
{
  LEKH_SEVERITY_ERROR,
  LEKH_SEVERITY_WARNING,
  LEKH_SEVERITY_INFO,
} LekhSeverity;

/* What a quick fix does. The article-side ones become a LekhEdit with
 * lekh_diagnostic_create_edit(); ADD_AUTHOR and ADD_TAG change the site file named by
 * fix_file (authors.yml, tags.yml) instead. */
typedef enum
{
  LEKH_FIX_NONE,
  LEKH_FIX_RENAME_KEY,          /* rename key to fix_value */
  LEKH_FIX_REMOVE_KEY,          /* remove key (its first entry) */
  LEKH_FIX_REMOVE_LIST_ITEM,    /* remove item fix_index of the list under key */
  LEKH_FIX_ADD_AUTHOR,          /* add fix_value to the authors file fix_file */
  LEKH_FIX_ADD_TAG,             /* add fix_value to the tags file fix_file */
  LEKH_FIX_REPLACE_VALUE,       /* replace the value at [start, end) with fix_value
                                 * ("did you mean …?") */
} LekhFixKind;

typedef struct
{
  const char   *rule;            /* stable id, e.g. "unknown-key" (static string) */
  LekhSeverity  severity;
  char         *message;         /* translated, for a writer */
  guint         line;            /* 1-based */
  guint         column;          /* 1-based, in characters */
  gsize         start;           /* byte span in the article's text */
  gsize         end;
  char         *key;             /* the top-level key concerned, or NULL */

  char         *fix_description; /* translated, or NULL when there is no fix */
  LekhFixKind   fix_kind;
  char         *fix_value;
  guint         fix_index;
  char         *fix_file;

  /*< private >*/
  gatomicrefcount ref_count;
} LekhDiagnostic;

#define LEKH_TYPE_DIAGNOSTIC (lekh_diagnostic_get_type ())

GType           lekh_diagnostic_get_type     (void) G_GNUC_CONST;
LekhDiagnostic *lekh_diagnostic_new          (const char           *rule,
                                              LekhSeverity          severity,
                                              gsize                 start,
                                              gsize                 end,
                                              guint                 line,
                                              guint                 column,
                                              const char           *message);
LekhDiagnostic *lekh_diagnostic_ref          (LekhDiagnostic       *self);
void            lekh_diagnostic_unref        (LekhDiagnostic       *self);
void            lekh_diagnostic_set_key      (LekhDiagnostic       *self,
                                              const char           *key);
void            lekh_diagnostic_set_fix      (LekhDiagnostic       *self,
                                              LekhFixKind           kind,
                                              const char           *description,
                                              const char           *value,
                                              guint                 index,
                                              const char           *file);
/* Order: line, column, then rule id (for stable output). */
int             lekh_diagnostic_compare      (const LekhDiagnostic *a,
                                              const LekhDiagnostic *b);
/* The edit that applies an article-side fix (rename-key, remove-key, remove-list-item),
 * or NULL with an error when the diagnostic has none or it cannot be applied. */
LekhEdit       *lekh_diagnostic_create_edit  (const LekhDiagnostic *self,
                                              LekhArticle          *article,
                                              GError              **error);

const char     *lekh_severity_to_string      (LekhSeverity          severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LekhDiagnostic, lekh_diagnostic_unref)

G_END_DECLS
