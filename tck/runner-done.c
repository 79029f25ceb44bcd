/*
 * runner-done.c — the on-done step after each test: whatever its ledger
 * lists goes, and the result says what cleanup did or could not do.
 */
#include <config.h>
#include <tck/ledger.h>
#include "report-util.h"
#include "runner-job.h"

void
tck_runner_job_done(const TckRunnerOptions *opts, const char *ledger, TckTestResult *r)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) entries = tck_ledger_read(ledger, &error);
    g_autoptr(GString) log = g_string_new(NULL);
    guint failed = 0;

    if (!entries) {
        /* What it created cannot be known: never a silent pass. */
        g_string_append_printf(log, "%s\n", error->message);
        r->cleanup_log = g_string_free(g_steal_pointer(&log), FALSE);
        if (!tck_status_is_failure(r->status)) {
            r->status = TCK_STATUS_ERROR;
            g_free(r->reason);
            r->reason = g_strdup_printf("its ledger is unusable: %s", error->message);
        }
        return;
    }
    if (!opts->conn || entries->len == 0)
        return;
    failed = tck_ledger_cleanup(opts->conn, entries, opts->run_id, log);
    if (log->len)
        r->cleanup_log = g_string_free(g_steal_pointer(&log), FALSE);
    if (failed && r->status == TCK_STATUS_PASS) {
        r->status = TCK_STATUS_ERROR;
        g_free(r->reason);
        r->reason = g_strdup_printf("cleanup could not remove %u object(s)", failed);
    }
}
