/* main.c — libvirt-tck-prepare: its options, which assets a run wants,
 * and the commands: fill the cache, or list, verify, purge it, or print a path. */
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

static gboolean
on_sha256(const char *name, const char *value, gpointer data, GError **error)
{
    TckPrepareOptions *o = data;

    if (!o->last_sha_slot) {
        g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                    "--sha256 must follow --kernel-url or --initrd-url");
        return FALSE;
    }
    g_free(*o->last_sha_slot);
    *o->last_sha_slot = g_ascii_strdown(value, -1);
    return TRUE;
}

static gboolean
on_url(const char *name, const char *value, gpointer data, GError **error)
{
    TckPrepareOptions *o = data;
    gboolean kernel = g_str_equal(name, "--kernel-url");
    char **slot = kernel ? &o->kernel_url : &o->initrd_url;

    g_free(*slot);
    *slot = g_strdup(value);
    o->last_sha_slot = kernel ? &o->kernel_sha256 : &o->initrd_sha256;
    return TRUE;
}

/* The options, as a group whose callbacks get @o. */
static GOptionGroup *
option_group(TckPrepareOptions *o)
{
    const GOptionEntry entries[] = {
        { "config", 'c', 0, G_OPTION_ARG_FILENAME, &o->config_path, "Config file", "FILE" },
        { "cache", 0, 0, G_OPTION_ARG_FILENAME, &o->cache_dir, "Asset cache directory", "DIR" },
        { "arch", 0, 0, G_OPTION_ARG_STRING, &o->arch, "Guest arch (default: the host's)", "ARCH" },
        { "os-type", 0, 0, G_OPTION_ARG_STRING, &o->os_type, "Guest OS type: hvm, xen, exe (default: hvm and exe)", "TYPE" },
        { "only", 0, 0, G_OPTION_ARG_STRING, &o->only, "Only these assets (comma-separated: kernel,vmlinux,initrd,iso,rootfs,template,disk-raw,disk-qcow2,fs-disk,xen-host)", "LIST" },
        { "offline", 0, 0, G_OPTION_ARG_NONE, &o->offline, "Never download; fail if a download is needed", NULL },
        { "refresh", 0, 0, G_OPTION_ARG_NONE, &o->refresh, "Re-check downloaded assets (If-None-Match / If-Modified-Since)", NULL },
        { "insecure-no-checksum", 0, 0, G_OPTION_ARG_NONE, &o->insecure, "Allow downloads without --sha256 (stored as unverified)", NULL },
        { "kernel-url", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer)on_url, "Download the kernel from URL", "URL" },
        { "initrd-url", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer)on_url, "Download the initrd from URL", "URL" },
        { "sha256", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer)on_sha256, "SHA-256 of the URL given just before", "HEX" },
        { "kernel-sha256", 0, 0, G_OPTION_ARG_STRING, &o->kernel_sha256, "SHA-256 of --kernel-url", "HEX" },
        { "initrd-sha256", 0, 0, G_OPTION_ARG_STRING, &o->initrd_sha256, "SHA-256 of --initrd-url", "HEX" },
        { "kernel", 0, 0, G_OPTION_ARG_FILENAME, &o->kernel, "Host kernel image to use (default: from --boot-dir)", "FILE" },
        { "boot-dir", 0, 0, G_OPTION_ARG_FILENAME, &o->boot_dir, "Where the host kernels are (default /boot)", "DIR" },
        { "modules-dir", 0, 0, G_OPTION_ARG_FILENAME, &o->modules_root, "Where the host modules are (default /lib/modules)", "DIR" },
        { "busybox", 0, 0, G_OPTION_ARG_FILENAME, &o->busybox, "Static busybox to use (default $TCK_BUSYBOX, then busybox)", "FILE" },
        { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &o->catalog, "Catalog of download sources (default: the installed one)", "FILE" },
        { "with-fs-disk", 0, 0, G_OPTION_ARG_NONE, &o->with_fs_disk, "Also build an ext4 disk holding the rootfs (libguestfs appliance; slow without KVM)", NULL },
        { "disk-size", 0, 0, G_OPTION_ARG_STRING, &o->disk_size_str, "Size of the empty disks (default: config disk_size, else 64M)", "SIZE" },
        { "list", 0, 0, G_OPTION_ARG_NONE, &o->list, "List the cached assets", NULL },
        { "path", 0, 0, G_OPTION_ARG_STRING, &o->path_kind, "Print the verified path of one asset (kernel, vmlinux, initrd, iso, rootfs, template, disk-raw, disk-qcow2, fs-disk)", "KIND" },
        { "verify", 0, 0, G_OPTION_ARG_NONE, &o->verify, "Re-hash every cached asset and report bad ones", NULL },
        { "purge", 0, 0, G_OPTION_ARG_NONE, &o->purge, "Delete cached assets", NULL },
        { "uri", 0, 0, G_OPTION_ARG_STRING, &o->uri, "With --list or --purge: the asset pool tck-assets on the libvirt host URI instead of the cache", "URI" },
        { "older-than", 0, 0, G_OPTION_ARG_STRING, &o->older_than, "With --purge: only those built before this long ago (30d, 12h, 90m, 45s)", "AGE" },
        { "lock-timeout", 0, 0, G_OPTION_ARG_INT, &o->lock_timeout, "Seconds to wait for the cache lock (default 600)", "S" },
        { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet, "Print nothing but errors", NULL },
        { "version", 0, 0, G_OPTION_ARG_NONE, &o->version, "Print the version and exit", NULL },
        { NULL },
    };
    GOptionGroup *g = g_option_group_new("prepare", "libvirt-tck-prepare options", "Show options", o, NULL);

    g_option_group_add_entries(g, entries);
    return g;
}

