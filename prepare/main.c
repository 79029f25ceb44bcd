/* main.c — libvirt-tck-prepare: options, choosing each asset's source,
 * and filling the cache (or listing, verifying, purging it). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <curl/curl.h>
#include <glib/gstdio.h>

#include "prepare.h"
#include <tck/error.h>

/* Arches libvirt knows; anything else is a typo (TCK_ERROR_UNKNOWN_ARCH). */
static const char *const known_arches[] = {
    "x86_64", "i686", "aarch64", "armv7l", "armv6l", "ppc64", "ppc64le", "s390x", "riscv64",
    "mips64el", "loongarch64", NULL,
};
/* Arches whose BIOS boots isolinux. */
static const char *const isolinux_arches[] = { "x86_64", "i686", NULL };
/* OS types whose guests boot a kernel; "exe" guests get the container assets. */
static const char *const kernel_os_types[] = { "hvm", "xen", "linux", "xenpvh", NULL };

typedef struct {
    /* options */
    char *config_path, *cache_dir, *arch, *os_type, *only, *busybox, *kernel, *boot_dir;
    char *modules_root, *catalog, *kernel_url, *initrd_url, *kernel_sha256, *initrd_sha256;
    char *disk_size_str, *older_than, *path_kind;
    gboolean offline, refresh, insecure, quiet, with_fs_disk, list, verify, purge, version;
    int lock_timeout;
    TckDownloadLimits limits;
    char **last_sha_slot;       /* where a bare --sha256 goes */

    /* the run */
    TckConfig *cfg;
    TckAssetCache *cache;
    TckProgress *pr;
    gboolean want[TCK_ASSET_LAST];
    const char *kos;            /* OS type for kernel/initrd/ISO */
    guint64 disk_size;
    TckHostKernel hk;
    TckAssetSource kernel_src, initrd_src;
    char *bb;
    GStrv applets;
    GPtrArray *modules;
    char *isolinux_bin, *ldlinux_c32;
    guint built, reused;
} Prepare;

static Prepare P = {
    .lock_timeout = 600,
    .limits = { .connect_timeout_s = 30, .low_speed_limit = 1024, .low_speed_time_s = 30,
                .retries = 3, .retry_delay_ms = 1000 },
};

static gboolean
on_sha256(const char *name, const char *value, gpointer data, GError **error)
{
    if (!P.last_sha_slot) {
        g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                    "--sha256 must follow --kernel-url or --initrd-url");
        return FALSE;
    }
    g_free(*P.last_sha_slot);
    *P.last_sha_slot = g_ascii_strdown(value, -1);
    return TRUE;
}

static gboolean
on_url(const char *name, const char *value, gpointer data, GError **error)
{
    gboolean kernel = g_str_equal(name, "--kernel-url");
    char **slot = kernel ? &P.kernel_url : &P.initrd_url;

    g_free(*slot);
    *slot = g_strdup(value);
    P.last_sha_slot = kernel ? &P.kernel_sha256 : &P.initrd_sha256;
    return TRUE;
}

static const GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &P.config_path, "Config file", "FILE" },
    { "cache", 0, 0, G_OPTION_ARG_FILENAME, &P.cache_dir, "Asset cache directory", "DIR" },
    { "arch", 0, 0, G_OPTION_ARG_STRING, &P.arch, "Guest arch (default: the host's)", "ARCH" },
    { "os-type", 0, 0, G_OPTION_ARG_STRING, &P.os_type, "Guest OS type: hvm, xen, exe (default: hvm and exe)", "TYPE" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &P.only, "Only these assets (comma-separated: kernel,initrd,iso,rootfs,template,disk-raw,disk-qcow2,fs-disk,xen-host)", "LIST" },
    { "offline", 0, 0, G_OPTION_ARG_NONE, &P.offline, "Never download; fail if a download is needed", NULL },
    { "refresh", 0, 0, G_OPTION_ARG_NONE, &P.refresh, "Re-check downloaded assets (If-None-Match / If-Modified-Since)", NULL },
    { "insecure-no-checksum", 0, 0, G_OPTION_ARG_NONE, &P.insecure, "Allow downloads without --sha256 (stored as unverified)", NULL },
    { "kernel-url", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer)on_url, "Download the kernel from URL", "URL" },
    { "initrd-url", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer)on_url, "Download the initrd from URL", "URL" },
    { "sha256", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer)on_sha256, "SHA-256 of the URL given just before", "HEX" },
    { "kernel-sha256", 0, 0, G_OPTION_ARG_STRING, &P.kernel_sha256, "SHA-256 of --kernel-url", "HEX" },
    { "initrd-sha256", 0, 0, G_OPTION_ARG_STRING, &P.initrd_sha256, "SHA-256 of --initrd-url", "HEX" },
    { "kernel", 0, 0, G_OPTION_ARG_FILENAME, &P.kernel, "Host kernel image to use (default: from --boot-dir)", "FILE" },
    { "boot-dir", 0, 0, G_OPTION_ARG_FILENAME, &P.boot_dir, "Where the host kernels are (default /boot)", "DIR" },
    { "modules-dir", 0, 0, G_OPTION_ARG_FILENAME, &P.modules_root, "Where the host modules are (default /lib/modules)", "DIR" },
    { "busybox", 0, 0, G_OPTION_ARG_FILENAME, &P.busybox, "Static busybox to use (default $TCK_BUSYBOX, then busybox)", "FILE" },
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &P.catalog, "Catalog of download sources (default: the installed one)", "FILE" },
    { "with-fs-disk", 0, 0, G_OPTION_ARG_NONE, &P.with_fs_disk, "Also build an ext4 disk holding the rootfs (libguestfs appliance; slow without KVM)", NULL },
    { "disk-size", 0, 0, G_OPTION_ARG_STRING, &P.disk_size_str, "Size of the empty disks (default: config disk_size, else 64M)", "SIZE" },
    { "list", 0, 0, G_OPTION_ARG_NONE, &P.list, "List the cached assets", NULL },
    { "path", 0, 0, G_OPTION_ARG_STRING, &P.path_kind, "Print the verified path of one asset (kernel, initrd, iso, rootfs, template, disk-raw, disk-qcow2, fs-disk)", "KIND" },
    { "verify", 0, 0, G_OPTION_ARG_NONE, &P.verify, "Re-hash every cached asset and report bad ones", NULL },
    { "purge", 0, 0, G_OPTION_ARG_NONE, &P.purge, "Delete cached assets", NULL },
    { "older-than", 0, 0, G_OPTION_ARG_STRING, &P.older_than, "With --purge: only those built before this long ago (30d, 12h, 90m, 45s)", "AGE" },
    { "lock-timeout", 0, 0, G_OPTION_ARG_INT, &P.lock_timeout, "Seconds to wait for the cache lock (default 600)", "S" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &P.quiet, "Print nothing but errors", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &P.version, "Print the version and exit", NULL },
    { NULL },
};

