/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lekh-text.h"
#include "lekh-validator.h"

/* For every rule: an article that triggers it (with the expected severity and position)
 * and one that must not. PATH is below tests/data/sites (the file need not exist: only
 * its folder matters), or NULL. PROFILE NULL: detected. */
typedef struct
{
  const char   *rule;
  const char   *profile;
  const char   *path;
  const char   *text;
  LekhSeverity  severity;
  guint         line;
  guint         column;
} Trigger;

typedef struct
{
  const char *rule;
  const char *profile;
  const char *path;
  const char *text;
} Quiet;

#define LONG_TITLE "An article title that goes on and on well past sixty characters"
#define LONG_DESCRIPTION \
  "A description that says far too much for a search result, it starts well, then it " \
  "wanders through every detail of the article, and it keeps going long after a reader stopped."

static const Trigger triggers[] = {
  { "invalid-utf8", "generic", NULL, "---\ntitle: caf\xe9\n---\n", LEKH_SEVERITY_ERROR, 2, 11 },
  { "invalid-utf8", "generic", NULL, "---\ntitle: bin\n---\nab\0cd", LEKH_SEVERITY_ERROR, 4, 3 },
  { "yaml-syntax", "generic", NULL, "---\ntitle: a\n  bad: b\n---\n", LEKH_SEVERITY_ERROR, 3, 6 },
  { "unterminated-front-matter", "generic", NULL, "---\ntitle: Hello\n\nBody\n",
    LEKH_SEVERITY_ERROR, 1, 1 },
  { "unsupported-front-matter", "hugo", NULL, "---toml\ntitle = \"Hello\"\n---\nBody\n",
    LEKH_SEVERITY_INFO, 1, 1 },
  /* a fence name that is not UTF-8 is the file's invalid-utf8 error, with no message of its
   * own quoting the bytes (fuzz/regressions/fuzz-validator/crash-2a8df9cd…) */
  { "invalid-utf8", "docusaurus", NULL, "---*ta\xe0\xa4\xa8:\xf8" "c--\n", LEKH_SEVERITY_ERROR, 1, 9 },
  /* gray-matter has no toml reader: Docusaurus refuses the file */
  { "unsupported-front-matter", "docusaurus", NULL, "---toml\ntitle = \"Hello\"\n---\nBody\n",
    LEKH_SEVERITY_ERROR, 1, 1 },
  /* gray-matter has no coffee reader: Docusaurus refuses the file */
  { "unsupported-front-matter", "docusaurus", NULL, "---coffee\ntitle: 'Hello'\n---\nBody\n",
    LEKH_SEVERITY_ERROR, 1, 1 },
  { "unsupported-front-matter", "docusaurus", NULL, "---yaml\ntitle: Hello\n---\nBody\n",
    LEKH_SEVERITY_WARNING, 1, 1 },
  { "json-syntax", "docusaurus", NULL, "---json\n{\"title\": \"Hello\",}\n---\nBody\n",
    LEKH_SEVERITY_ERROR, 2, 18 },
  { "wrong-type", "docusaurus", NULL, "---json\n{\"title\": \"Hello\", \"keywords\": \"one\"}\n---\n",
    LEKH_SEVERITY_ERROR, 2, 32 },
  { "toml-syntax", "hugo", NULL, "+++\ntitle = 'Hello\n+++\nBody\n", LEKH_SEVERITY_ERROR, 2, 15 },
  { "toml-syntax", "hugo", NULL, "+++\ntitle = 'a'\n[params]\ntitle = 'b'\n[params]\n+++\n",
    LEKH_SEVERITY_ERROR, 5, 2 },
  { "json-syntax", "hugo", NULL, "{\n  \"title\": \"Hello\",\n}\nBody\n",
    LEKH_SEVERITY_ERROR, 2, 19 },
  { "json-syntax", "hugo", NULL, "{\n  \"title\": 'Hello'\n}\n", LEKH_SEVERITY_ERROR, 2, 12 },
  /* Hugo with TOML and JSON front matter: the same rules as YAML. */
  /* Hugo 0.111 reads draft with cast.ToBool: "yes" is false, the page is published */
  { "wrong-type", "hugo", NULL, "+++\ntitle = 'Hello'\ndraft = 'yes'\n+++\n",
    LEKH_SEVERITY_WARNING, 3, 9 },
  /* weight with cast.ToInt: "heavy" is 0, 1.5 is 1 */
  { "wrong-type", "hugo", NULL, "+++\ntitle = 'Hello'\nweight = 'heavy'\n+++\n",
    LEKH_SEVERITY_WARNING, 3, 10 },
  { "wrong-type", "hugo", NULL, "+++\ntitle = 'Hello'\nweight = 1.5\n+++\n",
    LEKH_SEVERITY_WARNING, 3, 10 },
  /* a taxonomy that is a table gives no term */
  { "wrong-type", "hugo", NULL, "+++\ntitle = 'Hello'\ncategories = { a = 1 }\n+++\n",
    LEKH_SEVERITY_WARNING, 3, 14 },
  { "wrong-type", "hugo", NULL, "+++\ntitle = 'Hello'\nparams = 'x'\n+++\n",
    LEKH_SEVERITY_ERROR, 3, 10 },
  /* "build" is read from Hugo 0.123 on (0.111 reads "_build", where it stops the build) */
  { "wrong-type", "hugo", NULL, "+++\ntitle = 'Hello'\nbuild = ['never']\n+++\n",
    LEKH_SEVERITY_WARNING, 3, 9 },
  { "wrong-type", "hugo", NULL, "+++\ntitle = 'Hello'\n_build = ['never']\n+++\n",
    LEKH_SEVERITY_ERROR, 3, 10 },
  { "wrong-type", "hugo", NULL, "---\ntitle: Hello\n_build: {publishResources: maybe}\n---\n",
    LEKH_SEVERITY_ERROR, 3, 28 },
  { "wrong-type", "hugo", NULL, "---\ntitle: Hello\n_build: {list: sometimes}\n---\n",
    LEKH_SEVERITY_WARNING, 3, 16 },
  { "wrong-type", "hugo", NULL, "---\ntitle: Hello\noutputs: [html, nosuch]\n---\n",
    LEKH_SEVERITY_ERROR, 3, 10 },
  { "wrong-type", "hugo", NULL, "---\ntitle: Hello\ntags: go, rust\n---\n",
    LEKH_SEVERITY_WARNING, 3, 7 },
  { "wrong-type", "hugo", NULL, "---\ntitle: Hello\ncascade: hello\n---\n",
    LEKH_SEVERITY_WARNING, 3, 10 },
  { "wrong-type", "hugo", NULL, "---\ntitle: [a, b]\n---\n", LEKH_SEVERITY_WARNING, 2, 8 },
  { "wrong-type", "hugo", NULL, "{\n  \"title\": \"Hello\",\n  \"draft\": \"yes\"\n}\n",
    LEKH_SEVERITY_WARNING, 3, 12 },
  { "wrong-type", "hugo", NULL, "---\ntitle: Hello\ndraft: \"true\"\n---\n",
    LEKH_SEVERITY_INFO, 3, 8 },
  /* an unreadable date is skipped by Hugo (page_frontmatter.go): the page gets year 1 */
  { "invalid-date", "hugo", NULL, "+++\ntitle = 'Hello'\ndate = '2024-13-01'\n+++\n",
    LEKH_SEVERITY_WARNING, 3, 8 },
  { "invalid-date", "hugo", NULL, "{\n  \"title\": \"Hello\",\n  \"date\": \"yesterday\"\n}\n",
    LEKH_SEVERITY_WARNING, 3, 11 },
  { "invalid-date", "hugo", NULL, "---\ntitle: Hello\ndate: 2024-1-5\n---\n",
    LEKH_SEVERITY_WARNING, 3, 7 },
  { "invalid-date", "hugo", NULL, "---\ntitle: Hello\ndate: 2024-01-05 10:00\n---\n",
    LEKH_SEVERITY_WARNING, 3, 7 },
  { "invalid-date", "hugo", NULL, "---\ntitle: Hello\ndate: 2024\n---\n",
    LEKH_SEVERITY_WARNING, 3, 7 },
  { "invalid-url", "hugo", NULL, "---\ntitle: Hello\nurl: https://example.org/a\n---\n",
    LEKH_SEVERITY_ERROR, 3, 6 },
  { "invalid-url", "hugo", NULL, "---\ntitle: Hello\naliases: [/a, http://example.org/b]\n---\n",
    LEKH_SEVERITY_ERROR, 3, 15 },
  { "invalid-url", "hugo", NULL, "---\ntitle: Hello\naliases: /a https://example.org/b\n---\n",
    LEKH_SEVERITY_ERROR, 3, 10 },
  /* Docusaurus's authors.yml and tags.yml checked as the data files they are */
  { "site-data", "docusaurus", "docusaurus/blog/authors.yml", "- asha\n- ravi\n",
    LEKH_SEVERITY_ERROR, 1, 1 },
  { "site-data", "docusaurus", "docusaurus/blog/tags.yml", "food:\n  label: [Food\n",
    LEKH_SEVERITY_ERROR, 3, 1 },
  { "conflicting-fields", "hugo", NULL, "---\ntitle: Hello\ndraft: true\npublished: true\n---\n",
    LEKH_SEVERITY_WARNING, 4, 1 },
  /* Jekyll 4.3.1: the date of a _posts file name, the front matter's date */
  { "invalid-date", "jekyll", "jekyll/_posts/2023-02-32-hello.md", "---\ntitle: Hello\n---\n",
    LEKH_SEVERITY_ERROR, 1, 1 },
  { "invalid-date", "jekyll", "jekyll/_posts/2023-13-01-hello.md", "---\ntitle: Hello\n---\n",
    LEKH_SEVERITY_ERROR, 1, 1 },
  { "invalid-date", "jekyll", "jekyll/_posts/2023-02-30-hello.md", "---\ntitle: Hello\n---\n",
    LEKH_SEVERITY_WARNING, 1, 1 },
  { "post-file-name", "jekyll", "jekyll/_posts/hello.md", "---\ntitle: Hello\n---\n",
    LEKH_SEVERITY_WARNING, 1, 1 },
  { "post-file-name", "jekyll", "jekyll/_posts/2024-01-05.md", "---\ntitle: Hello\n---\n",
    LEKH_SEVERITY_WARNING, 1, 1 },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate: 2023-13-01\n---\n",
    LEKH_SEVERITY_ERROR, 3, 7 },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate: yesterday\n---\n",
    LEKH_SEVERITY_ERROR, 3, 7 },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate: 2024-01\n---\n",
    LEKH_SEVERITY_ERROR, 3, 7 },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate: 2024\n---\n",
    LEKH_SEVERITY_ERROR, 3, 7 },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate:\n---\n",
    LEKH_SEVERITY_ERROR, 3, 1 },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate: 2024-04-31\n---\n",
    LEKH_SEVERITY_WARNING, 3, 7 },
  { "wrong-type", "jekyll", NULL, "---\ntitle: Hello\npermalink: 123\n---\n",
    LEKH_SEVERITY_ERROR, 3, 12 },
  { "wrong-type", "jekyll", NULL, "---\ntitle: Hello\npermalink: [a]\n---\n",
    LEKH_SEVERITY_ERROR, 3, 12 },
  { "wrong-type", "jekyll", NULL, "---\ntitle: Hello\npublished: \"false\"\n---\n",
    LEKH_SEVERITY_WARNING, 3, 12 },
  { "wrong-type", "jekyll", NULL, "---\ntitle: Hello\npublished:\n---\n",
    LEKH_SEVERITY_WARNING, 3, 1 },
  { "wrong-type", "jekyll", NULL, "---\ntitle: Hello\ntags: a, b\n---\n",
    LEKH_SEVERITY_WARNING, 3, 7 },
  { "wrong-type", "jekyll", NULL, "---\ntitle: Hello\ntags: 5\n---\n",
    LEKH_SEVERITY_WARNING, 3, 7 },
  { "wrong-type", "jekyll", NULL, "---\ntitle: Hello\nlayout: [post]\n---\n",
    LEKH_SEVERITY_WARNING, 3, 9 },
  { "unknown-key", "hugo", NULL, "+++\ntitle = 'Hello'\ntag = ['a']\n+++\n",
    LEKH_SEVERITY_WARNING, 3, 1 },
  { "duplicate-key", "hugo", NULL, "{\n  \"title\": \"Hello\",\n  \"title\": \"Again\"\n}\n",
    LEKH_SEVERITY_ERROR, 3, 3 },
  { "duplicate-key", "generic", NULL, "---\ntitle: Hello there\ntitle: Again\n---\n",
    LEKH_SEVERITY_ERROR, 3, 1 },
  { "duplicate-key", "hugo", NULL, "---\ntitle: Hello\nlinkTitle: a\nlinktitle: b\n---\n",
    LEKH_SEVERITY_ERROR, 4, 1 },
  { "unknown-key", "generic", NULL, "---\ntitle: Hello\ntag: [a]\n---\n",
    LEKH_SEVERITY_WARNING, 3, 1 },
  { "unknown-key", "docusaurus", NULL, "---\ntitle: Hello\ndescripton: Words\n---\n",
    LEKH_SEVERITY_WARNING, 3, 1 },
  { "unknown-key", "docusaurus", NULL, "---\ntitle: Hello\nhideTableOfContents: true\n---\n",
    LEKH_SEVERITY_WARNING, 3, 1 },
  { "wrong-type", "generic", NULL, "---\ntitle: Hello\ndraft: \"yes\"\n---\n",
    LEKH_SEVERITY_ERROR, 3, 8 },
  { "wrong-type", "docusaurus", NULL, "---\ntitle: Hello\nkeywords: one\n---\n",
    LEKH_SEVERITY_ERROR, 3, 11 },
  { "wrong-type", "docusaurus", NULL, "---\ntitle: 2024\n---\n", LEKH_SEVERITY_WARNING, 2, 8 },
  { "wrong-type", "hugo", NULL, "---\ntitle: Hello\nweight: heavy\n---\n",
    LEKH_SEVERITY_WARNING, 3, 9 },
  { "empty-value", "generic", NULL, "---\ntitle: Hello\ndescription: ''\n---\n",
    LEKH_SEVERITY_WARNING, 3, 14 },
  { "empty-value", "generic", NULL, "---\ntitle: Hello\ndate:\n---\n",
    LEKH_SEVERITY_WARNING, 3, 1 },
  /* Docusaurus refuses it: keywords is array().items(string().required()) */
  { "empty-value", "docusaurus", NULL, "---\ntitle: Hello\nkeywords: [a, '']\n---\n",
    LEKH_SEVERITY_ERROR, 3, 15 },
  { "duplicate-list-item", "generic", NULL, "---\ntitle: Hello\ntags: [React, react]\n---\n",
    LEKH_SEVERITY_WARNING, 3, 15 },
  /* बाज़ार with the precomposed ज़ (U+095B), then with ज + nukta: the same word. */
  { "duplicate-list-item", "generic", NULL,
    "---\ntitle: Hello\ntags:\n  - \xe0\xa4\xac\xe0\xa4\xbe\xe0\xa5\x9b\xe0\xa4\xbe\xe0\xa4\xb0\n"
    "  - \xe0\xa4\xac\xe0\xa4\xbe\xe0\xa4\x9c\xe0\xa4\xbc\xe0\xa4\xbe\xe0\xa4\xb0\n---\n",
    LEKH_SEVERITY_WARNING, 5, 5 },
  { "title-length", "generic", NULL, "---\ntitle: " LONG_TITLE "\n---\n",
    LEKH_SEVERITY_WARNING, 2, 8 },
  { "description-length", "generic", NULL,
    "---\ntitle: Hello\ndescription: " LONG_DESCRIPTION "\n---\n", LEKH_SEVERITY_WARNING, 3, 14 },
  { "description-length", "generic", NULL, "---\ntitle: Hello\ndescription: Too short.\n---\n",
    LEKH_SEVERITY_INFO, 3, 14 },
  { "invalid-date", "generic", NULL, "---\ntitle: Hello\ndate: 2024-02-30\n---\n",
    LEKH_SEVERITY_ERROR, 3, 7 },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate: 2023-01-29 25:30:22 -0800\n---\n",
    LEKH_SEVERITY_ERROR, 3, 7 },
  { "invalid-date", "hugo", NULL, "---\ntitle: Hello\nlastmod: 'March 5th'\n---\n",
    LEKH_SEVERITY_WARNING, 3, 10 },
  /* Docusaurus builds it (js-yaml's Date.UTC rolls it over to May 1): a warning */
  { "invalid-date", "docusaurus", NULL,
    "---\ntitle: Hello\nlast_update:\n  date: 2024-04-31\n  author: Asha\n---\n",
    LEKH_SEVERITY_WARNING, 4, 9 },
  { "invalid-date", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\ndate: '2024-03-05T10:30:00+05:30'\n---\n", LEKH_SEVERITY_ERROR, 3, 7 },
  /* Docusaurus accepts it as a relative address (URISchema): a warning */
  { "invalid-url", "docusaurus", NULL,
    "---\ntitle: Hello\ncustom_edit_url: htps//github.com/x\n---\n", LEKH_SEVERITY_WARNING, 3, 18 },
  { "invalid-url", "docusaurus", NULL,
    "---\ntitle: Hello\nimage: ./my cover.png\n---\n", LEKH_SEVERITY_ERROR, 3, 8 },
  { "invalid-url", "docusaurus", NULL,
    "---\ntitle: Hello\nauthors:\n  - name: Asha\n    url: https://exa mple.org\n---\n",
    LEKH_SEVERITY_ERROR, 5, 10 },
  { "missing-local-image", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nimage: ./nope.png\n---\n", LEKH_SEVERITY_WARNING, 3, 8 },
  { "missing-local-image", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nimage: /img/nope.png\n---\n", LEKH_SEVERITY_WARNING, 3, 8 },
  /* an existing file outside the site's folder: not published, and never looked up */
  { "missing-local-image", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nimage: ../../hugo/static/images/cover.jpg\n---\n", LEKH_SEVERITY_WARNING, 3, 8 },
  { "missing-local-image", NULL, "hugo/content/posts/new.md",
    "---\ntitle: Hello\nimages: [/images/cover.jpg, /images/gone.jpg]\n---\n",
    LEKH_SEVERITY_WARNING, 3, 29 },
  { "unknown-author", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nauthors: [asha, meera]\n---\n", LEKH_SEVERITY_ERROR, 3, 17 },
  { "unknown-author", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nauthors: meera\n---\n", LEKH_SEVERITY_ERROR, 3, 10 },
  { "undefined-tag", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\ntags: [travel, food]\n---\n", LEKH_SEVERITY_WARNING, 3, 16 },
  { "draft-and-unlisted", "docusaurus", NULL,
    "---\ntitle: Hello\ndraft: true\nunlisted: true\n---\n", LEKH_SEVERITY_ERROR, 4, 1 },
  { "toc-levels", "docusaurus", NULL,
    "---\ntitle: Hello\ntoc_min_heading_level: 7\n---\n", LEKH_SEVERITY_ERROR, 3, 24 },
  { "toc-levels", "docusaurus", NULL,
    "---\ntitle: Hello\ntoc_min_heading_level: 4\ntoc_max_heading_level: 3\n---\n",
    LEKH_SEVERITY_ERROR, 4, 24 },
  { "required-field", "generic", NULL, "---\ndescription: x\n---\nBody\n",
    LEKH_SEVERITY_WARNING, 1, 1 },
  { "conflicting-fields", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nauthor: Asha\nauthors: [asha]\n---\n", LEKH_SEVERITY_ERROR, 3, 1 },
  /* a Flatpak given one file through the document portal sees no site around it */
  { "site-unreadable", "docusaurus", "/run/user/1000/doc/3f9a2c1e/2024-05-01-new.md",
    "---\ntitle: Hello\nauthors: [asha]\n---\n", LEKH_SEVERITY_WARNING, 1, 1 },
  { "site-data", NULL, "docusaurus-broken/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nauthors: [asha]\n---\n", LEKH_SEVERITY_ERROR, 3, 1 },
  { "required-field", "hugo", NULL, "\xef\xbb\xbf---\r\ndraft: true\r\n---\r\nBody\r\n",
    LEKH_SEVERITY_WARNING, 1, 1 },
};

static const Quiet quiets[] = {
  { "site-data", "docusaurus", "docusaurus/blog/authors.yml",
    "asha:\n  name: Asha\n  image_url: /img/asha.png\nravi:\n  name: Ravi\n  "
    "image_url: https://example.org/ravi.png\n" },
  /* a data file is YAML as a whole, never an article's front matter */
  { "toml-syntax", "docusaurus", "docusaurus/blog/authors.yml", "+++\nasha: [1, 2\n" },
  /* outside Docusaurus an authors.yml is any file */
  { "site-data", "hugo", "hugo/content/authors.yml", "- asha\n" },
  { "invalid-date", "hugo", NULL, "---\ntitle: Hello\ndate: 2024-01-05T10:00:00.5+05:30\n"
    "lastmod: 2024-01-05 10:00:00 -0700\npublishDate: 02 Jan 2006\n"
    "expiryDate: Mon, 02 Jan 2006 15:04:05 MST\n---\n" },
  { "wrong-type", "hugo", NULL, "---\ntitle: Hello\ndraft: true\nweight: 3\ntags: [a, b]\n"
    "_build: {list: never, render: link, publishResources: false}\noutputs: [html, RSS]\n---\n" },
  { "invalid-url", "hugo", NULL, "---\ntitle: Hello\nurl: /about/\naliases: [/old/, /older/]\n---\n" },
  { "post-file-name", "jekyll", "jekyll/_posts/2024-01-05-hello.md", "---\ntitle: Hello\n---\n" },
  { "post-file-name", "jekyll", "jekyll/_posts/24-1-5-x.markdown", "---\ntitle: Hello\n---\n" },
  { "post-file-name", "jekyll", "jekyll/about.md", "---\ntitle: Hello\n---\n" },
  /* Jekyll reads "tag"; Hugo's "published" is its own key, not a typo of "publishDate" */
  { "unknown-key", "jekyll", NULL, "---\ntitle: Hello\ntag: travel\n---\n" },
  { "unknown-key", "hugo", NULL, "---\ntitle: Hello\npublished: false\n---\n" },
  { "conflicting-fields", "hugo", NULL, "---\ntitle: Hello\npublished: false\n---\n" },
  /* the front matter's date wins over the file name's (document.rb modify_date) */
  { "invalid-date", "jekyll", "jekyll/_posts/2023-02-32-hello.md",
    "---\ntitle: Hello\ndate: 2023-02-01\n---\n" },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate: 2023-01-29 18:30:22 2023 -0800\n---\n" },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate: 2024/1/5 9:05\n---\n" },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate: <%= new Date() %>\n---\n" },
  /* Psych reads an impossible date as text, a fine permalink */
  { "wrong-type", "jekyll", NULL, "---\ntitle: Hello\npermalink: 2024-02-30\n---\n" },
  { "wrong-type", "jekyll", NULL, "---\ntitle: Hello\npermalink: /blog/:title/\npublished: false\n"
    "tags: a b\ncategories: [x, y]\n---\n" },
  { "invalid-utf8", "generic", NULL, "---\ntitle: café\n---\nनमस्ते\n" },
  { "yaml-syntax", "generic", NULL, "---\ntitle: 'a: b'\nlist:\n  - x\n---\n" },
  { "unterminated-front-matter", "generic", NULL, "---\ntitle: Hello\n...\nBody\n" },
  { "unterminated-front-matter", "generic", NULL, "No front matter\n---\n" },
  { "unsupported-front-matter", "generic", NULL, "---\ntitle: Hello\n---\n+++\n" },
  { "unsupported-front-matter", "hugo", NULL, "+++\ntitle = 'Hello'\n+++\nBody\n" },
  { "unsupported-front-matter", "hugo", NULL, "{\n  \"title\": \"Hello\"\n}\nBody\n" },
  { "unsupported-front-matter", "docusaurus", NULL, "---json\n{\"title\": \"Hello\"}\n---\nBody\n" },
  { "toml-syntax", "hugo", NULL, "+++\ntitle = 'Hello'\n[params]\n  a.b = 1\n  a.c = \"\"\"x\ny\"\"\"\n+++\n" },
  { "json-syntax", "hugo", NULL, "{\n  \"title\": \"Hello\",\n  \"n\": {\n\"x\": [1, -2.5e3, null]\n}\n}\n" },
  /* Hugo's own front matter in TOML: real dates, booleans, integers, lists, tables. */
  { "wrong-type", "hugo", NULL,
    "+++\ntitle = 'Hello'\ndate = 2024-03-05T10:30:00+05:30\nlastmod = 2024-03-06\n"
    "publishDate = 2024-03-05T08:00:00\ndraft = false\nweight = 3\naliases = ['/old/']\n"
    "tags = ['go', 'toml']\ncategories = ['dev']\n[params]\n  subtitle = 'x'\n"
    "[[cascade]]\n  [cascade.params]\n    banner = 'b.png'\n[build]\n  list = 'never'\n+++\n" },
  { "invalid-date", "hugo", NULL,
    "+++\ntitle = 'Hello'\ndate = 2024-03-05T10:30:00Z\nexpiryDate = 2025-01-01\n+++\n" },
  { "invalid-date", "hugo", NULL, "{\n  \"title\": \"Hello\",\n  \"date\": \"2024-03-05\"\n}\n" },
  { "unknown-key", "hugo", NULL,
    "+++\ntitle = 'Hello'\ndraft = true\n[params]\n  anything = 1\n[build]\n  render = 'always'\n+++\n" },
  { "duplicate-key", "hugo", NULL, "+++\ntitle = 'Hello'\n[params]\n  title = 'again'\n+++\n" },
  { "duplicate-key", "generic", NULL, "---\ntitle: Hello\nTitle: Hello\n---\n" },
  { "unknown-key", "generic", NULL,
    "---\ntitle: Hello\nmy_custom: 1\nauthor: x\n_comment: y\ni18nReady: true\nlayout: post\n---\n" },
  { "unknown-key", "hugo", NULL, "---\ntitle: Hello\nlinktitle: a\nalias: true\nreference: x\n---\n" },
  { "wrong-type", "generic", NULL, "---\ntitle: Hello\ndraft: true\ntags: one\nslug: 404\n---\n" },
  { "wrong-type", "docusaurus", NULL,
    "---\ntitle: Hello\ntags: [a, {label: B, permalink: /b}]\nsidebar_position: 2.5\n"
    "authors:\n  - asha\n  - name: Ravi\n    title: Writer\n---\n" },
  { "empty-value", "docusaurus", NULL,
    "---\ntitle: Hello\ndescription: ''\npagination_next: null\ntags: []\n---\n" },
  { "duplicate-list-item", "generic", NULL, "---\ntitle: Hello\ntags: [react, redux, रिएक्ट]\n---\n" },
  { "title-length", "generic", NULL,
    /* 79 code points, 53 grapheme clusters: what a reader counts */
    "---\ntitle: हिन्दी में लिखना आसान है और लिखने में आनंद भी मिलता है, सच में यह बहुत अच्छा है\n---\n" },
  { "title-length", "generic", NULL,
    "---\ntitle: 'Jest 19: Immersive Watch Mode & Test Platform Improvements'\n---\n" },
  { "description-length", "generic", NULL,
    "---\ntitle: Hello\ndescription: A description long enough for a search result to show.\n---\n" },
  { "description-length", "docusaurus", NULL, "---\ntitle: Hello\ndescription: ''\n---\n" },
  { "invalid-date", "generic", NULL, "---\ntitle: Hello\ndate: 2024-02-29\n---\n" },
  { "invalid-date", "generic", NULL, "---\ntitle: Hello\ndate: '2011-08-26T16:30:00.000Z'\n---\n" },
  { "invalid-date", "jekyll", NULL, "---\ntitle: Hello\ndate: 2016-10-06 11:10:38 -0700\n---\n" },
  { "invalid-date", "generic", NULL, "---\ntitle: Hello\ndate: 2023/03/22\n---\n" },
  { "invalid-date", "docusaurus", NULL,
    "---\ntitle: Hello\nlast_update:\n  date: 2024-04-30\n  author: Asha\n---\n" },
  { "invalid-date", "hugo", NULL, "---\ntitle: Hello\ndate: '{{ .Date }}'\n---\n" },
  { "invalid-date", "generic", NULL, "---\ntitle: Hello\ndate: <%= new Date() %>\n---\n" },
  { "invalid-url", "docusaurus", NULL,
    "---\ntitle: Hello\ncustom_edit_url: https://github.com/x/y/edit/main/doc.md\n"
    "image: https://example.org/a.png\n---\n" },
  { "missing-local-image", NULL, "docusaurus/blog/2024-03-05-jaipur/index.md",
    "---\ntitle: Hello\nimage: ./photo.png\n---\n" },
  { "missing-local-image", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nimage: /img/cover.png\nauthors:\n  - name: A\n    image_url: /img/asha.png\n---\n" },
  { "missing-local-image", NULL, NULL, "---\ntitle: Hello\nimage: /img/unknowable.png\n---\n" },
  { "unknown-author", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nauthors: [asha, ravi]\n---\n" },
  { "unknown-author", NULL, "docusaurus/docs/guide/setup.md",
    "---\ntitle: Hello\nauthors: [meera]\n---\n" },
  { "undefined-tag", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\ntags: [travel, हिंदी]\n---\n" },
  { "undefined-tag", NULL, "docusaurus/docs/guide/setup.md", "---\ntitle: Hello\ntags: [food]\n---\n" },
  { "draft-and-unlisted", "docusaurus", NULL,
    "---\ntitle: Hello\ndraft: true\nunlisted: false\n---\n" },
  { "toc-levels", "docusaurus", NULL,
    "---\ntitle: Hello\ntoc_min_heading_level: 2\ntoc_max_heading_level: 4\n---\n" },
  { "required-field", "generic", NULL, "---\ndescription: x\n---\n# A heading title\n" },
  { "required-field", "docusaurus", NULL, "---\ndescription: x\n---\nBody\n" },
  { "required-field", "hugo", NULL, "---\n_comment: Do not remove front matter.\n---\nText\n" },
  { "required-field", "generic", NULL, "No front matter at all.\n" },
  { "conflicting-fields", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nauthor: Asha\nauthors: []\n---\n" },
  { "site-unreadable", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nimage: /img/cover.png\nauthors: [asha]\ntags: [travel]\n---\n" },
  { "site-unreadable", "docusaurus", "/run/user/1000/documents/2024-05-01-new.md",
    "---\ntitle: Hello\n---\n" },
  { "conflicting-fields", NULL, "docusaurus/docs/guide/setup.md",
    "---\ntitle: Hello\nauthor: Asha\nauthors: [asha]\n---\n" },
  { "site-data", NULL, "docusaurus/blog/2024-05-01-new.md",
    "---\ntitle: Hello\nauthors: [asha]\ntags: [travel]\n---\n" },
};

static char *
site_path (const char *relative)
{
  if (relative == NULL)
    return NULL;
  if (g_path_is_absolute (relative))
    return g_strdup (relative);
  return g_test_build_filename (G_TEST_DIST, "data", "sites", relative, NULL);
}

static GPtrArray *
check_text (const char *profile,
            const char *relative_path,
            const char *text,
            gssize      len)
{
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autoptr(LekhArticle) article = lekh_article_new (text, len);
  g_autofree char *path = site_path (relative_path);

  if (profile != NULL)
    lekh_validator_set_profile (validator, lekh_profile_lookup (profile));
  return lekh_validator_check (validator, article, path);
}

static const LekhDiagnostic *
find_rule (GPtrArray  *diagnostics,
           const char *rule)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const LekhDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (strcmp (d->rule, rule) == 0)
        return d;
    }
  return NULL;
}

static void
dump (GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const LekhDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_test_message ("  %u:%u %s %s: %s", d->line, d->column,
                      lekh_severity_to_string (d->severity), d->rule, d->message);
    }
}

static void
test_rules_trigger (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    {
      const Trigger *t = &triggers[i];
      gssize len = strcmp (t->rule, "invalid-utf8") == 0 && strstr (t->text, "bin") ?
                   (gssize) strlen (t->text) + 1 + 2 : -1;
      g_autoptr(GPtrArray) diagnostics = check_text (t->profile, t->path, t->text, len);
      const LekhDiagnostic *d = find_rule (diagnostics, t->rule);

      g_test_message ("trigger %u: %s", i, t->rule);
      dump (diagnostics);
      /* Whatever the input's bytes, every message is text. */
      for (guint k = 0; k < diagnostics->len; k++)
        g_assert_true (g_utf8_validate (((LekhDiagnostic *) g_ptr_array_index (diagnostics, k))->message,
                                        -1, NULL));
      g_assert_nonnull (d);
      g_assert_cmpstr (d->rule, ==, t->rule);
      g_assert_cmpint (d->severity, ==, t->severity);
      g_assert_cmpuint (d->line, ==, t->line);
      g_assert_cmpuint (d->column, ==, t->column);
      g_assert_cmpuint (d->start, <=, d->end);
      g_assert_nonnull (d->message);
      g_assert_cmpstr (d->message, !=, "");
    }
}

static void
test_rules_quiet (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (quiets); i++)
    {
      const Quiet *q = &quiets[i];
      g_autoptr(GPtrArray) diagnostics = check_text (q->profile, q->path, q->text, -1);

      g_test_message ("quiet %u: %s", i, q->rule);
      dump (diagnostics);
      g_assert_null (find_rule (diagnostics, q->rule));
    }
}

/* Every rule the validator announces has at least one trigger and one quiet case. */
static void
test_rules_covered (void)
{
  const char * const *rules = lekh_validator_get_rules ();

  for (guint r = 0; rules[r] != NULL; r++)
    {
      gboolean triggered = FALSE, quiet = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
        triggered |= strcmp (triggers[i].rule, rules[r]) == 0;
      for (guint i = 0; i < G_N_ELEMENTS (quiets); i++)
        quiet |= strcmp (quiets[i].rule, rules[r]) == 0;
      g_test_message ("%s", rules[r]);
      g_assert_true (triggered);
      g_assert_true (quiet);
    }
}

/* A clean article of each fixture site reads without a single diagnostic. */
static void
test_clean_fixtures (void)
{
  static const char *files[] = {
    "docusaurus/blog/2024-03-05-jaipur/index.md",
    "docusaurus/docs/guide/intro.md",
    "hugo/content/posts/first.md",
    "hugo-legacy/content/posts/old.md",
    "jekyll/_posts/2024-03-05-trip.md",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = site_path (files[i]);
      g_autofree char *text = NULL;
      g_autoptr(LekhValidator) validator = lekh_validator_new ();
      g_autoptr(LekhArticle) article = NULL;
      g_autoptr(GPtrArray) diagnostics = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      article = lekh_article_new (text, len);
      diagnostics = lekh_validator_check (validator, article, path);
      g_test_message ("%s", files[i]);
      dump (diagnostics);
      g_assert_cmpuint (diagnostics->len, ==, 0);
    }
}

static char *
apply_fix (const char     *profile,
           const char     *text,
           const char     *rule)
{
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  g_autoptr(GBytes) result = NULL;
  g_autoptr(GError) error = NULL;
  const LekhDiagnostic *d;

  lekh_validator_set_profile (validator, lekh_profile_lookup (profile));
  diagnostics = lekh_validator_check (validator, article, NULL);
  d = find_rule (diagnostics, rule);
  g_assert_nonnull (d);
  g_assert_nonnull (d->fix_description);
  edit = lekh_diagnostic_create_edit (d, article, &error);
  g_assert_no_error (error);
  g_assert_nonnull (edit);
  result = lekh_edit_apply (edit, article);
  return g_strndup (g_bytes_get_data (result, NULL), g_bytes_get_size (result));
}

static void
test_quick_fixes (void)
{
  g_autofree char *renamed = NULL;
  g_autofree char *deduplicated = NULL;
  g_autofree char *removed = NULL;

  renamed = apply_fix ("generic", "---\ntitle: Hello  # keep\ntag: [a, b]  # tags\n---\nBody\n",
                       "unknown-key");
  g_assert_cmpstr (renamed, ==, "---\ntitle: Hello  # keep\ntags: [a, b]  # tags\n---\nBody\n");

  deduplicated = apply_fix ("generic", "---\ntitle: Hello\ntags: [React, redux, react]\n---\n",
                            "duplicate-list-item");
  g_assert_cmpstr (deduplicated, ==, "---\ntitle: Hello\ntags: [React, redux]\n---\n");

  removed = apply_fix ("docusaurus", "---\ntitle: Hello\ndraft: true\nunlisted: true\n---\n",
                       "draft-and-unlisted");
  g_assert_cmpstr (removed, ==, "---\ntitle: Hello\ndraft: true\n---\n");
}

/* A broken authors.yml is one clear error, not "unknown author" for every author. */
static void
test_broken_site_data (void)
{
  g_autoptr(GPtrArray) diagnostics = check_text (NULL, "docusaurus-broken/blog/2024-05-01-new.md",
                                                 "---\ntitle: Hello\nauthors: [asha, ravi]\n---\n", -1);

  dump (diagnostics);
  g_assert_null (find_rule (diagnostics, "unknown-author"));
  g_assert_nonnull (find_rule (diagnostics, "site-data"));
  g_assert_nonnull (strstr (find_rule (diagnostics, "site-data")->message, "authors.yml"));
}

/* The window's round trip: unknown author → quick fix appends it to authors.yml →
 * after invalidation the error is gone. */
static void
test_add_author_round_trip (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lekh-validator-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (tmp, "docusaurus.config.js", NULL);
  g_autofree char *blog = g_build_filename (tmp, "blog", NULL);
  g_autofree char *authors = g_build_filename (blog, "authors.yml", NULL);
  g_autofree char *post = g_build_filename (blog, "post.md", NULL);
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autoptr(LekhArticle) article = lekh_article_new ("---\ntitle: Hi\nauthors: [meera]\n---\n", -1);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *updated = NULL;
  const LekhDiagnostic *d;
  gsize len;

  g_assert_cmpint (g_mkdir (blog, 0755), ==, 0);
  g_assert_true (g_file_set_contents (config, "module.exports = {};\n", -1, NULL));
  g_assert_true (g_file_set_contents (authors, "asha:\n  name: Asha\n", -1, NULL));

  before = lekh_validator_check (validator, article, post);
  d = find_rule (before, "unknown-author");
  g_assert_nonnull (d);
  g_assert_cmpint (d->fix_kind, ==, LEKH_FIX_ADD_AUTHOR);
  g_assert_cmpstr (d->fix_file, ==, authors);

  g_assert_true (g_file_get_contents (d->fix_file, &text, &len, NULL));
  edit = lekh_site_data_create_add_edit (text, len, d->fix_value, NULL, FALSE, &error);
  g_assert_no_error (error);
  updated = g_strconcat (text, edit->text, NULL);
  g_assert_true (g_file_set_contents (authors, updated, -1, NULL));

  /* sites are cached until invalidated */
  stale = lekh_validator_check (validator, article, post);
  g_assert_nonnull (find_rule (stale, "unknown-author"));
  lekh_validator_invalidate (validator);
  after = lekh_validator_check (validator, article, post);
  g_assert_null (find_rule (after, "unknown-author"));

  g_remove (post);
  g_remove (authors);
  g_remove (config);
  g_rmdir (blog);
  g_rmdir (tmp);
}


/* A copy of the docusaurus fixture site's configuration, data files and image. */
static char *
copy_fixture_site (void)
{
  static const char *files[] = {
    "docusaurus.config.ts", "blog/authors.yml", "blog/tags.yml", "static/img/cover.png",
  };
  g_autofree char *tmp = g_dir_make_tmp ("lekh-unreadable-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *relative = g_build_filename ("docusaurus", files[i], NULL);
      g_autofree char *from = site_path (relative);
      g_autofree char *to = g_build_filename (tmp, files[i], NULL);
      g_autofree char *dir = g_path_get_dirname (to);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (to, contents, len, NULL));
    }
  return g_steal_pointer (&tmp);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_chmod (path, 0755);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static void
assert_not_looked_at (GPtrArray *diagnostics)
{
  dump (diagnostics);
  /* it says it could not look, and does not guess */
  g_assert_nonnull (find_rule (diagnostics, "site-unreadable"));
  g_assert_null (find_rule (diagnostics, "missing-local-image"));
  g_assert_null (find_rule (diagnostics, "unknown-author"));
  g_assert_null (find_rule (diagnostics, "undefined-tag"));
  g_assert_null (find_rule (diagnostics, "site-data"));
}

/* A site whose static folder, authors.yml and tags.yml cannot be read is never reported
 * clean: each thing that could not be looked at is a warning of its own. A symlink loop
 * stands for what cannot be read even by root (who ignores permissions); chmod 000 is
 * tried as well when it has an effect. */
static void
test_unreadable_site (void)
{
  g_autofree char *tmp = copy_fixture_site ();
  g_autofree char *post = g_build_filename (tmp, "blog", "post.md", NULL);
  g_autofree char *statics = g_build_filename (tmp, "static", NULL);
  g_autofree char *authors = g_build_filename (tmp, "blog", "authors.yml", NULL);
  g_autofree char *tags = g_build_filename (tmp, "blog", "tags.yml", NULL);
  const char *text = "---\ntitle: Hello\nimage: /img/cover.png\nauthors: [asha]\n"
                     "tags: [travel]\n---\n";

  {
    /* readable: clean */
    g_autoptr(LekhValidator) validator = lekh_validator_new ();
    g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
    g_autoptr(GPtrArray) diagnostics = lekh_validator_check (validator, article, post);

    dump (diagnostics);
    g_assert_cmpuint (diagnostics->len, ==, 0);
  }

  if (getuid () != 0)
    {
      g_autoptr(LekhValidator) validator = lekh_validator_new ();
      g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
      g_autoptr(GPtrArray) diagnostics = NULL;

      g_assert_cmpint (g_chmod (statics, 0), ==, 0);
      g_assert_cmpint (g_chmod (authors, 0), ==, 0);
      g_assert_cmpint (g_chmod (tags, 0), ==, 0);
      diagnostics = lekh_validator_check (validator, article, post);
      assert_not_looked_at (diagnostics);
      g_assert_cmpint (g_chmod (statics, 0755), ==, 0);
      g_assert_cmpint (g_chmod (authors, 0644), ==, 0);
      g_assert_cmpint (g_chmod (tags, 0644), ==, 0);
    }

  {
    g_autoptr(LekhValidator) validator = lekh_validator_new ();
    g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
    g_autoptr(GPtrArray) diagnostics = NULL;
    guint unreadable = 0;

    remove_tree (statics);
    g_remove (authors);
    g_remove (tags);
    g_assert_cmpint (symlink ("static", statics), ==, 0);
    g_assert_cmpint (symlink ("authors.yml", authors), ==, 0);
    g_assert_cmpint (symlink ("tags.yml", tags), ==, 0);
    diagnostics = lekh_validator_check (validator, article, post);
    assert_not_looked_at (diagnostics);
    for (guint i = 0; i < diagnostics->len; i++)
      unreadable += strcmp (((LekhDiagnostic *) g_ptr_array_index (diagnostics, i))->rule,
                            "site-unreadable") == 0;
    /* the image, authors.yml and tags.yml: each says what was not checked */
    g_assert_cmpuint (unreadable, ==, 3);
  }

  remove_tree (tmp);
}


/* What Docusaurus refuses in authors.yml or tags.yml stops the whole site: a site-data
 * error at the key that uses the file, with the entries still read. */
static void
test_site_data_refused (void)
{
  static const struct
  {
    const char *file;
    const char *contents;
    const char *front_matter;
    const char *says;
  } cases[] = {
    { "authors.yml", "asha:\n  title: Editor\n", "authors: [asha]", "needs a name" },
    { "authors.yml", "asha:\n  name: Asha\nasha:\n  name: Asha Rao\n", "authors: [asha]",
      "given twice" },
    { "authors.yml", "asha:\n  name: Asha\n  socials:\n    github: github.com/asha\n",
      "authors: [asha]", "github" },
    { "tags.yml", "travel:\n  label: Travel\n  color: red\n", "tags: [travel]", "color" },
    { "tags.yml", "Travel Tips:\ntravel-tips:\n", "tags: [travel-tips]", "/travel-tips" },
    { "tags.yml", "travel:\nfood:\n  permalink: /eat\n", "tags: [travel]", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tmp = g_dir_make_tmp ("lekh-site-data-XXXXXX", NULL);
      g_autofree char *config = g_build_filename (tmp, "docusaurus.config.js", NULL);
      g_autofree char *blog = g_build_filename (tmp, "blog", NULL);
      g_autofree char *data = g_build_filename (blog, cases[i].file, NULL);
      g_autofree char *post = g_build_filename (blog, "post.md", NULL);
      g_autofree char *text = g_strdup_printf ("---\ntitle: Hi\n%s\n---\n", cases[i].front_matter);
      g_autoptr(LekhValidator) validator = lekh_validator_new ();
      g_autoptr(LekhArticle) article = lekh_article_new (text, -1);
      g_autoptr(GPtrArray) diagnostics = NULL;
      const LekhDiagnostic *d;

      g_assert_cmpint (g_mkdir (blog, 0755), ==, 0);
      g_assert_true (g_file_set_contents (config, "module.exports = {};\n", -1, NULL));
      g_assert_true (g_file_set_contents (data, cases[i].contents, -1, NULL));
      diagnostics = lekh_validator_check (validator, article, post);
      g_test_message ("%s: %s", cases[i].file, cases[i].contents);
      dump (diagnostics);
      d = find_rule (diagnostics, "site-data");
      if (cases[i].says == NULL)
        g_assert_null (d);
      else
        {
          g_assert_nonnull (d);
          g_assert_cmpint (d->severity, ==, LEKH_SEVERITY_ERROR);
          g_assert_nonnull (strstr (d->message, cases[i].says));
          /* the entries are still used: the key is known */
          g_assert_null (find_rule (diagnostics, "unknown-author"));
          g_assert_null (find_rule (diagnostics, "undefined-tag"));
        }
      remove_tree (tmp);
    }
}

static void
test_required_key (void)
{
  g_autoptr(GPtrArray) diagnostics = check_text ("generic", NULL, "---\ndraft: true\n---\n", -1);
  const LekhDiagnostic *d = find_rule (diagnostics, "required-field");

  g_assert_nonnull (d);
  g_assert_cmpstr (d->key, ==, "title");
  g_assert_cmpuint (d->start, ==, 0);
  g_assert_cmpuint (d->end, ==, 3);
}

/* A heading level beyond 64 bits is not a level; it was clamped to G_MININT64 once and
 * reported as "(-9223372036854775808) is below" a number the file does not hold. */
static void
test_big_integer_not_clamped (void)
{
  g_autoptr(GPtrArray) diagnostics = check_text ("docusaurus", NULL,
                                                 "---\ntitle: Hello\ntoc_min_heading_level: 4\n"
                                                 "toc_max_heading_level: -99999999999999999999\n---\n", -1);
  const LekhDiagnostic *d = find_rule (diagnostics, "toc-levels");

  dump (diagnostics);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->line, ==, 4);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const LekhDiagnostic *any = g_ptr_array_index (diagnostics, i);

      g_assert_null (strstr (any->message, "922337203685477580"));
    }
}

static void
test_site_fixes (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  const LekhDiagnostic *author, *tag;
  g_autofree char *authors_yml = site_path ("docusaurus/blog/authors.yml");
  g_autofree char *tags_yml = site_path ("docusaurus/blog/tags.yml");

  diagnostics = check_text (NULL, "docusaurus/blog/2024-05-01-new.md",
                            "---\ntitle: Hello\nauthors: [meera]\ntags: [food]\n---\n", -1);
  author = find_rule (diagnostics, "unknown-author");
  tag = find_rule (diagnostics, "undefined-tag");
  g_assert_nonnull (author);
  g_assert_nonnull (tag);
  g_assert_cmpint (author->fix_kind, ==, LEKH_FIX_ADD_AUTHOR);
  g_assert_cmpstr (author->fix_value, ==, "meera");
  g_assert_true (g_str_has_suffix (author->fix_file, "docusaurus/blog/authors.yml"));
  g_assert_nonnull (strstr (author->message, "asha, ravi"));
  g_assert_cmpint (tag->fix_kind, ==, LEKH_FIX_ADD_TAG);
  g_assert_cmpstr (tag->fix_value, ==, "food");
  g_assert_true (g_str_has_suffix (tag->fix_file, "docusaurus/blog/tags.yml"));
}

/* Diagnostics come sorted, and their byte spans point at the offending text. */
static void
test_spans (void)
{
  const char *text = "---\ntitle: जयपुर\ntag: [a, a]\ndate: 2024-13-01\n---\n";
  g_autoptr(GPtrArray) diagnostics = check_text ("generic", NULL, text, -1);
  const LekhDiagnostic *key, *date;

  dump (diagnostics);
  for (guint i = 1; i < diagnostics->len; i++)
    g_assert_cmpint (lekh_diagnostic_compare (g_ptr_array_index (diagnostics, i - 1),
                                              g_ptr_array_index (diagnostics, i)), <=, 0);
  key = find_rule (diagnostics, "unknown-key");
  date = find_rule (diagnostics, "invalid-date");
  g_assert_nonnull (key);
  g_assert_nonnull (date);
  g_assert_cmpmem (text + key->start, key->end - key->start, "tag", 3);
  g_assert_cmpstr (key->key, ==, "tag");
  g_assert_cmpstr (date->key, ==, "date");
  g_assert_cmpmem (text + date->start, date->end - date->start, "2024-13-01", 10);
  g_assert_cmpuint (date->line, ==, 4);
  g_assert_cmpuint (date->column, ==, 7);
}

/* Many threads share one validator (and its site cache) without trouble. */
typedef struct
{
  LekhValidator *validator;
  char          *path;
} ThreadData;

static gpointer
thread_check (gpointer data)
{
  ThreadData *td = data;
  guint found = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(LekhArticle) article =
        lekh_article_new ("---\ntitle: Hello\nauthors: [asha, meera]\ntags: [food]\n---\n", -1);
      g_autoptr(GPtrArray) diagnostics = lekh_validator_check (td->validator, article, td->path);

      found += diagnostics->len;
    }
  return GUINT_TO_POINTER (found);
}

static void
test_threads (void)
{
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autofree char *path = site_path ("docusaurus/blog/2024-05-01-new.md");
  ThreadData td = { validator, path };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("check", thread_check, &td);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 200 * 2);
}

static void
test_default_profile (void)
{
  LekhValidator *validator = lekh_validator_new ();
  LekhSite *site;

  /* Outside any site: generic, or the default profile chosen in Preferences. */
  site = lekh_validator_get_site (validator, NULL);
  g_assert_true (lekh_site_get_profile (site) == lekh_profile_get (LEKH_PROFILE_GENERIC));
  lekh_site_unref (site);

  lekh_validator_set_default_profile (validator, lekh_profile_get (LEKH_PROFILE_HUGO));
  site = lekh_validator_get_site (validator, NULL);
  g_assert_true (lekh_site_get_profile (site) == lekh_profile_get (LEKH_PROFILE_HUGO));
  lekh_site_unref (site);

  /* A forced profile (lekh check --profile) still wins. */
  lekh_validator_set_profile (validator, lekh_profile_get (LEKH_PROFILE_JEKYLL));
  site = lekh_validator_get_site (validator, NULL);
  g_assert_true (lekh_site_get_profile (site) == lekh_profile_get (LEKH_PROFILE_JEKYLL));
  lekh_site_unref (site);

  lekh_validator_unref (validator);
}

static void
test_author_did_you_mean (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lekh-validator-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (tmp, "docusaurus.config.js", NULL);
  g_autofree char *blog = g_build_filename (tmp, "blog", NULL);
  g_autofree char *authors = g_build_filename (blog, "authors.yml", NULL);
  g_autofree char *post = g_build_filename (blog, "post.md", NULL);
  g_autoptr(LekhValidator) validator = lekh_validator_new ();
  g_autoptr(LekhArticle) typo = lekh_article_new ("---\ntitle: Hi\nauthors: [asha, lakr]\n---\n", -1);
  g_autoptr(LekhArticle) stranger = lekh_article_new ("---\ntitle: Hi\nauthors: [meera]\n---\n", -1);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  g_autoptr(GBytes) fixed = NULL;
  const LekhDiagnostic *d;

  g_assert_cmpint (g_mkdir (blog, 0755), ==, 0);
  g_assert_true (g_file_set_contents (config, "module.exports = {};\n", -1, NULL));
  g_assert_true (g_file_set_contents (authors, "asha:\n  name: Asha\nlark:\n  name: Lark\n", -1, NULL));

  /* A typo of a known author: the fix puts the known author in, authors.yml is untouched. */
  found = lekh_validator_check (validator, typo, post);
  d = find_rule (found, "unknown-author");
  g_assert_nonnull (d);
  g_assert_nonnull (strstr (d->message, "Did you mean “lark”?"));
  g_assert_cmpint (d->fix_kind, ==, LEKH_FIX_REPLACE_VALUE);
  g_assert_cmpstr (d->fix_value, ==, "lark");
  edit = lekh_diagnostic_create_edit (d, typo, NULL);
  g_assert_nonnull (edit);
  fixed = lekh_edit_apply (edit, typo);
  g_assert_cmpstr (g_bytes_get_data (fixed, NULL), ==, "---\ntitle: Hi\nauthors: [asha, lark]\n---\n");

  /* Nobody close: adding the new author stays the fix. */
  other = lekh_validator_check (validator, stranger, post);
  d = find_rule (other, "unknown-author");
  g_assert_nonnull (d);
  g_assert_cmpint (d->fix_kind, ==, LEKH_FIX_ADD_AUTHOR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validator/rules/trigger", test_rules_trigger);
  g_test_add_func ("/validator/rules/quiet", test_rules_quiet);
  g_test_add_func ("/validator/rules/covered", test_rules_covered);
  g_test_add_func ("/validator/fixtures/clean", test_clean_fixtures);
  g_test_add_func ("/validator/fixes/article", test_quick_fixes);
  g_test_add_func ("/validator/fixes/site", test_site_fixes);
  g_test_add_func ("/validator/spans", test_spans);
  g_test_add_func ("/validator/required-key", test_required_key);
  g_test_add_func ("/validator/big-integer-not-clamped", test_big_integer_not_clamped);
  g_test_add_func ("/validator/broken-site-data", test_broken_site_data);
  g_test_add_func ("/validator/add-author-round-trip", test_add_author_round_trip);
  g_test_add_func ("/validator/unreadable-site", test_unreadable_site);
  g_test_add_func ("/validator/site-data-refused", test_site_data_refused);
  g_test_add_func ("/validator/threads", test_threads);
  g_test_add_func ("/validator/default-profile", test_default_profile);
  g_test_add_func ("/validator/author-did-you-mean", test_author_did_you_mean);

  return g_test_run ();
}
