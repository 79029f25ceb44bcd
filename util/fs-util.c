/* fs-util.c — removing a tree without following links; reading a file's magic. */
#include <config.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
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
