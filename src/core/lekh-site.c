/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "lekh-error.h"
#include "lekh-file.h"
#include "lekh-node.h"
#include "lekh-site.h"

#define MAX_DATA_FILE_SIZE (8 * 1024 * 1024)

struct _LekhSiteData
{
  char       *path;
  GPtrArray  *entries;    /* LekhSiteEntry*, file order */
  GHashTable *by_key;     /* key -> LekhSiteEntry* */
  GError     *error;
  char       *problem;    /* what Docusaurus refuses in it, or NULL */
};

struct _LekhSite
{
  gatomicrefcount    ref_count;
  char              *root;
  const LekhProfile *profile;
  GMutex             mutex;
  GHashTable        *authors;   /* folder -> LekhSiteData* or the NONE marker */
  GHashTable        *tags;
  GHashTable        *data;      /* file path -> LekhSiteData* (owner) */
};

struct _LekhSiteCache
{
  GMutex      mutex;
  GHashTable *by_folder;        /* folder -> LekhSite* or the NONE marker */
  GHashTable *listings;         /* folder -> FolderListing*, as a walk read it; under MUTEX */
};

static char none_marker;
#define NONE ((gpointer) &none_marker)

static void
site_entry_free (gpointer data)
{
  LekhSiteEntry *entry = data;

  g_free (entry->key);
  g_free (entry->name);
  g_free (entry->title);
  g_free (entry->url);
  g_free (entry->image_url);
  g_free (entry);
}

