#!/bin/busybox sh
# /init of the libvirt-tck guest initrd: load the virtio modules listed in
# /etc/tck-modules, print "TCK-GUEST-READY <token>" on every console, then
# "TCK-GUEST-DISKS <block devices>" whenever the disks it sees change, idle.
# The token comes from the kernel command line (tck.token=...) or, for a
# guest booted from the ISO, from an SMBIOS OEM string "tck.token=...".
# tck.dhcp, tck.ip= and tck.mac= on the command line set up eth0 (network tests).
/bin/busybox mkdir -p /proc /sys /dev /tmp /run
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev 2>/dev/null
export PATH=/bin:/sbin:/usr/bin:/usr/sbin

while read -r m; do
    [ -n "$m" ] && insmod "/lib/modules/$m" 2>/dev/null
done < /etc/tck-modules

token=
consoles=
for w in $(cat /proc/cmdline); do
    case "$w" in
        tck.token=*) token="${w#tck.token=}" ;;
        console=*) c="${w#console=}"; consoles="$consoles ${c%%,*}" ;;
    esac
done
if [ -z "$token" ]; then
    for f in /sys/firmware/dmi/entries/11-*/raw; do
        [ -r "$f" ] || continue
        t=$(tr '\000' '\n' < "$f" | grep -o 'tck\.token=[^ ]*' | head -n 1)
        [ -n "$t" ] && token="${t#tck.token=}" && break
    done
fi

line="TCK-GUEST-READY ${token:-none}"
echo "$line" > /dev/console
for c in $consoles; do
    [ -c "/dev/$c" ] && echo "$line" > "/dev/$c"
done

# Network tests: tck.mac=M gives eth0 that MAC, tck.ip=A/N that address,
# tck.dhcp asks busybox udhcpc for a lease (and sets the address it gets).
net_mac= net_ip= net_dhcp=
for w in $(cat /proc/cmdline); do
    case "$w" in
        tck.mac=*) net_mac="${w#tck.mac=}" ;;
        tck.ip=*) net_ip="${w#tck.ip=}" ;;
        tck.dhcp) net_dhcp=1 ;;
    esac
done
if [ -n "$net_mac$net_ip$net_dhcp" ]; then
    [ -n "$net_mac" ] && ip link set eth0 address "$net_mac"
    ip link set eth0 up
    [ -n "$net_ip" ] && ip addr add "$net_ip" dev eth0
    if [ -n "$net_dhcp" ]; then
        printf '#!/bin/sh\n[ "$1" = bound ] && ip addr add "$ip/$mask" dev "$interface"\nexit 0\n' > /tmp/udhcpc.sh
        chmod 0755 /tmp/udhcpc.sh
        (udhcpc -i eth0 -q -n -t 30 -T 2 -s /tmp/udhcpc.sh >/dev/null 2>&1 &&
         echo "TCK-GUEST-DHCP ${token:-none}" > /dev/console) &
    fi
fi
# The block devices the guest sees, again whenever they change, so that a
# disk hot-plug test can tell the guest saw the new disk.
(
    seen=
    while :; do
        now=$(ls /sys/block 2>/dev/null | tr '\n' ' ')
        if [ "$now" != "$seen" ]; then
            echo "TCK-GUEST-DISKS $now" > /dev/console
            seen=$now
        fi
        sleep 1
    done
) &
# optional (tck.heartbeat=1 on the kernel command line): a counter once a
# second on every console, so that a migrated guest shows it goes on
case " $(cat /proc/cmdline) " in
    *" tck.heartbeat=1 "*)
        (n=0; while :; do
            n=$((n + 1))
            for c in $consoles; do [ -c "/dev/$c" ] && echo "TCK-HEARTBEAT $n" > "/dev/$c"; done
            sleep 1
        done) &
        ;;
esac

# idle; `poweroff` signals PID 1 with USR2, a plain signal ends us too
trap 'poweroff -f' USR1 USR2 TERM PWR
while :; do
    sleep 3600 &
    wait $!
done
