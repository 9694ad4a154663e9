/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the preview's block model. The input is split in two texts, A and B
 * (at a point and with an edit derived from the input). Properties:
 *  - the blocks cover the text in order, with hashes of their bytes and sane lines;
 *  - the incremental path (A, then an edit recorded with replace() and update(), or
 *    A then set_text(B)) gives exactly the blocks of B parsed from scratch;
 *  - every block renders (lekh-preview-render) to runs, anchors and links inside its
 *    text. */
#include "config.h"

#include <string.h>

#include "lekh-fuzz-common.h"
#include "lekh-preview-model.h"
#include "lekh-preview-render.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_blocks (LekhPreviewModel *model,
              const char       *text,
              gsize             len)
{
  guint n = lekh_preview_model_get_n_blocks (model);
  gsize model_len, previous_end = 0;
  const char *model_text = lekh_preview_model_get_text (model, &model_len);
  guint previous_line = 0;

  LEKH_FUZZ_ASSERT (model_len == len);
  LEKH_FUZZ_ASSERT (len == 0 || memcmp (model_text, text, len) == 0);

  for (guint i = 0; i < n; i++)
    {
      const LekhPreviewBlock *block = lekh_preview_model_get_block (model, i);

      LEKH_FUZZ_ASSERT (block->start >= previous_end);
      LEKH_FUZZ_ASSERT (block->start < block->end || (block->start == block->end && block->end == len));
      LEKH_FUZZ_ASSERT (block->end <= len);
      LEKH_FUZZ_ASSERT (block->start_line >= 1 && block->start_line <= block->end_line);
      LEKH_FUZZ_ASSERT (block->start_line >= previous_line);
      LEKH_FUZZ_ASSERT (block->hash == lekh_preview_hash (text + block->start, block->end - block->start));
      previous_end = block->end;
      previous_line = block->end_line;

      LEKH_FUZZ_ASSERT (lekh_preview_model_find_line (model, block->start_line) >= 0);
    }
  if (n == 0)
    LEKH_FUZZ_ASSERT (lekh_preview_model_find_line (model, 1) == -1);
  (void) lekh_preview_model_find_line (model, G_MAXUINT);
  for (guint line = 0; line < 4; line++)
    LEKH_FUZZ_ASSERT (lekh_preview_model_line_to_offset (model, line) <= len);
  LEKH_FUZZ_ASSERT (lekh_preview_model_line_to_offset (model, G_MAXUINT) == len);
  (void) lekh_preview_model_get_article (model);
  (void) lekh_preview_model_get_body_line (model);
}

static void
check_same_blocks (LekhPreviewModel *a,
                   LekhPreviewModel *b)
{
  guint n = lekh_preview_model_get_n_blocks (a);

  LEKH_FUZZ_ASSERT (n == lekh_preview_model_get_n_blocks (b));
  for (guint i = 0; i < n; i++)
    {
      const LekhPreviewBlock *x = lekh_preview_model_get_block (a, i);
      const LekhPreviewBlock *y = lekh_preview_model_get_block (b, i);

      LEKH_FUZZ_ASSERT (x->start == y->start && x->end == y->end);
      LEKH_FUZZ_ASSERT (x->start_line == y->start_line && x->end_line == y->end_line);
      LEKH_FUZZ_ASSERT (x->hash == y->hash);
      LEKH_FUZZ_ASSERT (x->type == y->type);
      LEKH_FUZZ_ASSERT (x->context == y->context);
    }
  LEKH_FUZZ_ASSERT (lekh_preview_model_get_body_line (a) == lekh_preview_model_get_body_line (b));

  /* The line tables agree: an incremental one is the one a fresh scan gives. */
  for (guint line = 0;; line++)
    {
      gsize x = lekh_preview_model_line_to_offset (a, line);
      gsize y = lekh_preview_model_line_to_offset (b, line);
      gsize len;

      LEKH_FUZZ_ASSERT (x == y);
      (void) lekh_preview_model_get_text (a, &len);
      if (x == len)
        break;
    }
}

