#!/bin/sh
# /sbin/init of the libvirt-tck container rootfs: print
# "TCK-GUEST-READY $TCK_TOKEN" on /dev/console (again every 2 s, for a
# reader that opens the console later), also into /tck-out/ready when
# /tck-out is writable, then idle until poweroff or SIGTERM/SIGPWR.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
line="TCK-GUEST-READY ${TCK_TOKEN:-none}"
echo "$line" > /dev/console 2>/dev/null || echo "$line"
if [ -d /tck-out ] && [ -w /tck-out ]; then
    echo "$line" > /tck-out/.ready.tmp && mv /tck-out/.ready.tmp /tck-out/ready
fi
# A container starts in a fraction of a second: its console (read through
# virDomainOpenConsole) may open after the first line; say it again.
( while sleep 2; do echo "$line" > /dev/console 2>/dev/null || exit 0; done ) &
trap 'exit 0' USR1 USR2 TERM PWR INT
while :; do
    sleep 3600 &
    wait $!
done