const char *
lekh_site_data_get_path (const LekhSiteData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

guint
lekh_site_data_get_n_entries (const LekhSiteData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const LekhSiteEntry *
lekh_site_data_get_entry (const LekhSiteData *self,
                          guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

const LekhSiteEntry *
lekh_site_data_lookup (const LekhSiteData *self,
                       const char         *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->by_key, key);
}

const GError *
lekh_site_data_get_error (const LekhSiteData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->error;
}

const char *
lekh_site_data_get_problem (const LekhSiteData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problem;
}

void
lekh_site_data_free (LekhSiteData *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_hash_table_unref (self->by_key);
  g_ptr_array_unref (self->entries);
  g_clear_error (&self->error);
  g_free (self->problem);
  g_free (self);
}

static const char *
scalar_of (yaml_document_t *doc,
           yaml_node_t     *node)
{
  if (node == NULL || node->type != YAML_SCALAR_NODE)
    return NULL;
  return (const char *) node->data.scalar.value;
}

static const char *
map_get (yaml_document_t *doc,
         yaml_node_t     *map,
         const char      *key)
{
  if (map == NULL || map->type != YAML_MAPPING_NODE)
    return NULL;
  for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
       pair < map->data.mapping.pairs.top; pair++)
    {
      const char *k = scalar_of (doc, yaml_document_get_node (doc, pair->key));

      if (k != NULL && strcmp (k, key) == 0)
        return scalar_of (doc, yaml_document_get_node (doc, pair->value));
    }
  return NULL;
}

/* Plain Joi.string(): a non-empty string (js-yaml's types: a plain 42, true, null or a date
 * is not one). */
static gboolean
joi_string_node (yaml_node_t *node)
{
  const char *s;

  if (node == NULL || node->type != YAML_SCALAR_NODE)
    return FALSE;
  s = (const char *) node->data.scalar.value;
  if (node->data.scalar.length == 0)
    return FALSE;
  if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return TRUE;
  return lekh_scalar_resolve_type (s, node->data.scalar.length, LEKH_STYLE_PLAIN, NULL) ==
         LEKH_VALUE_STRING;
}

static gboolean
yaml_node_is_null (yaml_node_t *node)
{
  return node == NULL ||
         (node->type == YAML_SCALAR_NODE && node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
          lekh_scalar_resolve_type ((const char *) node->data.scalar.value,
                                    node->data.scalar.length, LEKH_STYLE_PLAIN, NULL) ==
            LEKH_VALUE_NULL);
}

/* What Docusaurus 3.10.2 refuses in one entry of authors.yml (plugin-content-blog
 * lib/authorsMap.js, AuthorsMapInputSchema: an object with a name or an image_url/imageURL;
 * name, title, email, description: Joi.string(); url, imageURL: URISchema, checked here only
 * for being text) or tags.yml (utils-validation lib/tagsFile.js, TagsFileInputSchema: null or
 * an object of label, description, permalink strings and nothing else). NULL when none. */
static char *
entry_problem (yaml_document_t *doc,
               const char      *key,
               yaml_node_t     *value,
               gboolean         tags)
{
  gboolean named = FALSE;

  if (tags && yaml_node_is_null (value))
    return NULL;
  if (value == NULL || value->type != YAML_MAPPING_NODE)
    return g_strdup_printf (tags ? _("the tag “%s” should be a set of label, description and "
                                     "permalink (or empty)") :
                                   _("the author “%s” should be a set of name, title, url, "
                                     "image_url…"), key);
  for (yaml_node_pair_t *pair = value->data.mapping.pairs.start;
       pair < value->data.mapping.pairs.top; pair++)
    {
      const char *field = scalar_of (doc, yaml_document_get_node (doc, pair->key));
      yaml_node_t *v = yaml_document_get_node (doc, pair->value);
      static const char * const tag_fields[] = { "label", "description", "permalink", NULL };
      static const char * const author_strings[] = {
        "name", "title", "email", "description", "url", "image_url", "imageURL", NULL
      };

      if (field == NULL)
        continue;
      if (tags && !g_strv_contains (tag_fields, field))
        return g_strdup_printf (_("the tag “%s” has “%s”, which Docusaurus does not allow "
                                  "(only label, description and permalink)"), key, field);
      if ((tags || g_strv_contains (author_strings, field)) && !joi_string_node (v))
        return g_strdup_printf (_("“%s” of “%s” should be text"), field, key);
      /* AuthorSocialsSchema and normalizeSocialEntry (lib/authorsSocials.js) */
      if (!tags && strcmp (field, "socials") == 0)
        {
          if (v == NULL || v->type != YAML_MAPPING_NODE)
            return g_strdup_printf (_("the socials of “%s” should be “platform: handle” pairs"),
                                    key);
          for (yaml_node_pair_t *social = v->data.mapping.pairs.start;
               social < v->data.mapping.pairs.top; social++)
            {
              const char *platform = scalar_of (doc, yaml_document_get_node (doc, social->key));
              yaml_node_t *handle = yaml_document_get_node (doc, social->value);
              const char *text = scalar_of (doc, handle);
              gboolean number = handle != NULL && handle->type == YAML_SCALAR_NODE &&
                                handle->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                                lekh_scalar_resolve_type (text, handle->data.scalar.length,
                                                          LEKH_STYLE_PLAIN, NULL) == LEKH_VALUE_INT;

              if ((number && g_strcmp0 (platform, "stackoverflow") == 0))
                continue;
              if (!joi_string_node (handle) ||
                  (strchr (text, '/') != NULL && !g_str_has_prefix (text, "http://") &&
                   !g_str_has_prefix (text, "https://") && !g_str_has_prefix (text, "mailto:")))
                return g_strdup_printf (_("the social “%s” of “%s” should be a handle or a full "
                                          "https:// address"), platform ? platform : "?", key);
            }
        }
      if (!tags && (strcmp (field, "name") == 0 || strcmp (field, "image_url") == 0 ||
                    strcmp (field, "imageURL") == 0))
        named = TRUE;
    }
  if (!tags && !named)
    return g_strdup_printf (_("the author “%s” needs a name or an image_url"), key);
  return NULL;
}

/* A tag's permalink as normalizeTagsFile makes it: its own, or "/" + the key in kebab case
 * (lodash's kebabCase, for the common ASCII keys: words split at case changes and
 * separators, lowercased, joined by "-"). */
static char *
tag_permalink (const char *key,
               const char *permalink)
{
  GString *out;
  gboolean word = FALSE;

  if (permalink != NULL && *permalink != '\0')
    return g_strdup (permalink);
  out = g_string_new ("/");
  for (const char *p = key; *p; p++)
    {
      if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
        {
          if (word && g_ascii_isupper (*p) && p > key && g_ascii_islower (p[-1]))
            g_string_append_c (out, '-');
          else if (!word && out->len > 1)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          word = TRUE;
        }
      else
        word = FALSE;
    }
  return g_string_free (out, FALSE);
}

static LekhSiteData *site_data_parse (const char *path,
                                      const char *contents,
                                      gsize       len,
                                      gboolean    tags);

LekhSiteData *
lekh_site_data_load (const char *path,
                     gboolean    tags)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      LekhSiteData *self = site_data_parse (path, "", 0, tags);

      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      return self;
    }
  return site_data_parse (path, contents, len, tags);
}

