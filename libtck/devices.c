/*
 * devices.c — disks of a test's own and skips for missing features
 * (see tck/devices.h).
 */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libvirt/virterror.h>

#include <tck/assets.h>
#include <tck/builders.h>
#include <tck/devices.h>
#include <tck/guest.h>
#include <tck/storage.h>
#include <tck/xml.h>
#include "test-private.h"

#define TCK_TEST_DISK_BYTES (16 * 1024 * 1024)

/* The driver's ways of saying "not here". */
static const int tck_unsupported_codes[] = {
    VIR_ERR_NO_SUPPORT,
    VIR_ERR_OPERATION_UNSUPPORTED,
    VIR_ERR_ARGUMENT_UNSUPPORTED,
    VIR_ERR_CONFIG_UNSUPPORTED,
};

char *
tck_test_disk(TckTest *t, const char *suffix, const char *format)
{
    g_autofree char *file = g_strdup_printf("%s.%s", suffix, format);
    g_autofree char *path = tck_host_file(t, file);
    TckConfig *cfg = tck_test_config(t);
    g_autofree char *cache = NULL, *source = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *data = NULL;
    gsize len = 0;

    if (g_str_equal(format, "raw") || !tck_guest_boots(t)) {
        if (!tck_host_file_make(t, path, TCK_TEST_DISK_BYTES, &error))
            tck_bail_out(t, "cannot create the disk: %s", error->message);
        return g_steal_pointer(&path);
    }
    if (!g_str_equal(format, "qcow2"))
        tck_bail_out(t, "tck_test_disk: unknown format '%s'", format);
    cache = g_strdup(tck_config_get_string(cfg, "asset_cache"));
    if (!cache)
        cache = tck_assets_default_cache_dir(tck_config_get_string(cfg, "scratch_dir"));
    if (!(source = tck_assets_lookup(cache, NULL, NULL, TCK_ASSET_DISK_QCOW2, &error)))
        tck_skip_all(t, "%s", error->message);
    /* An empty qcow2 disk is a few hundred KiB: one read, one write (a new file, the guest's to write:
     * the cache's files are read-only templates). */
    if (!g_file_get_contents(source, &data, &len, &error) ||
        !tck_host_file_write(t, path, 0, data, len, &error))
        tck_bail_out(t, "cannot copy %s to %s: %s", source, path, error->message);
    return g_steal_pointer(&path);
}

char *
tck_xml_with_qcow2_disk(TckTest *t, const char *xml, const char *suffix)
{
    static const char *const disk = "/domain/devices/disk[@device='disk'][1]";
    g_autofree char *source = g_strdup_printf("%s/source/@file", disk);
    g_autofree char *driver_type = g_strdup_printf("%s/driver/@type", disk);
    g_autofree char *old = tck_xml_get_text(xml, source);
    g_autofree char *path = NULL, *with_source = NULL, *with_driver = NULL;
    g_autofree char *driver_now = NULL;
    g_autoptr(GError) error = NULL;
    char *out;

    if (!old)
        return g_strdup(xml);
    path = tck_test_disk(t, suffix, "qcow2");
    if (!(with_source = tck_xml_set_text(xml, source, path, &error)))
        tck_bail_out(t, "cannot point the disk at %s: %s", path, error->message);
    driver_now = tck_xml_get_text(with_source, driver_type);
    if (!driver_now) {
        if (!(with_driver = tck_xml_add_child(with_source, disk, "<driver name='qemu' type='qcow2'/>", &error)))
            tck_bail_out(t, "cannot add the disk's driver: %s", error->message);
        /* libvirt wants <driver> before <source>; it reorders on define. */
        return g_steal_pointer(&with_driver);
    }
    if (!(out = tck_xml_set_text(with_source, driver_type, "qcow2", &error)))
        tck_bail_out(t, "cannot set the disk format: %s", error->message);
    return out;
}

virDomainSnapshotPtr
tck_snapshot_create(TckTest *t, virDomainPtr dom, const char *name, const char *description,
                    unsigned int flags)
{
    g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new(name);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;

    if (description)
        tck_snapshot_builder_set_description(b, description);
    if (!(xml = tck_snapshot_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build snapshot %s: %s", name, error->message);
    return virDomainSnapshotCreateXML(dom, xml, flags);
}

char *
tck_generic_disk_target(TckTest *t, const char *xml)
{
    char *target = tck_xml_get_text(xml, "/domain/devices/disk[@device='disk']/target/@dev");

    if (!target || !tck_test_plan(t)->disk_bus)
        tck_skip_all(t, "the generic guest of the %s plan has no disk (a container takes filesystems)",
                     tck_test_driver(t));
    return target;
}

int
tck_snapshot_count(virDomainPtr dom, unsigned int flags)
{
    virDomainSnapshotPtr *snaps = NULL;
    int n = virDomainListAllSnapshots(dom, &snaps, flags);

    for (int i = 0; i < n; i++)
        virDomainSnapshotFree(snaps[i]);
    free(snaps);
    return n;
}

gboolean
tck_unsupported(void)
{
    virErrorPtr err = virGetLastError();

    if (!err)
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(tck_unsupported_codes); i++)
        if (err->code == tck_unsupported_codes[i])
            return TRUE;
    /* A driver's flag check (virCheckFlags) says "unsupported flags (0x..)". */
    return err->code == VIR_ERR_INVALID_ARG && err->message &&
           strstr(err->message, "unsupported flags") != NULL;
}

gboolean
tck_skip_unsupported(TckTest *t, int count, const char *feature)
{
    g_autofree char *message = NULL;

    if (!tck_unsupported())
        return FALSE;
    /* The skip itself may call libvirt, which resets the last error. */
    message = g_strdup(virGetLastErrorMessage());
    tck_skip(t, count, "%s: not supported by the %s driver (%s)", feature, tck_test_driver(t), message);
    virResetLastError();
    return TRUE;
}

char *
tck_domain_xml_type(const char *xml)
{
    char *type = tck_xml_get_text(xml, "/domain/@type");

    return type ? type : g_strdup("test");
}

virNetworkPtr
tck_test_network(TckTest *t, const char *suffix)
{
    const char *name = tck_own(t, TCK_OBJECT_NETWORK, suffix, NULL);
    g_autoptr(TckNetworkBuilder) b = tck_network_builder_new(name);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = tck_network_builder_to_xml(b, &error);
    virNetworkPtr net;

    if (!xml)
        tck_bail_out(t, "cannot build the network %s: %s", name, error->message);
    if (!(net = virNetworkCreateXML(tck_test_connect(t), xml)))
        tck_bail_out(t, "cannot start the network %s: %s", name, virGetLastErrorMessage());
    return net;
}

char *
tck_random_mac(void)
{
    return g_strdup_printf("52:54:00:%02x:%02x:%02x", g_random_int_range(0, 256),
                           g_random_int_range(0, 256), g_random_int_range(0, 256));
}
