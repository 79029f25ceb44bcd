/*
 * test-builders.c — what the builders write, read back with XPath.
 *
 * Every sample's content is checked field by field (names with '<', '&'
 * and quotes survive unchanged), the generic guest of every fixture guest
 * has exactly what its plan says (boot payload, disk bus and target,
 * console, marker token and log in <metadata>), impossible
 * combinations are refused with TCK_ERROR_BUILDER naming the problem, and
 * values outside libvirt's schema pass through for negative tests.
 */
#include <config.h>

#include <string.h>

#include <tck/builders.h>
#include <tck/error.h>
#include <libxml/xpathInternals.h>

#include "xpath.h"
#include "builder-samples.h"

static GPtrArray *builders;
static GPtrArray *generic;

typedef struct {
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt;
} Parsed;

static Parsed
parse(const char *xml)
{
    g_autoptr(GError) error = NULL;
    Parsed p;

    p.doc = tck_xml_parse(xml, -1, "sample", NULL, TCK_ERROR_XML, &error);
    g_assert_no_error(error);
    p.ctxt = tck_xpath_new(p.doc);
    xmlXPathRegisterNs(p.ctxt, BAD_CAST "tck", BAD_CAST TCK_GUEST_NS);
    return p;
}

static void
parsed_clear(Parsed *p)
{
    xmlXPathFreeContext(p->ctxt);
    xmlFreeDoc(p->doc);
}

/* The string value of @expr; "" when it selects nothing. */
static char *
get(Parsed *p, const char *expr)
{
    char *s = tck_xpath_string(p->ctxt, NULL, expr);

    return s ? s : g_strdup("");
}

static guint
count(Parsed *p, const char *expr)
{
    g_autoptr(GPtrArray) nodes = tck_xpath_nodes(p->ctxt, NULL, expr);

    return nodes->len;
}

#define assert_xpath(p, expr, expected) \
    G_STMT_START { \
        g_autofree char *got_ = get((p), (expr)); \
        g_assert_cmpstr(got_, ==, (expected)); \
    } G_STMT_END

static const TckSample *
sample(GPtrArray *set, const char *name)
{
    for (guint i = 0; i < set->len; i++) {
        const TckSample *s = set->pdata[i];

        if (g_str_equal(s->name, name))
            return s;
    }
    g_error("no sample %s", name);
}

/* ---- Domains ---------------------------------------------------------- */

static void
test_domain_full(void)
{
    Parsed p = parse(sample(builders, "domain/full")->xml);

    assert_xpath(&p, "string(/domain/@type)", "qemu");
    assert_xpath(&p, "string(/domain/name)", TCK_HOSTILE_NAME);
    assert_xpath(&p, "string(/domain/uuid)", "c7a5fdbd-edaf-9455-926a-d65c16db1809");
    assert_xpath(&p, "string(/domain/description)", "a guest & its <description>");
    assert_xpath(&p, "string(/domain/memory)", "524288");
    assert_xpath(&p, "string(/domain/memory/@unit)", "KiB");
    assert_xpath(&p, "string(/domain/currentMemory)", "524288");
    assert_xpath(&p, "string(/domain/vcpu)", "2");
    assert_xpath(&p, "string(/domain/os/type)", "hvm");
    assert_xpath(&p, "string(/domain/os/type/@arch)", "x86_64");
    assert_xpath(&p, "string(/domain/os/type/@machine)", "pc");
    assert_xpath(&p, "string(/domain/os/kernel)", "/boot/vmlinuz");
    assert_xpath(&p, "string(/domain/os/initrd)", "/boot/initrd.img");
    assert_xpath(&p, "string(/domain/os/cmdline)", "console=ttyS0 a=\"b\"");
    g_assert_cmpuint(count(&p, "/domain/features/*"), ==, 3);
    g_assert_cmpuint(count(&p, "/domain/features/pae"), ==, 1);
    assert_xpath(&p, "string(/domain/on_poweroff)", "destroy");
    assert_xpath(&p, "string(/domain/on_reboot)", "restart");
    assert_xpath(&p, "string(/domain/on_crash)", "coredump-destroy");
    assert_xpath(&p, "string(/domain/devices/emulator)", "/usr/bin/qemu-system-x86_64");

    g_assert_cmpuint(count(&p, "/domain/devices/disk"), ==, 9);
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='vda']/source/@file)",
                 "/var/tmp/tck & <disk>.qcow2");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='vda']/driver/@type)", "qcow2");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='vda']/driver/@name)", "qemu");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='vda']/boot/@order)", "1");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='sda']/@type)", "block");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='sda']/source/@dev)", "/dev/sdz");
    g_assert_cmpuint(count(&p, "/domain/devices/disk[target/@dev='sdb']/source"), ==, 0);
    g_assert_cmpuint(count(&p, "/domain/devices/disk[target/@dev='sdb']/readonly"), ==, 1);
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='hdc']/@device)", "cdrom");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='hdc']/target/@bus)", "ide");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='fda']/target/@bus)", "fdc");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='vdb']/source/@protocol)", "nbd");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='vdb']/source/@name)", "export");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='vdb']/source/host/@name)", "nbd.example.org");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='vdb']/source/host/@port)", "10809");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='vdc']/source/@pool)", "tck-pool");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='vdc']/source/@volume)", "vol1");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='sdc']/source/@dir)", "/srv/dir");
    assert_xpath(&p, "string(/domain/devices/disk[target/@dev='sdd']/@device)", "lun");

    g_assert_cmpuint(count(&p, "/domain/devices/interface"), ==, 4);
    assert_xpath(&p, "string(/domain/devices/interface[@type='network']/source/@network)", "default");
    assert_xpath(&p, "string(/domain/devices/interface[@type='network']/mac/@address)", "52:54:00:12:34:56");
    assert_xpath(&p, "string(/domain/devices/interface[@type='network']/model/@type)", "virtio");
    assert_xpath(&p, "string(/domain/devices/interface[@type='bridge']/source/@bridge)", "br0");
    g_assert_cmpuint(count(&p, "/domain/devices/interface[@type='user']/source"), ==, 0);
    assert_xpath(&p, "string(/domain/devices/interface[@type='direct']/source/@dev)", "eth0");
    assert_xpath(&p, "string(/domain/devices/interface[@type='direct']/source/@mode)", "bridge");

    assert_xpath(&p, "string(/domain/devices/serial[@type='file']/source/@path)", "/var/tmp/tck/console <1>.log");
    assert_xpath(&p, "string(/domain/devices/serial[@type='pty']/target/@port)", "1");
    assert_xpath(&p, "string(/domain/devices/console/target/@type)", "virtio");
    assert_xpath(&p, "string(/domain/devices/graphics[@type='vnc']/@autoport)", "yes");
    assert_xpath(&p, "string(/domain/devices/graphics[@type='vnc']/listen/@address)", "127.0.0.1");
    g_assert_cmpuint(count(&p, "/domain/devices/graphics[@type='spice']"), ==, 1);
    assert_xpath(&p, "string(/domain/devices/video/model/@type)", "virtio");
    assert_xpath(&p, "string(/domain/devices/filesystem/source/@dir)", "/srv/share");
    assert_xpath(&p, "string(/domain/devices/filesystem/target/@dir)", "share");
    g_assert_cmpuint(count(&p, "/domain/devices/filesystem/readonly"), ==, 1);
    assert_xpath(&p, "string(/domain/devices/rng/@model)", "virtio");
    assert_xpath(&p, "string(/domain/devices/rng/backend)", "/dev/urandom");
    assert_xpath(&p, "string(/domain/metadata/tck:guest/tck:token)", "t<&>");
    assert_xpath(&p, "string(/domain/metadata/tck:guest/tck:log)", "/l");
    parsed_clear(&p);
}

