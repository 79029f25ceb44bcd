/*
 * report.h — the stored forms of a run: the native XML report (writer in
 * format-xml.c, reader in report-read.c) and the JUnit and HTML renderers.
 * The native format is documented by schemas/report.rng.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "results.h"

G_BEGIN_DECLS

#define TCK_REPORT_NS "https://libvirt.org/schemas/tck/report/1"
/* The most of one test stream (TAP, stderr, cleanup) the XML report keeps. */
#define TCK_REPORT_STREAM_MAX (1024 * 1024)

typedef struct _TckCompare TckCompare;
typedef struct _TckFleet TckFleet;   /* fleet.h */

/* The native XML report as a document (transfer full). */
xmlDocPtr tck_report_xml_build(const TckRun *run);

/* The native XML report, serialized and indented (transfer full). */
char *tck_report_xml_to_string(const TckRun *run);

/*
 * tck_report_xml_parse:
 * @data: a native XML report
 * @len: its length
 * @origin: the file it came from, for messages
 * @error: return location (TCK_ERROR_REPORT)
 *
 * Returns: (transfer full): the run, or NULL with @error set.
 */
TckRun *tck_report_xml_parse(const char *data, gsize len, const char *origin, GError **error);

/*
 * tck_report_read:
 * @path: a native XML report or a results archive (.tar.gz) holding one
 * @error: return location (TCK_ERROR_REPORT, TCK_ERROR_NOT_FOUND)
 *
 * Reads a stored run back, without any libvirt connection.
 *
 * Returns: (transfer full): the run, or NULL with @error set.
 */
TckRun *tck_report_read(const char *path, GError **error);

/*
 * tck_report_read_runs:
 * @path: as for tck_report_read(), or a fleet run's archive
 * @host: (nullable): of a fleet archive, only this host: its number or
 *   name, or its directory "N-NAME" under hosts/
 * @error: return location (TCK_ERROR_REPORT, TCK_ERROR_NOT_FOUND;
 *   TCK_ERROR_USAGE when @host names no host, or is given for one run)
 *
 * Returns: (transfer full) (element-type TckRun): the run, or every
 * host's run of a fleet archive (those that left a report), in order;
 * NULL with @error set.
 */
GPtrArray *tck_report_read_runs(const char *path, const char *host, GError **error);

/* JUnit XML as Jenkins and GitLab read it (transfer full). */
char *tck_report_junit_to_string(const TckRun *run);

/* A fleet run's JUnit XML: one testsuite per host, its hostname set (transfer full). */
char *tck_report_junit_fleet_to_string(const TckFleet *fleet);

/*
 * tck_report_html_to_string:
 * @run: the run to show
 * @cmp: (nullable): a comparison whose differences to highlight
 *
 * Returns: (transfer full): one self-contained HTML page.
 */
char *tck_report_html_to_string(const TckRun *run, const TckCompare *cmp);

G_END_DECLS