/* Long because it walks one libyaml document once: each authors.yml or tags.yml entry is
 * checked for a duplicate key, its shape and (tags) a unique permalink while the document
 * is still loaded, and the parser and document are freed on every path. */
static LekhSiteData *
site_data_parse (const char *path,
                 const char *contents,
                 gsize       len,
                 gboolean    tags)
{
  g_autoptr(LekhSiteData) self = g_new0 (LekhSiteData, 1);
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;

  self->path = g_strdup (path);
  self->entries = g_ptr_array_new_with_free_func (site_entry_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);

  if (len > MAX_DATA_FILE_SIZE || !g_utf8_validate_len (contents, len, NULL))
    {
      self->error = g_error_new (LEKH_ERROR, LEKH_ERROR_INVALID_UTF8,
                                 _("“%s” is not a UTF-8 text file of a sensible size"), path);
      return g_steal_pointer (&self);
    }

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const guchar *) contents, len);
  if (!yaml_parser_load (&parser, &doc))
    {
      self->error = g_error_new (LEKH_ERROR, LEKH_ERROR_YAML_SYNTAX,
                                 _("%s:%zu:%zu: YAML error: %s"), path,
                                 parser.problem_mark.line + 1, parser.problem_mark.column + 1,
                                 parser.problem ? parser.problem : "?");
      yaml_parser_delete (&parser);
      return g_steal_pointer (&self);
    }

  root = yaml_document_get_root_node (&doc);
  if (root != NULL && root->type == YAML_MAPPING_NODE)
    {
      for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
           pair < root->data.mapping.pairs.top; pair++)
        {
          const char *key = scalar_of (&doc, yaml_document_get_node (&doc, pair->key));
          yaml_node_t *value = yaml_document_get_node (&doc, pair->value);
          LekhSiteEntry *entry;

          if (key == NULL)
            continue;
          /* js-yaml refuses a key given twice, and Docusaurus with it */
          if (g_hash_table_contains (self->by_key, key))
            {
              if (self->problem == NULL)
                self->problem = g_strdup_printf (_("“%s” is given twice"), key);
              continue;
            }
          if (self->problem == NULL)
            self->problem = entry_problem (&doc, key, value, tags);
          entry = g_new0 (LekhSiteEntry, 1);
          entry->key = g_strdup (key);
          if (tags)
            {
              entry->name = g_strdup (map_get (&doc, value, "label"));
              entry->title = g_strdup (map_get (&doc, value, "description"));
              entry->url = g_strdup (map_get (&doc, value, "permalink"));
            }
          else
            {
              const char *image = map_get (&doc, value, "image_url");

              if (image == NULL)
                image = map_get (&doc, value, "imageURL");
              entry->name = g_strdup (map_get (&doc, value, "name"));
              entry->title = g_strdup (map_get (&doc, value, "title"));
              entry->url = g_strdup (map_get (&doc, value, "url"));
              entry->image_url = g_strdup (image);
            }
          g_ptr_array_add (self->entries, entry);
          g_hash_table_insert (self->by_key, entry->key, entry);
        }
      /* ensureUniquePermalinks (utils-validation lib/tagsFile.js) */
      if (tags && self->problem == NULL)
        {
          g_autoptr(GHashTable) permalinks = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                    g_free, NULL);

          for (guint i = 0; i < self->entries->len && self->problem == NULL; i++)
            {
              const LekhSiteEntry *entry = g_ptr_array_index (self->entries, i);
              char *permalink = tag_permalink (entry->key, entry->url);

              if (!g_hash_table_add (permalinks, permalink))
                self->problem = g_strdup_printf (_("two tags have the permalink “%s”"),
                                                 permalink);
            }
        }
    }
  else if (root != NULL && !(root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0))
    {
      self->error = g_error_new (LEKH_ERROR, LEKH_ERROR_NOT_EDITABLE,
                                 _("“%s” is not a list of “key: …” entries"), path);
    }

  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);
  return g_steal_pointer (&self);
}

