/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lekh-draft-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lekh-draft-store.h"

/* Design after GNOME Text Editor: each open document has a draft id; its unsaved text
 * goes to drafts/ID. Lekh runs one process per launch (the application is not unique),
 * so each process keeps its own session file, sessions/ID.session, beside a lock file
 * it holds with flock() for as long as it lives. The kernel drops the lock when the
 * process dies, however it dies: a session whose lock can be taken is an orphan. */

typedef struct
{
  LekhDraftStore *store;       /* unowned; cleared when the store goes */
  LekhDocument   *document;
  char           *draft_id;
  guint           window;
  guint           timeout;
  guint           delete_idle;
  guint           writing : 1;
  guint           dirty : 1;
  guint           removed : 1;
} Entry;

typedef struct
{
  int   fd;
  char *session_path;
  char *lock_path;
} Orphan;

struct _LekhDraftStore
{
  GObject     parent_instance;

  char       *dir;
  char       *drafts_dir;
  char       *sessions_dir;
  char       *session_id;
  char       *session_path;
  char       *lock_path;
  int         lock_fd;
  guint       session_idle;
  GSettings  *settings;
  guint       delay;

  GHashTable *entries;         /* LekhDocument* → Entry* */
  GArray     *orphans;         /* Orphan */
  GPtrArray  *orphan_drafts;   /* draft ids claimed by claim_orphans() */
};

G_DEFINE_FINAL_TYPE (LekhDraftStore, lekh_draft_store, G_TYPE_OBJECT)

static void write_draft (Entry *entry);

void
lekh_draft_info_free (LekhDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->draft_id);
  g_free (info->uri);
  g_free (info->title);
  g_free (info);
}

static Entry *
entry_ref (Entry *entry)
{
  return g_rc_box_acquire (entry);
}

static void
entry_clear (Entry *entry)
{
  g_clear_object (&entry->document);
  g_clear_pointer (&entry->draft_id, g_free);
}

static void
entry_unref (Entry *entry)
{
  g_rc_box_release_full (entry, (GDestroyNotify) entry_clear);
}

char *
lekh_draft_store_dup_draft_path (LekhDraftStore *self,
                                 const char     *draft_id)
{
  g_return_val_if_fail (LEKH_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  return g_build_filename (self->drafts_dir, draft_id, NULL);
}

static void
delete_draft (LekhDraftStore *self,
              const char     *draft_id)
{
  g_autofree char *path = lekh_draft_store_dup_draft_path (self, draft_id);

  g_debug ("Deleting draft %s", draft_id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Cannot delete the draft %s: %s", path, g_strerror (errno));
}

static gboolean
is_modified (Entry *entry)
{
  return gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (entry->document));
}

/* Session file */

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry **) a;
  const Entry *eb = *(const Entry **) b;

  return (ea->window > eb->window) - (ea->window < eb->window);
}

