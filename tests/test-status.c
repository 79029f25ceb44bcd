/*
 * test-status.c — issue 9's one status table: every formatter, compare
 * and the closing count agree on what each status means.  TODO counts as
 * passed, as in TAP and prove (it counted as passed in the totals and as
 * skipped in compare before).
 */
#include <config.h>
#include <glib.h>
#include "tck/compare.h"
#include "tck/formats.h"
#include "tck/report-util.h"
#include "tck/results.h"

static TckRun *
run_of(TckStatus status)
{
    TckRun *run = tck_run_new();
    TckTestResult *r = tck_test_result_new("area/010-x");

    r->area = g_strdup("area");
    r->status = status;
    g_ptr_array_add(run->tests, r);
    return run;
}

/* The closing count, the failure and skipped classes are one table. */
static void
test_table_agrees(void)
{
    for (TckStatus s = 0; s < TCK_STATUS_LAST; s++) {
        g_autoptr(TckRun) run = run_of(s);
        guint passed, failed, skipped;

        tck_format_totals(run, &passed, &failed, &skipped);
        g_assert_cmpuint(passed + failed + skipped, ==, 1);
        g_assert_cmpint(failed == 1, ==, tck_status_is_failure(s));
        g_assert_cmpint(skipped == 1, ==, tck_status_is_skipped(s));
        g_assert_cmpint(tck_status_info(s)->failure, ==, failed == 1);
        g_assert_cmpstr(tck_status_to_string(s), ==, tck_status_info(s)->name);
        g_assert_cmpint(tck_status_from_string(tck_status_info(s)->name), ==, s);
    }
}

/* TODO, as in prove: passed, never skipped. */
static void
test_todo_is_passed(void)
{
    g_autoptr(TckRun) run = run_of(TCK_STATUS_TODO);
    guint passed, failed, skipped;

    tck_format_totals(run, &passed, &failed, &skipped);
    g_assert_cmpuint(passed, ==, 1);
    g_assert_false(tck_status_is_skipped(TCK_STATUS_TODO));
    g_assert_false(tck_status_is_failure(TCK_STATUS_TODO));
}

/* compare reads the same table: pass -> todo is no newly skipped test. */
static void
test_compare_todo(void)
{
    g_autoptr(TckRun) base = run_of(TCK_STATUS_PASS);
    g_autoptr(TckRun) new_run = run_of(TCK_STATUS_TODO);
    TckCompareOptions co = { 2.0, G_USEC_PER_SEC };
    g_autoptr(TckCompare) cmp = tck_compare_runs(base, new_run, &co);

    g_assert_cmpint(tck_compare_test_class(cmp, "area/010-x"), !=, TCK_CMP_NEWLY_SKIPPED);
    g_assert_false(tck_compare_has_regression(cmp));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/status/table-agrees", test_table_agrees);
    g_test_add_func("/status/todo-is-passed", test_todo_is_passed);
    g_test_add_func("/status/compare-todo", test_compare_todo);
    return g_test_run();
}