static void
options_clear(TckPrepareOptions *o)
{
    char **strings[] = {
        &o->config_path, &o->cache_dir, &o->arch, &o->os_type, &o->only, &o->busybox, &o->kernel,
        &o->boot_dir, &o->modules_root, &o->catalog, &o->kernel_url, &o->initrd_url,
        &o->kernel_sha256, &o->initrd_sha256, &o->disk_size_str, &o->older_than, &o->path_kind, &o->uri,
    };

    for (gsize i = 0; i < G_N_ELEMENTS(strings); i++)
        g_clear_pointer(strings[i], g_free);
}

/* Download limits: options would clutter --help, so tests and slow links
 * tune them through the environment. */
static void
read_limits_env(TckPrepareOptions *o)
{
    const struct {
        const char *env;
        long *slot;
    } limit_env[] = {
        { "TCK_PREPARE_CONNECT_TIMEOUT", &o->limits.connect_timeout_s },
        { "TCK_PREPARE_LOW_SPEED_LIMIT", &o->limits.low_speed_limit },
        { "TCK_PREPARE_LOW_SPEED_TIME", &o->limits.low_speed_time_s },
        { "TCK_PREPARE_DEADLINE", &o->limits.deadline_s },
    };
    const char *v;

    for (gsize i = 0; i < G_N_ELEMENTS(limit_env); i++)
        if ((v = g_getenv(limit_env[i].env)) && *v)
            *limit_env[i].slot = strtol(v, NULL, 10);
    if ((v = g_getenv("TCK_PREPARE_MAX_SIZE")) && *v)
        o->limits.max_size = g_ascii_strtoull(v, NULL, 10);
    if ((v = g_getenv("TCK_PREPARE_RETRIES")) && *v)
        o->limits.retries = strtoul(v, NULL, 10);
    if ((v = g_getenv("TCK_PREPARE_RETRY_DELAY_MS")) && *v)
        o->limits.retry_delay_ms = strtoul(v, NULL, 10);
    if ((v = g_getenv("TCK_PREPARE_LOCK_TIMEOUT")))
        o->lock_timeout = atoi(v);
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
on_lock_wait(const char *dir, const char *holder, gpointer data)
{
    tck_progress_say(data, "waiting for the lock on %s (held by pid %s)", dir, holder);
}

static void
on_bad_entry(const TckAssetEntry *e, const char *path, const char *why)
{
    fprintf(stderr, "libvirt-tck-prepare: BAD %s %s/%s %s: %s\n", tck_asset_kind_to_string(e->kind),
            e->arch, e->os_type, path, why);
}

/* Which assets this run makes: --only, else everything the OS types boot. */
static gboolean
choose_assets(TckPrepare *p, GError **error)
{
    const TckPrepareOptions *o = p->opt;
    gboolean kernel_os = !o->os_type || tck_prepare_is_kernel_os(o->os_type);
    gboolean container_os = !o->os_type || g_str_equal(o->os_type, "exe");

    if (o->os_type && !kernel_os && !container_os) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                    "unknown OS type '%s' (known: hvm, xen, linux, xenpvh, exe)", o->os_type);
        return FALSE;
    }
    p->kos = kernel_os && o->os_type ? o->os_type : "hvm";
    if (o->only) {
        g_auto(GStrv) kinds = g_strsplit(o->only, ",", -1);
        for (guint i = 0; kinds[i]; i++) {
            TckAssetKind k = tck_asset_kind_from_string(g_strstrip(kinds[i]));
            if (k == TCK_ASSET_LAST) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "unknown asset '%s' in --only",
                            kinds[i]);
                return FALSE;
            }
            p->want[k] = TRUE;
        }
        /* The Xen host boots the hypervisor and the host's kernel as dom0. */
        if (p->want[TCK_ASSET_XEN_HOST]) {
            p->want[TCK_ASSET_XEN_HYPERVISOR] = p->want[TCK_ASSET_KERNEL] = TRUE;
            if (!o->os_type)
                p->kos = "xen";
        }
        return TRUE;
    }
    p->want[TCK_ASSET_KERNEL] = p->want[TCK_ASSET_VMLINUX] = p->want[TCK_ASSET_INITRD] = kernel_os;
    p->want[TCK_ASSET_ISO] = kernel_os && g_strv_contains(isolinux_arches, p->arch);
    p->want[TCK_ASSET_ROOTFS] = p->want[TCK_ASSET_TEMPLATE] = container_os;
    p->want[TCK_ASSET_DISK_RAW] = p->want[TCK_ASSET_DISK_QCOW2] = TRUE;
    p->want[TCK_ASSET_FS_DISK] = o->with_fs_disk;
    if (o->with_fs_disk)
        p->want[TCK_ASSET_ROOTFS] = TRUE;
    return TRUE;
}

