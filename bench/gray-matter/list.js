// SPDX-License-Identifier: GPL-3.0-or-later
// The baseline of bench/site for `lekh list --json`: walk the folders as lekh does, parse each
// article's front matter with gray-matter and print one JSON array of {path, title, date,
// draft, tags, authors} (no validation: lekh also counts errors and warnings).
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

function list(value) {
  if (Array.isArray(value))
    return value.map(v => (v && typeof v === 'object') ? (v.label || v.name || v.key || '') : String(v));
  return value == null ? [] : [String(value)];
}

const files = [];
for (const arg of process.argv.slice(2))
  walk(arg, files);
files.sort();

const rows = [];
for (const file of files) {
  let data = {};
  try {
    data = matter(fs.readFileSync(file, 'utf8'), {}).data;
  } catch (e) {
    data = {};
  }
  rows.push({
    path: file,
    title: data.title == null ? null : String(data.title),
    date: data.date == null ? null : String(data.date),
    draft: data.draft === true,
    tags: list(data.tags),
    authors: list(data.authors || data.author),
  });
}
process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