LekhEdit *
lekh_site_data_create_add_edit (const char  *text,
                                gsize        len,
                                const char  *key,
                                const char  *name,
                                gboolean     tags,
                                GError     **error)
{
  g_autoptr(LekhSiteData) before = NULL;
  g_autoptr(LekhSiteData) after = NULL;
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) result = NULL;
  g_autofree char *quoted_key = NULL;
  g_autofree char *quoted_name = NULL;
  const LekhSiteEntry *added;
  const char *first_nl;
  const char *newline;
  LekhEdit *edit;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (key != NULL && *key != '\0', NULL);

  if (name == NULL)
    name = key;
  if (text == NULL)
    text = "";
  before = site_data_parse ("", text, len, tags);
  if (before->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&before->error));
      return NULL;
    }
  if (lekh_site_data_lookup (before, key) != NULL)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED, _("“%s” is already there"), key);
      return NULL;
    }

  first_nl = len > 0 ? memchr (text, '\n', len) : NULL;
  newline = first_nl != NULL && first_nl > text && first_nl[-1] == '\r' ? "\r\n" : "\n";
  quoted_key = lekh_yaml_quote_string (key, FALSE);
  quoted_name = lekh_yaml_quote_string (name, FALSE);
  if (len > 0 && text[len - 1] != '\n')
    g_string_append (insert, newline);
  g_string_append_printf (insert, "%s:%s  %s: %s%s", quoted_key, newline,
                          tags ? "label" : "name", quoted_name, newline);

  result = g_string_new_len (text, len);
  g_string_append (result, insert->str);
  after = site_data_parse ("", result->str, result->len, tags);
  added = after->error == NULL ? lekh_site_data_lookup (after, key) : NULL;
  if (added == NULL || g_strcmp0 (added->name, name) != 0 ||
      lekh_site_data_get_n_entries (after) != lekh_site_data_get_n_entries (before) + 1)
    {
      g_set_error (error, LEKH_ERROR, LEKH_ERROR_EDIT_FAILED,
                   _("Adding “%s” would not read back as intended; the file is left as it is"),
                   key);
      return NULL;
    }

  edit = g_new0 (LekhEdit, 1);
  edit->start = edit->end = len;
  edit->text = g_string_free (g_steal_pointer (&insert), FALSE);
  return edit;
}

static const char *
find_in (const char         *dir,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return names[i];
    }
  return NULL;
}

/* TRUE when PATH is there or cannot be looked at: stat() failing for another reason than
 * "no such file" (permissions, a symlink loop, an I/O error) says nothing about whether it
 * exists, and a check must not take that for "absent". */
static gboolean
cannot_look (const char *path,
             int        *error_code)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    return FALSE;
  if (errno == ENOENT || errno == ENOTDIR)
    return FALSE;
  *error_code = errno;
  return TRUE;
}

/* find_in() for data files: also the name of one that exists but cannot be looked at, so
 * that loading it fails with the reason (G_FILE_ERROR) instead of it passing for absent. */
static const char *
find_data_file_in (const char         *dir,
                   const char * const *names)
{
  const char *found = find_in (dir, names);
  int code;

  if (found != NULL)
    return found;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (cannot_look (path, &code))
        return names[i];
    }
  return NULL;
}

static const char * const docusaurus_configs[] = {
  "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs",
  "docusaurus.config.cjs", "docusaurus.config.mts", NULL
};
static const char * const hugo_configs[] = {
  "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", NULL
};
static const char * const hugo_legacy_configs[] = {
  "config.toml", "config.yaml", "config.yml", "config.json", NULL
};
static const char * const jekyll_configs[] = { "_config.yml", "_config.yaml", "_config.toml", NULL };

