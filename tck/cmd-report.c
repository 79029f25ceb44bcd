/*
 * cmd-report.c — `libvirt-tck report ...`: works on stored runs (a results
 * archive or a native XML report) without any libvirt connection:
 *   report [render] RUN [--format NAME[=FILE]]... [--known-broken FILE]...
 *   report mask --known-broken FILE... RUN [--format NAME[=FILE]]...
 *   report compare BASE NEW [--format text|html[=FILE]]...
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <tck/error.h>

#include "cli.h"
#include "compare.h"
#include "coverage.h"
#include "exit-codes.h"
#include "formats.h"
#include "known-broken.h"
#include "outputs.h"
#include "report.h"
#include "report-util.h"

typedef struct {
    char **formats;
    char **known_broken;
    gboolean verbose;
    gboolean quiet;
    double timing_ratio;
    double timing_min_s;
    char **args;
} ReportOptions;

static void
report_options_clear(ReportOptions *o)
{
    g_strfreev(o->formats);
    g_strfreev(o->known_broken);
    g_strfreev(o->args);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ReportOptions, report_options_clear)

typedef enum { MODE_RENDER, MODE_MASK, MODE_COMPARE, MODE_COVERAGE } Mode;

static int cmd_render(const ReportOptions *o);
static int cmd_mask(const ReportOptions *o);
static int cmd_compare(const ReportOptions *o);

/* coverage: any number of archives (tck/coverage.c) */
static int
cmd_coverage(const ReportOptions *o)
{
    return tck_cmd_report_coverage(o->args);
}

/* The report command's table: each mode, its parameters and what runs it. */
static const struct {
    const char *name;
    Mode mode;
    const char *params;
    guint n_args;
    const char *summary;
    int (*run)(const ReportOptions *o);
} modes[] = {
    { "render", MODE_RENDER, "RUN", 1,
      "Re-render a stored run (results archive or XML report) in any format", cmd_render },
    { "mask", MODE_MASK, "RUN", 1,
      "Apply known-broken files to a stored run and print what is left to fix", cmd_mask },
    { "compare", MODE_COMPARE, "BASE NEW", 2,
      "Compare two stored runs; exit 1 when anything regressed", cmd_compare },
    /* n_args 0: any number */
    { "coverage", MODE_COVERAGE, "ARCHIVE...", 0,
      "The public libvirt functions the runs (--api-coverage) called, by area", cmd_coverage },
};

static const char report_description[] =
    "RUN, BASE and NEW are results archives (-a/--archive) or native XML\n"
    "reports (--format xml=FILE).  No libvirt connection is made.\n";

/* The report command's exit table; --help prints it. */
static const TckExitDoc report_exits[] = {
    { TCK_EXIT_OK, "render/mask: no unexpected failure; compare: no regression" },
    { TCK_EXIT_TEST_FAILED, "render/mask: an unexpected failure is left or the run was interrupted; "
                            "compare: a regression, or either run was interrupted" },
    { TCK_EXIT_USAGE, "usage error, unreadable run or invalid known-broken file" },
};

