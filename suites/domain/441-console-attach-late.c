/*
 * 441-console-attach-late — a console opened long after the guest came up
 * still shows that the guest runs.
 *
 * A console stream (virDomainOpenConsole) carries only what the guest
 * prints after it opens, and a remote host's guest can be watched no other
 * way.  So a reader that attaches to a guest which is already up -- a
 * test that did other work first, or a guest started by an earlier step
 * -- must still see the guest's own readiness marker: the generic guest
 * announces it again while it idles.  Start the guest, wait until it is
 * up, let it idle past its first announcement, then open its console and
 * read the marker with this guest's token.  Only drivers that run guest
 * code take part.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a console opened after the guest is up still carries its readiness marker",
    .plan = 3,
    .needs = (const char *const[]){ "domain", "guest-boots", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = NULL;
    virDomainPtr dom;

    if (!tck_guest_boots(t))
        tck_skip_all(t, "the %s driver runs no guest code, so nothing prints on a console", tck_test_driver(t));
    xml = tck_generic_domain_xml(t, "late");

    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Waiting until it is up, wherever this host's guest output is read");
    if (!tck_ok(t, tck_wait_guest_ready(t, dom, 170), "the guest came up and printed its marker"))
        tck_bail_out(t, "the guest never came up");

    tck_diag(t, "Letting it idle for 8 s, past its first announcement");
    g_usleep(8 * G_USEC_PER_SEC);

    tck_diag(t, "Attaching to its console only now");
    tck_ok(t, tck_wait_guest_console(t, dom, 30),
           "a console opened after the guest was up still carried the guest's marker");

    virDomainFree(dom);
    return tck_test_end(t);
}
