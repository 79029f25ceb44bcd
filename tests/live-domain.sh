#!/bin/sh
# live-domain.sh — end to end on real drivers: libvirt-tck runs the domain
# suite (050-080) at -j 2 inside the sandbox on qemu:///system (TCG),
# lxc:///system and, over libvirt's RPC, qemu+tcp://127.0.0.1/system; every
# test passes, none is skipped, the guests really boot (their readiness
# markers are seen) and nothing of the runs is left.
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..14"

D=$(mktemp -d /tmp/tck-live-domain-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
live_cache "$D/cache" || { echo "Bail out! cannot build the asset cache in $D/cache"; exit 1; }

TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm --tcp -- \
    sh "$LIVE_FIXTURES/domain-inner.sh" "$top_builddir" "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "the domain suite ran in the sandbox on three URIs (exit $rc)"
tap_diag "$(cat "$D/stderr")"
live_results "$D/results" 12
[ $tap_failed -eq 0 ] || tap_diag "$(cat "$D"/run-*.log | grep -v '^ok' | tail -n 80)"
exit $tap_failed
