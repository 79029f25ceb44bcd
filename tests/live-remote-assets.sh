#!/bin/sh
# live-remote-assets.sh — the guest's files on a remote host come through
# libvirt's storage API: inside libvirt-tck-sandbox --tcp, domain/050 runs
# twice over qemu+tcp://127.0.0.1/system; the first run uploads the kernel
# and initrd into the pool tck-assets, the second uploads nothing, and the
# guests boot from the pool's volumes.  libvirt-tck-prepare --list --uri
# shows the pool and --purge --uri removes it, leaving a foreign pool and
# a foreign file alone; two concurrent runs upload each asset once (see
# tests/live/remote-assets-inner.sh).
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..25"

D=$(mktemp -d /tmp/tck-live-remote-assets-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
"$top_builddir/prepare/libvirt-tck-prepare" --cache "$D/cache" --offline -q --only kernel,vmlinux,initrd ||
    { echo "Bail out! cannot build the asset cache in $D/cache"; exit 1; }

TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm --tcp -- \
    sh "$LIVE_FIXTURES/remote-assets-inner.sh" "$top_builddir" "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "the remote asset checks ran in the sandbox (exit $rc)"
tap_diag "$(cat "$D/stderr" "$D/stderr-inner" 2>/dev/null)"
live_results "$D/results" 23
[ $tap_failed -eq 0 ] || tap_diag "$(cat "$D/list.out" "$D/purge.out" "$D/purge.err" 2>/dev/null)" \
    "$(cat "$D"/run-*.log "$D"/par-*.log 2>/dev/null | grep -v '^ok' | tail -n 60)"
exit $tap_failed
