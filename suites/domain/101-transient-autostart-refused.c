/*
 * 101-transient-autostart-refused — a transient domain cannot autostart.
 *
 * There is no config to start from, so virDomainSetAutostart() on a
 * running transient guest is refused with VIR_ERR_OPERATION_INVALID (the
 * QEMU and LXC drivers: "cannot set autostart for transient domain"),
 * and the flag still reads back as off.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "autostart of a transient domain is refused with VIR_ERR_OPERATION_INVALID",
    .plan = 5,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "transient");
    virDomainPtr dom;
    int value = -1;

    tck_diag(t, "Creating a transient guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "created the transient guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_is_int(t, virDomainIsPersistent(dom), 0, "the guest is transient");

    tck_diag(t, "Asking for autostart");
    tck_ok_error_or_skip(t, virDomainSetAutostart(dom, 1), VIR_ERR_OPERATION_INVALID,
                         "virDomainSetAutostart", "autostart of a transient guest is refused");
    tck_ok(t, virDomainGetAutostart(dom, &value) == 0 && value == 0,
           "autostart of the transient guest still reads back as off");

    tck_ok_call(t, virDomainDestroy(dom), "destroyed the transient guest");
    virDomainFree(dom);

    return tck_test_end(t);
}
