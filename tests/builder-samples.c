/*
 * builder-samples.c — see builder-samples.h.
 */
#include <config.h>

#include <tck/builders.h>
#include <tck/error.h>
#include "builder-samples.h"

void
tck_sample_free(TckSample *sample)
{
    if (!sample)
        return;
    g_free(sample->name);
    g_free(sample->xml);
    tck_plan_free(sample->plan);
    g_free(sample);
}

char *
tck_sample_fixture_path(const char *name)
{
    const char *srcdir = g_getenv("top_srcdir");

    return g_build_filename(srcdir ? srcdir : ABS_TOP_SRCDIR, "tests", "caps", name, NULL);
}

static void
add(GPtrArray *out, const char *name, const char *schema, char *xml, GError *error)
{
    TckSample *s = g_new0(TckSample, 1);

    if (!xml)
        g_error("sample %s failed to build: %s", name, error ? error->message : "?");
    s->name = g_strdup(name);
    s->schema = schema;
    s->xml = xml;
    g_ptr_array_add(out, s);
}

static void
add_domains(GPtrArray *out)
{
    g_autoptr(GError) error = NULL;

    {
        /* A QEMU guest with one of nearly everything. */
        g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("qemu", TCK_HOSTILE_NAME);
        TckDiskSpec disks[] = {
            { .source = "/var/tmp/tck & <disk>.qcow2", .bus = "virtio", .target = "vda",
              .format = "qcow2", .boot_order = 1 },
            { .type = "block", .source = "/dev/sdz", .bus = "scsi", .target = "sda" },
            { .device = "cdrom", .bus = "sata", .target = "sdb", .readonly = TRUE },
            { .device = "cdrom", .bus = "ide", .target = "hdc", .source = "/srv/boot.iso",
              .readonly = TRUE },
            { .device = "floppy", .bus = "fdc", .target = "fda", .source = "/srv/fd.img" },
            { .type = "network", .protocol = "nbd", .host = "nbd.example.org", .port = "10809",
              .source = "export", .bus = "virtio", .target = "vdb", .format = "raw" },
            { .type = "volume", .pool = "tck-pool", .volume = "vol1", .bus = "virtio",
              .target = "vdc" },
            { .type = "dir", .source = "/srv/dir", .bus = "usb", .target = "sdc" },
            { .device = "lun", .type = "block", .source = "/dev/sg0", .bus = "scsi", .target = "sdd" },
        };
        TckInterfaceSpec nics[] = {
            { .type = "network", .source = "default", .mac = "52:54:00:12:34:56", .model = "virtio" },
            { .type = "bridge", .source = "br0", .model = "e1000" },
            { .type = "user" },
            { .type = "direct", .source = "eth0", .mode = "bridge" },
        };
        TckCharSpec serial = { .type = "file", .path = "/var/tmp/tck/console <1>.log" };
        TckCharSpec pty = { .type = "pty", .port = 1 };
        TckCharSpec console = { .type = "pty", .target_type = "virtio" };

        tck_domain_builder_set_uuid(b, "c7a5fdbd-edaf-9455-926a-d65c16db1809");
        tck_domain_builder_set_description(b, "a guest & its <description>");
        tck_domain_builder_set_memory(b, 524288);
        tck_domain_builder_set_vcpus(b, 2);
        tck_domain_builder_set_os(b, "hvm", "x86_64", "pc");
        tck_domain_builder_set_kernel(b, "/boot/vmlinuz", "/boot/initrd.img", "console=ttyS0 a=\"b\"");
        tck_domain_builder_add_feature(b, "acpi");
        tck_domain_builder_add_feature(b, "apic");
        tck_domain_builder_add_feature(b, "pae");
        tck_domain_builder_set_on_event(b, "poweroff", "destroy");
        tck_domain_builder_set_on_event(b, "reboot", "restart");
        tck_domain_builder_set_on_event(b, "crash", "coredump-destroy");
        tck_domain_builder_set_emulator(b, "/usr/bin/qemu-system-x86_64");
        for (gsize i = 0; i < G_N_ELEMENTS(disks); i++)
            tck_domain_builder_add_disk(b, &disks[i]);
        for (gsize i = 0; i < G_N_ELEMENTS(nics); i++)
            tck_domain_builder_add_interface(b, &nics[i]);
        tck_domain_builder_add_serial(b, &serial);
        tck_domain_builder_add_serial(b, &pty);
        tck_domain_builder_add_console(b, &console);
        tck_domain_builder_add_graphics(b, "vnc", "127.0.0.1");
        tck_domain_builder_add_graphics(b, "spice", NULL);
        tck_domain_builder_set_video(b, "virtio");
        tck_domain_builder_add_filesystem(b, &(TckFilesystemSpec) {
                                          .source = "/srv/share", .target = "share", .readonly = TRUE });
        tck_domain_builder_add_rng(b, "/dev/urandom");
        tck_domain_builder_add_metadata(b, TCK_GUEST_NS, "tck", "guest",
                                        (const char *const[]) { "token", "t<&>", "log", "/l", NULL });
        add(out, "domain/full", "domain.rng", tck_domain_builder_to_xml(b, &error), error);
    }
    {
        /* An ISO-booting guest with boot devices. */
        g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("kvm", "tck-1a2b3c4d-iso");
        TckDiskSpec cd = { .device = "cdrom", .bus = "ide", .target = "hdc", .source = "/srv/x.iso" };

        tck_domain_builder_set_memory(b, 262144);
        tck_domain_builder_set_os(b, "hvm", NULL, NULL);
        tck_domain_builder_add_boot_device(b, "cdrom");
        tck_domain_builder_add_boot_device(b, "hd");
        tck_domain_builder_add_disk(b, &cd);
        tck_domain_builder_add_graphics(b, "sdl", NULL);
        add(out, "domain/iso", "domain.rng", tck_domain_builder_to_xml(b, &error), error);
    }
    {
        /* An LXC container. */
        g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("lxc", "tck-1a2b3c4d-ct");
        TckCharSpec console = { .type = "pty", .target_type = "lxc" };

        tck_domain_builder_set_memory(b, 65536);
        tck_domain_builder_set_os(b, "exe", "x86_64", NULL);
        tck_domain_builder_set_init(b, "/sbin/init");
        tck_domain_builder_add_initenv(b, "TCK_TOKEN", "a b&c");
        tck_domain_builder_add_filesystem(b, &(TckFilesystemSpec) {
                                          .source = "/srv/rootfs", .target = "/", .readonly = TRUE });
        tck_domain_builder_add_interface(b, &(TckInterfaceSpec) {
                                         .type = "network", .source = "default",
                                         .filter = "clean-traffic",
                                         .filter_params = (const char *const[]){ "IP", "10.0.0.5", NULL } });
        tck_domain_builder_add_console(b, &console);
        add(out, "domain/lxc", "domain.rng", tck_domain_builder_to_xml(b, &error), error);
    }
    {
        /* An OpenVZ container from a template. */
        g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("openvz", "101");

        tck_domain_builder_set_memory(b, 262144);
        tck_domain_builder_set_vcpus(b, 1);
        tck_domain_builder_set_os(b, "exe", NULL, NULL);
        tck_domain_builder_set_init(b, "/sbin/init");
        tck_domain_builder_add_filesystem(b, &(TckFilesystemSpec) {
                                          .type = "template", .source = "busybox", .target = "/" });
        add(out, "domain/openvz", "domain.rng", tck_domain_builder_to_xml(b, &error), error);
    }
    {
        /* A Xen PV guest. */
        g_autoptr(TckDomainBuilder) b = tck_domain_builder_new("xen", "tck-1a2b3c4d-pv");
        TckDiskSpec disk = { .source = "/srv/pv.img", .bus = "xen", .target = "xvda" };
        TckCharSpec console = { .type = "pty", .target_type = "xen" };

        tck_domain_builder_set_memory(b, 262144);
        tck_domain_builder_set_os(b, "xen", "x86_64", "xenpv");
        tck_domain_builder_set_kernel(b, "/boot/vmlinuz", NULL, "console=hvc0");
        tck_domain_builder_add_disk(b, &disk);
        tck_domain_builder_add_console(b, &console);
        add(out, "domain/xen-pv", "domain.rng", tck_domain_builder_to_xml(b, &error), error);
    }
}

