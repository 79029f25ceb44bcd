/*
 * builders.h — XML for every libvirt object a test creates, built on the
 * libxml2 tree API (so any name or path is escaped), and the generic
 * guest that boots on a given plan.
 *
 * Every builder keeps the first error it meets (an impossible combination,
 * an unknown value) and reports it from its _to_xml() call as
 * TCK_ERROR_BUILDER, so call sites set fields without checking each one.
 */
#pragma once

#include <glib.h>
#include <tck/caps.h>

G_BEGIN_DECLS

/* ==== Domains ======================================================== */

typedef struct _TckDomainBuilder TckDomainBuilder;

/* A disk.  Unset (NULL/0) fields are left out of the XML. */
typedef struct {
    const char *type;      /* "file" (default), "block", "dir", "network", "volume" */
    const char *device;    /* "disk" (default), "cdrom", "floppy", "lun" */
    const char *bus;       /* "virtio", "ide", "sata", "scsi", "usb", "xen", "fdc", "sd" */
    const char *target;    /* "vda", "hdc", "xvda", ... (required) */
    const char *source;    /* file/block/dir: the path; network: the name/export */
    const char *protocol;  /* network: "nbd", "iscsi", "rbd", "http", "https", ... */
    const char *host;      /* network: the server */
    const char *port;      /* network: the port */
    const char *pool;      /* volume: the pool */
    const char *volume;    /* volume: the volume */
    const char *driver;    /* <driver name=...>, e.g. "qemu" */
    const char *format;    /* <driver type=...>, e.g. "raw", "qcow2" */
    gboolean readonly;
    guint boot_order;      /* per-device <boot order=...>; 0 = none */
} TckDiskSpec;

/* A network interface. */
typedef struct {
    const char *type;      /* "network", "bridge", "user", "direct", "ethernet" */
    const char *source;    /* network name, bridge name or host device */
    const char *mac;       /* nullable */
    const char *model;     /* "virtio", "e1000", ...; nullable */
    const char *mode;      /* direct: "vepa", "bridge", "private", "passthrough" */
    const char *filter;    /* <filterref filter=...>; nullable */
    const char *const *filter_params; /* NULL-terminated name, value, ... <parameter>s; nullable */
} TckInterfaceSpec;

/* A serial port or console. */
typedef struct {
    const char *type;      /* "file", "pty", "null", "nmdm" */
    const char *path;      /* file: the log file */
    const char *target_type; /* console: "serial", "virtio", "xen", "lxc", "openvz"; serial: NULL */
    int port;              /* target port, usually 0 */
    const char *log;       /* nullable: also write the output to this file (<log file=...>) */
} TckCharSpec;

/* A filesystem passed through to the guest. */
typedef struct {
    const char *type;      /* "mount" (default) or "template" */
    const char *source;    /* mount: host directory; template: template name */
    const char *target;    /* directory in the guest */
    gboolean readonly;
} TckFilesystemSpec;

/**
 * tck_domain_builder_new:
 * @domain_type: <domain type=...> ("kvm", "qemu", "xen", "lxc", "test", ...)
 * @name: the domain name (any characters; escaped)
 */
TckDomainBuilder *tck_domain_builder_new(const char *domain_type, const char *name);

void tck_domain_builder_set_uuid(TckDomainBuilder *b, const char *uuid);
/* Memory in KiB (also sets currentMemory). */
void tck_domain_builder_set_memory(TckDomainBuilder *b, guint64 kib);
void tck_domain_builder_set_vcpus(TckDomainBuilder *b, guint vcpus);
void tck_domain_builder_set_description(TckDomainBuilder *b, const char *text);
/* <os><type arch=... machine=...>os_type</type>; arch and machine nullable. */
void tck_domain_builder_set_os(TckDomainBuilder *b, const char *os_type, const char *arch,
                               const char *machine);
void tck_domain_builder_set_loader(TckDomainBuilder *b, const char *path);
/* Direct kernel boot (not for os_type exe); initrd and cmdline nullable. */
/* An SMBIOS OEM string (<sysinfo type='smbios'><oemStrings>, <os><smbios mode='sysinfo'/>): QEMU only. */
void tck_domain_builder_add_oem_string(TckDomainBuilder *b, const char *value);
void tck_domain_builder_set_kernel(TckDomainBuilder *b, const char *kernel, const char *initrd,
                                   const char *cmdline);
