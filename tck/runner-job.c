/*
 * runner-job.c — one test program as a job: spawn (through tck_spawn, in
 * its own process group led by libvirt-tck-keeper, which dies with the
 * harness and takes the test's orphans with it: keeper-main.c), supervise
 * (timeout, interruption, output caps) and collect (TAP and exit into a
 * result).
 */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <tck/error.h>
#include <tck/protocol.h>
#include "cli.h"
#include "fs-util.h"
#include "runner-job.h"
#include "results-from-tap.h"
#include "spawn-util.h"
#include "tap-parser.h"

/* After SIGTERM at the timeout, how long before SIGKILL. */
#define KILL_GRACE_US (2 * G_USEC_PER_SEC)
/* How long to keep reading after the test exited: a grandchild that left
 * the process group may hold the pipes open forever. */
#define DRAIN_AFTER_EXIT_US (2 * G_USEC_PER_SEC)

struct _TckJob {
    const TckTestEntry *entry;
    guint ordinal;
    TckTestResult *result;
    pid_t pid;
    int pidfd;
    int out_fd;
    int err_fd;
    GString *out;
    TckTapParser *tap;       /* fed every byte of stdout as it arrives, past the capture cap too */
    GString *err;
    gboolean out_truncated;
    gboolean err_truncated;
    gint64 deadline_us;
    gint64 kill_at_us;       /* when SIGKILL follows SIGTERM, 0 if not yet */
    gboolean timed_out;
    gboolean interrupted;
    gboolean reaped;
    gint64 reaped_at_us;
    int wait_status;
    char *not_run;           /* why the test could not be run, or NULL */
    char *dir;
    char *ledger;
};

TckJob *
tck_job_new(const TckTestEntry *entry, guint ordinal)
{
    TckJob *job = g_new0(TckJob, 1);

    job->entry = entry;
    job->ordinal = ordinal;
    job->result = tck_test_result_new(entry->name);
    job->result->path = g_strdup(entry->path);
    job->pid = -1;
    job->pidfd = job->out_fd = job->err_fd = -1;
    job->out = g_string_new(NULL);
    job->tap = tck_tap_parser_new();
    job->err = g_string_new(NULL);
    return job;
}

static void
close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

