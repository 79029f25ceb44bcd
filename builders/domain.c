/*
 * domain.c — the domain XML builder: os and boot, features, lifecycle
 * actions, and every device kind the tests use.
 */
#include <config.h>

#include <tck/builders.h>
#include <tck/error.h>
#include "builder-private.h"

struct _TckDomainBuilder {
    TckXmlBuild x;
    char *domain_type;
    char *os_type;
    xmlNodePtr os;
    xmlNodePtr features;
    xmlNodePtr devices;
    xmlNodePtr metadata;
    xmlNodePtr oem_strings;
    gboolean has_kernel;
    gboolean has_boot_dev;
    gboolean has_init;
    gboolean has_memory;
};

/* Which buses can hold which disk device. */
typedef struct {
    const char *device;
    const char *const buses[7];
} TckDeviceBuses;

static const TckDeviceBuses tck_device_buses[] = {
    { "disk", { "virtio", "ide", "sata", "scsi", "usb", "xen", "sd" } },
    { "cdrom", { "ide", "sata", "scsi", "usb", "xen", NULL } },
    { "floppy", { "fdc", NULL } },
    { "lun", { "virtio", "scsi", NULL } },
};

TckDomainBuilder *
tck_domain_builder_new(const char *domain_type, const char *name)
{
    TckDomainBuilder *b = g_new0(TckDomainBuilder, 1);

    tck_build_init(&b->x, "domain");
    b->domain_type = g_strdup(domain_type);
    tck_build_prop(&b->x, b->x.root, "type", domain_type);
    if (!domain_type || !*domain_type)
        tck_build_fail(&b->x, "a domain needs a type");
    if (!name || !*name)
        tck_build_fail(&b->x, "a domain needs a name");
    else
        tck_build_child(&b->x, b->x.root, "name", name);
    return b;
}

void
tck_domain_builder_free(TckDomainBuilder *b)
{
    if (!b)
        return;
    tck_build_clear(&b->x);
    g_free(b->domain_type);
    g_free(b->os_type);
    g_free(b);
}

void
tck_domain_builder_set_uuid(TckDomainBuilder *b, const char *uuid)
{
    if (!uuid || !g_uuid_string_is_valid(uuid)) {
        tck_build_fail(&b->x, "'%s' is not a UUID", uuid ? uuid : "(none)");
        return;
    }
    tck_build_child(&b->x, b->x.root, "uuid", uuid);
}

void
tck_domain_builder_set_memory(TckDomainBuilder *b, guint64 kib)
{
    g_autofree char *text = g_strdup_printf("%" G_GUINT64_FORMAT, kib);
    xmlNodePtr node;

    if (kib == 0) {
        tck_build_fail(&b->x, "a domain needs more than 0 KiB of memory");
        return;
    }
    node = tck_build_child(&b->x, b->x.root, "memory", text);
    tck_build_prop(&b->x, node, "unit", "KiB");
    node = tck_build_child(&b->x, b->x.root, "currentMemory", text);
    tck_build_prop(&b->x, node, "unit", "KiB");
    b->has_memory = TRUE;
}

void
tck_domain_builder_set_vcpus(TckDomainBuilder *b, guint vcpus)
{
    g_autofree char *text = g_strdup_printf("%u", vcpus);

    if (vcpus == 0) {
        tck_build_fail(&b->x, "a domain needs at least one vcpu");
        return;
    }
    tck_build_child(&b->x, b->x.root, "vcpu", text);
}

void
tck_domain_builder_set_description(TckDomainBuilder *b, const char *text)
{
    tck_build_child(&b->x, b->x.root, "description", text);
}

void
tck_domain_builder_set_os(TckDomainBuilder *b, const char *os_type, const char *arch,
                          const char *machine)
{
    xmlNodePtr type;

    if (b->os) {
        tck_build_fail(&b->x, "the os type is already set to %s", b->os_type);
        return;
    }
    if (!os_type || !*os_type) {
        tck_build_fail(&b->x, "a domain needs an os type");
        return;
    }
    b->os_type = g_strdup(os_type);
    b->os = tck_build_child(&b->x, b->x.root, "os", NULL);
    type = tck_build_child(&b->x, b->os, "type", os_type);
    tck_build_prop(&b->x, type, "arch", arch);
    tck_build_prop(&b->x, type, "machine", machine);
}

