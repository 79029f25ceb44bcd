/* cache.c — the asset cache's layout, manifest, writer lock, content-addressed
 * store and garbage collection (see tck/asset-cache.h for the layout). */
#include <config.h>
#include "fs-util.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include <tck/asset-cache.h>
#include <tck/error.h>

struct _TckAssetCache {
    char *dir;
    int lock_fd;
    GKeyFile *manifest;         /* the "memo ..." groups live here too */
    GPtrArray *entries;         /* TckAssetEntry */
    GPtrArray *tmp_paths;       /* temporaries to remove on free */
    gboolean dirty;
};


static const char *const cache_subdirs[] = { "blobs", "trees", "templates", "partial", "tmp" };

void
tck_asset_set_errno(GError **error, int err, const char *what, const char *path)
{
    tck_error_set_errno(error, err, "cannot %s %s", what, path);
}

void
tck_asset_entry_free(TckAssetEntry *e)
{
    if (!e)
        return;
    g_free(e->arch);
    g_free(e->os_type);
    g_free(e->file);
    g_free(e->sha256);
    g_free(e->mtime);
    g_free(e->source);
    g_free(e->inputs);
    g_free(e->built_at);
    g_free(e->url);
    g_free(e->etag);
    g_free(e->last_modified);
    g_free(e);
}

static char *
entry_group(TckAssetKind kind, const char *arch, const char *os_type)
{
    return g_strdup_printf("asset %s %s %s", tck_asset_kind_to_string(kind), arch, os_type);
}

/* mtime and inode: a rewrite within one timestamp tick still shows */
static char *
stat_mtime_string(const struct stat *st)
{
    return g_strdup_printf("%lld.%09ld:%llu", (long long)st->st_mtim.tv_sec,
                           (long)st->st_mtim.tv_nsec, (unsigned long long)st->st_ino);
}

static TckAssetEntry *
entry_from_group(GKeyFile *kf, const char *group)
{
    g_autoptr(TckAssetEntry) e = g_new0(TckAssetEntry, 1);
    g_autofree char *kind = g_key_file_get_string(kf, group, "kind", NULL);

    e->kind = kind ? tck_asset_kind_from_string(kind) : TCK_ASSET_LAST;
    e->arch = g_key_file_get_string(kf, group, "arch", NULL);
    e->os_type = g_key_file_get_string(kf, group, "os_type", NULL);
    e->file = g_key_file_get_string(kf, group, "file", NULL);
    e->sha256 = g_key_file_get_string(kf, group, "sha256", NULL);
    e->size = g_key_file_get_uint64(kf, group, "size", NULL);
    e->mtime = g_key_file_get_string(kf, group, "mtime", NULL);
    e->source = g_key_file_get_string(kf, group, "source", NULL);
    e->inputs = g_key_file_get_string(kf, group, "inputs", NULL);
    e->built_at = g_key_file_get_string(kf, group, "built_at", NULL);
    e->verified = g_key_file_get_boolean(kf, group, "verified", NULL);
    e->bad = g_key_file_get_boolean(kf, group, "bad", NULL);
    e->url = g_key_file_get_string(kf, group, "url", NULL);
    e->etag = g_key_file_get_string(kf, group, "etag", NULL);
    e->last_modified = g_key_file_get_string(kf, group, "last_modified", NULL);
    if (e->kind == TCK_ASSET_LAST || !e->arch || !e->os_type || !e->file || !e->sha256 ||
        !e->mtime)
        return NULL;
    return g_steal_pointer(&e);
}

static void
set_opt_string(GKeyFile *kf, const char *group, const char *key, const char *value)
{
    if (value)
        g_key_file_set_string(kf, group, key, value);
}

static void
entry_to_group(GKeyFile *kf, const TckAssetEntry *e)
{
    g_autofree char *group = entry_group(e->kind, e->arch, e->os_type);

    g_key_file_remove_group(kf, group, NULL);
    g_key_file_set_string(kf, group, "kind", tck_asset_kind_to_string(e->kind));
    g_key_file_set_string(kf, group, "arch", e->arch);
    g_key_file_set_string(kf, group, "os_type", e->os_type);
    g_key_file_set_string(kf, group, "file", e->file);
    g_key_file_set_string(kf, group, "sha256", e->sha256);
    g_key_file_set_uint64(kf, group, "size", e->size);
    g_key_file_set_string(kf, group, "mtime", e->mtime);
    set_opt_string(kf, group, "source", e->source);
    set_opt_string(kf, group, "inputs", e->inputs);
    set_opt_string(kf, group, "built_at", e->built_at);
    g_key_file_set_boolean(kf, group, "verified", e->verified);
    if (e->bad)
        g_key_file_set_boolean(kf, group, "bad", TRUE);
    set_opt_string(kf, group, "url", e->url);
    set_opt_string(kf, group, "etag", e->etag);
    set_opt_string(kf, group, "last_modified", e->last_modified);
}

