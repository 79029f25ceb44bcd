/*
 * 040-ephemeral — an ephemeral secret works like any other, and the list
 * tells it apart.
 *
 * Define a secret with ephemeral='yes' (kept in memory only) beside one
 * without: its XML says so, its value reads back, and the list filters
 * VIR_CONNECT_LIST_SECRETS_EPHEMERAL and _NO_EPHEMERAL put each on its
 * side.  Undefined, it is gone (VIR_ERR_NO_SECRET by UUID).
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "an ephemeral secret keeps its value and is told apart by the list filters",
    .plan = 10,
    .needs = (const char *const[]){ "secret", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *eph_xml = tck_secret_xml(t, "ephemeral", TRUE, FALSE, NULL);
    g_autofree char *kept_xml = tck_secret_xml(t, "kept", FALSE, FALSE, NULL);
    const char *eph_usage = tck_name(t, "ephemeral"), *kept_usage = tck_name(t, "kept");
    g_autofree char *dump = NULL, *flag = NULL;
    const unsigned char value[] = "ephemeral value";
    unsigned char *got;
    size_t len = 0;
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virSecretPtr eph, kept;

    tck_diag(t, "Defining an ephemeral and a kept secret");
    eph = tck_ok_secret(t, virSecretDefineXML(conn, eph_xml, 0), "defined an ephemeral secret");
    if (!eph)
        tck_bail_out(t, "cannot go on without the ephemeral secret");
    kept = virSecretDefineXML(conn, kept_xml, 0);
    if (!kept)
        tck_bail_out(t, "cannot define the kept secret: %s", virGetLastErrorMessage());
    dump = virSecretGetXMLDesc(eph, 0);
    flag = dump ? tck_xml_get_text(dump, "/secret/@ephemeral") : NULL;
    tck_is(t, flag, "yes", "its XML says ephemeral='yes'");

    tck_diag(t, "Setting and reading its value");
    tck_ok_call(t, virSecretSetValue(eph, value, sizeof(value), 0), "the ephemeral secret takes a value");
    got = virSecretGetValue(eph, &len, 0);
    tck_ok(t, got && len == sizeof(value) && memcmp(got, value, len) == 0, "its value reads back");
    free(got);

    tck_diag(t, "Listing secrets by the ephemeral flag");
    tck_ok(t, tck_secret_listed(conn, VIR_CONNECT_LIST_SECRETS_EPHEMERAL, eph_usage),
           "the ephemeral list holds it");
    tck_ok(t, !tck_secret_listed(conn, VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL, eph_usage),
           "the kept list does not");
    tck_ok(t, tck_secret_listed(conn, VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL, kept_usage),
           "the kept list holds the kept secret");
    tck_ok(t, !tck_secret_listed(conn, VIR_CONNECT_LIST_SECRETS_EPHEMERAL, kept_usage),
           "the ephemeral list does not");

    tck_diag(t, "Undefining it");
    virSecretGetUUIDString(eph, uuid);
    tck_ok_call(t, virSecretUndefine(eph), "undefined the ephemeral secret");
    tck_ok_error(t, virSecretLookupByUUIDString(conn, uuid), VIR_ERR_NO_SECRET,
                 "the undefined ephemeral secret is gone: NO_SECRET");
    virSecretFree(kept);
    virSecretFree(eph);
    return tck_test_end(t);
}