/* The <os> element, for calls that add to it after set_os(). */
static xmlNodePtr
tck_domain_builder_os(TckDomainBuilder *b, const char *what)
{
    if (!b->os)
        tck_build_fail(&b->x, "%s needs the os type first (tck_domain_builder_set_os)", what);
    return b->os;
}

static gboolean
tck_domain_builder_is_container(TckDomainBuilder *b)
{
    return b->os_type && g_str_equal(b->os_type, "exe");
}

void
tck_domain_builder_set_loader(TckDomainBuilder *b, const char *path)
{
    xmlNodePtr os = tck_domain_builder_os(b, "a loader");

    if (os)
        tck_build_child(&b->x, os, "loader", path);
}

void
tck_domain_builder_add_oem_string(TckDomainBuilder *b, const char *value)
{
    xmlNodePtr os = tck_domain_builder_os(b, "an SMBIOS OEM string");
    xmlNodePtr sysinfo;

    if (!os)
        return;
    if (!value || !*value) {
        tck_build_fail(&b->x, "an SMBIOS OEM string cannot be empty");
        return;
    }
    if (!b->oem_strings) {
        sysinfo = tck_build_child(&b->x, b->x.root, "sysinfo", NULL);
        tck_build_prop(&b->x, sysinfo, "type", "smbios");
        b->oem_strings = tck_build_child(&b->x, sysinfo, "oemStrings", NULL);
        tck_build_prop(&b->x, tck_build_child(&b->x, os, "smbios", NULL), "mode", "sysinfo");
    }
    tck_build_child(&b->x, b->oem_strings, "entry", value);
}

void
tck_domain_builder_set_kernel(TckDomainBuilder *b, const char *kernel, const char *initrd,
                              const char *cmdline)
{
    xmlNodePtr os = tck_domain_builder_os(b, "a kernel");

    if (!os)
        return;
    if (tck_domain_builder_is_container(b)) {
        tck_build_fail(&b->x, "a container (os type exe) cannot boot a kernel");
        return;
    }
    if (!kernel || !*kernel) {
        tck_build_fail(&b->x, "direct kernel boot needs a kernel path");
        return;
    }
    tck_build_child(&b->x, os, "kernel", kernel);
    if (initrd)
        tck_build_child(&b->x, os, "initrd", initrd);
    if (cmdline)
        tck_build_child(&b->x, os, "cmdline", cmdline);
    b->has_kernel = TRUE;
}

void
tck_domain_builder_add_boot_device(TckDomainBuilder *b, const char *dev)
{
    xmlNodePtr os = tck_domain_builder_os(b, "a boot device");

    if (!os || !tck_build_need(&b->x, "boot device", dev))
        return;
    if (tck_domain_builder_is_container(b)) {
        tck_build_fail(&b->x, "a container (os type exe) has no boot device");
        return;
    }
    tck_build_prop(&b->x, tck_build_child(&b->x, os, "boot", NULL), "dev", dev);
    b->has_boot_dev = TRUE;
}

void
tck_domain_builder_set_init(TckDomainBuilder *b, const char *init)
{
    xmlNodePtr os = tck_domain_builder_os(b, "an init");

    if (!os)
        return;
    if (!tck_domain_builder_is_container(b)) {
        tck_build_fail(&b->x, "<init> is for containers (os type exe), not %s", b->os_type);
        return;
    }
    tck_build_child(&b->x, os, "init", init);
    b->has_init = TRUE;
}

