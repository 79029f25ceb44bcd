/* fs-util.c — removing a tree without following links, reading a file's
 * magic, writing all bytes, replacing a file atomically. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <tck/error.h>
#include "fs-util.h"

void
tck_fs_remove_tree(const char *path)
{
    struct stat st;

    if (lstat(path, &st) < 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        g_autoptr(GDir) dir = NULL;
        const char *name;

        g_chmod(path, 0700);    /* a read-only directory of ours still goes */
        dir = g_dir_open(path, 0, NULL);
        while (dir && (name = g_dir_read_name(dir))) {
            g_autofree char *child = g_build_filename(path, name, NULL);
            tck_fs_remove_tree(child);
        }
        g_rmdir(path);
    } else {
        g_unlink(path);
    }
}

gboolean
tck_fs_starts_with(const char *path, const void *magic, gsize len)
{
    g_autofree char *head = g_malloc0(len ? len : 1);
    FILE *f = fopen(path, "rb");
    gboolean ret;

    if (!f)
        return FALSE;
    ret = fread(head, 1, len, f) == len && memcmp(head, magic, len) == 0;
    fclose(f);
    return ret;
}

gboolean
tck_fs_make_sparse(const char *path, guint64 bytes, int flags, int mode, GError **error)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | flags, mode);

    if (fd < 0 || ftruncate(fd, (off_t) bytes) < 0) {
        int err = errno;

        if (fd >= 0)
            close(fd);
        return tck_error_set_errno(error, err, "cannot create %s", path);
    }
    close(fd);
    return TRUE;
}

gboolean
tck_fs_write_all(int fd, const void *data, gsize len, const char *path, GError **error)
{
    const char *p = data;
    gsize done = 0;

    while (done < len) {
        ssize_t n = write(fd, p + done, len - done);

        if (n < 0) {
            int err = errno;

            if (err == EINTR)
                continue;
            tck_error_set_errno(error, err, "cannot write %s", path ? path : "a file");
            errno = err;
            return FALSE;
        }
        done += (gsize) n;
    }
    return TRUE;
}

gboolean
tck_fs_replace(const char *path, const char *data, gssize len, int mode, GError **error)
{
    g_autofree char *tmp = g_strconcat(path, ".tmp", NULL);
    gsize size = len < 0 ? strlen(data) : (gsize) len;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);

    if (fd < 0)
        return tck_error_set_errno(error, errno, "cannot create %s", tmp);
    if (!tck_fs_write_all(fd, data, size, tmp, error)) {
        close(fd);
        g_unlink(tmp);
        return FALSE;
    }
    if (fsync(fd) < 0 || close(fd) < 0) {
        int err = errno;

        g_unlink(tmp);
        return tck_error_set_errno(error, err, "cannot write %s", tmp);
    }
    if (g_rename(tmp, path) < 0) {
        int err = errno;

        g_unlink(tmp);
        return tck_error_set_errno(error, err, "cannot rename %s to %s", tmp, path);
    }
    return TRUE;
}

gboolean
tck_fs_read_bounded(const char *path, gsize max, int too_large, char **data, gsize *len, GError **error)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    char chunk[65536];
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);

    if (fd < 0) {
        int err = errno;
        g_set_error(error, TCK_ERROR, err == ENOENT ? TCK_ERROR_NOT_FOUND : tck_error_from_errno(err),
                    "%s: %s", path, g_strerror(err));
        return FALSE;
    }
    for (;;) {
        ssize_t got = read(fd, chunk, sizeof(chunk));

        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int err = errno;
            close(fd);
            g_set_error(error, TCK_ERROR, tck_error_from_errno(err), "%s: %s", path, g_strerror(err));
            return FALSE;
        }
        if (got == 0)
            break;
        if (buf->len + (gsize) got > max) {
            close(fd);
            g_set_error(error, TCK_ERROR, too_large, "%s: larger than the %" G_GSIZE_FORMAT " byte limit",
                        path, max);
            return FALSE;
        }
        g_string_append_len(buf, chunk, got);
    }
    close(fd);
    *len = buf->len;
    *data = g_string_free(g_steal_pointer(&buf), FALSE);
    return TRUE;
}
