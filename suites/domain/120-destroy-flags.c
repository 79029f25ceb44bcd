/*
 * 120-destroy-flags — virDomainDestroyFlags() with each of its flags.
 *
 * A running guest is destroyed with VIR_DOMAIN_DESTROY_DEFAULT: it is
 * shutoff/destroyed with id -1.  Destroying the inactive guest is refused
 * with VIR_ERR_OPERATION_INVALID ("domain is not running"), and a flag
 * libvirt does not know with VIR_ERR_INVALID_ARG (virCheckFlags:
 * "unsupported flags").  Last, VIR_DOMAIN_DESTROY_GRACEFUL (SIGTERM only;
 * a guest that idles lets it go) leaves it shutoff/destroyed too; a driver
 * without the flag skips that part, naming it.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "destroy with the default and graceful flags; unknown flags and inactive guests refused",
    .plan = 11,
    .needs = (const char *const[]){ "domain", NULL },
};

/* A bit libvirt 9.0 gives no meaning to. */
#define UNKNOWN_FLAG (1U << 30)

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "destroy");
    virDomainPtr dom;

    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Destroying with VIR_DOMAIN_DESTROY_DEFAULT");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_ok_call(t, tck_require(t, virDomainDestroyFlags(dom, VIR_DOMAIN_DESTROY_DEFAULT),
                               "virDomainDestroyFlags"),
                "destroyed the guest with the default flag");
    tck_is_state(t, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED, "the guest is shutoff/destroyed");
    tck_is_int(t, (int) virDomainGetID(dom), -1, "the destroyed guest has id -1");

    tck_diag(t, "Refused destroys");
    tck_ok_error(t, virDomainDestroy(dom), VIR_ERR_OPERATION_INVALID,
                 "destroying the inactive guest is refused");
    tck_ok_call(t, virDomainCreate(dom), "started the guest again");
    tck_ok_error(t, virDomainDestroyFlags(dom, UNKNOWN_FLAG), VIR_ERR_INVALID_ARG,
                 "destroying with an unknown flag is refused");
    tck_diag(t, "Destroying with VIR_DOMAIN_DESTROY_GRACEFUL");
    virDomainDestroy(dom);
    tck_ok_call(t, virDomainCreate(dom), "started the guest a third time");
    tck_ok_call(t, tck_require_flag(t, virDomainDestroyFlags(dom, VIR_DOMAIN_DESTROY_GRACEFUL),
                                    "VIR_DOMAIN_DESTROY_GRACEFUL"),
                "destroyed the guest with the graceful flag");
    tck_is_state(t, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED,
                 "the gracefully destroyed guest is shutoff/destroyed");

    virDomainDestroy(dom);
    virDomainFree(dom);

    return tck_test_end(t);
}
