#!/bin/sh
# safety-inner.sh BUILDDIR DIR — runs inside libvirt-tck-sandbox for
# live-safety.sh.  Creates "someone else's" objects (running prod-web on
# QEMU and LXC, inactive db, an orphan tck- domain of no run, a network, a
# pool with a volume), then checks that a full run, a run interrupted by
# SIGINT mid-test, a test that crashes after creating a guest and two
# concurrent runs leave them exactly as they were and leave nothing of
# their own; and that --force removes the orphan and nothing else.
# Result lines ("ok - ..."/"not ok - ...") go to DIR/results.
B=$1
D=$2
R=$D/results
TCK="$B/tck/libvirt-tck"
: >"$R"
. "$(dirname "$0")/run-log.sh"
Q=qemu:///system
L=lxc:///system
ORPHAN=tck-0badc0de-domain-050-orphan

# --- someone else's objects --------------------------------------------
virsh -q -c $Q define "$D/prod-web.xml" >/dev/null && virsh -q -c $Q start prod-web >/dev/null &&
    virsh -q -c $Q define "$D/db.xml" >/dev/null && virsh -q -c $Q define "$D/orphan.xml" >/dev/null &&
    virsh -q -c $L define "$D/prod-web-lxc.xml" >/dev/null && virsh -q -c $L start prod-web >/dev/null &&
    virsh -q -c $Q net-define "$D/net.xml" >/dev/null && virsh -q -c $Q net-start prodnet >/dev/null &&
    virsh -q -c $Q pool-define "$D/pool.xml" >/dev/null && virsh -q -c $Q pool-start prodpool >/dev/null &&
    virsh -q -c $Q vol-create-as prodpool data.img 1M >/dev/null
check $? "someone else's domains, network, pool and volume exist before the runs"

# Everything that must not change: states, XML, and the full object lists.
snapshot() {
    for u in $Q $L; do
        echo "== $u"
        virsh -q -c $u list --all --name | sort
        for d in $(virsh -q -c $u list --all --name | grep -v '^tck-[0-9a-f]\{8\}-domain-0[5-8]0-[a-z]*$' | sort); do
            echo "-- $d $(virsh -q -c $u domstate $d) $(virsh -q -c $u domid $d)"
            virsh -q -c $u dumpxml $d
        done
    done
    virsh -q -c $Q net-list --all --name | sort; virsh -q -c $Q net-dumpxml prodnet; virsh -q -c $Q net-info prodnet
    virsh -q -c $Q pool-list --all --name | sort; virsh -q -c $Q pool-dumpxml prodpool
    virsh -q -c $Q vol-list prodpool; virsh -q -c $Q vol-dumpxml --pool prodpool data.img
}
# the orphan is listed by name; its XML is checked apart so that --force's removal shows alone
snapshot >"$D/before" 2>&1
virsh -q -c $Q dumpxml $ORPHAN >"$D/orphan-before"

unchanged() {   # unchanged WHAT
    snapshot >"$D/after" 2>&1
    if cmp -s "$D/before" "$D/after" && virsh -q -c $Q dumpxml $ORPHAN | cmp -s - "$D/orphan-before"; then
        check 0 "after $1, someone else's objects and the orphan are exactly as they were"
    else
        check 1 "after $1, someone else's objects and the orphan are exactly as they were"
        diff "$D/before" "$D/after" >&2
    fi
}
nothing_of_run() {   # nothing_of_run LOG WHAT: no object named after the run ids in LOG
    left=""
    for id in $(grep -o 'tck-[0-9a-f]\{8\}-' "$1" | sort -u | grep -v 0badc0de); do
        for u in $Q $L; do left="$left$(virsh -q -c $u list --all --name | grep "^$id")"; done
        left="$left$(virsh -q -c $Q net-list --all --name | grep "^$id")$(virsh -q -c $Q pool-list --all --name | grep "^$id")"
    done
    [ -z "$left" ]
    check $? "after $2, nothing of the run is left${left:+ (left: $left)}"
}
run_ids() { sed -n 's/.*\(tck-[0-9a-f]\{8\}\)-.*/\1/p' "$@" | sort -u | grep -v 0badc0de; }

