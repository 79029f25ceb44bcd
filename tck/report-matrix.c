/*
 * report-matrix.c — runs side by side: the matrix model (which status each
 * run gave each test or check) and its HTML table, built with libxml2's
 * tree API so that every name, URI and reason is escaped by the serializer.
 */
#include <config.h>

#include <string.h>

#include "report-matrix.h"
#include "report-util.h"

static const char *const rows_names[TCK_MATRIX_ROWS_LAST] = {
    [TCK_MATRIX_ROWS_TESTS] = "tests",
    [TCK_MATRIX_ROWS_CHECKS] = "checks",
};

int
tck_matrix_rows_from_string(const char *str)
{
    for (int i = 0; i < TCK_MATRIX_ROWS_LAST; i++)
        if (g_strcmp0(rows_names[i], str) == 0)
            return i;
    return -1;
}

const char *
tck_matrix_rows_to_string(TckMatrixRows rows)
{
    return rows < TCK_MATRIX_ROWS_LAST ? rows_names[rows] : "?";
}

/* What a cell says, by status; the class names come from the status table. */
static const char *const cell_labels[TCK_MATRIX_CELL_LAST] = {
    [TCK_STATUS_PASS] = "pass",
    [TCK_STATUS_FAIL] = "fail",
    [TCK_STATUS_SKIP] = "skip",
    [TCK_STATUS_ERROR] = "error",
    [TCK_STATUS_XFAIL] = "known broken",
    [TCK_STATUS_XPASS] = "known broken, passed",
    [TCK_STATUS_TODO] = "todo",
    [TCK_MATRIX_NOT_RUN] = "not run",
};

const char *
tck_matrix_cell_label(guint cell)
{
    return cell < TCK_MATRIX_CELL_LAST ? cell_labels[cell] : "?";
}

const char *
tck_matrix_cell_name(guint cell)
{
    return cell == TCK_MATRIX_NOT_RUN ? "notrun" : tck_status_to_string(cell);
}

const char tck_matrix_css[] =
    TCK_HTML_PALETTE_CSS
    "body{font:14px/1.45 system-ui,sans-serif;margin:0;background:var(--bg);color:#212121}\n"
    "header{background:#263238;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}\n"
    "main{padding:12px 24px}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}\n"
    "table.matrix{border-collapse:collapse;background:#fff}\n"
    "table.matrix th,table.matrix td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}\n"
    "table.matrix thead th{background:#eceff1;position:sticky;top:0}\n"
    "th.col div{font-weight:400;font-size:12px}th.col div.col-label{font-weight:700;font-size:14px}\n"
    "tr.group th{background:#f5f5f5;font-family:monospace}\n"
    "th.rowname{font-weight:400;font-family:monospace}\n"
    ".cell{color:#fff;font-weight:600;font-size:12px;white-space:nowrap;text-align:center}\n"
    "span.cell{display:inline-block;padding:1px 8px;border-radius:10px}\n"
    ".st-pass{background:var(--pass)}.st-fail{background:var(--fail)}.st-error{background:var(--error)}"
    ".st-skip{background:var(--skip)}.st-xfail{background:var(--xfail)}.st-xpass{background:var(--xpass)}"
    ".st-todo{background:var(--todo)}\n"
    ".st-notrun{background:#fff;color:#9e9e9e;border:1px dashed #bdbdbd}\n"
    "table.matrix td.cell{text-align:center}\n"
    "table.matrix tfoot th,table.matrix tfoot td{background:#eceff1}table.matrix tfoot td{text-align:right}\n";

/* The rows of one test, by check key, in order of first appearance. */
typedef struct {
    char *test;
    GPtrArray *rows;        /* TckMatrixRow* (owned by the matrix) */
    GHashTable *by_key;     /* check key -> TckMatrixRow* */
} Group;

static void
group_free(Group *g)
{
    g_free(g->test);
    g_ptr_array_unref(g->rows);
    g_hash_table_unref(g->by_key);
    g_free(g);
}

