/*
 * hostnet.h — what the host's kernel and firewall say about networking,
 * read in their own structured forms: the kernel over rtnetlink (links,
 * addresses, routes), the firewall per rule from iptables-save and
 * ebtables-save.  Network and nwfilter tests use this to check the host
 * side of what libvirt claims, and to choose a subnet nobody uses.
 *
 * Everything here only reads.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- The kernel ---------------------------------------------------- */

typedef struct _TckHostNet TckHostNet;

/**
 * tck_host_net_read:
 * @error: return location
 *
 * Dumps the links, IPv4 addresses and IPv4 routes (all tables) of the
 * caller's network namespace over rtnetlink.
 *
 * Returns: (transfer full): the snapshot, or NULL with @error set
 * (TCK_ERROR_IO naming the netlink request that failed).
 */
TckHostNet *tck_host_net_read(GError **error);

/* The kind of link @ifname ("bridge", "veth", "tun", ...; "" for a plain
 * device), or NULL when no link has that name. */
const char *tck_host_net_link_kind(TckHostNet *h, const char *ifname);

/* TRUE when @ifname carries the IPv4 address @address/@prefix. */
gboolean tck_host_net_has_address(TckHostNet *h, const char *ifname, const char *address,
                                  guint prefix);

/* TRUE when some route or address of the host overlaps @network/@prefix
 * (IPv4, dotted quad).  Default routes (0.0.0.0/0) overlap nothing. */
gboolean tck_host_net_overlaps(TckHostNet *h, const char *network, guint prefix);

void tck_host_net_free(TckHostNet *h);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckHostNet, tck_host_net_free)

/* ---- The firewall -------------------------------------------------- */

/* One rule: "-A CHAIN ARGS..." in TABLE, its arguments split like argv. */
typedef struct {
    char *table;           /* "filter", "nat", "mangle", "broute", ... */
    char *chain;
    GStrv args;            /* everything after the chain name */
} TckFirewallRule;

/**
 * tck_firewall_rules:
 * @tool: "iptables-save", "ip6tables-save" or "ebtables-save"
 * @error: return location
 *
 * Runs @tool (found on PATH) and parses its output rule by rule.
 *
 * Returns: (transfer full) (element-type TckFirewallRule): the rules, or
 * NULL with @error set (TCK_ERROR_NOT_FOUND when @tool is missing,
 * TCK_ERROR_FAILED when it fails or prints something unparsable).
 */
GPtrArray *tck_firewall_rules(const char *tool, GError **error);

/* TRUE when @rule's arguments hold @word, or the pair @word @value when
 * @value is not NULL ("-s", "10.1.2.0/24"). */
gboolean tck_firewall_rule_has(const TckFirewallRule *rule, const char *word, const char *value);

/**
 * tck_firewall_count:
 * @rules: (element-type TckFirewallRule): from tck_firewall_rules()
 * @table: (nullable): only rules of this table
 * @pairs: NULL-terminated word, value, word, value, ...: each rule must
 *   hold every pair; a value "" means the word alone
 *
 * Returns: how many rules match.
 */
guint tck_firewall_count(GPtrArray *rules, const char *table, const char *const *pairs);

/* How many rules name @word anywhere: as an argument, or in their chain's name. */
guint tck_firewall_mentions(GPtrArray *rules, const char *word);

void tck_firewall_rule_free(TckFirewallRule *rule);

G_END_DECLS
