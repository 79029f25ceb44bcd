/*
 * test-remote-assets.c — the pieces of remote asset provisioning that
 * need no daemon: which URIs are remote (tck_virt_uri_is_remote), which
 * volume names are asset volumes, and the guard that refuses a remote
 * guest's XML naming a local-only path (tck_remote_xml_check), on XML
 * the generic guest builder makes from a QEMU plan.
 */
#include <config.h>

#include <tck/builders.h>
#include <tck/caps.h>
#include <tck/error.h>
#include <tck/remote-assets.h>
#include "virt-util.h"

static const struct {
    const char *uri;
    gboolean remote;
} uri_cases[] = {
    { "qemu+tcp://127.0.0.1/system", TRUE },
    { "qemu+ssh://root@host.example/system", TRUE },
    { "qemu+tls://host.example:16514/system?no_verify=1", TRUE },
    { "qemu://host.example/system", TRUE },
    { "test+tcp://[::1]/default", TRUE },
    { "qemu:///system", FALSE },
    { "qemu+unix:///system", FALSE },
    { "qemu:///session", FALSE },
    { "lxc:///system", FALSE },
    { "test:///default", FALSE },
    { "test:///tmp/crowded-host.xml", FALSE },
    { "", FALSE },
    { NULL, FALSE },
    { "not a uri", FALSE },
};

static void
test_uri_is_remote(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(uri_cases); i++) {
        if (tck_virt_uri_is_remote(uri_cases[i].uri) != uri_cases[i].remote)
            g_error("tck_virt_uri_is_remote(\"%s\") is not %s", uri_cases[i].uri ? uri_cases[i].uri : "(null)",
                    uri_cases[i].remote ? "TRUE" : "FALSE");
    }
}

static void
test_volume_names(void)
{
    g_assert_true(tck_asset_volume_name_ok("c3718796ffdb206cc149543cf925b868d9cd0cb504ba554539a01303179505aa"));
    /* Upper case, short, long, non-hex, a run's own volume: not asset volumes. */
    g_assert_false(tck_asset_volume_name_ok("C3718796FFDB206CC149543CF925B868D9CD0CB504BA554539A01303179505AA"));
    g_assert_false(tck_asset_volume_name_ok("c3718796ffdb206cc149543cf925b868d9cd0cb504ba554539a01303179505a"));
    g_assert_false(tck_asset_volume_name_ok("c3718796ffdb206cc149543cf925b868d9cd0cb504ba554539a01303179505aaa"));
    g_assert_false(tck_asset_volume_name_ok("g3718796ffdb206cc149543cf925b868d9cd0cb504ba554539a01303179505aa"));
    g_assert_false(tck_asset_volume_name_ok("tck-0badf00d-domain-050-a-disk"));
    g_assert_false(tck_asset_volume_name_ok(NULL));
}

#define POOL "/var/lib/libvirt/tck-assets"
#define SHA_K POOL "/c3718796ffdb206cc149543cf925b868d9cd0cb504ba554539a01303179505aa"
#define SHA_I POOL "/c1cac7bf641d768fdf7be938cb07868692ee41bc1d9e3cf3247a750d47f52a03"

/* The generic QEMU guest of tests/caps/qemu-system.xml with @assets. */
static char *
generic_qemu_xml(const TckGuestAssets *assets)
{
    g_autofree char *caps = NULL;
    g_autoptr(TckHost) host = NULL;
    g_autoptr(GError) error = NULL;
    TckPlanRequest req = { 0 };
    TckGuestPlan *plan;
    char *xml;

    g_assert_true(g_file_get_contents(ABS_TOP_SRCDIR "/tests/caps/qemu-system.xml", &caps, NULL, &error));
    host = tck_host_parse(caps, -1, "qemu-system.xml", &error);
    g_assert_no_error(error);
    plan = tck_plan_choose(host, &req, &error);
    g_assert_no_error(error);
    g_assert_cmpint(plan->boot, ==, TCK_BOOT_KERNEL);
    xml = tck_generic_domain(plan, assets, "tck-0badf00d-remote-001-a", "tok", "/tmp/scratch/a.console.log",
                             &error);
    g_assert_no_error(error);
    tck_plan_free(plan);
    return xml;
}

