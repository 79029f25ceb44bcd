/*
 * format-xml.c — the native XML report: everything in the results model,
 * metadata included, in the format documented by schemas/report.rng.
 */
#include <config.h>

#include <string.h>
#include <libxml/tree.h>

#include "formats.h"
#include "report.h"
#include "report-util.h"

static void
add_check(xmlNodePtr parent, const TckCheckResult *check)
{
    xmlNodePtr node = xmlNewChild(parent, NULL, BAD_CAST "check", NULL);

    tck_xml_set_propf(node, "number", "%u", check->number);
    xmlSetProp(node, BAD_CAST "status", BAD_CAST tck_status_to_string(check->status));
    tck_xml_add_text(node, "description", check->description, TRUE);
    tck_xml_add_text(node, "reason", check->directive_reason, TRUE);
    tck_xml_add_text(node, "diagnostics", check->diagnostics, TRUE);
    tck_xml_add_text(node, "known-broken", check->known_broken, TRUE);
}

/*
 * A test's stream (TAP, stderr, cleanup log) as the report keeps it: the
 * first TCK_REPORT_STREAM_MAX bytes, cut at a character and marked, so
 * that a report always reads back (libxml2 refuses a text node past 10 MB
 * without libxml2's huge option, which the reader never uses).  The archive's
 * per-test members keep what the runner captured.
 */
static void
add_stream(xmlNodePtr parent, const char *name, const char *text)
{
    gsize len = text ? strlen(text) : 0;
    g_autoptr(GString) cut = NULL;
    const char *end;

    if (len <= TCK_REPORT_STREAM_MAX) {
        tck_xml_add_text(parent, name, text, TRUE);
        return;
    }
    end = text + TCK_REPORT_STREAM_MAX;
    while (end > text && (*end & 0xC0) == 0x80)
        end--;   /* never half a UTF-8 character */
    cut = g_string_new_len(text, end - text);
    g_string_append_printf(cut, "\n[libvirt-tck: the report keeps the first %" G_GSIZE_FORMAT
                           " of %" G_GSIZE_FORMAT " bytes; the archive holds the stream]\n",
                           cut->len, len);
    tck_xml_add_text(parent, name, cut->str, TRUE);
}

static void
add_test(xmlNodePtr parent, const TckTestResult *test)
{
    xmlNodePtr node = xmlNewChild(parent, NULL, BAD_CAST "test", NULL);
    g_autofree char *start = tck_time_format_iso(test->start_us);
    guint i;

    xmlSetProp(node, BAD_CAST "name", BAD_CAST test->name);
    if (test->area)
        xmlSetProp(node, BAD_CAST "area", BAD_CAST test->area);
    xmlSetProp(node, BAD_CAST "status", BAD_CAST tck_status_to_string(test->status));
    xmlSetProp(node, BAD_CAST "start", BAD_CAST start);
    tck_xml_set_propf(node, "duration-us", "%" G_GINT64_FORMAT, test->duration_us);
    if (test->planned >= 0)
        tck_xml_set_propf(node, "planned", "%" G_GINT64_FORMAT, test->planned);
    tck_xml_set_propf(node, "exit", "%d", test->exit_status);
    if (test->term_signal)
        tck_xml_set_propf(node, "signal", "%d", test->term_signal);
    if (test->timed_out)
        xmlSetProp(node, BAD_CAST "timed-out", BAD_CAST "yes");

    tck_xml_add_text(node, "path", test->path, TRUE);
    tck_xml_add_text(node, "reason", test->reason, TRUE);
    tck_xml_add_text(node, "known-broken", test->known_broken, TRUE);
    for (i = 0; test->checks && i < test->checks->len; i++)
        add_check(node, g_ptr_array_index(test->checks, i));
    add_stream(node, "tap", test->tap);
    add_stream(node, "log", test->log);
    add_stream(node, "cleanup", test->cleanup_log);
}

