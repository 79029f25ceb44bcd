/*
 * 040-device-tree — the node devices form one tree, read-only.
 *
 * Exactly one device has no parent (the root, whose capability is
 * "system"), and from every other device the chain of parents reaches it
 * without a loop and through devices that are listed.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "node devices form one tree rooted at the system device",
    .plan = 4,
    .needs = (const char *const[]){ "nodedev", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virNodeDevicePtr *devs = NULL;
    int n = virConnectListAllNodeDevices(conn, &devs, 0);
    g_autoptr(GHashTable) parent_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autofree char *root = NULL;
    int roots = 0, reach = 0;
    char *caps[8] = { NULL };
    int ncaps;

    tck_ok(t, n >= 1, "the host lists node devices (%d)", n);
    for (int i = 0; i < n; i++) {
        const char *parent = virNodeDeviceGetParent(devs[i]);
        if (!parent) {
            roots++;
            g_free(root);
            root = g_strdup(virNodeDeviceGetName(devs[i]));
        }
        g_hash_table_insert(parent_of, g_strdup(virNodeDeviceGetName(devs[i])), g_strdup(parent));
    }
    tck_is(t, roots, 1, "exactly one device has no parent (%s)", root ? root : "none");

    ncaps = 0;
    if (root) {
        virNodeDevicePtr r = virNodeDeviceLookupByName(conn, root);
        ncaps = r ? virNodeDeviceListCaps(r, caps, G_N_ELEMENTS(caps)) : -1;
        if (r)
            virNodeDeviceFree(r);
    }
    tck_ok(t, ncaps >= 1 && g_strcmp0(caps[0], "system") == 0, "the root's capability is system");
    for (int i = 0; i < ncaps; i++)
        free(caps[i]);

    tck_diag(t, "Walking up from each device");
    for (int i = 0; i < n; i++) {
        const char *at = virNodeDeviceGetName(devs[i]);
        int steps = 0;
        while (at && g_strcmp0(at, root) != 0 && steps <= n) {
            if (!g_hash_table_contains(parent_of, at)) {
                tck_diag(t, "%s: the chain reaches %s, which is not listed",
                         virNodeDeviceGetName(devs[i]), at);
                break;
            }
            at = g_hash_table_lookup(parent_of, at);
            steps++;
        }
        if (at && g_strcmp0(at, root) == 0 && steps <= n)
            reach++;
        else
            tck_diag(t, "%s: its parents do not lead to the root", virNodeDeviceGetName(devs[i]));
        virNodeDeviceFree(devs[i]);
    }
    g_free(devs);
    tck_is(t, reach, n, "every device's parents lead to the root without a loop");
    return tck_test_end(t);
}
