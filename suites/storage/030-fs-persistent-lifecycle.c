/*
 * 030-fs-persistent-lifecycle — a persistent fs pool on an image the test
 * made itself: the pool's own build makes the filesystem, start mounts
 * it, destroy unmounts it.
 *
 * The image is a sparse 32 MiB file in the test's scratch dir, the target
 * a directory next to it.  A pool on a 32 MiB device cannot offer more
 * than 32 MiB.  Where this process sees the mount (the driver runs on
 * this host, in this mount namespace), the target must be a mount point
 * while the pool runs and no longer after destroy; a leftover mount is
 * detached by the test, so nothing stays mounted.  Undefined, the pool
 * is gone: VIR_ERR_NO_STORAGE_POOL.
 */
#include <config.h>
#include <tck/tck.h>

#define IMAGE_BYTES (32ULL << 20)

static const TckTestInfo info = {
    .summary = "an fs pool built on the test's own image mounts on start and unmounts on destroy",
    .plan = 12,
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
    virStoragePoolPtr pool;
    virStoragePoolInfo pinfo = { 0 };
    gboolean mounted;

    tck_diag(t, "Defining the fs pool %s on %s", name, image);
    pool = tck_ok_pool(t, virStoragePoolDefineXML(conn, xml, 0), "defined an fs pool on the image");
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");

    tck_diag(t, "Building the filesystem through the pool, then starting it");
    tck_ok_call(t, virStoragePoolBuild(pool, VIR_STORAGE_POOL_BUILD_NO_OVERWRITE),
                "the pool's build made a filesystem on the image");
    tck_ok_call(t, virStoragePoolCreate(pool, 0), "started the fs pool");
    tck_is(t, virStoragePoolIsActive(pool), 1, "the started pool is active");
    virStoragePoolGetInfo(pool, &pinfo);
    tck_ok(t, pinfo.capacity > 0 && pinfo.capacity <= IMAGE_BYTES,
           "the pool's capacity (%llu bytes) is that of a filesystem on the 32 MiB image",
           pinfo.capacity);
    tck_ok(t, pinfo.allocation + pinfo.available <= pinfo.capacity,
           "allocation plus available space do not exceed the capacity");

    mounted = tck_path_is_mountpoint(target);
    if (mounted)
        tck_ok(t, TRUE, "the image is mounted on the pool's target");
    else
        tck_skip(t, 1, "no mount on %s is visible from this process", target);

    tck_diag(t, "Destroying the pool");
    tck_ok_call(t, virStoragePoolDestroy(pool), "destroyed the fs pool");
    tck_is(t, virStoragePoolIsActive(pool), 0, "the destroyed pool is inactive");
    if (mounted)
        tck_ok(t, !tck_path_is_mountpoint(target), "destroy unmounted the pool's target");
    else
        tck_skip(t, 1, "no mount on %s is visible from this process", target);
    tck_unmount_leftover(t, target);

    tck_diag(t, "Undefining the pool");
    tck_ok_call(t, virStoragePoolUndefine(pool), "undefined the fs pool");
    virStoragePoolFree(pool);
    tck_ok_error(t, virStoragePoolLookupByName(conn, name), VIR_ERR_NO_STORAGE_POOL,
                 "an undefined fs pool is gone: NO_STORAGE_POOL by name");
    return tck_test_end(t);
}
