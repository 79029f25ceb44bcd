/*
 * 170-inactive-pool — what a pool's state forbids, and what is left of an
 * undefined pool.
 *
 * An inactive pool refuses volume creation and destroy, a running pool
 * refuses undefine: each with VIR_ERR_OPERATION_INVALID ("the pool's state
 * does not allow it").  Undefined, the pool is found neither by name nor
 * by UUID: VIR_ERR_NO_STORAGE_POOL.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a pool's state refuses the wrong operations; an undefined pool is found by nothing",
    .plan = 9,
    .needs = (const char *const[]){ "storage", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_pool_xml(t, "dir", "pool", NULL);
    const char *name = tck_name(t, "pool");
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    g_autofree char *vol_xml = NULL;
    virStoragePoolPtr pool;

    tck_diag(t, "Defining the pool, inactive");
    pool = tck_ok_pool(t, virStoragePoolDefineXML(conn, xml, 0), "defined a dir pool");
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    virStoragePoolGetUUIDString(pool, uuid);
    vol_xml = tck_volume_xml(t, pool, "vol", "raw", 1 << 20, 0);
    tck_ok_error(t, virStorageVolCreateXML(pool, vol_xml, 0), VIR_ERR_OPERATION_INVALID,
                 "an inactive pool refuses to create a volume: OPERATION_INVALID");
    tck_ok_error(t, virStoragePoolDestroy(pool), VIR_ERR_OPERATION_INVALID,
                 "an inactive pool refuses destroy: OPERATION_INVALID");

    tck_diag(t, "Starting the pool");
    tck_ok_call(t, virStoragePoolCreate(pool, 0), "started the pool");
    tck_ok_error(t, virStoragePoolUndefine(pool), VIR_ERR_OPERATION_INVALID,
                 "a running pool refuses undefine: OPERATION_INVALID");
    tck_ok_call(t, virStoragePoolDestroy(pool), "destroyed the pool");

    tck_diag(t, "Undefining the pool");
    tck_ok_call(t, virStoragePoolUndefine(pool), "undefined the pool");
    virStoragePoolFree(pool);
    tck_ok_error(t, virStoragePoolLookupByName(conn, name), VIR_ERR_NO_STORAGE_POOL,
                 "its name finds nothing: NO_STORAGE_POOL");
    tck_ok_error(t, virStoragePoolLookupByUUIDString(conn, uuid), VIR_ERR_NO_STORAGE_POOL,
                 "its UUID finds nothing: NO_STORAGE_POOL");
    return tck_test_end(t);
}
