#!/bin/sh
# live-storage.sh — end to end on a real driver: libvirt-tck runs the
# storage, secret and nodedev suites at -j 2 inside the sandbox on
# qemu:///system, with their known-broken files; nothing fails
# unexpectedly, and nothing of the runs is left (see
# tests/live/storage-inner.sh); the disk pool test runs on a loop device
# over an image of the test's own, given to it as host_block_devices.  No
# guest boots: these objects need none.  The logical pool test cannot run
# here: the sandbox's kernel has no device-mapper.
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..20"

D=$(mktemp -d /tmp/tck-live-storage-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"

"$SANDBOX" --no-kvm -- sh "$LIVE_FIXTURES/storage-inner.sh" "$top_builddir" "$top_srcdir" "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "the storage, secret and nodedev suites ran in the sandbox (exit $rc)"
tap_diag "$(cat "$D/stderr")"
live_results "$D/results" 18
[ $tap_failed -eq 0 ] || tap_diag "$(cat "$D"/*.log | grep -v '^ok' | tail -n 80)"
exit $tap_failed
