/*
 * 190-disk-pool — a partitioned disk the config gives away.
 *
 * Only on the first device of the config's host_block_devices allow-list
 * (whose data may be destroyed); without one the test skips, naming the
 * key.  Define a disk pool on it, build it (a new GPT label), start it,
 * create and delete a 4 MiB partition, destroy and undefine it: a lookup
 * then fails with VIR_ERR_NO_STORAGE_POOL.
 *
 * A partition cannot carry the run's name: libvirt names it after the
 * device (sdb1, loop0p1), so it is not in the ledger.  It lives on a disk
 * the config gave away, under a label this test just wrote, and the test
 * deletes it itself.
 */
#include <config.h>
#include <tck/tck.h>
#include <stdlib.h>
#include <string.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "a disk pool on an allow-listed disk is labelled, partitioned and undefined",
    .plan = 9,
    .needs = (const char *const[]){ "storage", "config:host_block_devices", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    const char *device = tck_host_block_device(t);
    virConnectPtr conn = tck_test_connect(t);
    const char *name = tck_own(t, TCK_OBJECT_POOL, "disk", NULL);
    g_autoptr(TckPoolBuilder) b = tck_pool_builder_new("disk", name);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL, *vol_xml = NULL, *base = NULL, *part = NULL;
    g_autofree char *real = realpath(device, NULL);
    g_autoptr(TckVolumeBuilder) vb = NULL;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStorageVolInfo vinfo = { 0 };

    tck_pool_builder_add_source_device(b, device);
    tck_pool_builder_set_source_format(b, "gpt");
    tck_pool_builder_set_target(b, "/dev");
    if (!(xml = tck_pool_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build the disk pool: %s", error->message);

    tck_diag(t, "Defining and labelling the disk pool %s on %s", name, device);
    pool = tck_ok_pool(t, virStoragePoolDefineXML(conn, xml, 0), "defined a disk pool on %s", device);
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    tck_ok_call(t, virStoragePoolBuild(pool, VIR_STORAGE_POOL_BUILD_OVERWRITE), "wrote a new GPT label");
    tck_ok_call(t, virStoragePoolCreate(pool, 0), "started the disk pool");

    tck_diag(t, "Creating and deleting a partition");
    /* The first partition on a fresh label: the device's name, a 'p' after a digit, and 1. */
    base = g_path_get_basename(real ? real : device);
    part = g_strdup_printf("%s%s1", base, g_ascii_isdigit(base[strlen(base) - 1]) ? "p" : "");
    vb = tck_volume_builder_new(part);
    tck_volume_builder_set_capacity(vb, 4 << 20);
    tck_volume_builder_set_format(vb, "linux");
    if (!(vol_xml = tck_volume_builder_to_xml(vb, &error)))
        tck_bail_out(t, "cannot build the partition: %s", error->message);
    vol = tck_ok_volume(t, virStorageVolCreateXML(pool, vol_xml, 0), "created a 4 MiB partition");
    if (vol)
        virStorageVolGetInfo(vol, &vinfo);
    tck_ok(t, vinfo.capacity >= 4 << 20, "its capacity is at least 4 MiB (%llu)", vinfo.capacity);
    tck_ok_call(t, vol ? virStorageVolDelete(vol, 0) : -1, "deleted the partition");
    if (vol)
        virStorageVolFree(vol);

    tck_diag(t, "Tearing the pool down");
    tck_ok_call(t, virStoragePoolDestroy(pool), "destroyed the disk pool");
    tck_ok_call(t, virStoragePoolUndefine(pool), "undefined the disk pool");
    virStoragePoolFree(pool);
    tck_ok_error(t, virStoragePoolLookupByName(conn, name), VIR_ERR_NO_STORAGE_POOL,
                 "an undefined disk pool is gone: NO_STORAGE_POOL");
    return tck_test_end(t);
}