/* Download limits: options would clutter --help, so tests and slow links
 * tune them through the environment. */
static const struct {
    const char *env;
    long *slot;
} limit_env[] = {
    { "TCK_PREPARE_CONNECT_TIMEOUT", &P.limits.connect_timeout_s },
    { "TCK_PREPARE_LOW_SPEED_LIMIT", &P.limits.low_speed_limit },
    { "TCK_PREPARE_LOW_SPEED_TIME", &P.limits.low_speed_time_s },
};

static void
read_limits_env(void)
{
    const char *v;

    for (gsize i = 0; i < G_N_ELEMENTS(limit_env); i++)
        if ((v = g_getenv(limit_env[i].env)) && *v)
            *limit_env[i].slot = strtol(v, NULL, 10);
    if ((v = g_getenv("TCK_PREPARE_RETRIES")) && *v)
        P.limits.retries = strtoul(v, NULL, 10);
    if ((v = g_getenv("TCK_PREPARE_RETRY_DELAY_MS")) && *v)
        P.limits.retry_delay_ms = strtoul(v, NULL, 10);
}

static const struct {
    char suffix;
    guint64 factor;
} size_units[] = {
    { 'K', 1ULL << 10 }, { 'M', 1ULL << 20 }, { 'G', 1ULL << 30 }, { 'T', 1ULL << 40 },
};

static gboolean
parse_size(const char *s, guint64 *out, GError **error)
{
    char *end = NULL;
    guint64 n = g_ascii_strtoull(s, &end, 10);

    if (end == s)
        goto bad;
    if (*end) {
        gsize i;
        for (i = 0; i < G_N_ELEMENTS(size_units); i++)
            if (g_ascii_toupper(*end) == size_units[i].suffix)
                break;
        if (i == G_N_ELEMENTS(size_units) || (end[1] && g_ascii_strcasecmp(end + 1, "iB") != 0 &&
                                              g_ascii_strcasecmp(end + 1, "B") != 0))
            goto bad;
        n *= size_units[i].factor;
    }
    if (n == 0 || n % 512)
        goto bad;
    *out = n;
    return TRUE;
bad:
    g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                "disk size '%s' is not a multiple of 512 bytes such as 64M or 1G", s);
    return FALSE;
}

static const struct {
    char suffix;
    gint64 seconds;
} age_units[] = { { 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 }, { 'w', 604800 } };

static gboolean
parse_age(const char *s, gint64 *out, GError **error)
{
    char *end = NULL;
    gint64 n = g_ascii_strtoll(s, &end, 10);

    if (end == s || n < 0)
        goto bad;
    if (!*end) {
        *out = n * 86400;
        return TRUE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(age_units); i++)
        if (*end == age_units[i].suffix && !end[1]) {
            *out = n * age_units[i].seconds;
            return TRUE;
        }
bad:
    g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "age '%s' is not like 30d, 12h, 90m or 45s", s);
    return FALSE;
}

static void
on_lock_wait(const char *dir, const char *holder)
{
    tck_progress_say(P.pr, "waiting for the lock on %s (held by pid %s)", dir, holder);
}

static void
on_bad_entry(const TckAssetEntry *e, const char *path, const char *why)
{
    fprintf(stderr, "libvirt-tck-prepare: BAD %s %s/%s %s: %s\n", tck_asset_kind_to_string(e->kind),
            e->arch, e->os_type, path, why);
}

/* ---------------------------------------------------------------- sources */

static gboolean
is_kernel_os(const char *os)
{
    return g_strv_contains(kernel_os_types, os);
}

/* A kernel entry's "kernel"/"initrd": a URL, or (upstream) a map whose "source" is one. */
static const char *
config_kernel_url(guint i, const char *key)
{
    g_autofree char *plain = g_strdup_printf("kernels/%u/%s", i, key);
    g_autofree char *source = g_strdup_printf("kernels/%u/%s/source", i, key);
    const char *url = tck_config_get_string(P.cfg, plain);

    return url ? url : tck_config_get_string(P.cfg, source);
}

/* The config's `kernels:` list (upstream 2.x keys arch, ostype (one or a
 * list), kernel, initrd; ours: kernel_sha256, initrd_sha256). */
static void
config_kernel_source(const char *arch, const char *os)
{
    for (guint i = 0;; i++) {
        g_autofree char *k_entry = g_strdup_printf("kernels/%u", i);
        g_autofree char *k_arch = g_strdup_printf("kernels/%u/arch", i);
        g_autofree char *k_os = g_strdup_printf("kernels/%u/ostype", i);
        g_autofree char *k_ksha = g_strdup_printf("kernels/%u/kernel_sha256", i);
        g_autofree char *k_isha = g_strdup_printf("kernels/%u/initrd_sha256", i);
        const char *a = tck_config_get_string(P.cfg, k_arch);
        g_auto(GStrv) oses = tck_config_get_strv(P.cfg, k_os);

        if (!tck_config_lookup(P.cfg, k_entry))
            return;
        if (g_strcmp0(a, arch) != 0 || (oses && oses[0] && !g_strv_contains((const char *const *)oses, os)))
            continue;
        if (!P.kernel_url && config_kernel_url(i, "kernel")) {
            P.kernel_url = g_strdup(config_kernel_url(i, "kernel"));
            P.kernel_sha256 = g_strdup(tck_config_get_string(P.cfg, k_ksha));
        }
        if (!P.initrd_url && config_kernel_url(i, "initrd")) {
            P.initrd_url = g_strdup(config_kernel_url(i, "initrd"));
            P.initrd_sha256 = g_strdup(tck_config_get_string(P.cfg, k_isha));
        }
        return;
    }
}

static gboolean
check_url_source(const char *what, const char *url, const char *sha, GError **error)
{
    if (!url)
        return TRUE;
    if (!sha && !P.insecure) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                    "%s %s has no SHA-256: add `%s_sha256: HEX` to its `kernels:` entry in the config, "
                    "or give --%s-url URL --sha256 HEX (or --insecure-no-checksum)", what, url, what, what);
        return FALSE;
    }
    if (sha && (strlen(sha) != 64 || strspn(sha, "0123456789abcdef") != 64)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "SHA-256 '%s' for %s is not 64 hex digits",
                    sha, url);
        return FALSE;
    }
    return TRUE;
}

