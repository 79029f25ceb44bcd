/*
 * network.c — the virtual network XML builder: forward modes, bridge,
 * IP ranges with DHCP, and bandwidth limits.
 */
#include <config.h>

#include <gio/gio.h>

#include <tck/builders.h>
#include <tck/error.h>
#include "builder-private.h"

struct _TckNetworkBuilder {
    TckXmlBuild x;
    char *forward_mode;
    xmlNodePtr last_ip;
    GInetAddressMask *last_mask;
    gboolean has_ip;
    gboolean has_bandwidth;
};

/* Forward modes, and whether libvirt lets such a network carry <ip>. */
typedef struct {
    const char *mode;
    gboolean routed;       /* libvirt runs the bridge: <ip>, DHCP, bandwidth allowed */
} TckForwardMode;

static const TckForwardMode tck_forward_modes[] = {
    { "nat", TRUE },
    { "route", TRUE },
    { "open", TRUE },
    { "bridge", FALSE },
    { "private", FALSE },
    { "vepa", FALSE },
    { "passthrough", FALSE },
};

static const TckForwardMode *
tck_forward_mode_find(const char *mode)
{
    for (gsize i = 0; mode && i < G_N_ELEMENTS(tck_forward_modes); i++) {
        if (g_str_equal(tck_forward_modes[i].mode, mode))
            return &tck_forward_modes[i];
    }
    return NULL;
}

TckNetworkBuilder *
tck_network_builder_new(const char *name)
{
    TckNetworkBuilder *b = g_new0(TckNetworkBuilder, 1);

    tck_build_init(&b->x, "network");
    if (!name || !*name)
        tck_build_fail(&b->x, "a network needs a name");
    else
        tck_build_child(&b->x, b->x.root, "name", name);
    return b;
}

void
tck_network_builder_free(TckNetworkBuilder *b)
{
    if (!b)
        return;
    tck_build_clear(&b->x);
    g_free(b->forward_mode);
    g_clear_object(&b->last_mask);
    g_free(b);
}

void
tck_network_builder_set_uuid(TckNetworkBuilder *b, const char *uuid)
{
    if (!uuid || !g_uuid_string_is_valid(uuid)) {
        tck_build_fail(&b->x, "'%s' is not a UUID", uuid ? uuid : "(none)");
        return;
    }
    tck_build_child(&b->x, b->x.root, "uuid", uuid);
}

void
tck_network_builder_set_forward(TckNetworkBuilder *b, const char *mode, const char *dev)
{
    const TckForwardMode *fm = tck_forward_mode_find(mode);
    xmlNodePtr node;

    /* A mode the table does not know is passed through, with no rules. */
    if (!tck_build_need(&b->x, "forward mode", mode))
        return;
    if (b->forward_mode) {
        tck_build_fail(&b->x, "the forward mode is already %s", b->forward_mode);
        return;
    }
    if (fm && !fm->routed && !g_str_equal(mode, "bridge") && !dev) {
        tck_build_fail(&b->x, "forward mode %s needs a host device", mode);
        return;
    }
    b->forward_mode = g_strdup(mode);
    node = tck_build_child(&b->x, b->x.root, "forward", NULL);
    tck_build_prop(&b->x, node, "mode", mode);
    if (dev && (!fm || fm->routed))
        tck_build_prop(&b->x, node, "dev", dev);
    else if (dev)
        tck_build_prop(&b->x, tck_build_child(&b->x, node, "interface", NULL), "dev", dev);
}

void
tck_network_builder_set_bridge(TckNetworkBuilder *b, const char *bridge, gboolean stp)
{
    xmlNodePtr node;

    if (!bridge || !*bridge || strlen(bridge) > 15) {
        tck_build_fail(&b->x, "bridge name '%s' must be 1 to 15 characters", bridge ? bridge : "");
        return;
    }
    node = tck_build_child(&b->x, b->x.root, "bridge", NULL);
    tck_build_prop(&b->x, node, "name", bridge);
    tck_build_prop(&b->x, node, "stp", stp ? "on" : "off");
}

