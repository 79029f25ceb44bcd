/*
 * generic-domain.c — the glue between a test program and the guest plan:
 * read the connection's capabilities once, choose the plan (honouring the
 * forced os_type/arch/boot keys), find the payload in the asset cache and
 * hand the test the minimal guest's XML, recorded in the ledger first.
 */
#include <config.h>

#include <errno.h>
#include <glib/gstdio.h>

#include <tck/builders.h>
#include <tck/caps.h>
#include <tck/checks.h>
#include <tck/error.h>
#include <tck/guest.h>
#include <tck/ledger.h>
#include <tck/xml.h>

/* The asset cache API lands with libvirt-tck-prepare; until then the
 * plans that really boot skip, naming the prepare command. */
#if __has_include(<tck/assets.h>)
# include <tck/assets.h>
# define TCK_HAVE_ASSETS 1
#else
# define TCK_HAVE_ASSETS 0
#endif

/* One test per process: the plan is chosen once and kept here. */
static struct {
    TckTest *test;
    TckGuestPlan *plan;
} tck_plan_cache;

static TckGuestPlan *
tck_generic_plan_choose(TckTest *t, GError **error)
{
    virConnectPtr conn = tck_test_connect(t);
    TckConfig *cfg = tck_test_config(t);
    TckPlanRequest req = {
        .os_type = tck_config_get_string(cfg, "os_type"),
        .arch = tck_config_get_string(cfg, "arch"),
        .boot = tck_config_get_string(cfg, "boot"),
    };
    g_autofree char *caps_xml = virConnectGetCapabilities(conn);
    g_autofree char *dcaps_xml = NULL;
    g_autoptr(TckHost) host = NULL;
    g_autoptr(TckDomainCaps) dcaps = NULL;
    TckGuestPlan *plan;

    if (!caps_xml) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "cannot read the capabilities of %s: %s",
                    tck_test_uri(t), virGetLastErrorMessage());
        return NULL;
    }
    host = tck_host_parse(caps_xml, -1, tck_test_uri(t), error);
    if (!host)
        return NULL;
    plan = tck_plan_choose(host, &req, error);
    if (!plan)
        return NULL;

    /* Drivers without domain capabilities (test, LXC) are fine: the plan stands. */
    dcaps_xml = virConnectGetDomainCapabilities(conn, plan->emulator, plan->arch, plan->machine,
                                                plan->domain_type, 0);
    if (dcaps_xml) {
        dcaps = tck_domain_caps_parse(dcaps_xml, -1, tck_test_uri(t), NULL);
        if (dcaps)
            tck_plan_refine(plan, dcaps);
    } else {
        virResetLastError();
    }
    return plan;
}

static TckGuestPlan *
tck_generic_plan(TckTest *t)
{
    g_autoptr(GError) error = NULL;

    if (tck_plan_cache.test == t && tck_plan_cache.plan)
        return tck_plan_cache.plan;
    g_clear_pointer(&tck_plan_cache.plan, tck_plan_free);
    tck_plan_cache.plan = tck_generic_plan_choose(t, &error);
    if (!tck_plan_cache.plan)
        tck_bail_out(t, "no guest plan: %s", error->message);
    tck_plan_cache.test = t;
    return tck_plan_cache.plan;
}

/* A cache path for one asset of the plan; skips the test when it is missing. */
static char *
tck_generic_asset(TckTest *t, const TckGuestPlan *plan, int kind, const char *what)
{
#if TCK_HAVE_ASSETS
    TckConfig *cfg = tck_test_config(t);
    const char *cache = tck_config_get_string(cfg, "asset_cache");
    g_autofree char *default_cache = NULL;
    g_autoptr(GError) error = NULL;
    char *path;

    if (!cache)
        cache = default_cache = tck_assets_default_cache_dir(tck_config_get_string(cfg, "scratch_dir"));
    path = tck_assets_lookup(cache, plan->arch, plan->os_type, (TckAssetKind) kind, &error);
    if (!path)
        tck_skip_all(t, "%s", error->message);
    return path;
#else
    tck_skip_all(t, "no %s for %s/%s: the asset cache is not available in this build; "
                 "run libvirt-tck-prepare for arch %s first", what, plan->arch, plan->os_type,
                 plan->arch);
#endif
}

#if TCK_HAVE_ASSETS
# define TCK_KIND(k) TCK_ASSET_##k
#else
# define TCK_KIND(k) 0
#endif