/* What one listing of a folder says about the names that mark a site (every name above, the
 * "content" folder of a legacy Hugo site, and ".git"): a name absent from it is not there, so
 * it is not stat()ed. Looking a folder up probed 18 names one by one (18 path walks in the
 * kernel, for each of the hundreds of folders of a site); reading the folder once is a few
 * system calls whatever the number of names. A name that is listed is still tested exactly
 * as before (g_file_test follows symlinks, and says whether the entry can be looked at), so
 * the answer only differs in how it is obtained. When the folder cannot be listed (search
 * permission without read permission), every name is probed as before. */
typedef struct
{
  gboolean  listed;
  guint     n_present;
  const char *present[24];   /* the marker names found in the listing (static strings) */
} FolderListing;

static const char *
marker_name (const char *name)
{
  static const char * const * const groups[] = {
    docusaurus_configs, hugo_configs, hugo_legacy_configs, jekyll_configs,
  };

  /* Every marker name starts with one of these; most entries are dismissed here. */
  if (name[0] != 'd' && name[0] != 'h' && name[0] != 'c' && name[0] != '_' && name[0] != '.')
    return NULL;
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; groups[g][i] != NULL; i++)
      if (strcmp (name, groups[g][i]) == 0)
        return groups[g][i];
  if (strcmp (name, "content") == 0)
    return "content";
  if (strcmp (name, ".git") == 0)
    return ".git";
  return NULL;
}

/* What NAMES (a folder's entries, NULL-terminated) say about the names that mark a site. */
static void
folder_listing_fill (FolderListing      *listing,
                     const char * const *names)
{
  listing->listed = TRUE;
  listing->n_present = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = marker_name (names[i]);

      if (name == NULL)
        continue;
      /* cannot happen (the names are fewer, and a folder lists each once), but then every
       * name would be probed */
      if (listing->n_present == G_N_ELEMENTS (listing->present))
        {
          listing->listed = FALSE;
          return;
        }
      listing->present[listing->n_present++] = name;
    }
}

static void
folder_listing_init (FolderListing *listing,
                     const char    *dir)
{
  g_autofree guchar *types = NULL;
  g_autofree char **names = NULL;
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  listing->listed = FALSE;
  listing->n_present = 0;
  if (fd < 0)
    return;
  names = lekh_file_read_folder (fd, dir, &types, NULL);
  close (fd);
  if (names != NULL)
    folder_listing_fill (listing, (const char * const *) names);
}

/* The listing of a folder whose entries' names a walk read already. */
static FolderListing *
folder_listing_new_from (const char * const *names)
{
  FolderListing *listing = g_new0 (FolderListing, 1);

  folder_listing_fill (listing, names);
  return listing;
}

