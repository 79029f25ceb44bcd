#!/bin/sh
# live-bench-inner.sh BUILDDIR SRCDIR N DIR — runs inside libvirt-tck-sandbox
# for live-boot.sh.  Boot-to-marker, N times each:
#  - the generic guest (kernel+initrd on qemu:///system, container on
#    lxc:///system) as domain/050 sees it: its readiness wait's figure;
#  - the same with boot=iso forced (the ISO on a cdrom);
#  - the host kernel + busybox initrd and the cached ISO created with virsh
#    from fixtures, timed from `virsh create` to the marker in the serial
#    log (with and without 'quiet' on the kernel command line).
B=$1; S=$2; N=$3; D=$4
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.2f s (min %.2f, max %.2f, n=%d)", m, v[1], v[NR], NR }'; }
generic() {   # generic URI [BOOT]: seconds from domain/050's wait
    env ${2:+TCK_BOOT=$2} "$B/tck/libvirt-tck" --uri "$1" --suites-dir "$B/suites" -v domain/050-transient-lifecycle 2>&1 |
        sed -n "s/.*' appeared in .* after \([0-9.]*\) s$/\1/p"
}
direct() {    # direct FIXTURE SOURCE CMDLINE-EXTRA: seconds from virsh create to the marker
    tok=bench-$$-$i
    log=$D/$tok.log
    sed -e "s|@DIR@/@NAME@.log|$log|" -e "s|@LOG@|$log|" -e "s|@NAME@|tck-bench|g" \
        -e "s|@TOKEN@|$tok|g" -e "s|@TYPE@|qemu|g" -e "s|@DIR@|$2|g" -e "s|quiet panic=-1|$3 panic=-1|" \
        "$S/tests/live/$1" >"$D/bench.xml"
    t0=$(date +%s.%N)
    virsh -q -c qemu:///system create "$D/bench.xml" >/dev/null || return
    j=0
    while [ $j -lt 1200 ] && ! grep -q "TCK-GUEST-READY $tok" "$log" 2>/dev/null; do sleep 0.05; j=$((j + 1)); done
    grep -q "TCK-GUEST-READY $tok" "$log" && echo "$(date +%s.%N) - $t0" | bc
    virsh -q -c qemu:///system destroy tck-bench >/dev/null
}
series() {    # series LABEL COMMAND...
    label=$1; shift
    i=0; "$@" >/dev/null          # warm-up: capabilities probe, page cache
    : >"$D/series"
    while [ $i -lt "$N" ]; do "$@" >>"$D/series"; i=$((i + 1)); done
    echo "boot-to-marker, $label: $(median <"$D/series")"
}
series "generic guest, kernel+initrd, qemu:///system (TCG)" generic qemu:///system
series "generic guest, container, lxc:///system" generic lxc:///system
series "generic guest, ISO (boot=iso forced), qemu:///system (TCG)" generic qemu:///system iso
series "ISO (isolinux, IDE cdrom) via virsh from a fixture, qemu:///system (TCG)" \
    direct qemu-iso-domain.xml "$(TCK_ASSET_CACHE= "$B/prepare/libvirt-tck-prepare" --cache "$D/cache" --path iso)" ""
series "host kernel + busybox initrd via virsh, 'quiet'" direct qemu-domain.xml "$D/payload" quiet
series "host kernel + busybox initrd via virsh, verbose console" direct qemu-domain.xml "$D/payload" ""
