/*
 * cmd-run.c — `libvirt-tck [OPTIONS] [TEST...]`: load the config,
 * connect, select and run the tests, and write the reports.
 */
#include <config.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>
#include <glib/gstdio.h>
#include <libvirt/virterror.h>
#include <tck/tck.h>
#include "fs-util.h"
#include "canary.h"
#include "cli.h"
#include "coverage.h"
#include "cleanup.h"
#include "exit-codes.h"
#include "fleet.h"
#include "formats.h"
#include "outputs.h"
#include "progress.h"
#include "preflight.h"
#include "registry.h"
#include "report-run.h"
#include "runner.h"
#include "durations.h"
#include "sandbox.h"
#include "virt-util.h"

typedef struct {
    char *config;
    char **uris;                  /* --uri, repeatable: two or more make a fleet run */
    const char *uri;              /* the one --uri of a one-host run, or NULL */
    char *run_id;                 /* --run-id, hidden: a fleet gives each host's harness its own */
    int parallel_hosts;           /* fleet */
    int host_timeout;             /* fleet */
    gboolean verbose;
    gboolean quiet;
    char **formats;
    gboolean list;
    gboolean force;
    int timeout;
    int jobs;
    char *suites_dir;
    gboolean keep_scratch;
    gboolean sandbox;
    gboolean sandbox_shell;
    gboolean sandbox_tcp;
    gboolean sandbox_no_kvm;
    int sandbox_hosts;
    gboolean sandbox_xen;
    gboolean api_coverage;        /* coverage */
    gboolean version;
    char **tests;
    TckReportRunOptions report;   /* -a, --known-broken, --rerun-failed */
} RunOptions;

static void
run_options_clear(RunOptions *o)
{
    g_free(o->config);
    g_strfreev(o->uris);
    g_free(o->run_id);
    g_strfreev(o->formats);
    g_free(o->suites_dir);
    g_strfreev(o->tests);
    tck_report_run_options_clear(&o->report);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(RunOptions, run_options_clear)

static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
    interrupted = 1;
}

static const char description[] =
    "Runs libvirt-tck test programs against a libvirt connection and reports\n"
    "which of the API's promises the driver keeps.\n"
    "\n"
    "TEST selects tests by name (domain/050-transient-lifecycle), glob\n"
    "(domain/050-*), area (domain) or path to any executable that prints TAP.\n"
    "\n"
    "The URI is --uri, else $TCK_URI, else the config's uri, else\n"
    "test:///default (qemu:///system with --sandbox).\n"
    "Two or more --uri, or the config's hosts: list, make a fleet run: the\n"
    "tests on every host at once, each host with its own run id and results.\n"
    "\n"
    "Subcommands: libvirt-tck capabilities --help, libvirt-tck report --help.\n";

/* The exit table of the run command; --help prints it and man/libvirt-tck.1 says the same. */
static const TckExitDoc run_exits[] = {
    { TCK_EXIT_OK, "every test that ran passed (some may have been skipped);\n"
                   "known-broken failures (xfail) and passes (xpass) do not count" },
    { TCK_EXIT_TEST_FAILED, "a test failed (or crashed, timed out, bailed out, broke its plan)" },
    { TCK_EXIT_USAGE, "usage or config error: bad option, config key or file, URI syntax,\n"
                      "unknown test, two formats on stdout, an output path that cannot be written" },
    { TCK_EXIT_SETUP, "cannot connect or set up (daemon unreachable, no driver for the URI),\n"
                      "or the KVM canary guest made no progress (try --sandbox --no-kvm)" },
    { TCK_EXIT_NOTHING_TESTED, "nothing was tested: no test ran, or every test skipped\n"
                               "(a missing asset, feature or resource; the run says which)" },
    { TCK_EXIT_INTERRUPTED, "interrupted (the report is still written)" },
};

