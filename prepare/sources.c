/* sources.c — where each asset of a prepare run comes from: a URL given on
 * the command line, the config's `kernels:` list, the catalog for a foreign
 * arch, or the host's own kernel, modules, busybox and isolinux. */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include "prepare.h"
#include <tck/error.h>

static const char *const kernel_os_types[] = { "hvm", "xen", "linux", "xenpvh", NULL };

gboolean
tck_prepare_is_kernel_os(const char *os_type)
{
    return g_strv_contains(kernel_os_types, os_type);
}

void
tck_prepare_clear(TckPrepare *p)
{
    g_clear_pointer(&p->cache, tck_asset_cache_free);
    g_clear_pointer(&p->cfg, tck_config_free);
    tck_asset_source_clear(&p->kernel_dl);
    tck_asset_source_clear(&p->initrd_dl);
    tck_host_kernel_clear(&p->hk);
    g_clear_pointer(&p->bb, g_free);
    g_clear_pointer(&p->isolinux_bin, g_free);
    g_clear_pointer(&p->ldlinux_c32, g_free);
    g_clear_pointer(&p->xen_gz, g_free);
    g_clear_pointer(&p->dom0_modules, g_ptr_array_unref);
    g_clear_pointer(&p->applets, g_strfreev);
    g_clear_pointer(&p->modules, g_ptr_array_unref);
}

/* Sets a download source unless one is already chosen. */
static void
source_set(TckAssetSource *dl, const char *url, const char *sha256, guint64 size)
{
    if (dl->url || !url)
        return;
    dl->url = g_strdup(url);
    dl->sha256 = g_strdup(sha256);
    dl->size = size;
}

/* A kernel entry's "kernel"/"initrd": a URL, or (upstream) a map whose "source" is one. */
static const char *
config_kernel_url(TckConfig *cfg, guint i, const char *key)
{
    g_autofree char *plain = g_strdup_printf("kernels/%u/%s", i, key);
    g_autofree char *source = g_strdup_printf("kernels/%u/%s/source", i, key);
    const char *url = tck_config_get_string(cfg, plain);

    return url ? url : tck_config_get_string(cfg, source);
}

/* The config's `kernels:` list (upstream 2.x keys arch, ostype (one or a
 * list), kernel, initrd; ours: kernel_sha256, initrd_sha256). */
static void
config_kernel_source(TckPrepare *p)
{
    for (guint i = 0;; i++) {
        g_autofree char *k_entry = g_strdup_printf("kernels/%u", i);
        g_autofree char *k_arch = g_strdup_printf("kernels/%u/arch", i);
        g_autofree char *k_os = g_strdup_printf("kernels/%u/ostype", i);
        g_autofree char *k_ksha = g_strdup_printf("kernels/%u/kernel_sha256", i);
        g_autofree char *k_isha = g_strdup_printf("kernels/%u/initrd_sha256", i);
        const char *a = tck_config_get_string(p->cfg, k_arch);
        g_auto(GStrv) oses = tck_config_get_strv(p->cfg, k_os);

        if (!tck_config_lookup(p->cfg, k_entry))
            return;
        if (g_strcmp0(a, p->arch) != 0 ||
            (oses && oses[0] && !g_strv_contains((const char *const *)oses, p->kos)))
            continue;
        source_set(&p->kernel_dl, config_kernel_url(p->cfg, i, "kernel"),
                   tck_config_get_string(p->cfg, k_ksha), 0);
        source_set(&p->initrd_dl, config_kernel_url(p->cfg, i, "initrd"),
                   tck_config_get_string(p->cfg, k_isha), 0);
        return;
    }
}

/* A foreign arch's kernel and initrd from the catalog. */
static gboolean
catalog_source(TckPrepare *p, GError **error)
{
    g_auto(TckAssetSource) k = { 0 };
    g_auto(TckAssetSource) i = { 0 };
    g_autoptr(GError) local = NULL;

    if (!tck_catalog_lookup(p->opt->catalog, p->arch, p->kos, TCK_ASSET_KERNEL, &k, &local)) {
        if (local) {
            g_propagate_error(error, g_steal_pointer(&local));
            return FALSE;
        }
        return TRUE;
    }
    source_set(&p->kernel_dl, k.url, k.sha256, k.size);
    if (tck_catalog_lookup(p->opt->catalog, p->arch, p->kos, TCK_ASSET_INITRD, &i, NULL))
        source_set(&p->initrd_dl, i.url, i.sha256, i.size);
    return TRUE;
}

