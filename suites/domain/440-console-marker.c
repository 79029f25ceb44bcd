/*
 * 440-console-marker — a guest's console is read through the connection,
 * right after it starts and long after.
 *
 * Start the generic guest and, right away, open its console on a stream
 * (virDomainOpenConsole): the guest's readiness marker, with this guest's
 * own token, comes through it.  This is how a guest proves it ran on a
 * host whose files the kit cannot read.  A console stream carries only
 * what the guest prints after it opens, so a reader that attaches to a
 * guest which has been up for a while (a test that did other work first)
 * must still see the marker: the generic guest announces it again while it
 * idles.  Let it idle past its first announcement, attach again, and read
 * the marker once more.  Only drivers that run guest code take part.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "the boot marker is read through virDomainOpenConsole and a stream, at start and later",
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
    xml = tck_generic_domain_xml(t, "console");

    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Reading its console through the connection");
    tck_ok(t, tck_wait_guest_console(t, dom, 120), "the marker came through virDomainOpenConsole");

    tck_diag(t, "Letting it idle for 8 s, past its first announcement, then attaching again");
    g_usleep(8 * G_USEC_PER_SEC);
    tck_ok(t, tck_wait_guest_console(t, dom, 30),
           "a console opened after the guest had been up a while still carried the guest's marker");

    virDomainFree(dom);
    return tck_test_end(t);
}
