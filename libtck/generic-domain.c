/*
 * generic-domain.c — the glue between a test program and the guest plan:
 * read the connection's capabilities once, choose the plan (honouring the
 * forced os_type/arch/boot keys), find the payload in the asset cache and
 * hand the test the minimal guest's XML, recorded in the ledger first.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include <tck/assets.h>
#include <tck/builders.h>
#include <tck/caps.h>
#include <tck/checks.h>
#include <tck/error.h>
#include <tck/guest.h>
#include <tck/ledger.h>
#include <tck/remote-assets.h>
#include <tck/storage.h>
#include <libvirt/virterror.h>
#include "test-private.h"
#include "virt-util.h"


/* The test's data key under which its chosen plan is kept. */
#define TCK_PLAN_KEY "generic-domain.plan"

/* The test's plan, chosen on first use and kept with the test. */
static TckGuestPlan *
tck_generic_plan(TckTest *t)
{
    TckGuestPlan *plan = tck_test_get_data(t, TCK_PLAN_KEY);
    g_autoptr(GError) error = NULL;

    if (plan)
        return plan;
    plan = tck_plan_for_connection(tck_test_connect(t), tck_test_config(t), &error);
    if (!plan)
        tck_bail_out(t, "no guest plan: %s", error->message);
    tck_test_set_data(t, TCK_PLAN_KEY, plan, (GDestroyNotify) tck_plan_free);
    tck_test_record_plan(t, plan);
    return plan;
}

/* The cached file of one asset of the plan, or NULL with @error set. */
static TckAssetFile *
tck_generic_asset_lookup(TckTest *t, const TckGuestPlan *plan, TckAssetKind kind, GError **error)
{
    TckConfig *cfg = tck_test_config(t);
    const char *cache = tck_config_get_string(cfg, "asset_cache");
    g_autofree char *default_cache = NULL;

    if (!cache)
        cache = default_cache = tck_assets_default_cache_dir(tck_config_get_string(cfg, "scratch_dir"));
    return tck_assets_lookup_file(cache, plan->arch, plan->os_type, kind, error);
}

/* The test's data key under which the remote host's asset pool is kept. */
#define TCK_ASSET_POOL_KEY "generic-domain.asset-pool"
#define TCK_ASSET_TARGET_KEY "generic-domain.asset-pool-target"

/* TRUE when the guests run on another host, which gets its files as volumes. */
static gboolean
tck_generic_remote(TckTest *t)
{
    return tck_virt_uri_is_remote(tck_test_uri(t));
}

static void
tck_pool_unref(gpointer pool)
{
    virStoragePoolFree(pool);
}

/* The remote host's asset pool (made on first use) and its target path. */
virStoragePoolPtr
tck_test_asset_pool(TckTest *t, const char **target)
{
    virStoragePoolPtr pool = tck_test_get_data(t, TCK_ASSET_POOL_KEY);
    g_autoptr(GError) error = NULL;
    char *dir = NULL;

    if (!pool) {
        if (!(pool = tck_asset_pool_ensure(tck_test_connect(t), &dir, &error)))
            tck_bail_out(t, "cannot provide the guest's files on the remote host: %s", error->message);
        tck_test_set_data(t, TCK_ASSET_POOL_KEY, pool, tck_pool_unref);
        tck_test_set_data(t, TCK_ASSET_TARGET_KEY, dir, g_free);
    }
    if (target)
        *target = tck_test_get_data(t, TCK_ASSET_TARGET_KEY);
    return pool;
}

/* @f provisioned in @pool on the host @where names; its path there. */
static char *
tck_generic_provision(TckTest *t, virStoragePoolPtr pool, const char *where, TckAssetKind kind,
                      const TckAssetFile *f)
{
    g_autoptr(GError) error = NULL;
    TckAssetVolumeFate fate;
    char *path = tck_asset_pool_provision(pool, f->path, f->sha256, f->size, &fate, &error);

    if (!path)
        tck_bail_out(t, "cannot provide the %s %s on %s: %s", tck_asset_kind_to_string(kind), f->path, where,
                     error->message);
    if (fate == TCK_ASSET_VOLUME_UPLOADED)
        tck_diag(t, "remote asset %s uploaded and verified on %s: %s (%" G_GUINT64_FORMAT " bytes) is %s",
                 tck_asset_kind_to_string(kind), where, f->sha256, f->size, path);
    else
        tck_diag(t, "remote asset %s reused on %s: %s is %s", tck_asset_kind_to_string(kind), where, f->sha256,
                 path);
    return path;
}

