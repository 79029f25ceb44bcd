/*
 * 315-vcpu-hotplug — a running guest gains a vcpu up to its maximum.
 *
 * Define the generic guest with a maximum of 2 vcpus and 1 current, start
 * it, and add the second vcpu live (virDomainSetVcpusFlags, LIVE): the live
 * count becomes 2, the config's stays 1.  Going beyond the maximum live is
 * refused with VIR_ERR_INVALID_ARG.  Where the driver or the machine type
 * cannot hot-plug vcpus it says so (VIR_ERR_NO_SUPPORT,
 * VIR_ERR_OPERATION_UNSUPPORTED, VIR_ERR_CONFIG_UNSUPPORTED): skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a vcpu is hot-plugged into a running guest up to its maximum",
    .plan = 6,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "vcpu-hotplug");
    virDomainPtr dom;

    tck_diag(t, "Defining the guest with a maximum of 2 vcpus, 1 current");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    if (virDomainSetVcpusFlags(dom, 2, VIR_DOMAIN_AFFECT_CONFIG | VIR_DOMAIN_VCPU_MAXIMUM) < 0) {
        if (!tck_skip_unsupported(t, 5, "vcpu counts (virDomainSetVcpusFlags)"))
            tck_bail_out(t, "cannot raise the maximum to 2 vcpus: %s", virGetLastErrorMessage());
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok_call(t, virDomainCreate(dom), "started the guest with 1 of 2 vcpus");

    tck_diag(t, "Hot-plugging the second vcpu");
    if (virDomainSetVcpusFlags(dom, 2, VIR_DOMAIN_AFFECT_LIVE) < 0 &&
        tck_skip_unsupported(t, 4, "vcpu hot-plug (virDomainSetVcpusFlags, LIVE)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok(t, TRUE, "the second vcpu is hot-plugged");
    tck_is_int(t, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE), 2, "the live count is 2 vcpus");
    tck_is_int(t, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG), 1,
               "the config still says 1 vcpu");
    tck_ok_error(t, virDomainSetVcpusFlags(dom, 3, VIR_DOMAIN_AFFECT_LIVE), VIR_ERR_INVALID_ARG,
                 "a third vcpu, beyond the maximum, is refused");

    virDomainFree(dom);
    return tck_test_end(t);
}
