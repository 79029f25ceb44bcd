/*
 * 230-lookups-legacy — every other way to find a pool or a volume, and
 * the older list calls, agree with the newer ones.
 *
 * With a running pool P holding a volume V, and a defined, inactive pool D:
 * P is found by its target path, by V and by its raw UUID; P and V belong
 * to the test's connection; the older counts count them, the older list
 * of active pools names P and not D, that of inactive pools D and not P
 * (only this test's pools count: others may come and go); P's older
 * volume list holds V;
 * V's info with VIR_STORAGE_VOL_GET_PHYSICAL has its capacity; extra
 * references (virStoragePoolRef, virStorageVolRef) outlive one free.  The
 * pool capabilities, where the driver has them, say dir pools are
 * supported, and a search for logical pool sources on this host answers
 * with a <sources> document (read-only; it may be empty).
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "pools and volumes are found every other way, and the older lists agree",
    .plan = 16,
    .needs = (const char *const[]){ "storage", NULL },
};

/* Room in a legacy name list for pools other runs add between the count and the list. */
#define SPARE 64

/* Do the @n @names hold @name and not @absent (nullable)?  Frees the names. */
static gboolean
names_hold(char **names, int n, const char *name, const char *absent)
{
    gboolean found = FALSE, other = FALSE;

    for (int i = 0; i < n; i++) {
        found |= g_strcmp0(names[i], name) == 0;
        other |= absent && g_strcmp0(names[i], absent) == 0;
        free(names[i]);
    }
    return found && !other;
}

static const char *
pool_name_of(virStoragePoolPtr pool, char **keep)
{
    if (!pool)
        return NULL;
    *keep = g_strdup(virStoragePoolGetName(pool));
    virStoragePoolFree(pool);
    return *keep;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virStoragePoolPtr p = tck_pool_create_dir(t, "p");
    g_autofree char *p_target = tck_pool_target(t, "p");
    g_autofree char *d_xml = tck_pool_xml(t, "dir", "d", NULL);
    g_autofree char *v_xml = tck_volume_xml(t, p, "v", "raw", 1 << 20, 0);
    g_autofree char *n1 = NULL, *n2 = NULL, *n3 = NULL, *caps = NULL, *dir_ok = NULL, *sources = NULL;
    const char *p_name = tck_name(t, "p");
    unsigned char raw[VIR_UUID_BUFLEN];
    virStoragePoolPtr d, by_target;
    virStorageVolPtr v;
    virStorageVolInfo vinfo = { 0 }, pinfo = { 0 };
    char **names;
    int n, ret;

    d = virStoragePoolDefineXML(conn, d_xml, 0);
    v = virStorageVolCreateXML(p, v_xml, 0);
    if (!d || !v)
        tck_bail_out(t, "cannot set up the pools and the volume: %s", virGetLastErrorMessage());

    tck_diag(t, "Finding the pool by its target, its volume and its raw UUID");
    by_target = virStoragePoolLookupByTargetPath(conn, p_target);
    if (by_target || virGetLastErrorCode() != VIR_ERR_NO_SUPPORT)
        tck_is(t, pool_name_of(by_target, &n1), p_name, "its target path finds the pool");
    else
        tck_skip(t, 1, "the driver cannot look pools up by target path (VIR_ERR_NO_SUPPORT)");
    tck_is(t, pool_name_of(virStoragePoolLookupByVolume(v), &n2), p_name, "its volume finds the pool");
    virStoragePoolGetUUID(p, raw);
    tck_is(t, pool_name_of(virStoragePoolLookupByUUID(conn, raw), &n3), p_name, "its raw UUID finds the pool");
    tck_ok(t, virStoragePoolGetConnect(p) == conn && virStorageVolGetConnect(v) == conn,
           "the pool and the volume belong to the test's connection");

    tck_diag(t, "Counting and listing pools with the older calls");
    /* Other runs may add pools meanwhile: the lists get room to spare, and only our pools count. */
    n = virConnectNumOfStoragePools(conn);
    tck_ok(t, n >= 1, "virConnectNumOfStoragePools counts the running pool among %d", n);
    names = g_new0(char *, MAX(n, 0) + SPARE + 1);
    tck_ok(t, names_hold(names, virConnectListStoragePools(conn, names, n + SPARE), p_name,
                         tck_name(t, "d")),
           "virConnectListStoragePools names the running pool, not the inactive one");
    g_free(names);
    n = virConnectNumOfDefinedStoragePools(conn);
    tck_ok(t, n >= 1, "virConnectNumOfDefinedStoragePools counts the inactive pool among %d", n);
    names = g_new0(char *, MAX(n, 0) + SPARE + 1);
    tck_ok(t, names_hold(names, virConnectListDefinedStoragePools(conn, names, n + SPARE), tck_name(t, "d"),
                         p_name),
           "virConnectListDefinedStoragePools names the inactive pool, not the running one");
    g_free(names);
    n = virStoragePoolNumOfVolumes(p);
    names = g_new0(char *, MAX(n, 0) + 1);
    tck_ok(t, names_hold(names, virStoragePoolListVolumes(p, names, n), tck_name(t, "v"), NULL),
           "virStoragePoolListVolumes names the volume");
    g_free(names);

    tck_diag(t, "The volume's physical info, and extra references");
    virStorageVolGetInfo(v, &vinfo);
    ret = virStorageVolGetInfoFlags(v, &pinfo, VIR_STORAGE_VOL_GET_PHYSICAL);
    if (ret < 0 && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT) {
        tck_skip(t, 2, "the driver has no virStorageVolGetInfoFlags (VIR_ERR_NO_SUPPORT)");
    } else {
        tck_ok_call(t, ret, "read the volume's physical info");
        tck_is(t, pinfo.capacity, vinfo.capacity, "its physical info has the volume's capacity");
    }
    tck_ok_call(t, virStoragePoolRef(p), "took an extra reference on the pool");
    virStoragePoolFree(p);
    tck_ok_call(t, virStorageVolRef(v), "took an extra reference on the volume");
    virStorageVolFree(v);
    tck_ok(t, virStoragePoolIsActive(p) == 1 && virStorageVolGetName(v) != NULL,
           "the extra references keep both usable after one free");

    tck_diag(t, "Asking for the pool capabilities");
    caps = virConnectGetStoragePoolCapabilities(conn, 0);
    if (caps || virGetLastErrorCode() != VIR_ERR_NO_SUPPORT) {
        dir_ok = caps ? tck_xml_get_text(caps, "/storagepoolCapabilities/pool[@type='dir']/@supported") : NULL;
        tck_is(t, dir_ok, "yes", "the pool capabilities say dir pools are supported");
    } else {
        tck_skip(t, 1, "the driver has no pool capabilities (VIR_ERR_NO_SUPPORT)");
    }
    sources = virConnectFindStoragePoolSources(conn, "logical", NULL, 0);
    if (sources || virGetLastErrorCode() != VIR_ERR_NO_SUPPORT)
        tck_ok(t, sources && g_str_has_prefix(g_strchug(sources), "<sources"),
               "a search for logical pool sources answers with a <sources> document");
    else
        tck_skip(t, 1, "the driver cannot search for pool sources (VIR_ERR_NO_SUPPORT)");
    virStorageVolFree(v);
    virStoragePoolFree(p);
    virStoragePoolFree(d);
    return tck_test_end(t);
}
