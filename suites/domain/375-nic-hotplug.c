/*
 * 375-nic-hotplug — network interfaces come and go on a running guest.
 *
 * Start an isolated network of the test's own and the generic guest
 * (persistent, so that its config stands apart from its live state), and
 * wait for the guest's marker (an unplug needs the guest's cooperation).
 * Hot-plug two interfaces with MAC addresses of their own
 * (virDomainAttachDeviceFlags, LIVE): the live XML lists both, in that
 * order, and the config neither.  Unplug the first
 * (virDomainDetachDeviceFlags, LIVE): once the guest lets it go, the live
 * XML lists only the second.  A driver that cannot hot-plug interfaces
 * answers VIR_ERR_NO_SUPPORT or VIR_ERR_OPERATION_UNSUPPORTED: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "two NICs hot-plugged and one unplugged on a running guest",
    .plan = 8,
    .needs = (const char *const[]){ "domain", "network", NULL },
};

#define UNPLUG_WAIT_S 60

static char *
macs(virDomainPtr dom, unsigned int flags)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, flags);
    g_auto(GStrv) all = tck_xml_get_strv(xml, "/domain/devices/interface/mac/@address");

    return g_strjoinv(" ", all);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "nic-hotplug");
    g_autofree char *dtype = tck_domain_xml_type(xml);
    virNetworkPtr net = tck_test_network(t, "nic-net");
    g_auto(GStrv) mac = g_new0(char *, 3);
    g_auto(GStrv) nic = g_new0(char *, 3);
    g_autofree char *both = NULL, *live = NULL, *config = NULL;
    virDomainPtr dom;
    int ret;

    mac[0] = tck_random_mac();
    mac[1] = tck_random_mac();
    for (int i = 0; i < 2; i++) {
        TckInterfaceSpec spec = { .type = "network", .source = virNetworkGetName(net), .mac = mac[i] };
        g_autoptr(GError) error = NULL;

        if (!(nic[i] = tck_device_interface_xml(dtype, &spec, &error)))
            tck_bail_out(t, "cannot build interface %d: %s", i, error->message);
    }
    both = g_strdup_printf("%s %s", mac[0], mac[1]);

    tck_diag(t, "Starting the generic guest");
    dom = virDomainDefineXML(conn, xml);
    if (!dom)
        tck_bail_out(t, "cannot define the guest: %s", virGetLastErrorMessage());
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    if (tck_guest_boots(t))
        tck_ok(t, tck_wait_guest_ready(t, dom, 120), "the guest booted and printed its marker");
    else
        tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));

    tck_diag(t, "Hot-plugging interfaces %s and %s", mac[0], mac[1]);
    ret = virDomainAttachDeviceFlags(dom, nic[0], VIR_DOMAIN_AFFECT_LIVE);
    if (ret < 0 && tck_skip_unsupported(t, 6, "interface hot-plug (virDomainAttachDeviceFlags)")) {
        virDomainFree(dom);
        virNetworkFree(net);
        return tck_test_end(t);
    }
    tck_ok_call(t, ret, "hot-plugged %s", mac[0]);
    tck_ok_call(t, virDomainAttachDeviceFlags(dom, nic[1], VIR_DOMAIN_AFFECT_LIVE), "hot-plugged %s", mac[1]);
    live = macs(dom, 0);
    tck_is_str(t, live, both, "the live XML lists both interfaces in order");
    config = macs(dom, VIR_DOMAIN_XML_INACTIVE);
    tck_is_str(t, config, "", "the config has neither");

    tck_diag(t, "Unplugging %s", mac[0]);
    tck_ok_call(t, virDomainDetachDeviceFlags(dom, nic[0], VIR_DOMAIN_AFFECT_LIVE), "asked to unplug %s", mac[0]);
    for (int waited = 0; waited < UNPLUG_WAIT_S * 10; waited++) {
        g_free(live);
        live = macs(dom, 0);
        if (!g_str_equal(live, both))
            break;
        g_usleep(100 * 1000);
    }
    tck_is_str(t, live, mac[1], "the live XML lists only %s", mac[1]);

    virDomainFree(dom);
    virNetworkFree(net);
    return tck_test_end(t);
}
