#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when a file with translatable strings is missing from po/POTFILES.in.

Looks at every C file and GtkBuilder .ui file under src/ that marks a string for translation
(_(), N_(), C_(), NC_(), Q_(), g_dngettext(), ngettext() or translatable="yes"), and at the desktop
file, metainfo and GSettings schemas under data/. Also fails when POTFILES.in names a file that
does not exist, since xgettext would then stop the whole template from being built.
Usage: check-potfiles.py SOURCE_ROOT
"""
import os
import re
import sys

C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2|ngettext)\s*\(')
UI_MARK = re.compile(r'''translatable\s*=\s*["'](?:yes|true|1)["']''')
DATA_SUFFIXES = ('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in', '.gschema.xml')


def strip_c_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'//[^\n]*', ' ', text)


def needs_translation(path):
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except UnicodeDecodeError:
        return False
    if path.endswith('.ui'):
        return UI_MARK.search(text) is not None
    return C_MARK.search(strip_c_comments(text)) is not None


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
    potfiles_in = os.path.join(root, 'po', 'POTFILES.in')
    listed = set()
    problems = []
    with open(potfiles_in, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            entry = line.strip()
            if not entry or entry.startswith('#'):
                continue
            if not os.path.isfile(os.path.join(root, entry)):
                problems.append(f'po/POTFILES.in:{number}: {entry} does not exist')
            listed.add(entry)

    wanted = []
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, '/')
                if top == 'data':
                    if name.endswith(DATA_SUFFIXES):
                        wanted.append(rel)
                elif name.endswith(('.c', '.h', '.ui')) and needs_translation(path):
                    wanted.append(rel)

    for rel in wanted:
        if rel not in listed:
            problems.append(f'{rel} has translatable strings but is missing from po/POTFILES.in')

    print(f'{len(wanted)} files with translatable strings, {len(listed)} listed in po/POTFILES.in')
    for p in problems:
        print('ERROR: ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
