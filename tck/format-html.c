/*
 * format-html.c — one self-contained HTML page for people: a summary bar,
 * the run's metadata, a table per area with status colours, each failure
 * expanded with its diagnostics and log, filters by status and, for a
 * comparison, the differences highlighted.  No network, no external
 * files: the CSS and script are inline.  Built with libxml2's tree API.
 */
#include <config.h>

#include <string.h>

#include "compare.h"
#include "formats.h"
#include "coverage.h"
#include "report.h"
#include "report-util.h"

static const char html_css[] =
    TCK_HTML_PALETTE_CSS
    "body{font:14px/1.45 system-ui,sans-serif;margin:0;background:var(--bg);color:#212121}\n"
    "header{background:#263238;color:#fff;padding:12px 24px}\n"
    "header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.85}\n"
    "main{padding:12px 24px}h2{font-size:17px;border-bottom:1px solid var(--line);padding-bottom:4px}\n"
    "h3{font-size:15px;margin:18px 0 6px}\n"
    ".bar{display:flex;height:22px;border-radius:4px;overflow:hidden;border:1px solid var(--line)}\n"
    ".bar span{display:block;min-width:2px}\n"
    ".counts{margin:8px 0;display:flex;flex-wrap:wrap;gap:6px}\n"
    ".badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-weight:600;font-size:12px}\n"
    ".st-pass{background:var(--pass)}.st-fail{background:var(--fail)}.st-error{background:var(--error)}\n"
    ".st-skip{background:var(--skip)}.st-xfail{background:var(--xfail)}.st-xpass{background:var(--xpass)}\n"
    ".st-todo{background:var(--todo)}\n"
    ".banner{padding:8px 12px;border-radius:4px;background:#fff3e0;border:1px solid var(--xfail);margin:8px 0}\n"
    "table{border-collapse:collapse;width:100%;background:#fff}\n"
    "th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}\n"
    "th{background:#eceff1}td.num{text-align:right;white-space:nowrap}\n"
    "table.meta th{width:14em}\n"
    "table.tests{table-layout:fixed}table.tests th:nth-child(1){width:38%}\n"
    "table.tests th:nth-child(2){width:7em}table.tests th:nth-child(3){width:8em}\n"
    "table.tests th:nth-child(4){width:7em}\n"
    "tr.test td:first-child{font-family:monospace}\n"
    "tr.row-fail td:first-child,tr.row-error td:first-child{border-left:4px solid var(--fail)}\n"
    "tr.row-xpass td:first-child{border-left:4px solid var(--xpass)}\n"
    "tr.detail td{background:#fffdf7}\n"
    "pre{background:#263238;color:#eceff1;padding:8px;overflow:auto;max-height:24em;white-space:pre-wrap;"
    "word-break:break-all;font-size:12px}\n"
    ".checks{list-style:none;padding:0;margin:4px 0}.checks li{margin:4px 0}\n"
    "#filters label{margin-right:12px;cursor:pointer}\n"
    ".hidden{display:none}\n"
    ".cmp-regression{background:#ffebee}.cmp-fixed{background:#e8f5e9}.cmp-still-failing{background:#fbe9e7}\n"
    ".cmp-newly-skipped{background:#f5f5f5}.cmp-unskipped{background:#e3f2fd}\n"
    ".cmp-added{background:#f1f8e9}.cmp-removed{background:#fce4ec}\n"
    "tr.changed td:first-child{font-weight:700}\n"
    ".cmp-tag{font-size:11px;font-weight:700;text-transform:uppercase;margin-left:6px;color:#b71c1c}\n";

/*
 * Filters: a checkbox per status hides and shows the rows carrying it;
 * "#status=fail,error" in the URL preselects them.  The body gets
 * data-ready="yes" once the script ran through.
 */
