/*
 * 060-anti-spoofing — clean-traffic stops a guest that lies about its
 * IP or MAC address, with real traffic.
 *
 * Three guests boot side by side on an isolated network of ours, each
 * NIC with libvirt's clean-traffic filter and its IP parameter:
 *  - an honest guest sets the address the filter names: the host pings
 *    it and gets answers (the set-up works, and the filter lets it be);
 *  - an IP spoofer sets another address than the filter names: the host
 *    gets no answer (its ARP and IP traffic carry a forbidden source);
 *  - a MAC spoofer sets the right address but changes its NIC's MAC: the
 *    host gets no answer (its frames carry a forbidden source MAC).
 * Each guest's marker proves it booted, so silence means the filter.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "clean-traffic drops a guest's spoofed IP and MAC traffic, not an honest guest's",
    .plan = 13,
    .needs = (const char *const[]){ "nwfilter", "network", "domain", "guest-boots", NULL },
    /* Booting guests under TCG: one such test at a time keeps them in time. */
    .exclusive = (const char *const[]){ "guest-boot", NULL },
};

typedef struct {
    const char *suffix;
    const char *what;
    guint filter_ip;       /* last octet the filter allows */
    guint guest_ip;        /* last octet the guest sets */
    const char *mac;       /* the NIC's MAC */
    const char *guest_mac; /* the MAC the guest sets, NULL: its own */
    gboolean answers;      /* the host's pings get answers */
} Guest;

static const Guest guests[] = {
    { "honest", "the honest guest", 50, 50, "52:54:00:7c:4c:01", NULL, TRUE },
    { "ipspoof", "the IP spoofer", 60, 61, "52:54:00:7c:4c:02", NULL, FALSE },
    { "macspoof", "the MAC spoofer", 70, 70, "52:54:00:7c:4c:03", "52:54:00:7c:4c:33", FALSE },
};

/* "10.R.S." of @s, then @octet. */
static char *
address_in(const TckSubnet *s, guint octet)
{
    g_autofree char *base = g_strndup(s->network, strrchr(s->network, '.') - s->network);

    return g_strdup_printf("%s.%u", base, octet);
}

/* TRUE when @address answers one of @tries pings from the host. */
static gboolean
pings(const char *address, guint tries)
{
    g_autofree char *ping = g_find_program_in_path("ping");
    /* The host's ping, or busybox's (the sandbox has no iputils). */
    const char *with_ping[] = { ping, "-c", "1", "-W", "2", address, NULL };
    const char *with_busybox[] = { BUSYBOX_PATH, "ping", "-c", "1", "-W", "2", address, NULL };
    const char *const *args = ping ? with_ping : with_busybox;

    for (guint i = 0; i < tries; i++) {
        int status = -1;

        if (g_spawn_sync(NULL, (char **) args, NULL,
                         G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                         NULL, &status, NULL) &&
            g_spawn_check_wait_status(status, NULL))
            return TRUE;
    }
    return FALSE;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autoptr(TckTestNetwork) n = tck_test_network_new(t, "net", NULL, FALSE);
    virDomainPtr doms[G_N_ELEMENTS(guests)] = { NULL };
    virNetworkPtr net;

    tck_diag(t, "Creating the network %s on %s", n->name, n->subnet.cidr);
    net = tck_ok_network(t, virNetworkCreateXML(conn, n->xml), "created the network");
    if (!net)
        tck_bail_out(t, "cannot go on without the network");

    for (gsize i = 0; i < G_N_ELEMENTS(guests); i++) {
        const Guest *g = &guests[i];
        g_autofree char *allowed = address_in(&n->subnet, g->filter_ip);
        g_autofree char *set = address_in(&n->subnet, g->guest_ip);
        g_autofree char *with_prefix = g_strdup_printf("%s/%u", set, n->subnet.prefix);
        const char *params[] = { "IP", allowed, NULL };
        TckGuestNic nic = {
            .network = n->name, .mac = g->mac, .filter = "clean-traffic", .filter_params = params,
            .address = with_prefix, .guest_mac = g->guest_mac,
        };
        g_autofree char *xml = tck_generic_domain_xml_with_nic(t, g->suffix, &nic);

        tck_diag(t, "Starting %s: the filter allows %s, the guest sets %s%s%s", g->what, allowed,
                 set, g->guest_mac ? " and MAC " : "", g->guest_mac ? g->guest_mac : "");
        doms[i] = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started %s", g->what);
        if (!doms[i])
            tck_bail_out(t, "cannot go on without %s", g->what);
    }

    for (gsize i = 0; i < G_N_ELEMENTS(guests); i++) {
        const Guest *g = &guests[i];
        g_autofree char *set = address_in(&n->subnet, g->guest_ip);
        gboolean booted = tck_wait_guest_ready(t, doms[i], 180);

        tck_ok(t, booted, "%s booted and printed its marker", g->what);
        tck_diag(t, "Pinging %s at %s from the host", g->what, set);
        if (!booted)
            tck_skip(t, 1, "%s did not boot", g->what);
        else if (g->answers)
            tck_ok(t, pings(set, 15), "%s answers the host's pings", g->what);
        else
            tck_ok(t, !pings(set, 3), "%s gets no answer through (the filter drops it)", g->what);
    }

    tck_diag(t, "Destroying the guests");
    for (gsize i = 0; i < G_N_ELEMENTS(guests); i++) {
        tck_ok_call(t, virDomainDestroy(doms[i]), "destroyed %s", guests[i].what);
        virDomainFree(doms[i]);
    }
    virNetworkDestroy(net);
    virNetworkFree(net);
    return tck_test_end(t);
}
