/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-chip-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lekh-chip.h"
#include "lekh-chip-editor.h"
#include "lekh-suggestion.h"
#include "lekh-text.h"
#include "lekh-wrap-layout.h"

#define SPACING 4

struct _LekhChipEditor
{
  GtkWidget   parent_instance;

  GPtrArray  *chips;
  GtkWidget  *entry;
  GtkWidget  *popover;
  GtkWidget  *suggestion_list;

  GPtrArray  *items;
  GPtrArray  *details;      /* per item: NULL, or what it is besides its name */
  GListModel *suggestions;
  char       *label;
  guint       editable : 1;
  guint       in_change : 1;
  guint       itemwise : 1;
};

G_DEFINE_FINAL_TYPE (LekhChipEditor, lekh_chip_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITABLE,
  PROP_LABEL,
  PROP_SUGGESTIONS,
  N_PROPS
};

enum {
  CHANGED,
  ITEM_ADDED,
  ITEM_REMOVED,
  ITEM_MOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild_chips (LekhChipEditor *self);

/* Duplicates are found as the validator finds them: case-folded, NFKC. */
static int
find_item (LekhChipEditor *self,
           const char     *text)
{
  g_autofree char *key = lekh_text_fold (text);

  for (guint i = 0; i < self->items->len; i++)
    {
      g_autofree char *other = lekh_text_fold (g_ptr_array_index (self->items, i));

      if (strcmp (key, other) == 0)
        return i;
    }
  return -1;
}

/* The chips show the change, then ::item-added, ::item-removed or ::item-moved say what
 * it was and ::changed that there was one. */
static void
emit_changed (LekhChipEditor *self,
              guint           signal,
              guint           position,
              guint           to)
{
  rebuild_chips (self);
  if (signal == ITEM_MOVED)
    g_signal_emit (self, signals[ITEM_MOVED], 0, position, to);
  else
    g_signal_emit (self, signals[signal], 0, position);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
flash_chip (LekhChipEditor *self,
            guint           position)
{
  if (position < self->chips->len)
    {
      GtkWidget *chip = g_ptr_array_index (self->chips, position);

      gtk_widget_remove_css_class (chip, "duplicate");
      gtk_widget_add_css_class (chip, "duplicate");
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
}

gboolean
lekh_chip_editor_add (LekhChipEditor *self,
                      const char     *text)
{
  g_autofree char *stripped = NULL;
  int existing;

  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!self->editable)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return FALSE;

  existing = find_item (self, stripped);
  if (existing >= 0)
    {
      flash_chip (self, existing);
      return FALSE;
    }

  g_ptr_array_add (self->items, g_steal_pointer (&stripped));
  g_ptr_array_add (self->details, NULL);
  emit_changed (self, ITEM_ADDED, self->items->len - 1, 0);
  return TRUE;
}

gboolean
lekh_chip_editor_remove (LekhChipEditor *self,
                         guint           position)
{
  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), FALSE);

  if (!self->editable || position >= self->items->len)
    return FALSE;

  g_ptr_array_remove_index (self->items, position);
  g_ptr_array_remove_index (self->details, position);
  emit_changed (self, ITEM_REMOVED, position, 0);
  return TRUE;
}

gboolean
lekh_chip_editor_move (LekhChipEditor *self,
                       guint           from,
                       guint           to)
{
  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), FALSE);

  if (!self->editable || from >= self->items->len || to >= self->items->len || from == to)
    return FALSE;

  g_ptr_array_insert (self->items, to, g_ptr_array_steal_index (self->items, from));
  g_ptr_array_insert (self->details, to, g_ptr_array_steal_index (self->details, from));
  emit_changed (self, ITEM_MOVED, from, to);
  return TRUE;
}

static void
chip_remove_cb (LekhChip       *chip,
                LekhChipEditor *self)
{
  guint position = lekh_chip_get_position (chip);

  gtk_widget_grab_focus (self->entry);
  lekh_chip_editor_remove (self, position);
}

