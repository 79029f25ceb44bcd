/*
 * report-read.c — reads a stored run back into the results model: the
 * native XML report, given directly or inside a results archive.
 */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <libxml/xpathInternals.h>

#include <tck/error.h>
#include "xpath.h"

#include "report-archive.h"
#include "coverage.h"
#include "report.h"
#include "report-util.h"

/* Reports carry every test's TAP and stderr: a larger limit than the
 * default, still without the parser's "huge" option. */
#define TCK_REPORT_MAX_BYTES (256 * 1024 * 1024)

typedef struct {
    xmlXPathContextPtr ctxt;
    const char *origin;
} Reader;

/* The first node matching @expr under @node, or NULL. */
static xmlNodePtr
xp_node(Reader *r, xmlNodePtr node, const char *expr)
{
    return tck_xpath_node(r->ctxt, node, expr);
}

/* The text of the first node matching @expr, or NULL when absent. */
static char *
xp_text(Reader *r, xmlNodePtr node, const char *expr)
{
    xmlNodePtr found = xp_node(r, node, expr);

    return found ? tck_xml_node_text(found) : NULL;
}

/* All nodes matching @expr, in document order (transfer container). */
static GPtrArray *
xp_nodes(Reader *r, xmlNodePtr node, const char *expr)
{
    return tck_xpath_nodes(r->ctxt, node, expr);
}

static char *
prop(xmlNodePtr node, const char *name)
{
    return tck_xml_prop(node, name);
}

static gboolean
prop_int64(Reader *r, xmlNodePtr node, const char *name, gint64 def, gint64 *out, GError **error)
{
    g_autofree char *v = prop(node, name);

    if (!v) {
        *out = def;
        return TRUE;
    }
    if (!g_ascii_string_to_signed(v, 10, G_MININT64, G_MAXINT64, out, NULL)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT,
                    "%s:%ld: attribute %s='%s' is not an integer",
                    r->origin, xmlGetLineNo(node), name, v);
        return FALSE;
    }
    return TRUE;
}

static gboolean
prop_time(Reader *r, xmlNodePtr node, const char *name, gint64 *out, GError **error)
{
    g_autofree char *v = prop(node, name);

    *out = 0;
    if (v && !tck_time_parse_iso(v, out)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT,
                    "%s:%ld: attribute %s='%s' is not an ISO 8601 time",
                    r->origin, xmlGetLineNo(node), name, v);
        return FALSE;
    }
    return TRUE;
}

static gboolean
prop_status(Reader *r, xmlNodePtr node, TckStatus *out, GError **error)
{
    g_autofree char *v = prop(node, "status");
    int st = v ? tck_status_from_string(v) : -1;

    if (st < 0 || st >= TCK_STATUS_LAST) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT,
                    "%s:%ld: missing or unknown status '%s'",
                    r->origin, xmlGetLineNo(node), v ? v : "");
        return FALSE;
    }
    *out = st;
    return TRUE;
}

static TckCheckResult *
read_check(Reader *r, xmlNodePtr node, GError **error)
{
    g_autoptr(TckCheckResult) check = tck_check_result_new();
    gint64 number;

    if (!prop_int64(r, node, "number", 0, &number, error) ||
        !prop_status(r, node, &check->status, error))
        return NULL;
    if (number < 0 || number > G_MAXUINT) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT,
                    "%s:%ld: check number %" G_GINT64_FORMAT " out of range",
                    r->origin, xmlGetLineNo(node), number);
        return NULL;
    }
    check->number = number;
    check->description = xp_text(r, node, "r:description");
    check->directive_reason = xp_text(r, node, "r:reason");
    check->diagnostics = xp_text(r, node, "r:diagnostics");
    check->known_broken = xp_text(r, node, "r:known-broken");
    return g_steal_pointer(&check);
}