static void
row_free(TckMatrixRow *row, guint n_columns)
{
    g_free(row->test);
    g_free(row->check);
    g_free(row->cells);
    for (guint i = 0; i < n_columns; i++)
        g_free(row->notes[i]);
    g_free(row->notes);
    g_free(row);
}

static TckMatrixRow *
row_new(const char *test, const char *check, guint n_columns)
{
    TckMatrixRow *row = g_new0(TckMatrixRow, 1);

    row->test = g_strdup(test);
    row->check = g_strdup(check);
    row->cells = g_new(guint, n_columns);
    for (guint i = 0; i < n_columns; i++)
        row->cells[i] = TCK_MATRIX_NOT_RUN;
    row->notes = g_new0(char *, n_columns);
    return row;
}

/* @test's group, made on first sight. */
static Group *
group_for(GPtrArray *groups, GHashTable *by_test, const char *test)
{
    Group *g = g_hash_table_lookup(by_test, test);

    if (!g) {
        g = g_new0(Group, 1);
        g->test = g_strdup(test);
        g->rows = g_ptr_array_new();
        g->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        g_ptr_array_add(groups, g);
        g_hash_table_insert(by_test, g->test, g);
    }
    return g;
}

/* The row @key (NULL: the whole test) of @test's group, made on first sight. */
static TckMatrixRow *
row_for(GPtrArray *groups, GHashTable *by_test, const char *test, const char *key,
        guint n_columns)
{
    Group *g = group_for(groups, by_test, test);
    TckMatrixRow *row;

    if ((row = g_hash_table_lookup(g->by_key, key ? key : "")))
        return row;
    row = row_new(test, key, n_columns);
    g_ptr_array_add(g->rows, row);
    g_hash_table_insert(g->by_key, g_strdup(key ? key : ""), row);
    return row;
}

/* Why a cell is what it is: the known-broken entry, a reason, or NULL. */
static char *
note_for(const char *known_broken, const char *reason)
{
    if (known_broken && reason)
        return g_strdup_printf("%s (%s)", reason, known_broken);
    return g_strdup(known_broken ? known_broken : reason);
}

/* Sets one cell (a run naming a test twice: the last one counts). */
static void
set_cell(TckMatrixRow *row, guint col, guint cell, char *note)
{
    row->cells[col] = cell;
    g_free(row->notes[col]);
    row->notes[col] = note;
}

/*
 * A check's key within its test: its description, "#N" when it has none,
 * and "DESCRIPTION #2" for the second check of that description.
 */
static char *
check_key(const TckCheckResult *c, GHashTable *seen)
{
    const char *desc = c->description && *c->description ? c->description : NULL;
    g_autofree char *base = desc ? g_strdup(desc) : g_strdup_printf("#%u", c->number);
    guint n = GPOINTER_TO_UINT(g_hash_table_lookup(seen, base)) + 1;

    g_hash_table_insert(seen, g_strdup(base), GUINT_TO_POINTER(n));
    return n == 1 ? g_steal_pointer(&base) : g_strdup_printf("%s #%u", base, n);
}

static void
add_test_cells(GPtrArray *groups, GHashTable *by_test, const TckTestResult *t, guint col,
               guint n_columns, TckMatrixRows mode)
{
    g_autoptr(GHashTable) seen = NULL;
    TckMatrixRow *row;

    if (mode == TCK_MATRIX_ROWS_TESTS) {
        row = row_for(groups, by_test, t->name, NULL, n_columns);
        set_cell(row, col, t->status, note_for(t->known_broken, t->reason));
        return;
    }
    group_for(groups, by_test, t->name);
    seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < t->checks->len; i++) {
        const TckCheckResult *c = g_ptr_array_index(t->checks, i);
        g_autofree char *key = check_key(c, seen);

        row = row_for(groups, by_test, t->name, key, n_columns);
        set_cell(row, col, c->status, note_for(c->known_broken, c->directive_reason));
    }
}

