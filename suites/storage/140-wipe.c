/*
 * 140-wipe — a wiped volume reads back as zeros.
 *
 * Fill a 2 MiB raw volume with a pattern (upload stream), wipe it
 * (virStorageVolWipe, which writes zeros), and read it back (download
 * stream): every byte is zero, and the capacity is unchanged.  A driver
 * without wipe or without volume streams (VIR_ERR_NO_SUPPORT) skips the
 * test, naming which.
 */
#include <config.h>
#include <tck/tck.h>

#define VOL_BYTES (2ULL << 20)

static const TckTestInfo info = {
    .summary = "a wiped volume reads back as zeros",
    .plan = 6,
    .needs = (const char *const[]){ "storage", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virStoragePoolPtr pool = tck_pool_create_dir(t, "pool");
    g_autofree char *xml = tck_volume_xml(t, pool, "vol", "raw", VOL_BYTES, VOL_BYTES);
    g_autofree char *sent = NULL, *got = NULL;
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
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    return tck_test_end(t);
}
