/*
 * 060-forward-nat — a NAT network masquerades its subnet while it runs.
 *
 * Create a network with <forward mode='nat'/> on a free subnet.  Where
 * the driver realises it on this host: the kernel has its bridge with the
 * gateway address; the firewall masquerades the subnet towards anything
 * outside it, lets the subnet out of the bridge and only replies back in.
 * After destroy, the bridge and every rule naming it or the subnet
 * (the NAT rules included) are gone.
 */
#include <config.h>
#include "host-side.h"

static const TckTestInfo info = {
    .summary = "a NAT network: its bridge, and NAT rules that exist only while it runs",
    .plan = 7 + 3,
    .needs = (const char *const[]){ "network", NULL },
};

static const HostRule expect[] = {
    { "nat", { "-s", "@CIDR", "-j", "MASQUERADE" }, TRUE,
      "the firewall masquerades the subnet" },
    { "filter", { "-s", "@CIDR", "-i", "@BRIDGE", "-j", "ACCEPT" }, TRUE,
      "the firewall lets the subnet out of the bridge" },
    { "filter", { "-d", "@CIDR", "-o", "@BRIDGE", "--ctstate", "RELATED,ESTABLISHED" }, TRUE,
      "the firewall lets only replies back in" },
};

int
main(int argc, char **argv)
{
    TckTest *t = tck_test_begin(&info, argc, argv);

    return forward_scenario(t, "nat", expect, G_N_ELEMENTS(expect));
}
