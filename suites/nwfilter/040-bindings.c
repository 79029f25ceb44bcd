/*
 * 040-bindings — a filter bound to a host device, without a guest.
 *
 * On the bridge of an isolated network of ours, create a filter binding
 * to a filter of ours (which references libvirt's clean-traffic, with an
 * IP parameter).  The binding is listed, found by its device, names its
 * filter, keeps its MAC and parameter, and its rules appear in the
 * bridge-level firewall (ebtables-save names the device).  While bound,
 * undefining the filter is refused with VIR_ERR_OPERATION_INVALID
 * ("nwfilter is in use").  After delete, a lookup by device fails with
 * VIR_ERR_NO_NWFILTER_BINDING and no firewall rule names the device.
 */
#include <config.h>
#include <stdlib.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "create, list, look up and delete a filter binding; its rules come and go",
    .plan = 11,
    .needs = (const char *const[]){ "nwfilter", "network", NULL },
};

static guint
ebtables_mentions(TckTest *t, const char *dev)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rules = tck_firewall_rules("ebtables-save", &error);

    if (!rules)
        tck_bail_out(t, "cannot read the bridge firewall: %s", error->message);
    return tck_firewall_mentions(rules, dev);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = tck_test_network_new(t, "net", NULL, FALSE);
    const char *filter = tck_own(t, TCK_OBJECT_NWFILTER, "filter", NULL);
    const char *mac = "52:54:00:7c:4b:03";
    g_autofree char *owner_uuid = g_uuid_string_random();
    g_autofree char *filter_xml = NULL, *binding_xml = NULL, *xml = NULL;
    g_autofree char *got_mac = NULL, *got_ip = NULL;
    g_autoptr(TckNWFilterBuilder) fb = tck_nwfilter_builder_new(filter, NULL);
    g_autoptr(GError) error = NULL;
    virNWFilterBindingPtr *bindings = NULL;
    virNWFilterBindingPtr binding, found;
    virNWFilterPtr f;
    virNetworkPtr net;
    int nb, mine = 0;

    tck_nwfilter_builder_add_filterref(fb, "clean-traffic");
    if (!(filter_xml = tck_nwfilter_builder_to_xml(fb, &error)) ||
        !(binding_xml = tck_nwfilter_binding_xml(tck_name(t, "owner"), owner_uuid, n->bridge, mac,
                                                 filter, (const char *const[]){ "IP", n->subnet.host, NULL },
                                                 &error)))
        tck_bail_out(t, "%s", error->message);

    tck_diag(t, "Creating the network %s and the filter %s", n->name, filter);
    net = tck_ok_network(t, virNetworkCreateXML(conn, n->xml), "created the network");
    f = tck_ok_nwfilter(t, virNWFilterDefineXML(conn, filter_xml), "defined the filter");
    if (!net || !f)
        tck_bail_out(t, "cannot go on without the network and the filter");

    tck_diag(t, "Binding the filter to the bridge %s", n->bridge);
    binding = virNWFilterBindingCreateXML(conn, binding_xml, 0);
    if (!tck_ok(t, binding != NULL, "created the filter binding on %s", n->bridge))
        tck_bail_out(t, "cannot go on without the binding: %s", virGetLastErrorMessage());

    nb = virConnectListAllNWFilterBindings(conn, &bindings, 0);
    for (int i = 0; i < nb; i++) {
        mine += g_str_equal(virNWFilterBindingGetPortDev(bindings[i]), n->bridge);
        virNWFilterBindingFree(bindings[i]);
    }
    free(bindings);
    tck_is_int(t, mine, 1, "the binding is listed once");
    found = virNWFilterBindingLookupByPortDev(conn, n->bridge);
    tck_is_str(t, found ? virNWFilterBindingGetFilterName(found) : NULL, filter,
               "a lookup by device finds the binding, naming its filter");
    if (found)
        virNWFilterBindingFree(found);
    xml = virNWFilterBindingGetXMLDesc(binding, 0);
    got_mac = xml ? tck_xml_get_text(xml, "/filterbinding/mac/@address") : NULL;
    got_ip = xml ? tck_xml_get_text(xml, "/filterbinding/filterref/parameter[@name='IP']/@value") : NULL;
    tck_ok(t, g_strcmp0(got_mac, mac) == 0 && g_strcmp0(got_ip, n->subnet.host) == 0,
           "the binding's XML keeps its MAC and IP parameter");
    tck_ok(t, ebtables_mentions(t, n->bridge) > 0, "the bridge firewall has rules for %s", n->bridge);

    tck_diag(t, "Undefining the filter while it is bound");
    tck_ok_error(t, virNWFilterUndefine(f), VIR_ERR_OPERATION_INVALID,
                 "undefine of a bound filter is refused");

    tck_diag(t, "Deleting the binding");
    tck_ok_call(t, virNWFilterBindingDelete(binding), "deleted the binding");
    virNWFilterBindingFree(binding);
    tck_ok_error(t, virNWFilterBindingLookupByPortDev(conn, n->bridge), VIR_ERR_NO_NWFILTER_BINDING,
                 "NO_NWFILTER_BINDING error raised from the deleted binding");
    tck_is_int(t, ebtables_mentions(t, n->bridge), 0, "no bridge firewall rule names %s any more",
               n->bridge);

    virNWFilterFree(f);
    virNetworkDestroy(net);
    virNetworkFree(net);
    return tck_test_end(t);
}
