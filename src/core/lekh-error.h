/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEKH_ERROR (lekh_error_quark ())

typedef enum
{
  LEKH_ERROR_INVALID_UTF8,     /* the file is not valid UTF-8 (or has NUL bytes) */
  LEKH_ERROR_UNTERMINATED,     /* an opening --- without a closing line */
  LEKH_ERROR_YAML_SYNTAX,      /* the front matter's YAML, TOML or JSON does not parse */
  LEKH_ERROR_NOT_EDITABLE,     /* a front matter that is not a mapping, or a value that
                                * Lekh does not edit (a TOML table, a JSON object) */
  LEKH_ERROR_LIMIT,            /* nesting depth, alias count or size limit reached */
  LEKH_ERROR_NOT_FOUND,        /* no such key */
  LEKH_ERROR_EDIT_FAILED,      /* an edit would not read back as intended */
  LEKH_ERROR_IO,               /* reading or writing a file failed */
} LekhErrorCode;

GQuark lekh_error_quark (void);

G_END_DECLS