/*
 * By checks, a test that ran in this column but has no such check: a
 * skipped test skipped all of them; otherwise they were not run (the
 * test's reason says why, e.g. it crashed before them).  A test without
 * a check in any run (skipped or broken everywhere) keeps one row of its
 * own, so that it never drops out of the matrix.
 */
static void
fill_missing_checks(GPtrArray *groups, GHashTable *by_test, const TckRun *run, guint col,
                    guint n_columns)
{
    for (guint i = 0; i < run->tests->len; i++) {
        const TckTestResult *t = g_ptr_array_index(run->tests, i);
        Group *g = g_hash_table_lookup(by_test, t->name);

        if (g->rows->len == 0 || (g->rows->len == 1 && !((TckMatrixRow *) g->rows->pdata[0])->check)) {
            TckMatrixRow *row = row_for(groups, by_test, t->name, NULL, n_columns);

            set_cell(row, col, t->status, note_for(t->known_broken, t->reason));
            continue;
        }
        for (guint j = 0; j < g->rows->len; j++) {
            TckMatrixRow *row = g_ptr_array_index(g->rows, j);

            if (row->cells[col] != TCK_MATRIX_NOT_RUN || row->notes[col])
                continue;
            set_cell(row, col, t->status == TCK_STATUS_SKIP ? TCK_STATUS_SKIP : TCK_MATRIX_NOT_RUN,
                     note_for(t->known_broken, t->reason));
        }
    }
}

static gint
compare_groups(gconstpointer a, gconstpointer b)
{
    const Group *ga = *(const Group *const *) a, *gb = *(const Group *const *) b;

    return strcmp(ga->test, gb->test);
}

TckMatrix *
tck_matrix_build(const TckMatrixColumn *columns, guint n_columns, TckMatrixRows rows)
{
    TckMatrix *m = g_new0(TckMatrix, 1);
    g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func((GDestroyNotify) group_free);
    g_autoptr(GHashTable) by_test = g_hash_table_new(g_str_hash, g_str_equal);

    m->mode = rows;
    m->n_columns = n_columns;
    m->labels = g_new0(char *, n_columns + 1);
    m->uris = g_new0(char *, n_columns + 1);
    m->drivers = g_new0(char *, n_columns + 1);
    m->versions = g_new0(char *, n_columns + 1);
    m->totals = g_malloc0_n(n_columns, sizeof *m->totals);
    m->rows = g_ptr_array_new();

    for (guint col = 0; col < n_columns; col++) {
        const TckRun *run = columns[col].run;

        m->labels[col] = g_strdup(columns[col].label ? columns[col].label
                                  : run->meta.uri ? run->meta.uri : "(unknown URI)");
        m->uris[col] = g_strdup(run->meta.uri);
        m->drivers[col] = g_strdup(run->meta.driver);
        m->versions[col] = g_strdup(run->meta.libvirt_version);
        for (guint i = 0; i < run->tests->len; i++)
            add_test_cells(groups, by_test, g_ptr_array_index(run->tests, i), col, n_columns, rows);
    }
    if (rows == TCK_MATRIX_ROWS_CHECKS) {
        for (guint col = 0; col < n_columns; col++)
            fill_missing_checks(groups, by_test, columns[col].run, col, n_columns);
    }

    /* Tests by name (runs finish them in any order), checks as the tests ran them. */
    g_ptr_array_sort(groups, compare_groups);
    for (guint i = 0; i < groups->len; i++) {
        Group *g = g_ptr_array_index(groups, i);

        for (guint j = 0; j < g->rows->len; j++) {
            TckMatrixRow *row = g_ptr_array_index(g->rows, j);

            for (guint col = 0; col < n_columns; col++) {
                m->totals[col][MIN(row->cells[col], (guint) TCK_MATRIX_NOT_RUN)]++;
                if (!row->notes[col] && row->cells[col] == TCK_MATRIX_NOT_RUN)
                    row->notes[col] = g_strdup("not in this run");
            }
            g_ptr_array_add(m->rows, row);
        }
    }
    return m;
}

