/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "lekh-preview.h"
#include "lekh-table-view.h"

typedef struct
{
  GtkWidget   *window;
  LekhPreview *preview;
  char        *text;
  gsize        len;
} Fixture;

static void
spin (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "preview", "article.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &f->text, &f->len, &error));
  g_assert_no_error (error);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  f->preview = LEKH_PREVIEW (lekh_preview_new ());
  lekh_preview_set_base_file (f->preview, file);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->preview));
  gtk_window_present (GTK_WINDOW (f->window));
  lekh_preview_set_text (f->preview, f->text, (gssize) f->len);
  spin (100);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_free (f->text);
}

static char *
preview_text (LekhPreview *preview)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (lekh_preview_get_text_view (preview));
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  return gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
}

/* The iterator at the start of the first occurrence of NEEDLE in the preview. */
static gboolean
find (LekhPreview *preview,
      const char  *needle,
      GtkTextIter *start,
      GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (lekh_preview_get_text_view (preview));
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  return gtk_text_iter_forward_search (&iter, needle, 0, start, end, NULL);
}

static gboolean
has_tag_over (LekhPreview *preview,
              const char  *needle,
              const char  *tag_name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (lekh_preview_get_text_view (preview));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter a, b;

  g_assert_nonnull (tag);
  if (!find (preview, needle, &a, &b))
    g_error ("“%s” is not in the preview", needle);
  for (GtkTextIter i = a; gtk_text_iter_compare (&i, &b) < 0; gtk_text_iter_forward_char (&i))
    if (!gtk_text_iter_has_tag (&i, tag))
      return FALSE;
  return TRUE;
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static void
test_rendered_text (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = preview_text (f->preview);

  g_assert_nonnull (strstr (text, "यह मोटा पाठ है, यह तिरछा है, और यह inline code है।"));
  g_assert_nonnull (strstr (text, "नमस्ते दुनिया\n"));
  g_assert_nonnull (strstr (text, "उद्धरण और कोड\n"));
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "###"));
  g_assert_null (strstr (text, "```"));
  g_assert_null (strstr (text, "title:"));
  g_assert_null (strstr (text, "](https"));
  /* The code block keeps its lines and indentation. */
  g_assert_nonnull (strstr (text, "int\nmain (void)\n{\n  return 0;   /* कोई टिप्पणी */\n}\n"));
  /* A hard break stays inside the paragraph. */
  g_assert_nonnull (strstr (text, "पंक्ति एक\u2028पंक्ति दो"));
}


static const char gfm_article[] =
  "---\ntitle: GFM\n---\n\n"
  "| वस्तु | मात्रा | कीमत |\n|:------|:------:|-----:|\n| छाता | 1 | 450 |\n"
  "| a-very-long-cell-without-any-break-at-all-that-goes-on-and-on-and-on-and-on-and-on"
  "-and-on-and-on-and-on-and-on-and-on | 2 | 1,200 |\n\n"
  "- [x] टिकट\n- [ ] होटल\n\n"
  "The old plan was ~~Shimla~~ Munnar.[^1] See www.example.org.\n\n"
  "[^1]: मुन्नार केरल में है।\n\n"
  "Averyveryverylongwordwithoutanyplacetobreakitaverylongwordwithoutanyplacetobreakit"
  "averylongwordwithoutanyplacetobreakitaverylongwordwithoutanyplacetobreakitandmore "
  "https://example.org/a/very/long/path/that/keeps/going/and/going/without/any/break/at/all\n";

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, out);
}