/* <boot dev=...>: "hd", "cdrom", "network", "fd" (not for os_type exe). */
void tck_domain_builder_add_boot_device(TckDomainBuilder *b, const char *dev);
/* Containers only (os_type exe): <init>, <initenv name=...>. */
void tck_domain_builder_set_init(TckDomainBuilder *b, const char *init);
void tck_domain_builder_add_initenv(TckDomainBuilder *b, const char *name, const char *value);
/* <features>: "acpi", "apic", "pae", "hap", "viridian", "privnet". */
void tck_domain_builder_add_feature(TckDomainBuilder *b, const char *feature);
/* on_poweroff / on_reboot / on_crash: event is "poweroff", "reboot" or "crash". */
void tck_domain_builder_set_on_event(TckDomainBuilder *b, const char *event, const char *action);
void tck_domain_builder_set_emulator(TckDomainBuilder *b, const char *path);
void tck_domain_builder_add_disk(TckDomainBuilder *b, const TckDiskSpec *disk);
void tck_domain_builder_add_interface(TckDomainBuilder *b, const TckInterfaceSpec *nic);
void tck_domain_builder_add_serial(TckDomainBuilder *b, const TckCharSpec *chr);
void tck_domain_builder_add_console(TckDomainBuilder *b, const TckCharSpec *chr);
/* <graphics type=...>: "vnc", "spice", "sdl", "rdp" with autoport; listen nullable. */
void tck_domain_builder_add_graphics(TckDomainBuilder *b, const char *type, const char *listen);
/* <video><model type=...>; "none" is the way to say "no display" to QEMU. */
void tck_domain_builder_set_video(TckDomainBuilder *b, const char *model);
void tck_domain_builder_add_filesystem(TckDomainBuilder *b, const TckFilesystemSpec *fs);
/* <rng model='virtio'><backend model='random'>device</backend></rng>. */
void tck_domain_builder_add_rng(TckDomainBuilder *b, const char *device);
/**
 * tck_domain_builder_add_metadata:
 * @ns_uri, @prefix, @element: the metadata element <prefix:element xmlns:prefix=ns_uri>
 * @children: NULL-terminated name, value, name, value, ... of text children
 */
void tck_domain_builder_add_metadata(TckDomainBuilder *b, const char *ns_uri, const char *prefix,
                                     const char *element, const char *const *children);

/* The XML, or NULL with TCK_ERROR_BUILDER naming the first problem. */
char *tck_domain_builder_to_xml(TckDomainBuilder *b, GError **error);
void tck_domain_builder_free(TckDomainBuilder *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckDomainBuilder, tck_domain_builder_free)

/**
 * tck_device_disk_xml, tck_device_interface_xml:
 * @domain_type: the domain's type ("qemu", "lxc", "test", ...), for the bus checks
 * @disk / @nic: the device
 * @error: return location
 *
 * The XML of one <disk> or <interface> on its own, as
 * virDomainAttachDevice() and virDomainUpdateDeviceFlags() take it.
 *
 * Returns: (transfer full): the element, or NULL with @error set (TCK_ERROR_BUILDER).
 */
char *tck_device_disk_xml(const char *domain_type, const TckDiskSpec *disk, GError **error);
char *tck_device_interface_xml(const char *domain_type, const TckInterfaceSpec *nic, GError **error);

/*
 * tck_device_hostdev_usb_xml, tck_device_hostdev_pci_xml: a host device
 * for passthrough, as the config's host_usb_devices (vendor and product,
 * or bus and device) and host_pci_devices (domain, bus, slot, function;
 * hex) entries name it.  PCI devices are managed (libvirt detaches them
 * from the host driver).  NULL with @error set (TCK_ERROR_BUILDER) for an
 * incomplete or non-hex address.
 */
char *tck_device_hostdev_usb_xml(const char *vendor, const char *product, const char *bus, const char *device,
                                 GError **error);
char *tck_device_hostdev_pci_xml(const char *domain, const char *bus, const char *slot, const char *function,
                                 GError **error);

/* ==== The generic guest ============================================== */

/* The tck:guest metadata namespace (see BRIEF: the readiness marker). */
#define TCK_GUEST_NS "https://libvirt.org/schemas/tck/guest/1"