static void
test_domain_containers(void)
{
    Parsed lxc = parse(sample(builders, "domain/lxc")->xml);
    Parsed ovz = parse(sample(builders, "domain/openvz")->xml);
    Parsed iso = parse(sample(builders, "domain/iso")->xml);

    assert_xpath(&lxc, "string(/domain/os/init)", "/sbin/init");
    assert_xpath(&lxc, "string(/domain/os/initenv[@name='TCK_TOKEN'])", "a b&c");
    assert_xpath(&lxc, "string(/domain/devices/console/target/@type)", "lxc");
    assert_xpath(&ovz, "string(/domain/devices/filesystem/@type)", "template");
    assert_xpath(&ovz, "string(/domain/devices/filesystem/source/@name)", "busybox");
    g_assert_cmpuint(count(&iso, "/domain/os/boot"), ==, 2);
    assert_xpath(&iso, "string(/domain/os/boot[1]/@dev)", "cdrom");
    assert_xpath(&iso, "string(/domain/os/boot[2]/@dev)", "hd");
    parsed_clear(&lxc);
    parsed_clear(&ovz);
    parsed_clear(&iso);
}

/* ---- Other objects ---------------------------------------------------- */

static void
test_network(void)
{
    Parsed nat = parse(sample(builders, "network/nat")->xml);
    Parsed route = parse(sample(builders, "network/route")->xml);
    Parsed vepa = parse(sample(builders, "network/vepa")->xml);
    Parsed isolated = parse(sample(builders, "network/isolated")->xml);

    assert_xpath(&nat, "string(/network/name)", TCK_HOSTILE_NAME);
    assert_xpath(&nat, "string(/network/forward/@mode)", "nat");
    assert_xpath(&nat, "string(/network/bridge/@name)", "tckbr0");
    assert_xpath(&nat, "string(/network/bridge/@stp)", "on");
    assert_xpath(&nat, "string(/network/domain/@name)", "tck.example");
    assert_xpath(&nat, "string(/network/ip[1]/@address)", "192.168.213.1");
    assert_xpath(&nat, "string(/network/ip[1]/@prefix)", "24");
    assert_xpath(&nat, "string(/network/ip[1]/dhcp/range/@start)", "192.168.213.2");
    assert_xpath(&nat, "string(/network/ip[1]/dhcp/range/@end)", "192.168.213.254");
    assert_xpath(&nat, "string(/network/ip[1]/dhcp/host/@ip)", "192.168.213.10");
    assert_xpath(&nat, "string(/network/ip[2]/@family)", "ipv6");
    assert_xpath(&nat, "string(/network/bandwidth/inbound/@average)", "1000");
    assert_xpath(&nat, "string(/network/bandwidth/inbound/@peak)", "2000");
    assert_xpath(&nat, "string(/network/bandwidth/inbound/@burst)", "1024");
    assert_xpath(&nat, "string(/network/bandwidth/outbound/@average)", "500");
    g_assert_cmpuint(count(&nat, "/network/bandwidth/outbound/@peak"), ==, 0);
    assert_xpath(&route, "string(/network/forward/@dev)", "eth0");
    assert_xpath(&vepa, "string(/network/forward/interface/@dev)", "eth1");
    g_assert_cmpuint(count(&isolated, "/network/forward"), ==, 0);
    parsed_clear(&nat);
    parsed_clear(&route);
    parsed_clear(&vepa);
    parsed_clear(&isolated);
}

