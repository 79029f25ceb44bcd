/*
 * test-roundtrip.c — what the builders write is what libvirt keeps.
 *
 * On test:///default, each builder's XML is defined (domain, network,
 * storage pool, volume, host interface, snapshot), read back with the
 * matching GetXMLDesc call, and the fields that matter are compared
 * between what we wrote and what libvirt returned.  The generic guest
 * for this connection's own plan is defined and started, and its
 * <tck:guest> metadata is read back with virDomainGetMetadata exactly
 * as tck_wait_guest_ready() does.
 */
#include <config.h>

#include <string.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <glib/gstdio.h>
#include <libxml/xpathInternals.h>

#include <tck/builders.h>
#include <tck/caps.h>
#include <tck/error.h>
#include "capabilities/xpath.h"
#include "builder-samples.h"

static virConnectPtr conn;

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
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("test", "tck-1a2b3c4d-rt-<&'\">");
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    virDomainPtr dom;
    static const char *const fields[] = {
        "string(/domain/@type)", "string(/domain/name)", "string(/domain/uuid)",
        "string(/domain/description)", "string(/domain/memory)", "string(/domain/vcpu)",
        "string(/domain/os/type)", "string(/domain/os/type/@arch)", "string(/domain/os/kernel)",
        "string(/domain/os/initrd)", "string(/domain/os/cmdline)",
        "count(/domain/features/acpi)", "count(/domain/features/pae)",
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

    tck_domain_builder_set_uuid(b, "a6c4e1b0-5d2e-4c1a-9f1e-0b6f2b1d3c4e");
    tck_domain_builder_set_description(b, "round trip & <back>");
    tck_domain_builder_set_memory(b, 262144);
    tck_domain_builder_set_vcpus(b, 2);
    tck_domain_builder_set_os(b, "hvm", "i686", NULL);
    tck_domain_builder_set_kernel(b, "/var/tmp/tck vmlinuz", "/var/tmp/tck-initrd.img",
                                  "console=ttyS0 tck.token=abc \"q\"");
    tck_domain_builder_add_feature(b, "acpi");
    tck_domain_builder_add_feature(b, "pae");
    tck_domain_builder_set_on_event(b, "poweroff", "destroy");
    tck_domain_builder_set_on_event(b, "crash", "restart");
    tck_domain_builder_add_disk(b, &(TckDiskSpec) { .source = "/var/tmp/tck <disk>.img", .bus = "virtio",
                                                    .target = "vda" });
    tck_domain_builder_add_disk(b, &(TckDiskSpec) { .device = "cdrom", .bus = "ide", .target = "hdc",
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

static void
test_generic_domain(void)
{
    g_autofree char *caps = virConnectGetCapabilities(conn);
    g_autoptr(GError) error = NULL;
    g_autoptr(TckHost) host = tck_host_parse(caps, -1, "test:///default", &error);
    g_autoptr(TckGuestPlan) plan = NULL;
    TckGuestAssets assets = { .kernel = "/var/tmp/tck/vmlinuz", .initrd = "/var/tmp/tck/initrd.img" };
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    g_autofree char *md = NULL;
    virDomainPtr dom;
    static const char *const fields[] = {
        "string(/domain/name)", "string(/domain/uuid)", "string(/domain/memory)",
        "string(/domain/os/kernel)", "string(/domain/os/initrd)", "string(/domain/os/cmdline)",
        "string(/domain/devices/serial/source/@path)",
        "string(/domain/metadata/tck:guest/tck:token)", NULL,
    };

    g_assert_no_error(error);
    plan = tck_plan_choose(host, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(plan->domain_type, ==, "test");
    xml = tck_generic_domain(plan, &assets, "tck-1a2b3c4d-rt-generic", "1a2b3c4d-feedfacecafe",
                             "/var/tmp/tck/generic.console.log", &error);
    g_assert_no_error(error);

    dom = virDomainCreateXML(conn, xml, 0);
    check(dom != NULL, "virDomainCreateXML of the generic guest");
    g_assert_cmpint((int) virDomainGetID(dom), >=, 0);
    got = virDomainGetXMLDesc(dom, 0);
    assert_same("generic domain", xml, got, fields);

    /* Read the marker location back the way tck_wait_guest_ready() does. */
    md = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, TCK_GUEST_NS, 0);
    check(md != NULL, "virDomainGetMetadata");
    {
        g_autofree char *token = value_of(md, "string(/*[local-name()='guest']/*[local-name()='token'])");
        g_autofree char *log = value_of(md, "string(/*[local-name()='guest']/*[local-name()='log'])");

        g_assert_cmpstr(token, ==, "1a2b3c4d-feedfacecafe");
        g_assert_cmpstr(log, ==, "/var/tmp/tck/generic.console.log");
    }

    /* The same XML defines the running guest's persistent config: same identity. */
    {
        virDomainPtr defined = virDomainDefineXML(conn, xml);

        check(defined != NULL, "virDomainDefineXML of the running generic guest");
        g_assert_cmpint(virDomainIsPersistent(dom), ==, 1);
        virDomainFree(defined);
    }
    check(virDomainDestroy(dom) == 0, "virDomainDestroy");
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

    tck_pool_builder_set_uuid(b, "c2e1a7b3-3f64-4e20-9b6d-7a8f9e0d1c2b");
    tck_pool_builder_set_target(b, dir);
    xml = tck_pool_builder_to_xml(b, &error);
    g_assert_no_error(error);
    pool = virStoragePoolDefineXML(conn, xml, 0);
    check(pool != NULL, "virStoragePoolDefineXML");
    got = virStoragePoolGetXMLDesc(pool, 0);
    assert_same("pool", xml, got, pool_fields);
    check(virStoragePoolCreate(pool, 0) == 0, "virStoragePoolCreate");

    for (int i = 0; i < 2; i++) {
        g_autoptr(TckVolumeBuilder) vb = tck_volume_builder_new(i ? "tck-1a2b3c4d-rt.qcow2"
                                                                  : "tck-1a2b3c4d-rt <&>.img");
        g_autofree char *vxml = NULL;
        g_autofree char *vgot = NULL;
        virStorageVolPtr vol;

        tck_volume_builder_set_capacity(vb, (guint64) (i + 1) * 16 * 1024 * 1024);
        tck_volume_builder_set_format(vb, i ? "qcow2" : "raw");
        if (i)
            tck_volume_builder_set_compat(vb, "1.1");
        vxml = tck_volume_builder_to_xml(vb, &error);
        g_assert_no_error(error);
        vol = virStorageVolCreateXML(pool, vxml, 0);
        check(vol != NULL, "virStorageVolCreateXML");
        vgot = virStorageVolGetXMLDesc(vol, 0);
        assert_same("volume", vxml, vgot, vol_fields);
        check(virStorageVolDelete(vol, 0) == 0, "virStorageVolDelete");
        virStorageVolFree(vol);
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
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new("tck-1a2b3c4d-rt-snap <&>");
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *got = NULL;
    virDomainSnapshotPtr snap;
    static const char *const fields[] = {
        "string(/domainsnapshot/name)", "string(/domainsnapshot/description)", NULL,
    };

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

int
main(int argc, char **argv)
{
    int rc;

    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, quiet);
    conn = virConnectOpen("test:///default");
    if (!conn)
        g_error("cannot open test:///default: %s", virGetLastErrorMessage());

    g_test_add_func("/roundtrip/domain", test_domain);
    g_test_add_func("/roundtrip/generic-domain", test_generic_domain);
    g_test_add_func("/roundtrip/network", test_network);
    g_test_add_func("/roundtrip/pool-and-volumes", test_pool_and_volumes);
    g_test_add_func("/roundtrip/interface", test_interface);
    g_test_add_func("/roundtrip/snapshot", test_snapshot);
    rc = g_test_run();
    virConnectClose(conn);
    return rc;
}
