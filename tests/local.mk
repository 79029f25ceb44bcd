## tests/local.mk — our own tests of libtck's core and the harness.

## Fixture test programs, laid out as a suites dir: tests/fixtures/AREA/NAME.
FIXTURE_LDADD = $(TCK_CORE_LIBS)
check_PROGRAMS += \
	tests/fixtures/isolation/crash \
	tests/fixtures/isolation/hang \
	tests/fixtures/isolation/bailout \
	tests/fixtures/isolation/short-plan \
	tests/fixtures/isolation/garbage \
	tests/fixtures/isolation/passing \
	tests/fixtures/isolation/failing \
	tests/fixtures/sched/excl-a \
	tests/fixtures/sched/excl-b \
	tests/fixtures/sched/par-a \
	tests/fixtures/sched/par-b \
	tests/fixtures/checks/demo \
	tests/fixtures/checks/needs
tests_fixtures_checks_demo_LDADD = $(FIXTURE_LDADD)
tests_fixtures_checks_needs_LDADD = $(FIXTURE_LDADD)
tests_fixtures_isolation_crash_LDADD = $(FIXTURE_LDADD)
tests_fixtures_isolation_hang_LDADD = $(FIXTURE_LDADD)
tests_fixtures_isolation_bailout_LDADD = $(FIXTURE_LDADD)
tests_fixtures_isolation_short_plan_LDADD = $(FIXTURE_LDADD)
tests_fixtures_isolation_garbage_LDADD = $(GLIB_LIBS)
tests_fixtures_isolation_passing_LDADD = $(FIXTURE_LDADD)
tests_fixtures_isolation_failing_LDADD = $(FIXTURE_LDADD)
tests_fixtures_sched_excl_a_SOURCES = tests/fixtures/sched/exclusive.c
tests_fixtures_sched_excl_a_LDADD = $(FIXTURE_LDADD)
tests_fixtures_sched_excl_b_SOURCES = tests/fixtures/sched/exclusive.c
tests_fixtures_sched_excl_b_LDADD = $(FIXTURE_LDADD)
tests_fixtures_sched_par_a_SOURCES = tests/fixtures/sched/rendezvous.c
tests_fixtures_sched_par_a_LDADD = $(FIXTURE_LDADD)
tests_fixtures_sched_par_b_SOURCES = tests/fixtures/sched/rendezvous.c
tests_fixtures_sched_par_b_LDADD = $(FIXTURE_LDADD)

## Unit tests (GTest).
check_PROGRAMS += tests/test-ledger
tests_test_ledger_LDADD = $(TCK_CORE_LIBS)
TESTS += tests/test-ledger
check_PROGRAMS += tests/test-hostnet
tests_test_hostnet_LDADD = $(TCK_CORE_LIBS)
TESTS += tests/test-hostnet

check_PROGRAMS += tests/test-protocol
tests_test_protocol_LDADD = $(TCK_CORE_LIBS)
TESTS += tests/test-protocol

## Integration tests (shell, printing TAP).
dist_noinst_SCRIPTS += tests/lib.sh tests/run-gtest.sh
TESTS += \
	tests/harness-domain.sh \
	tests/suite-objects-b.sh \
	tests/harness-isolation.sh \
	tests/harness-scheduling.sh \
	tests/harness-durations.sh \
	tests/harness-bad-input.sh \
	tests/harness-prove.sh \
	tests/harness-plan.sh \
	tests/harness-needs.sh \
	tests/libtck-checks.sh \
	tests/layers.sh \
	tests/libtck-needs.sh \
	tests/crowded-host.sh \
	tests/api-coverage.sh \
	tests/suite-objects-a.sh \
	tests/contracts.sh \
	tests/man-example.sh \
	tests/harness-truth.sh \
	tests/man-run-examples.sh \
	tests/suite-domain-a.sh
EXTRA_DIST += \
	tests/harness-domain.sh \
	tests/suite-objects-b.sh \
	tests/harness-isolation.sh \
	tests/harness-scheduling.sh \
	tests/harness-durations.sh \
	tests/harness-bad-input.sh \
	tests/harness-prove.sh \
	tests/harness-plan.sh \
	tests/harness-needs.sh \
	tests/libtck-checks.sh \
	tests/layers.sh \
	tests/libtck-needs.sh \
	tests/crowded-host.sh \
	tests/api-coverage.sh \
	tests/suite-objects-a.sh \
	tests/contracts.sh \
	tests/man-example.sh \
	tests/harness-truth.sh \
	tests/man-run-examples.sh \
	tests/suite-domain-a.sh \
	tests/fixtures/upstream-style.t \
	tests/fixtures/crowded-host.xml \
	tests/contracts/broken-ten.yml \
	tests/contracts/bad-condition.yml \
	tests/contracts/bad-api.yml \
	tests/contracts/bad-code.yml \
	tests/contracts/bad-flags.yml \
	tests/contracts/bad-duplicate.yml \
	tests/contracts/bad-no-why.yml \
	tests/contracts/bad-key.yml \
	tests/contracts/bad-alias.yml \
	tests/contracts/bad-two-docs.yml \
	tests/contracts/bad-syntax.yml \
	tests/contracts/bad-uncallable.yml
