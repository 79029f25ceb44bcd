/*
 * fleet.c — runs a fleet: probes each host, runs one libvirt-tck per host
 * (its own run id, ledger and cleanup; its native XML report on its
 * stdout, its human stream on stderr), a bounded number at a time,
 * relays their progress and tells a host that cannot be reached, dies or
 * hangs from one whose tests merely failed.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <libvirt/libvirt.h>
#include <tck/tck.h>

#include "cli.h"
#include "exit-codes.h"
#include "fleet.h"
#include "formats.h"
#include "report.h"
#include "spawn-util.h"
#include "virt-util.h"

/* How long a probe of a host may take before the host counts as not answering. */
#define PROBE_TIMEOUT_S 20
/* After SIGTERM, how long a hung host's harness gets to write its report. */
#define TERM_GRACE_S 15
#define POLL_MS 200

/* ---- the probe: connect, ask, close, in a thread that may be left behind ---- */

typedef struct {
    gint ref;
    char *uri;
    GMutex lock;
    GCond cond;
    gboolean done;
    char *driver;
    char *hostname;
    char *why;              /* why it does not answer, or NULL */
} Probe;

static void
probe_unref(Probe *p)
{
    if (!g_atomic_int_dec_and_test(&p->ref))
        return;
    g_free(p->uri);
    g_free(p->driver);
    g_free(p->hostname);
    g_free(p->why);
    g_mutex_clear(&p->lock);
    g_cond_clear(&p->cond);
    g_free(p);
}

static gpointer
probe_thread(gpointer data)
{
    Probe *p = data;
    g_autoptr(GError) error = NULL;
    virConnectPtr conn = tck_virt_open(p->uri, TCK_VIRT_OPEN_DEFAULT, &error);
    char *driver = NULL;
    char *hostname = NULL;
    char *why = NULL;
    unsigned long version = 0;

    if (!conn) {
        why = g_strdup(error->message);
    } else {
        const char *type = virConnectGetType(conn);

        if (!type || virConnectGetLibVersion(conn, &version) < 0) {
            why = g_strdup_printf("it does not answer: %s", tck_virt_last_error());
        } else {
            char *name = virConnectGetHostname(conn);

            driver = g_strdup(type);
            hostname = g_strdup(name);
            free(name);
        }
        virConnectClose(conn);
    }
    g_mutex_lock(&p->lock);
    p->driver = driver;
    p->hostname = hostname;
    p->why = why;
    p->done = TRUE;
    g_cond_signal(&p->cond);
    g_mutex_unlock(&p->lock);
    probe_unref(p);
    return NULL;
}

static Probe *
probe_start(const char *uri)
{
    Probe *p = g_new0(Probe, 1);
    GThread *thread;

    p->ref = 2;   /* the thread's and the caller's */
    p->uri = g_strdup(uri);
    g_mutex_init(&p->lock);
    g_cond_init(&p->cond);
    thread = g_thread_new("tck-fleet-probe", probe_thread, p);
    g_thread_unref(thread);
    return p;
}

/* Waits for @p until @deadline (monotonic); a probe still connecting then is left behind. */
static gboolean
probe_wait(Probe *p, gint64 deadline)
{
    gboolean done;

    g_mutex_lock(&p->lock);
    while (!p->done && g_cond_wait_until(&p->cond, &p->lock, deadline))
        ;
    done = p->done;
    g_mutex_unlock(&p->lock);
    return done;
}

/* ---- the model ----------------------------------------------------- */

static void
fleet_host_free(gpointer data)
{
    TckFleetHost *h = data;

    g_free(h->uri);
    g_free(h->masked_uri);
    g_free(h->run_id);
    g_free(h->driver);
    g_free(h->hostname);
    g_free(h->other_uri);
    g_free(h->dir);
    g_free(h->harness_log);
    if (h->run)
        tck_run_free(h->run);
    g_free(h->failure);
    g_free(h);
}

void
tck_fleet_free(TckFleet *fleet)
{
    if (!fleet)
        return;
    g_free(fleet->id);
    g_ptr_array_unref(fleet->hosts);
    g_free(fleet);
}

