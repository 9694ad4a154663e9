/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lekh-error.h"

G_DEFINE_QUARK (lekh-error-quark, lekh_error)
