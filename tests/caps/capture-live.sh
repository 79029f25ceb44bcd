#!/bin/sh
# capture-live.sh — re-capture the live fixtures (qemu:///system and
# lxc:///system capabilities, QEMU domain capabilities) from a private
# libvirtd in its own mount/net/pid namespaces.  Run by hand as root; not
# part of `make check`.  Usage: capture-live.sh OUTDIR
set -eu
out=$(cd "${1:?usage: capture-live.sh OUTDIR}" && pwd)
state=$(mktemp -d /tmp/tck-capture.XXXXXX)
for d in etc/libvirt var/lib/libvirt var/log/libvirt var/cache/libvirt; do
    mkdir -p "$state/$d"
    cp -a "/$d/." "$state/$d/" 2>/dev/null || true
done
exec unshare --mount --net --pid --fork --mount-proc --propagation private -- sh -eu -c '
    state=$1; out=$2
    mount -t tmpfs tmpfs /run
    for d in etc/libvirt var/lib/libvirt var/log/libvirt var/cache/libvirt; do
        mount --bind "$state/$d" "/$d"
    done
    umount /sys/fs/cgroup/unified 2>/dev/null || true
    ip link set lo up
    virtlogd -d
    libvirtd -d
    i=0
    until virsh -c qemu:///system version >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -lt 300 ] || { echo "libvirtd did not start" >&2; exit 1; }
        sleep 0.1
    done
    virsh -c qemu:///system capabilities > "$out/qemu-system.xml"
    virsh -c qemu:///system domcapabilities --virttype qemu --arch x86_64 --machine pc \
        > "$out/qemu-system-domcaps.xml"
    virsh -c lxc:///system capabilities > "$out/lxc-system.xml"
' sh "$state" "$out"
