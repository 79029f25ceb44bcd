/*
 * 020-lookups — interfaces are found by name and MAC, missing ones are not.
 *
 * A lookup of a name or a MAC no interface has fails with
 * VIR_ERR_NO_INTERFACE.  A host interface whose MAC no other interface
 * shares is found by that MAC under its own name, and reports that MAC
 * back.  Read-only.
 */
#include <config.h>
#include <stdlib.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "interface lookups by name and MAC, and their errors",
    .plan = 4,
    .needs = (const char *const[]){ "interface", NULL },
};

/* The name of an interface whose MAC is set and unique on the host, or NULL. */
static char *
unique_mac_interface(virConnectPtr conn, char **mac_out)
{
    virInterfacePtr *ifaces = NULL;
    int n = virConnectListAllInterfaces(conn, &ifaces, 0);
    char *found = NULL;

    for (int i = 0; i < n && !found; i++) {
        const char *mac = virInterfaceGetMACString(ifaces[i]);
        int same = 0;

        if (!mac || !*mac || g_str_equal(mac, "00:00:00:00:00:00"))
            continue;
        for (int k = 0; k < n; k++)
            same += g_ascii_strcasecmp(mac, virInterfaceGetMACString(ifaces[k]) ? virInterfaceGetMACString(ifaces[k]) : "") == 0;
        if (same == 1) {
            found = g_strdup(virInterfaceGetName(ifaces[i]));
            *mac_out = g_strdup(mac);
        }
    }
    for (int i = 0; i < n; i++)
        virInterfaceFree(ifaces[i]);
    free(ifaces);
    return found;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *mac = NULL;
    g_autofree char *name = unique_mac_interface(conn, &mac);
    virInterfacePtr by_mac;

    tck_diag(t, "Looking up interfaces nobody has");
    tck_ok_error(t, virInterfaceLookupByName(conn, tck_name(t, "missing")), VIR_ERR_NO_INTERFACE,
                 "a lookup of a missing name fails with NO_INTERFACE");
    tck_ok_error(t, virInterfaceLookupByMACString(conn, "52:54:00:7c:4d:ff"), VIR_ERR_NO_INTERFACE,
                 "a lookup of a missing MAC fails with NO_INTERFACE");

    if (!name) {
        tck_skip(t, 2, "no host interface has a MAC of its own");
        return tck_test_end(t);
    }
    tck_diag(t, "Looking up %s by its MAC %s", name, mac);
    by_mac = virInterfaceLookupByMACString(conn, mac);
    tck_is_str(t, by_mac ? virInterfaceGetName(by_mac) : NULL, name,
               "a lookup by MAC finds the interface by its name");
    if (by_mac) {
        const char *got = virInterfaceGetMACString(by_mac);

        tck_ok(t, got && g_ascii_strcasecmp(got, mac) == 0, "the interface found reports the MAC %s", mac);
        virInterfaceFree(by_mac);
    } else {
        tck_skip(t, 1, "the lookup by MAC found nothing");
    }
    return tck_test_end(t);
}
