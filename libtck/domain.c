/*
 * domain.c — a domain's state as words and as a check, waits for a
 * state, its XML's text, and the skip for what a driver does not implement.
 */
#include <config.h>

#include <string.h>
#include <libvirt/virterror.h>

#include <tck/domain.h>
#include <tck/xml.h>
#include "test-private.h"

/* Reasons per state, in ABI order (libvirt-domain.h). */
static const char *const nostate_reasons[] = { "unknown", NULL };
static const char *const running_reasons[] = {
    "unknown", "booted", "migrated", "restored", "from-snapshot", "unpaused", "migration-canceled",
    "save-canceled", "wakeup", "crashed", "postcopy", "postcopy-failed", NULL };
static const char *const blocked_reasons[] = { "unknown", NULL };
static const char *const paused_reasons[] = {
    "unknown", "user", "migration", "save", "dump", "ioerror", "watchdog", "from-snapshot",
    "shutting-down", "snapshot", "crashed", "starting-up", "postcopy", "postcopy-failed",
    "api-error", NULL };
static const char *const shutdown_reasons[] = { "unknown", "user", NULL };
static const char *const shutoff_reasons[] = {
    "unknown", "shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from-snapshot",
    "daemon", NULL };
static const char *const crashed_reasons[] = { "unknown", "panicked", NULL };
static const char *const pmsuspended_reasons[] = { "unknown", NULL };

static const struct {
    const char *name;
    const char *const *reasons;
} state_names[] = {
    [VIR_DOMAIN_NOSTATE] = { "nostate", nostate_reasons },
    [VIR_DOMAIN_RUNNING] = { "running", running_reasons },
    [VIR_DOMAIN_BLOCKED] = { "blocked", blocked_reasons },
    [VIR_DOMAIN_PAUSED] = { "paused", paused_reasons },
    [VIR_DOMAIN_SHUTDOWN] = { "shutdown", shutdown_reasons },
    [VIR_DOMAIN_SHUTOFF] = { "shutoff", shutoff_reasons },
    [VIR_DOMAIN_CRASHED] = { "crashed", crashed_reasons },
    [VIR_DOMAIN_PMSUSPENDED] = { "pmsuspended", pmsuspended_reasons },
};

const char *
tck_domain_state_word(int state, int reason)
{
    static GMutex lock;
    static GHashTable *words;   /* "state/reason" strings, made once each */
    g_autofree char *key = NULL;
    const char *word;

    if (state >= 0 && (gsize) state < G_N_ELEMENTS(state_names) && state_names[state].name) {
        const char *const *reasons = state_names[state].reasons;
        const char *rname = NULL;

        for (int i = 0; reasons[i]; i++)
            if (i == reason)
                rname = reasons[i];
        key = rname ? g_strdup_printf("%s/%s", state_names[state].name, rname)
                    : reason == TCK_ANY_REASON ? g_strdup(state_names[state].name)
                                               : g_strdup_printf("%s/%d", state_names[state].name, reason);
    } else {
        key = g_strdup_printf("state-%d/%d", state, reason);
    }
    g_mutex_lock(&lock);
    if (!words)
        words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!(word = g_hash_table_lookup(words, key))) {
        word = key;
        g_hash_table_add(words, g_steal_pointer(&key));
    }
    g_mutex_unlock(&lock);
    return word;
}

gboolean
tck_is_state(TckTest *t, virDomainPtr dom, int state, int reason, const char *fmt, ...)
{
    g_autofree char *desc = NULL;
    int got_state = -1, got_reason = -1;
    gboolean ok;
    va_list ap;

    va_start(ap, fmt);
    desc = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (!dom || virDomainGetState(dom, &got_state, &got_reason, 0) < 0) {
        tck_ok(t, FALSE, "%s", desc);
        tck_diag(t, "cannot read the state: %s", virGetLastErrorMessage());
        return FALSE;
    }
    ok = got_state == state && (reason == TCK_ANY_REASON || got_reason == reason);
    if (tck_ok(t, ok, "%s", desc))
        return TRUE;
    tck_diag(t, "         got: %s", tck_domain_state_word(got_state, got_reason));
    tck_diag(t, "    expected: %s", tck_domain_state_word(state, reason));
    return FALSE;
}

gboolean
tck_domain_wait_state(virDomainPtr dom, int state, guint timeout_ms)
{
    gint64 deadline = g_get_monotonic_time() + (gint64) timeout_ms * 1000;

    for (;;) {
        int got = -1, reason = 0;

        if (virDomainGetState(dom, &got, &reason, 0) < 0) {
            virErrorPtr err = virGetLastError();

            if (err && err->code == VIR_ERR_NO_DOMAIN)
                return state == VIR_DOMAIN_SHUTOFF;
        } else if (got == state) {
            return TRUE;
        }
        if (g_get_monotonic_time() >= deadline)
            return FALSE;
        g_usleep(100 * 1000);
    }
}

char *
tck_domain_xml_text(virDomainPtr dom, unsigned int flags, const char *xpath)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, flags);

    return xml ? tck_xml_get_text(xml, xpath) : NULL;
}

int
tck_require(TckTest *t, int ret, const char *api)
{
    virErrorPtr err;

    if (ret >= 0)
        return ret;
    err = virGetLastError();
    if (err && err->code == VIR_ERR_NO_SUPPORT)
        tck_skip_all(t, "the %s driver does not implement %s (VIR_ERR_NO_SUPPORT)",
                     tck_test_driver(t), api);
    return ret;
}

char *
tck_unsupported_reason(void)
{
    virErrorPtr err = virGetLastError();

    if (!err)
        return NULL;
    if (err->code == VIR_ERR_NO_SUPPORT || err->code == VIR_ERR_OPERATION_UNSUPPORTED ||
        (err->code == VIR_ERR_INVALID_ARG && err->message && strstr(err->message, "unsupported flags")))
        return g_strdup(err->message ? err->message : tck_error_code_name(err->code));
    return NULL;
}

int
tck_require_flag(TckTest *t, int ret, const char *flag)
{
    /* Taken now: asking for the driver's name resets libvirt's error. */
    g_autofree char *reason = ret < 0 ? tck_unsupported_reason() : NULL;

    if (reason)
        tck_skip_all(t, "the %s driver does not implement %s (%s)", tck_test_driver(t), flag, reason);
    return ret;
}

gboolean
tck_ok_error_or_skip_outcome(TckTest *t, TckCallOutcome outcome, int expected_code, const char *api,
                             const char *fmt, ...)
{
    g_autofree char *desc = NULL;
    va_list ap;

    va_start(ap, fmt);
    desc = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (outcome.failed && outcome.code == VIR_ERR_NO_SUPPORT && expected_code != VIR_ERR_NO_SUPPORT) {
        g_free(outcome.message);
        tck_skip(t, 1, "the %s driver does not implement %s (VIR_ERR_NO_SUPPORT)", tck_test_driver(t), api);
        return TRUE;
    }
    return tck_ok_error_outcome(t, outcome, expected_code, "%s", desc);
}
