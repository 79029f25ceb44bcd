/*
 * 200-netfs-pool — an NFS export mounted as a pool.
 *
 * Only when the config's nfs_server names a host and an exported path;
 * otherwise the test skips, naming the key.  The pool's target is the
 * test's own scratch directory.  Start mounts the export (the pool has a
 * capacity), refresh works, destroy and undefine leave nothing: a lookup
 * then fails with VIR_ERR_NO_STORAGE_POOL.  The export's files are never
 * written or deleted.
 */
#include <config.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "an NFS export from the config is mounted as a pool and released",
    .plan = 7,
    .needs = (const char *const[]){ "storage", "config:nfs_server", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    const char *export;
    const char *host = tck_storage_server(t, "nfs_server", "path", &export);
    virConnectPtr conn = tck_test_connect(t);
    const char *name = tck_own(t, TCK_OBJECT_POOL, "nfs", NULL);
    g_autofree char *target = tck_pool_target(t, "nfs");
    g_autoptr(TckPoolBuilder) b = tck_pool_builder_new("netfs", name);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    virStoragePoolPtr pool;
    virStoragePoolInfo pinfo = { 0 };

    g_mkdir_with_parents(target, 0755);
    tck_pool_builder_set_source_host(b, host);
    tck_pool_builder_set_source_dir(b, export);
    tck_pool_builder_set_source_format(b, "nfs");
    tck_pool_builder_set_target(b, target);
    if (!(xml = tck_pool_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build the netfs pool: %s", error->message);

    tck_diag(t, "Defining and starting the netfs pool %s on %s:%s", name, host, export);
    pool = tck_ok_pool(t, virStoragePoolDefineXML(conn, xml, 0), "defined a netfs pool on %s:%s",
                       host, export);
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    tck_ok_call(t, virStoragePoolCreate(pool, 0), "started (mounted) the netfs pool");
    virStoragePoolGetInfo(pool, &pinfo);
    tck_ok(t, pinfo.capacity > 0, "the mounted export has a capacity (%llu)", pinfo.capacity);
    tck_ok_call(t, virStoragePoolRefresh(pool, 0), "refreshed the netfs pool");

    tck_diag(t, "Releasing the pool");
    tck_ok_call(t, virStoragePoolDestroy(pool), "destroyed (unmounted) the netfs pool");
    tck_unmount_leftover(t, target);
    tck_ok_call(t, virStoragePoolUndefine(pool), "undefined the netfs pool");
    virStoragePoolFree(pool);
    tck_ok_error(t, virStoragePoolLookupByName(conn, name), VIR_ERR_NO_STORAGE_POOL,
                 "an undefined netfs pool is gone: NO_STORAGE_POOL");
    return tck_test_end(t);
}
