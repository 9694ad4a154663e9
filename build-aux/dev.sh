#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The developer entry point. On a Debian 12 machine, as root (or with sudo):
#   bash build-aux/dev.sh run    install what is missing, build, open the sample article
#   bash build-aux/dev.sh test   install what is missing, build, run the whole test suite
#
# The test command ends with the line "N passed, N failed" counted from meson's test log.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
builddir="${LEKH_BUILDDIR:-$here/_build}"

packages=(
  gcc pkg-config meson ninja-build python3 git
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  libyaml-dev libcmark-dev
  gettext desktop-file-utils appstream libglib2.0-bin
  xvfb xauth dbus dbus-x11 at-spi2-core
  fonts-lohit-deva fonts-noto-core
  clang libclang-rt-14-dev
  flatpak-builder
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
  ensure_packages
  build
  export GSETTINGS_SCHEMA_DIR="$builddir/data"
  exec "$builddir/src/lekh" "$here/data/samples/namaste-lekh.md"
}

run_tests() {
  ensure_packages
  build
  local status=0
  export GSK_RENDERER=cairo NO_AT_BRIDGE=1
  xvfb-run -a -s '-screen 0 1400x900x24' \
    dbus-run-session -- meson test -C "$builddir" --print-errorlogs "$@" || status=$?
  python3 "$here/build-aux/count-tests.py" "$builddir/meson-logs/testlog.json" || status=1
  return $status
}

case "${1:-}" in
  run) shift; run_app "$@" ;;
  test) shift; run_tests "$@" ;;
  build) ensure_packages; build ;;
  *) echo "usage: $0 run|test|build" >&2; exit 2 ;;
esac
