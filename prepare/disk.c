/* disk.c — empty sparse raw and qcow2 (compat 1.1) disks with libguestfs's
 * guestfs_disk_create (no appliance), and the opt-in ext4 disk holding the
 * rootfs, which needs an appliance launch (slow without KVM). */
#include <config.h>

#include <guestfs.h>

#include "prepare.h"
#include <tck/error.h>

static guestfs_h *
handle_new(GError **error)
{
    guestfs_h *g = guestfs_create_flags(GUESTFS_CREATE_NO_ENVIRONMENT);

    if (!g) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_BUILD, "cannot create a libguestfs handle");
        return NULL;
    }
    guestfs_set_error_handler(g, NULL, NULL);   /* errors are reported through GError */
    return g;
}

static gboolean
guestfs_failed(guestfs_h *g, const char *out, GError **error)
{
    int err = guestfs_last_errno(g);
    const char *msg = guestfs_last_error(g);

    g_set_error(error, TCK_ERROR, err ? tck_error_from_errno(err) : TCK_ERROR_BUILD,
                "cannot build disk %s: %s", out, msg ? msg : "libguestfs error");
    if (err && tck_error_from_errno(err) == TCK_ERROR_NOT_FOUND)
        (*error)->code = TCK_ERROR_BUILD;
    return FALSE;
}

gboolean
tck_disk_create(const char *out, const char *format, guint64 size, GError **error)
{
    guestfs_h *g = handle_new(error);
    int r;

    if (!g)
        return FALSE;
    if (g_str_equal(format, "qcow2"))
        r = guestfs_disk_create_argv(g, out, format, size,
                                     &(struct guestfs_disk_create_argv){
                                         .bitmask = GUESTFS_DISK_CREATE_COMPAT_BITMASK |
                                                    GUESTFS_DISK_CREATE_PREALLOCATION_BITMASK,
                                         .compat = "1.1",
                                         .preallocation = "off",
                                     });
    else
        r = guestfs_disk_create_argv(g, out, format, size,
                                     &(struct guestfs_disk_create_argv){
                                         .bitmask = GUESTFS_DISK_CREATE_PREALLOCATION_BITMASK,
                                         .preallocation = "sparse",
                                     });
    if (r < 0) {
        guestfs_failed(g, out, error);
        guestfs_close(g);
        return FALSE;
    }
    guestfs_close(g);
    return TRUE;
}

gboolean
tck_fs_disk_build(const char *out, const char *tarball, guint64 size, GError **error)
{
    guestfs_h *g = handle_new(error);
    gboolean ok;

    if (!g)
        return FALSE;
    ok = guestfs_disk_create(g, out, "raw", size, -1) == 0 &&
         guestfs_add_drive_opts(g, out, GUESTFS_ADD_DRIVE_OPTS_FORMAT, "raw", -1) == 0 &&
         guestfs_launch(g) == 0 &&
         guestfs_mkfs_opts(g, "ext4", "/dev/sda", GUESTFS_MKFS_OPTS_LABEL, "tck-rootfs", -1) == 0 &&
         guestfs_mount(g, "/dev/sda", "/") == 0 &&
         guestfs_tar_in_opts(g, tarball, "/", GUESTFS_TAR_IN_OPTS_COMPRESS, "gzip", -1) == 0 &&
         guestfs_umount_all(g) == 0 && guestfs_shutdown(g) == 0;
    if (!ok)
        guestfs_failed(g, out, error);
    guestfs_close(g);
    return ok;
}
