/*
 * format-junit.c — JUnit XML as Jenkins and GitLab read it: one
 * <testsuite> per test program, one <testcase> per check.  CI has no
 * xfail/xpass/todo, so they are mapped to what it shows right: xfail and
 * todo become <skipped> with the reason, xpass a pass with a note.
 * Validated against schemas/junit.xsd.
 */
#include <config.h>

#include <libxml/tree.h>

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

static void
add_suite(xmlNodePtr root, Counts *total, const TckRun *run, const TckTestResult *test)
{
    xmlNodePtr suite = xmlNewChild(root, NULL, BAD_CAST "testsuite", NULL);
    xmlNodePtr props;
    g_autofree char *classname = g_strdelimit(g_strdup(test->name), "/", '.');
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(test->start_us / G_USEC_PER_SEC);
    g_autofree char *stamp = dt ? g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S") : NULL;
    Counts c = { 0 };
    guint i;

    set_safe_prop(suite, "name", test->name);
    props = xmlNewChild(suite, NULL, BAD_CAST "properties", NULL);
    {
        const struct { const char *name; const char *value; } rows[] = {
            { "uri", run->meta.uri },
            { "driver", run->meta.driver },
            { "libvirt-version", run->meta.libvirt_version },
            { "hypervisor-version", run->meta.hypervisor_version },
            { "run-id", run->meta.run_id },
            { "status", tck_status_to_string(test->status) },
            { "reason", test->reason },
            { "known-broken", test->known_broken },
        };

        for (i = 0; i < G_N_ELEMENTS(rows); i++) {
            xmlNodePtr p;

            if (!rows[i].value)
                continue;
            p = xmlNewChild(props, NULL, BAD_CAST "property", NULL);
            xmlSetProp(p, BAD_CAST "name", BAD_CAST rows[i].name);
            set_safe_prop(p, "value", rows[i].value);
        }
    }

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
        add_case(suite, &c, classname, name, check->status, message,
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
        add_case(suite, &c, classname, "(test program)", test->status, message,
                 test->status == TCK_STATUS_ERROR ? test->log : NULL, note);
    }

    set_counts(suite, &c);
    tck_xml_set_propf(suite, "time", "%.3f", test->duration_us / 1e6);
    if (stamp)
        xmlSetProp(suite, BAD_CAST "timestamp", BAD_CAST stamp);
    tck_xml_add_text(suite, "system-out", test->tap, FALSE);
    tck_xml_add_text(suite, "system-err", test->log, FALSE);

    total->tests += c.tests;
    total->failures += c.failures;
    total->errors += c.errors;
    total->skipped += c.skipped;
}

char *
tck_report_junit_to_string(const TckRun *run)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "testsuites");
    Counts total = { 0 };
    gint64 span = run->meta.end_us - run->meta.start_us;
    xmlChar *mem = NULL;
    int len = 0;
    char *ret;
    guint i;

    xmlDocSetRootElement(doc, root);
    xmlSetProp(root, BAD_CAST "name", BAD_CAST "libvirt-tck");
    for (i = 0; i < run->tests->len; i++)
        add_suite(root, &total, run, g_ptr_array_index(run->tests, i));
    set_counts(root, &total);
    tck_xml_set_propf(root, "time", "%.3f", (span > 0 ? span : 0) / 1e6);

    xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
    ret = g_strndup((const char *) mem, len);
    xmlFree(mem);
    xmlFreeDoc(doc);
    return ret;
}

gboolean
tck_format_junit(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error)
{
    g_autofree char *text = tck_report_junit_to_string(run);

    return tck_format_write_string(text, out, "junit", error);
}
