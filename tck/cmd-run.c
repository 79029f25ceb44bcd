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
#include "libtck/fs-util.h"
#include "cli.h"
#include "cleanup.h"
#include "exit-codes.h"
#include "formats.h"
#include "registry.h"
#include "report-run.h"   /* report: -a, --known-broken, --rerun-failed */
#include "runner.h"

typedef struct {
    char *config;
    char *uri;
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
    gboolean sandbox_xen;
    char **tests;
    TckReportRunOptions report;   /* report: filled by its option group */
} RunOptions;

static void
run_options_clear(RunOptions *o)
{
    g_free(o->config);
    g_free(o->uri);
    g_strfreev(o->formats);
    g_free(o->suites_dir);
    g_strfreev(o->tests);
    tck_report_run_options_clear(&o->report);   /* report */
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
    "Subcommands: libvirt-tck capabilities --help, libvirt-tck report --help.\n"
    "\n"
    "Exit status:\n"
    "  0  every test passed or was skipped\n"
    "  1  a test failed (or crashed, timed out, bailed out, broke its plan);\n"
    "     known-broken failures (xfail) and passes (xpass) do not count\n"
    "  2  usage or config error: bad option, config file, URI syntax, unknown test\n"
    "  3  cannot connect or set up (daemon unreachable, no driver for the URI)\n"
    "  130  interrupted (the report is still written)";

static gboolean
parse_options(char ***argv, RunOptions *o, GError **error)
{
    g_autoptr(GOptionContext) ctx = NULL;
    GOptionEntry entries[] = {
        { "config", 'c', 0, G_OPTION_ARG_FILENAME, &o->config, "Read the config from FILE", "FILE" },
        { "uri", 0, 0, G_OPTION_ARG_STRING, &o->uri, "Connect to URI (overrides the config)", "URI" },
        { "verbose", 'v', 0, G_OPTION_ARG_NONE, &o->verbose, "Show each test's full TAP stream", NULL },
        { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet, "Show only failures and the closing line", NULL },
        { "format", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->formats,
          "Report format, repeatable: text, tap, xml, junit, html (NAME=FILE writes to FILE)", "NAME[=FILE]" },
        { "list", 0, 0, G_OPTION_ARG_NONE, &o->list, "List the selected tests and exit", NULL },
        { "force", 0, 0, G_OPTION_ARG_NONE, &o->force, "Remove leftover tck- objects of other runs first", NULL },
        { "timeout", 't', 0, G_OPTION_ARG_INT, &o->timeout, "Seconds before a test is killed (default 300)", "SECS" },
        { "jobs", 'j', 0, G_OPTION_ARG_INT, &o->jobs, "Run N tests at once (default 1)", "N" },
        { "suites-dir", 0, 0, G_OPTION_ARG_FILENAME, &o->suites_dir, "Find test programs in DIR", "DIR" },
        { "keep-scratch", 0, 0, G_OPTION_ARG_NONE, &o->keep_scratch, "Keep the run's scratch directory", NULL },
        { "sandbox", 0, 0, G_OPTION_ARG_NONE, &o->sandbox,
          "Run inside a private libvirtd in new namespaces (see libvirt-tck-sandbox(1))", NULL },
        { "sandbox-shell", 0, 0, G_OPTION_ARG_NONE, &o->sandbox_shell, "Open a shell inside the sandbox", NULL },
        { "tcp", 0, 0, G_OPTION_ARG_NONE, &o->sandbox_tcp, "With --sandbox: the daemon also listens on 127.0.0.1 TCP", NULL },
        { "no-kvm", 0, 0, G_OPTION_ARG_NONE, &o->sandbox_no_kvm,
          "With --sandbox: hide /dev/kvm, so QEMU guests use TCG", NULL },
        { "xen", 0, 0, G_OPTION_ARG_NONE, &o->sandbox_xen,
          "With --sandbox: run on an emulated Xen host (libxl) instead, see libvirt-tck-sandbox(1)", NULL },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->tests, NULL, "[TEST...]" },
        { NULL },
    };

    o->timeout = 300;
    o->jobs = 1;
    ctx = g_option_context_new("[TEST...]");
    g_option_context_set_summary(ctx, "libvirt-tck: the libvirt Technology Compatibility Kit");
    g_option_context_set_description(ctx, description);
    g_option_context_add_main_entries(ctx, entries, NULL);
    tck_report_run_add_options(ctx, &o->report);   /* report */
    if (!g_option_context_parse_strv(ctx, argv, error)) {
        (*error)->domain = TCK_ERROR;
        (*error)->code = TCK_ERROR_USAGE;
        return FALSE;
    }
    if (o->timeout <= 0 || o->jobs <= 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--timeout and --jobs must be positive");
        return FALSE;
    }
    if (o->verbose && o->quiet) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "-v and -q cannot be used together");
        return FALSE;
    }
    for (guint i = 0; o->formats && o->formats[i]; i++) {
        g_autofree char *name = g_strdup(o->formats[i]);
        char *eq = strchr(name, '=');
        if (eq)
            *eq = '\0';
        if (!tck_format_find(name)) {
            g_autofree char *names = tck_format_names();
            g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "unknown format '%s' (known: %s)", name, names);
            return FALSE;
        }
    }
    return TRUE;
}