/* A disk pool's volume is a partition: its format is a partition type, with no compat. */
static void
test_partition_volume(void)
{
    g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new("tck-1a2b3c4d-storage-190-part");
    g_autoptr(TckVolumeBuilder) bad = tck_volume_builder_new("v");
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL, *none = NULL;
    Parsed p;

    tck_volume_builder_set_capacity(b, 4 << 20);
    tck_volume_builder_set_format(b, "linux");
    xml = tck_volume_builder_to_xml(b, &error);
    g_assert_no_error(error);
    p = parse(xml);
    assert_xpath(&p, "string(/volume/target/format/@type)", "linux");
    parsed_clear(&p);
    tck_volume_builder_set_capacity(bad, 1024);
    tck_volume_builder_set_format(bad, "linux");
    tck_volume_builder_set_compat(bad, "1.1");
    none = tck_volume_builder_to_xml(bad, &error);
    g_assert_null(none);
    g_assert_error(error, TCK_ERROR, TCK_ERROR_BUILDER);
}

static void
test_pools_and_volumes(void)
{
    Parsed dir = parse(sample(builders, "pool/dir")->xml);
    Parsed netfs = parse(sample(builders, "pool/netfs")->xml);
    Parsed iscsi = parse(sample(builders, "pool/iscsi")->xml);
    Parsed logical = parse(sample(builders, "pool/logical")->xml);
    Parsed raw = parse(sample(builders, "volume/raw")->xml);
    Parsed qcow2 = parse(sample(builders, "volume/qcow2-backing")->xml);
    Parsed luks = parse(sample(builders, "volume/luks")->xml);

    assert_xpath(&dir, "string(/pool/@type)", "dir");
    assert_xpath(&dir, "string(/pool/name)", TCK_HOSTILE_NAME);
    assert_xpath(&dir, "string(/pool/target/path)", "/var/tmp/tck pool & <dir>");
    assert_xpath(&netfs, "string(/pool/source/host/@name)", "nfs.example.org");
    assert_xpath(&netfs, "string(/pool/source/dir/@path)", "/export/tck");
    assert_xpath(&netfs, "string(/pool/source/format/@type)", "nfs");
    assert_xpath(&iscsi, "string(/pool/source/device/@path)", "iqn.2026-11.org.example:tck");
    assert_xpath(&iscsi, "string(/pool/source/initiator/iqn/@name)", "iqn.2026-11.org.example:initiator");
    assert_xpath(&logical, "string(/pool/source/name)", "tckvg");
    assert_xpath(&raw, "string(/volume/name)", "tck-1a2b3c4d-<&'\">.img");
    assert_xpath(&raw, "string(/volume/capacity)", "67108864");
    assert_xpath(&raw, "string(/volume/capacity/@unit)", "bytes");
    assert_xpath(&raw, "string(/volume/allocation)", "0");
    assert_xpath(&raw, "string(/volume/target/format/@type)", "raw");
    assert_xpath(&qcow2, "string(/volume/target/format/@type)", "qcow2");
    assert_xpath(&qcow2, "string(/volume/target/compat)", "1.1");
    assert_xpath(&qcow2, "string(/volume/backingStore/path)", "/var/tmp/tck-base.img");
    assert_xpath(&qcow2, "string(/volume/backingStore/format/@type)", "raw");
    assert_xpath(&luks, "string(/volume/target/encryption/@format)", "luks");
    assert_xpath(&luks, "string(/volume/target/encryption/secret/@uuid)",
                 "2f0a1e42-cc31-4b8c-b2a5-8c8e0f0d2c11");
    parsed_clear(&dir);
    parsed_clear(&netfs);
    parsed_clear(&iscsi);
    parsed_clear(&logical);
    parsed_clear(&raw);
    parsed_clear(&qcow2);
    parsed_clear(&luks);
}

static void
test_interfaces_filters_secrets_snapshots(void)
{
    Parsed eth = parse(sample(builders, "interface/ethernet")->xml);
    Parsed bond = parse(sample(builders, "interface/bond")->xml);
    Parsed vlan = parse(sample(builders, "interface/vlan")->xml);
    Parsed filter = parse(sample(builders, "nwfilter/ipv4")->xml);
    Parsed secret = parse(sample(builders, "secret/volume")->xml);
    Parsed ceph = parse(sample(builders, "secret/ceph")->xml);
    Parsed snap = parse(sample(builders, "snapshot/external")->xml);

    assert_xpath(&eth, "string(/interface/@name)", "tck-eth0");
    assert_xpath(&eth, "string(/interface/start/@mode)", "onboot");
    assert_xpath(&eth, "string(/interface/mtu/@size)", "1500");
    g_assert_cmpuint(count(&eth, "/interface/protocol[@family='ipv4']/dhcp"), ==, 1);
    assert_xpath(&bond, "string(/interface/bond/@mode)", "active-backup");
    g_assert_cmpuint(count(&bond, "/interface/bond/interface[@type='ethernet']"), ==, 2);
    assert_xpath(&vlan, "string(/interface/vlan/@tag)", "42");
    assert_xpath(&vlan, "string(/interface/vlan/interface/@name)", "eth4");
    assert_xpath(&filter, "string(/filter/@chain)", "ipv4");
    assert_xpath(&filter, "string(/filter/filterref/@filter)", "clean-traffic");
    assert_xpath(&filter, "string(/filter/rule[1]/@action)", "accept");
    assert_xpath(&filter, "string(/filter/rule[1]/tcp/@dstportstart)", "22");
    assert_xpath(&filter, "string(/filter/rule[2]/@priority)", "1000");
    assert_xpath(&secret, "string(/secret/@ephemeral)", "yes");
    assert_xpath(&secret, "string(/secret/@private)", "no");
    assert_xpath(&secret, "string(/secret/usage/@type)", "volume");
    assert_xpath(&secret, "string(/secret/usage/volume)", "/var/lib/libvirt/images/tck <&>.img");
    assert_xpath(&ceph, "string(/secret/usage/name)", "client.tck secret");
    assert_xpath(&snap, "string(/domainsnapshot/memory/@snapshot)", "external");
    assert_xpath(&snap, "string(/domainsnapshot/memory/@file)", "/var/tmp/tck-snap.mem");
    assert_xpath(&snap, "string(/domainsnapshot/disks/disk[@name='vda']/source/@file)", "/var/tmp/tck-snap.qcow2");
    assert_xpath(&snap, "string(/domainsnapshot/disks/disk[@name='vda']/driver/@type)", "qcow2");
    assert_xpath(&snap, "string(/domainsnapshot/disks/disk[@name='vdb']/@snapshot)", "no");
    parsed_clear(&eth);
    parsed_clear(&bond);
    parsed_clear(&vlan);
    parsed_clear(&filter);
    parsed_clear(&secret);
    parsed_clear(&ceph);
    parsed_clear(&snap);
}

