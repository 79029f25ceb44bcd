/* archive-util.c — writing archive entries straight from memory with pinned
 * times, owners and inode numbers, so the initrd, ISO and rootfs built
 * from the same inputs are the same bytes. */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <archive_entry.h>

#include "prepare.h"
#include <tck/error.h>

gboolean
tck_archive_check(TckArchiveWriter *w, int r, const char *what, GError **error)
{
    int err;

    if (r >= ARCHIVE_WARN)
        return TRUE;
    err = archive_errno(w->a);
    g_set_error(error, TCK_ERROR,
                err == ENOSPC || err == EDQUOT ? TCK_ERROR_NO_SPACE
                : err == EACCES || err == EPERM || err == EROFS ? TCK_ERROR_PERMISSION
                : TCK_ERROR_BUILD,
                "cannot write %s (%s): %s", w->out, what,
                archive_error_string(w->a) ? archive_error_string(w->a) : g_strerror(err));
    return FALSE;
}

static struct archive_entry *
entry_new(TckArchiveWriter *w, const char *path, mode_t mode)
{
    struct archive_entry *e = archive_entry_new();

    archive_entry_set_pathname(e, path);
    archive_entry_set_mode(e, mode);
    archive_entry_set_uid(e, 0);
    archive_entry_set_gid(e, 0);
    archive_entry_set_mtime(e, TCK_PREPARE_EPOCH, 0);
    archive_entry_set_nlink(e, S_ISDIR(mode) ? 2 : 1);
    archive_entry_set_ino64(e, ++w->next_ino);
    archive_entry_set_dev(e, 1);
    archive_entry_set_size(e, 0);   /* cpio wants a size on every entry */
    return e;
}

static gboolean
entry_write(TckArchiveWriter *w, struct archive_entry *e, const void *data, gsize len,
            GError **error)
{
    gboolean ok = tck_archive_check(w, archive_write_header(w->a, e), archive_entry_pathname(e),
                                    error);

    if (ok && len > 0) {
        la_ssize_t n = archive_write_data(w->a, data, len);
        if (n < 0 || (gsize)n != len)
            ok = tck_archive_check(w, ARCHIVE_FATAL, archive_entry_pathname(e), error);
    }
    archive_entry_free(e);
    return ok;
}

gboolean
tck_archive_add_dir(TckArchiveWriter *w, const char *path, mode_t perm, GError **error)
{
    return entry_write(w, entry_new(w, path, S_IFDIR | perm), NULL, 0, error);
}

gboolean
tck_archive_add_data(TckArchiveWriter *w, const char *path, mode_t perm, const void *data,
                     gsize len, GError **error)
{
    struct archive_entry *e = entry_new(w, path, S_IFREG | perm);

    archive_entry_set_size(e, len);
    return entry_write(w, e, data, len, error);
}

gboolean
tck_archive_add_file(TckArchiveWriter *w, const char *path, mode_t perm, const char *src,
                     GError **error)
{
    g_autoptr(GMappedFile) map = g_mapped_file_new(src, FALSE, NULL);

    if (!map) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "cannot read %s: %s", src,
                    g_strerror(errno));
        return FALSE;
    }
    return tck_archive_add_data(w, path, perm, g_mapped_file_get_contents(map),
                                g_mapped_file_get_length(map), error);
}

gboolean
tck_archive_add_symlink(TckArchiveWriter *w, const char *path, const char *target, GError **error)
{
    struct archive_entry *e = entry_new(w, path, S_IFLNK | 0777);

    archive_entry_set_symlink(e, target);
    return entry_write(w, e, NULL, 0, error);
}

gboolean
tck_archive_add_chardev(TckArchiveWriter *w, const char *path, mode_t perm, unsigned maj,
                        unsigned min, GError **error)
{
    struct archive_entry *e = entry_new(w, path, S_IFCHR | perm);

    archive_entry_set_rdevmajor(e, maj);
    archive_entry_set_rdevminor(e, min);
    return entry_write(w, e, NULL, 0, error);
}

GStrv
tck_busybox_applets(const char *busybox, GError **error)
{
    const char *argv[] = { busybox, "--list-full", NULL };
    g_autofree char *out = NULL;
    g_autoptr(GError) local = NULL;
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func(g_free);
    g_auto(GStrv) lines = NULL;
    int status = 0;

    if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                      NULL, &status, &local) ||
        !g_spawn_check_wait_status(status, &local)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                    "cannot list the applets of busybox %s (a static busybox for this arch is needed): %s",
                    busybox, local->message);
        return NULL;
    }
    lines = g_strsplit(out, "\n", -1);
    for (guint i = 0; lines[i]; i++)
        if (*g_strstrip(lines[i]) && !strstr(lines[i], ".."))
            g_ptr_array_add(list, g_strdup(lines[i]));
    if (list->len == 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "busybox %s lists no applets", busybox);
        return NULL;
    }
    g_ptr_array_add(list, NULL);
    return (GStrv)g_ptr_array_steal(list, NULL);
}

static int
cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

gboolean
tck_archive_add_busybox(TckArchiveWriter *w, const char *busybox, GStrv applets,
                        const char *const *skip, GError **error)
{
    g_autoptr(GPtrArray) sorted = g_ptr_array_new();

    gboolean dotted = applets[0] && g_str_has_prefix(applets[0], "./");
    const char *self = dotted ? "./bin/busybox" : "bin/busybox";

    if (!tck_archive_add_file(w, self, 0755, busybox, error))
        return FALSE;
    for (guint i = 0; applets[i]; i++)
        g_ptr_array_add(sorted, applets[i]);
    g_ptr_array_sort(sorted, cmp_str);
    for (guint i = 0; i < sorted->len; i++) {
        const char *applet = g_ptr_array_index(sorted, i);
        g_autofree char *target = NULL;
        int depth = 0;

        if (g_str_equal(applet, self) || (skip && g_strv_contains(skip, applet)))
            continue;
        for (const char *p = applet + (dotted ? 2 : 0); *p; p++)
            depth += *p == '/';
        /* relative, so the link works wherever the tree is mounted */
        {
            GString *t = g_string_new(NULL);
            for (int d = 0; d < depth; d++)
                g_string_append(t, "../");
            g_string_append(t, "bin/busybox");
            target = g_string_free(t, FALSE);
        }
        if (!tck_archive_add_symlink(w, applet, target, error))
            return FALSE;
    }
    return TRUE;
}
