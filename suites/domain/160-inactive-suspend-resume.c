/*
 * 160-inactive-suspend-resume — an inactive domain cannot pause, run on,
 * shut down or reboot.
 *
 * Each of these needs a running guest, so on a defined, inactive one
 * each is refused with VIR_ERR_OPERATION_INVALID ("domain is not
 * running", virDomainObjCheckActive in QEMU and LXC), and the guest stays
 * shutoff.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "suspend, resume, shutdown and reboot of an inactive domain are refused",
    .plan = 6,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "inactive");
    virDomainPtr dom;

    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined an inactive guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Asking the inactive guest to change its run state");
    tck_ok_error(t, virDomainSuspend(dom), VIR_ERR_OPERATION_INVALID, "suspend is refused");
    tck_ok_error(t, virDomainResume(dom), VIR_ERR_OPERATION_INVALID, "resume is refused");
    tck_ok_error_or_skip(t, virDomainShutdown(dom), VIR_ERR_OPERATION_INVALID, "virDomainShutdown",
                         "shutdown is refused");
    tck_ok_error_or_skip(t, virDomainReboot(dom, 0), VIR_ERR_OPERATION_INVALID, "virDomainReboot",
                         "reboot is refused");
    tck_is_state(t, dom, VIR_DOMAIN_SHUTOFF, TCK_ANY_REASON, "the guest is still shut off");
    virDomainFree(dom);

    return tck_test_end(t);
}
