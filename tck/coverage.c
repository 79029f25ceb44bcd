/*
 * coverage.c — API coverage from libvirt's client debug log (see
 * coverage.h): the environment for the tests, the picking of entry lines,
 * the per-area table, and `libvirt-tck report coverage`.
 */
#include <config.h>

#include <string.h>

#include <tck/error.h>

#include "xpath.h"
#include "coverage.h"
#include "exit-codes.h"
#include "report.h"

/*
 * Areas of the public API by function-name prefix, first match wins (so
 * "virNodeDevice" comes before "virNode").  Domain is every virDomain*
 * function, snapshots and checkpoints included.
 */
static const struct {
    const char *prefix;
    const char *area;
} tck_api_areas[] = {
    { "virDomain", "Domain" },
    { "virConnect", "Connect" },
    { "virNetwork", "Network" },
    { "virStorage", "Storage" },
    { "virNodeDevice", "NodeDevice" },
    { "virNode", "Node" },
    { "virNWFilter", "NWFilter" },
    { "virInterface", "Interface" },
    { "virSecret", "Secret" },
    { "virStream", "Stream" },
    { "virEvent", "Event" },
    { "virTypedParam", "TypedParams" },
    { "vir", "Other" },
};

/* libvirt's client log: debug messages of the public API's own sources. */
static const char *const tck_coverage_env_vars[] = {
    "LIBVIRT_LOG_FILTERS=1:libvirt 4:*",
    "LIBVIRT_LOG_OUTPUTS=1:stderr",
    NULL,
};

struct _TckApi {
    GPtrArray *functions;     /* char*, in the XML's order */
    GHashTable *area_of;      /* function → area (static string) */
};

static const char *
tck_api_area(const char *function)
{
    for (gsize i = 0; i < G_N_ELEMENTS(tck_api_areas); i++)
        if (g_str_has_prefix(function, tck_api_areas[i].prefix))
            return tck_api_areas[i].area;
    return "Other";
}

TckApi *
tck_api_load(const char *path, GError **error)
{
    g_autoptr(TckApi) api = g_new0(TckApi, 1);
    g_autofree char *data = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_auto(GStrv) names = NULL;
    g_autoptr(GError) local = NULL;
    gsize len = 0;

    if (!path)
        path = g_getenv("TCK_LIBVIRT_API_XML");
    if (!path || !*path)
        path = TCK_LIBVIRT_API_XML;
    if (!g_file_get_contents(path, &data, &len, &local)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND,
                    "cannot read libvirt's API description %s (package libvirt-dev): %s", path, local->message);
        return NULL;
    }
    /* libvirt-api.xml is about 1.5 MiB; tck_xml_parse's cap is for reports. */
    if (!(doc = tck_xml_parse(data, (gssize) len, path, "api", TCK_ERROR_XML, error)))
        return NULL;
    ctxt = tck_xpath_new(doc);
    names = tck_xpath_strv(ctxt, NULL, "/api/symbols/function/@name");
    api->functions = g_ptr_array_new_with_free_func(g_free);
    api->area_of = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; names[i]; i++) {
        if (g_hash_table_contains(api->area_of, names[i]))
            continue;
        g_ptr_array_add(api->functions, g_strdup(names[i]));
        g_hash_table_insert(api->area_of, g_ptr_array_index(api->functions, api->functions->len - 1),
                            (gpointer) tck_api_area(names[i]));
    }
    if (api->functions->len == 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_XML, "%s lists no public function", path);
        return NULL;
    }
    return g_steal_pointer(&api);
}

void
tck_api_free(TckApi *api)
{
    if (!api)
        return;
    if (api->area_of)
        g_hash_table_unref(api->area_of);
    if (api->functions)
        g_ptr_array_unref(api->functions);
    g_free(api);
}

GStrv
tck_coverage_env(void)
{
    return g_strdupv((char **) tck_coverage_env_vars);
}

/*
 * The function a log line enters, or NULL:
 * "2026-12-01 07:52:03.779+0000: 10038: debug : virDomainCreate:123 : dom=…"
 */
