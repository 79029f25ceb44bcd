/*
 * 133-reboot-methods — each reboot method a driver offers really reboots
 * the guest.
 *
 * For each method of virDomainReboot() (VIR_DOMAIN_REBOOT_ACPI_POWER_BTN,
 * VIR_DOMAIN_REBOOT_SIGNAL, VIR_DOMAIN_REBOOT_INITCTL): ask the inactive
 * guest first, which costs no boot; a method the driver does not
 * implement answers "unsupported flags" (virCheckFlags comes first) and
 * is skipped, naming it.  An implemented one is tried on the running
 * guest: where guest code runs, its /init prints "TCK-GUEST-DOWN <token>
 * ..." and then boots again (a READY line with a new boot nonce); the
 * domain runs afterwards.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "every reboot method the driver implements makes the guest go down and boot again",
    .plan = 19,
    .needs = (const char *const[]){ "domain", NULL },
};

static const struct {
    unsigned int flag;
    const char *name;
} methods[] = {
    { VIR_DOMAIN_REBOOT_ACPI_POWER_BTN, "VIR_DOMAIN_REBOOT_ACPI_POWER_BTN" },
    { VIR_DOMAIN_REBOOT_SIGNAL, "VIR_DOMAIN_REBOOT_SIGNAL" },
    { VIR_DOMAIN_REBOOT_INITCTL, "VIR_DOMAIN_REBOOT_INITCTL" },
};

#define CHECKS_PER_METHOD 6
#define DOWN_TIMEOUT_S 30
#define REBOOT_TIMEOUT_S 150

/* Why @flag cannot be tried, asking the inactive @dom; NULL when it can. */
static char *
method_refusal(virDomainPtr dom, unsigned int flag)
{
    return virDomainReboot(dom, flag) == 0 ? NULL : tck_unsupported_reason();
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "methods");
    gboolean boots = tck_guest_boots(t);
    virDomainPtr dom;

    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    for (gsize i = 0; i < G_N_ELEMENTS(methods); i++) {
        g_autofree char *refusal = method_refusal(dom, methods[i].flag);
        g_auto(GStrv) old_boots = NULL, boots_before = NULL, downs_before = NULL;
        g_autofree char *down = NULL, *boot = NULL, *this_boot = NULL;

        if (refusal) {
            tck_skip(t, CHECKS_PER_METHOD, "the %s driver does not implement %s (%s)", tck_test_driver(t),
                     methods[i].name, refusal);
            continue;
        }
        tck_diag(t, "Rebooting the guest with %s", methods[i].name);
        /* The log keeps earlier boots' lines: this start's READY is a new one. */
        old_boots = boots ? tck_guest_markers(t, dom, TCK_GUEST_READY) : NULL;
        tck_ok_call(t, virDomainCreate(dom), "started the guest for %s", methods[i].name);
        if (boots) {
            this_boot = tck_wait_guest_marker(t, dom, TCK_GUEST_READY, (const char *const *) old_boots, 240);
            tck_ok(t, this_boot != NULL, "the guest booted and printed its marker (%s)",
                   this_boot ? this_boot : "none");
            boots_before = tck_guest_markers(t, dom, TCK_GUEST_READY);
            downs_before = tck_guest_markers(t, dom, TCK_GUEST_DOWN);
        } else {
            tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));
        }
        tck_ok_call(t, virDomainReboot(dom, methods[i].flag), "asked for a reboot with %s", methods[i].name);
        if (boots) {
            /* This boot's last words carry its nonce, the one of its READY line. */
            down = tck_wait_guest_marker(t, dom, TCK_GUEST_DOWN, (const char *const *) downs_before,
                                         DOWN_TIMEOUT_S);
            tck_ok(t, down && this_boot && g_str_has_suffix(down, this_boot),
                   "the guest's init heard %s and went down (%s)", methods[i].name, down ? down : "no marker");
            /* A guest that never went down will not boot again: no wait then. */
            if (down)
                boot = tck_wait_guest_marker(t, dom, TCK_GUEST_READY, (const char *const *) boots_before,
                                             REBOOT_TIMEOUT_S);
            tck_ok(t, boot != NULL, "the guest booted again after %s (%s)", methods[i].name,
                   boot ? boot : "no new boot");
        } else {
            tck_skip(t, 2, "the %s driver runs no guest code", tck_test_driver(t));
        }
        tck_ok(t, tck_domain_wait_state(dom, VIR_DOMAIN_RUNNING, 30 * 1000), "the guest runs after %s",
               methods[i].name);
        virDomainDestroy(dom);
    }
    virDomainFree(dom);

    return tck_test_end(t);
}
