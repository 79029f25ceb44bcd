/*
 * cmd-report.c — `libvirt-tck report ...`: works on stored runs (a results
 * archive or a native XML report) without any libvirt connection:
 *   report [render] RUN [--format NAME[=FILE]]... [--known-broken FILE]...
 *   report mask --known-broken FILE... RUN [--format NAME[=FILE]]...
 *   report compare BASE NEW [--format text|html[=FILE]]...
 *   report matrix [--rows tests|checks] -o FILE.html RUN...
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
#include "report-matrix.h"
#include "report-util.h"

typedef struct {
    char **formats;
    char **known_broken;
    gboolean verbose;
    gboolean quiet;
    double timing_ratio;
    double timing_min_s;
    char *rows;
    char *output;
    char *host;
    char **args;
} ReportOptions;

static void
report_options_clear(ReportOptions *o)
{
    g_strfreev(o->formats);
    g_strfreev(o->known_broken);
    g_free(o->rows);
    g_free(o->output);
    g_free(o->host);
    g_strfreev(o->args);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ReportOptions, report_options_clear)

typedef struct _ReportMode ReportMode;

static int cmd_render(const ReportMode *mode, const ReportOptions *o);
static int cmd_compare(const ReportMode *mode, const ReportOptions *o);
static int cmd_coverage(const ReportMode *mode, const ReportOptions *o);
static int cmd_matrix(const ReportMode *mode, const ReportOptions *o);

/*
 * The report command's table: each mode, its parameters, what it needs,
 * the formats it writes and what runs it.  mask is render with the mask
 * format (formats.c) first on stdout and known-broken files required.
 */
struct _ReportMode {
    const char *name;
    const char *params;
    guint n_args;                  /* 0: one or more */
    const char *summary;
    const char *first_format;      /* always written first, on stdout; or NULL */
    const char *default_format;    /* without --format; or NULL */
    gboolean needs_known_broken;
    gboolean needs_output;         /* -o FILE */
    int (*run)(const ReportMode *mode, const ReportOptions *o);
};

static const ReportMode modes[] = {
    { "render", "RUN", 1, "Re-render a stored run (results archive or XML report) in any format",
      NULL, "text", FALSE, FALSE, cmd_render },
    { "mask", "RUN", 1, "Apply known-broken files to a stored run and print what is left to fix",
      "mask", NULL, TRUE, FALSE, cmd_render },
    { "compare", "BASE NEW", 2, "Compare two stored runs; exit 1 when anything regressed",
      NULL, "text", FALSE, FALSE, cmd_compare },
    { "coverage", "ARCHIVE...", 0, "The public libvirt functions the runs (--api-coverage) called, by area",
      NULL, NULL, FALSE, FALSE, cmd_coverage },
    { "matrix", "RUN...", 0, "An HTML table of runs side by side: a column per run, a row per test or check",
      NULL, NULL, FALSE, TRUE, cmd_matrix },
};

/* coverage: any number of archives (tck/coverage.c) */
static int
cmd_coverage(const ReportMode *mode, const ReportOptions *o)
{
    return tck_cmd_report_coverage(o->args);
}

static const char report_description[] =
    "RUN, BASE and NEW are results archives (-a/--archive) or native XML\n"
    "reports (--format xml=FILE).  No libvirt connection is made.  A fleet\n"
    "run's archive holds a run per host: matrix shows them all, a column\n"
    "each; render, mask and compare take one, named with --host.\n";

/* The report command's exit table; --help prints it. */
static const TckExitDoc report_exits[] = {
    { TCK_EXIT_OK, "render/mask/matrix: no unexpected failure; compare: no regression" },
    { TCK_EXIT_TEST_FAILED, "render/mask/matrix: an unexpected failure is left or a run was interrupted; "
                            "compare: a regression, or either run was interrupted" },
    { TCK_EXIT_USAGE, "usage error, unreadable run or invalid known-broken file" },
    { TCK_EXIT_SETUP, "the output file cannot be written" },
};