/* Payload paths from the asset cache; the plan says which are needed. */
typedef struct {
    const char *kernel;    /* kernel plans */
    const char *initrd;    /* kernel plans */
    const char *iso;       /* ISO plans */
    const char *disk;      /* ISO plans: the empty disk; kernel plans: optional */
    const char *disk_format; /* "raw" (default) or "qcow2" */
    const char *rootfs;    /* container plans: the rootfs directory (mounted read-only) */
    const char *root_dir;  /* container plans, nullable: a per-guest root from
                            * tck_generic_container_root(); without it the rootfs
                            * itself is the guest's / */
    const char *out_dir;   /* container plans: host dir mounted at /tck-out */
    const char *template_name; /* template plans: the OpenVZ template */
    const TckInterfaceSpec *nic; /* nullable: one network interface */
    const char *kernel_args; /* kernel plans, nullable: appended to the command line */
} TckGuestAssets;

/**
 * tck_generic_domain:
 * @plan: the guest plan
 * @assets: the payload paths
 * @name: the domain name
 * @token: the readiness token (kernel command line / TCK_TOKEN)
 * @log_path: where the marker will appear: the serial log, or for
 *   containers @assets->out_dir's "ready" file
 * @error: return location
 *
 * Builds the minimal guest that boots on @plan: 256 MiB, one vcpu, the
 * console wired as the plan says, the disk bus and target from the plan,
 * and the <tck:guest> metadata (token and log path).  A payload the plan
 * needs but @assets lacks is TCK_ERROR_BUILDER.
 *
 * Returns: (transfer full): the domain XML, or NULL with @error set.
 */
/*
 * tck_disk_spec_from_plan: a disk of the plan's guests: its bus, and the
 * backend the plan names for them (Xen PV/PVH: libxl's qdisk, driver
 * "qemu", with the format, "raw" unless @disk says otherwise).  The other
 * fields of @disk stay as they are.
 */
void tck_disk_spec_from_plan(const TckGuestPlan *plan, TckDiskSpec *disk);

char *tck_generic_domain(const TckGuestPlan *plan, const TckGuestAssets *assets, const char *name,
                         const char *token, const char *log_path, GError **error);

/**
 * tck_generic_container_root:
 * @rootfs: the shared (cached) rootfs directory
 * @root_dir: the per-guest root to create
 * @error: return location
 *
 * libvirt's LXC driver writes into whatever directory is the guest's /
 * (it creates /.oldroot there for pivot_root), so a shared, verified
 * rootfs must not be it.  This makes @root_dir a small per-guest root:
 * for each top-level entry of @rootfs a symlink to /rootfs/<entry>
 * (tck_generic_domain() mounts @rootfs read-only at /rootfs), and real
 * directories for dev, proc, sys, run, tmp and tck-out.
 *
 * Returns: TRUE, or FALSE with @error set (TCK_ERROR_IO naming the path).
 */
gboolean tck_generic_container_root(const char *rootfs, const char *root_dir, GError **error);

/* ==== Networks ======================================================= */

typedef struct _TckNetworkBuilder TckNetworkBuilder;

TckNetworkBuilder *tck_network_builder_new(const char *name);
void tck_network_builder_set_uuid(TckNetworkBuilder *b, const char *uuid);
/* <forward mode=...>: "nat", "route", "open", "bridge", "private", "vepa",
 * "passthrough"; NULL (the default) is an isolated network.  dev nullable. */
void tck_network_builder_set_forward(TckNetworkBuilder *b, const char *mode, const char *dev);
void tck_network_builder_set_bridge(TckNetworkBuilder *b, const char *bridge, gboolean stp);
void tck_network_builder_set_domain(TckNetworkBuilder *b, const char *dns_domain);
/* <ip address=... prefix=...>; family from the address.  The DHCP calls
 * below apply to the last <ip> added. */
void tck_network_builder_add_ip(TckNetworkBuilder *b, const char *address, guint prefix);
void tck_network_builder_add_dhcp_range(TckNetworkBuilder *b, const char *start, const char *end);
void tck_network_builder_add_dhcp_host(TckNetworkBuilder *b, const char *mac, const char *name,
                                       const char *ip);