static void
write_session (LekhDraftStore *self)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GHashTableIter iter;
  gpointer value;
  gsize len = 0;

  if (self->lock_fd < 0)
    return;

  keyfile = g_key_file_new ();
  g_key_file_set_int64 (keyfile, "Session", "pid", getpid ());

  entries = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (entries, value);
  g_ptr_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      GFile *file = lekh_document_get_file (entry->document);
      g_autofree char *title = lekh_document_dup_title (entry->document);
      g_autofree char *group = g_strconcat ("Document ", entry->draft_id, NULL);

      g_key_file_set_string (keyfile, group, "draft-id", entry->draft_id);
      g_key_file_set_uint64 (keyfile, group, "window", entry->window);
      g_key_file_set_string (keyfile, group, "title", title);
      if (file != NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);

          g_key_file_set_string (keyfile, group, "uri", uri);
        }
    }

  data = g_key_file_to_data (keyfile, &len, NULL);
  if (!g_file_set_contents_full (self->session_path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Cannot write the session file: %s", error->message);
}

static gboolean
session_idle_cb (gpointer data)
{
  LekhDraftStore *self = data;

  self->session_idle = 0;
  write_session (self);
  return G_SOURCE_REMOVE;
}

/* Coalesced and off the path of opening a window: several changes, one write. */
static void
schedule_session (LekhDraftStore *self)
{
  if (self->session_idle == 0)
    self->session_idle = g_idle_add_full (G_PRIORITY_LOW, session_idle_cb, self, NULL);
}

static gboolean
start_session (LekhDraftStore *self)
{
  if (self->lock_fd >= 0)
    return TRUE;

  if (g_mkdir_with_parents (self->sessions_dir, 0700) != 0 ||
      g_mkdir_with_parents (self->drafts_dir, 0700) != 0)
    {
      g_warning ("Cannot create %s: %s", self->dir, g_strerror (errno));
      return FALSE;
    }

  self->lock_fd = open (self->lock_path, O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_warning ("Cannot lock %s: %s", self->lock_path, g_strerror (errno));
      if (self->lock_fd >= 0)
        close (self->lock_fd);
      self->lock_fd = -1;
      return FALSE;
    }
  return TRUE;
}

void
lekh_draft_store_end_session (LekhDraftStore *self)
{
  g_return_if_fail (LEKH_IS_DRAFT_STORE (self));

  /* Documents still open with changes (the app was told to quit without asking) keep
   * their session, to be offered at the next start. */
  if (self->lock_fd < 0 || g_hash_table_size (self->entries) > 0)
    {
      if (self->session_idle != 0)
        {
          g_clear_handle_id (&self->session_idle, g_source_remove);
          write_session (self);
        }
      return;
    }

  g_clear_handle_id (&self->session_idle, g_source_remove);
  g_unlink (self->session_path);
  g_unlink (self->lock_path);
  close (self->lock_fd);
  self->lock_fd = -1;
}

/* Writing drafts */

typedef struct
{
  char   *path;
  GBytes *bytes;
} DraftWrite;

static void
draft_write_free (DraftWrite *write)
{
  g_free (write->path);
  g_bytes_unref (write->bytes);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DraftWrite *write = task_data;
  const char *path = write->path;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (write->bytes, &len);

  /* A temporary file renamed over the draft: a crash mid-write leaves the old draft. */
  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Entry *entry = user_data;
  g_autoptr(GError) error = NULL;

  entry->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Cannot write the draft %s: %s", entry->draft_id, error->message);

  if (entry->store != NULL)
    {
      /* Saved, discarded or closed while the draft was being written: it must go. */
      if (entry->removed || !is_modified (entry))
        delete_draft (entry->store, entry->draft_id);
      else if (entry->dirty && entry->timeout == 0)
        write_draft (entry);
    }
  entry_unref (entry);
}

static void
write_draft (Entry *entry)
{
  LekhDraftStore *self = entry->store;
  g_autoptr(GTask) task = NULL;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (entry->document);
  GtkTextIter begin, end;
  DraftWrite *write;
  char *text;

  g_assert (self != NULL);

  if (entry->writing)
    {
      entry->dirty = TRUE;
      return;
    }
  if (!is_modified (entry) || !start_session (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  text = gtk_text_buffer_get_text (buffer, &begin, &end, TRUE);

  entry->dirty = FALSE;
  entry->writing = TRUE;
  task = g_task_new (NULL, NULL, write_cb, entry_ref (entry));
  g_task_set_source_tag (task, write_draft);
  write = g_new0 (DraftWrite, 1);
  write->bytes = g_bytes_new_take (text, strlen (text));
  write->path = lekh_draft_store_dup_draft_path (self, entry->draft_id);
  g_task_set_task_data (task, write, (GDestroyNotify) draft_write_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
timeout_cb (gpointer data)
{
  Entry *entry = data;

  entry->timeout = 0;
  if (entry->store != NULL && !entry->removed)
    write_draft (entry);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (Entry         *entry,
            GtkTextBuffer *buffer)
{
  if (entry->removed || entry->store == NULL)
    return;

  /* Debounced: a few seconds after the last change. */
  entry->dirty = TRUE;
  g_clear_handle_id (&entry->timeout, g_source_remove);
  entry->timeout = g_timeout_add_seconds_full (G_PRIORITY_LOW, entry->store->delay, timeout_cb,
                                               entry_ref (entry), (GDestroyNotify) entry_unref);
}

static gboolean
delete_idle_cb (gpointer data)
{
  Entry *entry = data;

  entry->delete_idle = 0;
  if (entry->store != NULL && !entry->removed && !entry->writing && !is_modified (entry))
    delete_draft (entry->store, entry->draft_id);
  return G_SOURCE_REMOVE;
}

static void
modified_changed_cb (Entry         *entry,
                     GtkTextBuffer *buffer)
{
  if (entry->removed || entry->store == NULL)
    return;

  if (!gtk_text_buffer_get_modified (buffer))
    {
      /* Saved (or reloaded): the file holds the text, the draft has nothing left to keep.
       * Checked once the main loop is back: replacing the whole text passes through an
       * unmodified state for a moment (the undo history's), which must not cost a draft. */
      g_clear_handle_id (&entry->timeout, g_source_remove);
      entry->dirty = FALSE;
      if (entry->delete_idle == 0)
        entry->delete_idle = g_idle_add_full (G_PRIORITY_DEFAULT, delete_idle_cb,
                                              entry_ref (entry), (GDestroyNotify) entry_unref);
    }
  else
    {
      g_clear_handle_id (&entry->delete_idle, g_source_remove);
      changed_cb (entry, buffer);
    }
}

static void
file_changed_cb (Entry *entry)
{
  if (entry->store != NULL && !entry->removed)
    schedule_session (entry->store);
}

void
lekh_draft_store_add (LekhDraftStore *self,
                      LekhDocument   *document,
                      guint           window)
{
  Entry *entry;

  g_return_if_fail (LEKH_IS_DRAFT_STORE (self));
  g_return_if_fail (LEKH_IS_DOCUMENT (document));

  if (g_hash_table_contains (self->entries, document))
    return;

  entry = g_rc_box_new0 (Entry);
  entry->store = self;
  entry->document = g_object_ref (document);
  entry->draft_id = g_uuid_string_random ();
  entry->window = window;
  g_hash_table_insert (self->entries, document, entry);

  g_signal_connect_swapped (document, "changed", G_CALLBACK (changed_cb), entry);
  g_signal_connect_swapped (document, "modified-changed", G_CALLBACK (modified_changed_cb), entry);
  g_signal_connect_swapped (document, "notify::file", G_CALLBACK (file_changed_cb), entry);

  if (start_session (self))
    schedule_session (self);
}

static void
detach (LekhDraftStore *self,
        Entry          *entry)
{
  g_signal_handlers_disconnect_by_data (entry->document, entry);
  g_clear_handle_id (&entry->timeout, g_source_remove);
  g_clear_handle_id (&entry->delete_idle, g_source_remove);
  entry->removed = TRUE;
  if (!entry->writing)
    delete_draft (self, entry->draft_id);
}

void
lekh_draft_store_remove (LekhDraftStore *self,
                         LekhDocument   *document)
{
  Entry *entry;

  g_return_if_fail (LEKH_IS_DRAFT_STORE (self));
  g_return_if_fail (LEKH_IS_DOCUMENT (document));

  entry = g_hash_table_lookup (self->entries, document);
  if (entry == NULL)
    return;

  detach (self, entry);
  g_hash_table_remove (self->entries, document);
  schedule_session (self);
}

void
lekh_draft_store_adopt (LekhDraftStore *self,
                        LekhDocument   *document,
                        const char     *draft_id)
{
  Entry *entry;

  g_return_if_fail (LEKH_IS_DRAFT_STORE (self));
  g_return_if_fail (LEKH_IS_DOCUMENT (document));
  g_return_if_fail (draft_id != NULL);

  entry = g_hash_table_lookup (self->entries, document);
  g_return_if_fail (entry != NULL);

  if (g_strcmp0 (entry->draft_id, draft_id) == 0)
    return;
  if (!entry->writing)
    delete_draft (self, entry->draft_id);
  g_free (entry->draft_id);
  entry->draft_id = g_strdup (draft_id);
  schedule_session (self);
}

const char *
lekh_draft_store_get_draft_id (LekhDraftStore *self,
                               LekhDocument   *document)
{
  Entry *entry;

  g_return_val_if_fail (LEKH_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (LEKH_IS_DOCUMENT (document), NULL);

  entry = g_hash_table_lookup (self->entries, document);
  return entry != NULL ? entry->draft_id : NULL;
}

const char *
lekh_draft_store_get_dir (LekhDraftStore *self)
{
  g_return_val_if_fail (LEKH_IS_DRAFT_STORE (self), NULL);
  return self->dir;
}

/* Recovery */

static gboolean
is_own_draft (LekhDraftStore *self,
              const char     *draft_id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_equal (((Entry *) value)->draft_id, draft_id))
      return TRUE;
  return FALSE;
}

static gboolean
is_claimed (LekhDraftStore *self,
            const char     *draft_id)
{
  for (guint i = 0; i < self->orphan_drafts->len; i++)
    if (g_str_equal (g_ptr_array_index (self->orphan_drafts, i), draft_id))
      return TRUE;
  return FALSE;
}

static gboolean
draft_exists (LekhDraftStore *self,
              const char     *draft_id)
{
  g_autofree char *path = lekh_draft_store_dup_draft_path (self, draft_id);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
read_session (LekhDraftStore *self,
              const char     *path,
              guint           base,
              GHashTable     *seen,
              GPtrArray      *infos)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_auto(GStrv) groups = NULL;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    return;

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *id = g_key_file_get_string (keyfile, groups[i], "draft-id", NULL);
      LekhDraftInfo *info;

      if (id == NULL || strchr (id, '/') != NULL || id[0] == '.')
        continue;
      g_hash_table_add (seen, g_strdup (id));
      if (infos == NULL || is_own_draft (self, id) || is_claimed (self, id))
        continue;

      info = g_new0 (LekhDraftInfo, 1);
      info->draft_id = g_steal_pointer (&id);
      info->uri = g_key_file_get_string (keyfile, groups[i], "uri", NULL);
      info->title = g_key_file_get_string (keyfile, groups[i], "title", NULL);
      info->window = base + (guint) g_key_file_get_uint64 (keyfile, groups[i], "window", NULL);
      info->has_draft = draft_exists (self, info->draft_id);

      /* A new document without changes left nothing to restore. */
      if (info->uri == NULL && !info->has_draft)
        {
          lekh_draft_info_free (info);
          continue;
        }
      g_ptr_array_add (self->orphan_drafts, g_strdup (info->draft_id));
      g_ptr_array_add (infos, info);
    }
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  const LekhDraftInfo *ia = *(const LekhDraftInfo **) a;
  const LekhDraftInfo *ib = *(const LekhDraftInfo **) b;

  return (ia->window > ib->window) - (ia->window < ib->window);
}

/* Several crashed sessions that had the same file open, none with changes to it, offer it
 * once (in the first window's place); a file with unsaved changes somewhere is offered only
 * with those changes. Every draft stays offered: each holds text of its own. The dropped
 * entries stay claimed, and had no draft to lose. */
static void
drop_repeated_files (GPtrArray *infos)
{
  g_autoptr(GHashTable) offered = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < infos->len; i++)
    {
      const LekhDraftInfo *info = g_ptr_array_index (infos, i);

      if (info->uri != NULL && info->has_draft)
        g_hash_table_add (offered, info->uri);
    }

  for (guint i = 0; i < infos->len;)
    {
      const LekhDraftInfo *info = g_ptr_array_index (infos, i);

      /* g_hash_table_add() is FALSE when the file is offered already. */
      if (info->uri != NULL && !info->has_draft && !g_hash_table_add (offered, info->uri))
        g_ptr_array_remove_index (infos, i);
      else
        i++;
    }
}

GPtrArray *
lekh_draft_store_claim_orphans (LekhDraftStore *self)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) lekh_draft_info_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) sessions = NULL;
  g_autoptr(GDir) drafts = NULL;
  const char *name;
  guint base = 0;

  g_return_val_if_fail (LEKH_IS_DRAFT_STORE (self), NULL);

  sessions = g_dir_open (self->sessions_dir, 0, NULL);
  while (sessions != NULL && (name = g_dir_read_name (sessions)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *stem = NULL;
      g_autofree char *lock_path = NULL;
      Orphan orphan;
      guint n_before;
      int fd;

      if (!g_str_has_suffix (name, ".session") || name[0] == '.')
        continue;
      path = g_build_filename (self->sessions_dir, name, NULL);
      if (g_str_equal (path, self->session_path))
        continue;

      stem = g_strndup (name, strlen (name) - strlen (".session"));
      lock_path = g_strconcat (self->sessions_dir, G_DIR_SEPARATOR_S, stem, ".lock", NULL);
      fd = open (lock_path, O_CREAT | O_RDWR | O_CLOEXEC, 0600);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          /* A running instance (or one claiming the same orphan right now): its
           * documents are not ours to offer, but its drafts are not ownerless either. */
          close (fd);
          read_session (self, path, 0, seen, NULL);
          continue;
        }

      n_before = infos->len;
      read_session (self, path, base, seen, infos);
      base += 1000;
      if (infos->len == n_before)
        {
          /* Nothing left to offer (only untouched new documents): tidy it away now. */
          g_unlink (path);
          g_unlink (lock_path);
          close (fd);
          continue;
        }
      orphan.fd = fd;
      orphan.session_path = g_steal_pointer (&path);
      orphan.lock_path = g_steal_pointer (&lock_path);
      g_array_append_val (self->orphans, orphan);
    }

  /* Drafts that no session knows (their session file was lost): offered too. */
  drafts = g_dir_open (self->drafts_dir, 0, NULL);
  while (drafts != NULL && (name = g_dir_read_name (drafts)) != NULL)
    {
      LekhDraftInfo *info;

      if (name[0] == '.' || g_hash_table_contains (seen, name) || is_own_draft (self, name) ||
          is_claimed (self, name) || !draft_exists (self, name))
        continue;
      info = g_new0 (LekhDraftInfo, 1);
      info->draft_id = g_strdup (name);
      info->window = base++;
      info->has_draft = TRUE;
      g_ptr_array_add (self->orphan_drafts, g_strdup (name));
      g_ptr_array_add (infos, info);
    }

  g_ptr_array_sort (infos, compare_infos);
  drop_repeated_files (infos);
  return g_steal_pointer (&infos);
}

char *
lekh_draft_store_read_draft (LekhDraftStore  *self,
                             const char      *draft_id,
                             GError         **error)
{
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (LEKH_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  path = lekh_draft_store_dup_draft_path (self, draft_id);
  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  if (!g_utf8_validate (contents, len, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The draft “%s” is damaged (not valid UTF-8)"), path);
      g_free (contents);
      return NULL;
    }
  return contents;
}

void
lekh_draft_store_release_orphans (LekhDraftStore *self,
                                  gboolean        discard_rest)
{
  g_return_if_fail (LEKH_IS_DRAFT_STORE (self));

  if (discard_rest)
    {
      for (guint i = 0; i < self->orphan_drafts->len; i++)
        {
          const char *id = g_ptr_array_index (self->orphan_drafts, i);

          if (!is_own_draft (self, id))
            delete_draft (self, id);
        }
    }

  for (guint i = 0; i < self->orphans->len; i++)
    {
      Orphan *orphan = &g_array_index (self->orphans, Orphan, i);

      if (discard_rest)
        {
          g_unlink (orphan->session_path);
          g_unlink (orphan->lock_path);
        }
      close (orphan->fd);
      g_free (orphan->session_path);
      g_free (orphan->lock_path);
    }
  g_array_set_size (self->orphans, 0);
  g_ptr_array_set_size (self->orphan_drafts, 0);
}

/* GObject */

enum { PROP_0, PROP_DELAY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
lekh_draft_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LekhDraftStore *self = LEKH_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_draft_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LekhDraftStore *self = LEKH_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_DELAY:
      self->delay = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lekh_draft_store_dispose (GObject *object)
{
  LekhDraftStore *self = LEKH_DRAFT_STORE (object);
  GHashTableIter iter;
  gpointer value;

  /* Documents still tracked keep their drafts: the store goes, their text must not. */
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      g_signal_handlers_disconnect_by_data (entry->document, entry);
      g_clear_handle_id (&entry->timeout, g_source_remove);
      g_clear_handle_id (&entry->delete_idle, g_source_remove);
      entry->store = NULL;
    }
  g_hash_table_remove_all (self->entries);
  g_clear_handle_id (&self->session_idle, g_source_remove);
  if (self->orphans != NULL)
    lekh_draft_store_release_orphans (self, FALSE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lekh_draft_store_parent_class)->dispose (object);
}

static void
lekh_draft_store_finalize (GObject *object)
{
  LekhDraftStore *self = LEKH_DRAFT_STORE (object);

  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->orphans, g_array_unref);
  g_clear_pointer (&self->orphan_drafts, g_ptr_array_unref);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->drafts_dir, g_free);
  g_clear_pointer (&self->sessions_dir, g_free);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->session_path, g_free);
  g_clear_pointer (&self->lock_path, g_free);

  G_OBJECT_CLASS (lekh_draft_store_parent_class)->finalize (object);
}

