#!/bin/sh
# harness-domain.sh — the main job: libvirt-tck runs the whole domain suite
# on test:///default, serially and with -j, with the suite's known-broken
# file applied: every test the registry lists ends ok, skipped with a
# reason, or known broken; nothing fails and nothing is left behind.  The
# counts come from the registry, never from a number written here.
. "$top_srcdir/tests/lib.sh"
tap_plan 13

KB="$top_srcdir/suites/known-broken/domain.yml"
listed=$("$TCK" --uri test:///default --list domain 2>&1 | grep -c '^domain/[0-9]')
ok_n() { [ "$1" -ge "$2" ]; r=$?; _tap_result "$( [ $r -eq 0 ] && echo ok || echo fail)" "$3 ($1)"; }
ok_n "$listed" 36 "the registry lists the domain suite"

out=$("$TCK" --uri test:///default --known-broken "$KB" -v domain 2>&1); rc=$?
is "$rc" 0 "libvirt-tck exits 0 when nothing in the domain suite fails unexpectedly"
[ $rc -eq 0 ] || diag "$(printf '%s\n' "$out" | grep -v '^ok' | tail -n 60)"
for t in 050-transient-lifecycle 060-persistent-lifecycle 070-transient-to-persistent 080-unique-identifiers; do
    like "$out" "^domain/$t \.+ ok " "domain/$t passes on test:///default"
done
ended=$(printf '%s\n' "$out" | grep -cE '^domain/[0-9][^ ]* \.+ (ok|skipped|known broken) ')
is "$ended" "$listed" "each of the $listed listed tests passed, skipped or is known broken"
bare=$(printf '%s\n' "$out" | grep -E '^domain/[0-9][^ ]* \.+ skipped ' | grep -vc ' skipped .*([^)]')
is "$bare" 0 "every skip says why"
ran=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped.*/\1 \2 \3/p' | tail -n 1)
set -- $ran
is "$(( ${1:-0} + ${2:-0} + ${3:-0} ))" "$listed" "the closing line counts all $listed tests"
is "${2:-x}" 0 "...none of them failed"
left=$(printf '%s\n' "$out" | grep -c 'cleanup left')
is "$left" 0 "no test left an object behind"

out=$("$TCK" --uri test:///default --known-broken "$KB" -j 4 -q domain 2>&1); rc=$?
is "$rc" 0 "the same suite passes four at a time"
out=$("$TCK" --uri test:///default -v domain/050-transient-lifecycle 2>&1)
like "$out" "^ok 6 - NO_DOMAIN error raised from missing domain" "-v shows the test's own TAP stream"
