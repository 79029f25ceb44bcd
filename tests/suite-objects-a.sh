#!/bin/sh
# suite-objects-a.sh — the storage, secret and nodedev suites through the
# harness on test:///default and on the crowded test host: with each
# area's known-broken file applied nothing fails unexpectedly, every test
# the registry lists for the area ran (passed or skipped with a reason),
# and no known-broken entry is stale.  Secrets: the test driver has none,
# so each secret test skips naming the need, and the run says nothing was
# tested (exit 4), never a pass.
. "$top_srcdir/tests/lib.sh"
tap_plan 25
HOST="$top_srcdir/tests/fixtures/crowded-host.xml"
case $HOST in /*) ;; *) HOST="$PWD/$HOST" ;; esac
KB="$top_srcdir/suites/known-broken"
SUITES="$top_builddir/suites"

for uri in test:///default "test://$HOST"; do
    for area in storage secret nodedev; do
        listed=$("$TCK" --uri "$uri" --suites-dir "$SUITES" --list "$area" 2>&1 | grep -c "^$area/[0-9]")
        out=$("$TCK" --uri "$uri" --suites-dir "$SUITES" --known-broken "$KB/$area.yml" -j 2 "$area" 2>&1)
        rc=$?
        want=0
        [ "$area" = secret ] && want=4   # everything skipped: nothing tested is not a pass
        is "$rc" "$want" "$area/* on $uri: nothing fails unexpectedly (exit status $want)"
        [ "$rc" -eq "$want" ] || diag "$(printf '%s\n' "$out" | grep -v '^ok' | tail -n 40)"
        set -- $(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped.*/\1 \2 \3/p' | tail -n 1)
        is "$(( ${1:-0} + ${3:-0} ))/${2:-x}" "$listed/0" "$area/* on $uri: all $listed listed tests ran, none failed"
        unlike "$out" "matched nothing in this run" "$area/* on $uri: no known-broken entry of $area.yml is stale"
        case $area in
            storage|nodedev)
                [ "${1:-0}" -ge $((listed / 2)) ]
                ok "$area/* on $uri: most tests ran their checks, not only skipped (passed ${1:-0})" [ $? -eq 0 ] ;;
            secret)
                n=$(printf '%s\n' "$out" | grep -c '^secret/.* skipped .*(needs secret: the driver does not support')
                is "$n" "$listed" "secret/* on $uri: each of the $listed tests skips naming the need" ;;
        esac
    done
done

# A pool's target is the test's own scratch directory, never a host path.
out=$("$TCK" --uri "test://$HOST" --suites-dir "$SUITES" -v storage/010-dir-transient-lifecycle 2>&1)
like "$out" "^ok [0-9]+ - its target is the test's own scratch directory" \
    "on the crowded host a storage test's pool lives in its own scratch directory"
