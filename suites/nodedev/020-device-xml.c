/*
 * 020-device-xml — each node device's XML describes that device, read-only.
 *
 * For every device the host lists (and still has: one unplugged
 * meanwhile is left out): its XML parses and names it; the
 * parent it names exists and is the one virNodeDeviceGetParent gives; its
 * capabilities in the XML are those virNodeDeviceListCaps lists (nested
 * ones, such as fc_host or mdev_types, may add to the XML's top level,
 * never the other way round), and virNodeDeviceNumOfCaps counts them.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "every node device's XML names it, its parent and its capabilities",
    .plan = 5,
    .needs = (const char *const[]){ "nodedev", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virNodeDevicePtr *devs = NULL;
    int n = virConnectListAllNodeDevices(conn, &devs, 0);
    int named = 0, parents = 0, caps_match = 0, counted = 0, gone = 0;

    tck_diag(t, "Reading the XML of %d node devices", n);
    tck_ok(t, n >= 1, "the host lists node devices (%d)", n);
    for (int i = 0; i < n; i++) {
        const char *name = virNodeDeviceGetName(devs[i]);
        g_autofree char *xml = virNodeDeviceGetXMLDesc(devs[i], 0);
        g_autofree char *xml_name = xml ? tck_xml_get_text(xml, "/device/name") : NULL;
        g_autofree char *xml_parent = xml ? tck_xml_get_text(xml, "/device/parent") : NULL;
        const char *api_parent = virNodeDeviceGetParent(devs[i]);
        g_auto(GStrv) from_xml = xml ? tck_xml_get_texts(xml, "/device/capability/@type") : NULL;
        char *caps[64] = { NULL };
        int ncaps = virNodeDeviceListCaps(devs[i], caps, G_N_ELEMENTS(caps));
        gboolean all_in_list = from_xml != NULL && ncaps >= 0;
        virNodeDevicePtr again;

        /* A device unplugged since the list was taken is not this test's business. */
        if (!xml && !(again = virNodeDeviceLookupByName(conn, name)) &&
            virGetLastErrorCode() == VIR_ERR_NO_NODE_DEVICE) {
            tck_diag(t, "%s: gone since the list was taken", name);
            gone++;
            for (int c = 0; c < ncaps; c++)
                free(caps[c]);
            virNodeDeviceFree(devs[i]);
            continue;
        } else if (!xml && again) {
            virNodeDeviceFree(again);
        }

        if (g_strcmp0(xml_name, name) == 0)
            named++;
        else
            tck_diag(t, "%s: its XML names '%s'", name, xml_name ? xml_name : "(nothing)");

        if (g_strcmp0(xml_parent, api_parent) == 0) {
            virNodeDevicePtr parent = xml_parent ? virNodeDeviceLookupByName(conn, xml_parent) : NULL;
            if (!xml_parent || parent)
                parents++;
            else
                tck_diag(t, "%s: its parent %s does not exist", name, xml_parent);
            if (parent)
                virNodeDeviceFree(parent);
        } else {
            tck_diag(t, "%s: parent '%s' in the XML, '%s' from the API", name,
                     xml_parent ? xml_parent : "(none)", api_parent ? api_parent : "(none)");
        }

        /* Every capability of the XML's top level is listed. */
        for (guint k = 0; from_xml && from_xml[k]; k++) {
            gboolean listed = FALSE;
            for (int c = 0; c < ncaps; c++)
                listed |= g_strcmp0(caps[c], from_xml[k]) == 0;
            if (!listed) {
                tck_diag(t, "%s: capability %s is in the XML but not listed", name, from_xml[k]);
                all_in_list = FALSE;
            }
        }
        caps_match += all_in_list;
        if (virNodeDeviceNumOfCaps(devs[i]) == ncaps)
            counted++;
        else
            tck_diag(t, "%s: virNodeDeviceNumOfCaps says %d, the list has %d", name,
                     virNodeDeviceNumOfCaps(devs[i]), ncaps);
        for (int c = 0; c < ncaps; c++)
            free(caps[c]);
        virNodeDeviceFree(devs[i]);
    }
    g_free(devs);
    tck_is(t, named, n - gone, "every device's XML names it");
    tck_is(t, parents, n - gone, "every device's parent is the same in its XML and the API, and exists");
    tck_is(t, caps_match, n - gone, "every capability in a device's XML is in its capability list");
    tck_is(t, counted, n - gone, "virNodeDeviceNumOfCaps counts each device's capability list");
    return tck_test_end(t);
}