static void
add_metadata(xmlNodePtr root, const TckRunMeta *meta)
{
    /* One row per optional text field, in document order. */
    static const struct {
        const char *element;
        gsize offset;
    } fields[] = {
        { "uri", G_STRUCT_OFFSET(TckRunMeta, uri) },
        { "driver", G_STRUCT_OFFSET(TckRunMeta, driver) },
        { "libvirt-version", G_STRUCT_OFFSET(TckRunMeta, libvirt_version) },
        { "daemon-version", G_STRUCT_OFFSET(TckRunMeta, daemon_version) },
        { "hypervisor-version", G_STRUCT_OFFSET(TckRunMeta, hypervisor_version) },
        { "host-kernel", G_STRUCT_OFFSET(TckRunMeta, host_kernel) },
        { "host-arch", G_STRUCT_OFFSET(TckRunMeta, host_arch) },
        { "host-distro", G_STRUCT_OFFSET(TckRunMeta, host_distro) },
        { "guest-plan", G_STRUCT_OFFSET(TckRunMeta, guest_plan) },
        { "config-hash", G_STRUCT_OFFSET(TckRunMeta, config_hash) },
        { "config", G_STRUCT_OFFSET(TckRunMeta, config_masked) },
        { "capabilities", G_STRUCT_OFFSET(TckRunMeta, capabilities_xml) },
        { "sandbox-log", G_STRUCT_OFFSET(TckRunMeta, sandbox_log) },
    };
    xmlNodePtr node = xmlNewChild(root, NULL, BAD_CAST "metadata", NULL);
    guint i;

    for (i = 0; i < G_N_ELEMENTS(fields); i++) {
        const char *value = G_STRUCT_MEMBER(const char *, meta, fields[i].offset);

        tck_xml_add_text(node, fields[i].element, value, TRUE);
    }
}

xmlDocPtr
tck_report_xml_build(const TckRun *run)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "report");
    xmlNodePtr summary;
    xmlNsPtr ns;
    g_autofree char *start = tck_time_format_iso(run->meta.start_us);
    g_autofree char *end = tck_time_format_iso(run->meta.end_us);
    guint counts[TCK_STATUS_LAST] = { 0 };
    guint i;

    xmlDocSetRootElement(doc, root);
    ns = xmlNewNs(root, BAD_CAST TCK_REPORT_NS, NULL);
    xmlSetNs(root, ns);
    xmlSetProp(root, BAD_CAST "version", BAD_CAST "1");
    if (run->meta.run_id)
        xmlSetProp(root, BAD_CAST "run-id", BAD_CAST run->meta.run_id);
    xmlSetProp(root, BAD_CAST "start", BAD_CAST start);
    xmlSetProp(root, BAD_CAST "end", BAD_CAST end);
    xmlSetProp(root, BAD_CAST "interrupted", BAD_CAST (run->meta.interrupted ? "yes" : "no"));

    add_metadata(root, &run->meta);

    tck_run_count(run, counts);
    summary = xmlNewChild(root, NULL, BAD_CAST "summary", NULL);
    tck_xml_set_propf(summary, "tests", "%u", run->tests->len);
    for (i = 0; i < TCK_STATUS_LAST; i++)
        tck_xml_set_propf(summary, tck_status_to_string(i), "%u", counts[i]);

    for (i = 0; i < run->tests->len; i++)
        add_test(root, g_ptr_array_index(run->tests, i));

    if (run->known_broken_stale && run->known_broken_stale->len > 0) {
        xmlNodePtr stale = xmlNewChild(root, NULL, BAD_CAST "stale-known-broken", NULL);

        for (i = 0; i < run->known_broken_stale->len; i++)
            tck_xml_add_text(stale, "entry", g_ptr_array_index(run->known_broken_stale, i), TRUE);
    }
    return doc;
}

char *
tck_report_xml_to_string(const TckRun *run)
{
    xmlDocPtr doc = tck_report_xml_build(run);
    xmlChar *mem = NULL;
    int len = 0;
    char *ret;

    xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
    ret = g_strndup((const char *) mem, len);
    xmlFree(mem);
    xmlFreeDoc(doc);
    return ret;
}

gboolean
tck_format_xml(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error)
{
    g_autofree char *text = tck_report_xml_to_string(run);

    return tck_format_write_string(text, out, "xml", error);
}
