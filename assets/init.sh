#!/bin/busybox sh
# /init of the libvirt-tck guest initrd: load the modules listed in
# /etc/tck-modules, print "TCK-GUEST-READY <token> boot=<nonce>" on every
# console, then idle and react to being asked to stop:
#  - the ACPI power button (acpid, through /dev/input): print
#    "TCK-GUEST-POWERBUTTON <token>", then power off;
#  - busybox's poweroff (SIGUSR2) or halt (SIGUSR1): power off;
#    its reboot (SIGTERM): reboot.
# Before it goes, it prints "TCK-GUEST-DOWN <token> poweroff|reboot
# boot=<nonce>".  The nonce is new at every boot, so a test sees a reboot
# as a second READY line with another nonce, and tells this boot's last
# words from the last boot's.  The token comes from the kernel command line
# (tck.token=...) or, for a guest booted from the ISO, from an SMBIOS OEM
# string "tck.token=...".
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
# the input devices would be lost, so wait (5 s at most) until it does.
i=0
while [ $i -lt 50 ] && [ -e /dev/input/event0 ] && ! ls -l "/proc/$acpid_pid/fd" 2>/dev/null | grep -q /dev/input/event; do
    sleep 0.1
    i=$((i + 1))
done

say "TCK-GUEST-READY $token boot=$boot"
while :; do
    sleep 3600 &
    wait $!
done