void
tck_domain_builder_add_initenv(TckDomainBuilder *b, const char *name, const char *value)
{
    xmlNodePtr os = tck_domain_builder_os(b, "an initenv");

    if (!os)
        return;
    if (!b->has_init) {
        tck_build_fail(&b->x, "<initenv name='%s'> needs an <init> first", name ? name : "");
        return;
    }
    if (!name || !*name || !g_regex_match_simple("^[a-zA-Z_][a-zA-Z0-9_]*$", name, 0, 0)) {
        tck_build_fail(&b->x, "'%s' is not an environment variable name", name ? name : "");
        return;
    }
    tck_build_prop(&b->x, tck_build_child(&b->x, os, "initenv", value), "name", name);
}

void
tck_domain_builder_add_feature(TckDomainBuilder *b, const char *feature)
{
    if (!tck_build_need(&b->x, "feature", feature))
        return;
    if (!b->features)
        b->features = tck_build_child(&b->x, b->x.root, "features", NULL);
    tck_build_child_once(&b->x, b->features, feature);
}

void
tck_domain_builder_set_on_event(TckDomainBuilder *b, const char *event, const char *action)
{
    g_autofree char *element = NULL;
    g_autofree char *what = NULL;

    if (!tck_build_need(&b->x, "lifecycle event", event))
        return;
    /* <on_poweroff>, <on_reboot>, <on_crash>, or whatever a test sends */
    element = g_strconcat("on_", event, NULL);
    what = g_strdup_printf("%s action", element);
    if (tck_build_need(&b->x, what, action))
        tck_build_child(&b->x, b->x.root, element, action);
}

static xmlNodePtr
tck_domain_builder_devices(TckDomainBuilder *b)
{
    if (!b->devices)
        b->devices = tck_build_child(&b->x, b->x.root, "devices", NULL);
    return b->devices;
}

void
tck_domain_builder_set_emulator(TckDomainBuilder *b, const char *path)
{
    tck_build_child(&b->x, tck_domain_builder_devices(b), "emulator", path);
}

static gboolean
tck_disk_bus_fits(TckXmlBuild *x, const char *device, const char *bus, const char *domain_type)
{
    for (gsize i = 0; i < G_N_ELEMENTS(tck_device_buses); i++) {
        if (!g_str_equal(tck_device_buses[i].device, device))
            continue;
        for (gsize j = 0; j < G_N_ELEMENTS(tck_device_buses[i].buses) &&
                          tck_device_buses[i].buses[j]; j++) {
            if (g_str_equal(tck_device_buses[i].buses[j], bus))
                goto fits;
        }
        tck_build_fail(x, "a %s cannot sit on bus %s", device, bus);
        return FALSE;
    }
 fits:
    if (g_str_equal(bus, "xen") && domain_type &&
        !g_str_equal(domain_type, "xen") && !g_str_equal(domain_type, "test")) {
        tck_build_fail(x, "bus xen needs a xen domain, not %s", domain_type);
        return FALSE;
    }
    return TRUE;
}

