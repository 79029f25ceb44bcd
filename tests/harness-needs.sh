#!/bin/sh
# harness-needs.sh — the harness checks each test's declared needs (from
# --describe) against the connection before it starts the test: a missing
# need is a skip naming it, and the program is never started (no run
# directory, no TAP of its own); a met need runs the test; a need outside
# the vocabulary still runs it, so that libtck bails out naming the bug.
# On test:///default, which has domains but no nwfilters.
. "$top_srcdir/tests/lib.sh"
tap_plan 8

tmp=$(mktemp -d)
kept=
trap 'rm -rf "$tmp" $kept; _tap_end' EXIT
fx=$top_builddir/tests/fixtures

# harness NEEDS: runs checks/needs declaring NEEDS; the kept run dir in $dir.
harness() {
    out=$(TCK_FIXTURE_NEEDS=$1 "$TCK" --uri test:///default --suites-dir "$fx" --keep-scratch \
          -a "$tmp/$1.tar.gz" checks/needs 2>&1); rc=$?
    dir=$(printf '%s\n' "$out" | sed -n 's/^libvirt-tck: scratch kept in //p')
    kept="$kept $dir"
}

harness nwfilter
is "$rc" 4 "a run whose only test misses a need tested nothing, and says so (exit 4), without failing a check"
like "$out" '^checks/needs \.+ skipped .*\(needs nwfilter: the driver does not support virConnectListAllNWFilters' \
     "...it is skipped, naming the need and the API that said so"
ok "...and was never started (no run directory of its own)" sh -c '! ls -d "$1"/*-checks-needs >/dev/null 2>&1' - "$dir"
mkdir "$tmp/a" && tar -xzf "$tmp/nwfilter.tar.gz" -C "$tmp/a" --strip-components=1
like "$(cat "$tmp/a/report.xml")" 'status="skip"' "...the report records it as skipped"

harness domain
is "$rc" 0 "a test whose needs are met runs and passes"
ok "...it was started (its run directory exists)" sh -c 'ls -d "$1"/*-checks-needs >/dev/null 2>&1' - "$dir"

harness flux-capacitor
is "$rc" 1 "a need outside the vocabulary is not skipped by the harness"
like "$out" "bailed out: unknown need 'flux-capacitor'" "...libtck bails the test out, naming it"