static const char html_js[] =
    "(function(){\n"
    "  'use strict';\n"
    "  function apply(){\n"
    "    var shown={};\n"
    "    document.querySelectorAll('#filters input[data-status]').forEach(function(box){\n"
    "      shown[box.getAttribute('data-status')]=box.checked;});\n"
    "    document.querySelectorAll('tr[data-status]').forEach(function(row){\n"
    "      row.classList.toggle('hidden',!shown[row.getAttribute('data-status')]);});\n"
    "    document.querySelectorAll('section.area').forEach(function(sec){\n"
    "      var any=sec.querySelector('tr.test:not(.hidden)');\n"
    "      sec.classList.toggle('hidden',!any);});\n"
    "  }\n"
    "  document.querySelectorAll('#filters input[data-status]').forEach(function(box){\n"
    "    box.addEventListener('change',apply);});\n"
    "  var only=document.getElementById('only-problems');\n"
    "  if(only){only.addEventListener('click',function(){\n"
    "    document.querySelectorAll('#filters input[data-status]').forEach(function(box){\n"
    "      var s=box.getAttribute('data-status');\n"
    "      box.checked=(s==='fail'||s==='error'||s==='xpass');});\n"
    "    apply();});}\n"
    "  var all=document.getElementById('show-all');\n"
    "  if(all){all.addEventListener('click',function(){\n"
    "    document.querySelectorAll('#filters input[data-status]').forEach(function(box){box.checked=true;});\n"
    "    apply();});}\n"
    "  var m=/^#status=([a-z,]+)$/.exec(window.location.hash);\n"
    "  if(m){var want=m[1].split(',');\n"
    "    document.querySelectorAll('#filters input[data-status]').forEach(function(box){\n"
    "      box.checked=want.indexOf(box.getAttribute('data-status'))>=0;});}\n"
    "  apply();\n"
    "  document.body.setAttribute('data-ready','yes');\n"
    "})();\n";

/* Adds <tag class=...>text</tag>; text is sanitized for XML/HTML. */
static xmlNodePtr
el(xmlNodePtr parent, const char *tag, const char *klass, const char *text)
{
    return tck_html_el(parent, tag, klass, text);
}

static xmlNodePtr
badge(xmlNodePtr parent, TckStatus status)
{
    g_autofree char *klass = g_strdup_printf("badge st-%s", tck_status_to_string(status));

    return el(parent, "span", klass, tck_status_to_string(status));
}

static void
add_summary(xmlNodePtr main_el, const TckRun *run)
{
    xmlNodePtr sec = el(main_el, "section", NULL, NULL);
    xmlNodePtr bar, counts, filters;
    guint n[TCK_STATUS_LAST] = { 0 };
    guint i;

    xmlSetProp(sec, BAD_CAST "id", BAD_CAST "summary");
    el(sec, "h2", NULL, "Summary");
    tck_run_count(run, n);
    if (run->meta.interrupted)
        el(sec, "div", "banner", "This run was interrupted: the results below are partial.");

    bar = el(sec, "div", "bar", NULL);
    counts = el(sec, "div", "counts", NULL);
    for (i = 0; i < TCK_STATUS_LAST; i++) {
        g_autofree char *klass = g_strdup_printf("st-%s", tck_status_to_string(i));
        g_autofree char *label = g_strdup_printf("%u %s", n[i], tck_status_to_string(i));
        xmlNodePtr seg;

        if (n[i] == 0)
            continue;
        seg = el(bar, "span", klass, NULL);
        tck_xml_set_propf(seg, "style", "flex-grow:%u", n[i]);
        xmlSetProp(seg, BAD_CAST "title", BAD_CAST label);
        g_free(klass);
        klass = g_strdup_printf("badge st-%s", tck_status_to_string(i));
        el(counts, "span", klass, label);
    }
    {
        g_autofree char *total = g_strdup_printf("%u tests", run->tests->len);

        el(counts, "span", NULL, total);
    }

    filters = el(sec, "div", NULL, NULL);
    xmlSetProp(filters, BAD_CAST "id", BAD_CAST "filters");
    el(filters, "strong", NULL, "Show: ");
    for (i = 0; i < TCK_STATUS_LAST; i++) {
        xmlNodePtr label = el(filters, "label", NULL, NULL);
        xmlNodePtr box = el(label, "input", NULL, NULL);
        g_autofree char *text = g_strdup_printf(" %s (%u)", tck_status_to_string(i), n[i]);

        xmlSetProp(box, BAD_CAST "type", BAD_CAST "checkbox");
        xmlSetProp(box, BAD_CAST "data-status", BAD_CAST tck_status_to_string(i));
        xmlSetProp(box, BAD_CAST "checked", BAD_CAST "checked");
        xmlAddChild(label, xmlNewText(BAD_CAST text));
    }
    xmlSetProp(el(filters, "button", NULL, "Only problems"), BAD_CAST "id", BAD_CAST "only-problems");
    xmlSetProp(el(filters, "button", NULL, "Show all"), BAD_CAST "id", BAD_CAST "show-all");
}

