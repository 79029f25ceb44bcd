/*
 * fleet-report.c — the text and native XML reports of a fleet run, and
 * its archive: every host's own report, then one line per host and the
 * total; the HTML page: the hosts, then a host × test matrix
 * (report-matrix.h).  The JUnit form (a testsuite per host) is in
 * format-junit.c.
 */
#include <config.h>

#include <libxml/tree.h>
#include <tck/error.h>

#include "fleet.h"
#include "formats.h"
#include "report.h"
#include "report-archive.h"
#include "report-matrix.h"
#include "report-util.h"

/* The closing lines: one per host, then the total over the fleet. */
static void
host_lines(const TckFleet *fleet, FILE *out)
{
    guint passed, failed, skipped;
    guint bad = tck_fleet_failed_hosts(fleet);

    fprintf(out, "\n");
    for (guint i = 0; i < fleet->hosts->len; i++) {
        g_autofree char *line = tck_fleet_host_line(g_ptr_array_index(fleet->hosts, i));

        fprintf(out, "%s\n", line);
    }
    if (fleet->interrupted)
        fprintf(out, "The run was interrupted.\n");
    tck_fleet_totals(fleet, &passed, &failed, &skipped);
    fprintf(out, "Total over %u host%s: %u passed, %u failed, %u skipped", fleet->hosts->len,
            fleet->hosts->len == 1 ? "" : "s", passed, failed, skipped);
    if (bad)
        fprintf(out, "; %u host%s incomplete", bad, bad == 1 ? "" : "s");
    fprintf(out, "\n");
}

gboolean
tck_format_text_fleet(const TckFleet *fleet, const TckFormatOptions *opts, FILE *out, GError **error)
{
    for (guint i = 0; i < fleet->hosts->len; i++) {
        const TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);

        fprintf(out, "\n== host %u: %s (%s, driver %s, run %s)\n", h->index, h->masked_uri, h->hostname,
                h->driver ? h->driver : "?", h->run_id);
        if (h->failure)
            fprintf(out, "INCOMPLETE: %s\n", h->failure);
        /* the live lines were relayed host by host: a host's section repeats only its failures */
        if (!tck_format_text(h->run, opts, out, error))
            return FALSE;
    }
    host_lines(fleet, out);
    return tck_format_write_string("", out, "text", error);
}

/*
 * <fleet id=...> holding a <host> per host (index, uri, hostname, driver,
 * run-id, failure when incomplete), each with that host's native <report>.
 */
gboolean
tck_format_xml_fleet(const TckFleet *fleet, const TckFormatOptions *opts, FILE *out, GError **error)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "fleet");
    xmlNsPtr ns = xmlNewNs(root, BAD_CAST TCK_REPORT_NS, NULL);
    g_autofree char *text = NULL;

    xmlSetNs(root, ns);
    xmlDocSetRootElement(doc, root);
    xmlSetProp(root, BAD_CAST "id", BAD_CAST fleet->id);
    if (fleet->interrupted)
        xmlSetProp(root, BAD_CAST "interrupted", BAD_CAST "yes");
    for (guint i = 0; i < fleet->hosts->len; i++) {
        const TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);
        xmlNodePtr host = xmlNewChild(root, ns, BAD_CAST "host", NULL);
        xmlDocPtr report = tck_report_xml_build(h->run);
        g_autofree char *hostname = tck_xml_text_sanitize(h->hostname);

        tck_xml_set_propf(host, "index", "%u", h->index);
        xmlSetProp(host, BAD_CAST "uri", BAD_CAST h->masked_uri);
        xmlSetProp(host, BAD_CAST "hostname", BAD_CAST hostname);
        xmlSetProp(host, BAD_CAST "driver", BAD_CAST (h->driver ? h->driver : "unknown"));
        xmlSetProp(host, BAD_CAST "run-id", BAD_CAST h->run_id);
        if (h->failure) {
            g_autofree char *why = tck_xml_text_sanitize(h->failure);

            xmlSetProp(host, BAD_CAST "failure", BAD_CAST why);
        }
        xmlAddChild(host, xmlDocCopyNode(xmlDocGetRootElement(report), doc, 1));
        xmlFreeDoc(report);
    }
    xmlReconciliateNs(doc, root);
    text = tck_xml_doc_to_string(doc);
    return tck_format_write_string(text, out, "xml", error);
}

char *
tck_fleet_index_text(const TckFleet *fleet)
{
    g_autoptr(GString) s = g_string_new(NULL);

    g_string_append_printf(s, "fleet %s: %u hosts\n", fleet->id, fleet->hosts->len);
    for (guint i = 0; i < fleet->hosts->len; i++) {
        const TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);
        g_autofree char *line = tck_fleet_host_line(h);

        g_string_append_printf(s, "%s\n  in hosts/%s/\n", line, h->dir);
    }
    return g_string_free(g_steal_pointer(&s), FALSE);
}

