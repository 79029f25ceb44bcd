/*
 * 110-clone — a volume cloned from another has its size and its bytes.
 *
 * Fill a 4 MiB raw volume with a known pattern (through an upload
 * stream), clone it with virStorageVolCreateXMLFrom: the clone has the
 * source's capacity and, read back through a download stream, the same
 * SHA-256.  Where the driver has no volume streams (VIR_ERR_NO_SUPPORT)
 * the content checks are skipped, naming that.
 */
#include <config.h>
#include <tck/tck.h>

#define VOL_BYTES (4ULL << 20)

static const TckTestInfo info = {
    .summary = "a clone has its source's capacity and content",
    .plan = 6,
    .needs = (const char *const[]){ "storage", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virStoragePoolPtr pool = tck_pool_create_dir(t, "pool");
    g_autofree char *src_xml = tck_volume_xml(t, pool, "source", "raw", VOL_BYTES, VOL_BYTES);
    g_autofree char *clone_xml = tck_volume_xml(t, pool, "clone", "raw", VOL_BYTES, VOL_BYTES);
    g_autofree char *sent = NULL, *got = NULL;
    virStorageVolPtr src, clone;
    virStorageVolInfo si = { 0 }, ci = { 0 };
    TckCallOutcome up;
    gboolean streams;

    tck_diag(t, "Creating the source volume and filling it");
    src = tck_ok_volume(t, virStorageVolCreateXML(pool, src_xml, 0), "created the 4 MiB source volume");
    if (!src)
        tck_bail_out(t, "cannot go on without the source volume");
    up = tck_volume_upload_pattern(conn, src, VOL_BYTES, 110, &sent);
    streams = !(up.failed && up.code == VIR_ERR_NO_SUPPORT);
    if (streams) {
        tck_ok_outcome(t, up, "filled the source with a pattern through an upload stream");
    } else {
        g_free(up.message);
        tck_skip(t, 1, "the driver has no volume upload stream (VIR_ERR_NO_SUPPORT)");
    }

    tck_diag(t, "Cloning it");
    clone = tck_ok_volume(t, virStorageVolCreateXMLFrom(pool, clone_xml, src, 0), "cloned the source volume");
    virStorageVolGetInfo(src, &si);
    if (clone)
        virStorageVolGetInfo(clone, &ci);
    tck_is(t, ci.capacity, si.capacity, "the clone's capacity is the source's");
    if (streams && clone) {
        tck_ok_outcome(t, tck_volume_download_sha256(conn, clone, VOL_BYTES, &got, NULL),
                       "read the clone back through a download stream");
        tck_is(t, got ? got : "(nothing read)", sent ? sent : "(nothing sent)",
               "the clone's SHA-256 is the source's");
    } else {
        tck_skip(t, 2, "the driver has no volume streams (VIR_ERR_NO_SUPPORT)");
    }
    if (clone)
        virStorageVolFree(clone);
    virStorageVolFree(src);
    virStoragePoolFree(pool);
    return tck_test_end(t);
}