static TckTestResult *
read_test(Reader *r, xmlNodePtr node, GError **error)
{
    g_autofree char *name = prop(node, "name");
    g_autoptr(TckTestResult) test = NULL;
    g_autoptr(GPtrArray) checks = NULL;
    g_autofree char *timed_out = NULL;
    gint64 v;
    guint i;

    if (!name) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT,
                    "%s:%ld: <test> without a name", r->origin, xmlGetLineNo(node));
        return NULL;
    }
    test = tck_test_result_new(name);
    if (xmlHasProp(node, BAD_CAST "area")) {
        g_free(test->area);
        test->area = prop(node, "area");
    }
    if (!prop_status(r, node, &test->status, error) ||
        !prop_time(r, node, "start", &test->start_us, error) ||
        !prop_int64(r, node, "duration-us", 0, &test->duration_us, error) ||
        !prop_int64(r, node, "planned", -1, &test->planned, error))
        return NULL;
    if (!prop_int64(r, node, "exit", 0, &v, error))
        return NULL;
    test->exit_status = v;
    if (!prop_int64(r, node, "signal", 0, &v, error))
        return NULL;
    test->term_signal = v;
    timed_out = prop(node, "timed-out");
    test->timed_out = g_strcmp0(timed_out, "yes") == 0;

    test->path = xp_text(r, node, "r:path");
    test->reason = xp_text(r, node, "r:reason");
    test->known_broken = xp_text(r, node, "r:known-broken");
    test->tap = xp_text(r, node, "r:tap");
    test->log = xp_text(r, node, "r:log");
    test->cleanup_log = xp_text(r, node, "r:cleanup");

    checks = xp_nodes(r, node, "r:check");
    for (i = 0; i < checks->len; i++) {
        TckCheckResult *check = read_check(r, g_ptr_array_index(checks, i), error);

        if (!check)
            return NULL;
        g_ptr_array_add(test->checks, check);
    }
    return g_steal_pointer(&test);
}

static gboolean
read_metadata(Reader *r, xmlNodePtr root, TckRunMeta *meta)
{
    static const struct {
        const char *expr;
        gsize offset;
    } fields[] = {
        { "r:metadata/r:uri", G_STRUCT_OFFSET(TckRunMeta, uri) },
        { "r:metadata/r:driver", G_STRUCT_OFFSET(TckRunMeta, driver) },
        { "r:metadata/r:libvirt-version", G_STRUCT_OFFSET(TckRunMeta, libvirt_version) },
        { "r:metadata/r:daemon-version", G_STRUCT_OFFSET(TckRunMeta, daemon_version) },
        { "r:metadata/r:hypervisor-version", G_STRUCT_OFFSET(TckRunMeta, hypervisor_version) },
        { "r:metadata/r:host-kernel", G_STRUCT_OFFSET(TckRunMeta, host_kernel) },
        { "r:metadata/r:host-arch", G_STRUCT_OFFSET(TckRunMeta, host_arch) },
        { "r:metadata/r:host-distro", G_STRUCT_OFFSET(TckRunMeta, host_distro) },
        { "r:metadata/r:guest-plan", G_STRUCT_OFFSET(TckRunMeta, guest_plan) },
        { "r:metadata/r:config-hash", G_STRUCT_OFFSET(TckRunMeta, config_hash) },
        { "r:metadata/r:config", G_STRUCT_OFFSET(TckRunMeta, config_masked) },
        { "r:metadata/r:capabilities", G_STRUCT_OFFSET(TckRunMeta, capabilities_xml) },
        { "r:metadata/r:sandbox-log", G_STRUCT_OFFSET(TckRunMeta, sandbox_log) },
    };
    guint i;

    for (i = 0; i < G_N_ELEMENTS(fields); i++) {
        char **slot = &G_STRUCT_MEMBER(char *, meta, fields[i].offset);

        g_free(*slot);
        *slot = xp_text(r, root, fields[i].expr);
    }
    return TRUE;
}

TckRun *
tck_report_xml_parse(const char *data, gsize len, const char *origin, GError **error)
{
    g_autoptr(TckRun) run = NULL;
    g_autoptr(GPtrArray) tests = NULL;
    g_autoptr(GPtrArray) stale = NULL;
    g_autofree char *interrupted = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    xmlNodePtr root;
    Reader r = { NULL, origin };
    guint i;

    doc = tck_xml_parse_full(data, (gssize) len, origin, NULL, TCK_REPORT_MAX_BYTES,
                             TCK_XML_PARSE_KEEP_BLANKS, TCK_ERROR_REPORT, error);
    if (!doc)
        return NULL;
    /* tck_xml_parse_full never sets libxml2's huge option (which turns off the
     * entity-amplification check) nor substitutes entities; and a report
     * has no DTD: one that declares anything is refused. */
    if (doc->intSubset || doc->extSubset) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT,
                    "%s: a report has no DOCTYPE; refusing one with a DTD (entities)", origin);
        return NULL;
    }
    root = xmlDocGetRootElement(doc);
    if (!root || !xmlStrEqual(root->name, BAD_CAST "report") || !root->ns ||
        !xmlStrEqual(root->ns->href, BAD_CAST TCK_REPORT_NS)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT,
                    "%s: not a libvirt-tck report (root must be <report xmlns=\"%s\">)",
                    origin, TCK_REPORT_NS);
        return NULL;
    }

    r.ctxt = ctxt = tck_xpath_new(doc);
    xmlXPathRegisterNs(r.ctxt, BAD_CAST "r", BAD_CAST TCK_REPORT_NS);

    run = tck_run_new();
    g_free(run->meta.run_id);
    run->meta.run_id = prop(root, "run-id");
    interrupted = prop(root, "interrupted");
    run->meta.interrupted = g_strcmp0(interrupted, "yes") == 0;
    if (!prop_time(&r, root, "start", &run->meta.start_us, error) ||
        !prop_time(&r, root, "end", &run->meta.end_us, error) ||
        !read_metadata(&r, root, &run->meta))
        return NULL;

    tests = xp_nodes(&r, root, "r:test");
    for (i = 0; i < tests->len; i++) {
        TckTestResult *test = read_test(&r, g_ptr_array_index(tests, i), error);

        if (!test)
            return NULL;
        g_ptr_array_add(run->tests, test);
    }

    stale = xp_nodes(&r, root, "r:stale-known-broken/r:entry");
    if (stale->len > 0) {
        if (!run->known_broken_stale)
            run->known_broken_stale = g_ptr_array_new_with_free_func(g_free);
        for (i = 0; i < stale->len; i++)
            g_ptr_array_add(run->known_broken_stale,
                            tck_xml_node_text(g_ptr_array_index(stale, i)));
    }

    return g_steal_pointer(&run);
}