void
tck_matrix_free(TckMatrix *m)
{
    if (!m)
        return;
    for (guint i = 0; i < m->rows->len; i++)
        row_free(g_ptr_array_index(m->rows, i), m->n_columns);
    g_ptr_array_unref(m->rows);
    g_strfreev(m->labels);
    for (guint i = 0; i < m->n_columns; i++) {
        g_free(m->uris[i]);
        g_free(m->drivers[i]);
        g_free(m->versions[i]);
    }
    g_free(m->uris);
    g_free(m->drivers);
    g_free(m->versions);
    g_free(m->totals);
    g_free(m);
}

/* A coloured cell (or legend entry) for @cell, as <TAG class="cell st-NAME">. */
static xmlNodePtr
cell_el(xmlNodePtr parent, const char *tag, guint cell)
{
    g_autofree char *klass = g_strdup_printf("cell st-%s", tck_matrix_cell_name(cell));
    xmlNodePtr node = tck_html_el(parent, tag, klass, tck_matrix_cell_label(cell));

    xmlSetProp(node, BAD_CAST "data-cell", BAD_CAST tck_matrix_cell_name(cell));
    return node;
}

static void
add_legend(xmlNodePtr sec)
{
    xmlNodePtr legend = tck_html_el(sec, "div", "legend", NULL);

    tck_html_el(legend, "strong", NULL, "Legend:");
    for (guint c = 0; c < TCK_MATRIX_CELL_LAST; c++)
        cell_el(legend, "span", c);
}

/* A column's heading: its label, then URI, driver and libvirt version. */
static void
add_heading(xmlNodePtr tr, const TckMatrix *m, guint col)
{
    xmlNodePtr th = tck_html_el(tr, "th", "col", NULL);

    tck_xml_set_propf(th, "data-column", "%u", col);
    tck_html_el(th, "div", "col-label", m->labels[col]);
    if (m->uris[col] && !g_str_equal(m->uris[col], m->labels[col]))
        tck_html_el(th, "div", "col-uri", m->uris[col]);
    if (m->drivers[col]) {
        g_autofree char *driver = g_strdup_printf("driver %s", m->drivers[col]);

        tck_html_el(th, "div", "col-driver", driver);
    }
    if (m->versions[col]) {
        g_autofree char *version = g_strdup_printf("libvirt %s", m->versions[col]);

        tck_html_el(th, "div", "col-version", version);
    }
}

/* Sets an attribute to @value, made XML-safe (the serializer escapes it). */
static void
set_text_prop(xmlNodePtr node, const char *name, const char *value)
{
    g_autofree char *clean = tck_xml_text_sanitize(value);

    xmlSetProp(node, BAD_CAST name, BAD_CAST clean);
}

static void
add_row(xmlNodePtr tbody, const TckMatrix *m, const TckMatrixRow *row)
{
    xmlNodePtr tr = tck_html_el(tbody, "tr", "row", NULL);

    set_text_prop(tr, "data-test", row->test);
    if (row->check)
        set_text_prop(tr, "data-check", row->check);
    tck_html_el(tr, "th", "rowname", row->check ? row->check
                : m->mode == TCK_MATRIX_ROWS_CHECKS ? "(the whole test: no check ran anywhere)" : row->test);
    for (guint col = 0; col < m->n_columns; col++) {
        xmlNodePtr td = cell_el(tr, "td", row->cells[col]);

        if (row->notes[col])
            set_text_prop(td, "title", row->notes[col]);
    }
}