/* Warns when the QEMU user could not reach the cache (a 0700 home, say). */
static void
check_traversable(TckPrepare *p, const char *dir)
{
    g_autofree char *d = g_strdup(dir);

    while (d && strlen(d) > 1) {
        struct stat st;
        char *parent;
        if (stat(d, &st) == 0 && !(st.st_mode & S_IXOTH)) {
            tck_progress_say(p->pr, "warning: %s is not searchable by others; the QEMU user cannot reach the cache",
                             d);
            return;
        }
        parent = g_path_get_dirname(d);
        g_free(d);
        d = parent;
    }
}

static gboolean
run_prepare(TckPrepare *p, GError **error)
{
    const TckPrepareOptions *o = p->opt;
    const char *config_size = tck_config_get_string(p->cfg, "disk_size");
    gint64 t0 = g_get_monotonic_time();

    if (!choose_assets(p, error) || !tck_prepare_resolve_sources(p, error))
        return FALSE;
    p->disk_size = 64ULL << 20;
    if ((o->disk_size_str || config_size) &&
        !parse_size(o->disk_size_str ? o->disk_size_str : config_size, &p->disk_size, error))
        return FALSE;

    if (!(p->cache = tck_asset_cache_open(o->cache_dir, TRUE, error)) ||
        !tck_asset_cache_lock(p->cache, o->lock_timeout, on_lock_wait, p->pr, error) ||
        !tck_prepare_build_all(p, error))
        return FALSE;
    if (p->built)
        tck_asset_cache_gc(p->cache);
    if (tck_asset_cache_is_dirty(p->cache) && !tck_asset_cache_save(p->cache, error))
        return FALSE;
    tck_asset_cache_unlock(p->cache);
    check_traversable(p, o->cache_dir);
    tck_progress_say(p->pr, "cache %s: %u built, %u cached, %.2f s", o->cache_dir, p->built, p->reused,
                     (g_get_monotonic_time() - t0) / 1e6);
    return TRUE;
}

