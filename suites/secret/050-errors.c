/*
 * 050-errors — what a secret refuses, and with which code.
 *
 *  - a UUID nobody has, and a usage nobody has: VIR_ERR_NO_SECRET;
 *  - XML that does not parse: VIR_ERR_XML_DETAIL, libvirt's code for a
 *    parse error with its line and column;
 *  - a ceph usage without its name: VIR_ERR_XML_ERROR, as for any other
 *    required element missing from an object's XML;
 *  - a second secret (another UUID) for a usage that already has one:
 *    VIR_ERR_OPERATION_FAILED, the code libvirt gives a pool or domain
 *    that clashes with an existing one.
 * The secret the clash was tried against is unchanged: its usage still
 * finds its own UUID.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "unknown secrets, bad XML and a usage clash are refused with their codes",
    .plan = 7,
    .needs = (const char *const[]){ "secret", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_secret_xml(t, "secret", FALSE, FALSE, NULL);
    g_autofree char *clash = NULL, *nameless = NULL, *unknown_uuid = g_uuid_string_random();
    const char *usage = tck_name(t, "secret");
    char uuid[VIR_UUID_STRING_BUFLEN] = "", found_uuid[VIR_UUID_STRING_BUFLEN] = "";
    g_autoptr(GError) error = NULL;
    virSecretPtr sec, found;

    tck_diag(t, "Looking up what does not exist");
    tck_ok_error(t, virSecretLookupByUUIDString(conn, unknown_uuid), VIR_ERR_NO_SECRET,
                 "an unknown UUID finds nothing: NO_SECRET");
    tck_ok_error(t, virSecretLookupByUsage(conn, VIR_SECRET_USAGE_TYPE_CEPH, tck_name(t, "nobody")),
                 VIR_ERR_NO_SECRET, "an unknown usage finds nothing: NO_SECRET");

    tck_diag(t, "Defining broken secrets");
    tck_ok_error(t, virSecretDefineXML(conn, "<secret ephemeral='no'", 0), VIR_ERR_XML_DETAIL,
                 "XML that does not parse is refused: XML_DETAIL");
    nameless = tck_xml_set_text(xml, "/secret/usage/name", "", &error);
    if (!nameless)
        tck_bail_out(t, "cannot edit the secret XML: %s", error->message);
    tck_ok_error(t, virSecretDefineXML(conn, nameless, 0), VIR_ERR_XML_ERROR,
                 "a ceph usage without a name is refused: XML_ERROR");

    tck_diag(t, "Defining two secrets for one usage");
    sec = tck_ok_secret(t, virSecretDefineXML(conn, xml, 0), "defined a secret");
    if (!sec)
        tck_bail_out(t, "cannot go on without the secret");
    virSecretGetUUIDString(sec, uuid);
    if (!(clash = tck_xml_set_text(xml, "/secret/uuid", unknown_uuid, &error)))
        tck_bail_out(t, "cannot edit the secret XML: %s", error->message);
    tck_ok_error(t, virSecretDefineXML(conn, clash, 0), VIR_ERR_OPERATION_FAILED,
                 "a second secret for the same usage is refused: OPERATION_FAILED");
    found = virSecretLookupByUsage(conn, VIR_SECRET_USAGE_TYPE_CEPH, usage);
    if (found) {
        virSecretGetUUIDString(found, found_uuid);
        virSecretFree(found);
    }
    tck_is(t, (const char *)found_uuid, (const char *)uuid, "the usage still finds the first secret");
    virSecretFree(sec);
    return tck_test_end(t);
}
