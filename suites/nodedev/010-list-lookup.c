/*
 * 010-list-lookup — the host's node devices are listed, counted and
 * found by name, read-only.
 *
 * The list holds at least one device and as many as virNodeNumOfDevices
 * counts (asked between two lists that agree: devices may come and go
 * meanwhile, so up to three tries); each listed name finds a device of
 * that name.  A name no device
 * has (one of this run's) finds nothing: VIR_ERR_NO_NODE_DEVICE.  Nothing
 * is created or changed.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "node devices are listed, counted and found by name",
    .plan = 4,
    .needs = (const char *const[]){ "nodedev", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virNodeDevicePtr *devs = NULL;
    int n = -1, count = -1, found = 0;

    tck_diag(t, "Listing the host's node devices");
    for (int attempt = 0; attempt < 3; attempt++) {
        int again;
        for (int i = 0; i < n; i++)
            virNodeDeviceFree(devs[i]);
        g_clear_pointer(&devs, g_free);
        n = virConnectListAllNodeDevices(conn, &devs, 0);
        count = virNodeNumOfDevices(conn, NULL, 0);
        again = virConnectListAllNodeDevices(conn, NULL, 0);
        if (again == n)
            break;
        tck_diag(t, "the list changed from %d to %d devices meanwhile; asking again", n, again);
    }
    tck_ok(t, n >= 1, "the host lists node devices (%d)", n);
    tck_is(t, count, n, "virNodeNumOfDevices counts as many");

    tck_diag(t, "Looking each device up by name");
    for (int i = 0; i < n; i++) {
        const char *name = virNodeDeviceGetName(devs[i]);
        virNodeDevicePtr dev = virNodeDeviceLookupByName(conn, name);
        if (dev && g_strcmp0(virNodeDeviceGetName(dev), name) == 0)
            found++;
        else
            tck_diag(t, "%s: not found by its name", name);
        if (dev)
            virNodeDeviceFree(dev);
        virNodeDeviceFree(devs[i]);
    }
    g_free(devs);
    tck_is(t, found, n, "every listed name finds its device");
    tck_ok_error(t, virNodeDeviceLookupByName(conn, tck_name(t, "nobody")), VIR_ERR_NO_NODE_DEVICE,
                 "a name no device has finds nothing: NO_NODE_DEVICE");
    return tck_test_end(t);
}
