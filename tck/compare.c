/*
 * compare.c — classifies every check of two runs (regression, fixed,
 * still failing, newly skipped, unskipped, added, removed) and notes big
 * timing changes.  Compare looks at behaviour, not expectations: an
 * xfail is a failure here, so masking a run does not hide a regression.
 */
#include <config.h>

#include <string.h>

#include "compare.h"
#include "formats.h"
#include "report-util.h"

static const struct {
    const char *name;
    const char *title;
} cmp_classes[TCK_CMP_LAST] = {
    [TCK_CMP_UNCHANGED] = { "unchanged", "Unchanged" },
    [TCK_CMP_REGRESSION] = { "regression", "New failures (regressions)" },
    [TCK_CMP_FIXED] = { "fixed", "Fixed" },
    [TCK_CMP_STILL_FAILING] = { "still-failing", "Still failing" },
    [TCK_CMP_NEWLY_SKIPPED] = { "newly-skipped", "Newly skipped" },
    [TCK_CMP_UNSKIPPED] = { "unskipped", "Unskipped" },
    [TCK_CMP_ADDED] = { "added", "Added" },
    [TCK_CMP_REMOVED] = { "removed", "Removed" },
};

/* How bad each class is, for picking one colour per test row. */
static const int cmp_severity[TCK_CMP_LAST] = {
    [TCK_CMP_UNCHANGED] = 0,
    [TCK_CMP_REGRESSION] = 7,
    [TCK_CMP_STILL_FAILING] = 5,
    [TCK_CMP_NEWLY_SKIPPED] = 4,
    [TCK_CMP_REMOVED] = 3,
    [TCK_CMP_FIXED] = 6,
    [TCK_CMP_UNSKIPPED] = 2,
    [TCK_CMP_ADDED] = 1,
};

const char *
tck_cmp_class_to_string(TckCmpClass cls)
{
    return cls < TCK_CMP_LAST ? cmp_classes[cls].name : "?";
}

const char *
tck_cmp_class_title(TckCmpClass cls)
{
    return cls < TCK_CMP_LAST ? cmp_classes[cls].title : "?";
}

static gboolean
failing(TckStatus s)
{
    return tck_status_is_failure(s) || s == TCK_STATUS_XFAIL;
}

static TckCmpClass
classify(gboolean in_base, TckStatus b, gboolean in_new, TckStatus n)
{
    if (!in_base)
        return failing(n) ? TCK_CMP_REGRESSION : TCK_CMP_ADDED;
    if (!in_new)
        return TCK_CMP_REMOVED;
    if (failing(b) && failing(n))
        return TCK_CMP_STILL_FAILING;
    if (failing(n))
        return TCK_CMP_REGRESSION;
    if (tck_status_is_skipped(n) && !tck_status_is_skipped(b))
        return TCK_CMP_NEWLY_SKIPPED;
    if (failing(b))
        return TCK_CMP_FIXED;
    if (tck_status_is_skipped(b) && !tck_status_is_skipped(n))
        return TCK_CMP_UNSKIPPED;
    return TCK_CMP_UNCHANGED;
}

static void
item_free(TckCmpItem *it)
{
    g_free(it->test);
    g_free(it->description);
    g_free(it);
}

static void
timing_free(TckCmpTiming *t)
{
    g_free(t->test);
    g_free(t);
}

static void
add_item(TckCompare *cmp, const char *test, guint number, const char *description,
         gboolean in_base, TckStatus b, gboolean in_new, TckStatus n)
{
    TckCmpItem *it = g_new0(TckCmpItem, 1);

    it->test = g_strdup(test);
    it->number = number;
    it->description = g_strdup(description);
    it->in_base = in_base;
    it->in_new = in_new;
    it->base_status = b;
    it->new_status = n;
    it->cls = classify(in_base, b, in_new, n);
    cmp->counts[it->cls]++;
    g_ptr_array_add(cmp->items, it);
    {
        gpointer was = g_hash_table_lookup(cmp->worst, it->test);

        if (!was || cmp_severity[it->cls] > cmp_severity[GPOINTER_TO_INT(was) - 1])
            g_hash_table_insert(cmp->worst, it->test, GINT_TO_POINTER(it->cls + 1));
    }
}

/* A test's checks by number, the first of each number (as TAP has it):
 * one lookup per check keeps a compare linear (80 k checks took 19.6 s). */