/*
 * In a sandbox fleet (the hub's TCK_HOST_URIS lists the host), a host's
 * otheruri is the next sandboxed host, so migration tests have a peer on
 * every host; elsewhere the config's otheruri applies as it is.
 */
static char *
sandbox_peer(const char *uri)
{
    const char *env = g_getenv("TCK_HOST_URIS");
    g_auto(GStrv) uris = env ? g_strsplit_set(env, " ", -1) : NULL;
    guint n = uris ? g_strv_length(uris) : 0;

    for (guint i = 0; n > 1 && i < n; i++)
        if (g_str_equal(uris[i], uri))
            return g_strdup(uris[(i + 1) % n]);
    return NULL;
}

TckFleet *
tck_fleet_new(const char *const *uris, GError **error)
{
    g_autoptr(TckFleet) fleet = g_new0(TckFleet, 1);
    guint n = uris ? g_strv_length((char **) uris) : 0;

    if (n == 0 || n > TCK_FLEET_MAX_HOSTS) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "a fleet run needs 1 to %d hosts, not %u",
                    TCK_FLEET_MAX_HOSTS, n);
        return NULL;
    }
    fleet->id = tck_run_id_new();
    fleet->hosts = g_ptr_array_new_with_free_func(fleet_host_free);
    for (guint i = 0; i < n; i++) {
        TckFleetHost *h = g_new0(TckFleetHost, 1);

        for (guint j = 0; j < i; j++) {
            if (g_str_equal(uris[i], uris[j])) {
                g_autofree char *masked = tck_config_mask_credentials(uris[i]);

                fleet_host_free(h);
                g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                            "host '%s' is given twice: a fleet runs each host once", masked);
                return NULL;
            }
        }
        h->index = i + 1;
        h->uri = g_strdup(uris[i]);
        h->masked_uri = tck_config_mask_credentials(uris[i]);
        h->run_id = tck_run_id_new();
        h->other_uri = sandbox_peer(uris[i]);
        h->exit_status = -1;
        g_ptr_array_add(fleet->hosts, h);
    }
    return g_steal_pointer(&fleet);
}

/* The host part of @uri ("10.77.0.1"), else the URI itself. */
static char *
uri_host(const char *uri)
{
    g_autoptr(GUri) parsed = g_uri_parse(uri, G_URI_FLAGS_NON_DNS, NULL);
    const char *host = parsed ? g_uri_get_host(parsed) : NULL;

    return g_strdup(host && *host ? host : uri);
}

static void
set_failure(TckFleetHost *h, FILE *human, char *why)
{
    g_free(h->failure);
    h->failure = why;
    fprintf(human, "libvirt-tck: host %u (%s): %s\n", h->index, h->masked_uri, why);
    fflush(human);
}

/* Every host's driver and name, all probed at once; a host that does not answer is a failure. */
static void
fleet_probe(TckFleet *fleet, FILE *human)
{
    g_autoptr(GPtrArray) probes = g_ptr_array_new_with_free_func((GDestroyNotify) probe_unref);
    gint64 deadline = g_get_monotonic_time() + PROBE_TIMEOUT_S * G_USEC_PER_SEC;

    for (guint i = 0; i < fleet->hosts->len; i++)
        g_ptr_array_add(probes, probe_start(((TckFleetHost *) g_ptr_array_index(fleet->hosts, i))->uri));
    for (guint i = 0; i < fleet->hosts->len; i++) {
        TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);
        Probe *p = g_ptr_array_index(probes, i);

        if (!probe_wait(p, deadline)) {
            h->hostname = uri_host(h->uri);
            set_failure(h, human, g_strdup_printf("not run: it did not answer within %d s", PROBE_TIMEOUT_S));
            continue;
        }
        h->driver = g_strdup(p->driver);
        h->hostname = p->hostname && *p->hostname ? g_strdup(p->hostname) : uri_host(h->uri);
        if (p->why)
            set_failure(h, human, g_strdup_printf("not run: %s", p->why));
    }
    /* Two hosts of one name must not share a directory: the number keeps them apart. */
    for (guint i = 0; i < fleet->hosts->len; i++) {
        TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);

        h->dir = g_strcanon(g_strdup_printf("%u-%s", h->index, h->hostname),
                            G_CSET_a_2_z G_CSET_A_2_Z G_CSET_DIGITS "._-+", '_');
    }
}

