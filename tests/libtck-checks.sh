#!/bin/sh
# libtck-checks.sh — libtck's checks print the TAP and diagnostics they
# promise: expected libvirt error codes (right, wrong, call succeeded),
# objects and names, string and integer comparisons, escaping, SKIP and
# TODO, the plan, and the exit status.  Runs on test:///default.
. "$top_srcdir/tests/lib.sh"
tap_plan 23

out=$(TCK_URI=test:///default "$top_builddir/tests/fixtures/checks/demo" 2>&1); rc=$?
is "$rc" 1 "the program exits 1 when checks failed"
like "$out" '^TAP version 13$' "it prints the TAP 13 header"
like "$out" '^1\.\.16$' "it prints the plan first"
like "$out" '^ok 1 - lookup of a missing domain fails with NO_DOMAIN$' "the expected error code passes"
like "$out" '^not ok 2 - wrong expected code is reported$' "a wrong error code fails"
like "$out" '^# +expected error: VIR_ERR_NO_NETWORK \(43\)$' "...naming the expected code"
like "$out" '^# +actual error: VIR_ERR_NO_DOMAIN \(42\): .*[Dd]omain not found' "...and the actual code and message"
like "$out" '^not ok 3 - ' "an object call that succeeds fails the check"
like "$out" '^# expected the call to fail with VIR_ERR_NO_DOMAIN, but it succeeded$' "...saying it succeeded"
like "$out" '^not ok 4 - an int call' "an int call that succeeds fails the check"
like "$out" '^ok 5 - found the test domain$' "tck_ok_domain_named passes on the right name"
like "$out" "^# domain name was 'test', expected 'other'$" "...and reports a wrong one"
like "$out" '^# libvirt error VIR_ERR_NO_DOMAIN \(42\)' "a NULL object reports libvirt's error"
like "$out" "^#          got: 'apple'$" "string mismatch shows what came"
like "$out" "^#     expected: 'pear'$" "...and what was expected"
like "$out" '^#          got: 42$' "integer mismatch shows the number"
like "$out" '^ok 12 - a description with a \\# hash$' "a # in a description is escaped"
like "$out" '^ok 13 # SKIP nothing to see$' "skips are marked"
like "$out" '^ok 14 - a named \\# skip # SKIP not here$' "a named skip keeps its description, escaped (tck_skip_check)"
like "$out" '^not ok 15 - a failing TODO check # TODO not done yet$' "TODO checks are marked"
like "$out" '^# Looks like you failed 9 checks of 16 run\.$' "TODO and SKIP do not count as failures"

report=$("$TCK" --uri test:///default --suites-dir "$top_builddir/tests/fixtures" checks/demo 2>&1)
like "$report" '^checks/demo \.+ FAILED .*\(9 of 16 checks failed\)' "the harness counts the same failures"
like "$report" '^  not ok 2 - wrong expected code is reported$' "the harness shows the failed checks"
