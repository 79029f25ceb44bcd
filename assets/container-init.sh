#!/bin/sh
# /sbin/init of the libvirt-tck container rootfs: print
# "TCK-GUEST-READY $TCK_TOKEN boot=<nonce>" on /dev/console and append it
# to /tck-out/ready when /tck-out is writable (on the console again every
# 2 s, for a reader that opens it later), then idle and react to
# libvirt's LXC driver asking it to stop:
#  - SIGTERM (virDomainShutdown) or busybox's poweroff/halt (SIGUSR2/USR1):
#    print "TCK-GUEST-DOWN $TCK_TOKEN poweroff boot=<nonce>" and exit;
#  - SIGHUP (virDomainReboot): print "TCK-GUEST-DOWN $TCK_TOKEN reboot
#    boot=<nonce>" and
#    call reboot(2), which in a PID namespace ends init with SIGHUP: the
#    driver's sign to start the container again.
# The nonce is new at every boot, so a reboot shows as a second READY line.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
token=${TCK_TOKEN:-none}
say() {
    echo "$1" > /dev/console 2>/dev/null || echo "$1"
    if [ -d /tck-out ] && [ -w /tck-out ]; then
        echo "$1" >> /tck-out/ready
    fi
}
boot=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
say "TCK-GUEST-READY $token boot=$boot"
# A container starts in a fraction of a second: its console (read through
# virDomainOpenConsole) may open after the first line; say it again.
( while sleep 2; do echo "TCK-GUEST-READY $token boot=$boot" > /dev/console 2>/dev/null || exit 0; done ) &

trap 'say "TCK-GUEST-DOWN $token poweroff boot=$boot"; exit 0' TERM USR1 USR2 PWR INT
trap 'say "TCK-GUEST-DOWN $token reboot boot=$boot"; reboot -f; exit 0' HUP
while :; do
    sleep 3600 &
    wait $!
done
