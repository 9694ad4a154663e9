#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes a screenshot of the window on the sample article under a virtual display.
#   data/screenshots/take-screenshot.sh BUILDDIR OUT.png [light|dark] [FILE] [WIDTHxHEIGHT] [LANGUAGE]
# LEKH_SCREENSHOT_DELAY: seconds to wait for the window before the shot (default 4; more
# on a busy machine).
# e.g. ... narrow.png light '' 360x640, or ... hindi.png light '' 1400x900 hi
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
builddir="$(cd "${1:-$here/_build}" && pwd)"
out="$(realpath -m "${2:-$here/data/screenshots/window.png}")"
style="${3:-light}"
file="${4:-}"
file="$(realpath "${file:-$here/data/samples/namaste-lekh.md}")"
size="${5:-1280x800}"
width="${size%x*}"
height="${size#*x}"
language="${6:-}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/glib-2.0/settings"
cat > "$tmp/config/glib-2.0/settings/keyfile" <<KEYS
[io/github/lekh/Lekh]
window-width=$width
window-height=$height
sidebar-width=330
style-variant='$style'
KEYS
# GNOME's title bar buttons (org.gnome.desktop.wm.preferences button-layout): a bare X
# server would give GTK's default minimize, maximize and close.
mkdir -p "$tmp/config/gtk-4.0"
printf '[Settings]\ngtk-decoration-layout=appmenu:close\n' > "$tmp/config/gtk-4.0/settings.ini"
# Work on a copy in a throwaway home: the session must not touch the sample.
mkdir -p "$tmp/blog"
cp "$file" "$tmp/blog/$(basename "$file")"
cp "$(dirname "$file")"/*.svg "$tmp/blog/" 2>/dev/null || true
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" GSETTINGS_BACKEND=keyfile
export GSETTINGS_SCHEMA_DIR="$builddir/data" GSK_RENDERER=cairo NO_AT_BRIDGE=1
if [ -n "$language" ]; then
  export LANGUAGE="$language" LEKH_LOCALEDIR="$builddir/po"
fi
xvfb-run -a -s "-screen 0 ${width}x${height}x24" bash -c "
  '$builddir/src/lekh' '$tmp/blog/$(basename "$file")' &
  pid=\$!
  sleep ${LEKH_SCREENSHOT_DELAY:-4}
  import -window root '$out'
  kill \$pid
"
echo "$out"