static void
fleet_header(const TckFleet *fleet, const TckFleetOptions *opts)
{
    fprintf(opts->human, "libvirt-tck fleet run %s: %u host%s, up to %u at once\n", fleet->id,
            fleet->hosts->len, fleet->hosts->len == 1 ? "" : "s", opts->parallel);
    for (guint i = 0; i < fleet->hosts->len; i++) {
        const TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);

        fprintf(opts->human, "  host %u  %s  driver %s  run %s  (%s)%s%s\n", h->index, h->masked_uri,
                h->driver ? h->driver : "?", h->run_id, h->hostname, h->other_uri ? "  otheruri " : "",
                h->other_uri ? h->other_uri : "");
    }
    fflush(opts->human);
}

/* ---- one host's harness ---------------------------------------------- */

typedef struct {
    TckFleetHost *host;
    pid_t pid;
    char *report;           /* its stdout: the native XML report */
    char *log;              /* its stderr: header, progress, closing line */
    gsize relayed;          /* bytes of log already relayed */
    gint64 last_output;     /* monotonic */
    gint64 kill_at;         /* monotonic; 0 until it hangs */
    gboolean hung;
} Child;

static void
child_free(Child *c)
{
    g_free(c->report);
    g_free(c->log);
    g_free(c);
}

static int
open_output(const char *path, GError **error)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

    if (fd < 0) {
        int err = errno;

        g_set_error(error, TCK_ERROR, tck_error_from_errno(err), "cannot create %s: %s", path, g_strerror(err));
    }
    return fd;
}

static Child *
child_start(TckFleetHost *h, const TckFleetOptions *opts, GError **error)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *dir = g_build_filename(opts->scratch_dir, h->dir, NULL);
    g_auto(GStrv) env = g_get_environ();
    TckSpawn spawn = TCK_SPAWN_INIT;
    Child *c;
    int out_fd, err_fd;
    gboolean ok;

    if (g_mkdir_with_parents(dir, 0755) < 0) {
        int err = errno;

        g_set_error(error, TCK_ERROR, tck_error_from_errno(err), "cannot create %s: %s", dir, g_strerror(err));
        return NULL;
    }
    c = g_new0(Child, 1);
    c->host = h;
    c->report = g_build_filename(dir, "report.xml", NULL);
    c->log = g_build_filename(dir, "harness.log", NULL);
    g_ptr_array_add(argv, tck_cli_self());
    for (guint i = 0; opts->child_args && opts->child_args[i]; i++)
        g_ptr_array_add(argv, g_strdup(opts->child_args[i]));
    g_ptr_array_add(argv, g_strdup_printf("--uri=%s", h->uri));
    g_ptr_array_add(argv, g_strdup_printf("--run-id=%s", h->run_id));
    g_ptr_array_add(argv, g_strdup("--format=xml"));
    g_ptr_array_add(argv, g_strdup("--"));
    for (guint i = 0; opts->tests && opts->tests[i]; i++)
        g_ptr_array_add(argv, g_strdup(opts->tests[i]));
    g_ptr_array_add(argv, NULL);
    if (h->other_uri)
        env = g_environ_setenv(env, TCK_ENV_OTHER_URI, h->other_uri, TRUE);

    if ((out_fd = open_output(c->report, error)) < 0) {
        child_free(c);
        return NULL;
    }
    if ((err_fd = open_output(c->log, error)) < 0) {
        close(out_fd);
        child_free(c);
        return NULL;
    }
    spawn.argv = (const char *const *) argv->pdata;
    spawn.envp = env;
    /* its own group: a hung host's harness and its tests are stopped together */
    spawn.flags = TCK_SPAWN_PROCESS_GROUP | TCK_SPAWN_STDIN_NULL;
    spawn.stdout_fd = out_fd;
    spawn.stderr_fd = err_fd;
    ok = tck_spawn(&spawn, &c->pid, NULL, error);
    close(out_fd);
    close(err_fd);
    if (!ok) {
        child_free(c);
        return NULL;
    }
    c->last_output = g_get_monotonic_time();
    return c;
}

