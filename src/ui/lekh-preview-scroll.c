/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-preview"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lekh-preview-private.h"

/* Puts the scroll mark at source LINE; FALSE while its block is not rendered yet. */
static gboolean
place_scroll_mark (LekhPreview *self,
                   guint        line)
{
  int index = lekh_preview_model_find_line (self->model, line);
  GtkTextIter iter;

  if (index < 0 || line < lekh_preview_model_get_body_line (self->model))
    gtk_text_buffer_get_start_iter (self->buffer, &iter);
  else if ((guint) index >= self->blocks->len)
    return FALSE;
  else
    {
      BlockView *bv = g_ptr_array_index (self->blocks, index);
      const LekhPreviewBlock *block = lekh_preview_model_get_block (self->model, (guint) index);

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, bv->mark);
      if (bv->lines != NULL && line > block->start_line)
        {
          guint rel = 0;

          for (guint i = 0; i < bv->lines->len; i++)
            {
              LekhPreviewLine *anchor = &g_array_index (bv->lines, LekhPreviewLine, i);

              if (block->start_line + anchor->line_delta > line)
                break;
              rel = anchor->offset;
            }
          gtk_text_iter_forward_chars (&iter, (int) rel);
        }
    }
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &iter);
  return TRUE;
}

static void
scroll_to_mark (LekhPreview *self)
{
  self->preview_moved_until = g_get_monotonic_time () + 250 * 1000;
  gtk_text_view_scroll_to_mark (self->view, self->scroll_mark, 0.0, TRUE, 0.0, 0.0);
}

static gboolean
scroll_check_cb (gpointer data)
{
  LekhPreview *self = data;
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  guint top;
  gboolean at_end;

  /* Far in a very long article: wait while the background renders up to the target. */
  if (!place_scroll_mark (self, self->scroll_target))
    return G_SOURCE_CONTINUE;

  top = lekh_preview_get_top_line (self);
  at_end = gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj)
           >= gtk_adjustment_get_upper (vadj) - 1;
  if (self->scroll_tries++ >= 80
      || (top + 3 >= self->scroll_target && top <= self->scroll_target + 3)
      || (at_end && top <= self->scroll_target))
    {
      self->scroll_check_id = 0;
      return G_SOURCE_REMOVE;
    }
  scroll_to_mark (self);
  return G_SOURCE_CONTINUE;
}

void
lekh_preview_scroll_to_line (LekhPreview *self,
                             guint        line)
{
  int index;

  g_return_if_fail (LEKH_IS_PREVIEW (self));

  _lekh_preview_update_now (self);
  index = lekh_preview_model_find_line (self->model, line);
  /* A block beyond what is rendered so far: render up to it, now when it is near, else
   * in the background (scrolling there when it is done), so a jump to the end of a very
   * long article does not freeze the window. */
  if (index >= 0 && (guint) index >= self->blocks->len)
    {
      guint n = lekh_preview_model_get_n_blocks (self->model);
      guint upto = MIN ((guint) index + 48, n);

      if (upto - self->blocks->len <= SYNC_RENDER_BLOCKS)
        _lekh_preview_apply_change (self, self->blocks->len, 0, upto - self->blocks->len, TRUE);
      else
        {
          self->catch_up_to = MAX (self->catch_up_to, upto);
          _lekh_preview_render_more (self);
        }
    }
  if (place_scroll_mark (self, line))
    scroll_to_mark (self);
  self->last_top_line = line;

  /* Lines the view has not laid out yet count as flat: it may stop short of a far target
   * and get there as its layout catches up. */
  self->scroll_target = line;
  self->scroll_tries = 0;
  g_clear_handle_id (&self->scroll_check_id, g_source_remove);
  self->scroll_check_id = g_timeout_add (60, scroll_check_cb, self);
}

guint
lekh_preview_get_top_line (LekhPreview *self)
{
  GdkRectangle rect;
  GtkTextIter iter;

  g_return_val_if_fail (LEKH_IS_PREVIEW (self), 0);

  gtk_text_view_get_visible_rect (self->view, &rect);
  gtk_text_view_get_iter_at_location (self->view, &iter, rect.x + MARGIN_X, rect.y + 1);
  return lekh_preview_get_line_at_offset (self, gtk_text_iter_get_offset (&iter));
}

