/*
 * test-live-guest-ready.c — the wait for "TCK-GUEST-READY <token>" reads
 * the domain's <tck:guest> metadata and the log it names: it sees a marker
 * that arrives late (CRLF console output), refuses other tokens and
 * longer tokens, stops early when the guest stops, and says what it saw.
 * The markers a console recorder holds over a shutdown and a reboot (two
 * streams, the first cut mid-line) parse as the log's would.
 * Runs against test:///default (the live tests boot real guests).
 */
#include <config.h>

#include <string.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <tck/error.h>
#include "libtck/guest-ready.h"

typedef struct {
    virConnectPtr conn;
    char *dir;
    char *log;
} Fixture;

static void
silent_error(void *opaque, virErrorPtr err)
{
}

static char *
xml_to_string(xmlDoc *doc, xmlNode *root)
{
    xmlBuffer *buf = xmlBufferCreate();
    char *out;

    xmlNodeDump(buf, doc, root, 0, 0);
    out = g_strdup((const char *) xmlBufferContent(buf));
    xmlBufferFree(buf);
    return out;
}

/* A running transient test-driver domain, with <tck:guest> metadata when @token is set. */
static virDomainPtr
start_domain(Fixture *f, const char *name, const char *token)
{
    xmlDoc *doc = xmlNewDoc((const xmlChar *) "1.0");
    xmlNode *dom = xmlNewNode(NULL, (const xmlChar *) "domain");
    xmlNode *os;
    g_autofree char *xml = NULL;
    virDomainPtr d;

    xmlDocSetRootElement(doc, dom);
    xmlNewProp(dom, (const xmlChar *) "type", (const xmlChar *) "test");
    xmlNewTextChild(dom, NULL, (const xmlChar *) "name", (const xmlChar *) name);
    xmlNewTextChild(dom, NULL, (const xmlChar *) "memory", (const xmlChar *) "65536");
    os = xmlNewChild(dom, NULL, (const xmlChar *) "os", NULL);
    xmlNewTextChild(os, NULL, (const xmlChar *) "type", (const xmlChar *) "hvm");
    xml = xml_to_string(doc, dom);
    xmlFreeDoc(doc);

    d = virDomainCreateXML(f->conn, xml, 0);
    g_assert_nonnull(d);
    if (token) {
        xmlDoc *mdoc = xmlNewDoc((const xmlChar *) "1.0");
        xmlNode *guest = xmlNewNode(NULL, (const xmlChar *) "guest");
        g_autofree char *meta = NULL;

        xmlDocSetRootElement(mdoc, guest);
        xmlNewTextChild(guest, NULL, (const xmlChar *) "token", (const xmlChar *) token);
        xmlNewTextChild(guest, NULL, (const xmlChar *) "log", (const xmlChar *) f->log);
        meta = xml_to_string(mdoc, guest);
        xmlFreeDoc(mdoc);
        g_assert_cmpint(virDomainSetMetadata(d, VIR_DOMAIN_METADATA_ELEMENT, meta, "tck",
                                             TCK_GUEST_METADATA_NS, VIR_DOMAIN_AFFECT_LIVE), ==, 0);
    }
    return d;
}

static void
fixture_setup(Fixture *f, gconstpointer data)
{
    f->conn = virConnectOpen("test:///default");
    g_assert_nonnull(f->conn);
    f->dir = g_dir_make_tmp("tck-guest-ready-XXXXXX", NULL);
    g_assert_nonnull(f->dir);
    f->log = g_build_filename(f->dir, "serial.log", NULL);
}

static void
fixture_teardown(Fixture *f, gconstpointer data)
{
    g_unlink(f->log);
    g_rmdir(f->dir);
    g_free(f->log);
    g_free(f->dir);
    virConnectClose(f->conn);
}

typedef struct {
    const char *path;
    const char *text;
    guint delay_ms;
    virDomainPtr destroy;
} LateWrite;

static gpointer
late_write(gpointer data)
{
    LateWrite *w = data;

    g_usleep(w->delay_ms * 1000);
    if (w->text)
        g_assert_true(g_file_set_contents(w->path, w->text, -1, NULL));
    if (w->destroy)
        g_assert_cmpint(virDomainDestroy(w->destroy), ==, 0);
    return NULL;
}

/* The console path on a driver without consoles: a clear failure, no hang. */
static void
test_console_unsupported(Fixture *f, gconstpointer data)
{
    virDomainPtr d = start_domain(f, "tck-ready-console", "tok-console-1");
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;

    g_assert_true(g_file_set_contents(f->log, "TCK-GUEST-READY tok-console-1\n", -1, NULL));
    g_assert_false(tck_guest_ready_wait_from(d, TCK_GUEST_SOURCE_CONSOLE, 2000, diag, &err));
    g_assert_error(err, TCK_ERROR, TCK_ERROR_LIBVIRT);
    g_assert_nonnull(strstr(diag->str, "cannot open the console of 'tck-ready-console'"));
    virDomainDestroy(d);
    virDomainFree(d);
}

