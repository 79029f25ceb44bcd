/*
 * 120-backing-store — a qcow2 overlay names its raw backing volume.
 *
 * Create a raw base volume, then a qcow2 (compat 1.1) overlay whose
 * backing store is the base's path: the overlay's XML gives that path and
 * format raw as its backing store.  The base cannot be mistaken for the
 * overlay: it has no backing store of its own.
 */
#include <config.h>
#include <tck/tck.h>
#include <tck/builders.h>

#define VOL_BYTES (16ULL << 20)

static const TckTestInfo info = {
    .summary = "a qcow2 volume with a backing store names its base",
    .plan = 6,
    .needs = (const char *const[]){ "storage", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virStoragePoolPtr pool = tck_pool_create_dir(t, "pool");
    g_autofree char *base_xml = tck_volume_xml(t, pool, "base", "raw", VOL_BYTES, 0);
    const char *overlay_name = tck_own(t, TCK_OBJECT_VOLUME, "overlay", virStoragePoolGetName(pool));
    g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new(overlay_name);
    g_autoptr(GError) error = NULL;
    g_autofree char *base_path = NULL, *overlay_xml = NULL, *dump = NULL, *base_dump = NULL;
    g_autofree char *backing = NULL, *backing_format = NULL, *format = NULL, *base_backing = NULL;
    virStorageVolPtr base, overlay;

    tck_diag(t, "Creating the raw base volume");
    base = tck_ok_volume(t, virStorageVolCreateXML(pool, base_xml, 0), "created the raw base volume");
    if (!base)
        tck_bail_out(t, "cannot go on without the base");
    base_path = virStorageVolGetPath(base);

    tck_diag(t, "Creating a qcow2 overlay on %s", base_path);
    tck_volume_builder_set_capacity(b, VOL_BYTES);
    tck_volume_builder_set_format(b, "qcow2");
    tck_volume_builder_set_compat(b, "1.1");
    tck_volume_builder_set_backing_store(b, base_path, "raw");
    if (!(overlay_xml = tck_volume_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build the overlay: %s", error->message);
    overlay = tck_ok_volume(t, virStorageVolCreateXML(pool, overlay_xml, 0), "created the qcow2 overlay");
    dump = overlay ? virStorageVolGetXMLDesc(overlay, 0) : NULL;
    format = dump ? tck_xml_get_text(dump, "/volume/target/format/@type") : NULL;
    backing = dump ? tck_xml_get_text(dump, "/volume/backingStore/path") : NULL;
    backing_format = dump ? tck_xml_get_text(dump, "/volume/backingStore/format/@type") : NULL;
    tck_is(t, format, "qcow2", "the overlay is qcow2");
    tck_is(t, backing, base_path, "the overlay's backing store is the base's path");
    tck_is(t, backing_format, "raw", "the overlay's backing store is raw");
    base_dump = virStorageVolGetXMLDesc(base, 0);
    base_backing = base_dump ? tck_xml_get_text(base_dump, "/volume/backingStore/path") : NULL;
    tck_ok(t, base_dump && !base_backing, "the base has no backing store of its own");
    if (overlay)
        virStorageVolFree(overlay);
    virStorageVolFree(base);
    virStoragePoolFree(pool);
    return tck_test_end(t);
}