static gboolean
folder_listing_may_have (const FolderListing *listing,
                         const char          *name)
{
  if (listing == NULL || !listing->listed)
    return TRUE;
  for (guint i = 0; i < listing->n_present; i++)
    if (strcmp (listing->present[i], name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
folder_test (const FolderListing *listing,
             const char          *dir,
             const char          *name,
             GFileTest            test)
{
  g_autofree char *path = NULL;

  if (!folder_listing_may_have (listing, name))
    return FALSE;
  path = g_build_filename (dir, name, NULL);
  return g_file_test (path, test);
}

static gboolean
listed_in (const FolderListing *listing,
           const char          *dir,
           const char * const  *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (folder_test (listing, dir, names[i], G_FILE_TEST_IS_REGULAR))
      return TRUE;
  return FALSE;
}

/* The profile whose configuration file sits in DIR, or -1. */
static int
profile_marked_by (const FolderListing *listing,
                   const char          *dir)
{
  if (listed_in (listing, dir, docusaurus_configs))
    return LEKH_PROFILE_DOCUSAURUS;
  if (listed_in (listing, dir, hugo_configs))
    return LEKH_PROFILE_HUGO;
  if (listed_in (listing, dir, hugo_legacy_configs) &&
      folder_test (listing, dir, "content", G_FILE_TEST_IS_DIR))
    return LEKH_PROFILE_HUGO;
  if (listed_in (listing, dir, jekyll_configs))
    return LEKH_PROFILE_JEKYLL;
  return -1;
}

static int
profile_marked_in (const char *dir)
{
  FolderListing listing;

  folder_listing_init (&listing, dir);
  return profile_marked_by (&listing, dir);
}

gboolean
lekh_site_path_is_portal (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_has_prefix (path, "/run/flatpak/doc/"))
    return TRUE;
  if (g_str_has_prefix (path, "/run/user/"))
    {
      const char *p = path + strlen ("/run/user/");

      while (g_ascii_isdigit (*p))
        p++;
      return p > path + strlen ("/run/user/") && g_str_has_prefix (p, "/doc/");
    }
  return FALSE;
}

gboolean
lekh_site_folder_is_generated (const char *parent,
                               const char *name)
{
  static const struct
  {
    const char    *name;
    LekhProfileId  profile;
  } generated[] = {
    { "archetypes", LEKH_PROFILE_HUGO },
    { "public", LEKH_PROFILE_HUGO },
    { "resources", LEKH_PROFILE_HUGO },
    { "_site", LEKH_PROFILE_JEKYLL },
    { ".jekyll-cache", LEKH_PROFILE_JEKYLL },
    { "build", LEKH_PROFILE_DOCUSAURUS },
    { ".docusaurus", LEKH_PROFILE_DOCUSAURUS },
  };

  g_return_val_if_fail (parent != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    if (strcmp (name, generated[i].name) == 0)
      return profile_marked_in (parent) == (int) generated[i].profile;
  return FALSE;
}

static gboolean
is_repository_root (const FolderListing *listing,
                    const char          *dir)
{
  return folder_test (listing, dir, ".git", G_FILE_TEST_EXISTS);
}

static char *
start_folder (const char *path)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);

  /* An article's name says it is a file: no stat() needed for the thousands of them. */
  if (!(g_str_has_suffix (abs, ".md") || g_str_has_suffix (abs, ".mdx") ||
        g_str_has_suffix (abs, ".markdown")) &&
      g_file_test (abs, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&abs);
  return g_path_get_dirname (abs);
}

LekhSite *
lekh_site_new (const char        *root,
               const LekhProfile *profile)
{
  LekhSite *self;

  g_return_val_if_fail (profile != NULL, NULL);

  self = g_new0 (LekhSite, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->root = root ? g_canonicalize_filename (root, NULL) : NULL;
  self->profile = profile;
  g_mutex_init (&self->mutex);
  self->authors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) lekh_site_data_free);
  return self;
}

LekhSite *
lekh_site_detect (const char *path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  dir = start_folder (path);
  for (;;)
    {
      g_autofree char *parent = NULL;
      FolderListing listing;
      int profile;

      folder_listing_init (&listing, dir);
      profile = profile_marked_by (&listing, dir);
      if (profile >= 0)
        return lekh_site_new (dir, lekh_profile_get (profile));
      if (is_repository_root (&listing, dir))
        return NULL;
      parent = g_path_get_dirname (dir);
      if (strcmp (parent, dir) == 0)
        return NULL;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
}

LekhSite *
lekh_site_ref (LekhSite *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lekh_site_unref (LekhSite *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->authors);
  g_hash_table_unref (self->tags);
  g_hash_table_unref (self->data);
  g_mutex_clear (&self->mutex);
  g_free (self->root);
  g_free (self);
}

const char *
lekh_site_get_root (LekhSite *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->root;
}

const LekhProfile *
lekh_site_get_profile (LekhSite *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->profile;
}

static gboolean
is_below_root (LekhSite   *self,
               const char *dir)
{
  gsize n = strlen (self->root);

  return strncmp (dir, self->root, n) == 0 && (dir[n] == '\0' || dir[n] == G_DIR_SEPARATOR);
}

/* Nearest data file named NAMES walking up from the article's folder to the root;
 * memoised per folder (CACHE) under the site's lock. */
static const LekhSiteData *
find_data (LekhSite           *self,
           GHashTable         *cache,
           const char * const *names,
           gboolean            tags,
           const char         *article_path)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) visited = g_ptr_array_new_with_free_func (g_free);
  const LekhSiteData *found = NULL;
  gpointer cached;

  if (self->root == NULL)
    return NULL;

  dir = start_folder (article_path);
  if (!is_below_root (self, dir))
    return NULL;

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      const char *name;
      g_autofree char *parent = NULL;

      if (g_hash_table_lookup_extended (cache, dir, NULL, &cached))
        {
          found = cached == NONE ? NULL : cached;
          break;
        }
      g_ptr_array_add (visited, g_strdup (dir));
      if ((name = find_data_file_in (dir, names)) != NULL)
        {
          g_autofree char *file = g_build_filename (dir, name, NULL);
          LekhSiteData *data = lekh_site_data_load (file, tags);

          g_hash_table_insert (self->data, g_steal_pointer (&file), data);
          found = data;
          break;
        }
      if (strcmp (dir, self->root) == 0)
        break;
      parent = g_path_get_dirname (dir);
      if (strcmp (parent, dir) == 0)
        break;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
  for (guint i = 0; i < visited->len; i++)
    g_hash_table_insert (cache, g_strdup (g_ptr_array_index (visited, i)),
                         found ? (gpointer) found : NONE);
  g_mutex_unlock (&self->mutex);

  return found;
}

