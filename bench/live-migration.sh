#!/bin/sh
# live-migration.sh [N] — benchmark (not a test): libvirt-tck-sandbox
# --hosts 2 start-to-ready (median of N, default 3), the wall time of the
# migration suite between the two hosts (QEMU on TCG, -j 1), and the time
# of one live migration of the generic guest (managed, peer-to-peer and
# tunnelled, as migration/010 reports them).
# Run from the build directory: sh ../bench/live-migration.sh
N=${1:-3}
. "$(dirname "$0")/lib.sh"
bench_sandbox_ready "$N" "two hosts" --hosts 2

"$B/prepare/libvirt-tck-prepare" --cache "$D/cache" --offline -q --only kernel,vmlinux,initrd || exit 1
cat >"$D/inner.sh" <<'INNER'
B=$1
t0=$(date +%s.%N)
"$B/tck/libvirt-tck" --suites-dir "$B/suites" -v migration >"$2/run.log" 2>&1
rc=$?
echo "migration/* between two hosts: $(echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f') s, exit $rc, $(grep 'passed,' "$2/run.log")"
grep -E '^migration/' "$2/run.log" | sed 's/^/    /'
grep -E 'live migration took' "$2/run.log" | sed 's/^ *# */    one /'
INNER
TCK_ASSET_CACHE="$D/cache" "$B/tck/libvirt-tck-sandbox" --no-kvm --hosts 2 -- sh "$D/inner.sh" "$B" "$D"