/* ---- The generic guest ------------------------------------------------- */

static void
test_generic(gconstpointer data)
{
    const TckSample *s = data;
    const TckGuestPlan *plan = s->plan;
    Parsed p = parse(s->xml);
    g_autofree char *log = get(&p, "string(/domain/metadata/tck:guest/tck:log)");
    g_autofree char *uuid = get(&p, "string(/domain/uuid)");
    gboolean qemu = g_str_equal(plan->domain_type, "kvm") || g_str_equal(plan->domain_type, "qemu");

    assert_xpath(&p, "string(/domain/@type)", plan->domain_type);
    assert_xpath(&p, "string(/domain/name)", "tck-1a2b3c4d-domain-050-generic");
    g_assert_true(g_uuid_string_is_valid(uuid));
    assert_xpath(&p, "string(/domain/memory)", "262144");
    assert_xpath(&p, "string(/domain/memory/@unit)", "KiB");
    assert_xpath(&p, "string(/domain/vcpu)", "1");
    assert_xpath(&p, "string(/domain/os/type)", plan->os_type);
    assert_xpath(&p, "string(/domain/metadata/tck:guest/tck:token)", "1a2b3c4d-0123456789ab");
    g_assert_cmpuint(count(&p, "/domain/devices/graphics"), ==, 0);
    /* QEMU: no <graphics type='none'/>, a 'none' video model instead. */
    g_assert_cmpuint(count(&p, "/domain/devices/video/model[@type='none']"), ==, qemu ? 1 : 0);
    if (plan->machine)
        assert_xpath(&p, "string(/domain/os/type/@machine)", plan->machine);

    switch (plan->boot) {
    case TCK_BOOT_KERNEL: {
        g_autofree char *cmdline = get(&p, "string(/domain/os/cmdline)");
        g_autofree char *console = g_strdup_printf("console=%s ", plan->kernel_console);

        assert_xpath(&p, "string(/domain/os/kernel)", "/var/cache/libvirt-tck/x86_64/vmlinuz");
        assert_xpath(&p, "string(/domain/os/initrd)", "/var/cache/libvirt-tck/x86_64/initrd.img");
        g_assert_true(g_str_has_prefix(cmdline, console));
        g_assert_nonnull(strstr(cmdline, "tck.token=1a2b3c4d-0123456789ab"));
        /* x86 kernels skip the IO-APIC timer check that panics under a loaded TCG. */
        g_assert_true((strstr(cmdline, " no_timer_check ") != NULL) ==
                      (g_str_equal(plan->arch, "x86_64") || g_str_equal(plan->arch, "i686")));
        g_assert_cmpuint(count(&p, "/domain/os/boot"), ==, 0);
        /* Xen PV/PVH: the disk names the qdisk backend the plan picked. */
        if (plan->disk_driver && count(&p, "/domain/devices/disk") > 0)
            assert_xpath(&p, "string(/domain/devices/disk/driver/@name)", plan->disk_driver);
        break;
    }
    case TCK_BOOT_ISO: {
        g_autofree char *cd_target = get(&p, "string(/domain/devices/disk[@device='cdrom']/target/@dev)");
        g_autofree char *disk_target = get(&p, "string(/domain/devices/disk[@device='disk']/target/@dev)");

        assert_xpath(&p, "string(/domain/devices/disk[@device='cdrom']/source/@file)",
                     "/var/cache/libvirt-tck/x86_64/boot.iso");
        assert_xpath(&p, "string(/domain/devices/disk[@device='cdrom']/target/@bus)", plan->cdrom_bus);
        assert_xpath(&p, "string(/domain/devices/disk[@device='disk']/source/@file)",
                     "/var/cache/libvirt-tck/x86_64/empty.img");
        assert_xpath(&p, "string(/domain/devices/disk[@device='disk']/target/@bus)", plan->disk_bus);
        g_assert_true(g_str_has_prefix(disk_target, plan->disk_prefix));
        g_assert_cmpstr(cd_target, !=, disk_target);
        assert_xpath(&p, "string(/domain/os/boot[1]/@dev)", "cdrom");
        g_assert_cmpuint(count(&p, "/domain/os/kernel"), ==, 0);
        if (plan->loader)
            assert_xpath(&p, "string(/domain/os/loader)", plan->loader);
        break;
    }
    case TCK_BOOT_CONTAINER:
        assert_xpath(&p, "string(/domain/os/init)", "/sbin/init");
        assert_xpath(&p, "string(/domain/os/initenv[@name='TCK_TOKEN'])", "1a2b3c4d-0123456789ab");
        if (g_str_has_suffix(s->name, "/root-dir")) {
            /* Per-guest root (writable), the shared rootfs read-only at /rootfs. */
            assert_xpath(&p, "string(/domain/devices/filesystem[target/@dir='/']/source/@dir)",
                         "/var/tmp/tck/scratch/guest-root");
            g_assert_cmpuint(count(&p, "/domain/devices/filesystem[target/@dir='/']/readonly"), ==, 0);
            assert_xpath(&p, "string(/domain/devices/filesystem[target/@dir='/rootfs']/source/@dir)",
                         "/var/cache/libvirt-tck/x86_64/rootfs");
            g_assert_cmpuint(count(&p, "/domain/devices/filesystem[target/@dir='/rootfs']/readonly"), ==, 1);
        } else {
            assert_xpath(&p, "string(/domain/devices/filesystem[target/@dir='/']/source/@dir)",
                         "/var/cache/libvirt-tck/x86_64/rootfs");
            g_assert_cmpuint(count(&p, "/domain/devices/filesystem[target/@dir='/']/readonly"), ==, 1);
        }
        assert_xpath(&p, "string(/domain/devices/filesystem[target/@dir='/tck-out']/source/@dir)",
                     "/var/tmp/tck/scratch/guest-out");
        g_assert_cmpuint(count(&p, "/domain/devices/filesystem[target/@dir='/tck-out']/readonly"), ==, 0);
        g_assert_cmpstr(log, ==, "/var/tmp/tck/scratch/guest-out/ready");
        g_assert_cmpuint(count(&p, "/domain/devices/disk"), ==, 0);
        break;
    case TCK_BOOT_TEMPLATE:
        assert_xpath(&p, "string(/domain/devices/filesystem/@type)", "template");
        assert_xpath(&p, "string(/domain/devices/filesystem/source/@name)", "tck-busybox");
        assert_xpath(&p, "string(/domain/devices/filesystem/target/@dir)", "/");
        break;
    default:
        g_assert_not_reached();
    }

    /* The console: a serial log where the plan says file (on QEMU a pty
     * that logs to it, so that virDomainOpenConsole works too), else the
     * driver's console. */
    if (g_str_equal(plan->console_type, "file") &&
        (g_str_equal(plan->domain_type, "qemu") || g_str_equal(plan->domain_type, "kvm"))) {
        assert_xpath(&p, "string(/domain/devices/serial[@type='pty']/log/@file)", log);
        assert_xpath(&p, "string(/domain/devices/serial[@type='pty']/log/@append)", "off");
    } else if (g_str_equal(plan->console_type, "file")) {
        assert_xpath(&p, "string(/domain/devices/serial[@type='file']/source/@path)", log);
    } else {
        assert_xpath(&p, "string(/domain/devices/console/@type)", plan->console_type);
        assert_xpath(&p, "string(/domain/devices/console/target/@type)", plan->console_target);
    }
    parsed_clear(&p);
}