static gboolean
parse_options(char ***argv, RunOptions *o, GError **error)
{
    g_autoptr(GError) local = NULL;
    g_autoptr(GOptionContext) ctx = NULL;
    g_autofree char *exits = tck_exit_help(run_exits, G_N_ELEMENTS(run_exits));
    g_autofree char *full_description = g_strdup_printf("%s\n%s", description, exits);
    GOptionEntry entries[] = {
        { "config", 'c', 0, G_OPTION_ARG_FILENAME, &o->config, "Read the config from FILE", "FILE" },
        { "uri", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->uris,
          "Connect to URI (overrides the config); again for a fleet run over every URI", "URI" },
        { "parallel-hosts", 0, 0, G_OPTION_ARG_INT, &o->parallel_hosts,
          "Fleet run: at most N hosts at once (default 4)", "N" },
        { "host-timeout", 0, 0, G_OPTION_ARG_INT, &o->host_timeout,
          "Fleet run: a host whose harness prints nothing for SECS hangs (default: --timeout + 120)", "SECS" },
        { "run-id", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &o->run_id,
          "The run id to use (a fleet run gives each host's harness its own)", "ID" },
        { "verbose", 'v', 0, G_OPTION_ARG_NONE, &o->verbose, "Show each test's full TAP stream", NULL },
        { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet, "Show only failures and the closing line", NULL },
        { "format", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->formats,
          "Report format, repeatable: text, tap, xml, junit, html (NAME=FILE writes to FILE)", "NAME[=FILE]" },
        { "list", 0, 0, G_OPTION_ARG_NONE, &o->list, "List the selected tests and exit", NULL },
        { "force", 0, 0, G_OPTION_ARG_NONE, &o->force, "Remove leftover tck- objects of other runs first", NULL },
        { "timeout", 't', 0, G_OPTION_ARG_INT, &o->timeout, "Seconds before a test is killed (default 300)", "SECS" },
        { "jobs", 'j', 0, G_OPTION_ARG_INT, &o->jobs, "Run N tests at once (default: the number of cores)", "N" },
        { "suites-dir", 0, 0, G_OPTION_ARG_FILENAME, &o->suites_dir, "Find test programs in DIR", "DIR" },
        { "keep-scratch", 0, 0, G_OPTION_ARG_NONE, &o->keep_scratch, "Keep the run's scratch directory", NULL },
        { "sandbox", 0, 0, G_OPTION_ARG_NONE, &o->sandbox,
          "Run inside a private libvirtd in new namespaces (see libvirt-tck-sandbox(1))", NULL },
        { "sandbox-shell", 0, 0, G_OPTION_ARG_NONE, &o->sandbox_shell, "Open a shell inside the sandbox", NULL },
        { "tcp", 0, 0, G_OPTION_ARG_NONE, &o->sandbox_tcp, "With --sandbox: the daemon also listens on 127.0.0.1 TCP", NULL },
        { "hosts", 0, 0, G_OPTION_ARG_INT, &o->sandbox_hosts,
          "With --sandbox: N private hosts, and a fleet run over them (each host's otheruri: the next)", "N" },
        { "no-kvm", 0, 0, G_OPTION_ARG_NONE, &o->sandbox_no_kvm,
          "With --sandbox: hide /dev/kvm, so QEMU guests use TCG", NULL },
        { "xen", 0, 0, G_OPTION_ARG_NONE, &o->sandbox_xen,
          "With --sandbox: run on an emulated Xen host (libxl) instead, see libvirt-tck-sandbox(1)", NULL },
        { "api-coverage", 0, 0, G_OPTION_ARG_NONE, &o->api_coverage,
          "Record which public libvirt functions each test calls (see: report coverage)", NULL },
        { "version", 0, 0, G_OPTION_ARG_NONE, &o->version, "Print the version and exit", NULL },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->tests, NULL, "[TEST...]" },
        { NULL },
    };

    o->timeout = 300;
    o->jobs = (int)g_get_num_processors();
    o->parallel_hosts = 4;
    /* The usage line's "[TEST...]" comes from the G_OPTION_REMAINING entry. */
    ctx = g_option_context_new(NULL);
    g_option_context_set_summary(ctx, "libvirt-tck: the libvirt Technology Compatibility Kit");
    g_option_context_set_description(ctx, full_description);
    g_option_context_add_main_entries(ctx, entries, NULL);
    tck_report_run_add_options(ctx, &o->report);   /* report */
    if (!g_option_context_parse_strv(ctx, argv, &local)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "%s (try --help)", local->message);
        return FALSE;
    }
    if (o->version)
        return TRUE;
    if (o->timeout <= 0 || o->jobs <= 0 || o->parallel_hosts <= 0 || o->host_timeout < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                    "--timeout, --jobs, --parallel-hosts and --host-timeout must be positive");
        return FALSE;
    }
    if (!o->host_timeout)
        o->host_timeout = o->timeout + 120;
    if (o->uris && g_strv_length(o->uris) == 1)
        o->uri = o->uris[0];
    if (o->run_id && !tck_run_id_valid(o->run_id)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--run-id '%s' is not %d lowercase hex digits",
                    o->run_id, TCK_RUN_ID_LEN);
        return FALSE;
    }
    if ((o->sandbox_no_kvm || o->sandbox_tcp || o->sandbox_hosts || o->sandbox_xen) && !o->sandbox &&
        !o->sandbox_shell) {
        /* Silently ignored, --no-kvm would let a user believe QEMU runs on TCG. */
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "%s works only with --sandbox",
                    o->sandbox_no_kvm ? "--no-kvm" : o->sandbox_tcp ? "--tcp"
                    : o->sandbox_hosts ? "--hosts" : "--xen");
        return FALSE;
    }
    if (o->sandbox_hosts < 0 || o->sandbox_hosts > TCK_SANDBOX_MAX_HOSTS) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--hosts must be 1 to %d, not %d",
                    TCK_SANDBOX_MAX_HOSTS, o->sandbox_hosts);
        return FALSE;
    }
    if (o->sandbox_hosts && o->sandbox_xen) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--hosts and --xen cannot be used together (one Xen host)");
        return FALSE;
    }
    if (o->verbose && o->quiet) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "-v and -q cannot be used together");
        return FALSE;
    }
    return TRUE;
}