/*
 * A migration test's guest needs its files at the same path on the
 * destination (config:otheruri): the same volume, provisioned in that
 * host's asset pool too.  Pools whose targets differ cannot give that.
 */
static void
tck_generic_provision_other(TckTest *t, TckAssetKind kind, const TckAssetFile *f, const char *path)
{
    const char *uri = tck_config_get_string(tck_test_config(t), "otheruri");
    g_autoptr(GError) error = NULL;
    g_autofree char *target = NULL, *there = NULL;
    virStoragePoolPtr pool;

    if (!tck_test_needs(t, "config:otheruri") || !uri || !tck_virt_uri_is_remote(uri))
        return;
    if (!(pool = tck_asset_pool_ensure(tck_test_connect_other(t), &target, &error)))
        tck_bail_out(t, "cannot provide the guest's files on %s: %s", uri, error->message);
    there = tck_generic_provision(t, pool, uri, kind, f);
    virStoragePoolFree(pool);
    if (!g_str_equal(there, path))
        tck_bail_out(t, "the %s is %s on %s but %s on the source: migration needs the same path on both "
                     "hosts (their %s pools have different targets)",
                     tck_asset_kind_to_string(kind), there, uri, path, TCK_ASSET_POOL);
}

/*
 * @f as the host sees it: the cache's path on this machine, the path of
 * its volume in the asset pool on a remote host (uploaded on first use),
 * and on the migration destination too.
 */
static char *
tck_generic_host_path(TckTest *t, TckAssetKind kind, const TckAssetFile *f)
{
    char *path;

    if (!tck_generic_remote(t))
        return g_strdup(f->path);
    path = tck_generic_provision(t, tck_test_asset_pool(t, NULL), tck_test_uri(t), kind, f);
    tck_generic_provision_other(t, kind, f, path);
    return path;
}

/* The host's path of one asset of the plan; skips the test when it is missing. */
static char *
tck_generic_asset(TckTest *t, const TckGuestPlan *plan, TckAssetKind kind)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckAssetFile) f = tck_generic_asset_lookup(t, plan, kind, &error);

    if (!f)
        tck_skip_all(t, "%s", error->message);
    return tck_generic_host_path(t, kind, f);
}

/*
 * The kernel image the plan names: the PVH vmlinux (QEMU on x86_64) or
 * the compressed kernel.  A cache prepared before it had a vmlinux still
 * boots, from the compressed kernel (slower under TCG), and says so.
 */
static char *
tck_generic_kernel(TckTest *t, const TckGuestPlan *plan)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckAssetFile) f = NULL;

    if (g_strcmp0(plan->kernel, "vmlinux") != 0)
        return tck_generic_asset(t, plan, TCK_ASSET_KERNEL);
    if ((f = tck_generic_asset_lookup(t, plan, TCK_ASSET_VMLINUX, &error)))
        return tck_generic_host_path(t, TCK_ASSET_VMLINUX, f);
    if (!g_error_matches(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING))
        tck_skip_all(t, "%s", error->message);
    tck_diag(t, "booting the compressed kernel, slower under TCG: %s", error->message);
    return tck_generic_asset(t, plan, TCK_ASSET_KERNEL);
}

char *
tck_generic_compressed_kernel(TckTest *t)
{
    return tck_generic_asset(t, tck_generic_plan(t), TCK_ASSET_KERNEL);
}

/* Size of the per-guest empty disk: sparse, so it costs nothing. */
#define TCK_GENERIC_DISK_BYTES (16 * 1024 * 1024)

/*
 * A per-guest empty disk in the scratch dir.  The cache's disks are
 * shared templates, and QEMU takes a write lock on each disk it opens, so
 * guests of parallel tests must never share one.
 */
