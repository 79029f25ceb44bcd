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
