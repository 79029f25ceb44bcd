/*
 * runner-done.c — the on-done step after each test: whatever its ledger
 * lists goes, and the result says what cleanup did or could not do.
 */
#include <config.h>
#include <tck/ledger.h>
#include "report-util.h"
#include "runner-job.h"

/*
 * Only a test that needs otheruri (a migration) can have put objects
 * there: the others' cleanup never asks that host, whose loss (a fleet
 * host gone) then fails none of them.
 */
static gboolean
uses_other_uri(const TckTestEntry *entry)
{
    return entry && entry->needs && g_strv_contains((const char *const *) entry->needs, "config:otheruri");
}

void
tck_runner_job_done(const TckRunnerOptions *opts, const TckTestEntry *entry, const char *ledger,
                    TckTestResult *r)
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
    /* a migration's objects live on otheruri under the same ledger names */
    if (opts->other_conn && uses_other_uri(entry))
        failed += tck_ledger_cleanup(opts->other_conn, entries, opts->run_id, log);
    if (log->len)
        r->cleanup_log = g_string_free(g_steal_pointer(&log), FALSE);
    if (failed && r->status == TCK_STATUS_PASS) {
        r->status = TCK_STATUS_ERROR;
        g_free(r->reason);
        r->reason = g_strdup_printf("cleanup could not remove %u object(s)", failed);
    }
}
