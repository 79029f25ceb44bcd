/*
 * 010-define-lookup — a secret is found by its UUID and by its usage
 * until it is undefined, and by neither after.
 *
 * Define a ceph secret whose usage name is the test's: it has that usage
 * type and id, its UUID and its usage each find it, and the list holds
 * it.  Undefine it: both lookups fail with VIR_ERR_NO_SECRET, and so does
 * undefining it again.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a secret is found by UUID and by usage until undefined",
    .plan = 10,
    .needs = (const char *const[]){ "secret", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_secret_xml(t, "secret", FALSE, FALSE, NULL);
    const char *usage = tck_name(t, "secret");
    char uuid[VIR_UUID_STRING_BUFLEN] = "", found_uuid[VIR_UUID_STRING_BUFLEN] = "";
    virSecretPtr sec, found;

    tck_diag(t, "Defining the secret %s", usage);
    sec = tck_ok_secret(t, virSecretDefineXML(conn, xml, 0), "defined a ceph secret");
    if (!sec)
        tck_bail_out(t, "cannot go on without the secret");
    virSecretGetUUIDString(sec, uuid);
    tck_is(t, virSecretGetUsageType(sec), VIR_SECRET_USAGE_TYPE_CEPH, "its usage type is ceph");
    tck_is(t, virSecretGetUsageID(sec), usage, "its usage id is the name it was given");

    tck_diag(t, "Looking it up by UUID and by usage");
    found = virSecretLookupByUUIDString(conn, uuid);
    tck_is(t, found ? virSecretGetUsageID(found) : NULL, usage, "its UUID finds it");
    if (found)
        virSecretFree(found);
    found = virSecretLookupByUsage(conn, VIR_SECRET_USAGE_TYPE_CEPH, usage);
    if (found)
        virSecretGetUUIDString(found, found_uuid);
    tck_is(t, (const char *)found_uuid, (const char *)uuid, "its usage finds it");
    if (found)
        virSecretFree(found);
    tck_ok(t, tck_secret_listed(conn, 0, usage), "the list of secrets holds it");

    tck_diag(t, "Undefining it");
    tck_ok_call(t, virSecretUndefine(sec), "undefined the secret");
    tck_ok_error(t, virSecretLookupByUUIDString(conn, uuid), VIR_ERR_NO_SECRET,
                 "its UUID finds nothing: NO_SECRET");
    tck_ok_error(t, virSecretLookupByUsage(conn, VIR_SECRET_USAGE_TYPE_CEPH, usage), VIR_ERR_NO_SECRET,
                 "its usage finds nothing: NO_SECRET");
    tck_ok_error(t, virSecretUndefine(sec), VIR_ERR_NO_SECRET,
                 "undefining it again is refused: NO_SECRET");
    virSecretFree(sec);
    return tck_test_end(t);
}
