/*
 * 125-persistent-to-transient — undefining a running domain makes it transient.
 *
 * Start a persistent guest and undefine it while it runs: it keeps
 * running, now without a config (virDomainIsPersistent 0).  A lookup by
 * name still finds it.
 * Once destroyed it is gone: VIR_ERR_NO_DOMAIN.  070 covers the other
 * way round.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a persistent domain undefined while it runs stays running as a transient one",
    .plan = 8,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "undefine");
    const char *name = tck_name(t, "undefine");
    virDomainPtr dom, found;

    tck_diag(t, "Defining and starting a guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");

    tck_diag(t, "Undefining it while it runs");
    tck_ok_call(t, virDomainUndefine(dom), "undefined the running guest");
    tck_is_int(t, virDomainIsActive(dom), 1, "the guest still runs");
    tck_is_int(t, virDomainIsPersistent(dom), 0, "the guest is now transient");
    found = tck_ok_domain_named(t, virDomainLookupByName(conn, name), name,
                                "a lookup by name still finds it");
    if (found)
        virDomainFree(found);

    tck_diag(t, "Destroying it");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the transient guest");
    virDomainFree(dom);
    tck_ok_error(t, virDomainLookupByName(conn, name), VIR_ERR_NO_DOMAIN,
                 "the destroyed transient guest is gone");

    return tck_test_end(t);
}
