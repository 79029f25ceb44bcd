/*
 * secret.c — the test's own secrets (see tck/secret.h).
 */
#include <config.h>
#include <tck/builders.h>
#include <tck/secret.h>
#include "test-private.h"

char *
tck_secret_xml(TckTest *t, const char *suffix, gboolean ephemeral, gboolean private_, const char *uuid)
{
    const char *usage = tck_own(t, TCK_OBJECT_SECRET, suffix, NULL);
    g_autoptr(TckSecretBuilder) b = tck_secret_builder_new(ephemeral, private_);
    g_autoptr(GError) error = NULL;
    char *xml;

    if (uuid)
        tck_secret_builder_set_uuid(b, uuid);
    tck_secret_builder_set_description(b, "libvirt-tck test secret");
    tck_secret_builder_set_usage(b, "ceph", usage);
    if (!(xml = tck_secret_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build the secret '%s': %s", usage, error->message);
    return xml;
}

gboolean
tck_secret_listed(virConnectPtr conn, unsigned int flags, const char *usage)
{
    virSecretPtr *secrets = NULL;
    int n = virConnectListAllSecrets(conn, &secrets, flags);
    gboolean found = FALSE;

    for (int i = 0; i < n; i++) {
        found |= g_strcmp0(virSecretGetUsageID(secrets[i]), usage) == 0;
        virSecretFree(secrets[i]);
    }
    g_free(secrets);
    return found;
}