static void
check_rendering (LekhPreviewModel *model)
{
  g_autoptr(LekhPreviewRendering) r = lekh_preview_rendering_new ();
  const char *text = lekh_preview_model_get_text (model, NULL);
  guint n = lekh_preview_model_get_n_blocks (model);

  for (guint i = 0; i < n; i++)
    {
      const LekhPreviewBlock *block = lekh_preview_model_get_block (model, i);
      int first_line;
      cmark_node *doc = lekh_preview_model_parse_block (model, i, &first_line);
      guint start = r->n_chars;
      const LekhPreviewBlockRendering *rendered;

      lekh_preview_rendering_add_block (r, doc, block->context, first_line, text + block->start,
                                        block->end - block->start);
      cmark_node_free (doc);
      LEKH_FUZZ_ASSERT (r->n_chars > start);
      rendered = &g_array_index (r->blocks, LekhPreviewBlockRendering, r->blocks->len - 1);
      for (guint j = 0; rendered->links != NULL && j < rendered->links->len; j++)
        {
          const LekhPreviewLink *link = &g_array_index (rendered->links, LekhPreviewLink, j);

          LEKH_FUZZ_ASSERT (link->start <= link->end && start + link->end <= r->n_chars);
        }
    }
  LEKH_FUZZ_ASSERT (g_utf8_validate (r->text->str, (gssize) r->text->len, NULL));
  LEKH_FUZZ_ASSERT (r->n_chars == g_utf8_strlen (r->text->str, (gssize) r->text->len)
                                  + r->anchors->len);
  for (guint i = 0; i < r->runs->len; i++)
    {
      const LekhPreviewRun *run = &g_array_index (r->runs, LekhPreviewRun, i);

      LEKH_FUZZ_ASSERT (run->start <= run->end && run->end <= r->n_chars);
    }
  for (guint i = 0; i < r->anchors->len; i++)
    {
      const LekhPreviewAnchor *anchor = &g_array_index (r->anchors, LekhPreviewAnchor, i);

      LEKH_FUZZ_ASSERT (anchor->offset < r->n_chars && anchor->byte <= r->text->len);
      LEKH_FUZZ_ASSERT (i == 0 || anchor->offset > g_array_index (r->anchors, LekhPreviewAnchor, i - 1).offset);
    }
}

