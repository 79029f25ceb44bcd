/*
 * fs-util.h — the small file-system helpers every layer uses: remove a
 * tree, read a file's magic, write all bytes, replace a file atomically.
 * Not installed.
 */
#pragma once

#include <glib.h>

/* Removes @path: a file, a link (never followed) or a whole directory tree. */
void tck_fs_remove_tree(const char *path);

/* TRUE when the file @path begins with the @len bytes of @magic. */
gboolean tck_fs_starts_with(const char *path, const void *magic, gsize len);

/**
 * tck_fs_write_all:
 * @fd: an open file descriptor
 * @data: the bytes to write
 * @len: how many
 * @path: (nullable): names the file in the error
 * @error: (nullable): return location
 *
 * Writes all @len bytes, again after EINTR and short writes.  On failure
 * @error says "cannot write @path: why" with the errno's code, and errno
 * still holds the cause for callers that keep it themselves.
 */
gboolean tck_fs_write_all(int fd, const void *data, gsize len, const char *path, GError **error);

/**
 * tck_fs_make_sparse:
 * @path: the file to make
 * @bytes: its size; nothing is written, so it takes no space yet
 * @flags: extra open(2) flags: 0 (an existing file is truncated), or
 *   O_EXCL, O_NOFOLLOW, ...
 * @mode: the new file's permissions
 * @error: (nullable): return location ("cannot create @path: why")
 */
gboolean tck_fs_make_sparse(const char *path, guint64 bytes, int flags, int mode, GError **error);

/**
 * tck_fs_replace:
 * @path: the file to replace
 * @data: its new content
 * @len: its length, or -1 when NUL-terminated
 * @mode: the new file's permissions
 * @error: (nullable): return location
 *
 * Replaces @path atomically: writes "@path.tmp", fsyncs it and renames it
 * over @path, so that a reader sees the old or the new content, never a
 * torn one.  The temporary file is removed on failure.
 */
gboolean tck_fs_replace(const char *path, const char *data, gssize len, int mode, GError **error);

/**
 * tck_fs_read_bounded:
 * @path: a file (a pipe or device is read too, but never past @max)
 * @max: the most bytes a valid file has
 * @too_large: the TCK_ERROR code for a file past @max
 * @data: (out): the bytes, NUL-terminated
 * @len: (out): how many
 *
 * Reads @path without ever holding more than @max + 64 KiB: /dev/zero is
 * refused at once.  A missing file is TCK_ERROR_NOT_FOUND, an unreadable
 * one its errno's code, one that is too large @too_large; each message
 * names @path.
 */
gboolean tck_fs_read_bounded(const char *path, gsize max, int too_large,
                             char **data, gsize *len, GError **error);