/*
 * The options of this run for another libvirt-tck: the same run inside
 * the sandbox (everything), or one host's harness of a fleet (@for_host:
 * no URI, formats, archive or --list, which the fleet gives or keeps).
 */
static void
add_child_options(GPtrArray *child, const RunOptions *o, gboolean for_host)
{
#define ADD(...) g_ptr_array_add(child, g_strdup_printf(__VA_ARGS__))
    if (o->config)
        ADD("--config=%s", o->config);
    if (o->verbose)
        ADD("--verbose");
    if (o->quiet)
        ADD("--quiet");
    for (guint i = 0; !for_host && o->formats && o->formats[i]; i++)
        ADD("--format=%s", o->formats[i]);
    if (o->list && !for_host)
        ADD("--list");
    if (o->force)
        ADD("--force");
    ADD("--timeout=%d", o->timeout);
    ADD("--jobs=%d", o->jobs);
    if (!for_host) {
        ADD("--parallel-hosts=%d", o->parallel_hosts);
        ADD("--host-timeout=%d", o->host_timeout);
    }
    if (o->suites_dir)
        ADD("--suites-dir=%s", o->suites_dir);
    if (o->keep_scratch)
        ADD("--keep-scratch");
    if (o->report.archive && !for_host)
        ADD("--archive=%s", o->report.archive);
    for (guint i = 0; o->report.known_broken && o->report.known_broken[i]; i++)
        ADD("--known-broken=%s", o->report.known_broken[i]);
    if (o->report.rerun_failed)
        ADD("--rerun-failed=%s", o->report.rerun_failed);
#undef ADD
}

/*
 * libvirt-tck --sandbox ...: the same run again inside libvirt-tck-sandbox,
 * its argv built from the parsed options.  The URI is the one this command
 * would test (--uri, $TCK_URI, the config); only when none names one does
 * the sandbox's qemu:///system apply.  With --hosts N and no --uri, it is
 * a fleet run over the N hosts.
 */
