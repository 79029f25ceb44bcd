/*
 * format-mask.c — what is left to fix once known-broken files are applied:
 * the unexpected failures, the known-broken ones still failing (xfail),
 * those that pass now (xpass) and the entries that matched nothing.  The
 * output of `report mask`, and a format like any other.
 */
#include <config.h>

#include "formats.h"
#include "report-util.h"

gboolean
tck_format_mask(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error)
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
    return tck_format_write_string("", out, "mask", error);
}
