/*
 * 020-dir-persistent-lifecycle — a persistent dir pool outlives its
 * active life, and delete removes its directory.
 *
 * Define a dir pool whose target does not exist yet: it is inactive and
 * persistent.  Build it (the directory appears), start it, destroy it (it
 * stays defined, inactive), delete it (the directory goes) and undefine
 * it: a lookup now fails with VIR_ERR_NO_STORAGE_POOL.  The checks of the
 * directory on the host apply where the driver really keeps the pool in
 * it (its capacity is that of the directory's filesystem).
 */
#include <config.h>
#include <glib/gstdio.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a persistent dir pool is built, started, destroyed, deleted and undefined",
    .plan = 14,
    .needs = (const char *const[]){ "storage", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_pool_xml(t, "dir", "persistent", NULL);
    g_autofree char *target = tck_pool_target(t, "persistent");
    const char *name = tck_name(t, "persistent");
    virStoragePoolPtr pool, found;
    virStoragePoolInfo pinfo = { 0 };
    gboolean local;

    /* The pool's build is what makes its directory. */
    g_rmdir(target);

    tck_diag(t, "Defining the persistent dir pool %s", name);
    pool = tck_ok_pool(t, virStoragePoolDefineXML(conn, xml, 0), "defined a persistent dir pool");
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    tck_is(t, virStoragePoolIsActive(pool), 0, "the defined pool is inactive");
    tck_is(t, virStoragePoolIsPersistent(pool), 1, "the defined pool is persistent");
    virStoragePoolGetInfo(pool, &pinfo);
    tck_is(t, pinfo.state, VIR_STORAGE_POOL_INACTIVE, "its info says it is inactive");

    tck_diag(t, "Building and starting the pool");
    tck_ok_call(t, virStoragePoolBuild(pool, 0), "built the pool");
    tck_ok_call(t, virStoragePoolCreate(pool, 0), "started the pool");
    tck_is(t, virStoragePoolIsActive(pool), 1, "the started pool is active");
    local = tck_pool_is_local(pool, target);
    if (local)
        tck_ok(t, g_file_test(target, G_FILE_TEST_IS_DIR), "the build made the pool's directory");
    else
        tck_skip(t, 1, "the driver does not keep this pool in the local directory %s", target);

    tck_diag(t, "Destroying the pool: its config stays");
    tck_ok_call(t, virStoragePoolDestroy(pool), "destroyed the pool");
    found = virStoragePoolLookupByName(conn, name);
    tck_ok(t, found && virStoragePoolIsActive(found) == 0,
           "the destroyed pool is still defined, and inactive");
    if (found)
        virStoragePoolFree(found);

    tck_diag(t, "Deleting and undefining the pool");
    tck_ok_call(t, virStoragePoolDelete(pool, 0), "deleted the pool's resources");
    if (local)
        tck_ok(t, !g_file_test(target, G_FILE_TEST_EXISTS), "the delete removed the pool's directory");
    else
        tck_skip(t, 1, "the driver does not keep this pool in the local directory %s", target);
    tck_ok_call(t, virStoragePoolUndefine(pool), "undefined the pool");
    virStoragePoolFree(pool);
    tck_ok_error(t, virStoragePoolLookupByName(conn, name), VIR_ERR_NO_STORAGE_POOL,
                 "an undefined pool is gone: NO_STORAGE_POOL by name");
    return tck_test_end(t);
}
