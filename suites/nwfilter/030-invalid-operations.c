/*
 * 030-invalid-operations — what the filter driver must refuse, and how.
 *
 *  - a lookup of a name or UUID nobody has: VIR_ERR_NO_NWFILTER;
 *  - a define with an existing name and a new UUID: VIR_ERR_OPERATION_FAILED
 *    ("filter already exists with uuid");
 *  - XML that is not well formed: VIR_ERR_XML_DETAIL;
 *  - a filter that references itself: VIR_ERR_OPERATION_FAILED (the
 *    filter list refuses a filter that "would introduce a loop");
 *  - undefining a filter twice: the stale handle finds nothing,
 *    VIR_ERR_NO_NWFILTER.
 */
#include <config.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "invalid network filter operations are refused with their error codes",
    .plan = 8,
    .needs = (const char *const[]){ "nwfilter", NULL },
};

static char *
filter_xml(TckTest *t, const char *name, const char *uuid, const char *ref)
{
    g_autoptr(TckNWFilterBuilder) b = tck_nwfilter_builder_new(name, NULL);
    g_autoptr(GError) error = NULL;
    char *xml;

    if (uuid)
        tck_nwfilter_builder_set_uuid(b, uuid);
    tck_nwfilter_builder_add_filterref(b, ref);
    if (!(xml = tck_nwfilter_builder_to_xml(b, &error)))
        tck_bail_out(t, "%s", error->message);
    return xml;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    const char *name = tck_own(t, TCK_OBJECT_NWFILTER, "a", NULL);
    const char *loop = tck_own(t, TCK_OBJECT_NWFILTER, "loop", NULL);
    g_autofree char *uuid = g_uuid_string_random(), *other = g_uuid_string_random();
    g_autofree char *missing = g_uuid_string_random();
    g_autofree char *xml = filter_xml(t, name, uuid, "allow-arp");
    g_autofree char *clash = filter_xml(t, name, other, "allow-arp");
    g_autofree char *self = filter_xml(t, loop, NULL, loop);
    virNWFilterPtr f;

    tck_diag(t, "Looking up filters nobody has");
    tck_ok_error(t, virNWFilterLookupByName(conn, tck_name(t, "missing")), VIR_ERR_NO_NWFILTER,
                 "a lookup of a missing name fails with NO_NWFILTER");
    tck_ok_error(t, virNWFilterLookupByUUIDString(conn, missing), VIR_ERR_NO_NWFILTER,
                 "a lookup of a missing UUID fails with NO_NWFILTER");

    tck_diag(t, "Defining filter %s, then one with its name and another UUID", name);
    f = tck_ok_nwfilter(t, virNWFilterDefineXML(conn, xml), "defined the filter");
    if (!f)
        tck_bail_out(t, "cannot go on without the filter");
    tck_ok_error(t, virNWFilterDefineXML(conn, clash), VIR_ERR_OPERATION_FAILED,
                 "define with an existing name and a new UUID is refused");

    tck_diag(t, "Defining filters from bad XML");
    tck_ok_error(t, virNWFilterDefineXML(conn, "<filter name='broken'>"), VIR_ERR_XML_DETAIL,
                 "XML that is not well formed is refused with XML_DETAIL");
    tck_ok_error(t, virNWFilterDefineXML(conn, self), VIR_ERR_OPERATION_FAILED,
                 "a filter that references itself is refused with OPERATION_FAILED");

    tck_diag(t, "Undefining the filter twice");
    tck_ok_call(t, virNWFilterUndefine(f), "undefined the filter");
    tck_ok_error(t, virNWFilterUndefine(f), VIR_ERR_NO_NWFILTER,
                 "a second undefine fails with NO_NWFILTER");
    virNWFilterFree(f);

    return tck_test_end(t);
}
