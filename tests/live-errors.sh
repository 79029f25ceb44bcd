#!/bin/sh
# live-errors.sh — the error-code contracts on real drivers: the checkers
# of suites/errors/ run in the sandbox on qemu:///system (TCG) and
# lxc:///system; every contract holds or is a listed known deviation, most
# of the table is really checked there (not skipped), and the checkers
# leave nothing behind.
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..8"

D=$(mktemp -d /tmp/tck-live-errors-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
live_cache "$D/cache" || { echo "Bail out! cannot build the asset cache in $D/cache"; exit 1; }

TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm -- \
    sh "$LIVE_FIXTURES/errors-inner.sh" "$top_builddir" "$top_srcdir" "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "the error checkers ran in the sandbox on two URIs (exit $rc)"
tap_diag "$(cat "$D/stderr")"
live_results "$D/results" 6
[ $tap_failed -eq 0 ] || tap_diag "$(grep -E '^ *not ok|^---' "$D"/run-*.log | tail -n 60)"
exit $tap_failed