/* The template name of an OpenVZ template tarball: its basename minus .tar.gz. */
static char *
tck_template_name(const char *path)
{
    g_autofree char *base = g_path_get_basename(path);

    if (g_str_has_suffix(base, ".tar.gz"))
        base[strlen(base) - strlen(".tar.gz")] = '\0';
    return g_steal_pointer(&base);
}

/* Record @name in the run's ledger (TCK_LEDGER) before libvirt sees it. */
static void
tck_generic_record(TckTest *t, const char *name)
{
    const char *path = g_getenv("TCK_LEDGER");
    g_autoptr(TckLedger) ledger = NULL;
    g_autoptr(GError) error = NULL;

    if (!path)
        return;
    ledger = tck_ledger_open(path, tck_test_run_id(t), &error);
    if (!ledger || !tck_ledger_record(ledger, TCK_OBJECT_DOMAIN, name, NULL, &error))
        tck_bail_out(t, "cannot record domain %s in the ledger %s: %s", name, path, error->message);
}

/*
 * A guest keeps one UUID for its name (derived from it), so that the same
 * XML given twice (create, then define) names the same guest, as it does
 * for a user who writes a config once and reuses it.
 */
static char *
tck_generic_with_stable_uuid(TckTest *t, char *xml, const char *name)
{
    g_autofree char *owned = xml;
    g_autofree char *hex = g_compute_checksum_for_string(G_CHECKSUM_SHA256, name, -1);
    g_autofree char *uuid = g_strdup_printf("%.8s-%.4s-4%.3s-a%.3s-%.12s", hex, hex + 8, hex + 12, hex + 15, hex + 18);
    g_autoptr(GError) error = NULL;
    char *edited = tck_xml_set_text(owned, "/domain/uuid", uuid, &error);

    if (!edited)
        tck_bail_out(t, "cannot give %s its UUID: %s", name, error->message);
    return edited;
}

char *
tck_generic_domain_xml(TckTest *t, const char *suffix)
{
    TckGuestPlan *plan = tck_generic_plan(t);
    const char *name = tck_name(t, suffix);
    const char *scratch = tck_test_scratch_dir(t);
    g_autofree char *token_uuid = g_uuid_string_random();
    g_autofree char *token = NULL;
    g_autofree char *log_path = NULL;
    g_autofree char *kernel = NULL, *initrd = NULL, *iso = NULL, *disk = NULL;
    g_autofree char *rootfs = NULL, *out_dir = NULL, *template_path = NULL, *template = NULL;
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
        kernel = tck_generic_asset(t, plan, TCK_KIND(KERNEL), "kernel");
        initrd = tck_generic_asset(t, plan, TCK_KIND(INITRD), "initrd");
    } else if (plan->boot == TCK_BOOT_ISO) {
        iso = tck_generic_asset(t, plan, TCK_KIND(ISO), "ISO");
        disk = tck_generic_asset(t, plan, TCK_KIND(DISK_RAW), "empty disk");
    } else if (plan->boot == TCK_BOOT_CONTAINER) {
        rootfs = tck_generic_asset(t, plan, TCK_KIND(ROOTFS), "rootfs");
    } else {
        template_path = tck_generic_asset(t, plan, TCK_KIND(TEMPLATE), "template");
        template = tck_template_name(template_path);
    }

    if (plan->boot == TCK_BOOT_CONTAINER) {
        g_autofree char *dir = g_strdup_printf("%s-out", name);

        out_dir = g_build_filename(scratch, dir, NULL);
        if (g_mkdir_with_parents(out_dir, 0755) < 0)
            tck_bail_out(t, "cannot create %s: %s", out_dir, g_strerror(errno));
        log_path = g_build_filename(out_dir, "ready", NULL);
    } else {
        g_autofree char *file = g_strdup_printf("%s.console.log", name);

        log_path = g_build_filename(scratch, file, NULL);
    }

    assets = (TckGuestAssets) {
        .kernel = kernel, .initrd = initrd, .iso = iso, .disk = disk,
        .rootfs = rootfs, .out_dir = out_dir, .template_name = template,
    };
    xml = tck_generic_domain(plan, &assets, name, token, log_path, &error);
    if (!xml)
        tck_bail_out(t, "cannot build the generic guest %s: %s", name, error->message);

    tck_generic_record(t, name);
    return tck_generic_with_stable_uuid(t, xml, name);
}

gboolean
tck_guest_boots(TckTest *t)
{
    return tck_generic_plan(t)->boots;
}
