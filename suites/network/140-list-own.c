/*
 * 140-list-own — the list calls tell active from inactive networks.
 *
 * Define one network (persistent, inactive) and create another
 * (transient, active).  Then, counting only this test's own networks (a
 * crowded host has others, of other users and other runs):
 * virConnectListAllNetworks with the ACTIVE, INACTIVE, PERSISTENT and
 * TRANSIENT filters each finds exactly the right one, and the older
 * virConnectListNetworks / virConnectListDefinedNetworks name the active
 * and the inactive one respectively.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "network lists and their filters hold this test's networks where they belong",
    .plan = 8,
    .needs = (const char *const[]){ "network", NULL },
};

/* The list with @flags, as "name name ..." of only this test's networks. */
static char *
own_networks(TckTest *t, unsigned int flags)
{
    const char *prefix = tck_name(t, "");
    g_autoptr(GString) names = g_string_new(NULL);
    virNetworkPtr *nets = NULL;
    int n = virConnectListAllNetworks(tck_test_connect(t), &nets, flags);

    if (n < 0)
        return g_strdup("(list failed)");
    for (int i = 0; i < n; i++) {
        const char *name = virNetworkGetName(nets[i]);

        if (g_str_has_prefix(name, prefix))
            g_string_append_printf(names, "%s%s", names->len ? " " : "", name);
        virNetworkFree(nets[i]);
    }
    free(nets);
    return g_string_free(g_steal_pointer(&names), FALSE);
}

/* TRUE when @names (from an old-style list call, @n of them) holds @want. */
static gboolean
holds(char **names, int n, const char *want)
{
    gboolean found = FALSE;

    for (int i = 0; i < n; i++) {
        found |= g_str_equal(names[i], want);
        free(names[i]);
    }
    return found;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) p = tck_test_network_new(t, "persistent", NULL, FALSE);
    g_autoptr(TckTestNetwork) tr = tck_test_network_new(t, "transient", NULL, FALSE);
    g_autofree char *active = NULL, *inactive = NULL, *persistent = NULL, *transient = NULL;
    char *names[1024];
    virNetworkPtr a, b;
    int n;

    tck_diag(t, "Defining %s and creating %s", p->name, tr->name);
    a = tck_ok_network(t, virNetworkDefineXML(conn, p->xml), "defined the persistent network");
    b = tck_ok_network(t, virNetworkCreateXML(conn, tr->xml), "created the transient network");
    if (!a || !b)
        tck_bail_out(t, "cannot go on without both networks");

    active = own_networks(t, VIR_CONNECT_LIST_NETWORKS_ACTIVE);
    inactive = own_networks(t, VIR_CONNECT_LIST_NETWORKS_INACTIVE);
    persistent = own_networks(t, VIR_CONNECT_LIST_NETWORKS_PERSISTENT);
    transient = own_networks(t, VIR_CONNECT_LIST_NETWORKS_TRANSIENT);
    tck_is_str(t, active, tr->name, "the ACTIVE filter finds only the transient network");
    tck_is_str(t, inactive, p->name, "the INACTIVE filter finds only the defined network");
    tck_is_str(t, persistent, p->name, "the PERSISTENT filter finds only the defined network");
    tck_is_str(t, transient, tr->name, "the TRANSIENT filter finds only the transient network");

    n = virConnectListNetworks(conn, names, G_N_ELEMENTS(names));
    tck_ok(t, holds(names, n, tr->name), "virConnectListNetworks names the active network");
    n = virConnectListDefinedNetworks(conn, names, G_N_ELEMENTS(names));
    tck_ok(t, holds(names, n, p->name), "virConnectListDefinedNetworks names the inactive network");

    virNetworkFree(a);
    virNetworkFree(b);
    return tck_test_end(t);
}
