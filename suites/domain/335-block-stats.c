/*
 * 335-block-stats — a running guest's disk counts its I/O.
 *
 * Start the generic guest.  virDomainBlockStats on its disk returns
 * counters (none negative but -1, "not known"); virDomainBlockStatsFlags
 * announces how many typed counters it has and returns them, named.  An
 * unknown target is refused with VIR_ERR_INVALID_ARG.  A plan without
 * disks, or a driver answering VIR_ERR_NO_SUPPORT, skips naming it.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "block I/O statistics of a running guest's disk",
    .plan = 5,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "blockstats");
    g_autofree char *target = tck_generic_disk_target(t, xml);
    g_autofree virTypedParameter *params = NULL;
    virDomainBlockStatsStruct st;
    virDomainPtr dom;
    int n = 0;


    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Reading the block statistics of %s", target);
    memset(&st, 0xfe, sizeof(st));   /* negative: nothing written is "not known" either */
    if (virDomainBlockStats(dom, target, &st, sizeof(st)) < 0 &&
        tck_skip_unsupported(t, 1, "block statistics (virDomainBlockStats)"))
        ;
    else
        tck_ok(t, st.rd_req >= -1 && st.rd_bytes >= -1 && st.wr_req >= -1 && st.wr_bytes >= -1 && st.errs >= -1,
               "the counters are known or -1 (rd_req %lld, wr_req %lld)", st.rd_req, st.wr_req);

    /* The count comes first; the statistics of the disk only with the second call. */
    int counted = virDomainBlockStatsFlags(dom, target, NULL, &n, 0);
    int got = n, fetched = -1;

    if (counted == 0) {
        params = g_new0(virTypedParameter, MAX(n, 1));
        fetched = virDomainBlockStatsFlags(dom, target, params, &got, 0);
    }
    if ((counted < 0 || fetched < 0) && tck_skip_unsupported(t, 2, "typed block statistics (virDomainBlockStatsFlags)")) {
        ;
    } else {
        tck_ok(t, n > 0 && fetched == 0, "%d typed block statistics are read", n);
        tck_ok(t, fetched == 0 && got > 0 && params[0].field[0] != '\0', "each is named (the first is '%s')",
               fetched == 0 && got > 0 ? params[0].field : "");
    }
    tck_ok_error(t, virDomainBlockStats(dom, "tck-no-such-disk", &st, sizeof(st)), VIR_ERR_INVALID_ARG,
                 "statistics of an unknown target are refused");

    virDomainFree(dom);
    return tck_test_end(t);
}
