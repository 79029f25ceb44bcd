#!/bin/busybox sh
# /init of the libvirt-tck guest initrd: load the modules listed in
# /etc/tck-modules, print "TCK-GUEST-READY <token> boot=<nonce>" on every
# console (and again every 5 s while it idles, since a console stream
# opened later carries only what comes after it), then idle and react to being asked to stop:
#  - the ACPI power button (acpid, through /dev/input): print
#    "TCK-GUEST-POWERBUTTON <token>", then power off;
#  - busybox's poweroff (SIGUSR2) or halt (SIGUSR1): power off;
#    its reboot (SIGTERM): reboot.
# Before it goes, it prints "TCK-GUEST-DOWN <token> poweroff|reboot
# boot=<nonce>".  The nonce is new at every boot, so a test sees a reboot
# as a second READY line with another nonce, and tells this boot's last
# words from the last boot's.  The token comes from the kernel command line
# (tck.token=...) or, for a guest booted from the ISO, from an SMBIOS OEM
# string "tck.token=...".  After READY it prints "TCK-GUEST-DISKS <block
# devices>" whenever the disks it sees change; tck.dhcp, tck.ip= and
# tck.mac= on the command line set up eth0 (network tests).
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

token=${token:-none}
say() {
    echo "$1" > /dev/console
    for c in $consoles; do
        [ -c "/dev/$c" ] && echo "$1" > "/dev/$c"
    done
}
boot=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
down() {
    say "TCK-GUEST-DOWN $token $1 boot=$boot"
    sync
    "$1" -f
}
power_button() {
    say "TCK-GUEST-POWERBUTTON $token boot=$boot"
    down poweroff
}
trap power_button PWR
trap 'down poweroff' USR1 USR2
trap 'down reboot' TERM

# acpid turns the power button's input event into PWRF/00000080, which it
# runs from its config dir; the handler tells PID 1 with SIGPWR.
mkdir -p /etc/acpi/PWRF
printf '#!/bin/sh\nkill -PWR 1\n' > /etc/acpi/PWRF/00000080
chmod 0755 /etc/acpi/PWRF/00000080
acpid -f -c /etc/acpi -l /dev/null 2>/dev/null &
acpid_pid=$!
# READY means ready to react: a power button pressed before acpid holds
# the input devices would be lost, so wait (30 s at most: a loaded TCG host
# is slow) until it does.
i=0
while [ $i -lt 300 ] && [ -e /dev/input/event0 ] && ! ls -l "/proc/$acpid_pid/fd" 2>/dev/null | grep -q /dev/input/event; do
    sleep 0.1
    i=$((i + 1))
done

say "TCK-GUEST-READY $token boot=$boot"

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
         say "TCK-GUEST-DHCP $token") &
    fi
fi
# The block devices the guest sees, again whenever they change, so that a
# disk hot-plug test can tell the guest saw the new disk; and every 5 s in
# any case, for a reader that opened the console after the change (a
# remote host's console stream only carries what comes after it opens).
(
    seen= n=0
    while :; do
        now=$(ls /sys/block 2>/dev/null | tr '\n' ' ')
        if [ "$now" != "$seen" ] || [ $((n % 5)) -eq 0 ]; then
            echo "TCK-GUEST-DISKS $now" > /dev/console
            seen=$now
        fi
        [ $((n % 5)) -eq 4 ] && say "TCK-GUEST-READY $token boot=$boot"
        n=$((n + 1))
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

while :; do
    sleep 3600 &
    wait $!
done