void
tck_domain_builder_add_disk(TckDomainBuilder *b, const TckDiskSpec *disk)
{
    const char *type = disk->type ? disk->type : "file";
    const char *device = disk->device ? disk->device : "disk";
    xmlNodePtr node, source, target;

    if (!tck_build_need(&b->x, "disk type", type) ||
        !tck_build_need(&b->x, "disk device", device))
        return;
    if (disk->bus && (!tck_build_need(&b->x, "disk bus", disk->bus) ||
                      !tck_disk_bus_fits(&b->x, device, disk->bus, b->domain_type)))
        return;
    if (!disk->target || !*disk->target) {
        tck_build_fail(&b->x, "a disk needs a target device name");
        return;
    }
    if (tck_domain_builder_is_container(b)) {
        tck_build_fail(&b->x, "a container (os type exe) takes filesystems, not disks");
        return;
    }

    node = tck_build_child(&b->x, tck_domain_builder_devices(b), "disk", NULL);
    tck_build_prop(&b->x, node, "type", type);
    tck_build_prop(&b->x, node, "device", device);
    if (disk->driver || disk->format) {
        xmlNodePtr driver = tck_build_child(&b->x, node, "driver", NULL);

        tck_build_prop(&b->x, driver, "name", disk->driver ? disk->driver : "qemu");
        tck_build_prop(&b->x, driver, "type", disk->format);
    }

    if (g_str_equal(type, "network")) {
        if (!tck_build_need(&b->x, "network disk protocol", disk->protocol))
            return;
        if (!disk->host) {
            tck_build_fail(&b->x, "a network disk (%s) needs a host", disk->protocol);
            return;
        }
        source = tck_build_child(&b->x, node, "source", NULL);
        tck_build_prop(&b->x, source, "protocol", disk->protocol);
        tck_build_prop(&b->x, source, "name", disk->source);
        node = tck_build_child(&b->x, source, "host", NULL);
        tck_build_prop(&b->x, node, "name", disk->host);
        tck_build_prop(&b->x, node, "port", disk->port);
        node = source->parent;  /* back to <disk> for the target */
    } else if (g_str_equal(type, "volume")) {
        if (!disk->pool || !disk->volume) {
            tck_build_fail(&b->x, "a volume disk needs a pool and a volume");
            return;
        }
        source = tck_build_child(&b->x, node, "source", NULL);
        tck_build_prop(&b->x, source, "pool", disk->pool);
        tck_build_prop(&b->x, source, "volume", disk->volume);
    } else if (disk->source) {
        static const char *const attr_of[] = { "file", "dev", "dir" };
        gsize which = g_str_equal(type, "file") ? 0 : g_str_equal(type, "block") ? 1 : 2;

        source = tck_build_child(&b->x, node, "source", NULL);
        tck_build_prop(&b->x, source, attr_of[which], disk->source);
    } else if (g_str_equal(device, "disk") || g_str_equal(device, "lun")) {
        /* Only removable media may be empty. */
        tck_build_fail(&b->x, "a %s (%s) needs a source", device, disk->target);
        return;
    }

    target = tck_build_child(&b->x, node, "target", NULL);
    tck_build_prop(&b->x, target, "dev", disk->target);
    tck_build_prop(&b->x, target, "bus", disk->bus);
    if (disk->boot_order) {
        if (b->has_boot_dev) {
            tck_build_fail(&b->x, "per-device boot order and <os><boot dev=...> cannot be mixed");
            return;
        }
        tck_build_prop_uint(&b->x, tck_build_child(&b->x, node, "boot", NULL), "order",
                            disk->boot_order);
    }
    if (disk->readonly)
        tck_build_child(&b->x, node, "readonly", NULL);
}

void
tck_domain_builder_add_interface(TckDomainBuilder *b, const TckInterfaceSpec *nic)
{
    xmlNodePtr node, source;

    if (!tck_build_need(&b->x, "interface type", nic->type))
        return;
    if (!g_str_equal(nic->type, "user") && !g_str_equal(nic->type, "ethernet") && !nic->source) {
        tck_build_fail(&b->x, "a %s interface needs a source", nic->type);
        return;
    }
    if (g_str_equal(nic->type, "direct") && nic->mode &&
        !tck_build_need(&b->x, "direct interface mode", nic->mode))
        return;
    if (nic->mac && !g_regex_match_simple("^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$", nic->mac, 0, 0)) {
        tck_build_fail(&b->x, "'%s' is not a MAC address", nic->mac);
        return;
    }

    node = tck_build_child(&b->x, tck_domain_builder_devices(b), "interface", NULL);
    tck_build_prop(&b->x, node, "type", nic->type);
    if (nic->mac)
        tck_build_prop(&b->x, tck_build_child(&b->x, node, "mac", NULL), "address", nic->mac);
    if (nic->source && !g_str_equal(nic->type, "user") && !g_str_equal(nic->type, "ethernet")) {
        static const struct { const char *type, *attr; } attr_of[] = {
            { "network", "network" }, { "bridge", "bridge" }, { "direct", "dev" },
        };

        source = tck_build_child(&b->x, node, "source", NULL);
        for (gsize i = 0; i < G_N_ELEMENTS(attr_of); i++) {
            if (g_str_equal(attr_of[i].type, nic->type))
                tck_build_prop(&b->x, source, attr_of[i].attr, nic->source);
        }
        if (g_str_equal(nic->type, "direct"))
            tck_build_prop(&b->x, source, "mode", nic->mode ? nic->mode : "vepa");
    }
    if (nic->model)
        tck_build_prop(&b->x, tck_build_child(&b->x, node, "model", NULL), "type", nic->model);
    if (nic->filter)
        tck_build_filterref(&b->x, node, nic->filter, nic->filter_params);
    else if (nic->filter_params)
        tck_build_fail(&b->x, "filter parameters need a filter");
}

