// SPDX-License-Identifier: GPL-3.0-or-later
// The baseline of bench/check: find every *.md, *.mdx, *.markdown below the given folders
// (skipping .git and node_modules, as `lekh check` does), read each file and parse its
// front matter with gray-matter. Prints "files parsed failed" on stdout.
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

const files = [];
for (const arg of process.argv.slice(2))
  walk(arg, files);

let parsed = 0;
let failed = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  try {
    // Options (even empty) bypass gray-matter's cache, so every file is really parsed.
    matter(text, {});
    parsed++;
  } catch (e) {
    failed++;
  }
}
console.log(`${files.length} ${parsed} ${failed}`);
