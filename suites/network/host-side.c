/* host-side.c — the host-side checks shared by the network tests. */
#include <config.h>
#include <string.h>
#include "host-side.h"

gboolean
host_side_applies(TckTest *t)
{
    /* A driver that runs guest code realises its networks on the host. */
    return tck_guest_boots(t);
}

GPtrArray *
host_side_rules(TckTest *t)
{
    g_autoptr(GError) error = NULL;
    GPtrArray *rules = tck_firewall_rules("iptables-save", &error);

    if (!rules)
        tck_bail_out(t, "cannot read the firewall: %s", error->message);
    return rules;
}

static TckHostNet *
kernel(TckTest *t)
{
    g_autoptr(GError) error = NULL;
    TckHostNet *h = tck_host_net_read(&error);

    if (!h)
        tck_bail_out(t, "cannot ask the kernel: %s", error->message);
    return h;
}

void
host_side_check_bridge(TckTest *t, const TckTestNetwork *n)
{
    g_autoptr(TckHostNet) h = kernel(t);

    tck_diag(t, "Asking the kernel about the bridge %s", n->bridge);
    tck_is_str(t, tck_host_net_link_kind(h, n->bridge), "bridge",
               "the kernel has the bridge %s, of kind bridge", n->bridge);
    tck_ok(t, tck_host_net_has_address(h, n->bridge, n->subnet.gateway, n->subnet.prefix),
           "the bridge carries %s/%u", n->subnet.gateway, n->subnet.prefix);
}

void
host_side_check_gone(TckTest *t, const TckTestNetwork *n)
{
    g_autoptr(TckHostNet) h = kernel(t);
    g_autoptr(GPtrArray) rules = host_side_rules(t);

    tck_diag(t, "Checking that the host side went with the network");
    tck_ok(t, tck_host_net_link_kind(h, n->bridge) == NULL, "the bridge %s is gone", n->bridge);
    tck_is_int(t, tck_firewall_mentions(rules, n->bridge) + tck_firewall_mentions(rules, n->subnet.cidr),
               0, "no firewall rule names the bridge or %s any more", n->subnet.cidr);
}

static const char *
expand(const TckTestNetwork *n, const char *word)
{
    if (g_strcmp0(word, "@CIDR") == 0)
        return n->subnet.cidr;
    if (g_strcmp0(word, "@BRIDGE") == 0)
        return n->bridge;
    return word;
}

void
host_side_check_rules(TckTest *t, const TckTestNetwork *n, const HostRule *expect, gsize count)
{
    g_autoptr(GPtrArray) rules = host_side_rules(t);

    tck_diag(t, "Asking the firewall for the rules of %s (%s)", n->bridge, n->subnet.cidr);
    for (gsize i = 0; i < count; i++) {
        const char *pairs[G_N_ELEMENTS(expect[i].pairs) + 1] = { NULL };
        guint found;

        for (gsize k = 0; k < G_N_ELEMENTS(expect[i].pairs) && expect[i].pairs[k]; k++)
            pairs[k] = expand(n, expect[i].pairs[k]);
        found = tck_firewall_count(rules, expect[i].table, pairs);
        if (expect[i].present)
            tck_ok(t, found > 0, "%s (%u rules)", expect[i].what, found);
        else
            tck_is_int(t, found, 0, "%s", expect[i].what);
    }
}

int
forward_scenario(TckTest *t, const char *mode, const HostRule *expect, gsize count)
{
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = tck_test_network_new(t, mode ? mode : "isolated", mode, FALSE);
    gboolean host = host_side_applies(t);
    g_autofree char *xml = NULL, *got_mode = NULL;
    virNetworkPtr net;
    int rc;

    tck_diag(t, "Creating the %s network %s on %s", mode ? mode : "isolated", n->name, n->subnet.cidr);
    net = tck_ok_network(t, virNetworkCreateXML(conn, n->xml), "created the %s network",
                         mode ? mode : "isolated");
    if (!net)
        tck_bail_out(t, "cannot go on without the network");
    xml = virNetworkGetXMLDesc(net, 0);
    got_mode = xml ? tck_xml_get_text(xml, "/network/forward/@mode") : NULL;
    tck_is_str(t, got_mode, mode, "the network's XML reports forward mode %s", mode ? mode : "none");

    if (host) {
        host_side_check_bridge(t, n);
        host_side_check_rules(t, n, expect, count);
    } else {
        tck_skip(t, 2 + (int) count, "the %s driver realises no network on this host",
                 tck_test_driver(t));
    }

    tck_diag(t, "Destroying the network");
    tck_ok_call(t, virNetworkDestroy(net), "destroyed the %s network", mode ? mode : "isolated");
    virNetworkFree(net);
    if (host)
        host_side_check_gone(t, n);
    else
        tck_skip(t, 2, "the %s driver realises no network on this host", tck_test_driver(t));
    rc = tck_test_end(t);
    tck_test_free(t);
    return rc;
}

guint
host_side_dnsmasq(const char *name, char **conf_file)
{
    g_autoptr(GDir) proc = g_dir_open("/proc", 0, NULL);
    g_autofree char *suffix = g_strdup_printf("/%s.conf", name);
    const char *entry;
    guint n = 0;

    while (proc && (entry = g_dir_read_name(proc))) {
        g_autofree char *path = NULL, *cmdline = NULL, *base = NULL;
        gsize len;

        if (!g_ascii_isdigit(entry[0]))
            continue;
        path = g_build_filename("/proc", entry, "cmdline", NULL);
        if (!g_file_get_contents(path, &cmdline, &len, NULL) || len == 0)
            continue;
        /* argv is NUL-separated: argv[0] first, then each argument. */
        base = g_path_get_basename(cmdline);
        if (!g_str_equal(base, "dnsmasq"))
            continue;
        for (gsize off = strlen(cmdline) + 1; off < len; off += strlen(cmdline + off) + 1) {
            const char *arg = cmdline + off;

            if (g_str_has_prefix(arg, "--conf-file=") && g_str_has_suffix(arg, suffix)) {
                n++;
                if (conf_file && !*conf_file)
                    *conf_file = g_strdup(arg + strlen("--conf-file="));
            }
        }
    }
    return n;
}
