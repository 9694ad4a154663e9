/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the lossless edit round trip.
 *
 * For keys taken from the input (and one new key) it asks for set_string, set_list,
 * remove and rename with values taken from the input and from a table of values that
 * need quoting. The core verifies each edit itself; this target checks the promise
 * again, independently, on the bytes:
 *   - a refused edit returns NULL and an error, never an edit and an error (or neither);
 *   - the result re-parses cleanly;
 *   - the edited key reads back as asked (or is gone, or renamed with the same value);
 *   - every other key keeps its name, order, value and the very bytes of its value;
 *   - the body is byte-identical, and so is the BOM and the text before the front matter;
 *   - the front matter keeps its format (YAML, TOML or JSON: all three are edited).
 * A typed set (a boolean, number or date taken from the value) reads back as that type.
 * The list item edits (append a string, remove item i, move item i to j) keep every other
 * item's value, in the order asked, and the new item reads back as the string. */
#include "config.h"

#include <string.h>

#include "lekh-article.h"
#include "lekh-edit.h"
#include "lekh-fuzz-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Values that must be quoted (or must not), to mix with the input's own lines. */
static const char * const tricky[] = {
  "", "plain words", "a: b", "a #b", "- dash", "-", "?", "? q", "* star", "& amp", "! bang",
  "[x]", "{y}", "\"dq\"", "'sq'", "yes", "No", "on", "true", "null", "~", "12", "0x1F", "1e3",
  ".5", "1:20", "2024-01-02", " lead", "trail ", "two\nlines", "ends\n", "\ttab", "back\\slash",
  "नमस्ते दुनिया", "%percent", "@at", "`tick`", "a,b", "|", ">", "---", "...", "#", "é\r\nx",
  "\xC2\x85nel", "\xE2\x80\xA8ls", ("\xEF\xBB\xBF" "bom"),
};

/* Values a typed set writes: booleans, numbers and dates of YAML, TOML and JSON. */
static const char * const typed[] = {
  "true", "false", "0", "-12", "0x1F", "1_000", "+7", "1.5", "-0.0", "1e3", "6.02E23", ".5",
  "inf", "nan", "2024-01-02", "2024-01-02T10:30:00Z", "2024-01-02 10:30:00+05:30",
  "2024-01-02T10:30:00", "2024-1-2", "2024-13-01", "2024-01-02 10:30", "07:32:00",
  "99999999999999999999",
};

typedef enum
{
  OP_SET_STRING,
  OP_SET_TYPED,
  OP_SET_LIST,
  OP_REMOVE,
  OP_RENAME,
  OP_LIST_APPEND,
  OP_LIST_REMOVE,
  OP_LIST_MOVE,
  N_OPS
} Op;

static gboolean with_aliases;

static gboolean
has_alias (const LekhNode *node)
{
  if (node == NULL)
    return FALSE;
  if (node->kind == LEKH_NODE_ALIAS)
    return TRUE;
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    if (has_alias (g_ptr_array_index (node->children, i)))
      return TRUE;
  return FALSE;
}

static char *
node_json (const LekhNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (with_aliases)
    return g_strdup ("");
  if (!lekh_node_to_json (node, out, NULL))
    return g_strdup ("<too big>");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
entry_json (const LekhEntry *entry)
{
  return node_json (entry->value);
}

/* After a list item edit of OLD_LIST (NULL: none) into NEW_LIST: the kept items in the
 * order asked (OP_LIST_REMOVE drops item FROM, OP_LIST_MOVE moves it to TO), the appended
 * one last. */
static void
check_list_items (const LekhNode *old_list,
                  const LekhNode *new_list,
                  Op              op,
                  const char     *value,
                  guint           from,
                  guint           to)
{
  guint n_old = old_list != NULL ? lekh_node_get_n_items (old_list) : 0;
  guint n_new = lekh_node_get_n_items (new_list);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();

  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (expected, (gpointer) lekh_node_get_item (old_list, i));
  if (op == OP_LIST_REMOVE)
    {
      LEKH_FUZZ_ASSERT (from < n_old);
      g_ptr_array_remove_index (expected, from);
    }
  else if (op == OP_LIST_MOVE)
    {
      gpointer item;

      LEKH_FUZZ_ASSERT (from < n_old && to < n_old && from != to);
      item = g_ptr_array_steal_index (expected, from);
      g_ptr_array_insert (expected, to, item);
    }
  else
    LEKH_FUZZ_ASSERT (op == OP_LIST_APPEND);

  LEKH_FUZZ_ASSERT (n_new == expected->len + (op == OP_LIST_APPEND ? 1 : 0));
  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *a = node_json (g_ptr_array_index (expected, i));
      g_autofree char *b = node_json (lekh_node_get_item (new_list, i));

      LEKH_FUZZ_ASSERT (strcmp (a, b) == 0);
    }
  if (op == OP_LIST_APPEND)
    {
      const LekhNode *added = lekh_node_get_item (new_list, n_new - 1);

      LEKH_FUZZ_ASSERT (lekh_node_get_value_type (added) == LEKH_VALUE_STRING);
      LEKH_FUZZ_ASSERT (g_strcmp0 (lekh_node_get_string (added), value) == 0);
    }
}

