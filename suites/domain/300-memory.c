/*
 * 300-memory — a guest's memory and its maximum, in the config and live.
 *
 * Define the generic guest (256 MiB): virDomainGetMaxMemory says so.
 * Lower the config's current memory (virDomainSetMemoryFlags, CONFIG) and
 * raise its maximum (CONFIG | MEM_MAXIMUM): the inactive XML and
 * virDomainGetMaxMemory follow.  Asking for more current memory than the
 * maximum is refused with VIR_ERR_INVALID_ARG ("cannot set memory higher
 * than max memory").  Started, virDomainGetInfo reports the new maximum and
 * no more memory than that; a live balloon change (virDomainSetMemory)
 * is accepted where the driver can do it.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "memory and max memory change in the config and live",
    .plan = 12,
    .needs = (const char *const[]){ "domain", NULL },
};

#define MIB 1024

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "memory");
    g_autofree char *inactive = NULL, *current = NULL;
    virDomainInfo di = { 0 };
    virDomainPtr dom;

    tck_diag(t, "Defining the generic guest with 256 MiB");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_is_int(t, (gint64) virDomainGetMaxMemory(dom), 256 * MIB, "its max memory is 256 MiB");

    tck_diag(t, "Lowering the config's current memory to 192 MiB");
    tck_ok_call(t, virDomainSetMemoryFlags(dom, 192 * MIB, VIR_DOMAIN_AFFECT_CONFIG),
                "the config's current memory is set to 192 MiB");
    inactive = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    current = tck_xml_get_text(inactive, "/domain/currentMemory");
    tck_is_str(t, current, "196608", "the inactive XML says currentMemory 196608 KiB");

    tck_diag(t, "Raising the config's maximum to 320 MiB");
    tck_ok_call(t, virDomainSetMemoryFlags(dom, 320 * MIB,
                                           VIR_DOMAIN_AFFECT_CONFIG | VIR_DOMAIN_MEM_MAXIMUM),
                "the config's max memory is set to 320 MiB");
    tck_is_int(t, (gint64) virDomainGetMaxMemory(dom), 320 * MIB, "its max memory is now 320 MiB");
    tck_ok_error(t, virDomainSetMemoryFlags(dom, 400 * MIB, VIR_DOMAIN_AFFECT_CONFIG),
                 VIR_ERR_INVALID_ARG, "current memory above the maximum is refused");

    tck_diag(t, "Starting the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_ok_call(t, virDomainGetInfo(dom, &di), "read the running guest's info");
    tck_is_int(t, (gint64) di.maxMem, 320 * MIB, "the running guest's max memory is 320 MiB");
    tck_ok(t, di.memory > 0 && di.memory <= di.maxMem,
           "the running guest uses some memory, not more than its maximum (%lu KiB)", di.memory);

    tck_diag(t, "Ballooning the running guest down to 160 MiB");
    if (virDomainSetMemoryFlags(dom, 160 * MIB, VIR_DOMAIN_AFFECT_LIVE) == 0)
        tck_ok(t, TRUE, "the live memory change to 160 MiB is accepted");
    else if (!tck_skip_unsupported(t, 1, "live memory change (virDomainSetMemoryFlags, LIVE)"))
        tck_ok_call(t, -1, "the live memory change to 160 MiB is accepted");

    virDomainFree(dom);
    return tck_test_end(t);
}
