#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The developer entry point. On a Debian 12 machine, as root (or with sudo):
#   bash build-aux/dev.sh run [FILE...]   install what is missing, build, open the files
#                                         (the sample article when none is named)
#   bash build-aux/dev.sh test   install what is missing, build, run the whole test suite
#                                (then again under ASan + UBSan, then every fuzz target's
#                                committed inputs)
#   bash build-aux/dev.sh sanitize                   only the sanitizer stage
#   bash build-aux/dev.sh fuzz replay|explore [TARGET...]   see build-aux/fuzz.sh
#
# The test command prints each stage's duration and ends with the line
# "N passed, N failed" counted from the real results of all three stages.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
builddir="${LEKH_BUILDDIR:-$here/_build}"

packages=(
  gcc pkg-config meson ninja-build python3 git
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libenchant-2-dev hunspell-hi hunspell-en-us
  gettext desktop-file-utils appstream libglib2.0-bin
  xvfb xauth dbus dbus-x11 at-spi2-core
  fonts-lohit-deva fonts-noto-core
  clang libclang-rt-14-dev
  flatpak-builder
  libx11-dev libxdamage-dev gnome-text-editor
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  # Node.js may come from elsewhere than Debian (with its own npm): only ask for it when absent.
  if ! command -v npm >/dev/null 2>&1; then
    missing+=(nodejs npm)
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
}

build() {
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$here" >/dev/null
  fi
  ninja -C "$builddir"
}

run_app() {
  local files=()
  # Paths are taken before anything changes folder: relative ones are the caller's.
  for f in "$@"; do
    files+=("$(realpath -m -- "$f")")
  done
  [ "${#files[@]}" -gt 0 ] || files=("$here/data/samples/namaste-lekh.md")
  ensure_packages
  build
  export GSETTINGS_SCHEMA_DIR="$builddir/data"
  # The build's own translations: LANGUAGE=hi bash build-aux/dev.sh run shows Lekh in Hindi.
  export LEKH_LOCALEDIR="$builddir/po"
  exec "$builddir/src/lekh" "${files[@]}"
}

# Runs "$@" and prints how long it took, under the name STAGE.
timed() {
  local stage="$1" start rc=0
  shift
  start=$(date +%s)
  "$@" || rc=$?
  stage_times+=("$(printf '%-34s %5d s' "$stage" $(($(date +%s) - start)))")
  return $rc
}

# The normal suite; then, unless tests were named or LEKH_SANITIZE=0 / LEKH_FUZZ=0 say
# otherwise, the whole suite again under ASan + UBSan (build-aux/sanitize.sh) and every
# fuzz target on its committed inputs (build-aux/fuzz.sh replay: fuzz/corpus/ and
# fuzz/regressions/, each input once, the same verdict on every run). All count in the
# last line. Exploratory fuzzing (new inputs) is not part of it: `dev.sh fuzz explore`.
run_tests() {
  local status=0 start
  local logs=("$builddir/meson-logs/testlog.json")
  local extra=()
  stage_times=()
  start=$(date +%s)
  timed "install packages" ensure_packages || return 1
  timed "build" build || return 1
  export GSK_RENDERER=cairo NO_AT_BRIDGE=1
  timed "test suite" xvfb-run -a -s '-screen 0 1400x900x24' \
    dbus-run-session -- meson test -C "$builddir" --print-errorlogs "$@" || status=$?

  if [ "$#" -eq 0 ] && [ "${LEKH_SANITIZE:-1}" != 0 ]; then
    local asan_dir="${LEKH_ASAN_BUILDDIR:-$builddir-asan}"
    echo "== The test suite under AddressSanitizer + UndefinedBehaviorSanitizer ($asan_dir)"
    timed "sanitizer suite (build and run)" \
      env LEKH_ASAN_BUILDDIR="$asan_dir" bash "$here/build-aux/sanitize.sh" || status=1
    logs+=("$asan_dir/meson-logs/testlog-sanitize-wrapper.sh.json")
  fi
  if [ "$#" -eq 0 ] && [ "${LEKH_FUZZ:-1}" != 0 ]; then
    # The sanitizer stage's folder already holds the fuzz targets (sanitize.sh).
    local fuzz_dir="${LEKH_FUZZ_BUILDDIR:-${LEKH_ASAN_BUILDDIR:-$builddir-asan}}"
    [ "${LEKH_SANITIZE:-1}" != 0 ] || fuzz_dir="${LEKH_FUZZ_BUILDDIR:-$builddir-fuzz}"
    local fuzz_results="$fuzz_dir/fuzz-results.tap"
    echo "== Fuzz targets on their committed inputs ($fuzz_dir)"
    rm -f "$fuzz_results"
    timed "fuzz replay (build and run)" \
      env LEKH_FUZZ_BUILDDIR="$fuzz_dir" LEKH_FUZZ_RESULTS="$fuzz_results" \
      bash "$here/build-aux/fuzz.sh" replay || status=1
    extra+=(--tap "$fuzz_results")
  fi

  echo "== Stage times"
  printf '%s\n' "${stage_times[@]}"
  printf '%-34s %5d s\n' "total" $(($(date +%s) - start))
  python3 "$here/build-aux/count-tests.py" "${logs[@]}" "${extra[@]}" || status=1
  return $status
}

case "${1:-}" in
  run) shift; run_app "$@" ;;
  test) shift; run_tests "$@" ;;
  build) ensure_packages; build ;;
  sanitize) shift; ensure_packages; bash "$here/build-aux/sanitize.sh" "$@" ;;
  fuzz) shift; ensure_packages; bash "$here/build-aux/fuzz.sh" "$@" ;;
  *) echo "usage: $0 run|test|build|sanitize|fuzz" >&2; exit 2 ;;
esac
