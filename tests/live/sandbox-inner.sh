#!/bin/sh
# sandbox-inner.sh DIR TOKEN — runs inside libvirt-tck-sandbox for live-sandbox.sh:
# real LXC and QEMU guests on the private daemon.  Writes TAP-like result
# lines ("ok - ..."/"not ok - ...") to DIR/results, diagnostics to stderr.
D=$1
TOK=$2
R=$D/results
: >"$R"
check() {   # check STATUS DESCRIPTION
    if [ "$1" -eq 0 ]; then echo "ok - $2" >>"$R"; else echo "not ok - $2" >>"$R"; fi
}
readlink /proc/self/ns/pid >"$D/pidns"

# The daemon is private: its socket lives in the sandbox's own /run.
virsh -q -c qemu:///system uri >/dev/null 2>&1
check $? "qemu:///system answers inside the sandbox"
[ "$(grep -lx libvirtd /proc/[0-9]*/comm 2>/dev/null | wc -l)" -eq 1 ] && [ "$(cat /proc/1/comm)" = libvirt-tck-san ]
check $? "the sandbox's PID namespace holds its own libvirtd, under the sandbox's init"

# LXC: the container's init prints the token to /tck-out/ready; its id is the init's pid.
virsh -q -c lxc:///system define "$D/lxc.xml" >/dev/null && virsh -q -c lxc:///system start tck-sbx-lxc >/dev/null
check $? "an LXC container is defined and started on lxc:///system"
i=0; while [ $i -lt 100 ] && ! grep -q "TCK-GUEST-READY lxc-$TOK" "$D/tck-sbx-lxc.out/ready" 2>/dev/null; do sleep 0.1; i=$((i+1)); done
grep -q "TCK-GUEST-READY lxc-$TOK" "$D/tck-sbx-lxc.out/ready" 2>/dev/null
check $? "the container's init ran and printed its token"
id=$(virsh -q -c lxc:///system domid tck-sbx-lxc)
[ -n "$id" ] && [ -d "/proc/$id" ]
check $? "the container's id ($id) is a live pid in the sandbox (LXC ids are init pids)"
virsh -q -c lxc:///system destroy tck-sbx-lxc >/dev/null && virsh -q -c lxc:///system undefine tck-sbx-lxc >/dev/null
check $? "the container is destroyed and undefined"

# QEMU (TCG): the guest boots the host kernel and its /init prints the token on the serial log.
virsh -q -c qemu:///system define "$D/qemu.xml" >/dev/null && virsh -q -c qemu:///system start tck-sbx-qemu >/dev/null
check $? "a QEMU guest is defined and started on qemu:///system"
i=0; while [ $i -lt 1200 ] && ! grep -q "TCK-GUEST-READY qemu-$TOK" "$D/tck-sbx-qemu.log" 2>/dev/null; do sleep 0.1; i=$((i+1)); done
grep -q "TCK-GUEST-READY qemu-$TOK" "$D/tck-sbx-qemu.log"
check $? "the QEMU guest booted and printed its token on the serial log (after ~$((i / 10)) s)"
virsh -q -c qemu:///system destroy tck-sbx-qemu >/dev/null && virsh -q -c qemu:///system undefine tck-sbx-qemu >/dev/null
check $? "the QEMU guest is destroyed and undefined"

# A guest left running is the sandbox's to destroy on the way out.
virsh -q -c lxc:///system create "$D/lxc2.xml" >/dev/null
check $? "a transient container is left running for the sandbox to destroy"