static void
meta_row(xmlNodePtr table, const char *key, const char *value)
{
    xmlNodePtr tr;

    if (!value)
        return;
    tr = el(table, "tr", NULL, NULL);
    el(tr, "th", NULL, key);
    el(tr, "td", NULL, value);
}

static void
meta_block(xmlNodePtr sec, const char *title, const char *text)
{
    xmlNodePtr det;

    if (!text)
        return;
    det = el(sec, "details", NULL, NULL);
    el(det, "summary", NULL, title);
    el(det, "pre", NULL, text);
}

static void
add_metadata(xmlNodePtr main_el, const TckRun *run)
{
    const TckRunMeta *m = &run->meta;
    xmlNodePtr sec = el(main_el, "section", NULL, NULL);
    xmlNodePtr table;
    g_autofree char *start = tck_time_format_human(m->start_us);
    g_autofree char *end = tck_time_format_human(m->end_us);
    g_autofree char *span = tck_duration_format(m->end_us - m->start_us);

    xmlSetProp(sec, BAD_CAST "id", BAD_CAST "metadata");
    el(sec, "h2", NULL, "Run");
    table = el(sec, "table", "meta", NULL);
    meta_row(table, "Run id", m->run_id);
    meta_row(table, "URI", m->uri);
    meta_row(table, "Driver", m->driver);
    meta_row(table, "libvirt library", m->libvirt_version);
    meta_row(table, "libvirt daemon", m->daemon_version);
    meta_row(table, "Hypervisor", m->hypervisor_version);
    meta_row(table, "Host kernel", m->host_kernel);
    meta_row(table, "Host arch", m->host_arch);
    meta_row(table, "Host distro", m->host_distro);
    meta_row(table, "Config hash", m->config_hash);
    meta_row(table, "Started", start);
    meta_row(table, "Ended", end);
    meta_row(table, "Duration", span);
    meta_row(table, "Interrupted", m->interrupted ? "yes" : "no");
    meta_block(sec, "Guest plan", m->guest_plan);
    meta_block(sec, "Config (secrets masked)", m->config_masked);
    meta_block(sec, "Capabilities XML", m->capabilities_xml);
    meta_block(sec, "Sandbox daemon log", m->sandbox_log);
}

static guint
count_checks(const TckTestResult *test, gboolean passed_only)
{
    guint i, n = 0;

    for (i = 0; i < test->checks->len; i++) {
        const TckCheckResult *c = g_ptr_array_index(test->checks, i);

        if (!passed_only || c->status == TCK_STATUS_PASS || c->status == TCK_STATUS_XPASS)
            n++;
    }
    return n;
}

