/*
 * 070-capacity-accounting — a pool's allocation and available space move
 * with the volumes in it.
 *
 * The pool is an fs pool on the test's own 32 MiB image, so that nothing
 * else writes to its filesystem while the test measures.  A fully
 * allocated 8 MiB volume raises the pool's allocation and lowers its
 * available space by 8 MiB (within 1 MiB for filesystem metadata), and
 * leaves the capacity alone; deleting it gives the space back.
 */
#include <config.h>
#include <tck/tck.h>

#define IMAGE_BYTES (32ULL << 20)
#define VOL_BYTES (8ULL << 20)
#define SLACK (1ULL << 20)

static const TckTestInfo info = {
    .summary = "a volume's allocation is accounted in its pool's allocation and available space",
    .plan = 12,
    .needs = (const char *const[]){ "storage", NULL },
};

static virStoragePoolInfo
pool_info(virStoragePoolPtr pool)
{
    virStoragePoolInfo pinfo = { 0 };

    virStoragePoolRefresh(pool, 0);
    virStoragePoolGetInfo(pool, &pinfo);
    return pinfo;
}

static gboolean
within(unsigned long long got, unsigned long long want)
{
    return got >= want && got <= want + SLACK;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *image = tck_scratch_image(t, "fs.img", IMAGE_BYTES);
    g_autofree char *xml = tck_pool_xml(t, "fs", "fs", image);
    g_autofree char *target = tck_pool_target(t, "fs");
    g_autofree char *vol_xml = NULL;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStorageVolInfo vinfo = { 0 };
    virStoragePoolInfo before, with, after;

    tck_diag(t, "Setting up an fs pool on the test's own image");
    pool = tck_ok_pool(t, virStoragePoolDefineXML(conn, xml, 0), "defined an fs pool on the image");
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    tck_ok_call(t, virStoragePoolBuild(pool, VIR_STORAGE_POOL_BUILD_NO_OVERWRITE),
                "the pool's build made a filesystem on the image");
    if (!tck_ok_call(t, virStoragePoolCreate(pool, 0), "started the fs pool"))
        tck_bail_out(t, "cannot measure a pool that does not run");
    before = pool_info(pool);

    tck_diag(t, "Creating a fully allocated 8 MiB volume");
    vol_xml = tck_volume_xml(t, pool, "full", "raw", VOL_BYTES, VOL_BYTES);
    vol = tck_ok_volume(t, virStorageVolCreateXML(pool, vol_xml, 0),
                        "created a fully allocated 8 MiB volume");
    if (!vol)
        tck_bail_out(t, "cannot go on without the volume");
    virStorageVolGetInfo(vol, &vinfo);
    tck_ok(t, vinfo.allocation >= VOL_BYTES, "the volume's allocation (%llu) covers its 8 MiB",
           vinfo.allocation);
    with = pool_info(pool);
    tck_is(t, with.capacity, before.capacity, "the pool's capacity did not change");
    tck_ok(t, within(with.allocation - before.allocation, VOL_BYTES),
           "the pool's allocation grew by 8 MiB (%llu -> %llu)", before.allocation, with.allocation);
    tck_ok(t, within(before.available - with.available, VOL_BYTES),
           "the pool's available space shrank by 8 MiB (%llu -> %llu)", before.available, with.available);
    tck_ok(t, with.allocation + with.available <= with.capacity,
           "allocation plus available space do not exceed the capacity");

    tck_diag(t, "Deleting the volume");
    tck_ok_call(t, virStorageVolDelete(vol, 0), "deleted the volume");
    virStorageVolFree(vol);
    after = pool_info(pool);
    tck_ok(t, after.allocation <= before.allocation + SLACK,
           "the pool's allocation is back (%llu, was %llu)", after.allocation, before.allocation);
    tck_ok_call(t, virStoragePoolDestroy(pool), "destroyed the fs pool");
    tck_unmount_leftover(t, target);
    virStoragePoolFree(pool);
    return tck_test_end(t);
}