static void
scroll_source_to_line (LekhPreview *self,
                       guint        line)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, line > 0 ? (int) line - 1 : 0);
  if (self->source_sync_mark == NULL
      || gtk_text_mark_get_buffer (self->source_sync_mark) != buffer)
    {
      g_clear_object (&self->source_sync_mark);
      self->source_sync_mark = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE));
    }
  else
    gtk_text_buffer_move_mark (buffer, self->source_sync_mark, &iter);
  self->source_moved_until = g_get_monotonic_time () + 250 * 1000;
  gtk_text_view_scroll_to_mark (self->source_view, self->source_sync_mark, 0.0, TRUE, 0.0, 0.0);
}

static guint
source_top_line (LekhPreview *self)
{
  GdkRectangle rect;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (self->source_view, &rect);
  gtk_text_view_get_line_at_y (self->source_view, &iter, rect.y, NULL);
  return (guint) gtk_text_iter_get_line (&iter) + 1;
}

/* Both views lay long text out lazily, on estimated line heights: a scroll to a far line
 * lands short of it and the estimate improves as lines are laid out. Keep nudging the
 * follower until it shows its target line (or give up after two seconds). */
static gboolean
sync_check_cb (gpointer data)
{
  LekhPreview *self = data;
  guint top;

  if (!self->scroll_sync || self->source_view == NULL || self->sync_tries++ >= 25)
    {
      self->sync_check_id = 0;
      return G_SOURCE_REMOVE;
    }
  top = self->sync_to_source ? source_top_line (self) : lekh_preview_get_top_line (self);
  if (top + 3 >= self->sync_target && top <= self->sync_target + 3)
    {
      self->sync_check_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->sync_to_source)
    scroll_source_to_line (self, self->sync_target);
  else
    lekh_preview_scroll_to_line (self, self->sync_target);
  return G_SOURCE_CONTINUE;
}

static void
sync_check_later (LekhPreview *self,
                  guint        target,
                  gboolean     to_source)
{
  self->sync_target = target;
  self->sync_to_source = to_source;
  self->sync_tries = 0;
  g_clear_handle_id (&self->sync_check_id, g_source_remove);
  self->sync_check_id = g_timeout_add (80, sync_check_cb, self);
}

void
_lekh_preview_vadjustment_changed_cb (LekhPreview *self)
{
  guint line;

  _lekh_preview_render_more (self);
  if (g_get_monotonic_time () < self->preview_moved_until)
    return;
  /* The writer scrolls: stop steering toward the last target. */
  g_clear_handle_id (&self->scroll_check_id, g_source_remove);
  line = lekh_preview_get_top_line (self);
  if (line != self->last_top_line)
    {
      self->last_top_line = line;
      _lekh_preview_emit_top_line_changed (self, line);
      if (self->scroll_sync && self->source_view != NULL && line > 0)
        {
          scroll_source_to_line (self, line);
          sync_check_later (self, line, TRUE);
        }
    }
}

static void
source_view_scrolled_cb (LekhPreview *self)
{
  guint line;

  if (!self->scroll_sync || g_get_monotonic_time () < self->source_moved_until)
    return;
  line = source_top_line (self);
  lekh_preview_scroll_to_line (self, line);
  sync_check_later (self, line, FALSE);
}

void
lekh_preview_set_source_view (LekhPreview *self,
                              GtkTextView *view)
{
  g_return_if_fail (LEKH_IS_PREVIEW (self));
  g_return_if_fail (view == NULL || GTK_IS_TEXT_VIEW (view));

  if (self->source_view == view)
    return;
  if (self->source_view != NULL)
    {
      g_clear_signal_handler (&self->source_view_scroll_id,
                              gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->source_view)));
      if (self->source_sync_mark != NULL && !gtk_text_mark_get_deleted (self->source_sync_mark))
        gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (self->source_sync_mark),
                                     self->source_sync_mark);
      g_clear_object (&self->source_sync_mark);
      g_clear_weak_pointer (&self->source_view);
    }
  if (view == NULL)
    return;
  g_set_weak_pointer (&self->source_view, view);
  self->source_view_scroll_id =
    g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)),
                             "value-changed", G_CALLBACK (source_view_scrolled_cb), self,
                             G_CONNECT_SWAPPED);
}
