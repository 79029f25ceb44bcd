#!/bin/sh
# Stage 2 of the emulated Xen host's dom0 (libvirt-tck-sandbox --xen), run
# from the host's own root (read-only, tmpfs overlay): Xen's dom0 services,
# the network QEMU forwards a loopback port into, virtlogd and libvirtd with
# the libxl driver listening on TCP.  Prints TCK-XEN-HOST-READY once
# xen:///system answers, TCK-XEN-HOST-FAILED otherwise; then relays
# libvirt's libxl logs to the console, which is the serial log on the host.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/xen-4.17/bin
say() { echo "TCK-DOM0: $*"; }
fail() { echo "TCK-XEN-HOST-FAILED $*"; exec sleep 100000; }
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t tmpfs tmpfs /run
# xenconsoled gives each guest console a pty ("console tty: timed out" without it)
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts
# /var/lock is /run/lock: libvirt locks a console pty there ("Couldn't create lock file")
mkdir -p /run/lock /run/xen /run/xenstored /run/libvirt /var/log/xen /var/log/libvirt/libxl /var/lib/xen
modprobe xenfs && mount -t xenfs xenfs /proc/xen || fail "no xenfs: not a Xen dom0"
for m in xen-evtchn xen-gntdev xen-gntalloc xen-privcmd xen-blkback xen-netback loop virtio_net virtio_blk ext4; do
    modprobe "$m" || say "modprobe $m failed"
done
# /var/lib/libvirt on dom0's own disk, not the tmpfs overlay: save images,
# dumps and the tck-assets pool are as big as guests' memory (in tmpfs
# they used up dom0's memory until libvirtd was killed).
i=0
until [ -b /dev/vda ] || [ $i -ge 20 ]; do i=$((i + 1)); sleep 0.5; done
[ -b /dev/vda ] || fail "no /dev/vda: the sandbox gives dom0 a disk for /var/lib/libvirt"
mkfs.ext4 -q -F -E lazy_itable_init=1,lazy_journal_init=1 /dev/vda || fail "mkfs.ext4 /dev/vda failed"
mount -t ext4 /dev/vda /var/lib/libvirt || fail "cannot mount /dev/vda on /var/lib/libvirt"
say "/var/lib/libvirt is on its own disk"
grep -q control_d /proc/xen/capabilities || fail "not the control domain"
xenstored --pid-file /run/xenstored.pid || fail "xenstored did not start"
xen-init-dom0 >/dev/null || fail "xen-init-dom0 failed"
xenconsoled --pid-file=/run/xenconsoled.pid || fail "xenconsoled did not start"
say "xen services up"
ip link set lo up
ip link set eth0 up
ip addr add 10.0.2.15/24 dev eth0
ip route add default via 10.0.2.2
printf '%s\n' 'listen_tcp = 1' 'listen_tls = 0' 'auth_tcp = "none"' 'listen_addr = "0.0.0.0"' \
    'log_outputs = "3:stderr"' > /etc/libvirt/libvirtd.conf
virtlogd -d || fail "virtlogd did not start"
libvirtd --listen > /dev/console 2>&1 &
i=0
until out=$(virsh -c xen:///system version 2>&1); do
    i=$((i + 1))
    [ $i -lt 150 ] || fail "libvirtd did not answer: $out"
    sleep 2
done
echo "$out" | sed 's/^/TCK-DOM0: /'
echo "TCK-XEN-HOST-READY"
# libxl's own logs name why a domain could not be made: relay new lines.
# Every program dom0 starts is read over 9p and run under TCG, which the
# guests feel: look every 10 s, and only at logs written since last time.
while true; do
    sleep 10
    for f in /var/log/libvirt/libxl/*.log /var/log/xen/*.log; do
        seen="/run/tck-seen.${f##*/}"
        # (test's -nt is false when $seen does not exist yet; a stamp of the
        # same second as the log is not newer, so that log is looked at again)
        [ -f "$f" ] && ! [ "$seen" -nt "$f" ] || continue
        o=0
        [ -f "$seen" ] && read -r o < "$seen"
        n=$(wc -l < "$f")
        if [ "$n" -gt "$o" ]; then
            tail -n "+$((o + 1))" "$f" | head -n $((n - o)) | sed "s|^|TCK-LOG ${f##*/}: |"
        fi
        echo "$n" > "$seen"
    done
done
