/*
 * 010-define-lookup-undefine — a network filter is found by name and UUID
 * until it is undefined.
 *
 * Define a filter with one rule (drop TCP to port 4242).  A lookup by
 * name and by UUID finds it, its XML carries the rule; redefining it
 * (same name and UUID) with a second rule updates it in place.  After
 * undefine, a lookup by name fails with VIR_ERR_NO_NWFILTER.
 */
#include <config.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "define, look up, redefine and undefine a network filter",
    .plan = 8,
    .needs = (const char *const[]){ "nwfilter", NULL },
};

static char *
filter_xml(TckTest *t, const char *name, const char *uuid, gboolean second_rule)
{
    g_autoptr(TckNWFilterBuilder) b = tck_nwfilter_builder_new(name, "ipv4");
    g_autoptr(GError) error = NULL;
    char *xml;

    tck_nwfilter_builder_set_uuid(b, uuid);
    tck_nwfilter_builder_add_rule(b, "drop", "in", 500, "tcp",
                                  (const char *const[]){ "dstportstart", "4242", NULL });
    if (second_rule)
        tck_nwfilter_builder_add_rule(b, "drop", "in", 500, "udp",
                                      (const char *const[]){ "dstportstart", "4243", NULL });
    if (!(xml = tck_nwfilter_builder_to_xml(b, &error)))
        tck_bail_out(t, "%s", error->message);
    return xml;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    const char *name = tck_own(t, TCK_OBJECT_NWFILTER, "filter", NULL);
    g_autofree char *uuid = g_uuid_string_random();
    g_autofree char *xml = filter_xml(t, name, uuid, FALSE);
    g_autofree char *xml2 = filter_xml(t, name, uuid, TRUE);
    g_autofree char *got = NULL, *port = NULL, *got2 = NULL, *port2 = NULL;
    virNWFilterPtr f, by_name, by_uuid, again;

    tck_diag(t, "Defining the filter %s", name);
    f = tck_ok_nwfilter(t, virNWFilterDefineXML(conn, xml), "defined the filter");
    if (!f)
        tck_bail_out(t, "cannot go on without the filter");

    by_name = virNWFilterLookupByName(conn, name);
    tck_ok(t, by_name != NULL, "a lookup by name finds the filter");
    by_uuid = virNWFilterLookupByUUIDString(conn, uuid);
    tck_is_str(t, by_uuid ? virNWFilterGetName(by_uuid) : NULL, name,
               "a lookup by UUID finds the filter by its name");
    got = virNWFilterGetXMLDesc(f, 0);
    port = got ? tck_xml_get_text(got, "/filter/rule[@action='drop']/tcp/@dstportstart") : NULL;
    tck_is_str(t, port, "4242", "the filter's XML carries its rule");

    tck_diag(t, "Redefining the filter with a second rule");
    again = tck_ok_nwfilter(t, virNWFilterDefineXML(conn, xml2), "redefined the filter");
    got2 = virNWFilterGetXMLDesc(f, 0);
    port2 = got2 ? tck_xml_get_text(got2, "/filter/rule/udp/@dstportstart") : NULL;
    tck_is_str(t, port2, "4243", "the redefined filter carries the second rule");

    tck_diag(t, "Undefining the filter");
    tck_ok_call(t, virNWFilterUndefine(f), "undefined the filter");
    tck_ok_error(t, virNWFilterLookupByName(conn, name), VIR_ERR_NO_NWFILTER,
                 "NO_NWFILTER error raised from the undefined filter");

    if (by_name)
        virNWFilterFree(by_name);
    if (by_uuid)
        virNWFilterFree(by_uuid);
    if (again)
        virNWFilterFree(again);
    virNWFilterFree(f);
    return tck_test_end(t);
}
