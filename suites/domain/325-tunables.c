/*
 * 325-tunables — memory and block I/O tunables of a guest's config.
 *
 * Define the generic guest.  virDomainGetMemoryParameters lists the memory
 * tunables; setting the hard limit to 512 MiB in the config
 * (virDomainSetMemoryParameters, CONFIG) reads back and shows in the
 * inactive XML.  virDomainGetBlkioParameters lists the block I/O tunables;
 * a weight of 500 in the config reads back.  A driver without one of them
 * answers VIR_ERR_NO_SUPPORT: those checks are skipped, naming it.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "memory and block I/O tunables of a config read and change",
    .plan = 8,
    .needs = (const char *const[]){ "domain", NULL },
};

typedef int (*GetParams)(virDomainPtr, virTypedParameterPtr, int *, unsigned int);
typedef int (*SetParams)(virDomainPtr, virTypedParameterPtr, int, unsigned int);

/*
 * Three checks: the tunables are listed, @field is set to @value in the
 * config, and it reads back.  FALSE when the driver lacks them (skipped).
 */
static gboolean
tunable_round_trip(TckTest *t, virDomainPtr dom, const char *what, GetParams get, SetParams set,
                   const char *field, int type, unsigned long long value)
{
    g_autofree virTypedParameter *params = NULL;
    g_autofree char *feature = g_strdup_printf("%s tunables", what);
    virTypedParameter one = { .type = type };
    unsigned long long got = 0;
    int n = 0;

    if (get(dom, NULL, &n, VIR_DOMAIN_AFFECT_CONFIG) < 0 && tck_skip_unsupported(t, 3, feature))
        return FALSE;
    params = g_new0(virTypedParameter, MAX(n, 1));
    tck_ok(t, n > 0 && get(dom, params, &n, VIR_DOMAIN_AFFECT_CONFIG) == 0,
           "the config lists %d %s tunables", n, what);
    /* String tunables (device weights) are the caller's to free. */
    virTypedParamsClear(params, n);
    g_strlcpy(one.field, field, sizeof(one.field));
    if (type == VIR_TYPED_PARAM_UINT)
        one.value.ui = (unsigned int) value;
    else
        one.value.ul = value;
    tck_ok_call(t, set(dom, &one, 1, VIR_DOMAIN_AFFECT_CONFIG), "set %s to %llu in the config", field, value);
    n = 0;
    get(dom, NULL, &n, VIR_DOMAIN_AFFECT_CONFIG);
    g_free(params);
    params = g_new0(virTypedParameter, MAX(n, 1));
    if (get(dom, params, &n, VIR_DOMAIN_AFFECT_CONFIG) == 0) {
        if (type == VIR_TYPED_PARAM_UINT) {
            unsigned int ui = 0;

            virTypedParamsGetUInt(params, n, field, &ui);
            got = ui;
        } else {
            virTypedParamsGetULLong(params, n, field, &got);
        }
    }
    tck_is_int(t, (gint64) got, (gint64) value, "%s reads back as %llu", field, value);
    virTypedParamsClear(params, n);
    return TRUE;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "tunables");
    virDomainPtr dom;

    tck_diag(t, "Defining the generic guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Memory tunables: a hard limit of 512 MiB");
    if (tunable_round_trip(t, dom, "memory", virDomainGetMemoryParameters, virDomainSetMemoryParameters,
                           VIR_DOMAIN_MEMORY_HARD_LIMIT, VIR_TYPED_PARAM_ULLONG, 512 * 1024)) {
        g_autofree char *inactive = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
        g_autofree char *limit = tck_xml_get_text(inactive, "/domain/memtune/hard_limit");

        tck_is_str(t, limit, "524288", "the inactive XML has a hard limit of 524288 KiB");
    } else {
        tck_skip(t, 1, "memory tunables: not supported by the %s driver", tck_test_driver(t));
    }

    tck_diag(t, "Block I/O tunables: a weight of 500");
    tunable_round_trip(t, dom, "block I/O", virDomainGetBlkioParameters, virDomainSetBlkioParameters,
                       VIR_DOMAIN_BLKIO_WEIGHT, VIR_TYPED_PARAM_UINT, 500);

    virDomainFree(dom);
    return tck_test_end(t);
}
