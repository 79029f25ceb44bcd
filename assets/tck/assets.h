/*
 * assets.h — the verified asset cache as libtck sees it: where the kernel,
 * initrd, ISO, container rootfs, OpenVZ template and disks that
 * libvirt-tck-prepare made for an arch and OS type are.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
    TCK_ASSET_KERNEL,
    TCK_ASSET_INITRD,
    TCK_ASSET_ISO,
    TCK_ASSET_ROOTFS,
    TCK_ASSET_TEMPLATE,
    TCK_ASSET_DISK_RAW,
    TCK_ASSET_DISK_QCOW2,
    TCK_ASSET_FS_DISK,
    /* The kernel to boot directly: the uncompressed ELF vmlinux taken out
     * of the compressed kernel when it has the PVH entry note (QEMU boots
     * it without the seconds-long self-decompression under TCG), else the
     * compressed kernel itself; `libvirt-tck-prepare --list` says which. */
    TCK_ASSET_VMLINUX,
    TCK_ASSET_XEN_HYPERVISOR,
    TCK_ASSET_XEN_HOST,
    TCK_ASSET_LAST
} TckAssetKind;

/**
 * tck_assets_lookup:
 * @cache_dir: (nullable): the cache directory; NULL for $TCK_ASSET_CACHE,
 *   else the default (see tck_assets_default_cache_dir())
 * @arch: (nullable): guest arch ("x86_64"); NULL for the host's
 * @os_type: (nullable): guest OS type ("hvm", "xen", "exe"); NULL for any
 * @kind: which asset
 * @error: return location
 *
 * Looks the asset up in the cache's manifest and checks that the file is
 * still the one that was verified (size and mtime; `libvirt-tck-prepare
 * --verify` re-hashes).  ROOTFS is a directory; TEMPLATE is the OpenVZ
 * template tarball, whose template name is its basename minus ".tar.gz".
 * Disks are shared templates: copy them or use them as a backing file,
 * never write to them.
 *
 * Returns: (transfer full): the absolute path, or NULL with @error set:
 * TCK_ERROR_ASSET_MISSING (the message names the libvirt-tck-prepare
 * command to run) or TCK_ERROR_CHECKSUM (the file changed since it was
 * verified).
 */
char *tck_assets_lookup(const char *cache_dir, const char *arch, const char *os_type,
                        TckAssetKind kind, GError **error);

/* One verified asset file of the cache: what a remote host needs to get a copy of it. */
typedef struct {
    char *path;           /* absolute; a directory for ROOTFS */
    char *sha256;         /* lowercase hex, from the manifest */
    guint64 size;         /* bytes */
} TckAssetFile;

void tck_asset_file_free(TckAssetFile *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckAssetFile, tck_asset_file_free)

/**
 * tck_assets_lookup_file:
 *
 * tck_assets_lookup() with the SHA-256 and size the manifest recorded
 * when the file was verified (same arguments, same errors).
 *
 * Returns: (transfer full): the file, or NULL with @error set.
 */
TckAssetFile *tck_assets_lookup_file(const char *cache_dir, const char *arch, const char *os_type,
                                     TckAssetKind kind, GError **error);

/**
 * tck_assets_describe_sha256:
 * @cache_dir: (nullable): as for tck_assets_lookup()
 * @sha256: a content hash
 *
 * Returns: (transfer full): "kind arch/os_type" of each cache entry with
 * that hash, comma-separated ("kernel x86_64/hvm"), or NULL when the
 * cache has none (or cannot be read).
 */
char *tck_assets_describe_sha256(const char *cache_dir, const char *sha256);

/**
 * tck_assets_default_cache_dir:
 * @scratch_dir: (nullable): the config's scratch_dir
 *
 * The cache directory to use when neither --cache nor $TCK_ASSET_CACHE
 * names one.
 *
 * Returns: (transfer full): @scratch_dir if given, else
 * $XDG_CACHE_HOME/libvirt-tck for a user or /var/cache/libvirt-tck for
 * root.
 */
char *tck_assets_default_cache_dir(const char *scratch_dir);

/* "kernel", "initrd", "iso", "rootfs", "template", "disk-raw",
 * "disk-qcow2", "fs-disk", "vmlinux"; NULL for an out-of-range kind. */
const char *tck_asset_kind_to_string(TckAssetKind kind);
/* The inverse; TCK_ASSET_LAST for an unknown name. */
TckAssetKind tck_asset_kind_from_string(const char *name);

/* The host's architecture in libvirt's spelling ("x86_64", "aarch64"). */
const char *tck_assets_host_arch(void);

G_END_DECLS
