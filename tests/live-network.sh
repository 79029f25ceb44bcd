#!/bin/sh
# live-network.sh — the network, nwfilter and interface suites on a real
# driver: libvirt-tck runs them at -j 2 inside the sandbox on
# qemu:///system (TCG guests where a lease or traffic needs one), nothing
# fails unexpectedly, and the sandbox's routes, bridges and firewall rules
# are the same before and after (see tests/live/network-inner.sh).
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..11"

D=$(mktemp -d /tmp/tck-live-network-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
live_cache "$D/cache" || { echo "Bail out! cannot build the asset cache in $D/cache"; exit 1; }

TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm -- \
    sh "$LIVE_FIXTURES/network-inner.sh" "$top_builddir" "$D" "$top_srcdir" 2>"$D/stderr"
rc=$?
tap_ok $rc "the network, nwfilter and interface suites ran in the sandbox (exit $rc)"
tap_diag "$(cat "$D/stderr")"
live_results "$D/results" 9
[ $tap_failed -eq 0 ] || tap_diag "$(grep -v '^ok' "$D/run.log" 2>/dev/null | tail -n 80)" \
                                  "$(cat "$D/state.diff" 2>/dev/null | head -n 40)"
exit $tap_failed
