#!/bin/sh
# live-suite.sh [N] — benchmark (not a test): sandbox start-to-ready (median
# of N, default 10) and the wall time of the whole domain suite on
# qemu:///system (TCG) at -j 1 and -j 2 (known-broken applied), after one
# warm-up run, with each test's own time.
# Run from the build directory: sh ../bench/live-suite.sh
N=${1:-10}
. "$(dirname "$0")/lib.sh"
bench_sandbox_ready "$N"

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
