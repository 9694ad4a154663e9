#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Docusaurus differential test (opt-in, like the benchmarks; not part of `meson test`):
# every case in tests/differential/docusaurus/cases/ and sites/ goes through Docusaurus's own front-matter
# validation (docusaurus/validate.js, with the packages pinned in docusaurus/package.json) and
# through `lekh check --format json --profile docusaurus`; the verdicts are compared.
#
#   tests/differential/run-docusaurus.sh [--corpus] [BUILD_DIR]      (default: _build)
#
# --corpus also puts every article of ../shared/corpus into one Docusaurus site (blog/ for what
# was below a blog/ folder, docs/ for the rest), through both sides, and prints the agreement
# (informative: the exit status is the cases').
#
# The npm packages are installed once into _build-diff/docusaurus/ (LEKH_DIFF_CACHE moves it),
# never into the source tree. Prints a table and the agreement; exit 1 when an error verdict
# differs (Docusaurus refuses the case and Lekh reports no error, or the other way round).
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
corpus=
if [ "${1:-}" = "--corpus" ]; then
  corpus=$src/../shared/corpus
  shift
fi
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
status=0
python3 "$here/compare.py" "Docusaurus $version" "$cache/docusaurus.jsonl" "$cache/lekh.json" || status=$?

if [ -n "$corpus" ]; then
  site=$cache/corpus-site
  rm -rf "$site"
  mkdir -p "$site/blog" "$site/docs"
  echo 'module.exports = {};' > "$site/docusaurus.config.js"
  python3 - "$corpus" "$site" <<'PY'
import os, shutil, sys
corpus, site = sys.argv[1:3]
n = 0
for folder, dirs, files in sorted(os.walk(corpus)):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(('.md', '.mdx', '.markdown')):
            path = os.path.join(folder, name)
            kind = 'blog' if '/blog/' in path else 'docs'
            shutil.copy(path, os.path.join(site, kind, '%05d%s' % (n, '.mdx' if name.endswith('.mdx') else '.md')))
            n += 1
PY
  (cd "$site" && NODE_PATH="$cache/node_modules" node "$here/docusaurus/validate.js" . $(ls -d blog/* docs/*)) \
    > "$cache/corpus-docusaurus.jsonl" 2>/dev/null
  (cd "$site" && "$build/src/lekh" check --format json --profile docusaurus blog docs) \
    > "$cache/corpus-lekh.json" || true
  echo
  echo "../shared/corpus as one Docusaurus site:"
  python3 "$here/compare.py" "Docusaurus $version" "$cache/corpus-docusaurus.jsonl" \
    "$cache/corpus-lekh.json" | grep -A1 'DISAGREE\|agrees' || true
fi
exit $status
