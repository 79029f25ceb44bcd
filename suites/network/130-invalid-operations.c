/*
 * 130-invalid-operations — what a network driver must refuse, and how.
 *
 *  - a lookup of a name or UUID nobody has: VIR_ERR_NO_NETWORK;
 *  - a define with an existing name and a new UUID, or a new name and an
 *    existing UUID: VIR_ERR_OPERATION_FAILED (the network list's code for
 *    "already exists with uuid" / "is already defined with uuid");
 *  - XML that is not well formed: VIR_ERR_XML_DETAIL (libxml2's parse
 *    error, as libvirt's XML parser reports it);
 *  - a network without a name: VIR_ERR_NO_NAME;
 *  - undefining a network twice, or starting one that was undefined:
 *    the stale handle finds nothing, VIR_ERR_NO_NETWORK.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "invalid network operations are refused with their error codes",
    .plan = 9,
    .needs = (const char *const[]){ "network", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) a = tck_test_network_new(t, "a", NULL, FALSE);
    g_autoptr(TckTestNetwork) b = tck_test_network_new(t, "b", NULL, FALSE);
    g_autofree char *missing_uuid = g_uuid_string_random();
    g_autofree char *a_uuid = NULL, *b_uuid = NULL;
    g_autofree char *a_new_uuid = NULL, *b_a_uuid = NULL, *nameless = NULL;
    g_autoptr(GError) error = NULL;
    virNetworkPtr net;

    tck_diag(t, "Looking up networks nobody has");
    tck_ok_error(t, virNetworkLookupByName(conn, tck_name(t, "missing")), VIR_ERR_NO_NETWORK,
                 "a lookup of a missing name fails with NO_NETWORK");
    tck_ok_error(t, virNetworkLookupByUUIDString(conn, missing_uuid), VIR_ERR_NO_NETWORK,
                 "a lookup of a missing UUID fails with NO_NETWORK");

    tck_diag(t, "Defining network A, then networks that clash with it");
    net = tck_ok_network(t, virNetworkDefineXML(conn, a->xml), "defined network A");
    if (!net)
        tck_bail_out(t, "cannot go on without network A");
    {
        char uuid[VIR_UUID_STRING_BUFLEN];

        virNetworkGetUUIDString(net, uuid);
        a_uuid = g_strdup(uuid);
    }
    b_uuid = g_uuid_string_random();
    if (!(a_new_uuid = tck_xml_set_text(a->xml, "/network/uuid", b_uuid, &error)) ||
        !(b_a_uuid = tck_xml_set_text(b->xml, "/network/uuid", a_uuid, &error)))
        tck_bail_out(t, "cannot edit the network XML: %s", error->message);
    tck_ok_error(t, virNetworkDefineXML(conn, a_new_uuid), VIR_ERR_OPERATION_FAILED,
                 "define with an existing name and a new UUID is refused");
    tck_ok_error(t, virNetworkDefineXML(conn, b_a_uuid), VIR_ERR_OPERATION_FAILED,
                 "define with a new name and an existing UUID is refused");

    tck_diag(t, "Defining networks from bad XML");
    tck_ok_error(t, virNetworkDefineXML(conn, "<network><name>broken</name>"), VIR_ERR_XML_DETAIL,
                 "XML that is not well formed is refused with XML_DETAIL");
    nameless = tck_xml_set_text(b->xml, "/network/name", "", &error);
    if (!nameless)
        tck_bail_out(t, "cannot edit the network XML: %s", error->message);
    tck_ok_error(t, virNetworkDefineXML(conn, nameless), VIR_ERR_NO_NAME,
                 "a network without a name is refused with NO_NAME");

    tck_diag(t, "Undefining network A twice");
    tck_ok_call(t, virNetworkUndefine(net), "undefined network A");
    tck_ok_error(t, virNetworkUndefine(net), VIR_ERR_NO_NETWORK,
                 "a second undefine fails with NO_NETWORK");
    virNetworkFree(net);

    return tck_test_end(t);
}
