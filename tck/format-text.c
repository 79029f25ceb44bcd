/* format-text.c — the default report: a line per test, the failures, a closing count. */
#include <config.h>
#include <string.h>
#include "formats.h"

static const char *
status_label(TckStatus s)
{
    return tck_status_info(s)->label;
}

void
tck_format_text_test_line(const TckTestResult *r, FILE *out)
{
    int pad = 50 - (int)strlen(r->name);

    fprintf(out, "%s %.*s %-15s %6.2f s", r->name, pad > 2 ? pad : 2,
            "..................................................", status_label(r->status),
            r->duration_us / 1e6);
    if (r->reason && r->status != TCK_STATUS_PASS)
        fprintf(out, "  (%s)", r->reason);
    fputc('\n', out);
    fflush(out);
}

static void
indent(FILE *out, const char *text, const char *prefix)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        if (!lines[i + 1] && !*lines[i])
            break;
        fprintf(out, "%s%s\n", prefix, lines[i]);
    }
}

static void
failure_details(const TckTestResult *r, const TckFormatOptions *opts, FILE *out)
{
    fprintf(out, "\n--- %s: %s\n", r->name, r->reason ? r->reason : tck_status_to_string(r->status));
    for (guint i = 0; i < r->checks->len; i++) {
        const TckCheckResult *c = g_ptr_array_index(r->checks, i);
        if (c->status == TCK_STATUS_XPASS) {
            fprintf(out, "  ok %u - %s  (known broken, but passed: %s)\n", c->number,
                    c->description ? c->description : "", c->known_broken ? c->known_broken : "");
            continue;
        }
        if (c->status != TCK_STATUS_FAIL)
            continue;
        fprintf(out, "  not ok %u - %s\n", c->number, c->description ? c->description : "");
        if (c->diagnostics)
            indent(out, c->diagnostics, "      # ");
    }
    if (r->status == TCK_STATUS_ERROR && r->log && *r->log) {
        /* The end of stderr usually says why it died. */
        const char *log = r->log;
        gsize len = strlen(log);
        if (len > 2000)
            log += len - 2000;
        fprintf(out, "  stderr%s:\n", log != r->log ? " (last 2000 bytes)" : "");
        indent(out, log, "    | ");
    }
    if (r->cleanup_log && *r->cleanup_log) {
        fprintf(out, "  cleanup after the test:\n");
        indent(out, r->cleanup_log, "    ");
    }
}

/* Expected failures in one line each, and known-broken entries that matched nothing. */
static void
known_broken_summary(const TckRun *run, FILE *out)
{
    gboolean header = FALSE;

    for (guint i = 0; i < run->tests->len; i++) {
        const TckTestResult *r = g_ptr_array_index(run->tests, i);

        if (r->status != TCK_STATUS_XFAIL)
            continue;
        if (!header)
            fprintf(out, "\nKnown broken (xfail, not counted as failures):\n");
        header = TRUE;
        if (r->known_broken)
            fprintf(out, "  %s: %s\n", r->name, r->known_broken);
        for (guint j = 0; j < r->checks->len; j++) {
            const TckCheckResult *c = g_ptr_array_index(r->checks, j);

            if (c->status == TCK_STATUS_XFAIL)
                fprintf(out, "  %s #%u: %s\n", r->name, c->number, c->known_broken ? c->known_broken : "");
        }
    }
    if (run->known_broken_stale && run->known_broken_stale->len > 0) {
        fprintf(out, "\nStale known-broken entries (matched nothing in this run):\n");
        for (guint i = 0; i < run->known_broken_stale->len; i++)
            fprintf(out, "  %s\n", (const char *)g_ptr_array_index(run->known_broken_stale, i));
    }
}

gboolean
tck_format_text(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error)
{
    guint passed, failed, skipped;

    if (!opts->quiet && !opts->lines_printed)
        for (guint i = 0; i < run->tests->len; i++)
            tck_format_text_test_line(g_ptr_array_index(run->tests, i), out);
    for (guint i = 0; i < run->tests->len; i++) {
        const TckTestResult *r = g_ptr_array_index(run->tests, i);
        if (tck_status_info(r->status)->failure || r->status == TCK_STATUS_XPASS)
            failure_details(r, opts, out);
    }
    known_broken_summary(run, out);
    if (run->meta.interrupted)
        fprintf(out, "\nThe run was interrupted.\n");
    tck_format_totals(run, &passed, &failed, &skipped);
    fprintf(out, "\n%u passed, %u failed, %u skipped\n", passed, failed, skipped);
    fflush(out);
    return TRUE;
}
