// SPDX-License-Identifier: GPL-3.0-or-later
// The baseline of bench/site for `lekh replace KEY OLD NEW PATH…`: the same walk, and in every
// article whose KEY holds OLD (a list item or the whole value) OLD becomes NEW (merged when
// NEW is there already); the file is written back with matter.stringify, which rewrites the
// whole front matter (js-yaml's formatting: comments, quotes and key styles are lost).
'use strict';

const fs = require('fs');
const path = require('path');
const matter = require('gray-matter');

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules')
      continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      walk(full, out);
    else if (entry.isFile() && /\.(md|mdx|markdown)$/.test(entry.name))
      out.push(full);
  }
}

const [key, oldValue, newValue, ...dirs] = process.argv.slice(2);
const files = [];
for (const dir of dirs)
  walk(dir, files);
files.sort();

let changed = 0;
for (const file of files) {
  let parsed;
  try {
    parsed = matter(fs.readFileSync(file, 'utf8'), {});
  } catch (e) {
    continue;
  }
  const value = parsed.data[key];
  if (Array.isArray(value) && value.includes(oldValue)) {
    const out = [];
    for (const v of value) {
      const w = v === oldValue ? newValue : v;
      if (!out.includes(w))
        out.push(w);
    }
    parsed.data[key] = out;
  } else if (value === oldValue) {
    parsed.data[key] = newValue;
  } else {
    continue;
  }
  // Written through a temporary file and a rename, as lekh writes.
  const tmp = file + '.tmp';
  fs.writeFileSync(tmp, matter.stringify(parsed.content, parsed.data));
  fs.renameSync(tmp, file);
  changed++;
}
console.log(`${changed} files changed`);
