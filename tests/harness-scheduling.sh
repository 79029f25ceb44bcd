#!/bin/sh
# harness-scheduling.sh — -j N really runs tests side by side, and two
# tests that name the same exclusive resource never overlap.
. "$top_srcdir/tests/lib.sh"
tap_plan 5

TCK_FIXTURE_DIR=$(mktemp -d); export TCK_FIXTURE_DIR
trap 'rm -rf "$TCK_FIXTURE_DIR"; _tap_end' EXIT
fx="$top_builddir/tests/fixtures"

out=$("$TCK" --suites-dir "$fx" -j 2 sched/par-a sched/par-b 2>&1); rc=$?
is "$rc" 0 "with -j 2 two tests meet each other (they run at once)"
rm -f "$TCK_FIXTURE_DIR"/*

out=$("$TCK" --suites-dir "$fx" -j 1 --timeout 10 sched/par-a sched/par-b 2>&1); rc=$?
is "$rc" 1 "with -j 1 they cannot meet (the rendezvous check can fail)"
rm -f "$TCK_FIXTURE_DIR"/*

for i in 1 2; do
    out=$("$TCK" --suites-dir "$fx" -j 2 sched/excl-a sched/excl-b 2>&1); rc=$?
    is "$rc" 0 "round $i: two holders of one exclusive resource never overlap under -j 2"
done
like "$("$TCK" --suites-dir "$fx" --list sched 2>&1)" '^sched/excl-a +holds fixture-lock alone' "--list shows what --describe said"
