/*
 * 070-legacy-api — the older secret calls agree with the newer ones.
 *
 * With a secret of this test defined: virConnectNumOfSecrets counts it,
 * virConnectListSecrets names its UUID (other runs' secrets may come and
 * go meanwhile; only this one counts), the raw virSecretGetUUID and virSecretLookupByUUID find the same
 * secret as the string forms, the secret's connection is the test's, and
 * an extra reference (virSecretRef) outlives one free.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "the legacy secret list, count and raw-UUID calls agree with the new ones",
    .plan = 8,
    .needs = (const char *const[]){ "secret", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_secret_xml(t, "secret", FALSE, FALSE, NULL);
    const char *usage = tck_name(t, "secret");
    unsigned char raw[VIR_UUID_BUFLEN];
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    char **uuids = NULL;
    virSecretPtr sec, found;
    int n, listed, in_list = 0;

    sec = tck_ok_secret(t, virSecretDefineXML(conn, xml, 0), "defined a secret");
    if (!sec)
        tck_bail_out(t, "cannot go on without the secret");
    virSecretGetUUIDString(sec, uuid);

    tck_diag(t, "Counting and listing with the older calls");
    /* Other runs may add secrets meanwhile: the list gets room to spare, and only ours counts. */
    n = virConnectNumOfSecrets(conn);
    tck_ok(t, n >= 1, "virConnectNumOfSecrets counts this test's secret among %d", n);
    uuids = g_new0(char *, MAX(n, 0) + 64 + 1);
    listed = virConnectListSecrets(conn, uuids, n + 64);
    for (int i = 0; i < listed; i++) {
        in_list |= g_strcmp0(uuids[i], uuid) == 0;
        free(uuids[i]);
    }
    g_free(uuids);
    tck_ok(t, in_list, "virConnectListSecrets names its UUID");

    tck_diag(t, "Looking it up by its raw UUID");
    tck_ok_call(t, virSecretGetUUID(sec, raw), "read its raw UUID");
    found = virSecretLookupByUUID(conn, raw);
    tck_is(t, found ? virSecretGetUsageID(found) : NULL, usage, "its raw UUID finds it");
    if (found)
        virSecretFree(found);
    tck_ok(t, virSecretGetConnect(sec) == conn, "the secret's connection is the test's");

    tck_ok_call(t, virSecretRef(sec), "took an extra reference");
    virSecretFree(sec);
    tck_ok(t, virSecretGetUsageID(sec) != NULL, "the extra reference keeps the secret usable after one free");
    virSecretFree(sec);
    return tck_test_end(t);
}
