#!/bin/sh
# live-suite.sh [N] — benchmark (not a test): sandbox start-to-ready (median
# of N, default 10) and the wall time of the whole domain suite on
# qemu:///system (TCG) at -j 1 and -j 2 (known-broken applied), after one
# warm-up run, with each test's own time.
# Run from the build directory: sh ../bench/live-suite.sh
B=${top_builddir:-$PWD}
N=${1:-10}
D=$(mktemp -d /tmp/tck-bench-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.2f s (min %.2f, max %.2f, n=%d)", m, v[1], v[NR], NR }'; }
echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"

# start-to-ready: from exec to the command's first instruction (the daemons answer by then)
i=0
while [ $i -lt "$N" ]; do
    t0=$(date +%s.%N)
    "$B/tck/libvirt-tck-sandbox" --no-kvm -- date +%s.%N >"$D/t"
    t2=$(date +%s.%N)
    echo "$(cat "$D/t") - $t0" | bc >>"$D/ready"
    echo "$t2 - $t0" | bc >>"$D/whole"
    i=$((i + 1))
done
echo "sandbox start-to-ready: $(median <"$D/ready")"
echo "sandbox start, run nothing, tear down: $(median <"$D/whole")"

"$B/prepare/libvirt-tck-prepare" --cache "$D/cache" --offline -q --only kernel,initrd,disk-qcow2 || exit 1
cat >"$D/inner.sh" <<'INNER'
B=$1
run() {
    t0=$(date +%s.%N)
    "$B/tck/libvirt-tck" --uri qemu:///system --suites-dir "$B/suites" -j "$1" \
        --known-broken "$B/../suites/known-broken/domain.yml" domain >"$2" 2>&1
    rc=$?
    echo "domain/* on qemu:///system at -j $1: $(echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f') s, exit $rc, $(tail -n 1 "$2")"
    grep -E '^domain/' "$2" | sed 's/^/    /'
}
# warm-up: the capabilities cache (one test that boots nothing)
"$B/tck/libvirt-tck" --uri qemu:///system --suites-dir "$B/suites" domain/080-unique-identifiers >/dev/null 2>&1
run 1 "$2/j1.log"
run 2 "$2/j2.log"
INNER
TCK_ASSET_CACHE="$D/cache" "$B/tck/libvirt-tck-sandbox" --no-kvm -- sh "$D/inner.sh" "$B" "$D"
