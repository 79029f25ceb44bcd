/*
 * 385-host-pci-hotplug — a host PCI device the config offers is passed to a
 * running guest and taken back.
 *
 * Only the first device of the config's host_pci_devices is used: the
 * user gave it to the kit to take over.  Without one the test skips,
 * naming the key.  Start the generic guest, attach the device
 * (virDomainAttachDeviceFlags, LIVE): the live XML has a <hostdev> of
 * type pci; detach it: the live XML has none.  A driver that cannot pass
 * host devices through answers VIR_ERR_NO_SUPPORT or
 * VIR_ERR_OPERATION_UNSUPPORTED: skipped.
 */
#include <config.h>
#include <tck/tck.h>

#define KEY "host_pci_devices"

static const TckTestInfo info = {
    .summary = "a host PCI device from the config is hot-plugged and unplugged",
    .plan = 5,
    .needs = (const char *const[]){ "domain", "config:" KEY, NULL },
};

#define UNPLUG_WAIT_S 30

static const char *
field(TckTest *t, const char *path)
{
    return tck_config_get_string(tck_test_config(t), path);
}

static int
hostdevs(virDomainPtr dom)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, 0);
    g_auto(GStrv) all = tck_xml_get_strv(xml, "/domain/devices/hostdev[@type='pci']/@type");

    return (int) g_strv_length(all);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(GError) error = NULL;
    g_autofree char *dev = NULL, *xml = NULL;
    virDomainPtr dom;
    int ret;

    if (!tck_config_lookup(tck_test_config(t), KEY "/0"))
        tck_skip_all(t, "the config key " KEY " lists no device the tests may take over");
    if (!(dev = tck_device_hostdev_pci_xml(field(t, KEY "/0/domain"), field(t, KEY "/0/bus"),
                                     field(t, KEY "/0/slot"), field(t, KEY "/0/function"), &error)))
        tck_bail_out(t, "config key " KEY ": %s", error->message);
    xml = tck_generic_domain_xml(t, "hostdev");

    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Attaching the host PCI device");
    ret = virDomainAttachDeviceFlags(dom, dev, VIR_DOMAIN_AFFECT_LIVE);
    if (ret < 0 && tck_skip_unsupported(t, 4, "host PCI device passthrough (virDomainAttachDeviceFlags)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok_call(t, ret, "attached the host PCI device");
    tck_is_int(t, hostdevs(dom), 1, "the live XML has the pci hostdev");

    tck_diag(t, "Detaching the host PCI device");
    tck_ok_call(t, virDomainDetachDeviceFlags(dom, dev, VIR_DOMAIN_AFFECT_LIVE), "asked to detach it");
    for (int waited = 0; waited < UNPLUG_WAIT_S * 10 && hostdevs(dom) > 0; waited++)
        g_usleep(100 * 1000);
    tck_is_int(t, hostdevs(dom), 0, "the live XML has no pci hostdev any more");

    virDomainFree(dom);
    return tck_test_end(t);
}