static void
add_networks(GPtrArray *out)
{
    g_autoptr(GError) error = NULL;

    {
        g_autoptr(TckNetworkBuilder) b = tck_network_builder_new(TCK_HOSTILE_NAME);

        tck_network_builder_set_uuid(b, "004b96e1-2d78-c30f-5aa5-f03c87d21e69");
        tck_network_builder_set_forward(b, "nat", NULL);
        tck_network_builder_set_bridge(b, "tckbr0", TRUE);
        tck_network_builder_set_domain(b, "tck.example");
        tck_network_builder_add_ip(b, "192.168.213.1", 24);
        tck_network_builder_add_dhcp_range(b, "192.168.213.2", "192.168.213.254");
        tck_network_builder_add_dhcp_host(b, "52:54:00:6c:3c:01", "guest1", "192.168.213.10");
        tck_network_builder_add_ip(b, "fd00:1234::1", 64);
        tck_network_builder_set_bandwidth(b, 1000, 2000, 1024, 500, 0, 0);
        add(out, "network/nat", "network.rng", tck_network_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckNetworkBuilder) b = tck_network_builder_new("tck-1a2b3c4d-route");

        tck_network_builder_set_forward(b, "route", "eth0");
        tck_network_builder_set_bridge(b, "tckbr1", FALSE);
        tck_network_builder_add_ip(b, "10.11.12.1", 24);
        add(out, "network/route", "network.rng", tck_network_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckNetworkBuilder) b = tck_network_builder_new("tck-1a2b3c4d-isolated");

        tck_network_builder_set_bridge(b, "tckbr2", TRUE);
        tck_network_builder_add_ip(b, "10.11.13.1", 24);
        tck_network_builder_add_dhcp_range(b, "10.11.13.100", "10.11.13.200");
        add(out, "network/isolated", "network.rng", tck_network_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckNetworkBuilder) b = tck_network_builder_new("tck-1a2b3c4d-bridge");

        tck_network_builder_set_forward(b, "bridge", NULL);
        tck_network_builder_set_bridge(b, "br0", FALSE);
        add(out, "network/bridge", "network.rng", tck_network_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckNetworkBuilder) b = tck_network_builder_new("tck-1a2b3c4d-vepa");

        tck_network_builder_set_forward(b, "vepa", "eth1");
        add(out, "network/vepa", "network.rng", tck_network_builder_to_xml(b, &error), error);
    }
    add(out, "network/port", "networkport.rng",
        tck_network_port_xml("8e7d9a34-5b1c-4f2e-9a0b-2c3d4e5f6a7b", TCK_HOSTILE_NAME,
                             "004b96e1-2d78-c30f-5aa5-f03c87d21e69", "52:54:00:6c:3c:02", &error), error);
}

