/*
 * results-from-tap.h — turns what a test program did (its TAP summary,
 * exit status or signal, timeout) into a TckTestResult with a status and
 * a stated reason.
 */
#pragma once

#include "results.h"
#include "tap-parser.h"

/* Checks kept per test; the rest are counted (and said so in its log). */
#define TCK_RESULTS_MAX_CHECKS TCK_TAP_MAX_CHECKS

/**
 * tck_results_from_tap:
 * @result: the result to fill (name, path, tap, log, times already set)
 * @summary: the parsed TAP
 * @wait_status: the status from waitpid(), or -1 if unknown
 * @timed_out: the harness killed it at its timeout
 * @timeout_s: that timeout, for the message
 *
 * Sets @result's checks (the first TCK_RESULTS_MAX_CHECKS; all of them
 * count), planned count, status, reason, exit status and signal.
 */
void tck_results_from_tap(TckTestResult *result, const TckTapSummary *summary,
                          int wait_status, gboolean timed_out, guint timeout_s);