/* New complete lines of the child's human stream, prefixed by its host; TRUE when there were any bytes. */
static gboolean
child_relay(Child *c, FILE *human, gboolean flush_partial)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    gsize start;

    if (!g_file_get_contents(c->log, &data, &len, NULL) || len <= c->relayed)
        return FALSE;
    start = c->relayed;
    for (gsize i = start; i < len; i++) {
        if (data[i] != '\n' && !(flush_partial && i == len - 1))
            continue;
        fprintf(human, "host %u| %.*s\n", c->host->index, (int) (i - start + (data[i] != '\n')), data + start);
        start = i + 1;
    }
    c->relayed = start;
    fflush(human);
    return TRUE;
}

/* The last "libvirt-tck: ..." line of @log (what the harness said before it gave up), or NULL. */
static char *
last_harness_line(const char *log)
{
    g_auto(GStrv) lines = g_strsplit(log ? log : "", "\n", -1);
    const char *last = NULL;

    for (guint i = 0; lines[i]; i++)
        if (g_str_has_prefix(lines[i], "libvirt-tck: ") && !strstr(lines[i], "warning:"))
            last = lines[i] + strlen("libvirt-tck: ");
    return last ? g_strdup(last) : NULL;
}

/* An empty run for a host whose harness left no report: it still names the host. */
static TckRun *
empty_run(const TckFleetHost *h, gint64 start_us)
{
    TckRun *run = tck_run_new();

    run->meta.uri = g_strdup(h->masked_uri);
    run->meta.run_id = g_strdup(h->run_id);
    run->meta.driver = g_strdup(h->driver ? h->driver : "unknown");
    run->meta.start_us = start_us;
    run->meta.end_us = g_get_real_time();
    return run;
}

/* After its harness ended: its results, its exit status and, when it is incomplete, why. */
static void
child_finish(Child *c, int status, const TckFleetOptions *opts, gint64 start_us)
{
    TckFleetHost *h = c->host;
    g_autoptr(GError) error = NULL;
    g_autofree char *said = NULL;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;

    child_relay(c, opts->human, TRUE);
    g_file_get_contents(c->log, &h->harness_log, NULL, NULL);
    h->exit_status = c->hung ? -1 : code;
    said = last_harness_line(h->harness_log);
    if (g_file_test(c->report, G_FILE_TEST_IS_REGULAR) && (h->run = tck_report_read(c->report, &error)) &&
        !h->run->meta.run_id)
        h->run->meta.run_id = g_strdup(h->run_id);

    if (c->hung) {
        set_failure(h, opts->human,
                    g_strdup_printf("hung: its harness printed nothing for %u s (the host stopped answering?); "
                                    "stopped it%s", opts->host_timeout_s,
                                    h->run ? "" : ", its report is lost"));
    } else if (WIFSIGNALED(status)) {
        set_failure(h, opts->human, g_strdup_printf("its harness was killed by signal %d (%s)",
                                                    WTERMSIG(status), g_strsignal(WTERMSIG(status))));
    } else if (code == TCK_EXIT_SETUP || code == TCK_EXIT_USAGE) {
        set_failure(h, opts->human, g_strdup_printf("its harness gave up (exit status %d): %s", code,
                                                    said ? said : "it said nothing"));
    } else if (!h->run) {
        set_failure(h, opts->human, g_strdup_printf("its harness left no report (exit status %d): %s", code,
                                                    error ? error->message : "empty"));
    } else if (code != TCK_EXIT_INTERRUPTED) {
        /* Its tests may have failed only because the host went away: ask it again. */
        Probe *p = probe_start(h->uri);

        if (!probe_wait(p, g_get_monotonic_time() + PROBE_TIMEOUT_S * G_USEC_PER_SEC))
            set_failure(h, opts->human, g_strdup_printf("stopped answering during the run (no answer within %d s "
                                                        "after it)", PROBE_TIMEOUT_S));
        else if (p->why)
            set_failure(h, opts->human, g_strdup_printf("died during the run: afterwards %s", p->why));
        probe_unref(p);
    }
    if (!h->run)
        h->run = empty_run(h, start_us);
}

