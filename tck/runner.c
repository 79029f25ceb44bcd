/*
 * runner.c — the scheduler: starts tests in order, up to N at once and
 * never two that share an exclusive resource, waits in one poll() loop
 * (pidfds wake it when a test exits) and hands each finished job to the
 * on-done step.  A job is spawned, supervised and collected in
 * runner-job.c; its ledger is cleaned up in runner-done.c.
 */
#include <config.h>
#include <errno.h>
#include <poll.h>
#include <tck/error.h>
#include "runner.h"
#include "runner-job.h"

static gboolean
holds_resource(GHashTable *held, const TckTestEntry *e)
{
    for (guint i = 0; e->exclusive && e->exclusive[i]; i++)
        if (g_hash_table_contains(held, e->exclusive[i]))
            return TRUE;
    return FALSE;
}

static void
hold(GHashTable *held, const TckTestEntry *e, gboolean take)
{
    for (guint i = 0; e->exclusive && e->exclusive[i]; i++) {
        if (take)
            g_hash_table_add(held, e->exclusive[i]);
        else
            g_hash_table_remove(held, e->exclusive[i]);
    }
}

typedef struct {
    const TckRunnerOptions *opts;
    GPtrArray *tests;
    TckRun *run;
    GPtrArray *running;     /* TckJob*, owned: freed (and killed) on every path */
    GHashTable *held;
    gboolean *started;
    guint next;
} Scheduler;

/* The next test that may start (in order, skipping those whose resource is held), or NULL. */
static TckJob *
pick(Scheduler *s)
{
    for (guint i = s->next; i < s->tests->len; i++) {
        TckTestEntry *e = g_ptr_array_index(s->tests, i);

        if (s->started[i] || holds_resource(s->held, e))
            continue;
        s->started[i] = TRUE;
        while (s->next < s->tests->len && s->started[s->next])
            s->next++;
        return tck_job_new(e, i + 1);
    }
    return NULL;
}

static gboolean
start_what_may_start(Scheduler *s, GError **error)
{
    guint jobs = MAX(1, s->opts->jobs);

    while (s->running->len < jobs) {
        g_autoptr(TckJob) job = pick(s);

        if (!job)
            return TRUE;
        if (!tck_job_start(job, s->opts, error))
            return FALSE;
        hold(s->held, tck_job_entry(job), TRUE);
        if (s->opts->on_progress)
            s->opts->on_progress(tck_job_entry(job)->name, s->opts->on_done_data);
        g_ptr_array_add(s->running, g_steal_pointer(&job));
    }
    return TRUE;
}

static void
complete(Scheduler *s, TckJob *job)
{
    TckTestResult *r = tck_job_collect(job, s->opts);

    hold(s->held, tck_job_entry(job), FALSE);
    tck_runner_job_done(s->opts, tck_job_ledger(job), r);
    g_ptr_array_add(s->run->tests, r);
    if (s->opts->on_done)
        s->opts->on_done(r, s->opts->on_done_data);
}

/* Tests the interruption kept from starting are in the run, as errors:
 * a run that did not run everything never reads as green. */
static void
record_not_started(Scheduler *s)
{
    for (guint i = 0; i < s->tests->len; i++) {
        const TckTestEntry *e = g_ptr_array_index(s->tests, i);
        TckTestResult *r;

        if (s->started[i])
            continue;
        r = tck_test_result_new(e->name);
        r->path = g_strdup(e->path);
        r->status = TCK_STATUS_ERROR;
        r->reason = g_strdup("not run: the run was interrupted");
        r->start_us = g_get_real_time();
        g_ptr_array_add(s->run->tests, r);
    }
}

static gboolean
run_loop(Scheduler *s, GError **error)
{
    for (;;) {
        g_autofree struct pollfd *fds = NULL;
        gint64 now = g_get_monotonic_time();
        gint64 wake = now + 250 * 1000;
        gboolean stopping = s->opts->interrupted && *s->opts->interrupted;
        guint nfds = 0;

        if (!stopping && !start_what_may_start(s, error))
            return FALSE;
        if (s->running->len == 0)
            return TRUE;

        fds = g_new0(struct pollfd, s->running->len * 3);
        for (guint i = 0; i < s->running->len; i++) {
            TckJob *job = g_ptr_array_index(s->running, i);

            tck_job_service(job, now, stopping);
            nfds += tck_job_poll_fds(job, fds + nfds, now, &wake);
        }
        if (poll(fds, nfds, (int) MIN(MAX(0, (wake - now + 999) / 1000), 1000)) < 0 && errno != EINTR) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP, "poll: %s", g_strerror(errno));
            return FALSE;
        }

        if (s->opts->on_progress)
            s->opts->on_progress(NULL, s->opts->on_done_data);
        now = g_get_monotonic_time();
        for (guint i = 0; i < s->running->len;) {
            TckJob *job = g_ptr_array_index(s->running, i);

            tck_job_service(job, now, s->opts->interrupted && *s->opts->interrupted);
            if (!tck_job_finished(job)) {
                i++;
                continue;
            }
            g_ptr_array_steal_index(s->running, i);
            complete(s, job);
            tck_job_free(job);
        }
    }
}

gboolean
tck_runner_run(const TckRunnerOptions *opts, GPtrArray *tests, TckRun *run, GError **error)
{
    g_autoptr(GPtrArray) running = g_ptr_array_new_with_free_func((GDestroyNotify) tck_job_free);
    g_autoptr(GHashTable) held = g_hash_table_new(g_str_hash, g_str_equal);
    g_autofree gboolean *started = g_new0(gboolean, tests->len + 1);
    Scheduler s = { opts, tests, run, running, held, started, 0 };
    gboolean ok = run_loop(&s, error);

    if (opts->interrupted && *opts->interrupted) {
        run->meta.interrupted = TRUE;
        record_not_started(&s);
    }
    /* On an error path, the jobs still running are killed and reaped as they are freed. */
    return ok;
}
