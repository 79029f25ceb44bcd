#!/bin/busybox sh
# /init of the emulated Xen host's dom0 (libvirt-tck-sandbox --xen): load
# the modules of /etc/tck-modules in order, mount the host's root read-only
# over virtio-9p with a tmpfs overlay on top, mount the shared scratch
# directories read-write at their host paths, and hand over to the stage-2
# script named by tck.stage2= (read from the host's root, so it is the very
# script of the libvirt-tck that booted us).
/bin/busybox mkdir -p /sbin /usr/bin /usr/sbin /lower /upper /newroot
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for m in $(cat /etc/tck-modules); do
    insmod "/lib/modules/$m" || echo "TCK-DOM0: insmod $m failed"
done
stage2=
shares=
for w in $(cat /proc/cmdline); do
    case "$w" in
        tck.stage2=*) stage2="${w#tck.stage2=}" ;;
        tck.share=*) shares="$shares ${w#tck.share=}" ;;
    esac
done
fail() { echo "TCK-XEN-HOST-FAILED $*"; exec sleep 100000; }
# cache=loose: the host's root is read-only here and does not change under
# a run, so dom0 keeps what it read (its programs, libraries) in memory
# instead of asking QEMU again for each exec under TCG.
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose hostroot /lower ||
    fail "cannot mount the host root over 9p"
mount -t tmpfs -o size=512m tmpfs /upper && mkdir -p /upper/u /upper/w
mount -t overlay overlay -o lowerdir=/lower,upperdir=/upper/u,workdir=/upper/w /newroot ||
    fail "cannot mount the overlay root"
n=0
for s in $shares; do
    mkdir -p "/newroot$s"
    mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 "share$n" "/newroot$s" ||
        fail "cannot mount the shared directory $s"
    n=$((n + 1))
done
[ -n "$stage2" ] && [ -f "/newroot$stage2" ] || fail "no stage-2 script (tck.stage2=$stage2)"
echo "TCK-DOM0: root mounted"
umount /proc /sys
mount --move /dev /newroot/dev
exec switch_root /newroot /bin/sh "$stage2"
