/*
 * 105-redefine-inactive — redefining an inactive domain replaces its config.
 *
 * Define a guest with the generic memory size, redefine it with half of
 * it and a description: the inactive XML shows the new config at once,
 * and the guest starts with it (the live XML shows it too).  The UUID
 * stays the same: a redefinition is an update, not a new guest.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a redefined inactive domain starts with its new config",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

#define DESCRIPTION "redefined by libvirt-tck"

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "redefine");
    g_autofree char *memory = tck_xml_get_text(xml, "/domain/memory");
    g_autofree char *half = NULL, *edited = NULL, *redefined_xml = NULL;
    g_autofree char *uuid_before = NULL, *uuid_after = NULL;
    g_autofree char *inactive_mem = NULL, *inactive_desc = NULL, *live_mem = NULL, *live_desc = NULL;
    g_autoptr(GError) error = NULL;
    virDomainPtr dom, again;

    if (!memory)
        tck_bail_out(t, "the generic guest has no <memory>");
    half = g_strdup_printf("%" G_GUINT64_FORMAT, g_ascii_strtoull(memory, NULL, 10) / 2);
    if (!(edited = tck_xml_set_text(xml, "/domain/memory", half, &error)) ||
        !(redefined_xml = tck_xml_set_text(edited, "/domain/description", DESCRIPTION, &error)))
        tck_bail_out(t, "cannot edit the guest's XML: %s", error->message);

    tck_diag(t, "Defining the guest with %s KiB", memory);
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    uuid_before = tck_domain_xml_text(dom, VIR_DOMAIN_XML_INACTIVE, "/domain/uuid");

    tck_diag(t, "Redefining it with %s KiB and a description while inactive", half);
    again = tck_ok_domain(t, virDomainDefineXML(conn, redefined_xml), "redefined the inactive guest");
    if (again)
        virDomainFree(again);
    uuid_after = tck_domain_xml_text(dom, VIR_DOMAIN_XML_INACTIVE, "/domain/uuid");
    tck_is_str(t, uuid_after, uuid_before, "the redefined guest keeps its UUID");
    inactive_mem = tck_domain_xml_text(dom, VIR_DOMAIN_XML_INACTIVE, "/domain/memory");
    inactive_desc = tck_domain_xml_text(dom, VIR_DOMAIN_XML_INACTIVE, "/domain/description");
    tck_is_str(t, inactive_mem, half, "the inactive XML has the new memory size");
    tck_is_str(t, inactive_desc, DESCRIPTION, "the inactive XML has the new description");

    tck_diag(t, "Starting the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the redefined guest");
    live_mem = tck_domain_xml_text(dom, 0, "/domain/memory");
    live_desc = tck_domain_xml_text(dom, 0, "/domain/description");
    tck_is_str(t, live_mem, half, "the running guest has the new memory size");
    tck_is_str(t, live_desc, DESCRIPTION, "the running guest has the new description");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the guest");
    virDomainFree(dom);

    return tck_test_end(t);
}