static void
test_xml_volumes_accepted(void)
{
    TckGuestAssets assets = { .kernel = SHA_K, .initrd = SHA_I, .disk = POOL "/tck-0badf00d-remote-001-a-disk" };
    g_autofree char *xml = generic_qemu_xml(&assets);
    g_autoptr(GError) error = NULL;

    /* The serial log is written by the host, not read: not an input. */
    g_assert_nonnull(strstr(xml, "/tmp/scratch/a.console.log"));
    g_assert_true(tck_remote_xml_check(xml, POOL, &error));
    g_assert_no_error(error);
    g_assert_true(tck_remote_xml_check(xml, POOL "/", &error));
    g_assert_no_error(error);
}

/* Each input in turn is a local cache or scratch path: each is refused, by name. */
static void
test_xml_local_path_refused(void)
{
    const struct {
        TckGuestAssets assets;
        const char *element;
        const char *path;
    } cases[] = {
        { { .kernel = "/var/cache/libvirt-tck/blobs/abc", .initrd = SHA_I, .disk = SHA_K },
          "/domain/os/kernel", "/var/cache/libvirt-tck/blobs/abc" },
        { { .kernel = SHA_K, .initrd = "/root/.cache/libvirt-tck/blobs/def", .disk = SHA_K },
          "/domain/os/initrd", "/root/.cache/libvirt-tck/blobs/def" },
        { { .kernel = SHA_K, .initrd = SHA_I, .disk = "/tmp/scratch/a-disk.img" },
          "/domain/devices/disk/source/@file", "/tmp/scratch/a-disk.img" },
        /* A path that only looks as if it were in the pool. */
        { { .kernel = POOL "/../../../../tmp/k", .initrd = SHA_I, .disk = SHA_K },
          "/domain/os/kernel", POOL "/../../../../tmp/k" },
        { { .kernel = POOL "-other/k", .initrd = SHA_I, .disk = SHA_K }, "/domain/os/kernel", POOL "-other/k" },
        { { .kernel = POOL "/sub/k", .initrd = SHA_I, .disk = SHA_K }, "/domain/os/kernel", POOL "/sub/k" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *xml = generic_qemu_xml(&cases[i].assets);
        g_autoptr(GError) error = NULL;

        g_assert_false(tck_remote_xml_check(xml, POOL, &error));
        g_assert_error(error, TCK_ERROR, TCK_ERROR_BUILDER);
        if (!strstr(error->message, cases[i].element) || !strstr(error->message, cases[i].path))
            g_error("case %zu: the refusal does not name %s and %s: %s", i, cases[i].element,
                    cases[i].path, error->message);
    }
}

static void
test_xml_filesystem_refused(void)
{
    static const char xml[] =
        "<domain type='lxc'><name>c</name><devices>"
        "<filesystem type='mount'><source dir='/var/cache/libvirt-tck/trees/abc'/><target dir='/'/></filesystem>"
        "</devices></domain>";
    g_autoptr(GError) error = NULL;

    g_assert_false(tck_remote_xml_check(xml, POOL, &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_BUILDER);
    g_clear_error(&error);
    g_assert_false(tck_remote_xml_check("<domain", POOL, &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_XML);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/remote-assets/uri-is-remote", test_uri_is_remote);
    g_test_add_func("/remote-assets/volume-names", test_volume_names);
    g_test_add_func("/remote-assets/xml-volumes-accepted", test_xml_volumes_accepted);
    g_test_add_func("/remote-assets/xml-local-path-refused", test_xml_local_path_refused);
    g_test_add_func("/remote-assets/xml-filesystem-refused", test_xml_filesystem_refused);
    return g_test_run();
}
