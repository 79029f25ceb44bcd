/*
 * 180-logical-pool — an LVM volume group on a disk the config gives away.
 *
 * Only on the first device of the config's host_block_devices allow-list
 * (whose data may be destroyed); without one the test skips, naming the
 * key.  Define a logical pool on it (the volume group carries the test's
 * name), build it (pvcreate + vgcreate), start it, create and delete a
 * 4 MiB logical volume, destroy it, delete it (vgremove) and undefine it:
 * a lookup then fails with VIR_ERR_NO_STORAGE_POOL.
 */
#include <config.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "a logical pool on an allow-listed disk is built, used, deleted and undefined",
    .plan = 10,
    .needs = (const char *const[]){ "storage", "config:host_block_devices", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    const char *device = tck_host_block_device(t);
    virConnectPtr conn = tck_test_connect(t);
    const char *name = tck_own(t, TCK_OBJECT_POOL, "vg", NULL);
    g_autofree char *target = g_strdup_printf("/dev/%s", name);
    g_autoptr(TckPoolBuilder) b = tck_pool_builder_new("logical", name);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL, *vol_xml = NULL;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStorageVolInfo vinfo = { 0 };

    /* A logical pool's target is where LVM puts the group's nodes. */
    tck_pool_builder_add_source_device(b, device);
    tck_pool_builder_set_source_name(b, name);
    tck_pool_builder_set_source_format(b, "lvm2");
    tck_pool_builder_set_target(b, target);
    if (!(xml = tck_pool_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build the logical pool: %s", error->message);

    tck_diag(t, "Defining and building the logical pool %s on %s", name, device);
    pool = tck_ok_pool(t, virStoragePoolDefineXML(conn, xml, 0), "defined a logical pool on %s", device);
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    tck_ok_call(t, virStoragePoolBuild(pool, VIR_STORAGE_POOL_BUILD_OVERWRITE), "built the volume group");
    tck_ok_call(t, virStoragePoolCreate(pool, 0), "started the logical pool");

    tck_diag(t, "Creating and deleting a logical volume");
    vol_xml = tck_volume_xml(t, pool, "lv", NULL, 4 << 20, 4 << 20);
    vol = tck_ok_volume(t, virStorageVolCreateXML(pool, vol_xml, 0), "created a 4 MiB logical volume");
    if (vol)
        virStorageVolGetInfo(vol, &vinfo);
    tck_ok(t, vinfo.capacity >= 4 << 20, "its capacity is at least 4 MiB (%llu)", vinfo.capacity);
    tck_ok_call(t, vol ? virStorageVolDelete(vol, 0) : -1, "deleted the logical volume");
    if (vol)
        virStorageVolFree(vol);

    tck_diag(t, "Tearing the pool down");
    tck_ok_call(t, virStoragePoolDestroy(pool), "destroyed the logical pool");
    tck_ok_call(t, virStoragePoolDelete(pool, 0), "deleted the volume group");
    tck_ok_call(t, virStoragePoolUndefine(pool), "undefined the logical pool");
    virStoragePoolFree(pool);
    tck_ok_error(t, virStoragePoolLookupByName(conn, name), VIR_ERR_NO_STORAGE_POOL,
                 "an undefined logical pool is gone: NO_STORAGE_POOL");
    return tck_test_end(t);
}
