/*
 * events.h — watching libvirt's events from a test: libvirt's default
 * event loop run in a thread, and a small thread-safe log the callbacks
 * write to and the test waits on.
 */
#pragma once

#include <glib.h>
#include <tck/test.h>

G_BEGIN_DECLS

/**
 * tck_event_loop_start:
 * @t: the test
 *
 * Registers libvirt's default event loop implementation and runs it in a
 * thread until the test ends.  Call it first, before the test creates
 * anything: a connection only delivers events when the loop existed at
 * its opening, so the one tck_test_begin() may have opened is closed, and
 * tck_test_connect() opens a new one.  Bails out when the loop cannot be
 * set up.
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

G_END_DECLS