# --- 1. a full run -------------------------------------------------------
# The four seed domain tests by name: the area holds more (and known-broken ones).
"$TCK" --uri $L --suites-dir "$B/suites" -j 2 -v 'domain/0[5-8]0-*' >"$D/full.log" 2>&1
rc=$?
check $rc "a run of the four seed domain tests on $L passes next to them (exit $rc)"
grep -q '^4 passed, 0 failed, 0 skipped$' "$D/full.log"
check $? "the full run passed all 4 tests, none skipped"
unchanged "a full run"
nothing_of_run "$D/full.log" "a full run"

# --- 2. a run interrupted by SIGINT in the middle of a test -------------
"$TCK" --uri $Q --suites-dir "$B/suites" -v domain/050-transient-lifecycle >"$D/int.log" 2>&1 &
tpid=$!
i=0
while [ $i -lt 600 ] && ! virsh -q -c $Q list --name | grep -q '^tck-[0-9a-f]\{8\}-domain-050-transient$'; do
    sleep 0.1; i=$((i + 1))
done
virsh -q -c $Q list --name | grep '^tck-[0-9a-f]\{8\}-domain-050-transient$' >"$D/int-guest"
[ -s "$D/int-guest" ]
check $? "the interrupted run's guest was running when SIGINT came ($(cat "$D/int-guest"))"
kill -INT $tpid
wait $tpid
rc=$?
[ $rc -eq 130 ]
check $? "the interrupted run exits 130 (got $rc)"
grep -q "leftover domain $ORPHAN from another run: left alone" "$D/int.log"
check $? "a run on $Q reports the orphan tck- domain as another run's leftover and leaves it alone"
unchanged "a run killed by SIGINT mid-test"
cat "$D/int-guest" >>"$D/int.log"
nothing_of_run "$D/int.log" "a run killed by SIGINT mid-test"

# --- 3. a test program that crashes after creating a guest -------------
"$TCK" --uri $L -v "$B/tests/live/crash-after-create" >"$D/crash.log" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -q 'SIGABRT' "$D/crash.log"
check $? "a test that crashes after creating a guest is reported as killed by SIGABRT (exit $rc)"
grep -q 'ok 1 - created the guest' "$D/crash.log"
check $? "the crashing test had created its guest"
unchanged "a test that crashed after creating a guest"
nothing_of_run "$D/crash.log" "a test that crashed after creating a guest"

# --- 4. two runs at once against the same daemon -------------------------
"$TCK" --uri $L --suites-dir "$B/suites" -j 2 -v 'domain/0[5-8]0-*' >"$D/c1.log" 2>&1 &
p1=$!
"$TCK" --uri $L --suites-dir "$B/suites" -j 2 -v 'domain/0[5-8]0-*' >"$D/c2.log" 2>&1 &
p2=$!
wait $p1; rc1=$?
wait $p2; rc2=$?
[ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && grep -q '^4 passed, 0 failed, 0 skipped$' "$D/c1.log" &&
    grep -q '^4 passed, 0 failed, 0 skipped$' "$D/c2.log"
check $? "two concurrent runs on the same daemon both pass all 4 tests (exit $rc1 and $rc2)"
[ "$(run_ids "$D/c1.log" "$D/c2.log" | wc -l)" -eq 2 ]
check $? "the two concurrent runs had distinct run ids ($(run_ids "$D/c1.log" "$D/c2.log" | tr '\n' ' '))"
! grep -q 'removed leftover' "$D/c1.log" "$D/c2.log"
check $? "neither concurrent run removed anything of the other's"
unchanged "two concurrent runs"
cat "$D/c1.log" "$D/c2.log" >"$D/c.log"
nothing_of_run "$D/c.log" "two concurrent runs"

# --- 5. --force removes the orphan and nothing else ---------------------
"$TCK" --uri $Q --suites-dir "$B/suites" --force -v domain/080-unique-identifiers >"$D/force.log" 2>&1
rc=$?
check $rc "a --force run passes (exit $rc)"
! virsh -q -c $Q dominfo $ORPHAN >/dev/null 2>&1 && grep -q "removed leftover domain $ORPHAN" "$D/force.log"
check $? "--force removed the orphan tck- domain and said so"
snapshot >"$D/after" 2>&1
grep -v "^$ORPHAN\$" "$D/before" | cmp -s - "$D/after"
check $? "--force left every other object exactly as it was"
nothing_of_run "$D/force.log" "a --force run"
