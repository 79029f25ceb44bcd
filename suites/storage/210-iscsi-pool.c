/*
 * 210-iscsi-pool — an iSCSI target logged into as a pool.
 *
 * Only when the config's iscsi_server names a host and a target IQN;
 * otherwise the test skips, naming the key.  Start logs in and lists the
 * target's LUNs as volumes (never written), destroy logs out, undefine
 * leaves nothing: a lookup then fails with VIR_ERR_NO_STORAGE_POOL.
 */
#include <config.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "an iSCSI target from the config is logged into as a pool and released",
    .plan = 6,
    .needs = (const char *const[]){ "storage", "config:iscsi_server", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    const char *iqn;
    const char *host = tck_storage_server(t, "iscsi_server", "target", &iqn);
    virConnectPtr conn = tck_test_connect(t);
    const char *name = tck_own(t, TCK_OBJECT_POOL, "iscsi", NULL);
    g_autoptr(TckPoolBuilder) b = tck_pool_builder_new("iscsi", name);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    virStoragePoolPtr pool;
    int n;

    tck_pool_builder_set_source_host(b, host);
    tck_pool_builder_add_source_device(b, iqn);
    tck_pool_builder_set_target(b, "/dev/disk/by-path");
    if (!(xml = tck_pool_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build the iscsi pool: %s", error->message);

    tck_diag(t, "Defining and starting the iscsi pool %s on %s %s", name, host, iqn);
    pool = tck_ok_pool(t, virStoragePoolDefineXML(conn, xml, 0), "defined an iscsi pool on %s", host);
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    tck_ok_call(t, virStoragePoolCreate(pool, 0), "started (logged into) the iscsi pool");
    n = virStoragePoolNumOfVolumes(pool);
    tck_ok(t, n >= 0, "the pool lists the target's LUNs (%d)", n);

    tck_diag(t, "Releasing the pool");
    tck_ok_call(t, virStoragePoolDestroy(pool), "destroyed (logged out of) the iscsi pool");
    tck_ok_call(t, virStoragePoolUndefine(pool), "undefined the iscsi pool");
    virStoragePoolFree(pool);
    tck_ok_error(t, virStoragePoolLookupByName(conn, name), VIR_ERR_NO_STORAGE_POOL,
                 "an undefined iscsi pool is gone: NO_STORAGE_POOL");
    return tck_test_end(t);
}