/* Decides where every wanted asset comes from, checking host inputs, all
 * before the cache is touched: bad input leaves the cache as it was. */
static gboolean
resolve_sources(GError **error)
{
    const char *host = tck_assets_host_arch();
    gboolean native = g_str_equal(P.arch, host);
    gboolean need_busybox = P.want[TCK_ASSET_ROOTFS] || P.want[TCK_ASSET_TEMPLATE] ||
                            P.want[TCK_ASSET_FS_DISK];
    gboolean need_kernel = P.want[TCK_ASSET_KERNEL] || P.want[TCK_ASSET_ISO];
    gboolean need_initrd = P.want[TCK_ASSET_INITRD] || P.want[TCK_ASSET_ISO] ||
                           P.want[TCK_ASSET_XEN_HOST];

    if (need_kernel || need_initrd) {
        config_kernel_source(P.arch, P.kos);
        if (!P.kernel_url && !native) {
            g_autoptr(GError) local = NULL;
            if (tck_catalog_lookup(P.catalog, P.arch, P.kos, TCK_ASSET_KERNEL, &P.kernel_src, &local)) {
                P.kernel_url = g_strdup(P.kernel_src.url);
                P.kernel_sha256 = g_strdup(P.kernel_src.sha256);
                if (tck_catalog_lookup(P.catalog, P.arch, P.kos, TCK_ASSET_INITRD, &P.initrd_src, NULL) &&
                    !P.initrd_url) {
                    P.initrd_url = g_strdup(P.initrd_src.url);
                    P.initrd_sha256 = g_strdup(P.initrd_src.sha256);
                }
            } else if (local) {
                g_propagate_error(error, g_steal_pointer(&local));
                return FALSE;
            }
        }
        if (!P.kernel_url) {
            if (!native) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_UNKNOWN_ARCH,
                            "no kernel source for %s/%s: the host is %s; give --kernel-url URL --sha256 HEX, a config `kernels:` entry or a catalog entry",
                            P.arch, P.kos, host);
                return FALSE;
            }
            if (!tck_host_kernel_find(P.kernel, P.boot_dir, P.modules_root, &P.hk, error))
                return FALSE;
        }
        if (!check_url_source("kernel", P.kernel_url, P.kernel_sha256, error) ||
            !check_url_source("initrd", P.initrd_url, P.initrd_sha256, error))
            return FALSE;
        if (need_initrd && !P.initrd_url) {
            need_busybox = TRUE;
            if (P.hk.modules_dir) {
                g_autofree char *dep = g_build_filename(P.hk.modules_dir, "modules.dep", NULL);
                if (access(dep, R_OK) < 0) {
                    g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                                "%s is missing or unreadable; run depmod for that kernel", dep);
                    return FALSE;
                }
            }
        }
    }
    if (need_busybox) {
        if (!native && !P.busybox) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_UNKNOWN_ARCH,
                        "no busybox for %s (the host is %s): give --busybox PATH to a static busybox for %s",
                        P.arch, host, P.arch);
            return FALSE;
        }
        if (!(P.bb = tck_host_busybox_find(P.busybox, error)))
            return FALSE;
    }
    if (P.want[TCK_ASSET_ISO] &&
        !tck_host_isolinux_find(&P.isolinux_bin, &P.ldlinux_c32, error))
        return FALSE;
    return TRUE;
}

/* ---------------------------------------------------------------- building */

static TckAssetEntry *
entry_new(TckAssetKind kind, const char *arch, const char *os, const char *source)
{
    TckAssetEntry *e = g_new0(TckAssetEntry, 1);

    e->kind = kind;
    e->arch = g_strdup(arch);
    e->os_type = g_strdup(os);
    e->source = g_strdup(source);
    e->verified = TRUE;
    return e;
}

/* The cached entry if it is intact and was made from @inputs. */
static TckAssetEntry *
cached(TckAssetKind kind, const char *arch, const char *os, const char *inputs)
{
    TckAssetEntry *e = tck_asset_cache_find(P.cache, kind, arch, os);

    if (e && !e->bad && g_strcmp0(e->inputs, inputs) == 0 && tck_asset_cache_entry_ok(P.cache, e))
        return e;
    return NULL;
}

static void
say_done(TckAssetKind kind, const TckAssetEntry *e, gint64 t0)
{
    g_autofree char *size = g_format_size_full(e->size, G_FORMAT_SIZE_IEC_UNITS);

    P.built++;
    tck_progress_say(P.pr, "%-10s built   %9s  %.2f s  %s", tck_asset_kind_to_string(kind), size,
                     (g_get_monotonic_time() - t0) / 1e6, e->file);
}

static void
say_cached(TckAssetKind kind, const TckAssetEntry *e)
{
    P.reused++;
    tck_progress_say(P.pr, "%-10s cached  %s", tck_asset_kind_to_string(kind), e->file);
}

/* Hash of a recipe and its inputs: what a built asset is keyed by. */
static char *
inputs_hash(const char *recipe, GPtrArray *parts)
{
    g_autoptr(GString) s = g_string_new(recipe);

    for (guint i = 0; i < parts->len; i++)
        g_string_append_printf(s, "\n%s", (char *)g_ptr_array_index(parts, i));
    return g_compute_checksum_for_string(G_CHECKSUM_SHA256, s->str, s->len);
}

static gboolean
add_input_file(GPtrArray *parts, const char *label, const char *path, GError **error)
{
    g_autofree char *sha = tck_asset_cache_input_sha256(P.cache, path, error);

    if (!sha)
        return FALSE;
    g_ptr_array_add(parts, g_strdup_printf("%s=%s", label, sha));
    return TRUE;
}

static gboolean
save(GError **error)
{
    return !tck_asset_cache_is_dirty(P.cache) || tck_asset_cache_save(P.cache, error);
}

