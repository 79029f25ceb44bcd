/*
 * report-run.h — what the run command does for reports beyond printing
 * them: -a/--archive, --known-broken (and the config key known_broken),
 * and --rerun-failed.  cmd-run.c calls these three functions and keeps
 * no report logic of its own.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>

#include <tck/config.h>

#include "known-broken.h"
#include "results.h"

G_BEGIN_DECLS

typedef struct {
    char *archive;              /* -a/--archive FILE.tar.gz */
    char **known_broken;        /* --known-broken FILE, repeatable */
    char *rerun_failed;         /* --rerun-failed RUN */
    GStrv rerun_names;          /* the names that failed in it, or never ran (tck_report_run_prepare) */
    TckKnownBroken *kb;         /* loaded by tck_report_run_prepare() */
} TckReportRunOptions;

/*
 * Adds the run command's report options (-a, --known-broken,
 * --rerun-failed) to its option context; they fill @o.
 */
void tck_report_run_add_options(GOptionContext *ctx, TckReportRunOptions *o);

/*
 * tck_report_run_prepare:
 * @o: the parsed options
 * @config: the loaded config (its known_broken key is read; relative
 *   paths are relative to the config file)
 * @nothing_to_do: (out): TRUE when --rerun-failed found nothing to rerun
 * @error: return location: a bad known-broken file or unreadable run
 *   is refused here, before anything runs
 */
gboolean tck_report_run_prepare(TckReportRunOptions *o, TckConfig *config,
                                gboolean *nothing_to_do, GError **error);

/*
 * tck_report_run_select:
 * @o: the options, after tck_report_run_prepare()
 * @all: (element-type TckTestEntry): the registry
 * @patterns: (nullable): the tests the command line names
 * @error: TCK_ERROR_NOT_FOUND when nothing is left to run
 *
 * The selection: what @patterns name, and with --rerun-failed the tests of
 * the registry whose names the stored run gives.  A stored run is data:
 * its names are matched exactly, never as paths or globs; a name the
 * registry does not know is reported on stderr and not run.
 *
 * Returns: (transfer full) (element-type TckTestEntry): the selection.
 */
GPtrArray *tck_report_run_select(TckReportRunOptions *o, GPtrArray *all, GStrv patterns, GError **error);

/*
 * tck_report_run_test_done:
 * @o: the options
 * @meta: the run's metadata (filled before the run: the entries' conditions use it)
 * @test: a test that just ended
 *
 * Applies the known-broken entries to @test, so that the line shown for
 * it already says xfail/xpass.
 */
void tck_report_run_test_done(TckReportRunOptions *o, const TckRunMeta *meta, TckTestResult *test);

/*
 * tck_report_run_finish:
 * @o: the options
 * @run: the run as it ended (complete, crashed or interrupted); its
 *   metadata gets the masked config, the config hash and the sandbox
 *   daemons' logs (libvirtd.log, virtlogd.log in $TCK_SANDBOX_LOG_DIR,
 *   which libvirt-tck-sandbox sets), then
 *   known-broken entries are applied and the archive is written
 * @config: the config
 * @error: return location
 */
gboolean tck_report_run_finish(TckReportRunOptions *o, TckRun *run, TckConfig *config,
                               GError **error);

/*
 * tck_report_run_record_plan:
 * @run: the run, after its tests ran
 * @run_dir: the run directory, whose test directories hold the plans the
 *   tests used (TCK_PROTOCOL_PLAN_FILE)
 * @conn: the connection, for a run in which no test made a guest
 * @config: the config
 *
 * Sets the run's guest plan to the one the tests used (each distinct plan
 * with its tests, should they differ); when no test made one, the text
 * says so and gives tck_plan_for_connection()'s plan.
 */
void tck_report_run_record_plan(TckRun *run, const char *run_dir, virConnectPtr conn, TckConfig *config);

void tck_report_run_options_clear(TckReportRunOptions *o);

G_END_DECLS
