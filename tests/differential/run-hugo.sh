#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Hugo differential test (opt-in, like the benchmarks; not part of `meson test`): every
# case in tests/differential/hugo/cases/content/ is built alone by the real `hugo`
# (hugo/validate.py: a site of its own) and checked by
# `lekh check --format json --profile hugo`; compare.py compares the verdicts.
#
#   tests/differential/run-hugo.sh [BUILD_DIR]      (default: _build)
#
# Needs Hugo (Debian 12: apt-get install hugo, 0.111.3). The sites are built in a temporary
# folder under _build-diff/hugo/ (LEKH_DIFF_CACHE moves it). Prints a table (the generator's
# verdict, whether the page is listed and its date, Lekh's findings) and the agreement;
# exit 1 when an error verdict differs.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/_build}
case "$build" in /*) ;; *) build=$(pwd)/$build ;; esac
here=$src/tests/differential
cache=${LEKH_DIFF_CACHE:-$src/_build-diff}/hugo

if [ ! -x "$build/src/lekh" ]; then
  echo "run-hugo.sh: no $build/src/lekh; build first (ninja -C $build)" >&2
  exit 2
fi
if ! version=$(hugo version 2>/dev/null | sed -n 's/^hugo v\([0-9.]*\).*/\1/p') || [ -z "$version" ]; then
  echo "run-hugo.sh: Hugo is not installed (apt-get install hugo)" >&2
  exit 2
fi

mkdir -p "$cache"
cd "$here/hugo"
python3 validate.py cases "$cache/work" $(cd cases && find content -type f | sort) > "$cache/hugo.jsonl"
# Exit 1 (errors found) is expected; 2 is not.
status=0
"$build/src/lekh" check --format json --profile hugo cases > "$cache/lekh.json" || status=$?
if [ "$status" -gt 1 ]; then
  echo "run-hugo.sh: lekh check failed ($status)" >&2
  exit 2
fi
exec python3 "$here/compare.py" "Hugo $version" "$cache/hugo.jsonl" "$cache/lekh.json"
