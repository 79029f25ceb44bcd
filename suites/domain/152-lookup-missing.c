/*
 * 152-lookup-missing — lookups of what does not exist fail cleanly.
 *
 * A name, a UUID and an id that no domain has (made from this run's
 * prefix, a fresh random UUID and an id beyond every running guest's)
 * each fail with VIR_ERR_NO_DOMAIN.  A name that was defined and then
 * undefined is just as gone, and its UUID too.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "lookups by an unknown name, UUID or id fail with VIR_ERR_NO_DOMAIN",
    .plan = 7,
    .needs = (const char *const[]){ "domain", NULL },
};

/* An id no running domain has: one past the largest in use. */
static int
unused_id(virConnectPtr conn)
{
    int ids[4096];
    int n = virConnectListDomains(conn, ids, G_N_ELEMENTS(ids));
    int max = 0;

    for (int i = 0; i < n; i++)
        max = MAX(max, ids[i]);
    return max + 1000;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "gone");
    const char *gone = tck_name(t, "gone");
    const char *never = tck_name(t, "never-defined");
    g_autofree char *random_uuid = g_uuid_string_random();
    char gone_uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainPtr dom;

    tck_diag(t, "Looking up what never existed");
    tck_ok_error(t, virDomainLookupByName(conn, never), VIR_ERR_NO_DOMAIN,
                 "a name nobody defined is not found");
    tck_ok_error(t, virDomainLookupByUUIDString(conn, random_uuid), VIR_ERR_NO_DOMAIN,
                 "a fresh random UUID is not found");
    tck_ok_error(t, virDomainLookupByID(conn, unused_id(conn)), VIR_ERR_NO_DOMAIN,
                 "an id no running guest has is not found");

    tck_diag(t, "Defining and undefining a guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    virDomainGetUUIDString(dom, gone_uuid);
    tck_ok_call(t, virDomainUndefine(dom), "undefined the guest");
    virDomainFree(dom);
    tck_ok_error(t, virDomainLookupByName(conn, gone), VIR_ERR_NO_DOMAIN,
                 "the undefined guest's name is not found");
    tck_ok_error(t, virDomainLookupByUUIDString(conn, gone_uuid), VIR_ERR_NO_DOMAIN,
                 "the undefined guest's UUID is not found");

    return tck_test_end(t);
}
