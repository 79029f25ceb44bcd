/*
 * runner.c — one process group per test, a timeout, N in parallel with
 * exclusive resources respected, TAP read from each, and ledger cleanup
 * after each.  A single poll() loop; pidfds wake it when a test exits.
 */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <tck/error.h>
#include <tck/ledger.h>
#include <tck/protocol.h>
#include "fs-util.h"
#include "runner.h"
#include "results-from-tap.h"
#include "tap-parser.h"

extern char **environ;

/* Output past this is dropped (and said so): a runaway test must not eat the host. */
#define MAX_CAPTURE (64 * 1024 * 1024)
/* After SIGTERM at the timeout, how long before SIGKILL. */
#define KILL_GRACE_US (2 * G_USEC_PER_SEC)

typedef struct {
    TckTestEntry *entry;
    TckTestResult *result;
    pid_t pid;
    int pidfd;
    int out_fd;
    int err_fd;
    GString *out;
    GString *err;
    gboolean out_truncated;
    gint64 deadline_us;
    gint64 kill_at_us;       /* when SIGKILL follows SIGTERM, 0 if not yet */
    gboolean timed_out;
    gboolean interrupted;
    gboolean reaped;
    gint64 reaped_at_us;
    int wait_status;
    char *dir;
    char *ledger;
} Job;

static void
job_free(Job *job)
{
    if (!job)
        return;
    if (job->pidfd >= 0)
        close(job->pidfd);
    if (job->out_fd >= 0)
        close(job->out_fd);
    if (job->err_fd >= 0)
        close(job->err_fd);
    if (job->out)
        g_string_free(job->out, TRUE);
    if (job->err)
        g_string_free(job->err, TRUE);
    tck_test_result_free(job->result);
    g_free(job->dir);
    g_free(job->ledger);
    g_free(job);
}

static int
open_pidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    return -1;
#endif
}

/* A per-test directory name: "domain/050-x" -> "domain-050-x". */
static char *
job_dir_name(const char *name)
{
    g_autofree char *s = g_strdup(name);
    for (char *p = s; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.')
            *p = '-';
    return g_steal_pointer(&s);
}

static char **
build_env(const TckRunnerOptions *opts, Job *job, const char *scratch)
{
    g_auto(GStrv) env = g_get_environ();
    char **extra;

    env = g_environ_setenv(env, TCK_ENV_RUN_ID, opts->run_id, TRUE);
    env = g_environ_setenv(env, TCK_ENV_TEST_NAME, job->entry->name, TRUE);
    env = g_environ_setenv(env, TCK_ENV_LEDGER, job->ledger, TRUE);
    env = g_environ_setenv(env, TCK_ENV_SCRATCH_DIR, scratch, TRUE);
    if (opts->uri)
        env = g_environ_setenv(env, TCK_ENV_URI, opts->uri, TRUE);
    if (opts->config_path)
        env = g_environ_setenv(env, TCK_ENV_CONFIG, opts->config_path, TRUE);
    else
        env = g_environ_unsetenv(env, TCK_ENV_CONFIG);
    for (extra = opts->extra_env; extra && *extra; extra++) {
        g_autofree char *key = g_strdup(*extra);
        char *eq = strchr(key, '=');
        if (!eq)
            continue;
        *eq = '\0';
        env = g_environ_setenv(env, key, eq + 1, TRUE);
    }
    return g_steal_pointer(&env);
}

static gboolean
job_start(const TckRunnerOptions *opts, Job *job, GError **error)
{
    g_autofree char *scratch = NULL;
    g_auto(GStrv) env = NULL;
    g_autofree char *dirname = job_dir_name(job->entry->name);
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    sigset_t none, defaults;
    int out[2], err[2], rc;
    const char *argv_exec[] = { job->entry->path, NULL };
    const char *argv_perl[] = { "perl", job->entry->path, NULL };
    const char *const *argv = argv_exec;

    job->dir = g_build_filename(opts->run_dir, dirname, NULL);
    scratch = g_build_filename(job->dir, "scratch", NULL);
    job->ledger = g_build_filename(job->dir, "ledger", NULL);
    if (g_mkdir_with_parents(scratch, 0755) < 0) {
        int e = errno;
        g_set_error(error, TCK_ERROR, tck_error_from_errno(e), "cannot create %s: %s", scratch, g_strerror(e));
        return FALSE;
    }
    /* Guests' consoles are written by the hypervisor's user: let it reach them. */
    g_chmod(job->dir, 0755);
    g_chmod(scratch, 0755);
    env = build_env(opts, job, scratch);

    /* An upstream Perl .t script without its own #! line runs under perl, as prove does. */
    if (g_str_has_suffix(job->entry->path, ".t") && !tck_fs_starts_with(job->entry->path, "#!", 2))
        argv = argv_perl;

    if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP, "cannot make pipes: %s", g_strerror(errno));
        return FALSE;
    }
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    posix_spawnattr_init(&attr);
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGCHLD);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    job->result->start_us = g_get_real_time();
    rc = posix_spawnp(&job->pid, argv[0], &fa, &attr, (char *const *)argv, env);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    close(out[1]);
    close(err[1]);
    job->out_fd = out[0];
    job->err_fd = err[0];
    fcntl(job->out_fd, F_SETFL, O_NONBLOCK);
    fcntl(job->err_fd, F_SETFL, O_NONBLOCK);
    if (rc != 0) {
        /* Not the runner's failure: this test cannot run.  Record it. */
        job->reaped = TRUE;
        job->wait_status = -1;
        g_string_append_printf(job->err, "cannot execute %s: %s\n", job->entry->path, g_strerror(rc));
        return TRUE;
    }
    job->pidfd = open_pidfd(job->pid);
    job->deadline_us = g_get_monotonic_time() + (gint64)opts->timeout_s * G_USEC_PER_SEC;
    return TRUE;
}

