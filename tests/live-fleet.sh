#!/bin/sh
# live-fleet.sh — fleet runs over two sandboxed hosts (libvirt-tck-sandbox
# --hosts 2, QEMU on TCG, each host reached over qemu+tcp): a selection of
# the domain suite passes on both; then host 2's libvirtd is killed
# mid-run, host 1's results are complete, host 2's say why, exit 1.
#
# The selection, not the whole domain suite: the suite's ~70 programs take
# far too long on TCG on 2 shared cores, twice.  These six cover each kind
# of promise once: transient and persistent lifecycle (050, 060), the
# refused duplicates (080), a state change on a running guest (110), an
# error code (152) and a guest that really runs code, its marker read
# through the destination's console stream over RPC (440).  Only 440 waits
# for guest code.
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..17"

D=$(mktemp -d /tmp/tck-live-fleet-XXXXXX)
# TCK_LIVE_KEEP=DIR keeps the fleet's reports (HTML, JUnit, archives) there
trap '[ -n "${TCK_LIVE_KEEP:-}" ] && cp "$D"/fleet.* "$D"/kill.* "$TCK_LIVE_KEEP"/ 2>/dev/null; rm -rf "$D"' EXIT
chmod 0755 "$D"
live_cache "$D/cache" || { echo "Bail out! cannot build the asset cache in $D/cache"; exit 1; }

TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm --hosts 2 -- \
    sh "$LIVE_FIXTURES/fleet-inner.sh" "$top_builddir" "$top_srcdir" "$D" 2>"$D/stderr"
rc=$?
# host 2 died on purpose: the sandbox says so and exits 3
[ $rc -eq 3 ] && grep -q 'host 2 (10.77.0.2) .* while the command ran' "$D/stderr"
tap_ok $? "the sandbox reports host 2's death (exit $rc)"
tap_diag "fleet run of the selection: $(cat "$D/fleet-time" 2>/dev/null) s"
live_results "$D/results" 15
[ $tap_failed -eq 0 ] || tap_diag "$(tail -n 60 "$D/fleet.log")" "$(tail -n 60 "$D/kill.log")" "$(cat "$D/stderr")"
exit $tap_failed
