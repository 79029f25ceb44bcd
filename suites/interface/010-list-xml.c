/*
 * 010-list-xml — the host's interfaces, listed and described, read-only.
 *
 * List every interface (active and inactive).  The ACTIVE and INACTIVE
 * filters split that list, agree with virConnectNumOfInterfaces and
 * virConnectNumOfDefinedInterfaces and with each interface's IsActive;
 * each interface's XML names it and carries its MAC, and a lookup by its
 * name finds it again.  Nothing is changed: these are the host's.
 */
#include <config.h>
#include <stdlib.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "host interfaces are listed consistently and their XML describes them",
    .plan = 6,
    .needs = (const char *const[]){ "interface", NULL },
};

static int
count_listed(virConnectPtr conn, unsigned int flags)
{
    virInterfacePtr *ifaces = NULL;
    int n = virConnectListAllInterfaces(conn, &ifaces, flags);

    for (int i = 0; i < n; i++)
        virInterfaceFree(ifaces[i]);
    free(ifaces);
    return n;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    virInterfacePtr *ifaces = NULL;
    int n, active, inactive, num_active, num_inactive;
    guint bad_state = 0, bad_name = 0, bad_mac = 0, lost = 0;

    tck_diag(t, "Listing every interface of the host");
    n = virConnectListAllInterfaces(conn, &ifaces, 0);
    if (!tck_ok(t, n >= 0, "the host lists its interfaces (%d)", n))
        tck_bail_out(t, "cannot go on without the list: %s", virGetLastErrorMessage());
    active = count_listed(conn, VIR_CONNECT_LIST_INTERFACES_ACTIVE);
    inactive = count_listed(conn, VIR_CONNECT_LIST_INTERFACES_INACTIVE);
    tck_ok(t, active >= 0 && inactive >= 0 && active + inactive == n,
           "the ACTIVE (%d) and INACTIVE (%d) filters split the list", active, inactive);
    num_active = virConnectNumOfInterfaces(conn);
    num_inactive = virConnectNumOfDefinedInterfaces(conn);
    tck_ok(t, num_active == active && num_inactive == inactive,
           "virConnectNumOfInterfaces (%d) and virConnectNumOfDefinedInterfaces (%d) agree with them",
           num_active, num_inactive);

    for (int i = 0; i < n; i++) {
        const char *name = virInterfaceGetName(ifaces[i]);
        const char *mac = virInterfaceGetMACString(ifaces[i]);
        g_autofree char *xml = virInterfaceGetXMLDesc(ifaces[i], 0);
        g_autofree char *xml_name = xml ? tck_xml_get_text(xml, "/interface/@name") : NULL;
        g_autofree char *xml_mac = xml ? tck_xml_get_text(xml, "/interface/mac/@address") : NULL;
        virInterfacePtr again = virInterfaceLookupByName(conn, name);
        int is_active = virInterfaceIsActive(ifaces[i]);

        tck_diag(t, "%s: %s, MAC %s", name, is_active == 1 ? "active" : "inactive", mac ? mac : "none");
        bad_name += g_strcmp0(xml_name, name) != 0;
        bad_mac += mac && *mac && xml_mac && g_ascii_strcasecmp(mac, xml_mac) != 0;
        lost += !again || g_strcmp0(virInterfaceGetName(again), name) != 0;
        bad_state += is_active < 0;
        if (again)
            virInterfaceFree(again);
        virInterfaceFree(ifaces[i]);
    }
    free(ifaces);
    tck_is_int(t, bad_name + bad_state, 0, "each interface's XML names it, and its state reads back");
    tck_is_int(t, bad_mac, 0, "each interface's XML carries the MAC it reports");
    tck_is_int(t, lost, 0, "each interface is found again by its name");

    return tck_test_end(t);
}
