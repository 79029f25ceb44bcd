/*
 * secret.h — the test's own secrets.  A secret has no name; its usage id
 * carries the test's, which is what the ledger records and cleanup finds.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>
#include <tck/test.h>

G_BEGIN_DECLS

/**
 * tck_secret_xml:
 * @t: the test
 * @suffix: what the secret is for; its ceph usage name is tck_name(t, suffix)
 * @ephemeral: <secret ephemeral='yes'>: kept in memory only
 * @private_: <secret private='yes'>: its value is never read back
 * @uuid: (nullable): the UUID to give it, or NULL for libvirt to choose
 *
 * Records the secret in the ledger.  Bails out when the XML cannot be built.
 *
 * Returns: (transfer full): the secret XML.
 */
char *tck_secret_xml(TckTest *t, const char *suffix, gboolean ephemeral, gboolean private_,
                     const char *uuid);

/*
 * tck_secret_listed: whether virConnectListAllSecrets with @flags (the
 * VIR_CONNECT_LIST_SECRETS_* filters, or 0) returns the secret whose
 * usage id is @usage.
 */
gboolean tck_secret_listed(virConnectPtr conn, unsigned int flags, const char *usage);

G_END_DECLS