/* A hot-plugged disk gets the plan's bus and backend: Xen PV the qdisk one (libxl's phy backend
 * cannot serve a file in a slow dom0), QEMU none of its own. */
static void
test_disk_spec_from_plan(void)
{
    static const struct {
        const char *fixture, *bus, *driver, *format;
    } cases[] = {
        { "qemu-system.xml", "virtio", NULL, NULL },
        { "xen-x86_64.xml", "xen", "qemu", "raw" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = tck_sample_fixture_path(cases[i].fixture);
        g_autoptr(TckHost) host = tck_host_parse_file(path, NULL);
        g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, NULL, NULL);
        TckDiskSpec disk = { .source = "/d.img", .target = "xvdb" };
        TckDiskSpec qcow2 = { .source = "/d.qcow2", .target = "xvdc", .format = "qcow2" };

        g_assert_nonnull(plan);
        tck_disk_spec_from_plan(plan, &disk);
        tck_disk_spec_from_plan(plan, &qcow2);
        g_assert_cmpstr(disk.bus, ==, cases[i].bus);
        g_assert_cmpstr(disk.driver, ==, cases[i].driver);
        g_assert_cmpstr(disk.format, ==, cases[i].format);
        g_assert_cmpstr(disk.source, ==, "/d.img");
        g_assert_cmpstr(qcow2.format, ==, "qcow2");
    }
}

static void
test_generic_stable_identity(void)
{
    g_autofree char *path = tck_sample_fixture_path("qemu-system.xml");
    g_autoptr(TckHost) host = tck_host_parse_file(path, NULL);
    g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, NULL, NULL);
    TckGuestAssets assets = { .kernel = "/k", .initrd = "/i" };
    g_autofree char *a1 = tck_generic_domain(plan, &assets, "tck-1a2b3c4d-x-a", "t1", "/l", NULL);
    g_autofree char *a2 = tck_generic_domain(plan, &assets, "tck-1a2b3c4d-x-a", "t2", "/l", NULL);
    g_autofree char *b = tck_generic_domain(plan, &assets, "tck-1a2b3c4d-x-b", "t1", "/l", NULL);
    Parsed pa1 = parse(a1), pa2 = parse(a2), pb = parse(b);
    g_autofree char *u1 = get(&pa1, "string(/domain/uuid)");
    g_autofree char *u2 = get(&pa2, "string(/domain/uuid)");
    g_autofree char *ub = get(&pb, "string(/domain/uuid)");

    g_assert_cmpstr(u1, ==, u2);
    g_assert_cmpstr(u1, !=, ub);
    g_assert_cmpint(u1[14], ==, '4');
    parsed_clear(&pa1);
    parsed_clear(&pa2);
    parsed_clear(&pb);
}

