/* disk.c — empty sparse raw and qcow2 (compat 1.1) disks with libguestfs's
 * guestfs_disk_create (no appliance), and the opt-in ext4 disk holding the
 * rootfs, which needs an appliance launch (slow without KVM).
 *
 * libguestfs is loaded with dlopen() the first time a disk is made: linked
 * in, it drags some sixty libraries (libvirt among them) into every start
 * of the program, which is most of a warm prepare's time. */
#include <config.h>

#include <dlfcn.h>
#include <string.h>
#include <sys/statvfs.h>
#include <guestfs.h>

#include "prepare.h"
#include <tck/error.h>

#define GFS_SYMBOLS(X) \
    X(guestfs_create_flags) X(guestfs_set_error_handler) X(guestfs_last_errno) \
    X(guestfs_last_error) X(guestfs_close) X(guestfs_disk_create_argv) \
    X(guestfs_add_drive_opts_argv) X(guestfs_launch) X(guestfs_mkfs_opts_argv) \
    X(guestfs_mount) X(guestfs_tar_in_opts_argv) X(guestfs_umount_all) X(guestfs_shutdown)

static struct {
#define GFS_SLOT(name) __typeof__(name) *name;
    GFS_SYMBOLS(GFS_SLOT)
#undef GFS_SLOT
} gfs;

static gboolean
gfs_load(GError **error)
{
    static void *lib;
    void *sym;

    if (lib)
        return TRUE;
    lib = dlopen("libguestfs.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                    "cannot load libguestfs.so.0 (install libguestfs0): %s", dlerror());
        return FALSE;
    }
#define GFS_LOAD(name)                                                                      \
    if (!(sym = dlsym(lib, #name))) {                                                       \
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "libguestfs.so.0 lacks %s", #name); \
        return FALSE;                                                                       \
    }                                                                                       \
    memcpy(&gfs.name, &sym, sizeof(sym));
    GFS_SYMBOLS(GFS_LOAD)
#undef GFS_LOAD
    return TRUE;
}

static guestfs_h *
handle_new(GError **error)
{
    guestfs_h *g;

    if (!gfs_load(error))
        return NULL;
    /* the environment is honoured: LIBGUESTFS_BACKEND, LIBGUESTFS_DEBUG, ... */
    g = gfs.guestfs_create_flags(0);

    if (!g) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_BUILD, "cannot create a libguestfs handle");
        return NULL;
    }
    gfs.guestfs_set_error_handler(g, NULL, NULL);   /* errors are reported through GError */
    return g;
}

/* Below this much free space on the disk's file system, a failed build is
 * taken as a full disk: qemu-img's own errno does not come through. */
#define FULL_DISK_BYTES (1024 * 1024)

static gboolean
guestfs_failed(guestfs_h *g, const char *out, GError **error)
{
    int err = gfs.guestfs_last_errno(g);
    const char *msg = gfs.guestfs_last_error(g);
    g_autofree char *dir = g_path_get_dirname(out);
    g_autofree char *first_line = g_strndup(msg ? msg : "libguestfs error",
                                            msg ? strcspn(msg, "\n") : 16);
    struct statvfs vfs;
    TckErrorCode code = err ? tck_error_from_errno(err) : TCK_ERROR_BUILD;

    /* a missing file inside the appliance is a failed build, not the user's */
    if (code == TCK_ERROR_NOT_FOUND)
        code = TCK_ERROR_BUILD;
    if (code == TCK_ERROR_NO_SPACE ||
        (statvfs(dir, &vfs) == 0 && (guint64)vfs.f_bavail * vfs.f_frsize < FULL_DISK_BYTES)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_NO_SPACE,
                    "cannot build disk %s: no space left on the file system of %s (%s)", out, dir,
                    first_line);
        return FALSE;
    }
    /* libguestfs's message goes on with a how-to-debug blurb: its first line says it */
    g_set_error(error, TCK_ERROR, code, "cannot build disk %s: %s (LIBGUESTFS_DEBUG=1 for more)",
                out, first_line);
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
        r = gfs.guestfs_disk_create_argv(g, out, format, size,
                                     &(struct guestfs_disk_create_argv){
                                         .bitmask = GUESTFS_DISK_CREATE_COMPAT_BITMASK |
                                                    GUESTFS_DISK_CREATE_PREALLOCATION_BITMASK,
                                         .compat = "1.1",
                                         .preallocation = "off",
                                     });
    else
        r = gfs.guestfs_disk_create_argv(g, out, format, size,
                                     &(struct guestfs_disk_create_argv){
                                         .bitmask = GUESTFS_DISK_CREATE_PREALLOCATION_BITMASK,
                                         .preallocation = "sparse",
                                     });
    if (r < 0) {
        guestfs_failed(g, out, error);
        gfs.guestfs_close(g);
        return FALSE;
    }
    gfs.guestfs_close(g);
    return TRUE;
}

gboolean
tck_fs_disk_build(const char *out, const char *tarball, guint64 size, GError **error)
{
    guestfs_h *g = handle_new(error);
    gboolean ok;

    if (!g)
        return FALSE;
    ok = gfs.guestfs_disk_create_argv(g, out, "raw", size,
                                      &(struct guestfs_disk_create_argv){ .bitmask = 0 }) == 0 &&
         gfs.guestfs_add_drive_opts_argv(g, out,
                                         &(struct guestfs_add_drive_opts_argv){
                                             .bitmask = GUESTFS_ADD_DRIVE_OPTS_FORMAT_BITMASK,
                                             .format = "raw",
                                         }) == 0 &&
         gfs.guestfs_launch(g) == 0 &&
         gfs.guestfs_mkfs_opts_argv(g, "ext4", "/dev/sda",
                                    &(struct guestfs_mkfs_opts_argv){
                                        .bitmask = GUESTFS_MKFS_OPTS_LABEL_BITMASK,
                                        .label = "tck-rootfs",
                                    }) == 0 &&
         gfs.guestfs_mount(g, "/dev/sda", "/") == 0 &&
         gfs.guestfs_tar_in_opts_argv(g, tarball, "/",
                                      &(struct guestfs_tar_in_opts_argv){
                                          .bitmask = GUESTFS_TAR_IN_OPTS_COMPRESS_BITMASK,
                                          .compress = "gzip",
                                      }) == 0 &&
         gfs.guestfs_umount_all(g) == 0 && gfs.guestfs_shutdown(g) == 0;
    if (!ok)
        guestfs_failed(g, out, error);
    gfs.guestfs_close(g);
    return ok;
}