static void
test_gfm (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) grids = g_ptr_array_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWidget *view = GTK_WIDGET (lekh_preview_get_text_view (f->preview));
  g_autoptr(GtkTextBuffer) source = gtk_text_buffer_new (NULL);
  g_autofree char *edited = NULL;
  GtkTextIter a, b;
  GtkWidget *cell;
  LekhTableView *table;

  gtk_text_buffer_set_text (source, gfm_article, -1);
  lekh_preview_set_buffer (f->preview, source);
  lekh_preview_flush (f->preview);
  spin (300);
  text = preview_text (f->preview);

  g_assert_null (strstr (text, "~~"));
  g_assert_null (strstr (text, "[^1]"));
  g_assert_null (strstr (text, "|"));
  g_assert_null (strstr (text, "[x]"));
  g_assert_true (has_tag_over (f->preview, "Shimla", "strikethrough"));
  g_assert_true (has_tag_over (f->preview, "www.example.org", "link"));
  g_assert_nonnull (strstr (text, "Munnar.1 See"));
  g_assert_nonnull (strstr (text, "1.\tमुन्नार केरल में है।"));
  g_assert_true (find (f->preview, "1 See", &a, &b));
  g_assert_cmpstr (lekh_preview_get_link_at_offset (f->preview, gtk_text_iter_get_offset (&a)),
                   ==, "#fn-1");
  g_assert_true (has_tag_over (f->preview, "1 See", "footnote-ref") == FALSE);

  /* The table: a grid of cells, header bold, columns aligned, no wider than the view,
   * exactly as tall as its rows. */
  collect_widgets (view, LEKH_TYPE_TABLE_VIEW, grids);
  g_assert_cmpuint (grids->len, ==, 1);
  table = g_ptr_array_index (grids, 0);
  g_assert_cmpuint (lekh_table_view_get_n_rows (table), ==, 3);
  g_assert_cmpstr (lekh_table_view_get_cell_text (table, 0, 0), ==, "वस्तु");
  g_assert_cmpstr (lekh_table_view_get_cell_text (table, 1, 2), ==, "450");
  g_assert_true (lekh_table_view_is_header_row (table, 0));
  g_assert_false (lekh_table_view_is_header_row (table, 1));
  g_assert_cmpint (lekh_table_view_get_alignment (table, 0), ==, PANGO_ALIGN_LEFT);
  g_assert_cmpint (lekh_table_view_get_alignment (table, 1), ==, PANGO_ALIGN_CENTER);
  g_assert_cmpint (lekh_table_view_get_alignment (table, 2), ==, PANGO_ALIGN_RIGHT);
  cell = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_cmpint (gtk_widget_get_width (cell), <=, gtk_widget_get_width (view));
  g_assert_cmpint (gtk_widget_get_height (cell), ==, gtk_widget_get_height (GTK_WIDGET (table)));

  /* Long words and addresses wrap: the preview never scrolls sideways. */
  {
    GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

    g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), <=, gtk_adjustment_get_page_size (hadj) + 1);
  }

  /* Task list items: check boxes; ticking one ticks the source, as one undoable edit. */
  collect_widgets (view, GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 2);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 1)));
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);
  gtk_text_buffer_get_bounds (source, &a, &b);
  edited = gtk_text_buffer_get_text (source, &a, &b, FALSE);
  g_assert_nonnull (strstr (edited, "- [x] टिकट\n- [x] होटल\n"));
  gtk_text_buffer_undo (source);
  g_clear_pointer (&edited, g_free);
  gtk_text_buffer_get_bounds (source, &a, &b);
  edited = gtk_text_buffer_get_text (source, &a, &b, FALSE);
  g_assert_cmpstr (edited, ==, gfm_article);
  lekh_preview_set_buffer (f->preview, NULL);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *text = preview_text (f->preview);

  g_assert_nonnull (strstr (text, "1.\tपहला\n2.\tदूसरा\n1.\tभीतरी एक\n2.\tभीतरी दो\n3.\tतीसरा\n"));
  g_assert_nonnull (strstr (text, "•\tबिंदु एक\n•\tबिंदु दो\n◦\tगहरा बिंदु\n"));
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_assert_true (has_tag_over (f->preview, "नमस्ते दुनिया", "h1"));
  g_assert_true (has_tag_over (f->preview, "नमस्ते दुनिया", "heading"));
  g_assert_true (has_tag_over (f->preview, "सूचियाँ", "h2"));
  g_assert_true (has_tag_over (f->preview, "उद्धरण और कोड", "h3"));
  g_assert_true (has_tag_over (f->preview, "चौथा स्तर", "h4"));
  g_assert_true (has_tag_over (f->preview, "पाँचवाँ स्तर", "h5"));
  g_assert_true (has_tag_over (f->preview, "छठा स्तर", "h6"));
  g_assert_false (has_tag_over (f->preview, "यह", "heading"));
  g_assert_true (has_tag_over (f->preview, "मोटा", "strong"));
  g_assert_true (has_tag_over (f->preview, "तिरछा", "emphasis"));
  g_assert_true (has_tag_over (f->preview, "inline code", "code"));
  g_assert_true (has_tag_over (f->preview, "कड़ी", "link"));
  g_assert_true (has_tag_over (f->preview, "लेख वही अच्छा है", "quote"));
  g_assert_true (has_tag_over (f->preview, "int\nmain (void)\n{\n  return 0;", "code-block"));
  g_assert_false (has_tag_over (f->preview, "  return 0;", "code"));
  g_assert_true (has_tag_over (f->preview, "مرحبا بالعالم", "rtl"));
  g_assert_false (has_tag_over (f->preview, "नमस्ते दुनिया", "rtl"));
}

static void
test_raw_html_is_text (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *text = preview_text (f->preview);

  g_assert_nonnull (strstr (text, "<script>alert(\"x\")</script>"));
  g_assert_true (has_tag_over (f->preview, "<script>alert(\"x\")</script>", "raw-html"));
  g_assert_true (has_tag_over (f->preview, "<b>", "raw-html"));
  g_assert_nonnull (strstr (text, "Inline <b>raw</b> HTML stays text."));
}