/* Copies @src into a temporary file while hashing it. */
static char *
copy_hashing(const char *src, char **sha_out, GError **error)
{
    g_autofree char *tmp = tck_asset_cache_tmp_path(P.cache, "copy");
    g_autoptr(TckSha256) sha = tck_sha256_new();
    g_autofree guint8 *buf = g_malloc(1 << 20);
    int in = open(src, O_RDONLY | O_CLOEXEC), out;
    ssize_t n;

    if (in < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "cannot read %s: %s", src, g_strerror(errno));
        return NULL;
    }
    out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        tck_asset_set_errno(error, errno, "create", tmp);
        close(in);
        return NULL;
    }
    while ((n = read(in, buf, 1 << 20)) > 0) {
        for (ssize_t done = 0, w; done < n; done += w) {
            /* a short write is followed by one that says why */
            if ((w = write(out, buf + done, n - done)) < 0) {
                int err = errno;
                if (err == EINTR) {
                    w = 0;
                    continue;
                }
                tck_asset_set_errno(error, err, "write", tmp);
                close(in);
                close(out);
                return NULL;
            }
        }
        tck_sha256_update(sha, buf, n);
    }
    close(in);
    if (n < 0 || fsync(out) < 0 || close(out) < 0) {
        tck_asset_set_errno(error, errno, n < 0 ? "read" : "write", n < 0 ? src : tmp);
        return NULL;
    }
    *sha_out = tck_sha256_finish(sha);
    return g_steal_pointer(&tmp);
}

/* Stores a finished temporary file as the asset @e describes. */
static gboolean
store_built(const char *tmp, TckAssetEntry *e, gint64 t0, GError **error)
{
    g_autofree char *sha = tck_sha256_file(tmp, error);
    TckAssetKind kind = e->kind;
    const char *arch = e->arch, *os = e->os_type;

    if (!sha) {
        tck_asset_entry_free(e);
        return FALSE;
    }
    if (!tck_asset_cache_store(P.cache, tmp, sha, e, error))
        return FALSE;
    say_done(kind, tck_asset_cache_find(P.cache, kind, arch, os), t0);
    return save(error);
}

static gboolean
ensure_url_asset(TckAssetKind kind, const char *url, const char *sha256, guint64 size, GError **error)
{
    TckAssetEntry *e = tck_asset_cache_find(P.cache, kind, P.arch, P.kos);
    gboolean have = e && !e->bad && g_strcmp0(e->url, url) == 0 &&
                    (!sha256 || g_strcmp0(e->sha256, sha256) == 0) &&
                    tck_asset_cache_entry_ok(P.cache, e);
    TckDownloadRequest req = { .url = url, .sha256 = sha256, .size = size };
    g_auto(TckDownloadResult) res = { 0 };
    g_autofree char *source = g_strdup_printf("url:%s", url);
    gint64 t0 = g_get_monotonic_time();
    TckAssetEntry *ne;

    if (have && (!P.refresh || P.offline)) {
        say_cached(kind, e);
        return TRUE;
    }
    if (P.offline) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING,
                    "--offline: %s for %s/%s (%s) is not in cache %s", tck_asset_kind_to_string(kind),
                    P.arch, P.kos, url, tck_asset_cache_dir(P.cache));
        return FALSE;
    }
    if (have) {
        req.etag = e->etag;
        req.last_modified = e->last_modified;
    }
    if (!tck_download_fetch(P.cache, &P.limits, P.pr, &req, &res, error))
        return FALSE;
    if (res.not_modified) {
        tck_progress_say(P.pr, "%-10s not modified  %s", tck_asset_kind_to_string(kind), url);
        P.reused++;
        return TRUE;
    }
    ne = entry_new(kind, P.arch, P.kos, source);
    ne->url = g_strdup(url);
    ne->etag = g_steal_pointer(&res.etag);
    ne->last_modified = g_steal_pointer(&res.last_modified);
    ne->verified = sha256 != NULL;
    ne->inputs = g_strdup(res.sha256);
    if (!tck_asset_cache_store(P.cache, res.path, res.sha256, ne, error))
        return FALSE;
    say_done(kind, tck_asset_cache_find(P.cache, kind, P.arch, P.kos), t0);
    return save(error);
}

static gboolean
ensure_kernel(GError **error)
{
    g_autofree char *sha = NULL;
    g_autofree char *source = NULL;
    g_autofree char *tmp = NULL;
    g_autofree char *copied_sha = NULL;
    TckAssetEntry *e;
    gint64 t0 = g_get_monotonic_time();

    if (P.kernel_url)
        return ensure_url_asset(TCK_ASSET_KERNEL, P.kernel_url, P.kernel_sha256, P.kernel_src.size,
                                error);
    if (!(sha = tck_asset_cache_input_sha256(P.cache, P.hk.kernel, error)))
        return FALSE;
    if ((e = cached(TCK_ASSET_KERNEL, P.arch, P.kos, sha))) {
        say_cached(TCK_ASSET_KERNEL, e);
        return TRUE;
    }
    /* a copy, never the file in /boot: a kernel update must not change it */
    if (!(tmp = copy_hashing(P.hk.kernel, &copied_sha, error)))
        return FALSE;
    source = g_strdup_printf("host:%s", P.hk.kernel);
    e = entry_new(TCK_ASSET_KERNEL, P.arch, P.kos, source);
    e->inputs = g_strdup(copied_sha);
    if (!tck_asset_cache_store(P.cache, tmp, copied_sha, e, error))
        return FALSE;
    say_done(TCK_ASSET_KERNEL, tck_asset_cache_find(P.cache, TCK_ASSET_KERNEL, P.arch, P.kos), t0);
    return save(error);
}

static GStrv
applets(GError **error)
{
    if (!P.applets)
        P.applets = tck_busybox_applets(P.bb, error);
    return P.applets;
}

/* The initrd's modules in load order; memoised by the stat of modules.dep
 * and modules.builtin, since parsing them is most of a warm prepare. */
static GPtrArray *
resolve_modules(GError **error)
{
    g_autofree char *dep = g_build_filename(P.hk.modules_dir, "modules.dep", NULL);
    g_autofree char *builtin = g_build_filename(P.hk.modules_dir, "modules.builtin", NULL);
    g_autofree char *wanted = g_strjoinv(",", (char **)tck_initrd_modules);
    g_autofree char *s_dep = tck_asset_stat_stamp(dep);
    g_autofree char *s_builtin = tck_asset_stat_stamp(builtin);
    g_autofree char *stamp = g_strdup_printf("%s %s %s", s_dep, s_builtin, wanted);
    g_autofree char *key = g_strdup_printf("modules %s", P.hk.modules_dir);
    g_autofree char *memo = tck_asset_cache_memo_get(P.cache, key, stamp);
    GPtrArray *list;

    if (memo) {
        g_auto(GStrv) names = g_strsplit(memo, " ", -1);
        list = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; names[i]; i++)
            if (*names[i])
                g_ptr_array_add(list, g_strdup(names[i]));
        return list;
    }
    if (!(list = tck_host_modules_resolve(P.hk.modules_dir, tck_initrd_modules, error)))
        return NULL;
    {
        g_autoptr(GString) value = g_string_new(NULL);
        for (guint i = 0; i < list->len; i++)
            g_string_append_printf(value, "%s%s", i ? " " : "", (char *)g_ptr_array_index(list, i));
        tck_asset_cache_memo_set(P.cache, key, stamp, value->str);
    }
    return list;
}

