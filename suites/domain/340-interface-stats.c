/*
 * 340-interface-stats — a running guest's network interface counts its
 * traffic.
 *
 * Start an isolated network of the test's own, define the generic guest
 * with an interface on it, start the guest.  The live XML names the interface's host device;
 * virDomainInterfaceStats on it returns counters (known, or -1), and so
 * does the interface's MAC address.  An unknown device is refused with
 * VIR_ERR_INVALID_ARG.  A driver answering VIR_ERR_NO_SUPPORT skips.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "interface statistics of a running guest's NIC",
    .plan = 7,
    .needs = (const char *const[]){ "domain", "network", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "ifstats");
    virNetworkPtr net = tck_test_network(t, "ifstats-net");
    g_autofree char *mac = tck_random_mac();
    g_autofree char *dtype = tck_domain_xml_type(xml);
    TckInterfaceSpec spec = { .type = "network", .source = virNetworkGetName(net), .mac = mac };
    g_autoptr(GError) error = NULL;
    g_autofree char *nic = tck_device_interface_xml(dtype, &spec, &error);
    g_autofree char *with_nic = NULL, *live = NULL, *ifname = NULL, *inactive = NULL, *mac_seen = NULL;
    g_autofree char *mac_in_config = g_strdup_printf("/domain/devices/interface/mac[@address='%s']/@address", mac);
    g_autofree char *mac_path = g_strdup_printf("/domain/devices/interface[mac/@address='%s']/target/@dev", mac);
    virDomainInterfaceStatsStruct st;
    virDomainPtr dom;

    if (!nic)
        tck_bail_out(t, "cannot build the interface: %s", error->message);

    tck_diag(t, "Defining the guest with an interface on network %s", virNetworkGetName(net));
    if (!(with_nic = tck_xml_add_child(xml, "/domain/devices", nic, &error)))
        tck_bail_out(t, "cannot add the interface: %s", error->message);
    dom = tck_ok_domain(t, virDomainDefineXML(conn, with_nic), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    inactive = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    mac_seen = tck_xml_get_text(inactive, mac_in_config);
    tck_is_str(t, mac_seen, mac, "the config has the interface");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");

    live = virDomainGetXMLDesc(dom, 0);
    ifname = tck_xml_get_text(live, mac_path);
    tck_ok(t, ifname != NULL, "the live XML names the interface's host device (%s)", ifname ? ifname : "none");

    tck_diag(t, "Reading the interface statistics");
    if (virDomainInterfaceStats(dom, ifname ? ifname : mac, &st, sizeof(st)) < 0 &&
        tck_skip_unsupported(t, 2, "interface statistics (virDomainInterfaceStats)")) {
        ;
    } else {
        tck_ok(t, st.rx_bytes >= -1 && st.tx_bytes >= -1 && st.rx_packets >= -1 && st.tx_packets >= -1,
               "the counters of %s are known or -1 (rx %lld, tx %lld bytes)", ifname, st.rx_bytes, st.tx_bytes);
        tck_ok_call(t, virDomainInterfaceStats(dom, mac, &st, sizeof(st)),
                    "the same interface is found by its MAC address");
    }
    tck_ok_error(t, virDomainInterfaceStats(dom, "tck-no-such-nic", &st, sizeof(st)), VIR_ERR_INVALID_ARG,
                 "statistics of an unknown interface are refused");

    virDomainFree(dom);
    virNetworkFree(net);
    return tck_test_end(t);
}