/* <bandwidth>: average/peak in KiB/s and burst in KiB; 0 leaves a direction out. */
void tck_network_builder_set_bandwidth(TckNetworkBuilder *b, guint in_average, guint in_peak,
                                       guint in_burst, guint out_average, guint out_peak,
                                       guint out_burst);
char *tck_network_builder_to_xml(TckNetworkBuilder *b, GError **error);
/* A DHCP <host> for virNetworkUpdate (IP_DHCP_HOST); mac or name, and ip, required. */
char *tck_network_dhcp_host_xml(const char *mac, const char *name, const char *ip, GError **error);
/* A <networkport> for virNetworkPortCreateXML: its UUID, its owner (a
 * guest's name and UUID) and MAC; the driver fills in the plug. */
char *tck_network_port_xml(const char *uuid, const char *owner_name, const char *owner_uuid,
                           const char *mac, GError **error);
void tck_network_builder_free(TckNetworkBuilder *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckNetworkBuilder, tck_network_builder_free)

/* ==== Storage pools and volumes ====================================== */

typedef struct _TckPoolBuilder TckPoolBuilder;

/* type: "dir", "fs", "netfs", "logical", "disk", "iscsi". */
TckPoolBuilder *tck_pool_builder_new(const char *type, const char *name);
void tck_pool_builder_set_uuid(TckPoolBuilder *b, const char *uuid);
void tck_pool_builder_set_target(TckPoolBuilder *b, const char *path);
/* Source parts; each pool type needs its own (see storage-pool.c's table). */
void tck_pool_builder_set_source_host(TckPoolBuilder *b, const char *host);
void tck_pool_builder_set_source_dir(TckPoolBuilder *b, const char *dir);
void tck_pool_builder_add_source_device(TckPoolBuilder *b, const char *path);
void tck_pool_builder_set_source_name(TckPoolBuilder *b, const char *name);
void tck_pool_builder_set_source_format(TckPoolBuilder *b, const char *format);
void tck_pool_builder_set_initiator(TckPoolBuilder *b, const char *iqn);
char *tck_pool_builder_to_xml(TckPoolBuilder *b, GError **error);
void tck_pool_builder_free(TckPoolBuilder *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckPoolBuilder, tck_pool_builder_free)

typedef struct _TckVolumeBuilder TckVolumeBuilder;

TckVolumeBuilder *tck_volume_builder_new(const char *name);
/* Sizes in bytes. */
void tck_volume_builder_set_capacity(TckVolumeBuilder *b, guint64 bytes);
void tck_volume_builder_set_allocation(TckVolumeBuilder *b, guint64 bytes);
/* <target><format type=...>: "raw", "qcow2", "qed", "vmdk", "vdi", "iso", ...; in a disk
 * pool the partition type: "none", "linux", "linux-swap", "linux-lvm", ... */
void tck_volume_builder_set_format(TckVolumeBuilder *b, const char *format);
/* qcow2 only: <compat>0.10|1.1</compat>. */
void tck_volume_builder_set_compat(TckVolumeBuilder *b, const char *compat);
/* Formats with backing files only (qcow2, qed, vmdk). */
void tck_volume_builder_set_backing_store(TckVolumeBuilder *b, const char *path, const char *format);
/* <encryption format=...><secret type='passphrase' uuid=.../>: "luks" (raw, qcow2) or "qcow" (qcow2). */
void tck_volume_builder_set_encryption(TckVolumeBuilder *b, const char *format, const char *secret_uuid);
char *tck_volume_builder_to_xml(TckVolumeBuilder *b, GError **error);
void tck_volume_builder_free(TckVolumeBuilder *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckVolumeBuilder, tck_volume_builder_free)

/* ==== Host interfaces ================================================ */

typedef struct _TckInterfaceBuilder TckInterfaceBuilder;

