/*
 * test-report-compare.c — compare on a crafted pair of runs
 * (tests/report/compare/base.xml and new.xml) that holds every
 * classification once: each check lands in the class it was made for,
 * the slow test is flagged, a regression is detected, and the text and
 * HTML renderings match their golden files.  A run compared with itself
 * has no change but what still fails.
 */
#include <config.h>

#include <string.h>

#include "tck/compare.h"
#include "tck/report.h"

static char *
srcdir_path(const char *rel)
{
    const char *top = g_getenv("top_srcdir");

    return g_build_filename(top ? top : ABS_TOP_SRCDIR, rel, NULL);
}

static TckRun *
load(const char *name)
{
    g_autofree char *rel = g_build_filename("tests/report/compare", name, NULL);
    g_autofree char *path = srcdir_path(rel);
    g_autoptr(GError) error = NULL;
    TckRun *run = tck_report_read(path, &error);

    g_assert_no_error(error);
    g_assert_nonnull(run);
    return run;
}

static void
assert_golden(const char *name, const char *actual)
{
    g_autofree char *rel = g_build_filename("tests/report/golden", name, NULL);
    g_autofree char *path = srcdir_path(rel);
    g_autofree char *expected = NULL;

    if (g_getenv("TCK_REGENERATE_GOLDEN")) {
        g_assert_true(g_file_set_contents(path, actual, -1, NULL));
        return;
    }
    g_assert_true(g_file_get_contents(path, &expected, NULL, NULL));
    if (!g_str_equal(expected, actual)) {
        g_autofree char *out = g_strdup_printf("%s/report-%s.actual", g_get_tmp_dir(), name);

        g_file_set_contents(out, actual, -1, NULL);
        g_error("%s differs from its golden file (diff -u %s %s)", name, path, out);
    }
}

static const TckCmpItem *
find_item(const TckCompare *cmp, const char *test, guint number)
{
    guint i;

    for (i = 0; i < cmp->items->len; i++) {
        const TckCmpItem *it = g_ptr_array_index(cmp->items, i);

        if (g_str_equal(it->test, test) && it->number == number)
            return it;
    }
    g_error("no compare item for %s #%u", test, number);
    return NULL;
}

static void
test_classes(void)
{
    static const struct {
        const char *test;
        guint number;
        TckCmpClass cls;
    } expected[] = {
        { "core/010-stable", 1, TCK_CMP_UNCHANGED },
        { "core/010-stable", 2, TCK_CMP_UNCHANGED },
        { "core/020-regress", 1, TCK_CMP_UNCHANGED },
        { "core/020-regress", 2, TCK_CMP_REGRESSION },
        { "core/030-fixed", 1, TCK_CMP_FIXED },
        { "core/040-still", 1, TCK_CMP_STILL_FAILING },
        { "core/050-newly-skipped", 1, TCK_CMP_NEWLY_SKIPPED },
        { "core/060-unskipped", 1, TCK_CMP_UNSKIPPED },
        { "core/070-removed", 1, TCK_CMP_REMOVED },
        { "core/080-added", 1, TCK_CMP_ADDED },
        { "core/090-crash", 0, TCK_CMP_REGRESSION },
        { "core/090-crash", 1, TCK_CMP_UNCHANGED },
        { "core/090-crash", 2, TCK_CMP_REMOVED },
        { "core/110-more-checks", 2, TCK_CMP_ADDED },
    };
    g_autoptr(TckRun) base = load("base.xml");
    g_autoptr(TckRun) new_run = load("new.xml");
    g_autoptr(TckCompare) cmp = tck_compare_runs(base, new_run, NULL);
    TckCmpTiming *slow;
    guint i;

    for (i = 0; i < G_N_ELEMENTS(expected); i++) {
        const TckCmpItem *it = find_item(cmp, expected[i].test, expected[i].number);

        if (it->cls != expected[i].cls)
            g_error("%s #%u: %s, expected %s", it->test, it->number,
                    tck_cmp_class_to_string(it->cls), tck_cmp_class_to_string(expected[i].cls));
    }
    g_assert_cmpuint(cmp->counts[TCK_CMP_REGRESSION], ==, 2);
    g_assert_cmpuint(cmp->counts[TCK_CMP_FIXED], ==, 1);
    g_assert_cmpuint(cmp->counts[TCK_CMP_STILL_FAILING], ==, 1);
    g_assert_cmpuint(cmp->counts[TCK_CMP_NEWLY_SKIPPED], ==, 1);
    g_assert_cmpuint(cmp->counts[TCK_CMP_UNSKIPPED], ==, 1);
    g_assert_cmpuint(cmp->counts[TCK_CMP_ADDED], ==, 2);
    g_assert_cmpuint(cmp->counts[TCK_CMP_REMOVED], ==, 2);
    g_assert_true(tck_compare_has_regression(cmp));

    /* 0.5 s -> 5 s is flagged; nothing else moved. */
    g_assert_cmpuint(cmp->timings->len, ==, 1);
    slow = g_ptr_array_index(cmp->timings, 0);
    g_assert_cmpstr(slow->test, ==, "core/100-slow");

    g_assert_cmpint(tck_compare_test_class(cmp, "core/020-regress"), ==, TCK_CMP_REGRESSION);
    g_assert_cmpint(tck_compare_test_class(cmp, "core/010-stable"), ==, TCK_CMP_UNCHANGED);
}

