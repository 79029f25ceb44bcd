/*
 * format-junit.c — JUnit XML as Jenkins and GitLab read it: one
 * <testsuite> per test program (a fleet run: one per host, its hostname
 * set), one <testcase> per check.  CI has no
 * xfail/xpass/todo, so they are mapped to what it shows right: xfail and
 * todo become <skipped> with the reason, xpass a pass with a note.
 * Validated against schemas/junit.xsd.
 */
#include <config.h>

#include <libxml/tree.h>

#include "fleet.h"
#include "formats.h"
#include "report.h"
#include "report-util.h"

typedef struct {
    guint tests;
    guint failures;
    guint errors;
    guint skipped;
} Counts;

static void
count(Counts *c, TckStatus status)
{
    const char *el = tck_status_info(status)->junit;

    c->tests++;
    if (!el)
        return;
    if (g_str_equal(el, "failure"))
        c->failures++;
    else if (g_str_equal(el, "error"))
        c->errors++;
    else
        c->skipped++;
}

static void
set_counts(xmlNodePtr node, const Counts *c)
{
    tck_xml_set_propf(node, "tests", "%u", c->tests);
    tck_xml_set_propf(node, "failures", "%u", c->failures);
    tck_xml_set_propf(node, "errors", "%u", c->errors);
    tck_xml_set_propf(node, "skipped", "%u", c->skipped);
}

static void
set_safe_prop(xmlNodePtr node, const char *name, const char *value)
{
    g_autofree char *clean = tck_xml_text_sanitize(value ? value : "");

    xmlSetProp(node, BAD_CAST name, BAD_CAST clean);
}

/*
 * One <testcase>.  @message explains the status, @detail goes into the
 * element's text (diagnostics, log excerpt), @note into its system-out.
 */
static void
add_case(xmlNodePtr suite, Counts *c, const char *classname, const char *name,
         TckStatus status, const char *message, const char *detail, const char *note)
{
    xmlNodePtr tc = xmlNewChild(suite, NULL, BAD_CAST "testcase", NULL);
    const char *el = tck_status_info(status)->junit;

    set_safe_prop(tc, "name", name);
    set_safe_prop(tc, "classname", classname);
    xmlSetProp(tc, BAD_CAST "time", BAD_CAST "0");
    count(c, status);
    if (el) {
        const char *prefix = tck_status_info(status)->junit_prefix;
        g_autofree char *msg = NULL;
        xmlNodePtr child;

        if (*prefix && message && *message)
            msg = g_strdup_printf("%s: %s", prefix, message);
        else
            msg = g_strdup(*prefix ? prefix : (message ? message : ""));
        child = tck_xml_add_text(tc, el, detail ? detail : "", FALSE);
        set_safe_prop(child, "message", msg);
        if (!g_str_equal(el, "skipped"))
            xmlSetProp(child, BAD_CAST "type", BAD_CAST tck_status_to_string(status));
    }
    tck_xml_add_text(tc, "system-out", note, FALSE);
}

static gboolean
has_check_with(const TckTestResult *test, TckStatus status)
{
    guint i;

    for (i = 0; i < test->checks->len; i++) {
        const TckCheckResult *check = g_ptr_array_index(test->checks, i);

        if (check->status == status)
            return TRUE;
    }
    return FALSE;
}

/* The testcases of one test program: one per check, and one for what the checks cannot show. */
static void
add_test_cases(xmlNodePtr suite, Counts *c, const char *classname, const TckTestResult *test)
{
    guint i;

    for (i = 0; i < test->checks->len; i++) {
        const TckCheckResult *check = g_ptr_array_index(test->checks, i);
        g_autofree char *name = g_strdup_printf("%u - %s", check->number,
                                                check->description ? check->description : "");
        const char *message = check->status == TCK_STATUS_XFAIL ? check->known_broken
                              : check->directive_reason ? check->directive_reason
                              : check->description;
        g_autofree char *note = NULL;

        if (check->status == TCK_STATUS_XPASS)
            note = g_strdup_printf("XPASS: known broken but passed: %s",
                                   check->known_broken ? check->known_broken : "");
        add_case(suite, c, classname, name, check->status, message,
                 check->diagnostics, note);
    }

    /*
     * What the checks cannot show (a crash, a timeout, a bad plan, a
     * failing exit status, a skipped program) gets one testcase of its own.
     */
    if (test->checks->len == 0 || test->status == TCK_STATUS_ERROR ||
        ((test->status == TCK_STATUS_FAIL || test->status == TCK_STATUS_XFAIL) &&
         !has_check_with(test, test->status))) {
        const char *message = test->status == TCK_STATUS_XFAIL && test->known_broken
                              ? test->known_broken : test->reason;
        g_autofree char *note = NULL;

        if (test->status == TCK_STATUS_XPASS)
            note = g_strdup_printf("XPASS: known broken but passed: %s",
                                   test->known_broken ? test->known_broken : "");
        add_case(suite, c, classname, "(test program)", test->status, message,
                 test->status == TCK_STATUS_ERROR ? test->log : NULL, note);
    }
}

static void
add_property(xmlNodePtr props, const char *name, const char *value)
{
    xmlNodePtr p;

    if (!value)
        return;
    p = xmlNewChild(props, NULL, BAD_CAST "property", NULL);
    xmlSetProp(p, BAD_CAST "name", BAD_CAST name);
    set_safe_prop(p, "value", value);
}

static void
add_timestamp(xmlNodePtr suite, gint64 start_us)
{
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(start_us / G_USEC_PER_SEC);
    g_autofree char *stamp = dt ? g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S") : NULL;

    if (stamp)
        xmlSetProp(suite, BAD_CAST "timestamp", BAD_CAST stamp);
}