/* Read what is there; returns FALSE at EOF (the fd is then closed). */
static gboolean
drain(int *fd, GString *buf, gboolean *truncated)
{
    char chunk[65536];

    for (;;) {
        ssize_t n = read(*fd, chunk, sizeof(chunk));
        if (n > 0) {
            if (buf->len + n <= MAX_CAPTURE) {
                g_string_append_len(buf, chunk, n);
            } else if (truncated && !*truncated) {
                *truncated = TRUE;
            }
            continue;
        }
        if (n < 0 && (errno == EINTR))
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return TRUE;
        close(*fd);
        *fd = -1;
        return FALSE;
    }
}

static void
job_signal(Job *job, int sig)
{
    if (job->pid > 0)
        kill(-job->pid, sig);
}

static void
job_try_reap(Job *job)
{
    int status;
    pid_t r;

    if (job->reaped || job->pid <= 0)
        return;
    r = waitpid(job->pid, &status, WNOHANG);
    if (r == job->pid) {
        job->reaped = TRUE;
        job->reaped_at_us = g_get_monotonic_time();
        job->wait_status = status;
        /* Whatever it left running in its group goes with it. */
        kill(-job->pid, SIGKILL);
    }
}

/* How long to keep reading after the test exited: a grandchild that left
 * the process group may hold the pipes open forever. */
#define DRAIN_AFTER_EXIT_US (2 * G_USEC_PER_SEC)

static gboolean
job_finished(Job *job)
{
    if (job->reaped && job->reaped_at_us &&
        g_get_monotonic_time() > job->reaped_at_us + DRAIN_AFTER_EXIT_US) {
        if (job->out_fd >= 0)
            close(job->out_fd);
        if (job->err_fd >= 0)
            close(job->err_fd);
        job->out_fd = job->err_fd = -1;
    }
    return job->reaped && job->out_fd < 0 && job->err_fd < 0;
}

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

static void
job_complete(const TckRunnerOptions *opts, Job *job, TckRun *run)
{
    g_autoptr(TckTapSummary) summary = NULL;
    TckTestResult *r = job->result;
    g_autoptr(GPtrArray) entries = NULL;

    r->duration_us = g_get_real_time() - r->start_us;
    if (job->out_truncated)
        g_string_append(job->err, "\n[libvirt-tck: output past 64 MiB was dropped]\n");
    summary = tck_tap_parse(job->out->str, job->out->len);
    r->tap = g_string_free(g_steal_pointer(&job->out), FALSE);
    r->log = g_string_free(g_steal_pointer(&job->err), FALSE);
    tck_results_from_tap(r, summary, job->wait_status, job->timed_out, opts->timeout_s);
    if (job->interrupted) {
        r->status = TCK_STATUS_ERROR;
        g_free(r->reason);
        r->reason = g_strdup("interrupted");
    } else if (job->wait_status == -1 && !job->timed_out) {
        r->status = TCK_STATUS_ERROR;
        g_free(r->reason);
        r->reason = g_strdup_printf("could not be run: %s", r->log);
        g_strchomp(r->reason);
    }

    /* Whatever the test left behind, by its own ledger, goes now. */
    entries = tck_ledger_read(job->ledger, NULL);
    if (opts->conn && entries && entries->len) {
        g_autoptr(GString) log = g_string_new(NULL);
        guint failed = tck_ledger_cleanup(opts->conn, entries, opts->run_id, log);
        if (log->len)
            r->cleanup_log = g_strdup(log->str);
        if (failed && r->status == TCK_STATUS_PASS) {
            r->status = TCK_STATUS_ERROR;
            r->reason = g_strdup_printf("cleanup could not remove %u object(s)", failed);
        }
    }
    job->result = NULL;
    g_ptr_array_add(run->tests, r);
    if (opts->on_done)
        opts->on_done(r, opts->on_done_data);
}

