#!/bin/sh
# storage-safety-inner.sh BUILDDIR DIR — runs inside libvirt-tck-sandbox
# for live-storage-safety.sh.  Result lines go to DIR/results.
B=$1
D=$2
R=$D/results
TCK="$B/tck/libvirt-tck"
Q=qemu:///system
: >"$R"
check() { if [ "$1" -eq 0 ]; then echo "ok - $2" >>"$R"; else echo "not ok - $2" >>"$R"; fi; }
pool_xml() {   # pool_xml NAME PATH
    printf "<pool type='dir'><name>%s</name><target><path>%s</path></target></pool>\n" "$1" "$2"
}
LINKED=tck-0badf00d-storage-010-pool
MIXED=tck-0badf00d-storage-020-pool
OWNVOL=tck-0badf00d-storage-020-vol

mkdir -p "$D/images" "$D/mixed"
ln -s "$D/images" "$D/link"
echo "production data" >"$D/images/prod-web-root.qcow2"
echo "someone's file" >"$D/mixed/foreign.img"
pool_xml images "$D/images" >"$D/images.xml"
pool_xml $LINKED "$D/link" >"$D/linked.xml"
pool_xml $MIXED "$D/mixed" >"$D/mixed.xml"
virsh -q -c $Q pool-define "$D/images.xml" >/dev/null && virsh -q -c $Q pool-start images >/dev/null &&
    virsh -q -c $Q pool-define "$D/linked.xml" >/dev/null && virsh -q -c $Q pool-start $LINKED >/dev/null &&
    virsh -q -c $Q pool-define "$D/mixed.xml" >/dev/null && virsh -q -c $Q pool-start $MIXED >/dev/null &&
    virsh -q -c $Q vol-create-as $MIXED $OWNVOL 1M >/dev/null &&
    virsh -q -c $Q vol-list $LINKED | grep -q prod-web-root.qcow2
check $? "someone else's pool, a leftover tck- pool on a symlink to its directory and one holding a foreign file exist"

"$TCK" --uri $Q --force -v "$B/tests/fixtures/isolation/passing" >"$D/force.log" 2>&1
rc=$?
check $rc "a --force run passes (exit $rc)"

[ -f "$D/images/prod-web-root.qcow2" ] && virsh -q -c $Q vol-list images | grep -q prod-web-root.qcow2
check $? "the production volume seen through the leftover pool's symlink is still there"
[ -f "$D/mixed/foreign.img" ] && [ ! -e "$D/mixed/$OWNVOL" ]
check $? "the leftover pool's foreign file stays, its run's own volume went"
! virsh -q -c $Q pool-info $LINKED >/dev/null 2>&1 && ! virsh -q -c $Q pool-info $MIXED >/dev/null 2>&1 &&
    [ -d "$D/mixed" ] && [ -L "$D/link" ]
check $? "both leftover pools were destroyed and undefined, their targets never deleted"
virsh -q -c $Q pool-info images | grep -q 'State: *running'
check $? "someone else's pool is still running"
