#!/bin/sh
# live-bench-inner.sh BUILDDIR N — runs inside libvirt-tck-sandbox for
# live-boot.sh: boot-to-marker of the generic guest (kernel and ISO boot on
# qemu:///system, container on lxc:///system), N times each, from
# domain/050's readiness wait ("... appeared in LOG after X s").
B=$1
N=$2
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.2f s (min %.2f, max %.2f, n=%d)", m, v[1], v[NR], NR }'; }
one() {   # one URI BOOT: seconds to the marker, or nothing
    TCK_BOOT=$2 "$B/tck/libvirt-tck" --uri "$1" --suites-dir "$B/suites" -v domain/050-transient-lifecycle 2>&1 |
        sed -n "s/.*' appeared in .* after \([0-9.]*\) s$/\1/p"
}
for spec in "qemu:///system kernel" "qemu:///system iso" "lxc:///system container"; do
    set -- $spec
    one "$1" "$2" >/dev/null    # warm-up: QEMU's capabilities probe, page cache
    i=0
    : >/tmp/tck-bench-$$
    while [ $i -lt "$N" ]; do
        one "$1" "$2" >>/tmp/tck-bench-$$
        i=$((i + 1))
    done
    echo "boot-to-marker $2 on $1: $(median </tmp/tck-bench-$$)"
    rm -f /tmp/tck-bench-$$
done