/* The expanded row under a test that did not simply pass. */
static void
add_detail(xmlNodePtr tbody, const TckTestResult *test, const char *status)
{
    gboolean problem = tck_status_is_failure(test->status) || test->status == TCK_STATUS_XPASS;
    xmlNodePtr tr = el(tbody, "tr", "detail", NULL);
    xmlNodePtr td = el(tr, "td", NULL, NULL);
    xmlNodePtr det = el(td, "details", NULL, NULL);
    xmlNodePtr list = NULL;
    guint i;

    xmlSetProp(tr, BAD_CAST "data-status", BAD_CAST status);
    xmlSetProp(td, BAD_CAST "colspan", BAD_CAST "5");
    if (problem)
        xmlSetProp(det, BAD_CAST "open", BAD_CAST "open");
    el(det, "summary", NULL, test->status == TCK_STATUS_XPASS ? "Known broken, but passed"
                              : problem ? "Failure details" : "Details");
    if (test->reason)
        el(det, "p", NULL, test->reason);
    if (test->known_broken) {
        g_autofree char *kb = g_strdup_printf("Known broken: %s", test->known_broken);

        el(det, "p", NULL, kb);
    }
    for (i = 0; i < test->checks->len; i++) {
        const TckCheckResult *c = g_ptr_array_index(test->checks, i);
        g_autofree char *line = NULL;
        xmlNodePtr li;

        if (c->status == TCK_STATUS_PASS)
            continue;
        if (!list)
            list = el(det, "ul", "checks", NULL);
        li = el(list, "li", NULL, NULL);
        badge(li, c->status);
        line = g_strdup_printf(" %u - %s%s%s", c->number, c->description ? c->description : "",
                               c->directive_reason ? " — " : "",
                               c->directive_reason ? c->directive_reason : "");
        {
            g_autofree char *clean = tck_xml_text_sanitize(line);

            xmlAddChild(li, xmlNewText(BAD_CAST clean));
        }
        if (c->known_broken) {
            g_autofree char *kb = g_strdup_printf("Known broken: %s", c->known_broken);

            el(li, "div", NULL, kb);
        }
        if (c->diagnostics)
            el(li, "pre", NULL, c->diagnostics);
    }
    if (test->log && *test->log) {
        el(det, "h4", NULL, "stderr");
        el(det, "pre", "log", test->log);
    }
    if (test->tap && *test->tap) {
        xmlNodePtr tap = el(det, "details", NULL, NULL);

        el(tap, "summary", NULL, "Raw TAP");
        el(tap, "pre", NULL, test->tap);
    }
    if (test->cleanup_log) {
        el(det, "h4", NULL, "Cleanup");
        el(det, "pre", NULL, test->cleanup_log);
    }
}

static void
add_test_row(xmlNodePtr tbody, const TckTestResult *test, const TckCompare *cmp)
{
    const char *status = tck_status_to_string(test->status);
    g_autofree char *klass = g_strdup_printf("test row-%s", status);
    /* Out of the plan, not of the checks seen: a crash after 1 of 3 reads "1/3". */
    guint seen = count_checks(test, FALSE);
    guint of = test->planned > (gint64)seen ? (guint)test->planned : seen;
    g_autofree char *checks = g_strdup_printf("%u/%u", count_checks(test, TRUE), of);
    g_autofree char *time = tck_duration_format(test->duration_us);
    TckCmpClass cls = cmp ? tck_compare_test_class(cmp, test->name) : TCK_CMP_UNCHANGED;
    xmlNodePtr tr, name_td;

    if (cls != TCK_CMP_UNCHANGED) {
        g_autofree char *more = g_strdup_printf("%s changed cmp-%s", klass,
                                                tck_cmp_class_to_string(cls));

        g_free(klass);
        klass = g_steal_pointer(&more);
    }
    tr = el(tbody, "tr", klass, NULL);
    xmlSetProp(tr, BAD_CAST "data-status", BAD_CAST status);
    name_td = el(tr, "td", NULL, test->name);
    if (cls != TCK_CMP_UNCHANGED)
        el(name_td, "span", "cmp-tag", tck_cmp_class_to_string(cls));
    badge(el(tr, "td", NULL, NULL), test->status);
    el(tr, "td", "num", checks);
    el(tr, "td", "num", time);
    el(tr, "td", NULL, test->reason ? test->reason : "");

    if (test->status != TCK_STATUS_PASS)
        add_detail(tbody, test, status);
}

