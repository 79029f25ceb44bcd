/*
 * 090-qcow2-volume — a qcow2 volume asked for with compat 1.1 is one.
 *
 * Create a 64 MiB qcow2 volume with <compat>1.1</compat> (libvirt 9.0
 * would make 0.10 without it): its XML says qcow2 and compat 1.1, its
 * capacity is 64 MiB and it allocates far less (only metadata).  Where the
 * volume is a local file, its header is a qcow2 version 3 header (the
 * on-disk form of compat 1.1).  Delete it: NO_STORAGE_VOL after.
 */
#include <config.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <tck/tck.h>

#define VOL_BYTES (64ULL << 20)

static const TckTestInfo info = {
    .summary = "a qcow2 volume with compat 1.1 is qcow2 version 3, sparse, and gone after delete",
    .plan = 8,
    .needs = (const char *const[]){ "storage", NULL },
};

/* The qcow2 header's version (big-endian u32 after the "QFI\xfb" magic), or -1. */
static int
qcow2_version(const char *path)
{
    unsigned char head[8];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, head, sizeof(head)) : -1;

    if (fd >= 0)
        close(fd);
    if (n != (ssize_t)sizeof(head) || memcmp(head, "QFI\xfb", 4) != 0)
        return -1;
    return (head[4] << 24) | (head[5] << 16) | (head[6] << 8) | head[7];
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virStoragePoolPtr pool = tck_pool_create_dir(t, "pool");
    g_autofree char *target = tck_pool_target(t, "pool");
    g_autofree char *xml = tck_volume_xml(t, pool, "qcow2", "qcow2", VOL_BYTES, 0);
    const char *name = tck_name(t, "qcow2");
    g_autofree char *dump = NULL, *format = NULL, *compat = NULL, *path = NULL;
    virStorageVolPtr vol;
    virStorageVolInfo vinfo = { 0 };

    tck_diag(t, "Creating the qcow2 volume %s with compat 1.1", name);
    vol = tck_ok_volume(t, virStorageVolCreateXML(pool, xml, 0), "created a 64 MiB qcow2 volume");
    if (!vol)
        tck_bail_out(t, "cannot go on without the volume");
    dump = virStorageVolGetXMLDesc(vol, 0);
    format = dump ? tck_xml_get_text(dump, "/volume/target/format/@type") : NULL;
    compat = dump ? tck_xml_get_text(dump, "/volume/target/compat") : NULL;
    tck_is(t, format, "qcow2", "its XML says format qcow2");
    tck_is(t, compat, "1.1", "its XML says compat 1.1");
    virStorageVolGetInfo(vol, &vinfo);
    tck_is(t, vinfo.capacity, VOL_BYTES, "its capacity is 64 MiB");
    tck_ok(t, vinfo.allocation < VOL_BYTES / 4, "it allocates only metadata (%llu bytes)", vinfo.allocation);

    path = virStorageVolGetPath(vol);
    if (tck_pool_is_local(pool, target) && path)
        tck_is(t, qcow2_version(path), 3, "the file's header is qcow2 version 3");
    else
        tck_skip(t, 1, "the driver does not keep this pool in the local directory %s", target);

    tck_ok_call(t, virStorageVolDelete(vol, 0), "deleted the qcow2 volume");
    virStorageVolFree(vol);
    tck_ok_error(t, virStorageVolLookupByName(pool, name), VIR_ERR_NO_STORAGE_VOL,
                 "the deleted qcow2 volume is gone: NO_STORAGE_VOL");
    virStoragePoolFree(pool);
    return tck_test_end(t);
}
