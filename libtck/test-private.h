/*
 * test-private.h — libtck's internal view of a test, shared by test.c,
 * checks.c, generic-domain.c and guest-ready.c.  Not installed.
 */
#pragma once

#include <tck/tck.h>
#include "tap-writer.h"

/* The TAP writer of @t. */
TckTapWriter *tck_test_tap(TckTest *t);

/*
 * Per-test data kept by other parts of libtck (e.g. the chosen guest
 * plan), freed with the test.
 */
gpointer tck_test_get_data(TckTest *t, const char *key);
void tck_test_set_data(TckTest *t, const char *key, gpointer data, GDestroyNotify destroy);

/* Leaves @plan in the test's run directory (TCK_PROTOCOL_PLAN_FILE) for the
 * harness's report; nothing when the test runs on its own. */
void tck_test_record_plan(TckTest *t, const TckGuestPlan *plan);

/* "area-NNN": the part of object names that tells tests apart. */
const char *tck_test_tag(TckTest *t);

/*
 * Closes the test's connection, if open, so that tck_test_connect() opens
 * a new one: for events.c, whose loop must exist before the connection it
 * serves is opened (tck_test_begin() may have connected to check needs).
 * Only before the test has created anything.
 */
void tck_test_drop_connection(TckTest *t);

/*
 * The remote host's tck-assets pool (made on first use, kept with the
 * test) and its target directory there: where the generic guest's files
 * and a test's host files (host-files.c) live on a remote host.
 * Bails out when the pool cannot be had.
 */
virStoragePoolPtr tck_test_asset_pool(TckTest *t, const char **target);