const LekhSiteData *
lekh_site_get_authors (LekhSite   *self,
                       const char *article_path)
{
  static const char * const names[] = { "authors.yml", "authors.yaml", NULL };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article_path != NULL, NULL);
  return find_data (self, self->authors, names, FALSE, article_path);
}

const LekhSiteData *
lekh_site_get_tags (LekhSite   *self,
                    const char *article_path)
{
  static const char * const names[] = { "tags.yml", "tags.yaml", NULL };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article_path != NULL, NULL);
  return find_data (self, self->tags, names, TRUE, article_path);
}

/* DIR/REF when it names a regular file inside the site's folder (anywhere, for a site
 * without a root). A path that leaves the site sets *OUTSIDE and is not looked at. */
static char *
find_image (LekhSite   *self,
            const char *dir,
            const char *ref,
            gboolean   *outside,
            int        *unreadable)
{
  g_autofree char *joined = g_build_filename (dir, ref, NULL);
  g_autofree char *path = g_canonicalize_filename (joined, NULL);

  if (self != NULL && self->root != NULL)   /* canonical too: lekh_site_new() */
    {
      gsize n = strlen (self->root);

      if (!(strncmp (path, self->root, n) == 0 && (path[n] == '/' || path[n] == '\0' || n == 1)))
        {
          *outside = TRUE;
          return NULL;
        }
    }
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);
  if (*unreadable == 0)
    cannot_look (path, unreadable);
  return NULL;
}

