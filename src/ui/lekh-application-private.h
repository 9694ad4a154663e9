/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lekh-application.h"
#include "lekh-draft-store.h"
#include "lekh-window.h"

G_BEGIN_DECLS

struct _LekhApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GMenu          *recent_menu;
  LekhDraftStore *drafts;
  guint           n_windows;
};

/* lekh-application-recovery.c: after a crash, claims what the dead sessions left (their
 * unsaved drafts and open files) and asks, over PARENT, which to restore. Returns the
 * dialog (owned by GTK), or NULL when there is nothing to recover. Restored documents open
 * in PARENT while it holds an untouched new document, else in new windows; each restored
 * draft stays modified until saved. */
GtkWidget *_lekh_application_offer_recovery (LekhApplication *self,
                                             LekhWindow      *parent);

G_END_DECLS