static gboolean
cache_read_manifest(TckAssetCache *c, GError **error)
{
    g_autofree char *path = g_build_filename(c->dir, "manifest", NULL);
    g_autoptr(GError) local = NULL;
    g_auto(GStrv) groups = NULL;

    g_key_file_unref(c->manifest);
    c->manifest = g_key_file_new();
    g_ptr_array_set_size(c->entries, 0);
    if (!g_key_file_load_from_file(c->manifest, path, G_KEY_FILE_KEEP_COMMENTS, &local)) {
        if (g_error_matches(local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            return TRUE;
        g_set_error(error, TCK_ERROR, TCK_ERROR_CACHE, "cannot read manifest %s: %s", path,
                    local->message);
        return FALSE;
    }
    groups = g_key_file_get_groups(c->manifest, NULL);
    for (guint i = 0; groups[i]; i++) {
        TckAssetEntry *e;
        if (!g_str_has_prefix(groups[i], "asset "))
            continue;
        e = entry_from_group(c->manifest, groups[i]);
        if (!e) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_CACHE, "manifest %s: group [%s] is incomplete",
                        path, groups[i]);
            return FALSE;
        }
        g_ptr_array_add(c->entries, e);
    }
    return TRUE;
}

static gboolean
make_dir(const char *path, GError **error)
{
    if (g_mkdir_with_parents(path, 0755) < 0) {
        tck_asset_set_errno(error, errno, "create directory", path);
        return FALSE;
    }
    return TRUE;
}

TckAssetCache *
tck_asset_cache_open(const char *dir, gboolean create, GError **error)
{
    g_autoptr(TckAssetCache) c = g_new0(TckAssetCache, 1);

    c->dir = g_canonicalize_filename(dir, NULL);
    c->lock_fd = -1;
    c->manifest = g_key_file_new();
    c->entries = g_ptr_array_new_with_free_func((GDestroyNotify)tck_asset_entry_free);
    c->tmp_paths = g_ptr_array_new_with_free_func(g_free);
    if (create) {
        if (!make_dir(c->dir, error))
            return NULL;
        for (gsize i = 0; i < G_N_ELEMENTS(cache_subdirs); i++) {
            g_autofree char *sub = g_build_filename(c->dir, cache_subdirs[i], NULL);
            if (!make_dir(sub, error))
                return NULL;
        }
    }
    if (!cache_read_manifest(c, error))
        return NULL;
    return g_steal_pointer(&c);
}

void
tck_asset_cache_free(TckAssetCache *c)
{
    if (!c)
        return;
    for (guint i = 0; i < c->tmp_paths->len; i++)
        tck_fs_remove_tree(g_ptr_array_index(c->tmp_paths, i));
    tck_asset_cache_unlock(c);
    g_ptr_array_unref(c->tmp_paths);
    g_ptr_array_unref(c->entries);
    g_key_file_unref(c->manifest);
    g_free(c->dir);
    g_free(c);
}

const char *
tck_asset_cache_dir(TckAssetCache *c)
{
    return c->dir;
}

gboolean
tck_asset_cache_lock(TckAssetCache *c, guint timeout_s,
                     void (*waiting)(const char *dir, const char *holder, gpointer data),
                     gpointer data, GError **error)
{
    g_autofree char *path = g_build_filename(c->dir, "lock", NULL);
    gint64 deadline = g_get_monotonic_time() + (gint64)timeout_s * G_USEC_PER_SEC;
    gboolean told = FALSE;
    g_autofree char *pid = NULL;

    if (c->lock_fd >= 0)
        return TRUE;
    c->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (c->lock_fd < 0) {
        tck_asset_set_errno(error, errno, "open lock file", path);
        return FALSE;
    }
    while (flock(c->lock_fd, LOCK_EX | LOCK_NB) < 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_LOCK, "cannot lock %s: %s", path,
                        g_strerror(errno));
            goto fail;
        }
        if (g_get_monotonic_time() >= deadline) {
            g_autofree char *holder = NULL;
            g_file_get_contents(path, &holder, NULL, NULL);
            g_set_error(error, TCK_ERROR, TCK_ERROR_LOCK,
                        "cache %s is locked by another libvirt-tck-prepare (pid %s) for more than %u s",
                        c->dir, holder && *holder ? g_strstrip(holder) : "?", timeout_s);
            goto fail;
        }
        if (!told && waiting) {
            g_autofree char *holder = NULL;
            g_file_get_contents(path, &holder, NULL, NULL);
            waiting(c->dir, holder ? g_strstrip(holder) : "?", data);
            told = TRUE;
        }
        g_usleep(50 * 1000);
    }
    pid = g_strdup_printf("%d\n", (int)getpid());
    if (ftruncate(c->lock_fd, 0) < 0 || pwrite(c->lock_fd, pid, strlen(pid), 0) < 0) {
        tck_asset_set_errno(error, errno, "write lock file", path);
        goto fail;
    }
    fchmod(c->lock_fd, 0644);
    return cache_read_manifest(c, error);

