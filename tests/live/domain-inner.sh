#!/bin/sh
# domain-inner.sh BUILDDIR DIR — runs inside libvirt-tck-sandbox --tcp for
# live-domain.sh: the harness runs domain/* at -j 2 on qemu:///system,
# lxc:///system and qemu+tcp://127.0.0.1/system, and the guests really boot;
# then a QEMU guest boots from the ISO (boot=iso forced), its token handed
# over as an SMBIOS OEM string.
# Result lines ("ok - ..."/"not ok - ...") go to DIR/results.
B=$1
D=$2
R=$D/results
: >"$R"
check() { if [ "$1" -eq 0 ]; then echo "ok - $2" >>"$R"; else echo "not ok - $2" >>"$R"; fi; }
n=0
for uri in qemu:///system lxc:///system qemu+tcp://127.0.0.1/system; do
    n=$((n + 1))
    log=$D/run-$n.log
    start=$(date +%s)
    # The four seed tests by name: the area holds more (and known-broken ones).
    "$B/tck/libvirt-tck" --uri "$uri" --suites-dir "$B/suites" -j 2 -v 'domain/0[5-8]0-*' >"$log" 2>&1
    rc=$?
    echo "libvirt-tck on $uri: exit $rc in $(($(date +%s) - start)) s" >&2
    check $rc "libvirt-tck runs domain/050-080 on $uri and exits 0 (got $rc)"
    grep -q '^4 passed, 0 failed, 0 skipped$' "$log"
    check $? "on $uri all 4 domain tests pass, none skipped"
    booted=$(grep -c '^ok [0-9]* - the guest booted and printed its marker$' "$log")
    [ "$booted" -ge 3 ]
    check $? "on $uri the guests of 050, 060 and 070 really booted (markers seen: $booted)"
    left=$(virsh -q -c "$uri" list --all --name | grep '^tck-')
    [ -z "$left" ]
    check $? "on $uri no guest of the run is left${left:+ ($left)}"
done

log=$D/run-iso.log
TCK_BOOT=iso "$B/tck/libvirt-tck" --uri qemu:///system --suites-dir "$B/suites" -v domain/050-transient-lifecycle >"$log" 2>&1
rc=$?
check $rc "with boot=iso forced, domain/050 passes on qemu:///system (got $rc)"
grep -q '^ok [0-9]* - the guest booted and printed its marker$' "$log"
check $? "the ISO-booted guest printed its own token's marker"