static char *
tck_coverage_line_function(const char *line, const TckApi *api)
{
    const char *p = strstr(line, ": debug : ");
    const char *end;
    g_autofree char *name = NULL;

    if (!p)
        return NULL;
    p += strlen(": debug : ");
    for (end = p; g_ascii_isalnum(*end) || *end == '_'; end++)
        ;
    if (end == p || *end != ':')
        return NULL;
    name = g_strndup(p, end - p);
    return g_hash_table_contains(api->area_of, name) ? g_steal_pointer(&name) : NULL;
}

/* TRUE for any line of libvirt's debug log, entry or not: all leave stderr. */
static gboolean
tck_coverage_debug_line(const char *line)
{
    return strstr(line, ": debug : ") != NULL || strstr(line, ": info : libvirt version:") != NULL ||
           strstr(line, ": info : hostname:") != NULL;
}

void
tck_coverage_collect(TckRun *run, const TckApi *api)
{
    g_autoptr(GString) out = g_string_new(NULL);

    for (guint i = 0; i < run->tests->len; i++) {
        TckTestResult *test = g_ptr_array_index(run->tests, i);
        g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        g_autoptr(GString) kept = g_string_new(NULL);
        g_auto(GStrv) lines = NULL;

        if (!test->log)
            continue;
        lines = g_strsplit(test->log, "\n", -1);
        for (guint j = 0; lines[j]; j++) {
            char *function = tck_coverage_line_function(lines[j], api);

            if (function) {
                if (!g_hash_table_contains(seen, function))
                    g_string_append_printf(out, "%s\t%s\n", test->name, function);
                g_hash_table_add(seen, function);
            } else if (!tck_coverage_debug_line(lines[j])) {
                g_string_append(kept, lines[j]);
                if (lines[j + 1])
                    g_string_append_c(kept, '\n');
            }
        }
        g_free(test->log);
        test->log = g_string_free(g_steal_pointer(&kept), FALSE);
    }
    g_free(run->api_coverage);
    run->api_coverage = g_string_free(g_steal_pointer(&out), FALSE);
}

/* Adds the functions of "TEST<TAB>FUNCTION" lines in @coverage to @called. */
static void
tck_coverage_add(GHashTable *called, const char *coverage)
{
    g_auto(GStrv) lines = g_strsplit(coverage ? coverage : "", "\n", -1);

    for (guint i = 0; lines[i]; i++) {
        const char *tab = strchr(lines[i], '\t');

        if (tab && tab[1])
            g_hash_table_add(called, g_strdup(tab + 1));
    }
}

typedef struct {
    const char *area;
    guint called;
    guint total;
} AreaCount;

/* Per area (in the table's order, areas without functions left out), then the total. */
static GArray *
tck_coverage_count(const TckApi *api, GHashTable *called)
{
    GArray *counts = g_array_new(FALSE, TRUE, sizeof(AreaCount));
    AreaCount total = { "TOTAL", 0, 0 };

    for (gsize a = 0; a < G_N_ELEMENTS(tck_api_areas); a++) {
        AreaCount c = { tck_api_areas[a].area, 0, 0 };
        gboolean dup = FALSE;

        for (guint k = 0; k < counts->len; k++)
            dup = dup || g_str_equal(g_array_index(counts, AreaCount, k).area, c.area);
        if (dup)
            continue;
        for (guint i = 0; i < api->functions->len; i++) {
            const char *f = g_ptr_array_index(api->functions, i);

            if (!g_str_equal(g_hash_table_lookup(api->area_of, f), c.area))
                continue;
            c.total++;
            if (g_hash_table_contains(called, f))
                c.called++;
        }
        if (c.total) {
            g_array_append_val(counts, c);
            total.called += c.called;
            total.total += c.total;
        }
    }
    g_array_append_val(counts, total);
    return counts;
}

