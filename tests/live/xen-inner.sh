#!/bin/sh
# xen-inner.sh BUILDDIR DIR — runs on the host under libvirt-tck-sandbox
# --xen for live-xen.sh, with $TCK_URI the emulated Xen host's
# xen+tcp://127.0.0.1:PORT/system: the harness runs the seed scenarios
# (domain/050-080) on libvirt's libxl driver, the PV guests really boot
# (their markers read through the console stream), and nothing of the run
# is left.  Then 130 (shutdown) and 131 (reboot): their guests' last words
# (TCK-GUEST-DOWN) and the new boot come through the console recorder too,
# since a PV guest has no log file; and 202, a managed save, which a PV
# guest allows only once its kernel is up (the kit waits for it), its image
# on dom0's own disk.  One test at a time: every guest runs under Xen under TCG on
# shared cores, and two booting at once each took twice as long (a marker
# after 115 s of its 120, a test past the harness's 300 s).
# Result lines ("ok - ..."/"not ok - ...") go to DIR/results.
B=$1
D=$2
R=$D/results
: >"$R"
. "$(dirname "$0")/run-log.sh"
log=$D/run-xen.log
seeds=$("$B/tck/libvirt-tck" --uri test:///default --suites-dir "$B/suites" --list domain |
        awk '$1 ~ /^domain\/0[5-8]0-/ { print $1 }' | sort)
nseeds=$(echo "$seeds" | grep -c .)
start=$(date +%s)
# shellcheck disable=SC2086
"$B/tck/libvirt-tck" --uri "$TCK_URI" --suites-dir "$B/suites" -j 1 -v \
    --known-broken "$B/../suites/known-broken/domain.yml" $seeds >"$log" 2>&1
rc=$?
echo "libvirt-tck on $TCK_URI: exit $rc in $(($(date +%s) - start)) s" >&2
check $rc "libvirt-tck runs the $nseeds seed scenarios on $TCK_URI and exits 0 (got $rc)"
set -- $(run_counts "$log")
failed=$(run_failures "$log")
[ "${1:-0}" -eq "$nseeds" ] && [ "${2:-1}" -eq 0 ] && [ "${3:-1}" -eq 0 ]
check $? "on the Xen host all $nseeds seed scenarios pass, none skipped (${1:-?} passed, ${2:-?} failed, ${3:-?} skipped)${failed:+; failed: $failed}"
booted=$(grep -c '^ok [0-9]* - the guest booted and printed its marker$' "$log")
[ "$booted" -ge 3 ]
check $? "the PV guests of 050, 060 and 070 really booted (markers seen: $booted)"
# Every marker came through the guest's console (virDomainOpenConsole): a
# PV guest's console is a Xen pty in dom0, and there is no log file here.
on_console=$(grep -c "^# 'TCK-GUEST-READY [^']*' appeared in the console of tck-" "$log")
[ "$on_console" -ge 3 ] && [ "$on_console" -eq "$booted" ]
check $? "every marker was read through the console stream ($on_console of $booted)"

# The guest's markers after the boot: read through the console recorder.
log2=$D/run-xen-markers.log
# 202: a PV guest's managed save, which needs the guest booted first (libxl
# asks its kernel to suspend) and its image on dom0's own disk.
markers="domain/130-shutdown domain/131-reboot domain/202-managed-save"
start=$(date +%s)
# shellcheck disable=SC2086
"$B/tck/libvirt-tck" --uri "$TCK_URI" --suites-dir "$B/suites" -j 1 -v \
    --known-broken "$B/../suites/known-broken/domain.yml" $markers >"$log2" 2>&1
rc=$?
echo "libvirt-tck on $TCK_URI ($markers): exit $rc in $(($(date +%s) - start)) s" >&2
set -- $(run_counts "$log2")
failed=$(run_failures "$log2")
[ $rc -eq 0 ] && [ "${1:-0}" -eq 3 ] && [ "${2:-1}" -eq 0 ] && [ "${3:-1}" -eq 0 ] &&
    grep -q '^ok [0-9]* - managed-saved the guest$' "$log2"
check $? "on the Xen host 130 (shutdown), 131 (reboot) and 202 (managed save of a booted PV guest) pass, none skipped (exit $rc; ${1:-?} passed, ${2:-?} failed, ${3:-?} skipped)${failed:+; failed: $failed}"
down=$(grep -c "^# 'TCK-GUEST-DOWN [^']*' appeared in the console of tck-" "$log2")
again=$(grep -c "^# 'TCK-GUEST-READY [^']* boot=[^']*' appeared in the console of tck-.*-131-" "$log2")
[ "$down" -eq 2 ] && [ "$again" -eq 1 ]
check $? "the guests' last words and the rebooted guest's new boot came through the console (TCK-GUEST-DOWN: $down of 2, new boot: $again of 1)"
left=$(virsh -q -c "$TCK_URI" list --all --name | grep '^tck-')
[ -z "$left" ]
check $? "no guest of the run is left on the Xen host${left:+ ($left)}"
