/*
 * coverage.h — API coverage: which of libvirt's public functions the tests
 * of a run called.  Each test process logs the entry of every public
 * function (libvirt's client debug log, on its stderr); the harness picks
 * those lines out, keeps "TEST<TAB>FUNCTION" lines with the run (and its
 * archive, as api-coverage.txt), and weighs them against the public API
 * that libvirt-api.xml lists, area by area.
 */
#pragma once

#include <stdio.h>
#include <glib.h>
#include <libxml/tree.h>

#include "results.h"

G_BEGIN_DECLS

/* Where libvirt-dev puts its API description; $TCK_LIBVIRT_API_XML overrides. */
#define TCK_LIBVIRT_API_XML "/usr/share/libvirt/api/libvirt-api.xml"

/* The archive member that carries a run's coverage. */
#define TCK_COVERAGE_MEMBER "api-coverage.txt"

typedef struct _TckApi TckApi;

/**
 * tck_api_load:
 * @path: (nullable): libvirt-api.xml; NULL for $TCK_LIBVIRT_API_XML or
 *   TCK_LIBVIRT_API_XML
 * @error: return location (TCK_ERROR_NOT_FOUND naming the file and the
 *   package, or TCK_ERROR_XML)
 *
 * Returns: (transfer full): libvirt's public functions by area.
 */
TckApi *tck_api_load(const char *path, GError **error);
void tck_api_free(TckApi *api);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckApi, tck_api_free)

/*
 * The environment that makes a test process log each public function it
 * enters on its stderr: "KEY=VALUE" strings for TckRunnerOptions.extra_env.
 */
GStrv tck_coverage_env(void);

/**
 * tck_coverage_collect:
 * @run: a finished run whose tests ran with tck_coverage_env()
 * @api: the public API
 *
 * Moves the entry lines of public functions out of each test's stderr
 * into run->api_coverage ("TEST<TAB>FUNCTION" lines, each pair once),
 * leaving the rest of the log as it was.
 */
void tck_coverage_collect(TckRun *run, const TckApi *api);

/**
 * tck_coverage_print_summary:
 * One line: "API coverage: Domain N / M, ..., TOTAL N / M".
 */
void tck_coverage_print_summary(FILE *out, const TckApi *api, const char *coverage);

/* An HTML <section> with the per-area table, or NULL when @run has no coverage. */
xmlNodePtr tck_coverage_html_section(const TckRun *run);

/* libvirt-tck report coverage ARCHIVE...: the union of the runs' coverage. */
int tck_cmd_report_coverage(char **archives);

G_END_DECLS