static GHashTable *
checks_by_number(const TckTestResult *test)
{
    GHashTable *h = g_hash_table_new(g_direct_hash, g_direct_equal);
    guint i;

    for (i = 0; test && i < test->checks->len; i++) {
        TckCheckResult *c = g_ptr_array_index(test->checks, i);

        if (!g_hash_table_contains(h, GUINT_TO_POINTER(c->number)))
            g_hash_table_insert(h, GUINT_TO_POINTER(c->number), c);
    }
    return h;
}

/* The test program itself is compared when checks cannot tell the story. */
static gboolean
needs_program_item(const TckTestResult *t)
{
    return t && (t->checks->len == 0 || t->status == TCK_STATUS_ERROR);
}

static void
compare_test(TckCompare *cmp, const TckTestResult *b, const TckTestResult *n)
{
    const char *name = n ? n->name : b->name;
    g_autoptr(GHashTable) base_checks = checks_by_number(b);
    g_autoptr(GHashTable) new_checks = checks_by_number(n);
    guint i;

    if (needs_program_item(b) || needs_program_item(n))
        add_item(cmp, name, 0, NULL, b != NULL, b ? b->status : TCK_STATUS_PASS,
                 n != NULL, n ? n->status : TCK_STATUS_PASS);
    for (i = 0; n && i < n->checks->len; i++) {
        const TckCheckResult *nc = g_ptr_array_index(n->checks, i);
        const TckCheckResult *bc = g_hash_table_lookup(base_checks, GUINT_TO_POINTER(nc->number));

        add_item(cmp, name, nc->number, nc->description, bc != NULL,
                 bc ? bc->status : TCK_STATUS_PASS, TRUE, nc->status);
    }
    for (i = 0; b && i < b->checks->len; i++) {
        const TckCheckResult *bc = g_ptr_array_index(b->checks, i);

        if (!g_hash_table_contains(new_checks, GUINT_TO_POINTER(bc->number)))
            add_item(cmp, name, bc->number, bc->description, TRUE, bc->status,
                     FALSE, TCK_STATUS_PASS);
    }
}

static void
compare_timing(TckCompare *cmp, const TckCompareOptions *opts,
               const TckTestResult *b, const TckTestResult *n)
{
    gint64 lo = MIN(b->duration_us, n->duration_us);
    gint64 hi = MAX(b->duration_us, n->duration_us);
    TckCmpTiming *t;

    if (hi - lo < opts->timing_min_us)
        return;
    if (lo > 0 && (double) hi / (double) lo < opts->timing_ratio)
        return;
    t = g_new0(TckCmpTiming, 1);
    t->test = g_strdup(n->name);
    t->base_us = b->duration_us;
    t->new_us = n->duration_us;
    g_ptr_array_add(cmp->timings, t);
}

TckCompare *
tck_compare_runs(const TckRun *base, const TckRun *new_run, const TckCompareOptions *opts)
{
    static const TckCompareOptions defaults = { 2.0, G_USEC_PER_SEC };
    g_autoptr(GHashTable) base_by_name = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    TckCompare *cmp = g_new0(TckCompare, 1);
    guint i;

    if (!opts)
        opts = &defaults;
    cmp->base = base;
    cmp->new_run = new_run;
    cmp->items = g_ptr_array_new_with_free_func((GDestroyNotify) item_free);
    cmp->timings = g_ptr_array_new_with_free_func((GDestroyNotify) timing_free);
    cmp->worst = g_hash_table_new(g_str_hash, g_str_equal);

    for (i = 0; i < base->tests->len; i++) {
        TckTestResult *t = g_ptr_array_index(base->tests, i);

        g_hash_table_insert(base_by_name, t->name, t);
    }
    for (i = 0; i < new_run->tests->len; i++) {
        const TckTestResult *n = g_ptr_array_index(new_run->tests, i);
        const TckTestResult *b = g_hash_table_lookup(base_by_name, n->name);

        g_hash_table_add(seen, n->name);
        compare_test(cmp, b, n);
        if (b)
            compare_timing(cmp, opts, b, n);
    }
    for (i = 0; i < base->tests->len; i++) {
        const TckTestResult *b = g_ptr_array_index(base->tests, i);

        if (!g_hash_table_contains(seen, b->name))
            compare_test(cmp, b, NULL);
    }
    return cmp;
}

