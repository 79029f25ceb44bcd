/*
 * 161-inactive-vcpus — an inactive domain has no live vcpus to report.
 *
 * virDomainGetVcpus() describes running vcpus: on an inactive guest it is
 * refused with VIR_ERR_OPERATION_INVALID ("cannot list vcpus for an
 * inactive domain" in QEMU and LXC); so is virDomainGetVcpusFlags() with
 * VIR_DOMAIN_AFFECT_LIVE.  The config still answers: the count with
 * VIR_DOMAIN_AFFECT_CONFIG is the generic guest's one vcpu.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "live vcpu queries on an inactive domain are refused; the config's count answers",
    .plan = 4,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "inactive");
    virVcpuInfo vcpus[4];
    unsigned char cpumaps[4 * 8];
    g_autofree char *reason = NULL;
    virDomainPtr dom;
    int count;

    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined an inactive guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Asking the inactive guest about its vcpus");
    tck_ok_error_or_skip(t, virDomainGetVcpus(dom, vcpus, G_N_ELEMENTS(vcpus), cpumaps, 8),
                         VIR_ERR_OPERATION_INVALID, "virDomainGetVcpus", "getting the live vcpus is refused");
    tck_ok_error_or_skip(t, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE), VIR_ERR_OPERATION_INVALID,
                         "virDomainGetVcpusFlags", "counting the live vcpus is refused");
    if ((count = virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG)) < 0 &&
        (reason = tck_unsupported_reason()))
        tck_skip(t, 1, "the %s driver does not implement virDomainGetVcpusFlags (%s)", tck_test_driver(t),
                 reason);
    else
        tck_is_int(t, count, 1, "the config counts the generic guest's one vcpu");
    virDomainFree(dom);

    return tck_test_end(t);
}
