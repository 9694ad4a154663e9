/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LEKH_PROFILE_GENERIC,
  LEKH_PROFILE_DOCUSAURUS,
  LEKH_PROFILE_HUGO,
  LEKH_PROFILE_JEKYLL,
  LEKH_N_PROFILES,
} LekhProfileId;

/* What a field's value must be. */
typedef enum
{
  LEKH_FIELD_ANY,
  LEKH_FIELD_STRING,           /* a string (a number is accepted with a warning) */
  LEKH_FIELD_TEXT,             /* any scalar, read as text (slug: 404, id: 2024) */
  LEKH_FIELD_BOOL,
  LEKH_FIELD_INT,
  LEKH_FIELD_NUMBER,
  LEKH_FIELD_DATE,
  LEKH_FIELD_URL,              /* an absolute http(s) or mailto URL */
  LEKH_FIELD_IMAGE,            /* a URL or a local path */
  LEKH_FIELD_IMAGE_LIST,
  LEKH_FIELD_STRING_LIST,      /* a list of non-empty strings */
  LEKH_FIELD_STRING_OR_LIST,   /* a string (space- or comma-separated) or a list of strings */
  LEKH_FIELD_TAGS,             /* Docusaurus: strings or {label, permalink} objects */
  LEKH_FIELD_AUTHORS,          /* a key, an author object, or a list mixing both */
  LEKH_FIELD_TOC_LEVEL,        /* an integer from 2 to 6 */
  LEKH_FIELD_MAPPING,
  LEKH_FIELD_LIST,             /* a list of anything */
} LekhFieldType;

typedef enum
{
  LEKH_FIELD_FLAG_NONE       = 0,
  LEKH_FIELD_FLAG_REQUIRED   = 1 << 0,  /* missing: a warning (see the validator) */
  LEKH_FIELD_FLAG_MAY_BE_EMPTY = 1 << 1,/* an empty value or null is meaningful */
  LEKH_FIELD_FLAG_LEGACY     = 1 << 2,  /* still read, superseded by another field */
} LekhFieldFlags;

typedef struct
{
  const char     *name;
  LekhFieldType   type;
  LekhFieldFlags  flags;
} LekhField;

typedef struct _LekhProfile LekhProfile;

const LekhProfile *lekh_profile_get            (LekhProfileId       id);
/* NULL for an unknown name. */
const LekhProfile *lekh_profile_lookup         (const char         *name);
LekhProfileId      lekh_profile_get_id         (const LekhProfile  *self);
const char        *lekh_profile_get_name       (const LekhProfile  *self);
/* Hugo reads front-matter keys case-insensitively. */
gboolean           lekh_profile_keys_ignore_case (const LekhProfile *self);
guint              lekh_profile_get_n_fields   (const LekhProfile  *self);
const LekhField   *lekh_profile_get_field      (const LekhProfile  *self,
                                                guint               index);
const LekhField   *lekh_profile_lookup_field   (const LekhProfile  *self,
                                                const char         *key);
/* Folders below the site root that are served as the site's root (static files). */
const char * const*lekh_profile_get_static_dirs (const LekhProfile *self);
/* TRUE when KEY is a field of any profile: such a key is never a typo. */
gboolean           lekh_profile_key_is_known_anywhere (const char  *key);
/* The profile's field closest to KEY by edit distance (a likely typo), or NULL. */
const char        *lekh_profile_suggest_field  (const LekhProfile  *self,
                                                const char         *key);
/* "docusaurus, hugo, jekyll, generic" */
const char        *lekh_profile_list_names     (void);

G_END_DECLS
