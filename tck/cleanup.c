/* cleanup.c — finding (and with --force removing) other runs' leftover tck- objects. */
#include <config.h>
#include <string.h>
#include <libvirt/virterror.h>
#include <tck/ledger.h>
#include <tck/protocol.h>
#include "cleanup.h"

typedef struct {
    TckObjectKind kind;
    char *name;
    char *parent;
} Found;

static void
found_add(GPtrArray *found, TckObjectKind kind, const char *name, const char *parent)
{
    TckLedgerEntry *e;

    if (!tck_name_is_tck(name))
        return;
    e = g_new0(TckLedgerEntry, 1);
    e->kind = kind;
    e->name = g_strdup(name);
    e->parent = g_strdup(parent);
    g_ptr_array_add(found, e);
}

/* Every tck- object on @conn, of any run. */
static GPtrArray *
list_tck_objects(virConnectPtr conn)
{
    GPtrArray *found = g_ptr_array_new_with_free_func((GDestroyNotify)tck_ledger_entry_free);
    virDomainPtr *doms = NULL;
    virNetworkPtr *nets = NULL;
    virStoragePoolPtr *pools = NULL;
    virNWFilterPtr *filters = NULL;
    virSecretPtr *secrets = NULL;
    virInterfacePtr *ifaces = NULL;
    int n;

    if ((n = virConnectListAllDomains(conn, &doms, 0)) > 0)
        for (int i = 0; i < n; i++) {
            found_add(found, TCK_OBJECT_DOMAIN, virDomainGetName(doms[i]), NULL);
            virDomainFree(doms[i]);
        }
    g_free(doms);
    if ((n = virConnectListAllNetworks(conn, &nets, 0)) > 0)
        for (int i = 0; i < n; i++) {
            found_add(found, TCK_OBJECT_NETWORK, virNetworkGetName(nets[i]), NULL);
            virNetworkFree(nets[i]);
        }
    g_free(nets);
    if ((n = virConnectListAllStoragePools(conn, &pools, 0)) > 0)
        for (int i = 0; i < n; i++) {
            const char *pool = virStoragePoolGetName(pools[i]);
            virStorageVolPtr *vols = NULL;
            int nv;
            found_add(found, TCK_OBJECT_POOL, pool, NULL);
            if (virStoragePoolIsActive(pools[i]) == 1 &&
                (nv = virStoragePoolListAllVolumes(pools[i], &vols, 0)) > 0) {
                for (int j = 0; j < nv; j++) {
                    found_add(found, TCK_OBJECT_VOLUME, virStorageVolGetName(vols[j]), pool);
                    virStorageVolFree(vols[j]);
                }
            }
            g_free(vols);
            virStoragePoolFree(pools[i]);
        }
    g_free(pools);
    if ((n = virConnectListAllNWFilters(conn, &filters, 0)) > 0)
        for (int i = 0; i < n; i++) {
            found_add(found, TCK_OBJECT_NWFILTER, virNWFilterGetName(filters[i]), NULL);
            virNWFilterFree(filters[i]);
        }
    g_free(filters);
    if ((n = virConnectListAllSecrets(conn, &secrets, 0)) > 0)
        for (int i = 0; i < n; i++) {
            found_add(found, TCK_OBJECT_SECRET, virSecretGetUsageID(secrets[i]), NULL);
            virSecretFree(secrets[i]);
        }
    g_free(secrets);
    if ((n = virConnectListAllInterfaces(conn, &ifaces, 0)) > 0)
        for (int i = 0; i < n; i++) {
            found_add(found, TCK_OBJECT_INTERFACE, virInterfaceGetName(ifaces[i]), NULL);
            virInterfaceFree(ifaces[i]);
        }
    g_free(ifaces);
    /* Drivers without some object kinds answer with errors: not ours to report. */
    virResetLastError();
    return found;
}

guint
tck_cleanup_leftovers(virConnectPtr conn, const char *run_id, gboolean force, GString *report)
{
    g_autoptr(GPtrArray) found = list_tck_objects(conn);
    g_autofree char *ours = tck_ledger_prefix(run_id);
    guint count = 0;

    for (guint i = 0; i < found->len; i++) {
        TckLedgerEntry *e = g_ptr_array_index(found, i);
        g_autofree char *other_run = NULL;

        if (g_str_has_prefix(e->name, ours))
            continue;
        count++;
        if (!force) {
            g_string_append_printf(report, "leftover %s %s%s%s from another run: left alone (use --force to remove)\n",
                                   tck_object_kind_to_string(e->kind), e->name,
                                   e->parent ? " in pool " : "", e->parent ? e->parent : "");
            continue;
        }
        /* Remove it through the same code as a ledger cleanup, as its own run. */
        other_run = tck_run_id_from_name(e->name);
        {
            g_autoptr(GPtrArray) one = g_ptr_array_new();
            g_autoptr(GString) log = g_string_new(NULL);
            g_ptr_array_add(one, e);
            if (tck_ledger_cleanup(conn, one, other_run, log) == 0)
                g_string_append_printf(report, "removed leftover %s %s\n", tck_object_kind_to_string(e->kind), e->name);
            else
                g_string_append_printf(report, "could not remove leftover %s %s: %s",
                                       tck_object_kind_to_string(e->kind), e->name, log->str);
        }
    }
    return count;
}
