/*
 * test-roundtrip.c — what the builders write is what libvirt keeps.
 *
 * Each builder's XML is defined (domain, network, storage pool, volumes,
 * host interface, nwfilter, secret, snapshot), read back with the
 * matching GetXMLDesc call, and the fields that matter are compared
 * between what we wrote and what libvirt returned.  The generic guest for
 * the connection's own plan is defined, and its <tck:guest> metadata is
 * read back with virDomainGetMetadata exactly as tck_wait_guest_ready()
 * does.
 *
 * By default on test:///default (make check).  tests/caps-live.sh runs
 * it again inside libvirt-tck-sandbox with TCK_ROUNDTRIP_URI set to
 * qemu:///system and lxc:///system, and TCK_ROUNDTRIP_PAYLOAD naming a
 * directory with vmlinuz, initrd.img and rootfs/: then the generic guest
 * is started and must print its readiness marker where its metadata says.
 * Checks a driver cannot do (the test driver has no nwfilter or secret
 * driver; LXC has no kernel guests) are skipped with the reason.
 */
#include <config.h>
#include "fs-util.h"

#include <string.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <glib/gstdio.h>
#include <libxml/xpathInternals.h>

#include <tck/builders.h>
#include <tck/caps.h>
#include <tck/error.h>
#include "xpath.h"
#include "builder-samples.h"

static virConnectPtr conn;
static const char *uri;
static char *driver;           /* virConnectGetType(): "Test", "QEMU", "LXC" */
static TckGuestPlan *plan;     /* the connection's own guest plan */
static const char *payload;    /* TCK_ROUNDTRIP_PAYLOAD, or NULL */
static char *scratch;          /* a directory libvirt-qemu can traverse */

static gboolean
is_driver(const char *name)
{
    return g_ascii_strcasecmp(driver, name) == 0;
}

static void
quiet(void *opaque, virErrorPtr err)
{
}

/* The value of @expr in @xml, "" when absent. */
static char *
value_of(const char *xml, const char *expr)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(xmlDoc) doc = tck_xml_parse(xml, -1, "roundtrip", NULL, TCK_ERROR_XML, &error);
    g_autoptr(xmlXPathContext) ctxt = NULL;
    char *value;

    g_assert_no_error(error);
    ctxt = tck_xpath_new(doc);
    xmlXPathRegisterNs(ctxt, BAD_CAST "tck", BAD_CAST TCK_GUEST_NS);
    value = tck_xpath_string(ctxt, NULL, expr);
    return value ? value : g_strdup("");
}

/* Every expression has the same, non-empty value in what we wrote and what came back. */
static void
assert_same(const char *what, const char *wrote, const char *got, const char *const *exprs)
{
    for (gsize i = 0; exprs[i]; i++) {
        g_autofree char *a = value_of(wrote, exprs[i]);
        g_autofree char *b = value_of(got, exprs[i]);

        if (!*a)
            g_error("%s: %s selects nothing in what we wrote", what, exprs[i]);
        if (!g_str_equal(a, b))
            g_error("%s: %s was '%s' but libvirt returned '%s'\n%s", what, exprs[i], a, b, got);
    }
}

static void
check(int ok, const char *what)
{
    if (!ok)
        g_error("%s failed: %s", what, virGetLastErrorMessage());
}

