#!/bin/sh
# live-bench-inner.sh BUILDDIR SRCDIR N DIR — runs inside libvirt-tck-sandbox
# for live-boot.sh.  N times each, interleaved so that a change of load
# hits every series alike:
#  - plain: qemu-system-x86_64 -kernel K -initrd I (TCG), from exec to the
#    marker on the serial log, with the compressed kernel and the vmlinux;
#  - 050: the duration the harness reports for domain/050-transient-lifecycle
#    on qemu:///system (create, checks, boot to marker, destroy, gone).
# Each also gives the CPU seconds its QEMU used: on a loaded host libvirt's
# guests share one `machine` cpu cgroup (cgroup v1) that competes with every
# other runnable task as a single entity, so their wall time stretches far
# more than a plain QEMU's; the CPU seconds do not.
# TCK_BENCH_ALL=1 adds domain/050 with boot=iso forced and on lxc:///system.
B=$1; S=$2; N=$3; D=$4
PREPARE="$B/prepare/libvirt-tck-prepare"
KERNEL=$(TCK_ASSET_CACHE= "$PREPARE" --cache "$D/cache" --path kernel)
VMLINUX=$(TCK_ASSET_CACHE= "$PREPARE" --cache "$D/cache" --path vmlinux)
INITRD=$(TCK_ASSET_CACHE= "$PREPARE" --cache "$D/cache" --path initrd)
CMDLINE=${TCK_BENCH_CMDLINE:-console=ttyS0 quiet}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.2f", m }'; }
spread() { sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "(min %.2f, max %.2f, n=%d)", v[1], v[NR], NR }'; }

plain() {     # plain KERNEL: seconds from exec to the marker
    tok=bench-$$-$i
    log=$D/$tok.log
    t0=$(date +%s.%N)
    qemu-system-x86_64 -machine pc,accel=tcg -m 256 -kernel "$1" -initrd "$INITRD" \
        -append "$CMDLINE panic=-1 tck.token=$tok" -display none -nodefaults \
        -serial "file:$log" -monitor none -no-reboot >/dev/null 2>&1 &
    qp=$!
    j=0
    while [ $j -lt 1200 ] && ! grep -aq "TCK-GUEST-READY $tok" "$log" 2>/dev/null; do
        sleep 0.02; j=$((j + 1))
    done
    grep -aq "TCK-GUEST-READY $tok" "$log" && echo "$(date +%s.%N) - $t0" | bc | tr '\n' ' ' &&
        cpu_of $qp
    kill $qp; wait $qp 2>/dev/null
    rm -f "$log"
}
cpu_of() { awk -v hz="$HZ" '{ printf "%.2f\n", ($14 + $15) / hz }' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
test050() {   # test050 URI [BOOT]: the harness's duration of domain/050, and its QEMU's CPU seconds
    env ${2:+TCK_BOOT=$2} "$B/tck/libvirt-tck" --uri "$1" --suites-dir "$B/suites" \
        domain/050-transient-lifecycle >"$D/050.out" 2>&1 &
    hp=$!
    cpu=0 qp=
    while kill -0 $hp 2>/dev/null; do
        [ -n "$qp" ] || qp=$(pgrep -f "guest=tck-.*-domain-050-" | head -n 1)
        [ -n "$qp" ] && c=$(cpu_of "$qp" 2>/dev/null) && cpu=$c
        sleep 0.1
    done
    wait $hp
    w=$(sed -n 's/^domain\/050-transient-lifecycle \.* ok *\([0-9.]*\) s$/\1/p' "$D/050.out")
    if [ -n "$w" ]; then echo "$w $cpu"; else echo "domain/050 did not pass:" >&2; tail -n 5 "$D/050.out" >&2; fi
}

series="plain-kernel plain-vmlinux 050-qemu"
[ "${TCK_BENCH_ALL:-0}" = 1 ] && series="$series 050-iso 050-lxc"
run() {
    case $1 in
        plain-kernel) plain "$KERNEL" ;;
        plain-vmlinux) plain "$VMLINUX" ;;
        050-qemu) test050 qemu:///system ;;
        050-iso) test050 qemu:///system iso ;;
        050-lxc) test050 lxc:///system ;;
    esac
}
i=0
for s in $series; do run "$s" >/dev/null; : >"$D/$s"; done   # warm-up: capabilities, page cache
while [ $i -lt "$N" ]; do
    for s in $series; do run "$s" >>"$D/$s"; done
    i=$((i + 1))
done
label() {
    case $1 in
        plain-kernel) echo "plain QEMU, compressed kernel ($(basename "$KERNEL" | cut -c1-12))" ;;
        plain-vmlinux) echo "plain QEMU, fast kernel (PVH vmlinux)" ;;
        050-qemu) echo "domain/050 on qemu:///system (whole test)" ;;
        050-iso) echo "domain/050 on qemu:///system, boot=iso (whole test)" ;;
        050-lxc) echo "domain/050 on lxc:///system (whole test)" ;;
    esac
}
echo "kernel command line of the plain boots: $CMDLINE; median of $N, TCG"
printf '%-52s %8s  %s\n' "" "wall" "QEMU's CPU seconds (load-independent)"
for s in $series; do
    printf '%-52s %6s s  %6s s  %s\n' "$(label "$s")" "$(cut -d' ' -f1 "$D/$s" | median)" \
        "$(cut -d' ' -f2 "$D/$s" | median)" "$(cut -d' ' -f1 "$D/$s" | spread)"
done
for col in 1 2; do
    k=$(cut -d' ' -f$col "$D/plain-kernel" | median); t=$(cut -d' ' -f$col "$D/050-qemu" | median)
    [ $col = 1 ] && what=wall || what="QEMU CPU"
    echo "domain/050 / plain compressed, $what: $(echo "scale=2; $t / $k" | bc) (target <= 0.65)"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