fail:
    close(c->lock_fd);
    c->lock_fd = -1;
    return FALSE;
}

void
tck_asset_cache_unlock(TckAssetCache *c)
{
    if (c->lock_fd < 0)
        return;
    close(c->lock_fd);   /* releases the flock */
    c->lock_fd = -1;
}

gboolean
tck_asset_cache_save(TckAssetCache *c, GError **error)
{
    g_autofree char *path = g_build_filename(c->dir, "manifest", NULL);
    g_autofree char *data = NULL;
    gsize len = 0;
    g_auto(GStrv) groups = g_key_file_get_groups(c->manifest, NULL);

    /* rebuild the asset groups from the entries, keeping the memos */
    for (guint i = 0; groups[i]; i++)
        if (g_str_has_prefix(groups[i], "asset "))
            g_key_file_remove_group(c->manifest, groups[i], NULL);
    g_key_file_set_comment(c->manifest, NULL, NULL,
                           " libvirt-tck asset cache manifest; written by libvirt-tck-prepare",
                           NULL);
    for (guint i = 0; i < c->entries->len; i++)
        entry_to_group(c->manifest, g_ptr_array_index(c->entries, i));
    data = g_key_file_to_data(c->manifest, &len, NULL);
    if (!tck_fs_replace(path, data, (gssize) len, 0644, error))
        return FALSE;
    c->dirty = FALSE;
    return TRUE;
}

static gboolean
field_matches(const char *have, const char *want)
{
    return !want || g_str_equal(have, "*") || g_str_equal(want, "*") || g_str_equal(have, want);
}

TckAssetEntry *
tck_asset_cache_find(TckAssetCache *c, TckAssetKind kind, const char *arch, const char *os_type)
{
    for (guint i = 0; i < c->entries->len; i++) {
        TckAssetEntry *e = g_ptr_array_index(c->entries, i);
        if (e->kind == kind && field_matches(e->arch, arch) && field_matches(e->os_type, os_type))
            return e;
    }
    return NULL;
}

GPtrArray *
tck_asset_cache_entries(TckAssetCache *c)
{
    return c->entries;
}

char *
tck_asset_cache_path(TckAssetCache *c, const TckAssetEntry *e)
{
    return g_build_filename(c->dir, e->file, NULL);
}

char *
tck_asset_cache_blob_rel(const char *sha256)
{
    return g_build_filename("blobs", sha256, NULL);
}

char *
tck_asset_cache_tree_rel(const char *sha256)
{
    return g_build_filename("trees", sha256, NULL);
}

char *
tck_asset_cache_template_rel(const char *name)
{
    g_autofree char *file = g_strdup_printf("%s.tar.gz", name);

    return g_build_filename("templates", file, NULL);
}

char *
tck_asset_cache_abs(TckAssetCache *c, const char *rel)
{
    return g_build_filename(c->dir, rel, NULL);
}

char *
tck_asset_cache_tmp_path(TckAssetCache *c, const char *hint)
{
    char *p = g_strdup_printf("%s/tmp/%s.%d.%u", c->dir, hint, (int)getpid(), c->tmp_paths->len);
    g_ptr_array_add(c->tmp_paths, g_strdup(p));
    return p;
}

static void
forget_tmp(TckAssetCache *c, const char *path)
{
    for (guint i = 0; i < c->tmp_paths->len; i++)
        if (g_str_equal(g_ptr_array_index(c->tmp_paths, i), path)) {
            g_ptr_array_remove_index_fast(c->tmp_paths, i);
            return;
        }
}

static void
replace_entry(TckAssetCache *c, TckAssetEntry *e)
{
    for (guint i = 0; i < c->entries->len; i++) {
        TckAssetEntry *old = g_ptr_array_index(c->entries, i);
        if (old->kind == e->kind && g_str_equal(old->arch, e->arch) &&
            g_str_equal(old->os_type, e->os_type)) {
            g_ptr_array_remove_index(c->entries, i);
            g_ptr_array_insert(c->entries, i, e);
            c->dirty = TRUE;
            return;
        }
    }
    g_ptr_array_add(c->entries, e);
    c->dirty = TRUE;
}

