#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test results from meson's testlog.json: every TAP 'ok'/'not ok' line of a
GTest suite is one test; a suite that crashed without reporting 'not ok' counts as one
failure; a plain (exit code) test counts as one. Prints 'N passed, N failed, N skipped'
as the last line and exits 1 when anything failed or nothing ran."""
import json
import re
import sys

passed = failed = skipped = 0
try:
    with open(sys.argv[1], encoding="utf-8") as log:
        entries = [json.loads(line) for line in log if line.strip()]
except OSError as e:
    print(f"cannot read test log: {e}")
    print("0 passed, 1 failed")
    sys.exit(1)

for entry in entries:
    result = entry.get("result", "")
    out = entry.get("stdout") or ""
    oks = nots = skips = 0
    for line in out.splitlines():
        if re.match(r"^ok \d+", line):
            if re.search(r"#\s*SKIP", line, re.I):
                skips += 1
            else:
                oks += 1
        elif re.match(r"^not ok \d+", line):
            if re.search(r"#\s*TODO", line, re.I):
                skips += 1
            else:
                nots += 1
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

if passed + failed == 0:
    failed = 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