static gboolean
check_url_source(TckPrepare *p, const char *what, const TckAssetSource *dl, GError **error)
{
    const char *sha = dl->sha256;
    g_autofree char *display = NULL;

    if (!dl->url)
        return TRUE;
    display = tck_config_mask_credentials(dl->url);
    if (!sha && !p->opt->insecure) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                    "%s %s has no SHA-256: add `%s_sha256: HEX` to its `kernels:` entry in the config, "
                    "or give --%s-url URL --sha256 HEX (or --insecure-no-checksum)", what, display, what, what);
        return FALSE;
    }
    if (sha && (strlen(sha) != 64 || strspn(sha, "0123456789abcdef") != 64)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "SHA-256 '%s' for %s is not 64 hex digits",
                    sha, display);
        return FALSE;
    }
    return TRUE;
}

static gboolean
resolve_kernel(TckPrepare *p, gboolean native, gboolean need_initrd, gboolean *need_busybox,
               GError **error)
{
    const TckPrepareOptions *o = p->opt;

    source_set(&p->kernel_dl, o->kernel_url, o->kernel_sha256, 0);
    source_set(&p->initrd_dl, o->initrd_url, o->initrd_sha256, 0);
    config_kernel_source(p);
    if (!p->kernel_dl.url && !native && !catalog_source(p, error))
        return FALSE;
    if (!p->kernel_dl.url) {
        if (!native) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_UNKNOWN_ARCH,
                        "no kernel source for %s/%s: the host is %s; give --kernel-url URL --sha256 HEX, a config `kernels:` entry or a catalog entry",
                        p->arch, p->kos, tck_assets_host_arch());
            return FALSE;
        }
        if (!tck_host_kernel_find(o->kernel, o->boot_dir, o->modules_root, &p->hk, error))
            return FALSE;
    }
    if (!check_url_source(p, "kernel", &p->kernel_dl, error) ||
        !check_url_source(p, "initrd", &p->initrd_dl, error))
        return FALSE;
    if (need_initrd && !p->initrd_dl.url) {
        *need_busybox = TRUE;
        if (p->hk.modules_dir) {
            g_autofree char *dep = g_build_filename(p->hk.modules_dir, "modules.dep", NULL);
            if (access(dep, R_OK) < 0) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                            "%s is missing or unreadable; run depmod for that kernel", dep);
                return FALSE;
            }
        }
    }
    return TRUE;
}

gboolean
tck_prepare_resolve_sources(TckPrepare *p, GError **error)
{
    const char *host = tck_assets_host_arch();
    gboolean native = g_str_equal(p->arch, host);
    gboolean need_busybox = p->want[TCK_ASSET_ROOTFS] || p->want[TCK_ASSET_TEMPLATE] ||
                            p->want[TCK_ASSET_FS_DISK];
    gboolean need_kernel = p->want[TCK_ASSET_KERNEL] || p->want[TCK_ASSET_ISO] ||
                           p->want[TCK_ASSET_VMLINUX];
    gboolean need_initrd = p->want[TCK_ASSET_INITRD] || p->want[TCK_ASSET_ISO] ||
                           p->want[TCK_ASSET_XEN_HOST];

    if ((need_kernel || need_initrd) && !resolve_kernel(p, native, need_initrd, &need_busybox, error))
        return FALSE;
    if (need_busybox) {
        if (!native && !p->opt->busybox) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_UNKNOWN_ARCH,
                        "no busybox for %s (the host is %s): give --busybox PATH to a static busybox for %s",
                        p->arch, host, p->arch);
            return FALSE;
        }
        if (!(p->bb = tck_host_busybox_find(p->opt->busybox, error)))
            return FALSE;
    }
    if (p->want[TCK_ASSET_ISO] &&
        !tck_host_isolinux_find(&p->isolinux_bin, &p->ldlinux_c32, error))
        return FALSE;
    if (p->want[TCK_ASSET_XEN_HYPERVISOR] &&
        !(p->xen_gz = tck_xen_hypervisor_find(p->opt->boot_dir, error)))
        return FALSE;
    if (p->want[TCK_ASSET_XEN_HOST] && !p->hk.modules_dir) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                    "the Xen host's dom0 needs the host kernel's modules (9p, overlay): none for %s",
                    p->hk.kernel ? p->hk.kernel : "the host kernel");
        return FALSE;
    }
    return TRUE;
}
