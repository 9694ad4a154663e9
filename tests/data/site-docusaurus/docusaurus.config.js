// SPDX-License-Identifier: GPL-3.0-or-later
// A fake Docusaurus site for the window's diagnostics tests.
module.exports = {
  title: 'Lekh test site',
  url: 'https://example.org',
  baseUrl: '/',
};
