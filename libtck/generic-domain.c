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
#include "test-private.h"


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

/* A cache path for one asset of the plan, or NULL with @error set. */
static char *
tck_generic_asset_lookup(TckTest *t, const TckGuestPlan *plan, TckAssetKind kind, GError **error)
{
    TckConfig *cfg = tck_test_config(t);
    const char *cache = tck_config_get_string(cfg, "asset_cache");
    g_autofree char *default_cache = NULL;

    if (!cache)
        cache = default_cache = tck_assets_default_cache_dir(tck_config_get_string(cfg, "scratch_dir"));
    return tck_assets_lookup(cache, plan->arch, plan->os_type, kind, error);
}

/* A cache path for one asset of the plan; skips the test when it is missing. */
static char *
tck_generic_asset(TckTest *t, const TckGuestPlan *plan, TckAssetKind kind)
{
    g_autoptr(GError) error = NULL;
    char *path = tck_generic_asset_lookup(t, plan, kind, &error);

    if (!path)
        tck_skip_all(t, "%s", error->message);
    return path;
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
    char *path;

    if (g_strcmp0(plan->kernel, "vmlinux") != 0)
        return tck_generic_asset(t, plan, TCK_ASSET_KERNEL);
    if ((path = tck_generic_asset_lookup(t, plan, TCK_ASSET_VMLINUX, &error)))
        return path;
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
        disk = tck_generic_empty_disk(t, scratch, name);
    } else if (plan->boot == TCK_BOOT_ISO) {
        iso = tck_generic_asset(t, plan, TCK_ASSET_ISO);
        disk = tck_generic_empty_disk(t, scratch, name);
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
