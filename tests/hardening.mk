## tests/hardening.mk — issue 10: what a hostile or unlucky world does to a
## run.  Each test pins one finding down (see the header of each script).

TESTS += \
	tests/hardening-prepare.sh \
	tests/hardening-report.sh \
	tests/hardening-runner.sh \
	tests/live-storage-safety.sh
dist_noinst_SCRIPTS += \
	tests/hardening-prepare.sh \
	tests/prepare/hostile-server.py \
	tests/hardening-report.sh \
	tests/hardening-runner.sh \
	tests/live-storage-safety.sh \
	tests/hardening/storage-safety-inner.sh

## Test programs that misbehave on --describe, laid out as a suites dir.
check_PROGRAMS += \
	tests/hardening/suites/hostile/describe-hang \
	tests/hardening/suites/hostile/describe-crash \
	tests/hardening/suites/hostile/describe-flood \
	tests/hardening/suites/hostile/describe-nonutf8 \
	tests/hardening/suites/hostile/describe-ok
tests_hardening_suites_hostile_describe_hang_SOURCES = tests/hardening/hostile.c
tests_hardening_suites_hostile_describe_crash_SOURCES = tests/hardening/hostile.c
tests_hardening_suites_hostile_describe_flood_SOURCES = tests/hardening/hostile.c
tests_hardening_suites_hostile_describe_nonutf8_SOURCES = tests/hardening/hostile.c
tests_hardening_suites_hostile_describe_ok_SOURCES = tests/hardening/hostile.c

## Issue 9's one status table, read by every formatter and compare.
check_PROGRAMS += tests/test-status
tests_test_status_SOURCES = tests/test-status.c $(TCK_REPORT_TEST_SOURCES)
tests_test_status_LDADD = $(TCK_HARNESS_LIBS)
TESTS += tests/test-status

## Every crash the fuzz targets found (tests/fuzz/regressions/), as a test of the plain build.
check_PROGRAMS += tests/test-fuzz-regressions
tests_test_fuzz_regressions_LDADD = $(TCK_CORE_LIBS)
TESTS += tests/test-fuzz-regressions
