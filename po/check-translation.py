#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when a translation misses, or has a fuzzy (unreviewed) copy of, a string of the sources.

Extracts a fresh template from po/POTFILES.in with the same xgettext keywords as meson's glib
preset (so it needs no build and never writes into the source tree), merges LANG.po into it and
lists every string that is untranslated or fuzzy.
Usage: check-translation.py SOURCE_ROOT LANG
"""
import os
import shutil
import subprocess
import sys
import tempfile

KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'Q_:1g', 'g_dcgettext:2', 'g_dngettext:2,3',
            'g_dpgettext2:2c,3', 'ngettext:1,2']


def msgids(po_text):
    """msgids (with msgctxt) of a --no-wrap PO text, header excluded."""
    out, ctx = [], None
    for line in po_text.splitlines():
        if line.startswith('msgctxt '):
            ctx = line[8:]
        elif line.startswith('msgid '):
            if line != 'msgid ""' or ctx is not None:
                out.append((ctx + ' | ' if ctx else '') + line[6:])
            ctx = None
    return out


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main():
    root, lang = os.path.abspath(sys.argv[1]), sys.argv[2]
    for tool in ('xgettext', 'msgmerge', 'msgattrib', 'msgcat'):
        if shutil.which(tool) is None:
            print(f'SKIP: {tool} is not installed (package gettext)')
            return 77
    po = os.path.join(root, 'po', lang + '.po')
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'lekh.pot')
        merged = os.path.join(tmp, lang + '.po')
        run(['xgettext', '--package-name=lekh', '--from-code=UTF-8', '--add-comments',
             '--directory=' + root, '--files-from=' + os.path.join(root, 'po', 'POTFILES.in'),
             '--output=' + pot] + ['--keyword=' + k for k in KEYWORDS])
        run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file=' + merged, po, pot])
        total = msgids(run(['msgcat', '--no-wrap', pot]))
        untranslated = msgids(run(['msgattrib', '--no-wrap', '--untranslated', '--no-obsolete',
                                   merged]))
        fuzzy = msgids(run(['msgattrib', '--no-wrap', '--only-fuzzy', '--no-obsolete', merged]))
        stale = msgids(run(['msgattrib', '--no-wrap', '--only-obsolete', merged]))

    print(f'{lang}.po: {len(total)} strings in the sources, {len(untranslated)} untranslated, '
          f'{len(fuzzy)} fuzzy, {len(stale)} no longer in the sources')
    for s in untranslated:
        print('UNTRANSLATED: ' + s)
    for s in fuzzy:
        print('FUZZY: ' + s)
    if untranslated or fuzzy:
        print(f'Update the translation: ninja -C _build lekh-update-po, then translate po/{lang}.po')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
