/*
 * 205-save-image-xml — the XML inside a save image can be read and changed.
 *
 * Save a running persistent guest.  virDomainSaveImageGetXMLDesc() gives
 * the guest's XML (its name and UUID).  Put a description into it with
 * virDomainSaveImageDefineXML(): the image's XML now has it, and the
 * guest restored from the image runs with it.  An image XML for another
 * guest (other name and UUID) is refused (the codes differ: the check is
 * that it fails).
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "read and update the domain XML inside a save image; the restored guest has it",
    .plan = 10,
    .needs = (const char *const[]){ "domain", NULL },
};

#define DESCRIPTION "updated inside the save image by libvirt-tck"

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "image");
    g_autofree char *other_xml = tck_generic_domain_xml(t, "other");
    g_autofree char *path = tck_host_file(t, "image.save");
    const char *name = tck_name(t, "image");
    g_autofree char *image_xml = NULL, *updated = NULL, *reread = NULL;
    g_autofree char *image_name = NULL, *image_desc = NULL, *live_desc = NULL;
    g_autoptr(GError) error = NULL;
    virDomainPtr dom, restored;

    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_guest_ready_for_save(t, dom, TCK_BOOT_TIMEOUT_S);
    tck_ok_call(t, tck_require(t, virDomainSave(dom, path), "virDomainSave"), "saved the guest");

    tck_diag(t, "Reading the image's XML");
    image_xml = virDomainSaveImageGetXMLDesc(conn, path, 0);
    tck_require(t, image_xml ? 0 : -1, "virDomainSaveImageGetXMLDesc");
    tck_ok(t, image_xml != NULL, "read the XML inside the save image");
    image_name = image_xml ? tck_xml_get_text(image_xml, "/domain/name") : NULL;
    tck_is_str(t, image_name, name, "the image's XML names the saved guest");

    tck_diag(t, "Updating it with a description");
    if (!image_xml || !(updated = tck_xml_set_text(image_xml, "/domain/description", DESCRIPTION, &error)))
        tck_bail_out(t, "cannot edit the image's XML: %s", error ? error->message : "no XML");
    tck_ok_call(t, tck_require(t, virDomainSaveImageDefineXML(conn, path, updated, 0),
                               "virDomainSaveImageDefineXML"),
                "stored the updated XML in the image");
    reread = virDomainSaveImageGetXMLDesc(conn, path, 0);
    image_desc = reread ? tck_xml_get_text(reread, "/domain/description") : NULL;
    tck_is_str(t, image_desc, DESCRIPTION, "the image's XML now has the description");

    tck_diag(t, "Restoring the guest from the image");
    tck_ok_call(t, virDomainRestore(conn, path), "restored the guest");
    restored = virDomainLookupByName(conn, name);
    live_desc = restored ? tck_domain_xml_text(restored, 0, "/domain/description") : NULL;
    tck_is_str(t, live_desc, DESCRIPTION, "the restored guest runs with the description");
    if (restored) {
        virDomainDestroy(restored);
        virDomainFree(restored);
    }
    /* Last, since a driver that takes it would restore the wrong guest. */
    tck_ok(t, virDomainSaveImageDefineXML(conn, path, other_xml, 0) < 0,
           "an XML for another guest is refused");
    virDomainFree(dom);

    return tck_test_end(t);
}