static void
test_generic_missing_assets(void)
{
    static const struct {
        const char *fixture;
        const char *need;
    } cases[] = {
        { "qemu-system.xml", "a kernel" },
        { "esx.xml", "an ISO" },
        { "lxc-system.xml", "a rootfs directory" },
        { "openvz.xml", "a template" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = tck_sample_fixture_path(cases[i].fixture);
        g_autoptr(TckHost) host = tck_host_parse_file(path, NULL);
        g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, NULL, NULL);
        TckGuestAssets none = { 0 };
        g_autoptr(GError) error = NULL;

        g_assert_null(tck_generic_domain(plan, &none, "tck-1a2b3c4d-x", "t", "/l", &error));
        g_assert_error(error, TCK_ERROR, TCK_ERROR_BUILDER);
        g_assert_nonnull(strstr(error->message, cases[i].need));
    }
}

static void
test_container_root(void)
{
    g_autofree char *tmp = g_dir_make_tmp("tck-root-XXXXXX", NULL);
    g_autofree char *rootfs = g_build_filename(tmp, "rootfs", NULL);
    g_autofree char *root = g_build_filename(tmp, "guest", "root", NULL);
    g_autoptr(GError) error = NULL;
    static const char *const in_rootfs[] = { "bin", "sbin", "etc", "dev", "tck-out" };

    for (gsize i = 0; i < G_N_ELEMENTS(in_rootfs); i++) {
        g_autofree char *d = g_build_filename(rootfs, in_rootfs[i], NULL);

        g_assert_cmpint(g_mkdir_with_parents(d, 0755), ==, 0);
    }
    g_assert_true(tck_generic_container_root(rootfs, root, &error));
    g_assert_no_error(error);
    for (gsize i = 0; i < 3; i++) {
        g_autofree char *link = g_build_filename(root, in_rootfs[i], NULL);
        g_autofree char *target = g_file_read_link(link, NULL);
        g_autofree char *expected = g_build_filename("/rootfs", in_rootfs[i], NULL);

        g_assert_cmpstr(target, ==, expected);
    }
    {
        static const char *const own[] = { "dev", "proc", "sys", "run", "tmp", "tck-out" };

        for (gsize i = 0; i < G_N_ELEMENTS(own); i++) {
            g_autofree char *d = g_build_filename(root, own[i], NULL);

            g_assert_true(g_file_test(d, G_FILE_TEST_IS_DIR));
            g_assert_false(g_file_test(d, G_FILE_TEST_IS_SYMLINK));
        }
    }
    /* Again on the same root: nothing to redo, no error. */
    g_assert_true(tck_generic_container_root(rootfs, root, &error));
    g_assert_no_error(error);

    g_assert_false(tck_generic_container_root("/nonexistent/rootfs", root, &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_IO);
    g_assert_nonnull(strstr(error->message, "/nonexistent/rootfs"));
    /* Our own mkdtemp tree, holding symlinks that point outside it: rm -rf never follows them. */
    g_assert_true(g_spawn_sync(NULL, (char *[]) { "rm", "-rf", tmp, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL));
}

/* ---- Impossible combinations ------------------------------------------ */

typedef char *(*BuildFunc)(GError **error);

static char *
bad_kernel_in_container(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("lxc", "x");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "exe", NULL, NULL);
    tck_domain_builder_set_init(b, "/sbin/init");
    tck_domain_builder_set_kernel(b, "/boot/vmlinuz", NULL, NULL);
    return tck_domain_builder_to_xml(b, error);
}

static char *
bad_init_in_hvm(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "x");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    tck_domain_builder_set_init(b, "/sbin/init");
    return tck_domain_builder_to_xml(b, error);
}

static char *
bad_cdrom_on_virtio(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "x");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    tck_domain_builder_add_disk(b, &(TckDiskSpec) { .device = "cdrom", .bus = "virtio", .target = "vda" });
    return tck_domain_builder_to_xml(b, error);
}

static char *
bad_xen_bus_on_kvm(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "x");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    tck_domain_builder_add_disk(b, &(TckDiskSpec) { .source = "/d", .bus = "xen", .target = "xvda" });
    return tck_domain_builder_to_xml(b, error);
}

static char *
bad_disk_without_source(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "x");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    tck_domain_builder_add_disk(b, &(TckDiskSpec) { .bus = "virtio", .target = "vda" });
    return tck_domain_builder_to_xml(b, error);
}

static char *
bad_kernel_and_boot_dev(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "x");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    tck_domain_builder_set_kernel(b, "/k", NULL, NULL);
    tck_domain_builder_add_boot_device(b, "cdrom");
    return tck_domain_builder_to_xml(b, error);
}

static char *
bad_no_memory(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "x");

    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    return tck_domain_builder_to_xml(b, error);
}

static char *
bad_control_char(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "tck-\x01-name");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    return tck_domain_builder_to_xml(b, error);
}

static char *
bad_invalid_utf8(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "tck-\xff\xfe");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    return tck_domain_builder_to_xml(b, error);
}

static char *
odd_lifecycle(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "x");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    tck_domain_builder_set_on_event(b, "poweroff", "coredump-destroy");
    return tck_domain_builder_to_xml(b, error);
}

static char *
bad_template_on_kvm(GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "x");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    tck_domain_builder_add_filesystem(b, &(TckFilesystemSpec) { .type = "template", .source = "t", .target = "/" });
    return tck_domain_builder_to_xml(b, error);
}

static char *
bad_bridge_network_with_ip(GError **error)
{
    g_autoptr(TckNetworkBuilder) b = tck_network_builder_new("x");

    tck_network_builder_set_forward(b, "bridge", NULL);
    tck_network_builder_set_bridge(b, "br0", FALSE);
    tck_network_builder_add_ip(b, "10.0.0.1", 24);
    return tck_network_builder_to_xml(b, error);
}

static char *
bad_dhcp_outside_subnet(GError **error)
{
    g_autoptr(TckNetworkBuilder) b = tck_network_builder_new("x");

    tck_network_builder_add_ip(b, "10.0.0.1", 24);
    tck_network_builder_add_dhcp_range(b, "10.0.0.2", "10.0.1.254");
    return tck_network_builder_to_xml(b, error);
}