static gboolean
run_purge(TckPrepare *p, GError **error)
{
    const TckPrepareOptions *o = p->opt;
    g_autoptr(GError) local = NULL;
    gint64 age = 0;
    guint n;

    if (o->older_than && !parse_age(o->older_than, &age, error))
        return FALSE;
    if (o->older_than && age == 0)
        age = 1;
    n = tck_asset_cache_purge(p->cache, age, &local);
    if (local) {
        g_propagate_error(error, g_steal_pointer(&local));
        return FALSE;
    }
    tck_progress_say(p->pr, "cache %s: %u asset(s) purged", o->cache_dir, n);
    return TRUE;
}

static gboolean
run_maintenance(TckPrepare *p, GError **error)
{
    const TckPrepareOptions *o = p->opt;
    gboolean read_only;
    int bad;

    if (!(p->cache = tck_asset_cache_open(o->cache_dir, FALSE, error)))
        return FALSE;
    if (o->list) {
        tck_asset_cache_list(p->cache, stdout);
        return TRUE;
    }
    if (!g_file_test(o->cache_dir, G_FILE_TEST_IS_DIR)) {
        tck_progress_say(p->pr, "cache %s does not exist", o->cache_dir);
        return TRUE;
    }
    /* --verify only reads: a cache it cannot write is verified without the
     * lock (no writer can change it either) and without recording stamps */
    read_only = o->verify && access(o->cache_dir, W_OK) < 0 && (errno == EROFS || errno == EACCES);
    if (read_only)
        tck_progress_say(p->pr, "cache %s is read-only: verifying without the lock, recording nothing",
                         o->cache_dir);
    else if (!tck_asset_cache_lock(p->cache, o->lock_timeout, on_lock_wait, p->pr, error))
        return FALSE;
    if (o->purge)
        return run_purge(p, error);
    if ((bad = tck_asset_cache_verify(p->cache, !read_only, on_bad_entry, error)) < 0)
        return FALSE;
    if (bad > 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CACHE,
                    "%d cached asset(s) in %s are bad; run libvirt-tck-prepare --cache %s --refresh to rebuild",
                    bad, o->cache_dir, o->cache_dir);
        return FALSE;
    }
    tck_progress_say(p->pr, "cache %s: %u asset(s) verified", o->cache_dir,
                     tck_asset_cache_entries(p->cache)->len);
    return TRUE;
}

/* --path KIND: what tck_assets_lookup() gives a test. */
static gboolean
run_path(TckPrepare *p, GError **error)
{
    const TckPrepareOptions *o = p->opt;
    TckAssetKind kind = tck_asset_kind_from_string(o->path_kind);
    g_autofree char *path = NULL;

    if (kind == TCK_ASSET_LAST) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "unknown asset '%s' for --path", o->path_kind);
        return FALSE;
    }
    if (!(path = tck_assets_lookup(o->cache_dir, p->arch, o->os_type, kind, error)))
        return FALSE;
    printf("%s\n", path);
    return TRUE;
}

