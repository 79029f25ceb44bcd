#!/bin/sh
# fleet-inner.sh BUILDDIR SRCDIR DIR — runs in the hub of libvirt-tck-sandbox
# --hosts 2 for live-fleet.sh.  First a fleet run of a selection of the
# domain suite over both hosts: each host passes it all, JUnit has a
# testsuite per host with its hostname, the HTML page a host x test
# matrix, the archive holds both hosts.
# Then the same fleet again, and host 2's libvirtd is killed once host 2
# has finished a test: host 1's results are complete, host 2's say why,
# the exit status is 1.  Result lines ("ok - ..."/"not ok - ...") go to
# DIR/results; the selection is in live-fleet.sh's header.
B=$1
S=$2
D=$3
R=$D/results
: >"$R"
check() { if [ "$1" -eq 0 ]; then echo "ok - $2" >>"$R"; else echo "not ok - $2" >>"$R"; fi; }
TCK="$B/tck/libvirt-tck"
KB="$S/suites/known-broken/domain.yml"
SEL="domain/050-transient-lifecycle domain/060-persistent-lifecycle domain/080-unique-identifiers
     domain/110-suspend-resume domain/152-lookup-missing domain/440-console-marker"
set -- $TCK_HOST_URIS
U1=$1
U2=$2
n=$("$TCK" --suites-dir "$B/suites" --list $SEL | grep -c '^domain/')

# ---- the whole selection on both hosts --------------------------------
start=$(date +%s)
"$TCK" --suites-dir "$B/suites" --known-broken "$KB" --uri "$U1" --uri "$U2" -j 1 \
    --format junit="$D/fleet.junit.xml" --format html="$D/fleet.html" -a "$D/fleet.tar.gz" $SEL >"$D/fleet.log" 2>&1
rc=$?
echo "$(( $(date +%s) - start ))" >"$D/fleet-time"
check $rc "a fleet run of $n domain tests over both hosts exits 0 (got $rc)"
for h in 1 2; do
    eval u=\$U$h
    grep -q "^host $h tck-host$h $u QEMU run [0-9a-f]*: $n passed, 0 failed, 0 skipped\$" "$D/fleet.log"
    check $? "host $h ($u) passes all $n: $(grep "^host $h " "$D/fleet.log" | tail -n 1)"
done
grep -q "^Total over 2 hosts: $((2 * n)) passed, 0 failed, 0 skipped\$" "$D/fleet.log"
check $? "the report ends with the total over both hosts"
grep -q "^host 2| domain/440-console-marker \.* ok" "$D/fleet.log" &&
    grep -q "^host 1| domain/440-console-marker \.* ok" "$D/fleet.log"
check $? "a guest booted and printed its marker on each host (domain/440 read through the console stream)"
j=$(grep -c '<testsuite .*hostname="tck-host[12]"' "$D/fleet.junit.xml")
[ "$j" -eq 2 ]
check $? "JUnit has one testsuite per host, hostname tck-host1 and tck-host2 (got $j)"
c=$(xmllint --html --xpath "count(//section[@id='matrix']//tbody//td[contains(@class,'st-pass')])" "$D/fleet.html" 2>/dev/null)
[ "$c" = "$((2 * n))" ]
check $? "the HTML matrix shows host x test: $((2 * n)) pass cells (got $c)"
m=$(tar tzf "$D/fleet.tar.gz" | grep -cE '^libvirt-tck-fleet-[0-9a-f]+/hosts/(1-tck-host1|2-tck-host2)/report.xml$')
[ "$m" -eq 2 ]
check $? "the archive holds both hosts' reports (got $m)"

# ---- host 2's libvirtd killed mid-run ---------------------------------
"$TCK" --suites-dir "$B/suites" --known-broken "$KB" --uri "$U1" --uri "$U2" -j 1 --host-timeout 120 \
    --format junit="$D/kill.junit.xml" -a "$D/kill.tar.gz" $SEL >"$D/kill.log" 2>&1 &
run=$!
waited=0
until grep -q '^host 2| domain/[^ ]* \.* ok' "$D/kill.log" || [ $waited -ge 300 ]; do
    sleep 1
    waited=$((waited + 1))
done
victim=
for p in /proc/[0-9]*; do
    [ "$(cat "$p/comm" 2>/dev/null)" = libvirtd ] || continue
    [ "$(nsenter -t "${p#/proc/}" -u hostname 2>/dev/null)" = tck-host2 ] && victim=${p#/proc/}
done
[ -n "$victim" ] && kill -KILL "$victim"
check $? "host 2's libvirtd (pid ${victim:-not found}) was killed after host 2 finished a test (${waited} s)"
wait $run
rc=$?
check $([ $rc -eq 1 ]; echo $?) "the fleet run exits 1 (got $rc)"
grep -q "^libvirt-tck: host 2 ($U2): " "$D/kill.log"
check $? "one line names host 2 and why: $(grep "^libvirt-tck: host 2 " "$D/kill.log" | head -n 1)"
grep -q "^host 1 tck-host1 $U1 QEMU run [0-9a-f]*: $n passed, 0 failed, 0 skipped\$" "$D/kill.log"
check $? "host 1's results are complete: $(grep "^host 1 " "$D/kill.log" | tail -n 1)"
grep -q "^host 2 tck-host2 $U2 QEMU run [0-9a-f]*: .*; INCOMPLETE: " "$D/kill.log"
check $? "host 2's line says it is incomplete, and why"
grep -q '<property name="host-failure" value="[^"]' "$D/kill.junit.xml" &&
    [ "$(grep -c '<testsuite .*hostname=' "$D/kill.junit.xml")" -eq 2 ]
check $? "JUnit still has both hosts' testsuites, host 2's with its host-failure"
m=$(tar tzf "$D/kill.tar.gz" | grep -cE '^libvirt-tck-fleet-[0-9a-f]+/hosts/(1-tck-host1|2-tck-host2)/harness.log$')
[ "$m" -eq 2 ]
check $? "the archive holds both hosts (got $m)"
