/*
 * 050-guest-filter — a guest's filter is in the firewall while it runs.
 *
 * Start a guest whose NIC on an isolated network of ours carries a
 * filter of ours: drop TCP to port 4242 (an IP-level rule, iptables) and
 * frames of ethertype 0x88b5 (a MAC-level rule, ebtables).  While the
 * guest runs, libvirt holds a binding for its tap device naming the
 * filter, and both rules are in the host's firewall on chains of that
 * device.  After destroy, the binding is gone
 * (VIR_ERR_NO_NWFILTER_BINDING) and no rule names the device.  The
 * guest's code need not run: only its NIC matters.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "a running guest's filter rules appear in the firewall and go with it",
    .plan = 11,
    .needs = (const char *const[]){ "nwfilter", "network", "domain", "guest-boots", NULL },
};

static GPtrArray *
rules_of(TckTest *t, const char *tool)
{
    g_autoptr(GError) error = NULL;
    GPtrArray *rules = tck_firewall_rules(tool, &error);

    if (!rules)
        tck_bail_out(t, "cannot read the firewall: %s", error->message);
    return rules;
}

/* Rules on a chain named after @dev that hold @word @value. */
static guint
device_rules(GPtrArray *rules, const char *dev, const char *word, const char *value)
{
    guint n = 0;

    for (guint i = 0; i < rules->len; i++) {
        const TckFirewallRule *r = g_ptr_array_index(rules, i);

        n += strstr(r->chain, dev) && tck_firewall_rule_has(r, word, value);
    }
    return n;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = tck_test_network_new(t, "net", NULL, FALSE);
    const char *filter = tck_own(t, TCK_OBJECT_NWFILTER, "filter", NULL);
    g_autoptr(TckNWFilterBuilder) fb = tck_nwfilter_builder_new(filter, NULL);
    TckGuestNic nic = { .network = n->name, .filter = filter };
    g_autofree char *filter_xml = NULL, *dom_xml = NULL, *live = NULL, *tap = NULL;
    g_autoptr(GPtrArray) ip_rules = NULL, eb_rules = NULL, ip_after = NULL, eb_after = NULL;
    g_autoptr(GError) error = NULL;
    virNWFilterBindingPtr binding;
    virNWFilterPtr f;
    virNetworkPtr net;
    virDomainPtr dom;

    tck_nwfilter_builder_add_rule(fb, "drop", "in", 500, "tcp",
                                  (const char *const[]){ "dstportstart", "4242", NULL });
    tck_nwfilter_builder_add_rule(fb, "drop", "out", 500, "mac",
                                  (const char *const[]){ "protocolid", "0x88b5", NULL });
    if (!(filter_xml = tck_nwfilter_builder_to_xml(fb, &error)))
        tck_bail_out(t, "%s", error->message);
    dom_xml = tck_generic_domain_xml_with_nic(t, "guest", &nic);

    tck_diag(t, "Creating the network %s and the filter %s", n->name, filter);
    net = tck_ok_network(t, virNetworkCreateXML(conn, n->xml), "created the network");
    f = tck_ok_nwfilter(t, virNWFilterDefineXML(conn, filter_xml), "defined the filter");
    if (!net || !f)
        tck_bail_out(t, "cannot go on without the network and the filter");

    tck_diag(t, "Starting a guest whose NIC carries the filter");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, dom_xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    live = virDomainGetXMLDesc(dom, 0);
    tap = live ? tck_xml_get_text(live, "/domain/devices/interface/target/@dev") : NULL;
    if (!tck_ok(t, tap != NULL, "the guest's NIC has a host device (%s)", tap ? tap : "none"))
        tck_bail_out(t, "cannot go on without the guest's host device");

    binding = virNWFilterBindingLookupByPortDev(conn, tap);
    tck_is_str(t, binding ? virNWFilterBindingGetFilterName(binding) : NULL, filter,
               "libvirt binds the filter to %s", tap);
    if (binding)
        virNWFilterBindingFree(binding);
    ip_rules = rules_of(t, "iptables-save");
    eb_rules = rules_of(t, "ebtables-save");
    tck_ok(t, device_rules(ip_rules, tap, "--dport", "4242") > 0,
           "iptables holds the TCP port 4242 rule on a chain of %s", tap);
    tck_ok(t, device_rules(eb_rules, tap, "-p", "0x88b5") > 0,
           "ebtables holds the ethertype 0x88b5 rule on a chain of %s", tap);

    tck_diag(t, "Destroying the guest");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the guest");
    virDomainFree(dom);
    tck_ok_error(t, virNWFilterBindingLookupByPortDev(conn, tap), VIR_ERR_NO_NWFILTER_BINDING,
                 "the binding went with the guest (NO_NWFILTER_BINDING)");
    ip_after = rules_of(t, "iptables-save");
    eb_after = rules_of(t, "ebtables-save");
    tck_is_int(t, tck_firewall_mentions(ip_after, tap), 0, "no iptables rule names %s any more", tap);
    tck_is_int(t, tck_firewall_mentions(eb_after, tap), 0, "no ebtables rule names %s any more", tap);

    virNWFilterFree(f);
    virNetworkDestroy(net);
    virNetworkFree(net);
    return tck_test_end(t);
}
