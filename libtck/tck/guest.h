/*
 * guest.h — the generic guest of a test, and proof that it really runs.
 *
 * The guest plan comes from the connection's capabilities; the payload
 * (kernel + initrd, ISO, rootfs, template) from the asset cache that
 * libvirt-tck-prepare filled.  The guest prints "TCK-GUEST-READY <token>"
 * when its init runs; the token is unique per test and guest.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>
#include <tck/caps.h>
#include <tck/config.h>
#include <tck/test.h>

G_BEGIN_DECLS

/**
 * tck_plan_for_connection:
 * @conn: the connection under test
 * @config: (nullable): the config; its os_type, arch and boot force the plan
 * @error: return location
 *
 * The one way a guest plan is made: the connection's capabilities, the
 * config's forced choices, then the refinement the domain capabilities of
 * the chosen guest allow (disk bus, loader, ...).  An impossible forced
 * plan is an error, never a silent fallback.
 *
 * Returns: (transfer full): the plan, or NULL with @error set.
 */
TckGuestPlan *tck_plan_for_connection(virConnectPtr conn, TckConfig *config, GError **error);

/**
 * tck_plan_for_host:
 * @host: a host model (tck_host_parse())
 * @conn: (nullable): the connection to ask for domain capabilities; NULL
 *   for a host read from a file, whose plan is then not refined
 * @config: (nullable): as for tck_plan_for_connection()
 * @error: return location
 *
 * tck_plan_for_connection() on capabilities already parsed.
 */
TckGuestPlan *tck_plan_for_host(const TckHost *host, virConnectPtr conn, TckConfig *config, GError **error);

/**
 * tck_generic_domain_xml:
 * @t: the test
 * @suffix: what the guest is for; its name is tck_name(t, suffix)
 *
 * Chooses (once per test) the guest plan from the connection's
 * capabilities and the config, finds the assets it needs, records the
 * domain in the ledger, and builds the minimal guest that boots on this
 * host.  Missing assets skip the test, naming the prepare command to run;
 * an impossible forced plan bails out.
 *
 * Returns: (transfer full): the domain XML.
 */
char *tck_generic_domain_xml(TckTest *t, const char *suffix);

/* TRUE when the plan's guests really run something (not the test driver). */
gboolean tck_guest_boots(TckTest *t);

/**
 * tck_wait_guest_ready:
 * @t: the test
 * @dom: a running domain built by tck_generic_domain_xml()
 * @timeout_s: how long to wait
 *
 * Waits for this guest's "TCK-GUEST-READY <token>" marker: in its local
 * console log when the URI has no host part, through the connection
 * (virDomainOpenConsole) when it has one, so that remote hosts work too;
 * the config key guest_console ("log" or "console") forces either.
 * Diagnostics say what was seen when it times out.
 *
 * Returns: TRUE when the marker appeared in time.
 */
gboolean tck_wait_guest_ready(TckTest *t, virDomainPtr dom, guint timeout_s);

/**
 * tck_wait_guest_disk:
 * @t: the test
 * @dom: a running domain built by tck_generic_domain_xml()
 * @disk: a block device name as the guest's kernel names it ("vdb")
 * @timeout_s: how long to wait
 *
 * Waits for the guest's /init to list @disk among the block devices it
 * sees ("TCK-GUEST-DISKS vda vdb", printed whenever they change), read
 * where tck_wait_guest_ready() reads the marker.
 *
 * Returns: TRUE when the guest listed @disk in time.
 */
gboolean tck_wait_guest_disk(TckTest *t, virDomainPtr dom, const char *disk, guint timeout_s);

/**
 * tck_wait_guest_console:
 * @t: the test
 * @dom: a domain built by tck_generic_domain_xml(), just started
 * @timeout_s: how long to wait
 *
 * Like tck_wait_guest_ready(), always reading the marker through the
 * connection: virDomainOpenConsole() on a stream.  Only what the guest
 * prints after the console opened is seen.
 *
 * Returns: TRUE when the marker appeared in time.
 */
gboolean tck_wait_guest_console(TckTest *t, virDomainPtr dom, guint timeout_s);

G_END_DECLS
