/*
 * 020-persistent-lifecycle — a defined network outlives its bridge.
 *
 * Define an isolated network (inactive, persistent), start it (active),
 * destroy it (the config stays: a lookup still finds it, inactive), then
 * undefine it: a lookup now fails with VIR_ERR_NO_NETWORK.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "define, start, destroy and undefine a persistent network",
    .plan = 9,
    .needs = (const char *const[]){ "network", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = tck_test_network_new(t, "persistent", NULL, FALSE);
    virNetworkPtr net, found;

    tck_diag(t, "Defining the network %s on %s", n->name, n->subnet.cidr);
    net = tck_ok_network(t, virNetworkDefineXML(conn, n->xml), "defined the persistent network");
    if (!net)
        tck_bail_out(t, "cannot go on without the network");
    tck_is_int(t, virNetworkIsActive(net), 0, "the defined network is inactive");
    tck_is_int(t, virNetworkIsPersistent(net), 1, "the defined network is persistent");

    tck_diag(t, "Starting the network");
    tck_ok_call(t, virNetworkCreate(net), "started the network");
    tck_is_int(t, virNetworkIsActive(net), 1, "the started network is active");

    tck_diag(t, "Destroying the network: its config stays");
    tck_ok_call(t, virNetworkDestroy(net), "destroyed the network");
    found = virNetworkLookupByName(conn, n->name);
    tck_ok(t, found && virNetworkIsActive(found) == 0,
           "the destroyed network is still defined, and inactive");
    if (found)
        virNetworkFree(found);

    tck_diag(t, "Undefining the network");
    tck_ok_call(t, virNetworkUndefine(net), "undefined the network");
    virNetworkFree(net);
    tck_ok_error(t, virNetworkLookupByName(conn, n->name), VIR_ERR_NO_NETWORK,
                 "NO_NETWORK error raised from the undefined network");

    return tck_test_end(t);
}