void
tck_network_builder_set_domain(TckNetworkBuilder *b, const char *dns_domain)
{
    tck_build_prop(&b->x, tck_build_child(&b->x, b->x.root, "domain", NULL), "name", dns_domain);
}

void
tck_network_builder_add_ip(TckNetworkBuilder *b, const char *address, guint prefix)
{
    g_autoptr(GInetAddress) addr = address ? g_inet_address_new_from_string(address) : NULL;
    g_autoptr(GError) error = NULL;
    guint max;

    if (!addr) {
        tck_build_fail(&b->x, "'%s' is not an IP address", address ? address : "(none)");
        return;
    }
    max = g_inet_address_get_family(addr) == G_SOCKET_FAMILY_IPV6 ? 128 : 32;
    if (prefix == 0 || prefix > max) {
        tck_build_fail(&b->x, "prefix /%u does not fit %s", prefix, address);
        return;
    }
    g_clear_object(&b->last_mask);
    b->last_mask = g_inet_address_mask_new(addr, prefix, &error);
    if (!b->last_mask) {
        /* GLib refuses masks whose host bits are set; build the network's own. */
        g_autofree char *masked = NULL;
        const guint8 *bytes = g_inet_address_to_bytes(addr);
        gsize len = g_inet_address_get_native_size(addr);
        guint8 net[16];
        g_autoptr(GInetAddress) netaddr = NULL;

        memcpy(net, bytes, len);
        for (gsize i = 0; i < len; i++) {
            guint bits = prefix > i * 8 ? MIN(prefix - i * 8, 8) : 0;

            net[i] &= (guint8) (0xff << (8 - bits));
        }
        netaddr = g_inet_address_new_from_bytes(net, g_inet_address_get_family(addr));
        b->last_mask = g_inet_address_mask_new(netaddr, prefix, NULL);
    }
    b->last_ip = tck_build_child(&b->x, b->x.root, "ip", NULL);
    if (max == 128)
        tck_build_prop(&b->x, b->last_ip, "family", "ipv6");
    tck_build_prop(&b->x, b->last_ip, "address", address);
    tck_build_prop_uint(&b->x, b->last_ip, "prefix", prefix);
    b->has_ip = TRUE;
}

/* @address parses and lies inside the last <ip>'s subnet. */
static gboolean
tck_network_in_subnet(TckNetworkBuilder *b, const char *what, const char *address)
{
    g_autoptr(GInetAddress) addr = address ? g_inet_address_new_from_string(address) : NULL;

    if (!b->last_ip) {
        tck_build_fail(&b->x, "a DHCP %s needs an <ip> first", what);
        return FALSE;
    }
    if (!addr) {
        tck_build_fail(&b->x, "DHCP %s '%s' is not an IP address", what, address ? address : "");
        return FALSE;
    }
    if (!b->last_mask || !g_inet_address_mask_matches(b->last_mask, addr)) {
        g_autofree char *subnet = b->last_mask ? g_inet_address_mask_to_string(b->last_mask) : NULL;

        tck_build_fail(&b->x, "DHCP %s %s lies outside the network %s", what, address,
                       subnet ? subnet : "(unknown)");
        return FALSE;
    }
    return TRUE;
}

void
tck_network_builder_add_dhcp_range(TckNetworkBuilder *b, const char *start, const char *end)
{
    xmlNodePtr range;

    if (!tck_network_in_subnet(b, "range start", start) ||
        !tck_network_in_subnet(b, "range end", end))
        return;
    range = tck_build_child(&b->x, tck_build_child_once(&b->x, b->last_ip, "dhcp"), "range", NULL);
    tck_build_prop(&b->x, range, "start", start);
    tck_build_prop(&b->x, range, "end", end);
}

