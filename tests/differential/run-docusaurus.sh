#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Docusaurus differential test (opt-in, like the benchmarks; not part of `meson test`):
# every case in tests/differential/docusaurus/cases/ and sites/ goes through Docusaurus's own front-matter
# validation (docusaurus/validate.js, with the packages pinned in docusaurus/package.json) and
# through `lekh check --format json --profile docusaurus`; the verdicts are compared.
#
#   tests/differential/run-docusaurus.sh [BUILD_DIR]      (default: _build)
#
# The npm packages are installed once into _build-diff/docusaurus/ (LEKH_DIFF_CACHE moves it),
# never into the source tree. Prints a table and the agreement; exit 1 when an error verdict
# differs (Docusaurus refuses the case and Lekh reports no error, or the other way round).
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/_build}
case "$build" in /*) ;; *) build=$(pwd)/$build ;; esac
here=$src/tests/differential
cache=${LEKH_DIFF_CACHE:-$src/_build-diff}/docusaurus

if [ ! -x "$build/src/lekh" ]; then
  echo "run-docusaurus.sh: no $build/src/lekh; build first (ninja -C $build)" >&2
  exit 2
fi

mkdir -p "$cache"
if ! cmp -s "$here/docusaurus/package.json" "$cache/package.json" || [ ! -d "$cache/node_modules" ]; then
  cp "$here/docusaurus/package.json" "$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --no-package-lock --loglevel=error >&2)
fi

# The cases share one site (cases/: authors.yml, tags.yml); each folder of sites/ is a site of
# its own, for what its authors.yml or tags.yml does to a post.
cd "$here/docusaurus"
{
  NODE_PATH="$cache/node_modules" node validate.js cases $(find cases/blog cases/docs -name '*.md' | sort)
  for site in $(find sites -mindepth 1 -maxdepth 1 -type d | sort); do
    NODE_PATH="$cache/node_modules" node validate.js "$site" $(find "$site" -name '*.md' | sort)
  done
} > "$cache/docusaurus.jsonl"
# Exit 1 (errors found) is expected; 2 is not.
status=0
"$build/src/lekh" check --format json --profile docusaurus cases sites > "$cache/lekh.json" || status=$?
if [ "$status" -gt 1 ]; then
  echo "run-docusaurus.sh: lekh check failed ($status)" >&2
  exit 2
fi

version=$(node -p "require('$cache/node_modules/@docusaurus/plugin-content-blog/package.json').version")
exec python3 "$here/compare.py" "Docusaurus $version" "$cache/docusaurus.jsonl" "$cache/lekh.json"
