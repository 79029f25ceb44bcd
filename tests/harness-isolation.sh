#!/bin/sh
# harness-isolation.sh — a test that crashes, hangs, bails out, breaks
# its plan or prints garbage fails with the reason stated; the run goes
# on, the others still run, and the run exits 1.
. "$top_srcdir/tests/lib.sh"
tap_plan 12

start=$(date +%s)
out=$("$TCK" --suites-dir "$top_builddir/tests/fixtures" --timeout 2 isolation 2>&1); rc=$?
end=$(date +%s)
is "$rc" 1 "the run exits 1"
like "$out" '^isolation/crash \.+ ERROR .*\(killed by signal 11 \(SIGSEGV\)\)' "a crash is reported as SIGSEGV"
like "$out" '^isolation/hang \.+ ERROR .*\(timed out after 2 s\)' "a hang is killed at the 2 s timeout"
like "$out" '^isolation/bailout \.+ ERROR .*\(bailed out: the fixture gives up on purpose\)' "a bail-out is reported with its reason"
like "$out" '^isolation/short-plan \.+ ERROR .*\(planned 5 checks, ran 3\)' "a short plan is reported"
like "$out" '^isolation/garbage \.+ ERROR .*\(no TAP plan seen' "garbage output is reported as no plan"
like "$out" '^isolation/failing \.+ FAILED .*\(1 of 2 checks failed\)' "a failing check fails its test"
like "$out" '^isolation/passing \.+ ok ' "the passing test still ran and passed"
like "$out" "^ +# +got: 'apple'" "the failing check's diagnostics are shown"
like "$out" '^1 passed, 6 failed, 0 skipped$' "the closing line counts them"
ok "the run did not wait much past the hang's timeout ($((end - start)) s)" test $((end - start)) -lt 20
ok "no fixture process is left running" sh -c "! pgrep -f '^$top_builddir/tests/fixtures/isolation/hang' >/dev/null"