static char *
tck_generic_empty_disk(TckTest *t, const char *scratch, const char *name)
{
    g_autofree char *file = g_strdup_printf("%s-disk.img", name);
    char *path = g_build_filename(scratch, file, NULL);
    int fd = g_open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);

    if (fd < 0 || ftruncate(fd, TCK_GENERIC_DISK_BYTES) < 0) {
        int err = errno;

        if (fd >= 0)
            close(fd);
        tck_bail_out(t, "cannot create the empty disk %s: %s", path, g_strerror(err));
    }
    close(fd);
    return path;
}

/*
 * The per-guest empty disk on a remote host: a volume of this run (in the
 * ledger first, so cleanup deletes it) in the asset pool.  A test that
 * builds the same guest twice gets the same volume.
 */
static char *
tck_generic_remote_disk(TckTest *t, const char *suffix)
{
    virStoragePoolPtr pool = tck_test_asset_pool(t, NULL);
    g_autofree char *vol_suffix = g_strdup_printf("%s-disk", suffix);
    g_autofree char *xml = tck_volume_xml(t, pool, vol_suffix, "raw", TCK_GENERIC_DISK_BYTES, 0);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, xml, 0);
    char *path;

    if (!vol && virGetLastErrorCode() == VIR_ERR_STORAGE_VOL_EXIST)
        vol = virStorageVolLookupByName(pool, tck_name(t, vol_suffix));
    if (!vol || !(path = virStorageVolGetPath(vol)))
        tck_bail_out(t, "cannot create the empty disk %s in pool %s on the remote host: %s",
                     tck_name(t, vol_suffix), TCK_ASSET_POOL, virGetLastErrorMessage());
    virStorageVolFree(vol);
    return path;
}

/* The template name of an OpenVZ template tarball: its basename minus .tar.gz. */
static char *
tck_template_name(const char *path)
{
    g_autofree char *base = g_path_get_basename(path);

    if (g_str_has_suffix(base, ".tar.gz"))
        base[strlen(base) - strlen(".tar.gz")] = '\0';
    return g_steal_pointer(&base);
}

char *
tck_generic_domain_xml(TckTest *t, const char *suffix)
{
    return tck_generic_domain_xml_with_nic(t, suffix, NULL);
}

