#!/bin/sh
# live-xen.sh — a real libxl driver: libvirt-tck-sandbox --xen boots the
# emulated Xen host once (Xen and a PV dom0 under QEMU, dom0 running the
# host's own libvirt and Xen tools), and the seed scenarios pass on it with
# PV guests whose markers come through the console stream, and so do
# shutdown (130) and reboot (131), their guests' last words and new boot
# read from the console recorder (see tests/live/xen-inner.sh).  A Xen
# host that does not come up — a boot file QEMU cannot load, a dom0 kernel Xen panics on, no readiness in time — is
# reported with its boot files, QEMU's words and the tail of its serial log,
# and exit 3.  Nothing of Xen runs on this host itself.
. "$top_srcdir/tests/live/lib.sh"
live_subset
if ! [ -e /boot/xen-4.17-amd64.gz ] || ! command -v qemu-system-x86_64 >/dev/null; then
    if [ "${TCK_ALLOW_NO_LIVE:-0}" = 1 ]; then
        echo "1..0 # SKIP no Xen hypervisor or QEMU here (TCK_ALLOW_NO_LIVE=1)"
        exit 0
    fi
    echo "Bail out! the Xen host needs /boot/xen-4.17-amd64.gz and qemu-system-x86_64 (see .ci/packages)"
    exit 1
fi
echo "1..22"
t0=$(date +%s)
PREPARE=$top_builddir/prepare/libvirt-tck-prepare

# Not under /tmp: dom0 mounts a tmpfs there, and it must see the cache.
D=$(mktemp -d /var/tmp/tck-live-xen-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"

# prepare_xen CACHE [OPTION...]: the Xen host's boot files into CACHE.
prepare_xen() {
    cache=$1
    shift
    "$PREPARE" --cache "$cache" --offline -q --arch x86_64 --os-type xen --only kernel,initrd,xen-host \
        "$@" >"$D/prepare" 2>&1
}

# expect_down WHAT SAYS PATTERN... : the last sandbox run ($rc, $out)
# failed with exit 3, its message (which SAYS ...) matching each PATTERN
# (grep -E).
expect_down() {
    what=$1
    says=$2
    shift 2
    [ "$rc" -eq 3 ]
    tap_ok $? "$what: the sandbox fails with exit 3 (got $rc)"
    missing=
    for pat in "$@"; do
        echo "$out" | grep -Eq -- "$pat" || missing="$missing [$pat]"
    done
    [ -z "$missing" ]
    tap_ok $? "...saying $says${missing:+ (missing:$missing)}"
    [ -z "$missing" ] || tap_diag "$out"
}

prepare_xen "$D/cache"
rc=$?
tap_ok $rc "libvirt-tck-prepare --only xen-host builds the Xen host's boot files (exit $rc)"
[ $rc -eq 0 ] || { tap_diag "$(cat "$D/prepare")"; echo "Bail out! no Xen host boot files"; exit 1; }
kernel=$(ls /boot/vmlinuz-* | sort -V | tail -n 1)

# A broken hypervisor: QEMU cannot load it and exits at once.
mkdir "$D/bad-xen"
ln -s "$kernel" "$D/bad-xen/"
echo "not a hypervisor" | gzip >"$D/bad-xen/xen-4.17-amd64.gz"
prepare_xen "$D/bad-xen/cache" --boot-dir "$D/bad-xen"
tap_ok $? "a cache whose hypervisor is broken is made"
bad=$("$PREPARE" --cache "$D/bad-xen/cache" --os-type xen --path xen-hypervisor)
out=$("$SANDBOX" --xen --cache "$D/bad-xen/cache" -- true 2>&1)
rc=$?
expect_down "a hypervisor QEMU cannot load" "QEMU exited, naming the hypervisor, with QEMU's words" \
    "\(QEMU exited\)" "hypervisor $bad," \
    "QEMU said:" "qemu: .*kernel" "its serial log ends:"

# A broken dom0 kernel: Xen panics (and, with noreboot, waits for a reset
# that never comes): found in the serial log, long before the timeout.
mkdir "$D/bad-dom0"
ln -s /boot/xen-4.17-amd64.gz "$D/bad-dom0/"
printf 'not a kernel\n' >"$D/bad-dom0/$(basename "$kernel")"
prepare_xen "$D/bad-dom0/cache" --boot-dir "$D/bad-dom0"
tap_ok $? "a cache whose dom0 kernel is broken is made"
bad=$("$PREPARE" --cache "$D/bad-dom0/cache" --os-type xen --path kernel)
start=$(date +%s)
out=$("$SANDBOX" --xen --cache "$D/bad-dom0/cache" --timeout 600 -- true 2>&1)
rc=$?
expect_down "a dom0 kernel Xen cannot load ($(($(date +%s) - start)) s, --timeout 600)" \
    "Xen panicked, naming the dom0 kernel, with the serial log's tail" "\(Xen panicked\)" "dom0 kernel $bad," \
    "its serial log ends:" "\| \(XEN\) Panic on CPU" "\| \(XEN\) .*[Dd]om0"

# A host that does not come up in time: the same, after --timeout.
out=$("$SANDBOX" --xen --cache "$D/cache" --timeout 3 -- true 2>&1)
rc=$?
expect_down "a Xen host not up in time" "it was not ready in time, with the serial log's tail" \
    "\(no TCK-XEN-HOST-READY in time\)" "its serial log ends:"

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

# The one real boot: the seed scenarios, then 130 and 131, on libxl.
start=$(date +%s)
TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --xen --cache "$D/cache" --log-dir "$D/logs" -- \
    sh "$LIVE_FIXTURES/xen-inner.sh" "$top_builddir" "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "the seed scenarios, 130 and 131 ran on the emulated Xen host (exit $rc, $(($(date +%s) - start)) s)"
tap_diag "$(cat "$D/stderr")"
live_results "$D/results" 7
[ -s "$D/logs/xen-serial.log" ]
tap_ok $? "the Xen host's serial log is kept in --log-dir"
# dom0 relays libxl's per-guest logs there: the reasons behind a
# "libxenlight failed to create new domain".
relayed=$(grep -ac '^TCK-LOG tck-[^ ]*\.log: ' "$D/logs/xen-serial.log")
[ "$relayed" -gt 0 ]
tap_ok $? "the serial log relays libxl's logs of the run's guests ($relayed lines)"
if [ $tap_failed -ne 0 ]; then
    tap_diag "$(grep -hv '^ok' "$D"/run-xen.log "$D"/run-xen-markers.log | tail -n 80)"
    # libxl's own reasons (relayed by dom0), and the whole log for a closer look.
    tap_diag "$(grep -a 'TCK-LOG libxl-driver\|error :' "$D/logs/xen-serial.log" 2>/dev/null | tail -n 40)"
    cp "$D/logs/xen-serial.log" "$top_builddir/tests/live-xen-serial.log" 2>/dev/null
fi
# A figure, not a check: make check times nothing (bench/live-xen.sh does).
tap_diag "the whole Xen part took $(($(date +%s) - t0)) s"
exit $tap_failed