static void
add_suite(xmlNodePtr root, Counts *total, const TckRun *run, const TckTestResult *test)
{
    xmlNodePtr suite = xmlNewChild(root, NULL, BAD_CAST "testsuite", NULL);
    xmlNodePtr props;
    g_autofree char *classname = g_strdelimit(g_strdup(test->name), "/", '.');
    Counts c = { 0 };

    set_safe_prop(suite, "name", test->name);
    props = xmlNewChild(suite, NULL, BAD_CAST "properties", NULL);
    add_property(props, "uri", run->meta.uri);
    add_property(props, "driver", run->meta.driver);
    add_property(props, "libvirt-version", run->meta.libvirt_version);
    add_property(props, "hypervisor-version", run->meta.hypervisor_version);
    add_property(props, "run-id", run->meta.run_id);
    add_property(props, "status", tck_status_to_string(test->status));
    add_property(props, "reason", test->reason);
    add_property(props, "known-broken", test->known_broken);

    add_test_cases(suite, &c, classname, test);
    set_counts(suite, &c);
    tck_xml_set_propf(suite, "time", "%.3f", test->duration_us / 1e6);
    add_timestamp(suite, test->start_us);
    tck_xml_add_text(suite, "system-out", test->tap, FALSE);
    tck_xml_add_text(suite, "system-err", test->log, FALSE);

    total->tests += c.tests;
    total->failures += c.failures;
    total->errors += c.errors;
    total->skipped += c.skipped;
}

/*
 * One <testsuite> for a host of a fleet, its hostname set, the testcases
 * of all its tests (classname HOST.AREA.TEST), and one "(host)" error
 * testcase saying why, when the host's run is incomplete.
 */
static void
add_host_suite(xmlNodePtr root, Counts *total, const TckFleetHost *host)
{
    const TckRun *run = host->run;
    xmlNodePtr suite = xmlNewChild(root, NULL, BAD_CAST "testsuite", NULL);
    xmlNodePtr props;
    g_autofree char *hostclass = g_strdelimit(g_strdup(host->dir), ".", '_');   /* "1-NAME": unique */
    g_autofree char *name = g_strdup_printf("host %u: %s", host->index, host->hostname);
    gint64 span = run->meta.end_us - run->meta.start_us;
    Counts c = { 0 };

    set_safe_prop(suite, "name", name);
    set_safe_prop(suite, "hostname", host->hostname);
    tck_xml_set_propf(suite, "id", "%u", host->index - 1);
    props = xmlNewChild(suite, NULL, BAD_CAST "properties", NULL);
    add_property(props, "uri", host->masked_uri);
    add_property(props, "driver", host->driver);
    add_property(props, "libvirt-version", run->meta.libvirt_version);
    add_property(props, "hypervisor-version", run->meta.hypervisor_version);
    add_property(props, "run-id", host->run_id);
    add_property(props, "host-failure", host->failure);
    for (guint i = 0; i < run->tests->len; i++) {
        const TckTestResult *test = g_ptr_array_index(run->tests, i);
        g_autofree char *dotted = g_strdelimit(g_strdup(test->name), "/", '.');
        g_autofree char *classname = g_strdup_printf("%s.%s", hostclass, dotted);

        add_test_cases(suite, &c, classname, test);
    }
    if (host->failure)
        add_case(suite, &c, hostclass, "(host)", TCK_STATUS_ERROR, host->failure, host->harness_log, NULL);
    set_counts(suite, &c);
    tck_xml_set_propf(suite, "time", "%.3f", (span > 0 ? span : 0) / 1e6);
    add_timestamp(suite, run->meta.start_us ? run->meta.start_us : g_get_real_time());
    total->tests += c.tests;
    total->failures += c.failures;
    total->errors += c.errors;
    total->skipped += c.skipped;
}

/* The <testsuites> root of a new document. */
static xmlNodePtr
new_root(void)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "testsuites");

    xmlDocSetRootElement(doc, root);
    xmlSetProp(root, BAD_CAST "name", BAD_CAST "libvirt-tck");
    return root;
}

/* The root's totals and time, then its document as text. */
static char *
finish_root(xmlNodePtr root, const Counts *total, gint64 span_us)
{
    set_counts(root, total);
    tck_xml_set_propf(root, "time", "%.3f", (span_us > 0 ? span_us : 0) / 1e6);
    return tck_xml_doc_to_string(root->doc);
}

char *
tck_report_junit_fleet_to_string(const TckFleet *fleet)
{
    xmlNodePtr root = new_root();
    Counts total = { 0 };

    for (guint i = 0; i < fleet->hosts->len; i++)
        add_host_suite(root, &total, g_ptr_array_index(fleet->hosts, i));
    return finish_root(root, &total, fleet->end_us - fleet->start_us);
}

gboolean
tck_format_junit_fleet(const TckFleet *fleet, const TckFormatOptions *opts, FILE *out, GError **error)
{
    g_autofree char *text = tck_report_junit_fleet_to_string(fleet);

    return tck_format_write_string(text, out, "junit", error);
}

char *
tck_report_junit_to_string(const TckRun *run)
{
    xmlNodePtr root = new_root();
    Counts total = { 0 };

    for (guint i = 0; i < run->tests->len; i++)
        add_suite(root, &total, run, g_ptr_array_index(run->tests, i));
    return finish_root(root, &total, run->meta.end_us - run->meta.start_us);
}

gboolean
tck_format_junit(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error)
{
    g_autofree char *text = tck_report_junit_to_string(run);

    return tck_format_write_string(text, out, "junit", error);
}