static void
lekh_draft_store_class_init (LekhDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lekh_draft_store_dispose;
  object_class->finalize = lekh_draft_store_finalize;
  object_class->get_property = lekh_draft_store_get_property;
  object_class->set_property = lekh_draft_store_set_property;

  /* Seconds after the last edit before a draft is written (the draft-delay setting). */
  properties[PROP_DELAY] = g_param_spec_uint ("delay", NULL, NULL, 1, G_MAXUINT, 3,
                                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lekh_draft_store_init (LekhDraftStore *self)
{
  self->lock_fd = -1;
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) entry_unref);
  self->orphans = g_array_new (FALSE, FALSE, sizeof (Orphan));
  self->orphan_drafts = g_ptr_array_new_with_free_func (g_free);
}

LekhDraftStore *
lekh_draft_store_new (const char *dir)
{
  LekhDraftStore *self = g_object_new (LEKH_TYPE_DRAFT_STORE, NULL);

  if (dir != NULL)
    self->dir = g_strdup (dir);
  else
    self->dir = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  self->drafts_dir = g_build_filename (self->dir, "drafts", NULL);
  self->sessions_dir = g_build_filename (self->dir, "sessions", NULL);
  self->session_id = g_uuid_string_random ();
  self->session_path = g_strconcat (self->sessions_dir, G_DIR_SEPARATOR_S, self->session_id,
                                    ".session", NULL);
  self->lock_path = g_strconcat (self->sessions_dir, G_DIR_SEPARATOR_S, self->session_id,
                                 ".lock", NULL);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "draft-delay", self, "delay", G_SETTINGS_BIND_GET);
  return self;
}
