/*
 * 164-inactive-console — an inactive domain has no console to open.
 *
 * virDomainOpenConsole() on a defined, inactive guest is refused with
 * VIR_ERR_OPERATION_INVALID ("domain is not running" in QEMU and LXC),
 * and the guest stays shut off.  A
 * driver without consoles skips (VIR_ERR_NO_SUPPORT).
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "opening the console of an inactive domain is refused with VIR_ERR_OPERATION_INVALID",
    .plan = 3,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "inactive");
    virStreamPtr st;
    virDomainPtr dom;

    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined an inactive guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    if (!(st = virStreamNew(conn, 0)))
        tck_bail_out(t, "cannot make a stream: %s", virGetLastErrorMessage());

    tck_diag(t, "Opening the inactive guest's console");
    tck_ok_error_or_skip(t, virDomainOpenConsole(dom, NULL, st, 0), VIR_ERR_OPERATION_INVALID,
                         "virDomainOpenConsole", "opening the console is refused");
    tck_is_state(t, dom, VIR_DOMAIN_SHUTOFF, TCK_ANY_REASON, "the guest is still shut off");
    virStreamAbort(st);
    virStreamFree(st);
    virDomainFree(dom);

    return tck_test_end(t);
}
