/*
 * 203-managed-save-remove — a removed managed save image is not resumed.
 *
 * Managed-save a running guest, then remove the image: it has none any
 * more, and the next start boots afresh (running/booted).  Starting with
 * VIR_DOMAIN_START_FORCE_BOOT over an image boots afresh too, and drops the
 * image.  (Removing an image that is not there has no documented answer:
 * the test driver succeeds, QEMU fails; it is not checked.)
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a removed or force-booted-over managed save image is never resumed",
    .plan = 11,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "managed");
    virDomainPtr dom;

    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_guest_ready_for_save(t, dom, TCK_BOOT_TIMEOUT_S);

    tck_diag(t, "Managed-saving it and removing the image");
    tck_ok_call(t, tck_require(t, virDomainManagedSave(dom, 0), "virDomainManagedSave"),
                "managed-saved the guest");
    tck_ok_call(t, virDomainManagedSaveRemove(dom, 0), "removed the managed save image");
    tck_is_int(t, virDomainHasManagedSaveImage(dom, 0), 0, "the guest has no managed save image");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_is_state(t, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, "the guest booted afresh");
    tck_guest_ready_for_save(t, dom, TCK_BOOT_TIMEOUT_S);

    tck_diag(t, "Managed-saving it and starting with VIR_DOMAIN_START_FORCE_BOOT");
    tck_ok_call(t, virDomainManagedSave(dom, 0), "managed-saved the guest again");
    tck_ok_call(t, tck_require_flag(t, virDomainCreateWithFlags(dom, VIR_DOMAIN_START_FORCE_BOOT),
                                    "VIR_DOMAIN_START_FORCE_BOOT"),
                "started the guest with the force-boot flag");
    tck_is_state(t, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED,
                 "the force-booted guest booted afresh");
    tck_is_int(t, virDomainHasManagedSaveImage(dom, 0), 0, "the force boot dropped the image");
    virDomainDestroy(dom);
    virDomainFree(dom);

    return tck_test_end(t);
}
