#!/bin/sh
# live-domain.sh — end to end on real drivers: libvirt-tck runs the whole
# domain suite at -j 2 inside the sandbox on qemu:///system (TCG),
# lxc:///system and, over libvirt's RPC, qemu+tcp://127.0.0.1/system (the
# markers read through virDomainOpenConsole; QEMU's guests boot the fast
# kernel, the PVH vmlinux); nothing fails unexpectedly
# (suites/known-broken/domain.yml applies), the guests really boot, and
# nothing of the runs is left.  The three runs' API coverage is summed by
# libvirt-tck report coverage.  TCK_LIVE_KEEP=DIR keeps the archives and
# the summary there.  A guest also boots
# from the ISO, and the shared asset cache still verifies afterwards (no
# guest, LXC's included, wrote into it).
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..24"

D=$(mktemp -d /tmp/tck-live-domain-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
live_cache "$D/cache" || { echo "Bail out! cannot build the asset cache in $D/cache"; exit 1; }

TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm --tcp -- \
    sh "$LIVE_FIXTURES/domain-inner.sh" "$top_builddir" "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "the domain suite ran in the sandbox on three URIs (exit $rc)"
tap_diag "$(cat "$D/stderr")"
live_results "$D/results" 18
tap_diag "$(cat "$D/summary")"
cov=$("$top_builddir/tck/libvirt-tck" report coverage "$D"/archive-*.tar.gz 2>&1)
rc=$?
tap_ok $rc "report coverage sums the three runs (exit $rc)"
tap_diag "$(printf '%s\n' "$cov" | sed -n '1,/^TOTAL/p')"
if [ -n "${TCK_LIVE_KEEP:-}" ]; then
    mkdir -p "$TCK_LIVE_KEEP" && cp "$D"/archive-*.tar.gz "$D/summary" "$D"/run-*.log "$TCK_LIVE_KEEP"/
fi
"$top_builddir/prepare/libvirt-tck-prepare" --cache "$D/cache" -q --verify >"$D/verify" 2>&1
rc=$?
tap_ok $rc "the asset cache still verifies after the guests ran (exit $rc)"
[ $rc -eq 0 ] || tap_diag "$(cat "$D/verify")"
# The user's way in: libvirt-tck --sandbox re-runs itself inside a new sandbox.
out=$(TCK_ASSET_CACHE="$D/cache" "$top_builddir/tck/libvirt-tck" --sandbox --no-kvm --uri lxc:///system \
      --suites-dir "$top_builddir/suites" domain/080-unique-identifiers 2>&1)
rc=$?
tap_ok $rc "libvirt-tck --sandbox --no-kvm runs a test on lxc:///system in its own sandbox (exit $rc)"
echo "$out" | grep -q '^1 passed, 0 failed, 0 skipped$'
tap_ok $? "...and its report comes back: 1 passed"
[ $rc -eq 0 ] || tap_diag "$out"
[ $tap_failed -eq 0 ] || tap_diag "$(cat "$D"/run-*.log | grep -v '^ok' | tail -n 80)"
exit $tap_failed
