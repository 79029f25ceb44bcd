/*
 * 250-lifecycle-events — a persistent domain's life is told by its
 * lifecycle events, in order.
 *
 * With a lifecycle callback registered (virConnectDomainEventRegisterAny,
 * the default event loop running), define a guest, start it, suspend it,
 * resume it, destroy it and undefine it.  The events must arrive as
 * defined/added, started/booted, suspended/paused, resumed/unpaused,
 * stopped/destroyed, undefined/removed.  A second check asks that no
 * other lifecycle event came between them.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "define, start, suspend, resume, destroy, undefine raise their lifecycle events in order",
    .plan = 8,
    .needs = (const char *const[]){ "domain", NULL },
};

#define EXPECTED "defined/added started/booted suspended/paused resumed/unpaused " \
                 "stopped/destroyed undefined/removed"

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "events");
    g_autoptr(TckEvents) ev = tck_events_watch(t, VIR_DOMAIN_EVENT_ID_LIFECYCLE, NULL);
    g_autofree char *seen = NULL;
    virDomainPtr dom;

    tck_diag(t, "Defining, starting, suspending, resuming, destroying, undefining a guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_ok_call(t, virDomainSuspend(dom), "suspended the guest");
    tck_ok_call(t, virDomainResume(dom), "resumed the guest");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the guest");
    tck_ok_call(t, virDomainUndefine(dom), "undefined the guest");
    virDomainFree(dom);

    tck_diag(t, "Waiting for the six lifecycle events");
    tck_ok(t, tck_events_wait_in_order(ev, EXPECTED, 30 * 1000),
           "the six lifecycle events came in the order of the calls");
    seen = tck_events_describe(ev);
    tck_diag(t, "events: %s", seen);
    tck_is_str(t, seen, EXPECTED, "no other lifecycle event came between them");

    return tck_test_end(t);
}
