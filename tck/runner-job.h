/*
 * runner-job.h — one test program run as a job: spawned in its own
 * process group (which dies with the harness), supervised (timeout,
 * interruption, output caps) and collected into a TckTestResult.  The
 * scheduler in runner.c owns the jobs; nothing here knows of the others.
 */
#pragma once

#include <poll.h>
#include <glib.h>
#include "runner.h"

typedef struct _TckJob TckJob;

/* Output past this is dropped (and said so): a runaway test must not eat the host. */
#define TCK_JOB_MAX_CAPTURE (64 * 1024 * 1024)

/**
 * tck_job_new:
 * @entry: the test (borrowed: it must outlive the job)
 * @ordinal: the test's position in the run, which makes its directory
 *   name unique whatever its name holds
 */
TckJob *tck_job_new(const TckTestEntry *entry, guint ordinal);

/**
 * tck_job_start:
 * Makes the job's directory (ledger and scratch) under opts->run_dir and
 * spawns the test.  A test that cannot be executed, or whose --describe
 * failed, is not the runner's failure: the job is then finished at once
 * and its result says why.  Returns FALSE (with @error) only when the
 * runner itself cannot work.
 */
gboolean tck_job_start(TckJob *job, const TckRunnerOptions *opts, GError **error);

/* Adds the job's fds to @fds (room for 3) and lowers *wake_us to its next deadline. */
guint tck_job_poll_fds(TckJob *job, struct pollfd *fds, gint64 now_us, gint64 *wake_us);

/**
 * tck_job_service:
 * Sends SIGTERM at the deadline or when @stopping, SIGKILL after the grace,
 * reads what the pipes hold and reaps the test when it has exited.
 */
void tck_job_service(TckJob *job, gint64 now_us, gboolean stopping);

/* The test has exited and its output is read (or given up on). */
gboolean tck_job_finished(TckJob *job);

/* The job's test. */
const TckTestEntry *tck_job_entry(const TckJob *job);

/* The ledger file of the job's test. */
const char *tck_job_ledger(const TckJob *job);

/**
 * tck_job_collect:
 * Turns a finished job's TAP, exit status and stderr into its result.
 * Returns: (transfer full): the result; the job keeps none.
 */
TckTestResult *tck_job_collect(TckJob *job, const TckRunnerOptions *opts);

/**
 * tck_job_free:
 * A job still running (the runner failed) has its process group killed
 * and reaped first: no path leaves a test behind.
 */
void tck_job_free(TckJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckJob, tck_job_free)

/**
 * tck_runner_job_done:
 * The on-done step: whatever @ledger lists goes (through opts->conn), and
 * @result says so.  A ledger that cannot be read is an error of the test,
 * never silently ignored.
 */
void tck_runner_job_done(const TckRunnerOptions *opts, const char *ledger, TckTestResult *result);
