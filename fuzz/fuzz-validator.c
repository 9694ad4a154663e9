/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the metadata validator (`lekh check`) and its quick fixes, for the
 * input as an article of each kind of site (the fake sites of tests/data/sites, with
 * authors.yml and tags.yml), and the add-author / add-tag edit of a site data file with
 * the input as authors.yml or tags.yml. */
#include "config.h"

#include <string.h>

#include "lekh-article.h"
#include "lekh-diagnostic.h"
#include "lekh-edit.h"
#include "lekh-fuzz-common.h"
#include "lekh-profile.h"
#include "lekh-site.h"
#include "lekh-validator.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* An article of each site, and none (generic, rootless). The files need not exist. */
static const char * const article_paths[] = {
  NULL,
  "docusaurus/blog/2024-05-01-fuzz.md",
  "docusaurus/docs/guide/fuzz.md",
  "hugo/content/posts/fuzz.md",
  "jekyll/_posts/2024-05-01-fuzz.md",
};

static LekhValidator *validator;
static char *paths[G_N_ELEMENTS (article_paths)];

static gboolean
is_known_rule (const char *rule)
{
  const char * const *rules = lekh_validator_get_rules ();

  for (guint i = 0; rules[i] != NULL; i++)
    if (strcmp (rules[i], rule) == 0)
      return TRUE;
  return FALSE;
}

static void
check_diagnostics (LekhArticle *article,
                   GPtrArray   *diagnostics,
                   guint        max_fixes)
{
  gsize len;
  guint n_lines = 1;
  guint fixes = 0;
  const char *text = lekh_article_get_text (article, &len);

  /* Lines as libyaml counts them (an upper bound: a lone CR, NEL, LS and PS break a
   * line there, and YAML errors carry libyaml's line numbers). */
  for (gsize i = 0; i < len; i++)
    n_lines += text[i] == '\n' || text[i] == '\r' || (guchar) text[i] == 0x85 ||
               ((guchar) text[i] == 0xA8 || (guchar) text[i] == 0xA9);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const LekhDiagnostic *d = g_ptr_array_index (diagnostics, i);

      LEKH_FUZZ_ASSERT (d->rule != NULL && is_known_rule (d->rule));
      LEKH_FUZZ_ASSERT (d->severity <= LEKH_SEVERITY_INFO);
      LEKH_FUZZ_ASSERT (d->message != NULL && *d->message != '\0');
      lekh_fuzz_check_utf8 (d->message, strlen (d->message));
      LEKH_FUZZ_ASSERT (d->start <= d->end && d->end <= len);
      LEKH_FUZZ_ASSERT (d->line >= 1 && d->line <= n_lines + 1);
      LEKH_FUZZ_ASSERT (d->column >= 1);
      if (d->key != NULL)
        lekh_fuzz_check_utf8 (d->key, strlen (d->key));
      if (d->fix_description != NULL)
        lekh_fuzz_check_utf8 (d->fix_description, strlen (d->fix_description));
      if (i > 0)
        LEKH_FUZZ_ASSERT (lekh_diagnostic_compare (g_ptr_array_index (diagnostics, i - 1), d) <= 0);

      /* A quick fix is an edit that reads back, or a clean refusal. */
      if (d->fix_kind != LEKH_FIX_NONE && d->fix_kind != LEKH_FIX_ADD_AUTHOR &&
          d->fix_kind != LEKH_FIX_ADD_TAG && fixes++ < max_fixes)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(LekhEdit) edit = lekh_diagnostic_create_edit (d, article, &error);

          LEKH_FUZZ_ASSERT ((edit == NULL) != (error == NULL));
          if (edit != NULL)
            {
              g_autoptr(GBytes) bytes = lekh_edit_apply (edit, article);
              g_autoptr(LekhArticle) fixed = lekh_article_new_from_bytes (bytes);
              const char *old_body, *new_body;
              gsize old_len, new_len;

              LEKH_FUZZ_ASSERT (lekh_article_get_error (fixed) == NULL);
              old_body = lekh_article_get_body (article, &old_len);
              new_body = lekh_article_get_body (fixed, &new_len);
              LEKH_FUZZ_ASSERT (old_len == new_len && memcmp (old_body, new_body, old_len) == 0);
            }
        }
    }
}

static void
check_site_data_edit (const guint8 *data,
                      size_t        size,
                      gboolean      tags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhEdit) edit = lekh_site_data_create_add_edit ((const char *) data, size, "fuzz-key",
                                                            "नाम Name", tags, &error);

  LEKH_FUZZ_ASSERT ((edit == NULL) != (error == NULL));
  if (edit != NULL)
    {
      /* Only appended: the file's own bytes stay. */
      LEKH_FUZZ_ASSERT (edit->start == size && edit->end == size);
      lekh_fuzz_check_utf8 (edit->text, strlen (edit->text));
    }
  else
    {
      LEKH_FUZZ_ASSERT (error->message != NULL && *error->message != '\0');
      lekh_fuzz_check_utf8 (error->message, strlen (error->message));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (size ? data : NULL, size);
  g_autoptr(LekhArticle) article = lekh_article_new_from_bytes (bytes);

  lekh_fuzz_init ();
  if (validator == NULL)
    {
      validator = lekh_validator_new ();
      for (guint i = 0; i < G_N_ELEMENTS (article_paths); i++)
        paths[i] = article_paths[i] ? g_build_filename (LEKH_FUZZ_SITES, article_paths[i], NULL) : NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GPtrArray) diagnostics = lekh_validator_check (validator, article, paths[i]);

      LEKH_FUZZ_ASSERT (diagnostics != NULL);
      check_diagnostics (article, diagnostics, i == 1 ? 8 : 2);
      /* Broken input: one diagnostic says why, whatever the site. */
      if (lekh_article_get_error (article) != NULL)
        LEKH_FUZZ_ASSERT (diagnostics->len >= 1);
    }

  /* Forced profiles, as `lekh check --profile P` does. */
  {
    const char * const names[] = { "generic", "docusaurus", "hugo", "jekyll" };
    guint pick = size > 0 ? data[0] % G_N_ELEMENTS (names) : 0;
    g_autoptr(LekhValidator) forced = lekh_validator_new ();
    const LekhProfile *profile = lekh_profile_lookup (names[pick]);
    g_autoptr(GPtrArray) diagnostics = NULL;

    LEKH_FUZZ_ASSERT (profile != NULL);
    lekh_validator_set_profile (forced, profile);
    diagnostics = lekh_validator_check (forced, article, paths[1 + pick % 4]);
    check_diagnostics (article, diagnostics, 0);
  }

  check_site_data_edit (data, size, FALSE);
  check_site_data_edit (data, size, TRUE);
  return 0;
}
