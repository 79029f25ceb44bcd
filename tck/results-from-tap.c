/* results-from-tap.c — a test program's TAP and exit into a test result. */
#include <config.h>
#include <string.h>
#include <sys/wait.h>
#include "results-from-tap.h"

static TckStatus
check_status(const TckTapCheck *c)
{
    switch (c->directive) {
    case TCK_TAP_DIRECTIVE_SKIP:
        /* As prove: only TODO turns a "not ok" around; a skipped "not ok" failed. */
        return c->ok ? TCK_STATUS_SKIP : TCK_STATUS_FAIL;
    case TCK_TAP_DIRECTIVE_TODO:
        return TCK_STATUS_TODO;
    case TCK_TAP_DIRECTIVE_NONE:
    default:
        return c->ok ? TCK_STATUS_PASS : TCK_STATUS_FAIL;
    }
}

static void
set_reason(TckTestResult *r, TckStatus status, char *reason)
{
    r->status = status;
    g_free(r->reason);
    r->reason = reason;
}

void
tck_results_from_tap(TckTestResult *r, const TckTapSummary *s, int wait_status,
                     gboolean timed_out, guint timeout_s)
{
    guint64 n = s->n_checks;

    /* The parser kept the first TCK_TAP_MAX_CHECKS checks and counted all:
     * a flood of "ok" lines is neither built twice nor fills the report. */
    for (guint i = 0; i < s->checks->len; i++) {
        const TckTapCheck *c = g_ptr_array_index(s->checks, i);
        TckCheckResult *cr = tck_check_result_new();

        cr->number = c->number > G_MAXUINT ? G_MAXUINT : (guint)c->number;
        cr->status = check_status(c);
        cr->description = g_strdup(c->description ? c->description : "");
        cr->directive_reason = g_strdup(c->reason);
        if (c->diagnostics && c->diagnostics->len)
            cr->diagnostics = g_strndup(c->diagnostics->str, c->diagnostics->len);
        g_ptr_array_add(r->checks, cr);
    }
    r->planned = s->planned;
    if (n > s->checks->len) {
        g_autofree char *note = g_strdup_printf("\n[libvirt-tck: %" G_GUINT64_FORMAT " checks past the first %u were counted, not kept]\n",
                                                n - s->checks->len, s->checks->len);
        char *log = g_strconcat(r->log ? r->log : "", note, NULL);
        g_free(r->log);
        r->log = log;
    }

    r->exit_status = -1;
    r->term_signal = 0;
    if (wait_status != -1) {
        if (WIFEXITED(wait_status))
            r->exit_status = WEXITSTATUS(wait_status);
        else if (WIFSIGNALED(wait_status))
            r->term_signal = WTERMSIG(wait_status);
    }
    r->timed_out = timed_out;

    /* Most telling reason first: how it ended, then what it said. */
    if (timed_out) {
        set_reason(r, TCK_STATUS_ERROR, g_strdup_printf("timed out after %u s", timeout_s));
    } else if (r->term_signal) {
        set_reason(r, TCK_STATUS_ERROR, g_strdup_printf("killed by signal %d (SIG%s)", r->term_signal,
                                                        sigabbrev_np(r->term_signal) ? sigabbrev_np(r->term_signal) : "?"));
    } else if (s->bailed_out) {
        set_reason(r, TCK_STATUS_ERROR, g_strdup_printf("bailed out: %s",
                                                        s->bail_out_reason && *s->bail_out_reason ? s->bail_out_reason : "no reason given"));
    } else if (s->skip_all && r->exit_status != 0) {
        set_reason(r, TCK_STATUS_ERROR, g_strdup_printf("skipped all, then exited with status %d",
                                                        r->exit_status));
    } else if (s->skip_all) {
        set_reason(r, TCK_STATUS_SKIP, g_strdup(s->skip_all_reason ? s->skip_all_reason : "skipped"));
    } else if (s->planned < 0) {
        set_reason(r, TCK_STATUS_ERROR, g_strdup_printf("no TAP plan seen (%" G_GUINT64_FORMAT " check%s, %u junk line%s)",
                                                        n, n == 1 ? "" : "s",
                                                        s->n_junk, s->n_junk == 1 ? "" : "s"));
    } else if ((guint64)s->planned != n) {
        set_reason(r, TCK_STATUS_ERROR, g_strdup_printf("planned %" G_GINT64_FORMAT " check%s, ran %" G_GUINT64_FORMAT,
                                                        s->planned, s->planned == 1 ? "" : "s", n));
    } else if (s->n_failed) {
        set_reason(r, TCK_STATUS_FAIL, g_strdup_printf("%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " check%s failed",
                                                       s->n_failed, n, n == 1 ? "" : "s"));
    } else if (r->exit_status != 0) {
        set_reason(r, TCK_STATUS_ERROR, g_strdup_printf("exited with status %d", r->exit_status));
    } else if (s->problems && s->problems->len) {
        set_reason(r, TCK_STATUS_ERROR, g_strdup(g_ptr_array_index(s->problems, 0)));
    } else if (n > 0 && s->n_skipped == n) {
        const TckTapCheck *c = g_ptr_array_index(s->checks, 0);
        set_reason(r, TCK_STATUS_SKIP, g_strdup(c->reason ? c->reason : "every check skipped"));
    } else {
        set_reason(r, TCK_STATUS_PASS, NULL);
    }
}
