#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the whole project with AddressSanitizer + UndefinedBehaviorSanitizer in its own
# build folder and runs the whole test suite under it (GUI tests on a virtual display).
#
#   bash build-aux/sanitize.sh [meson test arguments...]
#
# Environment: LEKH_ASAN_BUILDDIR (default _build-asan).
# Leaks are detected in the core and command-line tests (and in every `lekh` they run);
# in test programs that link GTK they are not, because GTK, fontconfig and Mesa keep
# caches for the life of the process that LeakSanitizer reports as leaks.
# The meson log (named after the wrapper) is BUILDDIR/meson-logs/testlog-sanitize-wrapper.sh.json,
# for build-aux/count-tests.py.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
builddir="${LEKH_ASAN_BUILDDIR:-$here/_build-asan}"

# Built with clang and the fuzz targets too: `fuzz.sh replay` then runs in the same folder
# (LEKH_FUZZ_BUILDDIR), so CI compiles the sanitized code once.
fuzzing_enabled() {
  python3 -c 'import json, sys
print(any(o["name"] == "fuzzing" and o["value"] is True for o in json.load(open(sys.argv[1]))))' \
    "$builddir/meson-info/intro-buildoptions.json" 2>/dev/null
}
# An older folder set up with gcc and without the fuzz targets is set up again.
if [ -f "$builddir/build.ninja" ] && [ "$(fuzzing_enabled)" != True ]; then
  rm -rf "$builddir"
fi
mkdir -p "$builddir"
if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" "$here" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dfuzzing=true >"$builddir/lekh-setup.log" 2>&1 \
    || { cat "$builddir/lekh-setup.log" >&2; exit 1; }
fi
# A stale log must not count if the build fails.
rm -f "$builddir/meson-logs/testlog-sanitize-wrapper.sh.json"
ninja -C "$builddir" -j2 >"$builddir/lekh-build.log" 2>&1 \
  || { tail -40 "$builddir/lekh-build.log" >&2; echo "sanitize: build failed" >&2; exit 1; }

export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$here/build-aux/lsan.supp:print_suppressions=0"
export G_SLICE=always-malloc GSK_RENDERER=cairo NO_AT_BRIDGE=1

status=0
xvfb-run -a -s '-screen 0 1400x900x24' dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --timeout-multiplier 4 \
  --wrapper "$here/build-aux/sanitize-wrapper.sh" "$@" || status=$?
exit $status
