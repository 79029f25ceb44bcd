/*
 * host-side.h — what the network tests check on the host itself, for
 * drivers that run networks on this host's kernel: the bridge and its
 * address (rtnetlink), the firewall rules (iptables-save, per rule).
 */
#pragma once

#include <tck/tck.h>

/* Checks on the host side apply (the driver realises networks here). */
gboolean host_side_applies(TckTest *t);

/* The host's IPv4 firewall rules now; bails out when they cannot be read. */
GPtrArray *host_side_rules(TckTest *t);

/* Two checks: @n's bridge exists as a bridge, and carries the gateway address. */
void host_side_check_bridge(TckTest *t, const TckTestNetwork *n);

/* Two checks: @n's bridge is gone, and no firewall rule names it or its subnet. */
void host_side_check_gone(TckTest *t, const TckTestNetwork *n);

/*
 * One firewall expectation while a network runs: the rules of @table
 * holding every pair of @pairs (word, value, ...; "@CIDR" and "@BRIDGE"
 * stand for the network's subnet and bridge) are @present (at least one)
 * or absent (none).  @what reads as the check's description.
 */
typedef struct {
    const char *table;
    const char *pairs[9];
    gboolean present;
    const char *what;
} HostRule;

/* One check per expectation, on the rules as they are now. */
void host_side_check_rules(TckTest *t, const TckTestNetwork *n, const HostRule *expect, gsize count);

/*
 * The forward-mode scenario of 050-080: create a transient network with
 * @mode (NULL: isolated), check its XML reports the mode, and where the
 * host side applies, its bridge, address and @expect'ed firewall rules;
 * destroy it and check the host side is gone.  Plan: 7 + @count checks.
 * Ends the test and frees @t; returns the exit status.
 */
int forward_scenario(TckTest *t, const char *mode, const HostRule *expect, gsize count);

/*
 * The dnsmasq processes serving network @name: those whose command line
 * names a --conf-file called "<name>.conf".  @conf_file (nullable)
 * receives the config's path.  Returns how many run.
 */
guint host_side_dnsmasq(const char *name, char **conf_file);
