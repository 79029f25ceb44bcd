/*
 * 040-state-errors — start and destroy only apply in the right state.
 *
 * Destroying a defined network that is not running is refused with
 * VIR_ERR_OPERATION_INVALID ("network is not active"); starting a network
 * that already runs is refused the same way ("network is already
 * active").  Both leave the network as it was.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "destroy of an inactive network and start of an active one are refused",
    .plan = 7,
    .needs = (const char *const[]){ "network", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = tck_test_network_new(t, "state", NULL, FALSE);
    virNetworkPtr net;

    tck_diag(t, "Defining the network %s", n->name);
    net = tck_ok_network(t, virNetworkDefineXML(conn, n->xml), "defined the network");
    if (!net)
        tck_bail_out(t, "cannot go on without the network");

    tck_diag(t, "Destroying the network while it is inactive");
    tck_ok_error(t, virNetworkDestroy(net), VIR_ERR_OPERATION_INVALID,
                 "destroy of an inactive network is refused");
    tck_is_int(t, virNetworkIsActive(net), 0, "the network is still inactive");

    tck_diag(t, "Starting the network twice");
    tck_ok_call(t, virNetworkCreate(net), "started the network");
    tck_ok_error(t, virNetworkCreate(net), VIR_ERR_OPERATION_INVALID,
                 "start of an active network is refused");
    tck_is_int(t, virNetworkIsActive(net), 1, "the network still runs");

    tck_ok_call(t, virNetworkDestroy(net), "destroyed the running network");
    virNetworkFree(net);

    return tck_test_end(t);
}
