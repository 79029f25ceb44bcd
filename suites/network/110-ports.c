/*
 * 110-ports — a network hands out ports, and takes them back.
 *
 * On a running isolated network, create a port for an owner (a name and
 * UUID of ours; no guest is needed) with a MAC.  The port is listed by
 * the network, found by its UUID, its XML keeps the owner and MAC, and
 * the network filled in the plug: its own bridge.  Deleting it makes a
 * lookup fail with VIR_ERR_NO_NETWORK_PORT.  A driver without ports
 * (VIR_ERR_NO_SUPPORT) skips, naming the call.
 */
#include <config.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "create, list, look up and delete a network port",
    .plan = 9,
    .needs = (const char *const[]){ "network", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = tck_test_network_new(t, "ports", NULL, FALSE);
    g_autofree char *owner_uuid = g_uuid_string_random();
    g_autofree char *port_uuid = g_uuid_string_random();
    g_autofree char *port_xml = NULL, *xml = NULL, *got_owner = NULL, *got_mac = NULL;
    g_autofree char *got_bridge = NULL;
    g_autoptr(GError) error = NULL;
    const char *owner = tck_name(t, "owner");
    const char *mac = "52:54:00:7c:4b:01";
    char uuid[VIR_UUID_STRING_BUFLEN];
    virNetworkPortPtr *ports = NULL;
    virNetworkPortPtr port, found;
    virNetworkPtr net;
    int nports, mine = 0;

    if (!(port_xml = tck_network_port_xml(port_uuid, owner, owner_uuid, mac, &error)))
        tck_bail_out(t, "%s", error->message);

    tck_diag(t, "Creating the network %s", n->name);
    net = tck_ok_network(t, virNetworkCreateXML(conn, n->xml), "created the network");
    if (!net)
        tck_bail_out(t, "cannot go on without the network");

    tck_diag(t, "Creating a port for %s with MAC %s", owner, mac);
    port = virNetworkPortCreateXML(net, port_xml, 0);
    if (!port && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
        tck_skip_all(t, "the %s driver has no network ports (virNetworkPortCreateXML)",
                     tck_test_driver(t));
    if (!tck_ok(t, port != NULL, "created a port on the network"))
        tck_bail_out(t, "cannot go on without the port: %s", virGetLastErrorMessage());
    virNetworkPortGetUUIDString(port, uuid);
    tck_is_str(t, uuid, port_uuid, "the port has the UUID it was given");

    nports = virNetworkListAllPorts(net, &ports, 0);
    for (int i = 0; i < nports; i++) {
        char other[VIR_UUID_STRING_BUFLEN];

        virNetworkPortGetUUIDString(ports[i], other);
        mine += g_str_equal(other, uuid);
        virNetworkPortFree(ports[i]);
    }
    free(ports);
    tck_is_int(t, mine, 1, "the network lists the port once");

    found = virNetworkPortLookupByUUIDString(net, uuid);
    tck_ok(t, found != NULL, "a lookup by UUID finds the port");
    if (found)
        virNetworkPortFree(found);

    xml = virNetworkPortGetXMLDesc(port, 0);
    got_owner = xml ? tck_xml_get_text(xml, "/networkport/owner/name") : NULL;
    got_mac = xml ? tck_xml_get_text(xml, "/networkport/mac/@address") : NULL;
    got_bridge = xml ? tck_xml_get_text(xml, "/networkport/plug/@bridge") : NULL;
    tck_ok(t, g_strcmp0(got_owner, owner) == 0 && g_strcmp0(got_mac, mac) == 0,
           "the port's XML keeps its owner and MAC");
    tck_is_str(t, got_bridge, n->bridge, "the network plugged the port into its bridge");

    tck_diag(t, "Deleting the port");
    tck_ok_call(t, virNetworkPortDelete(port, 0), "deleted the port");
    virNetworkPortFree(port);
    tck_ok_error(t, virNetworkPortLookupByUUIDString(net, uuid), VIR_ERR_NO_NETWORK_PORT,
                 "NO_NETWORK_PORT error raised from the deleted port");

    virNetworkDestroy(net);
    virNetworkFree(net);
    return tck_test_end(t);
}
