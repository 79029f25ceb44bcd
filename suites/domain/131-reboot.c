/*
 * 131-reboot — a guest asked to reboot goes down and boots again.
 *
 * Start a persistent guest and, where the driver runs guest code, wait
 * for its readiness marker.  virDomainReboot() asks the guest (QEMU: the
 * ACPI power button, then libvirt resets the guest instead of ending it;
 * LXC: SIGHUP to the container's init).  The guest prints
 * "TCK-GUEST-DOWN <token> ..." and then, booting again, a readiness
 * marker with a new boot nonce.  The domain runs all along as far as a
 * caller can tell: afterwards it is running, still defined.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "virDomainReboot: the guest hears the request, goes down and boots again",
    .plan = 8,
    .needs = (const char *const[]){ "domain", NULL },
};

/* A TCG boot on a busy host can take minutes (6-14 s when idle); the guest
 * reacts to the request at once.  All three stay within the harness's 300 s. */
#define BOOT_TIMEOUT_S 170
#define DOWN_TIMEOUT_S 10
#define REBOOT_TIMEOUT_S 110

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "reboot");
    g_auto(GStrv) boots_before = NULL;
    g_autofree char *down = NULL, *boot = NULL;
    gboolean boots = tck_guest_boots(t);
    virDomainPtr dom;

    tck_diag(t, "Defining and starting a guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    if (boots) {
        tck_ok(t, tck_wait_guest_ready(t, dom, BOOT_TIMEOUT_S), "the guest booted and printed its marker");
        boots_before = tck_guest_markers(t, dom, TCK_GUEST_READY);
    } else {
        tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));
    }

    tck_diag(t, "Asking the guest to reboot");
    tck_ok_call(t, tck_require(t, virDomainReboot(dom, 0), "virDomainReboot"), "asked the guest to reboot");
    if (boots) {
        down = tck_wait_guest_marker(t, dom, TCK_GUEST_DOWN, NULL, DOWN_TIMEOUT_S);
        tck_ok(t, down != NULL, "the guest's init heard the request and went down (%s)", down ? down : "no marker");
        /* A guest that never went down will not boot again: no wait then. */
        if (down)
            boot = tck_wait_guest_marker(t, dom, TCK_GUEST_READY, (const char *const *) boots_before,
                                         REBOOT_TIMEOUT_S);
        tck_ok(t, boot != NULL, "the guest booted again (%s)", boot ? boot : "no new boot");
    } else {
        tck_skip(t, 2, "the %s driver runs no guest code", tck_test_driver(t));
    }
    tck_ok(t, tck_domain_wait_state(dom, VIR_DOMAIN_RUNNING, 30 * 1000), "the rebooted guest runs");
    tck_is_int(t, virDomainIsPersistent(dom), 1, "the rebooted guest is still defined");
    virDomainDestroy(dom);
    virDomainFree(dom);

    return tck_test_end(t);
}