gboolean
tck_runner_run(const TckRunnerOptions *opts, GPtrArray *tests, TckRun *run, GError **error)
{
    g_autoptr(GPtrArray) running = g_ptr_array_new();
    g_autoptr(GHashTable) held = g_hash_table_new(g_str_hash, g_str_equal);
    g_autofree gboolean *started = g_new0(gboolean, tests->len + 1);
    guint jobs = MAX(1, opts->jobs);
    guint next = 0;

    for (;;) {
        g_autofree struct pollfd *fds = NULL;
        gint64 now = g_get_monotonic_time();
        gint64 wake = now + 250 * 1000;
        gboolean stopping = opts->interrupted && *opts->interrupted;
        guint nfds = 0;

        /* Start what may start: in order, skipping tests whose resource is held. */
        while (!stopping && running->len < jobs && next < tests->len) {
            guint pick = G_MAXUINT;
            for (guint i = next; i < tests->len; i++) {
                if (!started[i] && !holds_resource(held, g_ptr_array_index(tests, i))) {
                    pick = i;
                    break;
                }
            }
            if (pick == G_MAXUINT)
                break;
            {
                TckTestEntry *e = g_ptr_array_index(tests, pick);
                Job *job = g_new0(Job, 1);
                job->entry = e;
                job->result = tck_test_result_new(e->name);
                job->result->path = g_strdup(e->path);
                job->pidfd = job->out_fd = job->err_fd = -1;
                job->out = g_string_new(NULL);
                job->err = g_string_new(NULL);
                started[pick] = TRUE;
                while (next < tests->len && started[next])
                    next++;
                if (!job_start(opts, job, error)) {
                    job_free(job);
                    return FALSE;
                }
                hold(held, e, TRUE);
                g_ptr_array_add(running, job);
                if (opts->on_progress)
                    opts->on_progress(e->name, opts->on_done_data);
            }
        }
        if (running->len == 0)
            break;

        fds = g_new0(struct pollfd, running->len * 3);
        for (guint i = 0; i < running->len; i++) {
            Job *job = g_ptr_array_index(running, i);

            if (stopping && !job->interrupted && !job->reaped) {
                job->interrupted = TRUE;
                job_signal(job, SIGTERM);
                job->kill_at_us = now + KILL_GRACE_US;
            }
            if (!job->reaped && !job->timed_out && !job->interrupted && now >= job->deadline_us) {
                job->timed_out = TRUE;
                job_signal(job, SIGTERM);
                job->kill_at_us = now + KILL_GRACE_US;
            }
            if (job->kill_at_us && !job->reaped && now >= job->kill_at_us)
                job_signal(job, SIGKILL);
            if (job->reaped && job->reaped_at_us)
                wake = MIN(wake, job->reaped_at_us + DRAIN_AFTER_EXIT_US);
            if (!job->reaped) {
                wake = MIN(wake, job->timed_out || job->interrupted ? job->kill_at_us : job->deadline_us);
                if (job->pidfd >= 0)
                    fds[nfds++] = (struct pollfd){ .fd = job->pidfd, .events = POLLIN };
                else
                    wake = MIN(wake, now + 20 * 1000);   /* no pidfd: poll for the exit */
            }
            if (job->out_fd >= 0)
                fds[nfds++] = (struct pollfd){ .fd = job->out_fd, .events = POLLIN };
            if (job->err_fd >= 0)
                fds[nfds++] = (struct pollfd){ .fd = job->err_fd, .events = POLLIN };
        }

        {
            gint64 wait_ms = MAX(0, (wake - now + 999) / 1000);
            if (poll(fds, nfds, (int)MIN(wait_ms, 1000)) < 0 && errno != EINTR) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP, "poll: %s", g_strerror(errno));
                return FALSE;
            }
        }

        if (opts->on_progress)
            opts->on_progress(NULL, opts->on_done_data);
        for (guint i = 0; i < running->len;) {
            Job *job = g_ptr_array_index(running, i);

            if (job->out_fd >= 0)
                drain(&job->out_fd, job->out, &job->out_truncated);
            if (job->err_fd >= 0)
                drain(&job->err_fd, job->err, NULL);
            job_try_reap(job);
            if (job_finished(job)) {
                hold(held, job->entry, FALSE);
                job_complete(opts, job, run);
                job_free(job);
                g_ptr_array_remove_index(running, i);
                continue;
            }
            i++;
        }
        if (opts->interrupted && *opts->interrupted)
            run->meta.interrupted = TRUE;
    }
    if (opts->interrupted && *opts->interrupted)
        run->meta.interrupted = TRUE;
    return TRUE;
}
