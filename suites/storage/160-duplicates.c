/*
 * 160-duplicates — a name, a UUID or a target identifies one pool, and a
 * name one volume in a pool.
 *
 * With pool A defined:
 *  - another pool with A's name and a new UUID: VIR_ERR_OPERATION_FAILED
 *    ("pool 'A' already exists with uuid U", as for domains);
 *  - another pool with a new name and A's UUID: VIR_ERR_OPERATION_FAILED
 *    ("pool 'A' is already defined with uuid U");
 *  - another pool with a new name on A's target directory:
 *    VIR_ERR_OPERATION_FAILED ("Storage source conflict with pool 'A'");
 *  - while A runs, creating A again: VIR_ERR_OPERATION_INVALID (the
 *    identity matches, the state does not allow it).
 * A volume created twice under one name: VIR_ERR_STORAGE_VOL_EXIST, the
 * code libvirt has for exactly that.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "pools that clash by name, UUID or target, and a duplicate volume, are refused",
    .plan = 8,
    .needs = (const char *const[]){ "storage", NULL },
};

static char *
edited(TckTest *t, const char *xml, const char *path, const char *value)
{
    g_autoptr(GError) error = NULL;
    char *out = tck_xml_set_text(xml, path, value, &error);

    if (!out)
        tck_bail_out(t, "cannot edit the pool XML: %s", error->message);
    return out;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *a_xml = tck_pool_xml(t, "dir", "a", NULL);
    g_autofree char *b_xml = tck_pool_xml(t, "dir", "b", NULL);
    g_autofree char *a_target = tck_pool_target(t, "a");
    char a_uuid[VIR_UUID_STRING_BUFLEN] = "";
    g_autofree char *a_full = NULL, *b_uuid_xml = NULL, *clash_name = NULL;
    g_autofree char *clash_uuid = NULL, *clash_target = NULL, *vol_xml = NULL;
    virStoragePoolPtr a, b;
    virStorageVolPtr vol;

    tck_diag(t, "Defining pool A, and defining B to borrow a fresh UUID from");
    a = tck_ok_pool(t, virStoragePoolDefineXML(conn, a_xml, 0), "defined pool A");
    if (!a)
        tck_bail_out(t, "cannot go on without pool A");
    virStoragePoolGetUUIDString(a, a_uuid);
    a_full = virStoragePoolGetXMLDesc(a, 0);
    b = virStoragePoolDefineXML(conn, b_xml, 0);
    if (!b)
        tck_bail_out(t, "cannot define pool B: %s", virGetLastErrorMessage());
    b_uuid_xml = virStoragePoolGetXMLDesc(b, 0);
    virStoragePoolUndefine(b);
    virStoragePoolFree(b);

    /* A's name with B's UUID; B's name with A's UUID; B's name and UUID on A's target. */
    clash_name = edited(t, b_uuid_xml, "/pool/name", tck_name(t, "a"));
    clash_uuid = edited(t, b_uuid_xml, "/pool/uuid", a_uuid);
    clash_target = edited(t, b_uuid_xml, "/pool/target/path", a_target);

    tck_ok_error(t, virStoragePoolDefineXML(conn, clash_name, 0), VIR_ERR_OPERATION_FAILED,
                 "a pool with A's name and a new UUID is refused: OPERATION_FAILED");
    tck_ok_error(t, virStoragePoolDefineXML(conn, clash_uuid, 0), VIR_ERR_OPERATION_FAILED,
                 "a pool with a new name and A's UUID is refused: OPERATION_FAILED");
    tck_ok_error(t, virStoragePoolDefineXML(conn, clash_target, 0), VIR_ERR_OPERATION_FAILED,
                 "a pool with a new name on A's target is refused: OPERATION_FAILED");

    tck_diag(t, "Starting A, then creating A again");
    tck_ok_call(t, virStoragePoolCreate(a, 0), "started pool A");
    tck_ok_error(t, virStoragePoolCreateXML(conn, a_full, 0), VIR_ERR_OPERATION_INVALID,
                 "creating the running pool A again is refused: OPERATION_INVALID");

    tck_diag(t, "Creating one volume twice");
    vol_xml = tck_volume_xml(t, a, "vol", "raw", 1 << 20, 0);
    vol = tck_ok_volume(t, virStorageVolCreateXML(a, vol_xml, 0), "created a volume in A");
    tck_ok_error(t, virStorageVolCreateXML(a, vol_xml, 0), VIR_ERR_STORAGE_VOL_EXIST,
                 "a second volume of that name is refused: STORAGE_VOL_EXIST");
    if (vol)
        virStorageVolFree(vol);
    virStoragePoolFree(a);
    return tck_test_end(t);
}