static gboolean
parse(char ***argv, const ReportMode *mode, ReportOptions *o, GError **error)
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
        { "rows", 0, 0, G_OPTION_ARG_STRING, &o->rows,
          "matrix: a row per test (default) or per check", "tests|checks" },
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output, "matrix: the HTML file to write", "FILE" },
        { "host", 0, 0, G_OPTION_ARG_STRING, &o->host,
          "Of a fleet archive, only this host: its number or name (as in fleet.txt)", "HOST" },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->args, NULL, mode->params },
        { NULL },
    };
    g_autofree char *prgname = g_strdup_printf("libvirt-tck report %s", mode->name);
    g_autofree char *exits = tck_exit_help(report_exits, G_N_ELEMENTS(report_exits));
    g_autofree char *description = g_strdup_printf("%s\n%s", report_description, exits);
    g_autoptr(GError) local = NULL;

    o->timing_ratio = 2.0;
    o->timing_min_s = 1.0;
    g_set_prgname(prgname);
    ctx = g_option_context_new(NULL);
    g_option_context_set_summary(ctx, mode->summary);
    g_option_context_set_description(ctx, description);
    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!g_option_context_parse_strv(ctx, argv, &local)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "%s (try --help)", local->message);
        return FALSE;
    }
    if (mode->n_args ? !o->args || g_strv_length(o->args) != mode->n_args : !o->args || !o->args[0]) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "report %s takes %s (see --help)",
                    mode->name, mode->params);
        return FALSE;
    }
    if (mode->needs_output && !o->output) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "report %s needs -o FILE", mode->name);
        return FALSE;
    }
    if (o->rows && tck_matrix_rows_from_string(o->rows) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--rows is tests or checks, not '%s'", o->rows);
        return FALSE;
    }
    if (mode->needs_known_broken && !o->known_broken) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "report %s needs --known-broken FILE", mode->name);
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

/*
 * The mode's outputs: its first format on stdout, then --format's specs
 * (NAME[=FILE], at most one on stdout) or its default format.
 */
static TckOutputs *
mode_outputs(const ReportMode *mode, const ReportOptions *o, GError **error)
{
    g_autoptr(GPtrArray) specs = g_ptr_array_new();

    if (mode->first_format)
        g_ptr_array_add(specs, (gpointer) mode->first_format);
    for (guint i = 0; o->formats && o->formats[i]; i++)
        g_ptr_array_add(specs, o->formats[i]);
    if (!o->formats && mode->default_format)
        g_ptr_array_add(specs, (gpointer) mode->default_format);
    g_ptr_array_add(specs, NULL);
    return tck_outputs_parse((const char *const *) specs->pdata, FALSE, error);
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

/*
 * The one run @path holds, or its --host's of a fleet archive.  A fleet
 * archive of several hosts without --host is a usage error naming them.
 */
static TckRun *
read_one_run(const char *path, const char *host, GError **error)
{
    g_autoptr(GPtrArray) runs = tck_report_read_runs(path, host, error);
    g_autoptr(GString) names = NULL;

    if (!runs)
        return NULL;
    if (runs->len == 1)
        return g_ptr_array_steal_index(runs, 0);
    names = g_string_new(NULL);
    for (guint i = 0; i < runs->len; i++) {
        const TckRun *run = g_ptr_array_index(runs, i);

        g_string_append_printf(names, "%s%s", i ? ", " : "", run->meta.uri ? run->meta.uri : "?");
    }
    g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                "%s is a fleet archive of %u hosts (%s): choose one with --host, or see them side by side "
                "with 'report matrix'", path, runs->len, names->str);
    return NULL;
}

static int
run_status(const TckRun *run)
{
    guint passed, failed, skipped;

    tck_format_totals(run, &passed, &failed, &skipped);
    /* An interrupted run did not run everything: never green. */
    return failed || run->meta.interrupted ? TCK_EXIT_TEST_FAILED : TCK_EXIT_OK;
}

