#!/bin/sh
# storage-inner.sh BUILDDIR SRCDIR DIR — runs inside libvirt-tck-sandbox for
# live-storage.sh: beside someone else's pool (with a volume) and secret,
# the harness runs storage/*, secret/* and nodedev/* at -j 2 on
# qemu:///system with the known-broken files applied; nothing fails
# unexpectedly, every listed test ran, and afterwards nothing of the runs
# is left (pools, volumes, secrets, mounts, loop devices, scratch dirs)
# and the foreign objects are exactly as they were.
# Result lines ("ok - ..."/"not ok - ...") go to DIR/results.
B=$1
S=$2
D=$3
R=$D/results
U=qemu:///system
: >"$R"
. "$(dirname "$0")/run-log.sh"
v() { virsh -q -c "$U" "$@" 2>&1; }

# Someone else's objects, to be left alone.
mkdir -p "$D/prodpool" "$D/tmp"
cat >"$D/prodpool.xml" <<XML
<pool type='dir'><name>prodpool</name><target><path>$D/prodpool</path></target></pool>
XML
cat >"$D/prodsecret.xml" <<XML
<secret ephemeral='no' private='no'><uuid>5a1e0000-0000-4000-8000-00000000cafe</uuid>
<usage type='ceph'><name>prod-ceph</name></usage></secret>
XML
v pool-define "$D/prodpool.xml" >/dev/null && v pool-start prodpool >/dev/null &&
    v vol-create-as prodpool prod-data.img 1M >/dev/null &&
    v secret-define "$D/prodsecret.xml" >/dev/null
check $? "someone else's pool, volume and secret are in place"

state() {
    v pool-list --all --name
    for p in $(v pool-list --all --name); do v vol-list "$p"; v pool-dumpxml "$p"; done
    v secret-list
    v secret-dumpxml 5a1e0000-0000-4000-8000-00000000cafe
    v nodedev-list
    sed 's/^[0-9]* [0-9]* //' /proc/self/mountinfo
    losetup -a 2>/dev/null | grep -F "$D" || true
}
state >"$D/before"

for area in storage secret nodedev; do
    log=$D/$area.log
    listed=$(TMPDIR="$D/tmp" "$B/tck/libvirt-tck" --uri "$U" --suites-dir "$B/suites" --list "$area" | grep -c "^$area/[0-9]")
    start=$(date +%s.%N)
    TMPDIR="$D/tmp" "$B/tck/libvirt-tck" --uri "$U" --suites-dir "$B/suites" \
        --known-broken "$S/suites/known-broken/$area.yml" -j 2 -v "$area" >"$log" 2>&1
    rc=$?
    echo "$area/* on $U: exit $rc in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
    check $rc "$area/* on $U: nothing fails unexpectedly (exit $rc)"
    set -- $(run_counts "$log")
    failed=$(run_failures "$log")
    [ "$(( ${1:-0} + ${3:-0} ))/${2:-x}" = "$listed/0" ]
    check $? "$area/* on $U: all $listed listed tests ran, none failed (${1:-?} passed, ${3:-?} skipped)${failed:+; failed: $failed}"
    # An entry for a test that skipped here (it needs a device) was not exercised, not stale.
    stale=$(grep "matched nothing in this run" "$log" | sed -n "s/.* test '\($area\/[^']*\)'.*/\1/p" |
            while read -r t; do grep -q "^$t \.* skipped " "$log" || echo "$t"; done)
    [ -z "$stale" ]
    check $? "$area/* on $U: no known-broken entry of $area.yml is stale${stale:+ ($stale)}"
done

# A disk the config gives away: a loop device on an image of our own.
truncate -s 64M "$D/disk.img"
if dev=$(losetup -f --show "$D/disk.img"); then
    printf 'uri: %s\nhost_block_devices:\n  - %s\n' "$U" "$dev" >"$D/block.yml"
    TMPDIR="$D/tmp" "$B/tck/libvirt-tck" -c "$D/block.yml" --suites-dir "$B/suites" \
        --known-broken "$S/suites/known-broken/storage.yml" -v storage/190-disk-pool >"$D/block.log" 2>&1
    check $? "storage/190 on the allow-listed $dev: nothing fails unexpectedly"
    grep -q '^ok [0-9]* - created a 4 MiB partition$' "$D/block.log"
    check $? "storage/190 labelled $dev and made a partition on it"
    losetup -d "$dev"
else
    check 1 "a loop device for the disk pool test"
    check 1 "storage/190 labelled the loop device and made a partition on it"
fi

# What only a real driver shows: the scenarios ran, not skipped.
grep -q '^storage/150-stream-64mib \.* ok ' "$D/storage.log"
check $? "the 64 MiB upload and download through streams passed"
grep -q '^ok [0-9]* - the image is mounted on the pool.s target$' "$D/storage.log"
check $? "the fs pools really mounted their images"
grep -q '^secret/.* skipped ' "$D/secret.log" || grep -q '^nodedev/.* skipped ' "$D/nodedev.log"
check $(( ! $? )) "no secret or nodedev test was skipped"

# Nothing of the runs is left, and the foreign objects are as they were.
left=$(v pool-list --all --name | grep '^tck-'; v secret-list | grep ' tck-')
[ -z "$left" ]
check $? "no pool or secret of the runs is left${left:+ ($left)}"
state >"$D/after"
cmp -s "$D/before" "$D/after"
check $? "pools, volumes, secrets, devices, mounts and loop devices are as before the runs"
cmp -s "$D/before" "$D/after" || diff "$D/before" "$D/after" | head -n 20 >&2
left=$(ls "$D/tmp")
[ -z "$left" ]
check $? "no scratch directory of the runs is left${left:+ ($left)}"
