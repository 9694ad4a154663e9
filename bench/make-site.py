#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a generated Docusaurus site of N blog posts into DIR, for bench/site.

Usage: make-site.py DIR N [TAGGED]
Posts mix Hindi and English titles, block and flow lists, comments, quoted values and a body
of a few paragraphs; exactly TAGGED posts (default 1000) carry the tag "bench-old", spread
over the site. Deterministic: the same arguments write the same bytes."""
import os
import random
import sys

root, n = sys.argv[1], int(sys.argv[2])
tagged = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
rng = random.Random(17)
authors = ['asha', 'ravi', 'meera', 'john', 'li', 'sara', 'arjun', 'priya']
tags = ['travel', 'food', 'हिंदी', 'gtk', 'linux', 'books', 'music', 'history', 'science', 'web']
words_en = 'the quick brown fox jumps over a lazy dog while writing notes about cities'.split()
words_hi = 'जयपुर की यात्रा में गुलाबी शहर किले बाज़ार और खाना एक यात्री नज़र से लिखा'.split()
step = max(1, n // max(1, tagged))

os.makedirs(os.path.join(root, 'blog'), exist_ok=True)
with open(os.path.join(root, 'docusaurus.config.js'), 'w') as f:
    f.write("module.exports = { title: 'Generated' };\n")
with open(os.path.join(root, 'blog', 'authors.yml'), 'w') as f:
    for a in authors:
        f.write(f'{a}:\n  name: {a.title()}\n  title: Writer\n')
with open(os.path.join(root, 'blog', 'tags.yml'), 'w') as f:
    for t in tags + ['bench-old', 'bench-new']:
        f.write(f'{t}:\n  label: {t}\n')

for i in range(n):
    words = words_hi if i % 3 == 0 else words_en
    title = ' '.join(rng.choice(words) for _ in range(rng.randint(3, 8)))
    year, month, day = 2015 + i % 10, 1 + i % 12, 1 + i % 28
    post_tags = rng.sample(tags, rng.randint(1, 4))
    if i % step == 0 and i // step < tagged:
        post_tags.insert(rng.randint(0, len(post_tags)), 'bench-old')
    post_authors = rng.sample(authors, rng.randint(1, 2))
    folder = os.path.join(root, 'blog', f'{year}', f'{month:02d}')
    os.makedirs(folder, exist_ok=True)
    lines = ['---', f'title: "{title} {i}"', f'description: {" ".join(rng.choice(words) for _ in range(12))}']
    if i % 2:
        lines.append('tags: [' + ', '.join(post_tags) + ']   # flow list')
    else:
        lines.append('tags:')
        lines += [f'  - {t}' for t in post_tags]
    lines.append('authors: [' + ', '.join(post_authors) + ']')
    lines.append(f'date: {year}-{month:02d}-{day:02d}')
    if i % 10 == 0:
        lines.append('draft: true')
    lines.append('# keep this comment')
    lines.append('---')
    body = '\n\n'.join(' '.join(rng.choice(words) for _ in range(rng.randint(20, 60))) for _ in range(4))
    with open(os.path.join(folder, f'{year}-{month:02d}-{day:02d}-post-{i}.md'), 'w') as f:
        f.write('\n'.join(lines) + '\n\n' + body + '\n')