static gboolean
chip_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     LekhChipEditor        *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *chip = gtk_widget_get_ancestor (button, LEKH_TYPE_CHIP);
  guint position = lekh_chip_get_position (LEKH_CHIP (chip));
  guint target;

  if ((state & GDK_ALT_MASK) == 0)
    {
      if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_BackSpace)
        {
          gtk_widget_grab_focus (self->entry);
          lekh_chip_editor_remove (self, position);
          return TRUE;
        }
      return FALSE;
    }

  /* The arrows move a chip the way they point: in a right-to-left locale the chips run
   * from the right, so ← moves it later in the list. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    keyval = keyval == GDK_KEY_Left ? GDK_KEY_Right : keyval == GDK_KEY_Right ? GDK_KEY_Left : keyval;
  if (keyval == GDK_KEY_Left && position > 0)
    target = position - 1;
  else if (keyval == GDK_KEY_Right && position + 1 < self->items->len)
    target = position + 1;
  else
    return FALSE;

  if (lekh_chip_editor_move (self, position, target))
    {
      if (target < self->chips->len)
        gtk_widget_grab_focus (lekh_chip_get_button (g_ptr_array_index (self->chips, target)));
    }
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource  *source,
                 double          x,
                 double          y,
                 LekhChipEditor *self)
{
  GtkWidget *chip = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (!self->editable)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_UINT, lekh_chip_get_position (LEKH_CHIP (chip)));
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         LekhChipEditor *self)
{
  GtkWidget *chip = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  if (!G_VALUE_HOLDS_UINT (value))
    return FALSE;
  return lekh_chip_editor_move (self, g_value_get_uint (value),
                                lekh_chip_get_position (LEKH_CHIP (chip)));
}

static GtkWidget *
create_chip (LekhChipEditor *self,
             const char     *text,
             const char     *detail,
             guint           position)
{
  GtkWidget *chip = lekh_chip_new (text, detail, position, self->editable);
  GtkEventController *keys;
  GtkDragSource *source;
  GtkDropTarget *drop;

  g_signal_connect (chip, "remove", G_CALLBACK (chip_remove_cb), self);
  /* On the button, which is what takes the focus. */
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (chip_key_pressed_cb), self);
  gtk_widget_add_controller (lekh_chip_get_button (LEKH_CHIP (chip)), keys);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (source));
  drop = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (drop));

  return chip;
}

static void
rebuild_chips (LekhChipEditor *self)
{
  for (guint i = 0; i < self->chips->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->chips, i));
  g_ptr_array_set_size (self->chips, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *chip = create_chip (self, g_ptr_array_index (self->items, i),
                                     g_ptr_array_index (self->details, i), i);

      gtk_widget_insert_before (chip, GTK_WIDGET (self), self->entry);
      g_ptr_array_add (self->chips, chip);
    }
}

/* Suggestions */

static void
hide_suggestions (LekhChipEditor *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

/* The model holds what to offer, ranked by the core (lekh_suggestion_for_site): the
 * popover shows it as it is while something is typed. */
static void
update_suggestions (LekhChipEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (self->suggestions != NULL && text[0] != '\0' && self->editable &&
      g_list_model_get_n_items (self->suggestions) > 0)
    gtk_popover_popup (GTK_POPOVER (self->popover));
  else
    hide_suggestions (self);
}

static GtkWidget *
create_suggestion_row (gpointer item,
                       gpointer user_data)
{
  LekhSuggestion *suggestion = item;
  const char *detail = lekh_suggestion_get_detail (suggestion);
  GtkWidget *row = gtk_label_new (lekh_suggestion_get_value (suggestion));

  gtk_label_set_xalign (GTK_LABEL (row), 0);
  if (detail != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *sub = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      /* Shown whole (the popover takes the labels' minimum width), wrapped when
       * long, such as a tag's description. */
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (sub), (int) MIN (g_utf8_strlen (detail, -1), 40));
      gtk_label_set_max_width_chars (GTK_LABEL (sub), 40);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), row);
      gtk_box_append (GTK_BOX (box), sub);
      row = box;
    }
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  return row;
}

static void
suggestions_changed_cb (LekhChipEditor *self)
{
  if (self->entry != NULL)
    update_suggestions (self);
}

static void
suggestion_activated_cb (GtkListBox     *list,
                         GtkListBoxRow  *row,
                         LekhChipEditor *self)
{
  g_autoptr(LekhSuggestion) suggestion = NULL;

  if (self->suggestions == NULL)
    return;
  suggestion = g_list_model_get_item (self->suggestions, gtk_list_box_row_get_index (row));
  if (suggestion == NULL)
    return;
  lekh_chip_editor_add (self, lekh_suggestion_get_value (suggestion));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  hide_suggestions (self);
  gtk_widget_grab_focus (self->entry);
}

/* Entry */

