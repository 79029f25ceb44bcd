/*
 * preflight.h — what the harness decides before a test runs: each test's
 * declared `needs` (from --describe) are checked against the connection
 * and the config, and a test whose need is missing is skipped, naming it,
 * without being started.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>
#include <tck/config.h>
#include "registry.h"
#include "results.h"

/**
 * tck_preflight_needs:
 * @tests: (element-type TckTestEntry): the selection, described
 * @conn: the connection under test
 * @config: the config
 * @run: gets a skipped TckTestResult for each test whose need is missing
 * @on_skip: (nullable): called with each such result, as the runner calls
 *   its on_done for a test that ran
 * @data: for @on_skip
 *
 * A need outside the vocabulary is the test's own bug: that test still
 * runs, and libtck bails it out naming the need.
 *
 * Returns: (transfer container): the tests to run, in order.
 */
GPtrArray *tck_preflight_needs(GPtrArray *tests, virConnectPtr conn, TckConfig *config, TckRun *run,
                               void (*on_skip)(const TckTestResult *result, gpointer data), gpointer data);