static int
exec_sandbox(const RunOptions *o, TckConfig *config)
{
    g_autoptr(GPtrArray) child = g_ptr_array_new_with_free_func(g_free);

    g_ptr_array_add(child, tck_cli_self());
    if (o->uris) {
        for (guint i = 0; o->uris[i]; i++)
            g_ptr_array_add(child, g_strdup_printf("--uri=%s", o->uris[i]));
    } else if (o->sandbox_hosts > 0) {
        /* the URIs outside mean nothing in the hub */
        for (int h = 1; h <= o->sandbox_hosts; h++)
            g_ptr_array_add(child, g_strdup_printf("--uri=" TCK_SANDBOX_HOST_URI_FMT, (guint) h));
    } else if (o->sandbox_xen) {
        /* The Xen host's URI is known once it is up: the sandbox fills {uri} in. */
        g_ptr_array_add(child, g_strdup("--uri"));
        g_ptr_array_add(child, g_strdup("{uri}"));
    } else {
        g_ptr_array_add(child, g_strdup_printf("--uri=%s", tck_cli_uri(NULL, config, "qemu:///system")));
    }
    add_child_options(child, o, FALSE);
    g_ptr_array_add(child, g_strdup("--"));
    for (guint i = 0; o->tests && o->tests[i]; i++)
        g_ptr_array_add(child, g_strdup(o->tests[i]));
    g_ptr_array_add(child, NULL);
    return tck_cli_exec_in_sandbox(o->sandbox_tcp, o->sandbox_no_kvm, o->sandbox_xen, o->sandbox_shell,
                                   o->sandbox_hosts, child);
}

static gboolean
check_uri(const char *uri, GError **error)
{
    g_autoptr(GError) local = NULL;

    if (!g_uri_is_valid(uri, G_URI_FLAGS_NONE, &local) || !strstr(uri, ":")) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "invalid URI '%s': %s", uri,
                    local ? local->message : "no scheme");
        return FALSE;
    }
    return TRUE;
}

/* The driver part of the URI schemes libvirt knows ("qemu" in "qemu+ssh"). */
static const char *const known_schemes[] = {
    "test", "qemu", "lxc", "xen", "libxl", "openvz", "vbox", "vmwarews", "vmwareplayer",
    "vmwarefusion", "esx", "gsx", "vpx", "hyperv", "bhyve", "ch", "vz", "parallels",
    "network", "nodedev", "nwfilter", "secret", "storage", "interface", "remote", "phyp",
};

static gboolean
scheme_known(const char *uri)
{
    g_autofree char *scheme = g_uri_parse_scheme(uri);
    char *plus;

    if (!scheme)
        return FALSE;
    if ((plus = strchr(scheme, '+')))
        *plus = '\0';
    for (gsize i = 0; i < G_N_ELEMENTS(known_schemes); i++)
        if (g_ascii_strcasecmp(scheme, known_schemes[i]) == 0)
            return TRUE;
    return FALSE;
}

/*
 * The second host of migration tests (otheruri, $TCK_OTHER_URI folded
 * in), where the harness also cleans what a test's ledger lists.  A host
 * that does not answer is said, and only its cleanup is lost.
 */
static virConnectPtr
connect_other(TckConfig *config)
{
    const char *uri = tck_config_get_string(config, "otheruri");
    g_autoptr(GError) error = NULL;
    virConnectPtr conn;

    if (!uri || !*uri)
        return NULL;
    if (!(conn = tck_virt_open(uri, TCK_VIRT_OPEN_DEFAULT, &error)))
        fprintf(stderr, "libvirt-tck: warning: otheruri, for cleanup: %s\n", error->message);
    return conn;
}

static void
close_conns(virConnectPtr conn, virConnectPtr other_conn)
{
    virConnectClose(conn);
    if (other_conn)
        virConnectClose(other_conn);
}

static virConnectPtr
connect_uri(const char *uri, GError **error)
{
    virConnectPtr conn = tck_virt_open(uri, TCK_VIRT_OPEN_DEFAULT, NULL);

    /* libvirt hands unknown schemes to a daemon, whose absence then
     * hides the real mistake: name it.  A newer driver that does
     * connect is never refused by this list. */
    if (!conn && !scheme_known(uri))
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "unknown URI scheme in '%s' (libvirt said: %s)",
                    uri, tck_virt_last_error());
    else if (!conn)
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONNECT, "cannot connect to '%s': %s", uri,
                    tck_virt_last_error());
    return conn;
}

static char *
version_string(unsigned long v)
{
    return g_strdup_printf("%lu.%lu.%lu", v / 1000000, (v / 1000) % 1000, v % 1000);
}

