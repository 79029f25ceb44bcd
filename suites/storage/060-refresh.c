/*
 * 060-refresh — refresh makes the pool see what is in its target.
 *
 * An empty dir pool lists none of this test's volumes.  Where the driver
 * really keeps the pool in its local directory, a file the test writes
 * there behind libvirt's back (named like the test's volumes, recorded in
 * the ledger) is unknown (VIR_ERR_NO_STORAGE_VOL) until a refresh, then
 * listed with its size as capacity.  A refresh of an inactive pool is
 * refused with VIR_ERR_OPERATION_INVALID.
 */
#include <config.h>
#include <tck/tck.h>

#define FILE_BYTES (1 << 20)

static const TckTestInfo info = {
    .summary = "refresh finds a file written into the pool's target; an inactive pool refuses it",
    .plan = 7,
    .needs = (const char *const[]){ "storage", NULL },
};

/* How many of the pool's volumes carry this run's prefix. */
static int
count_own_volumes(TckTest *t, virStoragePoolPtr pool)
{
    g_autofree char *prefix = g_strdup_printf("tck-%s-", tck_test_run_id(t));
    virStorageVolPtr *vols = NULL;
    int n = virStoragePoolListAllVolumes(pool, &vols, 0), own = 0;

    for (int i = 0; i < n; i++) {
        own += g_str_has_prefix(virStorageVolGetName(vols[i]), prefix);
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
    return n < 0 ? -1 : own;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virStoragePoolPtr pool = tck_pool_create_dir(t, "pool");
    g_autofree char *target = tck_pool_target(t, "pool");
    g_autofree char *xml = tck_pool_xml(t, "dir", "inactive", NULL);
    virStoragePoolPtr inactive;

    tck_diag(t, "Refreshing the empty pool");
    tck_ok_call(t, virStoragePoolRefresh(pool, 0), "refreshed the empty pool");
    tck_is(t, count_own_volumes(t, pool), 0, "the empty pool lists none of this test's volumes");

    if (tck_pool_is_local(pool, target)) {
        const char *name = tck_own(t, TCK_OBJECT_VOLUME, "outside", virStoragePoolGetName(pool));
        g_autofree char *path = g_build_filename(target, name, NULL);
        g_autofree char *data = g_malloc0(FILE_BYTES);
        virStorageVolPtr vol;
        virStorageVolInfo vinfo = { 0 };

        tck_diag(t, "Writing %s into the pool's directory behind libvirt's back", name);
        if (!g_file_set_contents(path, data, FILE_BYTES, NULL))
            tck_bail_out(t, "cannot write %s", path);
        tck_ok_error(t, virStorageVolLookupByName(pool, name), VIR_ERR_NO_STORAGE_VOL,
                     "before a refresh the file is not a volume: NO_STORAGE_VOL");
        tck_ok_call(t, virStoragePoolRefresh(pool, 0), "refreshed the pool");
        vol = tck_ok_volume(t, virStorageVolLookupByName(pool, name),
                            "after the refresh the file is a volume");
        if (vol)
            virStorageVolGetInfo(vol, &vinfo);
        tck_is(t, vinfo.capacity, FILE_BYTES, "its capacity is the file's size");
        if (vol)
            virStorageVolFree(vol);
    } else {
        tck_skip(t, 4, "the driver does not keep this pool in the local directory %s", target);
    }
    virStoragePoolFree(pool);

    tck_diag(t, "Refreshing an inactive pool");
    inactive = virStoragePoolDefineXML(conn, xml, 0);
    if (!inactive)
        tck_bail_out(t, "cannot define a pool: %s", virGetLastErrorMessage());
    tck_ok_error(t, virStoragePoolRefresh(inactive, 0), VIR_ERR_OPERATION_INVALID,
                 "refresh of an inactive pool is refused: OPERATION_INVALID");
    virStoragePoolFree(inactive);
    return tck_test_end(t);
}
