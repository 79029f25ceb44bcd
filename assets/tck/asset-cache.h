/*
 * asset-cache.h — the asset cache itself: on-disk layout, manifest, lock,
 * list/verify/purge, and the stat-keyed hash memo for host inputs.  Used by
 * libvirt-tck-prepare; tests only need assets.h.
 *
 * Layout of a cache directory (all directories 0755, files 0644 so that
 * the QEMU user can read them):
 *   lock                    flock(2)ed by every writer (holds the pid)
 *   manifest                GKeyFile, replaced atomically (see below)
 *   blobs/<sha256>          content-addressed files
 *   trees/<sha256>/         a rootfs directory extracted from blob <sha256>
 *   templates/<name>.tar.gz OpenVZ template: a hard link to its blob
 *   partial/<key>.part      downloads in progress (+ <key>.meta)
 *   tmp/                    files being built; removed on failure
 *
 * Manifest: one group per asset, "asset <kind> <arch> <os_type>", with
 * keys kind, arch, os_type, file (relative), sha256, size, mtime
 * ("sec.nsec:inode" of the file when it was verified), source, inputs (hash of
 * the build inputs and recipe), built_at (ISO 8601 UTC), verified
 * (false for --insecure-no-checksum downloads), bad (set by --verify),
 * and for downloads url, etag, last_modified.  Groups "memo <key>" hold
 * values derived from host files (their SHA-256, the module load order)
 * with the size/mtime/inode stamp they were derived at.  Arch or os_type
 * "*" matches any.
 */
#pragma once

#include <stdio.h>
#include <glib.h>
#include <tck/assets.h>

G_BEGIN_DECLS

#define TCK_ASSET_MANIFEST_VERSION 1

typedef struct {
    TckAssetKind kind;
    char *arch;
    char *os_type;
    char *file;           /* relative to the cache dir */
    char *sha256;
    guint64 size;
    char *mtime;          /* "sec.nsec:inode" when verified */
    char *source;         /* "host:/boot/...", "url:...", "built" */
    char *inputs;         /* hash of inputs + recipe, for built assets */
    char *built_at;       /* ISO 8601 UTC */
    gboolean verified;    /* FALSE: downloaded without a checksum */
    gboolean bad;         /* --verify found it changed */
    char *url;
    char *etag;
    char *last_modified;
} TckAssetEntry;

void tck_asset_entry_free(TckAssetEntry *e);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckAssetEntry, tck_asset_entry_free)

typedef struct _TckAssetCache TckAssetCache;

/**
 * tck_asset_cache_open:
 * @dir: the cache directory
 * @create: create the layout if missing (needs write access)
 * @error: return location
 *
 * Opens a cache and reads its manifest.  Without @create, a missing
 * directory yields an empty cache.
 */
TckAssetCache *tck_asset_cache_open(const char *dir, gboolean create, GError **error);
void tck_asset_cache_free(TckAssetCache *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckAssetCache, tck_asset_cache_free)

const char *tck_asset_cache_dir(TckAssetCache *c);

/*
 * Takes the exclusive writer lock, waiting up to @timeout_s seconds
 * (TCK_ERROR_LOCK after that), then re-reads the manifest so that the
 * writer sees what an earlier holder stored.  @waiting is called once, with
 * @data, if the lock is busy (may be NULL).
 */
gboolean tck_asset_cache_lock(TckAssetCache *c, guint timeout_s,
                              void (*waiting)(const char *dir, const char *holder, gpointer data),
                              gpointer data, GError **error);
void tck_asset_cache_unlock(TckAssetCache *c);

/* Writes the manifest atomically (tmp file, fsync, rename). */
gboolean tck_asset_cache_save(TckAssetCache *c, GError **error);

/* The entry for (kind, arch, os_type) or NULL; "*" in an entry matches any. */
TckAssetEntry *tck_asset_cache_find(TckAssetCache *c, TckAssetKind kind,
                                    const char *arch, const char *os_type);

/* All entries, in manifest order (owned by the cache). */
GPtrArray *tck_asset_cache_entries(TckAssetCache *c);

/* Absolute path of @e's file. */
char *tck_asset_cache_path(TckAssetCache *c, const TckAssetEntry *e);

/* The layout, as paths relative to the cache dir: blobs/<sha256>,
 * trees/<sha256> (extracted from blob <sha256>), templates/<name>.tar.gz. */