/* What a report needs to say where and on what the run happened. */
static void
fill_metadata(TckRun *run, virConnectPtr conn, const char *uri, const char *run_id)
{
    TckRunMeta *m = &run->meta;
    unsigned long v = 0;
    struct utsname u;
    g_autofree char *os_release = NULL;
    const char *type;

    m->uri = tck_config_mask_credentials(uri);   /* a report never shows a password */
    m->run_id = g_strdup(run_id);
    type = virConnectGetType(conn);
    m->driver = g_strdup(type ? type : "unknown");
    if (virConnectGetLibVersion(conn, &v) == 0)
        m->daemon_version = version_string(v);
    if (virGetVersion(&v, NULL, NULL) == 0)
        m->libvirt_version = version_string(v);
    if (virConnectGetVersion(conn, &v) == 0)
        m->hypervisor_version = version_string(v);
    m->capabilities_xml = virConnectGetCapabilities(conn);
    if (uname(&u) == 0) {
        m->host_kernel = g_strdup_printf("%s %s", u.sysname, u.release);
        m->host_arch = g_strdup(u.machine);
    }
    m->host_distro = g_get_os_info(G_OS_INFO_KEY_PRETTY_NAME);
    virResetLastError();
}

typedef struct {
    gboolean verbose;
    TckProgress *progress;
    TckReportRunOptions *report;   /* known-broken, so the live line says xfail/xpass */
    TckRun *run;
} LiveState;

static void
on_test_progress(const char *name, gpointer data)
{
    LiveState *live = data;

    if (name)
        tck_progress_started(live->progress, name);
    else
        tck_progress_tick(live->progress);
}

static void
on_test_done(const TckTestResult *r, gpointer data)
{
    LiveState *live = data;

    /* The runner hands out the result it just added to live->run. */
    tck_report_run_test_done(live->report, &live->run->meta, (TckTestResult *)r);
    tck_progress_done(live->progress, r, live->verbose);
}

/*
 * When every test that ran was skipped, or none ran, nothing was tested:
 * say so, naming the first skip's reason, on @out (the human stream).
 */
static gboolean
nothing_tested(const TckRun *run, FILE *out)
{
    guint passed, failed, skipped;
    const char *why = NULL;
    const char *who = NULL;

    tck_format_totals(run, &passed, &failed, &skipped);
    if (passed || failed || run->meta.interrupted)
        return FALSE;
    for (guint i = 0; i < run->tests->len && !why; i++) {
        const TckTestResult *r = g_ptr_array_index(run->tests, i);

        if (r->reason) {
            why = r->reason;
            who = r->name;
        }
    }
    if (run->tests->len == 0)
        fprintf(out, "libvirt-tck: nothing was tested: no test ran\n");
    else
        fprintf(out, "libvirt-tck: nothing was tested: all %u test%s skipped%s%s%s%s%s\n", skipped,
                skipped == 1 ? "" : "s", why ? " (" : "", who ? who : "", who ? ": " : "", why ? why : "",
                why ? ")" : "");
    return TRUE;
}

/*
 * The hosts of a fleet run: two or more --uri, else (no --uri, no
 * $TCK_URI) the config's hosts: list; NULL for a one-host run.
 */
static GStrv
fleet_uris(const RunOptions *o, TckConfig *config)
{
    g_auto(GStrv) listed = NULL;

    if (o->uris && g_strv_length(o->uris) > 1)
        return g_strdupv(o->uris);
    if (o->uris || (g_getenv("TCK_URI") && *g_getenv("TCK_URI")))
        return NULL;
    listed = tck_config_get_strv(config, "hosts");
    return listed && listed[0] ? g_steal_pointer(&listed) : NULL;
}

