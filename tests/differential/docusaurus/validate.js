// SPDX-License-Identifier: GPL-3.0-or-later
// Runs Docusaurus's own front-matter validation on each case and prints one JSON line per
// case: {"case": PATH, "verdict": "accepted" | "refused", "message": ...}.
//
// Usage: node validate.js SITE_DIR CASE.md...
// A case under SITE_DIR/blog/ is a blog post, under SITE_DIR/docs/ a doc; it is named in the
// output as given on the command line. Everything is done by
// the installed Docusaurus packages, in the order processBlogSourceFile (plugin-content-blog
// lib/blogUtils.js) and processDocMetadata (plugin-content-docs lib/docs.js) do it:
//   - the front matter parsed by @docusaurus/utils DEFAULT_PARSE_FRONT_MATTER (gray-matter,
//     js-yaml 4);
//   - validateBlogPostFrontMatter / validateDocFrontMatter (Joi);
//   - blog: getAuthorsMap (authors.yml, AuthorsMapInputSchema) and getTagsFile (tags.yml),
//     getBlogPostAuthors, reportAuthorsProblems (duplicate authors throw; inline authors
//     are the default 'warn'), normalizeTags (onInlineTags: the default 'warn');
//   - blog: the post's date as getDate() in blogUtils.js computes it (an invalid Date garbles
//     the post: its page shows "Invalid Date" and the feed stops the build);
//   - docs: the id may not hold a slash (docs.js).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const {DEFAULT_PARSE_FRONT_MATTER} = require('@docusaurus/utils');
const {getTagsFile} = require('@docusaurus/utils-validation');
const {validateBlogPostFrontMatter} = require('@docusaurus/plugin-content-blog/lib/frontMatter.js');
const {validateDocFrontMatter} = require('@docusaurus/plugin-content-docs/lib/frontMatter.js');
const {getAuthorsMap} = require('@docusaurus/plugin-content-blog/lib/authorsMap.js');
const {getBlogPostAuthors} = require('@docusaurus/plugin-content-blog/lib/authors.js');
const {reportDuplicateAuthors} = require('@docusaurus/plugin-content-blog/lib/authorsProblems.js');
const {normalizeTags} = require('@docusaurus/utils');

// Joi and the logger print to stdout/stderr; keep stdout for our JSON lines.
const logged = [];
for (const name of ['log', 'info', 'warn', 'error']) {
  console[name] = (...args) => logged.push(args.join(' '));
}
const print = (object) => process.stdout.write(JSON.stringify(object) + '\n');

function oneLine(err) {
  let message = String(err && err.message ? err.message : err);
  if (err && err.cause) {
    message += ' — ' + oneLine(err.cause);
  }
  return message.replace(/\s+/g, ' ').trim();
}

async function checkBlog(site, file, frontMatter) {
  const contentPaths = {contentPath: path.join(site, 'blog')};
  const validated = validateBlogPostFrontMatter(frontMatter);
  const authorsMap = await getAuthorsMap({
    contentPaths,
    authorsMapPath: 'authors.yml',
    authorsBaseRoutePath: '/blog/authors',
    baseUrl: '/',
  });
  const tagsFile = await getTagsFile({contentPaths, tags: undefined});
  const authors = getBlogPostAuthors({authorsMap, frontMatter: validated, baseUrl: '/'});
  reportDuplicateAuthors({authors, blogSourceRelative: path.basename(file)});
  normalizeTags({
    options: {onInlineTags: 'warn', tags: undefined},
    source: path.basename(file),
    frontMatterTags: validated.tags,
    tagsBaseRoutePath: '/blog/tags',
    tagsFile,
  });
  // getDate() of blogUtils.js, for a date given in the front matter.
  if (validated.date) {
    const date = typeof validated.date === 'string'
      ? new Date(`${validated.date}Z`)
      : validated.date;
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw new Error(`the post's date ${JSON.stringify(validated.date)} becomes ` +
                      `${date instanceof Date ? 'Invalid Date' : typeof date}, not a date`);
    }
  }
}

function checkDoc(file, frontMatter) {
  const validated = validateDocFrontMatter(frontMatter);
  const baseID = validated.id ?? path.basename(file, path.extname(file));
  if (baseID.includes('/')) {
    throw new Error(`Document id "${baseID}" cannot include slash.`);
  }
}

async function main() {
  const [site, ...files] = process.argv.slice(2);
  for (const file of files) {
    const relative = path.relative(site, file);
    logged.length = 0;
    try {
      const fileContent = fs.readFileSync(file, 'utf8');
      const {frontMatter} = await DEFAULT_PARSE_FRONT_MATTER({filePath: file, fileContent});
      if (relative.startsWith('blog' + path.sep)) {
        await checkBlog(site, file, frontMatter);
      } else {
        checkDoc(file, frontMatter);
      }
      print({case: file, verdict: 'accepted', warnings: logged.length});
    } catch (err) {
      print({case: file, verdict: 'refused', message: oneLine(err)});
    }
  }
}

main();
