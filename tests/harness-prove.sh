#!/bin/sh
# harness-prove.sh — our TAP is TAP: Perl's prove runs a built test
# program directly with the same counts, reads the harness's --format tap
# stream, and the harness runs an upstream-style Perl .t script.
. "$top_srcdir/tests/lib.sh"
tap_plan 5

command -v prove >/dev/null || { echo "Bail out! prove (perl) is not installed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_end' EXIT

out=$(TCK_URI=test:///default prove -v --exec '' "$top_builddir/suites/domain/060-persistent-lifecycle" 2>&1); rc=$?
is "$rc" 0 "prove passes a built test program run directly"
like "$out" "^All tests successful" "prove reads every check of it (11 planned)"

"$TCK" --uri test:///default --format tap 'domain/0[5-8]0-*' >"$tmp/run.tap" 2>/dev/null
out=$(prove -v --exec cat "$tmp/run.tap" 2>&1); rc=$?
is "$rc" 0 "prove accepts the harness's TAP stream"
like "$out" "Tests=4" "...and counts the four tests in it"

out=$("$TCK" --uri test:///default "$top_srcdir/tests/fixtures/upstream-style.t" 2>&1)
like "$out" "upstream-style.t \.+ ok " "the harness runs an upstream-style Perl .t script"
