/*
 * 050-forward-isolated — an isolated network talks to nobody but the host.
 *
 * Create a network without <forward> on a free subnet.  Where the driver
 * realises it on this host: the kernel has its bridge with the gateway
 * address, and the firewall refuses traffic in and out of the bridge,
 * lets the bridge's guests talk among themselves, and neither forwards
 * nor masquerades the subnet.  After destroy, the bridge and every rule
 * naming it or the subnet are gone.
 */
#include <config.h>
#include "host-side.h"

static const TckTestInfo info = {
    .summary = "an isolated network: its bridge, and a firewall that keeps it in",
    .plan = 7 + 4,
    .needs = (const char *const[]){ "network", NULL },
};

static const HostRule expect[] = {
    { "filter", { "-i", "@BRIDGE", "-j", "REJECT" }, TRUE,
      "the firewall rejects what leaves the bridge" },
    { "filter", { "-o", "@BRIDGE", "-j", "REJECT" }, TRUE,
      "the firewall rejects what enters the bridge" },
    { "filter", { "-s", "@CIDR", "-j", "ACCEPT" }, FALSE,
      "no rule lets the subnet out" },
    { "nat", { "-s", "@CIDR" }, FALSE,
      "no NAT rule names the subnet" },
};

int
main(int argc, char **argv)
{
    TckTest *t = tck_test_begin(&info, argc, argv);

    return forward_scenario(t, NULL, expect, G_N_ELEMENTS(expect));
}
