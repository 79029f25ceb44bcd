/*
 * 030-max-speed-job-info — a migration's speed is set, and its job is seen
 * while it runs.
 *
 * A generic guest runs on uri.  virDomainMigrateSetMaxSpeed sets 8 MiB/s
 * and virDomainMigrateGetMaxSpeed reads it back.  Then a live migration
 * starts with the bandwidth parameter (VIR_MIGRATE_PARAM_BANDWIDTH) at
 * 1 MiB/s, slow enough to watch: while it runs, virDomainGetJobInfo
 * reports an unbounded job (VIR_DOMAIN_JOB_UNBOUNDED) whose processed data
 * grows.  Raising the speed during the job (virDomainMigrateSetMaxSpeed on
 * the running migration) lets it finish, and the guest runs on otheruri.
 * A driver without these calls answers VIR_ERR_NO_SUPPORT: a skip.
 * The guest is "running" as far as the API is concerned; no marker is
 * awaited (its memory moves whether it has booted yet or not).
 */
#include <config.h>
#include <tck/tck.h>
#include "migration-guest.h"

#define FIRST_SPEED_MIB 8
#define SLOW_SPEED_MIB 1
#define FAST_SPEED_MIB 10000
#define JOB_WAIT_S 30

static const TckTestInfo info = {
    .summary = "migration speed is set and read back, and the job is seen while it runs",
    .plan = 9,
    .needs = (const char *const[]){ "domain", "config:otheruri", NULL },
};

typedef struct {
    virDomainPtr dom;
    virConnectPtr dst;
    virDomainPtr moved;
    char *error;
} Migration;

static gpointer
migrate_thread(gpointer data)
{
    Migration *m = data;
    virTypedParameterPtr params = NULL;
    int nparams = 0, maxparams = 0;

    virTypedParamsAddULLong(&params, &nparams, &maxparams, VIR_MIGRATE_PARAM_BANDWIDTH, SLOW_SPEED_MIB);
    m->moved = virDomainMigrate3(m->dom, m->dst, params, nparams, VIR_MIGRATE_LIVE);
    if (!m->moved)
        m->error = g_strdup(virGetLastErrorMessage());
    virTypedParamsFree(params, nparams);
    return NULL;
}

/* Wait for an unbounded job on @dom; fill @job with the first sample. */
static gboolean
wait_for_job(virDomainPtr dom, virDomainJobInfo *job)
{
    gint64 deadline = g_get_monotonic_time() + JOB_WAIT_S * G_USEC_PER_SEC;

    while (g_get_monotonic_time() < deadline) {
        if (virDomainGetJobInfo(dom, job) == 0 && job->type == VIR_DOMAIN_JOB_UNBOUNDED &&
            job->dataProcessed > 0)
            return TRUE;
        g_usleep(50000);
    }
    return FALSE;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr src = tck_test_connect(t);
    Migration m = { .dst = tck_test_connect_other(t) };
    g_autofree char *xml = migration_guest_xml(t, "guest");
    const char *name = tck_name(t, "guest");
    virDomainJobInfo first = { 0 }, later = { 0 };
    unsigned long speed = 0;
    gboolean seen;
    GThread *thread;

    tck_diag(t, "Starting a guest on the source");
    m.dom = tck_ok_domain_named(t, virDomainCreateXML(src, xml, 0), name, "started the guest on the source");
    if (!m.dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Setting the migration speed to %d MiB/s and reading it back", FIRST_SPEED_MIB);
    if (virDomainMigrateSetMaxSpeed(m.dom, FIRST_SPEED_MIB, 0) < 0 &&
        virGetLastErrorCode() == VIR_ERR_NO_SUPPORT) {
        tck_skip(t, 7, "the driver does not support virDomainMigrateSetMaxSpeed");
        tck_ok_call(t, virDomainDestroy(m.dom), "destroyed the guest");
        virDomainFree(m.dom);
        return tck_test_end(t);
    }
    tck_ok_call(t, virDomainMigrateGetMaxSpeed(m.dom, &speed, 0), "read the migration speed back");
    tck_is_int(t, (gint64) speed, FIRST_SPEED_MIB, "the speed read back is the one set");

    tck_diag(t, "Migrating live at %d MiB/s (the bandwidth parameter), watching the job", SLOW_SPEED_MIB);
    thread = g_thread_new("migrate", migrate_thread, &m);
    seen = wait_for_job(m.dom, &first);
    tck_ok(t, seen, "while it runs, the source reports an unbounded job with data processed");
    if (seen) {
        g_usleep(G_USEC_PER_SEC);
        if (virDomainGetJobInfo(m.dom, &later) < 0)
            later.dataProcessed = 0;
    }
    tck_ok(t, later.dataProcessed > first.dataProcessed,
           "the job's processed data grows (%llu then %llu bytes)", first.dataProcessed, later.dataProcessed);
    tck_ok_call(t, virDomainMigrateSetMaxSpeed(m.dom, FAST_SPEED_MIB, 0),
                "the speed of the running migration can be raised");
    g_thread_join(thread);

    if (!tck_ok(t, m.moved != NULL, "the migration finished"))
        tck_diag(t, "migration failed: %s", m.error ? m.error : "no message");
    tck_is_int(t, m.moved ? virDomainIsActive(m.moved) : -1, 1, "the guest runs on the destination");
    tck_ok_call(t, m.moved ? virDomainDestroy(m.moved) : virDomainDestroy(m.dom), "destroyed the guest");
    if (m.moved)
        virDomainFree(m.moved);
    virDomainFree(m.dom);
    g_free(m.error);
    return tck_test_end(t);
}
