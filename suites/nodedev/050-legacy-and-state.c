/*
 * 050-legacy-and-state — the older device list agrees with the new one,
 * and every device answers for its state, read-only.
 *
 * virNodeListDevices names exactly the devices virConnectListAllNodeDevices
 * returns.  Every device says whether it is active and persistent (0 or
 * 1) and whether it autostarts, where the driver has those calls (else a
 * skip naming VIR_ERR_NO_SUPPORT).  A WWN pair no host has finds no SCSI
 * host: VIR_ERR_NO_NODE_DEVICE.  An extra reference outlives one free,
 * and a lifecycle callback registers and deregisters.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "the older device list agrees and every device reports its state",
    .plan = 8,
    .needs = (const char *const[]){ "nodedev", NULL },
};

static void
on_lifecycle(virConnectPtr conn G_GNUC_UNUSED, virNodeDevicePtr dev G_GNUC_UNUSED,
             int event G_GNUC_UNUSED, int detail G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}

/* How many devices give 0 or 1 from @call; -1 when the driver lacks it. */
static int
count_answers(virNodeDevicePtr *devs, int n, int (*call)(virNodeDevicePtr))
{
    int ok = 0;

    for (int i = 0; i < n; i++) {
        int r = call(devs[i]);
        if (r < 0 && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
            return -1;
        ok += r == 0 || r == 1;
    }
    return ok;
}

static int
autostart_of(virNodeDevicePtr dev)
{
    int on = -1;

    return virNodeDeviceGetAutostart(dev, &on) < 0 ? -1 : on;
}

static void
check_answers(TckTest *t, int got, int n, const char *what, const char *api)
{
    if (got < 0)
        tck_skip(t, 1, "the driver has no %s (VIR_ERR_NO_SUPPORT)", api);
    else
        tck_is(t, got, n, "every device says whether it %s", what);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn;
    virNodeDevicePtr *devs = NULL;
    virNodeDevicePtr by_wwn;
    int n;
    g_autoptr(GHashTable) names = g_hash_table_new(g_str_hash, g_str_equal);
    g_autofree char *wwpn = g_strdup_printf("2001%012" G_GINT64_MODIFIER "x",
                                            g_random_int() * (gint64)65536 + g_random_int_range(0, 65536));
    char **legacy;
    int n_legacy, matched = 0, cb;

    /* Events are only delivered (and registered) with an event loop. */
    tck_event_loop_start(t);
    conn = tck_test_connect(t);
    n = virConnectListAllNodeDevices(conn, &devs, 0);

    tck_diag(t, "Listing %d devices with the older call", n);
    for (int i = 0; i < n; i++)
        g_hash_table_add(names, (gpointer)virNodeDeviceGetName(devs[i]));
    /* Devices may come and go between the two lists: up to three tries. */
    for (int attempt = 0; attempt < 3; attempt++) {
        int now;
        legacy = g_new0(char *, MAX(n, 0) + 1);
        n_legacy = n > 0 ? virNodeListDevices(conn, NULL, legacy, n, 0) : -1;
        matched = 0;
        for (int i = 0; i < n_legacy; i++) {
            matched += g_hash_table_contains(names, legacy[i]);
            free(legacy[i]);
        }
        g_free(legacy);
        now = virNodeNumOfDevices(conn, NULL, 0);
        if ((n_legacy == n && matched == n) || now == n)
            break;
        tck_diag(t, "the devices changed meanwhile (%d now); asking again", now);
        for (int i = 0; i < n; i++)
            virNodeDeviceFree(devs[i]);
        g_clear_pointer(&devs, g_free);
        g_hash_table_remove_all(names);
        n = virConnectListAllNodeDevices(conn, &devs, 0);
        for (int i = 0; i < n; i++)
            g_hash_table_add(names, (gpointer)virNodeDeviceGetName(devs[i]));
    }
    tck_ok(t, n >= 1 && n_legacy == n && matched == n,
           "virNodeListDevices names exactly the %d listed devices (%d named, %d matched)", n, n_legacy, matched);

    tck_diag(t, "Asking each device for its state");
    check_answers(t, count_answers(devs, n, virNodeDeviceIsActive), n, "is active", "virNodeDeviceIsActive");
    check_answers(t, count_answers(devs, n, virNodeDeviceIsPersistent), n, "is persistent",
                  "virNodeDeviceIsPersistent");
    check_answers(t, count_answers(devs, n, autostart_of), n, "autostarts", "virNodeDeviceGetAutostart");

    by_wwn = virNodeDeviceLookupSCSIHostByWWN(conn, wwpn, wwpn, 0);
    if (!by_wwn && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
        tck_skip(t, 1, "the driver has no virNodeDeviceLookupSCSIHostByWWN (VIR_ERR_NO_SUPPORT)");
    else
        tck_ok_error(t, by_wwn, VIR_ERR_NO_NODE_DEVICE,
                     "a WWN pair no host has finds no SCSI host: NO_NODE_DEVICE");
    tck_ok_call(t, n >= 1 ? virNodeDeviceRef(devs[0]) : -1, "took an extra reference on a device");
    if (n >= 1)
        virNodeDeviceFree(devs[0]);
    tck_ok(t, n >= 1 && virNodeDeviceGetName(devs[0]) != NULL,
           "the extra reference keeps the device usable after one free");

    cb = virConnectNodeDeviceEventRegisterAny(conn, NULL, VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
                                              VIR_NODE_DEVICE_EVENT_CALLBACK(on_lifecycle), NULL, NULL);
    tck_ok(t, cb >= 0 && virConnectNodeDeviceEventDeregisterAny(conn, cb) == 0,
           "a device lifecycle callback registers and deregisters");
    for (int i = 0; i < n; i++)
        virNodeDeviceFree(devs[i]);
    g_free(devs);
    return tck_test_end(t);
}
