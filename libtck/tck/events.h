/*
 * events.h — watching libvirt's events from a test.
 *
 * Every connection a test opens runs libvirt's default event loop in a
 * thread of its own (started by tck_test_connect(), before the open, as
 * libvirt wants), so callbacks fire and a daemon's keepalive pings are
 * answered while the test waits.
 *
 * Two tools on top: TckEventLog, a small thread-safe log any callback can
 * write words to and a test waits on; and TckEvents, a domain event watch
 * that registers its own callback through virConnectDomainEventRegisterAny()
 * and keeps only the events of domains named with this test's prefix, so
 * a crowded host's other guests never show up in a test's sequence.  A
 * domain event is written as one word, so that a test compares a whole
 * sequence in one check:
 *   lifecycle        "started/booted", "suspended/paused", "stopped/destroyed", ...
 *   reboot           "reboot"
 *   device added     "device-added:ALIAS"
 *   device removed   "device-removed:ALIAS"
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>
#include <tck/test.h>

G_BEGIN_DECLS

/**
 * tck_event_loop_start:
 * @t: the test
 *
 * Makes sure libvirt's default event loop runs (tck_test_connect() starts
 * it anyway, before it opens the connection, so a connection always
 * delivers events).  Kept for tests that say so before they watch events.
 * Bails out when the loop cannot be set up.
 */
void tck_event_loop_start(TckTest *t);

typedef struct _TckEventLog TckEventLog;

TckEventLog *tck_event_log_new(void);

/* Appends @what (called from event callbacks, in the loop's thread). */
void tck_event_log_add(TckEventLog *log, const char *what);

/**
 * tck_event_log_wait:
 * @log: the log
 * @count: how many entries to wait for
 * @timeout_ms: how long at most
 *
 * Returns: (transfer full): the entries seen so far, space-separated, once
 * there are @count of them or the time is up (the caller compares).
 */
char *tck_event_log_wait(TckEventLog *log, guint count, guint timeout_ms);

void tck_event_log_free(TckEventLog *log);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckEventLog, tck_event_log_free)

typedef struct _TckEvents TckEvents;

/**
 * tck_events_watch:
 * @t: the test (its connection is used)
 * @event_id: VIR_DOMAIN_EVENT_ID_LIFECYCLE, _REBOOT, _DEVICE_ADDED or
 *            _DEVICE_REMOVED
 * @dom: (nullable): only this domain's events; NULL for every domain of
 *       this test (by name prefix)
 *
 * Registers the callback.  A driver without domain events skips the
 * whole test, naming the event (VIR_ERR_NO_SUPPORT); another failure
 * bails out.
 *
 * Returns: (transfer full): the watch; free it (or let g_autoptr do so)
 * to deregister.
 */
TckEvents *tck_events_watch(TckTest *t, int event_id, virDomainPtr dom);

/**
 * tck_events_wait:
 * @ev: the watch
 * @count: how many events, in all, to wait for
 * @timeout_ms: how long to wait at most
 *
 * Returns: TRUE when @count events (or more) have arrived in time.
 */
gboolean tck_events_wait(TckEvents *ev, guint count, guint timeout_ms);

/* How many events have arrived so far. */
guint tck_events_count(TckEvents *ev);

/**
 * tck_events_describe:
 * Returns: (transfer full): the events so far, one word each (see above),
 * separated by single spaces; "" when none came.
 */
char *tck_events_describe(TckEvents *ev);

/**
 * tck_events_in_order:
 * @expected: event words separated by spaces ("started/booted stopped/destroyed")
 *
 * Returns: TRUE when the events so far hold @expected's words in this
 * order, other events between them allowed (compare tck_events_describe()
 * with @expected for an exact sequence).
 */
gboolean tck_events_in_order(TckEvents *ev, const char *expected);

/**
 * tck_events_wait_in_order:
 * Waits until tck_events_in_order(@ev, @expected) holds or @timeout_ms
 * passed.  Returns: whether it holds.
 */
gboolean tck_events_wait_in_order(TckEvents *ev, const char *expected, guint timeout_ms);

/* Forget the events so far (the watch stays registered). */
void tck_events_clear(TckEvents *ev);

/* "started/booted" for a lifecycle event and detail (numbers for unknown ones). */
char *tck_events_lifecycle_word(int event, int detail);

/* Deregisters the callback and frees @ev. */
void tck_events_free(TckEvents *ev);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckEvents, tck_events_free)

G_END_DECLS
