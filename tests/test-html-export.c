/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "lekh-article-meta.h"
#include "lekh-html-export.h"

static char *
export (const char *text,
        LekhHtmlExportFlags flags)
{
  g_autoptr(LekhArticle) article = lekh_article_new (text, -1);

  g_assert_null (lekh_article_get_error (article));
  return lekh_html_export (article, flags);
}

static void
assert_contains (const char *html,
                 const char *needle)
{
  if (strstr (html, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, html);
}

static void
assert_lacks (const char *html,
              const char *needle)
{
  if (strstr (html, needle) != NULL)
    g_error ("“%s” found in:\n%s", needle, html);
}

static void
test_meta_tags (void)
{
  g_autofree char *html = export (
    "---\n"
    "title: My Post\n"
    "description: A short summary of the post.\n"
    "keywords: [gnome, markdown]\n"
    "authors:\n"
    "  - jdoe\n"
    "  - name: Ann Lee\n"
    "    url: https://e.org\n"
    "tags: [gtk, {label: Front Matter, permalink: /fm}]\n"
    "image: /img/cover.png\n"
    "date: 2024-05-01\n"
    "---\n"
    "Hello *world*.\n", 0);

  assert_contains (html, "<!DOCTYPE html>");
  assert_contains (html, "<html lang=\"en\">");
  assert_contains (html, "<meta charset=\"utf-8\">");
  assert_contains (html, "<title>My Post</title>");
  assert_contains (html, "<meta name=\"description\" content=\"A short summary of the post.\">");
  assert_contains (html, "<meta name=\"keywords\" content=\"gnome, markdown\">");
  assert_contains (html, "<meta name=\"author\" content=\"jdoe, Ann Lee\">");
  assert_contains (html, "<meta property=\"og:title\" content=\"My Post\">");
  assert_contains (html, "<meta property=\"og:description\" content=\"A short summary of the post.\">");
  assert_contains (html, "<meta property=\"og:image\" content=\"/img/cover.png\">");
  assert_contains (html, "<meta property=\"article:tag\" content=\"Front Matter\">");
  assert_contains (html, "<h1>My Post</h1>");
  assert_contains (html, "<li>gtk</li><li>Front Matter</li>");
  assert_contains (html, "<time datetime=\"2024-05-01\">2024-05-01</time>");
  assert_contains (html, "<p>Hello <em>world</em>.</p>");
  assert_contains (html, "<style>");
  assert_contains (html, "</html>\n");
}

static void
test_escaping (void)
{
  g_autofree char *html = export (
    "---\n"
    "title: \"<script>alert('x')</script> & \\\"quotes\\\"\"\n"
    "description: 'a \"b\" <c> & d'\n"
    "keywords: \"x\\\" onload=\\\"evil\"\n"
    "image: \"javascript:alert(1)\"\n"
    "---\n"
    "Text with <b>tag</b> & [link](javascript:alert(1)) and `<code>`.\n", 0);

  assert_contains (html, "<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</title>");
  assert_contains (html, "content=\"a &quot;b&quot; &lt;c&gt; &amp; d\"");
  assert_contains (html, "content=\"x&quot; onload=&quot;evil\"");
  assert_lacks (html, "<script>");
  assert_lacks (html, "javascript:");
  assert_lacks (html, "<b>tag</b>");
  assert_contains (html, "<code>&lt;code&gt;</code>");
  assert_contains (html, "&amp;");
}

static void
test_gfm (void)
{
  const char *text =
    "## Plan {#plan}\n\n"
    "| Step | Done |\n|:-----|-----:|\n| one | ~~no~~ |\n\n"
    "- [x] write\n- [ ] publish\n\n"
    "See www.example.org and the note[^n].\n\n"
    "[^n]: A \"note\".\n";
  g_autofree char *body = lekh_html_render_body (text, -1, LEKH_HTML_EXPORT_DEFAULT);
  g_autofree char *plain = lekh_html_render_body (text, -1, LEKH_HTML_EXPORT_PLAIN_PUNCTUATION
                                                              | LEKH_HTML_EXPORT_NO_HEADING_IDS);

  assert_contains (body, "<h2 id=\"plan\">Plan</h2>");
  assert_contains (body, "<th align=\"left\">Step</th>");
  assert_contains (body, "<td align=\"right\"><del>no</del></td>");
  assert_contains (body, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> write");
  assert_contains (body, "<a href=\"http://www.example.org\">www.example.org</a>");
  assert_contains (body, "<a href=\"#fn-n\" id=\"fnref-n\" data-footnote-ref>1</a>");
  assert_contains (body, "<li id=\"fn-n\">");
  assert_contains (body, "A \u201cnote\u201d.");
  assert_contains (plain, "<h2>Plan {#plan}</h2>");
  assert_contains (plain, "A &quot;note&quot;.");
}

static void
test_safe_mode (void)
{
  const char *text = "<script>alert(1)</script>\n\n<div class=\"x\">block</div>\n\nInline <span>x</span>.\n";
  g_autofree char *safe = export (text, LEKH_HTML_EXPORT_DEFAULT);
  g_autofree char *unsafe = export (text, LEKH_HTML_EXPORT_UNSAFE);

  assert_lacks (safe, "<script>");
  assert_lacks (safe, "<div class=\"x\">");
  assert_lacks (safe, "<span>");
  assert_contains (safe, "raw HTML omitted");
  /* GFM's tagfilter: even trusted text gets no live <script>. */
  assert_contains (unsafe, "&lt;script>alert(1)&lt;/script>");
  assert_contains (unsafe, "<div class=\"x\">block</div>");
  assert_contains (unsafe, "<span>x</span>");
}

static void
test_devanagari (void)
{
  g_autofree char *html = export (
    "---\n"
    "title: नमस्ते दुनिया\n"
    "description: हिंदी में एक छोटा लेख, जिसमें कुछ English शब्द भी हैं।\n"
    "tags: [हिंदी, लेखन]\n"
    "---\n"
    "## परिचय\n\n"
    "यह **लेख** हिंदी में है। It quotes `GTK` and GNOME.\n", 0);

  assert_contains (html, "<html lang=\"hi\">");
  assert_contains (html, "<title>नमस्ते दुनिया</title>");
  assert_contains (html, "<meta property=\"og:title\" content=\"नमस्ते दुनिया\">");
  assert_contains (html, "<h2 id=\"परिचय\">परिचय</h2>");
  assert_contains (html, "यह <strong>लेख</strong> हिंदी में है।");
  assert_contains (html, "<li>हिंदी</li><li>लेखन</li>");
}

static void
test_language (void)
{
  g_autofree char *arabic = export ("# مرحبا بالعالم\n\nهذا نص عربي.\n", 0);
  g_autofree char *explicit = export ("---\nlang: hi_IN\n---\nEnglish text only.\n", 0);
  g_autofree char *bogus = export ("---\nlang: \"x\\\"><script>\"\n---\nनमस्ते\n", 0);
  g_autofree char *empty = export ("", 0);

  assert_contains (arabic, "<html lang=\"ar\" dir=\"rtl\">");
  assert_contains (arabic, "<title>مرحبا بالعالم</title>");
  assert_contains (explicit, "<html lang=\"hi-IN\">");
  assert_contains (bogus, "<html lang=\"hi\">");
  assert_contains (empty, "<html>");
  assert_contains (empty, "<title></title>");

  g_assert_cmpstr (lekh_detect_language ("日本語のテキスト", -1), ==, "ja");
  g_assert_cmpstr (lekh_detect_language ("中文文本", -1), ==, "zh");
  g_assert_cmpstr (lekh_detect_language ("தமிழ்", -1), ==, "ta");
  g_assert_null (lekh_detect_language ("1234 !!", -1));
  g_assert_true (lekh_language_is_rtl ("ar-EG"));
  g_assert_false (lekh_language_is_rtl ("hi"));
}

static void
test_cli_render (void)
{
  const char *exe = g_getenv ("LEKH_EXE");
  g_autofree char *dir = NULL;
  g_autofree char *in = NULL;
  g_autofree char *out = NULL;
  g_autofree char *html = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (exe == NULL)
    {
      g_test_skip ("LEKH_EXE is not set");
      return;
    }
  dir = g_dir_make_tmp ("lekh-render-XXXXXX", NULL);
  in = g_build_filename (dir, "a.md", NULL);
  out = g_build_filename (dir, "a.html", NULL);
  g_assert_true (g_file_set_contents (in, "---\ntitle: CLI\n---\n<i>x</i> *y*\n", -1, NULL));

  {
    const char *argv[] = { exe, "render", in, "-o", out, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_get_contents (out, &html, NULL, NULL));
    assert_contains (html, "<title>CLI</title>");
    assert_contains (html, "<em>y</em>");
    assert_lacks (html, "<i>x</i>");
    g_clear_pointer (&html, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { exe, "render", "--unsafe", in, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &html, &err, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    assert_contains (html, "<i>x</i>");
    g_clear_pointer (&html, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    /* Unterminated front matter: a clear error, exit 2, nothing written. */
    g_autofree char *bad = g_build_filename (dir, "bad.md", NULL);
    g_autofree char *bad_out = g_build_filename (dir, "bad.html", NULL);
    const char *argv[] = { exe, "render", bad, "-o", bad_out, NULL };

    g_assert_true (g_file_set_contents (bad, "---\ntitle: x\nbody\n", -1, NULL));
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status, NULL));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    assert_contains (err, "bad.md:1:");
    g_assert_false (g_file_test (bad_out, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
    g_unlink (bad);
  }
  {
    const char *argv[] = { exe, "render", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status, NULL));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    assert_contains (err, "Usage:");
  }
  g_unlink (in);
  g_unlink (out);
  g_rmdir (dir);
}

/* Headings carry the ids "#heading" links point to, as site generators make them. */
static void
test_heading_ids (void)
{
  g_autofree char *html = export (
    "# Intro\n\n"
    "## Set *up* `lekh` {#setup}\n\n"
    "## Notes\n\ntext\n\n"
    "## Notes\n\n"
    "## Say <b>hi</b>\n\n"
    "## Quote {#x<y&z}\n\n"
    "> ## Quoted\n\n"
    "## ?\n", 0);

  assert_contains (html, "<h1 id=\"intro\">Intro</h1>");
  assert_contains (html, "<h2 id=\"setup\">Set <em>up</em> <code>lekh</code></h2>");
  assert_contains (html, "<h2 id=\"notes\">Notes</h2>");
  assert_contains (html, "<h2 id=\"notes-1\">Notes</h2>");
  /* Safe mode holds inside headings too. */
  assert_contains (html, "<h2 id=\"say-hi\">Say <!-- raw HTML omitted -->hi<!-- raw HTML omitted --></h2>");
  assert_contains (html, "<h2 id=\"x&lt;y&amp;z\">Quote</h2>");
  assert_contains (html, "<blockquote>\n<h2>Quoted</h2>");
  assert_contains (html, "<h2>?</h2>");
  g_assert_null (strstr (html, "{#"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-export/meta-tags", test_meta_tags);
  g_test_add_func ("/html-export/escaping", test_escaping);
  g_test_add_func ("/html-export/safe-mode", test_safe_mode);
  g_test_add_func ("/html-export/devanagari", test_devanagari);
  g_test_add_func ("/html-export/language", test_language);
  g_test_add_func ("/html-export/cli-render", test_cli_render);
  g_test_add_func ("/html-export/heading-ids", test_heading_ids);
  g_test_add_func ("/html-export/gfm", test_gfm);
  return g_test_run ();
}
