/*
 * 040-fs-transient-lifecycle — a transient fs pool, built as it is
 * created on the test's own image: VIR_STORAGE_POOL_CREATE_WITH_BUILD_NO_OVERWRITE
 * makes the filesystem (the plain WITH_BUILD only makes the directory).
 *
 * It is active and not persistent, holds a volume, and after destroy it
 * is gone (VIR_ERR_NO_STORAGE_POOL) and, where this process sees the
 * mount, no longer mounted (a leftover mount is detached by the test).
 */
#include <config.h>
#include <tck/tck.h>

#define IMAGE_BYTES (32ULL << 20)

static const TckTestInfo info = {
    .summary = "a transient fs pool is built on create, holds a volume and is gone after destroy",
    .plan = 8,
    .needs = (const char *const[]){ "storage", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *image = tck_scratch_image(t, "fs.img", IMAGE_BYTES);
    g_autofree char *xml = tck_pool_xml(t, "fs", "fs", image);
    g_autofree char *target = tck_pool_target(t, "fs");
    const char *name = tck_name(t, "fs");
    g_autofree char *vol_xml = NULL;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    gboolean mounted;

    tck_diag(t, "Creating the transient fs pool %s, built on %s", name, image);
    pool = tck_ok_pool(t, virStoragePoolCreateXML(conn, xml, VIR_STORAGE_POOL_CREATE_WITH_BUILD_NO_OVERWRITE),
                       "created a transient fs pool, building its filesystem");
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    tck_is(t, virStoragePoolIsActive(pool), 1, "the new pool is active");
    tck_is(t, virStoragePoolIsPersistent(pool), 0, "the new pool is not persistent");
    mounted = tck_path_is_mountpoint(target);

    tck_diag(t, "Creating and deleting a volume in it");
    vol_xml = tck_volume_xml(t, pool, "vol", "raw", 1 << 20, 1 << 20);
    vol = tck_ok_volume(t, virStorageVolCreateXML(pool, vol_xml, 0), "created a 1 MiB volume in the fs pool");
    tck_ok_call(t, vol ? virStorageVolDelete(vol, 0) : -1, "deleted the volume");
    if (vol)
        virStorageVolFree(vol);

    tck_diag(t, "Destroying the pool");
    tck_ok_call(t, virStoragePoolDestroy(pool), "destroyed the transient fs pool");
    virStoragePoolFree(pool);
    tck_ok_error(t, virStoragePoolLookupByName(conn, name), VIR_ERR_NO_STORAGE_POOL,
                 "a destroyed transient fs pool is gone: NO_STORAGE_POOL by name");
    if (mounted)
        tck_ok(t, !tck_path_is_mountpoint(target), "destroy unmounted the pool's target");
    else
        tck_skip(t, 1, "no mount on %s is visible from this process", target);
    tck_unmount_leftover(t, target);
    return tck_test_end(t);
}
