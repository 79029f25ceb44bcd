/*
 * 350-numa — a guest's NUMA memory policy in its config.
 *
 * Define the generic guest.  virDomainGetNumaParameters lists the NUMA
 * tunables of its config; binding its memory strictly to the host's first
 * NUMA cell (virDomainSetNumaParameters, CONFIG: numa_mode STRICT,
 * numa_nodeset the cell) reads back and shows as <numatune> in the
 * inactive XML.  A host whose capabilities list no NUMA cell, or a driver
 * answering VIR_ERR_NO_SUPPORT, skips naming it.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "NUMA memory policy of a config read and change",
    .plan = 6,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "numa");
    g_autofree char *caps = virConnectGetCapabilities(conn);
    g_autofree char *cell = tck_xml_get_text(caps, "/capabilities/host/topology/cells/cell/@id");
    g_autofree char *inactive = NULL, *nodeset = NULL, *mode = NULL;
    virTypedParameterPtr params = NULL;
    int n = 0, nparams = 0;
    const char *got = NULL;
    virDomainPtr dom;

    if (!cell)
        tck_skip_all(t, "the host's capabilities list no NUMA cell");

    tck_diag(t, "Defining the generic guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    if (virDomainGetNumaParameters(dom, NULL, &n, VIR_DOMAIN_AFFECT_CONFIG) < 0 &&
        tck_skip_unsupported(t, 5, "NUMA parameters (virDomainGetNumaParameters)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok(t, n > 0, "the config has %d NUMA parameters", n);

    tck_diag(t, "Binding the guest's memory strictly to host cell %s", cell);
    n = 0;
    virTypedParamsAddInt(&params, &nparams, &n, VIR_DOMAIN_NUMA_MODE, VIR_DOMAIN_NUMATUNE_MEM_STRICT);
    virTypedParamsAddString(&params, &nparams, &n, VIR_DOMAIN_NUMA_NODESET, cell);
    tck_ok_call(t, virDomainSetNumaParameters(dom, params, nparams, VIR_DOMAIN_AFFECT_CONFIG),
                "set numa_mode STRICT and numa_nodeset %s in the config", cell);
    virTypedParamsFree(params, nparams);

    n = 0;
    virDomainGetNumaParameters(dom, NULL, &n, VIR_DOMAIN_AFFECT_CONFIG);
    params = g_new0(virTypedParameter, MAX(n, 1));
    nparams = n;
    if (virDomainGetNumaParameters(dom, params, &nparams, VIR_DOMAIN_AFFECT_CONFIG) < 0)
        nparams = 0;
    virTypedParamsGetString(params, nparams, VIR_DOMAIN_NUMA_NODESET, &got);
    tck_is_str(t, got, cell, "numa_nodeset reads back as %s", cell);
    virTypedParamsClear(params, nparams);
    g_free(params);

    inactive = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    mode = tck_xml_get_text(inactive, "/domain/numatune/memory/@mode");
    nodeset = tck_xml_get_text(inactive, "/domain/numatune/memory/@nodeset");
    tck_is_str(t, mode, "strict", "the inactive XML has <numatune> memory mode strict");
    tck_is_str(t, nodeset, cell, "...and nodeset %s", cell);

    virDomainFree(dom);
    return tck_test_end(t);
}
