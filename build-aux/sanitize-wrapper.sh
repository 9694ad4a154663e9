#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# meson test --wrapper for build-aux/sanitize.sh: a test program that links GTK runs
# without leak detection (GTK, fontconfig and Mesa keep per-process caches that
# LeakSanitizer reports); every other test keeps it.
if [ -f "$1" ] && LC_ALL=C readelf -d "$1" 2>/dev/null | grep -q 'NEEDED.*libgtk-4'; then
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fi
exec "$@"
