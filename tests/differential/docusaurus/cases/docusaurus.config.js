// SPDX-License-Identifier: GPL-3.0-or-later
// The differential test's site: blog/ and docs/ with the default plugin options.
module.exports = {
  title: 'Lekh differential cases',
  url: 'https://example.org',
  baseUrl: '/',
  presets: [['classic', {}]],
};