/* The \n in TEXT (LEN bytes, after the byte BEFORE) that no \r comes before. */
static guint
count_lone_lf (char        before,
               const char *text,
               gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n' && (i > 0 ? text[i - 1] : before) != '\r')
      n++;
  return n;
}

/* The bytes of SPAN, without trailing blanks: libyaml ends a block scalar after the
 * blank lines that follow it, up to the next token, which an edit below may move. */
static char *
span_text (const LekhArticle *article,
           const LekhSpan    *span)
{
  const char *text = lekh_article_get_text (article, NULL);
  gsize end = span->end;

  while (end > span->start && strchr (" \t\r\n", text[end - 1]) != NULL)
    end--;
  return g_strndup (text + span->start, end - span->start);
}

/* The type a typed set asks for: what VALUE reads as, when that is not a string. */
static LekhValueType
typed_value_type (const char *value)
{
  LekhValueType type = lekh_scalar_resolve_type (value, strlen (value), LEKH_STYLE_PLAIN, NULL);

  if (type == LEKH_VALUE_BOOL && strcmp (value, "true") != 0 && strcmp (value, "false") != 0)
    return LEKH_VALUE_STRING;
  if (type == LEKH_VALUE_NULL || type == LEKH_VALUE_SEQUENCE || type == LEKH_VALUE_MAPPING)
    return LEKH_VALUE_STRING;
  return type;
}