TckRun *
tck_report_read(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    g_autoptr(GError) local = NULL;

    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND, "%s: no such report or archive", path);
        return NULL;
    }
    if (tck_archive_sniff(path)) {
        TckRun *run;
        g_autofree char *coverage = NULL;
        gsize coverage_len = 0;

        data = tck_archive_read_report(path, &len, error);
        if (!data)
            return NULL;
        run = tck_report_xml_parse(data, len, path, error);
        /* coverage: an archive of a run with --api-coverage carries it beside the report */
        coverage = tck_archive_read_member(path, TCK_COVERAGE_MEMBER, &coverage_len, NULL);
        if (run && coverage)
            run->api_coverage = g_steal_pointer(&coverage);
        return run;
    } else if (!g_file_get_contents(path, &data, &len, &local)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT, "%s: %s", path, local->message);
        return NULL;
    }
    return tck_report_xml_parse(data, len, path, error);
}

/* TRUE when @host names the fleet host whose directory is @dir ("N-NAME"). */
static gboolean
fleet_host_matches(const char *dir, const char *host)
{
    const char *dash = strchr(dir, '-');

    if (g_str_equal(dir, host))
        return TRUE;
    if (!dash)
        return FALSE;
    return (strlen(host) == (gsize) (dash - dir) && strncmp(dir, host, (gsize) (dash - dir)) == 0) ||
           g_str_equal(dash + 1, host);
}

GPtrArray *
tck_report_read_runs(const char *path, const char *host, GError **error)
{
    g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func((GDestroyNotify) tck_run_free);
    g_autoptr(GPtrArray) hosts = NULL;
    g_autoptr(GString) names = g_string_new(NULL);
    gboolean is_fleet = FALSE;
    TckRun *run;

    if (g_file_test(path, G_FILE_TEST_IS_REGULAR) && tck_archive_sniff(path) &&
        !(hosts = tck_archive_read_fleet(path, &is_fleet, error)))
        return NULL;
    if (!is_fleet) {
        if (host) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "%s: --host %s: this is one run's, not a fleet archive",
                        path, host);
            return NULL;
        }
        if (!(run = tck_report_read(path, error)))
            return NULL;
        g_ptr_array_add(runs, run);
        return g_steal_pointer(&runs);
    }
    for (guint i = 0; i < hosts->len; i++) {
        const TckArchiveHostReport *h = g_ptr_array_index(hosts, i);
        g_autofree char *origin = NULL;

        g_string_append_printf(names, "%s%s", names->len ? ", " : "", h->dir);
        if (host && !fleet_host_matches(h->dir, host))
            continue;
        origin = g_strdup_printf("%s:hosts/%s/report.xml", path, h->dir);
        if (!(run = tck_report_xml_parse(h->report, h->len, origin, error)))
            return NULL;
        g_ptr_array_add(runs, run);
    }
    if (!runs->len) {
        if (host)
            g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "%s: no host '%s' in this fleet archive (hosts: %s)",
                        path, host, names->len ? names->str : "none left a report");
        else
            g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT, "%s: a fleet archive in which no host left a report",
                        path);
        return NULL;
    }
    return g_steal_pointer(&runs);
}
