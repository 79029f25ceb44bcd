/*
 * 130-shutdown — a guest asked to shut down goes, and says so.
 *
 * Start a persistent guest and, where the driver runs guest code, wait
 * for its readiness marker: only a guest whose /init runs can react.
 * virDomainShutdown() asks the guest (QEMU: the ACPI power button, which
 * the guest's acpid hears; LXC: SIGTERM to the container's init); the
 * guest prints "TCK-GUEST-DOWN <token> poweroff" and powers off.  The
 * domain ends shutoff/shutdown (not destroyed), still defined, and the
 * lifecycle events say stopped/shutdown.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "virDomainShutdown: the guest hears the request, powers off, and the domain is shutoff/shutdown",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

/* A TCG boot on a busy host can take minutes (6-14 s when idle). */
#define BOOT_TIMEOUT_S 200
/* Time the guest gets to go down after the request. */
#define SHUTDOWN_TIMEOUT_S 60

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "shutdown");
    g_autoptr(TckEvents) ev = tck_events_watch(t, VIR_DOMAIN_EVENT_ID_LIFECYCLE, NULL);
    g_autofree char *how = NULL;
    gboolean boots = tck_guest_boots(t);
    virDomainPtr dom;

    tck_diag(t, "Defining and starting a guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    if (boots)
        tck_ok(t, tck_wait_guest_ready(t, dom, BOOT_TIMEOUT_S), "the guest booted and printed its marker");
    else
        tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));

    tck_diag(t, "Asking the guest to shut down");
    tck_ok_call(t, tck_require(t, virDomainShutdown(dom), "virDomainShutdown"), "asked the guest to shut down");
    tck_ok(t, tck_domain_wait_state(dom, VIR_DOMAIN_SHUTOFF, SHUTDOWN_TIMEOUT_S * 1000),
           "the guest went down within %d s", SHUTDOWN_TIMEOUT_S);
    tck_is_state(t, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SHUTDOWN, "the guest is shutoff/shutdown");
    tck_is_int(t, virDomainIsPersistent(dom), 1, "the guest is still defined");
    if (boots) {
        how = tck_wait_guest_marker(t, dom, TCK_GUEST_DOWN, NULL, 10);
        tck_ok(t, how && g_str_has_prefix(how, "poweroff "),
               "the guest's init heard the request and powered off (%s)", how ? how : "no marker");
    } else {
        tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));
    }
    tck_ok(t, tck_events_wait_in_order(ev, "started/booted stopped/shutdown", 10 * 1000),
           "the lifecycle events say started/booted, then stopped/shutdown");
    {
        g_autofree char *seen = tck_events_describe(ev);

        tck_diag(t, "events: %s", seen);
    }
    virDomainFree(dom);

    return tck_test_end(t);
}