/* ---- the fleet ------------------------------------------------------- */

void
tck_fleet_run(TckFleet *fleet, const TckFleetOptions *opts)
{
    g_autoptr(GPtrArray) running = g_ptr_array_new();
    guint next = 0;
    gboolean forwarded = FALSE;

    fleet->start_us = g_get_real_time();
    fleet_probe(fleet, opts->human);
    fleet_header(fleet, opts);

    while (next < fleet->hosts->len || running->len > 0) {
        gint64 now;

        if (*opts->interrupted && !forwarded) {
            /* each harness writes what it has; the hosts not started are said */
            forwarded = TRUE;
            fleet->interrupted = TRUE;
            for (guint i = 0; i < running->len; i++)
                kill(-((Child *) g_ptr_array_index(running, i))->pid, SIGTERM);
            for (; next < fleet->hosts->len; next++) {
                TckFleetHost *h = g_ptr_array_index(fleet->hosts, next);

                if (!h->failure)
                    set_failure(h, opts->human, g_strdup("not run: the fleet run was interrupted"));
            }
        }
        while (!forwarded && running->len < opts->parallel && next < fleet->hosts->len) {
            TckFleetHost *h = g_ptr_array_index(fleet->hosts, next++);
            g_autoptr(GError) local = NULL;
            Child *c;

            if (h->failure)
                continue;   /* it never answered: nothing to run there */
            if (!(c = child_start(h, opts, &local))) {
                set_failure(h, opts->human, g_strdup_printf("not run: %s", local->message));
                continue;
            }
            g_ptr_array_add(running, c);
        }
        g_usleep(POLL_MS * 1000);
        now = g_get_monotonic_time();
        for (guint i = 0; i < running->len;) {
            Child *c = g_ptr_array_index(running, i);
            int status = 0;
            pid_t got;

            if (child_relay(c, opts->human, FALSE))
                c->last_output = now;
            got = waitpid(c->pid, &status, WNOHANG);
            if (got == c->pid || (got < 0 && errno == ECHILD)) {
                child_finish(c, status, opts, fleet->start_us);
                child_free(c);
                g_ptr_array_remove_index(running, i);
                continue;
            }
            if (!c->hung && now - c->last_output > (gint64) opts->host_timeout_s * G_USEC_PER_SEC) {
                c->hung = TRUE;
                c->kill_at = now + TERM_GRACE_S * G_USEC_PER_SEC;
                kill(-c->pid, SIGTERM);
            } else if (c->hung && now > c->kill_at) {
                kill(-c->pid, SIGKILL);
            }
            i++;
        }
    }
    for (guint i = 0; i < fleet->hosts->len; i++) {
        TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);

        if (!h->run)
            h->run = empty_run(h, fleet->start_us);
    }
    fleet->end_us = g_get_real_time();
}

void
tck_fleet_totals(const TckFleet *fleet, guint *passed, guint *failed, guint *skipped)
{
    *passed = *failed = *skipped = 0;
    for (guint i = 0; i < fleet->hosts->len; i++) {
        const TckFleetHost *h = g_ptr_array_index(fleet->hosts, i);
        guint p, f, s;

        tck_format_totals(h->run, &p, &f, &s);
        *passed += p;
        *failed += f;
        *skipped += s;
    }
}

guint
tck_fleet_failed_hosts(const TckFleet *fleet)
{
    guint n = 0;

    for (guint i = 0; i < fleet->hosts->len; i++)
        if (((const TckFleetHost *) g_ptr_array_index(fleet->hosts, i))->failure)
            n++;
    return n;
}

char *
tck_fleet_host_line(const TckFleetHost *h)
{
    guint passed, failed, skipped;

    tck_format_totals(h->run, &passed, &failed, &skipped);
    return g_strdup_printf("host %u %s %s %s run %s: %u passed, %u failed, %u skipped%s%s", h->index,
                           h->hostname, h->masked_uri, h->driver ? h->driver : "?", h->run_id, passed,
                           failed, skipped, h->failure ? "; INCOMPLETE: " : "", h->failure ? h->failure : "");
}