static gboolean
ensure_initrd(GError **error)
{
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *init = tck_assets_data_path("init.sh");
    g_autofree char *inputs = NULL;
    g_autofree char *tmp = NULL;
    TckAssetEntry *e;
    gint64 t0 = g_get_monotonic_time();

    if (P.initrd_url)
        return ensure_url_asset(TCK_ASSET_INITRD, P.initrd_url, P.initrd_sha256, P.initrd_src.size,
                                error);
    if (P.hk.modules_dir && !(P.modules = resolve_modules(error)))
        return FALSE;
    if (!add_input_file(parts, "busybox", P.bb, error) || !add_input_file(parts, "init", init, error))
        return FALSE;
    g_ptr_array_add(parts, g_strdup_printf("release=%s", P.hk.release ? P.hk.release : "-"));
    for (guint i = 0; P.modules && i < P.modules->len; i++) {
        g_autofree char *path = g_build_filename(P.hk.modules_dir, g_ptr_array_index(P.modules, i), NULL);
        if (!add_input_file(parts, g_ptr_array_index(P.modules, i), path, error))
            return FALSE;
    }
    inputs = inputs_hash(TCK_INITRD_RECIPE, parts);
    if ((e = cached(TCK_ASSET_INITRD, P.arch, P.kos, inputs))) {
        say_cached(TCK_ASSET_INITRD, e);
        return TRUE;
    }
    if (!applets(error))
        return FALSE;
    tmp = tck_asset_cache_tmp_path(P.cache, "initrd");
    if (!tck_initrd_build(tmp, P.bb, P.applets, init, P.hk.modules_dir, P.modules, error))
        return FALSE;
    e = entry_new(TCK_ASSET_INITRD, P.arch, P.kos, "built:busybox initrd");
    e->inputs = g_steal_pointer(&inputs);
    return store_built(tmp, e, t0, error);
}

static gboolean
ensure_iso(GError **error)
{
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *cfg = tck_assets_data_path("isolinux.cfg");
    g_autofree char *inputs = NULL;
    g_autofree char *tmp = NULL;
    g_autofree char *kpath = NULL;
    g_autofree char *ipath = NULL;
    TckAssetEntry *k = tck_asset_cache_find(P.cache, TCK_ASSET_KERNEL, P.arch, P.kos);
    TckAssetEntry *i = tck_asset_cache_find(P.cache, TCK_ASSET_INITRD, P.arch, P.kos);
    TckAssetEntry *e;
    gint64 t0 = g_get_monotonic_time();

    if (!k || !i) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING,
                    "the ISO for %s/%s needs the kernel and initrd: prepare them too (drop --only)",
                    P.arch, P.kos);
        return FALSE;
    }
    g_ptr_array_add(parts, g_strdup_printf("kernel=%s", k->sha256));
    g_ptr_array_add(parts, g_strdup_printf("initrd=%s", i->sha256));
    if (!add_input_file(parts, "isolinux.bin", P.isolinux_bin, error) ||
        !add_input_file(parts, "ldlinux.c32", P.ldlinux_c32, error) ||
        !add_input_file(parts, "isolinux.cfg", cfg, error))
        return FALSE;
    inputs = inputs_hash(TCK_ISO_RECIPE, parts);
    if ((e = cached(TCK_ASSET_ISO, P.arch, P.kos, inputs))) {
        say_cached(TCK_ASSET_ISO, e);
        return TRUE;
    }
    kpath = tck_asset_cache_path(P.cache, k);
    ipath = tck_asset_cache_path(P.cache, i);
    tmp = tck_asset_cache_tmp_path(P.cache, "iso");
    if (!tck_iso_build(tmp, kpath, ipath, P.isolinux_bin, P.ldlinux_c32, cfg, error))
        return FALSE;
    e = entry_new(TCK_ASSET_ISO, P.arch, P.kos, "built:isolinux ISO");
    e->inputs = g_steal_pointer(&inputs);
    return store_built(tmp, e, t0, error);
}

/* The rootfs tarball blob and its extracted tree trees/<sha>. */
static gboolean
ensure_rootfs(GError **error)
{
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *init = tck_assets_data_path("container-init.sh");
    g_autofree char *inputs = NULL;
    g_autofree char *tmp = NULL;
    g_autofree char *sha = NULL;
    g_autofree char *blob_rel = NULL;
    g_autofree char *blob = NULL;
    g_autofree char *tree_tmp = NULL;
    g_autofree char *tree = NULL;
    TckAssetEntry *e;
    struct stat st;
    gint64 t0 = g_get_monotonic_time();

    if (!add_input_file(parts, "busybox", P.bb, error) ||
        !add_input_file(parts, "init", init, error))
        return FALSE;
    inputs = inputs_hash(TCK_ROOTFS_RECIPE, parts);
    if ((e = cached(TCK_ASSET_ROOTFS, P.arch, "exe", inputs))) {
        say_cached(TCK_ASSET_ROOTFS, e);
        return TRUE;
    }
    if (!applets(error))
        return FALSE;
    tmp = tck_asset_cache_tmp_path(P.cache, "rootfs.tar.gz");
    if (!tck_rootfs_build(tmp, P.bb, P.applets, init, error) || !(sha = tck_sha256_file(tmp, error)))
        return FALSE;
    if (!tck_asset_cache_put_blob(P.cache, tmp, sha, &blob_rel, error))
        return FALSE;
    blob = g_build_filename(tck_asset_cache_dir(P.cache), blob_rel, NULL);
    tree = g_build_filename(tck_asset_cache_dir(P.cache), "trees", sha, NULL);
    if (!g_file_test(tree, G_FILE_TEST_IS_DIR)) {
        /* extract aside, then rename: a tree is either complete or absent */
        tree_tmp = tck_asset_cache_tmp_path(P.cache, "tree");
        if (!tck_rootfs_extract(blob, tree_tmp, error))
            return FALSE;
        if (g_rename(tree_tmp, tree) < 0) {
            tck_asset_set_errno(error, errno, "store", tree);
            return FALSE;
        }
    }
    if (stat(blob, &st) < 0) {
        tck_asset_set_errno(error, errno, "stat", blob);
        return FALSE;
    }
    e = entry_new(TCK_ASSET_ROOTFS, P.arch, "exe", "built:busybox rootfs");
    e->inputs = g_steal_pointer(&inputs);
    e->file = g_build_filename("trees", sha, NULL);
    e->sha256 = g_strdup(sha);
    e->size = st.st_size;
    if (!tck_asset_cache_add(P.cache, e, error))
        return FALSE;
    say_done(TCK_ASSET_ROOTFS, tck_asset_cache_find(P.cache, TCK_ASSET_ROOTFS, P.arch, "exe"), t0);
    return save(error);
}

