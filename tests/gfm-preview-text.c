/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helper of gfm-spec.py --preview: the text the preview shows for Markdown documents, made
 * as the preview makes it (LekhPreviewModel's blocks, each rendered by
 * lekh_preview_rendering_add_block()) but without a display. Tables are written where
 * their anchor stands, cell by cell, as a view lays them out; check boxes, rules and
 * images (their anchors) add nothing. Reads and writes records "LENGTH\n" + LENGTH bytes,
 * like gfm-render. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lekh-preview-model.h"
#include "lekh-preview-render.h"

static void append_rendering (GString *out, const LekhPreviewRendering *r);

static void
append_table (GString                *out,
              const LekhPreviewTable *table)
{
  for (guint row = 0; row < table->rows->len; row++)
    {
      for (guint column = 0; column < table->n_columns; column++)
        {
          LekhPreviewRendering *cell = lekh_preview_table_get_cell ((LekhPreviewTable *) table,
                                                                    row, column);

          g_string_append_c (out, ' ');
          if (cell != NULL)
            append_rendering (out, cell);
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_rendering (GString                    *out,
                  const LekhPreviewRendering *r)
{
  gsize done = 0;

  for (guint i = 0; i < r->anchors->len; i++)
    {
      const LekhPreviewAnchor *a = &g_array_index (r->anchors, LekhPreviewAnchor, i);

      g_string_append_len (out, r->text->str + done, a->byte - done);
      done = a->byte;
      if (a->kind == LEKH_PREVIEW_ANCHOR_TABLE && a->table != NULL)
        append_table (out, a->table);
    }
  g_string_append_len (out, r->text->str + done, r->text->len - done);
}

int
main (void)
{
  unsigned long len;

  while (scanf ("%lu", &len) == 1 && getchar () == '\n')
    {
      g_autofree char *text = g_malloc (len + 1);
      g_autoptr(GString) out = g_string_new (NULL);
      LekhPreviewModel *model = lekh_preview_model_new ();
      g_autoptr(LekhPreviewRendering) r = lekh_preview_rendering_new ();

      if (fread (text, 1, len, stdin) != len)
        return 1;
      text[len] = '\0';
      lekh_preview_model_set_text (model, text, len, NULL);
      for (guint i = 0; i < lekh_preview_model_get_n_blocks (model); i++)
        {
          const LekhPreviewBlock *block = lekh_preview_model_get_block (model, i);
          cmark_node *node = lekh_preview_model_get_node (model, i);
          int first_line = (int) block->start_line
                           - lekh_preview_model_get_node_line_offset (model, i);

          if (node == NULL)
            continue;
          lekh_preview_rendering_add_block (r, node, block->context, first_line,
                                            text + block->start, block->end - block->start);
        }
      append_rendering (out, r);
      lekh_preview_model_free (model);
      printf ("%zu\n", out->len);
      fwrite (out->str, 1, out->len, stdout);
      fflush (stdout);
    }
  return 0;
}