static void
test_domain(void)
{
    g_autoptr(TckDomainBuilder) b = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    virDomainPtr dom;
    static const char *const fields[] = {
        "string(/domain/@type)", "string(/domain/name)", "string(/domain/uuid)",
        "string(/domain/description)", "string(/domain/memory)", "string(/domain/vcpu)",
        "string(/domain/os/type)", "string(/domain/os/type/@arch)", "string(/domain/os/kernel)",
        "string(/domain/os/initrd)", "string(/domain/os/cmdline)",
        "count(/domain/features/acpi)", "count(/domain/features/apic)",
        "string(/domain/on_poweroff)", "string(/domain/on_crash)",
        "string(/domain/devices/disk[1]/source/@file)", "string(/domain/devices/disk[1]/target/@dev)",
        "string(/domain/devices/disk[1]/target/@bus)", "string(/domain/devices/disk[2]/@device)",
        "string(/domain/devices/disk[2]/target/@bus)", "count(/domain/devices/disk[2]/readonly)",
        "string(/domain/devices/interface/source/@network)",
        "string(/domain/devices/interface/mac/@address)",
        "string(/domain/devices/serial/source/@path)",
        "string(/domain/metadata/tck:guest/tck:token)", "string(/domain/metadata/tck:guest/tck:log)",
        NULL,
    };

    if (plan->boot != TCK_BOOT_KERNEL) {
        g_test_skip("this domain boots a kernel; the plan here does not");
        return;
    }
    b = tck_domain_builder_new(plan->domain_type, "tck-1a2b3c4d-rt-<&'\">");
    tck_domain_builder_set_uuid(b, "a6c4e1b0-5d2e-4c1a-9f1e-0b6f2b1d3c4e");
    tck_domain_builder_set_description(b, "round trip & <back>");
    tck_domain_builder_set_memory(b, 262144);
    tck_domain_builder_set_vcpus(b, 2);
    tck_domain_builder_set_os(b, plan->os_type, plan->arch, plan->machine);
    if (plan->emulator && g_path_is_absolute(plan->emulator))
        tck_domain_builder_set_emulator(b, plan->emulator);
    tck_domain_builder_set_kernel(b, "/var/tmp/tck vmlinuz", "/var/tmp/tck-initrd.img",
                                  "console=ttyS0 tck.token=abc \"q\"");
    tck_domain_builder_add_feature(b, "acpi");
    tck_domain_builder_add_feature(b, "apic");
    tck_domain_builder_set_on_event(b, "poweroff", "destroy");
    tck_domain_builder_set_on_event(b, "crash", "restart");
    tck_domain_builder_add_disk(b, &(TckDiskSpec) { .source = "/var/tmp/tck <disk>.img", .bus = "virtio",
                                                    .target = "vda" });
    tck_domain_builder_add_disk(b, &(TckDiskSpec) { .device = "cdrom", .bus = "sata", .target = "sdc",
                                                    .readonly = TRUE });
    tck_domain_builder_add_interface(b, &(TckInterfaceSpec) { .type = "network", .source = "default",
                                                              .mac = "52:54:00:01:02:03" });
    tck_domain_builder_add_serial(b, &(TckCharSpec) { .type = "file", .path = "/var/tmp/tck-console.log" });
    tck_domain_builder_add_metadata(b, TCK_GUEST_NS, "tck", "guest",
                                    (const char *const[]) { "token", "abc", "log", "/var/tmp/x.log", NULL });
    xml = tck_domain_builder_to_xml(b, &error);
    g_assert_no_error(error);

    dom = virDomainDefineXML(conn, xml);
    check(dom != NULL, "virDomainDefineXML");
    got = virDomainGetXMLDesc(dom, 0);
    assert_same("domain", xml, got, fields);
    check(virDomainUndefine(dom) == 0, "virDomainUndefine");
    virDomainFree(dom);
}

/* Wait up to @timeout_s for "TCK-GUEST-READY <token>" in @path. */
static gboolean
wait_marker(const char *path, const char *token, guint timeout_s)
{
    g_autofree char *marker = g_strdup_printf("TCK-GUEST-READY %s", token);
    gint64 deadline = g_get_monotonic_time() + (gint64) timeout_s * G_USEC_PER_SEC;

    while (g_get_monotonic_time() < deadline) {
        g_autofree char *text = NULL;

        if (g_file_get_contents(path, &text, NULL, NULL) && strstr(text, marker))
            return TRUE;
        g_usleep(200 * 1000);
    }
    return FALSE;
}

