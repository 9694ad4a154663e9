#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test results and prints 'N skipped', then 'N passed, N failed' as the last line;
exits 1 when anything failed or nothing ran.

Usage: count-tests.py TESTLOG.json [TESTLOG.json ...] [--tap RESULTS ...]

- TESTLOG.json: meson's test log (one JSON object a line). Every TAP 'ok'/'not ok' line
  of a GTest suite is one test; a suite that crashed without reporting 'not ok' counts
  as one failure; a plain (exit code) test counts as one. A log that cannot be read
  counts as one failure (the run it stands for did not happen).
- --tap RESULTS: a file of plain TAP lines ('ok NAME', 'not ok NAME', '# SKIP' allowed),
  e.g. one line per fuzz target from build-aux/fuzz.sh. A missing file is one failure."""
import json
import re
import sys

passed = failed = skipped = 0


def count_tap(text):
    oks = nots = skips = 0
    for line in text.splitlines():
        if re.match(r"^ok\b", line):
            if re.search(r"#\s*SKIP", line, re.I):
                skips += 1
            else:
                oks += 1
        elif re.match(r"^not ok\b", line):
            if re.search(r"#\s*TODO", line, re.I):
                skips += 1
            else:
                nots += 1
    return oks, nots, skips


def count_meson_log(path):
    global passed, failed, skipped
    try:
        with open(path, encoding="utf-8") as log:
            entries = [json.loads(line) for line in log if line.strip()]
    except (OSError, ValueError) as e:
        print(f"cannot read test log {path}: {e}")
        failed += 1
        return

    for entry in entries:
        result = entry.get("result", "")
        oks, nots, skips = count_tap(entry.get("stdout") or "")
        if oks or nots or skips:
            passed += oks
            failed += nots
            skipped += skips
            if result in ("FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS") and nots == 0:
                failed += 1
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1


def count_tap_file(path):
    global passed, failed, skipped
    try:
        with open(path, encoding="utf-8") as f:
            oks, nots, skips = count_tap(f.read())
    except OSError as e:
        print(f"cannot read results {path}: {e}")
        failed += 1
        return
    passed += oks
    failed += nots
    skipped += skips


def main(argv):
    tap = False
    if not argv:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    for arg in argv:
        if arg == "--tap":
            tap = True
        elif tap:
            count_tap_file(arg)
        else:
            count_meson_log(arg)
    return 0


main(sys.argv[1:])
if passed + failed == 0:
    failed = 1
print(f"{skipped} skipped")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