void
tck_job_free(TckJob *job)
{
    if (!job)
        return;
    if (job->pid > 0 && !job->reaped) {
        kill(-job->pid, SIGKILL);
        while (waitpid(job->pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
    close_fd(&job->pidfd);
    close_fd(&job->out_fd);
    close_fd(&job->err_fd);
    if (job->out)
        g_string_free(job->out, TRUE);
    tck_tap_parser_free(job->tap);
    if (job->err)
        g_string_free(job->err, TRUE);
    tck_test_result_free(job->result);
    g_free(job->not_run);
    g_free(job->dir);
    g_free(job->ledger);
    g_free(job);
}

const TckTestEntry *
tck_job_entry(const TckJob *job)
{
    return job->entry;
}

const char *
tck_job_ledger(const TckJob *job)
{
    return job->ledger;
}

/* "domain/050-x" as test 7 -> "007-domain-050-x": the ordinal keeps two
 * names that map to one string ("a-b", "a/b") apart. */
static char *
job_dir_name(const char *name, guint ordinal)
{
    g_autofree char *s = g_strdup(name);

    for (char *p = s; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.')
            *p = '-';
    if (s[0] == '.')
        s[0] = '-';
    return g_strdup_printf("%03u-%s", ordinal, s);
}

static char **
build_env(const TckRunnerOptions *opts, TckJob *job, const char *scratch)
{
    g_auto(GStrv) env = g_get_environ();

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
    for (char **extra = opts->extra_env; extra && *extra; extra++) {
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
not_run(TckJob *job, char *why)
{
    job->not_run = why;
    job->reaped = TRUE;
    job->wait_status = -1;
    return TRUE;
}

gboolean
tck_job_start(TckJob *job, const TckRunnerOptions *opts, GError **error)
{
    g_autofree char *scratch = NULL;
    g_autofree char *file = NULL;
    g_auto(GStrv) env = NULL;
    g_autofree char *dirname = job_dir_name(job->entry->name, job->ordinal);
    const char *argv_exec[] = { job->entry->path, NULL };
    const char *argv_perl[] = { "perl", job->entry->path, NULL };
    const char *const *argv = argv_exec;
    g_autofree char *keeper = tck_cli_helper("libvirt-tck-keeper");
    g_autofree char *harness = g_strdup_printf("%ld", (long) getpid());
    g_autoptr(GPtrArray) keeper_argv = g_ptr_array_new();
    TckSpawn spawn = TCK_SPAWN_INIT;
    gboolean started;
    int out[2], err[2], e;

    job->dir = g_build_filename(opts->run_dir, dirname, NULL);
    scratch = g_build_filename(job->dir, "scratch", NULL);
    job->ledger = g_build_filename(job->dir, "ledger", NULL);
    if (g_mkdir(job->dir, 0755) < 0 || g_mkdir(scratch, 0755) < 0) {
        e = errno;
        g_set_error(error, TCK_ERROR, tck_error_from_errno(e), "cannot create %s: %s", scratch, g_strerror(e));
        return FALSE;
    }
    /* Guests' consoles are written by the hypervisor's user: let it reach them. */
    g_chmod(job->dir, 0755);
    g_chmod(scratch, 0755);
    job->result->start_us = g_get_real_time();

    if (job->entry->describe_error)
        return not_run(job, g_strdup_printf("--describe failed: %s", job->entry->describe_error));

    /* An upstream Perl .t script without its own #! line runs under perl, as prove does. */
    if (g_str_has_suffix(job->entry->path, ".t") && !tck_fs_starts_with(job->entry->path, "#!", 2))
        argv = argv_perl;
    file = g_find_program_in_path(argv[0]);
    if (!file || access(file, X_OK) < 0)
        return not_run(job, g_strdup_printf("could not be run: cannot execute %s: %s", argv[0],
                                            g_strerror(file ? errno : ENOENT)));
    env = build_env(opts, job, scratch);

    if (pipe2(out, O_CLOEXEC) < 0) {
        e = errno;
        g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP, "cannot make pipes: %s", g_strerror(e));
        return FALSE;
    }
    if (pipe2(err, O_CLOEXEC) < 0) {
        e = errno;
        close(out[0]);
        close(out[1]);
        g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP, "cannot make pipes: %s", g_strerror(e));
        return FALSE;
    }
    /* libvirt-tck-keeper HARNESS-PID TEST [ARG...], leading its own process group. */
    g_ptr_array_add(keeper_argv, keeper);
    g_ptr_array_add(keeper_argv, harness);
    for (guint i = 0; argv[i]; i++)
        g_ptr_array_add(keeper_argv, (gpointer) argv[i]);
    g_ptr_array_add(keeper_argv, NULL);
    spawn.argv = (const char *const *) keeper_argv->pdata;
    spawn.envp = env;
    spawn.flags = TCK_SPAWN_PROCESS_GROUP | TCK_SPAWN_STDIN_NULL;
    spawn.stdout_fd = out[1];
    spawn.stderr_fd = err[1];
    started = tck_spawn(&spawn, &job->pid, &job->pidfd, error);
    close(out[1]);
    close(err[1]);
    job->out_fd = out[0];
    job->err_fd = err[0];
    if (!started) {
        job->pid = -1;
        return FALSE;
    }
    fcntl(job->out_fd, F_SETFL, O_NONBLOCK);
    fcntl(job->err_fd, F_SETFL, O_NONBLOCK);
    job->deadline_us = g_get_monotonic_time() + (gint64)opts->timeout_s * G_USEC_PER_SEC;
    return TRUE;
}

guint
tck_job_poll_fds(TckJob *job, struct pollfd *fds, gint64 now_us, gint64 *wake_us)
{
    guint n = 0;

    if (job->reaped && job->reaped_at_us)
        *wake_us = MIN(*wake_us, job->reaped_at_us + DRAIN_AFTER_EXIT_US);
    if (!job->reaped) {
        *wake_us = MIN(*wake_us, job->kill_at_us ? job->kill_at_us : job->deadline_us);
        if (job->pidfd >= 0)
            fds[n++] = (struct pollfd){ .fd = job->pidfd, .events = POLLIN };
        else
            *wake_us = MIN(*wake_us, now_us + 20 * 1000);   /* no pidfd: poll for the exit */
    }
    if (job->out_fd >= 0)
        fds[n++] = (struct pollfd){ .fd = job->out_fd, .events = POLLIN };
    if (job->err_fd >= 0)
        fds[n++] = (struct pollfd){ .fd = job->err_fd, .events = POLLIN };
    return n;
}

/* Reads what is there; at EOF the fd is closed.  Past the cap, bytes are
 * read and dropped, and *truncated says so; @tap (when given) still
 * reads every byte, so the checks are counted to the end. */
static void
drain(int *fd, GString *buf, gboolean *truncated, TckTapParser *tap)
{
    char chunk[65536];

    for (;;) {
        ssize_t n = read(*fd, chunk, sizeof(chunk));
        if (n > 0) {
            if (tap)
                tck_tap_parser_feed(tap, chunk, n);
            if (!*truncated && buf->len + n <= TCK_JOB_MAX_CAPTURE)
                g_string_append_len(buf, chunk, n);
            else
                *truncated = TRUE;   /* later chunks too: no unmarked hole */
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        close_fd(fd);
        return;
    }
}

static void
job_signal(TckJob *job, int sig, gint64 now_us)
{
    if (job->pid <= 0 || job->reaped)
        return;
    kill(-job->pid, sig);
    if (sig == SIGTERM && !job->kill_at_us)
        job->kill_at_us = now_us + KILL_GRACE_US;
}

void
tck_job_service(TckJob *job, gint64 now_us, gboolean stopping)
{
    int status;

    if (stopping && !job->interrupted && !job->reaped) {
        job->interrupted = TRUE;
        job_signal(job, SIGTERM, now_us);
    }
    if (!job->reaped && !job->timed_out && !job->interrupted && now_us >= job->deadline_us) {
        job->timed_out = TRUE;
        job_signal(job, SIGTERM, now_us);
    }
    if (job->kill_at_us && now_us >= job->kill_at_us)
        job_signal(job, SIGKILL, now_us);

    if (job->out_fd >= 0)
        drain(&job->out_fd, job->out, &job->out_truncated, job->tap);
    if (job->err_fd >= 0)
        drain(&job->err_fd, job->err, &job->err_truncated, NULL);

    if (!job->reaped && job->pid > 0 && waitpid(job->pid, &status, WNOHANG) == job->pid) {
        job->reaped = TRUE;
        job->reaped_at_us = g_get_monotonic_time();
        job->wait_status = status;
        /* Whatever it left running in its group goes with it. */
        kill(-job->pid, SIGKILL);
    }
}

gboolean
tck_job_finished(TckJob *job)
{
    if (job->reaped && job->reaped_at_us &&
        g_get_monotonic_time() > job->reaped_at_us + DRAIN_AFTER_EXIT_US) {
        close_fd(&job->out_fd);
        close_fd(&job->err_fd);
    }
    return job->reaped && job->out_fd < 0 && job->err_fd < 0;
}

TckTestResult *
tck_job_collect(TckJob *job, const TckRunnerOptions *opts)
{
    g_autoptr(TckTapSummary) summary = NULL;
    TckTestResult *r = g_steal_pointer(&job->result);

    r->duration_us = g_get_real_time() - r->start_us;
    if (job->out_truncated)
        g_string_append(job->err, "\n[libvirt-tck: stdout past 64 MiB was dropped]\n");
    if (job->err_truncated)
        g_string_append(job->err, "\n[libvirt-tck: stderr past 64 MiB was dropped]\n");
    summary = tck_tap_parser_finish(job->tap);
    r->tap = g_string_free(g_steal_pointer(&job->out), FALSE);
    r->log = g_string_free(g_steal_pointer(&job->err), FALSE);
    tck_results_from_tap(r, summary, job->wait_status, job->timed_out, opts->timeout_s);
    if (job->interrupted) {
        r->status = TCK_STATUS_ERROR;
        g_free(r->reason);
        r->reason = g_strdup("interrupted");
    } else if (job->not_run) {
        r->status = TCK_STATUS_ERROR;
        g_free(r->reason);
        r->reason = g_steal_pointer(&job->not_run);
    }
    return r;
}
