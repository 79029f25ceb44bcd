/*
 * 070-forward-route — a routed network forwards its subnet, unmasqueraded.
 *
 * Create a network with <forward mode='route'/> on a free subnet.  Where
 * the driver realises it on this host: the kernel has its bridge with the
 * gateway address; the firewall forwards the subnet both ways and never
 * masquerades it.  After destroy, the bridge and every rule naming it or
 * the subnet are gone.
 */
#include <config.h>
#include "host-side.h"

static const TckTestInfo info = {
    .summary = "a routed network: its bridge, forwarding both ways, no NAT",
    .plan = 7 + 3,
    .needs = (const char *const[]){ "network", NULL },
};

static const HostRule expect[] = {
    { "filter", { "-s", "@CIDR", "-i", "@BRIDGE", "-j", "ACCEPT" }, TRUE,
      "the firewall forwards the subnet out of the bridge" },
    { "filter", { "-d", "@CIDR", "-o", "@BRIDGE", "-j", "ACCEPT" }, TRUE,
      "the firewall forwards traffic for the subnet into the bridge" },
    { "nat", { "-s", "@CIDR" }, FALSE,
      "no NAT rule names the subnet" },
};

int
main(int argc, char **argv)
{
    TckTest *t = tck_test_begin(&info, argc, argv);

    return forward_scenario(t, "route", expect, G_N_ELEMENTS(expect));
}