static void
entry_activate_cb (LekhChipEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (text[0] == '\0')
    return;
  if (lekh_chip_editor_add (self, text) || find_item (self, text) >= 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
entry_changed_cb (LekhChipEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  const char *comma;

  if (self->in_change)
    return;

  /* A comma (or a pasted comma-separated list) adds what comes before it. */
  if ((comma = strchr (text, ',')) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (text, ",", -1);
      guint n = g_strv_length (parts);

      for (guint i = 0; i + 1 < n; i++)
        lekh_chip_editor_add (self, parts[i]);

      self->in_change = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->entry), parts[n - 1]);
      gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
      self->in_change = FALSE;
    }

  update_suggestions (self);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      LekhChipEditor        *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if ((keyval == GDK_KEY_BackSpace) && text[0] == '\0' && self->items->len > 0)
    {
      lekh_chip_editor_remove (self, self->items->len - 1);
      return TRUE;
    }
  if (keyval == GDK_KEY_Down && gtk_widget_get_visible (self->popover))
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->suggestion_list), 0);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape && gtk_widget_get_visible (self->popover))
    {
      hide_suggestions (self);
      return TRUE;
    }
  return FALSE;
}

static void
focus_leave_cb (LekhChipEditor *self)
{
  if (!gtk_widget_has_focus (self->entry) && !gtk_widget_get_visible (self->popover))
    hide_suggestions (self);
}

/* GObject */

static void
lekh_chip_editor_dispose (GObject *object)
{
  LekhChipEditor *self = LEKH_CHIP_EDITOR (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->chips != NULL)
    {
      for (guint i = 0; i < self->chips->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->chips, i));
      g_ptr_array_set_size (self->chips, 0);
    }
  g_clear_pointer (&self->entry, gtk_widget_unparent);
  if (self->suggestions != NULL)
    g_signal_handlers_disconnect_by_func (self->suggestions, suggestions_changed_cb, self);
  g_clear_object (&self->suggestions);

  G_OBJECT_CLASS (lekh_chip_editor_parent_class)->dispose (object);
}

static void
lekh_chip_editor_finalize (GObject *object)
{
  LekhChipEditor *self = LEKH_CHIP_EDITOR (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->details, g_ptr_array_unref);
  g_clear_pointer (&self->chips, g_ptr_array_unref);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (lekh_chip_editor_parent_class)->finalize (object);
}

/* Chips flow left to right and wrap, the entry taking what is left of its line (a
 * LekhWrapLayout); the suggestions follow the entry. */
