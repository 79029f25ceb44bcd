/*
 * 100-dhcp-lease — a guest on the network gets a lease, and libvirt knows.
 *
 * Create an isolated network with a DHCP range, boot a guest with one NIC
 * on it (a MAC of our choosing) whose /init runs busybox udhcpc.  The
 * lease then shows in virNetworkGetDHCPLeases for that MAC: IPv4, an
 * address inside the range, the /24 prefix and the network's bridge.
 * Needs guest code to run: the DHCP client is in the guest.
 */
#include <config.h>
#include <stdlib.h>
#include "host-side.h"

static const TckTestInfo info = {
    .summary = "a booted guest's DHCP lease shows in virNetworkGetDHCPLeases",
    .plan = 8,
    .needs = (const char *const[]){ "network", "domain", "guest-boots", NULL },
    /* Booting guests under TCG: one such test at a time keeps them in time. */
    .exclusive = (const char *const[]){ "guest-boot", NULL },
};

/* Seconds from the marker to the lease (udhcpc retries every 2 s). */
#define LEASE_TIMEOUT_S 90

static gboolean
in_range(const TckSubnet *s, const char *ip)
{
    g_auto(GStrv) got = g_strsplit(ip ? ip : "", ".", 4);
    g_auto(GStrv) lo = g_strsplit(s->dhcp_start, ".", 4);
    g_auto(GStrv) hi = g_strsplit(s->dhcp_end, ".", 4);

    if (g_strv_length(got) != 4)
        return FALSE;
    for (int i = 0; i < 3; i++)
        if (!g_str_equal(got[i], lo[i]))
            return FALSE;
    return atoi(got[3]) >= atoi(lo[3]) && atoi(got[3]) <= atoi(hi[3]);
}

/* The first lease of @mac, waiting up to LEASE_TIMEOUT_S; NULL if none. */
static virNetworkDHCPLeasePtr
wait_lease(TckTest *t, virNetworkPtr net, const char *mac)
{
    gint64 end = g_get_monotonic_time() + LEASE_TIMEOUT_S * G_USEC_PER_SEC;

    while (g_get_monotonic_time() < end) {
        virNetworkDHCPLeasePtr *leases = NULL;
        int n = virNetworkGetDHCPLeases(net, mac, &leases, 0);

        if (n < 0) {
            tck_diag(t, "virNetworkGetDHCPLeases failed: %s", virGetLastErrorMessage());
            return NULL;
        }
        for (int i = 1; i < n; i++)
            virNetworkDHCPLeaseFree(leases[i]);
        if (n > 0) {
            virNetworkDHCPLeasePtr lease = leases[0];

            free(leases);
            return lease;
        }
        free(leases);
        g_usleep(G_USEC_PER_SEC);
    }
    return NULL;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = NULL;
    g_autofree char *xml = NULL;
    char mac[18];
    TckGuestNic nic = { .dhcp = TRUE };
    virNetworkDHCPLeasePtr lease;
    virNetworkPtr net;
    virDomainPtr dom;

    n = tck_test_network_new(t, "lease", NULL, TRUE);
    g_snprintf(mac, sizeof(mac), "52:54:00:%02x:%02x:%02x", g_random_int_range(0, 256),
               g_random_int_range(0, 256), g_random_int_range(0, 256));
    nic.network = n->name;
    nic.mac = mac;
    xml = tck_generic_domain_xml_with_nic(t, "guest", &nic);

    tck_diag(t, "Creating the network %s with DHCP range %s-%s", n->name, n->subnet.dhcp_start,
             n->subnet.dhcp_end);
    net = tck_ok_network(t, virNetworkCreateXML(conn, n->xml), "created the network with a DHCP range");
    if (!net)
        tck_bail_out(t, "cannot go on without the network");

    tck_diag(t, "Booting a guest with MAC %s on the network", mac);
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest on the network");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok(t, tck_wait_guest_ready(t, dom, 180), "the guest booted and printed its marker");

    tck_diag(t, "Waiting for the guest's lease");
    lease = wait_lease(t, net, mac);
    if (!tck_ok(t, lease != NULL, "virNetworkGetDHCPLeases lists a lease for %s", mac)) {
        tck_skip(t, 2, "no lease to look at");
    } else {
        tck_diag(t, "lease: %s/%u on %s", lease->ipaddr, lease->prefix, lease->iface);
        tck_ok(t, lease->type == VIR_IP_ADDR_TYPE_IPV4 && in_range(&n->subnet, lease->ipaddr) &&
                  lease->prefix == n->subnet.prefix,
               "the lease is an IPv4 address inside the range, prefix /%u", n->subnet.prefix);
        tck_is_str(t, lease->iface, n->bridge, "the lease is on the network's bridge");
        virNetworkDHCPLeaseFree(lease);
    }

    tck_diag(t, "Destroying the guest and the network");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the guest");
    virDomainFree(dom);
    tck_ok_call(t, virNetworkDestroy(net), "destroyed the network");
    virNetworkFree(net);

    return tck_test_end(t);
}
