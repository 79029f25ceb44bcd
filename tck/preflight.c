/* preflight.c — skip, before it starts, a test whose declared need is missing. */
#include <config.h>

#include <tck/guest.h>
#include <tck/needs.h>

#include "preflight.h"

/* 1 when the plan's guests run code, 0 when not, -1 when there is no plan
 * (the test then decides "guest-boots" itself). */
static int
guest_boots(virConnectPtr conn, TckConfig *config)
{
    g_autoptr(TckGuestPlan) plan = tck_plan_for_connection(conn, config, NULL);

    return plan ? (plan->boots ? 1 : 0) : -1;
}

static TckTestResult *
skipped(const TckTestEntry *e, const char *missing)
{
    TckTestResult *r = tck_test_result_new(e->name);

    g_free(r->area);
    r->area = g_strdup(e->area);
    r->path = g_strdup(e->path);
    r->status = TCK_STATUS_SKIP;
    r->reason = g_strdup(missing);
    r->planned = 0;
    r->tap = g_strdup_printf("1..0 # SKIP %s\n", missing);
    r->log = g_strdup_printf("libvirt-tck: not started: %s\n", missing);
    r->start_us = g_get_real_time();
    return r;
}

GPtrArray *
tck_preflight_needs(GPtrArray *tests, virConnectPtr conn, TckConfig *config, TckRun *run,
                    void (*on_skip)(const TckTestResult *result, gpointer data), gpointer data)
{
    GPtrArray *to_run = g_ptr_array_new();
    TckNeedsContext ctx = { .conn = conn, .config = config, .guest_boots = -1 };
    gboolean boots_known = FALSE;

    for (guint i = 0; i < tests->len; i++) {
        TckTestEntry *e = g_ptr_array_index(tests, i);
        g_autoptr(GError) error = NULL;
        g_autofree char *missing = NULL;

        if (e->needs && g_strv_contains((const char *const *) e->needs, "guest-boots") && !boots_known) {
            ctx.guest_boots = guest_boots(conn, config);
            boots_known = TRUE;
        }
        if (e->needs && e->needs[0])
            missing = tck_needs_missing(&ctx, (const char *const *) e->needs, &error);
        if (missing) {
            TckTestResult *r = skipped(e, missing);

            g_ptr_array_add(run->tests, r);
            if (on_skip)
                on_skip(r, data);
            continue;
        }
        g_ptr_array_add(to_run, e);
    }
    return to_run;
}