static gboolean
ensure_template(GError **error)
{
    TckAssetEntry *r = tck_asset_cache_find(P.cache, TCK_ASSET_ROOTFS, P.arch, "exe");
    g_autofree char *blob = NULL;
    g_autofree char *rel = NULL;
    g_autofree char *name = tck_template_name(P.arch);
    g_autofree char *inputs = NULL;
    TckAssetEntry *e;
    gint64 t0 = g_get_monotonic_time();

    if (!r) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING,
                    "the template for %s needs the rootfs: prepare it too (drop --only)", P.arch);
        return FALSE;
    }
    inputs = g_strdup_printf("%s %s", name, r->sha256);
    if ((e = cached(TCK_ASSET_TEMPLATE, P.arch, "exe", inputs))) {
        say_cached(TCK_ASSET_TEMPLATE, e);
        return TRUE;
    }
    blob = g_build_filename(tck_asset_cache_dir(P.cache), "blobs", r->sha256, NULL);
    if (!(rel = tck_template_install(P.cache, blob, P.arch, error)))
        return FALSE;
    e = entry_new(TCK_ASSET_TEMPLATE, P.arch, "exe", "built:rootfs tarball");
    e->inputs = g_steal_pointer(&inputs);
    e->file = g_steal_pointer(&rel);
    e->sha256 = g_strdup(r->sha256);
    if (!tck_asset_cache_add(P.cache, e, error))
        return FALSE;
    say_done(TCK_ASSET_TEMPLATE, tck_asset_cache_find(P.cache, TCK_ASSET_TEMPLATE, P.arch, "exe"), t0);
    return save(error);
}

static gboolean
ensure_disk(TckAssetKind kind, GError **error)
{
    const char *format = kind == TCK_ASSET_DISK_QCOW2 ? "qcow2" : "raw";
    g_autofree char *inputs = g_strdup_printf("%s %s %" G_GUINT64_FORMAT, TCK_DISK_RECIPE, format,
                                              P.disk_size);
    g_autofree char *tmp = NULL;
    g_autofree char *source = g_strdup_printf("built:empty %s", format);
    TckAssetEntry *e;
    gint64 t0 = g_get_monotonic_time();

    if ((e = cached(kind, "*", "*", inputs))) {
        say_cached(kind, e);
        return TRUE;
    }
    tmp = tck_asset_cache_tmp_path(P.cache, format);
    if (!tck_disk_create(tmp, format, P.disk_size, error))
        return FALSE;
    e = entry_new(kind, "*", "*", source);
    e->inputs = g_steal_pointer(&inputs);
    return store_built(tmp, e, t0, error);
}

static gboolean
ensure_fs_disk(GError **error)
{
    TckAssetEntry *r = tck_asset_cache_find(P.cache, TCK_ASSET_ROOTFS, P.arch, "exe");
    g_autofree char *inputs = NULL;
    g_autofree char *tmp = NULL;
    g_autofree char *blob = NULL;
    TckAssetEntry *e;
    gint64 t0 = g_get_monotonic_time();

    if (!r) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING,
                    "the fs disk for %s needs the rootfs: prepare it too", P.arch);
        return FALSE;
    }
    inputs = g_strdup_printf("%s ext4 %s %" G_GUINT64_FORMAT, TCK_DISK_RECIPE, r->sha256, P.disk_size);
    if ((e = cached(TCK_ASSET_FS_DISK, P.arch, "*", inputs))) {
        say_cached(TCK_ASSET_FS_DISK, e);
        return TRUE;
    }
    tck_progress_say(P.pr, "fs-disk    launching a libguestfs appliance (slow without KVM)");
    blob = g_build_filename(tck_asset_cache_dir(P.cache), "blobs", r->sha256, NULL);
    tmp = tck_asset_cache_tmp_path(P.cache, "fs-disk");
    if (!tck_fs_disk_build(tmp, blob, P.disk_size, error))
        return FALSE;
    e = entry_new(TCK_ASSET_FS_DISK, P.arch, "*", "built:ext4 rootfs disk");
    e->inputs = g_steal_pointer(&inputs);
    return store_built(tmp, e, t0, error);
}

/* The hypervisor of the emulated Xen host, gunzipped. */
static gboolean
ensure_xen_hypervisor(GError **error)
{
    g_autofree char *src = tck_xen_hypervisor_find(P.boot_dir, error);
    g_autofree char *sha = NULL;
    g_autofree char *tmp = NULL;
    g_autofree char *source = NULL;
    TckAssetEntry *e;
    gint64 t0 = g_get_monotonic_time();

    if (!src || !(sha = tck_asset_cache_input_sha256(P.cache, src, error)))
        return FALSE;
    if ((e = cached(TCK_ASSET_XEN_HYPERVISOR, P.arch, "xen", sha))) {
        say_cached(TCK_ASSET_XEN_HYPERVISOR, e);
        return TRUE;
    }
    tmp = tck_asset_cache_tmp_path(P.cache, "xen");
    if (!tck_xen_hypervisor_unpack(src, tmp, error))
        return FALSE;
    source = g_strdup_printf("host:%s", src);
    e = entry_new(TCK_ASSET_XEN_HYPERVISOR, P.arch, "xen", source);
    e->inputs = g_steal_pointer(&sha);
    return store_built(tmp, e, t0, error);
}