static void
test_generic_domain(void)
{
    g_autofree char *kernel = g_build_filename(payload ? payload : scratch, "vmlinuz", NULL);
    g_autofree char *initrd = g_build_filename(payload ? payload : scratch, "initrd.img", NULL);
    g_autofree char *rootfs = g_build_filename(payload ? payload : scratch, "rootfs", NULL);
    g_autofree char *out_dir = g_build_filename(scratch, "generic-out", NULL);
    g_autofree char *root_dir = g_build_filename(scratch, "generic-root", NULL);
    g_autofree char *disk = g_build_filename(scratch, "generic-disk.img", NULL);
    g_autofree char *log = NULL;
    g_autofree char *token = g_strdup_printf("1a2b3c4d-%08x", g_random_int());
    TckGuestAssets assets = {
        .kernel = kernel, .initrd = initrd, .disk = disk, .rootfs = rootfs, .out_dir = out_dir,
    };
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    g_autofree char *md = NULL;
    virDomainPtr dom;
    static const char *const fields[] = {
        "string(/domain/name)", "string(/domain/uuid)", "string(/domain/memory)",
        "string(/domain/os/type)", "string(/domain/metadata/tck:guest/tck:token)",
        "string(/domain/metadata/tck:guest/tck:log)", NULL,
    };
    static const char *const kernel_fields[] = {
        "string(/domain/os/kernel)", "string(/domain/os/initrd)", "string(/domain/os/cmdline)",
        "string(/domain/devices/disk/target/@dev)", "string(/domain/devices/disk/target/@bus)", NULL,
    };
    static const char *const container_fields[] = {
        "string(/domain/os/init)", "string(/domain/os/initenv[@name='TCK_TOKEN'])",
        "string(/domain/devices/filesystem[target/@dir='/']/source/@dir)",
        "string(/domain/devices/filesystem[target/@dir='/tck-out']/source/@dir)", NULL,
    };

    if (plan->boot != TCK_BOOT_KERNEL && plan->boot != TCK_BOOT_CONTAINER) {
        g_test_skip("only kernel and container plans can run here");
        return;
    }
    g_assert_cmpint(g_mkdir_with_parents(out_dir, 0755), ==, 0);
    if (plan->boot == TCK_BOOT_CONTAINER && payload) {
        /* As libtck does: a per-guest root, the shared rootfs read-only at /rootfs. */
        g_assert_true(tck_generic_container_root(rootfs, root_dir, &error));
        assets.root_dir = root_dir;
    }
    g_assert_true(g_file_set_contents(disk, "", 0, NULL));
    log = plan->boot == TCK_BOOT_CONTAINER ? g_build_filename(out_dir, "ready", NULL)
                                           : g_build_filename(scratch, "generic.console.log", NULL);
    xml = tck_generic_domain(plan, &assets, "tck-1a2b3c4d-rt-generic", token, log, &error);
    g_assert_no_error(error);

    dom = virDomainDefineXML(conn, xml);
    check(dom != NULL, "virDomainDefineXML of the generic guest");
    got = virDomainGetXMLDesc(dom, 0);
    assert_same("generic domain", xml, got, fields);
    assert_same("generic domain", xml, got,
                plan->boot == TCK_BOOT_KERNEL ? kernel_fields : container_fields);

    /* Read the marker location back the way tck_wait_guest_ready() does. */
    md = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, TCK_GUEST_NS, 0);
    check(md != NULL, "virDomainGetMetadata");
    {
        g_autofree char *md_token = value_of(md, "string(/*[local-name()='guest']/*[local-name()='token'])");
        g_autofree char *md_log = value_of(md, "string(/*[local-name()='guest']/*[local-name()='log'])");

        g_assert_cmpstr(md_token, ==, token);
        g_assert_cmpstr(md_log, ==, log);
    }

    if (!plan->boots || payload) {
        check(virDomainCreate(dom) == 0, "virDomainCreate of the generic guest");
        g_assert_cmpint((int) virDomainGetID(dom), >=, 0);
        if (plan->boots && !wait_marker(log, token, 120)) {
            g_autofree char *seen = NULL;

            g_file_get_contents(log, &seen, NULL, NULL);
            g_error("no TCK-GUEST-READY %s in %s within 120 s; it holds:\n%s", token, log,
                    seen ? seen : "(nothing)");
        }
        check(virDomainDestroy(dom) == 0, "virDomainDestroy");
        if (assets.root_dir) {
            /* libvirt wrote its /.oldroot into the per-guest root, not into the shared rootfs. */
            g_autofree char *shared_old = g_build_filename(rootfs, ".oldroot", NULL);

            g_assert_false(g_file_test(shared_old, G_FILE_TEST_EXISTS));
        }
    }
    check(virDomainUndefine(dom) == 0, "virDomainUndefine");
    virDomainFree(dom);
}

