/*
 * 455-xml-roundtrip — the generic guest's XML survives a round trip.
 *
 * Define the generic guest and read its config back
 * (virDomainGetXMLDesc, INACTIVE): it keeps what was asked for (name,
 * UUID, memory, vcpus, OS type, the kit's metadata with the guest's
 * token).  Redefining the guest from that XML changes nothing: the second
 * read is the same text as the first.  virDomainGetOSType says the OS
 * type of the XML, and virDomainGetUUIDString the UUID.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "the generic guest's config reads back as given, and is stable when redefined",
    .plan = 11,
    .needs = (const char *const[]){ "domain", NULL },
};

/* One check: @path reads the same in @got as in @want. */
static void
same(TckTest *t, const char *want, const char *got, const char *path, const char *what)
{
    g_autofree char *w = tck_xml_get_text(want, path);
    g_autofree char *g = tck_xml_get_text(got, path);

    tck_is_str(t, g, w, "the config keeps %s", what);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "roundtrip");
    g_autofree char *first = NULL, *second = NULL, *os = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainPtr dom, again;

    tck_diag(t, "Defining the generic guest and reading it back");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    first = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    same(t, xml, first, "/domain/name", "the name");
    same(t, xml, first, "/domain/uuid", "the UUID");
    same(t, xml, first, "/domain/memory", "the memory");
    same(t, xml, first, "/domain/vcpu", "the vcpus");
    same(t, xml, first, "/domain/os/type", "the OS type");
    same(t, xml, first, "/domain/metadata/*[local-name()='guest']/*[local-name()='token']",
         "the guest's token in the kit's metadata");

    tck_diag(t, "Redefining the guest from what was read");
    again = tck_ok_domain(t, virDomainDefineXML(conn, first), "redefined the guest from its own XML");
    second = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    tck_is_str(t, second, first, "the config reads back the same after the round trip");

    os = virDomainGetOSType(dom);
    {
        g_autofree char *want = tck_xml_get_text(xml, "/domain/os/type");

        tck_is_str(t, os, want, "virDomainGetOSType says %s", want);
    }
    virDomainGetUUIDString(dom, uuid);
    {
        g_autofree char *want = tck_xml_get_text(xml, "/domain/uuid");

        tck_is_str(t, uuid, want, "virDomainGetUUIDString gives the UUID");
    }

    if (again)
        virDomainFree(again);
    virDomainFree(dom);
    return tck_test_end(t);
}
