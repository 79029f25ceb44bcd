/*
 * 305-balloon-stats — a running guest reports its memory statistics.
 *
 * Start the generic guest.  Where its live XML has a memory balloon, ask
 * for statistics every 2 s (virDomainSetMemoryStatsPeriod).  Read them
 * with virDomainMemoryStats: every tag is a known one; with a balloon,
 * its current size is among them and no more than the guest's maximum.  A driver without memory statistics answers
 * VIR_ERR_NO_SUPPORT, and the checks are skipped naming the feature.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a running guest reports balloon and memory statistics",
    .plan = 5,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "balloon");
    virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
    g_autofree char *live = NULL, *balloon = NULL;
    gboolean known = TRUE;
    gint64 actual = -1;
    virDomainPtr dom;
    int n;

    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    live = virDomainGetXMLDesc(dom, 0);
    balloon = tck_xml_get_text(live, "/domain/devices/memballoon[@model!='none']/@model");
    tck_diag(t, "Asking for statistics every 2 seconds");
    if (!balloon)
        tck_skip(t, 1, "the guest has no memory balloon device to collect statistics");
    else if (virDomainSetMemoryStatsPeriod(dom, 2, VIR_DOMAIN_AFFECT_LIVE) == 0)
        tck_ok(t, TRUE, "the statistics period is set to 2 s");
    else if (!tck_skip_unsupported(t, 1, "a memory statistics period (virDomainSetMemoryStatsPeriod)"))
        tck_ok_call(t, -1, "the statistics period is set to 2 s");

    tck_diag(t, "Reading the memory statistics");
    n = virDomainMemoryStats(dom, stats, VIR_DOMAIN_MEMORY_STAT_NR, 0);
    if (n < 0 && tck_skip_unsupported(t, 3, "memory statistics (virDomainMemoryStats)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok(t, n >= 0, "the guest reports %d memory statistics", n);
    for (int i = 0; i < n; i++) {
        tck_diag(t, "statistic tag %d = %llu", stats[i].tag, stats[i].val);
        if (stats[i].tag < 0 || stats[i].tag >= VIR_DOMAIN_MEMORY_STAT_NR)
            known = FALSE;
        if (stats[i].tag == VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON)
            actual = (gint64) stats[i].val;
    }
    tck_ok(t, known, "every statistic has a known tag");
    if (!balloon)
        tck_skip(t, 1, "the guest has no memory balloon device to report its size");
    else
        tck_ok(t, actual > 0 && actual <= (gint64) virDomainGetMaxMemory(dom),
               "the current balloon size (%" G_GINT64_FORMAT " KiB) is reported, within the maximum", actual);

    virDomainFree(dom);
    return tck_test_end(t);
}
