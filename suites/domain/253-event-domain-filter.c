/*
 * 253-event-domain-filter — a callback for one domain hears only that one.
 *
 * Define guests A and B, register a lifecycle callback for A alone and one
 * for every domain of this test.  Start and destroy B, then A: the
 * callback for A hears only A's started/booted and stopped/destroyed; the
 * other hears all four.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a lifecycle callback registered for one domain receives only that domain's events",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *a_xml = tck_generic_domain_xml(t, "a");
    g_autofree char *b_xml = tck_generic_domain_xml(t, "b");
    g_autoptr(TckEvents) only_a = NULL, all = NULL;
    g_autofree char *seen_a = NULL, *seen_all = NULL;
    virDomainPtr a, b;

    a = tck_ok_domain(t, virDomainDefineXML(conn, a_xml), "defined guest A");
    b = tck_ok_domain(t, virDomainDefineXML(conn, b_xml), "defined guest B");
    if (!a || !b)
        tck_bail_out(t, "cannot go on without both guests");
    only_a = tck_events_watch(t, VIR_DOMAIN_EVENT_ID_LIFECYCLE, a);
    all = tck_events_watch(t, VIR_DOMAIN_EVENT_ID_LIFECYCLE, NULL);

    tck_diag(t, "Starting and destroying B, then A");
    tck_ok_call(t, virDomainCreate(b), "started guest B");
    tck_ok_call(t, virDomainDestroy(b), "destroyed guest B");
    tck_ok_call(t, virDomainCreate(a), "started guest A");
    tck_ok_call(t, virDomainDestroy(a), "destroyed guest A");

    tck_ok(t, tck_events_wait_in_order(all, "started/booted stopped/destroyed started/booted stopped/destroyed",
                                       30 * 1000),
           "the callback for every guest heard both guests start and stop");
    tck_events_wait_in_order(only_a, "started/booted stopped/destroyed", 5 * 1000);
    seen_a = tck_events_describe(only_a);
    seen_all = tck_events_describe(all);
    tck_diag(t, "all: %s", seen_all);
    tck_ok(t, tck_events_in_order(only_a, "started/booted stopped/destroyed"),
           "the callback for A heard A start and stop");
    tck_ok(t, !tck_events_in_order(only_a, "started/booted stopped/destroyed started/booted"),
           "the callback for A heard nothing of B");
    virDomainFree(a);
    virDomainFree(b);

    return tck_test_end(t);
}
