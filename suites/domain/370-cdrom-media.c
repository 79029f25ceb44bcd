/*
 * 370-cdrom-media — a running guest's cdrom takes media and gives it back.
 *
 * Define the generic guest with an empty cdrom, start it.  Insert a medium
 * (virDomainUpdateDeviceFlags, LIVE, the same cdrom with a source): the
 * live XML shows it, the config stays empty.  Change it for another
 * medium: the live XML shows the new one.  Eject it (the cdrom without a
 * source): the live XML has no source.  The cdrom's bus is the plan's, or
 * the first of ide, sata, scsi the domain capabilities offer.  A driver
 * that cannot change media answers VIR_ERR_NO_SUPPORT: skipped.
 *
 * Where guest code runs, the guest is started paused (it is active all
 * the same): a booting kernel probes the cdrom and closes its tray while
 * the driver opens it for the change, and QEMU then refuses the new medium
 * at random ("Tray of the device is not open", seen in about one run of
 * three under TCG).  What the guest does with its tray is the guest's
 * business; this scenario is the API's.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "cdrom media inserted, changed and ejected on a running guest",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

/* Buses a cdrom can sit on, in order of preference. */
static const char *const cdrom_buses[] = { "ide", "sata", "scsi", NULL };

static const char *
cdrom_bus(TckTest *t, const char *xml)
{
    const TckGuestPlan *plan = tck_test_plan(t);
    g_autofree char *dcaps = NULL, *type = tck_domain_xml_type(xml);
    g_auto(GStrv) offered = NULL;

    if (plan->cdrom_bus)
        return plan->cdrom_bus;
    dcaps = virConnectGetDomainCapabilities(tck_test_connect(t), NULL, plan->arch, plan->machine, type, 0);
    if (!dcaps) {
        virResetLastError();
        return cdrom_buses[0];
    }
    offered = tck_xml_get_strv(dcaps, "/domainCapabilities/devices/disk/enum[@name='bus']/value");
    for (gsize i = 0; cdrom_buses[i]; i++)
        if (g_strv_contains((const char *const *) offered, cdrom_buses[i]))
            return cdrom_buses[i];
    return NULL;
}

static char *
cdrom_xml(TckTest *t, const char *dtype, const char *bus, const char *target, const char *source)
{
    TckDiskSpec spec = { .device = "cdrom", .bus = bus, .target = target, .source = source, .readonly = TRUE };
    g_autoptr(GError) error = NULL;
    char *xml = tck_device_disk_xml(dtype, &spec, &error);

    if (!xml)
        tck_bail_out(t, "cannot build the cdrom: %s", error->message);
    return xml;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "cdrom");
    g_autofree char *dtype = tck_domain_xml_type(xml);
    const char *bus = NULL;
    g_autofree char *target = NULL, *empty = NULL, *disc1 = NULL, *disc2 = NULL;
    g_autofree char *with_cdrom = NULL, *path = NULL, *live = NULL, *inactive = NULL, *src = NULL;
    g_autofree char *medium1 = tck_test_disk(t, "medium-1", "raw");
    g_autofree char *medium2 = tck_test_disk(t, "medium-2", "raw");
    g_autoptr(GError) error = NULL;
    virDomainPtr dom;
    int ret;

    if (!tck_test_plan(t)->disk_bus)
        tck_skip_all(t, "the generic guest of the %s plan has no disks (a container takes filesystems)",
                     tck_test_driver(t));
    if (!(bus = cdrom_bus(t, xml)))
        tck_skip_all(t, "the domain capabilities offer none of the cdrom buses ide, sata, scsi");
    target = g_strdup_printf("%s", g_str_equal(bus, "ide") ? "hdc" : "sdc");
    path = g_strdup_printf("/domain/devices/disk[target/@dev='%s']/source/@file", target);
    empty = cdrom_xml(t, dtype, bus, target, NULL);
    disc1 = cdrom_xml(t, dtype, bus, target, medium1);
    disc2 = cdrom_xml(t, dtype, bus, target, medium2);

    tck_diag(t, "Defining the guest with an empty %s cdrom %s", bus, target);
    if (!(with_cdrom = tck_xml_add_child(xml, "/domain/devices", empty, &error)))
        tck_bail_out(t, "cannot add the cdrom: %s", error->message);
    dom = tck_ok_domain(t, virDomainDefineXML(conn, with_cdrom), "defined the guest with an empty cdrom");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    if (tck_guest_boots(t))
        tck_ok_call(t, virDomainCreateWithFlags(dom, VIR_DOMAIN_START_PAUSED), "started the guest, paused");
    else
        tck_ok_call(t, virDomainCreate(dom), "started the guest");

    tck_diag(t, "Inserting a medium");
    ret = virDomainUpdateDeviceFlags(dom, disc1, VIR_DOMAIN_AFFECT_LIVE);
    if (ret < 0 && tck_skip_unsupported(t, 7, "cdrom media change (virDomainUpdateDeviceFlags)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok_call(t, ret, "inserted %s", medium1);
    live = virDomainGetXMLDesc(dom, 0);
    src = tck_xml_get_text(live, path);
    tck_is_str(t, src, medium1, "the live XML shows the medium");
    inactive = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    g_free(src);
    src = tck_xml_get_text(inactive, path);
    tck_is_str(t, src, NULL, "the config's cdrom stays empty");

    tck_diag(t, "Changing the medium");
    tck_ok_call(t, virDomainUpdateDeviceFlags(dom, disc2, VIR_DOMAIN_AFFECT_LIVE), "changed to %s", medium2);
    g_free(live);
    g_free(src);
    live = virDomainGetXMLDesc(dom, 0);
    src = tck_xml_get_text(live, path);
    tck_is_str(t, src, medium2, "the live XML shows the new medium");

    tck_diag(t, "Ejecting the medium");
    tck_ok_call(t, virDomainUpdateDeviceFlags(dom, empty, VIR_DOMAIN_AFFECT_LIVE), "ejected the medium");
    g_free(live);
    g_free(src);
    live = virDomainGetXMLDesc(dom, 0);
    src = tck_xml_get_text(live, path);
    tck_is_str(t, src, NULL, "the live XML shows no medium");

    virDomainFree(dom);
    return tck_test_end(t);
}