/* Checks RESULT (ARTICLE with an accepted edit) against what OP promised. */
static void
check_result (LekhArticle        *article,
              const LekhEdit     *edit,
              Op                  op,
              const char         *key,
              const char         *value,
              const char * const *items,
              const char         *new_key,
              guint               from,
              guint               to)
{
  g_autoptr(GBytes) bytes = lekh_edit_apply (edit, article);
  g_autoptr(LekhArticle) result = lekh_article_new_from_bytes (bytes);
  const LekhSplit *old_split = lekh_article_get_split (article);
  const LekhSplit *new_split = lekh_article_get_split (result);
  const char *old_text, *new_text, *old_body, *new_body;
  gsize old_len, new_len, old_body_len, new_body_len;
  const char *edited = op == OP_RENAME ? new_key : key;
  const char *gone = op == OP_RENAME ? key : NULL;
  const LekhEntry *old_entry = lekh_article_lookup (article, key);
  guint j = 0, n_old = lekh_article_get_n_entries (article);
  gboolean seen = FALSE;

  old_text = lekh_article_get_text (article, &old_len);
  new_text = lekh_article_get_text (result, &new_len);

  LEKH_FUZZ_ASSERT (edit->start <= edit->end && edit->end <= old_len);
  LEKH_FUZZ_ASSERT (lekh_article_get_error (result) == NULL);
  LEKH_FUZZ_ASSERT (lekh_article_check_editable (result, NULL));
  LEKH_FUZZ_ASSERT (new_split->format == (old_split->format == LEKH_FRONT_MATTER_NONE
                                           ? LEKH_FRONT_MATTER_YAML : old_split->format));

  /* The edit stays inside the front matter (or creates one right after the BOM). */
  if (old_split->format == LEKH_FRONT_MATTER_NONE)
    LEKH_FUZZ_ASSERT (edit->start == old_split->bom_len && edit->end == edit->start);
  else
    LEKH_FUZZ_ASSERT (edit->start >= old_split->yaml_start && edit->end <= old_split->yaml_end);

  /* BOM and body byte for byte. */
  LEKH_FUZZ_ASSERT (new_split->bom_len == old_split->bom_len);
  LEKH_FUZZ_ASSERT (memcmp (old_text, new_text, old_split->bom_len) == 0);
  old_body = lekh_article_get_body (article, &old_body_len);
  new_body = lekh_article_get_body (result, &new_body_len);
  LEKH_FUZZ_ASSERT (old_body_len == new_body_len);
  LEKH_FUZZ_ASSERT (memcmp (old_body, new_body, old_body_len) == 0);

  /* New text uses the file's line ending: no lone \n added to a CRLF file. (A list item
   * move carries the list's own separators along, lone \n and all: no more than were
   * there.) */
  if (old_split->crlf)
    {
      char before_edit = edit->start > 0 ? old_text[edit->start - 1] : '\0';

      LEKH_FUZZ_ASSERT (count_lone_lf (before_edit, edit->text, strlen (edit->text)) <=
                        count_lone_lf (before_edit, old_text + edit->start,
                                       edit->end - edit->start));
    }

  for (guint i = 0; i < lekh_article_get_n_entries (result); i++)
    {
      const LekhEntry *entry = lekh_article_get_entry (result, i);

      if (strcmp (entry->key, edited) == 0)
        {
          LEKH_FUZZ_ASSERT (!seen && op != OP_REMOVE);
          seen = TRUE;
          switch (op)
            {
            case OP_SET_STRING:
              LEKH_FUZZ_ASSERT (lekh_node_get_value_type (entry->value) == LEKH_VALUE_STRING);
              LEKH_FUZZ_ASSERT (g_strcmp0 (lekh_node_get_string (entry->value), value) == 0);
              break;
            case OP_SET_TYPED:
              {
                LekhValueType type = typed_value_type (value);

                /* JSON has no dates: they are strings there */
                if (type == LEKH_VALUE_TIMESTAMP && old_split->format == LEKH_FRONT_MATTER_JSON)
                  type = LEKH_VALUE_STRING;
                LEKH_FUZZ_ASSERT (lekh_node_get_value_type (entry->value) == type);
              }
              break;
            case OP_SET_LIST:
              {
                g_auto(GStrv) got = lekh_node_dup_string_list (entry->value);

                LEKH_FUZZ_ASSERT (got != NULL);
                LEKH_FUZZ_ASSERT (g_strv_equal ((const char * const *) got, items));
                for (guint k = 0; k < lekh_node_get_n_items (entry->value); k++)
                  LEKH_FUZZ_ASSERT (lekh_node_get_value_type (lekh_node_get_item (entry->value, k))
                                    == LEKH_VALUE_STRING);
              }
              break;
            case OP_RENAME:
              {
                g_autofree char *a = entry_json (old_entry);
                g_autofree char *b = entry_json (entry);
                g_autofree char *old_value = span_text (article, &old_entry->value->span);
                g_autofree char *new_value = span_text (result, &entry->value->span);

                LEKH_FUZZ_ASSERT (strcmp (a, b) == 0);
                LEKH_FUZZ_ASSERT (strcmp (old_value, new_value) == 0);
              }
              break;
            case OP_LIST_APPEND:
            case OP_LIST_REMOVE:
            case OP_LIST_MOVE:
              /* Appending to a missing key or a null value writes a list of one. */
              if (op == OP_LIST_APPEND &&
                  (old_entry == NULL ||
                   lekh_node_get_value_type (old_entry->value) == LEKH_VALUE_NULL))
                old_entry = NULL;
              else
                LEKH_FUZZ_ASSERT (old_entry != NULL &&
                                  lekh_node_get_value_type (old_entry->value) == LEKH_VALUE_SEQUENCE);
              LEKH_FUZZ_ASSERT (lekh_node_get_value_type (entry->value) == LEKH_VALUE_SEQUENCE);
              check_list_items (old_entry != NULL ? old_entry->value : NULL, entry->value, op,
                                value, from, to);
              break;
            case OP_REMOVE:
            case N_OPS:
            default:
              g_assert_not_reached ();
            }
          continue;
        }
      LEKH_FUZZ_ASSERT (gone == NULL || strcmp (entry->key, gone) != 0);

      /* The next untouched old entry: same key, same value, same bytes. */
      while (j < n_old && (strcmp (lekh_article_get_entry (article, j)->key, key) == 0 ||
                           strcmp (lekh_article_get_entry (article, j)->key, edited) == 0))
        j++;
      LEKH_FUZZ_ASSERT (j < n_old);
      {
        const LekhEntry *old = lekh_article_get_entry (article, j++);
        g_autofree char *a = entry_json (old);
        g_autofree char *b = entry_json (entry);
        g_autofree char *old_key = span_text (article, &old->key_span);
        g_autofree char *new_key_text = span_text (result, &entry->key_span);
        g_autofree char *old_value = span_text (article, &old->value->span);
        g_autofree char *new_value = span_text (result, &entry->value->span);

        LEKH_FUZZ_ASSERT (strcmp (old->key, entry->key) == 0);
        LEKH_FUZZ_ASSERT (strcmp (a, b) == 0);
        LEKH_FUZZ_ASSERT (strcmp (old_key, new_key_text) == 0);
        LEKH_FUZZ_ASSERT (strcmp (old_value, new_value) == 0);
      }
    }
  while (j < n_old && (strcmp (lekh_article_get_entry (article, j)->key, key) == 0 ||
                       strcmp (lekh_article_get_entry (article, j)->key, edited) == 0))
    j++;
  LEKH_FUZZ_ASSERT (j == n_old);
  LEKH_FUZZ_ASSERT (seen == (op != OP_REMOVE));
  LEKH_FUZZ_ASSERT (lekh_article_lookup (result, key) != NULL || op == OP_REMOVE || op == OP_RENAME);
  (void) new_text;
}

