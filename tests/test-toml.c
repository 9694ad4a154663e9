/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The TOML reader: the toml-test conformance suite (../shared/specs/toml-test), exact
 * spans, error positions and messages, limits, and the fuzzer's regressions. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lekh-toml.h"

/* What the reader achieves on toml-test's files-toml-1.0.0 list (commit d168c2a):
 * the test fails if either count drops below. */
#define VALID_FLOOR   210
#define INVALID_FLOOR 499

/* A JSON reader just large enough for toml-test's expected files (objects, arrays and
 * strings only), keeping strings with their length: values may hold U+0000. */

typedef enum { JSON_STRING, JSON_ARRAY, JSON_OBJECT } JsonKind;

typedef struct _Json Json;
struct _Json
{
  JsonKind   kind;
  GString   *str;     /* strings */
  GPtrArray *items;   /* arrays: values; objects: key, value, key, value ... (keys are strings) */
};

static void
json_free (Json *j)
{
  if (j == NULL)
    return;
  if (j->str != NULL)
    g_string_free (j->str, TRUE);
  if (j->items != NULL)
    g_ptr_array_unref (j->items);
  g_free (j);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Json, json_free)

static void
json_skip_ws (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static gboolean
json_hex4 (const char **p,
           gunichar    *out)
{
  *out = 0;
  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit ((*p)[i]))
        return FALSE;
      *out = *out * 16 + g_ascii_xdigit_value ((*p)[i]);
    }
  *p += 4;
  return TRUE;
}

static Json *json_parse_value (const char **p, guint depth);

static Json *
json_parse_string (const char **p)
{
  g_autoptr(Json) j = g_new0 (Json, 1);

  j->kind = JSON_STRING;
  j->str = g_string_new (NULL);
  if (**p != '"')
    return NULL;
  for ((*p)++; **p != '"'; )
    {
      if (**p == '\0')
        return NULL;
      if (**p != '\\')
        {
          g_string_append_c (j->str, *(*p)++);
          continue;
        }
      (*p)++;
      switch (*(*p)++)
        {
        case '"': g_string_append_c (j->str, '"'); break;
        case '\\': g_string_append_c (j->str, '\\'); break;
        case '/': g_string_append_c (j->str, '/'); break;
        case 'b': g_string_append_c (j->str, '\b'); break;
        case 'f': g_string_append_c (j->str, '\f'); break;
        case 'n': g_string_append_c (j->str, '\n'); break;
        case 'r': g_string_append_c (j->str, '\r'); break;
        case 't': g_string_append_c (j->str, '\t'); break;
        case 'u':
          {
            gunichar c, low;

            if (!json_hex4 (p, &c))
              return NULL;
            if (c >= 0xD800 && c < 0xDC00)
              {
                if ((*p)[0] != '\\' || (*p)[1] != 'u')
                  return NULL;
                *p += 2;
                if (!json_hex4 (p, &low) || low < 0xDC00 || low > 0xDFFF)
                  return NULL;
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            g_string_append_unichar (j->str, c);
          }
          break;
        default:
          return NULL;
        }
    }
  (*p)++;
  return g_steal_pointer (&j);
}

static Json *
json_parse_value (const char **p,
                  guint        depth)
{
  g_autoptr(Json) j = NULL;
  char close;

  json_skip_ws (p);
  if (**p == '"')
    return json_parse_string (p);
  if ((**p != '[' && **p != '{') || depth > 1000)
    return NULL;

  j = g_new0 (Json, 1);
  j->kind = **p == '[' ? JSON_ARRAY : JSON_OBJECT;
  j->items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_free);
  close = **p == '[' ? ']' : '}';
  (*p)++;
  json_skip_ws (p);
  if (**p == close)
    {
      (*p)++;
      return g_steal_pointer (&j);
    }
  for (;;)
    {
      Json *item;

      if (j->kind == JSON_OBJECT)
        {
          json_skip_ws (p);
          item = json_parse_string (p);
          if (item == NULL)
            return NULL;
          g_ptr_array_add (j->items, item);
          json_skip_ws (p);
          if (*(*p)++ != ':')
            return NULL;
        }
      item = json_parse_value (p, depth + 1);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (j->items, item);
      json_skip_ws (p);
      if (**p == ',')
        (*p)++;
      else if (**p == close)
        {
          (*p)++;
          return g_steal_pointer (&j);
        }
      else
        return NULL;
    }
}

static Json *
json_parse (const char *text)
{
  const char *p = text;
  g_autoptr(Json) j = json_parse_value (&p, 0);

  if (j == NULL)
    return NULL;
  json_skip_ws (&p);
  return *p == '\0' ? g_steal_pointer (&j) : NULL;
}

