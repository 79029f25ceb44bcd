/*
 * network.h — a virtual network of the test's own: its name recorded in
 * the ledger, a bridge name carrying the run id, and an IPv4 subnet that
 * was free when it was chosen (no route or address of the host, and no
 * network of the connection, overlaps it).
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>
#include <tck/test.h>

G_BEGIN_DECLS

/* An IPv4 /24 and the addresses a test uses in it. */
typedef struct {
    char network[16];      /* "10.R.S.0" */
    char gateway[16];      /* .1, the host's side (the bridge) */
    char host[16];         /* .50, a fixed address for a DHCP host entry or a static guest */
    char spare[16];        /* .60, another address outside the range */
    char dhcp_start[16];   /* .100 */
    char dhcp_end[16];     /* .199 */
    char cidr[20];         /* "10.R.S.0/24" */
    guint prefix;          /* 24 */
} TckSubnet;

/**
 * tck_subnet_choose:
 * @t: the test
 * @subnet: (out): the chosen subnet
 *
 * Picks a random 10.R.S.0/24 that overlaps no route and no address of
 * the host's network namespace (asked over rtnetlink) and no <ip> of any
 * network on the test's connection.  Bails out when the kernel cannot be
 * asked or nothing free is found.
 */
void tck_subnet_choose(TckTest *t, TckSubnet *subnet);

typedef struct {
    const char *name;      /* tck_name(t, suffix), owned by the test */
    char bridge[16];       /* "tck<runid><4 hex>", unused on the host when chosen */
    TckSubnet subnet;
    char *xml;             /* the network's XML */
} TckTestNetwork;

/**
 * tck_test_network_new:
 * @t: the test
 * @suffix: what the network is for; its name is tck_name(t, suffix)
 * @forward: (nullable): "nat", "route", "open"; NULL for an isolated network
 * @dhcp: TRUE for a DHCP range (dhcp_start..dhcp_end)
 *
 * Records the network in the ledger and builds its XML: the bridge with
 * stp off, the gateway address on the subnet, and the DHCP range.
 *
 * Returns: (transfer full): the network; free with tck_test_network_free().
 */
TckTestNetwork *tck_test_network_new(TckTest *t, const char *suffix, const char *forward,
                                     gboolean dhcp);
void tck_test_network_free(TckTestNetwork *n);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckTestNetwork, tck_test_network_free)

G_END_DECLS
