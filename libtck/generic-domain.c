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

/* A cache path for one asset of the plan; skips the test when it is missing. */
static char *
tck_generic_asset(TckTest *t, const TckGuestPlan *plan, TckAssetKind kind)
{
    TckConfig *cfg = tck_test_config(t);
    const char *cache = tck_config_get_string(cfg, "asset_cache");
    g_autofree char *default_cache = NULL;
    g_autoptr(GError) error = NULL;
    char *path;

    if (!cache)
        cache = default_cache = tck_assets_default_cache_dir(tck_config_get_string(cfg, "scratch_dir"));
    path = tck_assets_lookup(cache, plan->arch, plan->os_type, kind, &error);
    if (!path)
        tck_skip_all(t, "%s", error->message);
    return path;
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
        kernel = tck_generic_asset(t, plan, TCK_ASSET_KERNEL);
        initrd = tck_generic_asset(t, plan, TCK_ASSET_INITRD);
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
    xml = tck_generic_domain(plan, &assets, name, token, log_path, &error);
    if (!xml)
        tck_bail_out(t, "cannot build the generic guest %s: %s", name, error->message);
    return xml;
}

gboolean
tck_guest_boots(TckTest *t)
{
    return tck_generic_plan(t)->boots;
}