/* Runs one edit and checks it, accepted or refused. */
static void
try_edit (LekhArticle        *article,
          Op                  op,
          const char         *key,
          const char         *value,
          const char * const *items,
          const char         *new_key,
          guint               from,
          guint               to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LekhEdit) edit = NULL;
  g_autoptr(GBytes) before = g_bytes_ref (lekh_article_get_bytes (article));
  gsize len;
  const char *text = lekh_article_get_text (article, &len);
  g_autofree char *copy = g_memdup2 (text, len);

  switch (op)
    {
    case OP_SET_STRING:
      edit = lekh_article_edit_set_string (article, key, value, &error);
      break;
    case OP_SET_TYPED:
      edit = lekh_article_edit_set_scalar (article, key, value, typed_value_type (value), &error);
      break;
    case OP_SET_LIST:
      edit = lekh_article_edit_set_list (article, key, items, &error);
      break;
    case OP_REMOVE:
      edit = lekh_article_edit_remove (article, key, &error);
      break;
    case OP_RENAME:
      edit = lekh_article_edit_rename_key (article, key, new_key, &error);
      break;
    case OP_LIST_APPEND:
      edit = lekh_article_edit_list_append (article, key, value, &error);
      break;
    case OP_LIST_REMOVE:
      edit = lekh_article_edit_list_remove (article, key, from, &error);
      break;
    case OP_LIST_MOVE:
      edit = lekh_article_edit_list_move (article, key, from, to, &error);
      break;
    case N_OPS:
    default:
      g_assert_not_reached ();
    }

  /* Either an edit or an error: never a half edit. */
  LEKH_FUZZ_ASSERT ((edit == NULL) != (error == NULL));
  /* Asking never changes the article. */
  LEKH_FUZZ_ASSERT (lekh_article_get_bytes (article) == before);
  LEKH_FUZZ_ASSERT (len == 0 || memcmp (lekh_article_get_text (article, NULL), copy, len) == 0);

  if (error != NULL)
    {
      LEKH_FUZZ_ASSERT (error->domain == LEKH_ERROR);
      LEKH_FUZZ_ASSERT (error->message != NULL && *error->message != '\0');
      lekh_fuzz_check_utf8 (error->message, strlen (error->message));
      /* A clean, editable article only refuses for a reason that says so. */
      return;
    }
  LEKH_FUZZ_ASSERT (edit->text != NULL);
  LEKH_FUZZ_ASSERT (lekh_article_check_editable (article, NULL));
  check_result (article, edit, op, key, value, items, new_key, from, to);
}

