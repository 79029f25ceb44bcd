/*
 * 490-uefi-boot — a guest boots through UEFI firmware with its own NVRAM.
 *
 * Where the domain capabilities offer the "efi" firmware, define the
 * generic guest with <os firmware='efi'>: libvirt picks the firmware, and
 * the config gains a pflash loader and an NVRAM store of the guest's own.
 * Start it: the firmware hands over to the guest's kernel, whose /init
 * prints the marker.  Undefining with VIR_DOMAIN_UNDEFINE_NVRAM (the
 * kit's cleanup) removes the NVRAM.  A host without UEFI firmware skips,
 * naming it.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "UEFI boot with an NVRAM store of the guest's own",
    .plan = 5,
    .needs = (const char *const[]){ "domain", "guest-boots", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    const TckGuestPlan *plan = tck_test_plan(t);
    g_autofree char *dcaps = NULL, *efi = NULL, *xml = NULL, *generic = NULL, *inactive = NULL;
    g_autofree char *loader = NULL, *nvram = NULL;
    g_autoptr(GError) error = NULL;
    virDomainPtr dom;

    dcaps = virConnectGetDomainCapabilities(conn, plan->emulator, plan->arch, plan->machine,
                                            plan->domain_type, 0);
    if (!dcaps) {
        g_autofree char *why = g_strdup(virGetLastErrorMessage());

        tck_skip_all(t, "the %s driver gives no domain capabilities, so no UEFI firmware is offered (%s)",
                     tck_test_driver(t), why);
    }
    efi = tck_xml_get_text(dcaps, "/domainCapabilities/os[@supported='yes']/enum[@name='firmware']/value[.='efi']");
    if (!efi)
        tck_skip_all(t, "the domain capabilities offer no UEFI firmware (os firmware 'efi')");

    generic = tck_generic_domain_xml(t, "uefi");
    if (!(xml = tck_xml_set_text(generic, "/domain/os/@firmware", "efi", &error)))
        tck_bail_out(t, "cannot ask for UEFI: %s", error->message);
    if (plan->boot == TCK_BOOT_KERNEL) {
        /* UEFI firmware boots a kernel with an EFI stub: the compressed one,
         * not the PVH vmlinux the plan boots without firmware. */
        g_autofree char *kernel = tck_generic_compressed_kernel(t);
        g_autofree char *efi_xml = tck_xml_set_text(xml, "/domain/os/kernel", kernel, &error);

        if (!efi_xml)
            tck_bail_out(t, "cannot set the kernel: %s", error->message);
        g_free(xml);
        xml = g_steal_pointer(&efi_xml);
    }

    tck_diag(t, "Defining the guest with UEFI firmware");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest with firmware 'efi'");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_diag(t, "Starting it");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    inactive = virDomainGetXMLDesc(dom, 0);
    loader = tck_xml_get_text(inactive, "/domain/os/loader[@type='pflash']");
    nvram = tck_xml_get_text(inactive, "/domain/os/nvram");
    tck_ok(t, loader != NULL, "the running guest has a pflash loader (%s)", loader ? loader : "none");
    tck_ok(t, nvram != NULL, "...and an NVRAM store of its own (%s)", nvram ? nvram : "none");
    tck_ok(t, tck_wait_guest_ready(t, dom, 240), "the firmware booted the guest, which printed its marker");

    virDomainFree(dom);
    return tck_test_end(t);
}