/* A fleet run: each host's harness is this command again, for one host (tck/fleet.c). */
static int
run_fleet(const RunOptions *o, GStrv uris, TckOutputs *outputs)
{
    g_autoptr(GPtrArray) child = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    g_autoptr(TckFleet) fleet = NULL;
    g_autofree char *tmpl = NULL;
    g_autofree char *scratch = NULL;
    struct sigaction sa = { .sa_handler = on_signal };
    TckFleetOptions fo = { 0 };
    TckFormatOptions fmt = { 0 };
    guint passed, failed, skipped;
    guint bad;
    FILE *human;

    if (o->api_coverage || o->run_id) {
        g_set_error(&error, TCK_ERROR, TCK_ERROR_USAGE, "%s works on one host only, not in a fleet run",
                    o->api_coverage ? "--api-coverage" : "--run-id");
        return tck_exit_report(error);
    }
    for (guint i = 0; uris[i]; i++)
        if (!check_uri(uris[i], &error))
            return tck_exit_report(error);
    if (!tck_outputs_check_fleet(outputs, &error) || !(fleet = tck_fleet_new((const char *const *) uris, &error)))
        return tck_exit_report(error);
    if (!tck_outputs_open(outputs, &error))
        return tck_exit_report(error);
    human = tck_outputs_human(outputs);
    tmpl = g_strdup_printf("libvirt-tck-fleet-%s-XXXXXX", fleet->id);
    if (!(scratch = g_dir_make_tmp(tmpl, &error))) {
        g_autoptr(GError) setup = g_error_new(TCK_ERROR, TCK_ERROR_SETUP, "%s", error->message);

        return tck_exit_report(setup);
    }
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    add_child_options(child, o, TRUE);
    g_ptr_array_add(child, NULL);
    fo.child_args = (const char *const *) child->pdata;
    fo.tests = (const char *const *) o->tests;
    fo.parallel = o->parallel_hosts;
    fo.host_timeout_s = o->host_timeout;
    fo.scratch_dir = scratch;
    fo.human = human;
    fo.interrupted = &interrupted;
    virInitialize();
    tck_virt_quiet_errors();
    tck_fleet_run(fleet, &fo);

    if (o->report.archive && !tck_fleet_archive_write(fleet, o->report.archive, &error))
        return tck_exit_report(error);
    fmt.verbose = o->verbose;
    fmt.quiet = o->quiet;
    fmt.lines_printed = tck_outputs_text_on_stdout(outputs);
    if (!tck_outputs_write_fleet(outputs, fleet, &fmt, &error))
        return tck_exit_report(error);
    tck_fleet_totals(fleet, &passed, &failed, &skipped);
    bad = tck_fleet_failed_hosts(fleet);
    if (!tck_outputs_text_on_stdout(outputs))
        fprintf(human, "Total over %u hosts: %u passed, %u failed, %u skipped%s\n", fleet->hosts->len, passed,
                failed, skipped, bad ? "; some hosts incomplete" : "");
    if (o->keep_scratch)
        fprintf(stderr, "libvirt-tck: the hosts' scratch kept in %s\n", scratch);
    else
        tck_fs_remove_tree(scratch);

    if (fleet->interrupted)
        return TCK_EXIT_INTERRUPTED;
    if (failed || bad)
        return TCK_EXIT_TEST_FAILED;
    if (passed == 0)
        return TCK_EXIT_NOTHING_TESTED;
    return TCK_EXIT_OK;
}

