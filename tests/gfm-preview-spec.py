#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""GFM conformance of the preview's text, without a display.

  gfm-preview-spec.py GFM_PREVIEW_TEXT SPEC_DIR [--list-failures]

Runs every example of SPEC_DIR/spec.txt and SPEC_DIR/extensions.txt through
gfm-preview-text (the preview model's blocks rendered by lekh-preview-render, as the
preview makes them) and compares the text it shows with the text content of the expected
HTML: tags dropped, entities read, white space folded, list markers (which HTML leaves to
the browser) left out. Styles are not compared here (tests/test-preview-model.c checks
them); this checks that the preview shows every word, no Markdown syntax, in order.
Reports passed/total per section; exits 1 when a section passes fewer examples than its
floor or an example fails for no known cause, 77 (skip) when SPEC_DIR is missing.
"""
import html
import html.parser
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

spec = import_module('gfm-spec')

SKIP = 77

# Examples whose text the preview shows as the page shows it, per file and section,
# measured with Debian 12's cmark-gfm 0.29.0.gfm.6: the test fails below.
FLOORS = {
    'spec.txt': {
        'Tabs': 11, 'Precedence': 1, 'Thematic breaks': 19, 'ATX headings': 18,
        'Setext headings': 26, 'Indented code blocks': 12, 'Fenced code blocks': 29,
        'HTML blocks': 3, 'Link reference definitions': 27, 'Paragraphs': 8, 'Blank lines': 1,
        'Tables (extension)': 8, 'Block quotes': 25, 'List items': 48, 'Lists': 24,
        'Inlines': 1, 'Backslash escapes': 12, 'Entity and numeric character references': 16,
        'Code spans': 21, 'Emphasis and strong emphasis': 128, 'Strikethrough (extension)': 2,
        'Links': 83, 'Images': 22, 'Autolinks': 19, 'Autolinks (extension)': 11, 'Raw HTML': 9,
        'Disallowed Raw HTML (extension)': 0, 'Hard line breaks': 13, 'Soft line breaks': 2,
        'Textual content': 3,
    },
    'extensions.txt': {
        'Tables': 15, 'Strikethroughs': 2, 'Autolinks': 2, 'HTML tag filter': 0, 'Footnotes': 0,
        'Interop': 2, 'Task lists': 3,
    },
}

# Why the others differ: a cause is found for each failing example by CAUSES below, in order.
CAUSE_TEXT = {
    'raw HTML': 'the preview shows raw HTML as its source text (it runs no HTML), where a '
                'browser shows the element',
    'front matter': 'the example starts with "---": an article\'s first line "---" opens its '
                    'front matter, so the preview does not read it as Markdown',
    'smart punctuation': 'the preview prints curly quotes and dashes, as Hugo and Jekyll do',
    'footnotes': 'footnote labels and back links are written as the preview shows them',
}


def html_text(fragment):
    """The text a browser shows for FRAGMENT, with white space folded."""
    class Text(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts = []

        def handle_data(self, data):
            self.parts.append(data)

        def handle_starttag(self, tag, attrs):
            if tag in spec.BLOCK_TAGS or tag == 'br':
                self.parts.append(' ')

        def handle_endtag(self, tag):
            if tag in spec.BLOCK_TAGS:
                self.parts.append(' ')

    parser = Text()
    parser.feed(fragment)
    parser.close()
    return fold(''.join(parser.parts))


MARKER = re.compile(r'^(?:[•◦▪‣·–-]|\d{1,9}[.)])\t', re.M)


def preview_text(text):
    return fold(MARKER.sub('', text))


def fold(s):
    return re.sub(r'\s+', ' ', s).strip()


def plain_punctuation(s):
    return (s.replace('\u201c', '"').replace('\u201d', '"').replace('\u2018', "'")
            .replace('\u2019', "'").replace('\u2014', '---').replace('\u2013', '--')
            .replace('\u2026', '...'))


def cause_of(example, got, want):
    markdown = example[2]
    if plain_punctuation(got) == plain_punctuation(want):
        return 'smart punctuation'
    if markdown.lstrip(' ').startswith('---') or markdown.startswith('***\n---'):
        return 'front matter'
    if re.search(r'<[a-zA-Z/!?]', markdown):
        return 'raw HTML'
    if '[^' in markdown:
        return 'footnotes'
    return 'nothing known'


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    tool, spec_dir = sys.argv[1], sys.argv[2]
    list_failures = '--list-failures' in sys.argv
    if not os.path.isfile(os.path.join(spec_dir, 'spec.txt')):
        print(f'SKIP: no GFM spec in {spec_dir} (../shared/specs/gfm)')
        sys.exit(SKIP)

    problems = []
    for name in ('spec.txt', 'extensions.txt'):
        examples = spec.read_examples(os.path.join(spec_dir, name))
        runnable = [e for e in examples if 'disabled' not in e[4] and e[3].strip() != '<IGNORE>']
        outputs = spec.render_all(tool, '', [e[2] for e in runnable])
        results = {}
        for e, out in zip(runnable, outputs):
            got, want = preview_text(out), html_text(e[3])
            results[e[1]] = (got == want, got, want)
        sections = []
        for e in runnable:
            if e[0] not in sections:
                sections.append(e[0])
        print(f'# {name}: {len(runnable)} examples')
        total = 0
        causes = {}
        for section in sections:
            numbers = [e[1] for e in runnable if e[0] == section]
            count = sum(results[n][0] for n in numbers)
            total += count
            floor = FLOORS.get(name, {}).get(section)
            print(f'# {section:44} {count:3}/{len(numbers):<3}')
            if floor is None:
                problems.append(f'{name}: section {section!r} has no floor ({count})')
            elif count < floor:
                problems.append(f'{name}: {section}: {count} < floor {floor}')
        for e in runnable:
            ok, got, want = results[e[1]]
            if not ok:
                causes.setdefault(cause_of(e, got, want), []).append(e[1])
        print(f'# {"total":44} {total:3}/{len(runnable):<3}')
        for cause, numbers in sorted(causes.items()):
            print(f'# failures from {cause}: {len(numbers)}: examples ' + ' '.join(map(str, numbers)))
            if cause in CAUSE_TEXT:
                print(f'#   ({CAUSE_TEXT[cause]})')
        if list_failures:
            for e in runnable:
                ok, got, want = results[e[1]]
                if not ok:
                    print(f'## {name} example {e[1]} ({e[0]}): {cause_of(e, got, want)}\n'
                          f'{e[2]}--- want: {want!r}\n--- got:  {got!r}')
        for n in causes.get('nothing known', []):
            problems.append(f'{name}: example {n} fails for no known reason')

    if problems:
        print('\n'.join('FAIL: ' + p for p in problems))
        sys.exit(1)
    print('OK: every section at or above its floor')


if __name__ == '__main__':
    main()
