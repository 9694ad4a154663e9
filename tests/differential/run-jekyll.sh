#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Jekyll differential test (opt-in, like the benchmarks; not part of `meson test`): every
# case in tests/differential/jekyll/cases/ is built alone by the real Jekyll
# (jekyll/validate.rb: a site of its own, Site#process) and checked by
# `lekh check --format json --profile jekyll`; compare.py compares the verdicts.
#
#   tests/differential/run-jekyll.sh [BUILD_DIR]      (default: _build)
#
# Needs Jekyll (Debian 12: apt-get install jekyll, 4.3.1). The sites are built in a
# temporary folder under _build-diff/jekyll/ (LEKH_DIFF_CACHE moves it). Prints a table (the
# generator's verdict, what it made of the post, Lekh's findings) and the agreement; exit 1
# when an error verdict differs.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/_build}
case "$build" in /*) ;; *) build=$(pwd)/$build ;; esac
here=$src/tests/differential
cache=${LEKH_DIFF_CACHE:-$src/_build-diff}/jekyll

if [ ! -x "$build/src/lekh" ]; then
  echo "run-jekyll.sh: no $build/src/lekh; build first (ninja -C $build)" >&2
  exit 2
fi
if ! version=$(ruby -e 'require "jekyll"; print Jekyll::VERSION' 2>/dev/null); then
  echo "run-jekyll.sh: Jekyll is not installed (apt-get install jekyll)" >&2
  exit 2
fi

mkdir -p "$cache"
cd "$here/jekyll"
ruby validate.rb cases "$cache/work" $(cd cases && find _posts -type f | sort) \
  > "$cache/jekyll.jsonl" 2> "$cache/jekyll.log"
# Exit 1 (errors found) is expected; 2 is not.
status=0
"$build/src/lekh" check --format json --profile jekyll cases > "$cache/lekh.json" || status=$?
if [ "$status" -gt 1 ]; then
  echo "run-jekyll.sh: lekh check failed ($status)" >&2
  exit 2
fi
exec python3 "$here/compare.py" "Jekyll $version" "$cache/jekyll.jsonl" "$cache/lekh.json"
