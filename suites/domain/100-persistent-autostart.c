/*
 * 100-persistent-autostart — a persistent domain's autostart flag is kept.
 *
 * Define a guest: autostart is off.  Turn it on, read it back (1), turn it
 * off again, read it back (0).  The flag belongs to the config, so it
 * holds whether the guest runs or not: it is checked inactive and running.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "autostart of a persistent domain can be set, read back and cleared",
    .plan = 10,
    .needs = (const char *const[]){ "domain", NULL },
};

/* virDomainGetAutostart()'s answer, or -1 when the call failed. */
static int
autostart_of(virDomainPtr dom)
{
    int value = -1;

    return virDomainGetAutostart(dom, &value) < 0 ? -1 : value;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "autostart");
    virDomainPtr dom;

    tck_diag(t, "Defining a persistent guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_is_int(t, autostart_of(dom), 0, "a new guest does not autostart");

    tck_diag(t, "Turning autostart on and off while the guest is inactive");
    tck_ok_call(t, tck_require(t, virDomainSetAutostart(dom, 1), "virDomainSetAutostart"),
                "turned autostart on");
    tck_is_int(t, autostart_of(dom), 1, "autostart reads back as on");
    tck_ok_call(t, virDomainSetAutostart(dom, 0), "turned autostart off");
    tck_is_int(t, autostart_of(dom), 0, "autostart reads back as off");

    tck_diag(t, "Turning autostart on while the guest runs");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_ok_call(t, virDomainSetAutostart(dom, 1), "turned autostart on for the running guest");
    tck_is_int(t, autostart_of(dom), 1, "autostart of the running guest reads back as on");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the guest");
    /* Cleanup undefines it; a guest marked autostart must not outlive the run. */
    virDomainSetAutostart(dom, 0);
    virDomainFree(dom);

    return tck_test_end(t);
}
