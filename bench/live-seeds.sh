#!/bin/sh
# live-seeds.sh [N] — benchmark (not a test): sandbox start-to-ready (median
# of N, default 10) and the wall time of the four domain tests on
# qemu:///system (TCG) at -j 2 (and -j 1 with TCK_BENCH_J1=1), RUNS times
# (default 3), before and after the fast kernel, after one warm-up run.
# Run from the build directory: sh ../bench/live-seeds.sh
N=${1:-10}
. "$(dirname "$0")/lib.sh"
bench_sandbox_ready "$N"

# "before": a cache without the fast kernel (guests boot the compressed
# kernel, as before it existed); "after": with it
"$B/prepare/libvirt-tck-prepare" --cache "$D/cache-before" --offline -q --only kernel,initrd || exit 1
"$B/prepare/libvirt-tck-prepare" --cache "$D/cache" --offline -q --only kernel,vmlinux,initrd || exit 1
cat >"$D/inner.sh" <<'INNER'
B=$1 D=$2 N=$3
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.1f s (min %.1f, max %.1f, n=%d)", m, v[1], v[NR], NR }'; }
run() {       # run CACHE JOBS LOG: wall seconds of domain/* on qemu:///system
    t0=$(date +%s.%N)
    TCK_ASSET_CACHE=$1 "$B/tck/libvirt-tck" --uri qemu:///system --suites-dir "$B/suites" -j "$2" domain >"$3" 2>&1 ||
        { echo "failed: $(tail -n 1 "$3")" >&2; return; }
    echo "$(date +%s.%N) - $t0" | bc
}
run "$D/cache" 2 /dev/null >/dev/null   # warm-up: capabilities cache, durations
i=0
while [ $i -lt "$N" ]; do
    for c in before after; do
        cache=$D/cache; [ $c = before ] && cache=$D/cache-before
        run "$cache" 2 "$D/$c-j2.log" >>"$D/$c-j2"
        [ "${TCK_BENCH_J1:-0}" = 1 ] && run "$cache" 1 "$D/$c-j1.log" >>"$D/$c-j1"
    done
    i=$((i + 1))
done
for c in before after; do
    echo "domain/* (4 seed scenarios) on qemu:///system at -j 2, $c the fast kernel: $(median <"$D/$c-j2")"
    [ "${TCK_BENCH_J1:-0}" = 1 ] && echo "    at -j 1: $(median <"$D/$c-j1")"
    grep -E '^domain/' "$D/$c-j2.log" | sed 's/^/    /'
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
INNER
TCK_ASSET_CACHE="$D/cache" "$B/tck/libvirt-tck-sandbox" --no-kvm -- sh "$D/inner.sh" "$B" "$D" "${RUNS:-3}"
