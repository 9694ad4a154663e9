/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "lekh-chip.h"

struct _LekhChip
{
  GtkBox     parent_instance;

  char      *text;
  char      *detail;
  guint      position;
  gboolean   editable;

  /* Template children */
  GtkWidget *label;
  GtkWidget *button;
};

G_DEFINE_FINAL_TYPE (LekhChip, lekh_chip, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_DETAIL,
  PROP_POSITION,
  PROP_EDITABLE,
  N_PROPS
};

enum { REMOVE, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
lekh_chip_constructed (GObject *object)
{
  LekhChip *self = LEKH_CHIP (object);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), self->text);

  G_OBJECT_CLASS (lekh_chip_parent_class)->constructed (object);

  gtk_label_set_text (GTK_LABEL (self->label), self->text);
  gtk_widget_set_tooltip_text (self->label, self->detail ? self->detail : self->text);
  if (self->detail != NULL)
    {
      /* More than a name: it can be removed or moved, its details change in the source. */
      gtk_widget_add_css_class (GTK_WIDGET (self), "detailed");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->detail,
                                      -1);
    }
  gtk_widget_set_tooltip_text (self->button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_widget_set_visible (self->button, self->editable);
}

static void
lekh_chip_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LEKH_TYPE_CHIP);
  G_OBJECT_CLASS (lekh_chip_parent_class)->dispose (object);
}

static void
lekh_chip_finalize (GObject *object)
{
  LekhChip *self = LEKH_CHIP (object);

  g_free (self->text);
  g_free (self->detail);
  G_OBJECT_CLASS (lekh_chip_parent_class)->finalize (object);
}

static void
lekh_chip_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LekhChip *self = LEKH_CHIP (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_chip_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LekhChip *self = LEKH_CHIP (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;
    case PROP_DETAIL:
      self->detail = g_value_dup_string (value);
      break;
    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;
    case PROP_EDITABLE:
      self->editable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_chip_class_init (LekhChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = lekh_chip_constructed;
  object_class->dispose = lekh_chip_dispose;
  object_class->finalize = lekh_chip_finalize;
  object_class->get_property = lekh_chip_get_property;
  object_class->set_property = lekh_chip_set_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lekh/Lekh/lekh-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, LekhChip, label);
  gtk_widget_class_bind_template_child (widget_class, LekhChip, button);
  gtk_widget_class_install_action (widget_class, "chip.remove", NULL, remove_action);
}

static void
lekh_chip_init (LekhChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lekh_chip_new (const char *text,
               const char *detail,
               guint       position,
               gboolean    editable)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_object_new (LEKH_TYPE_CHIP,
                       "text", text,
                       "detail", detail,
                       "position", position,
                       "editable", editable,
                       NULL);
}

const char *
lekh_chip_get_text (LekhChip *self)
{
  g_return_val_if_fail (LEKH_IS_CHIP (self), NULL);
  return self->text;
}

const char *
lekh_chip_get_detail (LekhChip *self)
{
  g_return_val_if_fail (LEKH_IS_CHIP (self), NULL);
  return self->detail;
}

guint
lekh_chip_get_position (LekhChip *self)
{
  g_return_val_if_fail (LEKH_IS_CHIP (self), 0);
  return self->position;
}

GtkWidget *
lekh_chip_get_button (LekhChip *self)
{
  g_return_val_if_fail (LEKH_IS_CHIP (self), NULL);
  return self->button;
}
