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

/* TRUE when the file starts like a gzip or tar archive. */
gboolean tck_archive_sniff(const char *path);

/* The archive member name of a test's file: "tests/domain/050-x" + @suffix. */
char *tck_archive_test_member(const char *test_name, const char *suffix);

G_END_DECLS
