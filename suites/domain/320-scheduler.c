/*
 * 320-scheduler — a running guest's scheduler parameters read and change.
 *
 * Start the generic guest.  virDomainGetSchedulerType names the scheduler
 * and how many parameters it has; virDomainGetSchedulerParameters and
 * ...ParametersFlags return that many, each named.  Setting the first
 * integer parameter (CPU shares or weight) of the running guest to 512
 * with virDomainSetSchedulerParametersFlags reads back as 512.  A driver
 * without scheduler control answers VIR_ERR_NO_SUPPORT: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "scheduler type and parameters of a running guest read and change",
    .plan = 7,
    .needs = (const char *const[]){ "domain", NULL },
};

/* The index of the first unsigned integer parameter, or -1. */
static int
first_uint(const virTypedParameter *p, int n)
{
    for (int i = 0; i < n; i++)
        if (p[i].type == VIR_TYPED_PARAM_UINT || p[i].type == VIR_TYPED_PARAM_ULLONG)
            return i;
    return -1;
}

static unsigned long long
uint_value(const virTypedParameter *p)
{
    return p->type == VIR_TYPED_PARAM_UINT ? p->value.ui : p->value.ul;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "sched");
    g_autofree char *type = NULL;
    g_autofree virTypedParameter *params = NULL, *again = NULL;
    virTypedParameter set;
    virDomainPtr dom;
    int n = 0, n2, i;

    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Reading the scheduler type");
    type = virDomainGetSchedulerType(dom, &n);
    if (!type && tck_skip_unsupported(t, 6, "scheduler parameters (virDomainGetSchedulerType)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok(t, type && n > 0, "the scheduler is '%s' with %d parameters", type ? type : "(none)", n);
    if (n <= 0)
        tck_bail_out(t, "the scheduler has no parameters: %s", virGetLastErrorMessage());

    params = g_new0(virTypedParameter, n);
    n2 = n;
    tck_ok_call(t, virDomainGetSchedulerParameters(dom, params, &n2), "read the scheduler parameters");
    tck_is_int(t, n2, n, "as many parameters come back as the type announced");
    for (int k = 0; k < n2; k++)
        tck_diag(t, "parameter %s (type %d)", params[k].field, params[k].type);

    i = first_uint(params, n2);
    if (i < 0) {
        tck_skip(t, 3, "the '%s' scheduler has no integer parameter to change", type);
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_diag(t, "Setting %s to 512 (it was %llu)", params[i].field, uint_value(&params[i]));
    set = params[i];
    if (set.type == VIR_TYPED_PARAM_UINT)
        set.value.ui = 512;
    else
        set.value.ul = 512;
    tck_ok_call(t, virDomainSetSchedulerParametersFlags(dom, &set, 1, VIR_DOMAIN_AFFECT_CURRENT),
                "set %s to 512 on the running guest", set.field);
    again = g_new0(virTypedParameter, n);
    n2 = n;
    tck_ok_call(t, virDomainGetSchedulerParametersFlags(dom, again, &n2, VIR_DOMAIN_AFFECT_CURRENT),
                "read the scheduler parameters again with virDomainGetSchedulerParametersFlags");
    n2 = n;
    if (virDomainGetSchedulerParameters(dom, again, &n2) < 0)
        n2 = 0;
    i = first_uint(again, n2);
    tck_is_int(t, i >= 0 ? (gint64) uint_value(&again[i]) : -1, 512, "%s reads back as 512", set.field);

    virDomainFree(dom);
    return tck_test_end(t);
}
