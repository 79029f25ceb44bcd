/*
 * events.c — the event loop every test connection runs, the event log a
 * test waits on, and the watches that collect a test's own domain events
 * in arrival order (see tck/events.h).
 */
#include <config.h>

#include <string.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <tck/events.h>
#include "events-private.h"
#include "test-private.h"

/* ---- the event loop ------------------------------------------------ */

static gpointer
event_loop_run(gpointer data G_GNUC_UNUSED)
{
    for (;;) {
        if (virEventRunDefaultImpl() < 0)
            g_usleep(10 * 1000);   /* never spin on a broken loop */
    }
    return NULL;
}

static gpointer
event_loop_start_once(gpointer data G_GNUC_UNUSED)
{
    if (virEventRegisterDefaultImpl() < 0)
        return GINT_TO_POINTER(FALSE);
    g_thread_unref(g_thread_new("tck-event-loop", event_loop_run, NULL));
    return GINT_TO_POINTER(TRUE);
}

gboolean
tck_event_loop_ensure(void)
{
    static GOnce once = G_ONCE_INIT;

    g_once(&once, event_loop_start_once, NULL);
    return GPOINTER_TO_INT(once.retval);
}

void
tck_event_loop_start(TckTest *t)
{
    /* tck_test_connect() started it before the open: every connection hears events. */
    if (!tck_event_loop_ensure())
        tck_bail_out(t, "cannot register libvirt's event loop: %s", virGetLastErrorMessage());
}

/* ---- the event log ------------------------------------------------- */

struct _TckEventLog {
    GMutex lock;
    GCond changed;
    GPtrArray *entries;
};

TckEventLog *
tck_event_log_new(void)
{
    TckEventLog *log = g_new0(TckEventLog, 1);

    g_mutex_init(&log->lock);
    g_cond_init(&log->changed);
    log->entries = g_ptr_array_new_with_free_func(g_free);
    return log;
}

void
tck_event_log_add(TckEventLog *log, const char *what)
{
    g_mutex_lock(&log->lock);
    g_ptr_array_add(log->entries, g_strdup(what));
    g_cond_broadcast(&log->changed);
    g_mutex_unlock(&log->lock);
}

char *
tck_event_log_wait(TckEventLog *log, guint count, guint timeout_ms)
{
    gint64 end = g_get_monotonic_time() + (gint64)timeout_ms * G_TIME_SPAN_MILLISECOND;
    GString *out = g_string_new(NULL);

    g_mutex_lock(&log->lock);
    while (log->entries->len < count)
        if (!g_cond_wait_until(&log->changed, &log->lock, end))
            break;
    for (guint i = 0; i < log->entries->len; i++)
        g_string_append_printf(out, "%s%s", i ? " " : "", (char *)g_ptr_array_index(log->entries, i));
    g_mutex_unlock(&log->lock);
    return g_string_free(out, FALSE);
}

void
tck_event_log_free(TckEventLog *log)
{
    if (!log)
        return;
    g_ptr_array_unref(log->entries);
    g_cond_clear(&log->changed);
    g_mutex_clear(&log->lock);
    g_free(log);
}

/* ---- names: one table per lifecycle event, details in ABI order ---- */

static const char *const defined_details[] = { "added", "updated", "renamed", "from-snapshot", NULL };
static const char *const undefined_details[] = { "removed", "renamed", NULL };
static const char *const started_details[] = {
    "booted", "migrated", "restored", "from-snapshot", "wakeup", NULL };
static const char *const suspended_details[] = {
    "paused", "migrated", "ioerror", "watchdog", "restored", "from-snapshot", "api-error",
    "postcopy", "postcopy-failed", NULL };
static const char *const resumed_details[] = {
    "unpaused", "migrated", "from-snapshot", "postcopy", "postcopy-failed", NULL };
static const char *const stopped_details[] = {
    "shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from-snapshot", NULL };
static const char *const shutdown_details[] = { "finished", "guest", "host", NULL };
static const char *const pmsuspended_details[] = { "memory", "disk", NULL };
static const char *const crashed_details[] = { "panicked", "crashloaded", NULL };