char *tck_asset_cache_blob_rel(const char *sha256);
char *tck_asset_cache_tree_rel(const char *sha256);
char *tck_asset_cache_template_rel(const char *name);
/* Absolute path of @rel inside the cache. */
char *tck_asset_cache_abs(TckAssetCache *c, const char *rel);

/*
 * A fresh temporary path under tmp/ for building; @hint names it.  The
 * cache removes its temporaries when freed unless they were stored.
 */
char *tck_asset_cache_tmp_path(TckAssetCache *c, const char *hint);

/*
 * Moves the finished file @tmp_path into blobs/<sha256> (a file with the
 * same hash is reused), sets mode 0644, fills in @e's file, sha256, size,
 * mtime and built_at, and replaces any entry with the same key by @e
 * (which the cache takes).  The manifest is not saved.
 */
gboolean tck_asset_cache_store(TckAssetCache *c, const char *tmp_path, const char *sha256,
                               TckAssetEntry *e, GError **error);

/* Moves @tmp_path into blobs/<sha256> (reusing an identical blob);
 * @rel gets "blobs/<sha256>".  No entry is made. */
gboolean tck_asset_cache_put_blob(TckAssetCache *c, const char *tmp_path, const char *sha256,
                                  char **rel, GError **error);

/* TRUE when entries or the input memo changed since the last save. */
gboolean tck_asset_cache_is_dirty(TckAssetCache *c);

/*
 * Records @e whose file (relative path in e->file) is already in place,
 * stat'ing it for size and mtime; replaces any entry with the same key.
 */
gboolean tck_asset_cache_add(TckAssetCache *c, TckAssetEntry *e, GError **error);

/* Takes @e's file's current size and mtime as the verified ones. */
gboolean tck_asset_cache_restamp(TckAssetCache *c, TckAssetEntry *e, GError **error);

/* TRUE if @e's file still has the size and mtime it was verified with. */
gboolean tck_asset_cache_entry_ok(TckAssetCache *c, const TckAssetEntry *e);

/*
 * SHA-256 of a host input file, memoised in the manifest by size, mtime
 * and inode, so a warm prepare never re-hashes the host's kernel.
 */
char *tck_asset_cache_input_sha256(TckAssetCache *c, const char *path, GError **error);

/*
 * A memo in the manifest: @value is remembered under @key together with
 * @stamp (e.g. tck_asset_stat_stamp() of the files it was derived from);
 * get returns it only while the stamp is the same.
 */
char *tck_asset_cache_memo_get(TckAssetCache *c, const char *key, const char *stamp);
void tck_asset_cache_memo_set(TckAssetCache *c, const char *key, const char *stamp,
                              const char *value);
/* "size:mtime:inode" of @path, or "-" when it cannot be stat'ed. */
char *tck_asset_stat_stamp(const char *path);

/* Removes blobs, trees, templates and tmp files no entry refers to. */
void tck_asset_cache_gc(TckAssetCache *c);

/*
 * Re-hashes every entry (trees are compared with their tarball); each bad
 * entry is marked bad, reported through @report and counted.  With
 * @record the manifest is saved (bad marks, fresh stamps of good files;
 * the caller holds the lock); without, nothing is written (a read-only
 * cache).  Returns the number of bad entries, or -1 with @error set.
 */
int tck_asset_cache_verify(TckAssetCache *c, gboolean record, void (*report)(const TckAssetEntry *e, const char *path,
                                                             const char *why),
                           GError **error);

/* Deletes entries built before now - @older_than_s (all when 0). */
guint tck_asset_cache_purge(TckAssetCache *c, gint64 older_than_s, GError **error);

/* Prints the entries as a table on @out. */
void tck_asset_cache_list(TckAssetCache *c, FILE *out);

/* Streaming SHA-256 (OpenSSL EVP); finish returns lowercase hex. */
typedef struct _TckSha256 TckSha256;
TckSha256 *tck_sha256_new(void);
void tck_sha256_update(TckSha256 *s, const void *data, gsize len);
char *tck_sha256_finish(TckSha256 *s);
void tck_sha256_free(TckSha256 *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckSha256, tck_sha256_free)
/* Feeds up to @limit bytes (-1: to EOF) of @fd into @s; @path names it in errors. */
gboolean tck_sha256_fd(TckSha256 *s, int fd, goffset limit, const char *path, GError **error);

/* Streaming SHA-256 of a file, or NULL + error naming it. */
char *tck_sha256_file(const char *path, GError **error);

/* Set a GError from errno for an operation on @path. */
void tck_asset_set_errno(GError **error, int err, const char *what, const char *path);

G_END_DECLS