static void
tck_domain_builder_add_chr(TckDomainBuilder *b, const char *element, const TckCharSpec *chr)
{
    xmlNodePtr node, target;

    if (!tck_build_need(&b->x, "character device type", chr->type))
        return;
    if (g_str_equal(chr->type, "file") && (!chr->path || !*chr->path)) {
        tck_build_fail(&b->x, "a file %s needs a path", element);
        return;
    }
    if (chr->target_type && g_str_equal(element, "console") &&
        !tck_build_need(&b->x, "console target", chr->target_type))
        return;

    node = tck_build_child(&b->x, tck_domain_builder_devices(b), element, NULL);
    tck_build_prop(&b->x, node, "type", chr->type);
    if (g_str_equal(chr->type, "file")) {
        tck_build_prop(&b->x, tck_build_child(&b->x, node, "source", NULL), "path", chr->path);
    } else if (g_str_equal(chr->type, "nmdm")) {
        g_autofree char *master = g_strdup_printf("/dev/nmdm%dA", chr->port);
        g_autofree char *slave = g_strdup_printf("/dev/nmdm%dB", chr->port);
        xmlNodePtr source = tck_build_child(&b->x, node, "source", NULL);

        tck_build_prop(&b->x, source, "master", chr->path ? chr->path : master);
        tck_build_prop(&b->x, source, "slave", slave);
    }
    target = tck_build_child(&b->x, node, "target", NULL);
    tck_build_prop(&b->x, target, "type", chr->target_type);
    tck_build_prop_uint(&b->x, target, "port", (guint64) MAX(chr->port, 0));
    if (chr->log) {
        xmlNodePtr log = tck_build_child(&b->x, node, "log", NULL);

        tck_build_prop(&b->x, log, "file", chr->log);
        tck_build_prop(&b->x, log, "append", "off");
    }
}

void
tck_domain_builder_add_serial(TckDomainBuilder *b, const TckCharSpec *chr)
{
    tck_domain_builder_add_chr(b, "serial", chr);
}

void
tck_domain_builder_add_console(TckDomainBuilder *b, const TckCharSpec *chr)
{
    tck_domain_builder_add_chr(b, "console", chr);
}

void
tck_domain_builder_add_graphics(TckDomainBuilder *b, const char *type, const char *listen)
{
    xmlNodePtr node;

    if (!tck_build_need(&b->x, "graphics type", type))
        return;
    if (tck_domain_builder_is_container(b)) {
        tck_build_fail(&b->x, "a container (os type exe) has no %s display", type);
        return;
    }
    node = tck_build_child(&b->x, tck_domain_builder_devices(b), "graphics", NULL);
    tck_build_prop(&b->x, node, "type", type);
    if (g_str_equal(type, "vnc") || g_str_equal(type, "spice"))
        tck_build_prop(&b->x, node, "autoport", "yes");
    if (listen) {
        xmlNodePtr l = tck_build_child(&b->x, node, "listen", NULL);

        tck_build_prop(&b->x, l, "type", "address");
        tck_build_prop(&b->x, l, "address", listen);
    }
}

void
tck_domain_builder_set_video(TckDomainBuilder *b, const char *model)
{
    xmlNodePtr video;

    if (!tck_build_need(&b->x, "video model", model))
        return;
    video = tck_build_child(&b->x, tck_domain_builder_devices(b), "video", NULL);
    tck_build_prop(&b->x, tck_build_child(&b->x, video, "model", NULL), "type", model);
}

