#!/bin/sh
# harness-plan.sh — one plan, and the report names the plan the tests used.
# A test that makes a guest leaves its plan (tck/protocol.h:
# TCK_PROTOCOL_PLAN_FILE, beside its scratch dir); the archive's
# guest-plan.txt is that plan, the same text `libvirt-tck capabilities`
# prints for the URI (both come from tck_plan_for_connection); a run in
# which no test made a guest says so instead of passing a plan off as used.
. "$top_srcdir/tests/lib.sh"
tap_plan 7

tmp=$(mktemp -d)
kept=
trap 'rm -rf "$tmp" ${kept:+"$kept"}; _tap_end' EXIT
suites=$top_builddir/suites

# unpack ARCHIVE DIR: the archive's files, flat in DIR.
unpack() { mkdir -p "$2" && tar -xzf "$1" -C "$2" --strip-components=1; }

out=$("$TCK" --uri test:///default --suites-dir "$suites" --keep-scratch -a "$tmp/guest.tar.gz" \
      domain/050-transient-lifecycle 2>&1); rc=$?
is "$rc" 0 "domain/050 runs on test:///default"
kept=$(printf '%s\n' "$out" | sed -n 's/^libvirt-tck: scratch kept in //p')
plan=$(ls "$kept"/*-domain-050-transient-lifecycle/plan.txt 2>/dev/null | head -n 1)
ok "the test left the plan it used in its run directory" test -s "$plan"
unpack "$tmp/guest.tar.gz" "$tmp/guest"
ok "the archive's guest-plan.txt is the plan the test used" cmp -s "$plan" "$tmp/guest/guest-plan.txt"
is "$(cat "$tmp/guest/guest-plan.txt")" "$("$TCK" capabilities --uri test:///default)" \
   "...and the plan libvirt-tck capabilities prints for the URI"
like "$(cat "$tmp/guest/guest-plan.txt")" '^boot=kernel$' "...naming its boot strategy"

"$TCK" --uri test:///default --suites-dir "$top_builddir/tests/fixtures" -a "$tmp/none.tar.gz" \
      checks/demo >/dev/null 2>&1
unpack "$tmp/none.tar.gz" "$tmp/none"
like "$(cat "$tmp/none/guest-plan.txt")" '^# no test made a guest plan' \
     "a run in which no test made a guest says so"
like "$(cat "$tmp/none/guest-plan.txt")" '^boot=kernel$' "...and gives the connection's plan"
