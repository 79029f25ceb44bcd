#!/bin/sh
# live-xen.sh — a real libxl driver: libvirt-tck-sandbox --xen boots the
# emulated Xen host once (Xen and a PV dom0 under QEMU, dom0 running the
# host's own libvirt and Xen tools), and the seed scenarios pass on it with
# PV guests whose markers come through the console stream (see
# tests/live/xen-inner.sh).  A Xen host that does not come up is reported
# with the tail of its serial log and a distinct exit status.  Nothing of
# Xen runs on this host itself.
. "$top_srcdir/tests/live/lib.sh"
if ! [ -e /boot/xen-4.17-amd64.gz ] || ! command -v qemu-system-x86_64 >/dev/null; then
    if [ "${TCK_ALLOW_NO_LIVE:-0}" = 1 ]; then
        echo "1..0 # SKIP no Xen hypervisor or QEMU here (TCK_ALLOW_NO_LIVE=1)"
        exit 0
    fi
    echo "Bail out! the Xen host needs /boot/xen-4.17-amd64.gz and qemu-system-x86_64 (see .ci/packages)"
    exit 1
fi
echo "1..13"

# Not under /tmp: dom0 mounts a tmpfs there, and it must see the cache.
D=$(mktemp -d /var/tmp/tck-live-xen-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
"$top_builddir/prepare/libvirt-tck-prepare" --cache "$D/cache" --offline -q --arch x86_64 \
    --os-type xen --only kernel,initrd,xen-host >"$D/prepare" 2>&1
rc=$?
tap_ok $rc "libvirt-tck-prepare --only xen-host builds the Xen host's boot files (exit $rc)"
[ $rc -eq 0 ] || { tap_diag "$(cat "$D/prepare")"; echo "Bail out! no Xen host boot files"; exit 1; }

# A host that does not come up in time: the run fails loudly, with the serial log's tail.
out=$("$SANDBOX" --xen --cache "$D/cache" --timeout 3 -- true 2>&1)
rc=$?
[ $rc -eq 3 ]
tap_ok $? "a Xen host that is not up in time fails the sandbox with exit 3 (got $rc)"
echo "$out" | grep -q 'the Xen host did not come up after .* its serial log ends:'
tap_ok $? "...reported with the tail of its serial log"
[ $tap_failed -eq 0 ] || tap_diag "$out"

# libvirt-tck --sandbox --xen goes the same way: without boot files it stops before QEMU, loudly.
mkdir -p "$D/empty"
out=$(TCK_ASSET_CACHE="$D/empty" "$top_builddir/tck/libvirt-tck" --sandbox --xen \
      --suites-dir "$top_builddir/suites" domain 2>&1)
rc=$?
[ $rc -eq 3 ]
tap_ok $? "libvirt-tck --sandbox --xen runs libvirt-tck-sandbox --xen: no boot files, exit 3 (got $rc)"
echo "$out" | grep -q "the Xen host's boot files are missing (libvirt-tck-prepare --os-type xen --only xen-host"
tap_ok $? "...saying which files are missing and how to prepare them"
[ $tap_failed -eq 0 ] || tap_diag "$out"

start=$(date +%s)
TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --xen --cache "$D/cache" --log-dir "$D/logs" -- \
    sh "$LIVE_FIXTURES/xen-inner.sh" "$top_builddir" "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "the seed scenarios ran on the emulated Xen host (exit $rc, $(($(date +%s) - start)) s)"
tap_diag "$(cat "$D/stderr")"
live_results "$D/results" 5
[ -s "$D/logs/xen-serial.log" ]
tap_ok $? "the Xen host's serial log is kept in --log-dir"
if [ $tap_failed -ne 0 ]; then
    tap_diag "$(grep -v '^ok' "$D"/run-xen.log | tail -n 60)"
    # libxl's own reasons (relayed by dom0), and the whole log for a closer look.
    tap_diag "$(grep -a 'TCK-LOG libxl-driver\|error :' "$D/logs/xen-serial.log" 2>/dev/null | tail -n 40)"
    cp "$D/logs/xen-serial.log" "$top_builddir/tests/live-xen-serial.log" 2>/dev/null
fi
exit $tap_failed
