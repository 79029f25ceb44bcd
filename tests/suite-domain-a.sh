#!/bin/sh
# suite-domain-a.sh — the domain suite's programs 100-299 (lifecycle,
# identity, invalid operations on inactive domains, save/restore, events)
# run through the harness on test:///default and on the crowded test host,
# with the domain known-broken file applied: every one the registry lists
# runs, none fails unexpectedly, and the run is not all skips.
. "$top_srcdir/tests/lib.sh"
tap_plan 10
HOST="$top_srcdir/tests/fixtures/crowded-host.xml"
case $HOST in /*) ;; *) HOST="$PWD/$HOST" ;; esac
KB="$top_srcdir/suites/known-broken/domain.yml"
SUITES="$top_builddir/suites"

for U in test:///default "test://$HOST"; do
    listed=$("$TCK" --uri "$U" --suites-dir "$SUITES" --list 'domain/1*' 'domain/2*' 2>&1 |
             grep -c '^domain/[12][0-9][0-9]-')
    ok "the registry lists at least 20 of the programs 100-299 on $U" [ "$listed" -ge 20 ]
    out=$("$TCK" --uri "$U" --suites-dir "$SUITES" -j 2 --known-broken "$KB" 'domain/1*' 'domain/2*' 2>&1); rc=$?
    is "$rc" 0 "domain/100-299 pass on $U with the known-broken file (exit status)"
    [ $rc -eq 0 ] || diag "$(printf '%s\n' "$out" | grep -v '^ok' | tail -n 60)"
    set -- $(printf '%s\n' "$out" |
             sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped.*/\1 \2 \3/p' | tail -n 1)
    is "$(( ${1:-0} + ${2:-0} + ${3:-0} ))" "$listed" "all $listed listed programs ran on $U"
    is "${2:-x}" 0 "none of them failed on $U"
    ok "most of them passed on $U, not only skipped (${1:-0} passed, ${3:-0} skipped)" \
        [ "$(( ${1:-0} * 2 ))" -gt "$listed" ]
done
