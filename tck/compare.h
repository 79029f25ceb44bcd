/*
 * compare.h — compares two runs check by check: what regressed, what was
 * fixed, what still fails, what became skipped or unskipped, what was
 * added or removed, and which tests changed their timing a lot.
 */
#pragma once

#include <glib.h>

#include "results.h"
#include "report.h"

G_BEGIN_DECLS

typedef enum {
    TCK_CMP_UNCHANGED,
    TCK_CMP_REGRESSION,      /* did not fail before, fails now */
    TCK_CMP_FIXED,           /* failed before, passes now */
    TCK_CMP_STILL_FAILING,
    TCK_CMP_NEWLY_SKIPPED,
    TCK_CMP_UNSKIPPED,       /* skipped before, passes now */
    TCK_CMP_ADDED,           /* only in the new run (and not failing) */
    TCK_CMP_REMOVED,         /* only in the base run */
    TCK_CMP_LAST
} TckCmpClass;

const char *tck_cmp_class_to_string(TckCmpClass cls);   /* "regression", ... */
const char *tck_cmp_class_title(TckCmpClass cls);       /* "New failures (regressions)", ... */

typedef struct {
    char *test;              /* test name */
    guint number;            /* check number; 0 for the test program itself */
    char *description;       /* the check's description (new run's when present) */
    gboolean in_base;
    gboolean in_new;
    TckStatus base_status;
    TckStatus new_status;
    TckCmpClass cls;
} TckCmpItem;

typedef struct {
    char *test;
    gint64 base_us;
    gint64 new_us;
} TckCmpTiming;

struct _TckCompare {
    const TckRun *base;      /* borrowed */
    const TckRun *new_run;   /* borrowed */
    GPtrArray *items;        /* TckCmpItem*: every compared check, in new-run order, removed last */
    GPtrArray *timings;      /* TckCmpTiming*: big timing changes */
    guint counts[TCK_CMP_LAST];
    GHashTable *worst;       /* test name (an item's) -> its worst class + 1 */
};

typedef struct {
    double timing_ratio;     /* flag when new/base or base/new >= this (default 2.0) */
    gint64 timing_min_us;    /* ... and the difference is at least this (default 1 s) */
} TckCompareOptions;

/*
 * tck_compare_runs:
 * @base: the reference run
 * @new_run: the run under scrutiny
 * @opts: (nullable): thresholds; NULL for the defaults
 *
 * Both runs must outlive the result.  A failing check that only the new
 * run has counts as a regression: it is a new failure.
 *
 * Returns: (transfer full): the comparison.
 */
TckCompare *tck_compare_runs(const TckRun *base, const TckRun *new_run,
                             const TckCompareOptions *opts);

/* TRUE when anything regressed (the compare command exits 1). */
gboolean tck_compare_has_regression(const TckCompare *cmp);

/* The worst class among @test's items (for highlighting), UNCHANGED if none. */
TckCmpClass tck_compare_test_class(const TckCompare *cmp, const char *test);

/* The comparison as text for people (transfer full). */
char *tck_compare_to_text(const TckCompare *cmp);

void tck_compare_free(TckCompare *cmp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckCompare, tck_compare_free)

G_END_DECLS
