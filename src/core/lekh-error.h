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
  /* Saving refused or failed, the file on disk left as it was: */
  LEKH_ERROR_CHANGED_ON_DISK,  /* changed or replaced by another program since it was read */
  LEKH_ERROR_DELETED,          /* deleted or moved by another program since it was read */
  LEKH_ERROR_READ_ONLY,        /* the file is read-only (to this user) */
  LEKH_ERROR_FOLDER_READ_ONLY, /* its folder is read-only or missing: no temporary file can
                                * be made beside it */
  LEKH_ERROR_NO_SPACE,         /* the disk is full */
  LEKH_ERROR_NOT_REGULAR,      /* a folder, device, pipe or socket, not a file */
} LekhErrorCode;

GQuark lekh_error_quark (void);

G_END_DECLS