static char *
now_iso8601(void)
{
    g_autoptr(GDateTime) now = g_date_time_new_now_utc();
    return g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
tck_asset_cache_restamp(TckAssetCache *c, TckAssetEntry *e, GError **error)
{
    g_autofree char *path = tck_asset_cache_path(c, e);
    struct stat st;

    if (lstat(path, &st) < 0) {
        tck_asset_set_errno(error, errno, "stat", path);
        return FALSE;
    }
    if (S_ISREG(st.st_mode))
        e->size = st.st_size;
    g_free(e->mtime);
    e->mtime = stat_mtime_string(&st);
    c->dirty = TRUE;
    return TRUE;
}

gboolean
tck_asset_cache_add(TckAssetCache *c, TckAssetEntry *e, GError **error)
{
    if (!tck_asset_cache_restamp(c, e, error)) {
        tck_asset_entry_free(e);
        return FALSE;
    }
    if (!e->built_at)
        e->built_at = now_iso8601();
    replace_entry(c, e);
    return TRUE;
}

gboolean
tck_asset_cache_put_blob(TckAssetCache *c, const char *tmp_path, const char *sha256, char **rel,
                         GError **error)
{
    g_autofree char *r = tck_asset_cache_blob_rel(sha256);
    g_autofree char *blob = tck_asset_cache_abs(c, r);

    /* always replace: a blob of that name may be one --verify found bad */
    if (g_chmod(tmp_path, 0644) < 0 || g_rename(tmp_path, blob) < 0) {
        tck_asset_set_errno(error, errno, "store", blob);
        return FALSE;
    }
    forget_tmp(c, tmp_path);
    *rel = g_steal_pointer(&r);
    return TRUE;
}

gboolean
tck_asset_cache_store(TckAssetCache *c, const char *tmp_path, const char *sha256,
                      TckAssetEntry *e, GError **error)
{
    g_autofree char *rel = NULL;

    if (!tck_asset_cache_put_blob(c, tmp_path, sha256, &rel, error)) {
        tck_asset_entry_free(e);
        return FALSE;
    }
    g_free(e->file);
    e->file = g_steal_pointer(&rel);
    g_free(e->sha256);
    e->sha256 = g_strdup(sha256);
    g_clear_pointer(&e->built_at, g_free);
    return tck_asset_cache_add(c, e, error);
}

gboolean
tck_asset_cache_is_dirty(TckAssetCache *c)
{
    return c->dirty;
}

gboolean
tck_asset_cache_entry_ok(TckAssetCache *c, const TckAssetEntry *e)
{
    g_autofree char *path = tck_asset_cache_path(c, e);
    g_autofree char *mtime = NULL;
    struct stat st;

    if (e->bad || lstat(path, &st) < 0)
        return FALSE;
    if (S_ISREG(st.st_mode) && (guint64)st.st_size != e->size)
        return FALSE;
    mtime = stat_mtime_string(&st);
    return g_str_equal(mtime, e->mtime);
}

char *
tck_asset_stat_stamp(const char *path)
{
    struct stat st;

    if (stat(path, &st) < 0)
        return g_strdup("-");
    return g_strdup_printf("%lld:%lld.%09ld:%llu", (long long)st.st_size,
                           (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
                           (unsigned long long)st.st_ino);
}

char *
tck_asset_cache_memo_get(TckAssetCache *c, const char *key, const char *stamp)
{
    g_autofree char *group = g_strdup_printf("memo %s", key);
    g_autofree char *have = g_key_file_get_string(c->manifest, group, "stamp", NULL);

    if (!have || !g_str_equal(have, stamp))
        return NULL;
    return g_key_file_get_string(c->manifest, group, "value", NULL);
}

void
tck_asset_cache_memo_set(TckAssetCache *c, const char *key, const char *stamp, const char *value)
{
    g_autofree char *group = g_strdup_printf("memo %s", key);

    g_key_file_set_string(c->manifest, group, "stamp", stamp);
    g_key_file_set_string(c->manifest, group, "value", value);
    c->dirty = TRUE;
}

char *
tck_asset_cache_input_sha256(TckAssetCache *c, const char *path, GError **error)
{
    g_autofree char *key = g_strdup_printf("sha256 %s", path);
    g_autofree char *stamp = NULL;
    char *sha;

    if (access(path, R_OK) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "host input %s is missing: %s", path,
                    g_strerror(errno));
        return NULL;
    }
    stamp = tck_asset_stat_stamp(path);
    if ((sha = tck_asset_cache_memo_get(c, key, stamp)))
        return sha;
    sha = tck_sha256_file(path, error);
    if (!sha) {
        tck_error_retag(error, TCK_ERROR_HOST_INPUT);
        return NULL;
    }
    tck_asset_cache_memo_set(c, key, stamp, sha);
    return sha;
}

static gboolean
referenced(TckAssetCache *c, const char *rel)
{
    for (guint i = 0; i < c->entries->len; i++) {
        TckAssetEntry *e = g_ptr_array_index(c->entries, i);
        if (g_str_equal(e->file, rel))
            return TRUE;
    }
    return FALSE;
}

static gboolean
is_pending_tmp(TckAssetCache *c, const char *abs)
{
    for (guint i = 0; i < c->tmp_paths->len; i++)
        if (g_str_equal(g_ptr_array_index(c->tmp_paths, i), abs))
            return TRUE;
    return FALSE;
}

void
tck_asset_cache_gc(TckAssetCache *c)
{
    static const char *const swept[] = { "blobs", "trees", "templates", "tmp" };

    for (gsize i = 0; i < G_N_ELEMENTS(swept); i++) {
        g_autofree char *sub = g_build_filename(c->dir, swept[i], NULL);
        g_autoptr(GDir) d = g_dir_open(sub, 0, NULL);
        const char *name;

        while (d && (name = g_dir_read_name(d))) {
            g_autofree char *rel = g_build_filename(swept[i], name, NULL);
            g_autofree char *abs = g_build_filename(c->dir, rel, NULL);
            gboolean keep = referenced(c, rel);

            /* a blob a tree or template was made from stays too */
            if (!keep && g_str_equal(swept[i], "blobs")) {
                g_autofree char *tree = tck_asset_cache_tree_rel(name);
                keep = referenced(c, tree);
            }
            /* gc runs under the lock: anything in tmp/ that is not one of
             * our pending temporaries was left by a killed prepare */
            if (g_str_equal(swept[i], "tmp"))
                keep = is_pending_tmp(c, abs);
            if (!keep)
                tck_fs_remove_tree(abs);
        }
    }
}

guint
tck_asset_cache_purge(TckAssetCache *c, gint64 older_than_s, GError **error)
{
    g_autoptr(GDateTime) now = g_date_time_new_now_utc();
    gint64 cutoff = g_date_time_to_unix(now) - older_than_s;
    guint removed = 0;

    for (guint i = c->entries->len; i-- > 0;) {
        TckAssetEntry *e = g_ptr_array_index(c->entries, i);
        g_autoptr(GDateTime) built = e->built_at ? g_date_time_new_from_iso8601(e->built_at, NULL)
                                                 : NULL;
        if (older_than_s > 0 && built && g_date_time_to_unix(built) > cutoff)
            continue;
        g_ptr_array_remove_index(c->entries, i);
        removed++;
    }
    if (older_than_s == 0) {
        /* everything goes, including partial downloads and the memos */
        g_autofree char *partial = g_build_filename(c->dir, "partial", NULL);
        g_auto(GStrv) groups = g_key_file_get_groups(c->manifest, NULL);
        tck_fs_remove_tree(partial);
        g_mkdir(partial, 0755);
        for (guint i = 0; groups[i]; i++)
            g_key_file_remove_group(c->manifest, groups[i], NULL);
    }
    if (!tck_asset_cache_save(c, error))
        return 0;
    tck_asset_cache_gc(c);
    return removed;
}

static char *
human_size(guint64 size)
{
    return g_format_size_full(size, G_FORMAT_SIZE_IEC_UNITS);
}

void
tck_asset_cache_list(TckAssetCache *c, FILE *out)
{
    fprintf(out, "%-10s %-8s %-7s %10s  %-10s %-20s %s\n", "KIND", "ARCH", "OS", "SIZE", "STATE",
            "BUILT", "SOURCE");
    for (guint i = 0; i < c->entries->len; i++) {
        TckAssetEntry *e = g_ptr_array_index(c->entries, i);
        g_autofree char *size = human_size(e->size);
        const char *state = e->bad ? "BAD"
                            : !tck_asset_cache_entry_ok(c, e) ? "changed"
                            : e->verified ? "verified" : "unverified";
        fprintf(out, "%-10s %-8s %-7s %10s  %-10s %-20s %s\n", tck_asset_kind_to_string(e->kind),
                e->arch, e->os_type, size, state, e->built_at ? e->built_at : "-",
                e->source ? e->source : "-");
    }
    if (c->entries->len == 0)
        fprintf(out, "(cache %s is empty)\n", c->dir);
}
