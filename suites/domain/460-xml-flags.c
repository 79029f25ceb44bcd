/*
 * 460-xml-flags — what each virDomainGetXMLDesc flag changes.
 *
 * Define the generic guest and start it.  The live XML (no flags) carries
 * the running guest's id; INACTIVE gives the config, without an id.  A
 * change to the config only (virDomainSetMemoryFlags, CONFIG) shows in the
 * INACTIVE XML and not in the live one.  SECURE and MIGRATABLE are
 * accepted where the driver has them (else "unsupported flags": skipped),
 * and the MIGRATABLE XML still names the guest.  virDomainIsActive,
 * virDomainIsPersistent and virDomainIsUpdated say what the XMLs show.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "virDomainGetXMLDesc flags: live, inactive, secure, migratable",
    .plan = 12,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "xmlflags");
    g_autofree char *live = NULL, *inactive = NULL, *id = NULL, *mem_live = NULL, *mem_config = NULL;
    g_autofree char *secure = NULL, *migratable = NULL, *name = NULL;
    virDomainPtr dom;

    tck_diag(t, "Defining and starting the generic guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom || virDomainCreate(dom) < 0)
        tck_bail_out(t, "cannot go on without the running guest: %s", virGetLastErrorMessage());
    tck_ok(t, virDomainIsActive(dom) == 1 && virDomainIsPersistent(dom) == 1,
           "the guest is active and persistent");

    live = virDomainGetXMLDesc(dom, 0);
    id = tck_xml_get_text(live, "/domain/@id");
    tck_ok(t, id && g_ascii_strtoll(id, NULL, 10) == virDomainGetID(dom),
           "the live XML carries the guest's id (%s)", id ? id : "none");
    inactive = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    g_free(id);
    id = tck_xml_get_text(inactive, "/domain/@id");
    tck_is_str(t, id, NULL, "the INACTIVE XML has no id");

    tck_diag(t, "Changing the config only");
    tck_ok_call(t, virDomainSetMemoryFlags(dom, 200 * 1024, VIR_DOMAIN_AFFECT_CONFIG),
                "lowered the config's memory to 200 MiB");
    g_free(live);
    g_free(inactive);
    live = virDomainGetXMLDesc(dom, 0);
    inactive = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    mem_live = tck_xml_get_text(live, "/domain/currentMemory");
    mem_config = tck_xml_get_text(inactive, "/domain/currentMemory");
    tck_is_str(t, mem_config, "204800", "the INACTIVE XML shows the change");
    tck_isnt_str(t, mem_live, "204800", "the live XML does not");
    tck_is_int(t, virDomainIsUpdated(dom), 0, "virDomainIsUpdated says the live guest was not changed");

    tck_diag(t, "SECURE and MIGRATABLE");
    secure = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE);
    if (!secure && tck_skip_unsupported(t, 1, "secure XML (VIR_DOMAIN_XML_SECURE)"))
        ;
    else
        tck_ok(t, secure != NULL, "the SECURE XML is given");
    migratable = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_MIGRATABLE);
    if (!migratable && tck_skip_unsupported(t, 2, "migratable XML (VIR_DOMAIN_XML_MIGRATABLE)")) {
        ;
    } else {
        tck_ok(t, migratable != NULL, "the MIGRATABLE XML is given");
        name = tck_xml_get_text(migratable, "/domain/name");
        tck_is_str(t, name, virDomainGetName(dom), "...and names the guest");
    }

    tck_diag(t, "The guest's messages");
    {
        char **msgs = NULL;
        int n = virDomainGetMessages(dom, &msgs, 0);

        if (n < 0 && tck_skip_unsupported(t, 1, "domain messages (virDomainGetMessages)"))
            ;
        else
            tck_ok(t, n >= 0, "virDomainGetMessages answers (%d messages)", n);
        for (int i = 0; i < n; i++)
            free(msgs[i]);
        free(msgs);
    }

    virDomainFree(dom);
    return tck_test_end(t);
}