gboolean
tck_fleet_archive_write(const TckFleet *fleet, const char *path, GError **error)
{
    g_autofree TckArchiveHost *hosts = g_new0(TckArchiveHost, fleet->hosts->len);
    g_autofree char *index = tck_fleet_index_text(fleet);

    for (guint i = 0; i < fleet->hosts->len; i++) {
        const TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);

        hosts[i].dir = h->dir;
        hosts[i].run = h->run;
        hosts[i].harness_log = h->harness_log;
    }
    return tck_archive_write_fleet(fleet->id, index, hosts, fleet->hosts->len, path, error);
}

/* The page's own style, after the matrix's (which has the palette). */
static const char hosts_css[] =
    "#hosts table{border-collapse:collapse;margin:.5em 0}"
    "#hosts th,#hosts td{border:1px solid var(--line);padding:.2em .6em;text-align:left}"
    "#hosts tr.incomplete td{background:#fde0dc}"
    "#hosts td.why{color:var(--fail);font-weight:bold}\n";

static void
add_cell(xmlNodePtr row, const char *tag, const char *klass, const char *fmt, ...) G_GNUC_PRINTF(4, 5);

static void
add_cell(xmlNodePtr row, const char *tag, const char *klass, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *text = NULL;

    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    tck_html_el(row, tag, klass, text);
}

/* <section id="hosts">: a row per host, an incomplete one with why. */
static void
add_hosts_section(xmlNodePtr parent, const TckFleet *fleet)
{
    xmlNodePtr section = tck_html_el(parent, "section", NULL, NULL);
    xmlNodePtr table, head;
    static const char *const columns[] = {
        "host", "name", "URI", "driver", "run id", "passed", "failed", "skipped", "state",
    };

    xmlSetProp(section, BAD_CAST "id", BAD_CAST "hosts");
    tck_html_el(section, "h2", NULL, "Hosts");
    table = tck_html_el(section, "table", NULL, NULL);
    head = tck_html_el(table, "tr", NULL, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(columns); i++)
        tck_html_el(head, "th", NULL, columns[i]);
    for (guint i = 0; i < fleet->hosts->len; i++) {
        const TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);
        xmlNodePtr row = tck_html_el(table, "tr", h->failure ? "incomplete" : NULL, NULL);
        guint passed, failed, skipped;

        tck_format_totals(h->run, &passed, &failed, &skipped);
        add_cell(row, "td", NULL, "%u", h->index);
        tck_html_el(row, "td", NULL, h->hostname);
        tck_html_el(row, "td", NULL, h->masked_uri);
        tck_html_el(row, "td", NULL, h->driver ? h->driver : "?");
        tck_html_el(row, "td", NULL, h->run_id);
        add_cell(row, "td", NULL, "%u", passed);
        add_cell(row, "td", NULL, "%u", failed);
        add_cell(row, "td", NULL, "%u", skipped);
        if (h->failure)
            add_cell(row, "td", "why", "incomplete: %s", h->failure);
        else
            tck_html_el(row, "td", NULL, "complete");
    }
}

gboolean
tck_format_html_fleet(const TckFleet *fleet, const TckFormatOptions *opts, FILE *out, GError **error)
{
    guint n = fleet->hosts->len;
    g_autofree TckMatrixColumn *columns = g_new0(TckMatrixColumn, n);
    g_auto(GStrv) labels = g_new0(char *, n + 1);
    g_autoptr(TckMatrix) matrix = NULL;
    g_autofree char *title = g_strdup_printf("libvirt-tck fleet run %s: %u host%s", fleet->id, n,
                                             n == 1 ? "" : "s");
    g_autofree char *css = g_strconcat(tck_matrix_css, hosts_css, NULL);
    g_autofree char *text = NULL;
    g_autofree char *totals = NULL;
    xmlNodePtr body, header, main_el;
    xmlDocPtr doc;
    guint passed, failed, skipped;
    guint bad = tck_fleet_failed_hosts(fleet);

    for (guint i = 0; i < n; i++) {
        const TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);

        labels[i] = g_strdup_printf("host %u: %s", h->index, h->hostname);
        columns[i].run = h->run;
        columns[i].label = labels[i];
    }
    matrix = tck_matrix_build(columns, n, TCK_MATRIX_ROWS_TESTS);
    tck_fleet_totals(fleet, &passed, &failed, &skipped);
    totals = g_strdup_printf("Total over %u host%s: %u passed, %u failed, %u skipped%s", n, n == 1 ? "" : "s",
                             passed, failed, skipped, bad ? "; some hosts are incomplete (see Hosts)" : "");
    doc = tck_html_page_new(title, css, &body);
    header = tck_html_el(body, "header", NULL, NULL);
    tck_html_el(header, "h1", NULL, title);
    tck_html_el(header, "p", NULL, totals);
    main_el = tck_html_el(body, "main", NULL, NULL);
    add_hosts_section(main_el, fleet);
    xmlAddChild(main_el, tck_matrix_html_section(matrix));
    text = tck_html_page_finish(doc);
    return tck_format_write_string(text, out, "html", error);
}