static gboolean
parse(char ***argv, Mode mode, ReportOptions *o, GError **error)
{
    g_autoptr(GOptionContext) ctx = NULL;
    g_autofree char *names = tck_format_names();
    g_autofree char *format_help = g_strdup_printf("Output format, repeatable: %s "
                                                   "(NAME=FILE writes to FILE)", names);
    GOptionEntry entries[] = {
        { "format", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->formats, format_help, "NAME[=FILE]" },
        { "known-broken", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->known_broken,
          "Apply a known-broken YAML file, repeatable", "FILE" },
        { "verbose", 'v', 0, G_OPTION_ARG_NONE, &o->verbose, "Full TAP streams in text/tap output", NULL },
        { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet, "Only failures and the closing line", NULL },
        { "timing-ratio", 0, 0, G_OPTION_ARG_DOUBLE, &o->timing_ratio,
          "compare: flag a test whose time changed by this factor (default 2)", "R" },
        { "timing-min", 0, 0, G_OPTION_ARG_DOUBLE, &o->timing_min_s,
          "compare: ... and by at least this many seconds (default 1)", "SECS" },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->args, NULL, modes[mode].params },
        { NULL },
    };
    g_autofree char *prgname = g_strdup_printf("libvirt-tck report %s", modes[mode].name);
    g_autofree char *exits = tck_exit_help(report_exits, G_N_ELEMENTS(report_exits));
    g_autofree char *description = g_strdup_printf("%s\n%s", report_description, exits);
    g_autoptr(GError) local = NULL;

    o->timing_ratio = 2.0;
    o->timing_min_s = 1.0;
    g_set_prgname(prgname);
    ctx = g_option_context_new(NULL);
    g_option_context_set_summary(ctx, modes[mode].summary);
    g_option_context_set_description(ctx, description);
    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!g_option_context_parse_strv(ctx, argv, &local)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "%s (try --help)", local->message);
        return FALSE;
    }
    if (modes[mode].n_args && (!o->args || g_strv_length(o->args) != modes[mode].n_args)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "report %s takes %s (see --help)",
                    modes[mode].name, modes[mode].params);
        return FALSE;
    }
    if (mode == MODE_MASK && !o->known_broken) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "report mask needs --known-broken FILE");
        return FALSE;
    }
    if (o->timing_ratio < 1.0 || o->timing_min_s < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                    "--timing-ratio must be at least 1 and --timing-min not negative");
        return FALSE;
    }
    return TRUE;
}

/* Opens FILE of a NAME=FILE spec, or stdout. */
static FILE *
open_output(const char *file, GError **error)
{
    FILE *out;

    if (!file)
        return stdout;
    if (!(out = fopen(file, "w"))) {
        int e = errno;

        g_set_error(error, TCK_ERROR, tck_error_from_errno(e), "cannot write %s: %s",
                    file, g_strerror(e));
    }
    return out;
}

static gboolean
close_output(FILE *out, const char *file, GError **error)
{
    if (out == stdout) {
        fflush(out);
        return TRUE;
    }
    if (fclose(out) != 0) {
        int e = errno;

        g_set_error(error, TCK_ERROR, tck_error_from_errno(e), "cannot write %s: %s",
                    file, g_strerror(e));
        return FALSE;
    }
    return TRUE;
}

/* Writes @specs (NAME[=FILE], at most one on stdout), every file opened first. */
static gboolean
write_formats(const TckRun *run, const ReportOptions *o, const char *const *specs, GError **error)
{
    g_autoptr(TckOutputs) outputs = tck_outputs_parse(specs, FALSE, error);
    TckFormatOptions fo = { .verbose = o->verbose, .quiet = o->quiet };

    return outputs && tck_outputs_open(outputs, error) && tck_outputs_write(outputs, run, &fo, error);
}

static TckKnownBroken *
load_known_broken(char **files, GError **error)
{
    g_autoptr(TckKnownBroken) kb = tck_known_broken_new();
    guint i;

    for (i = 0; files && files[i]; i++) {
        if (!tck_known_broken_load(kb, files[i], error))
            return NULL;
    }
    return g_steal_pointer(&kb);
}

static int
run_status(const TckRun *run)
{
    guint passed, failed, skipped;

    tck_format_totals(run, &passed, &failed, &skipped);
    /* An interrupted run did not run everything: never green. */
    return failed || run->meta.interrupted ? TCK_EXIT_TEST_FAILED : TCK_EXIT_OK;
}