gboolean
tck_compare_has_regression(const TckCompare *cmp)
{
    return cmp->counts[TCK_CMP_REGRESSION] > 0;
}

TckCmpClass
tck_compare_test_class(const TckCompare *cmp, const char *test)
{
    gpointer worst = g_hash_table_lookup(cmp->worst, test);
    TckCmpClass cls = worst ? (TckCmpClass)(GPOINTER_TO_INT(worst) - 1) : TCK_CMP_UNCHANGED;

    /* as before: a test's class is UNCHANGED unless an item is worse */
    return cmp_severity[cls] > cmp_severity[TCK_CMP_UNCHANGED] ? cls : TCK_CMP_UNCHANGED;
}

static const char *
status_or_absent(gboolean present, TckStatus s)
{
    return present ? tck_status_to_string(s) : "absent";
}

static void
describe_run(GString *out, const char *label, const TckRun *run)
{
    g_autofree char *start = tck_time_format_human(run->meta.start_us);

    g_string_append_printf(out, "%s: run %s on %s, %s, %u tests%s\n", label,
                           run->meta.run_id ? run->meta.run_id : "?",
                           run->meta.uri ? run->meta.uri : "?", start, run->tests->len,
                           run->meta.interrupted ? " (interrupted)" : "");
}

char *
tck_compare_to_text(const TckCompare *cmp)
{
    GString *out = g_string_new(NULL);
    guint c, i;
    gboolean any = FALSE;

    describe_run(out, "base", cmp->base);
    describe_run(out, "new ", cmp->new_run);
    for (c = TCK_CMP_REGRESSION; c < TCK_CMP_LAST; c++) {
        if (cmp->counts[c] == 0)
            continue;
        any = TRUE;
        g_string_append_printf(out, "\n%s: %u\n", tck_cmp_class_title(c), cmp->counts[c]);
        for (i = 0; i < cmp->items->len; i++) {
            const TckCmpItem *it = g_ptr_array_index(cmp->items, i);

            if (it->cls != c)
                continue;
            if (it->number)
                g_string_append_printf(out, "  %s #%u %s: %s -> %s\n", it->test, it->number,
                                       it->description ? it->description : "",
                                       status_or_absent(it->in_base, it->base_status),
                                       status_or_absent(it->in_new, it->new_status));
            else
                g_string_append_printf(out, "  %s (test program): %s -> %s\n", it->test,
                                       status_or_absent(it->in_base, it->base_status),
                                       status_or_absent(it->in_new, it->new_status));
        }
    }
    if (cmp->timings->len > 0) {
        any = TRUE;
        g_string_append_printf(out, "\nBig timing changes: %u\n", cmp->timings->len);
        for (i = 0; i < cmp->timings->len; i++) {
            const TckCmpTiming *t = g_ptr_array_index(cmp->timings, i);
            g_autofree char *b = tck_duration_format(t->base_us);
            g_autofree char *n = tck_duration_format(t->new_us);

            g_string_append_printf(out, "  %s: %s -> %s\n", t->test, b, n);
        }
    }
    if (!any)
        g_string_append(out, "\nNo differences.\n");
    g_string_append_printf(out, "\n%u regressions, %u fixed, %u still failing, %u newly skipped, "
                           "%u unskipped, %u added, %u removed\n",
                           cmp->counts[TCK_CMP_REGRESSION], cmp->counts[TCK_CMP_FIXED],
                           cmp->counts[TCK_CMP_STILL_FAILING], cmp->counts[TCK_CMP_NEWLY_SKIPPED],
                           cmp->counts[TCK_CMP_UNSKIPPED], cmp->counts[TCK_CMP_ADDED],
                           cmp->counts[TCK_CMP_REMOVED]);
    return g_string_free(out, FALSE);
}

void
tck_compare_free(TckCompare *cmp)
{
    if (!cmp)
        return;
    g_hash_table_unref(cmp->worst);
    g_ptr_array_unref(cmp->items);
    g_ptr_array_unref(cmp->timings);
    g_free(cmp);
}

gboolean
tck_format_compare_text(const TckCompare *cmp, const TckFormatOptions *opts, FILE *out, GError **error)
{
    g_autofree char *text = tck_compare_to_text(cmp);

    return tck_format_write_string(text, out, "text", error);
}
