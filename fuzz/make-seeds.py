#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds a libFuzzer seed folder at run time (nothing is copied into the repository):
  - every article of the shared corpus (../shared/corpus), cut to MAX_LEN bytes, since the
    front matter is at the top and libFuzzer works best on small inputs;
  - every file under tests/data/;
  - the string literals of the test programs (tests/*.c) that look like articles or
    front matter: the fixtures the unit tests were written with.
Usage: make-seeds.py OUT_DIR SOURCE_ROOT [SHARED_DIR] [--max-len N]
Prints how many seeds it wrote, from where."""
import hashlib
import os
import re
import sys

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
BETWEEN = re.compile(r'^(?:\s|/\*.*?\*/|//[^\n]*\n)*$', re.S)


def c_unescape(s):
    out = bytearray()
    i = 0
    simple = {'n': 10, 'r': 13, 't': 9, '\\': 92, '"': 34, "'": 39, 'a': 7, 'b': 8,
              'f': 12, 'v': 11, '?': 63, 'e': 27}
    while i < len(s):
        c = s[i]
        if c != '\\':
            out += c.encode('utf-8')
            i += 1
            continue
        i += 1
        e = s[i] if i < len(s) else ''
        if e == 'x':
            j = i + 1
            while j < len(s) and s[j] in '0123456789abcdefABCDEF':
                j += 1
            out.append(int(s[i + 1:j] or '0', 16) & 0xff)
            i = j
        elif e in '01234567':
            j = i
            while j < len(s) and j < i + 3 and s[j] in '01234567':
                j += 1
            out.append(int(s[i:j], 8) & 0xff)
            i = j
        elif e in simple:
            out.append(simple[e])
            i += 1
        else:
            out += e.encode('utf-8')
            i += 1
    return bytes(out)


def c_strings(source):
    """Adjacent literals joined, as the C compiler joins them."""
    strings = []
    current = None
    last_end = 0
    for m in LITERAL.finditer(source):
        piece = c_unescape(m.group(1))
        if current is not None and BETWEEN.match(source[last_end:m.start()]):
            current += piece
        else:
            if current is not None:
                strings.append(current)
            current = piece
        last_end = m.end()
    if current is not None:
        strings.append(current)
    return strings


def main():
    args = [a for a in sys.argv[1:]]
    max_len = 16384
    if '--max-len' in args:
        k = args.index('--max-len')
        max_len = int(args[k + 1])
        del args[k:k + 2]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir, root = args[0], args[1]
    shared = args[2] if len(args) > 2 else os.path.join(root, '..', 'shared')
    os.makedirs(out_dir, exist_ok=True)
    seen = set()
    counts = {'corpus': 0, 'tests/data': 0, 'test literals': 0}

    def add(data, origin):
        data = data[:max_len]
        digest = hashlib.sha1(data).hexdigest()
        if digest in seen:
            return
        seen.add(digest)
        with open(os.path.join(out_dir, digest), 'wb') as f:
            f.write(data)
        counts[origin] += 1

    corpus = os.path.join(shared, 'corpus')
    if os.path.isdir(corpus):
        for dirpath, _, files in sorted(os.walk(corpus)):
            for name in sorted(files):
                if name.endswith(('.md', '.mdx', '.markdown', '.html', '.txt', '.yml', '.yaml')):
                    with open(os.path.join(dirpath, name), 'rb') as f:
                        add(f.read(max_len), 'corpus')
    else:
        print(f'make-seeds: {corpus} is absent: seeding from the tests only', file=sys.stderr)

    data_dir = os.path.join(root, 'tests', 'data')
    for dirpath, _, files in sorted(os.walk(data_dir)):
        for name in sorted(files):
            with open(os.path.join(dirpath, name), 'rb') as f:
                add(f.read(max_len), 'tests/data')

    tests_dir = os.path.join(root, 'tests')
    for name in sorted(os.listdir(tests_dir)):
        if name.endswith('.c'):
            with open(os.path.join(tests_dir, name), encoding='utf-8', errors='replace') as f:
                for s in c_strings(f.read()):
                    if len(s) >= 4 and (b':' in s or b'---' in s or b'+++' in s or b' = ' in s):
                        add(s, 'test literals')

    print('seeds: ' + ', '.join(f'{n} from {k}' for k, n in counts.items()) + f' -> {out_dir}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
