/*
 * 030-private — a private secret takes a value but never gives it back.
 *
 * Define a secret with private='yes': its XML says so, it takes a value,
 * and reading the value is refused with VIR_ERR_INVALID_SECRET ("secret
 * is private").  The list filters VIR_CONNECT_LIST_SECRETS_PRIVATE and
 * _NO_PRIVATE put it, and a public secret beside it, each on its side.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a private secret's value is never read back; the list filters tell private from public",
    .plan = 8,
    .needs = (const char *const[]){ "secret", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *priv_xml = tck_secret_xml(t, "private", FALSE, TRUE, NULL);
    g_autofree char *pub_xml = tck_secret_xml(t, "public", FALSE, FALSE, NULL);
    const char *priv_usage = tck_name(t, "private"), *pub_usage = tck_name(t, "public");
    g_autofree char *dump = NULL, *flag = NULL;
    const unsigned char value[] = "private value";
    size_t len = 0;
    virSecretPtr priv, pub;

    tck_diag(t, "Defining a private and a public secret");
    priv = tck_ok_secret(t, virSecretDefineXML(conn, priv_xml, 0), "defined a private secret");
    if (!priv)
        tck_bail_out(t, "cannot go on without the private secret");
    pub = virSecretDefineXML(conn, pub_xml, 0);
    if (!pub)
        tck_bail_out(t, "cannot define the public secret: %s", virGetLastErrorMessage());
    dump = virSecretGetXMLDesc(priv, 0);
    flag = dump ? tck_xml_get_text(dump, "/secret/@private") : NULL;
    tck_is(t, flag, "yes", "its XML says private='yes'");

    tck_diag(t, "Setting its value and trying to read it");
    tck_ok_call(t, virSecretSetValue(priv, value, sizeof(value), 0), "the private secret takes a value");
    tck_ok_error(t, virSecretGetValue(priv, &len, 0) ? 0 : -1, VIR_ERR_INVALID_SECRET,
                 "reading a private secret's value is refused: INVALID_SECRET");

    tck_diag(t, "Listing secrets by the private flag");
    tck_ok(t, tck_secret_listed(conn, VIR_CONNECT_LIST_SECRETS_PRIVATE, priv_usage),
           "the private list holds it");
    tck_ok(t, !tck_secret_listed(conn, VIR_CONNECT_LIST_SECRETS_NO_PRIVATE, priv_usage),
           "the public list does not");
    tck_ok(t, tck_secret_listed(conn, VIR_CONNECT_LIST_SECRETS_NO_PRIVATE, pub_usage),
           "the public list holds the public secret");
    tck_ok(t, !tck_secret_listed(conn, VIR_CONNECT_LIST_SECRETS_PRIVATE, pub_usage),
           "the private list does not");
    virSecretFree(pub);
    virSecretFree(priv);
    return tck_test_end(t);
}