/* The footer: per column, how many cells of each kind (kinds no column has are left out). */
static void
add_totals(xmlNodePtr table, const TckMatrix *m)
{
    xmlNodePtr tfoot = tck_html_el(table, "tfoot", NULL, NULL);
    xmlNodePtr tr;

    for (guint c = 0; c < TCK_MATRIX_CELL_LAST; c++) {
        guint any = 0;

        for (guint col = 0; col < m->n_columns; col++)
            any += m->totals[col][c];
        if (!any)
            continue;
        tr = tck_html_el(tfoot, "tr", "total", NULL);
        xmlSetProp(tr, BAD_CAST "data-cell", BAD_CAST tck_matrix_cell_name(c));
        cell_el(tck_html_el(tr, "th", NULL, NULL), "span", c);
        for (guint col = 0; col < m->n_columns; col++) {
            g_autofree char *n = g_strdup_printf("%u", m->totals[col][c]);

            tck_html_el(tr, "td", "num", n);
        }
    }
    tr = tck_html_el(tfoot, "tr", "total", NULL);
    xmlSetProp(tr, BAD_CAST "data-cell", BAD_CAST "all");
    tck_html_el(tr, "th", NULL, m->mode == TCK_MATRIX_ROWS_CHECKS ? "checks" : "tests");
    for (guint col = 0; col < m->n_columns; col++) {
        g_autofree char *n = g_strdup_printf("%u", m->rows->len);

        tck_html_el(tr, "td", "num", n);
    }
}

xmlNodePtr
tck_matrix_html_section(const TckMatrix *m)
{
    xmlNodePtr sec = xmlNewNode(NULL, BAD_CAST "section");
    xmlNodePtr table, tr, tbody;
    const char *last_test = NULL;
    g_autofree char *title = g_strdup_printf("%u %s on %u run%s", m->rows->len,
                                             tck_matrix_rows_to_string(m->mode), m->n_columns,
                                             m->n_columns == 1 ? "" : "s");

    xmlSetProp(sec, BAD_CAST "id", BAD_CAST "matrix");
    xmlSetProp(sec, BAD_CAST "data-rows", BAD_CAST tck_matrix_rows_to_string(m->mode));
    tck_html_el(sec, "h2", NULL, title);
    add_legend(sec);
    table = tck_html_el(sec, "table", "matrix", NULL);
    tr = tck_html_el(tck_html_el(table, "thead", NULL, NULL), "tr", NULL, NULL);
    tck_html_el(tr, "th", NULL, m->mode == TCK_MATRIX_ROWS_CHECKS ? "Check" : "Test");
    for (guint col = 0; col < m->n_columns; col++)
        add_heading(tr, m, col);
    tbody = tck_html_el(table, "tbody", NULL, NULL);
    for (guint i = 0; i < m->rows->len; i++) {
        const TckMatrixRow *row = g_ptr_array_index(m->rows, i);

        /* By checks, a heading row names the test its checks belong to. */
        if (m->mode == TCK_MATRIX_ROWS_CHECKS && g_strcmp0(last_test, row->test) != 0) {
            xmlNodePtr th = tck_html_el(tck_html_el(tbody, "tr", "group", NULL), "th", NULL, row->test);

            tck_xml_set_propf(th, "colspan", "%u", m->n_columns + 1);
            last_test = row->test;
        }
        add_row(tbody, m, row);
    }
    add_totals(table, m);
    if (m->rows->len == 0)
        tck_html_el(sec, "p", NULL, "No test ran in any of the runs.");
    return sec;
}

char *
tck_report_matrix_to_string(const TckMatrixColumn *columns, guint n_columns, TckMatrixRows rows)
{
    g_autoptr(TckMatrix) m = tck_matrix_build(columns, n_columns, rows);
    g_autofree char *title = g_strdup_printf("libvirt-tck matrix: %u run%s by %s", n_columns,
                                             n_columns == 1 ? "" : "s",
                                             tck_matrix_rows_to_string(rows));
    xmlNodePtr body;
    xmlDocPtr doc = tck_html_page_new(title, tck_matrix_css, &body);
    xmlNodePtr header = tck_html_el(body, "header", NULL, NULL);

    tck_html_el(header, "h1", NULL, title);
    xmlAddChild(tck_html_el(body, "main", NULL, NULL), tck_matrix_html_section(m));
    return tck_html_page_finish(doc);
}