static char *
bad_dhcp_without_ip(GError **error)
{
    g_autoptr(TckNetworkBuilder) b = tck_network_builder_new("x");

    tck_network_builder_add_dhcp_range(b, "10.0.0.2", "10.0.0.254");
    return tck_network_builder_to_xml(b, error);
}

static char *
odd_forward_mode(GError **error)
{
    g_autoptr(TckNetworkBuilder) b = tck_network_builder_new("x");

    tck_network_builder_set_forward(b, "teleport", NULL);
    return tck_network_builder_to_xml(b, error);
}

static char *
bad_netfs_without_host(GError **error)
{
    g_autoptr(TckPoolBuilder) b = tck_pool_builder_new("netfs", "x");

    tck_pool_builder_set_source_dir(b, "/export");
    tck_pool_builder_set_target(b, "/mnt");
    return tck_pool_builder_to_xml(b, error);
}

static char *
bad_dir_pool_with_host(GError **error)
{
    g_autoptr(TckPoolBuilder) b = tck_pool_builder_new("dir", "x");

    tck_pool_builder_set_source_host(b, "nfs.example.org");
    tck_pool_builder_set_target(b, "/srv");
    return tck_pool_builder_to_xml(b, error);
}

static char *
odd_pool_type(GError **error)
{
    g_autoptr(TckPoolBuilder) b = tck_pool_builder_new("floppy", "x");

    return tck_pool_builder_to_xml(b, error);
}

static char *
bad_raw_with_backing(GError **error)
{
    g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new("v");

    tck_volume_builder_set_capacity(b, 1024);
    tck_volume_builder_set_format(b, "raw");
    tck_volume_builder_set_backing_store(b, "/base.img", "raw");
    return tck_volume_builder_to_xml(b, error);
}

static char *
bad_raw_with_compat(GError **error)
{
    g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new("v");

    tck_volume_builder_set_capacity(b, 1024);
    tck_volume_builder_set_compat(b, "1.1");
    return tck_volume_builder_to_xml(b, error);
}

static char *
bad_raw_with_qcow_encryption(GError **error)
{
    g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new("v");

    tck_volume_builder_set_capacity(b, 1024);
    tck_volume_builder_set_encryption(b, "qcow", "2f0a1e42-cc31-4b8c-b2a5-8c8e0f0d2c11");
    return tck_volume_builder_to_xml(b, error);
}

static char *
bad_allocation(GError **error)
{
    g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new("v");

    tck_volume_builder_set_capacity(b, 1024);
    tck_volume_builder_set_allocation(b, 4096);
    return tck_volume_builder_to_xml(b, error);
}

static char *
bad_vlan_without_tag(GError **error)
{
    g_autoptr(TckInterfaceBuilder) b = tck_interface_builder_new("vlan", "eth0.5");

    return tck_interface_builder_to_xml(b, error);
}

static char *
bad_dhcp_and_static(GError **error)
{
    g_autoptr(TckInterfaceBuilder) b = tck_interface_builder_new("ethernet", "eth0");

    tck_interface_builder_set_dhcp(b);
    tck_interface_builder_set_address(b, "10.0.0.2", 24);
    return tck_interface_builder_to_xml(b, error);
}

static char *
bad_interface_name(GError **error)
{
    g_autoptr(TckInterfaceBuilder) b = tck_interface_builder_new("ethernet", "eth<0>");

    return tck_interface_builder_to_xml(b, error);
}

static char *
odd_nwfilter_action(GError **error)
{
    g_autoptr(TckNWFilterBuilder) b = tck_nwfilter_builder_new("f", NULL);

    tck_nwfilter_builder_add_rule(b, "explode", "in", 0, "all", NULL);
    return tck_nwfilter_builder_to_xml(b, error);
}

static char *
bad_nwfilter_name(GError **error)
{
    g_autoptr(TckNWFilterBuilder) b = tck_nwfilter_builder_new("a b<c>", NULL);

    return tck_nwfilter_builder_to_xml(b, error);
}

static char *
bad_secret_usage(GError **error)
{
    g_autoptr(TckSecretBuilder) b = tck_secret_builder_new(FALSE, FALSE);

    tck_secret_builder_set_usage(b, "volume", "relative/path");
    return tck_secret_builder_to_xml(b, error);
}

static char *
bad_snapshot_memory(GError **error)
{
    g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new("s");

    tck_snapshot_builder_set_memory(b, "external", NULL);
    return tck_snapshot_builder_to_xml(b, error);
}

static char *
bad_snapshot_internal_file(GError **error)
{
    g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new("s");

    tck_snapshot_builder_add_disk(b, "vda", "internal", "/x.qcow2", "qcow2");
    return tck_snapshot_builder_to_xml(b, error);
}

