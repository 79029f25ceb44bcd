/*
 * report-matrix.h — many runs side by side: a matrix of runs (columns, each
 * a host/URI, driver and libvirt version) by tests or by checks (rows),
 * every cell one status, as an HTML table.  `libvirt-tck report matrix`
 * renders stored runs with it; a fleet run can render its hosts with it.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "results.h"

G_BEGIN_DECLS

/* What a row of the matrix is. */
typedef enum {
    TCK_MATRIX_ROWS_TESTS,    /* one row per test program, its status */
    TCK_MATRIX_ROWS_CHECKS,   /* one row per check ("API / condition"), grouped by test */
    TCK_MATRIX_ROWS_LAST
} TckMatrixRows;

/* "tests", "checks"; -1 for anything else. */
int tck_matrix_rows_from_string(const char *str);
const char *tck_matrix_rows_to_string(TckMatrixRows rows);

/*
 * A cell's status: a TckStatus, or TCK_MATRIX_NOT_RUN where the run has
 * no such test (or, by checks, the test ran without reaching that check).
 */
#define TCK_MATRIX_NOT_RUN TCK_STATUS_LAST
#define TCK_MATRIX_CELL_LAST (TCK_STATUS_LAST + 1)

/* The words a cell shows for @cell ("pass", "known broken", "not run", ...). */
const char *tck_matrix_cell_label(guint cell);
/* The cell's class name: a status name ("xfail"), or "notrun". */
const char *tck_matrix_cell_name(guint cell);

/* One column: a run and what to call it. */
typedef struct {
    const TckRun *run;         /* borrowed for the call */
    const char *label;         /* (nullable) e.g. a fleet host's name; default the run's URI */
} TckMatrixColumn;

typedef struct {
    char *test;                /* "errors/020-domain-contracts" */
    char *check;               /* "virDomainLookupByName / no such object"; NULL by tests */
    guint *cells;              /* n_columns cell statuses */
    char **notes;              /* n_columns (nullable) reasons, known-broken entries */
} TckMatrixRow;

typedef struct {
    TckMatrixRows mode;
    guint n_columns;
    char **labels;             /* n_columns headings */
    char **uris;               /* n_columns (nullable) */
    char **drivers;            /* n_columns (nullable) */
    char **versions;           /* n_columns (nullable) libvirt library versions */
    GPtrArray *rows;           /* TckMatrixRow*: tests by name, each test's checks in the order it ran them */
    guint (*totals)[TCK_MATRIX_CELL_LAST];  /* n_columns: cells of each kind */
} TckMatrix;

/*
 * tck_matrix_build:
 * @columns: the runs, one column each, in order
 * @n_columns: how many (at least one)
 * @rows: tests or checks
 *
 * Lines the runs up: a row for each test (or check of a test) any run
 * has, tests sorted by name, a cell for each run.  By checks a check is known by its
 * description within its test (the second of two alike is "#2"); a
 * whole test that was skipped shows its checks as skipped.
 *
 * Returns: (transfer full): the matrix; it copies what it keeps.
 */
TckMatrix *tck_matrix_build(const TckMatrixColumn *columns, guint n_columns, TckMatrixRows rows);
void tck_matrix_free(TckMatrix *matrix);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckMatrix, tck_matrix_free)

/*
 * tck_matrix_html_section:
 * @matrix: what tck_matrix_build() made
 *
 * The matrix as <section id="matrix">: a legend, then one table (a column
 * per run, a row per test or check, coloured cells, totals per column in
 * its footer), to add to a page of the caller's.  The page's style needs
 * tck_matrix_css.
 *
 * Returns: (transfer full): an unlinked element.
 */
xmlNodePtr tck_matrix_html_section(const TckMatrix *matrix);

/* The style sheet tck_matrix_html_section() needs (the palette included). */
extern const char tck_matrix_css[];

/*
 * tck_report_matrix_to_string:
 * @columns: the runs, one column each
 * @n_columns: how many (at least one)
 * @rows: tests or checks
 *
 * Returns: (transfer full): one self-contained HTML page of the matrix.
 */
char *tck_report_matrix_to_string(const TckMatrixColumn *columns, guint n_columns, TckMatrixRows rows);

G_END_DECLS
