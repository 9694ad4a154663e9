#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compares a generator's verdicts with `lekh check --format json` on the same cases.

compare.py NAME GENERATOR.jsonl LEKH.json
GENERATOR.jsonl: one {"case", "verdict": "accepted"|"refused", "message"} per line, with an
optional "detail" (what the generator made of an accepted case: "published, dated …",
"not listed"), shown beside the verdict.
A case agrees when the generator refuses it and Lekh reports at least one error, or the
generator accepts it and Lekh reports no error (warnings and notes are fine either way).
Exit 1 on any disagreement."""
import collections
import json
import sys


def main():
    name, generator_path, lekh_path = sys.argv[1:4]
    verdicts = [json.loads(line) for line in open(generator_path, encoding='utf-8')]
    lekh = json.load(open(lekh_path, encoding='utf-8'))
    found = collections.defaultdict(list)
    for d in lekh['diagnostics']:
        found[d['path']].append(d)

    disagreements = 0
    width = max(len(v['case']) for v in verdicts)
    detail_width = max([len(v.get('detail', '')) for v in verdicts] + [0])
    print(f"{'case':<{width}}  {name.split()[0].lower():<8}  {'':<{detail_width}}  lekh")
    for v in verdicts:
        diagnostics = found.get(v['case'], [])
        errors = sorted({d['rule'] for d in diagnostics if d['severity'] == 'error'})
        others = sorted({d['rule'] for d in diagnostics if d['severity'] != 'error'})
        refused = v['verdict'] == 'refused'
        agree = refused == bool(errors)
        disagreements += not agree
        lekh_text = ('error ' + ','.join(errors)) if errors else 'ok'
        if others:
            lekh_text += ' (+' + ','.join(others) + ')'
        mark = '' if agree else '   <-- DISAGREE'
        print(f"{v['case']:<{width}}  {v['verdict']:<8}  {v.get('detail', ''):<{detail_width}}  "
              f"{lekh_text}{mark}")
        if not agree and refused:
            print(f"{'':<{width}}  {name}: {v.get('message', '')[:160]}")
    total = len(verdicts)
    refused = sum(v['verdict'] == 'refused' for v in verdicts)
    print(f"\n{name}: {total} cases ({refused} refused, {total - refused} accepted); "
          f"Lekh agrees on {total - disagreements} of {total} error verdicts")
    return 1 if disagreements else 0


if __name__ == '__main__':
    sys.exit(main())
