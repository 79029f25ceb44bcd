/*
 * 030-capability-filters — each capability filter of the device list
 * returns exactly the devices with that capability, read-only.
 *
 * For every VIR_CONNECT_LIST_NODE_DEVICES_CAP_* flag (one table row
 * each): every device the filtered list returns has the capability in
 * its virNodeDeviceListCaps, every device of the whole list that has it
 * is returned, and virNodeNumOfDevices with the capability's name counts
 * as many.  A capability the host has no device of gives an empty list,
 * which is an answer too.  Devices may come and go while the lists are
 * taken, so a filter gets up to three tries.
 */
#include <config.h>
#include <tck/tck.h>

/* Each filter flag and the capability name it selects. */
static const struct {
    unsigned int flag;
    const char *cap;
} filters[] = {
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM, "system" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV, "pci" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV, "usb_device" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_INTERFACE, "usb" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_NET, "net" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_HOST, "scsi_host" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_TARGET, "scsi_target" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI, "scsi" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_STORAGE, "storage" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST, "fc_host" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS, "vports" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_GENERIC, "scsi_generic" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_DRM, "drm" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV_TYPES, "mdev_types" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV, "mdev" },
    { VIR_CONNECT_LIST_NODE_DEVICES_CAP_CCW_DEV, "ccw" },
};

static const TckTestInfo info = {
    .summary = "each capability filter lists exactly the devices with that capability",
    .plan = 1 + G_N_ELEMENTS(filters),
    .needs = (const char *const[]){ "nodedev", NULL },
};

static gboolean
has_cap(virNodeDevicePtr dev, const char *cap)
{
    char *caps[64] = { NULL };
    int n = virNodeDeviceListCaps(dev, caps, G_N_ELEMENTS(caps));
    gboolean found = FALSE;

    for (int i = 0; i < n; i++) {
        found |= g_strcmp0(caps[i], cap) == 0;
        free(caps[i]);
    }
    return found;
}

/*
 * Does the @cap filter list exactly the devices with that capability, and
 * does virNodeNumOfDevices count as many?  Fresh lists each time; what
 * disagrees goes to @why.
 */
static gboolean
filter_is_exact(virConnectPtr conn, unsigned int flag, const char *cap, GString *why)
{
    virNodeDevicePtr *all = NULL, *sel = NULL;
    int n_all = virConnectListAllNodeDevices(conn, &all, 0);
    int n_sel = virConnectListAllNodeDevices(conn, &sel, flag);
    int n_cap = virNodeNumOfDevices(conn, cap, 0);
    g_autoptr(GHashTable) names = g_hash_table_new(g_str_hash, g_str_equal);
    gboolean ok = n_all >= 0 && n_sel >= 0 && n_cap == n_sel;

    g_string_append_printf(why, "filter %s: %d devices, virNodeNumOfDevices counts %d\n", cap, n_sel, n_cap);
    for (int i = 0; i < n_sel; i++) {
        g_hash_table_add(names, (gpointer)virNodeDeviceGetName(sel[i]));
        if (!has_cap(sel[i], cap)) {
            g_string_append_printf(why, "%s was listed but has no %s capability\n",
                                   virNodeDeviceGetName(sel[i]), cap);
            ok = FALSE;
        }
    }
    for (int i = 0; i < n_all; i++) {
        if (has_cap(all[i], cap) && !g_hash_table_contains(names, virNodeDeviceGetName(all[i]))) {
            g_string_append_printf(why, "%s has the %s capability but was not listed\n",
                                   virNodeDeviceGetName(all[i]), cap);
            ok = FALSE;
        }
    }
    for (int i = 0; i < n_sel; i++)
        virNodeDeviceFree(sel[i]);
    for (int i = 0; i < n_all; i++)
        virNodeDeviceFree(all[i]);
    g_free(sel);
    g_free(all);
    return ok;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    int n_all = virConnectListAllNodeDevices(conn, NULL, 0);

    tck_ok(t, n_all >= 1, "the host lists node devices (%d)", n_all);
    for (gsize f = 0; f < G_N_ELEMENTS(filters); f++) {
        g_autoptr(GString) why = g_string_new(NULL);
        gboolean ok = FALSE;

        /* Devices may come and go between the lists: up to three tries. */
        for (int attempt = 0; attempt < 3 && !ok; attempt++) {
            g_string_truncate(why, 0);
            ok = filter_is_exact(conn, filters[f].flag, filters[f].cap, why);
        }
        if (!tck_ok(t, ok, "the %s filter lists exactly the devices with that capability", filters[f].cap))
            tck_diag(t, "%s", g_strchomp(why->str));
    }
    return tck_test_end(t);
}