static int
cmd_render(const ReportOptions *o)
{
    static const char *const default_formats[] = { "text", NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(TckRun) run = tck_report_read(o->args[0], &error);

    if (!run)
        return tck_exit_report(error);
    if (o->known_broken) {
        g_autoptr(TckKnownBroken) kb = load_known_broken(o->known_broken, &error);

        if (!kb)
            return tck_exit_report(error);
        tck_known_broken_apply(kb, run);
    }
    if (!write_formats(run, o, o->formats ? (const char *const *) o->formats : default_formats,
                       &error))
        return tck_exit_report(error);
    return run_status(run);
}

/* "what is left to fix" after known-broken: the mask command's own output. */
static void
print_mask(const TckRun *run, FILE *out)
{
    guint left = 0, xfail = 0, xpass = 0;
    guint stale = run->known_broken_stale ? run->known_broken_stale->len : 0;
    guint i, j;

    fprintf(out, "Left to fix:\n");
    for (i = 0; i < run->tests->len; i++) {
        const TckTestResult *t = g_ptr_array_index(run->tests, i);

        if (!tck_status_is_failure(t->status))
            continue;
        left++;
        fprintf(out, "  %s: %s%s%s\n", t->name, tck_status_to_string(t->status),
                t->reason ? ": " : "", t->reason ? t->reason : "");
        for (j = 0; j < t->checks->len; j++) {
            const TckCheckResult *c = g_ptr_array_index(t->checks, j);

            if (c->status == TCK_STATUS_FAIL)
                fprintf(out, "    not ok %u - %s\n", c->number, c->description ? c->description : "");
        }
    }
    if (!left)
        fprintf(out, "  nothing\n");

    fprintf(out, "\nKnown broken, still failing (xfail):\n");
    for (i = 0; i < run->tests->len; i++) {
        const TckTestResult *t = g_ptr_array_index(run->tests, i);

        /* A whole-test entry covers its checks: one line for all. */
        if (t->status == TCK_STATUS_XFAIL && t->known_broken) {
            fprintf(out, "  %s: %s\n", t->name, t->known_broken);
            xfail++;
            continue;
        }
        for (j = 0; j < t->checks->len; j++) {
            const TckCheckResult *c = g_ptr_array_index(t->checks, j);

            if (c->status == TCK_STATUS_XFAIL) {
                fprintf(out, "  %s #%u %s: %s\n", t->name, c->number,
                        c->description ? c->description : "", c->known_broken ? c->known_broken : "");
                xfail++;
            }
        }
    }
    if (!xfail)
        fprintf(out, "  none\n");

    fprintf(out, "\nKnown broken but passing now (xpass: check whether the bug is fixed):\n");
    for (i = 0; i < run->tests->len; i++) {
        const TckTestResult *t = g_ptr_array_index(run->tests, i);

        for (j = 0; j < t->checks->len; j++) {
            const TckCheckResult *c = g_ptr_array_index(t->checks, j);

            if (c->status == TCK_STATUS_XPASS) {
                fprintf(out, "  %s #%u %s: %s\n", t->name, c->number,
                        c->description ? c->description : "", c->known_broken ? c->known_broken : "");
                xpass++;
            }
        }
        if (t->status == TCK_STATUS_XPASS && t->known_broken && t->checks->len == 0) {
            fprintf(out, "  %s: %s\n", t->name, t->known_broken);
            xpass++;
        }
    }
    if (!xpass)
        fprintf(out, "  none\n");

    fprintf(out, "\nStale known-broken entries (matched nothing in this run):\n");
    for (i = 0; i < stale; i++)
        fprintf(out, "  %s\n", (const char *) g_ptr_array_index(run->known_broken_stale, i));
    if (!stale)
        fprintf(out, "  none\n");

    fprintf(out, "\n%u left to fix, %u known broken, %u unexpectedly passing, %u stale entries\n",
            left, xfail, xpass, stale);
}

static int
cmd_mask(const ReportOptions *o)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckKnownBroken) kb = load_known_broken(o->known_broken, &error);
    g_autoptr(TckRun) run = NULL;

    if (!kb)
        return tck_exit_report(error);
    if (!(run = tck_report_read(o->args[0], &error)))
        return tck_exit_report(error);
    tck_known_broken_apply(kb, run);
    print_mask(run, stdout);
    fflush(stdout);
    if (o->formats && !write_formats(run, o, (const char *const *) o->formats, &error))
        return tck_exit_report(error);
    return run_status(run);
}