static void
test_xfail_is_failure(void)
{
    g_autoptr(TckRun) base = load("base.xml");
    g_autoptr(TckRun) new_run = load("base.xml");
    TckTestResult *t = g_ptr_array_index(new_run->tests, 0);
    TckCheckResult *c = g_ptr_array_index(t->checks, 0);
    g_autoptr(TckCompare) cmp = NULL;

    /* Masking a new failure as known-broken does not hide the change. */
    c->status = TCK_STATUS_XFAIL;
    t->status = TCK_STATUS_XFAIL;
    cmp = tck_compare_runs(base, new_run, NULL);
    g_assert_cmpint(find_item(cmp, "core/010-stable", 1)->cls, ==, TCK_CMP_REGRESSION);
    /* And a known-broken failure that keeps failing is still failing. */
    g_assert_cmpint(find_item(cmp, "core/030-fixed", 1)->cls, ==, TCK_CMP_STILL_FAILING);
}

static void
test_same_run(void)
{
    g_autoptr(TckRun) base = load("base.xml");
    g_autoptr(TckRun) again = load("base.xml");
    g_autoptr(TckCompare) cmp = tck_compare_runs(base, again, NULL);
    g_autofree char *text = tck_compare_to_text(cmp);
    guint c;

    /* What failed before still fails; nothing else is a change. */
    for (c = TCK_CMP_REGRESSION; c < TCK_CMP_LAST; c++)
        g_assert_cmpuint(cmp->counts[c], ==, c == TCK_CMP_STILL_FAILING ? 2 : 0);
    g_assert_cmpuint(cmp->timings->len, ==, 0);
    g_assert_false(tck_compare_has_regression(cmp));
    g_assert_nonnull(strstr(text, "\n0 regressions, 0 fixed, 2 still failing, 0 newly skipped"));
}

static void
test_golden(void)
{
    g_autoptr(TckRun) base = load("base.xml");
    g_autoptr(TckRun) new_run = load("new.xml");
    g_autoptr(TckCompare) cmp = tck_compare_runs(base, new_run, NULL);
    g_autofree char *text = tck_compare_to_text(cmp);
    g_autofree char *html = tck_report_html_to_string(new_run, cmp);

    assert_golden("compare.txt", text);
    assert_golden("compare.html", html);
    /* The differences are highlighted in the page. */
    g_assert_nonnull(strstr(html, "class=\"test row-fail changed cmp-regression\""));
    g_assert_nonnull(strstr(html, "id=\"comparison\""));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/compare/classes", test_classes);
    g_test_add_func("/report/compare/xfail-is-failure", test_xfail_is_failure);
    g_test_add_func("/report/compare/same-run", test_same_run);
    g_test_add_func("/report/compare/golden", test_golden);
    return g_test_run();
}
