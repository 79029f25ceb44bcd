/* lookup.c — what libtck asks of the cache: the verified path of an asset,
 * the default cache directory, and the asset kind names. */
#include <config.h>

#include <sys/utsname.h>
#include <unistd.h>

#include <tck/asset-cache.h>
#include <tck/assets.h>
#include <tck/error.h>

static const char *const kind_names[TCK_ASSET_LAST] = {
    [TCK_ASSET_KERNEL] = "kernel",
    [TCK_ASSET_INITRD] = "initrd",
    [TCK_ASSET_ISO] = "iso",
    [TCK_ASSET_ROOTFS] = "rootfs",
    [TCK_ASSET_TEMPLATE] = "template",
    [TCK_ASSET_DISK_RAW] = "disk-raw",
    [TCK_ASSET_DISK_QCOW2] = "disk-qcow2",
    [TCK_ASSET_FS_DISK] = "fs-disk",
    [TCK_ASSET_VMLINUX] = "vmlinux",
    [TCK_ASSET_XEN_HYPERVISOR] = "xen-hypervisor",
    [TCK_ASSET_XEN_HOST] = "xen-host",
};

const char *
tck_asset_kind_to_string(TckAssetKind kind)
{
    if ((int)kind < 0 || kind >= TCK_ASSET_LAST)
        return NULL;
    return kind_names[kind];
}

TckAssetKind
tck_asset_kind_from_string(const char *name)
{
    for (int k = 0; k < TCK_ASSET_LAST; k++)
        if (g_strcmp0(kind_names[k], name) == 0)
            return k;
    return TCK_ASSET_LAST;
}

/* uname machine → libvirt arch, where they differ. */
static const struct {
    const char *machine;
    const char *arch;
} machine_arch[] = {
    { "i386", "i686" }, { "i486", "i686" }, { "i586", "i686" },
    { "arm64", "aarch64" }, { "amd64", "x86_64" },
};

const char *
tck_assets_host_arch(void)
{
    static char arch[65];

    if (!arch[0]) {
        struct utsname u;
        const char *m = uname(&u) == 0 ? u.machine : "unknown";
        for (gsize i = 0; i < G_N_ELEMENTS(machine_arch); i++)
            if (g_str_equal(m, machine_arch[i].machine))
                m = machine_arch[i].arch;
        g_strlcpy(arch, m, sizeof(arch));
    }
    return arch;
}

char *
tck_assets_default_cache_dir(const char *scratch_dir)
{
    if (scratch_dir && *scratch_dir)
        return g_strdup(scratch_dir);
    if (geteuid() == 0)
        return g_strdup("/var/cache/libvirt-tck");
    return g_build_filename(g_get_user_cache_dir(), "libvirt-tck", NULL);
}

static void
set_missing(GError **error, const char *cache_dir, const char *arch, const char *os_type,
            TckAssetKind kind, const char *why)
{
    g_set_error(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING,
                "%s asset for %s/%s %s in %s; run: libvirt-tck-prepare --cache %s --arch %s%s%s",
                tck_asset_kind_to_string(kind), arch, os_type ? os_type : "*", why, cache_dir,
                cache_dir, arch, os_type ? " --os-type " : "", os_type ? os_type : "");
}

/* $TCK_ASSET_CACHE, else the default, when @cache_dir is NULL. */
static char *
cache_dir_or_default(const char *cache_dir)
{
    if (cache_dir)
        return g_strdup(cache_dir);
    if (g_getenv("TCK_ASSET_CACHE") && *g_getenv("TCK_ASSET_CACHE"))
        return g_strdup(g_getenv("TCK_ASSET_CACHE"));
    return tck_assets_default_cache_dir(NULL);
}

void
tck_asset_file_free(TckAssetFile *f)
{
    if (!f)
        return;
    g_free(f->path);
    g_free(f->sha256);
    g_free(f);
}

TckAssetFile *
tck_assets_lookup_file(const char *cache_dir, const char *arch, const char *os_type,
                       TckAssetKind kind, GError **error)
{
    g_autofree char *dir = cache_dir_or_default(cache_dir);
    g_autoptr(TckAssetCache) c = NULL;
    g_autoptr(GError) local = NULL;
    TckAssetFile *f;
    TckAssetEntry *e;

    g_return_val_if_fail(kind < TCK_ASSET_LAST, NULL);
    if (!arch)
        arch = tck_assets_host_arch();

    c = tck_asset_cache_open(dir, FALSE, &local);
    if (!c) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING, "%s; run: libvirt-tck-prepare --cache %s",
                    local->message, dir);
        return NULL;
    }
    e = tck_asset_cache_find(c, kind, arch, os_type);
    if (!e) {
        set_missing(error, dir, arch, os_type, kind, "is not prepared");
        return NULL;
    }
    if (!tck_asset_cache_entry_ok(c, e)) {
        g_autofree char *path = tck_asset_cache_path(c, e);
        g_set_error(error, TCK_ERROR, TCK_ERROR_CHECKSUM,
                    "cached %s %s changed since it was verified; run: libvirt-tck-prepare --cache %s --verify",
                    tck_asset_kind_to_string(kind), path, dir);
        return NULL;
    }
    f = g_new0(TckAssetFile, 1);
    f->path = tck_asset_cache_path(c, e);
    f->sha256 = g_strdup(e->sha256);
    f->size = e->size;
    return f;
}

char *
tck_assets_lookup(const char *cache_dir, const char *arch, const char *os_type,
                  TckAssetKind kind, GError **error)
{
    g_autoptr(TckAssetFile) f = tck_assets_lookup_file(cache_dir, arch, os_type, kind, error);

    return f ? g_steal_pointer(&f->path) : NULL;
}

char *
tck_assets_describe_sha256(const char *cache_dir, const char *sha256)
{
    g_autofree char *dir = cache_dir_or_default(cache_dir);
    g_autoptr(TckAssetCache) c = tck_asset_cache_open(dir, FALSE, NULL);
    g_autoptr(GString) out = g_string_new(NULL);
    GPtrArray *entries = c ? tck_asset_cache_entries(c) : NULL;

    for (guint i = 0; entries && i < entries->len; i++) {
        const TckAssetEntry *e = g_ptr_array_index(entries, i);

        if (g_strcmp0(e->sha256, sha256) == 0)
            g_string_append_printf(out, "%s%s %s/%s", out->len ? ", " : "",
                                   tck_asset_kind_to_string(e->kind), e->arch, e->os_type);
    }
    return out->len ? g_string_free(g_steal_pointer(&out), FALSE) : NULL;
}