static void
add_results(xmlNodePtr main_el, const TckRun *run, const TckCompare *cmp)
{
    static const char *headings[] = { "Test", "Status", "Checks passed", "Time", "Reason" };
    xmlNodePtr sec = el(main_el, "section", NULL, NULL);
    g_autoptr(GPtrArray) areas = g_ptr_array_new();
    guint a, i, h;

    xmlSetProp(sec, BAD_CAST "id", BAD_CAST "results");
    el(sec, "h2", NULL, "Results by area");
    /* Areas in order of first appearance. */
    for (i = 0; i < run->tests->len; i++) {
        const TckTestResult *t = g_ptr_array_index(run->tests, i);
        const char *area = t->area ? t->area : "(other)";

        if (!g_ptr_array_find_with_equal_func(areas, area, g_str_equal, NULL))
            g_ptr_array_add(areas, (gpointer) area);
    }
    for (a = 0; a < areas->len; a++) {
        const char *area = g_ptr_array_index(areas, a);
        xmlNodePtr asec = el(sec, "section", "area", NULL);
        xmlNodePtr table, thead, tbody;

        xmlSetProp(asec, BAD_CAST "data-area", BAD_CAST area);
        el(asec, "h3", NULL, area);
        table = el(asec, "table", "tests", NULL);
        thead = el(el(table, "thead", NULL, NULL), "tr", NULL, NULL);
        for (h = 0; h < G_N_ELEMENTS(headings); h++)
            el(thead, "th", NULL, headings[h]);
        tbody = el(table, "tbody", NULL, NULL);
        for (i = 0; i < run->tests->len; i++) {
            const TckTestResult *t = g_ptr_array_index(run->tests, i);

            if (g_str_equal(t->area ? t->area : "(other)", area))
                add_test_row(tbody, t, cmp);
        }
    }
    if (run->tests->len == 0)
        el(sec, "p", NULL, "No test ran.");
}

static void
add_comparison(xmlNodePtr main_el, const TckCompare *cmp)
{
    xmlNodePtr sec = el(main_el, "section", NULL, NULL);
    xmlNodePtr counts, table, tr;
    guint c, i;

    xmlSetProp(sec, BAD_CAST "id", BAD_CAST "comparison");
    el(sec, "h2", NULL, "Changes since the base run");
    {
        /* Name both runs, as the text comparison does. */
        const TckRunMeta *b = &cmp->base->meta, *n = &cmp->new_run->meta;
        g_autofree char *bstart = tck_time_format_human(b->start_us);
        g_autofree char *nstart = tck_time_format_human(n->start_us);
        g_autofree char *runs = g_strdup_printf("Base run %s on %s, %s, %u tests; new run %s on %s, %s, %u tests.",
                                                b->run_id ? b->run_id : "?", b->uri ? b->uri : "?", bstart,
                                                cmp->base->tests->len, n->run_id ? n->run_id : "?",
                                                n->uri ? n->uri : "?", nstart, cmp->new_run->tests->len);
        xmlNodePtr p = el(sec, "p", "cmp-runs", runs);

        xmlSetProp(p, BAD_CAST "id", BAD_CAST "base-run");
    }
    counts = el(sec, "div", "counts", NULL);
    for (c = TCK_CMP_REGRESSION; c < TCK_CMP_LAST; c++) {
        g_autofree char *label = g_strdup_printf("%u %s", cmp->counts[c], tck_cmp_class_to_string(c));
        g_autofree char *klass = g_strdup_printf("badge cmp-%s", tck_cmp_class_to_string(c));
        xmlNodePtr b = el(counts, "span", klass, label);

        xmlSetProp(b, BAD_CAST "style", BAD_CAST "color:#212121");
    }
    table = el(sec, "table", "cmp", NULL);
    tr = el(el(table, "thead", NULL, NULL), "tr", NULL, NULL);
    el(tr, "th", NULL, "Change");
    el(tr, "th", NULL, "Test");
    el(tr, "th", NULL, "Check");
    el(tr, "th", NULL, "Base");
    el(tr, "th", NULL, "New");
    tr = el(table, "tbody", NULL, NULL);
    for (c = TCK_CMP_REGRESSION; c < TCK_CMP_LAST; c++) {
        for (i = 0; i < cmp->items->len; i++) {
            const TckCmpItem *it = g_ptr_array_index(cmp->items, i);
            g_autofree char *klass = NULL;
            g_autofree char *check = NULL;
            xmlNodePtr row;

            if (it->cls != c)
                continue;
            klass = g_strdup_printf("changed cmp-%s", tck_cmp_class_to_string(c));
            check = it->number ? g_strdup_printf("%u - %s", it->number,
                                                 it->description ? it->description : "")
                               : g_strdup("(test program)");
            row = el(tr, "tr", klass, NULL);
            el(row, "td", NULL, tck_cmp_class_title(c));
            el(row, "td", NULL, it->test);
            el(row, "td", NULL, check);
            if (it->in_base)
                badge(el(row, "td", NULL, NULL), it->base_status);
            else
                el(row, "td", NULL, "—");
            if (it->in_new)
                badge(el(row, "td", NULL, NULL), it->new_status);
            else
                el(row, "td", NULL, "—");
        }
    }
    if (cmp->timings->len > 0) {
        el(sec, "h3", NULL, "Big timing changes");
        table = el(sec, "table", "cmp", NULL);
        tr = el(el(table, "thead", NULL, NULL), "tr", NULL, NULL);
        el(tr, "th", NULL, "Test");
        el(tr, "th", NULL, "Base");
        el(tr, "th", NULL, "New");
        tr = el(table, "tbody", NULL, NULL);
        for (i = 0; i < cmp->timings->len; i++) {
            const TckCmpTiming *t = g_ptr_array_index(cmp->timings, i);
            g_autofree char *b = tck_duration_format(t->base_us);
            g_autofree char *n = tck_duration_format(t->new_us);
            xmlNodePtr row = el(tr, "tr", NULL, NULL);

            el(row, "td", NULL, t->test);
            el(row, "td", "num", b);
            el(row, "td", "num", n);
        }
    }
}

