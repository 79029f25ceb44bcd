/*
 * 070-transient-to-persistent — a running transient guest can be given
 * a persistent config.
 *
 * Create a transient guest, define a config for it while it runs (it
 * keeps running and becomes persistent), see that its guest booted (the
 * marker, waited for last: the API checks run while it boots), destroy
 * it, and check that the config is still present and inactive.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "define a config for a running transient domain; it survives destroy",
    .plan = 10,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "transient");
    const char *name = tck_name(t, "transient");
    virDomainPtr dom, defined, again;

    tck_diag(t, "Creating a new transient domain");
    dom = tck_ok_domain_named(t, virDomainCreateXML(conn, xml, 0), name,
                              "created transient domain object");
    if (!dom)
        tck_bail_out(t, "cannot go on without the domain");
    tck_is_int(t, virDomainIsPersistent(dom), 0, "the domain starts out transient");

    /* The API checks run while the guest boots; its marker is waited for last. */
    tck_diag(t, "Defining a persistent config for the running domain");
    defined = tck_ok_domain_named(t, virDomainDefineXML(conn, xml), name,
                                  "defined a config for the running domain");
    if (defined)
        virDomainFree(defined);
    tck_is_int(t, virDomainIsPersistent(dom), 1, "the domain is now persistent");
    tck_is_int(t, virDomainIsActive(dom), 1, "the domain is still running");
    if (tck_guest_boots(t))
        tck_ok(t, tck_wait_guest_ready(t, dom, 120), "the guest booted and printed its marker");
    else
        tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));

    tck_diag(t, "Destroying the running domain");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the running domain");
    virDomainFree(dom);

    tck_diag(t, "Checking that the config is still present and inactive");
    again = tck_ok_domain_named(t, virDomainLookupByName(conn, name), name,
                                "the domain config is still present");
    tck_is_int(t, again ? virDomainIsActive(again) : -1, 0, "the domain is inactive");
    tck_is_int(t, again ? virDomainIsPersistent(again) : -1, 1, "the domain is persistent");
    if (again)
        virDomainFree(again);

    return tck_test_end(t);
}