/* The disks line of the guest's /init, and a disk it does not list. */
static void
test_disk_line(Fixture *f, gconstpointer data)
{
    virDomainPtr d = start_domain(f, "tck-ready-disks", "tok-disks-1");
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;

    g_assert_true(g_file_set_contents(f->log, "TCK-GUEST-READY tok-disks-1\r\nTCK-GUEST-DISKS vda vdb \r\n", -1, NULL));
    g_assert_true(tck_guest_disk_wait_from(d, TCK_GUEST_SOURCE_LOG, "vdb", 2000, diag, &err));
    g_assert_no_error(err);
    g_string_truncate(diag, 0);
    g_assert_false(tck_guest_disk_wait_from(d, TCK_GUEST_SOURCE_LOG, "vd", 300, diag, &err));
    g_assert_error(err, TCK_ERROR, TCK_ERROR_FAILED);
    virDomainDestroy(d);
    virDomainFree(d);
}

static void
test_marker_arrives_late(Fixture *f, gconstpointer data)
{
    virDomainPtr d = start_domain(f, "tck-ready-late", "tok-late-1");
    LateWrite w = { f->log, "[    2.1] Run /init as init process\r\nTCK-GUEST-READY tok-late-1\r\n", 300, NULL };
    GThread *th = g_thread_new("writer", late_write, &w);
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;

    g_assert_true(tck_guest_ready_wait(d, 10000, diag, &err));
    g_assert_no_error(err);
    g_assert_nonnull(strstr(diag->str, "appeared in"));
    g_thread_join(th);
    virDomainDestroy(d);
    virDomainFree(d);
}

static void
test_other_tokens_refused(Fixture *f, gconstpointer data)
{
    virDomainPtr d = start_domain(f, "tck-ready-other", "tok-7");
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;
    gint64 t0 = g_get_monotonic_time();

    g_assert_true(g_file_set_contents(f->log, "booting\nTCK-GUEST-READY tok-77\nTCK-GUEST-READY tok-8\n"
                                      "TCK-GUEST-READY tok-7x\n", -1, NULL));
    g_assert_false(tck_guest_ready_wait(d, 400, diag, &err));
    g_assert_error(err, TCK_ERROR, TCK_ERROR_FAILED);
    g_assert_cmpint(g_get_monotonic_time() - t0, >=, 400000);
    g_assert_nonnull(strstr(diag->str, "no 'TCK-GUEST-READY tok-7' in"));
    g_assert_nonnull(strstr(diag->str, "holds a readiness marker, but not for token tok-7"));
    g_assert_nonnull(strstr(diag->str, "  | TCK-GUEST-READY tok-77"));
    g_assert_nonnull(strstr(diag->str, "  | booting"));
    virDomainDestroy(d);
    virDomainFree(d);
}

static void
test_marker_at_end_of_file(Fixture *f, gconstpointer data)
{
    virDomainPtr d = start_domain(f, "tck-ready-eof", "tok-eof");
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;

    g_assert_true(g_file_set_contents(f->log, "noise TCK-GUEST-READY tok-eof", -1, NULL));
    g_assert_true(tck_guest_ready_wait(d, 1000, diag, &err));
    virDomainDestroy(d);
    virDomainFree(d);
}

static void
test_missing_log(Fixture *f, gconstpointer data)
{
    virDomainPtr d = start_domain(f, "tck-ready-nolog", "tok-nolog");
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;

    g_assert_false(tck_guest_ready_wait(d, 200, diag, &err));
    g_assert_error(err, TCK_ERROR, TCK_ERROR_FAILED);
    g_assert_nonnull(strstr(diag->str, "does not exist"));
    g_assert_nonnull(strstr(diag->str, f->log));
    virDomainDestroy(d);
    virDomainFree(d);
}

static void
test_empty_log(Fixture *f, gconstpointer data)
{
    virDomainPtr d = start_domain(f, "tck-ready-empty", "tok-empty");
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;

    g_assert_true(g_file_set_contents(f->log, "", 0, NULL));
    g_assert_false(tck_guest_ready_wait(d, 200, diag, &err));
    g_assert_nonnull(strstr(diag->str, "exists but is empty"));
    virDomainDestroy(d);
    virDomainFree(d);
}

static void
test_no_metadata(Fixture *f, gconstpointer data)
{
    virDomainPtr d = start_domain(f, "tck-ready-nometa", NULL);
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;

    g_assert_false(tck_guest_ready_wait(d, 5000, diag, &err));
    g_assert_error(err, TCK_ERROR, TCK_ERROR_SETUP);
    g_assert_nonnull(strstr(err->message, "tck-ready-nometa"));
    g_assert_nonnull(strstr(diag->str, "no <tck:guest> metadata"));
    virDomainDestroy(d);
    virDomainFree(d);
}

