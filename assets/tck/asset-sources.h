/*
 * asset-sources.h — where assets come from: the built-in catalog of
 * download sources (a data file), the host's own kernel, modules and
 * busybox, isolinux, and the data templates shipped with libvirt-tck.
 */
#pragma once

#include <glib.h>
#include <tck/assets.h>

G_BEGIN_DECLS

/* A download source: URL, SHA-256 (NULL: none given) and size (0: unknown). */
typedef struct {
    char *url;
    char *sha256;
    guint64 size;
} TckAssetSource;

void tck_asset_source_clear(TckAssetSource *s);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(TckAssetSource, tck_asset_source_clear)

/**
 * tck_catalog_lookup:
 * @catalog: (nullable): a catalog file; NULL for the installed one
 * @arch, @os_type: the guest
 * @kind: TCK_ASSET_KERNEL or TCK_ASSET_INITRD
 * @out: filled on success
 * @error: return location
 *
 * The catalog is a key file with one group "<arch> <os_type>" holding
 * kernel.url, kernel.sha256, kernel.size and the same for initrd.
 * Returns: TRUE and fills @out; FALSE without @error when the catalog
 * has no entry; FALSE with @error for an unreadable catalog.
 */
gboolean tck_catalog_lookup(const char *catalog, const char *arch, const char *os_type,
                            TckAssetKind kind, TckAssetSource *out, GError **error);

/* Absolute path of a shipped data file ("init.sh", "isolinux.cfg",
 * "catalog.conf"): the source tree when run from the build tree, else
 * $(pkgdatadir); $TCK_DATA_DIR overrides both. */
char *tck_assets_data_path(const char *name);

typedef struct {
    char *kernel;        /* the image, e.g. /boot/vmlinuz-6.1.0-56-amd64 */
    char *release;       /* 6.1.0-56-amd64 */
    char *modules_dir;   /* /lib/modules/<release>, NULL if absent */
} TckHostKernel;

void tck_host_kernel_clear(TckHostKernel *k);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(TckHostKernel, tck_host_kernel_clear)

/**
 * tck_host_kernel_find:
 * @kernel: (nullable): an explicit kernel image (--kernel)
 * @boot_dir: (nullable): where to look otherwise (default /boot)
 * @modules_root: (nullable): default /lib/modules
 *
 * Picks the running kernel's image if @boot_dir has it, else the newest
 * vmlinuz-* there.  TCK_ERROR_HOST_INPUT naming the path when none is
 * readable.
 */
gboolean tck_host_kernel_find(const char *kernel, const char *boot_dir, const char *modules_root,
                              TckHostKernel *out, GError **error);

/*
 * The modules to load, in load order (dependencies first), as paths
 * relative to @modules_dir; built-in and absent modules are left out.
 */
GPtrArray *tck_host_modules_resolve(const char *modules_dir, const char *const *wanted,
                                    GError **error);

/* Busybox: @explicit, else $TCK_BUSYBOX, else the one configure found, else
 * /bin/busybox.  TCK_ERROR_HOST_INPUT naming the path when not executable. */
char *tck_host_busybox_find(const char *explicit, GError **error);

/* isolinux.bin and ldlinux.c32 from the isolinux/syslinux-common packages
 * ($TCK_ISOLINUX_DIR overrides the search). */
gboolean tck_host_isolinux_find(char **isolinux_bin, char **ldlinux_c32, GError **error);

G_END_DECLS
