/*
 * 140-wipe — a wiped volume reads back as zeros.
 *
 * Fill a 2 MiB raw volume with a pattern (upload stream), wipe it
 * (virStorageVolWipe, which writes zeros), and read it back (download
 * stream): every byte is zero, and the capacity is unchanged.  Filled
 * again and wiped with virStorageVolWipePattern and the zero algorithm
 * (VIR_STORAGE_VOL_WIPE_ALG_ZERO), it is all zeros again.  A driver
 * without wipe or without volume streams (VIR_ERR_NO_SUPPORT) skips the
 * test, naming which.
 */
#include <config.h>
#include <tck/tck.h>

#define VOL_BYTES (2ULL << 20)

static const TckTestInfo info = {
    .summary = "a wiped volume reads back as zeros",
    .plan = 10,
    .needs = (const char *const[]){ "storage", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virStoragePoolPtr pool = tck_pool_create_dir(t, "pool");
    g_autofree char *xml = tck_volume_xml(t, pool, "vol", "raw", VOL_BYTES, VOL_BYTES);
    g_autofree char *sent = NULL, *got = NULL, *sent2 = NULL, *got2 = NULL;
    virStorageVolPtr vol;
    virStorageVolInfo vinfo = { 0 };
    gboolean zero = FALSE;
    TckCallOutcome up;
    int ret;

    tck_diag(t, "Creating a volume and filling it with a pattern");
    vol = tck_ok_volume(t, virStorageVolCreateXML(pool, xml, 0), "created a 2 MiB volume");
    if (!vol)
        tck_bail_out(t, "cannot go on without the volume");
    up = tck_volume_upload_pattern(conn, vol, VOL_BYTES, 140, &sent);
    if (up.failed && up.code == VIR_ERR_NO_SUPPORT) {
        g_free(up.message);
        tck_skip_all(t, "the driver has no volume upload stream (VIR_ERR_NO_SUPPORT)");
    }
    tck_ok_outcome(t, up, "filled it through an upload stream");

    tck_diag(t, "Wiping it");
    ret = virStorageVolWipe(vol, 0);
    if (ret < 0 && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
        tck_skip_all(t, "the driver cannot wipe volumes (VIR_ERR_NO_SUPPORT)");
    tck_ok_call(t, ret, "wiped the volume");
    tck_ok_outcome(t, tck_volume_download_sha256(conn, vol, VOL_BYTES, &got, &zero),
                "read the wiped volume back through a download stream");
    tck_ok(t, zero, "every byte of the wiped volume is zero");
    virStorageVolGetInfo(vol, &vinfo);
    tck_is(t, vinfo.capacity, VOL_BYTES, "the wipe left the capacity alone");

    tck_diag(t, "Filling it again and wiping it with the zero algorithm");
    tck_ok_outcome(t, tck_volume_upload_pattern(conn, vol, VOL_BYTES, 141, &sent2),
                   "filled it again through an upload stream");
    tck_ok_call(t, virStorageVolWipePattern(vol, VIR_STORAGE_VOL_WIPE_ALG_ZERO, 0),
                "wiped it with the zero algorithm");
    zero = FALSE;
    tck_ok_outcome(t, tck_volume_download_sha256(conn, vol, VOL_BYTES, &got2, &zero),
                   "read it back through a download stream");
    tck_ok(t, zero, "every byte is zero again");
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    return tck_test_end(t);
}