static GtkWidget *
find_by_css_class (GtkWidget  *widget,
                   const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Tag chips are packed like words: each at its own width, 6 px after the one before on
 * its line, and a new line only for a chip that would not fit on the last one. */
static void
assert_chips_packed (GtkWidget *tags)
{
  double x = 0, y = 0, line_height = 0;
  int width = gtk_widget_get_width (tags);
  guint n = 0;

  g_assert_cmpint (width, >, 0);
  for (GtkWidget *chip = gtk_widget_get_first_child (tags); chip;
       chip = gtk_widget_get_next_sibling (chip))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (chip, tags, &bounds));
      if (n > 0 && x + bounds.size.width > width)
        {
          y += line_height + 6;
          x = 0;
          line_height = 0;
        }
      g_assert_cmpfloat_with_epsilon (bounds.origin.x, x, 0.5);
      g_assert_cmpfloat_with_epsilon (bounds.origin.y, y, 0.5);
      x += bounds.size.width + 6;
      line_height = MAX (line_height, bounds.size.height);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}


/* A Docusaurus blog post: its authors by their authors.yml names, its date from its file
 * name. */
static void
test_header_site_data (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *root = g_dir_make_tmp ("lekh-preview-XXXXXX", NULL);
  g_autofree char *blog = g_build_filename (root, "blog", NULL);
  g_autofree char *config = g_build_filename (root, "docusaurus.config.js", NULL);
  g_autofree char *authors = g_build_filename (blog, "authors.yml", NULL);
  g_autofree char *post = g_build_filename (blog, "2024-07-01-monsoon.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (post);
  g_autoptr(GString) labels = g_string_new (NULL);
  const char *text = "---\ntitle: यात्रा\nauthors: [lark, guest]\n---\n\nBody.\n";

  g_assert_cmpint (g_mkdir (blog, 0700), ==, 0);
  g_assert_true (g_file_set_contents (config, "module.exports = {};\n", -1, NULL));
  g_assert_true (g_file_set_contents (authors, "lark:\n  name: लार्क सेन\n  title: Editor\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (post, text, -1, NULL));

  lekh_preview_set_base_file (f->preview, file);
  lekh_preview_set_text (f->preview, text, -1);
  collect_labels (lekh_preview_get_header (f->preview), labels);
  g_assert_nonnull (strstr (labels->str, "लार्क सेन (Editor), guest · 2024-07-01\n"));

  g_unlink (post);
  g_unlink (authors);
  g_unlink (config);
  g_rmdir (blog);
  g_rmdir (root);
}

static void
collect_avatars (GtkWidget *widget,
                 GPtrArray *out)
{
  if (ADW_IS_AVATAR (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_avatars (child, out);
}

static gboolean
avatar_has_image (GtkWidget *avatar)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (adw_avatar_get_custom_image (ADW_AVATAR (avatar)) == NULL
         && g_get_monotonic_time () < until)
    spin (10);
  return adw_avatar_get_custom_image (ADW_AVATAR (avatar)) != NULL;
}

/* Authors with a picture in authors.yml have it in the header card, round and small: a
 * local one at once (from the site's static folder), a remote one only when allowed. */
static void
test_header_avatars (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *post = g_test_build_filename (G_TEST_DIST, "data", "sites", "docusaurus",
                                                 "blog", "2024-03-05-jaipur", "index.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (post);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) avatars = g_ptr_array_new ();
  g_autofree char *root = g_dir_make_tmp ("lekh-avatar-XXXXXX", NULL);
  g_autofree char *blog = g_build_filename (root, "blog", NULL);
  g_autofree char *config = g_build_filename (root, "docusaurus.config.js", NULL);
  g_autofree char *authors = g_build_filename (blog, "authors.yml", NULL);
  g_autofree char *remote_post = g_build_filename (blog, "2024-07-01-monsoon.md", NULL);
  g_autoptr(GFile) remote_file = g_file_new_for_path (remote_post);
  const char *remote_text = "---\ntitle: Rain\nauthors: [lark]\n---\n\nBody.\n";

  g_assert_true (g_file_get_contents (post, &text, NULL, NULL));
  lekh_preview_set_base_file (f->preview, file);
  lekh_preview_set_text (f->preview, text, -1);
  collect_avatars (lekh_preview_get_header (f->preview), avatars);
  /* asha has image_url: /img/asha.png; ravi has none. */
  g_assert_cmpuint (avatars->len, ==, 1);
  g_assert_cmpstr (adw_avatar_get_text (g_ptr_array_index (avatars, 0)), ==, "आशा वर्मा");
  g_assert_true (avatar_has_image (g_ptr_array_index (avatars, 0)));
  g_assert_cmpint (gtk_widget_get_width (g_ptr_array_index (avatars, 0)), <=, 32);

  g_assert_cmpint (g_mkdir (blog, 0700), ==, 0);
  g_assert_true (g_file_set_contents (config, "module.exports = {};\n", -1, NULL));
  g_assert_true (g_file_set_contents (authors, "lark:\n  name: Lark Sen\n"
                                      "  image_url: https://example.invalid/lark.png\n", -1, NULL));
  g_assert_true (g_file_set_contents (remote_post, remote_text, -1, NULL));
  lekh_preview_set_load_remote_images (f->preview, FALSE);
  lekh_preview_set_base_file (f->preview, remote_file);
  lekh_preview_set_text (f->preview, remote_text, -1);
  g_ptr_array_set_size (avatars, 0);
  collect_avatars (lekh_preview_get_header (f->preview), avatars);
  /* Not allowed to load: the initials stand in. */
  g_assert_cmpuint (avatars->len, ==, 1);
  spin (100);
  g_assert_null (adw_avatar_get_custom_image (g_ptr_array_index (avatars, 0)));

  g_unlink (remote_post);
  g_unlink (authors);
  g_unlink (config);
  g_rmdir (blog);
  g_rmdir (root);
}

static void
test_header_card (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *header = lekh_preview_get_header (f->preview);
  g_autoptr(GString) labels = g_string_new (NULL);

  g_assert_true (gtk_widget_get_visible (header));
  collect_labels (header, labels);
  g_assert_nonnull (strstr (labels->str, "हिंदी में लिखना: Lekh के साथ पहला लेख\n"));
  g_assert_nonnull (strstr (labels->str, "Markdown और front matter के साथ"));
  g_assert_nonnull (strstr (labels->str, "प्रिया शर्मा, arjun · 2026-11-28\n"));
  g_assert_nonnull (strstr (labels->str, "हिंदी\nmarkdown\ngnome\n"));
  assert_chips_packed (find_by_css_class (header, "lekh-tags"));

  /* A front-matter edit updates the card without touching the body. */
  {
    g_autoptr(GString) text = g_string_new (f->text);
    g_autoptr(GString) after = g_string_new (NULL);
    guint n = lekh_preview_get_n_blocks (f->preview);
    const char *tags = strstr (text->str, "gnome]");

    g_string_insert (text, tags - text->str + 5, ", नया");
    lekh_preview_set_text (f->preview, text->str, (gssize) text->len);
    collect_labels (header, after);
    g_assert_nonnull (strstr (after->str, "gnome\nनया\n"));
    spin (50);
    assert_chips_packed (find_by_css_class (header, "lekh-tags"));
    g_assert_cmpuint (lekh_preview_get_n_blocks (f->preview), ==, n);
  }
}

static void
test_links_and_lines (Fixture       *f,
                      gconstpointer  data)
{
  GtkTextIter a, b;
  g_auto(GStrv) lines = g_strsplit (f->text, "\n", -1);
  guint expected = 0;

  g_assert_true (find (f->preview, "कड़ी", &a, &b));
  g_assert_cmpstr (lekh_preview_get_link_at_offset (f->preview, gtk_text_iter_get_offset (&a)), ==,
                   "https://example.org/lekh");
  g_assert_null (lekh_preview_get_link_at_offset (f->preview, gtk_text_iter_get_offset (&a) - 3));

  /* Clicking "भीतरी दो" goes to its own source line, inside the list block. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "2. भीतरी दो") != NULL)
      expected = i + 1;
  g_assert_cmpuint (expected, >, 0);
  g_assert_true (find (f->preview, "भीतरी दो", &a, &b));
  g_assert_cmpuint (lekh_preview_get_line_at_offset (f->preview, gtk_text_iter_get_offset (&a)), ==,
                    expected);
}

static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  GtkTextBuffer *source = gtk_text_buffer_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (lekh_preview_get_text_view (f->preview));
  GtkTextIter iter, a, b;
  g_autofree char *text = NULL;
  GtkTextChildAnchor *image_anchor;
  guint n;

  gtk_text_buffer_set_text (source, f->text, (int) f->len);
  lekh_preview_set_buffer (f->preview, source);
  spin (50);
  n = lekh_preview_get_n_blocks (f->preview);

  /* The picture's widget survives an edit elsewhere: its block was not rendered again. */
  g_assert_true (find (f->preview, "Inline <b>raw</b> HTML stays text.\n", &a, &b));
  image_anchor = gtk_text_iter_get_child_anchor (&b);
  g_assert_nonnull (image_anchor);
  g_object_ref (image_anchor);

  /* Type into the first paragraph. */
  gtk_text_buffer_get_start_iter (source, &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "मोटा**", 0, &a, &b, NULL));
  gtk_text_buffer_insert (source, &b, " और भारी", -1);
  g_assert_true (lekh_preview_flush (f->preview));
  text = preview_text (f->preview);
  g_assert_nonnull (strstr (text, "मोटा और भारी पाठ"));
  g_assert_cmpuint (lekh_preview_get_n_blocks (f->preview), ==, n);
  g_assert_false (gtk_text_child_anchor_get_deleted (image_anchor));
  g_clear_pointer (&text, g_free);

  /* A new heading splits a block; deleting it joins them again. */
  gtk_text_buffer_get_start_iter (source, &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "- बिंदु एक", 0, &a, &b, NULL));
  gtk_text_buffer_insert (source, &a, "## नया खंड\n\n", -1);
  lekh_preview_flush (f->preview);
  g_assert_cmpuint (lekh_preview_get_n_blocks (f->preview), ==, n + 1);
  g_assert_true (has_tag_over (f->preview, "नया खंड", "h2"));
  gtk_text_buffer_get_start_iter (source, &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "## नया खंड\n\n", 0, &a, &b, NULL));
  gtk_text_buffer_delete (source, &a, &b);
  lekh_preview_flush (f->preview);
  g_assert_cmpuint (lekh_preview_get_n_blocks (f->preview), ==, n);
  g_assert_false (find (f->preview, "नया खंड", &a, &b));
  g_assert_false (gtk_text_child_anchor_get_deleted (image_anchor));

  /* Updates also come by themselves from the main loop. */
  gtk_text_buffer_get_end_iter (source, &iter);
  gtk_text_buffer_insert (source, &iter, "\nअंतिम **शब्द**\n", -1);
  spin (50);
  g_assert_true (has_tag_over (f->preview, "शब्द", "strong"));

  /* After all that, the preview is what a fresh one renders. */
  {
    LekhPreview *fresh = LEKH_PREVIEW (lekh_preview_new ());
    g_autofree char *source_text = NULL;
    g_autofree char *fresh_text = NULL;
    g_autofree char *our_text = preview_text (f->preview);

    g_object_ref_sink (fresh);
    gtk_text_buffer_get_bounds (source, &a, &b);
    source_text = gtk_text_buffer_get_text (source, &a, &b, TRUE);
    lekh_preview_set_text (fresh, source_text, -1);
    fresh_text = preview_text (fresh);
    g_assert_cmpstr (our_text, ==, fresh_text);
    g_object_unref (fresh);
  }

  lekh_preview_set_buffer (f->preview, NULL);
  g_object_unref (image_anchor);
  g_object_unref (source);
  (void) buffer;
}

/* The 1-based number of the last line of TEXT that starts with PREFIX (there must be one). */
static guint
line_starting_with (const char *text,
                    const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint line = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      line = i + 1;
  g_assert_cmpuint (line, >, 0);
  return line;
}

/* A "#id" link scrolls to its heading; an unknown one leaves the view where it is. */
static void
test_anchor_link (Fixture       *f,
                  gconstpointer  data)
{
  guint heading_line = line_starting_with (f->text, "### उद्धरण और कोड");
  guint top;

  spin (200);
  g_assert_cmpuint (lekh_preview_get_top_line (f->preview), <, heading_line);
  lekh_preview_activate_link (f->preview, "#उद्धरण-और-कोड");
  spin (300);
  top = lekh_preview_get_top_line (f->preview);
  g_assert_cmpuint (top, >=, heading_line - 1);
  g_assert_cmpuint (top, <=, heading_line + 2);

  lekh_preview_activate_link (f->preview, "#no-such-heading");
  spin (200);
  g_assert_cmpuint (lekh_preview_get_top_line (f->preview), ==, top);

  /* An explicit id: the heading shows without it, and the link finds it. */
  {
    g_autoptr(GString) article = g_string_new ("# Top\n\n");
    g_autofree char *text = NULL;
    guint custom_line;

    for (guint i = 0; i < 80; i++)
      g_string_append_printf (article, "Paragraph %u.\n\n", i);
    custom_line = 3 + 2 * 80;
    g_string_append (article, "## Custom {#my-id}\n\n");
    for (guint i = 0; i < 80; i++)
      g_string_append_printf (article, "After %u.\n\n", i);
    lekh_preview_set_text (f->preview, article->str, (gssize) article->len);
    lekh_preview_flush (f->preview);
    spin (200);
    text = preview_text (f->preview);
    g_assert_nonnull (strstr (text, "Custom\n"));
    g_assert_null (strstr (text, "{#"));
    lekh_preview_activate_link (f->preview, "#my-id");
    spin (300);
    top = lekh_preview_get_top_line (f->preview);
    g_assert_cmpuint (top, >=, custom_line - 1);
    g_assert_cmpuint (top, <=, custom_line + 2);
  }
}

static GtkWidget *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* A link in a table cell does what one in the prose does: "#id" scrolls to the heading,
 * another asks before it opens; the text beside it is no link. */
static void
test_table_links (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GString) article = g_string_new ("# Top\n\n"
                                             "| कड़ी | Where |\n|---|---|\n"
                                             "| [नीचे](#नीचे-का-भाग) | [Site](https://example.org/x) plain |\n\n");
  g_autoptr(GPtrArray) grids = g_ptr_array_new ();
  GtkWidget *view = GTK_WIDGET (lekh_preview_get_text_view (f->preview));
  LekhTableView *table;
  graphene_rect_t area;
  GtkWidget *dialog;
  guint target_line;
  guint top;

  for (guint i = 0; i < 80; i++)
    g_string_append_printf (article, "Paragraph %u.\n\n", i);
  target_line = 7 + 2 * 80;
  g_string_append (article, "## नीचे का भाग\n\n");
  for (guint i = 0; i < 80; i++)
    g_string_append_printf (article, "After %u.\n\n", i);
  lekh_preview_set_text (f->preview, article->str, (gssize) article->len);
  lekh_preview_flush (f->preview);
  spin (300);

  collect_widgets (view, LEKH_TYPE_TABLE_VIEW, grids);
  g_assert_cmpuint (grids->len, ==, 1);
  table = g_ptr_array_index (grids, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (table)), >, 0);

  /* Header cells and the text after a link are not links. */
  g_assert_true (lekh_table_view_get_cell_area (table, 0, 0, &area));
  g_assert_null (lekh_table_view_get_link_at (table, area.origin.x + 2,
                                              area.origin.y + area.size.height / 2));
  g_assert_true (lekh_table_view_get_cell_area (table, 1, 1, &area));
  g_assert_cmpstr (lekh_table_view_get_link_at (table, area.origin.x + 2,
                                                area.origin.y + area.size.height / 2),
                   ==, "https://example.org/x");
  {
    PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (table), "Site plain");
    int width;

    pango_layout_get_pixel_size (layout, &width, NULL);
    g_object_unref (layout);
    g_assert_null (lekh_table_view_get_link_at (table, area.origin.x + width - 2,
                                                area.origin.y + area.size.height / 2));
  }

  /* An external link asks first. */
  g_assert_null (find_message_dialog ());
  g_assert_true (lekh_table_view_activate_at (table, area.origin.x + 2,
                                              area.origin.y + area.size.height / 2));
  spin (100);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "https://example.org/x");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A link to a heading scrolls there. */
  g_assert_cmpuint (lekh_preview_get_top_line (f->preview), <, target_line);
  g_assert_true (lekh_table_view_get_cell_area (table, 1, 0, &area));
  g_assert_true (lekh_table_view_activate_at (table, area.origin.x + 2,
                                              area.origin.y + area.size.height / 2));
  spin (300);
  top = lekh_preview_get_top_line (f->preview);
  g_assert_cmpuint (top, >=, target_line - 1);
  g_assert_cmpuint (top, <=, target_line + 2);
  g_assert_null (find_message_dialog ());
}

