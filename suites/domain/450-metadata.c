/*
 * 450-metadata — a guest's title, description and custom metadata.
 *
 * Define the generic guest.  Set a title, a description and an element of
 * the kit's own namespace in the config (virDomainSetMetadata, CONFIG):
 * virDomainGetMetadata returns each, and the inactive XML carries the
 * title.  Removing the element (NULL metadata) makes a read of it fail
 * with VIR_ERR_NO_DOMAIN_METADATA.  Started, a description set LIVE shows
 * in the live XML and not in the config.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "title, description and custom metadata set, read and removed",
    .plan = 12,
    .needs = (const char *const[]){ "domain", NULL },
};

#define NS "https://libvirt.org/schemas/tck/test/1"

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "metadata");
    g_autofree char *title = NULL, *desc = NULL, *elem = NULL, *inactive = NULL, *v = NULL, *live = NULL;
    const unsigned int config = VIR_DOMAIN_AFFECT_CONFIG;
    virDomainPtr dom;

    tck_diag(t, "Defining the generic guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Setting a title, a description and an element of our own");
    tck_ok_call(t, virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "A guest & its <title>", NULL, NULL, config),
                "set the title");
    tck_ok_call(t, virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_DESCRIPTION, "what it is for", NULL, NULL, config),
                "set the description");
    tck_ok_call(t, virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, "<note colour='blue'>kept</note>",
                                        "tckt", NS, config),
                "set an element in namespace " NS);

    title = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, NULL, config);
    tck_is_str(t, title, "A guest & its <title>", "the title reads back");
    desc = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_DESCRIPTION, NULL, config);
    tck_is_str(t, desc, "what it is for", "the description reads back");
    elem = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, NS, config);
    v = tck_xml_get_text(elem, "/*[local-name()='note']/@colour");
    tck_is_str(t, v, "blue", "the element reads back with its attribute");
    inactive = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    g_free(v);
    v = tck_xml_get_text(inactive, "/domain/title");
    tck_is_str(t, v, "A guest & its <title>", "the inactive XML has the title");

    tck_diag(t, "Removing the element");
    tck_ok_call(t, virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, NULL, NULL, NS, config),
                "removed the element");
    g_free(elem);
    elem = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, NS, config);
    tck_ok_error(t, elem ? 0 : -1, VIR_ERR_NO_DOMAIN_METADATA, "reading the removed element fails");

    tck_diag(t, "Setting a description on the running guest only");
    if (virDomainCreate(dom) < 0)
        tck_bail_out(t, "cannot start the guest: %s", virGetLastErrorMessage());
    tck_ok_call(t, virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_DESCRIPTION, "live only", NULL, NULL,
                                        VIR_DOMAIN_AFFECT_LIVE),
                "set a live description");
    live = virDomainGetXMLDesc(dom, 0);
    g_free(v);
    g_free(inactive);
    v = tck_xml_get_text(live, "/domain/description");
    inactive = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    desc = (g_free(desc), tck_xml_get_text(inactive, "/domain/description"));
    tck_ok(t, g_strcmp0(v, "live only") == 0 && g_strcmp0(desc, "what it is for") == 0,
           "the live XML has the new description, the config the old (live '%s', config '%s')",
           v ? v : "", desc ? desc : "");

    virDomainFree(dom);
    return tck_test_end(t);
}
