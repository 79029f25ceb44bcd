/*
 * 345-all-domain-stats — one call returns statistics of many guests.
 *
 * Define two guests and start one of them, on a host that may hold many
 * others.  virConnectGetAllDomainStats (state statistics) returns a
 * record for each of ours, the running one in state RUNNING, the other
 * SHUTOFF; with the ACTIVE filter only the running one of ours is there.
 * virDomainListGetStats on our two returns exactly two records with all
 * statistics groups the driver has.  Only this test's guests are counted.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "virConnectGetAllDomainStats and virDomainListGetStats over this test's guests",
    .plan = 8,
    .needs = (const char *const[]){ "domain", NULL },
};

/* The state.state of the record of @name among @recs, or -1 when absent. */
static int
record_state(virDomainStatsRecordPtr *recs, const char *name)
{
    for (gsize i = 0; recs && recs[i]; i++) {
        int state = -2;

        if (!g_str_equal(virDomainGetName(recs[i]->dom), name))
            continue;
        virTypedParamsGetInt(recs[i]->params, recs[i]->nparams, "state.state", &state);
        return state;
    }
    return -1;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *a_xml = tck_generic_domain_xml(t, "stats-a");
    g_autofree char *b_xml = tck_generic_domain_xml(t, "stats-b");
    const char *a_name = tck_name(t, "stats-a"), *b_name = tck_name(t, "stats-b");
    virDomainStatsRecordPtr *recs = NULL;
    virDomainPtr a, b, both[3] = { NULL };
    int n;

    tck_diag(t, "Defining guests A and B, starting A");
    a = tck_ok_domain(t, virDomainDefineXML(conn, a_xml), "defined guest A");
    b = tck_ok_domain(t, virDomainDefineXML(conn, b_xml), "defined guest B");
    if (!a || !b)
        tck_bail_out(t, "cannot go on without both guests");
    tck_ok_call(t, virDomainCreate(a), "started guest A");

    tck_diag(t, "Statistics of every guest on the host");
    n = virConnectGetAllDomainStats(conn, VIR_DOMAIN_STATS_STATE, &recs, 0);
    if (n < 0 && tck_skip_unsupported(t, 5, "bulk domain statistics (virConnectGetAllDomainStats)"))
        goto out;
    tck_is_int(t, record_state(recs, a_name), VIR_DOMAIN_RUNNING, "A's record says RUNNING");
    tck_is_int(t, record_state(recs, b_name), VIR_DOMAIN_SHUTOFF, "B's record says SHUTOFF");
    virDomainStatsRecordListFree(recs);
    recs = NULL;

    tck_diag(t, "Statistics of the active guests only");
    n = virConnectGetAllDomainStats(conn, VIR_DOMAIN_STATS_STATE, &recs,
                                    VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE);
    tck_ok(t, n >= 1 && record_state(recs, a_name) == VIR_DOMAIN_RUNNING && record_state(recs, b_name) == -1,
           "with the ACTIVE filter A is listed and B is not");
    virDomainStatsRecordListFree(recs);
    recs = NULL;

    tck_diag(t, "All statistics of our two guests");
    both[0] = a;
    both[1] = b;
    n = virDomainListGetStats(both, 0, &recs, 0);
    tck_is_int(t, n, 2, "virDomainListGetStats returns one record per guest");
    tck_ok(t, n == 2 && recs[0]->nparams > 0 && recs[1]->nparams > 0,
           "each record carries statistics (%d and %d)", n == 2 ? recs[0]->nparams : 0,
           n == 2 ? recs[1]->nparams : 0);
 out:
    virDomainStatsRecordListFree(recs);
    virDomainFree(a);
    virDomainFree(b);
    return tck_test_end(t);
}
