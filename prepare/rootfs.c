/* rootfs.c — the container root: a pax tarball (./ paths, numeric owners,
 * device nodes) of busybox, its applet links, /sbin/init printing the
 * marker, /dev entries, /etc/passwd and /etc/group, and an empty /tck-out;
 * and its extraction into the directory LXC guests mount. */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "prepare.h"
#include <tck/error.h>

static const struct {
    const char *path;
    mode_t perm;
} rootfs_dirs[] = {
    { "./bin", 0755 }, { "./dev", 0755 }, { "./dev/pts", 0755 }, { "./etc", 0755 },
    { "./home", 0755 }, { "./mnt", 0755 }, { "./proc", 0555 }, { "./root", 0700 },
    { "./run", 0755 }, { "./sbin", 0755 }, { "./sys", 0555 }, { "./tck-out", 0755 },
    { "./tmp", 01777 }, { "./usr", 0755 }, { "./usr/bin", 0755 }, { "./usr/sbin", 0755 },
    { "./var", 0755 }, { "./var/log", 0755 },
};

static const struct {
    const char *path;
    mode_t perm;
    unsigned maj, min;
} rootfs_devs[] = {
    { "./dev/console", 0600, 5, 1 }, { "./dev/null", 0666, 1, 3 }, { "./dev/zero", 0666, 1, 5 },
    { "./dev/full", 0666, 1, 7 }, { "./dev/random", 0666, 1, 8 }, { "./dev/urandom", 0666, 1, 9 },
    { "./dev/tty", 0666, 5, 0 }, { "./dev/ptmx", 0666, 5, 2 },
};

static const struct {
    const char *path;
    const char *text;
} rootfs_files[] = {
    { "./etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n" },
    { "./etc/group", "root:x:0:\nnogroup:x:65534:\n" },
    { "./etc/hostname", "tck-guest\n" },
};

static gboolean
write_entries(TckArchiveWriter *w, const char *busybox, GStrv applets, const char *init_script,
              GError **error)
{
    static const char *const skip[] = { "./sbin/init", "./linuxrc", NULL };
    g_autoptr(GPtrArray) dotted = g_ptr_array_new_with_free_func(g_free);

    if (!tck_archive_add_dir(w, ".", 0755, error))
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(rootfs_dirs); i++)
        if (!tck_archive_add_dir(w, rootfs_dirs[i].path, rootfs_dirs[i].perm, error))
            return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(rootfs_devs); i++)
        if (!tck_archive_add_chardev(w, rootfs_devs[i].path, rootfs_devs[i].perm,
                                     rootfs_devs[i].maj, rootfs_devs[i].min, error))
            return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(rootfs_files); i++)
        if (!tck_archive_add_data(w, rootfs_files[i].path, 0644, rootfs_files[i].text,
                                  strlen(rootfs_files[i].text), error))
            return FALSE;
    /* applets as ./bin/sh etc. */
    for (guint i = 0; applets[i]; i++)
        g_ptr_array_add(dotted, g_strconcat("./", applets[i], NULL));
    g_ptr_array_add(dotted, NULL);
    if (!tck_archive_add_busybox(w, busybox, (GStrv)dotted->pdata, skip, error))
        return FALSE;
    return tck_archive_add_file(w, "./sbin/init", 0755, init_script, error);
}

gboolean
tck_rootfs_build(const char *out, const char *busybox, GStrv applets, const char *init_script,
                 GError **error)
{
    TckArchiveWriter w = { .a = archive_write_new(), .out = out };
    gboolean ok;

    ok = tck_archive_check(&w, archive_write_set_format_pax_restricted(w.a), "pax", error) &&
         tck_archive_check(&w, archive_write_add_filter_gzip(w.a), "gzip", error) &&
         tck_archive_check(&w, archive_write_set_options(w.a, "gzip:!timestamp,gzip:compression-level=1"), "options", error) &&
         tck_archive_check(&w, archive_write_open_filename(w.a, out), "open", error) &&
         write_entries(&w, busybox, applets, init_script, error);
    if (ok)
        ok = tck_archive_check(&w, archive_write_close(w.a), "close", error);
    archive_write_free(w.a);
    return ok;
}

gboolean
tck_rootfs_extract(const char *tarball, const char *dest, GError **error)
{
    struct archive *in = archive_read_new();
    struct archive *out = archive_write_disk_new();
    struct archive_entry *e;
    gboolean root = geteuid() == 0;
    g_autofree char *cwd = g_get_current_dir();
    gboolean ok = TRUE;
    int r;

    if (g_mkdir_with_parents(dest, 0755) < 0 || chdir(dest) < 0) {
        tck_asset_set_errno(error, errno, "create directory", dest);
        archive_read_free(in);
        archive_write_free(out);
        return FALSE;
    }
    archive_read_support_filter_all(in);
    archive_read_support_format_all(in);
    /* numeric owners as stored: no standard lookup, which would remap names */
    archive_write_disk_set_options(out, ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_TIME |
                                            (root ? ARCHIVE_EXTRACT_OWNER : 0) |
                                            ARCHIVE_EXTRACT_SECURE_NODOTDOT |
                                            ARCHIVE_EXTRACT_SECURE_SYMLINKS |
                                            ARCHIVE_EXTRACT_SECURE_NOABSOLUTEPATHS);
    if (archive_read_open_filename(in, tarball, 1 << 16) != ARCHIVE_OK) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_BUILD, "cannot read %s: %s", tarball,
                    archive_error_string(in));
        ok = FALSE;
    }
    while (ok && (r = archive_read_next_header(in, &e)) == ARCHIVE_OK) {
        const void *buf;
        size_t len;
        la_int64_t off;

        /* device nodes need CAP_MKNOD; a user's tree goes without them */
        if (!root && (archive_entry_filetype(e) == AE_IFCHR || archive_entry_filetype(e) == AE_IFBLK))
            continue;
        if (archive_write_header(out, e) < ARCHIVE_WARN) {
            int err = archive_errno(out);
            g_set_error(error, TCK_ERROR, tck_error_from_errno(err), "cannot extract %s into %s: %s",
                        archive_entry_pathname(e), dest, archive_error_string(out));
            ok = FALSE;
            break;
        }
        while ((r = archive_read_data_block(in, &buf, &len, &off)) == ARCHIVE_OK)
            if (archive_write_data_block(out, buf, len, off) < ARCHIVE_WARN) {
                int err = archive_errno(out);
                g_set_error(error, TCK_ERROR, tck_error_from_errno(err),
                            "cannot extract %s into %s: %s", archive_entry_pathname(e), dest,
                            archive_error_string(out));
                ok = FALSE;
                break;
            }
        if (ok && archive_write_finish_entry(out) < ARCHIVE_WARN) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_BUILD, "cannot extract %s into %s: %s",
                        archive_entry_pathname(e), dest, archive_error_string(out));
            ok = FALSE;
        }
    }
    /* directory modes and times are applied at close */
    if (archive_write_close(out) < ARCHIVE_WARN && ok) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_BUILD, "cannot finish extracting into %s: %s",
                    dest, archive_error_string(out));
        ok = FALSE;
    }
    archive_read_free(in);
    archive_write_free(out);
    if (chdir(cwd) < 0)
        g_warning("cannot return to %s", cwd);
    return ok;
}