/* render and mask: one run, known-broken applied, in the mode's formats */
static int
cmd_render(const ReportMode *mode, const ReportOptions *o)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckRun) run = NULL;
    g_autoptr(TckKnownBroken) kb = NULL;
    g_autoptr(TckOutputs) outputs = NULL;
    TckFormatOptions fo = { .verbose = o->verbose, .quiet = o->quiet };

    if (o->known_broken && !(kb = load_known_broken(o->known_broken, &error)))
        return tck_exit_report(error);
    if (!(run = read_one_run(o->args[0], o->host, &error)))
        return tck_exit_report(error);
    if (kb)
        tck_known_broken_apply(kb, run);
    if (!(outputs = mode_outputs(mode, o, &error)) || !tck_outputs_open(outputs, &error) ||
        !tck_outputs_write(outputs, run, &fo, &error))
        return tck_exit_report(error);
    return run_status(run);
}

static int
cmd_compare(const ReportMode *mode, const ReportOptions *o)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckRun) base = NULL;
    g_autoptr(TckRun) new_run = NULL;
    g_autoptr(TckCompare) cmp = NULL;
    g_autoptr(TckOutputs) outputs = NULL;
    TckCompareOptions co = { o->timing_ratio, (gint64) (o->timing_min_s * G_USEC_PER_SEC) };
    TckFormatOptions fo = { .verbose = o->verbose, .quiet = o->quiet };

    if (!(outputs = mode_outputs(mode, o, &error)) || !tck_outputs_can_compare(outputs, &error))
        return tck_exit_report(error);
    if (!(base = read_one_run(o->args[0], o->host, &error)) ||
        !(new_run = read_one_run(o->args[1], o->host, &error)))
        return tck_exit_report(error);
    if (o->known_broken) {
        g_autoptr(TckKnownBroken) kb = load_known_broken(o->known_broken, &error);

        if (!kb)
            return tck_exit_report(error);
        tck_known_broken_apply(kb, base);
        tck_known_broken_apply(kb, new_run);
    }
    cmp = tck_compare_runs(base, new_run, &co);
    if (!tck_outputs_open(outputs, &error) || !tck_outputs_write_compare(outputs, cmp, &fo, &error))
        return tck_exit_report(error);
    /* An interrupted run never compares as clean. */
    return tck_compare_has_regression(cmp) || base->meta.interrupted || new_run->meta.interrupted
           ? TCK_EXIT_TEST_FAILED : TCK_EXIT_OK;
}

/* matrix: every run read (and masked) first, then one page. */
static int
cmd_matrix(const ReportMode *mode, const ReportOptions *o)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func((GDestroyNotify) tck_run_free);
    g_autoptr(TckKnownBroken) kb = NULL;
    g_autofree TckMatrixColumn *columns = NULL;
    g_autofree char *page = NULL;
    TckMatrixRows rows = o->rows ? tck_matrix_rows_from_string(o->rows) : TCK_MATRIX_ROWS_TESTS;
    int status = TCK_EXIT_OK;
    FILE *out;
    gboolean ok;

    if (o->known_broken && !(kb = load_known_broken(o->known_broken, &error)))
        return tck_exit_report(error);
    for (guint i = 0; o->args[i]; i++) {
        g_autoptr(GPtrArray) these = tck_report_read_runs(o->args[i], o->host, &error);

        if (!these)
            return tck_exit_report(error);
        /* a fleet archive: a column per host */
        while (these->len) {
            TckRun *run = g_ptr_array_steal_index(these, 0);

            if (kb)
                tck_known_broken_apply(kb, run);
            g_ptr_array_add(runs, run);
        }
    }
    columns = g_new0(TckMatrixColumn, runs->len);
    for (guint i = 0; i < runs->len; i++) {
        columns[i].run = g_ptr_array_index(runs, i);
        if (run_status(columns[i].run) != TCK_EXIT_OK)
            status = TCK_EXIT_TEST_FAILED;
    }
    page = tck_report_matrix_to_string(columns, runs->len, rows);
    if (!(out = open_output(o->output, &error)))
        return tck_exit_report(error);
    ok = tck_format_write_string(page, out, "matrix", &error);
    if (!close_output(out, o->output, ok ? &error : NULL) || !ok)
        return tck_exit_report(error);
    return status;
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
    const ReportMode *mode = &modes[0];   /* render, when no mode word is given */
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
            mode = &modes[i];
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

        if (!parse(&strv, mode, &o, &error))
            return tck_exit_report(error);
    }
    return mode->run(mode, &o);
}