static void
test_network(void)
{
    g_autoptr(TckNetworkBuilder) b = tck_network_builder_new("tck-1a2b3c4d-rt-net");
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    virNetworkPtr net;
    static const char *const fields[] = {
        "string(/network/name)", "string(/network/uuid)", "string(/network/forward/@mode)",
        "string(/network/bridge/@name)", "string(/network/domain/@name)",
        "string(/network/ip/@address)", "string(/network/ip/@prefix)",
        "string(/network/ip/dhcp/range/@start)", "string(/network/ip/dhcp/range/@end)",
        "string(/network/ip/dhcp/host/@mac)", "string(/network/ip/dhcp/host/@ip)",
        "string(/network/bandwidth/inbound/@average)", "string(/network/bandwidth/inbound/@peak)",
        "string(/network/bandwidth/outbound/@average)", NULL,
    };

    tck_network_builder_set_uuid(b, "b1d0f6a2-2e53-4d1f-8a5c-6f7e8d9c0b1a");
    tck_network_builder_set_forward(b, "nat", NULL);
    tck_network_builder_set_bridge(b, "tckrtbr0", TRUE);
    tck_network_builder_set_domain(b, "rt.example");
    tck_network_builder_add_ip(b, "192.168.214.1", 24);
    tck_network_builder_add_dhcp_range(b, "192.168.214.10", "192.168.214.100");
    tck_network_builder_add_dhcp_host(b, "52:54:00:0a:0b:0c", NULL, "192.168.214.5");
    tck_network_builder_set_bandwidth(b, 1000, 2000, 0, 800, 0, 0);
    xml = tck_network_builder_to_xml(b, &error);
    g_assert_no_error(error);

    net = virNetworkDefineXML(conn, xml);
    check(net != NULL, "virNetworkDefineXML");
    got = virNetworkGetXMLDesc(net, 0);
    assert_same("network", xml, got, fields);
    check(virNetworkUndefine(net) == 0, "virNetworkUndefine");
    virNetworkFree(net);
}

static void
test_pool_and_volumes(void)
{
    g_autofree char *dir = g_dir_make_tmp("tck-rt-pool-XXXXXX", NULL);
    g_autoptr(TckPoolBuilder) b = tck_pool_builder_new("dir", "tck-1a2b3c4d-rt-pool");
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    virStoragePoolPtr pool;
    static const char *const pool_fields[] = {
        "string(/pool/@type)", "string(/pool/name)", "string(/pool/uuid)", "string(/pool/target/path)", NULL,
    };
    static const char *const vol_fields[] = {
        "string(/volume/name)", "string(/volume/capacity)", NULL,
    };
    /* The test driver keeps no format; real ones must keep format, compat and backing store. */
    static const char *const vol_fields_real[] = {
        "string(/volume/name)", "string(/volume/capacity)", "string(/volume/target/format/@type)", NULL,
    };

    tck_pool_builder_set_uuid(b, "c2e1a7b3-3f64-4e20-9b6d-7a8f9e0d1c2b");
    tck_pool_builder_set_target(b, dir);
    xml = tck_pool_builder_to_xml(b, &error);
    g_assert_no_error(error);
    pool = virStoragePoolDefineXML(conn, xml, 0);
    check(pool != NULL, "virStoragePoolDefineXML");
    got = virStoragePoolGetXMLDesc(pool, 0);
    assert_same("pool", xml, got, pool_fields);
    check(virStoragePoolCreate(pool, 0) == 0, "virStoragePoolCreate");

    {
        g_autofree char *base_path = g_build_filename(dir, "tck-1a2b3c4d-rt <&>.img", NULL);
        virStorageVolPtr vols[3] = { NULL };

        for (int i = 0; i < 3; i++) {
            static const char *const names[] = {
                "tck-1a2b3c4d-rt <&>.img", "tck-1a2b3c4d-rt.qcow2", "tck-1a2b3c4d-rt-overlay.qcow2",
            };
            g_autoptr(TckVolumeBuilder) vb = tck_volume_builder_new(names[i]);
            g_autofree char *vxml = NULL;
            g_autofree char *vgot = NULL;

            tck_volume_builder_set_capacity(vb, 16 * 1024 * 1024);
            tck_volume_builder_set_format(vb, i ? "qcow2" : "raw");
            if (i)
                tck_volume_builder_set_compat(vb, "1.1");
            if (i == 2)
                tck_volume_builder_set_backing_store(vb, base_path, "raw");
            vxml = tck_volume_builder_to_xml(vb, &error);
            g_assert_no_error(error);
            vols[i] = virStorageVolCreateXML(pool, vxml, 0);
            check(vols[i] != NULL, "virStorageVolCreateXML");
            vgot = virStorageVolGetXMLDesc(vols[i], 0);
            assert_same(names[i], vxml, vgot, is_driver("Test") ? vol_fields : vol_fields_real);
            if (!is_driver("Test") && i) {
                static const char *const compat[] = { "string(/volume/target/compat)", NULL };
                static const char *const backing[] = {
                    "string(/volume/backingStore/path)", "string(/volume/backingStore/format/@type)", NULL,
                };

                assert_same(names[i], vxml, vgot, compat);
                if (i == 2)
                    assert_same(names[i], vxml, vgot, backing);
            }
        }
        for (int i = 2; i >= 0; i--) {
            check(virStorageVolDelete(vols[i], 0) == 0, "virStorageVolDelete");
            virStorageVolFree(vols[i]);
        }
    }

    check(virStoragePoolDestroy(pool) == 0, "virStoragePoolDestroy");
    check(virStoragePoolUndefine(pool) == 0, "virStoragePoolUndefine");
    virStoragePoolFree(pool);
    g_rmdir(dir);
}

