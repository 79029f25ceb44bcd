/*
 * 030-autostart — only a persistent network can start with the host.
 *
 * On a defined network, autostart is off, can be turned on (and reads
 * back on) and off again.  On a transient network there is no config to
 * start from: turning autostart on is refused with
 * VIR_ERR_OPERATION_INVALID ("cannot set autostart for transient
 * network", the network driver's code), and autostart still reads off.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "autostart works on a persistent network and is refused on a transient one",
    .plan = 8,
    .needs = (const char *const[]){ "network", NULL },
};

static int
autostart_of(virNetworkPtr net)
{
    int on = -1;

    if (virNetworkGetAutostart(net, &on) < 0)
        return -1;
    return on;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) p = tck_test_network_new(t, "persistent", NULL, FALSE);
    g_autoptr(TckTestNetwork) tr = tck_test_network_new(t, "transient", NULL, FALSE);
    virNetworkPtr net, transient;

    tck_diag(t, "Defining the persistent network %s", p->name);
    net = tck_ok_network(t, virNetworkDefineXML(conn, p->xml), "defined the persistent network");
    if (!net)
        tck_bail_out(t, "cannot go on without the network");
    tck_is_int(t, autostart_of(net), 0, "a newly defined network does not autostart");
    tck_ok_call(t, virNetworkSetAutostart(net, 1), "turned autostart on");
    tck_is_int(t, autostart_of(net), 1, "autostart reads back on");
    tck_ok_call(t, virNetworkSetAutostart(net, 0), "turned autostart off again");
    virNetworkFree(net);

    tck_diag(t, "Creating the transient network %s", tr->name);
    transient = tck_ok_network(t, virNetworkCreateXML(conn, tr->xml), "created the transient network");
    if (!transient)
        tck_bail_out(t, "cannot go on without the transient network");
    tck_ok_error(t, virNetworkSetAutostart(transient, 1), VIR_ERR_OPERATION_INVALID,
                 "autostart on a transient network is refused");
    tck_is_int(t, autostart_of(transient), 0, "the transient network still does not autostart");
    virNetworkFree(transient);

    return tck_test_end(t);
}
