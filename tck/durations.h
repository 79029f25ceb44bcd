/*
 * durations.h — each test's last duration, kept in the user's state
 * directory ($XDG_STATE_HOME/libvirt-tck/durations, default
 * ~/.local/state), so that the next run starts the longest tests first,
 * as `prove --state=slow` does.  Durations are per URI: a test takes
 * milliseconds on test:///default and seconds where a guest boots.
 */
#pragma once

#include <glib.h>
#include "results.h"

typedef struct _TckDurations TckDurations;

/* The stored durations for @uri; a missing or unreadable store is empty. */
TckDurations *tck_durations_load(const char *uri);
void tck_durations_free(TckDurations *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckDurations, tck_durations_free)

/*
 * Orders @tests (element-type TckTestEntry) longest last duration first.
 * Tests never timed yet come first, in the order given (they may be
 * slow); a stable sort, so equal ones keep their order.
 */
void tck_durations_order(TckDurations *d, GPtrArray *tests);

/* Remembers the durations of @run's tests (interrupted ones are not). */
void tck_durations_record(TckDurations *d, const TckRun *run);

/* Writes the store atomically; FALSE with @error when it cannot. */
gboolean tck_durations_save(TckDurations *d, GError **error);

/* The store's path (for messages and tests). */
const char *tck_durations_path(TckDurations *d);