static const struct {
    const char *name;
    BuildFunc build;
    const char *message;
} impossible[] = {
    { "domain/kernel-in-container", bad_kernel_in_container, "cannot boot a kernel" },
    { "domain/init-in-hvm", bad_init_in_hvm, "<init> is for containers" },
    { "domain/cdrom-on-virtio", bad_cdrom_on_virtio, "a cdrom cannot sit on bus virtio" },
    { "domain/xen-bus-on-kvm", bad_xen_bus_on_kvm, "bus xen needs a xen domain" },
    { "domain/disk-without-source", bad_disk_without_source, "needs a source" },
    { "domain/kernel-and-boot-dev", bad_kernel_and_boot_dev, "cannot be combined" },
    { "domain/no-memory", bad_no_memory, "needs memory" },
    { "domain/control-char", bad_control_char, "control character 0x01" },
    { "domain/invalid-utf8", bad_invalid_utf8, "not valid UTF-8" },
    { "domain/template-on-kvm", bad_template_on_kvm, "template filesystems are for openvz" },
    { "network/bridge-with-ip", bad_bridge_network_with_ip, "cannot have <ip>" },
    { "network/dhcp-outside-subnet", bad_dhcp_outside_subnet, "10.0.1.254 lies outside" },
    { "network/dhcp-without-ip", bad_dhcp_without_ip, "needs an <ip> first" },
    { "pool/netfs-without-host", bad_netfs_without_host, "needs a source host" },
    { "pool/dir-with-host", bad_dir_pool_with_host, "a dir pool has no source host" },
    { "volume/raw-with-backing", bad_raw_with_backing, "cannot have a backing store" },
    { "volume/raw-with-compat", bad_raw_with_compat, "compat 1.1 is for qcow2" },
    { "volume/raw-qcow-encryption", bad_raw_with_qcow_encryption, "cannot use qcow encryption" },
    { "volume/allocation", bad_allocation, "exceeds capacity" },
    { "interface/vlan-without-tag", bad_vlan_without_tag, "needs a tag" },
    { "interface/dhcp-and-static", bad_dhcp_and_static, "not both" },
    { "interface/name", bad_interface_name, "eth<0>" },
    { "nwfilter/name", bad_nwfilter_name, "NCName" },
    { "secret/usage", bad_secret_usage, "absolute path" },
    { "snapshot/memory", bad_snapshot_memory, "needs a file" },
    { "snapshot/internal-file", bad_snapshot_internal_file, "only an external disk snapshot" },
};

static char *
odd_secret_usage(GError **error)
{
    g_autoptr(TckSecretBuilder) b = tck_secret_builder_new(FALSE, FALSE);

    tck_secret_builder_set_usage(b, "carrier-pigeon", "coo");
    return tck_secret_builder_to_xml(b, error);
}

static char *
odd_volume_format(GError **error)
{
    g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new("v");

    tck_volume_builder_set_capacity(b, 1024);
    tck_volume_builder_set_format(b, "papyrus");
    return tck_volume_builder_to_xml(b, error);
}

/*
 * Values outside libvirt's schema pass through as they are: a negative
 * test must be able to send what libvirt has to refuse.  (These once were
 * refused against allow-lists copied from the schema.)
 */
static const struct {
    const char *name;
    char *(*build)(GError **error);
    const char *expr;
    const char *value;
} passed_through[] = {
    { "domain/lifecycle", odd_lifecycle, "string(/domain/on_poweroff)", "coredump-destroy" },
    { "network/forward-mode", odd_forward_mode, "string(/network/forward/@mode)", "teleport" },
    { "pool/type", odd_pool_type, "string(/pool/@type)", "floppy" },
    { "nwfilter/action", odd_nwfilter_action, "string(/filter/rule/@action)", "explode" },
    { "secret/usage-type", odd_secret_usage, "string(/secret/usage[@type='carrier-pigeon']/name)", "coo" },
    { "volume/format", odd_volume_format, "string(/volume/target/format/@type)", "papyrus" },
};

static void
test_passed_through(gconstpointer data)
{
    gsize i = GPOINTER_TO_SIZE(data);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = passed_through[i].build(&error);
    Parsed p;

    g_assert_no_error(error);
    g_assert_nonnull(xml);
    p = parse(xml);
    assert_xpath(&p, passed_through[i].expr, passed_through[i].value);
    parsed_clear(&p);
}

static void
test_impossible(gconstpointer data)
{
    gsize i = GPOINTER_TO_SIZE(data);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = impossible[i].build(&error);

    g_assert_null(xml);
    g_assert_error(error, TCK_ERROR, TCK_ERROR_BUILDER);
    if (!strstr(error->message, impossible[i].message))
        g_error("message '%s' does not say '%s'", error->message, impossible[i].message);
    g_assert_null(strchr(error->message, '\n'));
}

int
main(int argc, char **argv)
{
    int rc;

    g_test_init(&argc, &argv, NULL);
    builders = tck_samples_builders();
    generic = tck_samples_generic();

    g_test_add_func("/builders/domain/full", test_domain_full);
    g_test_add_func("/builders/domain/containers-and-iso", test_domain_containers);
    g_test_add_func("/builders/network", test_network);
    g_test_add_func("/builders/pools-and-volumes", test_pools_and_volumes);
    g_test_add_func("/builders/partition-volume", test_partition_volume);
    g_test_add_func("/builders/interfaces-filters-secrets-snapshots", test_interfaces_filters_secrets_snapshots);
    for (guint i = 0; i < generic->len; i++) {
        const TckSample *s = generic->pdata[i];
        g_autofree char *path = g_strdup_printf("/builders/%s", s->name);

        g_test_add_data_func(path, s, test_generic);
    }
    g_test_add_func("/builders/generic/stable-identity", test_generic_stable_identity);
    g_test_add_func("/builders/generic/disk-spec-from-plan", test_disk_spec_from_plan);
    g_test_add_func("/builders/generic/missing-assets", test_generic_missing_assets);
    g_test_add_func("/builders/generic/container-root", test_container_root);
    for (gsize i = 0; i < G_N_ELEMENTS(passed_through); i++) {
        g_autofree char *path = g_strdup_printf("/builders/passed-through/%s", passed_through[i].name);

        g_test_add_data_func(path, GSIZE_TO_POINTER(i), test_passed_through);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(impossible); i++) {
        g_autofree char *path = g_strdup_printf("/builders/impossible/%s", impossible[i].name);

        g_test_add_data_func(path, GSIZE_TO_POINTER(i), test_impossible);
    }
    rc = g_test_run();
    g_ptr_array_unref(builders);
    g_ptr_array_unref(generic);
    return rc;
}
