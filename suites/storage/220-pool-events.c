/*
 * 220-pool-events — a pool's life is told as events, in order.
 *
 * With a lifecycle and a refresh callback registered for every pool (the
 * callbacks keep only this test's pool), define, build, start, refresh,
 * destroy, delete and undefine a dir pool.  The lifecycle events arrive
 * in that order: defined, created (the build), started, stopped, deleted,
 * undefined; and the refresh arrives as a refresh event.  Deregistering
 * both callbacks succeeds.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a pool's define, build, start, refresh, destroy, delete and undefine arrive as events",
    .plan = 11,
    .needs = (const char *const[]){ "storage", NULL },
};

/* virStoragePoolEventLifecycleType, as the words the log records. */
static const char *const lifecycle_names[] = {
    [VIR_STORAGE_POOL_EVENT_DEFINED] = "defined",
    [VIR_STORAGE_POOL_EVENT_UNDEFINED] = "undefined",
    [VIR_STORAGE_POOL_EVENT_STARTED] = "started",
    [VIR_STORAGE_POOL_EVENT_STOPPED] = "stopped",
    [VIR_STORAGE_POOL_EVENT_CREATED] = "created",
    [VIR_STORAGE_POOL_EVENT_DELETED] = "deleted",
};

typedef struct {
    const char *name;
    TckEventLog *lifecycle;
    TckEventLog *refresh;
} Watch;

static void
on_lifecycle(virConnectPtr conn G_GNUC_UNUSED, virStoragePoolPtr pool, int event,
             int detail G_GNUC_UNUSED, void *opaque)
{
    Watch *w = opaque;

    if (g_strcmp0(virStoragePoolGetName(pool), w->name) != 0)
        return;
    tck_event_log_add(w->lifecycle, event >= 0 && event < (int)G_N_ELEMENTS(lifecycle_names) &&
                                    lifecycle_names[event] ? lifecycle_names[event] : "unknown");
}

static void
on_refresh(virConnectPtr conn G_GNUC_UNUSED, virStoragePoolPtr pool, void *opaque)
{
    Watch *w = opaque;

    if (g_strcmp0(virStoragePoolGetName(pool), w->name) == 0)
        tck_event_log_add(w->refresh, "refresh");
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    g_autoptr(TckEventLog) lifecycle = tck_event_log_new();
    g_autoptr(TckEventLog) refresh = tck_event_log_new();
    g_autofree char *xml = NULL, *seen = NULL, *refreshed = NULL;
    virConnectPtr conn;
    virStoragePoolPtr pool;
    Watch w = { .lifecycle = lifecycle, .refresh = refresh };
    int lid, rid;

    tck_event_loop_start(t);
    conn = tck_test_connect(t);
    xml = tck_pool_xml(t, "dir", "pool", NULL);
    w.name = tck_name(t, "pool");

    tck_diag(t, "Registering lifecycle and refresh callbacks");
    lid = virConnectStoragePoolEventRegisterAny(conn, NULL, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                                                VIR_STORAGE_POOL_EVENT_CALLBACK(on_lifecycle), &w, NULL);
    rid = virConnectStoragePoolEventRegisterAny(conn, NULL, VIR_STORAGE_POOL_EVENT_ID_REFRESH,
                                                VIR_STORAGE_POOL_EVENT_CALLBACK(on_refresh), &w, NULL);
    tck_ok_call(t, lid, "registered a lifecycle callback for every pool");
    tck_ok_call(t, rid, "registered a refresh callback for every pool");

    tck_diag(t, "Taking the pool %s through its life", w.name);
    pool = tck_ok_pool(t, virStoragePoolDefineXML(conn, xml, 0), "defined the pool");
    if (!pool)
        tck_bail_out(t, "cannot go on without the pool");
    tck_ok_call(t, virStoragePoolBuild(pool, 0), "built the pool");
    tck_ok_call(t, virStoragePoolCreate(pool, 0), "started the pool");
    tck_ok_call(t, virStoragePoolRefresh(pool, 0), "refreshed the pool");
    refreshed = tck_event_log_wait(refresh, 1, 5000);
    virStoragePoolDestroy(pool);
    virStoragePoolDelete(pool, 0);
    tck_ok_call(t, virStoragePoolUndefine(pool), "destroyed, deleted and undefined the pool");
    virStoragePoolFree(pool);

    seen = tck_event_log_wait(lifecycle, 6, 5000);
    tck_is(t, (const char *)seen, "defined created started stopped deleted undefined",
           "the lifecycle events came in order");
    tck_is(t, (const char *)refreshed, "refresh", "the refresh came as a refresh event");

    tck_diag(t, "Deregistering the callbacks");
    tck_ok_call(t, lid >= 0 ? virConnectStoragePoolEventDeregisterAny(conn, lid) : -1,
                "deregistered the lifecycle callback");
    tck_ok_call(t, rid >= 0 ? virConnectStoragePoolEventDeregisterAny(conn, rid) : -1,
                "deregistered the refresh callback");
    return tck_test_end(t);
}
