#!/bin/sh
# live-kvm-canary.sh — a /dev/kvm that cannot run guests is found by one
# short canary boot, not by minutes of guest tests timing out: inside the
# sandbox *without* --no-kvm, libvirt-tck on qemu:///system either sees
# KVM guests make progress, or stops at once (exit 3) naming --no-kvm,
# before any test ran.  `libvirt-tck capabilities` says so.  On this
# machine /dev/kvm exists and cannot run a guest kernel.
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..5"

D=$(mktemp -d /tmp/tck-live-canary-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
live_cache "$D/cache" || { echo "Bail out! cannot build the asset cache in $D/cache"; exit 1; }
TCK="$top_builddir/tck/libvirt-tck"

caps=$("$TCK" capabilities --sandbox --uri qemu:///system 2>&1)
if ! printf '%s\n' "$caps" | grep -q '^domain_type=kvm$'; then
    for i in 1 2 3 4 5; do
        echo "ok $i # SKIP the sandbox's QEMU offers no KVM here (no /dev/kvm): nothing for the canary to decide"
    done
    exit 0
fi
printf '%s\n' "$caps" | grep -q '^kvm: a run boots one canary guest first .*--no-kvm'
tap_ok $? "libvirt-tck capabilities --sandbox says what a run does about KVM"

start=$(date +%s)
out=$(TCK_ASSET_CACHE="$D/cache" TCK_KVM_CANARY_TIMEOUT=15 "$TCK" --sandbox --uri qemu:///system \
      --suites-dir "$top_builddir/suites" domain/050-transient-lifecycle 2>&1)
rc=$?
took=$(( $(date +%s) - start ))
printf '%s\n' "$out" | grep -q '^Checking that KVM guests make progress (one canary boot)'
tap_ok $? "the run boots the canary before the first domain test"
if printf '%s\n' "$out" | grep -q '^KVM guests make progress'; then
    # A host whose KVM works: the run goes on and the test passes.
    tap_ok $rc "KVM works here: the canary passed and the run went on (exit $rc)"
    tap_ok 0 "# SKIP KVM works on this host: no failure to report"
    tap_ok 0 "# SKIP KVM works on this host: no failure to report"
else
    [ $rc -eq 3 ]
    tap_ok $? "a KVM that makes no progress stops the run at once with exit 3 (got $rc)"
    printf '%s\n' "$out" | grep -q -- '^libvirt-tck: setup: KVM: .*rerun with --sandbox --no-kvm'
    tap_ok $? "... naming --no-kvm"
    [ $took -lt 90 ] && ! printf '%s\n' "$out" | grep -q '^domain/050'
    tap_ok $? "... in $took s, before any test ran"
fi
[ $tap_failed -eq 0 ] || tap_diag "$out"
exit $tap_failed