static int
cmd_compare(const ReportOptions *o)
{
    static const char *const default_formats[] = { "text", NULL };
    const char *const *specs = o->formats ? (const char *const *) o->formats : default_formats;
    g_autoptr(GError) error = NULL;
    g_autoptr(TckRun) base = NULL;
    g_autoptr(TckRun) new_run = NULL;
    g_autoptr(TckCompare) cmp = NULL;
    TckCompareOptions co = { o->timing_ratio, (gint64) (o->timing_min_s * G_USEC_PER_SEC) };
    guint i;

    if (!(base = tck_report_read(o->args[0], &error)) ||
        !(new_run = tck_report_read(o->args[1], &error)))
        return tck_exit_report(error);
    if (o->known_broken) {
        g_autoptr(TckKnownBroken) kb = load_known_broken(o->known_broken, &error);

        if (!kb)
            return tck_exit_report(error);
        tck_known_broken_apply(kb, base);
        tck_known_broken_apply(kb, new_run);
    }
    cmp = tck_compare_runs(base, new_run, &co);

    for (i = 0; specs[i]; i++) {
        g_autofree char *name = g_strdup(specs[i]);
        char *file = strchr(name, '=');
        g_autofree char *text = NULL;
        FILE *out;
        gboolean ok;

        if (file)
            *file++ = '\0';
        if (g_str_equal(name, "text")) {
            text = tck_compare_to_text(cmp);
        } else if (g_str_equal(name, "html")) {
            text = tck_report_html_to_string(new_run, cmp);
        } else {
            g_set_error(&error, TCK_ERROR, TCK_ERROR_USAGE,
                        "report compare writes text or html, not '%s'", name);
            return tck_exit_report(error);
        }
        if (!(out = open_output(file, &error)))
            return tck_exit_report(error);
        ok = tck_format_write_string(text, out, name, &error);
        if (!close_output(out, file, ok ? &error : NULL) || !ok)
            return tck_exit_report(error);
    }
    /* An interrupted run never compares as clean. */
    return tck_compare_has_regression(cmp) || base->meta.interrupted || new_run->meta.interrupted
           ? TCK_EXIT_TEST_FAILED : TCK_EXIT_OK;
}

static void
print_usage(FILE *out)
{
    guint i;

    fprintf(out, "Usage:\n");
    for (i = 0; i < G_N_ELEMENTS(modes); i++)
        fprintf(out, "  libvirt-tck report %-8s %-9s %s\n", modes[i].name, modes[i].params,
                modes[i].summary);
    fprintf(out, "\n'render' may be left out: libvirt-tck report RUN.\n"
                 "Run 'libvirt-tck report MODE --help' for the options.\n\n");
    {
        g_autofree char *exits = tck_exit_help(report_exits, G_N_ELEMENTS(report_exits));

        fputs(exits, out);
    }
}

int
tck_cmd_report(int argc, char **argv)
{
    g_auto(ReportOptions) o = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) args = g_ptr_array_new();
    gsize mode = 0;   /* render, when no mode word is given */
    int first = 1;

    if (argc < 2) {
        print_usage(stderr);
        return TCK_EXIT_USAGE;
    }
    if (g_str_equal(argv[1], "--help") || g_str_equal(argv[1], "-h") ||
        g_str_equal(argv[1], "help")) {
        print_usage(stdout);
        return TCK_EXIT_OK;
    }
    if (g_str_equal(argv[1], "--version")) {
        tck_cli_print_version("libvirt-tck");
        return TCK_EXIT_OK;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(modes); i++) {
        if (g_str_equal(argv[1], modes[i].name)) {
            mode = i;
            first = 2;
            break;
        }
    }
    /* The mode's own argv: the program name, then what follows the mode word. */
    g_ptr_array_add(args, argv[0]);
    for (int i = first; i < argc; i++)
        g_ptr_array_add(args, argv[i]);
    g_ptr_array_add(args, NULL);
    {
        g_auto(GStrv) strv = g_strdupv((char **)args->pdata);

        if (!parse(&strv, modes[mode].mode, &o, &error))
            return tck_exit_report(error);
    }
    return modes[mode].run(&o);
}
