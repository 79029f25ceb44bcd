/*
 * interface.c — the host interface XML builder (virInterfaceDefineXML):
 * ethernet, bridge, bond and vlan, with start mode, MTU and IPv4.
 */
#include <config.h>

#include <gio/gio.h>

#include <tck/builders.h>
#include <tck/error.h>
#include "builder-private.h"

struct _TckInterfaceBuilder {
    TckXmlBuild x;
    char *type;
    xmlNodePtr members;    /* <bridge> or <bond> */
    xmlNodePtr protocol;
    gboolean has_vlan;
    gboolean has_dhcp;
    gboolean has_address;
    guint n_members;
};

TckInterfaceBuilder *
tck_interface_builder_new(const char *type, const char *name)
{
    TckInterfaceBuilder *b = g_new0(TckInterfaceBuilder, 1);

    tck_build_init(&b->x, "interface");
    if (tck_build_need(&b->x, "interface type", type))
        b->type = g_strdup(type);
    tck_build_prop(&b->x, b->x.root, "type", type);
    /* A kernel interface name: what libvirt's schema (deviceName) and Linux allow. */
    if (!name || strlen(name) > 15 || !g_regex_match_simple("^[a-zA-Z0-9_.:-]+$", name, 0, 0))
        tck_build_fail(&b->x, "interface name '%s' must be 1 to 15 of [a-zA-Z0-9_.:-]",
                       name ? name : "");
    else
        tck_build_prop(&b->x, b->x.root, "name", name);
    if (b->type && (g_str_equal(type, "bridge") || g_str_equal(type, "bond")))
        b->members = tck_build_child(&b->x, b->x.root, type, NULL);
    return b;
}

void
tck_interface_builder_free(TckInterfaceBuilder *b)
{
    if (!b)
        return;
    tck_build_clear(&b->x);
    g_free(b->type);
    g_free(b);
}

void
tck_interface_builder_set_start_mode(TckInterfaceBuilder *b, const char *mode)
{
    if (tck_build_need(&b->x, "start mode", mode))
        tck_build_prop(&b->x, tck_build_child(&b->x, b->x.root, "start", NULL), "mode", mode);
}

void
tck_interface_builder_set_mac(TckInterfaceBuilder *b, const char *mac)
{
    if (!mac || !g_regex_match_simple("^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$", mac, 0, 0)) {
        tck_build_fail(&b->x, "'%s' is not a MAC address", mac ? mac : "");
        return;
    }
    if (b->type && !g_str_equal(b->type, "ethernet")) {
        tck_build_fail(&b->x, "a %s interface takes its MAC from its members", b->type);
        return;
    }
    tck_build_prop(&b->x, tck_build_child(&b->x, b->x.root, "mac", NULL), "address", mac);
}

void
tck_interface_builder_set_mtu(TckInterfaceBuilder *b, guint mtu)
{
    if (mtu < 68 || mtu > 65535) {
        tck_build_fail(&b->x, "MTU %u is outside 68..65535", mtu);
        return;
    }
    tck_build_prop_uint(&b->x, tck_build_child(&b->x, b->x.root, "mtu", NULL), "size", mtu);
}

static xmlNodePtr
tck_interface_ipv4(TckInterfaceBuilder *b)
{
    if (!b->protocol) {
        b->protocol = tck_build_child(&b->x, b->x.root, "protocol", NULL);
        tck_build_prop(&b->x, b->protocol, "family", "ipv4");
    }
    return b->protocol;
}

void
tck_interface_builder_set_dhcp(TckInterfaceBuilder *b)
{
    if (b->has_address) {
        tck_build_fail(&b->x, "an interface takes DHCP or a static IPv4 address, not both");
        return;
    }
    tck_build_child(&b->x, tck_interface_ipv4(b), "dhcp", NULL);
    b->has_dhcp = TRUE;
}

void
tck_interface_builder_set_address(TckInterfaceBuilder *b, const char *address, guint prefix)
{
    g_autoptr(GInetAddress) addr = address ? g_inet_address_new_from_string(address) : NULL;
    xmlNodePtr ip;

    if (b->has_dhcp) {
        tck_build_fail(&b->x, "an interface takes DHCP or a static IPv4 address, not both");
        return;
    }
    if (!addr || g_inet_address_get_family(addr) != G_SOCKET_FAMILY_IPV4 || prefix == 0 || prefix > 32) {
        tck_build_fail(&b->x, "'%s/%u' is not an IPv4 address and prefix", address ? address : "",
                       prefix);
        return;
    }
    ip = tck_build_child(&b->x, tck_interface_ipv4(b), "ip", NULL);
    tck_build_prop(&b->x, ip, "address", address);
    tck_build_prop_uint(&b->x, ip, "prefix", prefix);
    b->has_address = TRUE;
}

void
tck_interface_builder_add_member(TckInterfaceBuilder *b, const char *ifname)
{
    xmlNodePtr member;

    if (!b->members) {
        tck_build_fail(&b->x, "a %s interface has no members", b->type ? b->type : "(invalid)");
        return;
    }
    member = tck_build_child(&b->x, b->members, "interface", NULL);
    tck_build_prop(&b->x, member, "type", "ethernet");
    tck_build_prop(&b->x, member, "name", ifname);
    b->n_members++;
}

void
tck_interface_builder_set_bond_mode(TckInterfaceBuilder *b, const char *mode)
{
    if (!b->type || !g_str_equal(b->type, "bond")) {
        tck_build_fail(&b->x, "a bond mode needs a bond interface");
        return;
    }
    if (tck_build_need(&b->x, "bond mode", mode))
        tck_build_prop(&b->x, b->members, "mode", mode);
}

void
tck_interface_builder_set_vlan(TckInterfaceBuilder *b, guint tag, const char *device)
{
    xmlNodePtr vlan;

    if (!b->type || !g_str_equal(b->type, "vlan")) {
        tck_build_fail(&b->x, "a vlan tag needs a vlan interface");
        return;
    }
    if (tag == 0 || tag > 4094 || !device || !*device) {
        tck_build_fail(&b->x, "a vlan needs a tag in 1..4094 and a parent device");
        return;
    }
    vlan = tck_build_child(&b->x, b->x.root, "vlan", NULL);
    tck_build_prop_uint(&b->x, vlan, "tag", tag);
    tck_build_prop(&b->x, tck_build_child(&b->x, vlan, "interface", NULL), "name", device);
    b->has_vlan = TRUE;
}

char *
tck_interface_builder_to_xml(TckInterfaceBuilder *b, GError **error)
{
    if (b->type && g_str_equal(b->type, "vlan") && !b->has_vlan)
        tck_build_fail(&b->x, "a vlan interface needs a tag and a device");
    if (b->type && g_str_equal(b->type, "bond") && b->n_members == 0)
        tck_build_fail(&b->x, "a bond needs at least one member");
    return tck_build_finish(&b->x, "interface", error);
}