int
tck_cmd_run(int argc, char **argv)
{
    g_auto(RunOptions) o = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(GError) archive_error = NULL;
    gboolean archived;
    g_autoptr(TckConfig) config = NULL;
    g_autoptr(TckOutputs) outputs = NULL;
    g_autoptr(TckProgress) progress = NULL;
    g_autoptr(GPtrArray) all = NULL;
    g_autoptr(GPtrArray) selected = NULL;
    g_autoptr(GPtrArray) to_run = NULL;
    g_autoptr(TckRun) run = NULL;
    g_autoptr(TckDurations) durations = NULL;
    g_autoptr(GError) local = NULL;
    g_autoptr(GString) leftovers = g_string_new(NULL);
    g_autofree char *suites_dir = NULL;
    g_autofree char *run_id = NULL;
    g_autofree char *run_dir = NULL;
    g_autofree char *tmpl = NULL;
    g_auto(GStrv) argv_copy = g_strdupv(argv);
    g_auto(GStrv) hosts = NULL;
    virConnectPtr conn = NULL;
    virConnectPtr other_conn = NULL;
    const char *uri;
    TckRunnerOptions ro = { 0 };
    g_autoptr(TckApi) api = NULL;        /* coverage */
    g_auto(GStrv) coverage_env = NULL;   /* coverage */
    LiveState live = { 0 };
    TckFormatOptions fo = { 0 };
    struct sigaction sa = { .sa_handler = on_signal };
    guint passed, failed, skipped;
    FILE *human;

    (void)argc;
    if (!parse_options(&argv_copy, &o, &error))
        return tck_exit_report(error);
    if (o.version) {
        tck_cli_print_version("libvirt-tck");
        return TCK_EXIT_OK;
    }
    /* Report formats are checked first: a bad one fails before anything runs. */
    if (!(outputs = tck_outputs_parse((const char *const *)o.formats, TRUE, &error)))
        return tck_exit_report(error);
    if (o.report.archive) {
        g_autofree char *what = g_strdup_printf("-a %s", o.report.archive);

        if (!tck_output_path_check(what, o.report.archive, &error))
            return tck_exit_report(error);
    }
    if (!(config = tck_config_load(o.config, &error)))
        return tck_exit_report(error);
    if (o.sandbox || o.sandbox_shell)
        return exec_sandbox(&o, config);
    if (!o.list && (hosts = fleet_uris(&o, config))) {
        gboolean nothing_to_rerun = FALSE;

        /* known-broken files and --rerun-failed are checked once, before any host runs */
        if (!tck_report_run_prepare(&o.report, config, &nothing_to_rerun, &error))
            return tck_exit_report(error);
        return run_fleet(&o, hosts, outputs);
    }

    uri = tck_cli_uri(o.uri, config, NULL);
    tck_config_set_string(config, "uri", uri);
    /* the tests fold $TCK_OTHER_URI into otheruri; so do the needs checked here */
    if (g_getenv(TCK_ENV_OTHER_URI) && *g_getenv(TCK_ENV_OTHER_URI))
        tck_config_set_string(config, "otheruri", g_getenv(TCK_ENV_OTHER_URI));
    uri = tck_config_get_uri(config);
    if (!check_uri(uri, &error))
        return tck_exit_report(error);

    /* Known-broken files are checked and --rerun-failed picks tests before anything runs. */
    {
        gboolean nothing_to_rerun = FALSE;

        if (!tck_report_run_prepare(&o.report, config, &nothing_to_rerun, &error))
            return tck_exit_report(error);
        if (nothing_to_rerun) {
            printf("Nothing failed in %s: nothing to rerun.\n", o.report.rerun_failed);
            return TCK_EXIT_OK;
        }
    }

    suites_dir = tck_registry_suites_dir(o.suites_dir);
    if (!(all = tck_registry_discover(suites_dir, &error)))
        return tck_exit_report(error);
    if (!(selected = tck_report_run_select(&o.report, all, o.tests, &error)))
        return tck_exit_report(error);
    /* Always: the needs are checked, and the jobs scheduled, from what tests say. */
    if (!tck_registry_describe_all(selected, o.timeout, &error))
        return tck_exit_report(error);

    if (o.list) {
        for (guint i = 0; i < selected->len; i++) {
            TckTestEntry *e = g_ptr_array_index(selected, i);
            if (e->describe_error)
                printf("%-45s (--describe failed: %s)\n", e->name, e->describe_error);
            else
                printf("%-45s %s\n", e->name, e->summary ? e->summary : "");
        }
        return TCK_EXIT_OK;
    }

    /* coverage: the API description is checked before anything runs. */
    if (o.api_coverage && !(api = tck_api_load(NULL, &error)))
        return tck_exit_report(error);

    virInitialize();
    tck_virt_quiet_errors();
    if (!(conn = connect_uri(uri, &error)))
        return tck_exit_report(error);

    /* Every output path is opened before the first test: a bad one must not hide a result. */
    if (!tck_outputs_open(outputs, &error)) {
        virConnectClose(conn);
        return tck_exit_report(error);
    }
    human = tck_outputs_human(outputs);

    run_id = o.run_id ? g_strdup(o.run_id) : tck_run_id_new();
    tmpl = g_strdup_printf("libvirt-tck-%s-XXXXXX", run_id);
    if (!(run_dir = g_dir_make_tmp(tmpl, &error))) {
        g_autoptr(GError) setup = g_error_new(TCK_ERROR, TCK_ERROR_SETUP, "%s", error->message);

        virConnectClose(conn);
        return tck_exit_report(setup);
    }
    g_chmod(run_dir, 0755);

    if (tck_cleanup_leftovers(conn, run_id, o.force, leftovers) > 0)
        fputs(leftovers->str, stderr);

    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);   /* a closed terminal ends the run as SIGTERM does */
    signal(SIGPIPE, SIG_IGN);

    run = tck_run_new();
    run->meta.start_us = g_get_real_time();
    fill_metadata(run, conn, uri, run_id);   /* before the run, for known-broken conditions */
    progress = tck_progress_new(human, o.quiet, selected->len);
    tck_progress_header(progress, &run->meta);
    live.report = &o.report;
    live.run = run;
    live.verbose = o.verbose;
    live.progress = progress;
    /* longest first, by each test's last duration on this URI (prove --state=slow) */
    durations = tck_durations_load(uri);
    tck_durations_order(durations, selected);
    ro.jobs = o.jobs;
    ro.timeout_s = o.timeout;
    ro.run_id = run_id;
    ro.run_dir = run_dir;
    ro.config_path = tck_config_get_path(config);
    ro.uri = uri;
    ro.conn = conn;
    ro.other_conn = other_conn = connect_other(config);
    ro.on_done = on_test_done;
    ro.on_progress = on_test_progress;
    ro.on_done_data = &live;
    ro.interrupted = &interrupted;
    if (api)
        ro.extra_env = coverage_env = tck_coverage_env();   /* coverage */
    /* One short KVM boot before the first guest test: never minutes of timeouts. */
    if (tck_canary_wanted(&run->meta, selected, o.jobs > 1, &error) &&
        !tck_canary_run(&ro, human, &error)) {
        close_conns(conn, other_conn);
        tck_fs_remove_tree(run_dir);
        return tck_exit_report(error);
    }
    if (error) {
        close_conns(conn, other_conn);
        return tck_exit_report(error);
    }
    to_run = tck_preflight_needs(selected, conn, config, run, on_test_done, &live);
    if (!tck_runner_run(&ro, to_run, run, &error)) {
        close_conns(conn, other_conn);
        return tck_exit_report(error);
    }
    tck_progress_finish(progress);
    run->meta.end_us = g_get_real_time();
    tck_report_run_record_plan(run, run_dir, conn, config);
    close_conns(conn, other_conn);
    if (api)
        tck_coverage_collect(run, api);   /* coverage: before the reports and the archive */
    tck_durations_record(durations, run);
    if (!tck_durations_save(durations, &local))
        fprintf(stderr, "libvirt-tck: warning: test durations not kept: %s\n", local->message);

    /* Config metadata, known-broken, then the archive (interrupted runs
     * too).  An archive that cannot be written ends the run in its error,
     * after the reports, the closing line and the cleanup. */
    archived = tck_report_run_finish(&o.report, run, config, &archive_error);

    if (api && !o.quiet)
        tck_coverage_print_summary(stdout, api, run->api_coverage);   /* coverage */
    fo.verbose = o.verbose;
    fo.quiet = o.quiet;
    fo.lines_printed = tck_outputs_text_on_stdout(outputs);
    if (!tck_outputs_write(outputs, run, &fo, &error))
        return tck_exit_report(error);
    tck_format_totals(run, &passed, &failed, &skipped);
    /* The closing line is always printed: the text report has it, else the human stream gets it. */
    if (!tck_outputs_text_on_stdout(outputs)) {
        if (run->meta.interrupted)
            fprintf(human, "The run was interrupted.\n");
        fprintf(human, "%u passed, %u failed, %u skipped\n", passed, failed, skipped);
    }
    if (o.keep_scratch)
        fprintf(stderr, "libvirt-tck: scratch kept in %s\n", run_dir);
    else
        tck_fs_remove_tree(run_dir);

    if (!archived)
        return tck_exit_report(archive_error);
    if (run->meta.interrupted)
        return TCK_EXIT_INTERRUPTED;
    if (failed)
        return TCK_EXIT_TEST_FAILED;
    if (nothing_tested(run, human))
        return TCK_EXIT_NOTHING_TESTED;
    return TCK_EXIT_OK;
}
