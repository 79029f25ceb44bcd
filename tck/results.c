/* results.c — constructors, destructors and status names of the run model. */
#include <config.h>
#include <string.h>
#include "results.h"

/* The one status table. */
static const TckStatusInfo status_table[TCK_STATUS_LAST] = {
    /*                    name     label              failure counts as          JUnit      prefix */
    [TCK_STATUS_PASS] = { "pass", "ok", FALSE, TCK_COUNT_PASSED, NULL, NULL },
    [TCK_STATUS_FAIL] = { "fail", "FAILED", TRUE, TCK_COUNT_FAILED, "failure", "" },
    [TCK_STATUS_SKIP] = { "skip", "skipped", FALSE, TCK_COUNT_SKIPPED, "skipped", "SKIP" },
    [TCK_STATUS_ERROR] = { "error", "ERROR", TRUE, TCK_COUNT_FAILED, "error", "" },
    [TCK_STATUS_XFAIL] = { "xfail", "known broken", FALSE, TCK_COUNT_PASSED, "skipped", "known broken (xfail)" },
    [TCK_STATUS_XPASS] = { "xpass", "UNEXPECTEDLY OK", FALSE, TCK_COUNT_PASSED, NULL, NULL },
    [TCK_STATUS_TODO] = { "todo", "todo", FALSE, TCK_COUNT_PASSED, "skipped", "TODO" },
};
static const TckStatusInfo status_unknown = { "unknown", "?", TRUE, TCK_COUNT_FAILED, "error", "" };

const TckStatusInfo *
tck_status_info(TckStatus status)
{
    return status < TCK_STATUS_LAST ? &status_table[status] : &status_unknown;
}

const char *
tck_status_to_string(TckStatus status)
{
    return tck_status_info(status)->name;
}

int
tck_status_from_string(const char *str)
{
    for (int i = 0; i < TCK_STATUS_LAST; i++)
        if (g_strcmp0(status_table[i].name, str) == 0)
            return i;
    return -1;
}

TckCheckResult *
tck_check_result_new(void)
{
    return g_new0(TckCheckResult, 1);
}

void
tck_check_result_free(TckCheckResult *check)
{
    if (!check)
        return;
    g_free(check->description);
    g_free(check->directive_reason);
    g_free(check->diagnostics);
    g_free(check->known_broken);
    g_free(check);
}

TckTestResult *
tck_test_result_new(const char *name)
{
    TckTestResult *r = g_new0(TckTestResult, 1);
    const char *slash = strchr(name, '/');

    r->name = g_strdup(name);
    r->area = slash ? g_strndup(name, slash - name) : g_strdup("");
    r->checks = g_ptr_array_new_with_free_func((GDestroyNotify)tck_check_result_free);
    r->planned = -1;
    return r;
}

void
tck_test_result_free(TckTestResult *r)
{
    if (!r)
        return;
    g_free(r->name);
    g_free(r->area);
    g_free(r->path);
    g_free(r->reason);
    g_ptr_array_unref(r->checks);
    g_free(r->tap);
    g_free(r->log);
    g_free(r->cleanup_log);
    g_free(r->known_broken);
    g_free(r);
}

TckRun *
tck_run_new(void)
{
    TckRun *run = g_new0(TckRun, 1);
    run->tests = g_ptr_array_new_with_free_func((GDestroyNotify)tck_test_result_free);
    return run;
}

static void
meta_clear(TckRunMeta *m)
{
    g_free(m->uri);
    g_free(m->driver);
    g_free(m->libvirt_version);
    g_free(m->daemon_version);
    g_free(m->hypervisor_version);
    g_free(m->host_kernel);
    g_free(m->host_arch);
    g_free(m->host_distro);
    g_free(m->capabilities_xml);
    g_free(m->guest_plan);
    g_free(m->config_hash);
    g_free(m->config_masked);
    g_free(m->run_id);
    g_free(m->sandbox_log);
}

void
tck_run_free(TckRun *run)
{
    if (!run)
        return;
    meta_clear(&run->meta);
    g_ptr_array_unref(run->tests);
    g_clear_pointer(&run->known_broken_stale, g_ptr_array_unref);
    g_free(run->api_coverage);
    g_free(run);
}

void
tck_run_count(const TckRun *run, guint counts[TCK_STATUS_LAST])
{
    for (int i = 0; i < TCK_STATUS_LAST; i++)
        counts[i] = 0;
    for (guint i = 0; i < run->tests->len; i++) {
        const TckTestResult *r = g_ptr_array_index(run->tests, i);
        if (r->status < TCK_STATUS_LAST)
            counts[r->status]++;
    }
}
