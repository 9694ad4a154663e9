/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lekh-markup.h"

/* Applies EDIT to TEXT and marks the new selection with « and » (or | for a cursor). */
static char *
apply (const char           *text,
       const LekhMarkupEdit *edit)
{
  g_autofree gunichar *u = g_utf8_to_ucs4 (text, -1, NULL, NULL, NULL);
  g_autofree char *head = g_ucs4_to_utf8 (u, edit->start, NULL, NULL, NULL);
  g_autofree char *tail = g_utf8_substring (text, edit->end, g_utf8_strlen (text, -1));
  g_autofree char *joined = g_strconcat (head, edit->replacement, tail, NULL);
  glong n = g_utf8_strlen (joined, -1);
  GString *out = g_string_new (NULL);

  for (glong i = 0; i <= n; i++)
    {
      if ((gsize) i == edit->select_start && edit->select_start == edit->select_end)
        g_string_append_c (out, '|');
      else if ((gsize) i == edit->select_start)
        g_string_append (out, "«");
      else if ((gsize) i == edit->select_end)
        g_string_append (out, "»");
      if (i < n)
        {
          const char *p = g_utf8_offset_to_pointer (joined, i);
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
  return g_string_free (out, FALSE);
}

/* "a «b» c" or "a b|c": text with the selection or cursor marked; returns plain text. */
static char *
parse (const char *marked,
       gsize      *s,
       gsize      *e)
{
  GString *out = g_string_new (NULL);
  gsize i = 0;

  for (const char *p = marked; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '|')
        *s = *e = i;
      else if (c == 0xAB)
        *s = i;
      else if (c == 0xBB)
        *e = i;
      else
        {
          g_string_append_unichar (out, c);
          i++;
        }
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  LekhMarkupStyle style;
  const char     *before;
  const char     *after;
} ToggleCase;

static const ToggleCase toggle_cases[] = {
  /* wrap a selection, a word, or insert an empty pair */
  { LEKH_MARKUP_BOLD, "say «hello» now", "say **«hello»** now" },
  { LEKH_MARKUP_BOLD, "say hel|lo now", "say **hel|lo** now" },
  { LEKH_MARKUP_BOLD, "say | now", "say **|** now" },
  { LEKH_MARKUP_BOLD, "नमस्|ते दुनिया", "**नमस्|ते** दुनिया" },
  { LEKH_MARKUP_ITALIC, "say «hello» now", "say *«hello»* now" },
  { LEKH_MARKUP_CODE, "run «make» now", "run `«make»` now" },
  /* toggle off: marks outside, inside the selection, around the cursor */
  { LEKH_MARKUP_BOLD, "say **«hello»** now", "say «hello» now" },
  { LEKH_MARKUP_BOLD, "say «**hello**» now", "say «hello» now" },
  { LEKH_MARKUP_BOLD, "say **hel|lo** now", "say hel|lo now" },
  { LEKH_MARKUP_BOLD, "say **|** now", "say | now" },
  { LEKH_MARKUP_ITALIC, "say *«hello»* now", "say «hello» now" },
  { LEKH_MARKUP_CODE, "run `ma|ke` now", "run ma|ke now" },
  /* bold and italic share '*' without taking each other's marks */
  { LEKH_MARKUP_ITALIC, "say **«hello»** now", "say ***«hello»*** now" },
  { LEKH_MARKUP_BOLD, "say *«hello»* now", "say ***«hello»*** now" },
  { LEKH_MARKUP_ITALIC, "say ***«hello»*** now", "say **«hello»** now" },
  { LEKH_MARKUP_BOLD, "say ***«hello»*** now", "say *«hello»* now" },
  /* links */
  { LEKH_MARKUP_LINK, "see «the docs» here", "see [the docs](|) here" },
  { LEKH_MARKUP_LINK, "see «https://example.org» here", "see [|](https://example.org) here" },
  { LEKH_MARKUP_LINK, "see | here", "see [|]() here" },
  { LEKH_MARKUP_LINK, "see do|cs here", "see [docs](|) here" },
};

static void
test_toggle (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (toggle_cases); i++)
    {
      const ToggleCase *c = &toggle_cases[i];
      LekhMarkupEdit edit;
      gsize s = 0, e = 0;
      g_autofree char *text = parse (c->before, &s, &e);
      g_autofree char *result = NULL;

      g_test_message ("case %u: %s", i, c->before);
      g_assert_true (lekh_markup_toggle (text, s, e, c->style, &edit));
      result = apply (text, &edit);
      g_assert_cmpstr (result, ==, c->after);
      lekh_markup_edit_clear (&edit);
    }
}

static void
test_toggle_roundtrip (void)
{
  /* Bold on, bold off gives the text back. */
  const char *text = "एक वाक्य";
  LekhMarkupEdit on, off;
  g_autofree char *wrapped = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *back = NULL;

  g_assert_true (lekh_markup_toggle (text, 0, 2, LEKH_MARKUP_BOLD, &on));
  g_assert_cmpstr (on.replacement, ==, "**एक**");
  wrapped = g_strconcat (on.replacement, " वाक्य", NULL);
  g_assert_true (lekh_markup_toggle (wrapped, on.select_start, on.select_end, LEKH_MARKUP_BOLD, &off));
  g_assert_cmpuint (off.start, ==, 0);
  g_assert_cmpuint (off.end, ==, 6);
  g_assert_cmpstr (off.replacement, ==, "एक");
  lekh_markup_edit_clear (&on);
  lekh_markup_edit_clear (&off);
}

typedef struct
{
  const char *line;
  int         delta;
  const char *after;  /* NULL: no change */
} HeadingCase;

static const HeadingCase heading_cases[] = {
  { "Intro", 1, "###### Intro" },
  { "## Intro", 1, "# Intro" },
  { "# Intro", 1, NULL },
  { "# Intro", -1, "## Intro" },
  { "###### Intro", -1, "Intro" },
  { "Intro", -1, NULL },
  { "##   spaced", 1, "# spaced" },
  { "#hashtag", 1, "###### #hashtag" },
  { "## परिचय", -1, "### परिचय" },
  { "##", -1, "### " },
};

static void
test_heading (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (heading_cases); i++)
    {
      const HeadingCase *c = &heading_cases[i];
      LekhMarkupEdit edit;
      gboolean changed = lekh_markup_change_heading (c->line, c->delta, &edit);

      g_test_message ("case %u: %s %+d", i, c->line, c->delta);
      g_assert_cmpint (changed, ==, c->after != NULL);
      if (changed)
        {
          g_autofree char *tail = g_utf8_substring (c->line, edit.end, g_utf8_strlen (c->line, -1));
          g_autofree char *result = g_strconcat (edit.replacement, tail, NULL);

          g_assert_cmpuint (edit.start, ==, 0);
          g_assert_cmpstr (result, ==, c->after);
        }
      lekh_markup_edit_clear (&edit);
    }
}

