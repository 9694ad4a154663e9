/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the preview model and the HTML export.
 * The input is two texts joined by a NUL byte (or one text, edited by dropping its
 * middle third). Properties: the model updated incrementally from the first text to the
 * second holds exactly the blocks a fresh model of the second text holds; blocks are in
 * order, inside the text, and their hashes match their bytes; the safe HTML export of
 * either text is valid UTF-8 and carries no script element and no javascript: link. */
#include "config.h"

#include <string.h>

#include "lekh-article.h"
#include "lekh-html-export.h"
#include "lekh-preview-model.h"
#include "lekh-fuzz-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_blocks (LekhPreviewModel *model)
{
  gsize len;
  const char *text = lekh_preview_model_get_text (model, &len);
  guint n = lekh_preview_model_get_n_blocks (model);
  gsize prev_end = 0;
  guint prev_line = 0;

  for (guint i = 0; i < n; i++)
    {
      const LekhPreviewBlock *b = lekh_preview_model_get_block (model, i);

      LEKH_FUZZ_ASSERT (b->start >= prev_end && b->start <= b->end && b->end <= len);
      LEKH_FUZZ_ASSERT (b->start_line > prev_line && b->start_line <= b->end_line);
      LEKH_FUZZ_ASSERT (b->hash == lekh_preview_hash (text + b->start, b->end - b->start));
      LEKH_FUZZ_ASSERT (lekh_preview_model_find_line (model, b->start_line) == (int) i);
      prev_end = b->end;
      prev_line = b->end_line;
    }
}

static void
check_same (LekhPreviewModel *a,
            LekhPreviewModel *b)
{
  guint n = lekh_preview_model_get_n_blocks (b);

  LEKH_FUZZ_ASSERT (lekh_preview_model_get_n_blocks (a) == n);
  for (guint i = 0; i < n; i++)
    {
      const LekhPreviewBlock *x = lekh_preview_model_get_block (a, i);
      const LekhPreviewBlock *y = lekh_preview_model_get_block (b, i);

      LEKH_FUZZ_ASSERT (x->start == y->start && x->end == y->end);
      LEKH_FUZZ_ASSERT (x->start_line == y->start_line && x->end_line == y->end_line);
      LEKH_FUZZ_ASSERT (x->type == y->type && x->hash == y->hash);
    }
}

static void
check_export (const char *text,
              gsize       len)
{
  g_autoptr(LekhArticle) article = lekh_article_new (text, (gssize) len);
  g_autofree char *html = NULL;
  g_autofree char *lower = NULL;

  if (lekh_article_get_error (article) != NULL)
    return;
  html = lekh_html_export (article, LEKH_HTML_EXPORT_DEFAULT);
  lekh_fuzz_check_utf8 (html, strlen (html));
  lower = g_ascii_strdown (html, -1);
  LEKH_FUZZ_ASSERT (strstr (lower, "<script") == NULL);
  LEKH_FUZZ_ASSERT (strstr (lower, "href=\"javascript:") == NULL);
  LEKH_FUZZ_ASSERT (strstr (lower, "src=\"javascript:") == NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *) data;
  const char *nul = memchr (data, '\0', size);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;
  g_autoptr(LekhPreviewModel) model = lekh_preview_model_new ();
  g_autoptr(LekhPreviewModel) fresh = lekh_preview_model_new ();

  lekh_fuzz_init ();

  if (nul != NULL)
    {
      first_len = (gsize) (nul - text);
      first = g_strndup (text, first_len);
      second_len = size - first_len - 1;
      second = g_malloc (second_len + 1);
      memcpy (second, nul + 1, second_len);
      second[second_len] = '\0';
      /* A second NUL would end the text early for cmark: keep texts NUL-free. */
      for (gsize i = 0; i < second_len; i++)
        if (second[i] == '\0')
          second[i] = ' ';
    }
  else
    {
      first_len = size;
      first = g_strndup (text, size);
      second = g_strndup (text, size / 3);
      second_len = strlen (second);
      {
        g_autofree char *rest = g_strndup (text + 2 * size / 3, size - 2 * size / 3);
        char *joined = g_strconcat (second, rest, NULL);
        g_free (second);
        second = joined;
        second_len = strlen (second);
      }
    }

  lekh_preview_model_set_text (model, first, first_len, NULL);
  check_blocks (model);
  lekh_preview_model_set_text (model, second, second_len, NULL);
  check_blocks (model);
  lekh_preview_model_set_text (fresh, second, second_len, NULL);
  check_same (model, fresh);

  /* The same edit as two recorded replacements before one update. */
  {
    g_autoptr(LekhPreviewModel) stepwise = lekh_preview_model_new ();
    gsize half = first_len / 2;

    lekh_preview_model_set_text (stepwise, first, first_len, NULL);
    lekh_preview_model_replace (stepwise, half, first_len - half, "", 0);
    lekh_preview_model_replace (stepwise, 0, half, second, second_len);
    lekh_preview_model_update (stepwise, NULL);
    check_same (stepwise, fresh);
  }

  check_export (first, first_len);
  check_export (second, second_len);
  return 0;
}
