/*
 * 010-dir-transient-lifecycle — a transient dir pool lives from create to
 * destroy.
 *
 * Create a dir pool (its target a fresh directory in the test's scratch
 * dir, which its XML gives back): it is active and not persistent, the
 * list filtered for transient pools holds it and the one for persistent
 * pools does not, and both its name and its UUID find it.  Destroy it: it is gone, and a lookup by name fails with
 * VIR_ERR_NO_STORAGE_POOL, the code for "no pool with that name".
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a transient dir pool is active until destroyed, then gone",
    .plan = 12,
    .needs = (const char *const[]){ "storage", NULL },
};

/* Does the pool list with @flags hold the pool @name? */
static gboolean
pool_listed(virConnectPtr conn, unsigned int flags, const char *name)
{
    virStoragePoolPtr *pools = NULL;
    int n = virConnectListAllStoragePools(conn, &pools, flags);
    gboolean found = FALSE;

    for (int i = 0; i < n; i++) {
        found |= g_strcmp0(virStoragePoolGetName(pools[i]), name) == 0;
        virStoragePoolFree(pools[i]);
    }
    g_free(pools);
    return found;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_pool_xml(t, "dir", "transient", NULL);
    const char *name = tck_name(t, "transient");
    g_autofree char *target = tck_pool_target(t, "transient"), *dump = NULL, *got_target = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virStoragePoolPtr pool, found;
    virStoragePoolInfo pinfo = { 0 };

    tck_diag(t, "Creating the transient dir pool %s", name);
    pool = tck_ok_pool(t, virStoragePoolCreateXML(conn, xml, 0), "created a transient dir pool");
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    tck_is(t, virStoragePoolGetName(pool), name, "the pool carries the name it was given");
    tck_is(t, virStoragePoolIsActive(pool), 1, "the new pool is active");
    tck_is(t, virStoragePoolIsPersistent(pool), 0, "the new pool is not persistent");
    virStoragePoolGetInfo(pool, &pinfo);
    tck_is(t, pinfo.state, VIR_STORAGE_POOL_RUNNING, "its info says it is running");
    dump = virStoragePoolGetXMLDesc(pool, 0);
    got_target = dump ? tck_xml_get_text(dump, "/pool/target/path") : NULL;
    tck_is(t, got_target, target, "its target is the test's own scratch directory");

    tck_ok(t, pool_listed(conn, VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT, name),
           "the list of transient pools holds it");
    tck_ok(t, !pool_listed(conn, VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT, name),
           "the list of persistent pools does not");

    tck_diag(t, "Looking the pool up by name and by UUID");
    virStoragePoolGetUUIDString(pool, uuid);
    found = tck_ok_pool(t, virStoragePoolLookupByName(conn, name), "the pool is found by name");
    if (found)
        virStoragePoolFree(found);
    found = virStoragePoolLookupByUUIDString(conn, uuid);
    tck_is(t, found ? virStoragePoolGetName(found) : NULL, name, "its UUID finds the same pool");
    if (found)
        virStoragePoolFree(found);

    tck_diag(t, "Destroying the pool");
    tck_ok_call(t, virStoragePoolDestroy(pool), "destroyed the transient pool");
    virStoragePoolFree(pool);
    tck_ok_error(t, virStoragePoolLookupByName(conn, name), VIR_ERR_NO_STORAGE_POOL,
                 "a destroyed transient pool is gone: NO_STORAGE_POOL by name");
    return tck_test_end(t);
}