static void
lekh_chip_editor_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  LekhChipEditor *self = LEKH_CHIP_EDITOR (widget);

  GTK_WIDGET_CLASS (lekh_chip_editor_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static gboolean
lekh_chip_editor_grab_focus (GtkWidget *widget)
{
  LekhChipEditor *self = LEKH_CHIP_EDITOR (widget);

  return self->entry != NULL && gtk_widget_grab_focus (self->entry);
}

static void
lekh_chip_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LekhChipEditor *self = LEKH_CHIP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_SUGGESTIONS:
      g_value_set_object (value, self->suggestions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_label (LekhChipEditor *self,
           const char     *label)
{
  g_autofree char *entry_label = NULL;

  g_free (self->label);
  self->label = g_strdup (label ? label : "");
  /* The group is named like its visible label ("Tags"); its entry says what it adds. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  -1);
  entry_label = g_strdup_printf (_("Add to %s"), self->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label,
                                  -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Add…"));
}

static void
lekh_chip_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LekhChipEditor *self = LEKH_CHIP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      lekh_chip_editor_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_LABEL:
      set_label (self, g_value_get_string (value));
      break;
    case PROP_SUGGESTIONS:
      lekh_chip_editor_set_suggestions (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_chip_editor_class_init (LekhChipEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lekh_chip_editor_dispose;
  object_class->finalize = lekh_chip_editor_finalize;
  object_class->get_property = lekh_chip_editor_get_property;
  object_class->set_property = lekh_chip_editor_set_property;

  widget_class->size_allocate = lekh_chip_editor_size_allocate;
  gtk_widget_class_set_layout_manager_type (widget_class, LEKH_TYPE_WRAP_LAYOUT);
  widget_class->grab_focus = lekh_chip_editor_grab_focus;

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUGGESTIONS] =
    g_param_spec_object ("suggestions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ITEM_ADDED] =
    g_signal_new ("item-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[ITEM_REMOVED] =
    g_signal_new ("item-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[ITEM_MOVED] =
    g_signal_new ("item-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "chipeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lekh_chip_editor_init (LekhChipEditor *self)
{
  GtkEventController *keys;
  GtkEventController *focus;
  GtkWidget *scroller;
  LekhWrapLayout *layout;

  self->items = g_ptr_array_new_with_free_func (g_free);
  self->details = g_ptr_array_new_with_free_func (g_free);
  self->editable = TRUE;

  self->chips = g_ptr_array_new ();

  self->entry = gtk_entry_new ();
  gtk_widget_add_css_class (self->entry, "flat");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 6);
  gtk_widget_set_hexpand (self->entry, TRUE);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (self->entry, focus);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  layout = LEKH_WRAP_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  lekh_wrap_layout_set_spacing (layout, SPACING);
  lekh_wrap_layout_set_fill (layout, self->entry);

  self->suggestion_list = gtk_list_box_new ();
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->suggestion_list), TRUE);
  g_signal_connect (self->suggestion_list, "row-activated",
                    G_CALLBACK (suggestion_activated_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestion_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggestions"),
                                  -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->suggestion_list);

  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_add_css_class (self->popover, "menu");
  gtk_popover_set_child (GTK_POPOVER (self->popover), scroller);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

GtkWidget *
lekh_chip_editor_new (const char *label)
{
  return g_object_new (LEKH_TYPE_CHIP_EDITOR, "label", label, NULL);
}

void
lekh_chip_editor_set_items (LekhChipEditor     *self,
                            const char * const *items)
{
  lekh_chip_editor_set_items_detailed (self, items, NULL);
}

void
lekh_chip_editor_set_items_detailed (LekhChipEditor     *self,
                                     const char * const *items,
                                     const char * const *details)
{
  guint n = items ? g_strv_length ((char **) items) : 0;

  g_return_if_fail (LEKH_IS_CHIP_EDITOR (self));

  self->itemwise = FALSE;
  for (guint i = 0; details != NULL && i < n; i++)
    self->itemwise |= details[i] != NULL;

  if (self->items->len == n)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < n && same; i++)
        same = strcmp (g_ptr_array_index (self->items, i), items[i]) == 0 &&
               g_strcmp0 (g_ptr_array_index (self->details, i), details ? details[i] : NULL) == 0;
      if (same)
        return;
    }

  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->details, 0);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->items, g_strdup (items[i]));
      g_ptr_array_add (self->details, g_strdup (details ? details[i] : NULL));
    }
  rebuild_chips (self);
}

const char *
lekh_chip_editor_get_item_detail (LekhChipEditor *self,
                                  guint           position)
{
  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), NULL);

  if (position >= self->details->len)
    return NULL;
  return g_ptr_array_index (self->details, position);
}

gboolean
lekh_chip_editor_get_itemwise (LekhChipEditor *self)
{
  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), FALSE);
  return self->itemwise;
}

char **
lekh_chip_editor_dup_items (LekhChipEditor *self)
{
  char **out;

  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), NULL);

  out = g_new0 (char *, self->items->len + 1);
  for (guint i = 0; i < self->items->len; i++)
    out[i] = g_strdup (g_ptr_array_index (self->items, i));
  return out;
}

guint
lekh_chip_editor_get_n_items (LekhChipEditor *self)
{
  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), 0);
  return self->items->len;
}

const char *
lekh_chip_editor_get_label (LekhChipEditor *self)
{
  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), NULL);
  return self->label;
}

void
lekh_chip_editor_set_editable (LekhChipEditor *self,
                               gboolean        editable)
{
  g_return_if_fail (LEKH_IS_CHIP_EDITOR (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  gtk_widget_set_visible (self->entry, editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_READ_ONLY, !editable,
                                  -1);
  if (!editable)
    hide_suggestions (self);
  rebuild_chips (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
lekh_chip_editor_get_editable (LekhChipEditor *self)
{
  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), FALSE);
  return self->editable;
}

void
lekh_chip_editor_set_suggestions (LekhChipEditor *self,
                                  GListModel     *suggestions)
{
  g_return_if_fail (LEKH_IS_CHIP_EDITOR (self));
  g_return_if_fail (!suggestions || G_IS_LIST_MODEL (suggestions));

  if (self->suggestions != NULL)
    g_signal_handlers_disconnect_by_func (self->suggestions, suggestions_changed_cb, self);
  g_return_if_fail (!suggestions ||
                    g_type_is_a (g_list_model_get_item_type (suggestions), LEKH_TYPE_SUGGESTION));

  if (g_set_object (&self->suggestions, suggestions))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUGGESTIONS]);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->suggestion_list), self->suggestions,
                           create_suggestion_row, NULL, NULL);
  /* A model filled as the writer types (the site index) refreshes the list. */
  if (self->suggestions != NULL)
    g_signal_connect_swapped (self->suggestions, "items-changed",
                              G_CALLBACK (suggestions_changed_cb), self);
}

GListModel *
lekh_chip_editor_get_suggestions (LekhChipEditor *self)
{
  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), NULL);
  return self->suggestions;
}

GtkWidget *
lekh_chip_editor_get_entry (LekhChipEditor *self)
{
  g_return_val_if_fail (LEKH_IS_CHIP_EDITOR (self), NULL);
  return self->entry;
}
