/*
 * 100-allocation — allocation and capacity are two different promises.
 *
 * A raw volume asked for with allocation 0 is sparse: its capacity is
 * 32 MiB, its allocation below that.  One asked for fully allocated
 * (allocation = capacity = 8 MiB) allocates at least its capacity.  Where
 * the volume is a local file, its size and its blocks say the same.
 */
#include <config.h>
#include <sys/stat.h>
#include <tck/tck.h>

#define SPARSE_BYTES (32ULL << 20)
#define FULL_BYTES (8ULL << 20)

static const TckTestInfo info = {
    .summary = "a sparse volume allocates less than its capacity, a full one all of it",
    .plan = 8,
    .needs = (const char *const[]){ "storage", NULL },
};

static virStorageVolInfo
vol_info(virStorageVolPtr vol)
{
    virStorageVolInfo vinfo = { 0 };

    if (vol)
        virStorageVolGetInfo(vol, &vinfo);
    return vinfo;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virStoragePoolPtr pool = tck_pool_create_dir(t, "pool");
    g_autofree char *target = tck_pool_target(t, "pool");
    g_autofree char *sparse_xml = tck_volume_xml(t, pool, "sparse", "raw", SPARSE_BYTES, 0);
    g_autofree char *full_xml = tck_volume_xml(t, pool, "full", "raw", FULL_BYTES, FULL_BYTES);
    virStorageVolPtr sparse, full;
    virStorageVolInfo si, fi;

    tck_diag(t, "Creating a sparse and a fully allocated raw volume");
    sparse = tck_ok_volume(t, virStorageVolCreateXML(pool, sparse_xml, 0),
                           "created a sparse 32 MiB volume");
    full = tck_ok_volume(t, virStorageVolCreateXML(pool, full_xml, 0),
                         "created a fully allocated 8 MiB volume");
    si = vol_info(sparse);
    fi = vol_info(full);
    tck_is(t, si.capacity, SPARSE_BYTES, "the sparse volume's capacity is 32 MiB");
    tck_ok(t, si.allocation < si.capacity, "the sparse volume allocates less (%llu bytes)", si.allocation);
    tck_is(t, fi.capacity, FULL_BYTES, "the full volume's capacity is 8 MiB");
    tck_ok(t, fi.allocation >= fi.capacity, "the full volume allocates all of it (%llu bytes)",
           fi.allocation);

    if (tck_pool_is_local(pool, target) && sparse && full) {
        g_autofree char *sp = virStorageVolGetPath(sparse), *fp = virStorageVolGetPath(full);
        struct stat ss = { 0 }, fs = { 0 };
        stat(sp, &ss);
        stat(fp, &fs);
        tck_ok(t, ss.st_size == (off_t)SPARSE_BYTES && (guint64)ss.st_blocks * 512 < SPARSE_BYTES,
               "the sparse file is 32 MiB long with fewer blocks (%lld)", (long long)ss.st_blocks);
        tck_ok(t, (guint64)fs.st_blocks * 512 >= FULL_BYTES,
               "the full file has blocks for all of its 8 MiB (%lld)", (long long)fs.st_blocks);
    } else {
        tck_skip(t, 2, "the driver does not keep this pool in the local directory %s", target);
    }
    if (sparse)
        virStorageVolFree(sparse);
    if (full)
        virStorageVolFree(full);
    virStoragePoolFree(pool);
    return tck_test_end(t);
}
