/*
 * test-network.c — a test's own virtual network: a subnet nobody on the
 * host or the connection uses, a bridge name with the run id, the XML.
 */
#include <config.h>

#include <arpa/inet.h>

#include <tck/builders.h>
#include <tck/hostnet.h>
#include <tck/network.h>
#include <tck/xml.h>
#include "test-private.h"

/* Tries before giving up: 10.0.0.0/8 has 65536 /24s, a crowded host uses few. */
#define TCK_SUBNET_TRIES 200

/* The IPv4 <ip> prefixes of every network on @conn, as "address/prefix". */
static GPtrArray *
connection_subnets(TckTest *t, virConnectPtr conn)
{
    GPtrArray *subnets = g_ptr_array_new_with_free_func(g_free);
    virNetworkPtr *nets = NULL;
    int n = virConnectListAllNetworks(conn, &nets, 0);

    if (n < 0)
        tck_bail_out(t, "cannot list the networks of %s: %s", tck_test_uri(t),
                     virGetLastErrorMessage());
    for (int i = 0; i < n; i++) {
        g_autofree char *xml = virNetworkGetXMLDesc(nets[i], 0);
        g_auto(GStrv) ips = NULL;

        /* A network another test just undefined is fine to miss. */
        if (xml) {
            ips = tck_xml_get_texts(xml, "/network/ip[not(@family) or @family='ipv4']/@address");
            for (guint k = 0; ips && ips[k]; k++) {
                g_autofree char *path = g_strdup_printf("/network/ip[@address='%s']", ips[k]);
                g_autofree char *p_prefix = g_strdup_printf("%s/@prefix", path);
                g_autofree char *p_mask = g_strdup_printf("%s/@netmask", path);
                g_autofree char *prefix = tck_xml_get_text(xml, p_prefix);
                g_autofree char *mask = tck_xml_get_text(xml, p_mask);
                guint len = 24;
                struct in_addr m;

                if (prefix)
                    len = (guint) g_ascii_strtoull(prefix, NULL, 10);
                else if (mask && inet_pton(AF_INET, mask, &m) == 1)
                    len = (guint) __builtin_popcount(m.s_addr);
                g_ptr_array_add(subnets, g_strdup_printf("%s/%u", ips[k], len));
            }
        }
        virNetworkFree(nets[i]);
    }
    g_free(nets);
    virResetLastError();
    return subnets;
}

static gboolean
overlaps_any(GPtrArray *subnets, const char *network, guint prefix)
{
    struct in_addr want;

    inet_pton(AF_INET, network, &want);
    for (guint i = 0; i < subnets->len; i++) {
        g_auto(GStrv) parts = g_strsplit(g_ptr_array_index(subnets, i), "/", 2);
        struct in_addr have;
        guint len = MIN((guint) g_ascii_strtoull(parts[1], NULL, 10), prefix);
        guint32 mask = len ? htonl(~0u << (32 - len)) : 0;

        if (inet_pton(AF_INET, parts[0], &have) == 1 && (have.s_addr & mask) == (want.s_addr & mask))
            return TRUE;
    }
    return FALSE;
}

void
tck_subnet_choose(TckTest *t, TckSubnet *subnet)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckHostNet) host = tck_host_net_read(&error);
    g_autoptr(GPtrArray) used = NULL;

    if (!host)
        tck_bail_out(t, "cannot ask the kernel for free subnets: %s", error->message);
    used = connection_subnets(t, tck_test_connect(t));
    for (guint i = 0; i < TCK_SUBNET_TRIES; i++) {
        guint r = (guint) g_random_int_range(1, 255), s = (guint) g_random_int_range(0, 256);
        char net[16];

        g_snprintf(net, sizeof(net), "10.%u.%u.0", r, s);
        if (tck_host_net_overlaps(host, net, 24) || overlaps_any(used, net, 24))
            continue;
        *subnet = (TckSubnet) { .prefix = 24 };
        g_strlcpy(subnet->network, net, sizeof(subnet->network));
        g_snprintf(subnet->gateway, sizeof(subnet->gateway), "10.%u.%u.1", r, s);
        g_snprintf(subnet->host, sizeof(subnet->host), "10.%u.%u.50", r, s);
        g_snprintf(subnet->spare, sizeof(subnet->spare), "10.%u.%u.60", r, s);
        g_snprintf(subnet->dhcp_start, sizeof(subnet->dhcp_start), "10.%u.%u.100", r, s);
        g_snprintf(subnet->dhcp_end, sizeof(subnet->dhcp_end), "10.%u.%u.199", r, s);
        g_snprintf(subnet->cidr, sizeof(subnet->cidr), "10.%u.%u.0/24", r, s);
        return;
    }
    tck_bail_out(t, "no free 10.x.y.0/24 found in %d tries", TCK_SUBNET_TRIES);
}

/* "tck" + the run id + 4 hex digits: 15 characters, the kernel's limit. */
static void
choose_bridge(TckTest *t, char bridge[16])
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckHostNet) host = tck_host_net_read(&error);

    if (!host)
        tck_bail_out(t, "cannot ask the kernel for link names: %s", error->message);
    do {
        g_snprintf(bridge, 16, "tck%.8s%04x", tck_test_run_id(t), g_random_int_range(0, 0x10000));
    } while (tck_host_net_link_kind(host, bridge));
}

TckTestNetwork *
tck_test_network_new(TckTest *t, const char *suffix, const char *forward, gboolean dhcp)
{
    g_autoptr(TckTestNetwork) n = g_new0(TckTestNetwork, 1);
    g_autoptr(TckNetworkBuilder) b = NULL;
    g_autoptr(GError) error = NULL;

    tck_subnet_choose(t, &n->subnet);
    choose_bridge(t, n->bridge);
    n->name = tck_own(t, TCK_OBJECT_NETWORK, suffix, NULL);

    b = tck_network_builder_new(n->name);
    if (forward)
        tck_network_builder_set_forward(b, forward, NULL);
    tck_network_builder_set_bridge(b, n->bridge, FALSE);
    tck_network_builder_add_ip(b, n->subnet.gateway, n->subnet.prefix);
    if (dhcp)
        tck_network_builder_add_dhcp_range(b, n->subnet.dhcp_start, n->subnet.dhcp_end);
    if (!(n->xml = tck_network_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build the network %s: %s", n->name, error->message);
    return g_steal_pointer(&n);
}

void
tck_test_network_free(TckTestNetwork *n)
{
    if (!n)
        return;
    g_free(n->xml);
    g_free(n);
}
