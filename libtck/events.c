/*
 * events.c — libvirt's default event loop in a thread, and the event log
 * a test waits on (see tck/events.h).
 */
#include <config.h>
#include <libvirt/libvirt.h>
#include <tck/events.h>
#include "test-private.h"

typedef struct {
    GThread *thread;
    gint quit;
    int timer;
} EventLoop;

static gpointer
loop_run(gpointer data)
{
    EventLoop *loop = data;

    while (!g_atomic_int_get(&loop->quit))
        if (virEventRunDefaultImpl() < 0)
            break;
    return NULL;
}

/* The loop wakes up this often, so that it sees the request to stop. */
static void
loop_tick(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}

static void
loop_stop(gpointer data)
{
    EventLoop *loop = data;

    g_atomic_int_set(&loop->quit, 1);
    g_thread_join(loop->thread);
    virEventRemoveTimeout(loop->timer);
    g_free(loop);
}

void
tck_event_loop_start(TckTest *t)
{
    EventLoop *loop;

    if (tck_test_get_data(t, "event-loop"))
        return;
    if (virEventRegisterDefaultImpl() < 0)
        tck_bail_out(t, "cannot register libvirt's event loop: %s", virGetLastErrorMessage());
    loop = g_new0(EventLoop, 1);
    if ((loop->timer = virEventAddTimeout(100, loop_tick, NULL, NULL)) < 0)
        tck_bail_out(t, "cannot add the event loop's timer");
    loop->thread = g_thread_new("tck-events", loop_run, loop);
    tck_test_set_data(t, "event-loop", loop, loop_stop);
    /* A connection opened before the loop existed never hears its events. */
    tck_test_drop_connection(t);
}

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
