/*
 * 130-resize — a volume grows, grows by a delta, and shrinks only when
 * asked to.
 *
 * A sparse 8 MiB raw volume resized to 16 MiB has capacity 16 MiB; with
 * VIR_STORAGE_VOL_RESIZE_DELTA, 4 MiB more make 20 MiB.  Resizing it to
 * 4 MiB without VIR_STORAGE_VOL_RESIZE_SHRINK is refused with
 * VIR_ERR_INVALID_ARG (the request itself is wrong) and changes nothing;
 * with the flag it shrinks.  A driver without resize (VIR_ERR_NO_SUPPORT)
 * skips the test, naming that.
 */
#include <config.h>
#include <tck/tck.h>

#define MIB (1ULL << 20)

static const TckTestInfo info = {
    .summary = "a volume grows, grows by a delta and shrinks only with the shrink flag",
    .plan = 9,
    .needs = (const char *const[]){ "storage", NULL },
};

static unsigned long long
capacity_of(virStorageVolPtr vol)
{
    virStorageVolInfo vinfo = { 0 };

    virStorageVolGetInfo(vol, &vinfo);
    return vinfo.capacity;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virStoragePoolPtr pool = tck_pool_create_dir(t, "pool");
    g_autofree char *xml = tck_volume_xml(t, pool, "vol", "raw", 8 * MIB, 0);
    virStorageVolPtr vol;
    int ret;

    tck_diag(t, "Creating a sparse 8 MiB volume and growing it");
    vol = tck_ok_volume(t, virStorageVolCreateXML(pool, xml, 0), "created a sparse 8 MiB volume");
    if (!vol)
        tck_bail_out(t, "cannot go on without the volume");
    ret = virStorageVolResize(vol, 16 * MIB, 0);
    if (ret < 0 && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
        tck_skip_all(t, "the driver cannot resize volumes (VIR_ERR_NO_SUPPORT)");
    tck_ok_call(t, ret, "resized the volume to 16 MiB");
    tck_is(t, capacity_of(vol), 16 * MIB, "its capacity is now 16 MiB");
    tck_ok_call(t, virStorageVolResize(vol, 4 * MIB, VIR_STORAGE_VOL_RESIZE_DELTA), "grew it by 4 MiB");
    tck_is(t, capacity_of(vol), 20 * MIB, "its capacity is now 20 MiB");

    tck_diag(t, "Shrinking it");
    tck_ok_error(t, virStorageVolResize(vol, 4 * MIB, 0), VIR_ERR_INVALID_ARG,
                 "shrinking without the shrink flag is refused: INVALID_ARG");
    tck_is(t, capacity_of(vol), 20 * MIB, "the refused shrink changed nothing");
    tck_ok_call(t, virStorageVolResize(vol, 4 * MIB, VIR_STORAGE_VOL_RESIZE_SHRINK),
                "shrank it to 4 MiB with the shrink flag");
    tck_is(t, capacity_of(vol), 4 * MIB, "its capacity is now 4 MiB");
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    return tck_test_end(t);
}