static void
test_scroll_sync (Fixture       *f,
                  gconstpointer  data)
{
  guint code_line = line_starting_with (f->text, "```c");
  guint top;

  spin (200);
  lekh_preview_scroll_to_line (f->preview, code_line);
  spin (300);
  top = lekh_preview_get_top_line (f->preview);
  g_assert_cmpuint (top, >=, code_line - 1);
  g_assert_cmpuint (top, <=, code_line + 6);
}

static void
no_display (void)
{
  g_test_skip ("no display (run the tests under xvfb-run)");
}

/* Without front matter the card is hidden; broken YAML shows the error in it, and the
 * body still renders. */
static void
test_header_states (void)
{
  LekhPreview *preview = LEKH_PREVIEW (g_object_ref_sink (lekh_preview_new ()));
  GtkWidget *header = lekh_preview_get_header (preview);
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *text = NULL;

  lekh_preview_set_text (preview, "# Only a body\n\nText.\n", -1);
  g_assert_false (gtk_widget_get_visible (header));

  lekh_preview_set_text (preview, "---\ntitle: [unclosed\n---\n# Body\n", -1);
  g_assert_true (gtk_widget_get_visible (header));
  collect_labels (header, labels);
  g_assert_nonnull (strstr (labels->str, "Front matter, line "));
  text = preview_text (preview);
  g_assert_nonnull (strstr (text, "Body\n"));
  g_assert_null (strstr (text, "title:"));

  lekh_preview_set_text (preview, "---\ndraft: true\n---\nx\n", -1);
  g_string_truncate (labels, 0);
  collect_labels (header, labels);
  g_assert_cmpstr (labels->str, ==, "Draft\n");

  lekh_preview_set_text (preview, "", 0);
  g_assert_false (gtk_widget_get_visible (header));
  g_assert_cmpuint (lekh_preview_get_n_blocks (preview), ==, 0);
  g_object_unref (preview);
}

