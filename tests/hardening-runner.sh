#!/bin/sh
# hardening-runner.sh — issue 10: what hostile or unlucky test programs do
# to the harness.  Each block names its finding.  Tests given by path
# are little shell scripts written here.
. "$top_srcdir/tests/lib.sh"
tap_plan 6

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_end' EXIT
# script NAME BODY: an executable test program $tmp/NAME.sh.
script() { printf '#!/bin/sh\n%s\n' "$2" >"$tmp/$1.sh"; chmod +x "$tmp/$1.sh"; }
run() { "$TCK" --uri test:///default "$@" >"$tmp/out" 2>&1; rc=$?; out=$(cat "$tmp/out"); }

# --- finding 7: no silent passes; TAP as prove reads it.
script notok-skip 'echo 1..1; echo "not ok 1 - x # SKIP y"'
run "$tmp/notok-skip.sh"
is "$rc" 1 "a skipped 'not ok' fails the run, as in prove"
like "$out" "notok-skip.sh \.+ FAILED" "...the test is FAILED, not skipped"
script skipall-exit2 'echo "1..0 # SKIP x"; exit 2'
run "$tmp/skipall-exit2.sh"
is "$rc" 1 "a skip-all plan then exit 2 fails the run, as in prove"
like "$out" "skipped all, then exited with status 2" "...naming the exit status"
prove "$tmp/notok-skip.sh" >/dev/null 2>&1
is "$?" 1 "prove agrees on the skipped 'not ok'"
prove "$tmp/skipall-exit2.sh" >/dev/null 2>&1
is "$?" 1 "prove agrees on the skip-all that exits 2"