static void
test_interface(void)
{
    g_autoptr(TckInterfaceBuilder) b = tck_interface_builder_new("ethernet", "tckrt0");
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    virInterfacePtr iface;
    static const char *const fields[] = {
        "string(/interface/@type)", "string(/interface/@name)", "string(/interface/start/@mode)",
        "string(/interface/mac/@address)", "string(/interface/mtu/@size)",
        "string(/interface/protocol/@family)", "string(/interface/protocol/ip/@address)",
        "string(/interface/protocol/ip/@prefix)", NULL,
    };

    if (!is_driver("Test")) {
        /* Defining host interfaces on a real host would touch its network config. */
        g_test_skip("host interfaces are only defined on the test driver");
        return;
    }
    tck_interface_builder_set_start_mode(b, "onboot");
    tck_interface_builder_set_mac(b, "52:54:00:0d:0e:0f");
    tck_interface_builder_set_mtu(b, 1400);
    tck_interface_builder_set_address(b, "192.168.215.2", 24);
    xml = tck_interface_builder_to_xml(b, &error);
    g_assert_no_error(error);
    iface = virInterfaceDefineXML(conn, xml, 0);
    check(iface != NULL, "virInterfaceDefineXML");
    got = virInterfaceGetXMLDesc(iface, 0);
    check(got != NULL, "virInterfaceGetXMLDesc");
    assert_same("interface", xml, got, fields);
    check(virInterfaceUndefine(iface) == 0, "virInterfaceUndefine");
    virInterfaceFree(iface);
}

static void
test_snapshot(void)
{
    virDomainPtr dom = NULL;
    g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new("tck-1a2b3c4d-rt-snap <&>");
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    virDomainSnapshotPtr snap;
    static const char *const fields[] = {
        "string(/domainsnapshot/name)", "string(/domainsnapshot/description)", NULL,
    };

    if (!is_driver("Test")) {
        g_test_skip("snapshots round-trip on the test driver's own guest only");
        return;
    }
    dom = virDomainLookupByName(conn, "test");
    check(dom != NULL, "virDomainLookupByName(test)");
    tck_snapshot_builder_set_description(b, "taken by the round trip & <checked>");
    xml = tck_snapshot_builder_to_xml(b, &error);
    g_assert_no_error(error);
    snap = virDomainSnapshotCreateXML(dom, xml, 0);
    check(snap != NULL, "virDomainSnapshotCreateXML");
    got = virDomainSnapshotGetXMLDesc(snap, 0);
    assert_same("snapshot", xml, got, fields);
    check(virDomainSnapshotDelete(snap, 0) == 0, "virDomainSnapshotDelete");
    virDomainSnapshotFree(snap);
    virDomainFree(dom);
}

