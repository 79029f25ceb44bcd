/*
 * kvm-canary.c — libvirt-tck-kvm-canary: one short boot that decides
 * whether KVM guests make progress on this host, before the first test
 * that boots a guest.  A /dev/kvm can exist and still not run a guest
 * kernel (a nested host missing CPU features): the guest then hangs after
 * the firmware, and every guest test would wait for its marker until it
 * times out.  This program is a libtck test like any other (its domain is
 * named and recorded in the ledger, the harness cleans up after it); the
 * harness runs it with the run's id and reads its one check.
 *
 * $TCK_KVM_CANARY_TIMEOUT (seconds, default 30) bounds the wait.
 */
#include <config.h>
#include <stdlib.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "one short KVM boot: does a guest reach its init?",
    .plan = 2,
    .needs = (const char *const[]){ "domain", "guest-boots", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "canary");
    g_autofree char *type = tck_xml_get_text(xml, "/domain/@type");
    const char *env = g_getenv("TCK_KVM_CANARY_TIMEOUT");
    guint timeout_s = env && atoi(env) > 0 ? (guint)atoi(env) : 30;
    virDomainPtr dom;
    gint64 t0 = g_get_monotonic_time();
    gboolean ready;

    if (g_strcmp0(type, "kvm") != 0)
        tck_skip_all(t, "the guests run on domain type %s, not KVM: nothing to check", type ? type : "(none)");
    tck_diag(t, "Booting one canary guest (at most %u s)", timeout_s);
    dom = tck_ok_domain_named(t, virDomainCreateXML(conn, xml, 0), tck_name(t, "canary"),
                              "the canary guest starts");
    if (!dom)
        tck_bail_out(t, "the canary guest cannot start");
    ready = tck_wait_guest_ready(t, dom, timeout_s);
    tck_ok(t, ready, "the canary guest reached its init within %u s (%.1f s)", timeout_s,
           (g_get_monotonic_time() - t0) / 1e6);
    virDomainDestroy(dom);
    virDomainFree(dom);
    return tck_test_end(t);
}
