/*
 * 132-shutdown-methods — each shutdown method a driver offers really
 * reaches the guest.
 *
 * For each method of virDomainShutdownFlags() (VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN,
 * VIR_DOMAIN_SHUTDOWN_SIGNAL, VIR_DOMAIN_SHUTDOWN_INITCTL): ask the inactive
 * guest first, which costs no boot.  libvirt's virCheckFlags() comes
 * before the "not running" check, so a method the driver does not
 * implement answers "unsupported flags" and is skipped, naming it.  An
 * implemented one is tried on the running guest: it must go down
 * (shutoff/shutdown) and, where guest code runs, its /init must have
 * printed "TCK-GUEST-DOWN <token> poweroff" (after this boot's READY: each
 * line carries the boot's nonce).
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "every shutdown method the driver implements makes the guest power off",
    .plan = 19,
    .needs = (const char *const[]){ "domain", NULL },
};

static const struct {
    unsigned int flag;
    const char *name;
} methods[] = {
    { VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN, "VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN" },
    { VIR_DOMAIN_SHUTDOWN_SIGNAL, "VIR_DOMAIN_SHUTDOWN_SIGNAL" },
    { VIR_DOMAIN_SHUTDOWN_INITCTL, "VIR_DOMAIN_SHUTDOWN_INITCTL" },
};

#define CHECKS_PER_METHOD 6
#define SHUTDOWN_TIMEOUT_S 60 /* a guest under TCG on a loaded host is slow to power off */

/* Why @flag cannot be tried, asking the inactive @dom; NULL when it can. */
static char *
method_refusal(virDomainPtr dom, unsigned int flag)
{
    return virDomainShutdownFlags(dom, flag) == 0 ? NULL : tck_unsupported_reason();
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
        g_auto(GStrv) old_boots = NULL;
        g_autofree char *down = NULL, *this_boot = NULL;

        if (refusal) {
            tck_skip(t, CHECKS_PER_METHOD, "the %s driver does not implement %s (%s)", tck_test_driver(t),
                     methods[i].name, refusal);
            continue;
        }
        tck_diag(t, "Shutting the guest down with %s", methods[i].name);
        /* The log keeps earlier boots' lines: this start's READY is a new one. */
        old_boots = boots ? tck_guest_markers(t, dom, TCK_GUEST_READY) : NULL;
        tck_ok_call(t, virDomainCreate(dom), "started the guest for %s", methods[i].name);
        if (boots) {
            this_boot = tck_wait_guest_marker(t, dom, TCK_GUEST_READY, (const char *const *) old_boots, 240);
            tck_ok(t, this_boot != NULL, "the guest booted and printed its marker (%s)",
                   this_boot ? this_boot : "none");
        } else {
            tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));
        }
        tck_ok_call(t, virDomainShutdownFlags(dom, methods[i].flag), "asked for a shutdown with %s",
                    methods[i].name);
        tck_ok(t, tck_domain_wait_state(dom, VIR_DOMAIN_SHUTOFF, SHUTDOWN_TIMEOUT_S * 1000),
               "the guest went down within %d s of %s", SHUTDOWN_TIMEOUT_S, methods[i].name);
        tck_is_state(t, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SHUTDOWN,
                     "the guest is shutoff/shutdown after %s", methods[i].name);
        if (boots) {
            /* This boot's last words carry its nonce, the one of its READY line. */
            g_autofree char *expected = g_strdup_printf("poweroff %s", this_boot ? this_boot : "none");
            g_auto(GStrv) downs = tck_guest_markers(t, dom, TCK_GUEST_DOWN);

            down = g_strv_contains((const char *const *) downs, expected) ? g_strdup(expected) : NULL;
            tck_ok(t, down != NULL, "the guest's init heard %s and powered off (%s)", methods[i].name, expected);
        } else {
            tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));
        }
        virDomainDestroy(dom);   /* in case it did not go down */
    }
    virDomainFree(dom);

    return tck_test_end(t);
}