static void
test_nwfilter(void)
{
    g_autoptr(TckNWFilterBuilder) b = tck_nwfilter_builder_new("tck-1a2b3c4d-rt-filter", "ipv4");
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    virNWFilterPtr filter;
    static const char *const fields[] = {
        "string(/filter/@name)", "string(/filter/@chain)", "string(/filter/uuid)",
        "string(/filter/rule[1]/@action)", "string(/filter/rule[1]/@direction)",
        "string(/filter/rule[1]/@priority)", "string(/filter/rule[1]/tcp/@dstportstart)",
        "string(/filter/rule[2]/@action)", "count(/filter/rule[2]/all)", NULL,
    };

    if (is_driver("Test")) {
        g_test_skip("the test driver has no nwfilter driver");
        return;
    }
    tck_nwfilter_builder_set_uuid(b, "e3f2a8c4-4a75-4f31-8c7e-8b9a0f1e2d3c");
    tck_nwfilter_builder_add_rule(b, "accept", "in", 500, "tcp",
                                  (const char *const[]) { "dstportstart", "22", NULL });
    tck_nwfilter_builder_add_rule(b, "drop", "inout", 1000, "all", NULL);
    xml = tck_nwfilter_builder_to_xml(b, &error);
    g_assert_no_error(error);
    filter = virNWFilterDefineXML(conn, xml);
    check(filter != NULL, "virNWFilterDefineXML");
    got = virNWFilterGetXMLDesc(filter, 0);
    assert_same("nwfilter", xml, got, fields);
    check(virNWFilterUndefine(filter) == 0, "virNWFilterUndefine");
    virNWFilterFree(filter);
}

static void
test_secret(void)
{
    g_autoptr(TckSecretBuilder) b = tck_secret_builder_new(FALSE, TRUE);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    virSecretPtr secret;
    static const char *const fields[] = {
        "string(/secret/@ephemeral)", "string(/secret/@private)", "string(/secret/uuid)",
        "string(/secret/description)", "string(/secret/usage/@type)", "string(/secret/usage/name)", NULL,
    };

    if (is_driver("Test")) {
        g_test_skip("the test driver has no secret driver");
        return;
    }
    tck_secret_builder_set_uuid(b, "f4a3b9d5-5b86-4a42-9d8f-9c0b1a2f3e4d");
    tck_secret_builder_set_description(b, "round trip & <secret>");
    tck_secret_builder_set_usage(b, "ceph", "tck-1a2b3c4d-rt client");
    xml = tck_secret_builder_to_xml(b, &error);
    g_assert_no_error(error);
    secret = virSecretDefineXML(conn, xml, 0);
    check(secret != NULL, "virSecretDefineXML");
    got = virSecretGetXMLDesc(secret, 0);
    assert_same("secret", xml, got, fields);
    check(virSecretUndefine(secret) == 0, "virSecretUndefine");
    virSecretFree(secret);
}

int
main(int argc, char **argv)
{
    int rc;

    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, quiet);
    uri = g_getenv("TCK_ROUNDTRIP_URI");
    if (!uri || !*uri)
        uri = "test:///default";
    payload = g_getenv("TCK_ROUNDTRIP_PAYLOAD");
    if (payload && !*payload)
        payload = NULL;
    conn = virConnectOpen(uri);
    if (!conn)
        g_error("cannot open %s: %s", uri, virGetLastErrorMessage());
    driver = g_strdup(virConnectGetType(conn));
    {
        g_autofree char *caps = virConnectGetCapabilities(conn);
        g_autoptr(TckHost) host = NULL;
        g_autoptr(GError) error = NULL;

        host = tck_host_parse(caps, -1, uri, &error);
        if (host)
            plan = tck_plan_choose(host, NULL, &error);
        if (!plan)
            g_error("no guest plan on %s: %s", uri, error->message);
    }
    /* The payload's directory is traversable by libvirt-qemu; so must ours be. */
    scratch = g_build_filename(payload ? payload : g_get_tmp_dir(), "tck-rt-XXXXXX", NULL);
    if (!g_mkdtemp_full(scratch, 0755))
        g_error("cannot create %s", scratch);

    g_test_add_func("/roundtrip/domain", test_domain);
    g_test_add_func("/roundtrip/generic-domain", test_generic_domain);
    g_test_add_func("/roundtrip/network", test_network);
    g_test_add_func("/roundtrip/pool-and-volumes", test_pool_and_volumes);
    g_test_add_func("/roundtrip/interface", test_interface);
    g_test_add_func("/roundtrip/snapshot", test_snapshot);
    g_test_add_func("/roundtrip/nwfilter", test_nwfilter);
    g_test_add_func("/roundtrip/secret", test_secret);
    rc = g_test_run();
    virConnectClose(conn);
    tck_plan_free(plan);
    g_free(driver);
    tck_fs_remove_tree(scratch);
    g_free(scratch);
    return rc;
}