static void
add_pools(GPtrArray *out)
{
    g_autoptr(GError) error = NULL;
    static const struct {
        const char *type;
        const char *host, *dir, *device, *name, *format, *target, *initiator;
    } pools[] = {
        { "dir", NULL, NULL, NULL, NULL, NULL, "/var/tmp/tck pool & <dir>", NULL },
        { "fs", NULL, NULL, "/dev/sdz1", NULL, "ext4", "/mnt/tck-fs", NULL },
        { "netfs", "nfs.example.org", "/export/tck", NULL, NULL, "nfs", "/mnt/tck-nfs", NULL },
        { "logical", NULL, NULL, "/dev/sdz2", "tckvg", "lvm2", "/dev/tckvg", NULL },
        { "disk", NULL, NULL, "/dev/sdz", NULL, "gpt", "/dev", NULL },
        { "iscsi", "iscsi.example.org", NULL, "iqn.2026-11.org.example:tck", NULL, NULL,
          "/dev/disk/by-path", "iqn.2026-11.org.example:initiator" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(pools); i++) {
        g_autoptr(TckPoolBuilder) b = tck_pool_builder_new(pools[i].type,
                                                           i == 0 ? TCK_HOSTILE_NAME : "tck-1a2b3c4d-pool");
        g_autofree char *name = g_strdup_printf("pool/%s", pools[i].type);

        if (pools[i].host)
            tck_pool_builder_set_source_host(b, pools[i].host);
        if (pools[i].dir)
            tck_pool_builder_set_source_dir(b, pools[i].dir);
        if (pools[i].device)
            tck_pool_builder_add_source_device(b, pools[i].device);
        if (pools[i].name)
            tck_pool_builder_set_source_name(b, pools[i].name);
        if (pools[i].format)
            tck_pool_builder_set_source_format(b, pools[i].format);
        if (pools[i].initiator)
            tck_pool_builder_set_initiator(b, pools[i].initiator);
        if (pools[i].target)
            tck_pool_builder_set_target(b, pools[i].target);
        add(out, name, "storagepool.rng", tck_pool_builder_to_xml(b, &error), error);
    }
}

static void
add_volumes(GPtrArray *out)
{
    g_autoptr(GError) error = NULL;

    {
        g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new("tck-1a2b3c4d-<&'\">.img");

        tck_volume_builder_set_capacity(b, 64 * 1024 * 1024);
        tck_volume_builder_set_allocation(b, 0);
        tck_volume_builder_set_format(b, "raw");
        add(out, "volume/raw", "storagevol.rng", tck_volume_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new("tck-1a2b3c4d-overlay.qcow2");

        tck_volume_builder_set_capacity(b, 1024 * 1024 * 1024);
        tck_volume_builder_set_format(b, "qcow2");
        tck_volume_builder_set_compat(b, "1.1");
        tck_volume_builder_set_backing_store(b, "/var/tmp/tck-base.img", "raw");
        add(out, "volume/qcow2-backing", "storagevol.rng", tck_volume_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new("tck-1a2b3c4d-luks.img");

        tck_volume_builder_set_capacity(b, 16 * 1024 * 1024);
        tck_volume_builder_set_format(b, "raw");
        tck_volume_builder_set_encryption(b, "luks", "2f0a1e42-cc31-4b8c-b2a5-8c8e0f0d2c11");
        add(out, "volume/luks", "storagevol.rng", tck_volume_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new("tck-1a2b3c4d-old.qcow2");

        tck_volume_builder_set_capacity(b, 16 * 1024 * 1024);
        tck_volume_builder_set_format(b, "qcow2");
        tck_volume_builder_set_compat(b, "0.10");
        add(out, "volume/qcow2-0.10", "storagevol.rng", tck_volume_builder_to_xml(b, &error), error);
    }
}

static void
add_interfaces(GPtrArray *out)
{
    g_autoptr(GError) error = NULL;

    {
        g_autoptr(TckInterfaceBuilder) b = tck_interface_builder_new("ethernet", "tck-eth0");

        tck_interface_builder_set_start_mode(b, "onboot");
        tck_interface_builder_set_mac(b, "52:54:00:aa:bb:cc");
        tck_interface_builder_set_mtu(b, 1500);
        tck_interface_builder_set_dhcp(b);
        add(out, "interface/ethernet", "interface.rng", tck_interface_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckInterfaceBuilder) b = tck_interface_builder_new("bridge", "tckbr9");

        tck_interface_builder_set_start_mode(b, "none");
        tck_interface_builder_set_address(b, "192.168.77.1", 24);
        tck_interface_builder_add_member(b, "eth7");
        add(out, "interface/bridge", "interface.rng", tck_interface_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckInterfaceBuilder) b = tck_interface_builder_new("bond", "tckbond0");

        tck_interface_builder_set_start_mode(b, "hotplug");
        tck_interface_builder_set_bond_mode(b, "active-backup");
        tck_interface_builder_add_member(b, "eth5");
        tck_interface_builder_add_member(b, "eth6");
        add(out, "interface/bond", "interface.rng", tck_interface_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckInterfaceBuilder) b = tck_interface_builder_new("vlan", "eth4.42");

        tck_interface_builder_set_start_mode(b, "onboot");
        tck_interface_builder_set_vlan(b, 42, "eth4");
        add(out, "interface/vlan", "interface.rng", tck_interface_builder_to_xml(b, &error), error);
    }
}

static void
add_nwfilters(GPtrArray *out)
{
    g_autoptr(GError) error = NULL;

    {
        g_autoptr(TckNWFilterBuilder) b = tck_nwfilter_builder_new("tck-1a2b3c4d-ipv4", "ipv4");

        tck_nwfilter_builder_set_uuid(b, "d217f2d7-5a04-0e01-8b98-ec2743436b74");
        tck_nwfilter_builder_add_filterref(b, "clean-traffic");
        tck_nwfilter_builder_add_rule(b, "accept", "out", 500, "tcp",
                                      (const char *const[]) { "dstportstart", "22", NULL });
        tck_nwfilter_builder_add_rule(b, "drop", "inout", 1000, "all", NULL);
        add(out, "nwfilter/ipv4", "nwfilter.rng", tck_nwfilter_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckNWFilterBuilder) b = tck_nwfilter_builder_new("tck-1a2b3c4d-root", NULL);

        tck_nwfilter_builder_add_rule(b, "reject", "in", -100, "mac",
                                      (const char *const[]) { "protocolid", "arp", NULL });
        add(out, "nwfilter/root", "nwfilter.rng", tck_nwfilter_builder_to_xml(b, &error), error);
    }
    add(out, "nwfilter/binding", "nwfilterbinding.rng",
        tck_nwfilter_binding_xml("tck-1a2b3c4d-owner", "004b96e1-2d78-c30f-5aa5-f03c87d21e69", "vnet0",
                                 "52:54:00:6c:3c:03", "clean-traffic",
                                 (const char *const[]){ "IP", "10.0.0.6", NULL }, &error), error);
}

static void
add_secrets(GPtrArray *out)
{
    g_autoptr(GError) error = NULL;
    static const struct {
        const char *usage, *id;
    } secrets[] = {
        { "volume", "/var/lib/libvirt/images/tck <&>.img" },
        { "ceph", "client.tck secret" },
        { "iscsi", "tck-target" },
        { "tls", "tck-tls" },
        { "vtpm", "tck-vtpm" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(secrets); i++) {
        g_autoptr(TckSecretBuilder) b = tck_secret_builder_new(i % 2 == 0, i % 2 == 1);
        g_autofree char *name = g_strdup_printf("secret/%s", secrets[i].usage);

        if (i == 0)
            tck_secret_builder_set_uuid(b, "7b5a3b4d-0a33-4e5b-9a4d-2f6f3d0ad3a1");
        tck_secret_builder_set_description(b, "tck secret <&>");
        tck_secret_builder_set_usage(b, secrets[i].usage, secrets[i].id);
        add(out, name, "secret.rng", tck_secret_builder_to_xml(b, &error), error);
    }
}

static void
add_snapshots(GPtrArray *out)
{
    g_autoptr(GError) error = NULL;

    {
        g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new("tck-snap <&>");

        tck_snapshot_builder_set_description(b, "before the test");
        tck_snapshot_builder_set_memory(b, "no", NULL);
        tck_snapshot_builder_add_disk(b, "vda", "internal", NULL, NULL);
        add(out, "snapshot/internal", "domainsnapshot.rng", tck_snapshot_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new("tck-snap-ext");

        tck_snapshot_builder_set_memory(b, "external", "/var/tmp/tck-snap.mem");
        tck_snapshot_builder_add_disk(b, "vda", "external", "/var/tmp/tck-snap.qcow2", "qcow2");
        tck_snapshot_builder_add_disk(b, "vdb", "no", NULL, NULL);
        add(out, "snapshot/external", "domainsnapshot.rng", tck_snapshot_builder_to_xml(b, &error), error);
    }
    {
        g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new(NULL);

        add(out, "snapshot/unnamed", "domainsnapshot.rng", tck_snapshot_builder_to_xml(b, &error), error);
    }
}

GPtrArray *
tck_samples_builders(void)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify) tck_sample_free);

    add_domains(out);
    add_networks(out);
    add_pools(out);
    add_volumes(out);
    add_interfaces(out);
    add_nwfilters(out);
    add_secrets(out);
    add_snapshots(out);
    return out;
}

/* The fixtures whose guests the generic samples cover. */
static const char *const tck_fixtures[] = {
    "test-default.xml", "qemu-system.xml", "lxc-system.xml", "xen-x86_64.xml", "xen-aarch64.xml",
    "openvz.xml", "esx.xml", "bhyve.xml", "hyperv.xml", "vbox.xml", "qemu-multiarch.xml",
    "qemu-aarch64-host.xml",
};

GPtrArray *
tck_samples_generic(void)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify) tck_sample_free);
    const TckGuestAssets assets = {
        .kernel = "/var/cache/libvirt-tck/x86_64/vmlinuz",
        .initrd = "/var/cache/libvirt-tck/x86_64/initrd.img",
        .iso = "/var/cache/libvirt-tck/x86_64/boot.iso",
        .disk = "/var/cache/libvirt-tck/x86_64/empty.img",
        .rootfs = "/var/cache/libvirt-tck/x86_64/rootfs",
        .out_dir = "/var/tmp/tck/scratch/guest-out",
        .template_name = "tck-busybox",
    };

    for (gsize f = 0; f < G_N_ELEMENTS(tck_fixtures); f++) {
        g_autofree char *path = tck_sample_fixture_path(tck_fixtures[f]);
        g_autoptr(GError) error = NULL;
        g_autoptr(TckHost) host = tck_host_parse_file(path, &error);

        if (!host)
            g_error("fixture %s: %s", path, error->message);
        for (guint i = 0; i < host->guests->len; i++) {
            const TckGuest *guest = host->guests->pdata[i];
            TckPlanRequest req = { .os_type = guest->os_type, .arch = guest->arch };
            TckGuestPlan *plan = tck_plan_choose(host, &req, &error);
            g_autofree char *log = NULL;
            TckSample *s;

            if (!plan)
                g_error("fixture %s: %s", path, error->message);
            log = plan->boot == TCK_BOOT_CONTAINER ? g_build_filename(assets.out_dir, "ready", NULL)
                                                   : g_strdup("/var/tmp/tck/scratch/guest.console.log");
            s = g_new0(TckSample, 1);
            s->name = g_strdup_printf("generic/%s/%s/%s", tck_fixtures[f], guest->os_type, guest->arch);
            s->schema = "domain.rng";
            s->plan = plan;
            s->xml = tck_generic_domain(plan, &assets, "tck-1a2b3c4d-domain-050-generic",
                                        "1a2b3c4d-0123456789ab", log, &error);
            if (!s->xml)
                g_error("%s: %s", s->name, error->message);
            g_ptr_array_add(out, s);

            if (plan->boot == TCK_BOOT_CONTAINER) {
                /* The same container with a per-guest root over the shared rootfs. */
                TckGuestAssets own_root = assets;
                TckPlanRequest again = req;

                own_root.root_dir = "/var/tmp/tck/scratch/guest-root";
                s = g_new0(TckSample, 1);
                s->name = g_strdup_printf("generic/%s/%s/%s/root-dir", tck_fixtures[f],
                                          guest->os_type, guest->arch);
                s->schema = "domain.rng";
                s->plan = tck_plan_choose(host, &again, &error);
                s->xml = tck_generic_domain(s->plan, &own_root, "tck-1a2b3c4d-domain-050-generic",
                                            "1a2b3c4d-0123456789ab", log, &error);
                if (!s->xml)
                    g_error("%s: %s", s->name, error->message);
                g_ptr_array_add(out, s);
            }
        }
    }
    return out;
}
