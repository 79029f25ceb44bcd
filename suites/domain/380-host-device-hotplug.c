/*
 * 380-host-device-hotplug — host devices the config offers are passed to
 * a running guest and taken back.
 *
 * Only the first device of each of the config's allow-lists is used:
 * host_usb_devices (vendor and product, or bus and device) and
 * host_pci_devices (domain, bus, slot, function); the user gave them to
 * the kit to take over.  For a list that names nothing, its checks skip,
 * naming the key.  For each device: start the generic guest, attach it
 * (virDomainAttachDeviceFlags, LIVE): the live XML has a <hostdev> of its
 * type; detach it: the live XML has none.  A driver that cannot pass host
 * devices through answers VIR_ERR_NO_SUPPORT or
 * VIR_ERR_OPERATION_UNSUPPORTED: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "host USB and PCI devices from the config are hot-plugged and unplugged",
    .plan = 10,
    .needs = (const char *const[]){ "domain", NULL },
};

#define UNPLUG_WAIT_S 30
#define CHECKS_PER_DEVICE 5

typedef char *(*HostdevXml)(const char *, const char *, const char *, const char *, GError **);

/* The allow-lists: their key, the <hostdev> type, and the four fields the builder takes. */
static const struct {
    const char *key;
    const char *type;
    const char *what;
    const char *fields[4];
    HostdevXml build;
} hostdevs[] = {
    { "host_usb_devices", "usb", "host USB device", { "vendor", "product", "bus", "device" },
      tck_device_hostdev_usb_xml },
    { "host_pci_devices", "pci", "host PCI device", { "domain", "bus", "slot", "function" },
      tck_device_hostdev_pci_xml },
};

static int
count_hostdevs(virDomainPtr dom, const char *type)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, 0);
    g_autofree char *path = g_strdup_printf("/domain/devices/hostdev[@type='%s']/@type", type);
    g_auto(GStrv) all = tck_xml_get_strv(xml, path);

    return (int) g_strv_length(all);
}

/* One device: CHECKS_PER_DEVICE checks, run or skipped. */
static void
hotplug(TckTest *t, gsize i)
{
    TckConfig *cfg = tck_test_config(t);
    g_autofree char *first = g_strdup_printf("%s/0", hostdevs[i].key);
    const char *f[4];
    g_autofree char *dev = NULL, *xml = NULL, *suffix = NULL, *feature = NULL;
    g_autoptr(GError) error = NULL;
    virDomainPtr dom;
    int ret;

    if (!tck_config_lookup(cfg, first)) {
        tck_skip(t, CHECKS_PER_DEVICE, "the config key %s lists no device the tests may take over",
                 hostdevs[i].key);
        return;
    }
    for (gsize k = 0; k < 4; k++) {
        g_autofree char *path = g_strdup_printf("%s/%s", first, hostdevs[i].fields[k]);

        f[k] = tck_config_get_string(cfg, path);
    }
    if (!(dev = hostdevs[i].build(f[0], f[1], f[2], f[3], &error)))
        tck_bail_out(t, "config key %s: %s", hostdevs[i].key, error->message);
    suffix = g_strdup_printf("hostdev-%s", hostdevs[i].type);
    xml = tck_generic_domain_xml(t, suffix);

    tck_diag(t, "Starting a guest for the %s", hostdevs[i].what);
    dom = tck_ok_domain(t, virDomainCreateXML(tck_test_connect(t), xml, 0), "started a guest for the %s",
                        hostdevs[i].what);
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    ret = virDomainAttachDeviceFlags(dom, dev, VIR_DOMAIN_AFFECT_LIVE);
    feature = g_strdup_printf("%s passthrough (virDomainAttachDeviceFlags)", hostdevs[i].what);
    if (ret < 0 && tck_skip_unsupported(t, CHECKS_PER_DEVICE - 1, feature)) {
        virDomainFree(dom);
        return;
    }
    tck_ok_call(t, ret, "attached the %s", hostdevs[i].what);
    tck_is_int(t, count_hostdevs(dom, hostdevs[i].type), 1, "the live XML has the %s hostdev", hostdevs[i].type);
    tck_ok_call(t, virDomainDetachDeviceFlags(dom, dev, VIR_DOMAIN_AFFECT_LIVE), "asked to detach it");
    for (int waited = 0; waited < UNPLUG_WAIT_S * 10 && count_hostdevs(dom, hostdevs[i].type) > 0; waited++)
        g_usleep(100 * 1000);
    tck_is_int(t, count_hostdevs(dom, hostdevs[i].type), 0, "the live XML has no %s hostdev any more",
               hostdevs[i].type);
    virDomainFree(dom);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);

    for (gsize i = 0; i < G_N_ELEMENTS(hostdevs); i++)
        hotplug(t, i);
    return tck_test_end(t);
}
