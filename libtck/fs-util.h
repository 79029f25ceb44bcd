/*
 * fs-util.h — two small file-system helpers every layer uses (like
 * tck/error.h, a leaf with no dependencies on the rest of libtck).
 * Not installed.
 */
#pragma once

#include <glib.h>

/* Removes @path: a file, a link (never followed) or a whole directory tree. */
void tck_fs_remove_tree(const char *path);

/* TRUE when the file @path begins with the @len bytes of @magic. */
gboolean tck_fs_starts_with(const char *path, const void *magic, gsize len);

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