/* A very long article renders a few screens past the view, and more on demand. */
/* A long article following a buffer is parsed in a thread; what is typed meanwhile is
 * parsed after it, and the preview ends as a preview of the whole text. */
static void
test_long_article_background_parse (void)
{
  g_autoptr(GString) text = g_string_new ("---\ntitle: लंबा\n---\n");
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  GtkWidget *window = gtk_window_new ();
  LekhPreview *preview = LEKH_PREVIEW (lekh_preview_new ());
  GtkTextIter a, b;
  guint total;

  while (text->len < 1536 * 1024)
    g_string_append_printf (text, "## भाग %u\n\nअनुच्छेद %u, some English text too.\n\n",
                            (guint) text->len, (guint) text->len);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);

  lekh_preview_set_buffer (preview, buffer);
  gtk_text_buffer_set_text (buffer, text->str, (int) text->len);
  /* The update after the change starts the thread. */
  for (guint i = 0; i < 50 && !lekh_preview_is_rendering (preview); i++)
    spin (10);
  g_assert_true (lekh_preview_is_rendering (preview));
  g_assert_cmpuint (lekh_preview_get_n_blocks (preview), ==, 0);

  /* Typing while it parses. */
  gtk_text_buffer_get_iter_at_line (buffer, &a, 3);
  gtk_text_buffer_insert (buffer, &a, "# टाइप किया गया\n\n", -1);
  for (guint i = 0; i < 300 && lekh_preview_get_n_blocks (preview) == 0; i++)
    spin (20);
  spin (200);
  g_assert_true (find (preview, "टाइप किया गया", &a, &b));
  g_assert_true (find (preview, "भाग", &a, &b));

  /* The same blocks as a preview given the whole text at once. */
  total = lekh_preview_get_n_blocks (preview) + lekh_preview_get_n_pending_blocks (preview);
  {
    LekhPreview *other = LEKH_PREVIEW (lekh_preview_new ());
    g_autofree char *now = NULL;

    g_object_ref_sink (other);
    gtk_text_buffer_get_bounds (buffer, &a, &b);
    now = gtk_text_buffer_get_text (buffer, &a, &b, TRUE);
    lekh_preview_set_text (other, now, -1);
    g_assert_cmpuint (lekh_preview_get_n_blocks (other) + lekh_preview_get_n_pending_blocks (other),
                      ==, total);
    g_object_unref (other);
  }

  /* Following a buffer that already holds a long text parses it in a thread too. */
  {
    LekhPreview *other = LEKH_PREVIEW (lekh_preview_new ());
    gint64 start;

    g_object_ref_sink (other);
    start = g_get_monotonic_time ();
    lekh_preview_set_buffer (other, buffer);
    g_assert_true (lekh_preview_is_rendering (other));
    g_assert_cmpuint (lekh_preview_get_n_blocks (other), ==, 0);
    g_test_message ("set_buffer returned after %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
    for (guint i = 0; i < 500 && lekh_preview_get_n_blocks (other) == 0; i++)
      spin (20);
    g_assert_cmpuint (lekh_preview_get_n_blocks (other) + lekh_preview_get_n_pending_blocks (other),
                      ==, total);
    lekh_preview_set_buffer (other, NULL);
    g_object_unref (other);
  }

  /* A flush during a background parse parses in place. */
  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_set_text (buffer, text->str, (int) text->len);
  spin (20);
  lekh_preview_flush (preview);
  g_assert_false (lekh_preview_is_rendering (preview));
  g_assert_false (find (preview, "टाइप किया गया", &a, &b));
  g_assert_cmpuint (lekh_preview_get_n_blocks (preview), ==, total - 1);

  lekh_preview_set_buffer (preview, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_long_article_lazy (void)
{
  g_autoptr(GString) text = g_string_new ("---\ntitle: बहुत लंबा\n---\n");
  GtkWidget *window = gtk_window_new ();
  LekhPreview *preview = LEKH_PREVIEW (lekh_preview_new ());
  GtkTextIter a, b;
  guint total, last_line, line;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "## भाग %u\n\nअनुच्छेद %u।\n\n", i, i);
  last_line = 4 + 3000 * 4 - 2;
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  lekh_preview_set_text (preview, text->str, (gssize) text->len);
  total = lekh_preview_get_n_blocks (preview) + lekh_preview_get_n_pending_blocks (preview);
  g_assert_cmpuint (total, ==, 6000);
  spin (1500);
  g_assert_false (lekh_preview_is_rendering (preview));
  g_assert_cmpuint (lekh_preview_get_n_pending_blocks (preview), >, 0);
  g_assert_false (find (preview, "अनुच्छेद 2999।", &a, &b));

  /* Scrolling to a line renders up to it. */
  lekh_preview_scroll_to_line (preview, last_line);
  /* Far away: the blocks on the way render in the background, then the view goes there. */
  for (guint i = 0; i < 200 && lekh_preview_get_top_line (preview) < last_line - 40; i++)
    spin (100);
  g_assert_true (find (preview, "अनुच्छेद 2999।", &a, &b));
  line = lekh_preview_get_top_line (preview);
  g_assert_cmpuint (line, >=, last_line - 40);

  /* Everything, on request. */
  lekh_preview_flush (preview);
  g_assert_cmpuint (lekh_preview_get_n_pending_blocks (preview), ==, 0);
  g_assert_cmpuint (lekh_preview_get_n_blocks (preview), ==, total);
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
view_top_line (GtkTextView *view)
{
  GdkRectangle rect;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, &rect);
  gtk_text_view_get_line_at_y (view, &iter, rect.y, NULL);
  return (guint) gtk_text_iter_get_line (&iter) + 1;
}

/* With a source view attached, scrolling either side scrolls the other to the same
 * source line; with sync off, nothing follows. */
static void
test_scroll_sync_both_ways (void)
{
  g_autoptr(GString) text = g_string_new ("---\ntitle: Long\n---\n");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *source = gtk_text_view_new ();
  LekhPreview *preview = LEKH_PREVIEW (lekh_preview_new ());
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (source));
  GtkAdjustment *source_adj, *preview_adj;
  guint line, section_line = 0;

  for (guint i = 0; i < 120; i++)
    {
      if (i == 80)
        section_line = 4 + i * 4;
      g_string_append_printf (text, "## भाग %u\n\nअनुच्छेद %u, कुछ शब्द।\n\n", i, i);
    }
  gtk_text_buffer_set_text (buffer, text->str, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), source);
  gtk_paned_set_start_child (GTK_PANED (paned), scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (preview));
  gtk_paned_set_position (GTK_PANED (paned), 450);
  gtk_window_set_child (GTK_WINDOW (window), paned);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  lekh_preview_set_buffer (preview, buffer);
  lekh_preview_set_source_view (preview, GTK_TEXT_VIEW (source));
  spin (300);

  /* Source → preview. */
  source_adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (source));
  preview_adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (lekh_preview_get_text_view (preview)));
  {
    GtkTextIter iter;
    GdkRectangle rect;

    gtk_text_buffer_get_iter_at_line (buffer, &iter, (int) section_line - 1);
    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (source), &iter, &rect);
    gtk_adjustment_set_value (source_adj, rect.y);
  }
  spin (400);
  line = lekh_preview_get_top_line (preview);
  g_assert_cmpuint (line, >=, section_line - 2);
  g_assert_cmpuint (line, <=, section_line + 4);

  /* Preview → source, after the guard against echoes has passed. */
  spin (300);
  gtk_adjustment_set_value (preview_adj, gtk_adjustment_get_value (preview_adj) / 2);
  spin (400);
  line = lekh_preview_get_top_line (preview);
  g_assert_cmpuint (line, <, section_line - 20);
  g_assert_cmpint (ABS ((int) view_top_line (GTK_TEXT_VIEW (source)) - (int) line), <=, 4);

  /* Sync off: the preview stays where it is. */
  lekh_preview_set_scroll_sync (preview, FALSE);
  spin (300);
  {
    double before = gtk_adjustment_get_value (preview_adj);

    gtk_adjustment_set_value (source_adj, 0);
    spin (300);
    g_assert_cmpfloat (gtk_adjustment_get_value (preview_adj), ==, before);
  }

  /* An edit above what the preview shows keeps the same block at its top. */
  lekh_preview_scroll_to_line (preview, section_line);
  spin (400);
  line = lekh_preview_get_top_line (preview);
  {
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_line (buffer, &iter, 3);
    gtk_text_buffer_insert (buffer, &iter, "नया अनुच्छेद ऊपर।\n\n", -1);
  }
  lekh_preview_flush (preview);
  spin (400);
  g_assert_cmpuint (lekh_preview_get_top_line (preview), ==, line + 2);

  lekh_preview_set_buffer (preview, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/preview/no-display", no_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/preview/rendered-text", Fixture, NULL, fixture_setup, test_rendered_text, fixture_teardown);
  g_test_add ("/preview/lists", Fixture, NULL, fixture_setup, test_lists, fixture_teardown);
  g_test_add ("/preview/gfm", Fixture, NULL, fixture_setup, test_gfm, fixture_teardown);
  g_test_add ("/preview/tags", Fixture, NULL, fixture_setup, test_tags, fixture_teardown);
  g_test_add ("/preview/raw-html-is-text", Fixture, NULL, fixture_setup, test_raw_html_is_text, fixture_teardown);
  g_test_add ("/preview/header-card", Fixture, NULL, fixture_setup, test_header_card, fixture_teardown);
  g_test_add ("/preview/header-site-data", Fixture, NULL, fixture_setup, test_header_site_data, fixture_teardown);
  g_test_add ("/preview/links-and-lines", Fixture, NULL, fixture_setup, test_links_and_lines, fixture_teardown);
  g_test_add ("/preview/incremental", Fixture, NULL, fixture_setup, test_incremental, fixture_teardown);
  g_test_add ("/preview/scroll-sync", Fixture, NULL, fixture_setup, test_scroll_sync, fixture_teardown);
  g_test_add ("/preview/anchor-link", Fixture, NULL, fixture_setup, test_anchor_link, fixture_teardown);
  g_test_add ("/preview/table-links", Fixture, NULL, fixture_setup, test_table_links, fixture_teardown);
  g_test_add_func ("/preview/scroll-sync-both-ways", test_scroll_sync_both_ways);
  g_test_add_func ("/preview/header-states", test_header_states);
  g_test_add ("/preview/header-avatars", Fixture, NULL, fixture_setup, test_header_avatars, fixture_teardown);
  g_test_add_func ("/preview/long-article-lazy", test_long_article_lazy);
  g_test_add_func ("/preview/long-article-background-parse", test_long_article_background_parse);
  return g_test_run ();
}
