/*
 * report-archive.h — the results archive: one .tar.gz (libarchive) holding a run's
 * native XML report, metadata, capabilities, masked config, sandbox daemon
 * log, and each test's raw TAP and stderr.
 *
 * Layout, under one top directory "libvirt-tck-RUNID/":
 *   report.xml             the native XML report (schemas/report.rng)
 *   metadata.txt           "key: value" lines, for people and grep
 *   capabilities.xml       when known
 *   guest-plan.txt         when known
 *   config.txt             the config with secrets masked, when known
 *   daemon.log             the sandbox daemon's log, when there was one
 *   tests/AREA/NAME.tap    each test's raw stdout (TAP)
 *   tests/AREA/NAME.stderr each test's raw stderr
 *   tests/AREA/NAME.cleanup what the harness removed after it, when anything
 *
 * A fleet run's archive (tck_archive_write_fleet) holds every host, under
 * one top directory "libvirt-tck-fleet-FLEETID/":
 *   fleet.txt              one line per host: its number, URI, host name,
 *                          driver, run id, counts and, for a host whose run
 *                          is incomplete, why
 *   hosts/N-HOSTNAME/      that host's members, laid out as above (report.xml,
 *                          metadata.txt, tests/...), and harness.log: what its
 *                          harness printed (header, progress, closing line)
 */
#pragma once

#include <glib.h>

#include "results.h"

G_BEGIN_DECLS

/*
 * tck_archive_write:
 * @run: the run, complete or partial (interrupted runs are stored as such)
 * @path: the .tar.gz to write; written to a temporary name and renamed
 * @error: return location
 *
 * Returns: TRUE on success.
 */
gboolean tck_archive_write(const TckRun *run, const char *path, GError **error);

/* One host of a fleet archive. */
typedef struct {
    const char *dir;           /* "N-HOSTNAME": its directory under hosts/ (made safe) */
    const TckRun *run;         /* NULL when its harness left no report */
    const char *harness_log;   /* may be NULL */
} TckArchiveHost;

/*
 * tck_archive_write_fleet:
 * @fleet_id: names the top directory
 * @index_text: fleet.txt
 * @hosts: (array length=n_hosts): every host of the fleet
 * @path: the .tar.gz to write; written to a temporary name and renamed
 *
 * Returns: TRUE on success.
 */
gboolean tck_archive_write_fleet(const char *fleet_id, const char *index_text, const TckArchiveHost *hosts,
                                 guint n_hosts, const char *path, GError **error);

/*
 * tck_archive_read_report:
 * @path: a results archive
 * @len: (out): length of the returned data
 * @error: return location (TCK_ERROR_REPORT when it is no results archive)
 *
 * Returns: (transfer full): the bytes of its report.xml, or NULL.
 */
char *tck_archive_read_report(const char *path, gsize *len, GError **error);

/*
 * tck_archive_read_member:
 * Like tck_archive_read_report(), for any top-level member ("report.xml",
 * "api-coverage.txt"); a missing member is TCK_ERROR_REPORT.
 */
char *tck_archive_read_member(const char *path, const char *member, gsize *len, GError **error);

/* One host's report in a fleet archive. */
typedef struct {
    char *dir;                 /* "N-HOSTNAME", its directory under hosts/ */
    char *report;              /* the bytes of its report.xml */
    gsize len;
} TckArchiveHostReport;

void tck_archive_host_report_free(TckArchiveHostReport *h);

/*
 * tck_archive_read_fleet:
 * @path: a results archive
 * @is_fleet: (out): whether it is a fleet's (it has fleet.txt at its top)
 *
 * Returns: (transfer full) (element-type TckArchiveHostReport): the
 * report of each host that left one, in the archive's order (empty for an
 * archive that is not a fleet's), or NULL with @error set when the archive
 * cannot be read.
 */
GPtrArray *tck_archive_read_fleet(const char *path, gboolean *is_fleet, GError **error);

/* TRUE when the file starts like a gzip or tar archive. */
gboolean tck_archive_sniff(const char *path);

/* The archive member name of a test's file: "tests/domain/050-x" + @suffix. */
char *tck_archive_test_member(const char *test_name, const char *suffix);

G_END_DECLS