char *
tck_generic_domain_xml_with_nic(TckTest *t, const char *suffix, const TckGuestNic *nic)
{
    TckGuestPlan *plan = tck_generic_plan(t);
    /* Recorded in the ledger now, before libvirt ever sees the XML. */
    const char *name = tck_own(t, TCK_OBJECT_DOMAIN, suffix, NULL);
    const char *scratch = tck_test_scratch_dir(t);
    g_autofree char *token_uuid = g_uuid_string_random();
    g_autofree char *token = NULL;
    g_autofree char *log_path = NULL;
    g_autofree char *kernel = NULL, *initrd = NULL, *iso = NULL, *disk = NULL;
    g_autofree char *rootfs = NULL, *root_dir = NULL, *out_dir = NULL;
    g_autofree char *template_path = NULL, *template = NULL;
    TckGuestAssets assets = { 0 };
    TckInterfaceSpec spec = { 0 };
    g_autofree char *kernel_args = NULL;
    g_autoptr(GError) error = NULL;
    gboolean remote = tck_generic_remote(t);
    char *xml;

    /* The token is unique per guest: the run id, then random hex. */
    g_strdelimit(token_uuid, "-", 'x');
    token = g_strdup_printf("%s-%.12s", tck_test_run_id(t), token_uuid + 24);

    if (!plan->boots) {
        /* The test driver needs paths only; nothing reads them. */
        kernel = g_build_filename(scratch, "placeholder-vmlinuz", NULL);
        initrd = g_build_filename(scratch, "placeholder-initrd.img", NULL);
        iso = g_build_filename(scratch, "placeholder.iso", NULL);
        disk = g_build_filename(scratch, "placeholder-disk.img", NULL);
        rootfs = g_build_filename(scratch, "placeholder-rootfs", NULL);
        template = g_strdup("placeholder-template");
    } else if (plan->boot == TCK_BOOT_KERNEL) {
        kernel = tck_generic_kernel(t, plan);
        initrd = tck_generic_asset(t, plan, TCK_ASSET_INITRD);
        tck_diag(t, "guest %s boots the %s %s", name, plan->kernel, kernel);
        disk = remote ? tck_generic_remote_disk(t, suffix) : tck_generic_empty_disk(t, scratch, name);
    } else if (plan->boot == TCK_BOOT_ISO) {
        iso = tck_generic_asset(t, plan, TCK_ASSET_ISO);
        disk = remote ? tck_generic_remote_disk(t, suffix) : tck_generic_empty_disk(t, scratch, name);
    } else if (remote) {
        /* A volume is a file: it can hold neither a rootfs directory nor a template. */
        tck_skip_all(t, "a remote host gets the guest's files as volumes of pool %s; the %s plan needs "
                     "a rootfs directory or template there, which a volume cannot be",
                     TCK_ASSET_POOL, tck_boot_to_string(plan->boot));
    } else if (plan->boot == TCK_BOOT_CONTAINER) {
        rootfs = tck_generic_asset(t, plan, TCK_ASSET_ROOTFS);
    } else {
        template_path = tck_generic_asset(t, plan, TCK_ASSET_TEMPLATE);
        template = tck_template_name(template_path);
    }

    if (plan->boot == TCK_BOOT_CONTAINER) {
        g_autofree char *dir = g_strdup_printf("%s-out", name);

        out_dir = g_build_filename(scratch, dir, NULL);
        if (g_mkdir_with_parents(out_dir, 0755) < 0)
            tck_bail_out(t, "cannot create %s: %s", out_dir, g_strerror(errno));
        log_path = g_build_filename(out_dir, "ready", NULL);
        if (plan->boots) {
            /* The cached rootfs stays pristine: libvirt writes into the guest's / only. */
            g_autofree char *root = g_strdup_printf("%s-root", name);

            root_dir = g_build_filename(scratch, root, NULL);
            if (!tck_generic_container_root(rootfs, root_dir, &error))
                tck_bail_out(t, "%s", error->message);
        }
    } else {
        g_autofree char *file = g_strdup_printf("%s.console.log", name);

        log_path = g_build_filename(scratch, file, NULL);
    }

    assets = (TckGuestAssets) {
        .kernel = kernel, .initrd = initrd, .iso = iso, .disk = disk,
        .rootfs = rootfs, .root_dir = root_dir, .out_dir = out_dir, .template_name = template,
    };
    if (nic) {
        spec = (TckInterfaceSpec) {
            .type = "network", .source = nic->network, .mac = nic->mac,
            .model = plan->boots && plan->boot == TCK_BOOT_KERNEL ? "virtio" : NULL,
            .filter = nic->filter, .filter_params = nic->filter_params,
        };
        assets.nic = &spec;
        if (plan->boot == TCK_BOOT_KERNEL) {
            kernel_args = g_strdup_printf("%s%s%s%s%s", nic->dhcp ? " tck.dhcp" : "",
                                          nic->address ? " tck.ip=" : "", nic->address ? nic->address : "",
                                          nic->guest_mac ? " tck.mac=" : "",
                                          nic->guest_mac ? nic->guest_mac : "");
            assets.kernel_args = *kernel_args ? kernel_args + 1 : NULL;
        }
    }
    xml = tck_generic_domain(plan, &assets, name, token, log_path, &error);
    if (!xml)
        tck_bail_out(t, "cannot build the generic guest %s: %s", name, error->message);
    if (remote && plan->boots) {
        const char *target = NULL;

        tck_test_asset_pool(t, &target);
        if (!tck_remote_xml_check(xml, target, &error))
            tck_bail_out(t, "refusing the generic guest %s: %s", name, error->message);
    }
    return xml;
}

const TckGuestPlan *
tck_test_plan(TckTest *t)
{
    return tck_generic_plan(t);
}

gboolean
tck_guest_boots(TckTest *t)
{
    return tck_generic_plan(t)->boots;
}

gboolean
tck_guest_ready_for_save(TckTest *t, virDomainPtr dom, guint timeout_s)
{
    const char *why = tck_generic_plan(t)->save_needs_guest;

    if (!why)
        return TRUE;
    tck_diag(t, "Letting guest '%s' boot before its memory is saved or dumped: %s", virDomainGetName(dom), why);
    return tck_wait_guest_ready(t, dom, timeout_s);
}
