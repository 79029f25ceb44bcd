/*
 * 030-define-start-destroy — a NIC the user lent us can be configured,
 * brought up and down.
 *
 * Only on the first NIC of the config's host_network_devices allow-list
 * (else the test skips, naming the key): define an ethernet config for it
 * (start mode none, no addressing), see its XML, start it (active),
 * destroy it (inactive), then put back what was there: the NIC's own
 * config when it had one, else nothing (undefine).  A driver that cannot
 * define interfaces (VIR_ERR_NO_SUPPORT, e.g. the read-only udev backend)
 * skips, naming the call.
 *
 * The NIC's name is the user's, not ours, so it carries no run prefix
 * and is not in the ledger: this test restores it itself.
 */
#include <config.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "define, start, destroy and restore an allow-listed host NIC",
    .plan = 7,
    .needs = (const char *const[]){ "interface", "config:host_network_devices", NULL },
};

/* The interface's config: its inactive XML where the driver has one, else its XML. */
static char *
config_xml(virInterfacePtr iface)
{
    char *xml = virInterfaceGetXMLDesc(iface, VIR_INTERFACE_XML_INACTIVE);

    if (!xml)
        xml = virInterfaceGetXMLDesc(iface, 0);
    virResetLastError();
    return xml;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_auto(GStrv) nics = tck_config_get_strv(tck_test_config(t), "host_network_devices");
    const char *nic = nics && nics[0] ? nics[0] : NULL;
    g_autoptr(TckInterfaceBuilder) b = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL, *original = NULL, *got = NULL, *got_name = NULL, *got_type = NULL;
    gboolean was_active = FALSE;
    virInterfacePtr iface, before;

    if (!nic || !*nic)
        tck_skip_all(t, "the config key 'host_network_devices' names no NIC");
    b = tck_interface_builder_new("ethernet", nic);
    tck_interface_builder_set_start_mode(b, "none");
    if (!(xml = tck_interface_builder_to_xml(b, &error)))
        tck_bail_out(t, "%s", error->message);

    /* What the NIC had before, to put it back. */
    if ((before = virInterfaceLookupByName(conn, nic))) {
        original = config_xml(before);
        was_active = virInterfaceIsActive(before) == 1;
        virInterfaceFree(before);
    }
    virResetLastError();

    tck_diag(t, "Defining an ethernet config for the allow-listed NIC %s", nic);
    iface = virInterfaceDefineXML(conn, xml, 0);
    if (!iface && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
        tck_skip_all(t, "the %s driver cannot define interfaces (virInterfaceDefineXML)",
                     tck_test_driver(t));
    if (!tck_ok_interface(t, iface, "defined a config for %s", nic))
        tck_bail_out(t, "cannot go on without the interface");
    got = config_xml(iface);
    got_name = got ? tck_xml_get_text(got, "/interface/@name") : NULL;
    got_type = got ? tck_xml_get_text(got, "/interface/@type") : NULL;
    tck_ok(t, g_strcmp0(got_name, nic) == 0 && g_strcmp0(got_type, "ethernet") == 0,
           "the config describes %s as an ethernet interface", nic);

    tck_diag(t, "Starting and destroying %s", nic);
    if (virInterfaceIsActive(iface) == 1)
        virInterfaceDestroy(iface, 0);
    tck_ok_call(t, virInterfaceCreate(iface, 0), "started %s", nic);
    tck_is_int(t, virInterfaceIsActive(iface), 1, "%s is active", nic);
    tck_ok_call(t, virInterfaceDestroy(iface, 0), "destroyed %s", nic);
    tck_is_int(t, virInterfaceIsActive(iface), 0, "%s is inactive", nic);

    tck_diag(t, "Putting %s back as it was", nic);
    if (original) {
        virInterfacePtr restored = virInterfaceDefineXML(conn, original, 0);

        tck_ok(t, restored && (!was_active || virInterfaceCreate(restored, 0) == 0),
               "restored the config %s had before%s", nic, was_active ? ", and started it" : "");
        if (restored)
            virInterfaceFree(restored);
    } else {
        tck_ok_call(t, virInterfaceUndefine(iface), "undefined the config of %s", nic);
    }
    virInterfaceFree(iface);
    return tck_test_end(t);
}
