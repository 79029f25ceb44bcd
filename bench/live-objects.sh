#!/bin/sh
# live-objects.sh [N] — benchmark (not a test): the wall time of each of
# the storage, secret and nodedev suites on qemu:///system in the sandbox,
# at -j 1 and -j 2, median of N runs each (default 3) after one warm-up.
# No guest boots; storage/150 moves 64 MiB each way through streams.
# Run from the build directory: sh ../bench/live-objects.sh
B=${top_builddir:-$PWD}
S=${top_srcdir:-$B/..}
N=${1:-3}
D=$(mktemp -d /tmp/tck-bench-objects-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"
cat >"$D/inner.sh" <<'INNER'
B=$1; S=$2; N=$3; D=$4
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.2f s (min %.2f, max %.2f, n=%d)", m, v[1], v[NR], NR }'; }
run() {   # run AREA J: seconds for one run, or nothing when it failed
    t0=$(date +%s.%N)
    "$B/tck/libvirt-tck" --uri qemu:///system --suites-dir "$B/suites" \
        --known-broken "$S/suites/known-broken/$1.yml" -j "$2" "$1" >"$D/last.log" 2>&1 || return
    echo "$(date +%s.%N) - $t0" | bc
}
for area in storage secret nodedev; do run "$area" 2 >/dev/null; done   # warm-up
for area in storage secret nodedev; do
    for j in 1 2; do
        : >"$D/times"
        i=0
        while [ $i -lt "$N" ]; do run "$area" "$j" >>"$D/times"; i=$((i + 1)); done
        echo "$area/* on qemu:///system at -j $j: $(median <"$D/times") ($(tail -n 1 "$D/last.log"))"
    done
done
INNER
"$B/tck/libvirt-tck-sandbox" --no-kvm -- sh "$D/inner.sh" "$B" "$S" "$N" "$D"
