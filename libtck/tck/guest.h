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
#include <tck/caps.h>

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

/* A network interface for the generic guest. */
typedef struct {
    const char *network;   /* the libvirt network it plugs into */
    const char *mac;       /* nullable: libvirt chooses */
    const char *filter;    /* nullable: an nwfilter to apply */
    const char *const *filter_params; /* nullable: NULL-terminated name, value, ... */
    gboolean dhcp;         /* the guest's /init asks for a DHCP lease (tck.dhcp) */
    const char *address;   /* nullable: "A.B.C.D/N" the guest's /init puts on eth0 (tck.ip) */
    const char *guest_mac; /* nullable: the MAC the guest's /init gives eth0 instead of
                            * @mac, to spoof it (tck.mac) */
} TckGuestNic;

/**
 * tck_generic_domain_xml_with_nic:
 * @t: the test
 * @suffix: as for tck_generic_domain_xml()
 * @nic: (nullable): one network interface (virtio on QEMU kernel plans)
 *
 * tck_generic_domain_xml() with a network interface.  With @nic->dhcp a
 * kernel-booted guest runs busybox udhcpc on eth0 once its marker is out;
 * with @nic->address it sets that address; @nic->guest_mac changes eth0's
 * MAC first.  Guests not booted from a kernel ignore these.
 *
 * Returns: (transfer full): the domain XML.
 */
char *tck_generic_domain_xml_with_nic(TckTest *t, const char *suffix, const TckGuestNic *nic);
/*
 * tck_test_plan: the guest plan of the test's generic guests (chosen once
 * from the connection's capabilities), for a test that adds devices of its
 * own: the disk and cdrom buses and target prefixes, the boot strategy.
 * Returns: (transfer none): owned by @t.
 */
const TckGuestPlan *tck_test_plan(TckTest *t);

/*
 * The plan's compressed kernel (bzImage), for a guest whose firmware boots
 * only a kernel with an EFI stub (UEFI), where the plan would boot the PVH
 * vmlinux.  Skips the test when the cache lacks it.
 */
char *tck_generic_compressed_kernel(TckTest *t);

/* TRUE when the plan's guests really run something (not the test driver). */
gboolean tck_guest_boots(TckTest *t);

/* How long a test lets a generic guest boot: TCG on a busy host is slow. */
#define TCK_BOOT_TIMEOUT_S 200

/**
 * tck_guest_ready_for_save:
 * @t: the test
 * @dom: a running domain built by tck_generic_domain_xml()
 * @timeout_s: how long a boot may take
 *
 * Where the guest's own kernel takes part in a save, managed save or core
 * dump (the plan says so: a Xen PV or PVH guest answers libxl's suspend
 * request and publishes the page lists a dump walks), waits for its
 * readiness marker first, saying why: such a guest cannot be saved or
 * dumped while it boots.  Other guests can be at any time; nothing is
 * waited for then.
 *
 * Returns: FALSE when the guest had to boot and did not (diagnostics say
 * what was seen); TRUE otherwise.
 */
gboolean tck_guest_ready_for_save(TckTest *t, virDomainPtr dom, guint timeout_s);

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
 * Through the console, only what the guest prints after the wait began
 * counts, and the stream stays open after it as the domain's console
 * recorder: the marker functions below read what it recorded (a guest's
 * last words as it goes down included), and it is closed with the test.
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
 * connection: virDomainOpenConsole() on a stream of its own, closed when
 * it returns (the domain's console recorder, if any, is closed first).
 * Only what the guest prints after the console opened is seen.
 *
 * Returns: TRUE when the marker appeared in time.
 */
gboolean tck_wait_guest_console(TckTest *t, virDomainPtr dom, guint timeout_s);
/*
 * The generic guest's /init prints more markers than the readiness one,
 * each "WORD <token> [REST]" on a line of its own:
 *   TCK-GUEST-READY <token> boot=<nonce>    at every boot (a new nonce each)
 *   TCK-GUEST-POWERBUTTON <token> boot=<nonce>       the ACPI power button was pressed
 *   TCK-GUEST-DOWN <token> poweroff|reboot boot=<nonce>  just before it goes down
 */
#define TCK_GUEST_READY "TCK-GUEST-READY"
#define TCK_GUEST_POWERBUTTON "TCK-GUEST-POWERBUTTON"
#define TCK_GUEST_DOWN "TCK-GUEST-DOWN"

/**
 * tck_guest_markers:
 * @t: the test
 * @dom: a domain built by tck_generic_domain_xml() (running or not)
 * @word: the marker's first word (TCK_GUEST_READY, ...)
 *
 * Reads where tck_wait_guest_ready() reads: the local log, or everything
 * the domain's console recorder heard (over every stream: a stream ends
 * when the guest goes down, and the console is opened again once the
 * domain is active).  A running domain without a recorder gets one, which
 * listens up to 12 s for a READY line, so that the boot that runs now is
 * among what this returns; on a domain that stopped, the last stream is
 * given 3 s to deliver the guest's last words.
 *
 * Returns: (transfer full): the REST of each "@word <token> REST" line
 * seen so far, in order ("" for a line with nothing after the token); an
 * empty vector when there is none or no log yet.
 */
GStrv tck_guest_markers(TckTest *t, virDomainPtr dom, const char *word);

/**
 * tck_wait_guest_marker:
 * @t: the test
 * @dom: a domain built by tck_generic_domain_xml()
 * @word: the marker's first word
 * @seen: (nullable): RESTs that do not count (the boot nonces seen before
 *        a reboot, say), or NULL
 * @timeout_s: how long to wait
 *
 * Waits for a "@word <token> REST" line whose REST is not in @seen.  Unlike
 * tck_wait_guest_ready(), it goes on looking after the domain stopped: a
 * guest's last words come as it goes down.  Reads what tck_guest_markers()
 * reads, the console opened again whenever the domain is active without
 * one (after libxl's reboot, a new domain with a new id).
 *
 * Returns: (transfer full): that REST, or NULL on a timeout (diagnostics
 * then name the log or the console, and show its last lines).
 */
char *tck_wait_guest_marker(TckTest *t, virDomainPtr dom, const char *word, const char *const *seen,
                            guint timeout_s);

/**
 * tck_guest_console_capture:
 * @t: the test
 * @dom: a running domain with a console
 * @ms: how long to listen
 * @error: return location
 *
 * Closes @dom's console recorder first, if the test has one (a console is
 * opened once at a time; the marker functions open it again when they
 * need it).
 *
 * Returns: (transfer full): what the guest printed on its console
 * (virDomainOpenConsole() on @dom's connection) during @ms, or NULL with
 * @error set when the console cannot be opened.
 */
char *tck_guest_console_capture(TckTest *t, virDomainPtr dom, guint ms, GError **error);

G_END_DECLS
