/* canary.c — the KVM canary: when to boot it, and what its result means for the run. */
#include <config.h>

#include <string.h>

#include <tck/caps.h>
#include <tck/error.h>
#include "canary.h"
#include "cli.h"

#define CANARY_NAME "canary/000-kvm"

static gboolean
offers_kvm(const char *caps_xml)
{
    g_autoptr(TckHost) host = caps_xml ? tck_host_parse(caps_xml, -1, "capabilities", NULL) : NULL;

    for (guint i = 0; host && i < host->guests->len; i++) {
        const TckGuest *g = g_ptr_array_index(host->guests, i);

        for (guint j = 0; j < g->domains->len; j++)
            if (g_str_equal(((const TckGuestDomain *)g_ptr_array_index(g->domains, j))->type, "kvm"))
                return TRUE;
    }
    return FALSE;
}

gboolean
tck_canary_wanted(const TckRunMeta *meta, GPtrArray *selected, gboolean described, GError **error)
{
    if (!offers_kvm(meta->capabilities_xml))
        return FALSE;
    if (!described && !tck_registry_describe_all(selected, 30, error))
        return FALSE;
    for (guint i = 0; i < selected->len; i++) {
        const TckTestEntry *e = g_ptr_array_index(selected, i);

        /* Tests that make domains are the ones that may boot a guest. */
        if (e->needs && (g_strv_contains((const char *const *)e->needs, "guest-boots") ||
                         g_strv_contains((const char *const *)e->needs, "domain")))
            return TRUE;
    }
    return FALSE;
}

gboolean
tck_canary_run(const TckRunnerOptions *ro, FILE *human, GError **error)
{
    g_autoptr(GPtrArray) tests = g_ptr_array_new_with_free_func((GDestroyNotify)tck_test_entry_free);
    g_autoptr(TckRun) run = tck_run_new();
    TckRunnerOptions opts = *ro;
    TckTestEntry *e = g_new0(TckTestEntry, 1);
    const TckTestResult *r;

    e->name = g_strdup(CANARY_NAME);
    e->area = g_strdup("canary");
    e->path = tck_cli_helper("libvirt-tck-kvm-canary");
    e->native = TRUE;
    g_ptr_array_add(tests, e);
    opts.jobs = 1;
    opts.timeout_s = 120;   /* the canary bounds its own wait; this is the backstop */
    opts.on_done = NULL;
    opts.on_progress = NULL;
    fprintf(human, "Checking that KVM guests make progress (one canary boot)...\n");
    fflush(human);
    if (!tck_runner_run(&opts, tests, run, error))
        return FALSE;
    if (run->tests->len == 0)   /* interrupted before it started */
        return TRUE;
    r = g_ptr_array_index(run->tests, 0);
    switch (r->status) {
    case TCK_STATUS_PASS:
        fprintf(human, "KVM guests make progress (%.1f s).\n", r->duration_us / 1e6);
        return TRUE;
    case TCK_STATUS_SKIP:
        fprintf(human, "KVM canary skipped: %s\n", r->reason ? r->reason : "no reason given");
        return TRUE;
    default:
        g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP,
                    "KVM: a canary guest made no progress under KVM (%s): /dev/kvm cannot run guests "
                    "on this host; rerun with --sandbox --no-kvm (QEMU guests then use TCG), or fix KVM",
                    r->reason ? r->reason : "its guest did not reach its init in time");
        return FALSE;
    }
}