static const struct {
    const char *name;
    const char *const *details;
} lifecycle_names[] = {
    [VIR_DOMAIN_EVENT_DEFINED] = { "defined", defined_details },
    [VIR_DOMAIN_EVENT_UNDEFINED] = { "undefined", undefined_details },
    [VIR_DOMAIN_EVENT_STARTED] = { "started", started_details },
    [VIR_DOMAIN_EVENT_SUSPENDED] = { "suspended", suspended_details },
    [VIR_DOMAIN_EVENT_RESUMED] = { "resumed", resumed_details },
    [VIR_DOMAIN_EVENT_STOPPED] = { "stopped", stopped_details },
    [VIR_DOMAIN_EVENT_SHUTDOWN] = { "shutdown", shutdown_details },
    [VIR_DOMAIN_EVENT_PMSUSPENDED] = { "pmsuspended", pmsuspended_details },
    [VIR_DOMAIN_EVENT_CRASHED] = { "crashed", crashed_details },
};

char *
tck_events_lifecycle_word(int event, int detail)
{
    const char *const *details;

    if (event < 0 || (gsize) event >= G_N_ELEMENTS(lifecycle_names) || !lifecycle_names[event].name)
        return g_strdup_printf("event-%d/%d", event, detail);
    details = lifecycle_names[event].details;
    for (int i = 0; details[i]; i++)
        if (i == detail)
            return g_strdup_printf("%s/%s", lifecycle_names[event].name, details[i]);
    return g_strdup_printf("%s/%d", lifecycle_names[event].name, detail);
}

/* ---- watches ------------------------------------------------------- */

struct _TckEvents {
    virConnectPtr conn;
    int callback_id;
    char *prefix;          /* only domains whose names start so are kept */
    TckEventLog *log;      /* one word per event */
};

/* Called on the event loop's thread. */
static void
events_add(TckEvents *ev, virDomainPtr dom, char *word)
{
    const char *name = virDomainGetName(dom);

    if (name && g_str_has_prefix(name, ev->prefix))
        tck_event_log_add(ev->log, word);
    g_free(word);
}

static int
on_lifecycle(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, int event, int detail, void *opaque)
{
    events_add(opaque, dom, tck_events_lifecycle_word(event, detail));
    return 0;
}

static void
on_reboot(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, void *opaque)
{
    events_add(opaque, dom, g_strdup("reboot"));
}

static void
on_device_added(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, const char *alias, void *opaque)
{
    events_add(opaque, dom, g_strdup_printf("device-added:%s", alias ? alias : ""));
}

static void
on_device_removed(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, const char *alias, void *opaque)
{
    events_add(opaque, dom, g_strdup_printf("device-removed:%s", alias ? alias : ""));
}

/* The events a watch can collect, with their callbacks. */
static const struct {
    int id;
    const char *name;
    virConnectDomainEventGenericCallback callback;
} event_kinds[] = {
    { VIR_DOMAIN_EVENT_ID_LIFECYCLE, "lifecycle", VIR_DOMAIN_EVENT_CALLBACK(on_lifecycle) },
    { VIR_DOMAIN_EVENT_ID_REBOOT, "reboot", VIR_DOMAIN_EVENT_CALLBACK(on_reboot) },
    { VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, "device-added", VIR_DOMAIN_EVENT_CALLBACK(on_device_added) },
    { VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, "device-removed", VIR_DOMAIN_EVENT_CALLBACK(on_device_removed) },
};

static void
events_release(gpointer data)
{
    TckEvents *ev = data;

    tck_event_log_free(ev->log);
    g_free(ev->prefix);
    g_free(ev);
}

