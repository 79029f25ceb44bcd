#!/bin/sh
# live-objects-b.sh — benchmark (not a test): the wall time of each of the
# network, nwfilter and interface suites on qemu:///system (TCG guests)
# inside the sandbox, at -j 1 and at -j 2, after one warm-up run of the
# network suite (capabilities cache, first network).
# Run from the build directory: sh ../bench/live-objects-b.sh
B=${top_builddir:-$PWD}
S=$(cd "$(dirname "$0")/.." && pwd)
D=$(mktemp -d /tmp/tck-bench-objects-b-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"
"$B/prepare/libvirt-tck-prepare" --cache "$D/cache" --offline -q --only kernel,initrd || exit 1
cat >"$D/inner.sh" <<'INNER'
B=$1 S=$2 D=$3
run() {   # run AREA J
    t0=$(date +%s.%N)
    "$B/tck/libvirt-tck" --uri qemu:///system --suites-dir "$B/suites" -j "$2" \
        --known-broken "$S/suites/known-broken/network.yml" \
        --known-broken "$S/suites/known-broken/interface.yml" "$1" >"$D/$1-j$2.log" 2>&1
    rc=$?
    printf '%-9s -j %s: %6.1f s, exit %s, %s\n' "$1" "$2" "$(echo "$(date +%s.%N) - $t0" | bc)" "$rc" \
        "$(tail -n 1 "$D/$1-j$2.log")"
}
run network 2 >/dev/null   # warm-up
for area in network nwfilter interface; do
    run $area 1
    run $area 2
done
INNER
TCK_ASSET_CACHE="$D/cache" "$B/tck/libvirt-tck-sandbox" --no-kvm -- sh "$D/inner.sh" "$B" "$S" "$D"
