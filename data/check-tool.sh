#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a validation tool on built files: "check-tool.sh TOOL ARGS...".
# When TOOL is not installed the test is skipped (exit 77) with a message saying what to install.
tool="$1"
shift
if ! command -v "$tool" >/dev/null 2>&1; then
  echo "SKIP: $tool is not installed (bash build-aux/dev.sh installs it)"
  exit 77
fi
echo "\$ $tool $*"
exec "$tool" "$@"
