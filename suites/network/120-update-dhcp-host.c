/*
 * 120-update-dhcp-host — a running network takes a new DHCP host, live.
 *
 * On a defined, running network with a DHCP range, add a DHCP host entry
 * (a MAC and a fixed address) with virNetworkUpdate to the live state and
 * the config at once: the running network lists it.  Adding the same
 * entry again is refused with VIR_ERR_OPERATION_INVALID (the network
 * already has a host with that MAC).  Once the network is stopped, its
 * config still lists the entry; deleting it from the config takes it
 * out.  A driver without updates (VIR_ERR_NO_SUPPORT) skips.
 */
#include <config.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "add and delete a DHCP host on a running network (live and config)",
    .plan = 9,
    .needs = (const char *const[]){ "network", NULL },
};

static const unsigned int both = VIR_NETWORK_UPDATE_AFFECT_LIVE | VIR_NETWORK_UPDATE_AFFECT_CONFIG;

/* The fixed address @xml gives the DHCP host @mac, or NULL. */
static char *
host_ip(const char *xml, const char *mac)
{
    g_autofree char *path = g_strdup_printf("/network/ip/dhcp/host[@mac='%s']/@ip", mac);

    return xml ? tck_xml_get_text(xml, path) : NULL;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = tck_test_network_new(t, "update", NULL, TRUE);
    const char *mac = "52:54:00:7c:4b:02";
    g_autofree char *entry = NULL, *live = NULL, *config = NULL, *live_ip = NULL, *config_ip = NULL;
    g_autofree char *after = NULL, *after_ip = NULL;
    g_autoptr(GError) error = NULL;
    virNetworkPtr net;
    int ret;

    if (!(entry = tck_network_dhcp_host_xml(mac, NULL, n->subnet.host, &error)))
        tck_bail_out(t, "%s", error->message);

    tck_diag(t, "Defining and starting the network %s", n->name);
    net = tck_ok_network(t, virNetworkDefineXML(conn, n->xml), "defined the network");
    if (!net)
        tck_bail_out(t, "cannot go on without the network");
    tck_ok_call(t, virNetworkCreate(net), "started the network");

    tck_diag(t, "Adding the DHCP host %s -> %s, live and to the config", mac, n->subnet.host);
    ret = virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_ADD_LAST, VIR_NETWORK_SECTION_IP_DHCP_HOST,
                           -1, entry, both);
    if (ret < 0 && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
        tck_skip_all(t, "the %s driver cannot update networks (virNetworkUpdate)", tck_test_driver(t));
    tck_ok_call(t, ret, "added the DHCP host");
    live = virNetworkGetXMLDesc(net, 0);
    live_ip = host_ip(live, mac);
    tck_is_str(t, live_ip, n->subnet.host, "the running network lists the DHCP host");

    tck_diag(t, "Adding the same DHCP host again");
    tck_ok_error(t, virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_ADD_LAST,
                                     VIR_NETWORK_SECTION_IP_DHCP_HOST, -1, entry, both),
                 VIR_ERR_OPERATION_INVALID, "a second DHCP host with the same MAC is refused");

    tck_diag(t, "Stopping the network: what is left is its config");
    tck_ok_call(t, virNetworkDestroy(net), "destroyed the network");
    config = virNetworkGetXMLDesc(net, 0);
    config_ip = host_ip(config, mac);
    tck_is_str(t, config_ip, n->subnet.host, "the network's config kept the DHCP host");

    tck_diag(t, "Deleting the DHCP host from the config");
    tck_ok_call(t, virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_DELETE,
                                    VIR_NETWORK_SECTION_IP_DHCP_HOST, -1, entry,
                                    VIR_NETWORK_UPDATE_AFFECT_CONFIG),
                "deleted the DHCP host");
    after = virNetworkGetXMLDesc(net, 0);
    after_ip = host_ip(after, mac);
    tck_ok(t, after && !after_ip, "the config no longer lists the DHCP host");

    virNetworkFree(net);
    return tck_test_end(t);
}
