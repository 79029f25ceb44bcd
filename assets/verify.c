/* verify.c — `--verify`: re-hash every cached file, and compare every
 * extracted rootfs tree entry by entry with the tarball it came from. */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <archive.h>
#include <archive_entry.h>

#include <tck/asset-cache.h>
#include <tck/error.h>

/* Compares one archive entry with the file at the same path under @root;
 * returns NULL when equal, else why not (transfer full). */
static char *
tree_entry_differs(struct archive *a, struct archive_entry *ae, const char *root)
{
    const char *name = archive_entry_pathname(ae);
    g_autofree char *path = g_build_filename(root, name, NULL);
    mode_t want = archive_entry_mode(ae);
    struct stat st;

    if (lstat(path, &st) < 0)
        return g_strdup_printf("%s: %s", name, g_strerror(errno));
    if (archive_entry_hardlink(ae)) {
        g_autofree char *target = g_build_filename(root, archive_entry_hardlink(ae), NULL);
        struct stat tst;
        if (lstat(target, &tst) < 0 || tst.st_ino != st.st_ino)
            return g_strdup_printf("%s: not a hard link to %s", name, archive_entry_hardlink(ae));
        return NULL;
    }
    if ((st.st_mode & S_IFMT) != (want & S_IFMT))
        return g_strdup_printf("%s: file type changed", name);
    if ((st.st_mode & 07777) != (want & 07777))
        return g_strdup_printf("%s: mode %04o, expected %04o", name, st.st_mode & 07777,
                               want & 07777);
    if (S_ISLNK(want)) {
        g_autofree char *target = g_file_read_link(path, NULL);
        if (g_strcmp0(target, archive_entry_symlink(ae)) != 0)
            return g_strdup_printf("%s: link target changed", name);
    } else if (S_ISCHR(want) || S_ISBLK(want)) {
        if (major(st.st_rdev) != archive_entry_rdevmajor(ae) ||
            minor(st.st_rdev) != archive_entry_rdevminor(ae))
            return g_strdup_printf("%s: device number changed", name);
    } else if (S_ISREG(want)) {
        g_autoptr(GChecksum) want_sum = g_checksum_new(G_CHECKSUM_SHA256);
        g_autofree char *have = NULL;
        const void *buf;
        size_t len;
        la_int64_t off;

        if (st.st_size != archive_entry_size(ae))
            return g_strdup_printf("%s: size changed", name);
        while (archive_read_data_block(a, &buf, &len, &off) == ARCHIVE_OK)
            g_checksum_update(want_sum, buf, len);
        have = tck_sha256_file(path, NULL);
        if (g_strcmp0(have, g_checksum_get_string(want_sum)) != 0)
            return g_strdup_printf("%s: content changed", name);
    }
    return NULL;
}

static char *
tree_differs(const char *tarball, const char *root)
{
    struct archive *a = archive_read_new();
    struct archive_entry *ae;
    char *why = NULL;
    int r;

    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    if (archive_read_open_filename(a, tarball, 1 << 16) != ARCHIVE_OK) {
        why = g_strdup_printf("cannot read %s: %s", tarball, archive_error_string(a));
        archive_read_free(a);
        return why;
    }
    while (!why && (r = archive_read_next_header(a, &ae)) == ARCHIVE_OK)
        why = tree_entry_differs(a, ae, root);
    if (!why && r != ARCHIVE_EOF)
        why = g_strdup_printf("cannot read %s: %s", tarball, archive_error_string(a));
    archive_read_free(a);
    return why;
}

int
tck_asset_cache_verify(TckAssetCache *c, gboolean record,
                       void (*report)(const TckAssetEntry *e, const char *path, const char *why),
                       GError **error)
{
    GPtrArray *entries = tck_asset_cache_entries(c);
    int bad = 0;

    for (guint i = 0; i < entries->len; i++) {
        TckAssetEntry *e = g_ptr_array_index(entries, i);
        g_autofree char *path = tck_asset_cache_path(c, e);
        g_autofree char *why = NULL;

        if (e->kind == TCK_ASSET_ROOTFS) {
            g_autofree char *blob = g_build_filename(tck_asset_cache_dir(c), "blobs", e->sha256, NULL);
            g_autofree char *sha = tck_sha256_file(blob, NULL);
            if (!sha)
                why = g_strdup_printf("its tarball %s is missing", blob);
            else if (!g_str_equal(sha, e->sha256))
                why = g_strdup_printf("its tarball %s has SHA-256 %s, expected %s", blob, sha,
                                      e->sha256);
            else
                why = tree_differs(blob, path);
        } else {
            g_autoptr(GError) local = NULL;
            g_autofree char *sha = tck_sha256_file(path, &local);
            if (!sha)
                why = g_strdup(local->message);
            else if (!g_str_equal(sha, e->sha256))
                why = g_strdup_printf("SHA-256 %s, expected %s", sha, e->sha256);
        }
        if (why) {
            e->bad = TRUE;
            bad++;
            if (report)
                report(e, path, why);
        } else if (record && (e->bad || !tck_asset_cache_entry_ok(c, e))) {
            /* the content is right: take the file's current stat as verified */
            e->bad = FALSE;
            if (!tck_asset_cache_restamp(c, e, error))
                return -1;
        }
    }
    if (record && !tck_asset_cache_save(c, error))
        return -1;
    return bad;
}
