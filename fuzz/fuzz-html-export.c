/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: `lekh render` — the standalone HTML page of an article, safe and
 * unsafe, and the HTML escaping. In safe mode no active content may come out of the
 * article: no <script>, <iframe>, <object>, <embed> element, no javascript: URL in an
 * attribute. */
#include "config.h"

#include <string.h>

#include "lekh-article.h"
#include "lekh-fuzz-common.h"
#include "lekh-html-export.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_safe (const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);
  static const char * const forbidden[] = {
    "<script", "<iframe", "<object", "<embed", "<form", "<base", "<meta http-equiv",
    "href=\"javascript:", "src=\"javascript:", "href=\"vbscript:", "href=\"data:text/html",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (strstr (lower, forbidden[i]) != NULL)
      {
        fprintf (stderr, "safe HTML export holds %s:\n%s\n", forbidden[i],
                 strstr (lower, forbidden[i]));
        LEKH_FUZZ_ASSERT (!"active content in safe HTML export");
      }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (size ? data : NULL, size);
  g_autoptr(LekhArticle) article = lekh_article_new_from_bytes (bytes);
  g_autofree char *safe = NULL;
  g_autofree char *unsafe = NULL;

  lekh_fuzz_init ();

  safe = lekh_html_export (article, LEKH_HTML_EXPORT_DEFAULT);
  if (safe != NULL)
    {
      lekh_fuzz_check_utf8 (safe, strlen (safe));
      LEKH_FUZZ_ASSERT (g_str_has_prefix (safe, "<!DOCTYPE html>") || g_str_has_prefix (safe, "<!doctype html>"));
      check_safe (safe);
    }
  /* An article that cannot be read cleanly is not exported... but must not crash. */
  unsafe = lekh_html_export (article, LEKH_HTML_EXPORT_UNSAFE);
  if (unsafe != NULL)
    lekh_fuzz_check_utf8 (unsafe, strlen (unsafe));

  /* Escaping: nothing that could open a tag or leave an attribute. */
  if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      g_autoptr(GString) out = g_string_new (NULL);

      lekh_html_append_escaped (out, (const char *) data, size);
      LEKH_FUZZ_ASSERT (strchr (out->str, '<') == NULL);
      LEKH_FUZZ_ASSERT (strchr (out->str, '>') == NULL);
      LEKH_FUZZ_ASSERT (strchr (out->str, '"') == NULL);
      LEKH_FUZZ_ASSERT (memchr (out->str, '\0', out->len) == NULL);
      lekh_fuzz_check_utf8 (out->str, out->len);
    }
  return 0;
}
