## tests/report.mk — the report formats, known-broken, compare and the
## report subcommand.  The harness code under test is linked from
## libtck-harness.la.

TCK_REPORT_TEST_SOURCES = \
	tests/report-model.c \
	tests/report-model.h

check_PROGRAMS += \
	tests/test-report \
	tests/test-report-known-broken \
	tests/test-report-compare \
	tests/test-report-matrix-api
tests_test_report_SOURCES = tests/test-report.c $(TCK_REPORT_TEST_SOURCES)
tests_test_report_LDADD = $(TCK_HARNESS_LIBS)
tests_test_report_known_broken_SOURCES = tests/test-report-known-broken.c $(TCK_REPORT_TEST_SOURCES)
tests_test_report_known_broken_LDADD = $(TCK_HARNESS_LIBS)
tests_test_report_compare_SOURCES = tests/test-report-compare.c $(TCK_REPORT_TEST_SOURCES)
tests_test_report_compare_LDADD = $(TCK_HARNESS_LIBS)
tests_test_report_matrix_api_SOURCES = tests/test-report-matrix-api.c $(TCK_REPORT_TEST_SOURCES)
tests_test_report_matrix_api_LDADD = $(TCK_HARNESS_LIBS)

TESTS += \
	tests/test-report \
	tests/test-report-known-broken \
	tests/test-report-compare \
	tests/test-report-matrix-api \
	tests/test-report-html.sh \
	tests/test-report-cli.sh \
	tests/test-report-matrix.sh

EXTRA_DIST += \
	tests/test-report-html.sh \
	tests/test-report-cli.sh \
	tests/test-report-matrix.sh \
	tests/report/matrix/test.xml \
	tests/report/matrix/qemu.xml \
	tests/report/matrix/lxc.xml \
	tests/report/golden/run.xml \
	tests/report/golden/run.junit.xml \
	tests/report/golden/run.html \
	tests/report/golden/run.txt \
	tests/report/golden/run.tap \
	tests/report/golden/compare.txt \
	tests/report/golden/compare.html \
	tests/report/suites/rpt/passing \
	tests/report/suites/rpt/failing \
	tests/report/suites/rpt/hang \
	tests/report/compare/base.xml \
	tests/report/compare/new.xml \
	tests/report/known-broken/good.yml \
	tests/report/known-broken/bad-check-zero.yml \
	tests/report/known-broken/bad-check.yml \
	tests/report/known-broken/bad-duplicate.yml \
	tests/report/known-broken/bad-empty-value.yml \
	tests/report/known-broken/bad-entry-scalar.yml \
	tests/report/known-broken/bad-no-reason.yml \
	tests/report/known-broken/bad-no-test.yml \
	tests/report/known-broken/bad-not-list.yml \
	tests/report/known-broken/bad-range-empty.yml \
	tests/report/known-broken/bad-range-op.yml \
	tests/report/known-broken/bad-range-version.yml \
	tests/report/known-broken/bad-syntax.yml \
	tests/report/known-broken/bad-unknown-key.yml \
	tests/report/known-broken/bad-value-list.yml
