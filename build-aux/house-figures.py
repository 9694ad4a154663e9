#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Figures about the source's shape, for refactoring notes.

  house-figures.py functions [N] [DIR...]  the N longest C function definitions (default 10)
  house-figures.py includes [DIR]          which DIR/*.c include which DIR/*.h, and the cycles
                                           among DIR's files (a .c and its .h count as one unit)
"""
import os
import re
import sys


def strip_c(text):
    """Blank comments, strings and character literals, keeping newlines."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            j += 1
            out.append(c + re.sub(r'[^\n]', ' ', text[i + 1:j - 1]) + c)
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def functions(path):
    """Yield (name, first line, line count) for each top-level function body."""
    text = strip_c(open(path, encoding='utf-8', errors='replace').read())
    lines = text.split('\n')
    depth = 0
    start = None
    name = None
    for lineno, line in enumerate(lines, 1):
        # Preprocessor lines do not open or close blocks.
        if line.lstrip().startswith('#'):
            continue
        for ch in line:
            if ch == '{':
                if depth == 0:
                    # A function body opens at column 0 after a ')' (GNU style).
                    # The text before this brace, back a few lines, must end in `name (...)`.
                    col = line.index('{')
                    head = '\n'.join(lines[max(0, lineno - 12):lineno - 1] + [line[:col]])
                    m = re.search(r'([A-Za-z_]\w*)\s*\([^;{}]*\)\s*(G_GNUC_\w+\s*)*$', head)
                    if m and not re.match(r'(if|for|while|switch|return|sizeof)$', m.group(1)):
                        start, name = lineno, m.group(1)
                    else:
                        start, name = None, None
                depth += 1
            elif ch == '}':
                depth -= 1
                if depth == 0 and start is not None:
                    # Count from the line holding the name (the return type sits above it).
                    yield name, start, lineno - start + 1
                    start = None


def cmd_functions(args):
    count = 10
    if args and args[0].isdigit():
        count = int(args.pop(0))
    dirs = args or ['src']
    found = []
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in files:
                if f.endswith('.c'):
                    p = os.path.join(root, f)
                    for name, line, length in functions(p):
                        found.append((length, p, line, name))
    found.sort(key=lambda t: (-t[0], t[1], t[2]))
    for length, p, line, name in found[:count]:
        print(f'{length:5d}  {p}:{line}  {name}')


def cmd_includes(args):
    d = args[0] if args else 'src/ui'
    graph = {}
    for f in sorted(os.listdir(d)):
        if not f.endswith(('.c', '.h')):
            continue
        text = open(os.path.join(d, f), encoding='utf-8').read()
        incs = re.findall(r'^\s*#\s*include\s+"([^"/]+)\.h"', text, re.M)
        local = sorted({i for i in incs if os.path.exists(os.path.join(d, i + '.h'))})
        if f.endswith('.c'):
            print(f'{f}: ' + ' '.join(i + '.h' for i in local))
        me = owner_unit(f[:-2])
        edges = graph.setdefault(me, set())
        for h in local:
            if owner_unit(h) != me:
                edges.add(owner_unit(h))
    # Strongly connected components (Tarjan).
    index, low, stack, on, sccs = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    print()
    if not sccs:
        print('no include cycles')
    for comp in sccs:
        print('cycle: ' + ' <-> '.join(comp))


def owner_unit(name):
    """The unit a file belongs to: a header's own .c, or a class whose private header it is
    (lekh-window-private.h belongs to lekh-window), else itself."""
    if name.endswith('-private'):
        return name[:-len('-private')]
    return name


if __name__ == '__main__':
    if len(sys.argv) < 2 or sys.argv[1] not in ('functions', 'includes'):
        sys.exit(__doc__)
    {'functions': cmd_functions, 'includes': cmd_includes}[sys.argv[1]](sys.argv[2:])
