/*
 * 080-raw-volume-lifecycle — a raw volume is found by name, key and path
 * until it is deleted, and by none of them after.
 *
 * Create a sparse 16 MiB raw volume in a dir pool: it has the name and
 * capacity it was given and is listed in the pool.  Delete it: each of
 * the three lookups then fails with VIR_ERR_NO_STORAGE_VOL.
 */
#include <config.h>
#include <tck/tck.h>

#define VOL_BYTES (16ULL << 20)

static const TckTestInfo info = {
    .summary = "a raw volume is found by name, key and path, and by none after delete",
    .plan = 11,
    .needs = (const char *const[]){ "storage", NULL },
};

static gboolean
pool_lists(virStoragePoolPtr pool, const char *name)
{
    virStorageVolPtr *vols = NULL;
    int n = virStoragePoolListAllVolumes(pool, &vols, 0);
    gboolean found = FALSE;

    for (int i = 0; i < n; i++) {
        found |= g_strcmp0(virStorageVolGetName(vols[i]), name) == 0;
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
    return found;
}

static const char *
name_of(virStorageVolPtr vol, char **keep)
{
    if (!vol)
        return NULL;
    *keep = g_strdup(virStorageVolGetName(vol));
    virStorageVolFree(vol);
    return *keep;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virStoragePoolPtr pool = tck_pool_create_dir(t, "pool");
    g_autofree char *xml = tck_volume_xml(t, pool, "raw", "raw", VOL_BYTES, 0);
    const char *name = tck_name(t, "raw");
    g_autofree char *key = NULL, *path = NULL, *n1 = NULL, *n2 = NULL;
    virStorageVolPtr vol;
    virStorageVolInfo vinfo = { 0 };

    tck_diag(t, "Creating the raw volume %s", name);
    vol = tck_ok_volume(t, virStorageVolCreateXML(pool, xml, 0), "created a sparse 16 MiB raw volume");
    if (!vol)
        tck_bail_out(t, "cannot go on without the volume");
    tck_is(t, virStorageVolGetName(vol), name, "the volume carries the name it was given");
    virStorageVolGetInfo(vol, &vinfo);
    tck_is(t, vinfo.capacity, VOL_BYTES, "its capacity is 16 MiB");
    tck_ok(t, pool_lists(pool, name), "the pool lists the volume");
    key = g_strdup(virStorageVolGetKey(vol));
    path = virStorageVolGetPath(vol);

    tck_diag(t, "Looking the volume up by key and by path");
    tck_is(t, name_of(virStorageVolLookupByKey(conn, key), &n1), name, "its key finds it");
    tck_is(t, name_of(virStorageVolLookupByPath(conn, path), &n2), name, "its path finds it");

    tck_diag(t, "Deleting the volume");
    tck_ok_call(t, virStorageVolDelete(vol, 0), "deleted the volume");
    virStorageVolFree(vol);
    tck_ok(t, !pool_lists(pool, name), "the pool no longer lists it");
    tck_ok_error(t, virStorageVolLookupByName(pool, name), VIR_ERR_NO_STORAGE_VOL,
                 "a deleted volume's name finds nothing: NO_STORAGE_VOL");
    tck_ok_error(t, virStorageVolLookupByKey(conn, key), VIR_ERR_NO_STORAGE_VOL,
                 "a deleted volume's key finds nothing: NO_STORAGE_VOL");
    tck_ok_error(t, virStorageVolLookupByPath(conn, path), VIR_ERR_NO_STORAGE_VOL,
                 "a deleted volume's path finds nothing: NO_STORAGE_VOL");
    virStoragePoolFree(pool);
    return tck_test_end(t);
}