static void
add_stale(xmlNodePtr main_el, const TckRun *run)
{
    xmlNodePtr sec, list;
    guint i;

    if (!run->known_broken_stale || run->known_broken_stale->len == 0)
        return;
    sec = el(main_el, "section", NULL, NULL);
    xmlSetProp(sec, BAD_CAST "id", BAD_CAST "stale");
    el(sec, "h2", NULL, "Stale known-broken entries (matched nothing in this run)");
    list = el(sec, "ul", NULL, NULL);
    for (i = 0; i < run->known_broken_stale->len; i++)
        el(list, "li", NULL, g_ptr_array_index(run->known_broken_stale, i));
}

char *
tck_report_html_to_string(const TckRun *run, const TckCompare *cmp)
{
    xmlDocPtr doc;
    xmlNodePtr body, header, main_el;
    g_autofree char *title = g_strdup_printf("libvirt-tck report%s%s",
                                             run->meta.run_id ? " " : "",
                                             run->meta.run_id ? run->meta.run_id : "");
    g_autofree char *start = tck_time_format_human(run->meta.start_us);
    g_autofree char *sub = g_strdup_printf("%s%s%s · %s",
                                           run->meta.uri ? run->meta.uri : "(unknown URI)",
                                           run->meta.driver ? " · driver " : "",
                                           run->meta.driver ? run->meta.driver : "", start);

    doc = tck_html_page_new(title, html_css, &body);
    header = el(body, "header", NULL, NULL);
    el(header, "h1", NULL, cmp ? "libvirt-tck comparison" : "libvirt-tck report");
    el(header, "p", NULL, sub);
    main_el = el(body, "main", NULL, NULL);

    add_summary(main_el, run);
    if (cmp)
        add_comparison(main_el, cmp);
    add_results(main_el, run, cmp);
    add_stale(main_el, run);
    {
        xmlNodePtr coverage = tck_coverage_html_section(run);

        if (coverage)
            xmlAddChild(main_el, coverage);
    }
    add_metadata(main_el, run);
    el(body, "script", NULL, html_js);

    return tck_html_page_finish(doc);
}

gboolean
tck_format_html(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error)
{
    g_autofree char *text = tck_report_html_to_string(run, NULL);

    return tck_format_write_string(text, out, "html", error);
}

/* A comparison: the new run's page with the changes listed and highlighted. */
gboolean
tck_format_compare_html(const TckCompare *cmp, const TckFormatOptions *opts, FILE *out, GError **error)
{
    g_autofree char *text = tck_report_html_to_string(cmp->new_run, cmp);

    return tck_format_write_string(text, out, "html", error);
}
