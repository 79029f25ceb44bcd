/*
 * 204-corrupt-save-image — a damaged save image is refused, clearly.
 *
 * Save a running transient guest, then overwrite the first bytes of the
 * image (its magic and header) with garbage.  Restoring it must fail
 * with VIR_ERR_OPERATION_FAILED (QEMU: "image magic is incorrect"), not
 * an internal error; reading its XML fails the same way; and no guest
 * appears.  A file of zeroes that was never a save image is refused
 * just as well.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "restoring a corrupted save image fails with VIR_ERR_OPERATION_FAILED",
    .plan = 6,
    .needs = (const char *const[]){ "domain", NULL },
};

/* Overwrites the first 64 bytes of @path (on libvirt's host) with a pattern no driver writes. */
static void
corrupt_header(TckTest *t, const char *path)
{
    g_autoptr(GError) error = NULL;
    char garbage[64];

    memset(garbage, 0xa5, sizeof(garbage));
    if (!tck_host_file_write(t, path, 0, garbage, sizeof(garbage), &error))
        tck_bail_out(t, "cannot corrupt %s: %s", path, error->message);
}

/* virDomainSaveImageGetXMLDesc() as a status: 0 when it read the XML. */
static int
read_image_xml(virConnectPtr conn, const char *path)
{
    g_autofree char *xml = virDomainSaveImageGetXMLDesc(conn, path, 0);

    return xml ? 0 : -1;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "corrupt");
    g_autofree char *path = tck_host_file(t, "corrupt.save");
    g_autofree char *zeroes = tck_host_file(t, "zeroes.save");
    g_autofree char *zero_data = g_malloc0(65536);
    g_autoptr(GError) error = NULL;
    const char *name = tck_name(t, "corrupt");
    virDomainPtr dom;

    tck_diag(t, "Saving a transient guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "created the transient guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_guest_ready_for_save(t, dom, TCK_BOOT_TIMEOUT_S);
    tck_ok_call(t, tck_require(t, virDomainSave(dom, path), "virDomainSave"), "saved the guest");
    virDomainFree(dom);

    tck_diag(t, "Corrupting the image's header and restoring it");
    corrupt_header(t, path);
    tck_ok_error(t, virDomainRestore(conn, path), VIR_ERR_OPERATION_FAILED,
                 "restoring the corrupted image is refused");
    tck_ok_error_or_skip(t, read_image_xml(conn, path),
                         VIR_ERR_OPERATION_FAILED, "virDomainSaveImageGetXMLDesc",
                         "reading the corrupted image's XML is refused");
    tck_ok_error(t, virDomainLookupByName(conn, name), VIR_ERR_NO_DOMAIN,
                 "no guest came out of the corrupted image");

    tck_diag(t, "Restoring a file of zeroes");
    if (!tck_host_file_write(t, zeroes, 0, zero_data, 65536, &error))
        tck_bail_out(t, "cannot write %s: %s", zeroes, error->message);
    tck_ok_error(t, virDomainRestore(conn, zeroes), VIR_ERR_OPERATION_FAILED,
                 "restoring a file that never was a save image is refused");

    return tck_test_end(t);
}