/* Checks the options that exclude or need each other, and the arch. */
static gboolean
options_check(TckPrepareOptions *o, int argc, char **argv, GError **error)
{
    if (argc > 1) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "unexpected argument '%s'", argv[1]);
        return FALSE;
    }
    if (o->list + o->verify + o->purge + (o->path_kind != NULL) > 1) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--list, --path, --verify and --purge exclude each other");
        return FALSE;
    }
    if (o->uri && !o->list && !o->purge) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--uri needs --list or --purge");
        return FALSE;
    }
    if (o->uri && o->older_than) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--older-than applies to the cache, not to --uri");
        return FALSE;
    }
    if (o->older_than && !o->purge) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--older-than needs --purge");
        return FALSE;
    }
    if (!o->arch)
        o->arch = g_strdup(tck_assets_host_arch());
    if (!g_strv_contains(known_arches, o->arch)) {
        g_autofree char *known = g_strjoinv(", ", (char **)known_arches);
        g_set_error(error, TCK_ERROR, TCK_ERROR_UNKNOWN_ARCH, "unknown arch '%s' (known: %s)",
                    o->arch, known);
        return FALSE;
    }
    return TRUE;
}

int
main(int argc, char **argv)
{
    g_autoptr(GOptionContext) ctx = g_option_context_new("- fill the libvirt-tck asset cache");
    g_autoptr(GError) error = NULL;
    g_autofree char *codes = tck_prepare_exit_codes_describe();
    g_autoptr(TckProgress) pr = NULL;
    TckPrepareOptions o = {
        .lock_timeout = 600,
        .limits = { .connect_timeout_s = 30, .low_speed_limit = 1024, .low_speed_time_s = 30,
                    .retries = 3, .retry_delay_ms = 1000,
                    .deadline_s = 3600, .max_size = 4ULL << 30 },
    };
    TckPrepare p = { .opt = &o };
    gboolean ok;
    int status;

    setlocale(LC_ALL, "");
    g_option_context_set_main_group(ctx, option_group(&o));
    g_option_context_set_summary(ctx,
        "Builds and downloads, once per host, the kernel, initrd, ISO, container rootfs,\n"
        "OpenVZ template and disks that libvirt-tck's guests boot, into a verified cache.");
    g_option_context_set_description(ctx, codes);
    read_limits_env(&o);
    ok = g_option_context_parse(ctx, &argc, &argv, &error);
    if (ok && o.version) {
        printf("libvirt-tck-prepare %s\n", PACKAGE_VERSION);
        options_clear(&o);
        return 0;
    }
    ok = ok && options_check(&o, argc, argv, &error);

    p.pr = pr = tck_progress_new(o.quiet);
    p.arch = o.arch;
    if (ok)
        ok = (p.cfg = tck_config_load(o.config_path, &error)) != NULL;
    if (ok && !o.cache_dir) {
        /* The harness's order: --cache, $TCK_ASSET_CACHE, the config's asset_cache, then scratch_dir. */
        const char *env = g_getenv("TCK_ASSET_CACHE");
        const char *configured = tck_config_get_string(p.cfg, "asset_cache");
        o.cache_dir = env && *env ? g_strdup(env)
                      : configured && *configured ? g_strdup(configured)
                      : tck_assets_default_cache_dir(tck_config_get_string(p.cfg, "scratch_dir"));
    }
    if (ok) {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        ok = o.uri ? tck_prepare_run_remote(&p, &error)
             : o.path_kind ? run_path(&p, &error)
             : o.list || o.verify || o.purge ? run_maintenance(&p, &error) : run_prepare(&p, &error);
    }

    status = tck_prepare_exit_status(error);
    if (error)
        fprintf(stderr, "libvirt-tck-prepare: %s\n", error->message);
    tck_prepare_clear(&p);
    options_clear(&o);
    return status;
}
