/*
 * 050-autostart — autostart is a property of a persistent pool only.
 *
 * A defined pool starts with autostart off; turning it on and off again
 * reads back each time.  A transient pool has no config to start from:
 * setting autostart on it is refused with VIR_ERR_OPERATION_INVALID, the
 * code libvirt gives for the same request on a transient domain or
 * network ("the object's state does not allow it"), and it stays off.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "autostart toggles on a persistent pool and is refused on a transient one",
    .plan = 9,
    .needs = (const char *const[]){ "storage", NULL },
};

static int
autostart_of(virStoragePoolPtr pool)
{
    int on = -1;

    if (virStoragePoolGetAutostart(pool, &on) < 0)
        return -1;
    return on;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_pool_xml(t, "dir", "persistent", NULL);
    virStoragePoolPtr pool, transient;

    tck_diag(t, "Defining a persistent pool");
    pool = tck_ok_pool(t, virStoragePoolDefineXML(conn, xml, 0), "defined a persistent dir pool");
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    tck_is(t, autostart_of(pool), 0, "a newly defined pool does not autostart");
    tck_ok_call(t, virStoragePoolSetAutostart(pool, 1), "turned autostart on");
    tck_is(t, autostart_of(pool), 1, "autostart now reads back as on");
    tck_ok_call(t, virStoragePoolSetAutostart(pool, 0), "turned autostart off");
    tck_is(t, autostart_of(pool), 0, "autostart now reads back as off");
    virStoragePoolFree(pool);

    tck_diag(t, "Asking a transient pool to autostart");
    transient = tck_pool_create_dir(t, "transient");
    tck_is(t, autostart_of(transient), 0, "a transient pool does not autostart");
    tck_ok_error(t, virStoragePoolSetAutostart(transient, 1), VIR_ERR_OPERATION_INVALID,
                 "autostart on a transient pool is refused: OPERATION_INVALID");
    tck_is(t, autostart_of(transient), 0, "the transient pool still does not autostart");
    virStoragePoolFree(transient);
    return tck_test_end(t);
}
