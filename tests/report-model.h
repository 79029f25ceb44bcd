/*
 * report-model.h — a fixed results model for the report tests: every
 * status, every metadata field, and text that is hard to store (markup,
 * control characters, invalid UTF-8).
 */
#pragma once

#include "tck/results.h"

/* The fixed run; every call builds the same one. */
TckRun *test_report_model_new(void);

/* A test with @n checks of the given statuses (a TckStatus array). */
TckTestResult *test_report_model_add_test(TckRun *run, const char *name, TckStatus status,
                                          const TckStatus *checks, guint n);
