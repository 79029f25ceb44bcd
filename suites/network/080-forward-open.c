/*
 * 080-forward-open — an open network leaves the firewall alone.
 *
 * Create a network with <forward mode='open'/> on a free subnet.  Where
 * the driver realises it on this host: the kernel has its bridge with the
 * gateway address, and libvirt adds no firewall rule at all for it (the
 * point of "open").  After destroy, the bridge is gone.
 */
#include <config.h>
#include "host-side.h"

static const TckTestInfo info = {
    .summary = "an open network: its bridge, and no firewall rule for it",
    .plan = 7 + 3,
    .needs = (const char *const[]){ "network", NULL },
};

static const HostRule expect[] = {
    { NULL, { "-i", "@BRIDGE" }, FALSE, "no rule filters what leaves the bridge" },
    { NULL, { "-o", "@BRIDGE" }, FALSE, "no rule filters what enters the bridge" },
    { NULL, { "-s", "@CIDR" }, FALSE, "no rule names the subnet" },
};

int
main(int argc, char **argv)
{
    TckTest *t = tck_test_begin(&info, argc, argv);

    return forward_scenario(t, "open", expect, G_N_ELEMENTS(expect));
}