void
tck_coverage_print_summary(FILE *out, const TckApi *api, const char *coverage)
{
    g_autoptr(GHashTable) called = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GArray) counts = NULL;

    tck_coverage_add(called, coverage);
    counts = tck_coverage_count(api, called);
    fprintf(out, "API coverage:");
    for (guint i = 0; i < counts->len; i++) {
        AreaCount *c = &g_array_index(counts, AreaCount, i);

        fprintf(out, "%s %s %u / %u", i ? "," : "", c->area, c->called, c->total);
    }
    fprintf(out, "\n");
}

xmlNodePtr
tck_coverage_html_section(const TckRun *run)
{
    g_autoptr(TckApi) api = NULL;
    g_autoptr(GHashTable) called = NULL;
    g_autoptr(GArray) counts = NULL;
    xmlNodePtr sec, table, row;

    if (!run->api_coverage || !(api = tck_api_load(NULL, NULL)))
        return NULL;
    called = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    tck_coverage_add(called, run->api_coverage);
    counts = tck_coverage_count(api, called);
    sec = xmlNewNode(NULL, BAD_CAST "section");
    xmlSetProp(sec, BAD_CAST "id", BAD_CAST "api-coverage");
    xmlNewTextChild(sec, NULL, BAD_CAST "h2", BAD_CAST "API coverage");
    table = xmlNewChild(sec, NULL, BAD_CAST "table", NULL);
    row = xmlNewChild(table, NULL, BAD_CAST "tr", NULL);
    xmlNewTextChild(row, NULL, BAD_CAST "th", BAD_CAST "area");
    xmlNewTextChild(row, NULL, BAD_CAST "th", BAD_CAST "called");
    xmlNewTextChild(row, NULL, BAD_CAST "th", BAD_CAST "public functions");
    for (guint i = 0; i < counts->len; i++) {
        AreaCount *c = &g_array_index(counts, AreaCount, i);
        g_autofree char *n = g_strdup_printf("%u", c->called);
        g_autofree char *m = g_strdup_printf("%u", c->total);

        row = xmlNewChild(table, NULL, BAD_CAST "tr", NULL);
        xmlNewTextChild(row, NULL, BAD_CAST "td", BAD_CAST c->area);
        xmlNewTextChild(row, NULL, BAD_CAST "td", BAD_CAST n);
        xmlNewTextChild(row, NULL, BAD_CAST "td", BAD_CAST m);
    }
    return sec;
}

int
tck_cmd_report_coverage(char **archives)
{
    g_autoptr(GHashTable) called = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(TckApi) api = NULL;
    g_autoptr(GArray) counts = NULL;
    const char *last_area = NULL;

    if (!archives || !archives[0]) {
        fprintf(stderr, "libvirt-tck: report coverage: name at least one results archive\n");
        return TCK_EXIT_USAGE;
    }
    if (!(api = tck_api_load(NULL, &error)))
        return tck_exit_report(error);
    for (guint i = 0; archives[i]; i++) {
        g_autoptr(TckRun) run = tck_report_read(archives[i], &error);

        if (!run)
            return tck_exit_report(error);
        if (!run->api_coverage) {
            fprintf(stderr, "libvirt-tck: %s carries no API coverage (run libvirt-tck with --api-coverage)\n",
                    archives[i]);
            return TCK_EXIT_USAGE;
        }
        tck_coverage_add(called, run->api_coverage);
    }

    counts = tck_coverage_count(api, called);
    printf("API coverage over %u run(s):\n", g_strv_length(archives));
    for (guint i = 0; i < counts->len; i++) {
        AreaCount *c = &g_array_index(counts, AreaCount, i);

        printf("%-12s %4u / %u\n", c->area, c->called, c->total);
    }
    printf("\nNever called:\n");
    for (guint a = 0; a + 1 < counts->len; a++) {
        const char *area = g_array_index(counts, AreaCount, a).area;

        for (guint i = 0; i < api->functions->len; i++) {
            const char *f = g_ptr_array_index(api->functions, i);

            if (g_hash_table_contains(called, f) || !g_str_equal(g_hash_table_lookup(api->area_of, f), area))
                continue;
            if (area != last_area)
                printf("  %s:\n", area);
            last_area = area;
            printf("    %s\n", f);
        }
    }
    return TCK_EXIT_OK;
}