void
tck_network_builder_add_dhcp_host(TckNetworkBuilder *b, const char *mac, const char *name,
                                  const char *ip)
{
    xmlNodePtr host;

    if (!tck_network_in_subnet(b, "host", ip))
        return;
    if (!mac && !name) {
        tck_build_fail(&b->x, "a DHCP host needs a MAC address or a name");
        return;
    }
    host = tck_build_child(&b->x, tck_build_child_once(&b->x, b->last_ip, "dhcp"), "host", NULL);
    tck_build_prop(&b->x, host, "mac", mac);
    tck_build_prop(&b->x, host, "name", name);
    tck_build_prop(&b->x, host, "ip", ip);
}

static void
tck_network_bandwidth_dir(TckNetworkBuilder *b, xmlNodePtr bw, const char *dir, guint average,
                          guint peak, guint burst)
{
    xmlNodePtr node;

    if (!average)
        return;
    if (peak && peak < average) {
        tck_build_fail(&b->x, "%s bandwidth peak %u is below its average %u", dir, peak, average);
        return;
    }
    node = tck_build_child(&b->x, bw, dir, NULL);
    tck_build_prop_uint(&b->x, node, "average", average);
    if (peak)
        tck_build_prop_uint(&b->x, node, "peak", peak);
    if (burst)
        tck_build_prop_uint(&b->x, node, "burst", burst);
}

void
tck_network_builder_set_bandwidth(TckNetworkBuilder *b, guint in_average, guint in_peak,
                                  guint in_burst, guint out_average, guint out_peak,
                                  guint out_burst)
{
    xmlNodePtr bw;

    if (!in_average && !out_average) {
        tck_build_fail(&b->x, "bandwidth needs an inbound or outbound average");
        return;
    }
    bw = tck_build_child(&b->x, b->x.root, "bandwidth", NULL);
    tck_network_bandwidth_dir(b, bw, "inbound", in_average, in_peak, in_burst);
    tck_network_bandwidth_dir(b, bw, "outbound", out_average, out_peak, out_burst);
    b->has_bandwidth = TRUE;
}

char *
tck_network_builder_to_xml(TckNetworkBuilder *b, GError **error)
{
    const TckForwardMode *fm = tck_forward_mode_find(b->forward_mode);

    if (fm && !fm->routed && b->has_ip)
        tck_build_fail(&b->x, "a network with forward mode %s cannot have <ip> addresses "
                       "(the host's own network does the addressing)", fm->mode);
    if (fm && !fm->routed && b->has_bandwidth)
        tck_build_fail(&b->x, "a network with forward mode %s cannot have network-wide <bandwidth>",
                       fm->mode);
    return tck_build_finish(&b->x, "network", error);
}

char *
tck_network_dhcp_host_xml(const char *mac, const char *name, const char *ip, GError **error)
{
    TckXmlBuild x;
    char *xml;

    tck_build_init(&x, "host");
    if (!ip || (!mac && !name))
        tck_build_fail(&x, "a DHCP host needs an address and a MAC or a name");
    tck_build_prop(&x, x.root, "mac", mac);
    tck_build_prop(&x, x.root, "name", name);
    tck_build_prop(&x, x.root, "ip", ip);
    xml = tck_build_finish(&x, "DHCP host", error);
    tck_build_clear(&x);
    return xml;
}

char *
tck_network_port_xml(const char *uuid, const char *owner_name, const char *owner_uuid,
                     const char *mac, GError **error)
{
    TckXmlBuild x;
    char *xml;

    tck_build_init(&x, "networkport");
    if (!uuid || !g_uuid_string_is_valid(uuid))
        tck_build_fail(&x, "'%s' is not a UUID", uuid ? uuid : "(none)");
    tck_build_child(&x, x.root, "uuid", uuid);
    tck_build_owner(&x, "network port", owner_name, owner_uuid);
    tck_build_mac(&x, x.root, mac);
    xml = tck_build_finish(&x, "network port", error);
    tck_build_clear(&x);
    return xml;
}