static const Json *
json_member (const Json *object,
             const char *key,
             gsize       len)
{
  for (guint i = 0; i + 1 < object->items->len; i += 2)
    {
      const Json *k = g_ptr_array_index (object->items, i);

      if (k->str->len == len && memcmp (k->str->str, key, len) == 0)
        return g_ptr_array_index (object->items, i + 1);
    }
  return NULL;
}

/* The tree as toml-test's typed JSON. */

static void
append_json_string (GString    *out,
                    const char *s,
                    gsize       len)
{
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      guchar c = s[i];

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
to_typed_json (const LekhNode *node,
               GString        *out)
{
  switch (node->kind)
    {
    case LEKH_NODE_MAPPING:
      g_string_append_c (out, '{');
      for (guint i = 0; i + 1 < node->children->len; i += 2)
        {
          const LekhNode *key = g_ptr_array_index (node->children, i);

          if (i > 0)
            g_string_append_c (out, ',');
          append_json_string (out, key->scalar, key->scalar_len);
          g_string_append_c (out, ':');
          to_typed_json (g_ptr_array_index (node->children, i + 1), out);
        }
      g_string_append_c (out, '}');
      break;

    case LEKH_NODE_SEQUENCE:
      g_string_append_c (out, '[');
      for (guint i = 0; i < node->children->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          to_typed_json (g_ptr_array_index (node->children, i), out);
        }
      g_string_append_c (out, ']');
      break;

    case LEKH_NODE_SCALAR:
    case LEKH_NODE_ALIAS:
    default:
      g_string_append_printf (out, "{\"type\":\"%s\",\"value\":",
                              lekh_toml_type_to_string (lekh_toml_node_get_type (node)));
      append_json_string (out, node->scalar, node->scalar_len);
      g_string_append_c (out, '}');
      break;
    }
}

/* As toml-test compares date-times (as times, not text): 't', 'z' and ' ' are 'T', 'Z'
 * and 'T', trailing zeros of a fraction do not count, and +00:00 / -00:00 are Z. */
static char *
normalise_datetime (const char *s)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize frac;

  for (; *s; s++)
    {
      if (*s == 't' || *s == ' ')
        g_string_append_c (out, 'T');
      else if (*s == 'z')
        g_string_append_c (out, 'Z');
      else
        g_string_append_c (out, *s);
    }
  if (g_str_has_suffix (out->str, "+00:00") || g_str_has_suffix (out->str, "-00:00"))
    {
      g_string_truncate (out, out->len - 6);
      g_string_append_c (out, 'Z');
    }
  frac = strcspn (out->str, ".");
  if (frac < out->len)
    {
      gsize digits_end = frac + 1, last_nonzero;

      while (g_ascii_isdigit (out->str[digits_end]))
        digits_end++;
      last_nonzero = digits_end;
      while (last_nonzero > frac + 1 && out->str[last_nonzero - 1] == '0')
        last_nonzero--;
      if (last_nonzero == frac + 1)
        last_nonzero = frac;
      g_string_erase (out, last_nonzero, digits_end - last_nonzero);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
scalar_equal (const char *type,
              const Json *got,
              const Json *want)
{
  if (strcmp (type, "integer") == 0)
    return g_ascii_strtoll (got->str->str, NULL, 10) == g_ascii_strtoll (want->str->str, NULL, 10);
  if (strcmp (type, "float") == 0)
    {
      double a = g_ascii_strtod (got->str->str, NULL);
      double b = g_ascii_strtod (want->str->str, NULL);

      if (isnan (a) || isnan (b))
        return isnan (a) && isnan (b);
      return a == b;
    }
  if (g_str_has_prefix (type, "date") || g_str_has_prefix (type, "time"))
    {
      g_autofree char *a = normalise_datetime (got->str->str);
      g_autofree char *b = normalise_datetime (want->str->str);

      return strcmp (a, b) == 0;
    }
  return got->str->len == want->str->len &&
         memcmp (got->str->str, want->str->str, got->str->len) == 0;
}

static gboolean
is_typed_scalar (const Json *j)
{
  const Json *type, *value;

  if (j->kind != JSON_OBJECT || j->items->len != 4)
    return FALSE;
  type = json_member (j, "type", 4);
  value = json_member (j, "value", 5);
  return type != NULL && value != NULL && type->kind == JSON_STRING && value->kind == JSON_STRING;
}

/* Structural comparison; on a difference, says where in WHY. */
static gboolean
json_equal (const Json *got,
            const Json *want,
            GString    *path,
            GString    *why)
{
  if (got->kind != want->kind)
    {
      g_string_printf (why, "%s: kinds differ", path->str);
      return FALSE;
    }
  if (want->kind == JSON_OBJECT && is_typed_scalar (want))
    {
      const Json *want_type = json_member (want, "type", 4);
      const Json *got_type;

      if (!is_typed_scalar (got))
        {
          g_string_printf (why, "%s: a table where a %s is expected", path->str,
                           want_type->str->str);
          return FALSE;
        }
      got_type = json_member (got, "type", 4);
      if (strcmp (got_type->str->str, want_type->str->str) != 0 ||
          !scalar_equal (want_type->str->str, json_member (got, "value", 5),
                         json_member (want, "value", 5)))
        {
          g_string_printf (why, "%s: got %s “%s”, expected %s “%s”", path->str,
                           got_type->str->str, json_member (got, "value", 5)->str->str,
                           want_type->str->str, json_member (want, "value", 5)->str->str);
          return FALSE;
        }
      return TRUE;
    }

  switch (want->kind)
    {
    case JSON_STRING:
      return got->str->len == want->str->len &&
             memcmp (got->str->str, want->str->str, got->str->len) == 0;

    case JSON_ARRAY:
      if (got->items->len != want->items->len)
        {
          g_string_printf (why, "%s: %u items, expected %u", path->str, got->items->len,
                           want->items->len);
          return FALSE;
        }
      for (guint i = 0; i < want->items->len; i++)
        {
          gsize len = path->len;
          gboolean equal;

          g_string_append_printf (path, "[%u]", i);
          equal = json_equal (g_ptr_array_index (got->items, i),
                              g_ptr_array_index (want->items, i), path, why);
          g_string_truncate (path, len);
          if (!equal)
            return FALSE;
        }
      return TRUE;

    case JSON_OBJECT:
    default:
      if (got->items->len != want->items->len)
        {
          g_string_printf (why, "%s: %u keys, expected %u", path->str, got->items->len / 2,
                           want->items->len / 2);
          return FALSE;
        }
      for (guint i = 0; i + 1 < want->items->len; i += 2)
        {
          const Json *key = g_ptr_array_index (want->items, i);
          const Json *mine = json_member (got, key->str->str, key->str->len);
          gsize len = path->len;
          gboolean equal;

          if (mine == NULL)
            {
              g_string_printf (why, "%s: no key “%s”", path->str, key->str->str);
              return FALSE;
            }
          g_string_append_printf (path, ".%s", key->str->str);
          equal = json_equal (mine, g_ptr_array_index (want->items, i + 1), path, why);
          g_string_truncate (path, len);
          if (!equal)
            return FALSE;
        }
      return TRUE;
    }
}

/* Properties every parse must have (the fuzzer checks the same). */

static void
utf8_with_nuls (const char *s,
                gsize       len)
{
  const char *bad;

  while (!g_utf8_validate_len (s, len, &bad))
    {
      g_assert_cmpint (*bad, ==, '\0');
      len -= bad + 1 - s;
      s = bad + 1;
    }
}

static void
check_span (const char     *text,
            gsize           len,
            const LekhSpan *span)
{
  guint line = 1, column = 1;

  g_assert_cmpuint (span->start, <=, span->end);
  g_assert_cmpuint (span->end, <=, len);
  for (gsize i = 0; i < span->start; i++)
    {
      if (text[i] == '\n')
        line++, column = 1;
      else if (((guchar) text[i] & 0xC0) != 0x80)
        column++;
    }
  g_assert_cmpuint (span->line, ==, line);
  g_assert_cmpuint (span->column, ==, column);
}

static void
check_node (const char     *text,
            gsize           len,
            const LekhNode *node,
            guint           depth)
{
  g_assert_nonnull (node);
  g_assert_cmpuint (depth, <=, LEKH_TOML_MAX_DEPTH + 1);
  check_span (text, len, &node->span);
  if (node->kind == LEKH_NODE_SCALAR)
    {
      g_assert_nonnull (node->scalar);
      g_assert_cmpint (node->scalar[node->scalar_len], ==, '\0');
      utf8_with_nuls (node->scalar, node->scalar_len);
      return;
    }
  for (guint i = 0; i < node->children->len; i++)
    check_node (text, len, g_ptr_array_index (node->children, i), depth + 1);
}

static void
check_document (const char             *text,
                gsize                   len,
                const LekhTomlDocument *doc)
{
  check_node (text, len, lekh_toml_document_get_root (doc), 0);
  for (guint i = 0; i < lekh_toml_document_get_n_keyvals (doc); i++)
    {
      const LekhTomlKeyval *kv = lekh_toml_document_get_keyval (doc, i);

      check_span (text, len, &kv->key_span);
      check_span (text, len, &kv->entry_span);
      g_assert_cmpuint (kv->entry_span.start, <=, kv->key_span.start);
      g_assert_cmpuint (kv->key_span.end, <=, kv->equals);
      g_assert_cmpuint (kv->equals, <, kv->value->span.start);
      g_assert_cmpuint (kv->value->span.end, <=, kv->entry_span.end);
      g_assert_cmpuint (g_strv_length (kv->key_path), ==, kv->n_parts);
    }
  for (guint i = 0; i < lekh_toml_document_get_n_headers (doc); i++)
    {
      const LekhTomlHeader *h = lekh_toml_document_get_header (doc, i);

      check_span (text, len, &h->span);
      check_span (text, len, &h->line_span);
      g_assert_cmpint (text[h->span.start], ==, '[');
      g_assert_cmpint (text[h->span.end - 1], ==, ']');
    }
}

static void
check_error (const char   *text,
             gsize         len,
             const GError *error,
             guint         line,
             guint         column)
{
  g_autofree char *prefix = g_strdup_printf ("Line %u, column %u: ", line, column);
  guint lines = 1;

  for (gsize i = 0; i < len; i++)
    lines += text[i] == '\n';
  g_assert_nonnull (error);
  g_assert_true (error->domain == LEKH_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix));
  g_assert_cmpuint (line, >=, 1);
  g_assert_cmpuint (line, <=, lines);
  g_assert_cmpuint (column, >=, 1);
}

/* toml-test */

static char *
suite_dir (void)
{
  const char *shared = g_getenv ("LEKH_SHARED_DIR");
  g_autofree char *dir = NULL;

  if (shared == NULL)
    return NULL;
  dir = g_build_filename (shared, "specs", "toml-test", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&dir);
}

static char *
read_case (const char *dir,
           const char *name,
           gsize      *len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

/* Returns NULL when the case passes, or why not. */
static char *
run_valid_case (const char *dir,
                const char *name)
{
  g_autofree char *json_name = g_strdup_printf ("%.*s.json", (int) strlen (name) - 5, name);
  g_autofree char *expected_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(LekhTomlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) path = g_string_new ("");
  g_autoptr(GString) why = g_string_new (NULL);
  g_autoptr(Json) got = NULL;
  g_autoptr(Json) want = NULL;
  gsize len, expected_len, skip = 0;

  text = read_case (dir, name, &len);
  expected_text = read_case (dir, json_name, &expected_len);
  want = json_parse (expected_text);
  g_assert_nonnull (want);

  /* the byte-order mark is the caller's business */
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  doc = lekh_toml_parse (text + skip, len - skip, &error);
  if (doc == NULL)
    return g_strdup (error->message);
  check_document (text + skip, len - skip, doc);

  to_typed_json (lekh_toml_document_get_root (doc), out);
  got = json_parse (out->str);
  g_assert_nonnull (got);
  if (!json_equal (got, want, path, why))
    return g_strdup (why->str);
  return NULL;
}

static gboolean
run_invalid_case (const char *dir,
                  const char *name)
{
  g_autofree char *text = NULL;
  g_autoptr(LekhTomlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;
  gsize len;

  text = read_case (dir, name, &len);
  doc = lekh_toml_parse_range (text, 0, len, 1, &line, &column, &error);
  if (doc != NULL)
    {
      check_document (text, len, doc);
      return FALSE;
    }
  check_error (text, len, error, line, column);
  return TRUE;
}

static void
test_conformance (void)
{
  g_autofree char *dir = suite_dir ();
  g_autofree char *list_text = NULL;
  g_auto(GStrv) names = NULL;
  guint valid = 0, valid_passed = 0, invalid = 0, invalid_refused = 0;

  if (dir == NULL)
    {
      g_test_skip ("../shared/specs/toml-test is absent: set LEKH_SHARED_DIR to the shared folder");
      return;
    }

  list_text = read_case (dir, "files-toml-1.0.0", NULL);
  names = g_strsplit (list_text, "\n", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];

      if (!g_str_has_suffix (name, ".toml"))
        continue;
      if (g_str_has_prefix (name, "valid/"))
        {
          g_autofree char *why = run_valid_case (dir, name);

          valid++;
          if (why == NULL)
            valid_passed++;
          else
            g_test_message ("valid case not read right: %s: %s", name, why);
        }
      else if (g_str_has_prefix (name, "invalid/"))
        {
          invalid++;
          if (run_invalid_case (dir, name))
            invalid_refused++;
          else
            g_test_message ("invalid case accepted: %s", name);
        }
    }

  g_test_message ("toml-test 1.0.0: valid parsed correctly %u/%u, invalid refused %u/%u",
                  valid_passed, valid, invalid_refused, invalid);
  g_assert_cmpuint (valid, >, 0);
  g_assert_cmpuint (invalid, >, 0);
  g_assert_cmpuint (valid_passed, >=, VALID_FLOOR);
  g_assert_cmpuint (invalid_refused, >=, INVALID_FLOOR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/toml/conformance", test_conformance);

  return g_test_run ();
}
