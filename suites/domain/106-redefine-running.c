/*
 * 106-redefine-running — redefining a running domain changes its next start.
 *
 * Start a persistent guest, then redefine it with half the memory and a
 * description.  The running guest keeps what it was started with (the
 * live XML is unchanged) while the inactive XML shows the new config.
 * After destroy and start, the live XML has the new config as well.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a domain redefined while it runs gets its new config on the next start",
    .plan = 12,
    .needs = (const char *const[]){ "domain", NULL },
};

#define DESCRIPTION "redefined while running by libvirt-tck"

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "redefine");
    g_autofree char *memory = tck_xml_get_text(xml, "/domain/memory");
    g_autofree char *half = NULL, *edited = NULL, *redefined_xml = NULL;
    g_autofree char *live_mem = NULL, *live_desc = NULL, *next_mem = NULL, *next_desc = NULL;
    g_autofree char *after_mem = NULL, *after_desc = NULL;
    g_autoptr(GError) error = NULL;
    virDomainPtr dom, again;

    if (!memory)
        tck_bail_out(t, "the generic guest has no <memory>");
    half = g_strdup_printf("%" G_GUINT64_FORMAT, g_ascii_strtoull(memory, NULL, 10) / 2);
    if (!(edited = tck_xml_set_text(xml, "/domain/memory", half, &error)) ||
        !(redefined_xml = tck_xml_set_text(edited, "/domain/description", DESCRIPTION, &error)))
        tck_bail_out(t, "cannot edit the guest's XML: %s", error->message);

    tck_diag(t, "Defining and starting the guest with %s KiB", memory);
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");

    tck_diag(t, "Redefining it with %s KiB and a description while it runs", half);
    again = tck_ok_domain(t, virDomainDefineXML(conn, redefined_xml), "redefined the running guest");
    if (again)
        virDomainFree(again);
    tck_is_int(t, virDomainIsActive(dom), 1, "the guest still runs");
    live_mem = tck_domain_xml_text(dom, 0, "/domain/memory");
    live_desc = tck_domain_xml_text(dom, 0, "/domain/description");
    next_mem = tck_domain_xml_text(dom, VIR_DOMAIN_XML_INACTIVE, "/domain/memory");
    next_desc = tck_domain_xml_text(dom, VIR_DOMAIN_XML_INACTIVE, "/domain/description");
    tck_is_str(t, live_mem, memory, "the live XML keeps the memory size the guest started with");
    tck_is_str(t, live_desc, NULL, "the live XML has no description");
    tck_is_str(t, next_mem, half, "the inactive XML has the new memory size");
    tck_is_str(t, next_desc, DESCRIPTION, "the inactive XML has the new description");

    tck_diag(t, "Restarting the guest");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest again");
    after_mem = tck_domain_xml_text(dom, 0, "/domain/memory");
    after_desc = tck_domain_xml_text(dom, 0, "/domain/description");
    tck_is_str(t, after_mem, half, "the restarted guest runs with the new memory size");
    tck_is_str(t, after_desc, DESCRIPTION, "the restarted guest has the new description");
    virDomainDestroy(dom);
    virDomainFree(dom);

    return tck_test_end(t);
}
