/*
 * format-tap.c — the run as one TAP stream: a check per test, each
 * test's own TAP stream indented above it (a TAP 13 subtest) with -v.
 */
#include <config.h>
#include "formats.h"

gboolean
tck_format_tap(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error)
{
    fprintf(out, "TAP version 13\n1..%u\n", run->tests->len);
    for (guint i = 0; i < run->tests->len; i++) {
        const TckTestResult *r = g_ptr_array_index(run->tests, i);
        gboolean ok = !tck_status_info(r->status)->failure;

        fprintf(out, "# Subtest: %s\n", r->name);
        if (opts->verbose && r->tap) {
            g_auto(GStrv) lines = g_strsplit(r->tap, "\n", -1);
            for (guint l = 0; lines[l]; l++)
                if (lines[l + 1] || *lines[l])
                    fprintf(out, "    %s\n", lines[l]);
        }
        fprintf(out, "%s %u - %s", ok ? "ok" : "not ok", i + 1, r->name);
        if (tck_status_info(r->status)->counts_as == TCK_COUNT_SKIPPED)
            fprintf(out, " # SKIP %s", r->reason ? r->reason : "");
        else if (!ok && r->reason)
            fprintf(out, " # %s", r->reason);
        fputc('\n', out);
    }
    if (run->meta.interrupted)
        fprintf(out, "Bail out! interrupted\n");
    fflush(out);
    return TRUE;
}
