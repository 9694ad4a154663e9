#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hugo's own verdict on each case: every article is built alone, in a site of its own
(hugo.toml, a one-line list template, the case copied into content/ under its own path), by
the real `hugo`. One JSON line per case: the verdict ("refused" when hugo exits non-zero,
"accepted" otherwise), hugo's error or warning lines, whether the page is listed (built and
not a draft) and the date, publishDate, weight and tags Hugo gave it.

validate.py CASES_DIR WORK_DIR FILE...   (FILE relative to CASES_DIR)"""
import json
import os
import shutil
import subprocess
import sys

CONFIG = 'baseURL = "https://example.org/"\ndisableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n'
# One line per regular page: its path, dates, draft, weight and terms.
INDEX = ('{{ range .Site.RegularPages }}PAGE|{{ .File.Path }}|{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}|'
         '{{ .PublishDate.Format "2006-01-02" }}|{{ .Draft }}|{{ .Weight }}|'
         '{{ range .GetTerms "tags" }}{{ .Title }};{{ end }}\n{{ end }}')


def main():
    cases, work = sys.argv[1:3]
    for rel in sys.argv[3:]:
        site = os.path.join(work, 'site')
        shutil.rmtree(site, ignore_errors=True)
        os.makedirs(os.path.join(site, 'layouts', '_default'))
        with open(os.path.join(site, 'config.toml'), 'w') as f:
            f.write(CONFIG)
        with open(os.path.join(site, 'layouts', 'index.html'), 'w') as f:
            f.write(INDEX)
        with open(os.path.join(site, 'layouts', '_default', 'single.html'), 'w') as f:
            f.write('{{ .Title }}')
        with open(os.path.join(site, 'layouts', '_default', 'list.html'), 'w') as f:
            f.write('{{ .Title }}')
        shutil.rmtree(os.path.join(work, 'public'), ignore_errors=True)
        target = os.path.join(site, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy(os.path.join(cases, rel), target)
        run = subprocess.run(['hugo', '--quiet', '--source', site, '--destination',
                              os.path.join(work, 'public'), '--cleanDestinationDir'],
                             capture_output=True, text=True)
        result = {'case': os.path.join(cases, rel), 'verdict': 'refused' if run.returncode else 'accepted',
                  'message': ' '.join((run.stderr + run.stdout).split())[:400], 'listed': False}
        index = os.path.join(work, 'public', 'index.html')
        if run.returncode == 0 and os.path.exists(index):
            with open(index, encoding='utf-8') as f:
                for line in f:
                    parts = line.rstrip('\n').split('|')
                    if parts[0] == 'PAGE' and len(parts) == 7:
                        result.update(listed=True, date=parts[2], publishDate=parts[3],
                                      draft=parts[4], weight=parts[5], tags=parts[6])
        if run.returncode == 0:
            result['detail'] = ('listed, dated %s' % result['date'][:10]) if result['listed'] else 'not listed'
            result['message'] = ''.join(l + ' ' for l in run.stderr.splitlines() if 'WARN' in l or 'ERROR' in l)[:400]
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == '__main__':
    main()