static void
check_change (LekhPreviewModel        *model,
              const LekhPreviewChange *change,
              guint                    n_before)
{
  guint n = lekh_preview_model_get_n_blocks (model);

  LEKH_FUZZ_ASSERT (change->position <= n_before);
  LEKH_FUZZ_ASSERT (change->position + change->n_removed <= n_before);
  LEKH_FUZZ_ASSERT (change->position + change->n_added <= n);
  LEKH_FUZZ_ASSERT (n_before - change->n_removed + change->n_added == n);
  for (guint i = change->position; i < change->position + change->n_added; i++)
    {
      cmark_node *node = lekh_preview_model_get_node (model, i);

      if (node != NULL)
        (void) lekh_preview_model_get_node_line_offset (model, i);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LekhPreviewModel) scratch = lekh_preview_model_new ();
  g_autoptr(LekhPreviewModel) replaced = lekh_preview_model_new ();
  g_autoptr(LekhPreviewModel) reset = lekh_preview_model_new ();
  const char *text = (const char *) data;
  LekhPreviewChange change = { 0 };
  gsize cut, pos, n_remove, n_insert;
  g_autoptr(GString) b = NULL;
  g_autoptr(GBytes) lent = NULL;
  guint n_before;

  lekh_fuzz_init ();
  if (size < 4)
    {
      lekh_preview_model_set_text (scratch, text, size, NULL);
      check_blocks (scratch, text, size);
      return 0;
    }

  /* The first bytes choose the edit; A is the rest up to CUT, the insertion after it. */
  cut = 3 + (data[0] | data[1] << 8) % (size - 3);
  pos = cut > 3 ? data[2] * 7 % (cut - 3) : 0;
  n_remove = MIN ((gsize) (data[2] % 17), cut - 3 - pos);
  n_insert = size - cut;

  /* B: A with bytes [pos, pos + n_remove) of A replaced by the insertion. */
  b = g_string_new_len (text + 3, pos);
  g_string_append_len (b, text + cut, n_insert);
  g_string_append_len (b, text + 3 + pos + n_remove, cut - 3 - pos - n_remove);

  /* From scratch: copied, or taken as bytes (no copy). */
  if (data[1] & 2)
    {
      g_autoptr(GBytes) whole = g_bytes_new (b->str, b->len + 1);
      g_autoptr(GBytes) bytes = g_bytes_new_from_bytes (whole, 0, b->len);

      lekh_preview_model_set_text_bytes (scratch, bytes, &change);
    }
  else
    lekh_preview_model_set_text (scratch, b->str, b->len, &change);
  check_blocks (scratch, b->str, b->len);
  check_rendering (scratch);

  /* Incremental, recorded edit. */
  lekh_preview_model_set_text (replaced, text + 3, cut - 3, NULL);
  check_blocks (replaced, text + 3, cut - 3);
  n_before = lekh_preview_model_get_n_blocks (replaced);
  /* Lent out as bytes (as to the document), the text stays A after the model's edit. */
  if (data[1] & 1)
    lent = lekh_preview_model_ref_text (replaced);
  lekh_preview_model_replace (replaced, pos, n_remove, text + cut, n_insert);
  LEKH_FUZZ_ASSERT (lekh_preview_model_is_dirty (replaced) || (n_remove == 0 && n_insert == 0));
  memset (&change, 0, sizeof change);
  lekh_preview_model_update (replaced, &change);
  LEKH_FUZZ_ASSERT (!lekh_preview_model_is_dirty (replaced));
  check_blocks (replaced, b->str, b->len);
  check_change (replaced, &change, n_before);
  check_same_blocks (replaced, scratch);
  if (lent != NULL)
    {
      gsize lent_len;
      const char *lent_data = g_bytes_get_data (lent, &lent_len);

      LEKH_FUZZ_ASSERT (lent_len == cut - 3);
      LEKH_FUZZ_ASSERT (lent_len == 0 || memcmp (lent_data, text + 3, lent_len) == 0);
    }
  {
    g_autoptr(GBytes) now = lekh_preview_model_ref_text (replaced);
    gsize now_len;
    const char *now_data = g_bytes_get_data (now, &now_len);

    LEKH_FUZZ_ASSERT (now_len == b->len && (now_len == 0 || memcmp (now_data, b->str, now_len) == 0));
    LEKH_FUZZ_ASSERT (now_data == NULL || now_data[now_len] == '\0');
  }

  /* Anchor links: a fragment from the input, against its headings. */
  {
    g_autofree char *fragment = g_strndup (b->str, MIN (b->len, 24));
    int index = lekh_preview_model_find_heading (scratch, fragment);

    LEKH_FUZZ_ASSERT (index < (int) lekh_preview_model_get_n_blocks (scratch));
    LEKH_FUZZ_ASSERT (index < 0 || lekh_preview_model_get_block (scratch, (guint) index)->type
                                   == CMARK_NODE_HEADING);
  }

  /* Incremental, whole new text. */
  lekh_preview_model_set_text (reset, text + 3, cut - 3, NULL);
  n_before = lekh_preview_model_get_n_blocks (reset);
  memset (&change, 0, sizeof change);
  lekh_preview_model_set_text (reset, b->str, b->len, &change);
  check_blocks (reset, b->str, b->len);
  check_change (reset, &change, n_before);
  check_same_blocks (reset, scratch);

  return 0;
}
