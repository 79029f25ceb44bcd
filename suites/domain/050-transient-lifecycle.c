/*
 * 050-transient-lifecycle — a transient domain lives only while it runs.
 *
 * Create a guest from XML (no config is kept), see that it runs (it has
 * an id and, where the driver runs guest code, it boots and prints its
 * marker), destroy it, and check it is really gone: a lookup by name now
 * fails with VIR_ERR_NO_DOMAIN.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "create a transient domain, destroy it, and it is gone",
    .plan = 6,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "transient");
    const char *name = tck_name(t, "transient");
    virDomainPtr dom;

    tck_diag(t, "Creating a new transient domain");
    dom = tck_ok_domain_named(t, virDomainCreateXML(conn, xml, 0), name,
                              "created transient domain object");
    if (!dom)
        tck_bail_out(t, "cannot go on without the domain");

    tck_is_int(t, virDomainIsPersistent(dom), 0, "the domain has no persistent config");
    tck_isnt_int(t, (int)virDomainGetID(dom), -1, "the running domain has an id");

    /* The API checks above ran while the guest boots; its marker comes last. */
    if (tck_guest_boots(t))
        tck_ok(t, tck_wait_guest_ready(t, dom, 120), "the guest booted and printed its marker");
    else
        tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));

    tck_diag(t, "Destroying the transient domain");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the transient domain");
    virDomainFree(dom);

    tck_diag(t, "Checking that the transient domain has gone away");
    tck_ok_error(t, virDomainLookupByName(conn, name), VIR_ERR_NO_DOMAIN,
                 "NO_DOMAIN error raised from missing domain");

    return tck_test_end(t);
}