void
tck_domain_builder_add_filesystem(TckDomainBuilder *b, const TckFilesystemSpec *fs)
{
    const char *type = fs->type ? fs->type : "mount";
    xmlNodePtr node;

    if (!tck_build_need(&b->x, "filesystem type", type))
        return;
    if (!fs->source || !*fs->source || !fs->target || !*fs->target) {
        tck_build_fail(&b->x, "a %s filesystem needs a source and a target", type);
        return;
    }
    if (g_str_equal(type, "template") && b->domain_type && !g_str_equal(b->domain_type, "openvz") &&
        !g_str_equal(b->domain_type, "test")) {
        tck_build_fail(&b->x, "template filesystems are for openvz, not %s", b->domain_type);
        return;
    }
    node = tck_build_child(&b->x, tck_domain_builder_devices(b), "filesystem", NULL);
    tck_build_prop(&b->x, node, "type", type);
    tck_build_prop(&b->x, tck_build_child(&b->x, node, "source", NULL),
                   g_str_equal(type, "mount") ? "dir" : "name", fs->source);
    tck_build_prop(&b->x, tck_build_child(&b->x, node, "target", NULL), "dir", fs->target);
    if (fs->readonly)
        tck_build_child(&b->x, node, "readonly", NULL);
}

void
tck_domain_builder_add_rng(TckDomainBuilder *b, const char *device)
{
    xmlNodePtr rng, backend;

    if (!device || !g_str_has_prefix(device, "/dev/")) {
        tck_build_fail(&b->x, "an rng backend must be a /dev path, not '%s'", device ? device : "");
        return;
    }
    rng = tck_build_child(&b->x, tck_domain_builder_devices(b), "rng", NULL);
    tck_build_prop(&b->x, rng, "model", "virtio");
    backend = tck_build_child(&b->x, rng, "backend", device);
    tck_build_prop(&b->x, backend, "model", "random");
}

void
tck_domain_builder_add_metadata(TckDomainBuilder *b, const char *ns_uri, const char *prefix,
                                const char *element, const char *const *children)
{
    xmlNodePtr node;
    xmlNsPtr ns;

    if (!ns_uri || !prefix || !element || xmlValidateNCName(BAD_CAST prefix, 0) != 0) {
        tck_build_fail(&b->x, "metadata needs a namespace URI, a prefix and an element name");
        return;
    }
    if (xmlValidateNCName(BAD_CAST element, 0) != 0) {
        tck_build_fail(&b->x, "'%s' is not an XML element name", element);
        return;
    }
    if (!b->metadata)
        b->metadata = tck_build_child(&b->x, b->x.root, "metadata", NULL);
    node = tck_build_child(&b->x, b->metadata, element, NULL);
    ns = xmlNewNs(node, BAD_CAST ns_uri, BAD_CAST prefix);
    xmlSetNs(node, ns);
    for (gsize i = 0; children && children[i] && children[i + 1]; i += 2) {
        if (xmlValidateNCName(BAD_CAST children[i], 0) != 0) {
            tck_build_fail(&b->x, "'%s' is not an XML element name", children[i]);
            return;
        }
        xmlSetNs(tck_build_child(&b->x, node, children[i], children[i + 1]), ns);
    }
}

char *
tck_domain_builder_to_xml(TckDomainBuilder *b, GError **error)
{
    if (!b->os)
        tck_build_fail(&b->x, "a domain needs an os type (tck_domain_builder_set_os)");
    if (!b->has_memory)
        tck_build_fail(&b->x, "a domain needs memory (tck_domain_builder_set_memory)");
    if (b->has_kernel && b->has_boot_dev)
        tck_build_fail(&b->x, "direct kernel boot and <boot dev=...> cannot be combined");
    if (tck_domain_builder_is_container(b) && !b->has_init &&
        b->domain_type && g_str_equal(b->domain_type, "lxc"))
        tck_build_fail(&b->x, "an LXC container needs an <init>");
    return tck_build_finish(&b->x, "domain", error);
}
