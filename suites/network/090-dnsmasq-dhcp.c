/*
 * 090-dnsmasq-dhcp — a network with a DHCP range has a dnsmasq serving it.
 *
 * Create an isolated network with a DHCP range on a free subnet.  On the
 * host, a dnsmasq runs for it, listening on the network's bridge and
 * handing out exactly that range.  After destroy no dnsmasq of the
 * network is left.  Only where the driver realises networks on this host.
 */
#include <config.h>
#include <string.h>
#include "host-side.h"

static const TckTestInfo info = {
    .summary = "dnsmasq serves a network's DHCP range while it runs, and goes with it",
    .plan = 6,
    .needs = (const char *const[]){ "network", "guest-boots", NULL },
};

/* Waits up to 10 s for the number of dnsmasq processes of @name to be 0. */
static guint
dnsmasq_after_destroy(const char *name)
{
    guint n = host_side_dnsmasq(name, NULL);

    for (int i = 0; i < 100 && n > 0; i++) {
        g_usleep(100 * 1000);
        n = host_side_dnsmasq(name, NULL);
    }
    return n;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = tck_test_network_new(t, "dhcp", NULL, TRUE);
    g_autofree char *conf_file = NULL, *conf = NULL, *range = NULL, *iface = NULL;
    g_auto(GStrv) lines = NULL;
    virNetworkPtr net;


    tck_diag(t, "Creating the network %s with DHCP range %s-%s", n->name, n->subnet.dhcp_start,
             n->subnet.dhcp_end);
    net = tck_ok_network(t, virNetworkCreateXML(conn, n->xml), "created the network with a DHCP range");
    if (!net)
        tck_bail_out(t, "cannot go on without the network");

    tck_diag(t, "Looking for the network's dnsmasq among the host's processes");
    tck_ok(t, host_side_dnsmasq(n->name, &conf_file) > 0, "a dnsmasq runs for the network");
    if (conf_file && g_file_get_contents(conf_file, &conf, NULL, NULL))
        lines = g_strsplit(conf, "\n", -1);
    for (guint i = 0; lines && lines[i]; i++) {
        if (g_str_has_prefix(lines[i], "dhcp-range=") && !range)
            range = g_strdup(lines[i] + strlen("dhcp-range="));
        if (g_str_has_prefix(lines[i], "interface=") && !iface)
            iface = g_strdup(lines[i] + strlen("interface="));
    }
    tck_diag(t, "dnsmasq's config: %s", conf_file ? conf_file : "(none)");
    tck_is_str(t, iface, n->bridge, "dnsmasq listens on the network's bridge");
    tck_ok(t, range && g_str_has_prefix(range, n->subnet.dhcp_start) &&
              strstr(range, n->subnet.dhcp_end),
           "dnsmasq hands out the range %s-%s (got %s)", n->subnet.dhcp_start, n->subnet.dhcp_end,
           range ? range : "none");

    tck_diag(t, "Destroying the network");
    tck_ok_call(t, virNetworkDestroy(net), "destroyed the network");
    virNetworkFree(net);
    tck_is_int(t, dnsmasq_after_destroy(n->name), 0, "no dnsmasq of the network is left");

    return tck_test_end(t);
}