TckEvents *
tck_events_watch(TckTest *t, int event_id, virDomainPtr dom)
{
    virConnectPtr conn = tck_test_connect(t);
    TckEvents *ev;
    gssize kind = -1;
    virErrorPtr err;

    for (gsize i = 0; i < G_N_ELEMENTS(event_kinds); i++)
        if (event_kinds[i].id == event_id)
            kind = (gssize) i;
    if (kind < 0)
        tck_bail_out(t, "tck_events_watch: event id %d is not one libtck collects", event_id);

    ev = g_new0(TckEvents, 1);
    ev->conn = conn;
    ev->prefix = g_strdup_printf("tck-%s-%s-", tck_test_run_id(t), tck_test_tag(t));
    ev->log = tck_event_log_new();
    /* libvirt owns @ev from here and releases it when the callback is gone. */
    ev->callback_id = virConnectDomainEventRegisterAny(conn, dom, event_id, event_kinds[kind].callback,
                                                       ev, events_release);
    if (ev->callback_id >= 0)
        return ev;

    err = virGetLastError();
    if (err && err->code == VIR_ERR_NO_SUPPORT) {
        events_release(ev);
        tck_skip_all(t, "the %s driver has no %s domain events (VIR_ERR_NO_SUPPORT)",
                     tck_test_driver(t), event_kinds[kind].name);
    }
    tck_bail_out(t, "cannot register for %s domain events: %s", event_kinds[kind].name,
                 err && err->message ? err->message : "no message");
}

gboolean
tck_events_wait(TckEvents *ev, guint count, guint timeout_ms)
{
    gint64 deadline = g_get_monotonic_time() + (gint64) timeout_ms * 1000;
    gboolean ok = TRUE;

    g_mutex_lock(&ev->log->lock);
    while (ev->log->entries->len < count && ok)
        ok = g_cond_wait_until(&ev->log->changed, &ev->log->lock, deadline);
    ok = ev->log->entries->len >= count;
    g_mutex_unlock(&ev->log->lock);
    return ok;
}

guint
tck_events_count(TckEvents *ev)
{
    guint n;

    g_mutex_lock(&ev->log->lock);
    n = ev->log->entries->len;
    g_mutex_unlock(&ev->log->lock);
    return n;
}

char *
tck_events_describe(TckEvents *ev)
{
    g_autoptr(GString) s = g_string_new(NULL);

    g_mutex_lock(&ev->log->lock);
    for (guint i = 0; i < ev->log->entries->len; i++)
        g_string_append_printf(s, "%s%s", i ? " " : "", (char *) g_ptr_array_index(ev->log->entries, i));
    g_mutex_unlock(&ev->log->lock);
    return g_string_free(g_steal_pointer(&s), FALSE);
}

/* With @ev->log->lock held: do the events hold @want's words in order? */
static gboolean
events_hold(TckEvents *ev, char **want)
{
    guint next = 0;

    for (guint i = 0; i < ev->log->entries->len && want[next]; i++)
        if (g_str_equal(g_ptr_array_index(ev->log->entries, i), want[next]))
            next++;
    return want[next] == NULL;
}

gboolean
tck_events_in_order(TckEvents *ev, const char *expected)
{
    g_auto(GStrv) want = g_strsplit(expected, " ", -1);
    gboolean ok;

    g_mutex_lock(&ev->log->lock);
    ok = events_hold(ev, want);
    g_mutex_unlock(&ev->log->lock);
    return ok;
}

gboolean
tck_events_wait_in_order(TckEvents *ev, const char *expected, guint timeout_ms)
{
    g_auto(GStrv) want = g_strsplit(expected, " ", -1);
    gint64 deadline = g_get_monotonic_time() + (gint64) timeout_ms * 1000;
    gboolean ok;

    g_mutex_lock(&ev->log->lock);
    while (!(ok = events_hold(ev, want)) && g_cond_wait_until(&ev->log->changed, &ev->log->lock, deadline))
        ;
    ok = events_hold(ev, want);
    g_mutex_unlock(&ev->log->lock);
    return ok;
}

void
tck_events_clear(TckEvents *ev)
{
    g_mutex_lock(&ev->log->lock);
    g_ptr_array_set_size(ev->log->entries, 0);
    g_mutex_unlock(&ev->log->lock);
}

void
tck_events_free(TckEvents *ev)
{
    if (!ev)
        return;
    /* libvirt calls events_release() once the callback can no longer run. */
    if (virConnectDomainEventDeregisterAny(ev->conn, ev->callback_id) < 0)
        virResetLastError();
}
