/*
 * prepare.h — the private pieces of libvirt-tck-prepare: the run's
 * options and state, and one entry point per concern (download, initrd,
 * ISO, rootfs, template, disk, progress, exit codes).
 */
#pragma once

#include <glib.h>
#include <archive.h>
#include <tck/asset-cache.h>
#include <tck/asset-sources.h>
#include <tck/config.h>

G_BEGIN_DECLS

/* Every built entry's times and owners are pinned, so builds are
 * reproducible: 2000-01-01T00:00:00Z. */
#define TCK_PREPARE_EPOCH ((time_t)946684800)

/* ---- progress.c: a bar on a TTY, plain lines otherwise, nothing with -q */
typedef struct _TckProgress TckProgress;
TckProgress *tck_progress_new(gboolean quiet);
void tck_progress_free(TckProgress *pr);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckProgress, tck_progress_free)
/* A transfer of @total bytes (0: unknown) starting at @offset. */
void tck_progress_start(TckProgress *pr, const char *label, guint64 total, guint64 offset);
void tck_progress_set_total(TckProgress *pr, guint64 total);
void tck_progress_update(TckProgress *pr, guint64 done);
void tck_progress_end(TckProgress *pr, const char *outcome);
/* One status line on stdout (nothing with -q). */
void tck_progress_say(TckProgress *pr, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* ---- exit-codes.c: one table, error code → exit status and label */
int tck_prepare_exit_status(const GError *error);
/* The table as text, for --help and the man page. */
char *tck_prepare_exit_codes_describe(void);

/* ---- download.c */
typedef struct {
    long connect_timeout_s;
    long low_speed_limit;       /* bytes/s ... */
    long low_speed_time_s;      /* ... for this long aborts a transfer */
    guint retries;
    guint retry_delay_ms;       /* first backoff; doubles each retry */
    long deadline_s;            /* the whole fetch, retries included */
    guint64 max_size;           /* a body without a declared size stops here */
} TckDownloadLimits;

typedef struct {
    const char *url;
    const char *display;        /* the URL with credentials masked: for messages and files */
    const char *sha256;         /* NULL only with --insecure-no-checksum */
    guint64 size;               /* 0: unknown; a longer body is cut off there */
    const char *etag;           /* set both for a conditional refresh */
    const char *last_modified;
} TckDownloadRequest;

typedef struct {
    char *path;                 /* the finished file (under partial/) */
    char *sha256;
    guint64 size;
    char *etag;
    char *last_modified;
    gboolean not_modified;      /* 304: nothing was transferred */
} TckDownloadResult;

void tck_download_result_clear(TckDownloadResult *r);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(TckDownloadResult, tck_download_result_clear)

/*
 * Fetches @req->url into the cache's partial/ directory, resuming a
 * partial file left by an earlier attempt, retrying with backoff, and
 * verifying the SHA-256 before returning.  A mismatch deletes the file.
 */
gboolean tck_download_fetch(TckAssetCache *cache, const TckDownloadLimits *limits,
                            TckProgress *pr, const TckDownloadRequest *req,
                            TckDownloadResult *res, GError **error);

/* ---- archive-util.c: writing entries from memory with pinned metadata */
typedef struct {
    struct archive *a;
    la_int64_t next_ino;
    const char *out;            /* names the file in errors */
} TckArchiveWriter;

gboolean tck_archive_add_dir(TckArchiveWriter *w, const char *path, mode_t perm, GError **error);
gboolean tck_archive_add_data(TckArchiveWriter *w, const char *path, mode_t perm,
                              const void *data, gsize len, GError **error);
gboolean tck_archive_add_file(TckArchiveWriter *w, const char *path, mode_t perm,
                              const char *src, GError **error);
gboolean tck_archive_add_symlink(TckArchiveWriter *w, const char *path, const char *target,
                                 GError **error);
gboolean tck_archive_add_chardev(TckArchiveWriter *w, const char *path, mode_t perm,
                                 unsigned maj, unsigned min, GError **error);
gboolean tck_archive_check(TckArchiveWriter *w, int r, const char *what, GError **error);
/* "bin/sh", "sbin/ip", ... from `busybox --list-full`, sorted. */
GStrv tck_busybox_applets(const char *busybox, GError **error);
/* Adds busybox as bin/busybox plus one symlink per applet (except @skip). */
gboolean tck_archive_add_busybox(TckArchiveWriter *w, const char *busybox, GStrv applets,
                                 const char *const *skip, GError **error);

/* ---- initrd.c */
#define TCK_INITRD_RECIPE "initrd-3"
/* The modules /init loads (those the generic guest's devices need),
 * before dependency resolution. */
extern const char *const tck_initrd_modules[];
gboolean tck_initrd_build(const char *out, const char *busybox, GStrv applets,
                          const char *init_script, const char *modules_dir, GPtrArray *modules,
                          GError **error);

/* ---- xen-host.c */
#define TCK_XEN_HOST_RECIPE "xen-host-1"
/* The modules dom0's /init loads, before dependency resolution. */
extern const char *const tck_xen_dom0_modules[];
/* The newest xen-*.gz in @boot_dir (NULL: /boot). */
char *tck_xen_hypervisor_find(const char *boot_dir, GError **error);
/* Gunzips the hypervisor @src into @out (libarchive's raw reader). */
gboolean tck_xen_hypervisor_unpack(const char *src, const char *out, GError **error);

/* ---- iso.c */
#define TCK_ISO_RECIPE "iso-1"
gboolean tck_iso_build(const char *out, const char *kernel, const char *initrd,
                       const char *isolinux_bin, const char *ldlinux_c32, const char *cfg,
                       GError **error);

/* ---- rootfs.c */
#define TCK_ROOTFS_RECIPE "rootfs-2"
gboolean tck_rootfs_build(const char *out, const char *busybox, GStrv applets,
                          const char *init_script, GError **error);
/* Extracts a rootfs tarball into @dest (created), keeping modes, links and
 * device nodes (the latter need root; skipped otherwise). */
gboolean tck_rootfs_extract(const char *tarball, const char *dest, GError **error);

/* ---- template.c */
/* OpenVZ's template cache name for this tree: "tck-busybox-<arch>". */
char *tck_template_name(const char *arch);
/* Links the rootfs tarball @blob into templates/<name>.tar.gz; returns
 * the relative path. */
char *tck_template_install(TckAssetCache *cache, const char *blob, const char *arch,
                           GError **error);

/* ---- vmlinux.c: the fast kernel */
#define TCK_VMLINUX_RECIPE "vmlinux-1"
/*
 * Writes the uncompressed kernel inside the compressed @kernel (an x86
 * bzImage: its payload decompressed by libarchive's xz/gzip/zstd/...
 * filters) to @out when it is an ELF with the PVH entry note.  When the
 * kernel has no such payload, returns TRUE with @why saying what it lacks
 * (@out may hold a partial file then).  FALSE with @error on I/O failure.
 */
gboolean tck_vmlinux_extract(const char *kernel, const char *out, char **why, GError **error);

/* ---- disk.c */
#define TCK_DISK_RECIPE "disk-1"
gboolean tck_disk_create(const char *out, const char *format, guint64 size, GError **error);
/* ext4 holding the rootfs tarball; launches a libguestfs appliance. */
gboolean tck_fs_disk_build(const char *out, const char *tarball, guint64 size, GError **error);

/* ---- the run (main.c parses the options; sources.c resolves where each
 * asset comes from; recipes.c builds them, one table row per kind) */
typedef struct {
    char *config_path, *cache_dir, *arch, *os_type, *only, *busybox, *kernel, *boot_dir;
    char *modules_root, *catalog, *kernel_url, *initrd_url, *kernel_sha256, *initrd_sha256;
    char *disk_size_str, *older_than, *path_kind;
    char *uri;                  /* --list/--purge the asset pool of this host instead */
    gboolean offline, refresh, insecure, quiet, with_fs_disk, list, verify, purge, version;
    int lock_timeout;
    TckDownloadLimits limits;
    char **last_sha_slot;       /* where a bare --sha256 goes */
} TckPrepareOptions;

typedef struct {
    const TckPrepareOptions *opt;
    TckConfig *cfg;
    TckAssetCache *cache;
    TckProgress *pr;
    gboolean want[TCK_ASSET_LAST];
    const char *arch;           /* the guest arch */
    const char *kos;            /* OS type for kernel/initrd/ISO */
    guint64 disk_size;
    /* where the assets come from (sources.c) */
    TckAssetSource kernel_dl, initrd_dl; /* url NULL: made from the host */
    TckHostKernel hk;
    char *bb;
    char *isolinux_bin, *ldlinux_c32;
    char *xen_gz;               /* the host's /boot/xen-*.gz */
    /* derived while building, kept for the next recipe */
    GStrv applets;
    GPtrArray *modules;
    GPtrArray *dom0_modules;    /* the Xen host's dom0 initrd's */
    guint built, reused;
} TckPrepare;

/* --list/--purge --uri: the remote host's asset pool (remote.c). */
gboolean tck_prepare_run_remote(TckPrepare *p, GError **error);

void tck_prepare_clear(TckPrepare *p);

/* OS types whose guests boot a kernel; "exe" guests get the container assets. */
gboolean tck_prepare_is_kernel_os(const char *os_type);

/*
 * Decides where every wanted asset comes from (--kernel-url, the config's
 * `kernels:`, the catalog, the host) and checks host inputs, all before
 * the cache is touched: bad input leaves the cache as it was.
 */
gboolean tck_prepare_resolve_sources(TckPrepare *p, GError **error);

/* Builds or fetches every wanted asset, in dependency order, under the
 * cache lock the caller holds. */
gboolean tck_prepare_build_all(TckPrepare *p, GError **error);

G_END_DECLS