typedef struct
{
  const char     *line;  /* cursor at | */
  LekhListAction  action;
  const char     *after;
} ListCase;

static const ListCase list_cases[] = {
  { "- milk|", LEKH_LIST_CONTINUE, "- milk\n- |" },
  { "* milk|", LEKH_LIST_CONTINUE, "* milk\n* |" },
  { "  + nested|", LEKH_LIST_CONTINUE, "  + nested\n  + |" },
  { "1. one|", LEKH_LIST_CONTINUE, "1. one\n2. |" },
  { "9) nine|", LEKH_LIST_CONTINUE, "9) nine\n10) |" },
  { "- [x] done|", LEKH_LIST_CONTINUE, "- [x] done\n- [ ] |" },
  { "- [ ] todo|", LEKH_LIST_CONTINUE, "- [ ] todo\n- [ ] |" },
  { "> quoted|", LEKH_LIST_CONTINUE, "> quoted\n> |" },
  { "- दूध|", LEKH_LIST_CONTINUE, "- दूध\n- |" },
  { "- split|here", LEKH_LIST_CONTINUE, "- split\n- |here" },
  { "- |", LEKH_LIST_END, "|" },
  { "  2. |", LEKH_LIST_END, "|" },
  { "- [ ] |", LEKH_LIST_END, "|" },
  { "plain text|", LEKH_LIST_NONE, NULL },
  { "-not a list|", LEKH_LIST_NONE, NULL },
  { "2020. was a year|", LEKH_LIST_CONTINUE, "2020. was a year\n2021. |" },
  { "1.5 litres|", LEKH_LIST_NONE, NULL },
  { "|- item", LEKH_LIST_NONE, NULL },
  { "**bold**|", LEKH_LIST_NONE, NULL },
};

