#!/bin/sh
# domain-inner.sh BUILDDIR DIR — runs inside libvirt-tck-sandbox --tcp for
# live-domain.sh: the harness runs the whole domain suite at -j 2 on
# qemu:///system, lxc:///system and qemu+tcp://127.0.0.1/system (where the
# guests' markers come through virDomainOpenConsole), with the suite's
# known-broken file and --api-coverage; every test the registry lists ends
# ok, skipped with a reason or known broken, the guests really boot, and
# nothing is left.  Then a QEMU guest boots from the ISO (boot=iso forced),
# its token handed over as an SMBIOS OEM string.
# Result lines ("ok - ..."/"not ok - ...") go to DIR/results; each URI's
# archive is DIR/archive-N.tar.gz, and DIR/summary has one line per URI
# (passed, skipped, known broken, seconds).
B=$1
D=$2
R=$D/results
KB="$B/../suites/known-broken/domain.yml"
[ -f "$KB" ] || KB="$(dirname "$0")/../../suites/known-broken/domain.yml"
: >"$R"
: >"$D/summary"
. "$(dirname "$0")/run-log.sh"
n=0
for uri in qemu:///system lxc:///system qemu+tcp://127.0.0.1/system; do
    n=$((n + 1))
    log=$D/run-$n.log
    listed=$("$B/tck/libvirt-tck" --uri "$uri" --suites-dir "$B/suites" --list domain 2>/dev/null | grep -c '^domain/[0-9]')
    start=$(date +%s)
    "$B/tck/libvirt-tck" --uri "$uri" --suites-dir "$B/suites" -j 2 -v --known-broken "$KB" \
        --api-coverage -a "$D/archive-$n.tar.gz" domain >"$log" 2>&1
    rc=$?
    secs=$(($(date +%s) - start))
    echo "libvirt-tck on $uri: exit $rc in $secs s" >&2
    check $rc "libvirt-tck runs the domain suite on $uri and exits 0 (got $rc)"
    ran=$(run_counts "$log")
    set -- $ran
    failed=$(run_failures "$log")
    [ "${2:-1}" -eq 0 ] && [ "$(( ${1:-0} + ${2:-0} + ${3:-0} ))" -eq "$listed" ] && [ "$listed" -gt 0 ]
    check $? "on $uri all $listed listed domain tests ran and none failed (${1:-?} passed, ${3:-?} skipped)${failed:+; failed: $failed}"
    xfail=$(grep -cE '^domain/[0-9][^ ]* \.+ known broken ' "$log")
    echo "$uri: ${1:-?} passed (${xfail} of them known broken), ${3:-?} skipped of $listed, $secs s" >>"$D/summary"
    booted=$(grep -c '^ok [0-9]* - the guest booted and printed its marker$' "$log")
    [ "$booted" -ge 3 ]
    check $? "on $uri the guests of 050, 060 and 070 really booted (markers seen: $booted)"
    if [ "$uri" = qemu:///system ]; then
        vmlinux=$(TCK_ASSET_CACHE= "$B/prepare/libvirt-tck-prepare" --cache "$TCK_ASSET_CACHE" --path vmlinux)
        fast=$(grep -c "^# guest tck-.* boots the vmlinux $vmlinux\$" "$log")
        [ "$fast" -ge 3 ]
        check $? "on $uri the guests of 050, 060 and 070 booted the fast kernel, the PVH vmlinux (seen: $fast)"
    fi
    left=$(virsh -q -c "$uri" list --all --name | grep '^tck-')
    [ -z "$left" ]
    check $? "on $uri no guest of the run is left${left:+ ($left)}"
done

# The marker's two ways: the local log file on qemu:///system, the console
# stream (virDomainOpenConsole) over qemu+tcp.
grep -q "^# 'TCK-GUEST-READY [^']*' appeared in /" "$D/run-1.log"
check $? "on qemu:///system the markers are read from the local log (the fast path)"
n_console=$(grep -c "^# 'TCK-GUEST-READY [^']*' appeared in the console of " "$D/run-3.log")
[ "$n_console" -ge 3 ]
check $? "over qemu+tcp the markers come through virDomainOpenConsole ($n_console guests)"
# ...and so do the guests' last words: the console recorder of 130, 131
# and 133 hears TCK-GUEST-DOWN as the guest goes down, where a remote host
# has no local log to read it from.
n_down=$(grep -c "^# 'TCK-GUEST-DOWN [^']*' appeared in the console of " "$D/run-3.log")
[ "$n_down" -ge 3 ]
check $? "over qemu+tcp the guests' last words (TCK-GUEST-DOWN of 130, 131, 133) come through the console ($n_down seen)"

log=$D/run-iso.log
TCK_BOOT=iso "$B/tck/libvirt-tck" --uri qemu:///system --suites-dir "$B/suites" -v domain/050-transient-lifecycle >"$log" 2>&1
rc=$?
check $rc "with boot=iso forced, domain/050 passes on qemu:///system (got $rc)"
grep -q '^ok [0-9]* - the guest booted and printed its marker$' "$log"
check $? "the ISO-booted guest printed its own token's marker"
