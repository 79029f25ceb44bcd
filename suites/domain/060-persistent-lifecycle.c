/*
 * 060-persistent-lifecycle — a persistent domain outlives its guest.
 *
 * Define a guest (inactive, id -1), start it (it gets an id; note that
 * ids are driver-specific: the test driver counts from 1, LXC uses the
 * container init's pid), destroy it (the config stays, id -1 again),
 * undefine it (a lookup now fails with VIR_ERR_NO_DOMAIN).
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "define, start, destroy and undefine a persistent domain",
    .plan = 11,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "persistent");
    const char *name = tck_name(t, "persistent");
    virDomainPtr dom, again;

    tck_diag(t, "Defining an inactive domain config");
    dom = tck_ok_domain_named(t, virDomainDefineXML(conn, xml), name,
                              "defined persistent domain config");
    if (!dom)
        tck_bail_out(t, "cannot go on without the domain");
    tck_is_int(t, virDomainIsActive(dom), 0, "the defined domain is inactive");

    tck_diag(t, "Starting the inactive domain");
    tck_ok_call(t, virDomainCreate(dom), "started the persistent domain");
    tck_isnt_int(t, (int)virDomainGetID(dom), -1, "the running domain has an id");
    if (tck_guest_boots(t))
        tck_ok(t, tck_wait_guest_ready(t, dom, 120), "the guest booted and printed its marker");
    else
        tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));

    tck_diag(t, "Destroying the running domain");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the running domain");
    tck_is_int(t, (int)virDomainGetID(dom), -1, "the inactive domain has id -1");

    tck_diag(t, "Checking that the config is still there");
    again = tck_ok_domain_named(t, virDomainLookupByName(conn, name), name,
                                "the domain config is still present");
    tck_is_int(t, again ? virDomainIsActive(again) : -1, 0, "the domain is inactive");
    if (again)
        virDomainFree(again);

    tck_diag(t, "Undefining the inactive domain config");
    tck_ok_call(t, virDomainUndefine(dom), "undefined the domain");
    virDomainFree(dom);

    tck_ok_error(t, virDomainLookupByName(conn, name), VIR_ERR_NO_DOMAIN,
                 "NO_DOMAIN error raised from missing domain");

    return tck_test_end(t);
}
