/*
 * test-report-known-broken.c — known-broken files: every kind of bad
 * entry in tests/report/known-broken/bad-*.yml is refused with the
 * FILE:LINE and message its first line announces; good.yml turns the
 * matching failures into xfail and passes into xpass, leaves entries for
 * other platforms alone and lists unmatched ones as stale.
 */
#include <config.h>

#include <string.h>

#include <tck/error.h>

#include "tck/known-broken.h"
#include "report-model.h"

static char *
fixture(const char *name)
{
    const char *top = g_getenv("top_srcdir");

    return g_build_filename(top ? top : ABS_TOP_SRCDIR, "tests/report/known-broken", name, NULL);
}

static void
test_bad_file(gconstpointer data)
{
    const char *name = data;
    g_autofree char *path = fixture(name);
    g_autofree char *content = NULL;
    g_autofree char *expect = NULL;
    g_autoptr(TckKnownBroken) kb = tck_known_broken_new();
    g_autoptr(GError) error = NULL;

    g_assert_true(g_file_get_contents(path, &content, NULL, NULL));
    g_assert_true(g_str_has_prefix(content, "# expect: "));
    expect = g_strndup(content + strlen("# expect: "), strcspn(content + strlen("# expect: "), "\n"));

    g_assert_false(tck_known_broken_load(kb, path, &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN);
    if (!strstr(error->message, expect))
        g_error("%s: got '%s', expected it to contain '%s'", name, error->message, expect);
    /* One line, naming the file. */
    g_assert_null(strchr(error->message, '\n'));
    g_assert_true(g_str_has_prefix(error->message, path));
    g_assert_cmpuint(tck_known_broken_n_entries(kb), ==, 0);
}

static void
test_missing_file(void)
{
    g_autoptr(TckKnownBroken) kb = tck_known_broken_new();
    g_autoptr(GError) error = NULL;

    g_assert_false(tck_known_broken_load(kb, "/nonexistent/kb.yml", &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND);
    g_assert_nonnull(strstr(error->message, "/nonexistent/kb.yml"));
}

static TckRun *
plain_run(void)
{
    static const TckStatus one_fail[] = { TCK_STATUS_PASS, TCK_STATUS_FAIL, TCK_STATUS_PASS };
    static const TckStatus two_pass[] = { TCK_STATUS_PASS, TCK_STATUS_PASS };
    static const TckStatus crashed[] = { TCK_STATUS_PASS };
    TckRun *run = tck_run_new();
    TckTestResult *t;

    run->meta.uri = g_strdup("test:///default");
    run->meta.driver = g_strdup("test");
    run->meta.libvirt_version = g_strdup("9.0.0");
    run->meta.hypervisor_version = g_strdup("2.0.0");
    run->meta.host_arch = g_strdup("x86_64");
    test_report_model_add_test(run, "domain/050-transient-lifecycle", TCK_STATUS_PASS,
                               two_pass, G_N_ELEMENTS(two_pass));
    test_report_model_add_test(run, "domain/060-persistent-lifecycle", TCK_STATUS_FAIL,
                               one_fail, G_N_ELEMENTS(one_fail));
    t = test_report_model_add_test(run, "storage/100-pool-dir", TCK_STATUS_PASS,
                                   two_pass, G_N_ELEMENTS(two_pass));
    g_free(((TckCheckResult *) g_ptr_array_index(t->checks, 1))->description);
    ((TckCheckResult *) g_ptr_array_index(t->checks, 1))->description = g_strdup("pool refresh works");
    t = test_report_model_add_test(run, "network/200-crash", TCK_STATUS_ERROR,
                                   crashed, G_N_ELEMENTS(crashed));
    t->term_signal = 11;
    t->reason = g_strdup("killed by signal 11 (SIGSEGV)");
    return run;
}

#define TEST(run, i) ((TckTestResult *) g_ptr_array_index((run)->tests, (i)))
#define CHECK(run, i, j) ((TckCheckResult *) g_ptr_array_index(TEST(run, i)->checks, (j)))

static void
test_apply(void)
{
    g_autofree char *path = fixture("good.yml");
    g_autoptr(TckKnownBroken) kb = tck_known_broken_new();
    g_autoptr(TckRun) run = plain_run();
    g_autoptr(GError) error = NULL;
    guint changed;

    g_assert_true(tck_known_broken_load(kb, path, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(tck_known_broken_n_entries(kb), ==, 7);

    changed = tck_known_broken_apply(kb, run);

    /* 050: entries 4 and 6 do not apply here, 7 names a missing check. */
    g_assert_cmpint(TEST(run, 0)->status, ==, TCK_STATUS_PASS);
    g_assert_cmpint(CHECK(run, 0, 0)->status, ==, TCK_STATUS_PASS);
    /* 060: check 2 xfail, so the test is xfail; check 1 untouched. */
    g_assert_cmpint(CHECK(run, 1, 0)->status, ==, TCK_STATUS_PASS);
    g_assert_cmpint(CHECK(run, 1, 1)->status, ==, TCK_STATUS_XFAIL);
    g_assert_cmpstr(CHECK(run, 1, 1)->known_broken, ==,
                    "https://bugs.example.org/60 (destroy keeps the id)");
    g_assert_cmpint(TEST(run, 1)->status, ==, TCK_STATUS_XFAIL);
    /* storage: only the check whose description matches is xpass. */
    g_assert_cmpint(CHECK(run, 2, 0)->status, ==, TCK_STATUS_PASS);
    g_assert_cmpint(CHECK(run, 2, 1)->status, ==, TCK_STATUS_XPASS);
    g_assert_cmpint(TEST(run, 2)->status, ==, TCK_STATUS_XPASS);
    /* the crash is covered as a whole. */
    g_assert_cmpint(TEST(run, 3)->status, ==, TCK_STATUS_XFAIL);
    g_assert_cmpstr(TEST(run, 3)->known_broken, ==, "segfaults in the network driver");
    g_assert_cmpuint(changed, ==, 5);

    /* Stale: entries 5 and 7, with file and line. */
    g_assert_cmpuint(run->known_broken_stale->len, ==, 2);
    g_assert_nonnull(strstr(g_ptr_array_index(run->known_broken_stale, 0), "good.yml:28: test 'secret/*'"));
    g_assert_nonnull(strstr(g_ptr_array_index(run->known_broken_stale, 1), "good.yml:38: test 'domain/050-*' check 9"));
}

/* Per-test application (live lines) then the whole run (stale entries)
 * ends exactly where applying the run once does. */
static void
test_apply_per_test(void)
{
    g_autofree char *path = fixture("good.yml");
    g_autoptr(TckKnownBroken) kb = tck_known_broken_new();
    g_autoptr(TckRun) once = plain_run();
    g_autoptr(TckRun) live = plain_run();
    guint i, j;

    g_assert_true(tck_known_broken_load(kb, path, NULL));
    tck_known_broken_apply(kb, once);
    for (i = 0; i < live->tests->len; i++)
        tck_known_broken_apply_test(kb, &live->meta, TEST(live, i));
    g_assert_cmpint(TEST(live, 1)->status, ==, TCK_STATUS_XFAIL);
    g_assert_cmpuint(tck_known_broken_apply(kb, live), ==, 0);
    for (i = 0; i < once->tests->len; i++) {
        g_assert_cmpint(TEST(live, i)->status, ==, TEST(once, i)->status);
        for (j = 0; j < TEST(once, i)->checks->len; j++)
            g_assert_cmpint(CHECK(live, i, j)->status, ==, CHECK(once, i, j)->status);
    }
    g_assert_cmpuint(live->known_broken_stale->len, ==, once->known_broken_stale->len);
}

/* Does the one entry of @yaml apply to test 1 of a plain run on @driver? */
static gboolean
entry_applies_to(const char *yaml, const char *driver)
{
    g_autoptr(TckKnownBroken) kb = tck_known_broken_new();
    g_autoptr(TckRun) run = plain_run();
    g_autoptr(GError) error = NULL;

    if (driver) {
        g_free(run->meta.driver);
        run->meta.driver = g_strdup(driver);
    }
    g_assert_true(tck_known_broken_load_data(kb, yaml, strlen(yaml), "inline.yml", &error));
    g_assert_no_error(error);
    tck_known_broken_apply(kb, run);
    return TEST(run, 1)->status == TCK_STATUS_XFAIL;
}

static void
test_conditions(void)
{
    static const struct {
        const char *yaml;
        gboolean applies;
        const char *driver;     /* the run's virConnectGetType; NULL: the plain run's "test" */
    } cases[] = {
        { "- {test: 'domain/060-*', reason: r, libvirt: '9.0.0'}", TRUE, NULL },
        { "- {test: 'domain/060-*', reason: r, libvirt: '!= 9.0.0'}", FALSE, NULL },
        { "- {test: 'domain/060-*', reason: r, libvirt: '> 9'}", FALSE, NULL },
        { "- {test: 'domain/060-*', reason: r, libvirt: '>= 8.10, < 9.0.1'}", TRUE, NULL },
        { "- {test: 'domain/060-*', reason: r, libvirt: '<= 8.99'}", FALSE, NULL },
        { "- {test: 'domain/060-*', reason: r, hypervisor: '== 2'}", TRUE, NULL },
        { "- {test: 'domain/060-*', reason: r, uri: 'qemu:*'}", FALSE, NULL },
        { "- {test: 'domain/060-*', reason: r, arch: aarch64}", FALSE, NULL },
        { "- {test: 'domain/06?-*', reason: r, driver: 't*'}", TRUE, NULL },
        { "- {test: 'domain/060-*', reason: r, check: 2, description: '*nothing*'}", FALSE, NULL },
        /* libxl's connections say "Xen": an entry may name either, and no other */
        { "- {test: 'domain/060-*', reason: r, driver: libxl}", TRUE, "Xen" },
        { "- {test: 'domain/060-*', reason: r, driver: xen}", TRUE, "Xen" },
        { "- {test: 'domain/060-*', reason: r, driver: 'lib*'}", TRUE, "Xen" },
        { "- {test: 'domain/060-*', reason: r, driver: libxl}", FALSE, "QEMU" },
        { "- {test: 'domain/060-*', reason: r, driver: qemu}", FALSE, "Xen" },
    };

    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        gboolean applies = entry_applies_to(cases[i].yaml, cases[i].driver);

        if (applies != cases[i].applies)
            g_error("case %u (%s on %s): applies=%d expected %d", i, cases[i].yaml,
                    cases[i].driver ? cases[i].driver : "test", applies, cases[i].applies);
    }
}

static void
test_version_compare(void)
{
    g_assert_cmpint(tck_version_compare("9.10.0", "9.9"), >, 0);
    g_assert_cmpint(tck_version_compare("9.0", "9.0.0"), ==, 0);
    g_assert_cmpint(tck_version_compare("8.99.1", "9"), <, 0);
    g_assert_cmpint(tck_version_compare("10.0.0-rc1", "10.0.0"), ==, 0);
}

int
main(int argc, char **argv)
{
    static const char *bad[] = {
        "bad-unknown-key.yml", "bad-range-op.yml", "bad-range-version.yml",
        "bad-range-empty.yml", "bad-check.yml", "bad-check-zero.yml", "bad-no-test.yml",
        "bad-no-reason.yml", "bad-not-list.yml", "bad-entry-scalar.yml",
        "bad-value-list.yml", "bad-duplicate.yml", "bad-syntax.yml", "bad-empty-value.yml",
    };
    guint i;

    g_test_init(&argc, &argv, NULL);
    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *name = g_strdup_printf("/report/known-broken/refuses/%s", bad[i]);

        g_test_add_data_func(name, bad[i], test_bad_file);
    }
    g_test_add_func("/report/known-broken/missing-file", test_missing_file);
    g_test_add_func("/report/known-broken/apply", test_apply);
    g_test_add_func("/report/known-broken/apply-per-test", test_apply_per_test);
    g_test_add_func("/report/known-broken/conditions", test_conditions);
    g_test_add_func("/report/known-broken/version-compare", test_version_compare);
    return g_test_run();
}
