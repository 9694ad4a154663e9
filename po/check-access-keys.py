#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when a translation carries a Latin access key suffix such as "खोलें (_O)".

A suffix in brackets is how some translations keep the English access key; on a Hindi menu it
shows as a stray Latin letter on every item. The access key belongs on a letter of the
translation ("_खोलें"). Usage: check-access-keys.py LANG.po
"""
import re
import sys

SUFFIX = re.compile(r'\s*\(_[A-Za-z0-9]\)')


def main():
    bad = []
    with open(sys.argv[1], encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if line.startswith('msgstr') and SUFFIX.search(line):
                bad.append(f'{sys.argv[1]}:{number}: {line.strip()}')
    for b in bad:
        print('LATIN ACCESS KEY: ' + b)
    print(f'{len(bad)} translations with a Latin access key suffix')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