char *
lekh_site_resolve_image (LekhSite        *self,
                         const char      *article_path,
                         const char      *reference,
                         LekhImageStatus *status)
{
  g_autofree char *clean = NULL;
  g_autofree char *unescaped = NULL;
  g_autofree char *dir = NULL;
  LekhImageStatus ignored;
  gboolean outside = FALSE;
  int unreadable = 0;
  const char *ref;
  char *found = NULL;
  gsize n;

  g_return_val_if_fail (article_path != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  if (status == NULL)
    status = &ignored;

  n = strcspn (reference, "?#");
  clean = g_strndup (reference, n);
  unescaped = g_uri_unescape_string (clean, NULL);
  ref = unescaped ? unescaped : clean;

  if (g_str_has_prefix (ref, "@site/") || ref[0] == '/')
    {
      if (self == NULL || self->root == NULL)
        {
          *status = LEKH_IMAGE_UNKNOWN;
          return NULL;
        }
      if (g_str_has_prefix (ref, "@site/"))
        found = find_image (self, self->root, ref + strlen ("@site/"), &outside, &unreadable);
      else
        {
          const char * const *statics = lekh_profile_get_static_dirs (self->profile);

          for (guint i = 0; found == NULL && statics[i] != NULL; i++)
            {
              g_autofree char *folder = g_build_filename (self->root, statics[i], NULL);

              found = find_image (self, folder, ref, &outside, &unreadable);
            }
        }
    }
  else
    {
      dir = start_folder (article_path);
      found = find_image (self, dir, ref, &outside, &unreadable);
      /* Docusaurus and Hugo also take a bare "img/x.png" from the static folder. */
      if (found == NULL && self != NULL && self->root != NULL)
        {
          const char * const *statics = lekh_profile_get_static_dirs (self->profile);

          for (guint i = 0; found == NULL && statics[i] != NULL; i++)
            {
              g_autofree char *folder = g_build_filename (self->root, statics[i], NULL);

              found = find_image (self, folder, ref, &outside, &unreadable);
            }
        }
    }

  if (found != NULL)
    *status = LEKH_IMAGE_FOUND;
  else if (outside)
    *status = LEKH_IMAGE_OUTSIDE_SITE;
  else
    *status = unreadable != 0 ? LEKH_IMAGE_UNREADABLE : LEKH_IMAGE_MISSING;
  return found;
}

LekhSiteCache *
lekh_site_cache_new (void)
{
  LekhSiteCache *self = g_new0 (LekhSiteCache, 1);

  g_mutex_init (&self->mutex);
  self->by_folder = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->listings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
lekh_site_cache_add_listing (LekhSiteCache      *self,
                             const char         *folder,
                             const char * const *names)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (folder != NULL && g_path_is_absolute (folder));
  g_return_if_fail (names != NULL);

  g_mutex_lock (&self->mutex);
  /* a folder whose site is known already is not looked at again */
  if (!g_hash_table_contains (self->by_folder, folder))
    g_hash_table_replace (self->listings, g_strdup (folder), folder_listing_new_from (names));
  g_mutex_unlock (&self->mutex);
}

static void
unref_site (gpointer key,
            gpointer value,
            gpointer user_data)
{
  GHashTable *seen = user_data;

  if (value != NONE && g_hash_table_add (seen, value))
    lekh_site_unref (value);
}

void
lekh_site_cache_free (LekhSiteCache *self)
{
  g_autoptr(GHashTable) seen = NULL;

  if (self == NULL)
    return;
  seen = g_hash_table_new (NULL, NULL);
  g_hash_table_foreach (self->by_folder, unref_site, seen);
  g_hash_table_unref (self->by_folder);
  g_hash_table_unref (self->listings);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

void
lekh_site_cache_clear (LekhSiteCache *self)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) old = NULL;

  g_return_if_fail (self != NULL);

  seen = g_hash_table_new (NULL, NULL);
  g_mutex_lock (&self->mutex);
  old = g_steal_pointer (&self->by_folder);
  self->by_folder = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* what was read before a site file changed may be out of date */
  g_hash_table_remove_all (self->listings);
  g_mutex_unlock (&self->mutex);
  g_hash_table_foreach (old, unref_site, seen);
}

LekhSite *
lekh_site_cache_lookup (LekhSiteCache *self,
                        const char    *path)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) visited = g_ptr_array_new_with_free_func (g_free);
  LekhSite *site = NULL;
  gpointer cached;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  dir = start_folder (path);

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      g_autofree char *parent = NULL;
      FolderListing listing;
      gpointer key, given;
      int profile;

      if (g_hash_table_lookup_extended (self->by_folder, dir, NULL, &cached))
        {
          site = cached == NONE ? NULL : cached;
          break;
        }
      g_ptr_array_add (visited, g_strdup (dir));
      /* a walk's listing is used once: the folder's answer is cached below */
      if (g_hash_table_steal_extended (self->listings, dir, &key, &given))
        {
          listing = *(FolderListing *) given;
          g_free (key);
          g_free (given);
        }
      else
        folder_listing_init (&listing, dir);
      if ((profile = profile_marked_by (&listing, dir)) >= 0)
        {
          site = lekh_site_new (dir, lekh_profile_get (profile));
          break;
        }
      if (is_repository_root (&listing, dir))
        break;
      parent = g_path_get_dirname (dir);
      if (strcmp (parent, dir) == 0)
        break;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
  /* The cache holds one reference per site, released once in cache_free. */
  for (guint i = 0; i < visited->len; i++)
    g_hash_table_insert (self->by_folder, g_strdup (g_ptr_array_index (visited, i)),
                         site ? (gpointer) site : NONE);
  if (site != NULL)
    lekh_site_ref (site);
  g_mutex_unlock (&self->mutex);

  return site;
}
