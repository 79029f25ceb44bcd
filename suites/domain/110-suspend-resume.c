/*
 * 110-suspend-resume — a running domain pauses and runs again.
 *
 * Start a guest (running/booted), suspend it (paused/user), resume it
 * (running/unpaused) with the id it had, and destroy it while paused
 * again (shutoff/destroyed).  Resuming a guest that runs is not checked:
 * virDomainResume() documents no answer for it (QEMU and LXC succeed).
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "suspend and resume a running domain; the state and reason follow",
    .plan = 11,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "pause");
    virDomainPtr dom;
    unsigned int id;

    tck_diag(t, "Defining and starting a guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_is_state(t, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, "the guest is running/booted");
    id = virDomainGetID(dom);

    tck_diag(t, "Suspending and resuming it");
    tck_ok_call(t, tck_require(t, virDomainSuspend(dom), "virDomainSuspend"), "suspended the guest");
    tck_is_state(t, dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER, "the guest is paused/user");
    tck_ok_call(t, virDomainResume(dom), "resumed the guest");
    tck_is_state(t, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED, "the guest is running/unpaused");
    tck_is_int(t, virDomainGetID(dom), id, "the resumed guest has the id it had");

    tck_diag(t, "Suspending it again and destroying it while paused");
    tck_ok_call(t, virDomainSuspend(dom), "suspended the guest again");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the paused guest");
    tck_is_state(t, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED, "the guest is shutoff/destroyed");
    virDomainFree(dom);

    return tck_test_end(t);
}