/* libvirt-tck --sandbox ...: the same command again, inside libvirt-tck-sandbox. */
static int
exec_sandbox(int argc, char **argv, const RunOptions *o)
{
    g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *dir = self ? g_path_get_dirname(self) : g_strdup(BINDIR);
    g_autofree char *sandbox = g_build_filename(dir, "libvirt-tck-sandbox", NULL);
    g_autoptr(GPtrArray) args = g_ptr_array_new();

    if (!g_file_test(sandbox, G_FILE_TEST_IS_EXECUTABLE)) {
        g_free(sandbox);
        sandbox = g_build_filename(BINDIR, "libvirt-tck-sandbox", NULL);
    }
    g_ptr_array_add(args, sandbox);
    if (o->sandbox_tcp)
        g_ptr_array_add(args, "--tcp");
    if (o->sandbox_no_kvm && !o->sandbox_xen)
        g_ptr_array_add(args, "--no-kvm");
    if (o->sandbox_xen)
        g_ptr_array_add(args, "--xen");
    if (o->sandbox_shell) {
        g_ptr_array_add(args, "--shell");
    } else {
        g_ptr_array_add(args, "--");
        g_ptr_array_add(args, self ? self : argv[0]);
        if (!o->uri) {
            /* The Xen host's URI is known once it is up: the sandbox fills {uri} in. */
            g_ptr_array_add(args, "--uri");
            g_ptr_array_add(args, o->sandbox_xen ? "{uri}" : "qemu:///system");
        }
        for (int i = 1; i < argc; i++)
            if (!g_str_equal(argv[i], "--sandbox") && !g_str_equal(argv[i], "--tcp") &&
                !g_str_equal(argv[i], "--no-kvm") && !g_str_equal(argv[i], "--xen"))
                g_ptr_array_add(args, argv[i]);
    }
    g_ptr_array_add(args, NULL);
    execv(sandbox, (char **)args->pdata);
    fprintf(stderr, "libvirt-tck: sandbox: cannot execute %s: %s\n", sandbox, g_strerror(errno));
    return TCK_EXIT_SETUP;
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

static void
quiet_error_handler(void *opaque, virErrorPtr err)
{
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

static virConnectPtr
connect_uri(const char *uri, GError **error)
{
    virConnectPtr conn = virConnectOpen(uri);

    if (!conn) {
        virErrorPtr err = virGetLastError();
        /* libvirt hands unknown schemes to a daemon, whose absence then
         * hides the real mistake: name it.  A newer driver that does
         * connect is never refused by this list. */
        if (!scheme_known(uri))
            g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                        "unknown URI scheme in '%s' (libvirt said: %s)", uri,
                        err && err->message ? err->message : "unknown error");
        else
            g_set_error(error, TCK_ERROR, TCK_ERROR_CONNECT, "cannot connect to '%s': %s", uri,
                        err && err->message ? err->message : "unknown error");
    }
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

    m->uri = g_strdup(uri);
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
    gboolean live_lines;
    gboolean verbose;
    TckReportRunOptions *report;   /* report */
    TckRun *run;                   /* report */
} LiveState;

static void
on_test_done(const TckTestResult *r, gpointer data)
{
    LiveState *live = data;

    /* report: known-broken, so the live line shows xfail/xpass; the
     * runner hands out the result it just added to live->run. */
    tck_report_run_test_done(live->report, &live->run->meta, (TckTestResult *)r);

    if (live->verbose && r->tap) {
        printf("# %s\n", r->name);
        fputs(r->tap, stdout);
        if (*r->tap && r->tap[strlen(r->tap) - 1] != '\n')
            fputc('\n', stdout);
    }
    if (live->live_lines)
        tck_format_text_test_line(r, stdout);
}

/* Writes every requested format; the default is text on stdout. */
static gboolean
write_reports(const TckRun *run, const RunOptions *o, gboolean lines_printed, GError **error)
{
    const char *default_formats[] = { "text", NULL };
    const char *const *specs = o->formats && o->formats[0] ? (const char *const *)o->formats : default_formats;

    for (guint i = 0; specs[i]; i++) {
        g_autofree char *name = g_strdup(specs[i]);
        char *file = strchr(name, '=');
        TckFormatOptions fo = { .verbose = o->verbose, .quiet = o->quiet };
        const TckFormat *fmt;
        FILE *out = stdout;

        if (file)
            *file++ = '\0';
        fmt = tck_format_find(name);
        fo.lines_printed = !file && lines_printed && g_str_equal(name, "text");
        if (file && !(out = fopen(file, "w"))) {
            int e = errno;
            g_set_error(error, TCK_ERROR, tck_error_from_errno(e), "cannot write %s: %s", file, g_strerror(e));
            return FALSE;
        }
        if (!fmt->write(run, &fo, out, error)) {
            if (file)
                fclose(out);
            return FALSE;
        }
        if (file && fclose(out) != 0) {
            int e = errno;
            g_set_error(error, TCK_ERROR, tck_error_from_errno(e), "cannot write %s: %s", file, g_strerror(e));
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
text_on_stdout(const RunOptions *o)
{
    if (!o->formats || !o->formats[0])
        return TRUE;
    for (guint i = 0; o->formats[i]; i++)
        if (g_str_equal(o->formats[i], "text"))
            return TRUE;
    return FALSE;
}

int
tck_cmd_run(int argc, char **argv)
{
    g_auto(RunOptions) o = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) config = NULL;
    g_autoptr(GPtrArray) all = NULL;
    g_autoptr(GPtrArray) selected = NULL;
    g_autoptr(TckRun) run = NULL;
    g_autoptr(GString) leftovers = g_string_new(NULL);
    g_autofree char *suites_dir = NULL;
    g_autofree char *run_id = NULL;
    g_autofree char *run_dir = NULL;
    g_autofree char *tmpl = NULL;
    g_auto(GStrv) argv_copy = g_strdupv(argv);
    virConnectPtr conn = NULL;
    const char *uri;
    TckRunnerOptions ro = { 0 };
    LiveState live = { 0 };
    struct sigaction sa = { .sa_handler = on_signal };
    guint passed, failed, skipped;

    if (!parse_options(&argv_copy, &o, &error))
        return tck_exit_report(error);
    if (o.sandbox_xen && !o.sandbox && !o.sandbox_shell) {
        g_set_error(&error, TCK_ERROR, TCK_ERROR_USAGE, "--xen goes with --sandbox");
        return tck_exit_report(error);
    }
    if (o.sandbox || o.sandbox_shell)
        return exec_sandbox(argc, argv, &o);

    if (!(config = tck_config_load(o.config, &error)))
        return tck_exit_report(error);
    if (o.uri)
        tck_config_set_string(config, "uri", o.uri);
    uri = tck_config_get_uri(config);
    if (!check_uri(uri, &error))
        return tck_exit_report(error);

    /* report: known-broken files are checked and --rerun-failed picks tests before anything runs. */
    {
        gboolean nothing_to_rerun = FALSE;

        if (!tck_report_run_prepare(&o.report, config, &o.tests, &nothing_to_rerun, &error))
            return tck_exit_report(error);
        if (nothing_to_rerun) {
            printf("Nothing failed in %s: nothing to rerun.\n", o.report.rerun_failed);
            return TCK_EXIT_OK;
        }
    }

    suites_dir = tck_registry_suites_dir(o.suites_dir);
    if (!(all = tck_registry_discover(suites_dir, &error)))
        return tck_exit_report(error);
    if (!(selected = tck_registry_select(all, o.tests, &error)))
        return tck_exit_report(error);
    /* Metadata is for --list and for scheduling (exclusive resources);
     * one test at a time needs none, and skips the extra processes. */
    if ((o.list || o.jobs > 1) && !tck_registry_describe_all(selected, &error))
        return tck_exit_report(error);

    if (o.list) {
        for (guint i = 0; i < selected->len; i++) {
            TckTestEntry *e = g_ptr_array_index(selected, i);
            printf("%-45s %s\n", e->name, e->summary ? e->summary : "");
        }
        return TCK_EXIT_OK;
    }

    virInitialize();
    virSetErrorFunc(NULL, quiet_error_handler);
    if (!(conn = connect_uri(uri, &error)))
        return tck_exit_report(error);

    run_id = g_strdup_printf("%08x", g_random_int());
    tmpl = g_strdup_printf("libvirt-tck-%s-XXXXXX", run_id);
    if (!(run_dir = g_dir_make_tmp(tmpl, &error))) {
        virConnectClose(conn);
        error->domain = TCK_ERROR;
        error->code = TCK_ERROR_SETUP;
        return tck_exit_report(error);
    }
    g_chmod(run_dir, 0755);

    if (tck_cleanup_leftovers(conn, run_id, o.force, leftovers) > 0)
        fputs(leftovers->str, stderr);

    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    run = tck_run_new();
    run->meta.start_us = g_get_real_time();
    fill_metadata(run, conn, uri, run_id);   /* report: before the run, for known-broken conditions */
    live.report = &o.report;                 /* report */
    live.run = run;                          /* report */
    live.verbose = o.verbose;
    live.live_lines = !o.quiet && text_on_stdout(&o);
    ro.jobs = o.jobs;
    ro.timeout_s = o.timeout;
    ro.run_id = run_id;
    ro.run_dir = run_dir;
    ro.config_path = tck_config_get_path(config);
    ro.uri = uri;
    ro.conn = conn;
    ro.on_done = on_test_done;
    ro.on_done_data = &live;
    ro.interrupted = &interrupted;
    if (!tck_runner_run(&ro, selected, run, &error)) {
        virConnectClose(conn);
        return tck_exit_report(error);
    }
    run->meta.end_us = g_get_real_time();
    virConnectClose(conn);

    /* report: config metadata, known-broken, then the archive (interrupted runs too). */
    if (!tck_report_run_finish(&o.report, run, config, &error))
        return tck_exit_report(error);

    if (!write_reports(run, &o, live.live_lines, &error))
        return tck_exit_report(error);
    if (o.keep_scratch)
        fprintf(stderr, "libvirt-tck: scratch kept in %s\n", run_dir);
    else
        tck_fs_remove_tree(run_dir);

    if (run->meta.interrupted)
        return 130;
    tck_format_totals(run, &passed, &failed, &skipped);
    return failed ? TCK_EXIT_TEST_FAILED : TCK_EXIT_OK;
}
