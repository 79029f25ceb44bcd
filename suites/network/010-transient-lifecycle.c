/*
 * 010-transient-lifecycle — a transient network lives only while it runs.
 *
 * Create an isolated network from XML (no config is kept): it is active,
 * not persistent, found by its UUID, and has the bridge it was given.
 * Destroy it, and a lookup by name fails with VIR_ERR_NO_NETWORK: nothing
 * of it is left.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "create a transient network, destroy it, and it is gone",
    .plan = 7,
    .needs = (const char *const[]){ "network", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = tck_test_network_new(t, "transient", NULL, FALSE);
    unsigned char uuid[VIR_UUID_BUFLEN];
    g_autofree char *bridge = NULL;
    virNetworkPtr net, found;

    tck_diag(t, "Creating the transient network %s on %s", n->name, n->subnet.cidr);
    net = tck_ok_network(t, virNetworkCreateXML(conn, n->xml), "created the transient network");
    if (!net)
        tck_bail_out(t, "cannot go on without the network");

    tck_is_int(t, virNetworkIsActive(net), 1, "the transient network is active");
    tck_is_int(t, virNetworkIsPersistent(net), 0, "the transient network has no persistent config");

    tck_diag(t, "Looking the network up by its UUID");
    virNetworkGetUUID(net, uuid);
    found = virNetworkLookupByUUID(conn, uuid);
    tck_is_str(t, found ? virNetworkGetName(found) : NULL, n->name,
               "a lookup by UUID finds the network by its name");
    if (found)
        virNetworkFree(found);
    bridge = virNetworkGetBridgeName(net);
    tck_is_str(t, bridge, n->bridge, "the network has the bridge it was given");

    tck_diag(t, "Destroying the transient network");
    tck_ok_call(t, virNetworkDestroy(net), "destroyed the transient network");
    virNetworkFree(net);

    tck_diag(t, "Checking that the transient network has gone away");
    tck_ok_error(t, virNetworkLookupByName(conn, n->name), VIR_ERR_NO_NETWORK,
                 "NO_NETWORK error raised from the destroyed transient network");

    return tck_test_end(t);
}
