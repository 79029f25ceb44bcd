/*
 * 251-transient-events — a transient domain is never defined or undefined.
 *
 * Create a transient guest, suspend, resume and destroy it: the events
 * are started/booted, suspended/paused, resumed/unpaused and
 * stopped/destroyed, with no defined/... or undefined/... among them,
 * since there never was a config.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a transient domain's lifecycle events: started, suspended, resumed, stopped, nothing else",
    .plan = 7,
    .needs = (const char *const[]){ "domain", NULL },
};

#define EXPECTED "started/booted suspended/paused resumed/unpaused stopped/destroyed"

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "events");
    g_autoptr(TckEvents) ev = tck_events_watch(t, VIR_DOMAIN_EVENT_ID_LIFECYCLE, NULL);
    g_autofree char *seen = NULL;
    virDomainPtr dom;

    tck_diag(t, "Creating, suspending, resuming and destroying a transient guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "created the transient guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainSuspend(dom), "suspended the guest");
    tck_ok_call(t, virDomainResume(dom), "resumed the guest");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the guest");
    virDomainFree(dom);

    tck_ok(t, tck_events_wait_in_order(ev, EXPECTED, 30 * 1000),
           "the four lifecycle events came in the order of the calls");
    seen = tck_events_describe(ev);
    tck_diag(t, "events: %s", seen);
    tck_ok(t, !strstr(seen, "defined/"), "no event said the transient guest was defined or undefined");
    tck_is_str(t, seen, EXPECTED, "no other lifecycle event came between them");

    return tck_test_end(t);
}
