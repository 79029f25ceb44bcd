/*
 * 252-event-deregister — a deregistered callback hears nothing more.
 *
 * Watch lifecycle events on two callbacks.  Define a guest: both hear
 * defined/added.  Deregister one (virConnectDomainEventDeregisterAny),
 * start and destroy the guest: the remaining one hears started/booted
 * and stopped/destroyed, the deregistered one nothing.  Deregistering the
 * same callback id again is refused with VIR_ERR_INVALID_ARG ("could not
 * find event callback for removal").
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "after virConnectDomainEventDeregisterAny a callback receives no more events",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

/* What the hand-made callback counts: events of one guest, by name. */
typedef struct {
    const char *name;
    gint count;
} Counter;

/* A callback that only counts: registered and deregistered by hand here.
 * Other guests on the host (other tests, other people) do not count. */
static int
count_event(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, int event G_GNUC_UNUSED,
            int detail G_GNUC_UNUSED, void *opaque)
{
    Counter *c = opaque;

    if (g_strcmp0(virDomainGetName(dom), c->name) == 0)
        g_atomic_int_inc(&c->count);
    return 0;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "events");
    g_autoptr(TckEvents) kept = NULL;
    g_autofree char *seen = NULL;
    static Counter counter;
    virDomainPtr dom;
    int id;

    counter.name = tck_name(t, "events");
    tck_diag(t, "Registering two lifecycle callbacks and defining a guest");
    kept = tck_events_watch(t, VIR_DOMAIN_EVENT_ID_LIFECYCLE, NULL);
    id = virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                          VIR_DOMAIN_EVENT_CALLBACK(count_event), &counter, NULL);
    tck_ok(t, id >= 0, "registered a second lifecycle callback");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom || id < 0)
        tck_bail_out(t, "cannot go on without the guest and the callback");
    tck_events_wait_in_order(kept, "defined/added", 30 * 1000);
    /* Both callbacks are dispatched in one go: give the second the same chance. */
    for (int i = 0; i < 100 && g_atomic_int_get(&counter.count) < 1; i++)
        g_usleep(20 * 1000);
    tck_is_int(t, g_atomic_int_get(&counter.count), 1, "the second callback heard the define");

    tck_diag(t, "Deregistering the second callback, starting and destroying the guest");
    tck_ok_call(t, virConnectDomainEventDeregisterAny(conn, id), "deregistered the second callback");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the guest");
    tck_ok(t, tck_events_wait_in_order(kept, "defined/added started/booted stopped/destroyed", 30 * 1000),
           "the remaining callback heard the define, the start and the destroy");
    seen = tck_events_describe(kept);
    tck_diag(t, "events: %s", seen);
    tck_is_int(t, g_atomic_int_get(&counter.count), 1, "the deregistered callback heard nothing more");
    tck_ok_error(t, virConnectDomainEventDeregisterAny(conn, id), VIR_ERR_INVALID_ARG,
                 "deregistering it again is refused");
    virDomainFree(dom);

    return tck_test_end(t);
}