/* type: "ethernet", "bridge", "bond", "vlan". */
TckInterfaceBuilder *tck_interface_builder_new(const char *type, const char *name);
/* "onboot", "none", "hotplug". */
void tck_interface_builder_set_start_mode(TckInterfaceBuilder *b, const char *mode);
void tck_interface_builder_set_mac(TckInterfaceBuilder *b, const char *mac);
void tck_interface_builder_set_mtu(TckInterfaceBuilder *b, guint mtu);
/* IPv4: dhcp, or a static address/prefix (one of the two). */
void tck_interface_builder_set_dhcp(TckInterfaceBuilder *b);
void tck_interface_builder_set_address(TckInterfaceBuilder *b, const char *address, guint prefix);
/* bridge and bond: member ethernet interfaces. */
void tck_interface_builder_add_member(TckInterfaceBuilder *b, const char *ifname);
/* bond: "balance-rr", "active-backup", "802.3ad", ... */
void tck_interface_builder_set_bond_mode(TckInterfaceBuilder *b, const char *mode);
/* vlan: the tag and the parent device. */
void tck_interface_builder_set_vlan(TckInterfaceBuilder *b, guint tag, const char *device);
char *tck_interface_builder_to_xml(TckInterfaceBuilder *b, GError **error);
void tck_interface_builder_free(TckInterfaceBuilder *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckInterfaceBuilder, tck_interface_builder_free)

/* ==== Network filters ================================================ */

typedef struct _TckNWFilterBuilder TckNWFilterBuilder;

/* chain: "root", "ipv4", "ipv6", "arp", "rarp", "mac", "stp", "vlan" (nullable = root). */
TckNWFilterBuilder *tck_nwfilter_builder_new(const char *name, const char *chain);
void tck_nwfilter_builder_set_uuid(TckNWFilterBuilder *b, const char *uuid);
void tck_nwfilter_builder_add_filterref(TckNWFilterBuilder *b, const char *filter);
/**
 * tck_nwfilter_builder_add_rule:
 * @action: "accept", "drop", "reject", "return", "continue"
 * @direction: "in", "out", "inout"
 * @priority: -1000..1000
 * @protocol: the match element ("mac", "arp", "ip", "ipv6", "tcp", "udp", "icmp", "all", ...)
 * @attrs: (nullable): NULL-terminated attribute, value, ... pairs on the match
 */
void tck_nwfilter_builder_add_rule(TckNWFilterBuilder *b, const char *action, const char *direction,
                                   int priority, const char *protocol, const char *const *attrs);
char *tck_nwfilter_builder_to_xml(TckNWFilterBuilder *b, GError **error);
/* A <filterbinding> for virNWFilterBindingCreateXML: the owner (a guest's
 * name and UUID), the host device the filter goes on, its MAC, the filter
 * and its parameters (NULL-terminated name, value, ...; nullable). */
char *tck_nwfilter_binding_xml(const char *owner_name, const char *owner_uuid, const char *portdev,
                               const char *mac, const char *filter, const char *const *params,
                               GError **error);
void tck_nwfilter_builder_free(TckNWFilterBuilder *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckNWFilterBuilder, tck_nwfilter_builder_free)

/* ==== Secrets ======================================================== */

typedef struct _TckSecretBuilder TckSecretBuilder;

TckSecretBuilder *tck_secret_builder_new(gboolean ephemeral, gboolean private_);
void tck_secret_builder_set_uuid(TckSecretBuilder *b, const char *uuid);
void tck_secret_builder_set_description(TckSecretBuilder *b, const char *text);
/* usage: "volume" (path), "ceph" (name), "iscsi" (target), "tls" (name), "vtpm" (name). */
void tck_secret_builder_set_usage(TckSecretBuilder *b, const char *type, const char *id);
char *tck_secret_builder_to_xml(TckSecretBuilder *b, GError **error);
void tck_secret_builder_free(TckSecretBuilder *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckSecretBuilder, tck_secret_builder_free)

/* ==== Domain snapshots =============================================== */

typedef struct _TckSnapshotBuilder TckSnapshotBuilder;

TckSnapshotBuilder *tck_snapshot_builder_new(const char *name);
void tck_snapshot_builder_set_description(TckSnapshotBuilder *b, const char *text);
/* memory: "no", "internal", "external" (file required for external). */
void tck_snapshot_builder_set_memory(TckSnapshotBuilder *b, const char *snapshot, const char *file);
/* disk: snapshot "no", "internal", "external" (external: file and format). */
void tck_snapshot_builder_add_disk(TckSnapshotBuilder *b, const char *disk, const char *snapshot,
                                   const char *file, const char *format);
char *tck_snapshot_builder_to_xml(TckSnapshotBuilder *b, GError **error);
void tck_snapshot_builder_free(TckSnapshotBuilder *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckSnapshotBuilder, tck_snapshot_builder_free)

G_END_DECLS