/* dom0's initrd: busybox, the 9p/overlay modules and assets/xen-dom0-init.sh. */
static gboolean
ensure_xen_host(GError **error)
{
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) modules = NULL;
    g_autofree char *init = tck_assets_data_path("xen-dom0-init.sh");
    g_autofree char *inputs = NULL;
    g_autofree char *tmp = NULL;
    TckAssetEntry *e;
    gint64 t0 = g_get_monotonic_time();

    if (!P.hk.modules_dir) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                    "the Xen host's dom0 needs the host kernel's modules (9p, overlay): none for %s",
                    P.hk.kernel ? P.hk.kernel : "the host kernel");
        return FALSE;
    }
    if (!(modules = tck_host_modules_resolve(P.hk.modules_dir, tck_xen_dom0_modules, error)))
        return FALSE;
    if (!add_input_file(parts, "busybox", P.bb, error) || !add_input_file(parts, "init", init, error))
        return FALSE;
    g_ptr_array_add(parts, g_strdup_printf("release=%s", P.hk.release ? P.hk.release : "-"));
    for (guint i = 0; i < modules->len; i++) {
        g_autofree char *path = g_build_filename(P.hk.modules_dir, g_ptr_array_index(modules, i), NULL);
        if (!add_input_file(parts, g_ptr_array_index(modules, i), path, error))
            return FALSE;
    }
    inputs = inputs_hash(TCK_XEN_HOST_RECIPE, parts);
    if ((e = cached(TCK_ASSET_XEN_HOST, P.arch, "xen", inputs))) {
        say_cached(TCK_ASSET_XEN_HOST, e);
        return TRUE;
    }
    if (!applets(error))
        return FALSE;
    tmp = tck_asset_cache_tmp_path(P.cache, "xen-host");
    if (!tck_initrd_build(tmp, P.bb, P.applets, init, P.hk.modules_dir, modules, error))
        return FALSE;
    e = entry_new(TCK_ASSET_XEN_HOST, P.arch, "xen", "built:Xen dom0 initrd (host root over 9p)");
    e->inputs = g_steal_pointer(&inputs);
    return store_built(tmp, e, t0, error);
}

/* In dependency order: the ISO needs the kernel and initrd, the template
 * and the fs disk the rootfs. */
static const TckAssetKind build_order[] = {
    TCK_ASSET_KERNEL, TCK_ASSET_INITRD, TCK_ASSET_ISO, TCK_ASSET_ROOTFS, TCK_ASSET_TEMPLATE,
    TCK_ASSET_DISK_RAW, TCK_ASSET_DISK_QCOW2, TCK_ASSET_FS_DISK,
    TCK_ASSET_XEN_HYPERVISOR, TCK_ASSET_XEN_HOST,
};

static gboolean
ensure(TckAssetKind kind, GError **error)
{
    switch (kind) {
    case TCK_ASSET_KERNEL: return ensure_kernel(error);
    case TCK_ASSET_INITRD: return ensure_initrd(error);
    case TCK_ASSET_ISO: return ensure_iso(error);
    case TCK_ASSET_ROOTFS: return ensure_rootfs(error);
    case TCK_ASSET_TEMPLATE: return ensure_template(error);
    case TCK_ASSET_DISK_RAW:
    case TCK_ASSET_DISK_QCOW2: return ensure_disk(kind, error);
    case TCK_ASSET_FS_DISK: return ensure_fs_disk(error);
    case TCK_ASSET_XEN_HYPERVISOR: return ensure_xen_hypervisor(error);
    case TCK_ASSET_XEN_HOST: return ensure_xen_host(error);
    case TCK_ASSET_LAST: break;
    }
    return TRUE;
}

/* ---------------------------------------------------------------- main */

static gboolean
choose_assets(GError **error)
{
    gboolean kernel_os = !P.os_type || is_kernel_os(P.os_type);
    gboolean container_os = !P.os_type || g_str_equal(P.os_type, "exe");

    if (P.os_type && !kernel_os && !container_os) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                    "unknown OS type '%s' (known: hvm, xen, linux, xenpvh, exe)", P.os_type);
        return FALSE;
    }
    P.kos = kernel_os && P.os_type ? P.os_type : "hvm";
    if (P.only) {
        g_auto(GStrv) kinds = g_strsplit(P.only, ",", -1);
        for (guint i = 0; kinds[i]; i++) {
            TckAssetKind k = tck_asset_kind_from_string(g_strstrip(kinds[i]));
            if (k == TCK_ASSET_LAST) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "unknown asset '%s' in --only",
                            kinds[i]);
                return FALSE;
            }
            P.want[k] = TRUE;
        }
        /* The Xen host boots the hypervisor and the host's kernel as dom0. */
        if (P.want[TCK_ASSET_XEN_HOST]) {
            P.want[TCK_ASSET_XEN_HYPERVISOR] = P.want[TCK_ASSET_KERNEL] = TRUE;
            if (!P.os_type)
                P.kos = "xen";
        }
        return TRUE;
    }
    P.want[TCK_ASSET_KERNEL] = P.want[TCK_ASSET_INITRD] = kernel_os;
    P.want[TCK_ASSET_ISO] = kernel_os && g_strv_contains(isolinux_arches, P.arch);
    P.want[TCK_ASSET_ROOTFS] = P.want[TCK_ASSET_TEMPLATE] = container_os;
    P.want[TCK_ASSET_DISK_RAW] = P.want[TCK_ASSET_DISK_QCOW2] = TRUE;
    P.want[TCK_ASSET_FS_DISK] = P.with_fs_disk;
    if (P.with_fs_disk)
        P.want[TCK_ASSET_ROOTFS] = TRUE;
    return TRUE;
}

/* Warns when the QEMU user could not reach the cache (a 0700 home, say). */
static void
check_traversable(const char *dir)
{
    g_autofree char *d = g_strdup(dir);

    while (d && strlen(d) > 1) {
        struct stat st;
        char *parent;
        if (stat(d, &st) == 0 && !(st.st_mode & S_IXOTH)) {
            tck_progress_say(P.pr, "warning: %s is not searchable by others; the QEMU user cannot reach the cache",
                             d);
            return;
        }
        parent = g_path_get_dirname(d);
        g_free(d);
        d = parent;
    }
}

static gboolean
run_prepare(GError **error)
{
    gint64 t0 = g_get_monotonic_time();

    if (!choose_assets(error) || !resolve_sources(error))
        return FALSE;
    if (P.disk_size_str) {
        if (!parse_size(P.disk_size_str, &P.disk_size, error))
            return FALSE;
    } else if (tck_config_get_string(P.cfg, "disk_size")) {
        if (!parse_size(tck_config_get_string(P.cfg, "disk_size"), &P.disk_size, error))
            return FALSE;
    } else {
        P.disk_size = 64ULL << 20;
    }

    if (!(P.cache = tck_asset_cache_open(P.cache_dir, TRUE, error)) ||
        !tck_asset_cache_lock(P.cache, P.lock_timeout, on_lock_wait, error))
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(build_order); i++)
        if (P.want[build_order[i]] && !ensure(build_order[i], error))
            return FALSE;
    if (P.built)
        tck_asset_cache_gc(P.cache);
    if (!save(error))
        return FALSE;
    tck_asset_cache_unlock(P.cache);
    check_traversable(P.cache_dir);
    tck_progress_say(P.pr, "cache %s: %u built, %u cached, %.2f s", P.cache_dir, P.built, P.reused,
                     (g_get_monotonic_time() - t0) / 1e6);
    return TRUE;
}

