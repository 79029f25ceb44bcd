/*
 * 310-vcpus — a guest's virtual CPUs, their maximum and their pinning.
 *
 * Define the generic guest (1 vcpu).  Raise the config's maximum to 2 and
 * its current count to 2 (virDomainSetVcpusFlags with CONFIG | MAXIMUM,
 * then CONFIG): virDomainGetVcpusFlags reads both back.  Three vcpus are
 * more than the maximum: refused with VIR_ERR_INVALID_ARG.  Pin vcpu 0 to
 * host CPU 0 in the config (virDomainPinVcpuFlags) and read the pinning
 * back (virDomainGetVcpuPinInfo).  Started, the guest has 2 vcpus
 * (virDomainGetMaxVcpus, virDomainGetVcpus, virDomainGetVcpusFlags LIVE).
 * A driver without vcpu control answers VIR_ERR_NO_SUPPORT: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "vcpu count, maximum and pinning in the config and on a running guest",
    .plan = 13,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "vcpus");
    unsigned char map = 0x1, maps[2] = { 0 };
    virVcpuInfo vinfo[4];
    virDomainPtr dom;
    int n;

    tck_diag(t, "Defining the generic guest with one vcpu");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    n = virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG);
    if (n < 0 && tck_skip_unsupported(t, 12, "vcpu counts (virDomainGetVcpusFlags)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_is_int(t, n, 1, "the config has one vcpu");

    tck_diag(t, "Raising the config's vcpus to a maximum of 2, 2 of them current");
    tck_ok_call(t, virDomainSetVcpusFlags(dom, 2, VIR_DOMAIN_AFFECT_CONFIG | VIR_DOMAIN_VCPU_MAXIMUM),
                "the config's maximum is set to 2 vcpus");
    tck_ok_call(t, virDomainSetVcpusFlags(dom, 2, VIR_DOMAIN_AFFECT_CONFIG),
                "the config's current count is set to 2 vcpus");
    tck_is_int(t, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG | VIR_DOMAIN_VCPU_MAXIMUM), 2,
               "the config's maximum reads back as 2");
    tck_is_int(t, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG), 2,
               "the config's current count reads back as 2");
    tck_ok_error(t, virDomainSetVcpusFlags(dom, 3, VIR_DOMAIN_AFFECT_CONFIG), VIR_ERR_INVALID_ARG,
                 "3 vcpus, more than the maximum, are refused");

    tck_diag(t, "Pinning vcpu 0 to host CPU 0 in the config");
    n = virDomainPinVcpuFlags(dom, 0, &map, 1, VIR_DOMAIN_AFFECT_CONFIG);
    if (n < 0 && tck_skip_unsupported(t, 2, "vcpu pinning in the config (virDomainPinVcpuFlags, CONFIG)")) {
        ;
    } else {
        tck_ok_call(t, n, "vcpu 0 is pinned to host CPU 0");
        n = virDomainGetVcpuPinInfo(dom, 2, maps, 1, VIR_DOMAIN_AFFECT_CONFIG);
        tck_ok(t, n == 2 && maps[0] == 0x1, "the pin info lists 2 vcpus, vcpu 0 on CPU 0 only (n=%d map=0x%x)",
               n, maps[0]);
    }

    tck_diag(t, "Starting the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_is_int(t, virDomainGetMaxVcpus(dom), 2, "the running guest has at most 2 vcpus");
    n = virDomainGetVcpus(dom, vinfo, G_N_ELEMENTS(vinfo), NULL, 0);
    if (n < 0 && tck_skip_unsupported(t, 1, "vcpu run-time info (virDomainGetVcpus)"))
        ;
    else
        tck_is_int(t, n, 2, "virDomainGetVcpus reports 2 vcpus");
    tck_is_int(t, virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE), 2, "the live count is 2 vcpus");

    virDomainFree(dom);
    return tck_test_end(t);
}
