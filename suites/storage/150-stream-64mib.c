/*
 * 150-stream-64mib — 64 MiB go into a volume through an upload stream
 * and come back byte for byte through a download stream.
 *
 * The data is a seeded pseudo-random pattern made 1 MiB at a time, so
 * the test never holds the whole of it; its SHA-256 on the way in must
 * be the SHA-256 on the way out.  A driver without volume streams
 * (VIR_ERR_NO_SUPPORT) skips the test, naming that.
 */
#include <config.h>
#include <tck/tck.h>

#define VOL_BYTES (64ULL << 20)

static const TckTestInfo info = {
    .summary = "64 MiB uploaded into a volume download again with the same SHA-256",
    .plan = 4,
    .needs = (const char *const[]){ "storage", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virStoragePoolPtr pool = tck_pool_create_dir(t, "pool");
    g_autofree char *xml = tck_volume_xml(t, pool, "vol", "raw", VOL_BYTES, 0);
    g_autofree char *sent = NULL, *got = NULL;
    virStorageVolPtr vol;
    TckCallOutcome up;

    tck_diag(t, "Creating a 64 MiB volume");
    vol = tck_ok_volume(t, virStorageVolCreateXML(pool, xml, 0), "created a sparse 64 MiB volume");
    if (!vol)
        tck_bail_out(t, "cannot go on without the volume");

    tck_diag(t, "Uploading 64 MiB");
    up = tck_volume_upload_pattern(conn, vol, VOL_BYTES, 150, &sent);
    if (up.failed && up.code == VIR_ERR_NO_SUPPORT) {
        g_free(up.message);
        tck_skip_all(t, "the driver has no volume upload stream (VIR_ERR_NO_SUPPORT)");
    }
    tck_ok_outcome(t, up, "uploaded 64 MiB through a stream");

    tck_diag(t, "Downloading it again");
    tck_ok_outcome(t, tck_volume_download_sha256(conn, vol, VOL_BYTES, &got, NULL),
                "downloaded 64 MiB through a stream");
    tck_is(t, got ? got : "(nothing read)", sent ? sent : "(nothing sent)",
           "the SHA-256 of what came back is that of what went in");
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    return tck_test_end(t);
}
