/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-wrap-layout"

#include "config.h"

#include "lekh-wrap-layout.h"

static gboolean
takes_part (GtkWidget *child)
{
  return !GTK_IS_NATIVE (child) && gtk_widget_should_layout (child);
}

/* Places the children in lines WIDTH wide; returns the height they take. */
static int
arrange (GtkWidget *widget,
         int        width,
         int        spacing,
         GtkWidget *fill,
         gboolean   allocate)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, h, w;

      if (!takes_part (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      w = MAX (MIN (nat_w, width), min_w);
      if (x > 0 && x + w > width)
        {
          y += line_height + spacing;
          x = 0;
          line_height = 0;
        }
      if (child == fill)
        w = MAX (w, width - x);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, &h, NULL, NULL, NULL);

      if (allocate)
        {
          GtkAllocation alloc = { rtl ? width - x - w : x, y, w, h };

          gtk_widget_size_allocate (child, &alloc, -1);
        }
      x += w + spacing;
      line_height = MAX (line_height, h);
    }

  return y + line_height;
}

void
lekh_wrap_layout_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int             spacing,
                          GtkWidget      *fill,
                          int            *minimum,
                          int            *natural)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0;

      /* At least the widest child; at most everything on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!takes_part (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (nat > 0 ? spacing : 0);
        }
      *minimum = min;
      *natural = nat;
    }
  else
    {
      int width = for_size;

      if (width < 0)
        {
          int unused;

          lekh_wrap_layout_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, spacing, fill,
                                    &unused, &width);
        }
      *minimum = *natural = arrange (widget, width, spacing, fill, FALSE);
    }
}

void
lekh_wrap_layout_allocate (GtkWidget *widget,
                           int        width,
                           int        spacing,
                           GtkWidget *fill)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  arrange (widget, width, spacing, fill, TRUE);
}