static gboolean
run_maintenance(GError **error)
{
    gboolean create = P.verify || P.purge;

    if (!(P.cache = tck_asset_cache_open(P.cache_dir, FALSE, error)))
        return FALSE;
    if (P.list) {
        tck_asset_cache_list(P.cache, stdout);
        return TRUE;
    }
    if (create && !g_file_test(P.cache_dir, G_FILE_TEST_IS_DIR)) {
        tck_progress_say(P.pr, "cache %s does not exist", P.cache_dir);
        return TRUE;
    }
    if (!tck_asset_cache_lock(P.cache, P.lock_timeout, on_lock_wait, error))
        return FALSE;
    if (P.verify) {
        int bad = tck_asset_cache_verify(P.cache, on_bad_entry, error);
        if (bad < 0)
            return FALSE;
        if (bad > 0) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_CACHE,
                        "%d cached asset(s) in %s are bad; run libvirt-tck-prepare --cache %s --refresh to rebuild",
                        bad, P.cache_dir, P.cache_dir);
            return FALSE;
        }
        tck_progress_say(P.pr, "cache %s: %u asset(s) verified", P.cache_dir,
                         tck_asset_cache_entries(P.cache)->len);
        return TRUE;
    }
    {
        gint64 age = 0;
        guint n;
        g_autoptr(GError) local = NULL;
        if (P.older_than && !parse_age(P.older_than, &age, error))
            return FALSE;
        if (P.older_than && age == 0)
            age = 1;
        n = tck_asset_cache_purge(P.cache, age, &local);
        if (local) {
            g_propagate_error(error, g_steal_pointer(&local));
            return FALSE;
        }
        tck_progress_say(P.pr, "cache %s: %u asset(s) purged", P.cache_dir, n);
    }
    return TRUE;
}

/* --path KIND: what tck_assets_lookup() gives a test. */
static gboolean
run_path(GError **error)
{
    TckAssetKind kind = tck_asset_kind_from_string(P.path_kind);
    g_autofree char *path = NULL;

    if (kind == TCK_ASSET_LAST) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "unknown asset '%s' for --path", P.path_kind);
        return FALSE;
    }
    if (!(path = tck_assets_lookup(P.cache_dir, P.arch, P.os_type, kind, error)))
        return FALSE;
    printf("%s\n", path);
    return TRUE;
}

int
main(int argc, char **argv)
{
    g_autoptr(GOptionContext) ctx = g_option_context_new("- fill the libvirt-tck asset cache");
    g_autoptr(GError) error = NULL;
    g_autofree char *codes = tck_prepare_exit_codes_describe();
    g_autoptr(TckProgress) pr = NULL;
    gboolean ok;
    int status;

    setlocale(LC_ALL, "");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_summary(ctx,
        "Builds and downloads, once per host, the kernel, initrd, ISO, container rootfs,\n"
        "OpenVZ template and disks that libvirt-tck's guests boot, into a verified cache.");
    g_option_context_set_description(ctx, codes);
    read_limits_env();
    if (g_getenv("TCK_PREPARE_LOCK_TIMEOUT"))
        P.lock_timeout = atoi(g_getenv("TCK_PREPARE_LOCK_TIMEOUT"));
    ok = g_option_context_parse(ctx, &argc, &argv, &error);
    if (ok && P.version) {
        printf("libvirt-tck-prepare %s\n", PACKAGE_VERSION);
        return 0;
    }
    if (ok && argc > 1)
        ok = (g_set_error(&error, TCK_ERROR, TCK_ERROR_USAGE, "unexpected argument '%s'", argv[1]), FALSE);
    if (ok && P.list + P.verify + P.purge + (P.path_kind != NULL) > 1)
        ok = (g_set_error(&error, TCK_ERROR, TCK_ERROR_USAGE, "--list, --path, --verify and --purge exclude each other"), FALSE);
    if (ok && P.older_than && !P.purge)
        ok = (g_set_error(&error, TCK_ERROR, TCK_ERROR_USAGE, "--older-than needs --purge"), FALSE);

    P.pr = pr = tck_progress_new(P.quiet);
    if (ok) {
        if (!P.arch)
            P.arch = g_strdup(tck_assets_host_arch());
        if (!g_strv_contains(known_arches, P.arch)) {
            g_autofree char *known = g_strjoinv(", ", (char **)known_arches);
            g_set_error(&error, TCK_ERROR, TCK_ERROR_UNKNOWN_ARCH, "unknown arch '%s' (known: %s)",
                        P.arch, known);
            ok = FALSE;
        }
    }
    if (ok)
        ok = (P.cfg = tck_config_load(P.config_path, &error)) != NULL;
    if (ok && !P.cache_dir) {
        /* The harness's order: --cache, $TCK_ASSET_CACHE, the config's asset_cache, then scratch_dir. */
        const char *env = g_getenv("TCK_ASSET_CACHE");
        const char *configured = tck_config_get_string(P.cfg, "asset_cache");
        P.cache_dir = env && *env ? g_strdup(env)
                      : configured && *configured ? g_strdup(configured)
                      : tck_assets_default_cache_dir(tck_config_get_string(P.cfg, "scratch_dir"));
    }
    if (ok) {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        ok = P.path_kind ? run_path(&error)
             : P.list || P.verify || P.purge ? run_maintenance(&error) : run_prepare(&error);
    }

    status = tck_prepare_exit_status(error);
    if (error)
        fprintf(stderr, "libvirt-tck-prepare: %s\n", error->message);
    P.pr = NULL;
    tck_asset_cache_free(P.cache);
    tck_config_free(P.cfg);
    tck_host_kernel_clear(&P.hk);
    tck_asset_source_clear(&P.kernel_src);
    tck_asset_source_clear(&P.initrd_src);
    g_strfreev(P.applets);
    if (P.modules)
        g_ptr_array_unref(P.modules);
    return status;
}
