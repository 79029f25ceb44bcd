#!/bin/sh
# live-migration.sh — the migration suite between two sandboxed hosts
# (libvirt-tck-sandbox --hosts 2, QEMU on TCG): every test passes, nothing
# of the run is left on either host, and once the sandbox is gone so are
# its hosts' cgroup directories and the shared directory.  Then
# libvirt-tck --sandbox --hosts 2 runs one migration test as a fleet run:
# on each host, with the other host as its otheruri.
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..14"

D=$(mktemp -d /tmp/tck-live-migration-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
live_cache "$D/cache" || { echo "Bail out! cannot build the asset cache in $D/cache"; exit 1; }

TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm --hosts 2 -- \
    sh "$LIVE_FIXTURES/migration-inner.sh" "$top_builddir" "$D" 2>"$D/stderr" &
pid=$!
wait $pid
rc=$?
tap_ok $rc "the migration suite ran between two sandboxed hosts (exit $rc)"
tap_diag "$(cat "$D/stderr")"
live_results "$D/results" 8
left=$(ls -d /sys/fs/cgroup/*/tck-sandbox-$pid-host* 2>/dev/null)
[ -z "$left" ]
tap_ok $? "the hosts' cgroup directories are gone${left:+ ($left)}"
shared=$(cat "$D/shared-dir" 2>/dev/null)
[ -n "$shared" ] && [ ! -e "$shared" ]
tap_ok $? "the hosts' shared directory is gone (${shared:-never named})"
[ $tap_failed -eq 0 ] || tap_diag "$(grep -v '^ok' "$D/run.log" | tail -n 80)"

out=$(TCK_ASSET_CACHE="$D/cache" "$top_builddir/tck/libvirt-tck" --sandbox --no-kvm --hosts 2 \
      --suites-dir "$top_builddir/suites" migration/040-refused 2>&1)
rc=$?
tap_ok $rc "libvirt-tck --sandbox --no-kvm --hosts 2 runs a migration test on each host, the next its otheruri (exit $rc)"
echo "$out" | grep -q '^Total over 2 hosts: 2 passed, 0 failed, 0 skipped$'
tap_ok $? "...and its fleet report comes back: 2 passed over 2 hosts"
[ $rc -eq 0 ] || tap_diag "$out"
exit $tap_failed