static void
test_guest_stops(Fixture *f, gconstpointer data)
{
    virDomainPtr d = start_domain(f, "tck-ready-stops", "tok-stops");
    LateWrite w = { f->log, "Kernel panic - not syncing: no init found\n", 100, d };
    GThread *th = g_thread_new("destroyer", late_write, &w);
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;
    gint64 t0 = g_get_monotonic_time();

    g_assert_false(tck_guest_ready_wait(d, 20000, diag, &err));
    g_thread_join(th);
    g_assert_error(err, TCK_ERROR, TCK_ERROR_FAILED);
    g_assert_cmpint(g_get_monotonic_time() - t0, <, 5 * G_USEC_PER_SEC);
    g_assert_nonnull(strstr(err->message, "stopped before printing"));
    g_assert_nonnull(strstr(diag->str, "Kernel panic"));
    virDomainFree(d);
}

/*
 * What a console recorder holds over a shutdown and a reboot: two streams
 * (the first cut in the middle of a line as the domain went down), CRLF
 * endings, kernel output glued before a marker, another guest's token.
 */
static void
test_console_markers(void)
{
    static const char first[] =
        "[    2.1] Run /init as init process\r\n"
        "TCK-GUEST-READY tok-c boot=aaa\r\n"
        "TCK-GUEST-READY tok-c boot=aaa\r\n"
        "TCK-GUEST-READY tok-c2 boot=zzz\r\n"
        "[   9.3] reboot: Power down[   9.4] TCK-GUEST-DOWN tok-c reboot boot=aaa\r\n"
        "TCK-GUEST-REA";
    static const char second[] = "TCK-GUEST-READY tok-c boot=bbb\r\nTCK-GUEST-READY tok-c\r\n";
    g_autoptr(GString) rec = g_string_new(NULL);
    g_auto(GStrv) ready = NULL;
    g_auto(GStrv) down = NULL;
    g_auto(GStrv) none = NULL;

    tck_guest_text_append_stream(rec, first, strlen(first));
    tck_guest_text_append_stream(rec, second, strlen(second));
    ready = tck_guest_marker_rests(rec->str, rec->len, "TCK-GUEST-READY", "tok-c");
    g_assert_cmpuint(g_strv_length(ready), ==, 4);
    g_assert_cmpstr(ready[0], ==, "boot=aaa");
    g_assert_cmpstr(ready[1], ==, "boot=aaa");
    g_assert_cmpstr(ready[2], ==, "boot=bbb");
    g_assert_cmpstr(ready[3], ==, "");
    down = tck_guest_marker_rests(rec->str, rec->len, "TCK-GUEST-DOWN", "tok-c");
    g_assert_cmpuint(g_strv_length(down), ==, 1);
    g_assert_cmpstr(down[0], ==, "reboot boot=aaa");
    none = tck_guest_marker_rests(rec->str, rec->len, "TCK-GUEST-DOWN", "tok");
    g_assert_cmpuint(g_strv_length(none), ==, 0);
    /* the cut line ends where its stream ended: no "TCK-GUEST-REATCK-GUEST-READY" */
    g_assert_null(strstr(rec->str, "REATCK"));
    g_assert_true(g_str_has_suffix(rec->str, "\n"));
}

/* A stream that ended on a whole line adds nothing between it and the next. */
static void
test_console_append_whole_lines(void)
{
    g_autoptr(GString) rec = g_string_new(NULL);

    tck_guest_text_append_stream(rec, "", 0);
    g_assert_cmpuint(rec->len, ==, 0);
    tck_guest_text_append_stream(rec, "a\n", 2);
    tck_guest_text_append_stream(rec, "b\n", 2);
    g_assert_cmpstr(rec->str, ==, "a\nb\n");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, silent_error);
    g_test_add("/guest-ready/marker-arrives-late", Fixture, NULL, fixture_setup, test_marker_arrives_late,
               fixture_teardown);
    g_test_add("/guest-ready/other-tokens-refused", Fixture, NULL, fixture_setup, test_other_tokens_refused,
               fixture_teardown);
    g_test_add("/guest-ready/marker-at-end-of-file", Fixture, NULL, fixture_setup, test_marker_at_end_of_file,
               fixture_teardown);
    g_test_add("/guest-ready/missing-log", Fixture, NULL, fixture_setup, test_missing_log, fixture_teardown);
    g_test_add("/guest-ready/empty-log", Fixture, NULL, fixture_setup, test_empty_log, fixture_teardown);
    g_test_add("/guest-ready/no-metadata", Fixture, NULL, fixture_setup, test_no_metadata, fixture_teardown);
    g_test_add("/guest-ready/guest-stops", Fixture, NULL, fixture_setup, test_guest_stops, fixture_teardown);
    g_test_add("/guest-ready/console-unsupported", Fixture, NULL, fixture_setup, test_console_unsupported,
               fixture_teardown);
    g_test_add("/guest-ready/disk-line", Fixture, NULL, fixture_setup, test_disk_line, fixture_teardown);
    g_test_add_func("/guest-ready/console-markers", test_console_markers);
    g_test_add_func("/guest-ready/console-append-whole-lines", test_console_append_whole_lines);
    return g_test_run();
}
