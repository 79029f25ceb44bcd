/*
 * test-report-matrix-api.c — the matrix's C API as a fleet run calls it: an
 * array of in-memory runs with labels.  The fixed report model (every
 * status, hard text) beside a copy with a test less: the labels head the
 * columns, the tests are sorted by name, each cell is its test's or
 * check's status, a missing test is not run, the totals add up, and the page is valid UTF-8 that libxml2's
 * HTML parser reads back without losing a row.
 */
#include <config.h>

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "tck/report-matrix.h"
#include "report-model.h"

static guint
count_nodes(htmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    guint n = obj && obj->nodesetval ? (guint) obj->nodesetval->nodeNr : 0;

    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    return n;
}

static void
test_columns_and_cells(void)
{
    g_autoptr(TckRun) a = test_report_model_new();
    g_autoptr(TckRun) b = test_report_model_new();
    TckMatrixColumn cols[] = { { a, "host-a" }, { b, NULL } };
    g_autoptr(TckMatrix) m = NULL;
    const char *removed;
    guint sum = 0;

    g_ptr_array_remove_index(b->tests, 0);
    removed = ((TckTestResult *) g_ptr_array_index(a->tests, 0))->name;
    m = tck_matrix_build(cols, G_N_ELEMENTS(cols), TCK_MATRIX_ROWS_TESTS);
    g_assert_cmpuint(m->n_columns, ==, 2);
    g_assert_cmpstr(m->labels[0], ==, "host-a");
    g_assert_cmpstr(m->labels[1], ==, b->meta.uri);   /* no label: the URI */
    g_assert_cmpstr(m->drivers[0], ==, a->meta.driver);
    g_assert_cmpstr(m->versions[1], ==, b->meta.libvirt_version);
    g_assert_cmpuint(m->rows->len, ==, a->tests->len);
    for (guint i = 0; i < m->rows->len; i++) {
        const TckMatrixRow *row = g_ptr_array_index(m->rows, i);
        const TckTestResult *t = NULL;

        for (guint j = 0; j < a->tests->len && !t; j++)
            if (g_str_equal(((TckTestResult *) g_ptr_array_index(a->tests, j))->name, row->test))
                t = g_ptr_array_index(a->tests, j);
        g_assert_nonnull(t);
        if (i > 0)   /* tests by name */
            g_assert_cmpint(strcmp(((TckMatrixRow *) g_ptr_array_index(m->rows, i - 1))->test, row->test), <, 0);
        g_assert_null(row->check);
        g_assert_cmpuint(row->cells[0], ==, t->status);
        g_assert_cmpuint(row->cells[1], ==, g_str_equal(t->name, removed) ? TCK_MATRIX_NOT_RUN : t->status);
    }
    for (guint c = 0; c < TCK_MATRIX_CELL_LAST; c++)
        sum += m->totals[1][c];
    g_assert_cmpuint(sum, ==, m->rows->len);
    g_assert_cmpuint(m->totals[1][TCK_MATRIX_NOT_RUN], ==, 1);
    g_assert_cmpuint(m->totals[0][TCK_MATRIX_NOT_RUN], ==, 0);
}

static void
test_checks_and_page(void)
{
    g_autoptr(TckRun) a = test_report_model_new();
    TckMatrixColumn cols[] = { { a, "host-a" }, { a, "host-b" }, { a, "host-c" } };
    g_autoptr(TckMatrix) m = tck_matrix_build(cols, G_N_ELEMENTS(cols), TCK_MATRIX_ROWS_CHECKS);
    g_autofree char *page = tck_report_matrix_to_string(cols, G_N_ELEMENTS(cols), TCK_MATRIX_ROWS_CHECKS);
    htmlDocPtr doc;
    guint checks = 0, whole = 0;

    for (guint i = 0; i < a->tests->len; i++) {
        const TckTestResult *t = g_ptr_array_index(a->tests, i);

        checks += t->checks->len;
        whole += t->checks->len == 0;
    }
    /* a row per check, and one for each test without any */
    g_assert_cmpuint(m->rows->len, ==, checks + whole);
    g_assert_cmpuint(m->totals[2][TCK_MATRIX_NOT_RUN], ==, 0);

    g_assert_true(g_utf8_validate(page, -1, NULL));
    doc = htmlReadMemory(page, strlen(page), "matrix.html", "utf-8",
                         HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    g_assert_nonnull(doc);
    g_assert_cmpuint(count_nodes(doc, "//tbody/tr[@class='row']"), ==, checks + whole);
    g_assert_cmpuint(count_nodes(doc, "//thead/tr/th[@class='col']"), ==, 3);
    g_assert_cmpuint(count_nodes(doc, "//th[@data-column='2']/div[@class='col-label'][.='host-c']"), ==, 1);
    g_assert_cmpuint(count_nodes(doc, "//script"), ==, 0);
    xmlFreeDoc(doc);
}

static void
test_rows_names(void)
{
    g_assert_cmpint(tck_matrix_rows_from_string("tests"), ==, TCK_MATRIX_ROWS_TESTS);
    g_assert_cmpint(tck_matrix_rows_from_string("checks"), ==, TCK_MATRIX_ROWS_CHECKS);
    g_assert_cmpint(tck_matrix_rows_from_string("check"), ==, -1);
    g_assert_cmpint(tck_matrix_rows_from_string(NULL), ==, -1);
    g_assert_cmpstr(tck_matrix_cell_label(TCK_STATUS_XFAIL), ==, "known broken");
    g_assert_cmpstr(tck_matrix_cell_name(TCK_MATRIX_NOT_RUN), ==, "notrun");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/matrix/columns-and-cells", test_columns_and_cells);
    g_test_add_func("/report/matrix/checks-and-page", test_checks_and_page);
    g_test_add_func("/report/matrix/rows-names", test_rows_names);
    return g_test_run();
}