/* The input's lines: candidate values the fuzzer mutates. */
static GPtrArray *
input_lines (const char *text,
             gsize       len)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  gsize start = 0;

  for (gsize i = 0; i <= len && lines->len < 16; i++)
    if (i == len || text[i] == '\n')
      {
        if (g_utf8_validate_len (text + start, i - start, NULL))
          g_ptr_array_add (lines, g_strndup (text + start, i - start));
        start = i + 1;
      }
  return lines;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (size ? data : NULL, size);
  g_autoptr(LekhArticle) article = lekh_article_new_from_bytes (bytes);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint seed = 0;
  const char *text;
  gsize len;

  lekh_fuzz_init ();
  text = lekh_article_get_text (article, &len);
  for (gsize i = 0; i < size; i++)
    seed = seed * 31 + data[i];

  /* Refused edits are checked too, so broken input is still useful here. */
  lines = input_lines (text, len);
  for (guint i = 0; i < lekh_article_get_n_entries (article) && keys->len < 6; i++)
    g_ptr_array_add (keys, g_strdup (lekh_article_get_entry (article, i)->key));
  g_ptr_array_add (keys, g_strdup ("lekh-fuzz-new"));
  if (lines->len > 0)
    g_ptr_array_add (keys, g_strdup (g_ptr_array_index (lines, seed % lines->len)));

  /* With aliases, values are compared by their bytes only: expanding them to JSON for
   * every key and every edit would make an alias bomb cost minutes here. */
  with_aliases = has_alias (lekh_article_get_root (article));

  for (guint k = 0; k < keys->len; k++)
    {
      const char *key = g_ptr_array_index (keys, k);
      guint pick = seed + k * 7;
      const char *value;
      const char *list[4] = { NULL, NULL, NULL, NULL };
      g_autofree char *new_key = NULL;

      if (lines->len > 0 && pick % 3 == 0)
        value = g_ptr_array_index (lines, pick % lines->len);
      else
        value = tricky[pick % G_N_ELEMENTS (tricky)];
      for (guint n = 0; n < (pick / 3) % 4; n++)
        list[n] = (lines->len > 0 && (pick + n) % 2)
                  ? g_ptr_array_index (lines, (pick + n) % lines->len)
                  : tricky[(pick + 5 * n) % G_N_ELEMENTS (tricky)];

      if (k + 1 < keys->len && pick % 4 == 0)
        new_key = g_strdup (g_ptr_array_index (keys, k + 1));   /* a clash: must be refused */
      else
        new_key = g_strconcat (key, (pick % 5 == 0) ? " x" : "_renamed", NULL);

      try_edit (article, OP_SET_STRING, key, value, NULL, NULL, 0, 0);
      try_edit (article, OP_SET_TYPED, key, typed[pick % G_N_ELEMENTS (typed)], NULL, NULL, 0, 0);
      try_edit (article, OP_SET_LIST, key, NULL, list, NULL, 0, 0);
      try_edit (article, OP_REMOVE, key, NULL, NULL, NULL, 0, 0);
      try_edit (article, OP_RENAME, key, NULL, NULL, new_key, 0, 0);
      /* Item numbers mostly inside a short list, sometimes beyond it (refused). */
      try_edit (article, OP_LIST_APPEND, key, value, NULL, NULL, 0, 0);
      try_edit (article, OP_LIST_REMOVE, key, NULL, NULL, NULL, pick % 5, 0);
      try_edit (article, OP_LIST_MOVE, key, NULL, NULL, NULL, pick % 4, (pick / 4) % 4);
    }

  return 0;
}
