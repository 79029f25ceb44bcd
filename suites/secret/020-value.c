/*
 * 020-value — a secret's value is what was set, byte for byte.
 *
 * A new secret has no value: getting it fails with VIR_ERR_NO_SECRET
 * ("secret U does not have a value").  Set 32 bytes (a NUL among them):
 * the same 32 bytes come back.  Set another value: that one comes back.
 * Once the secret is undefined, setting a value fails with
 * VIR_ERR_NO_SECRET.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a secret's value reads back byte for byte, and only while it exists",
    .plan = 8,
    .needs = (const char *const[]){ "secret", NULL },
};

/* Does @sec's value equal @want (@len bytes)? */
static gboolean
value_is(virSecretPtr sec, const unsigned char *want, size_t len)
{
    size_t got_len = 0;
    unsigned char *got = virSecretGetValue(sec, &got_len, 0);
    gboolean same = got && got_len == len && memcmp(got, want, len) == 0;

    free(got);
    return same;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_secret_xml(t, "secret", FALSE, FALSE, NULL);
    unsigned char first[32], second[] = "a second, shorter value";
    size_t len = 0;
    virSecretPtr sec;

    for (gsize i = 0; i < sizeof(first); i++)
        first[i] = (unsigned char)(i * 37 + 11);
    first[7] = 0;

    tck_diag(t, "Defining a secret");
    sec = tck_ok_secret(t, virSecretDefineXML(conn, xml, 0), "defined a secret");
    if (!sec)
        tck_bail_out(t, "cannot go on without the secret");
    tck_ok_error(t, virSecretGetValue(sec, &len, 0) ? 0 : -1, VIR_ERR_NO_SECRET,
                 "a new secret has no value: NO_SECRET");

    tck_diag(t, "Setting and reading back values");
    tck_ok_call(t, virSecretSetValue(sec, first, sizeof(first), 0), "set a 32-byte value");
    tck_ok(t, value_is(sec, first, sizeof(first)), "the same 32 bytes come back");
    tck_ok_call(t, virSecretSetValue(sec, second, sizeof(second), 0), "set another value");
    tck_ok(t, value_is(sec, second, sizeof(second)), "the new value comes back");

    tck_diag(t, "Undefining the secret");
    tck_ok_call(t, virSecretUndefine(sec), "undefined the secret");
    tck_ok_error(t, virSecretSetValue(sec, first, sizeof(first), 0), VIR_ERR_NO_SECRET,
                 "an undefined secret takes no value: NO_SECRET");
    virSecretFree(sec);
    return tck_test_end(t);
}
