#!/bin/busybox sh
# /init of the libvirt-tck guest initrd: load the virtio modules listed in
# /etc/tck-modules, print "TCK-GUEST-READY <token>" on every console, idle.
# The token comes from the kernel command line (tck.token=...) or, for a
# guest booted from the ISO, from an SMBIOS OEM string "tck.token=...".
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