static void
test_list (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_cases); i++)
    {
      const ListCase *c = &list_cases[i];
      LekhMarkupEdit edit;
      gsize s = 0, e = 0;
      g_autofree char *line = parse (c->line, &s, &e);
      LekhListAction action = lekh_markup_continue_list (line, s, &edit);

      g_test_message ("case %u: %s", i, c->line);
      g_assert_cmpint (action, ==, c->action);
      if (action != LEKH_LIST_NONE)
        {
          g_autofree char *result = apply (line, &edit);
          g_assert_cmpstr (result, ==, c->after);
        }
      lekh_markup_edit_clear (&edit);
    }
}

static void
test_position (void)
{
  guint line = 0, column = 0;

  g_assert_true (lekh_markup_parse_position ("12", &line, &column));
  g_assert_cmpuint (line, ==, 12);
  g_assert_cmpuint (column, ==, 0);
  g_assert_true (lekh_markup_parse_position (" 7:3 ", &line, &column));
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpuint (column, ==, 3);
  g_assert_true (lekh_markup_parse_position ("4,9", &line, &column));
  g_assert_cmpuint (column, ==, 9);
  g_assert_false (lekh_markup_parse_position ("", &line, &column));
  g_assert_false (lekh_markup_parse_position ("0", &line, &column));
  g_assert_false (lekh_markup_parse_position ("x", &line, &column));
  g_assert_false (lekh_markup_parse_position ("3:", &line, &column));
  g_assert_false (lekh_markup_parse_position ("99999999999", &line, &column));
}

static void
test_template (void)
{
  gsize offset = 0;
  g_autofree char *generic = lekh_markup_front_matter_template (NULL, "2026-12-06", &offset);
  g_autofree char *docusaurus = lekh_markup_front_matter_template ("docusaurus", "2026-12-06", NULL);
  g_autofree char *hugo = lekh_markup_front_matter_template ("hugo", "2026-12-06", NULL);
  g_autofree char *jekyll = lekh_markup_front_matter_template ("jekyll", "2026-12-06", NULL);

  g_assert_cmpstr (generic, ==, "---\ntitle: \ndescription: \ndate: 2026-12-06\ntags: []\n---\n\n");
  g_assert_cmpuint (offset, ==, 11);
  g_assert_true (g_str_has_prefix (generic + offset, "\ndescription"));
  g_assert_cmpstr (docusaurus, ==, "---\ntitle: \ndescription: \nauthors: []\ntags: []\n---\n\n");
  g_assert_cmpstr (hugo, ==, "---\ntitle: \ndate: 2026-12-06\ndraft: true\ntags: []\n---\n\n");
  g_assert_cmpstr (jekyll, ==, "---\ntitle: \nlayout: post\ndate: 2026-12-06\ncategories: []\n---\n\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/markup/toggle", test_toggle);
  g_test_add_func ("/markup/toggle-roundtrip", test_toggle_roundtrip);
  g_test_add_func ("/markup/heading", test_heading);
  g_test_add_func ("/markup/list", test_list);
  g_test_add_func ("/markup/position", test_position);
  g_test_add_func ("/markup/template", test_template);
  return g_test_run ();
}
